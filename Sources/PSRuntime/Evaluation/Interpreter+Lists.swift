extension Interpreter {
  /// `List[T]`'s methods taking a `Predicate[T]`, called with a script block as PowerShell
  /// converts one to a delegate: the item is `$args[0]` (and `$_`), the output's truth the
  /// answer. Nil when the call is not one of them.
  func listPredicateMethod(_ target: Value, _ name: String, _ args: [Value]) throws -> Value? {
    guard case .array(let a) = target, case .list(let element) = a.kind, args.count == 1,
      case .scriptBlock(let sb) = args[0]
    else { return nil }
    let key = name.lowercased()
    guard ["exists", "find", "findall", "findindex", "findlast", "findlastindex", "removeall", "trueforall"].contains(key)
    else { return nil }
    func test(_ item: Value) throws -> Bool {
      let out = try withCurrentItem(item) {
        try invokeScriptBlock(sb, arguments: [.positional(item)], input: nil, dotSource: false)
      }
      return Conversions.toBool(collapse(out))
    }
    let none = Interpreter.defaultValue(element) ?? .null
    switch key {
    case "exists":
      for item in a.items where try test(item) { return .bool(true) }
      return .bool(false)
    case "trueforall":
      for item in a.items where try !test(item) { return .bool(false) }
      return .bool(true)
    case "find":
      for item in a.items where try test(item) { return item }
      return none
    case "findlast":
      for item in a.items.reversed() where try test(item) { return item }
      return none
    case "findindex":
      for (i, item) in a.items.enumerated() where try test(item) { return .int32(Int32(i)) }
      return .int32(-1)
    case "findlastindex":
      for (i, item) in a.items.enumerated().reversed() where try test(item) { return .int32(Int32(i)) }
      return .int32(-1)
    case "findall":
      var out: [Value] = []
      for item in a.items where try test(item) { out.append(item) }
      return .array(PSArray(out, kind: a.kind))
    default:  // removeall
      var kept: [Value] = []
      for item in a.items where try !test(item) { kept.append(item) }
      let removed = a.items.count - kept.count
      a.items = kept
      return .int32(Int32(removed))
    }
  }
}
