import FoundationEssentials

/// Static members of the numeric types and `[bool]`: `MaxValue`, `Parse`, `TryParse`, ….
/// Parsing follows .NET's invariant rules (`Int32.Parse`: white space and a sign around decimal
/// digits; `Double.Parse`: also a decimal point, exponent and thousands separators), which are
/// stricter than PowerShell's casts (no hex, no `kb` suffixes).
extension Members {
  static func numericStaticProperty(_ type: PSType, _ key: String) -> Value? {
    switch (type, key) {
    case (.int32, "maxvalue"): return .int32(.max)
    case (.int32, "minvalue"): return .int32(.min)
    case (.int64, "maxvalue"): return .int64(.max)
    case (.int64, "minvalue"): return .int64(.min)
    case (.byte, "maxvalue"): return .byte(.max)
    case (.byte, "minvalue"): return .byte(.min)
    case (.double, "maxvalue"): return .double(.greatestFiniteMagnitude)
    case (.double, "minvalue"): return .double(-.greatestFiniteMagnitude)
    case (.double, "nan"): return .double(.nan)
    case (.double, "positiveinfinity"): return .double(.infinity)
    case (.double, "negativeinfinity"): return .double(-.infinity)
    case (.double, "epsilon"): return .double(.leastNonzeroMagnitude)
    case (.decimal, "maxvalue"): return .decimal(Decimal(string: "79228162514264337593543950335") ?? 0)
    case (.decimal, "minvalue"): return .decimal(Decimal(string: "-79228162514264337593543950335") ?? 0)
    case (.decimal, "zero"): return .decimal(0)
    case (.decimal, "one"): return .decimal(1)
    case (.decimal, "minusone"): return .decimal(-1)
    case (.char, "maxvalue"): return .char(.max)
    case (.char, "minvalue"): return .char(.min)
    case (.bool, "truestring"): return .string("True")
    case (.bool, "falsestring"): return .string("False")
    default: return nil
    }
  }

  static func numericStaticMethod(_ type: PSType, _ key: String, _ c: MethodCall) throws(RuntimeError) -> Value? {
    switch key {
    case "parse":
      try c.arity(1...3)
      guard let s = c.string(0) else { throw c.nullArgument(type == .bool ? "value" : "s") }
      return try parse(s, type, c)
    case "tryparse":
      try c.arity(2)
      let ref = try c.reference(1)
      let zero: Value
      switch type {
      case .int32: zero = .int32(0)
      case .int64: zero = .int64(0)
      case .byte: zero = .byte(0)
      case .double: zero = .double(0)
      case .decimal: zero = .decimal(0)
      default: zero = .bool(false)
      }
      guard let s = c.string(0), let v = try? parse(s, type, c) else {
        ref.value = zero
        return .bool(false)
      }
      ref.value = v
      return .bool(true)
    case "isnan", "isinfinity", "ispositiveinfinity", "isnegativeinfinity", "isfinite":
      guard type == .double else { return nil }
      try c.arity(1)
      let d = try c.double(0, "d")
      switch key {
      case "isnan": return .bool(d.isNaN)
      case "isinfinity": return .bool(d.isInfinite)
      case "ispositiveinfinity": return .bool(d == .infinity)
      case "isnegativeinfinity": return .bool(d == -.infinity)
      default: return .bool(d.isFinite)
      }
    default:
      return nil
    }
  }

  static func parse(_ s: String, _ type: PSType, _ c: MethodCall) throws(RuntimeError) -> Value {
    switch type {
    case .double: return try parseDouble(s, c)
    case .decimal:
      let t = s.trimmingCharacters(of: " ").filter { $0 != "," }
      guard isDecimalText(t, exponent: false), let d = Decimal(string: t) else {
        throw c.exception("FormatException", FormatMessages.invalidString)
      }
      return .decimal(d)
    case .bool:
      guard let b = parseBool(s) else {
        throw c.exception("FormatException", "String '\(s)' was not recognized as a valid Boolean.")
      }
      return .bool(b)
    default: return try parseInteger(s, type, c)
    }
  }

  /// `Int32.Parse` and friends.
  static func parseInteger(_ s: String, _ type: PSType, _ c: MethodCall) throws(RuntimeError) -> Value {
    var t = Substring(s)
    while let f = t.first, f.isWhitespace { t.removeFirst() }
    while let l = t.last, l.isWhitespace { t.removeLast() }
    var negative = false
    if let f = t.first, f == "-" || f == "+" {
      negative = f == "-"
      t.removeFirst()
    }
    guard !t.isEmpty, t.allSatisfy({ $0.isASCII && $0.isNumber }) else {
      throw c.exception("FormatException", FormatMessages.invalidString)
    }
    let digits = t.drop { $0 == "0" }
    guard digits.count <= 19, let magnitude = UInt64(digits.isEmpty ? "0" : digits),
      magnitude <= UInt64(Int64.max) + (negative ? 1 : 0)
    else {
      throw c.exception(
        "OverflowException", "Value was either too large or too small for \(Conversions.shortName(type)).")
    }
    let v = negative ? Int64(bitPattern: 0 &- magnitude) : Int64(magnitude)
    return try narrow(v, type, c)
  }

  /// An integer in the range of `type`, else .NET's OverflowException.
  static func narrow(_ v: Int64, _ type: PSType, _ c: MethodCall) throws(RuntimeError) -> Value {
    let overflow = c.exception(
      "OverflowException", "Value was either too large or too small for \(Conversions.shortName(type)).")
    switch type {
    case .int32:
      guard let i = Int32(exactly: v) else { throw overflow }
      return .int32(i)
    case .byte:
      guard let b = UInt8(exactly: v) else { throw overflow }
      return .byte(b)
    default:
      return .int64(v)
    }
  }

  /// `Double.Parse` (invariant culture: `.` decimal point, `,` thousands separator).
  static func parseDouble(_ s: String, _ c: MethodCall) throws(RuntimeError) -> Value {
    let t = s.trimmingCharacters(of: " ").trimmingCharacters(of: "\t")
    switch t.lowercased() {
    case "infinity", "+infinity", "∞": return .double(.infinity)
    case "-infinity", "-∞": return .double(-.infinity)
    case "nan": return .double(.nan)
    default: break
    }
    let plain = t.filter { $0 != "," }
    guard isDecimalText(plain, exponent: true), let d = Double(plain) else {
      throw c.exception("FormatException", FormatMessages.invalidString)
    }
    return .double(d)
  }

  /// Sign, digits, optional fraction and (when allowed) exponent; at least one mantissa digit.
  static func isDecimalText(_ t: String, exponent: Bool) -> Bool {
    var chars = Substring(t)
    if let f = chars.first, f == "-" || f == "+" { chars.removeFirst() }
    var mantissaDigits = 0
    while let f = chars.first, f.isASCII, f.isNumber {
      mantissaDigits += 1
      chars.removeFirst()
    }
    if chars.first == "." {
      chars.removeFirst()
      while let f = chars.first, f.isASCII, f.isNumber {
        mantissaDigits += 1
        chars.removeFirst()
      }
    }
    guard mantissaDigits > 0 else { return false }
    if exponent, let f = chars.first, f == "e" || f == "E" {
      chars.removeFirst()
      if let g = chars.first, g == "-" || g == "+" { chars.removeFirst() }
      guard let g = chars.first, g.isASCII, g.isNumber else { return false }
      while let g = chars.first, g.isASCII, g.isNumber { chars.removeFirst() }
    }
    return chars.isEmpty
  }

  /// `Boolean.Parse`: `True`/`False` in any case, white space around.
  static func parseBool(_ s: String) -> Bool? {
    let t = s.trimmingCharacters(of: " ").lowercased()
    if t == "true" { return true }
    if t == "false" { return false }
    return nil
  }
}
