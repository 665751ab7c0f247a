// PowerShell's `-f` operator: .NET composite formatting (`String.Format`) with an en-US-like culture.
//
// See NumericFormat.swift (numbers) and DateFormat.swift (DateTime / TimeSpan) for the per-type rules and
// the documented deviations from .NET.

import FoundationEssentials

/// One argument of a format operation, already reduced to what formatting needs.
public enum FormatArgument: Sendable {
  case null
  case bool(Bool)
  case int(Int64)
  case uint(UInt64)
  case double(Double)
  /// A decimal. Swift's `Decimal` is normalised (1.50 is stored as 1.5), so it formats with its minimal
  /// scale; use `.scaledDecimal` to keep .NET's trailing fractional zeros.
  case decimal(Decimal)
  case string(String)
  case dateTime(DateTimeParts)
  /// 100-ns ticks, like .NET TimeSpan.
  case timeSpan(ticks: Int64)
  /// A decimal with .NET's scale (number of fractional digits, trailing zeros kept): `1.50d` is
  /// `.scaledDecimal(1.5, scale: 2)` and formats as "1.50" by default.
  case scaledDecimal(Decimal, scale: Int)
}

/// Stand-in for .NET `DateTimeKind` (plus the local offset, which .NET would take from the machine).
public enum DateTimeKind: Sendable, Equatable {
  case unspecified
  case utc
  /// Local time with its offset from UTC in minutes.
  case local(offsetMinutes: Int)

  var offsetMinutes: Int? {
    switch self {
    case .unspecified: nil
    case .utc: 0
    case .local(let minutes): minutes
    }
  }
}

/// A calendar date and time of day (proleptic Gregorian calendar).
public struct DateTimeParts: Sendable, Equatable {
  public var year, month, day, hour, minute, second: Int
  /// Fraction of the second in 100-ns ticks, 0..<10_000_000.
  public var ticks: Int
  public var kind: DateTimeKind

  public init(
    year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0, ticks: Int = 0,
    kind: DateTimeKind = .unspecified
  ) {
    self.year = year
    self.month = month
    self.day = day
    self.hour = hour
    self.minute = minute
    self.second = second
    self.ticks = ticks
    self.kind = kind
  }
}

public struct FormatError: Error, Sendable, Equatable {
  public var message: String
  public init(message: String) { self.message = message }
}

public enum CompositeFormat {
  /// Exclusive limits on hole index and alignment, as in .NET.
  static let indexLimit = 1_000_000
  static let widthLimit = 1_000_000

  /// `format` with `{index[,alignment][:formatString]}` items, `{{`/`}}` escapes.
  ///
  /// Errors carry PowerShell's message, e.g. "Error formatting a string: Input string was not in a
  /// correct format..".
  public static func format(_ format: String, _ args: [FormatArgument]) throws(FormatError) -> String {
    do {
      return try formatUnwrapped(format, args)
    } catch {
      throw FormatError(message: "Error formatting a string: \(error.message).")
    }
  }

  /// Like `format` but throws the bare .NET exception message.
  static func formatUnwrapped(_ format: String, _ args: [FormatArgument]) throws(FormatError) -> String {
    // Works on UTF-8 bytes: every character the grammar looks at is ASCII, and anything else is
    // copied as it is. `-f` runs in loops, and scalar arrays and views cost twice as much.
    let f = Array(format.utf8)
    var out: [UInt8] = []
    out.reserveCapacity(f.count + 16)
    var pos = 0
    let invalid = FormatError(message: FormatMessages.invalidString)
    let open = UInt8(ascii: "{"), close = UInt8(ascii: "}"), space = UInt8(ascii: " ")

    // Advances to the next byte; running off the end is a format error.
    func moveNext() throws(FormatError) -> UInt8 {
      pos += 1
      guard pos < f.count else { throw invalid }
      return f[pos]
    }
    func digit(_ byte: UInt8) -> Int? { byte &- 0x30 < 10 ? Int(byte &- 0x30) : nil }

    while true {
      // Literal text up to the next unescaped brace.
      while true {
        guard pos < f.count else { return String(decoding: out, as: UTF8.self) }
        let brace = f[pos]
        if brace != open && brace != close {
          out.append(brace)
          pos += 1
          continue
        }
        let ch = try moveNext()
        if ch == brace {
          out.append(ch)
          pos += 1
          continue
        }
        if brace != open { throw invalid }
        break
      }

      // Hole: index, optional ",alignment", optional ":format", spaces allowed between parts.
      var ch = f[pos]
      guard var index = digit(ch) else { throw invalid }
      var width = 0
      var leftJustify = false
      var itemFormat: String?

      ch = try moveNext()
      if ch != close {
        while let d = digit(ch), index < indexLimit {
          index = index * 10 + d
          ch = try moveNext()
        }
        while ch == space { ch = try moveNext() }
        if ch == UInt8(ascii: ",") {
          repeat { ch = try moveNext() } while ch == space
          if ch == UInt8(ascii: "-") {
            leftJustify = true
            ch = try moveNext()
          }
          guard let first = digit(ch) else { throw invalid }
          width = first
          ch = try moveNext()
          while let d = digit(ch), width < widthLimit {
            width = width * 10 + d
            ch = try moveNext()
          }
          while ch == space { ch = try moveNext() }
        }
        if ch != close {
          guard ch == UInt8(ascii: ":") else { throw invalid }
          let start = pos + 1
          while true {
            ch = try moveNext()
            if ch == close { break }
            if ch == open { throw invalid }
          }
          if pos > start { itemFormat = String(decoding: f[start..<pos], as: UTF8.self) }
        }
      }
      pos += 1  // past "}"

      guard index < args.count else { throw FormatError(message: FormatMessages.indexOutOfRange) }
      let text = try formatValue(args[index], itemFormat)

      let padding = width - text.utf16.count
      if !leftJustify && padding > 0 { out.append(contentsOf: repeatElement(space, count: padding)) }
      out.append(contentsOf: text.utf8)
      if leftJustify && padding > 0 { out.append(contentsOf: repeatElement(space, count: padding)) }
    }
  }

  /// One value with a .NET format string ("N2", "X4", "D3", "0.00", "yyyy-MM-dd", …); nil spec = default
  /// ToString. Strings, booleans and null ignore the format string, as in .NET.
  ///
  /// Errors carry the bare .NET message ("Format specifier was invalid.").
  public static func formatValue(_ value: FormatArgument, _ spec: String?) throws(FormatError) -> String {
    switch value {
    case .null: return ""
    case .bool(let b): return b ? "True" : "False"
    case .string(let s): return s
    case .int(let i): return try NumericFormat.formatInt(i, spec)
    case .uint(let u): return try NumericFormat.formatUInt(u, spec)
    case .double(let d): return try NumericFormat.formatDouble(d, spec)
    case .decimal(let d): return try NumericFormat.formatDecimal(d, spec)
    case .scaledDecimal(let d, let scale): return try NumericFormat.formatDecimal(d, minimumScale: scale, spec)
    case .dateTime(let dt): return try DateFormat.format(dt, spec)
    case .timeSpan(let ticks): return try DateFormat.formatTimeSpan(ticks, spec)
    }
  }
}
