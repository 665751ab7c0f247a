/// What tab completion needs to know about one parameter of a command.
public struct CompletionParameter: Sendable, Equatable {
  public var name: String
  public var aliases: [String]
  /// `[ValidateSet(...)]` values (empty when the parameter has none).
  public var validValues: [String]
  public var isSwitch: Bool

  public init(name: String, aliases: [String] = [], validValues: [String] = [], isSwitch: Bool = false) {
    self.name = name
    self.aliases = aliases
    self.validValues = validValues
    self.isSwitch = isSwitch
  }
}

/// Read-only queries for the REPL's tab completion.
extension Interpreter {
  /// Every command name the session knows, in its declared casing: functions, Swift cmdlets,
  /// aliases, and the commands of modules not imported yet (auto-loading finds them).
  public func commandNamesForCompletion() -> [String] {
    var seen = Set<String>()
    var names: [String] = []
    func add(_ n: String) {
      if !n.isEmpty, seen.insert(n.lowercased()).inserted { names.append(n) }
    }
    var s: Scope? = scope
    while let cur = s {
      for f in cur.functions.values { add(f.name) }
      s = cur.parent
    }
    for c in cmdlets.values { add(c.name) }
    for a in aliases.keys { add(a) }
    for m in moduleSources.values { for c in m.commands { add(c) } }
    return names
  }

  /// The parameters of the command a name stands for (following aliases, importing the module
  /// that exports it if need be), common parameters last; nil for an unknown command.
  public func parametersForCompletion(command name: String) -> [CompletionParameter]? {
    var n = name
    var meta: CommandMetadata?
    for _ in 0..<10 {
      if let f = scope.function(n) {
        meta = try? metadata(for: f)
        break
      }
      let key = n.lowercased()
      if let c = cmdlets[key] {
        meta = c.metadata
        break
      }
      if let target = aliases[key] {
        n = target
        continue
      }
      if moduleCommandIndex[key] != nil, let resolved = try? commandFromModulePath(n) {
        switch resolved {
        case .function(let f): meta = try? metadata(for: f)
        case .cmdlet(let c): meta = c.metadata
        case .native: break
        }
      }
      break
    }
    guard let meta else { return nil }
    var result = meta.parameters.map {
      CompletionParameter(name: $0.name, aliases: $0.aliases, validValues: $0.validateSet ?? [], isSwitch: $0.isSwitch)
    }
    let switches: Set<CommonParameter> = [.verbose, .debug, .whatIf, .confirm]
    for c in meta.commonParameters where !result.contains(where: { $0.name.caseInsensitiveEquals(c.name) }) {
      let isAction = c == .errorAction || c == .warningAction || c == .informationAction
      let values = isAction ? CommonParameter.actionPreferenceNames : []
      result.append(CompletionParameter(name: c.name, aliases: [c.alias], validValues: values, isSwitch: switches.contains(c)))
    }
    return result
  }

  /// The names of the variables visible in the current scope.
  public func variableNamesForCompletion() -> [String] {
    var seen = Set<String>()
    var names: [String] = []
    var s: Scope? = scope
    var isCurrent = true
    while let cur = s {
      for v in cur.variables.values where isCurrent || !v.isPrivate {
        if seen.insert(v.name.lowercased()).inserted { names.append(v.name) }
      }
      isCurrent = false
      s = cur.parent
    }
    return names
  }
}
