/// The automatic variables every call gets — `$args`, `$PSBoundParameters`, `$input` and, for
/// advanced functions, `$PSCmdlet` — kept as what they would be made from until something looks
/// them up. Most function bodies never read them, and making them (a hashtable, arrays, the
/// cmdlet object, their variables and the scope's room for them) was most of the cost of a call.
///
/// A scope makes a deferred variable on any lookup, assignment, removal or listing that could see
/// it (`Scope.own`, `Scope.variables`), so `Get-Variable`, `Invoke-Expression`, `-Scope 1` and
/// script blocks find it as if it had been made at the call.
struct DeferredAutomatics {
  /// What a deferred variable is made from.
  enum Pending {
    /// `$args`, `$input`: the values, as an array.
    case array([Value])
    /// `$PSBoundParameters` of a simple function: the bound values in declaration order.
    case boundParameters([ParameterMetadata], [(name: String, value: Value)])
    /// `$PSBoundParameters` of an advanced function, whose `$PSCmdlet` holds the same table.
    case shared(BoundParametersTable)
    /// `$PSCmdlet`, made from the table of its `$PSBoundParameters`.
    case cmdlet(BoundParametersTable, (Value) -> Value)

    func make() -> Value {
      switch self {
      case .array(let items): return .array(PSArray(items))
      case .boundParameters(let parameters, let bound):
        return .hashtable(BoundParametersTable.make(parameters, bound))
      case .shared(let t): return .hashtable(t.table)
      case .cmdlet(let t, let make): return make(.hashtable(t.table))
      }
    }
  }

  private var args: Pending?
  private var boundParameters: Pending?
  private var input: Pending?
  private var cmdlet: Pending?

  static let keys = [Scope.argsKey, Scope.psBoundParametersKey, Scope.inputKey, Scope.psCmdletKey]

  var isEmpty: Bool { args == nil && boundParameters == nil && input == nil && cmdlet == nil }

  static func name(of k: VariableKey) -> String {
    switch k {
    case Scope.argsKey: return "args"
    case Scope.psBoundParametersKey: return "PSBoundParameters"
    case Scope.inputKey: return "input"
    default: return "PSCmdlet"
    }
  }

  mutating func put(_ k: VariableKey, _ p: Pending) {
    switch k {
    case Scope.argsKey: args = p
    case Scope.psBoundParametersKey: boundParameters = p
    case Scope.inputKey: input = p
    case Scope.psCmdletKey: cmdlet = p
    default: preconditionFailure("\(k.name) is not a deferred automatic variable")
    }
  }

  /// The value of deferred variable `k`, no longer deferred; nil when `k` is not deferred here.
  mutating func take(_ k: VariableKey) -> Value? {
    let p: Pending?
    switch k {
    case Scope.argsKey: (p, args) = (args, nil)
    case Scope.psBoundParametersKey: (p, boundParameters) = (boundParameters, nil)
    case Scope.inputKey: (p, input) = (input, nil)
    case Scope.psCmdletKey: (p, cmdlet) = (cmdlet, nil)
    default: return nil
    }
    return p?.make()
  }

  /// Forgets deferred variable `k` (it was removed or replaced).
  mutating func drop(_ k: VariableKey) {
    switch k {
    case Scope.argsKey: args = nil
    case Scope.psBoundParametersKey: boundParameters = nil
    case Scope.inputKey: input = nil
    case Scope.psCmdletKey: cmdlet = nil
    default: break
    }
  }
}

/// The `$PSBoundParameters` table of an advanced function's call, made once for whichever of
/// `$PSBoundParameters` and `$PSCmdlet.MyInvocation.BoundParameters` is read first.
final class BoundParametersTable {
  private let parameters: [ParameterMetadata]
  private let bound: [(name: String, value: Value)]
  private(set) lazy var table = BoundParametersTable.make(parameters, bound)

  init(_ parameters: [ParameterMetadata], _ bound: [(name: String, value: Value)]) {
    self.parameters = parameters
    self.bound = bound
  }

  /// The table: each bound parameter by its declared name, in declaration order.
  static func make(_ parameters: [ParameterMetadata], _ bound: [(name: String, value: Value)]) -> PSHashtable {
    let table = PSHashtable(capacity: bound.count)
    for i in parameters.indices {
      let name = parameters[i].name
      if let b = bound.first(where: { $0.name.caseInsensitiveEquals(name) }) {
        table.set(.string(name), lowercasedString: parameters[i].variableKey.name, b.value)
      }
    }
    return table
  }
}
