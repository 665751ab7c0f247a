import PSLanguage

/// PowerShell's comparison, containment, type and bitwise operators.
///
/// The left operand decides: the right one is converted to the left's type (`"10" -eq 10` is a
/// string comparison, `10 -eq "10"` a numeric one); strings compare without regard to case
/// unless the `c` form is used; a collection on the left filters (`@(1,2,3) -gt 1` is `2, 3`).
public enum Comparison {
  /// `-eq -ne -gt -ge -lt -le`, with collection filtering.
  public static func compare(_ op: DashOperator.Base, _ l: Value, _ r: Value, caseSensitive: Bool) throws(RuntimeError)
    -> Value
  {
    if let items = l.enumerated {
      var out: [Value] = []
      for item in items where try test(op, item, r, caseSensitive) { out.append(item) }
      return .array(PSArray(out))
    }
    return .bool(try test(op, l, r, caseSensitive))
  }

  static func test(_ op: DashOperator.Base, _ l: Value, _ r: Value, _ cs: Bool) throws(RuntimeError) -> Bool {
    // Two Int32s (loop counters) compare as numbers: skip the general conversions.
    if case .int32(let a) = l, case .int32(let b) = r {
      switch op {
      case .eq: return a == b
      case .ne: return a != b
      case .gt: return a > b
      case .ge: return a >= b
      case .lt: return a < b
      default: return a <= b
      }
    }
    switch op {
    case .eq: return equals(l, r, caseSensitive: cs)
    case .ne: return !equals(l, r, caseSensitive: cs)
    default:
      let c = try order(l, r, caseSensitive: cs)
      switch op {
      case .gt: return c > 0
      case .ge: return c >= 0
      case .lt: return c < 0
      default: return c <= 0
      }
    }
  }

  /// Equality as `-eq` sees it for one left-hand value.
  public static func equals(_ l: Value, _ r: Value, caseSensitive: Bool) -> Bool {
    switch l {
    case .null:
      return r.isNull
    case .string(let s):
      if r.isNull { return false }
      return stringEquals(s, Conversions.toString(r), caseSensitive)
    case .char(let c):
      if r.isNull { return false }
      return stringEquals(String(decoding: [c], as: UTF16.self), Conversions.toString(r), caseSensitive)
    case .bool(let b):
      if r.isNull { return false }
      return b == Conversions.toBool(r)
    case .int32, .int64, .double, .decimal, .byte:
      guard !r.isNull, let n = try? Conversions.convertNumericLoose(r) else { return false }
      return numericCompare(l, n) == 0
    case .ipAddress(let a):
      guard let other = try? Conversions.convert(r, to: .ipAddress), case .ipAddress(let b) = other else { return false }
      return a == b
    case .version(let a):
      guard let other = try? Conversions.convert(r, to: .version), case .version(let b) = other else { return false }
      return a == b
    case .type(let t):
      if case .type(let u) = r { return t == u }
      return false
    case .array(let a):
      if case .array(let b) = r { return a === b }
      return false
    case .hashtable(let a):
      if case .hashtable(let b) = r { return a === b }
      return false
    case .object(let a):
      if case .object(let b) = r { return a === b }
      return false
    case .scriptBlock(let a):
      if case .scriptBlock(let b) = r { return a === b }
      return false
    case .reference(let a):
      if case .reference(let b) = r { return a === b }
      return false
    case .dateTime(let a):
      guard let other = try? Conversions.convert(r, to: .dateTime), case .dateTime(let b) = other else { return false }
      return a.ticks == b.ticks
    case .timeSpan(let a):
      guard let other = try? Conversions.convert(r, to: .timeSpan), case .timeSpan(let b) = other else { return false }
      return a == b
    case .guid(let a):
      guard let other = try? Conversions.convert(r, to: .guid), case .guid(let b) = other else { return false }
      return a == b
    }
  }

  static func stringEquals(_ a: String, _ b: String, _ cs: Bool) -> Bool {
    cs ? a == b : a.caseInsensitiveEquals(b)
  }

  /// Ordering for `-lt` and friends: negative, zero or positive. `$null` sorts first.
  public static func order(_ l: Value, _ r: Value, caseSensitive: Bool) throws(RuntimeError) -> Int {
    if l.isNull { return r.isNull ? 0 : -1 }
    if r.isNull { return 1 }
    switch l {
    case .string(let s):
      return stringOrder(s, Conversions.toString(r), caseSensitive)
    case .char(let c):
      return stringOrder(String(decoding: [c], as: UTF16.self), Conversions.toString(r), caseSensitive)
    case .int32, .int64, .double, .decimal, .byte:
      do {
        let n = try Conversions.convertNumericLoose(r)
        return numericCompare(l, n)
      } catch {
        throw couldNotCompare(l, r, error)
      }
    case .bool(let b):
      let o = Conversions.toBool(r)
      return b == o ? 0 : (b ? 1 : -1)
    case .version(let v):
      do {
        guard case .version(let w) = try Conversions.convert(r, to: .version) else { return 0 }
        return v == w ? 0 : (v < w ? -1 : 1)
      } catch {
        throw couldNotCompare(l, r, error)
      }
    case .dateTime(let a):
      do {
        guard case .dateTime(let b) = try Conversions.convert(r, to: .dateTime) else { return 0 }
        return a.ticks == b.ticks ? 0 : (a.ticks < b.ticks ? -1 : 1)
      } catch {
        throw couldNotCompare(l, r, error)
      }
    case .timeSpan(let a):
      do {
        guard case .timeSpan(let b) = try Conversions.convert(r, to: .timeSpan) else { return 0 }
        return a == b ? 0 : (a < b ? -1 : 1)
      } catch {
        throw couldNotCompare(l, r, error)
      }
    default:
      throw RuntimeError(
        id: "NotIcomparable",
        message: "Cannot compare \"\(Conversions.toString(l))\" because it is not IComparable.")
    }
  }

  static func couldNotCompare(_ l: Value, _ r: Value, _ e: RuntimeError) -> RuntimeError {
    RuntimeError(
      id: "ComparisonFailure",
      message: "Could not compare \"\(Conversions.toString(l))\" to \"\(Conversions.toString(r))\". Error: \"\(e.message)\"")
  }

  static func stringOrder(_ a: String, _ b: String, _ cs: Bool) -> Int {
    let x = cs ? a : a.lowercased()
    let y = cs ? b : b.lowercased()
    if x == y {
      // Case-sensitive ties: lowercase sorts before uppercase, as with .NET's culture compare.
      if cs, a != b { return a.lowercased() == a ? -1 : 1 }
      return 0
    }
    return x < y ? -1 : 1
  }

  /// Compares two numbers of any numeric type.
  static func numericCompare(_ a: Value, _ b: Value) -> Int {
    if let x = Conversions.asInt64(a), let y = Conversions.asInt64(b) { return x == y ? 0 : (x < y ? -1 : 1) }
    if case .decimal = a, !isDouble(b) {
      let x = Conversions.asDecimal(a)
      let y = Conversions.asDecimal(b)
      return x == y ? 0 : (x < y ? -1 : 1)
    }
    if case .decimal = b, !isDouble(a) {
      let x = Conversions.asDecimal(a)
      let y = Conversions.asDecimal(b)
      return x == y ? 0 : (x < y ? -1 : 1)
    }
    let x = Conversions.asDouble(a)
    let y = Conversions.asDouble(b)
    return x == y ? 0 : (x < y ? -1 : 1)
  }

  static func isDouble(_ v: Value) -> Bool {
    if case .double = v { return true }
    return false
  }

  // MARK: - Containment

  /// `-contains` (collection on the left) and `-in` (collection on the right).
  public static func contains(_ collection: Value, _ item: Value, caseSensitive: Bool) -> Bool {
    let items = collection.enumerated ?? [collection]
    return items.contains { equals($0, item, caseSensitive: caseSensitive) }
  }

  // MARK: - Types

  /// `-is`: whether a value is of a type (everything is `[object]`).
  public static func isType(_ v: Value, _ t: PSType) -> Bool {
    switch (t, v) {
    case (.object, .null): return false
    case (.object, _): return true
    case (.bool, .bool), (.int32, .int32), (.int64, .int64), (.double, .double), (.decimal, .decimal), (.byte, .byte),
      (.char, .char), (.string, .string), (.ipAddress, .ipAddress), (.version, .version), (.type, .type),
      (.pscustomobject, .object):
      return true
    case (.hashtable, .hashtable(let h)): return !h.isOrdered
    case (.ordered, .hashtable(let h)): return h.isOrdered
    case (.array(let e), .array(let a)): return e == .object && a.isFixedSize
    case (.arrayList, .array(let a)): return a.kind == .arrayList
    case (.list(let e), .array(let a)): return a.kind == .list(e)
    default: return false
    }
  }

  /// The type operand of `-is`/`-as`: a type literal or a type name.
  public static func typeOperand(_ r: Value) throws(RuntimeError) -> PSType {
    switch r {
    case .type(let t): return t
    case .string(let s): return try PSType.resolve(name: s)
    default:
      throw RuntimeError(id: "IsOperatorRequiresType", message: "The right operand of '-is' must be a type.")
    }
  }

  // MARK: - Bitwise

  /// `-band -bor -bxor -shl -shr` on integers (Int32 when both fit, else Int64).
  public static func bitwise(_ op: DashOperator.Base, _ l: Value, _ r: Value) throws(RuntimeError) -> Value {
    let a = try integer(l)
    let b = try integer(r)
    let wide = a.wide || b.wide
    let x = a.value
    let y = b.value
    let v: Int64
    switch op {
    case .band: v = x & y
    case .bor: v = x | y
    case .bxor: v = x ^ y
    case .shl: v = wide ? x << (y & 63) : Int64(Int32(truncatingIfNeeded: x) << Int32(y & 31))
    default: v = wide ? x >> (y & 63) : Int64(Int32(truncatingIfNeeded: x) >> Int32(y & 31))
    }
    if !wide { return .int32(Int32(truncatingIfNeeded: v)) }
    return .int64(v)
  }

  /// `-bnot`.
  public static func bitwiseNot(_ v: Value) throws(RuntimeError) -> Value {
    let a = try integer(v)
    return a.wide ? .int64(~a.value) : .int32(~Int32(truncatingIfNeeded: a.value))
  }

  static func integer(_ v: Value) throws(RuntimeError) -> (value: Int64, wide: Bool) {
    let n = try Conversions.toNumber(v)
    switch n {
    case .int32(let i): return (Int64(i), false)
    case .byte(let i): return (Int64(i), false)
    case .int64(let i): return (i, true)
    default:
      guard case .int64(let i) = try Conversions.convert(n, to: .int64) else { return (0, true) }
      if let s = Int32(exactly: i) { return (Int64(s), false) }
      return (i, true)
    }
  }

  // MARK: - Range

  /// `a..b`: the integers from a to b, ascending or descending.
  public static func range(_ l: Value, _ r: Value) throws(RuntimeError) -> Value {
    guard case .int32(let a) = try Conversions.convert(l, to: .int32),
      case .int32(let b) = try Conversions.convert(r, to: .int32)
    else { return .array(PSArray()) }
    let count = abs(Int64(b) - Int64(a)) + 1
    if count > 50_000_000 {
      throw RuntimeError(id: "RangeTooBig", message: "The result of the range operator is too large: \(count) elements.")
    }
    var out: [Value] = []
    out.reserveCapacity(Int(count))
    if a <= b {
      for i in a...b { out.append(.int32(i)) }
    } else {
      for i in stride(from: a, through: b, by: -1) { out.append(.int32(i)) }
    }
    return .array(PSArray(out))
  }

  /// Binary `-join`.
  public static func join(_ l: Value, _ separator: Value) -> Value {
    let items = l.enumerated ?? [l]
    return .string(items.map(Conversions.toString).joined(separator: Conversions.toString(separator)))
  }
}

extension Conversions {
  /// A value read as a number for comparisons: strings must parse, Booleans are 0/1.
  static func convertNumericLoose(_ v: Value) throws(RuntimeError) -> Value {
    switch v {
    case .int32, .int64, .double, .decimal, .byte: return v
    case .string(let s):
      if let n = parseNumber(s) { return n }
      throw RuntimeError.cannotConvert(v, to: "System.Int32", detail: "Input string was not in a correct format.")
    default:
      return try toNumber(v)
    }
  }
}
