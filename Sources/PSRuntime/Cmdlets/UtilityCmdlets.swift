import FoundationEssentials
import PSLanguage

#if canImport(Glibc)
  import Glibc
#endif

/// What the utility cmdlets keep for a session.
final class UtilityState {
  /// The random generator's state (created on first use from `randomSeed` or the system).
  var random: SplitMix64?
  /// How far `Start-Sleep` has moved the session clock under simulated time, in ticks.
  var clockOffset: Int64 = 0
  /// Policies set with `Set-ExecutionPolicy`, by lowercased scope (they change nothing else).
  var executionPolicies: [String: String] = [:]
  /// `(Get-Host).InstanceId`.
  let hostInstanceId = UUID()
}

/// SplitMix64: a small, fast generator whose sequence depends only on its seed.
struct SplitMix64 {
  var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A whole number in `low..<high` (high > low).
  mutating func integer(_ low: Int64, _ high: Int64) -> Int64 {
    let span = UInt64(bitPattern: high &- low)
    let r = next().multipliedFullWidth(by: span).high
    return low &+ Int64(bitPattern: r)
  }

  /// A double in `low..<high`.
  mutating func double(_ low: Double, _ high: Double) -> Double {
    let unit = Double(next() >> 11) * 0x1p-53
    return low + unit * (high - low)
  }
}

extension Interpreter {
  /// Time as the session sees it: the clock (or `SOURCE_DATE_EPOCH`), plus whatever simulated
  /// `Start-Sleep` calls have added.
  var sessionNow: DateTimeValue {
    DateTimeValue(ticks: DateTimeValue.currentTicks() + utilityState.clockOffset, kind: .local)
  }

  /// Whether `Start-Sleep` advances the session clock instead of waiting.
  var isTimeSimulated: Bool { simulatedTime || environmentVariable("EFLOWSH_SIMULATED_TIME") == "1" }

  /// The session's random generator, seeded from `randomSeed` when the host gave one.
  func withRandom<T>(_ body: (inout SplitMix64) -> T) -> T {
    if utilityState.random == nil {
      let seed = randomSeed ?? UInt64.random(in: .min ... .max)
      utilityState.random = SplitMix64(seed: seed)
    }
    return body(&utilityState.random!)
  }

  func registerUtilityCmdlets() {
    registerGetDate()
    registerNewTimeSpan()
    registerGetRandom()
    registerStartSleep()
  }

  // MARK: - Get-Date

  /// `Get-Date`: now (the session clock), or `-Date`, with `-Year`…`-Millisecond` replaced;
  /// `-Format` (.NET format strings and the `FileDate…` names) and `-UFormat` give a string.
  /// `-UFormat %s` gives the seconds with their fraction, as 5.1 does. A date carries no
  /// display hint in eflowsh, so `-DisplayHint Date` / `Time` is reported as not supported.
  func registerGetDate() {
    defineCmdlet(
      "Get-Date",
      """
      [CmdletBinding(DefaultParameterSetName='net')]
      param([Parameter(Position=0, ValueFromPipeline, ValueFromPipelineByPropertyName)][Alias('LastWriteTime')][datetime]$Date,
        [ValidateRange(1, 9999)][int]$Year, [ValidateRange(1, 12)][int]$Month, [ValidateRange(1, 31)][int]$Day,
        [ValidateRange(0, 23)][int]$Hour, [ValidateRange(0, 59)][int]$Minute, [ValidateRange(0, 59)][int]$Second,
        [ValidateRange(0, 999)][int]$Millisecond,
        [ValidateSet('Date', 'Time', 'DateTime')][string]$DisplayHint = 'DateTime',
        [Parameter(ParameterSetName='net')][string]$Format,
        [Parameter(ParameterSetName='UFormat')][string]$UFormat)
      """
    ) {
      CmdletBody(process: { ctx, _ in
        if let hint = ctx.string("DisplayHint"), !hint.caseInsensitiveEquals("DateTime") {
          throw RuntimeError(
            id: "NotSupported",
            message: "Get-Date -DisplayHint \(hint) is not supported by eflowsh; use -Format to choose what is shown.")
        }
        var date: DateTimeValue
        if case .dateTime(let d)? = ctx.value("Date") { date = d } else { date = ctx.interpreter.sessionNow }
        var p = date.parts
        func part(_ name: String) -> Int? { ctx.value(name).flatMap { Conversions.asInt64($0) }.map { Int($0) } }
        if let y = part("Year") { p.year = y }
        if let m = part("Month") { p.month = m }
        // A day past the month's end rolls over into the next month, as 5.1's AddDays does.
        if let d = part("Day") { p.day = d }
        if let h = part("Hour") { p.hour = h }
        if let m = part("Minute") { p.minute = m }
        if let s = part("Second") { p.second = s }
        if let ms = part("Millisecond") { p.ticks = ms * 10_000 }
        guard
          var built = DateTimeValue(
            year: p.year, month: p.month, day: 1, hour: p.hour, minute: p.minute, second: p.second,
            fraction: Int64(p.ticks), kind: date.kind)
        else {
          throw RuntimeError(id: "GetDateInvalidDate", message: "The date is not valid.")
        }
        built = built.adding(ticks: Int64(p.day - 1) * DateTimeValue.ticksPerDay) ?? built
        date = built
        if let f = ctx.string("Format") {
          return try ctx.emit(.string(try Interpreter.formatDate(date, f)))
        }
        if let u = ctx.string("UFormat") {
          return try ctx.emit(.string(Interpreter.uformat(date, u)))
        }
        try ctx.emit(.dateTime(date))
      })
    }
  }

  /// `Get-Date -Format`: a .NET format string, or one of PowerShell's file-name formats.
  static func formatDate(_ d: DateTimeValue, _ format: String) throws -> String {
    var fmt = format
    switch format.lowercased() {
    case "filedate": fmt = "yyyyMMdd"
    case "filedateuniversal": fmt = "yyyyMMdd'Z'"
    case "filedatetime": fmt = "yyyyMMdd'T'HHmmssffff"
    case "filedatetimeuniversal": fmt = "yyyyMMdd'T'HHmmssffff'Z'"
    default: break
    }
    do {
      return try DateFormat.format(d.parts, fmt)
    } catch {
      throw RuntimeError(id: "System.FormatException", message: error.message, exceptionType: "System.FormatException")
    }
  }

  /// `Get-Date -UFormat`: Unix `date`-style specifiers.
  static func uformat(_ d: DateTimeValue, _ format: String) -> String {
    let p = d.parts
    func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    func spaced(_ n: Int) -> String { n < 10 ? " \(n)" : "\(n)" }
    let hour12 = p.hour % 12 == 0 ? 12 : p.hour % 12
    let dayOfYear = DateTimeValue.dayNumber(year: p.year, month: p.month, day: p.day)
      - DateTimeValue.dayNumber(year: p.year, month: 1, day: 1) + 1
    let weekday = d.dayOfWeek
    var out = ""
    var chars = Array(format)[...]
    while let c = chars.popFirst() {
      guard c == "%", let s = chars.popFirst() else {
        out.append(c)
        continue
      }
      switch s {
      case "a": out += DateFormat.abbreviatedDayNames[weekday]
      case "A": out += DateFormat.dayNames[weekday]
      case "b", "h": out += DateFormat.abbreviatedMonthNames[p.month - 1]
      case "B": out += DateFormat.monthNames[p.month - 1]
      case "C": out += two(p.year / 100)
      case "c":
        out += "\(DateFormat.abbreviatedDayNames[weekday]) \(DateFormat.abbreviatedMonthNames[p.month - 1]) \(two(p.day)) \(two(p.hour)):\(two(p.minute)):\(two(p.second)) \(p.year)"
      case "D", "x": out += "\(two(p.month))/\(two(p.day))/\(two(p.year % 100))"
      case "d": out += two(p.day)
      case "e": out += spaced(p.day)
      case "F": out += "\(p.year)-\(two(p.month))-\(two(p.day))"
      case "H": out += two(p.hour)
      case "I": out += two(hour12)
      case "j": out += dayOfYear < 10 ? "00\(dayOfYear)" : dayOfYear < 100 ? "0\(dayOfYear)" : "\(dayOfYear)"
      case "k": out += spaced(p.hour)
      case "l": out += spaced(hour12)
      case "M": out += two(p.minute)
      case "m": out += two(p.month)
      case "n": out += "\n"
      case "p": out += p.hour < 12 ? "AM" : "PM"
      case "R": out += "\(two(p.hour)):\(two(p.minute))"
      case "r": out += "\(two(hour12)):\(two(p.minute)):\(two(p.second)) \(p.hour < 12 ? "AM" : "PM")"
      case "S": out += two(p.second)
      case "s":
        let seconds = Double(d.ticks - DateTimeValue.unixEpochTicks) / Double(DateTimeValue.ticksPerSecond)
        out += Conversions.formatDouble(seconds)
      case "T", "X": out += "\(two(p.hour)):\(two(p.minute)):\(two(p.second))"
      case "t": out += "\t"
      case "u": out += "\(weekday == 0 ? 7 : weekday)"
      case "w": out += "\(weekday)"
      case "Y": out += "\(p.year)"
      case "y": out += two(p.year % 100)
      case "Z": out += "+00"
      case "%": out += "%"
      default:
        out.append(s)
      }
    }
    return out
  }

  // MARK: - New-TimeSpan

  func registerNewTimeSpan() {
    defineCmdlet(
      "New-TimeSpan",
      """
      [CmdletBinding(DefaultParameterSetName='Date')]
      param([Parameter(ParameterSetName='Date', Position=0, ValueFromPipelineByPropertyName)][Alias('LastWriteTime')][datetime]$Start,
        [Parameter(ParameterSetName='Date', Position=1, ValueFromPipelineByPropertyName)][datetime]$End,
        [Parameter(ParameterSetName='Time')][int]$Days, [Parameter(ParameterSetName='Time')][int]$Hours,
        [Parameter(ParameterSetName='Time')][int]$Minutes, [Parameter(ParameterSetName='Time')][int]$Seconds)
      """
    ) {
      CmdletBody(process: { ctx, _ in
        func n(_ name: String) -> Int64 { ctx.value(name).flatMap { Conversions.asInt64($0) } ?? 0 }
        if ctx.bound.parameterSetName == "Time" {
          let t =
            n("Days") * DateTimeValue.ticksPerDay + n("Hours") * DateTimeValue.ticksPerHour + n("Minutes")
            * DateTimeValue.ticksPerMinute + n("Seconds") * DateTimeValue.ticksPerSecond
          return try ctx.emit(.timeSpan(t))
        }
        let now = ctx.interpreter.sessionNow
        var start = now
        var end = now
        if case .dateTime(let d)? = ctx.value("Start") { start = d }
        if case .dateTime(let d)? = ctx.value("End") { end = d }
        try ctx.emit(.timeSpan(end.ticks - start.ticks))
      })
    }
  }

  // MARK: - Get-Random

  /// `Get-Random`: a number in `[Minimum, Maximum)` (an Int32 below Int32.MaxValue by default;
  /// Int64 or double when a bound is), or `-Count` distinct items of `-InputObject` in random
  /// order. The generator is the session's, seeded by the host's `-Seed`; `-SetSeed` reseeds it.
  func registerGetRandom() {
    defineCmdlet(
      "Get-Random",
      """
      [CmdletBinding(DefaultParameterSetName='RandomNumberParameterSet')]
      param([ValidateNotNull()][int]$SetSeed,
        [Parameter(ParameterSetName='RandomNumberParameterSet', Position=0)][object]$Maximum,
        [Parameter(ParameterSetName='RandomNumberParameterSet')][object]$Minimum,
        [Parameter(ParameterSetName='RandomListItemParameterSet', Mandatory, Position=0, ValueFromPipeline)][ValidateNotNull()][object[]]$InputObject,
        [Parameter(ParameterSetName='RandomListItemParameterSet')][ValidateRange(1, 2147483647)][int]$Count = 1)
      """
    ) {
      var pool: [Value] = []
      return CmdletBody(
        begin: { ctx in
          if let s = ctx.value("SetSeed").flatMap({ Conversions.asInt64($0) }) {
            ctx.interpreter.utilityState.random = SplitMix64(seed: UInt64(bitPattern: s))
          }
        },
        process: { ctx, _ in
          if ctx.bound.parameterSetName == "RandomListItemParameterSet" {
            if let v = ctx.value("InputObject") { pool += v.enumerated ?? [v] }
            return
          }
          try ctx.emit(try ctx.interpreter.randomNumber(ctx.value("Minimum"), ctx.value("Maximum")))
        },
        end: { ctx in
          guard ctx.bound.parameterSetName == "RandomListItemParameterSet", !pool.isEmpty else { return }
          let count = min(Int(ctx.value("Count").flatMap { Conversions.asInt64($0) } ?? 1), pool.count)
          var items = pool
          var picked: [Value] = []
          ctx.interpreter.withRandom { rng in
            for _ in 0..<count {
              let i = Int(rng.integer(0, Int64(items.count)))
              picked.append(items.remove(at: i))
            }
          }
          try ctx.output.append(contentsOf: picked)
        })
    }
  }

  func randomNumber(_ minimum: Value?, _ maximum: Value?) throws -> Value {
    func number(_ v: Value?, _ name: String) throws -> Value? {
      guard let v, !v.isNull else { return nil }
      do {
        return try Conversions.convertNumericLoose(v)
      } catch {
        throw RuntimeError(
          id: "CannotConvertArgument",
          message: "Cannot bind parameter '\(name)'. Cannot convert value \"\(Conversions.toString(v))\" to type \"System.Int32\". Error: \"Input string was not in a correct format.\"")
      }
    }
    let lo = try number(minimum, "Minimum")
    let hi = try number(maximum, "Maximum")
    let isDouble = [lo, hi].contains { v in
      if case .double? = v { return true }
      if case .decimal? = v { return true }
      return false
    }
    func rangeError(_ a: String, _ b: String) -> RuntimeError {
      RuntimeError(
        id: "MinGreaterThanOrEqualMax", message: "The Minimum value (\(a)) cannot be greater than or equal to the Maximum value (\(b)).",
        exceptionType: "System.ArgumentException")
    }
    if isDouble {
      let a = lo.map(Conversions.asDouble) ?? 0
      let b = hi.map(Conversions.asDouble) ?? Double.greatestFiniteMagnitude
      guard a < b else { throw rangeError(Conversions.formatDouble(a), Conversions.formatDouble(b)) }
      return .double(withRandom { $0.double(a, b) })
    }
    let wide = [lo, hi].contains { v in
      if case .int64? = v { return true }
      return false
    }
    let a = lo.flatMap { Conversions.asInt64($0) } ?? 0
    let b = hi.flatMap { Conversions.asInt64($0) } ?? (wide ? Int64.max : Int64(Int32.max))
    guard a < b else { throw rangeError(String(a), String(b)) }
    let r = withRandom { $0.integer(a, b) }
    return wide ? .int64(r) : .int32(Int32(r))
  }

  // MARK: - Start-Sleep

  /// `Start-Sleep`: waits, or — under simulated time (`EFLOWSH_SIMULATED_TIME=1`, or the host's
  /// `simulatedTime`) — returns at once and moves the session clock that `Get-Date` and
  /// `New-TimeSpan` read forward by the time asked, so polling loops run instantly in CI while
  /// seeing time pass. (`[DateTime]::Now` reads the real clock either way.)
  func registerStartSleep() {
    defineCmdlet(
      "Start-Sleep",
      """
      [CmdletBinding(DefaultParameterSetName='Seconds')]
      param([Parameter(ParameterSetName='Seconds', Mandatory, Position=0, ValueFromPipeline, ValueFromPipelineByPropertyName)][ValidateRange(0, 2147483)][int]$Seconds,
        [Parameter(ParameterSetName='Milliseconds', Mandatory, ValueFromPipelineByPropertyName)][ValidateRange(0, 2147483647)][int]$Milliseconds)
      """
    ) {
      CmdletBody(process: { ctx, _ in
        let ms: Int64
        if let s = ctx.value("Seconds").flatMap({ Conversions.asInt64($0) }) {
          ms = s * 1000
        } else {
          ms = ctx.value("Milliseconds").flatMap { Conversions.asInt64($0) } ?? 0
        }
        let interp = ctx.interpreter
        interp.flushOutput()
        if interp.isTimeSimulated {
          interp.utilityState.clockOffset += ms * DateTimeValue.ticksPerMillisecond
          return
        }
        // In slices, so that Ctrl+C in the interactive shell ends the wait at once.
        try interp.sleepInterruptibly(milliseconds: ms)
      })
    }
  }
}
