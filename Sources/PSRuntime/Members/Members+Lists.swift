/// Members of `System.Collections.ArrayList` and `System.Collections.Generic.List[T]`: PSArrays
/// whose kind is `.arrayList` or `.list(T)`.
///
/// The differences scripts notice: `ArrayList.Add` returns the new item's index (hence
/// `[void]$list.Add($x)`), `List[T].Add` returns nothing; `List[T].Remove` returns whether it
/// removed something; `List[T]` converts arguments to `T` as PowerShell converts method
/// arguments (`Cannot convert argument "item", …`). Both lack `Length`, so `$list.Length` is
/// member enumeration over the items.
extension Members {
  static func listProperty(_ a: PSArray, _ key: String) -> Value? {
    switch key {
    case "count": return .int32(Int32(a.items.count))
    case "capacity": return .int32(Int32(a.capacity))
    case "isfixedsize", "isreadonly", "issynchronized": return .bool(false)
    case "syncroot": return .array(a)
    default: return nil
    }
  }

  /// `$list.Capacity = n`; other list properties are read-only.
  static func setListProperty(_ a: PSArray, _ name: String, _ newValue: Value) throws(RuntimeError) {
    let key = name.lowercased()
    guard key == "capacity" else {
      if listProperty(a, key) != nil {
        throw RuntimeError(
          id: "PropertyAssignmentException", message: "'\(canonicalProperty(.array(a), name))' is a ReadOnly property.",
          exceptionType: "System.Management.Automation.SetValueInvocationException")
      }
      throw propertyNotFound(name)
    }
    func fail(_ message: String) -> RuntimeError {
      RuntimeError(
        id: "ExceptionWhenSetting", message: "Exception setting \"Capacity\": \"\(message)\"",
        exceptionType: "System.Management.Automation.SetValueInvocationException")
    }
    let n: Int
    do {
      guard case .int32(let v) = try Conversions.convert(newValue, to: .int32) else { return }
      n = Int(v)
    } catch {
      throw fail(error.message)
    }
    guard n >= a.items.count else {
      throw fail("capacity was less than the current size. (Parameter 'value')")
    }
    a.capacity = n
  }

  /// The list's methods; nil lets `System.Object`'s methods and member enumeration answer.
  static func listMethod(_ a: PSArray, _ key: String, _ c: MethodCall) throws(RuntimeError) -> Value? {
    let isArrayList = a.kind == .arrayList
    switch key {
    case "add":
      try c.arity(1)
      let item = try listArgument(a, c, 0, "item")
      a.ensureCapacity(a.items.count + 1)
      a.items.append(item)
      return isArrayList ? .int32(Int32(a.items.count - 1)) : .null
    case "addrange":
      try c.arity(1)
      let items = try listCollection(a, c, 0, isArrayList ? "c" : "collection")
      a.ensureCapacity(a.items.count + items.count)
      a.items += items
      return .null
    case "insert":
      try c.arity(2)
      let index = try c.int(0, "index")
      let item = try listArgument(a, c, 1, "item")
      guard index >= 0, index <= a.items.count else {
        throw c.outOfRange(
          isArrayList
            ? "Insertion index was out of range. Must be non-negative and less than or equal to size."
            : "Index must be within the bounds of the List.", "index")
      }
      a.ensureCapacity(a.items.count + 1)
      a.items.insert(item, at: index)
      return .null
    case "insertrange":
      try c.arity(2)
      let index = try c.int(0, "index")
      let items = try listCollection(a, c, 1, isArrayList ? "c" : "collection")
      guard index >= 0, index <= a.items.count else {
        throw c.outOfRange("Index must be within the bounds of the List.", "index")
      }
      a.ensureCapacity(a.items.count + items.count)
      a.items.insert(contentsOf: items, at: index)
      return .null
    case "remove":
      try c.arity(1)
      let item = try listArgument(a, c, 0, "item")
      if let i = a.items.firstIndex(where: { strictEquals($0, item) }) {
        a.items.remove(at: i)
        return isArrayList ? .null : .bool(true)
      }
      return isArrayList ? .null : .bool(false)
    case "removeat":
      try c.arity(1)
      let index = try c.int(0, "index")
      guard index >= 0, index < a.items.count else {
        throw c.outOfRange(
          "Index was out of range. Must be non-negative and less than the size of the collection.", "index")
      }
      a.items.remove(at: index)
      return .null
    case "removerange":
      try c.arity(2)
      let range = try listRange(a, c)
      a.items.removeSubrange(range)
      return .null
    case "getrange":
      try c.arity(2)
      let range = try listRange(a, c)
      return .array(PSArray(Array(a.items[range]), kind: a.kind))
    case "clear":
      try c.arity(0)
      a.items.removeAll()
      return .null
    case "contains":
      try c.arity(1)
      let item = try listArgument(a, c, 0, "item")
      return .bool(a.items.contains { strictEquals($0, item) })
    case "indexof":
      try c.arity(1...3)
      let item = try listArgument(a, c, 0, "item")
      let n = a.items.count
      let start = c.count > 1 ? try c.int(1, "index") : 0
      guard start >= 0, start <= n else {
        throw c.outOfRange("Index was out of range. Must be non-negative and less than the size of the collection.", "index")
      }
      let length = c.count > 2 ? try c.int(2, "count") : n - start
      guard length >= 0, start + length <= n else {
        throw c.outOfRange("Count must be positive and count must refer to a location within the string/array/collection.", "count")
      }
      return .int32(Int32(a.items[start..<(start + length)].firstIndex { strictEquals($0, item) } ?? -1))
    case "lastindexof":
      try c.arity(1)
      let item = try listArgument(a, c, 0, "item")
      return .int32(Int32(a.items.lastIndex { strictEquals($0, item) } ?? -1))
    case "toarray":
      try c.arity(0)
      return .array(PSArray(a.items))
    case "clone" where isArrayList:
      try c.arity(0)
      return .array(PSArray(a.items, kind: .arrayList))
    case "sort":
      try c.arity(0)
      try sortList(a, c)
      return .null
    case "reverse":
      try c.arity([0, 2].contains(c.count) ? c.count...c.count : 0...0)
      let range = c.count == 2 ? try listRange(a, c) : 0..<a.items.count
      a.items[range].reverse()
      return .null
    case "trimtosize", "trimexcess":
      try c.arity(0)
      a.capacity = a.items.count
      return .null
    case "item", "get_item":
      try c.arity(1)
      let index = try c.int(0, "index")
      guard a.items.indices.contains(index) else {
        throw c.outOfRange(
          "Index was out of range. Must be non-negative and less than the size of the collection.", "index")
      }
      return a.items[index]
    case "getenumerator":
      try c.arity(0)
      return .array(PSArray(a.items))
    default:
      return nil
    }
  }

  /// Argument `i` as an item of the list: converted to `T` for `List[T]`.
  static func listArgument(_ a: PSArray, _ c: MethodCall, _ i: Int, _ parameter: String) throws(RuntimeError) -> Value {
    guard case .list(let element) = a.kind else { return c.args[i] }
    do {
      return try Conversions.convertListItem(c.args[i], to: element)
    } catch {
      throw c.conversionFailed(i, parameter, element.description, error)
    }
  }

  /// Argument `i` as a collection of items (`AddRange`, `InsertRange`): a scalar is one item.
  static func listCollection(_ a: PSArray, _ c: MethodCall, _ i: Int, _ parameter: String) throws(RuntimeError)
    -> [Value]
  {
    let v = c.args[i]
    if v.isNull { throw c.nullArgument(parameter) }
    let items = v.enumerated ?? [v]
    guard case .list(let element) = a.kind else { return items }
    var out: [Value] = []
    for item in items {
      do {
        out.append(try Conversions.convertListItem(item, to: element))
      } catch {
        throw c.conversionFailed(
          i, parameter, "System.Collections.Generic.IEnumerable`1[\(element.description)]", error)
      }
    }
    return out
  }

  /// `(index, count)` arguments checked as .NET checks them.
  static func listRange(_ a: PSArray, _ c: MethodCall) throws(RuntimeError) -> Range<Int> {
    let index = try c.int(0, "index")
    let count = try c.int(1, "count")
    if index < 0 {
      throw c.outOfRange("Non-negative number required.", "index")
    }
    if count < 0 {
      throw c.outOfRange("Non-negative number required.", "count")
    }
    guard a.items.count - index >= count else {
      throw c.exception(
        "ArgumentException",
        "Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection."
      )
    }
    return index..<(index + count)
  }

  /// `Sort()`: .NET's default comparer: numbers by value, strings culture-aware with case
  /// (lowercase first where case is the only difference), `$null` first. Values of different
  /// types that cannot be compared fail as .NET fails.
  static func sortList(_ a: PSArray, _ c: MethodCall) throws(RuntimeError) {
    var failed = false
    let sorted = a.items.sorted { x, y in
      if !x.isNull, !y.isNull, !comparable(x, y) { failed = true }
      return Interpreter.objectCompare(x, y, caseSensitive: true) < 0
    }
    if failed {
      throw c.exception("InvalidOperationException", "Failed to compare two elements in the array.")
    }
    a.items = sorted
  }

  /// True when .NET's default comparer can order the two values (same kind of value).
  static func comparable(_ x: Value, _ y: Value) -> Bool {
    switch (x, y) {
    case (.string, .string), (.bool, .bool), (.char, .char), (.version, .version), (.dateTime, .dateTime),
      (.timeSpan, .timeSpan), (.guid, .guid):
      return true
    case (.int32, .int32), (.int64, .int64), (.double, .double), (.decimal, .decimal), (.byte, .byte):
      return true
    default:
      return false
    }
  }

  /// `[System.Collections.ArrayList]::new()`, `::new(capacity)`, `::new(collection)`; the same
  /// for `List[T]` (items converted to `T`).
  static func listConstructor(_ type: PSType, _ c: MethodCall) throws(RuntimeError) -> Value {
    let kind: PSArray.Kind
    if case .list(let element) = type { kind = .list(element) } else { kind = .arrayList }
    try c.arity(0...1)
    let list = PSArray([], kind: kind)
    guard c.count == 1 else { return .array(list) }
    let ctor = MethodCall(".ctor", c.args)
    let arg = c.args[0]
    if arg.isNull { throw ctor.nullArgument(kind == .arrayList ? "c" : "collection") }
    if arg.enumerated != nil {
      list.items = try listCollection(list, ctor, 0, kind == .arrayList ? "c" : "collection")
      list.capacity = list.items.count
      return .array(list)
    }
    let capacity = try c.int(0, "capacity")
    if capacity < 0 { throw ctor.outOfRange("Non-negative number required.", "capacity") }
    list.capacity = capacity
    return .array(list)
  }
}
