/// Members of arrays (`System.Object[]`) and hashtables (`Hashtable`, `OrderedDictionary`).
extension Members {
  // MARK: - Arrays

  static func arrayProperty(_ a: PSArray, _ key: String) -> Value? {
    if !a.isFixedSize { return listProperty(a, key) }
    switch key {
    case "count", "length": return .int32(Int32(a.items.count))
    case "longlength": return .int64(Int64(a.items.count))
    case "rank": return .int32(1)
    case "isfixedsize", "isreadonly": return .bool(key == "isfixedsize")
    case "issynchronized": return .bool(false)
    case "syncroot": return .array(a)
    default: return nil
    }
  }

  /// The array's own methods; nil lets member enumeration try the elements.
  static func arrayMethod(_ a: PSArray, _ key: String, _ c: MethodCall) throws(RuntimeError) -> Value? {
    if !a.isFixedSize { return try listMethod(a, key, c) }
    switch key {
    case "contains":
      try c.arity(1)
      return .bool(a.items.contains { strictEquals($0, c.args[0]) })
    case "indexof":
      try c.arity(1)
      return .int32(Int32(a.items.firstIndex { strictEquals($0, c.args[0]) } ?? -1))
    case "clone":
      try c.arity(0)
      return .array(PSArray(a.items))
    case "getvalue":
      try c.arity(1)
      let i = try c.int(0, "index")
      guard a.items.indices.contains(i) else {
        throw c.exception("IndexOutOfRangeException", "Index was outside the bounds of the array.")
      }
      return a.items[i]
    case "setvalue":
      try c.arity(2)
      let i = try c.int(1, "index")
      guard a.items.indices.contains(i) else {
        throw c.exception("IndexOutOfRangeException", "Index was outside the bounds of the array.")
      }
      a.items[i] = c.args[0]
      return .null
    case "getlength", "getupperbound", "getlowerbound":
      try c.arity(1)
      let dim = try c.int(0, "dimension")
      guard dim == 0 else {
        throw c.exception("IndexOutOfRangeException", "Index was outside the bounds of the array.")
      }
      switch key {
      case "getlength": return .int32(Int32(a.items.count))
      case "getupperbound": return .int32(Int32(a.items.count - 1))
      default: return .int32(0)
      }
    case "add", "remove", "removeat", "insert", "clear":
      // IList methods of a fixed-size array.
      throw c.exception("NotSupportedException", "Collection was of a fixed size.")
    default:
      return nil
    }
  }

  // MARK: - Hashtables

  static func hashtableProperty(_ h: PSHashtable, _ key: String) -> Value? {
    switch key {
    case "count": return .int32(Int32(h.count))
    case "keys": return .array(PSArray(h.entries.map(\.key)))
    case "values": return .array(PSArray(h.entries.map(\.value)))
    case "isreadonly", "isfixedsize", "issynchronized": return .bool(false)
    case "syncroot": return .hashtable(h)
    default: return nil
    }
  }

  static func hashtableMethod(_ h: PSHashtable, _ key: String, _ c: MethodCall) throws(RuntimeError) -> Value? {
    func requireKey(_ i: Int) throws(RuntimeError) -> Value {
      if c.args[i].isNull { throw c.nullArgument("key") }
      return c.args[i]
    }
    switch key {
    case "add":
      try c.arity(2)
      let k = try requireKey(0)
      do {
        try h.add(k, c.args[1])
      } catch {
        throw c.exception("ArgumentException", error.message)
      }
      return .null
    case "remove":
      try c.arity(1)
      h[try requireKey(0)] = nil
      return .null
    case "clear":
      try c.arity(0)
      for e in h.entries { h[e.key] = nil }
      return .null
    case "containskey", "contains":
      try c.arity(1)
      return .bool(h.containsKey(try requireKey(0)))
    case "containsvalue":
      try c.arity(1)
      return .bool(h.entries.contains { strictEquals($0.value, c.args[0]) })
    case "item":
      try c.arity(1)
      return h[try requireKey(0)] ?? .null
    case "clone":
      try c.arity(0)
      return .hashtable(h.copy())
    case "getenumerator":
      try c.arity(0)
      return .array(PSArray(h.entries.map(dictionaryEntry)))
    case "insert" where h.isOrdered:
      try c.arity(3)
      let index = try c.int(0, "index")
      let k = try requireKey(1)
      guard index >= 0, index <= h.count else {
        throw c.outOfRange("Index must be within the bounds of the List.", "index")
      }
      if h.containsKey(k) {
        throw c.exception(
          "ArgumentException", "An item with the same key has already been added. Key: \(Conversions.toString(k))")
      }
      var entries = h.entries
      entries.insert((k, c.args[2]), at: index)
      rebuild(h, entries)
      return .null
    case "removeat" where h.isOrdered:
      try c.arity(1)
      let index = try c.int(0, "index")
      guard index >= 0, index < h.count else {
        throw c.outOfRange(
          "Index was out of range. Must be non-negative and less than the size of the collection.", "index")
      }
      h[h.entries[index].key] = nil
      return .null
    default:
      return nil
    }
  }

  /// A `DictionaryEntry` as `GetEnumerator()` yields it: `Name` (PowerShell's alias of `Key`),
  /// `Value` and `Key`, in that order so tables show Name and Value first.
  static func dictionaryEntry(_ e: (key: Value, value: Value)) -> Value {
    .object(PSObject([("Name", e.key), ("Value", e.value), ("Key", e.key)]))
  }

  static func rebuild(_ h: PSHashtable, _ entries: [(key: Value, value: Value)]) {
    for e in h.entries { h[e.key] = nil }
    for e in entries { h[e.key] = e.value }
  }

  // MARK: - Custom objects

  static func objectMethod(_ o: PSObject, _ key: String, _ c: MethodCall) throws(RuntimeError) -> Value? {
    nil
  }

  /// `$obj.PSObject`: a read-only view with `Properties` (Name, Value, MemberType, IsSettable,
  /// IsGettable, TypeNameOfValue) and `TypeNames`. Changes to the view do not reach the object.
  static func psobjectView(_ o: PSObject) -> Value {
    let props = o.propertyValues.map { p -> Value in
      // Alias and script properties (Add-Member) say what they are; a script property can be
      // read-only or write-only.
      var (type, settable, gettable) = ("NoteProperty", true, true)
      if let m = o.addedMember(p.name) {
        type = m.memberType
        if case .scriptProperty(let getter, let setter) = m { (settable, gettable) = (setter != nil, getter != nil) }
      }
      let typeName = p.value.isNull || type == "ScriptProperty" ? "System.Object" : p.value.typeName
      return .object(
        PSObject([
          ("Name", .string(p.name)), ("Value", p.value), ("MemberType", .string(type)),
          ("IsSettable", .bool(settable)), ("IsGettable", .bool(gettable)), ("TypeNameOfValue", .string(typeName)),
        ]))
    }
    return .object(
      PSObject([
        ("Properties", .array(PSArray(props))),
        (
          "TypeNames",
          .array(PSArray(typeNames(o).map { .string($0) }))
        ),
      ]))
  }

  /// `.PSObject.TypeNames`: the object's own type name (`Selected.…`, a runtime type) first.
  static func typeNames(_ o: PSObject) -> [String] {
    var names = [o.typeName ?? "System.Management.Automation.PSCustomObject"]
    for n in ["System.Management.Automation.PSCustomObject", "System.Object"] where !names.contains(n) { names.append(n) }
    return names
  }
}
