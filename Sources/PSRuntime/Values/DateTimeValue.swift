import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#endif

/// A .NET `DateTime`: 100-ns ticks since 0001-01-01T00:00:00 in the proleptic Gregorian calendar,
/// plus its kind.
///
/// The simulated host's time zone is UTC, so local time equals UTC (a `.local` value and a `.utc`
/// value with the same ticks denote the same instant; only the kind differs, as in .NET).
/// `now`/`utcNow` read the real clock unless `SOURCE_DATE_EPOCH` (seconds since 1970) is set, in
/// which case that instant is used, so output that shows the time is reproducible.
public struct DateTimeValue: Sendable, Equatable, Hashable {
  public enum Kind: Sendable, Equatable, Hashable {
    case unspecified
    case utc
    case local
  }

  public var ticks: Int64
  public var kind: Kind

  public static let ticksPerMillisecond: Int64 = 10_000
  public static let ticksPerSecond: Int64 = 10_000_000
  public static let ticksPerMinute: Int64 = ticksPerSecond * 60
  public static let ticksPerHour: Int64 = ticksPerMinute * 60
  public static let ticksPerDay: Int64 = ticksPerHour * 24
  /// Ticks at 1970-01-01T00:00:00.
  public static let unixEpochTicks: Int64 = 621_355_968_000_000_000
  /// Ticks at 9999-12-31T23:59:59.9999999.
  public static let maxTicks: Int64 = 3_155_378_975_999_999_999

  public init(ticks: Int64, kind: Kind = .unspecified) {
    self.ticks = ticks
    self.kind = kind
  }

  /// Days since 0001-01-01 for a calendar date.
  static func dayNumber(year: Int, month: Int, day: Int) -> Int {
    DateFormat.daysFromCivil(year: year, month: month, day: day) + Int(unixEpochTicks / ticksPerDay)
  }

  static func daysInMonth(year: Int, month: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// nil when a component is out of range.
  public init?(
    year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0, fraction: Int64 = 0,
    kind: Kind = .unspecified
  ) {
    guard (1...9999).contains(year), (1...12).contains(month), day >= 1,
      day <= DateTimeValue.daysInMonth(year: year, month: month), (0..<24).contains(hour), (0..<60).contains(minute),
      (0..<60).contains(second), (0..<DateTimeValue.ticksPerSecond).contains(fraction)
    else { return nil }
    let days = Int64(DateTimeValue.dayNumber(year: year, month: month, day: day))
    ticks =
      days * DateTimeValue.ticksPerDay + Int64(hour) * DateTimeValue.ticksPerHour + Int64(minute)
      * DateTimeValue.ticksPerMinute + Int64(second) * DateTimeValue.ticksPerSecond + fraction
    self.kind = kind
  }

  /// Calendar components.
  public var parts: DateTimeParts {
    let days = Int(ticks / DateTimeValue.ticksPerDay)
    let date = DateFormat.civilFromDays(days - Int(DateTimeValue.unixEpochTicks / DateTimeValue.ticksPerDay))
    let rest = ticks % DateTimeValue.ticksPerDay
    let k: DateTimeKind =
      switch kind {
      case .unspecified: .unspecified
      case .utc: .utc
      case .local: .local(offsetMinutes: 0)
      }
    return DateTimeParts(
      year: date.year, month: date.month, day: date.day, hour: Int(rest / DateTimeValue.ticksPerHour),
      minute: Int(rest / DateTimeValue.ticksPerMinute % 60), second: Int(rest / DateTimeValue.ticksPerSecond % 60),
      ticks: Int(rest % DateTimeValue.ticksPerSecond), kind: k)
  }

  /// 0 = Sunday … 6 = Saturday (0001-01-01 was a Monday).
  public var dayOfWeek: Int { Int((ticks / DateTimeValue.ticksPerDay + 1) % 7) }

  public static let dayOfWeekNames = DateFormat.dayNames

  /// Midnight of the same day, same kind.
  public var date: DateTimeValue {
    DateTimeValue(ticks: ticks - ticks % DateTimeValue.ticksPerDay, kind: kind)
  }

  /// Adds ticks; nil when the result is outside 0001…9999.
  public func adding(ticks delta: Int64) -> DateTimeValue? {
    let (r, overflow) = ticks.addingReportingOverflow(delta)
    guard !overflow, r >= 0, r <= DateTimeValue.maxTicks else { return nil }
    return DateTimeValue(ticks: r, kind: kind)
  }

  /// The current time as local (`[DateTime]::Now`, which equals UTC on the simulated host).
  public static var now: DateTimeValue { DateTimeValue(ticks: currentTicks(), kind: .local) }
  public static var utcNow: DateTimeValue { DateTimeValue(ticks: currentTicks(), kind: .utc) }
  public static var today: DateTimeValue { now.date }

  static func currentTicks() -> Int64 {
    currentTicks(sourceDateEpoch: getenv("SOURCE_DATE_EPOCH").map { String(cString: $0) })
  }

  /// The clock, or `sourceDateEpoch` (seconds since 1970) when it is a number.
  static func currentTicks(sourceDateEpoch: String?) -> Int64 {
    if let raw = sourceDateEpoch, let secs = Int64(raw.trimmingCharacters(of: " ")),
      secs >= 0, secs < 253_402_300_800
    {
      return unixEpochTicks + secs * ticksPerSecond
    }
    var ts = timespec()
    clock_gettime(CLOCK_REALTIME, &ts)
    return unixEpochTicks + Int64(ts.tv_sec) * ticksPerSecond + Int64(ts.tv_nsec) / 100
  }

  // MARK: - Parsing

  /// Parses the forms PowerShell scripts commonly use (invariant culture): ISO 8601
  /// (`2024-01-31`, `2024-01-31T10:20:30`, `…Z`, `…+02:00`, with an optional fraction, `T` or a space
  /// between date and time) and US style `M/d/yyyy [h:mm[:ss] [AM|PM]]`. A UTC or offset suffix
  /// yields local time, as .NET's `DateTime.Parse` does. nil when the text is not a date.
  public static func parse(_ text: String) -> DateTimeValue? {
    var s = Substring(text.trimmingCharacters(of: " "))
    func number(_ minDigits: Int, _ maxDigits: Int) -> Int? {
      let digits = s.prefix(while: { $0.isASCII && $0.isNumber }).prefix(maxDigits)
      guard digits.count >= minDigits, let n = Int(digits) else { return nil }
      s = s.dropFirst(digits.count)
      return n
    }
    func eat(_ c: Character) -> Bool {
      if s.first == c {
        s.removeFirst()
        return true
      }
      return false
    }
    var year = 0
    var month = 0
    var day = 0
    guard let first = number(1, 4) else { return nil }
    if eat("-") {
      year = first
      guard let m = number(1, 2), eat("-"), let d = number(1, 2) else { return nil }
      month = m
      day = d
    } else if eat("/") {
      month = first
      guard let d = number(1, 2), eat("/"), let y = number(4, 4) else { return nil }
      day = d
      year = y
    } else {
      return nil
    }
    var hour = 0
    var minute = 0
    var second = 0
    var fraction: Int64 = 0
    var kind = Kind.unspecified
    var offsetMinutes: Int?
    if eat("T") || eat(" ") {
      while eat(" ") {}
      guard let h = number(1, 2), eat(":"), let mi = number(2, 2) else { return nil }
      hour = h
      minute = mi
      if eat(":") {
        guard let sec = number(2, 2) else { return nil }
        second = sec
        if eat(".") {
          let digits = s.prefix(while: { $0.isASCII && $0.isNumber })
          guard !digits.isEmpty else { return nil }
          s = s.dropFirst(digits.count)
          let padded = String(digits.prefix(7)).padding(toLength: 7)
          fraction = Int64(padded) ?? 0
        }
      }
      while eat(" ") {}
      let rest = s.uppercased()
      if rest == "AM" || rest == "PM" {
        guard (1...12).contains(hour) else { return nil }
        hour = hour % 12 + (rest == "PM" ? 12 : 0)
        s = ""
      } else if eat("Z") {
        offsetMinutes = 0
      } else if let sign = s.first, sign == "+" || sign == "-" {
        s.removeFirst()
        guard let oh = number(2, 2) else { return nil }
        _ = eat(":")
        let om = number(2, 2) ?? 0
        offsetMinutes = (sign == "-" ? -1 : 1) * (oh * 60 + om)
      }
    }
    guard s.isEmpty else { return nil }
    guard var v = DateTimeValue(
      year: year, month: month, day: day, hour: hour, minute: minute, second: second, fraction: fraction, kind: kind)
    else { return nil }
    if let off = offsetMinutes {
      guard let shifted = v.adding(ticks: -Int64(off) * ticksPerMinute) else { return nil }
      v = shifted
      kind = .local
      v.kind = kind
    }
    return v
  }
}

/// .NET `TimeSpan` helpers over 100-ns ticks.
public enum TimeSpanValue {
  /// Parses `[-][d.]hh:mm[:ss[.fffffff]]` or a whole number of days; nil when invalid.
  public static func parse(_ text: String) -> Int64? {
    var s = Substring(text.trimmingCharacters(of: " "))
    let negative = s.first == "-"
    if negative { s.removeFirst() }
    func number() -> Int64? {
      let digits = s.prefix(while: { $0.isASCII && $0.isNumber })
      guard !digits.isEmpty, digits.count <= 8, let n = Int64(digits) else { return nil }
      s = s.dropFirst(digits.count)
      return n
    }
    guard let first = number() else { return nil }
    var days: Int64 = 0
    var hours: Int64
    if s.isEmpty {
      days = first
      return (negative ? -1 : 1) * days * DateTimeValue.ticksPerDay
    }
    if s.first == "." {
      s.removeFirst()
      days = first
      guard let h = number() else { return nil }
      hours = h
    } else {
      hours = first
    }
    guard s.first == ":" else { return nil }
    s.removeFirst()
    guard let minutes = number() else { return nil }
    var seconds: Int64 = 0
    var fraction: Int64 = 0
    if s.first == ":" {
      s.removeFirst()
      guard let sec = number() else { return nil }
      seconds = sec
      if s.first == "." {
        s.removeFirst()
        let digits = s.prefix(while: { $0.isASCII && $0.isNumber })
        guard !digits.isEmpty, digits.count <= 7 else { return nil }
        s = s.dropFirst(digits.count)
        fraction = Int64(String(digits).padding(toLength: 7)) ?? 0
      }
    }
    guard s.isEmpty, hours < 24, minutes < 60, seconds < 60 else { return nil }
    let total =
      days * DateTimeValue.ticksPerDay + hours * DateTimeValue.ticksPerHour + minutes * DateTimeValue.ticksPerMinute
      + seconds * DateTimeValue.ticksPerSecond + fraction
    return negative ? -total : total
  }

  /// Ticks for a number of units (`FromSeconds(1.5)`), truncated to whole ticks as .NET 7+ does.
  /// nil on overflow or NaN.
  public static func ticks(_ amount: Double, unit: Int64) -> Int64? {
    let t = (amount * Double(unit)).rounded(.towardZero)
    guard t.isFinite, t >= -9.2e18, t <= 9.2e18 else { return nil }
    return Int64(t)
  }
}

extension String {
  fileprivate func padding(toLength n: Int) -> String {
    count >= n ? self : self + String(repeating: "0", count: n - count)
  }
}
