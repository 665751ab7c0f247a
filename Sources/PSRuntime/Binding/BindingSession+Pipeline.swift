/// Binding one pipeline object (`BindPipelineParameters`): four passes — by value without
/// conversion, by property name without conversion, by value with conversion, by property name
/// with conversion — the default set first in each.
extension BindingSession {
  enum PipelinePass: CaseIterable {
    case valueExact, propertyExact, valueConverted, propertyConverted

    var byValue: Bool { self == .valueExact || self == .valueConverted }
    var coerce: Bool { self == .valueConverted || self == .propertyConverted }
  }

  /// Unbinds what the previous object bound and restores the sets as command-line binding left them.
  mutating func resetPipelineBindings() {
    guard !pipelineBound.isEmpty else { return }
    bound.removeAll { pipelineBound.contains($0.name.lowercased()) }
    for (i, p) in meta.parameters.enumerated() where pipelineBound.contains(p.name.lowercased()) {
      boundDeclared.remove(i)
    }
    pipelineBound = []
    valid = prePipelineValid
  }

  mutating func bindPipelineObject(_ input: Value) throws(ParameterBindingError) {
    resetPipelineBindings()
    var sets = valid
    var any = false
    for pass in PipelinePass.allCases {
      if try bindPass(input, pass, sets) {
        any = true
        try validateParameterSets(prePipeline: true, setDefault: true)
        sets = valid
      }
    }
    try validateParameterSets(prePipeline: false, setDefault: true)
    if !any { throw .inputObjectNotBound() }
    try verifyParameterSetSelected()
    let missing = missingMandatory(pipelinePending: false)
    if !missing.isEmpty { throw .inputObjectMissingMandatory(missing) }
  }

  /// One pass: parameters of the default set first; the other sets only when none bound.
  mutating func bindPass(_ input: Value, _ pass: PipelinePass, _ sets: Set<String>?) throws(ParameterBindingError)
    -> Bool
  {
    var others = sets
    if let d = defaultSet, sets?.contains(d) ?? true {
      if try bindPassInSet(input, pass, [d]) { return true }
      others = (sets ?? Set(allSets)).subtracting([d])
    }
    return try bindPassInSet(input, pass, others)
  }

  /// Every unbound parameter in `sets` taking input this way gets a try (last declared first, as
  /// PowerShell walks its list).
  mutating func bindPassInSet(_ input: Value, _ pass: PipelinePass, _ sets: Set<String>?) throws(ParameterBindingError)
    -> Bool
  {
    var any = false
    for i in meta.parameters.indices.reversed() where !boundDeclared.contains(i) {
      let p = meta.parameters[i]
      guard p.takesPipelineInputInSomeSet, p.isIn(sets) else { continue }
      for (_, info) in p.matchingSetData(sets) {
        let ok: Bool
        if pass.byValue {
          guard info.valueFromPipeline else { continue }
          ok = try bindFromPipeline(i, input, coerce: pass.coerce, byValue: true)
        } else {
          guard info.valueFromPipelineByPropertyName, !input.isNull, let v = property(of: input, for: p) else {
            continue
          }
          ok = try bindFromPipeline(i, v, coerce: pass.coerce, byValue: false)
        }
        if ok {
          any = true
          pipelineBound.insert(p.name.lowercased())
          break
        }
      }
    }
    return any
  }

  /// Binds one value from the pipeline. A failed conversion just means "not this parameter"
  /// (for by-property-name, only a compiled cmdlet's); validation failures surface.
  mutating func bindFromPipeline(_ i: Int, _ v: Value, coerce: Bool, byValue: Bool) throws(ParameterBindingError)
    -> Bool
  {
    do {
      return try bind(i, v, coerce: coerce)
    } catch {
      if error.isSoft { return false }
      if byValue && error.exceptionType == ParameterBindingError.transformationException { return false }
      throw error
    }
  }

  /// The input's property named like the parameter or one of its aliases.
  func property(of input: Value, for p: ParameterMetadata) -> Value? {
    for name in [p.name] + p.aliases {
      if let look = hooks.property {
        if let v = look(input, name) { return v }
      } else if case .object(let o) = input, let v = o[name] {
        return v
      }
    }
    return nil
  }
}
