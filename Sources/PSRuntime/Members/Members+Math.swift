import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#endif

/// `[Math]`: the overload PowerShell would pick decides the result type (integers stay integers in
/// `Min`/`Max`/`Abs`; a decimal argument gives a decimal; everything else is a double). `Round`
/// rounds half to even unless a `MidpointRounding` is given, as .NET does.
extension Members {
  static func mathStaticProperty(_ key: String) -> Value? {
    switch key {
    case "pi": return .double(.pi)
    case "e": return .double(2.718281828459045)
    case "tau": return .double(2 * .pi)
    default: return nil
    }
  }

  static func mathStaticMethod(_ key: String, _ c: MethodCall) throws(RuntimeError) -> Value? {
    switch key {
    case "min", "max":
      try c.arity(2)
      let a = try number(c, 0, "val1")
      let b = try number(c, 1, "val2")
      let type = commonType(a, b)
      let x = try Conversions.convert(a, to: type)
      let y = try Conversions.convert(b, to: type)
      if case .double(let p) = x, p.isNaN { return x }
      if case .double(let q) = y, q.isNaN { return y }
      let c0 = Comparison.numericCompare(x, y)
      return (key == "min") == (c0 <= 0) ? x : y
    case "abs":
      try c.arity(1)
      let overflow = c.exception(
        "OverflowException", "Negating the minimum value of a twos complement number is invalid.")
      switch try number(c, 0, "value") {
      case .int32(let i):
        guard i != .min else { throw overflow }
        return .int32(abs(i))
      case .int64(let i):
        guard i != .min else { throw overflow }
        return .int64(abs(i))
      case .byte(let b): return .int32(Int32(b))
      case .decimal(let d): return .decimal(d < 0 ? -d : d)
      case let n: return .double(abs(Conversions.asDouble(n)))
      }
    case "floor", "ceiling", "truncate":
      try c.arity(1)
      let rule: FloatingPointRoundingRule = key == "floor" ? .down : (key == "ceiling" ? .up : .towardZero)
      let n = try number(c, 0, "d")
      if case .decimal(let d) = n { return .decimal(roundDecimal(d, 0, rule)) }
      return .double(Conversions.asDouble(n).rounded(rule))
    case "round":
      return try round(c)
    case "pow":
      try c.arity(2)
      return .double(pow(try c.double(0, "x"), try c.double(1, "y")))
    case "sqrt":
      try c.arity(1)
      return .double(try c.double(0, "d").squareRoot())
    case "exp":
      try c.arity(1)
      return .double(exp(try c.double(0, "d")))
    case "log":
      try c.arity(1...2)
      let x = log(try c.double(0, "d"))
      if c.count == 1 { return .double(x) }
      return .double(x / log(try c.double(1, "newBase")))
    case "log10":
      try c.arity(1)
      return .double(log10(try c.double(0, "d")))
    case "sign":
      try c.arity(1)
      let n = try number(c, 0, "value")
      if case .double(let d) = n, d.isNaN {
        throw c.exception("ArithmeticException", "Function does not accept floating point Not-a-Number values.")
      }
      return .int32(Int32(Comparison.numericCompare(n, .int32(0))))
    default:
      return nil
    }
  }

  /// `Round(x)`, `Round(x, digits)`, `Round(x, mode)`, `Round(x, digits, mode)`.
  static func round(_ c: MethodCall) throws(RuntimeError) -> Value {
    try c.arity(1...3)
    let n = try number(c, 0, "value")
    var digits = 0
    var mode = 0
    if c.count == 3 {
      digits = try c.int(1, "digits")
      mode = try c.enumValue(2, "mode", .midpointRounding)
    } else if c.count == 2 {
      if case .string(let s) = c.args[1], Conversions.parseNumber(s) == nil {
        mode = try c.enumValue(1, "mode", .midpointRounding)
      } else {
        digits = try c.int(1, "digits")
      }
    }
    let rules: [FloatingPointRoundingRule] = [.toNearestOrEven, .toNearestOrAwayFromZero, .towardZero, .down, .up]
    let rule = rules[mode]
    if case .decimal(let d) = n {
      guard (0...28).contains(digits) else {
        throw c.outOfRange("Decimal can only round to between 0 and 28 digits of precision.", "decimals")
      }
      return .decimal(roundDecimal(d, digits, rule))
    }
    guard (0...15).contains(digits) else {
      throw c.outOfRange("Rounding digits must be between 0 and 15, inclusive.", "digits")
    }
    var x = Conversions.asDouble(n)
    if digits == 0 { return .double(x.rounded(rule)) }
    if abs(x) < 1e16 {
      var power = 1.0
      for _ in 0..<digits { power *= 10 }
      x = (x * power).rounded(rule) / power
    }
    return .double(x)
  }

  /// An argument as a number (strings parsed as PowerShell converts them).
  static func number(_ c: MethodCall, _ i: Int, _ parameter: String) throws(RuntimeError) -> Value {
    do {
      return try Conversions.toNumber(c.args[i])
    } catch {
      throw c.conversionFailed(i, parameter, "System.Double", error)
    }
  }

  /// The type both numbers convert to for `Min`/`Max`.
  static func commonType(_ a: Value, _ b: Value) -> PSType {
    func rank(_ v: Value) -> Int {
      switch v {
      case .byte: return 0
      case .int32: return 1
      case .int64: return 2
      case .decimal: return 3
      default: return 4
      }
    }
    let types: [PSType] = [.byte, .int32, .int64, .decimal, .double]
    return types[max(rank(a), rank(b))]
  }

  /// A decimal rounded to `digits` fractional digits, by its decimal text (FoundationEssentials
  /// has no `NSDecimalRound`).
  static func roundDecimal(_ d: Decimal, _ digits: Int, _ rule: FloatingPointRoundingRule) -> Decimal {
    var text = Substring(d.description)
    let negative = text.first == "-"
    if negative { text = text.dropFirst() }
    let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
    let whole = Array(parts[0])
    let fraction = parts.count > 1 ? Array(parts[1]) : []
    guard fraction.count > digits else { return d }
    var kept = whole + fraction.prefix(digits)
    let rest = fraction.dropFirst(digits)
    let first = rest.first.flatMap { $0.wholeNumberValue } ?? 0
    let nonzero = rest.contains { $0 != "0" }
    let tailNonzero = rest.dropFirst().contains { $0 != "0" }
    let lastKept = kept.last.flatMap { $0.wholeNumberValue } ?? 0
    let up: Bool
    switch rule {
    case .toNearestOrEven: up = first > 5 || (first == 5 && (tailNonzero || lastKept % 2 == 1))
    case .toNearestOrAwayFromZero: up = first >= 5
    case .down: up = negative && nonzero
    case .up: up = !negative && nonzero
    default: up = false
    }
    if up {
      var i = kept.count - 1
      while i >= 0 {
        if kept[i] == "9" {
          kept[i] = "0"
          i -= 1
        } else {
          kept[i] = Character(String((kept[i].wholeNumberValue ?? 0) + 1))
          break
        }
      }
      if i < 0 { kept.insert("1", at: 0) }
    }
    let intCount = kept.count - digits
    var out = String(kept[..<intCount])
    if digits > 0 { out += "." + String(kept[intCount...]) }
    let result = Decimal(string: out) ?? d
    return negative ? -result : result
  }
}
