import FoundationEssentials

/// PowerShell's arithmetic operators. The left operand decides what `+` and `*` mean (strings
/// concatenate and repeat, arrays append and repeat, hashtables merge); numbers widen as
/// PowerShell widens them: Int32 → Int64 … and an integer result that overflows becomes Double.
public enum Arithmetic {
  public enum Op: Sendable { case add, subtract, multiply, divide, remainder }

  public static func apply(_ op: Op, _ l: Value, _ r: Value) throws(RuntimeError) -> Value {
    // The commonest case (`$i + 1`, `$sum += $i`) without the general conversions. The result
    // is the general path's: an Int32 when it fits; on overflow that path gives a Double.
    if case .int32(let a) = l, case .int32(let b) = r {
      switch op {
      case .add:
        let (s, o) = a.addingReportingOverflow(b)
        if !o { return .int32(s) }
      case .subtract:
        let (s, o) = a.subtractingReportingOverflow(b)
        if !o { return .int32(s) }
      default: break
      }
    }
    switch op {
    case .add: return try add(l, r)
    case .multiply: return try multiply(l, r)
    default: return try numeric(op, l, r)
    }
  }

  public static func add(_ l: Value, _ r: Value) throws(RuntimeError) -> Value {
    switch l {
    case .null:
      return r
    case .string(let s):
      return .string(s + Conversions.toString(r))
    case .array(let a):
      return .array(PSArray(a.items + (r.enumerated ?? [r])))
    case .hashtable(let h):
      guard case .hashtable(let other) = r else {
        throw RuntimeError(id: "AddHashTableToNonHashTable", message: "A hash table can only be added to another hash table.")
      }
      let merged = h.copy()
      for e in other.entries { try merged.add(e.key, e.value) }
      return .hashtable(merged)
    case .object, .ipAddress, .version, .type, .guid:
      throw noOperator(l, "op_Addition")
    default:
      return try numeric(.add, l, r)
    }
  }

  public static func multiply(_ l: Value, _ r: Value) throws(RuntimeError) -> Value {
    switch l {
    case .string(let s):
      let n = try repeatCount(r)
      return .string(String(repeating: s, count: n))
    case .array(let a):
      let n = try repeatCount(r)
      var out: [Value] = []
      out.reserveCapacity(a.items.count * n)
      for _ in 0..<n { out += a.items }
      return .array(PSArray(out))
    case .hashtable, .object, .ipAddress, .version, .type, .dateTime, .timeSpan, .guid:
      throw noOperator(l, "op_Multiply")
    default:
      return try numeric(.multiply, l, r)
    }
  }

  static func repeatCount(_ r: Value) throws(RuntimeError) -> Int {
    guard case .int32(let n) = try Conversions.convert(r, to: .int32), n >= 0 else {
      throw RuntimeError(id: "ArgumentOutOfRange", message: "The repeat count cannot be negative.")
    }
    return Int(n)
  }

  static func noOperator(_ l: Value, _ method: String) -> RuntimeError {
    let type = l.typeName == "System.Management.Automation.PSCustomObject" ? "System.Management.Automation.PSObject" : l.typeName
    return RuntimeError(
      id: "MethodNotFound",
      message: "Method invocation failed because [\(type)] does not contain a method named '\(method)'.")
  }

  /// `$date - $date` (a TimeSpan), `$date + $timespan` and `$date - $timespan` (a DateTime).
  /// The right operand converts to TimeSpan as .NET's operators take it (`$d + 10` adds 10 ticks).
  static func dateArithmetic(_ op: Op, _ d: DateTimeValue, _ r: Value) throws(RuntimeError) -> Value {
    let l = Value.dateTime(d)
    guard op == .add || op == .subtract else { throw noOperator(l, opName(op)) }
    if op == .subtract, case .dateTime(let other) = r { return .timeSpan(d.ticks - other.ticks) }
    guard case .timeSpan(let t) = try? Conversions.convert(r, to: .timeSpan) else { throw noOperator(l, opName(op)) }
    guard let result = d.adding(ticks: op == .add ? t : -t) else {
      throw RuntimeError(
        id: "ArgumentOutOfRangeException",
        message: "The added or subtracted value results in an un-representable DateTime. (Parameter 't')")
    }
    return .dateTime(result)
  }

  /// `$ts + $ts`, `$ts - $ts`.
  static func timeSpanArithmetic(_ op: Op, _ t: Int64, _ r: Value) throws(RuntimeError) -> Value {
    let l = Value.timeSpan(t)
    guard op == .add || op == .subtract else { throw noOperator(l, opName(op)) }
    guard case .timeSpan(let u) = try? Conversions.convert(r, to: .timeSpan) else { throw noOperator(l, opName(op)) }
    let (result, overflow) = op == .add ? t.addingReportingOverflow(u) : t.subtractingReportingOverflow(u)
    if overflow {
      throw RuntimeError(id: "OverflowException", message: "TimeSpan overflowed because the duration is too long.")
    }
    return .timeSpan(result)
  }

  /// The arithmetic of numbers (and of values converted to numbers).
  public static func numeric(_ op: Op, _ l: Value, _ r: Value) throws(RuntimeError) -> Value {
    if case .array = l { throw noOperator(l, opName(op)) }
    if case .hashtable = l { throw noOperator(l, opName(op)) }
    if case .object = l { throw noOperator(l, opName(op)) }
    if case .guid = l { throw noOperator(l, opName(op)) }
    if case .dateTime(let d) = l { return try dateArithmetic(op, d, r) }
    if case .timeSpan(let t) = l { return try timeSpanArithmetic(op, t, r) }
    let a = try Conversions.toNumber(l)
    let b = try Conversions.toNumber(r)
    if case .double = a { return try doubles(op, a, b) }
    if case .double = b { return try doubles(op, a, b) }
    if case .decimal = a { return try decimals(op, a, b) }
    if case .decimal = b { return try decimals(op, a, b) }
    guard let x = Conversions.asInt64(a), let y = Conversions.asInt64(b) else { return try doubles(op, a, b) }
    let wide: Bool
    if case .int64 = a { wide = true } else if case .int64 = b { wide = true } else { wide = false }
    func fit(_ v: Int64) -> Value {
      if !wide, let i = Int32(exactly: v) { return .int32(i) }
      return .int64(v)
    }
    switch op {
    case .add:
      let (s, o) = x.addingReportingOverflow(y)
      return o ? .double(Double(x) + Double(y)) : widen(s, wide)
    case .subtract:
      let (s, o) = x.subtractingReportingOverflow(y)
      return o ? .double(Double(x) - Double(y)) : widen(s, wide)
    case .multiply:
      let (s, o) = x.multipliedReportingOverflow(by: y)
      return o ? .double(Double(x) * Double(y)) : widen(s, wide)
    case .divide:
      if y == 0 { throw divideByZero }
      if x % y == 0 { return fit(x / y) }
      return .double(Double(x) / Double(y))
    case .remainder:
      if y == 0 { throw divideByZero }
      return fit(x % y)
    }
  }

  /// An integer result in the operands' type, or Double when it leaves that type's range.
  static func widen(_ v: Int64, _ wide: Bool) -> Value {
    if wide { return .int64(v) }
    if let i = Int32(exactly: v) { return .int32(i) }
    return .double(Double(v))
  }

  static let divideByZero = RuntimeError(
    id: "RuntimeException", message: "Attempted to divide by zero.",
    exceptionType: "System.DivideByZeroException")

  static func doubles(_ op: Op, _ a: Value, _ b: Value) throws(RuntimeError) -> Value {
    let x = Conversions.asDouble(a)
    let y = Conversions.asDouble(b)
    switch op {
    case .add: return .double(x + y)
    case .subtract: return .double(x - y)
    case .multiply: return .double(x * y)
    case .divide:
      if y == 0 { throw divideByZero }
      return .double(x / y)
    case .remainder:
      if y == 0 { throw divideByZero }
      return .double(x.truncatingRemainder(dividingBy: y))
    }
  }

  static func decimals(_ op: Op, _ a: Value, _ b: Value) throws(RuntimeError) -> Value {
    let x = Conversions.asDecimal(a)
    let y = Conversions.asDecimal(b)
    switch op {
    case .add: return .decimal(x + y)
    case .subtract: return .decimal(x - y)
    case .multiply: return .decimal(x * y)
    case .divide:
      if y == 0 { throw divideByZero }
      return .decimal(x / y)
    case .remainder:
      if y == 0 { throw divideByZero }
      // Truncate the quotient toward zero through its text form (FoundationEssentials has no
      // NSDecimalRound), then take the remainder.
      let q = (x / y).description
      let whole = q.split(separator: ".").first.map(String.init) ?? "0"
      let t = Decimal(string: whole) ?? 0
      return .decimal(x - t * y)
    }
  }

  static func opName(_ op: Op) -> String {
    switch op {
    case .add: return "op_Addition"
    case .subtract: return "op_Subtraction"
    case .multiply: return "op_Multiply"
    case .divide: return "op_Division"
    case .remainder: return "op_Modulus"
    }
  }
}
