import PSLanguage

/// A type eflowsh knows: what `[int]`, `[System.Net.IPAddress]` or `[string[]]` names.
public indirect enum PSType: Equatable, Sendable, CustomStringConvertible {
  case object
  case bool
  case int32
  case int64
  case double
  case decimal
  case byte
  case char
  case string
  case array(of: PSType)
  case hashtable
  case ordered
  case pscustomobject
  case ipAddress
  case version
  case type
  case switchParameter
  case void
  case scriptBlock
  case reference
  case dateTime
  case timeSpan
  case guid
  /// The other .NET integer types (`[uint32]`, `[uint16]`, `[int16]`, `[sbyte]`, `[uint64]`):
  /// conversion checks their range, and the value is kept as an Int32 or Int64 (eflowsh has no
  /// separate unsigned values, so `.GetType()` shows the wider signed type).
  case integer(IntegerKind)
  /// A .NET type used only for its static members (`[Math]`, `[IO.Path]`, `[Environment]`):
  /// the full name.
  case staticClass(String)

  /// Accelerators and full names, lowercased (PowerShell resolves type names without regard
  /// to case). Only the types the runtime implements are here; others are reported as unknown.
  static let names: [String: PSType] = [
    "object": .object, "system.object": .object, "psobject": .object, "system.management.automation.psobject": .object,
    "bool": .bool, "boolean": .bool, "system.boolean": .bool,
    "int": .int32, "int32": .int32, "system.int32": .int32,
    "long": .int64, "int64": .int64, "system.int64": .int64,
    "double": .double, "system.double": .double,
    "decimal": .decimal, "system.decimal": .decimal,
    "byte": .byte, "system.byte": .byte,
    "char": .char, "system.char": .char,
    "string": .string, "system.string": .string,
    "array": .array(of: .object), "system.array": .array(of: .object),
    "hashtable": .hashtable, "system.collections.hashtable": .hashtable,
    "ordered": .ordered, "system.collections.specialized.ordereddictionary": .ordered,
    "pscustomobject": .pscustomobject, "system.management.automation.pscustomobject": .pscustomobject,
    "ipaddress": .ipAddress, "system.net.ipaddress": .ipAddress, "net.ipaddress": .ipAddress,
    "version": .version, "system.version": .version,
    "type": .type, "system.type": .type,
    "switch": .switchParameter, "system.management.automation.switchparameter": .switchParameter,
    "void": .void, "system.void": .void,
    "scriptblock": .scriptBlock, "system.management.automation.scriptblock": .scriptBlock,
    "ref": .reference, "system.management.automation.psreference": .reference,
    "math": .staticClass("System.Math"), "system.math": .staticClass("System.Math"),
    "io.path": .staticClass("System.IO.Path"), "system.io.path": .staticClass("System.IO.Path"),
    "environment": .staticClass("System.Environment"), "system.environment": .staticClass("System.Environment"),
    "convert": .staticClass("System.Convert"), "system.convert": .staticClass("System.Convert"),
    "text.encoding": .staticClass("System.Text.Encoding"), "system.text.encoding": .staticClass("System.Text.Encoding"),
    "guid": .guid, "system.guid": .guid,
    "uint32": .integer(.uint32), "system.uint32": .integer(.uint32), "uint": .integer(.uint32),
    "uint16": .integer(.uint16), "system.uint16": .integer(.uint16), "ushort": .integer(.uint16),
    "int16": .integer(.int16), "system.int16": .integer(.int16), "short": .integer(.int16),
    "sbyte": .integer(.sbyte), "system.sbyte": .integer(.sbyte),
    "uint64": .integer(.uint64), "system.uint64": .integer(.uint64), "ulong": .integer(.uint64),
    "datetime": .dateTime, "system.datetime": .dateTime,
    "timespan": .timeSpan, "system.timespan": .timeSpan,
    "regex": .staticClass("System.Text.RegularExpressions.Regex"),
    "system.text.regularexpressions.regex": .staticClass("System.Text.RegularExpressions.Regex"),
    "net.servicepointmanager": .staticClass("System.Net.ServicePointManager"),
    "system.net.servicepointmanager": .staticClass("System.Net.ServicePointManager"),
    "net.securityprotocoltype": .staticClass("System.Net.SecurityProtocolType"),
    "system.net.securityprotocoltype": .staticClass("System.Net.SecurityProtocolType"),
    "stringcomparison": .staticClass("System.StringComparison"),
    "system.stringcomparison": .staticClass("System.StringComparison"),
    "stringsplitoptions": .staticClass("System.StringSplitOptions"),
    "system.stringsplitoptions": .staticClass("System.StringSplitOptions"),
    "midpointrounding": .staticClass("System.MidpointRounding"),
    "system.midpointrounding": .staticClass("System.MidpointRounding"),
    "environmentvariabletarget": .staticClass("System.EnvironmentVariableTarget"),
    "system.environmentvariabletarget": .staticClass("System.EnvironmentVariableTarget"),
    "net.sockets.addressfamily": .staticClass("System.Net.Sockets.AddressFamily"),
    "system.net.sockets.addressfamily": .staticClass("System.Net.Sockets.AddressFamily"),
  ]

  /// Resolves a type name from the syntax tree; throws PowerShell's `Unable to find type [X].`
  public static func resolve(_ t: TypeName) throws(RuntimeError) -> PSType {
    if !t.genericArguments.isEmpty { throw notFound(t.description) }
    var base = TypeName(extent: t.extent, name: t.name)
    base.arrayRank = 0
    guard let element = names[t.name.lowercased()] else { throw notFound(t.description) }
    if t.arrayRank == 0 { return element }
    guard t.arrayRank == 1 else { throw notFound(t.description) }
    return .array(of: element)
  }

  /// Resolves a type written as a string (`-is 'int'`, `-as [string]'int'`).
  public static func resolve(name: String) throws(RuntimeError) -> PSType {
    var n = name.trimmingCharacters(of: " ")
    if n.hasPrefix("["), n.hasSuffix("]") { n = String(n.dropFirst().dropLast()) }
    if n.hasSuffix("[]") {
      let element = try resolve(name: String(n.dropLast(2)))
      return .array(of: element)
    }
    guard let t = names[n.lowercased()] else { throw notFound(n) }
    return t
  }

  static func notFound(_ name: String) -> RuntimeError {
    RuntimeError(id: "TypeNotFound", message: "Unable to find type [\(name)].")
  }

  /// The .NET full name, as error messages print it.
  public var description: String {
    switch self {
    case .object: return "System.Object"
    case .bool: return "System.Boolean"
    case .int32: return "System.Int32"
    case .int64: return "System.Int64"
    case .double: return "System.Double"
    case .decimal: return "System.Decimal"
    case .byte: return "System.Byte"
    case .char: return "System.Char"
    case .string: return "System.String"
    case .array(let e): return e.description + "[]"
    case .hashtable: return "System.Collections.Hashtable"
    case .ordered: return "System.Collections.Specialized.OrderedDictionary"
    case .pscustomobject: return "System.Management.Automation.PSCustomObject"
    case .ipAddress: return "System.Net.IPAddress"
    case .version: return "System.Version"
    case .type: return "System.Type"
    case .switchParameter: return "System.Management.Automation.SwitchParameter"
    case .void: return "System.Void"
    case .scriptBlock: return "System.Management.Automation.ScriptBlock"
    case .reference: return "System.Management.Automation.PSReference"
    case .dateTime: return "System.DateTime"
    case .timeSpan: return "System.TimeSpan"
    case .guid: return "System.Guid"
    case .staticClass(let name): return name
    case .integer(let k): return "System." + k.rawValue
    }
  }
}

/// .NET integer types beyond Int32, Int64 and Byte, with their ranges.
public enum IntegerKind: String, Sendable {
  case sbyte = "SByte", int16 = "Int16", uint16 = "UInt16", uint32 = "UInt32", uint64 = "UInt64"

  var range: ClosedRange<Int64> {
    switch self {
    case .sbyte: return -128...127
    case .int16: return -32768...32767
    case .uint16: return 0...65535
    case .uint32: return 0...4_294_967_295
    case .uint64: return 0...Int64.max
    }
  }
}

extension String {
  func trimmingCharacters(of c: Character) -> String {
    var s = Substring(self)
    while s.first == c { s.removeFirst() }
    while s.last == c { s.removeLast() }
    return String(s)
  }
}
