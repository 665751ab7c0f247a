/// The property and index rules of `Set-StrictMode -Version 2` and later, as Windows
/// PowerShell 5.1's member and index binders apply them. Version 1's rule (unset variables) is
/// in `variableValue`.
extension Interpreter {
  /// The members PowerShell gives every value (`$x.psobject`, …): never a strict-mode error.
  static let reservedMemberNames: Set<String> = ["psobject", "psbase", "psadapted", "psextended", "pstypenames"]

  /// `target.name` under `Set-StrictMode -Version 2` or later: a member the target lacks is an
  /// error (`PropertyNotFoundStrict`) where it would otherwise be `$null`. As in 5.1 that covers
  /// `$null.x`, a key a hashtable lacks (`$h.missing`; `$h['missing']` stays `$null`), and the
  /// `Count` and `Length` PowerShell lends scalars and `$null` outside strict mode (5.1's binder
  /// checks strict mode before lending them; PowerShell/PowerShell#2798). A collection's
  /// missing member is read from each element (member enumeration), each of which must have it.
  /// eflowsh has no method values, so naming a method without calling it (`$s.Trim`) is an
  /// error here where 5.1 would return the method.
  func strictProperty(_ target: Value, _ name: String) throws(RuntimeError) -> Value {
    let key = name.lowercased()
    if Interpreter.reservedMemberNames.contains(key) { return try Members.get(target, name) }
    switch target {
    case .null:
      break
    case .array(let a):
      if let v = Members.arrayProperty(a, key) { return v }
      return try Members.enumerate(a.items) { (item) throws(RuntimeError) -> Value? in try strictProperty(item, name) }
    case .hashtable(let h):
      if let v = h[.string(name)] ?? Members.hashtableProperty(h, key) { return v }
    case .object(let o):
      if let v = o[name] { return v }
      if key != "count" && key != "length", let v = try Members.property(target, name) { return v }
    case .string:
      if key != "count", let v = try Members.property(target, name) { return v }
    default:
      if key != "count" && key != "length", let v = try Members.property(target, name) { return v }
    }
    throw RuntimeError(
      id: "PropertyNotFoundStrict", message: "The property '\(name)' cannot be found on this object. Verify that the property exists.",
      exceptionType: "System.Management.Automation.PropertyNotFoundException")
  }

  /// `Index was outside the bounds of the array.` for an array or a string, the
  /// `ArgumentOutOfRangeException` of a list's indexer for a list (strict mode 3).
  static func indexOutOfBounds(list: Bool) -> RuntimeError {
    if list {
      return RuntimeError(
        id: "System.ArgumentOutOfRangeException",
        message: "Index was out of range. Must be non-negative and less than the size of the collection. (Parameter 'index')",
        exceptionType: "System.ArgumentOutOfRangeException")
    }
    return RuntimeError(
      id: "System.IndexOutOfRangeException", message: "Index was outside the bounds of the array.",
      exceptionType: "System.IndexOutOfRangeException")
  }
}
