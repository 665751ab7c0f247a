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
  let variables: CommonVariables
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
    let callerScope = interp.scope
    var scope = callerScope
    if interp.hasPreferenceParameters(bound) {
      scope = Scope(parent: callerScope)
      try interp.applyPreferenceParameters(bound, to: scope)
    }
    variables = CommonVariables(bound, callerScope: callerScope)
    env = StageEnvironment(
      scope: scope, source: interp.source, routes: routes,
      errorCollectors: variables.errorCollectors(interp.errorCollectors),
      warningCollectors: variables.warningCollectors(interp.warningCollectors))
    context = CmdletContext(
      interpreter: interp, metadata: cmdlet.metadata, bound: bound, extent: extent, output: variables.output(output))
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
      try variables.failed(e, interp)
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
    try variables.store(interp)
  }
}
