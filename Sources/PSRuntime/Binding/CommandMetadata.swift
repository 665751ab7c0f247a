/// What the binder knows about a command: its parameters and how they group into sets.
public struct CommandMetadata {
  public var name: String
  public var parameters: [ParameterMetadata] {
    didSet { parameterSetNames = Self.setNames(parameters, defaultParameterSet) }
  }
  /// `[CmdletBinding(DefaultParameterSetName = '…')]`.
  public var defaultParameterSet: String? {
    didSet { parameterSetNames = Self.setNames(parameters, defaultParameterSet) }
  }
  /// Every named parameter set, in order of first declaration, plus the default set when no
  /// parameter names it (PowerShell adds it to the set map too). Kept up to date as the
  /// parameters change, because the binder reads it for every pipeline object.
  public private(set) var parameterSetNames: [String]
  /// `[CmdletBinding()]` or any `[Parameter()]`: common parameters apply, unknown arguments are
  /// errors rather than `$args`.
  public var isAdvanced: Bool
  public var supportsShouldProcess: Bool
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

  /// The common parameters this command accepts (none for simple functions).
  public var commonParameters: [CommonParameter] {
    guard isAdvanced else { return [] }
    return supportsShouldProcess ? CommonParameter.allCases : CommonParameter.allCases.filter { !$0.isShouldProcess }
  }
}
