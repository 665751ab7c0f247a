import Synchronization

/// What the binder knows about a command: its parameters and how they group into sets.
public struct CommandMetadata {
  public var name: String
  public var parameters: [ParameterMetadata] {
    didSet {
      parameterSetNames = Self.setNames(parameters, defaultParameterSet)
      bindsPositionallyOnly = Self.positionalOnly(parameters)
      bindablesCache = BindablesCache()
    }
  }
  /// `[CmdletBinding(DefaultParameterSetName = '…')]`.
  public var defaultParameterSet: String? {
    didSet { parameterSetNames = Self.setNames(parameters, defaultParameterSet) }
  }
  /// Every named parameter set, in order of first declaration, plus the default set when no
  /// parameter names it (PowerShell adds it to the set map too). Kept up to date as the
  /// parameters change, because the binder reads it for every pipeline object.
  public private(set) var parameterSetNames: [String]
  /// Every parameter is untyped, unvalidated, optional, in the one set, at its declaration
  /// index: then positional arguments bind in order with no conversion or check (see
  /// `ParameterBinder.bindSimplePositional`). Kept up to date with `parameters` so a call of a
  /// simple function need not re-derive it.
  private(set) var bindsPositionallyOnly: Bool
  /// `[CmdletBinding()]` or any `[Parameter()]`: common parameters apply, unknown arguments are
  /// errors rather than `$args`.
  public var isAdvanced: Bool {
    didSet { bindablesCache = BindablesCache() }
  }
  public var supportsShouldProcess: Bool {
    didSet { bindablesCache = BindablesCache() }
  }
  /// The names binding accepts (`bindables`), built at the first binding rather than at every
  /// one. Replaced whenever what it is built from changes, so copies of the metadata that share
  /// a cache always agree on its contents.
  private var bindablesCache = BindablesCache()
  /// `[CmdletBinding(PositionalBinding = $false)]` turns this off.
  public var positionalBinding: Bool
  /// `[CmdletBinding(ConfirmImpact = '…')]`, as written.
  public var confirmImpact: String?
  /// Bind as a compiled cmdlet does (`Cannot bind parameter 'X'. …`, collections never
  /// converted to scalars) rather than as a script function (`Cannot process argument
  /// transformation on parameter 'X'. …`). Emulated binary cmdlets (Hyper-V, …) set this;
  /// script modules such as AzureEFLOW leave it off.
  public var bindsAsCompiledCmdlet: Bool

  public init(
    name: String, parameters: [ParameterMetadata], defaultParameterSet: String? = nil, isAdvanced: Bool = true,
    supportsShouldProcess: Bool = false, positionalBinding: Bool = true, confirmImpact: String? = nil,
    bindsAsCompiledCmdlet: Bool = false
  ) {
    self.name = name
    self.parameters = parameters
    self.defaultParameterSet = defaultParameterSet
    parameterSetNames = Self.setNames(parameters, defaultParameterSet)
    bindsPositionallyOnly = Self.positionalOnly(parameters)
    self.isAdvanced = isAdvanced
    self.supportsShouldProcess = supportsShouldProcess
    self.positionalBinding = positionalBinding
    self.confirmImpact = confirmImpact
    self.bindsAsCompiledCmdlet = bindsAsCompiledCmdlet
  }

  static func setNames(_ parameters: [ParameterMetadata], _ defaultParameterSet: String?) -> [String] {
    var names: [String] = []
    for p in parameters {
      for s in p.sets.keys.sorted() where s != ParameterMetadata.allParameterSets && !names.contains(s) {
        names.append(s)
      }
    }
    if let d = defaultParameterSet, d != ParameterMetadata.allParameterSets, !names.contains(d) { names.append(d) }
    return names
  }

  static func positionalOnly(_ parameters: [ParameterMetadata]) -> Bool {
    for i in parameters.indices {
      let p = parameters[i]
      guard p.type == nil, !p.isSwitch, p.sets.count == 1, let info = p.sets[ParameterMetadata.allParameterSets],
        info.position == i, !info.mandatory, !info.valueFromRemainingArguments, p.validateSet == nil,
        p.validateRange == nil, p.validateRangeKind == nil, p.validatePattern == nil, !p.validateNotNullOrEmpty,
        !p.validateNotNull, p.validateLength == nil, p.validateCount == nil, p.validateScript == nil
      else { return false }
    }
    return true
  }

  /// The names a binding accepts: the declared parameters, then the common parameters.
  var bindables: [BindingSession.Bindable] {
    bindablesCache.list {
      var list: [BindingSession.Bindable] = []
      let common = commonParameters
      list.reserveCapacity(parameters.count + common.count)
      for i in parameters.indices {
        let p = parameters[i]
        list.append(
          BindingSession.Bindable(
            kind: .declared(i), name: p.name, aliases: p.aliases, isSwitch: p.isSwitch,
            typeDisplayName: p.typeDisplayName))
      }
      for c in common {
        list.append(
          BindingSession.Bindable(
            kind: .common(c), name: c.name, aliases: [c.alias], isSwitch: c.isSwitch,
            typeDisplayName: c.typeDisplayName))
      }
      return list
    }
  }

  /// The common parameters this command accepts (none for simple functions).
  public var commonParameters: [CommonParameter] {
    guard isAdvanced else { return [] }
    return supportsShouldProcess ? CommonParameter.allCases : CommonParameter.allCases.filter { !$0.isShouldProcess }
  }
}

/// Holds a command's `bindables` once built. Metadata can be shared between threads (module
/// tables, jobs), so the lazily filled list is guarded.
final class BindablesCache: Sendable {
  private let storage = Mutex<[BindingSession.Bindable]?>(nil)

  func list(_ build: () -> [BindingSession.Bindable]) -> [BindingSession.Bindable] {
    if let l = storage.withLock({ $0 }) { return l }
    let l = build()
    storage.withLock { $0 = l }
    return l
  }
}
