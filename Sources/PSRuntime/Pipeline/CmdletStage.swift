import PSLanguage

/// A Swift cmdlet running as a pipeline stage: bound once from its arguments, then per pipeline
/// object bound again from the object (`ValueFromPipeline`, `ValueFromPipelineByPropertyName`).
final class CmdletStage: PipelineStage {
  unowned let interp: Interpreter
  let cmdlet: Cmdlet
  let body: CmdletBody
  let context: CmdletContext
  let bound: BindingResult
  let extent: SourceRange
  var env: StageEnvironment
  let callerScope: Scope
  let outVariable: String?
  let outCollector = StreamCollector()
  let errorVariable: (String, StreamCollector)?
  let warningVariable: (String, StreamCollector)?
  /// Set when each pipeline object can be bound by simply setting this parameter.
  let trivialPipelineParameter: String?

  init(
    _ interp: Interpreter, _ cmdlet: Cmdlet, arguments: [CommandArgument], at extent: SourceRange,
    elements: [CommandElementAst], output: OutputPipe, routes: StreamRoutes, expectsInput: Bool, position: Int = 1
  ) throws {
    self.interp = interp
    self.cmdlet = cmdlet
    self.extent = extent
    switch try interp.bindPrompting(cmdlet.metadata, arguments, expectsInput: expectsInput, position: position) {
    case .success(let b): bound = b
    case .failure(let error):
      throw interp.bindingFailure(
        error, command: cmdlet.metadata.name, at: interp.bindingErrorExtent(error, elements, extent))
    }
    callerScope = interp.scope
    var scope = callerScope
    if interp.hasPreferenceParameters(bound) {
      scope = Scope(parent: callerScope)
      try interp.applyPreferenceParameters(bound, to: scope)
    }
    outVariable = bound.common("OutVariable").map(Conversions.toString)
    errorVariable = bound.common("ErrorVariable").map { (Conversions.toString($0), StreamCollector()) }
    warningVariable = bound.common("WarningVariable").map { (Conversions.toString($0), StreamCollector()) }
    env = StageEnvironment(
      scope: scope, source: interp.source, routes: routes,
      errorCollectors: interp.errorCollectors + (errorVariable.map { [$0.1] } ?? []),
      warningCollectors: interp.warningCollectors + (warningVariable.map { [$0.1] } ?? []))
    let pipe = outVariable == nil ? output : interp.tee(output, into: outCollector)
    context = CmdletContext(interpreter: interp, metadata: cmdlet.metadata, bound: bound, extent: extent, output: pipe)
    body = cmdlet.make()
    trivialPipelineParameter = ParameterBinder.trivialPipelineParameter(cmdlet.metadata)
    context.stageIdentity = ObjectIdentifier(self)
  }

  func dispose() {}

  /// Runs one phase with the cmdlet's environment in force; a `RuntimeError` from the body is a
  /// terminating error of this command.
  func phase(_ run: () throws -> Void) throws {
    do {
      try interp.within(env) {
        interp.lastSucceeded = true
        do {
          try run()
        } catch let e as RuntimeError {
          throw interp.fail(e, at: extent, command: cmdlet.metadata.name)
        }
      }
    } catch let e as ScriptError {
      errorVariable?.1.items.append(e.record.asValue())
      try storeVariables()
      throw e
    }
  }

  func begin() throws {
    guard let b = body.begin else { return }
    try phase { try b(context) }
  }

  func process(_ item: Value?) throws {
    guard let item else {
      do {
        context.bound = try ParameterBinder.complete(cmdlet.metadata, bound)
      } catch {
        throw interp.bindingFailure(error, command: cmdlet.metadata.name, at: extent)
      }
      if let p = body.process { try phase { try p(context, nil) } }
      return
    }
    if let name = trivialPipelineParameter {
      context.bound = ParameterBinder.bindTrivially(bound, name, item)
      if let p = body.process { try phase { try p(context, item) } }
      return
    }
    do {
      context.bound = try ParameterBinder.bindPipelineInput(cmdlet.metadata, bound, item, hooks: interp.bindingHooks)
    } catch {
      let failure = interp.bindingFailure(error, command: cmdlet.metadata.name, at: extent)
      try phase { interp.writeError(failure.record) }
      return
    }
    if let p = body.process { try phase { try p(context, item) } }
  }

  func end() throws {
    context.bound = bound
    if let e = body.end { try phase { try e(context) } }
    try storeVariables()
  }

  func storeVariables() throws {
    if let (name, c) = errorVariable { try interp.storeCommonVariable(name, c.items, in: callerScope) }
    if let (name, c) = warningVariable { try interp.storeCommonVariable(name, c.items, in: callerScope) }
    if let name = outVariable { try interp.storeCommonVariable(name, outCollector.items, in: callerScope) }
  }
}

extension Interpreter {
  /// A pipe that passes objects on and also keeps them (for `-OutVariable`).
  func tee(_ next: OutputPipe, into collector: StreamCollector) -> OutputPipe {
    OutputPipe { v in
      collector.items.append(v)
      try next.append(v)
    }
  }
}
