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
  /// `System.Collections.ArrayList`: a resizable list of objects (a PSArray whose kind is
  /// `.arrayList`).
  case arrayList
  /// `System.Collections.Generic.List[T]`: a resizable list converting its items to `T` (a
  /// PSArray whose kind is `.list(T)`).
  case list(of: PSType)
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
    "system.collections.arraylist": .arrayList, "collections.arraylist": .arrayList,
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
    let element: PSType
    if t.genericArguments.isEmpty {
      guard let e = names[t.name.lowercased()] else { throw notFound(t.description) }
      element = e
    } else {
      guard isGenericList(t.name), t.genericArguments.count == 1 else { throw notFound(t.description) }
      element = .list(of: try resolve(t.genericArguments[0]))
    }
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
    // `List[string]`, `List[[System.String]]`, ``List`1[System.String]``.
    if n.hasSuffix("]"), let open = n.firstIndex(of: "[") {
      let base = String(n[..<open]).trimmingCharacters(of: " ")
      var argument = String(n[n.index(after: open)..<n.index(before: n.endIndex)]).trimmingCharacters(of: " ")
      if argument.hasPrefix("["), argument.hasSuffix("]") { argument = String(argument.dropFirst().dropLast()) }
      // An assembly-qualified argument (`[System.String, mscorlib, …]`) names its type first.
      if let comma = argument.firstIndex(of: ","), !argument[..<comma].contains("[") {
        argument = String(argument[..<comma])
      }
      guard isGenericList(base) else { throw notFound(n) }
      return .list(of: try resolve(name: argument))
    }
    guard let t = names[n.lowercased()] else { throw notFound(n) }
    return t
  }

  /// True for the names of `List[T]` (without its argument): `System.Collections.Generic.List`,
  /// `Collections.Generic.List`, ``List`1``.
  static func isGenericList(_ name: String) -> Bool {
    var n = name.lowercased()
    if n.hasSuffix("`1") { n.removeLast(2) }
    return n == "system.collections.generic.list" || n == "collections.generic.list"
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
    case .arrayList: return "System.Collections.ArrayList"
    case .list(let e): return "System.Collections.Generic.List`1[\(e.description)]"
    }
  }

  /// `.GetType().FullName`: as `description`, but a generic type's arguments are
  /// assembly-qualified as .NET Framework shows them.
  public var fullName: String {
    if case .list(let e) = self { return "System.Collections.Generic.List`1[[\(e.fullName), \(e.assembly)]]" }
    return description
  }

  /// `.GetType().Name`: the last part of the full name (``List`1``, `Object[]`).
  public var shortName: String {
    if case .list = self { return "List`1" }
    let full = description
    return String(full.split(separator: ".").last ?? Substring(full))
  }

  /// The Windows PowerShell 5.1 (.NET Framework 4) assembly that defines the type.
  var assembly: String {
    switch self {
    case .array(let e): return e.assembly
    case .pscustomobject, .switchParameter, .scriptBlock, .reference:
      return "System.Management.Automation, Version=3.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35"
    case .ipAddress, .ordered:
      return "System, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089"
    default:
      return "mscorlib, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089"
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
