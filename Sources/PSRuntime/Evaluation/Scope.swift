/// A variable: its value and whether it may be changed (`$true`, `$null` and friends may not).
public final class Variable {
  public let name: String
  public var value: Value
  public var isReadOnly: Bool
  /// `-Option Constant`: never changed or removed (`$true`, `$null`…); implies read-only.
  public var isConstant = false
  /// `Set-Variable -Description`.
  public var description = ""
  /// `$private:x`: not visible in child scopes.
  public var isPrivate: Bool
  /// `[int]$x = …` fixes the variable's type: later assignments are converted to it.
  public var typeConstraint: PSType?

  public init(name: String, value: Value, isReadOnly: Bool = false, isPrivate: Bool = false) {
    self.name = name
    self.value = value
    self.isReadOnly = isReadOnly
    self.isPrivate = isPrivate
  }
}

/// A scope: variables and functions, and the scope it was created in. Reads walk up the chain;
/// plain assignments create the variable in the current scope, so a function never changes its
/// caller's `$x` unless it says `$script:x` or `$global:x`.
public final class Scope {
  public let parent: Scope?
  var variables: [String: Variable] = [:]
  var functions: [String: FunctionDefinition] = [:]
  /// `Set-StrictMode` in this scope: the version (1, 2, 3), 0 for `-Off`, nil when not set here.
  var strictModeVersion: Int?

  /// The strict mode in force: the nearest scope's setting, else off.
  var strictMode: Int {
    var s: Scope? = self
    while let scope = s {
      if let v = scope.strictModeVersion { return v }
      s = scope.parent
    }
    return 0
  }

  public init(parent: Scope?) { self.parent = parent }

  static func key(_ name: String) -> String { name.lowercased() }

  /// Finds a variable here or in an enclosing scope (skipping private ones of enclosing scopes).
  public func lookup(_ name: String) -> Variable? { lookup(key: Scope.key(name)) }

  /// `lookup` with the name already lowercased.
  public func lookup(key k: String) -> Variable? {
    if let v = variables[k] { return v }
    var s = parent
    while let scope = s {
      if let v = scope.variables[k], !v.isPrivate { return v }
      s = scope.parent
    }
    return nil
  }

  /// The variable in this scope only.
  public func local(_ name: String) -> Variable? { variables[Scope.key(name)] }

  /// `local` with the name already lowercased.
  public func local(key: String) -> Variable? { variables[key] }

  /// Sets a variable in this scope, creating it if needed.
  public func set(_ name: String, _ value: Value, isPrivate: Bool = false) throws(RuntimeError) {
    let k = Scope.key(name)
    if let v = variables[k] {
      if v.isReadOnly {
        throw RuntimeError(
          id: "VariableNotWritable",
          message: "Cannot overwrite variable \(v.name) because it is read-only or constant.",
          exceptionType: "System.Management.Automation.SessionStateUnauthorizedAccessException")
      }
      v.value = value
    } else {
      variables[k] = Variable(name: name, value: value, isPrivate: isPrivate)
    }
  }

  /// `set` with the name already lowercased (`key`), for names fixed ahead of time.
  func set(key k: String, name: String, _ value: Value) throws(RuntimeError) {
    if let v = variables[k] {
      if v.isReadOnly {
        throw RuntimeError(
          id: "VariableNotWritable",
          message: "Cannot overwrite variable \(v.name) because it is read-only or constant.",
          exceptionType: "System.Management.Automation.SessionStateUnauthorizedAccessException")
      }
      v.value = value
    } else {
      variables[k] = Variable(name: name, value: value)
    }
  }

  public func remove(_ name: String) { variables.removeValue(forKey: Scope.key(name)) }

  /// Finds a function here or in an enclosing scope.
  func function(_ name: String) -> FunctionDefinition? {
    let k = Scope.key(name)
    var s: Scope? = self
    while let scope = s {
      if let f = scope.functions[k] { return f }
      s = scope.parent
    }
    return nil
  }

  func define(_ f: FunctionDefinition) { functions[Scope.key(f.name)] = f }
}
