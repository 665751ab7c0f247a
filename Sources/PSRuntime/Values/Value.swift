import FoundationEssentials
import PSLanguage

/// A PowerShell value.
///
/// Scalars are held inline. Arrays, hashtables and custom objects are references because
/// PowerShell shares them: after `$b = $a`, `$b[0] = 1` changes `$a[0]` too.
public enum Value {
  case null
  case bool(Bool)
  case int32(Int32)
  case int64(Int64)
  case double(Double)
  case decimal(Decimal)
  case byte(UInt8)
  /// A .NET `char`: one UTF-16 code unit.
  case char(UInt16)
  case string(String)
  case array(PSArray)
  case hashtable(PSHashtable)
  case object(PSObject)
  /// A type used as a value: `[int]`, `[System.Net.IPAddress]`.
  case type(PSType)
  case ipAddress(IPAddressValue)
  case version(VersionValue)
  /// A script block (`{ … }`), runnable with `&`, `.` or `.Invoke()`.
  case scriptBlock(ScriptBlockValue)
  /// `[ref]$x`: a reference to a variable or value, for `[int]::TryParse($s, [ref]$n)`.
  case reference(PSReference)
  /// A .NET `DateTime`.
  case dateTime(DateTimeValue)
  /// A .NET `TimeSpan`, in 100-ns ticks.
  case timeSpan(Int64)
  /// A .NET `Guid`.
  case guid(UUID)

  /// PowerShell's type name for the value, as `.GetType().FullName` shows it.
  public var typeName: String {
    switch self {
    case .null: return "null"
    case .bool: return PSType.bool.description
    case .int32: return PSType.int32.description
    case .int64: return PSType.int64.description
    case .double: return PSType.double.description
    case .decimal: return PSType.decimal.description
    case .byte: return PSType.byte.description
    case .char: return PSType.char.description
    case .string: return PSType.string.description
    case .array(let a): return a.type.description
    case .hashtable(let h): return h.isOrdered ? "System.Collections.Specialized.OrderedDictionary" : "System.Collections.Hashtable"
    case .object(let o): return o.typeName ?? "System.Management.Automation.PSCustomObject"
    case .type: return "System.RuntimeType"
    case .ipAddress: return "System.Net.IPAddress"
    case .version: return "System.Version"
    case .scriptBlock: return "System.Management.Automation.ScriptBlock"
    case .reference: return "System.Management.Automation.PSReference"
    case .dateTime: return "System.DateTime"
    case .timeSpan: return "System.TimeSpan"
    case .guid: return "System.Guid"
    }
  }

  public var isNull: Bool {
    if case .null = self { return true }
    return false
  }

  /// The elements when the value is enumerable as PowerShell enumerates pipelines and operator
  /// operands (arrays; not strings or hashtables), else nil.
  public var enumerated: [Value]? {
    if case .array(let a) = self { return a.items }
    return nil
  }
}

/// A script block: its syntax tree and the text it came from (shown when it is converted to a
/// string, as PowerShell shows a script block's source).
public final class ScriptBlockValue {
  public let ast: PSLanguage.ScriptBlockAst
  public let source: PSLanguage.SourceFile

  public init(ast: PSLanguage.ScriptBlockAst, source: PSLanguage.SourceFile) {
    self.ast = ast
    self.source = source
  }

  /// The text between the braces.
  public var text: String {
    let r = ast.extent
    let inner = r.length >= 2 ? PSLanguage.SourceRange(start: r.start + 1, end: r.end - 1) : r
    return source.text(inner)
  }
}

/// A `[ref]`: a shared, settable box. For `[ref]$x` the interpreter writes the box's value back
/// to the variable after the call that received it.
public final class PSReference {
  /// The variable `[ref]$x` refers to: reading and assigning `.Value` read and change `$x`
  /// itself, as PowerShell's reference to a variable does (`function f([ref]$r) { $r.Value = 5 }`).
  /// Nil for a reference to a value (`[ref]5`, `[ref]$h.key`).
  public let variable: Variable?
  private var stored: Value

  public var value: Value {
    get { variable?.value ?? stored }
    set {
      if let variable { variable.value = newValue } else { stored = newValue }
    }
  }

  public init(_ value: Value) {
    stored = value
    variable = nil
  }

  public init(variable: Variable) {
    stored = .null
    self.variable = variable
  }

  /// `$r.Value = x`: a read-only variable refuses it and a typed one (`[int]$x`) converts it, as
  /// assigning `$x` would.
  public func assign(_ newValue: Value) throws(RuntimeError) {
    guard let variable else {
      stored = newValue
      return
    }
    if variable.isReadOnly {
      throw RuntimeError(
        id: "VariableNotWritable",
        message: "Cannot overwrite variable \(variable.name) because it is read-only or constant.",
        exceptionType: "System.Management.Automation.SessionStateUnauthorizedAccessException")
    }
    variable.value = try variable.typeConstraint.map { t throws(RuntimeError) in try Conversions.convert(newValue, to: t) } ?? newValue
  }
}

/// An array (`object[]`), an `ArrayList` or a `List[T]`, shared between the variables that
/// hold it. Everything that enumerates, indexes or formats arrays treats the three alike; the
/// kind decides the type name, whether the size can change and what `List[T]` converts its
/// items to.
public final class PSArray {
  public enum Kind: Equatable {
    /// `System.Object[]`.
    case fixed
    /// `System.Collections.ArrayList`.
    case arrayList
    /// `System.Collections.Generic.List[T]`.
    case list(PSType)
  }

  public var items: [Value]
  public var kind: Kind
  /// The .NET `Capacity` of a list (0, then 4, doubling as items are added).
  public var capacity: Int

  public init(_ items: [Value] = [], kind: Kind = .fixed) {
    self.items = items
    self.kind = kind
    self.capacity = items.count
  }

  /// True for `object[]`.
  public var isFixedSize: Bool { kind == .fixed }

  /// The type `GetType()` reports.
  public var type: PSType {
    switch kind {
    case .fixed: return .array(of: .object)
    case .arrayList: return .arrayList
    case .list(let t): return .list(of: t)
    }
  }

  /// Makes room for `count` items as .NET grows a list's buffer.
  func ensureCapacity(_ count: Int) {
    guard count > capacity else { return }
    capacity = max(capacity == 0 ? 4 : capacity * 2, count)
  }
}

/// A custom object (`[pscustomobject]@{…}`): properties in the order they were given.
public final class PSObject {
  public private(set) var properties: [(name: String, value: Value)] = []
  /// The type name shown for objects the runtime builds itself (an ErrorRecord, …); nil for
  /// plain custom objects.
  public var typeName: String?
  /// The string form, for objects whose string is not `@{…}` (an ErrorRecord is its message).
  public var stringValue: String?
  /// Alias and script properties and script methods (Add-Member); nil for nearly every object.
  var addedMembers: AddedMembers?

  public init(_ properties: [(name: String, value: Value)] = []) {
    self.properties.reserveCapacity(properties.count)
    for p in properties {
      // A repeated name keeps its first place and its last value, as setting it again would.
      if let i = self.properties.firstIndex(where: { $0.name.caseInsensitiveEquals(p.name) }) {
        self.properties[i].value = p.value
      } else {
        self.properties.append(p)
      }
    }
  }

  /// Properties by name, case-insensitively; setting a new name appends it.
  public subscript(name: String) -> Value? {
    get { properties.first { $0.name.caseInsensitiveEquals(name) }?.value }
    set {
      if let i = properties.firstIndex(where: { $0.name.caseInsensitiveEquals(name) }) {
        if let v = newValue {
          properties[i].value = v
        } else {
          properties.remove(at: i)
          addedMembers?.order.removeAll { $0.caseInsensitiveEquals(name) }
        }
      } else if let v = newValue {
        properties.append((name, v))
        addedMembers?.order.append(name)
      }
    }
  }
}

extension String {
  /// Equality ignoring case, as PowerShell compares names and (by default) strings.
  public func caseInsensitiveEquals(_ other: String) -> Bool {
    if let ascii = asciiCaseInsensitiveEquals(other) { return ascii }
    return self.lowercased() == other.lowercased()
  }

  /// The answer without allocating when it is decided by ASCII bytes: names are compared
  /// constantly (properties, parameters, variables) and nearly always ASCII. Nil when a
  /// non-ASCII byte is reached first, where only Unicode lower-casing can tell.
  ///
  /// A difference between two ASCII bytes decides (ASCII letters lower-case to themselves, so
  /// the lower-cased strings differ there too), as does a different length after an equal ASCII
  /// prefix (no character lower-cases to nothing).
  private func asciiCaseInsensitiveEquals(_ other: String) -> Bool? {
    let answer = utf8.withContiguousStorageIfAvailable { a in
      other.utf8.withContiguousStorageIfAvailable { b -> Bool? in
        let count = Swift.min(a.count, b.count)
        for i in 0..<count {
          let x = a[i], y = b[i]
          if (x | y) & 0x80 != 0 { return nil }
          if x != y {
            let lx = x &- 65 < 26 ? x | 0x20 : x
            let ly = y &- 65 < 26 ? y | 0x20 : y
            if lx != ly { return false }
          }
        }
        return a.count == b.count
      }
    }
    // Nil levels: no contiguous storage (bridged strings), or a non-ASCII byte.
    guard let contiguous = answer, let both = contiguous else { return nil }
    return both
  }
}
