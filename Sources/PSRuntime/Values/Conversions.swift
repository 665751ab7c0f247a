import FoundationEssentials
import PSLanguage

#if canImport(Glibc)
  import Glibc
#endif

/// PowerShell's conversion rules (`LanguagePrimitives`): to string, to Boolean, to numbers,
/// and to a named type for casts, `-as` and typed parameters.
public enum Conversions {
  // MARK: - To string

  /// The string form PowerShell gives a value (in strings, `-join`, `[string]` casts).
  /// Arrays join their elements with a space (`$OFS`'s default).
  public static func toString(_ v: Value) -> String {
    switch v {
    case .null: return ""
    case .bool(let b): return b ? "True" : "False"
    case .int32(let i): return String(i)
    case .int64(let i): return String(i)
    case .byte(let i): return String(i)
    case .double(let d): return formatDouble(d)
    case .decimal(let d): return d.description
    case .char(let c): return String(decoding: [c], as: UTF16.self)
    case .string(let s): return s
    case .array(let a): return a.items.map(toString).joined(separator: " ")
    case .hashtable(let h): return h.isOrdered ? "System.Collections.Specialized.OrderedDictionary" : "System.Collections.Hashtable"
    case .object(let o):
      if let s = o.stringValue { return s }
      return "@{" + o.propertyValues.map { "\($0.name)=\(toString($0.value))" }.joined(separator: "; ") + "}"
    case .type(let t): return t.description
    case .ipAddress(let a): return a.description
    case .version(let v): return v.description
    case .scriptBlock(let s): return s.text
    case .reference: return "System.Management.Automation.PSReference"
    case .dateTime(let d): return dateTimeString(d)
    case .timeSpan(let t): return (try? DateFormat.formatTimeSpan(t, nil)) ?? String(t)
    case .guid(let g): return g.uuidString.lowercased()
    }
  }

  /// A date as PowerShell converts it to a string (casts, interpolation, `-join`): the invariant
  /// culture's `MM/dd/yyyy HH:mm:ss`, which is what `"$(Get-Date)"` shows. (`.ToString()` uses the
  /// en-US culture's `M/d/yyyy h:mm:ss tt` instead; see Members.)
  public static func dateTimeString(_ d: DateTimeValue) -> String {
    (try? DateFormat.format(d.parts, "MM/dd/yyyy HH:mm:ss")) ?? String(d.ticks)
  }

  /// A double as Windows PowerShell prints it: up to 15 significant digits (.NET's "G"),
  /// `1E+20` style exponents, `NaN`, `Infinity`.
  public static func formatDouble(_ d: Double) -> String {
    if d.isNaN { return "NaN" }
    if d.isInfinite { return d < 0 ? "-Infinity" : "Infinity" }
    if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
    var buffer = [CChar](repeating: 0, count: 40)
    let n = buffer.withUnsafeMutableBufferPointer { p in
      withVaList([d]) { vsnprintf(p.baseAddress, 40, "%.15g", $0) }
    }
    guard n > 0 else { return d.description }
    let s = String(decoding: buffer.prefix(Int(n)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    return String(s.map { $0 == "e" ? "E" : $0 })
  }

  // MARK: - To Boolean

  /// PowerShell truthiness: `$null`, `0`, `''` and empty arrays are false; a one-element array
  /// is its element's truth; any other object is true. `[bool]'False'` is true.
  public static func toBool(_ v: Value) -> Bool {
    switch v {
    case .null: return false
    case .bool(let b): return b
    case .int32(let i): return i != 0
    case .int64(let i): return i != 0
    case .byte(let i): return i != 0
    case .double(let d): return d != 0
    case .decimal(let d): return d != 0
    case .char(let c): return c != 0
    case .string(let s): return !s.isEmpty
    case .array(let a):
      if a.items.isEmpty { return false }
      if a.items.count == 1 { return toBool(a.items[0]) }
      return true
    default: return true
    }
  }

  // MARK: - Numbers

  /// The value of a numeric literal from the parser.
  public static func value(of n: NumberValue) -> Value {
    switch n {
    case .int32(let i): return .int32(i)
    case .int64(let i): return .int64(i)
    case .uint32(let u): return .int64(Int64(u))
    case .uint64(let u): return u <= UInt64(Int64.max) ? .int64(Int64(u)) : .double(Double(u))
    case .int16(let i): return .int32(Int32(i))
    case .uint16(let u): return .int32(Int32(u))
    case .sbyte(let i): return .int32(Int32(i))
    case .byte(let b): return .byte(b)
    case .double(let d): return .double(d)
    case .decimal(let text): return .decimal(decimal(fromLiteral: text))
    case .bigInteger(let text): return .double(Double(text) ?? .nan)
    }
  }

  /// A decimal literal's text (`12.5`, or `3*1024` for a multiplied one).
  static func decimal(fromLiteral text: String) -> Decimal {
    let parts = text.split(separator: "*")
    var d = Decimal(string: String(parts[0])) ?? 0
    if parts.count == 2, let m = Decimal(string: String(parts[1])) { d *= m }
    return d
  }

  /// A string read as a number the way PowerShell converts strings for arithmetic and casts:
  /// white space trimmed, hex, exponents, type suffixes and `kb`…`pb` accepted; empty is 0.
  public static func parseNumber(_ s: String) -> Value? {
    let t = s.trimmingCharacters(of: " ").trimmingCharacters(of: "\t")
    if t.isEmpty { return .int32(0) }
    guard let n = NumberLiteral.parse(t) else { return nil }
    return value(of: n)
  }

  /// True for the numeric cases.
  public static func isNumeric(_ v: Value) -> Bool {
    switch v {
    case .int32, .int64, .double, .decimal, .byte: return true
    default: return false
    }
  }

  /// A value as a number for arithmetic; strings are parsed, `$null` is 0, Booleans are 0/1,
  /// chars their code. Throws PowerShell's cast error for anything else.
  public static func toNumber(_ v: Value) throws(RuntimeError) -> Value {
    switch v {
    case .int32, .int64, .double, .decimal, .byte: return v
    case .null: return .int32(0)
    case .bool(let b): return .int32(b ? 1 : 0)
    case .char(let c): return .int32(Int32(c))
    case .string(let s):
      if let n = parseNumber(s) { return n }
      throw RuntimeError.cannotConvert(v, to: "System.Int32", detail: "Input string was not in a correct format.")
    case .array(let a) where a.items.count == 1:
      return try toNumber(a.items[0])
    default:
      throw RuntimeError.cannotConvert(v, to: "System.Int32", detail: "", id: "InvalidCastException")
    }
  }

  /// A number as a Double (for mixed arithmetic).
  static func asDouble(_ v: Value) -> Double {
    switch v {
    case .int32(let i): return Double(i)
    case .int64(let i): return Double(i)
    case .byte(let i): return Double(i)
    case .double(let d): return d
    case .decimal(let d): return NSDecimalNumberBridge.double(d)
    default: return .nan
    }
  }

  static func asDecimal(_ v: Value) -> Decimal {
    switch v {
    case .int32(let i): return Decimal(Int(i))
    case .int64(let i): return Decimal(Int(i))
    case .byte(let i): return Decimal(Int(i))
    case .double(let d): return Decimal(d)
    case .decimal(let d): return d
    default: return 0
    }
  }

  static func asInt64(_ v: Value) -> Int64? {
    switch v {
    case .int32(let i): return Int64(i)
    case .int64(let i): return i
    case .byte(let i): return Int64(i)
    default: return nil
    }
  }

  // MARK: - To a type

  /// Converts a value to a type as a cast (`[int]"42"`) does; throws PowerShell's error.
  public static func convert(_ v: Value, to type: PSType) throws(RuntimeError) -> Value {
    switch type {
    case .object: return v
    case .void: return .null
    case .string: return v.isNull ? .string("") : .string(toString(v))
    case .bool:
      if case .array(let a) = v, a.items.count > 1 { return .bool(true) }
      return .bool(toBool(v))
    case .switchParameter: return .bool(toBool(v))
    case .int32, .int64, .double, .decimal, .byte, .integer:
      return try convertNumeric(v, to: type)
    case .char:
      switch v {
      case .char: return v
      case .string(let s) where s.utf16.count == 1: return .char(s.utf16.first ?? 0)
      case .int32, .int64, .byte:
        if let i = asInt64(v), i >= 0, i <= 0xFFFF { return .char(UInt16(i)) }
      default: break
      }
      throw RuntimeError.cannotConvert(v, to: type.description, detail: "String must be exactly one character long.")
    case .array(let element):
      let items = v.enumerated ?? (v.isNull ? [] : [v])
      var out: [Value] = []
      for i in items { out.append(try convert(i, to: element)) }
      return .array(PSArray(out))
    case .arrayList, .list:
      return try convertToList(v, type)
    case .hashtable:
      if case .hashtable = v { return v }
      throw RuntimeError.cannotConvert(v, to: type.description, detail: "", id: "ConvertToFinalInvalidCastException")
    case .ordered:
      if case .hashtable(let h) = v {
        let c = h.copy()
        c.isOrdered = true
        return .hashtable(c)
      }
      throw RuntimeError.cannotConvert(v, to: type.description, detail: "", id: "ConvertToFinalInvalidCastException")
    case .pscustomobject:
      if case .hashtable(let h) = v {
        return .object(PSObject(h.entries.map { (toString($0.key), $0.value) }))
      }
      return v
    case .ipAddress:
      if case .ipAddress = v { return v }
      if case .string(let s) = v, let a = IPAddressValue(parsing: s) { return .ipAddress(a) }
      throw RuntimeError.cannotConvert(v, to: type.description, detail: "An invalid IP address was specified.")
    case .version:
      if case .version = v { return v }
      if case .string(let s) = v, let ver = VersionValue(parsing: s) { return .version(ver) }
      throw RuntimeError.cannotConvert(
        v, to: type.description, detail: "Version string portion was too short or too long.")
    case .scriptBlock:
      if case .scriptBlock = v { return v }
      throw RuntimeError.cannotConvert(v, to: type.description, detail: "", id: "ConvertToFinalInvalidCastException")
    case .reference:
      if case .reference = v { return v }
      return .reference(PSReference(v))
    case .dateTime:
      switch v {
      case .dateTime: return v
      case .string(let s):
        if let d = DateTimeValue.parse(s) { return .dateTime(d) }
        throw RuntimeError.cannotConvert(
          v, to: type.description, detail: "String was not recognized as a valid DateTime.",
          id: "InvalidCastParseTargetInvocationWithFormatProvider")
      case .int32, .int64, .byte:
        if let t = asInt64(v), t >= 0, t <= DateTimeValue.maxTicks { return .dateTime(DateTimeValue(ticks: t)) }
      default: break
      }
      throw RuntimeError.cannotConvert(v, to: type.description, detail: "", id: "ConvertToFinalInvalidCastException")
    case .timeSpan:
      switch v {
      case .timeSpan: return v
      case .string(let s):
        if let t = TimeSpanValue.parse(s) { return .timeSpan(t) }
        throw RuntimeError.cannotConvert(
          v, to: type.description, detail: "String '\(s)' was not recognized as a valid TimeSpan.",
          id: "InvalidCastParseTargetInvocationWithFormatProvider")
      case .int32, .int64, .byte:
        if let t = asInt64(v) { return .timeSpan(t) }
      default: break
      }
      throw RuntimeError.cannotConvert(v, to: type.description, detail: "", id: "ConvertToFinalInvalidCastException")
    case .guid:
      switch v {
      case .guid: return v
      case .string(let s):
        if let g = parseGuid(s) { return .guid(g) }
        throw RuntimeError.cannotConvert(
          v, to: type.description, detail: "Unrecognized Guid format.", id: "InvalidCastParseTargetInvocation")
      default: break
      }
      throw RuntimeError.cannotConvert(v, to: type.description, detail: "", id: "ConvertToFinalInvalidCastException")
    case .staticClass(let name):
      if name == Members.regexTypeName {
        if case .object(let o) = v, o.typeName == name { return v }
        return try Members.makeRegexObject(toString(v))
      }
      throw RuntimeError.cannotConvert(v, to: name, detail: "", id: "ConvertToFinalInvalidCastException")
    case .type:
      if case .type = v { return v }
      if case .string(let s) = v { return .type(try PSType.resolve(name: s)) }
      throw RuntimeError.cannotConvert(v, to: type.description, detail: "")
    }
  }

  /// `[System.Collections.ArrayList]@(1,2)`, `[System.Collections.Generic.List[int]]$items`: a
  /// new list of the items (a list of the same type is kept; `$null` stays `$null`).
  static func convertToList(_ v: Value, _ type: PSType) throws(RuntimeError) -> Value {
    if v.isNull { return .null }
    if case .array(let a) = v, a.type == type { return v }
    let items = v.enumerated ?? [v]
    guard case .list(let element) = type else { return .array(PSArray(items, kind: .arrayList)) }
    var out: [Value] = []
    out.reserveCapacity(items.count)
    for item in items {
      do {
        out.append(try convertListItem(item, to: element))
      } catch {
        if case .string = v { throw error }
        let shown: String
        if case .array = v { shown = v.typeName } else { shown = toString(v) }
        throw RuntimeError(
          id: error.id,
          message:
            "Cannot convert the \"\(shown)\" value of type \"\(v.typeName)\" to type \"\(type.description)\".",
          exceptionType: error.exceptionType)
      }
    }
    return .array(PSArray(out, kind: .list(element)))
  }

  /// An item converted to a `List[T]`'s `T`: `$null` stays `$null` for reference types
  /// (strings included), as .NET passes null to a string parameter.
  static func convertListItem(_ v: Value, to element: PSType) throws(RuntimeError) -> Value {
    if v.isNull, element == .string || ArgumentConversion.isReferenceType(element) { return .null }
    return try convert(v, to: element)
  }

  /// A GUID in .NET's `D`, `N`, `B` or `P` form; nil otherwise.
  public static func parseGuid(_ text: String) -> UUID? {
    var s = text.trimmingCharacters(of: " ")
    if (s.hasPrefix("{") && s.hasSuffix("}")) || (s.hasPrefix("(") && s.hasSuffix(")")) {
      s = String(s.dropFirst().dropLast())
    }
    if s.count == 32, s.allSatisfy(\.isHexDigit) {
      let a = Array(s)
      s = [a[0..<8], a[8..<12], a[12..<16], a[16..<20], a[20..<32]].map { String($0) }.joined(separator: "-")
    }
    guard s.count == 36 else { return nil }
    return UUID(uuidString: s)
  }

  static func convertNumeric(_ v: Value, to type: PSType) throws(RuntimeError) -> Value {
    var n: Value
    switch v {
    case .string(let s):
      guard let parsed = parseNumber(s) else {
        throw RuntimeError.cannotConvert(v, to: type.description, detail: "Input string was not in a correct format.")
      }
      n = parsed
    case .array(let a) where a.items.count != 1:
      throw RuntimeError.cannotConvert(v, to: type.description, detail: "", id: "ConvertToFinalInvalidCastException")
    default:
      n = try toNumber(v)
    }
    // Built only when thrown: rendering the value and type names cost more than the
    // conversion itself.
    func overflow() -> RuntimeError {
      RuntimeError.cannotConvert(
        v, to: type.description, detail: "Value was either too large or too small for \(shortName(type)).")
    }
    switch type {
    case .int32:
      if let i = asInt64(n) {
        guard let r = Int32(exactly: i) else { throw overflow() }
        return .int32(r)
      }
      let d = roundHalfEven(asDouble(n))
      guard let r = Int32(exactly: d) else { throw overflow() }
      return .int32(r)
    case .int64:
      if let i = asInt64(n) { return .int64(i) }
      let d = roundHalfEven(asDouble(n))
      guard let r = Int64(exactly: d) else { throw overflow() }
      return .int64(r)
    case .byte:
      let d = asInt64(n).map(Double.init) ?? roundHalfEven(asDouble(n))
      guard let r = UInt8(exactly: d) else { throw overflow() }
      return .byte(r)
    case .double:
      return .double(asDouble(n))
    case .integer(let kind):
      let d = asInt64(n).map(Double.init) ?? roundHalfEven(asDouble(n))
      guard let r = Int64(exactly: d), kind.range.contains(r) else { throw overflow() }
      if let small = Int32(exactly: r) { return .int32(small) }
      return .int64(r)
    default:
      return .decimal(asDecimal(n))
    }
  }

  /// .NET rounds to even when converting a real to an integer (`[int]2.5` is 2).
  static func roundHalfEven(_ d: Double) -> Double { d.rounded(.toNearestOrEven) }

  static func shortName(_ t: PSType) -> String {
    switch t {
    case .int32: return "an Int32"
    case .int64: return "an Int64"
    case .byte: return "an unsigned byte"
    case .integer(let k): return (k == .uint16 || k == .uint32 || k == .uint64 || k == .int16) ? "a " + k.rawValue : "a signed byte"
    default:
      let name = t.description
      return "a " + (name.hasPrefix("System.") ? String(name.dropFirst(7)) : name)
    }
  }
}

/// Decimal → Double without Foundation's NSDecimalNumber.
enum NSDecimalNumberBridge {
  static func double(_ d: Decimal) -> Double { Double(d.description) ?? .nan }
}
