import PSLanguage

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

/// A variable's lookup key: its lowercased name, with a hash of the name computed once (for
/// names written in the script, when it was parsed: `VariablePath.keyHash`).
///
/// Scopes are searched on every variable access. With plain `String` keys each search hashed
/// the name with SipHash and compared it (Unicode-aware) with every other key on its probe path;
/// here a search hashes nothing and other keys are told apart by their hash first.
public struct VariableKey: Hashable, Sendable {
  public let name: String
  let hashCode: Int

  /// `lowercased` must already be case-folded (`Scope.key` does that).
  init(lowercased: String) {
    name = lowercased
    hashCode = VariablePath.hashKey(lowercased)
  }

  init(_ path: VariablePath) {
    name = path.key
    hashCode = path.keyHash
  }

  public static func == (a: VariableKey, b: VariableKey) -> Bool { a.hashCode == b.hashCode && a.name == b.name }

  public func hash(into hasher: inout Hasher) { hasher.combine(hashCode) }

  /// What `Dictionary` asks for: the precomputed hash mixed with the table's seed, without
  /// running `Hasher` (SipHash) on every lookup.
  public func _rawHashValue(seed: Int) -> Int { (hashCode ^ seed) &* 0x5851_F42D_4C95_7F2D }
}

/// A scope: variables and functions, and the scope it was created in. Reads walk up the chain;
/// plain assignments create the variable in the current scope, so a function never changes its
/// caller's `$x` unless it says `$script:x` or `$global:x`.
public final class Scope {
  public let parent: Scope?
  /// The variables made so far. Only `Scope`'s own methods touch it, so that the deferred
  /// automatic variables (`deferred`) are made before anything could miss them.
  private var table = VariableTable()
  /// A call's `$args`, `$PSBoundParameters`, `$input` and `$PSCmdlet`, not yet made.
  var deferred = DeferredAutomatics()
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

  static func key(_ name: String) -> VariableKey { VariableKey(lowercased: name.lowercased()) }

  /// Every variable of this scope, deferred ones made first (`Get-Variable`, completion).
  var variables: [VariableKey: Variable] {
    for k in DeferredAutomatics.keys where table[k] == nil { _ = materialize(k) }
    return table.all
  }

  /// Room for `count` more variables: a call's scope gets its parameters without regrowing.
  func reserve(_ count: Int) { table.reserve(count) }

  /// Adds a variable made elsewhere (`Set-Variable` with options, constants), replacing any.
  func add(_ v: Variable, key: VariableKey) {
    deferred.drop(key)
    table.set(key, v)
  }

  /// The variable named by `k` in this scope only, making it if it is a deferred one.
  @inline(__always)
  private func own(_ k: VariableKey) -> Variable? {
    if let v = table[k] { return v }
    return deferred.isEmpty ? nil : materialize(k)
  }

  /// Makes the deferred automatic variable `k`, if there is one.
  private func materialize(_ k: VariableKey) -> Variable? {
    guard let value = deferred.take(k) else { return nil }
    let v = Variable(name: DeferredAutomatics.name(of: k), value: value)
    table.set(k, v)
    return v
  }

  /// Finds a variable here or in an enclosing scope (skipping private ones of enclosing scopes).
  public func lookup(_ name: String) -> Variable? { lookup(key: Scope.key(name)) }

  /// `lookup` with the name already lowercased.
  public func lookup(key: String) -> Variable? { lookup(key: VariableKey(lowercased: key)) }

  /// `lookup` by a precomputed key.
  func lookup(key k: VariableKey) -> Variable? {
    if let v = own(k) { return v }
    var s = parent
    while let scope = s {
      if let v = scope.own(k), !v.isPrivate { return v }
      s = scope.parent
    }
    return nil
  }

  /// The variable in this scope only.
  public func local(_ name: String) -> Variable? { own(Scope.key(name)) }

  /// `local` with the name already lowercased.
  public func local(key: String) -> Variable? { own(VariableKey(lowercased: key)) }

  /// `local` by a precomputed key.
  func local(key: VariableKey) -> Variable? { own(key) }

  /// Sets a variable in this scope, creating it if needed.
  public func set(_ name: String, _ value: Value, isPrivate: Bool = false) throws(RuntimeError) {
    try set(key: Scope.key(name), name: name, value, isPrivate: isPrivate)
  }

  /// `set` with the name already lowercased (`key`), for names fixed ahead of time.
  func set(key lowercased: String, name: String, _ value: Value) throws(RuntimeError) {
    try set(key: VariableKey(lowercased: lowercased), name: name, value)
  }

  /// `set` by a precomputed key (no hashing of the name); returns the variable.
  ///
  /// A lookup then an insert: the dictionary's in-place (`_modify`) accessor probes once but
  /// allocates a coroutine frame, which costs more than the second probe.
  @discardableResult
  func set(key k: VariableKey, name: String, _ value: Value, isPrivate: Bool = false) throws(RuntimeError) -> Variable {
    if let v = own(k) {
      if v.isReadOnly {
        throw RuntimeError(
          id: "VariableNotWritable",
          message: "Cannot overwrite variable \(v.name) because it is read-only or constant.",
          exceptionType: "System.Management.Automation.SessionStateUnauthorizedAccessException")
      }
      v.value = value
      return v
    }
    let v = Variable(name: name, value: value, isPrivate: isPrivate)
    table.set(k, v)
    return v
  }

  /// Sets a call's automatic variable: the existing variable when there is one (so that it
  /// stays the same variable, as with `set`), else deferred until something looks it up.
  func setAutomatic(_ k: VariableKey, _ value: DeferredAutomatics.Pending) throws(RuntimeError) {
    if let v = table[k] {
      if v.isReadOnly {
        throw RuntimeError(
          id: "VariableNotWritable",
          message: "Cannot overwrite variable \(v.name) because it is read-only or constant.",
          exceptionType: "System.Management.Automation.SessionStateUnauthorizedAccessException")
      }
      v.value = value.make()
    } else {
      deferred.put(k, value)
    }
  }

  static let argsKey = VariableKey(lowercased: "args")
  static let psBoundParametersKey = VariableKey(lowercased: "psboundparameters")
  static let inputKey = VariableKey(lowercased: "input")
  static let psCmdletKey = VariableKey(lowercased: "pscmdlet")

  public func remove(_ name: String) {
    let k = Scope.key(name)
    deferred.drop(k)
    table.remove(k)
  }

  /// Finds a function here or in an enclosing scope.
  func function(_ name: String) -> FunctionDefinition? {
    let k = name.lowercased()
    var s: Scope? = self
    while let scope = s {
      if let f = scope.functions[k] { return f }
      s = scope.parent
    }
    return nil
  }

  func define(_ f: FunctionDefinition) { functions[f.name.lowercased()] = f }
}
