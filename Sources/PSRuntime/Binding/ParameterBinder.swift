/// The one parameter binder, for user functions and emulated cmdlets alike. It follows
/// PowerShell's order (`CmdletParameterBinderController`): pair names with values, bind named
/// arguments, bind positional ones by position within the possible parameter sets, give what is
/// left to a `ValueFromRemainingArguments` parameter (or, for simple functions, `$args`), resolve
/// the parameter set, check mandatory parameters; then, per pipeline object, bind by value and by
/// property name.
///
/// Typical use by the interpreter:
/// ```
/// var r = try ParameterBinder.bind(meta, args)                  // once per invocation
/// if noPipelineInput { r = try ParameterBinder.complete(meta, r) }
/// for object in input {                                         // each object, from `r`
///   let perObject = try ParameterBinder.bindPipelineInput(meta, r, object)
/// }
/// ```
/// A thrown `ParameterBindingError` from `bind`/`complete` stops the command; one from
/// `bindPipelineInput` is a non-terminating error for that object.
public enum ParameterBinder {
  /// Binds command-line arguments. Mandatory parameters that pipeline input could still supply
  /// are not reported (see `complete` and `checkMandatory`).
  public static func bind(_ meta: CommandMetadata, _ args: [CommandArgument]) throws(ParameterBindingError)
    -> BindingResult
  {
    try bind(meta, args, hooks: BindingHooks())
  }

  /// `bind` with interpreter callbacks; with `pipelineInputExpected` false the result is also
  /// `complete`d (the set settled, every missing mandatory parameter reported).
  public static func bind(
    _ meta: CommandMetadata, _ args: [CommandArgument], hooks: BindingHooks, pipelineInputExpected: Bool = true
  ) throws(ParameterBindingError) -> BindingResult {
    if let r = bindSimplePositional(meta, args) { return r }
    var session = BindingSession(meta: meta, hooks: hooks)
    try session.bindCommandLine(args, pipelineInputExpected: pipelineInputExpected)
    return session.result
  }

  /// The common call of a simple function, `Add 1 2`: only positional arguments, and
  /// parameters that take them in declaration order untouched (`bindsPositionallyOnly`). The
  /// general binder would bind argument k to parameter k (an untyped parameter accepts any
  /// value as it is, and nothing validates it) and leave the rest to `$args`; this does the
  /// same without building a session (≈ 15 k instructions a call). Nil when the call is any
  /// different: then the general binder runs.
  static func bindSimplePositional(_ meta: CommandMetadata, _ args: [CommandArgument]) -> BindingResult? {
    guard !meta.isAdvanced, meta.bindsPositionallyOnly, meta.parameterSetNames.isEmpty else { return nil }
    var bound: [(name: String, value: Value)] = []
    var remaining: [Value] = []
    bound.reserveCapacity(min(args.count, meta.parameters.count))
    for (k, a) in args.enumerated() {
      guard case .positional(let v) = a else { return nil }
      if k < meta.parameters.count {
        bound.append((meta.parameters[k].name, v))
      } else {
        remaining.append(v)
      }
    }
    return BindingResult(
      bound: bound, remaining: remaining,
      parameterSetName: meta.defaultParameterSet ?? ParameterMetadata.allParameterSets)
  }

  /// Binds one pipeline input object on top of a command-line result (by value then by property
  /// name, exact type first, then with conversion). Parameters bound from a previous object are
  /// unbound first, so passing either the command-line result or the previous object's result
  /// works. Throws `InputObjectNotBound` when nothing takes the object and
  /// `InputObjectMissingMandatory` when mandatory parameters are still unbound. Simple functions
  /// bind nothing (their input is `$input`).
  public static func bindPipelineInput(
    _ meta: CommandMetadata, _ result: BindingResult, _ input: Value
  ) throws(ParameterBindingError) -> BindingResult {
    try bindPipelineInput(meta, result, input, hooks: BindingHooks())
  }

  public static func bindPipelineInput(
    _ meta: CommandMetadata, _ result: BindingResult, _ input: Value, hooks: BindingHooks
  ) throws(ParameterBindingError) -> BindingResult {
    guard meta.isAdvanced else { return result }
    var session = BindingSession(meta: meta, hooks: hooks, resuming: result)
    try session.bindPipelineObject(input)
    return session.result
  }

  /// Reports missing mandatory parameters (`MissingMandatoryParameter`). With `pipelinePending`,
  /// parameters that pipeline input can still supply are not reported; without it the parameter
  /// set must also be decidable (`AmbiguousParameterSet`).
  public static func checkMandatory(
    _ meta: CommandMetadata, _ result: BindingResult, pipelinePending: Bool
  ) throws(ParameterBindingError) {
    guard meta.isAdvanced else { return }
    var session = BindingSession(meta: meta, hooks: BindingHooks(), resuming: result)
    if pipelinePending {
      let missing = session.missingMandatory(pipelinePending: true)
      if !missing.isEmpty { throw .missingMandatory(missing) }
    } else {
      try session.finish()
    }
  }

  /// Finishes a command-line result when no pipeline input will come: settles the parameter set
  /// (default set, or the one set without unbound mandatory parameters) and reports every
  /// missing mandatory parameter. Returns the result with its final `parameterSetName`.
  public static func complete(_ meta: CommandMetadata, _ result: BindingResult) throws(ParameterBindingError)
    -> BindingResult
  {
    guard meta.isAdvanced else { return result }
    var session = BindingSession(meta: meta, hooks: BindingHooks(), resuming: result)
    try session.finish()
    return session.result
  }
}

extension ParameterBinder {
  /// The one parameter that takes pipeline objects, when binding an object is nothing more than
  /// setting it: it is in every set, takes objects by value only, is untyped and unvalidated,
  /// and no other parameter reads the pipeline. Then (as for `Where-Object`, `ForEach-Object`,
  /// `Out-Null`) each object is bound directly instead of through the four binding passes.
  public static func trivialPipelineParameter(_ meta: CommandMetadata) -> String? {
    guard meta.isAdvanced else { return nil }
    let takers = meta.parameters.filter { $0.takesPipelineInputInSomeSet }
    guard takers.count == 1, let p = takers.first, p.sets.count == 1,
      let info = p.sets[ParameterMetadata.allParameterSets], info.valueFromPipeline,
      !info.valueFromPipelineByPropertyName, !info.mandatory || p.allowNull,
      p.type == nil || p.type == .object, p.validateSet == nil, p.validateRange == nil, p.validatePattern == nil,
      !p.validateNotNull, !p.validateNotNullOrEmpty, p.validateScript == nil, p.validateLength == nil,
      p.validateCount == nil
    else { return nil }
    return p.name
  }

  /// Binds a pipeline object to the trivial pipeline parameter (see above).
  public static func bindTrivially(_ result: BindingResult, _ name: String, _ input: Value) -> BindingResult {
    var r = result
    r.bound.removeAll { $0.name == name }
    r.bound.append((name, input))
    r.pipelineBound = [name.lowercased()]
    return r
  }
}
