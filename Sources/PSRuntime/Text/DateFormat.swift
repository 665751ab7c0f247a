// .NET DateTime and TimeSpan formatting (standard and custom format strings) for the `-f` operator.
//
// Culture: en-US patterns and names, ASCII space before AM/PM (ICU 72+ uses U+202F there; we do not),
// "/" date separator, ":" time separator, era "A.D.".
// Time zones: `DateTimeParts.kind` stands in for DateTime.Kind. Unspecified times have no offset: "K" and
// "o" print nothing, "z"/"zz"/"zzz" print +0/+00/+00:00 (real .NET would use the machine's local zone).

enum DateFormat {
  static let dayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
  static let abbreviatedDayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
  static let monthNames = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
  ]
  static let abbreviatedMonthNames = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
  ]
  static let amDesignator = "AM"
  static let pmDesignator = "PM"
  static let eraName = "A.D."

  static let shortDatePattern = "M/d/yyyy"
  static let longDatePattern = "dddd, MMMM d, yyyy"
  static let shortTimePattern = "h:mm tt"
  static let longTimePattern = "h:mm:ss tt"

  /// The pattern used when no format is given (.NET "G" in en-US).
  static let defaultPattern = shortDatePattern + " " + longTimePattern

  static func format(_ value: DateTimeParts, _ format: String?) throws(FormatError) -> String {
    guard let format, !format.isEmpty else {
      return try custom(value, Array(defaultPattern.unicodeScalars))
    }
    let scalars = Array(format.unicodeScalars)
    guard scalars.count == 1 else { return try custom(value, scalars) }

    let pattern: String
    var dateTime = value
    switch scalars[0] {
    case "d": pattern = shortDatePattern
    case "D": pattern = longDatePattern
    case "f": pattern = longDatePattern + " " + shortTimePattern
    case "F": pattern = longDatePattern + " " + longTimePattern
    case "g": pattern = shortDatePattern + " " + shortTimePattern
    case "G": pattern = defaultPattern
    case "m", "M": pattern = "MMMM d"
    case "o", "O": pattern = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK"
    case "r", "R": pattern = "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'"
    case "s": pattern = "yyyy'-'MM'-'dd'T'HH':'mm':'ss"
    case "t": pattern = shortTimePattern
    case "T": pattern = longTimePattern
    case "u": pattern = "yyyy'-'MM'-'dd HH':'mm':'ss'Z'"
    case "U":
      pattern = longDatePattern + " " + longTimePattern
      dateTime = dateTime.toUniversal()
    case "y", "Y": pattern = "MMMM yyyy"
    default:
      throw FormatError(message: FormatMessages.invalidString)
    }
    return try custom(dateTime, Array(pattern.unicodeScalars))
  }

  /// Number of consecutive repetitions of `format[pos]` starting at `pos`.
  static func repeatCount(_ format: [Unicode.Scalar], _ pos: Int) -> Int {
    var end = pos + 1
    while end < format.count && format[end] == format[pos] { end += 1 }
    return end - pos
  }

  static func pad(_ value: Int, _ width: Int) -> String {
    let s = String(value.magnitude)
    let padded = width > s.count ? String(repeating: "0", count: width - s.count) + s : s
    return value < 0 ? "-" + padded : padded
  }

  /// Appends a quoted literal starting at `pos` (the quote); returns its length including both quotes.
  static func parseQuote(_ format: [Unicode.Scalar], _ pos: Int, into out: inout String) throws(FormatError)
    -> Int
  {
    let quote = format[pos]
    var i = pos + 1
    while i < format.count {
      let ch = format[i]
      i += 1
      if ch == quote { return i - pos }
      if ch == "\\" {
        guard i < format.count else { throw FormatError(message: FormatMessages.invalidString) }
        out.unicodeScalars.append(format[i])
        i += 1
      } else {
        out.unicodeScalars.append(ch)
      }
    }
    throw FormatError(
      message: "Cannot find a matching quote character for the character '\(Character(quote))'.")
  }

  static func custom(_ dt: DateTimeParts, _ format: [Unicode.Scalar]) throws(FormatError) -> String {
    var out = ""
    var i = 0
    while i < format.count {
      let ch = format[i]
      var tokenLen = 1
      switch ch {
      case "g":
        tokenLen = repeatCount(format, i)
        out += eraName
      case "h":
        tokenLen = repeatCount(format, i)
        let hour12 = dt.hour % 12 == 0 ? 12 : dt.hour % 12
        out += pad(hour12, min(tokenLen, 2))
      case "H":
        tokenLen = repeatCount(format, i)
        out += pad(dt.hour, min(tokenLen, 2))
      case "m":
        tokenLen = repeatCount(format, i)
        out += pad(dt.minute, min(tokenLen, 2))
      case "s":
        tokenLen = repeatCount(format, i)
        out += pad(dt.second, min(tokenLen, 2))
      case "f", "F":
        tokenLen = repeatCount(format, i)
        guard tokenLen <= 7 else { throw FormatError(message: FormatMessages.invalidString) }
        var fraction = dt.ticks
        for _ in 0..<(7 - tokenLen) { fraction /= 10 }
        if ch == "f" {
          out += pad(fraction, tokenLen)
        } else {
          var effective = tokenLen
          while effective > 0 && fraction % 10 == 0 {
            fraction /= 10
            effective -= 1
          }
          if effective > 0 {
            out += pad(fraction, effective)
          } else if out.last == "." {
            out.removeLast()
          }
        }
      case "t":
        tokenLen = repeatCount(format, i)
        let designator = dt.hour < 12 ? amDesignator : pmDesignator
        out += tokenLen == 1 ? String(designator.prefix(1)) : designator
      case "d":
        tokenLen = repeatCount(format, i)
        if tokenLen <= 2 {
          out += pad(dt.day, tokenLen)
        } else {
          let weekday = dt.dayOfWeek
          out += tokenLen == 3 ? abbreviatedDayNames[weekday] : dayNames[weekday]
        }
      case "M":
        tokenLen = repeatCount(format, i)
        if tokenLen <= 2 {
          out += pad(dt.month, tokenLen)
        } else {
          let index = min(max(dt.month, 1), 12) - 1
          out += tokenLen == 3 ? abbreviatedMonthNames[index] : monthNames[index]
        }
      case "y":
        tokenLen = repeatCount(format, i)
        out += tokenLen <= 2 ? pad(dt.year % 100, tokenLen) : pad(dt.year, tokenLen)
      case "z":
        tokenLen = repeatCount(format, i)
        let offset = dt.kind.offsetMinutes ?? 0
        out += offset >= 0 ? "+" : "-"
        let hours = offset.magnitude / 60
        let minutes = offset.magnitude % 60
        switch tokenLen {
        case 1: out += String(hours)
        case 2: out += pad(Int(hours), 2)
        default: out += pad(Int(hours), 2) + ":" + pad(Int(minutes), 2)
        }
      case "K":
        switch dt.kind {
        case .unspecified: break
        case .utc: out += "Z"
        case .local(let offset):
          out += (offset >= 0 ? "+" : "-") + pad(Int(offset.magnitude / 60), 2) + ":"
            + pad(Int(offset.magnitude % 60), 2)
        }
      case ":":
        out += ":"
      case "/":
        out += "/"
      case "'", "\"":
        tokenLen = try parseQuote(format, i, into: &out)
      case "%":
        guard i + 1 < format.count, format[i + 1] != "%" else {
          throw FormatError(message: FormatMessages.invalidString)
        }
        out += try custom(dt, [format[i + 1]])
        tokenLen = 2
      case "\\":
        guard i + 1 < format.count else { throw FormatError(message: FormatMessages.invalidString) }
        out.unicodeScalars.append(format[i + 1])
        tokenLen = 2
      default:
        out.unicodeScalars.append(ch)
      }
      i += tokenLen
    }
    return out
  }

  // MARK: - Calendar arithmetic (proleptic Gregorian)

  /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
  static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let day = doy - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }

  // MARK: - TimeSpan

  static let ticksPerSecond: UInt64 = 10_000_000
  static let ticksPerMinute: UInt64 = ticksPerSecond * 60
  static let ticksPerHour: UInt64 = ticksPerMinute * 60
  static let ticksPerDay: UInt64 = ticksPerHour * 24

  static func formatTimeSpan(_ ticks: Int64, _ format: String?) throws(FormatError) -> String {
    let magnitude = ticks.magnitude
    let sign = ticks < 0 ? "-" : ""
    let days = Int(magnitude / ticksPerDay)
    let hours = Int(magnitude / ticksPerHour % 24)
    let minutes = Int(magnitude / ticksPerMinute % 60)
    let seconds = Int(magnitude / ticksPerSecond % 60)
    let fraction = Int(magnitude % ticksPerSecond)

    let scalars = Array((format ?? "").unicodeScalars)
    // Standard formats are exactly one character; no format means "c".
    let standard: Unicode.Scalar? = scalars.isEmpty ? "c" : (scalars.count == 1 ? scalars[0] : nil)
    switch standard {
    case "c", "t", "T":
      var out = sign
      if days != 0 { out += "\(days)." }
      out += pad(hours, 2) + ":" + pad(minutes, 2) + ":" + pad(seconds, 2)
      if fraction != 0 { out += "." + pad(fraction, 7) }
      return out
    case "g":
      var out = sign
      if days != 0 { out += "\(days):" }
      out += "\(hours):" + pad(minutes, 2) + ":" + pad(seconds, 2)
      if fraction != 0 {
        var digits = pad(fraction, 7)
        while digits.last == "0" { digits.removeLast() }
        out += "." + digits
      }
      return out
    case "G":
      return sign + "\(days):" + pad(hours, 2) + ":" + pad(minutes, 2) + ":" + pad(seconds, 2) + "."
        + pad(fraction, 7)
    case .some:
      throw FormatError(message: FormatMessages.invalidString)
    case nil:
      break
    }

    return try timeSpanCustom(
      TimeSpanComponents(days: days, hours: hours, minutes: minutes, seconds: seconds, fraction: fraction),
      scalars)
  }

  struct TimeSpanComponents {
    var days, hours, minutes, seconds, fraction: Int
  }

  /// Custom TimeSpan format: only d h m s f F, quoted literals, `\\` escapes and `%` are allowed.
  static func timeSpanCustom(_ c: TimeSpanComponents, _ scalars: [Unicode.Scalar]) throws(FormatError) -> String {
    var out = ""
    var i = 0
    while i < scalars.count {
      let ch = scalars[i]
      var tokenLen = 1
      switch ch {
      case "h", "m", "s":
        tokenLen = repeatCount(scalars, i)
        guard tokenLen <= 2 else { throw FormatError(message: FormatMessages.invalidString) }
        out += pad(ch == "h" ? c.hours : (ch == "m" ? c.minutes : c.seconds), tokenLen)
      case "d":
        tokenLen = repeatCount(scalars, i)
        guard tokenLen <= 8 else { throw FormatError(message: FormatMessages.invalidString) }
        out += pad(c.days, tokenLen)
      case "f", "F":
        tokenLen = repeatCount(scalars, i)
        guard tokenLen <= 7 else { throw FormatError(message: FormatMessages.invalidString) }
        var value = c.fraction
        for _ in 0..<(7 - tokenLen) { value /= 10 }
        if ch == "f" {
          out += pad(value, tokenLen)
        } else {
          var effective = tokenLen
          while effective > 0 && value % 10 == 0 {
            value /= 10
            effective -= 1
          }
          if effective > 0 { out += pad(value, effective) }
        }
      case "'", "\"":
        tokenLen = try parseQuote(scalars, i, into: &out)
      case "%":
        guard i + 1 < scalars.count, scalars[i + 1] != "%" else {
          throw FormatError(message: FormatMessages.invalidString)
        }
        out += try timeSpanCustom(c, [scalars[i + 1]])
        tokenLen = 2
      case "\\":
        guard i + 1 < scalars.count else { throw FormatError(message: FormatMessages.invalidString) }
        out.unicodeScalars.append(scalars[i + 1])
        tokenLen = 2
      default:
        throw FormatError(message: FormatMessages.invalidString)
      }
      i += tokenLen
    }
    return out
  }
}

extension DateTimeParts {
  /// 0 = Sunday … 6 = Saturday.
  var dayOfWeek: Int {
    let days = DateFormat.daysFromCivil(year: year, month: month, day: day)
    return ((days % 7) + 7 + 4) % 7
  }

  /// Converts a local time to UTC using its offset; other kinds are returned unchanged apart from the kind.
  func toUniversal() -> DateTimeParts {
    guard case .local(let offset) = kind else {
      var copy = self
      copy.kind = .utc
      return copy
    }
    let totalMinutes =
      DateFormat.daysFromCivil(year: year, month: month, day: day) * 1440 + hour * 60 + minute - offset
    let days = totalMinutes >= 0 ? totalMinutes / 1440 : (totalMinutes - 1439) / 1440
    let minuteOfDay = totalMinutes - days * 1440
    let date = DateFormat.civilFromDays(days)
    return DateTimeParts(
      year: date.year, month: date.month, day: date.day, hour: minuteOfDay / 60, minute: minuteOfDay % 60,
      second: second, ticks: ticks, kind: .utc)
  }
}
