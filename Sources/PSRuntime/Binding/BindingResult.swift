/// The outcome of binding: what the command body or handler receives.
public struct BindingResult {
  /// Bound parameters, by declared name, in binding order.
  public var bound: [(name: String, value: Value)]
  /// Arguments nothing took: `$args` of a simple function (unknown `-Name` tokens appear as the
  /// strings `-Name` / `-Name:`).
  public var remaining: [Value]
  public var parameterSetName: String
  /// `-Verbose`, `-ErrorAction` … as given (advanced functions and cmdlets). ActionPreference
  /// values are their canonical names (`"Stop"`), switches are Booleans.
  public var commonParameters: [(name: String, value: Value)]

  /// Sets still possible (nil: no set named yet); carried to pipeline binding.
  var validSets: Set<String>?
  /// The sets as they stood when command-line binding ended, restored for each pipeline object.
  var prePipelineValidSets: Set<String>?
  /// Parameters bound from the current pipeline object (unbound again for the next one).
  var pipelineBound: Set<String> = []

  public init(
    bound: [(name: String, value: Value)] = [], remaining: [Value] = [],
    parameterSetName: String = ParameterMetadata.allParameterSets, commonParameters: [(name: String, value: Value)] = []
  ) {
    self.bound = bound
    self.remaining = remaining
    self.parameterSetName = parameterSetName
    self.commonParameters = commonParameters
  }

  /// The bound value of a parameter, by declared name (case-insensitive).
  public subscript(name: String) -> Value? {
    bound.first { $0.name.caseInsensitiveEquals(name) }?.value
  }

  /// True when the parameter was bound (`$PSBoundParameters.ContainsKey`).
  public func isBound(_ name: String) -> Bool { self[name] != nil }

  /// A common parameter's value, by name (case-insensitive).
  public func common(_ name: String) -> Value? {
    commonParameters.first { $0.name.caseInsensitiveEquals(name) }?.value
  }
}
