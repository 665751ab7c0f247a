/// The state of one binding: which parameters are bound, which parameter sets remain. Follows
/// PowerShell's `CmdletParameterBinderController` (advanced functions, cmdlets) and
/// `ScriptParameterBinderController` (simple functions) step by step.
struct BindingSession {
  /// A name the command accepts: a declared parameter or a common parameter.
  struct Bindable {
    enum Kind: Equatable {
      case declared(Int)
      case common(CommonParameter)
    }
    var kind: Kind
    var name: String
    var aliases: [String]
    var isSwitch: Bool
    var typeDisplayName: String
    var isDeclared: Bool { if case .declared = kind { return true } else { return false } }
  }

  /// An argument after names and values were paired.
  struct Arg {
    /// The parameter name as written (no dash); nil for a positional argument.
    var name: String?
    /// The name `ParameterAlreadyBound` reports: the declared name when the value was paired
    /// from the next argument, else as written.
    var display: String?
    /// `-Name` or `-Name:` as written (what `$args` and remaining arguments receive).
    var text: String
    /// Nil: a parameter name with no argument.
    var value: Value?
  }

  /// The parameters that can take the argument at one position.
  struct PositionEntry {
    var param: Int
    /// The sets (nil: all sets) in which the parameter has this position.
    var sets: [String?]
  }

  let meta: CommandMetadata
  let hooks: BindingHooks
  let bindables: [Bindable]
  /// Every named parameter set.
  let allSets: [String]
  /// The default set, when it is one of the sets.
  let defaultSet: String?

  /// Sets still possible; nil while nothing narrowed them (PowerShell's `uint.MaxValue`).
  var valid: Set<String>?
  var bound: [(name: String, value: Value)] = []
  var boundDeclared: Set<Int> = []
  var common: [(name: String, value: Value)] = []
  var boundCommon: Set<String> = []
  var remaining: [Value] = []
  var pipelineBound: Set<String> = []
  var prePipelineValid: Set<String>?
  /// The last conversion failure the positional passes skipped over (`outgoingBindingException`).
  var positionalError: ParameterBindingError?

  init(meta: CommandMetadata, hooks: BindingHooks) {
    self.meta = meta
    self.hooks = hooks
    bindables = meta.bindables
    let sets = meta.parameterSetNames
    allSets = sets
    defaultSet = meta.defaultParameterSet.flatMap { sets.contains($0) ? $0 : nil }
  }

  /// A session resuming from an earlier result (for pipeline binding and the final checks).
  init(meta: CommandMetadata, hooks: BindingHooks, resuming r: BindingResult) {
    self.init(meta: meta, hooks: hooks)
    bound = r.bound
    common = r.commonParameters
    remaining = r.remaining
    valid = r.validSets
    prePipelineValid = r.prePipelineValidSets
    pipelineBound = r.pipelineBound
    for (i, p) in meta.parameters.enumerated() where r.bound.contains(where: { $0.name.caseInsensitiveEquals(p.name) })
    {
      boundDeclared.insert(i)
    }
    for c in r.commonParameters { boundCommon.insert(c.name.lowercased()) }
  }

  var result: BindingResult {
    var r = BindingResult(
      bound: bound, remaining: remaining, parameterSetName: parameterSetName, commonParameters: common)
    r.validSets = valid
    r.prePipelineValidSets = prePipelineValid
    r.pipelineBound = pipelineBound
    return r
  }

  /// `$PSCmdlet.ParameterSetName`.
  var parameterSetName: String {
    guard let valid else { return meta.defaultParameterSet ?? ParameterMetadata.allParameterSets }
    if valid.count == 1, let only = valid.first { return only }
    if let d = defaultSet, valid.contains(d) { return d }
    return ""
  }

  // MARK: - Names

  /// `MergedCommandParameterMetadata.GetMatchingParameter`: case-insensitive prefix match over
  /// names, then aliases; an exact match wins at once; of several matches, declared parameters
  /// beat common ones; still several → `AmbiguousParameter`. Nil when nothing matches.
  func match(_ written: String) throws(ParameterBindingError) -> Int? {
    let n = written.lowercased()
    guard !n.isEmpty else { return nil }
    var matches: [Int] = []
    for (i, b) in bindables.enumerated() {
      let name = b.name.lowercased()
      guard name.hasPrefix(n) else { continue }
      if name == n { return i }
      matches.append(i)
    }
    for (i, b) in bindables.enumerated() {
      for alias in b.aliases {
        let a = alias.lowercased()
        guard a.hasPrefix(n) else { continue }
        if a == n { return i }
        if !matches.contains(i) { matches.append(i) }
      }
    }
    if matches.count > 1 {
      let declared = matches.filter { bindables[$0].isDeclared }
      if declared.count == 1 { return declared[0] }
      throw .ambiguousParameter(written, matches: matches.map { bindables[$0].name })
    }
    return matches.first
  }

  func isBound(_ b: Int) -> Bool {
    switch bindables[b].kind {
    case .declared(let i): return boundDeclared.contains(i)
    case .common(let c): return boundCommon.contains(c.name.lowercased())
    }
  }

  // MARK: - Step 1: pair names and values

  /// `ReparseUnboundArguments`: a `-Name` without a value takes the next argument unless the
  /// parameter is a switch; the next argument being a known parameter (or `-x:value`), or no
  /// next argument, is `MissingArgument`. Unknown names are left for later.
  func reparse(_ args: [CommandArgument]) throws(ParameterBindingError) -> [Arg] {
    var input: [Arg] = []
    for a in args {
      switch a {
      case .positional(let v):
        input.append(Arg(name: nil, display: nil, text: "", value: v))
      case .named(let rawName, let value, let hasColon):
        let name = rawName.hasPrefix("-") ? String(rawName.dropFirst()) : rawName
        let text = "-" + name + (hasColon ? ":" : "")
        input.append(Arg(name: name, display: name, text: text, value: value ?? (hasColon ? .null : nil)))
      }
    }
    var out: [Arg] = []
    var i = 0
    while i < input.count {
      var a = input[i]
      i += 1
      guard let name = a.name, a.value == nil, let m = try match(name) else {
        out.append(a)
        continue
      }
      let b = bindables[m]
      if b.isSwitch {
        a.value = .bool(true)
        out.append(a)
        continue
      }
      guard i < input.count else { throw .missingArgument(b.name, type: b.typeDisplayName) }
      let next = input[i]
      if let nextName = next.name {
        if try match(nextName) != nil || next.value != nil {
          throw .missingArgument(b.name, type: b.typeDisplayName)
        }
        a.value = .string(next.text)  // `Write-Output -InputObject -foo` outputs `-foo`
      } else {
        a.value = next.value
      }
      a.display = b.name
      i += 1
      out.append(a)
    }
    return out
  }

  // MARK: - Step 2: named arguments

  /// Binds every argument whose name matches a parameter; returns the others in order.
  mutating func bindNamed(_ args: [Arg]) throws(ParameterBindingError) -> [Arg] {
    var unbound: [Arg] = []
    for a in args {
      guard let name = a.name, let m = try match(name) else {
        unbound.append(a)
        continue
      }
      if isBound(m) { throw .parameterAlreadyBound(a.display ?? name) }
      let value = a.value ?? .null
      switch bindables[m].kind {
      case .declared(let i):
        _ = try bind(i, value, coerce: true)
      case .common(let c):
        common.append((c.name, try ArgumentConversion.common(value, c)))
        boundCommon.insert(c.name.lowercased())
      }
    }
    return unbound
  }

  // MARK: - Binding one value

  /// Converts (or, without `coerce`, only accepts a value already of the right type),
  /// validates and records one declared parameter. False when `coerce` is off and the type
  /// does not match.
  mutating func bind(_ i: Int, _ value: Value, coerce: Bool) throws(ParameterBindingError) -> Bool {
    let p = meta.parameters[i]
    var v: Value
    if let e = p.enumeration {
      guard coerce else { return false }
      guard let name = e.name(of: value) else {
        throw .cannotConvertArgumentNoMessage(
          p.name,
          "Cannot convert value \"\(Conversions.toString(value))\" to type \"\(e.typeName)\". Error: \"Unable to match the identifier name \(Conversions.toString(value)) to a valid enumerator name. Specify one of the following enumerator names and try again:\n\(e.names.joined(separator: ", "))\"")
      }
      v = .string(name)
    } else if coerce {
      if meta.bindsAsCompiledCmdlet {
        v = try ArgumentConversion.cmdletConvert(value, type: p.type, parameter: p.name)
      } else {
        v = try ArgumentConversion.scriptConvert(value, type: p.type, parameter: p.name, advanced: meta.isAdvanced)
      }
    } else {
      guard let exact = ArgumentConversion.exact(value, p.type) else { return false }
      v = exact
    }
    if let refused = p.refusedEnumeration, case .string = v, refused.name(of: v) != nil {
      throw .cannotConvertArgumentNoMessage(
        p.name, "The value \"\(Conversions.toString(v))\" is a \(refused.typeName) name; use it with -MemberType.")
    }
    try Validation.validate(v, p, hooks: hooks)
    if p.isMandatoryInSomeSet { try Validation.checkMandatoryValue(v, p) }
    record(i, v)
    return true
  }

  mutating func record(_ i: Int, _ v: Value) {
    let p = meta.parameters[i]
    bound.append((p.name, v))
    boundDeclared.insert(i)
    let named = p.namedSets
    if !named.isEmpty { valid = (valid ?? Set(allSets)).intersection(named) }
  }

  // MARK: - Step 3: positional arguments

  /// `EvaluateUnboundPositionalParameters`: unbound parameters with a position in the sets
  /// still valid, by position. Two parameters at one position in one set is
  /// `AmbiguousPositionalParameterNoName`.
  func positionalTable() throws(ParameterBindingError) -> [(position: Int, entries: [PositionEntry])] {
    if meta.parameterSetNames.isEmpty { return try positionalTableWithoutSets() }
    var table: [Int: [PositionEntry]] = [:]
    for (i, p) in meta.parameters.enumerated() where !boundDeclared.contains(i) {
      for (set, info) in p.matchingSetData(valid) {
        guard !info.valueFromRemainingArguments, let position = info.position else { continue }
        var entries = table[position] ?? []
        for e in entries where e.param != i && e.sets.contains(where: { $0 == set }) {
          throw .ambiguousPositionalParameterNoName()
        }
        if let k = entries.firstIndex(where: { $0.param == i }) {
          entries[k].sets.append(set)
        } else {
          entries.append(PositionEntry(param: i, sets: [set]))
        }
        table[position] = entries
      }
    }
    return table.keys.sorted().map { ($0, table[$0] ?? []) }
  }

  /// The same table for a command without named parameter sets (most functions): every
  /// parameter is in the one set, so the table is the unbound positional parameters in order.
  func positionalTableWithoutSets() throws(ParameterBindingError) -> [(position: Int, entries: [PositionEntry])] {
    var table: [(position: Int, entries: [PositionEntry])] = []
    for i in meta.parameters.indices where !boundDeclared.contains(i) {
      guard let info = meta.parameters[i].sets[ParameterMetadata.allParameterSets], !info.valueFromRemainingArguments,
        let position = info.position
      else { continue }
      table.append((position, [PositionEntry(param: i, sets: [nil])]))
    }
    table.sort { $0.position < $1.position }
    for k in table.indices.dropFirst() where table[k].position == table[k - 1].position {
      throw .ambiguousPositionalParameterNoName()
    }
    return table
  }

  /// `BindPositionalParameters`: one argument per position, trying the default set before the
  /// others and exact types before conversions. Returns the arguments left over.
  mutating func bindPositional(_ args: [Arg]) throws(ParameterBindingError) -> [Arg] {
    guard !args.isEmpty else { return [] }
    var table = try positionalTable()
    guard !table.isEmpty else { return args }
    var leftover: [Arg] = []
    var index = 0
    var sets = valid
    for k in table.indices {
      let entries = table[k].entries
      if entries.isEmpty { continue }
      guard let arg = nextPositional(args, &index, &leftover) else { break }
      let value = arg.value ?? .null
      let preferDefault = defaultSet.map { d in sets?.contains(d) ?? true } ?? false
      var done = false
      if preferDefault, let d = defaultSet { done = try bindInSet([d], entries, value, coerce: false) }
      if !done { done = try bindInSet(sets, entries, value, coerce: false) }
      if !done, preferDefault, let d = defaultSet { done = try bindInSet([d], entries, value, coerce: true) }
      if !done { done = try bindInSet(sets, entries, value, coerce: true) }
      if !done {
        leftover.append(arg)
      } else if sets != valid {
        sets = valid
        for j in table.indices {
          table[j].entries = table[j].entries.compactMap { e in
            var e = e
            e.sets = e.sets.filter { s in s == nil || (sets?.contains(s!) ?? true) }
            return e.sets.isEmpty ? nil : e
          }
        }
      }
    }
    leftover += args[index...]
    return leftover
  }

  /// `GetNextPositionalArgument`: skips named arguments (and the value after an unknown name).
  func nextPositional(_ args: [Arg], _ index: inout Int, _ skipped: inout [Arg]) -> Arg? {
    while index < args.count {
      let a = args[index]
      index += 1
      if a.name == nil { return a }
      skipped.append(a)
      if index < args.count, args[index].name == nil {
        skipped.append(args[index])
        index += 1
      }
    }
    return nil
  }

  /// `BindPositionalParametersInSet`: every parameter at this position whose set is in `sets`
  /// (nil: any) gets a try. Conversion failures of compiled cmdlets are remembered and skipped;
  /// transformation and validation failures surface.
  mutating func bindInSet(
    _ sets: Set<String>?, _ entries: [PositionEntry], _ value: Value, coerce: Bool
  ) throws(ParameterBindingError) -> Bool {
    positionalError = nil
    var any = false
    for e in entries where !boundDeclared.contains(e.param) {
      for s in e.sets {
        if let s, let sets, !sets.contains(s) { continue }
        // A parameter bound just now at this position may have ruled this set out: binding
        // here too could only end in AmbiguousParameterSet, and trying could raise a hard
        // conversion error (Add-Member's `-NotePropertyMembers` after `-MemberType`).
        if any, let s, let valid, !valid.contains(s) { continue }
        do {
          if try bind(e.param, value, coerce: coerce) {
            any = true
            break
          }
        } catch {
          guard error.isSoft else { throw error }
          positionalError = error
        }
      }
    }
    return any
  }

  // MARK: - Step 4: what is left

  /// `HandleRemainingArguments`: a `ValueFromRemainingArguments` parameter takes every argument
  /// left (names as written, then values); a single collection is passed as itself.
  mutating func bindRemaining(_ args: inout [Arg]) throws(ParameterBindingError) {
    guard !args.isEmpty else { return }
    var target: Int?
    for (i, p) in meta.parameters.enumerated() where !boundDeclared.contains(i) {
      guard p.matchingSetData(valid).contains(where: { $0.info.valueFromRemainingArguments }) else { continue }
      if target != nil { throw .ambiguousParameterSet(p.name) }
      target = i
    }
    guard let target else { return }
    var values: [Value] = []
    for a in args {
      if a.name != nil { values.append(.string(a.text)) }
      if let v = a.value { values.append(v) }
    }
    var value = Value.array(PSArray(values))
    if values.count == 1, case .array = values[0] { value = values[0] }
    _ = try bind(target, value, coerce: true)
    args = []
  }

  /// `VerifyArgumentsProcessed`: the first argument nothing took is an error.
  func verifyProcessed(_ args: [Arg]) throws(ParameterBindingError) {
    guard let first = args.first else { return }
    if let name = first.name { throw .namedParameterNotFound(name) }
    if let e = positionalError { throw e }
    throw .positionalParameterNotFound(ArgumentConversion.display(first.value ?? .null))
  }

  /// `$args` of a simple function: names as written, then values.
  mutating func collectRemaining(_ args: [Arg]) {
    for a in args {
      if a.name != nil { remaining.append(.string(a.text)) }
      if let v = a.value { remaining.append(v) }
    }
  }
}
