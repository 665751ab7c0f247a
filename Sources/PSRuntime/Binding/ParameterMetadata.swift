import PSLanguage

/// What a `[Parameter(...)]` attribute says about a parameter in one parameter set.
public struct ParameterSetInfo {
  public var mandatory: Bool
  public var position: Int?
  public var valueFromPipeline: Bool
  public var valueFromPipelineByPropertyName: Bool
  public var valueFromRemainingArguments: Bool
  public var helpMessage: String?

  public init(
    mandatory: Bool = false, position: Int? = nil, valueFromPipeline: Bool = false,
    valueFromPipelineByPropertyName: Bool = false, valueFromRemainingArguments: Bool = false,
    helpMessage: String? = nil
  ) {
    self.mandatory = mandatory
    self.position = position
    self.valueFromPipeline = valueFromPipeline
    self.valueFromPipelineByPropertyName = valueFromPipelineByPropertyName
    self.valueFromRemainingArguments = valueFromRemainingArguments
    self.helpMessage = helpMessage
  }

  /// True when the parameter takes pipeline input in this set, by value or by property name.
  var takesPipelineInput: Bool { valueFromPipeline || valueFromPipelineByPropertyName }
}

/// `[ValidateRange('Positive')]` and its siblings (PowerShell 6.1+).
public enum ValidateRangeKind: String, Sendable {
  case positive = "Positive"
  case nonNegative = "NonNegative"
  case negative = "Negative"
  case nonPositive = "NonPositive"
}

/// One parameter as declared: the `param()` block of a function, or a cmdlet declaration in
/// `cmdlets/*.psm1`.
public struct ParameterMetadata {
  /// The name the set of all parameter sets goes by.
  public static let allParameterSets = "__AllParameterSets"

  public var name: String {
    didSet {
      key = name.lowercased()
      variableKey = VariableKey(lowercased: key)
    }
  }
  /// `name` lowercased: the parameter variable's key in a scope, computed once rather than
  /// at every call.
  private(set) var key: String
  /// `key` with its hash, for writing the parameter variable without rehashing the name.
  private(set) var variableKey: VariableKey
  /// The type constraint; nil is `[object]` (no constraint).
  public var type: PSType?
  public var isSwitch: Bool
  public var aliases: [String]
  /// Per parameter set; the key `__AllParameterSets` when no set is named.
  public var sets: [String: ParameterSetInfo] {
    didSet { namedSets = Self.named(sets) }
  }
  /// The named parameter sets this parameter belongs to (not `__AllParameterSets`), sorted;
  /// kept with `sets` because the binder asks for every pipeline object.
  private(set) var namedSets: [String]
  public var validateSet: [String]?
  public var validateSetIgnoreCase: Bool
  public var validateRange: (min: Value, max: Value)?
  public var validatePattern: String?
  public var validateNotNullOrEmpty: Bool
  public var validateNotNull: Bool
  public var allowNull: Bool
  public var allowEmptyString: Bool
  /// Evaluated by the interpreter when the parameter is not bound.
  public var defaultValue: ExpressionAst?

  // Less common attributes, kept so real param() blocks bind as PowerShell binds them.
  public var allowEmptyCollection: Bool = false
  public var validateRangeKind: ValidateRangeKind?
  public var validateLength: (min: Int, max: Int)?
  public var validateCount: (min: Int, max: Int)?
  /// `[ValidateScript({ … })]`; run through `BindingHooks.validateScript`.
  public var validateScript: ScriptBlockValue?
  /// `ErrorMessage = '…'` of `[ValidateSet]`, `[ValidatePattern]`, `[ValidateScript]`
  /// (`{0}` is the argument, `{1}` the set, pattern or script).
  public var validateSetErrorMessage: String?
  public var validatePatternErrorMessage: String?
  public var validateScriptErrorMessage: String?
  /// A built-in's .NET enum parameter (Add-Member's `-MemberType` is a PSMemberTypes): names
  /// convert to it, but a string never binds to it without conversion, so a positional string
  /// goes to a `[string]` parameter of another set first, as PowerShell binds it.
  public var enumeration: EnumerationType?
  /// Names this parameter refuses softly, so that the positional pass moves on to the enum
  /// parameter at the same position (Add-Member's `ValidateNotePropertyName`).
  public var refusedEnumeration: EnumerationType?

  public init(
    name: String, type: PSType? = nil, isSwitch: Bool? = nil, aliases: [String] = [],
    sets: [String: ParameterSetInfo] = [ParameterMetadata.allParameterSets: ParameterSetInfo()],
    validateSet: [String]? = nil, validateSetIgnoreCase: Bool = true, validateRange: (min: Value, max: Value)? = nil,
    validatePattern: String? = nil, validateNotNullOrEmpty: Bool = false, validateNotNull: Bool = false,
    allowNull: Bool = false, allowEmptyString: Bool = false, defaultValue: ExpressionAst? = nil
  ) {
    self.name = name
    key = name.lowercased()
    variableKey = VariableKey(lowercased: key)
    self.type = type
    self.isSwitch = isSwitch ?? (type == .switchParameter)
    self.aliases = aliases
    self.sets = sets
    namedSets = Self.named(sets)
    self.validateSet = validateSet
    self.validateSetIgnoreCase = validateSetIgnoreCase
    self.validateRange = validateRange
    self.validatePattern = validatePattern
    self.validateNotNullOrEmpty = validateNotNullOrEmpty
    self.validateNotNull = validateNotNull
    self.allowNull = allowNull
    self.allowEmptyString = allowEmptyString
    self.defaultValue = defaultValue
  }

  static func named(_ sets: [String: ParameterSetInfo]) -> [String] {
    sets.keys.filter { $0 != Self.allParameterSets }.sorted()
  }

  var isInAllSets: Bool { sets[Self.allParameterSets] != nil }

  var isMandatoryInSomeSet: Bool { sets.values.contains { $0.mandatory } }

  var takesPipelineInputInSomeSet: Bool { sets.values.contains { $0.takesPipelineInput } }

  /// The .NET name of the parameter type as binding errors print it.
  var typeDisplayName: String { type.map { $0.description } ?? "System.Object" }

  /// The per-set data that applies when `valid` sets remain (nil: every set), in a stable
  /// order: named sets first (sorted), then the all-sets entry. A nil set name is the
  /// all-sets entry.
  func matchingSetData(_ valid: Set<String>?) -> [(set: String?, info: ParameterSetInfo)] {
    var out: [(set: String?, info: ParameterSetInfo)] = []
    for s in namedSets where valid?.contains(s) ?? true {
      if let info = sets[s] { out.append((s, info)) }
    }
    if let all = sets[Self.allParameterSets] { out.append((nil, all)) }
    return out
  }

  /// The data for one set: the set's own entry, else the all-sets entry.
  func setInfo(_ set: String?) -> ParameterSetInfo? {
    if let s = set, let info = sets[s] { return info }
    return sets[Self.allParameterSets]
  }

  /// True when the parameter can be bound while `valid` sets remain (nil: any set).
  func isIn(_ valid: Set<String>?) -> Bool {
    guard let valid else { return true }
    return isInAllSets || namedSets.contains { valid.contains($0) }
  }
}

/// The names of a .NET enum a built-in takes, for `ParameterMetadata.enumeration`.
public struct EnumerationType: Sendable {
  public var typeName: String
  public var names: [String]

  public init(typeName: String, names: [String]) {
    self.typeName = typeName
    self.names = names
  }

  /// The canonical name, or nil when the value names no member of the enum.
  public func name(of value: Value) -> String? {
    let text = Conversions.toString(value).trimmingCharacters(of: " ")
    return names.first { $0.caseInsensitiveEquals(text) }
  }
}
