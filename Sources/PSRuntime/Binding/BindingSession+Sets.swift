/// Parameter set resolution and the mandatory-parameter check (`ValidateParameterSets`,
/// `ResolveParameterSetAmbiguityBasedOnMandatoryParameters`, `VerifyParameterSetSelected`,
/// `GetMissingMandatoryParameters`).
extension BindingSession {
  /// How many sets remain and, when the call allows it, settles on one: the only one, the
  /// default, or the only one with no unbound mandatory parameter. `prePipeline`: pipeline
  /// input may still narrow the sets, so several may stay valid when one takes pipeline input.
  @discardableResult
  mutating func validateParameterSets(prePipeline: Bool, setDefault: Bool) throws(ParameterBindingError) -> Int {
    guard !allSets.isEmpty else { return 1 }
    let count = valid?.count ?? allSets.count
    if count == 0 { throw .ambiguousParameterSet() }
    guard count > 1 else { return 1 }
    if valid == nil && defaultSet == nil { return 1 }  // the "all" set
    if let d = defaultSet, valid?.contains(d) ?? true {
      if setDefault {
        valid = [d]
        return 1
      }
      return count
    }
    if prePipeline && unboundTakesPipelineInput(in: valid) { return count }
    if resolveByMandatory() { return 1 }
    throw .ambiguousParameterSet()
  }

  /// Keeps the sets in which no unbound parameter is mandatory, when exactly one is left.
  mutating func resolveByMandatory() -> Bool {
    var remaining = valid ?? Set(allSets)
    let mentioned = Set(meta.parameters.flatMap { $0.namedSets })
    remaining.formIntersection(mentioned)
    for (i, p) in meta.parameters.enumerated() where !boundDeclared.contains(i) {
      for s in p.namedSets where p.sets[s]?.mandatory == true { remaining.remove(s) }
    }
    guard remaining.count == 1 else { return false }
    valid = remaining
    return true
  }

  /// `AtLeastOneUnboundValidParameterSetTakesPipelineInput`.
  func unboundTakesPipelineInput(in sets: Set<String>?) -> Bool {
    meta.parameters.enumerated().contains { i, p in
      !boundDeclared.contains(i) && p.matchingSetData(sets).contains { $0.info.takesPipelineInput }
    }
  }

  /// `FilterParameterSetsTakingNoPipelineInput`: with several sets left and input coming, only
  /// sets with a parameter still able to take it stay.
  mutating func keepSetsTakingPipelineInput() {
    var taking = Set<String>()
    for (i, p) in meta.parameters.enumerated() where !boundDeclared.contains(i) && p.takesPipelineInputInSomeSet {
      for (set, info) in p.matchingSetData(valid) where info.takesPipelineInput {
        guard let set else { return }  // takes input in every set: nothing to filter
        taking.insert(set)
      }
    }
    if !taking.isEmpty { valid = (valid ?? Set(allSets)).intersection(taking) }
  }

  /// `VerifyParameterSetSelected`: with several sets declared, nothing may be left undecided.
  mutating func verifyParameterSetSelected() throws(ParameterBindingError) {
    guard allSets.count > 1, valid == nil else { return }
    guard let d = defaultSet else { throw .ambiguousParameterSet() }
    valid = [d]
  }

  /// Unbound parameters mandatory in a remaining set, in declaration order. With
  /// `pipelinePending`, parameters that can still come from the pipeline are left out.
  func missingMandatory(pipelinePending: Bool) -> [String] {
    var names: [String] = []
    // Several sets still possible and the default among them: the default set's mandatory
    // parameters are the ones that must be there (`Where-Object Name` with pipeline input).
    var sets = valid
    if (valid?.count ?? allSets.count) > 1, let d = defaultSet, valid?.contains(d) ?? true { sets = [d] }
    for (i, p) in meta.parameters.enumerated() where !boundDeclared.contains(i) {
      let mandatory = p.matchingSetData(sets).filter { $0.info.mandatory }
      if mandatory.isEmpty { continue }
      if pipelinePending && mandatory.contains(where: { $0.info.takesPipelineInput }) { continue }
      names.append(p.name)
    }
    return names
  }

  // MARK: - Whole steps

  /// Command-line binding, start to end.
  mutating func bindCommandLine(_ args: [CommandArgument], pipelineInputExpected: Bool) throws(ParameterBindingError) {
    let paired = try reparse(args)
    var unbound = try bindNamed(paired)
    unbound = try bindPositional(unbound)
    guard meta.isAdvanced else {
      collectRemaining(unbound)
      return
    }
    try validateParameterSets(prePipeline: true, setDefault: false)
    try bindRemaining(&unbound)
    try verifyProcessed(unbound)
    if pipelineInputExpected {
      if try validateParameterSets(prePipeline: true, setDefault: false) > 1 { keepSetsTakingPipelineInput() }
      let missing = missingMandatory(pipelinePending: true)
      if !missing.isEmpty { throw .missingMandatory(missing) }
    } else {
      try finish()
    }
    prePipelineValid = valid
  }

  /// The checks once no pipeline input can come: settle the set, then report missing
  /// mandatory parameters.
  mutating func finish() throws(ParameterBindingError) {
    guard meta.isAdvanced else { return }
    try validateParameterSets(prePipeline: false, setDefault: true)
    let missing = missingMandatory(pipelinePending: false)
    if !missing.isEmpty { throw .missingMandatory(missing) }
    try verifyParameterSetSelected()
  }
}
