/// Members of numbers, Booleans, chars, IP addresses, versions and types.
extension Members {
  // MARK: - Numbers

  static func numberMethod(_ n: Value, _ key: String, _ c: MethodCall) throws(RuntimeError) -> Value? {
    switch key {
    case "tostring":
      try c.arity(0...2)
      guard c.count > 0, case .string(let format) = c.args[0], !format.isEmpty else {
        return .string(Conversions.toString(n))
      }
      do {
        return .string(try CompositeFormat.formatValue(formatArgument(n), format))
      } catch {
        throw c.exception("FormatException", error.message)
      }
    case "compareto":
      try c.arity(1)
      if c.args[0].isNull { return .int32(1) }
      guard let other = try? Conversions.convertNumericLoose(c.args[0]) else {
        throw c.exception("ArgumentException", "Object must be of type \(String(n.typeName.dropFirst(7))).")
      }
      return sign(Comparison.numericCompare(n, other))
    case "equals":
      // Numbers compare by value whatever their width (`(1).Equals(1L)` is true here; .NET
      // would say false); anything else is unequal.
      try c.arity(1)
      guard Conversions.isNumeric(c.args[0]) else { return .bool(false) }
      return .bool(Comparison.numericCompare(n, c.args[0]) == 0)
    default:
      return nil
    }
  }

  static func boolMethod(_ b: Bool, _ key: String, _ c: MethodCall) throws(RuntimeError) -> Value? {
    switch key {
    case "tostring":
      try c.arity(0...1)
      return .string(b ? "True" : "False")
    case "compareto":
      try c.arity(1)
      if c.args[0].isNull { return .int32(1) }
      guard case .bool(let o) = c.args[0] else {
        throw c.exception("ArgumentException", "Object must be of type Boolean.")
      }
      return .int32(b == o ? 0 : (b ? 1 : -1))
    default:
      return nil
    }
  }

  static func charMethod(_ ch: UInt16, _ key: String, _ c: MethodCall) throws(RuntimeError) -> Value? {
    switch key {
    case "tostring":
      try c.arity(0...1)
      return .string(text([ch]))
    case "compareto":
      try c.arity(1)
      if c.args[0].isNull { return .int32(1) }
      guard case .char(let o) = c.args[0] else {
        throw c.exception("ArgumentException", "Object must be of type Char.")
      }
      return .int32(Int32(ch) - Int32(o))
    default:
      return nil
    }
  }

  // MARK: - IP addresses

  static func ipAddressProperty(_ a: IPAddressValue, _ key: String) throws(RuntimeError) -> Value? {
    let b = a.bytes
    switch key {
    case "ipaddresstostring": return .string(a.description)
    case "addressfamily": return .string(a.isIPv4 ? "InterNetwork" : "InterNetworkV6")
    case "address":
      // The deprecated `Address`: the four bytes as a little-endian number.
      guard a.isIPv4 else { throw notSupportedForAddress("Address") }
      return .int64(Int64(b[0]) | Int64(b[1]) << 8 | Int64(b[2]) << 16 | Int64(b[3]) << 24)
    case "scopeid":
      guard !a.isIPv4 else { throw notSupportedForAddress("ScopeId") }
      return .int64(0)
    case "isipv6linklocal": return .bool(!a.isIPv4 && b[0] == 0xFE && b[1] & 0xC0 == 0x80)
    case "isipv6sitelocal": return .bool(!a.isIPv4 && b[0] == 0xFE && b[1] & 0xC0 == 0xC0)
    case "isipv6multicast": return .bool(!a.isIPv4 && b[0] == 0xFF)
    case "isipv6teredo": return .bool(!a.isIPv4 && b[0] == 0x20 && b[1] == 0x01 && b[2] == 0 && b[3] == 0)
    case "isipv4mappedtoipv6":
      return .bool(!a.isIPv4 && b[0..<10].allSatisfy { $0 == 0 } && b[10] == 0xFF && b[11] == 0xFF)
    default: return nil
    }
  }

  static func notSupportedForAddress(_ property: String) -> RuntimeError {
    RuntimeError(
      id: "ExceptionWhenGetting",
      message:
        "Exception getting \"\(property)\": \"The attempted operation is not supported for the type of object referenced.\"",
      exceptionType: "System.Management.Automation.GetValueInvocationException")
  }

  static func ipAddressMethod(_ a: IPAddressValue, _ key: String, _ c: MethodCall) throws(RuntimeError) -> Value? {
    switch key {
    case "getaddressbytes":
      try c.arity(0)
      return .array(PSArray(a.bytes.map { .byte($0) }))
    case "tostring":
      try c.arity(0)
      return .string(a.description)
    case "maptoipv6":
      try c.arity(0)
      guard a.isIPv4 else { return .ipAddress(a) }
      return .ipAddress(IPAddressValue(bytes: Array(repeating: 0, count: 10) + [0xFF, 0xFF] + a.bytes))
    case "maptoipv4":
      try c.arity(0)
      guard !a.isIPv4 else { return .ipAddress(a) }
      return .ipAddress(IPAddressValue(bytes: Array(a.bytes[12...])))
    default:
      return nil
    }
  }

  // MARK: - Versions

  static func versionProperty(_ v: VersionValue, _ key: String) -> Value? {
    func part(_ i: Int) -> Int { i < v.parts.count ? v.parts[i] : -1 }
    switch key {
    case "major": return .int32(Int32(part(0)))
    case "minor": return .int32(Int32(part(1)))
    case "build": return .int32(Int32(part(2)))
    case "revision": return .int32(Int32(part(3)))
    case "majorrevision": return .int32(Int32(truncatingIfNeeded: part(3) >> 16))
    case "minorrevision": return .int32(Int32(truncatingIfNeeded: part(3) & 0xFFFF))
    default: return nil
    }
  }

  static func versionMethod(_ v: VersionValue, _ key: String, _ c: MethodCall) throws(RuntimeError) -> Value? {
    switch key {
    case "tostring":
      try c.arity(0...1)
      guard c.count == 1 else { return .string(v.description) }
      let n = try c.int(0, "fieldCount")
      guard n >= 0, n <= v.parts.count else {
        throw c.exception(
          "ArgumentException", "Argument must be between 0 and \(v.parts.count). (Parameter 'fieldCount')")
      }
      return .string(v.parts.prefix(n).map(String.init).joined(separator: "."))
    case "compareto":
      try c.arity(1)
      if c.args[0].isNull { return .int32(1) }
      guard case .version(let o) = try? Conversions.convert(c.args[0], to: .version) else {
        throw c.exception("ArgumentException", "Object must be of type Version.")
      }
      return .int32(v == o ? 0 : (v < o ? -1 : 1))
    default:
      return nil
    }
  }

  // MARK: - Types

  static func typeProperty(_ t: PSType, _ key: String) -> Value? {
    let full = t.description
    switch key {
    case "fullname": return .string(t.fullName)
    case "name": return .string(t.shortName)
    case "namespace":
      if case .list = t { return .string("System.Collections.Generic") }
      guard let dot = full.lastIndex(of: ".") else { return .null }
      return .string(String(full[..<dot]))
    case "isgenerictype":
      if case .list = t { return .bool(true) }
      return .bool(false)
    case "isarray":
      if case .array = t { return .bool(true) }
      return .bool(false)
    case "isvaluetype":
      switch t {
      case .bool, .int32, .int64, .double, .decimal, .byte, .char, .switchParameter: return .bool(true)
      default: return .bool(false)
      }
    default: return nil
    }
  }

  static func typeMethod(_ t: PSType, _ key: String, _ c: MethodCall) throws(RuntimeError) -> Value? {
    switch key {
    case "tostring":
      try c.arity(0)
      return .string(t.description)
    case "getelementtype":
      try c.arity(0)
      if case .array(let e) = t { return .type(e) }
      return .null
    default:
      return nil
    }
  }
}
