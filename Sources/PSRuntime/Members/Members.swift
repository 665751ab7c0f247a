/// PowerShell member access: `$x.Name`, `$x.Name = v`, `$x.Method(args)` and the static members
/// of types (`[Math]::Round(2.5)`, `[int]::MaxValue`).
///
/// Names are case-insensitive. The rules are PowerShell's:
/// - `.Count` and `.Length` exist on everything: `$null` has 0, a scalar 1, a collection its size
///   (a string's `.Length` is its length in UTF-16 code units, its `.Count` 1).
/// - A hashtable's keys read as properties before its own properties (`@{Keys=1}.Keys` is 1);
///   setting `$h.k = v` adds or updates the key.
/// - Member enumeration: a property or method the array itself lacks is taken from each element
///   (elements lacking it are skipped; array results are flattened one level; one result is
///   returned alone, none as `$null`). Setting through enumeration is refused, as in PowerShell.
/// - A missing property reads as `$null` (strict mode is the interpreter's business).
/// - .NET exceptions are wrapped as `Exception calling "M" with "N" argument(s): "…"`, with the
///   .NET exception's short name as the error id (as `FullyQualifiedErrorId` shows it).
///
/// Not here, because they need the interpreter: `.ForEach({…})`, `.Where({…})`, script block
/// `.Invoke()`/`.InvokeReturnAsIs()`/`.GetNewClosure()`. Script properties and methods added
/// with Add-Member run through the `ScriptMemberRunner` their object carries.
public enum Members {
  // MARK: - Instance properties

  /// `target.name`.
  public static func get(_ target: Value, _ name: String) throws(RuntimeError) -> Value {
    try property(target, name) ?? .null
  }

  /// The property, or nil when the target has no such member (member enumeration skips it).
  static func property(_ target: Value, _ name: String) throws(RuntimeError) -> Value? {
    let key = name.lowercased()
    switch target {
    case .null:
      return key == "count" || key == "length" ? .int32(0) : nil
    case .array(let a):
      if let v = arrayProperty(a, key) { return v }
      return try enumerate(a.items) { (item) throws(RuntimeError) -> Value? in try property(item, name) }
    case .hashtable(let h):
      if let v = h[.string(name)] { return v }
      if let v = hashtableProperty(h, key) { return v }
    case .object(let o):
      if let v = o[name] { return v }
      if o.addedMembers != nil, let v = try o.addedPropertyValue(name) { return v }
      if key == "psobject" { return psobjectView(o) }
    case .string(let s):
      if key == "length" { return .int32(Int32(s.utf16.count)) }
    case .ipAddress(let a):
      if let v = try ipAddressProperty(a, key) { return v }
    case .version(let v):
      if let p = versionProperty(v, key) { return p }
    case .type(let t):
      if let p = typeProperty(t, key) { return p }
    case .reference(let r):
      if key == "value" { return r.value }
    case .dateTime(let d):
      if let p = dateTimeProperty(d, key) { return p }
    case .timeSpan(let t):
      if let p = timeSpanProperty(t, key) { return p }
    case .guid(let g):
      if key == "guid" { return .string(g.uuidString.lowercased()) }
    default:
      break
    }
    // The intrinsic members every scalar has.
    if key == "count" || key == "length" { return .int32(1) }
    return nil
  }

  /// `target.name = newValue`.
  public static func set(_ target: Value, _ name: String, _ newValue: Value) throws(RuntimeError) {
    switch target {
    case .hashtable(let h):
      h[.string(name)] = newValue
      return
    case .object(let o):
      if o[name] != nil {
        o[name] = newValue
      } else if !(try o.setAddedProperty(name, newValue)) {
        throw propertyNotFound(name)
      }
      return
    case .reference(let r) where name.caseInsensitiveEquals("Value"):
      try r.assign(newValue)
      return
    case .array(let a) where !a.isFixedSize:
      try setListProperty(a, name, newValue)
      return
    case .null, .array:
      throw propertyNotFound(name)
    default:
      if try property(target, name) != nil {
        throw RuntimeError(
          id: "PropertyAssignmentException", message: "'\(canonicalProperty(target, name))' is a ReadOnly property.",
          exceptionType: "System.Management.Automation.SetValueInvocationException")
      }
      throw propertyNotFound(name)
    }
  }

  /// `The property 'X' cannot be found on this object. Verify that the property exists and can be set.`
  static func propertyNotFound(_ name: String) -> RuntimeError {
    RuntimeError(
      id: "PropertyNotFound",
      message: "The property '\(name)' cannot be found on this object. Verify that the property exists and can be set.")
  }

  /// The .NET spelling of a read-only property, for the assignment error.
  static func canonicalProperty(_ target: Value, _ name: String) -> String {
    let known = [
      "Length", "Count", "Major", "Minor", "Build", "Revision", "MajorRevision", "MinorRevision", "AddressFamily",
      "IPAddressToString", "Address", "Name", "FullName", "Namespace", "IsArray", "Capacity", "IsFixedSize",
      "IsReadOnly", "IsSynchronized", "SyncRoot",
    ]
    return known.first { $0.caseInsensitiveEquals(name) } ?? name
  }

  // MARK: - Instance methods

  /// `target.name(args)`.
  public static func invoke(_ target: Value, _ name: String, _ args: [Value]) throws(RuntimeError) -> Value {
    let call = MethodCall(name, args)
    let key = name.lowercased()
    let result: Value?
    switch target {
    case .null:
      throw RuntimeError(id: "InvokeMethodOnNull", message: "You cannot call a method on a null-valued expression.")
    case .string(let s):
      result = try stringMethod(s, key, call)
    case .array(let a):
      if let v = try arrayMethod(a, key, call) { return v }
      if let v = try commonMethod(target, key, call) { return v }
      if a.items.allSatisfy(\.isNull) { throw methodNotFound(target, name) }
      return try enumerate(a.items) { (item) throws(RuntimeError) -> Value? in
        let v = try invoke(item, name, args)
        return v.isNull ? nil : v
      }
    case .hashtable(let h):
      result = try hashtableMethod(h, key, call)
    case .object(let o):
      if o.addedMembers != nil, let v = try o.invokeScriptMethod(name, args) { return v }
      if let enc = TextEncoding(object: o) {
        result = try encodingMethod(enc, key, call)
      } else if o.typeName == regexTypeName, let pattern = o.stringValue {
        if let r = try regexObjectMethod(pattern, key, call) {
          result = r
        } else {
          result = try objectMethod(o, key, call)
        }
      } else {
        result = try objectMethod(o, key, call)
      }
    case .int32, .int64, .double, .decimal, .byte:
      result = try numberMethod(target, key, call)
    case .bool(let b):
      result = try boolMethod(b, key, call)
    case .char(let c):
      result = try charMethod(c, key, call)
    case .ipAddress(let a):
      result = try ipAddressMethod(a, key, call)
    case .version(let v):
      result = try versionMethod(v, key, call)
    case .type(let t):
      result = try typeMethod(t, key, call)
    case .scriptBlock(let sb):
      result = key == "tostring" && call.count == 0 ? .string(sb.text) : nil
    case .reference:
      result = nil
    case .dateTime(let d):
      result = try dateTimeMethod(d, key, call)
    case .timeSpan(let t):
      result = try timeSpanMethod(t, key, call)
    case .guid(let g):
      result = try guidMethod(g, key, call)
    }
    if let r = result { return r }
    if let r = try commonMethod(target, key, call) { return r }
    throw methodNotFound(target, name)
  }

  /// `GetType`, `ToString`, `Equals`, `GetHashCode`: the members of `System.Object`.
  static func commonMethod(_ target: Value, _ key: String, _ call: MethodCall) throws(RuntimeError) -> Value? {
    switch key {
    case "gettype":
      try call.arity(0)
      return .type(typeOf(target))
    case "tostring":
      try call.arity(0)
      switch target {
      case .array, .reference, .hashtable: return .string(target.typeName)
      case .object: return .string("")
      default: return .string(Conversions.toString(target))
      }
    case "equals":
      try call.arity(1)
      return .bool(strictEquals(target, call.args[0]))
    case "gethashcode":
      try call.arity(0)
      // FNV-1a over the key form: stable across runs, unlike .NET's randomized string hashes.
      var h: UInt32 = 2_166_136_261
      for b in HashKey(target).repr.utf8 { h = (h ^ UInt32(b)) &* 16_777_619 }
      return .int32(Int32(bitPattern: h))
    default:
      return nil
    }
  }

  /// `Method invocation failed because [System.String] does not contain a method named 'Foo'.`
  static func methodNotFound(_ target: Value, _ name: String) -> RuntimeError {
    methodNotFound(typeName: target.typeName, name)
  }

  static func methodNotFound(typeName: String, _ name: String) -> RuntimeError {
    RuntimeError(
      id: "MethodNotFound",
      message: "Method invocation failed because [\(typeName)] does not contain a method named '\(name)'.")
  }

  // MARK: - Member enumeration

  /// Applies `member` to each non-null element; nil results are skipped, arrays flattened one
  /// level. One result is returned alone, none as `$null`, more as an array.
  static func enumerate(_ items: [Value], _ member: (Value) throws(RuntimeError) -> Value?) throws(RuntimeError)
    -> Value
  {
    var out: [Value] = []
    for item in items where !item.isNull {
      guard let v = try member(item) else { continue }
      if case .array(let a) = v { out.append(contentsOf: a.items) } else { out.append(v) }
    }
    if out.isEmpty { return .null }
    return out.count == 1 ? out[0] : .array(PSArray(out))
  }

  // MARK: - Shared helpers

  /// The type `GetType()` reports.
  static func typeOf(_ v: Value) -> PSType {
    switch v {
    case .null: return .object
    case .bool: return .bool
    case .int32: return .int32
    case .int64: return .int64
    case .double: return .double
    case .decimal: return .decimal
    case .byte: return .byte
    case .char: return .char
    case .string: return .string
    case .array(let a): return a.type
    case .hashtable(let h): return h.isOrdered ? .ordered : .hashtable
    case .object: return .pscustomobject
    case .type: return .type
    case .ipAddress: return .ipAddress
    case .version: return .version
    case .scriptBlock: return .scriptBlock
    case .reference: return .reference
    case .dateTime: return .dateTime
    case .timeSpan: return .timeSpan
    case .guid: return .guid
    }
  }

  /// .NET's `Object.Equals`: same type and value (strings ordinal, case-sensitive); reference
  /// types by identity. Used by `Equals`, `Contains` and `IndexOf` on collections.
  static func strictEquals(_ a: Value, _ b: Value) -> Bool {
    switch (a, b) {
    case (.null, .null): return true
    case (.bool(let x), .bool(let y)): return x == y
    case (.int32(let x), .int32(let y)): return x == y
    case (.int64(let x), .int64(let y)): return x == y
    case (.double(let x), .double(let y)): return x == y
    case (.decimal(let x), .decimal(let y)): return x == y
    case (.byte(let x), .byte(let y)): return x == y
    case (.char(let x), .char(let y)): return x == y
    case (.string(let x), .string(let y)): return Array(x.utf16) == Array(y.utf16)
    case (.ipAddress(let x), .ipAddress(let y)): return x == y
    case (.version(let x), .version(let y)): return x == y
    case (.type(let x), .type(let y)): return x == y
    case (.array(let x), .array(let y)): return x === y
    case (.hashtable(let x), .hashtable(let y)): return x === y
    case (.object(let x), .object(let y)): return x === y
    case (.scriptBlock(let x), .scriptBlock(let y)): return x === y
    case (.reference(let x), .reference(let y)): return x === y
    case (.dateTime(let x), .dateTime(let y)): return x.ticks == y.ticks
    case (.timeSpan(let x), .timeSpan(let y)): return x == y
    case (.guid(let x), .guid(let y)): return x == y
    default: return false
    }
  }

  /// A value as composite formatting (`[string]::Format`, `ToString(format)`) sees it.
  static func formatArgument(_ v: Value) -> FormatArgument {
    switch v {
    case .null: return .null
    case .bool(let b): return .bool(b)
    case .int32(let i): return .int(Int64(i))
    case .int64(let i): return .int(i)
    case .byte(let b): return .int(Int64(b))
    case .double(let d): return .double(d)
    case .decimal(let d): return .decimal(d)
    case .dateTime(let d): return .dateTime(d.parts)
    case .timeSpan(let t): return .timeSpan(ticks: t)
    default: return .string(Conversions.toString(v))
    }
  }

  /// `-1`, `0` or `1` from a comparison result.
  static func sign(_ c: Int) -> Value { .int32(c < 0 ? -1 : (c > 0 ? 1 : 0)) }
}
