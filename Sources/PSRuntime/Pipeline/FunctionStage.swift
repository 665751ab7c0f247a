import PSLanguage

/// A function, filter or script block running as a pipeline stage: bound once, then its begin
/// block, its process block once per pipeline object, and its end block, all in one scope of
/// its own that lives as long as the pipeline.
final class FunctionStage: PipelineStage {
  unowned let interp: Interpreter
  let f: FunctionDefinition
  let meta: CommandMetadata
  let bound: BindingResult
  let extent: SourceRange
  let output: OutputPipe
  var env: StageEnvironment
  let variables: CommonVariables
  /// Objects received, for `$input` in the end block.
  var received: [Value] = []
  var sawInput = false
  var disposed = false
  /// A script file that ran `exit`: its remaining blocks don't run.
  var exited = false
  /// Bound knowing no pipeline input would come: the binder has already settled the parameter
  /// set and checked mandatory parameters, so `process(nil)` need not again.
  let settled: Bool

  init(
    _ interp: Interpreter, _ f: FunctionDefinition, arguments: [CommandArgument], at extent: SourceRange, dotSource: Bool,
    elements: [CommandElementAst], output: OutputPipe, routes: StreamRoutes, expectsInput: Bool, position: Int = 1
  ) throws {
    self.interp = interp
    self.f = f
    self.extent = extent
    settled = !expectsInput
    interp.callDepth += 1
    if interp.callDepth > Interpreter.maxCallDepth {
      interp.callDepth -= 1
      disposed = true
      throw ScriptError(
        ErrorRecord(
          exceptionType: "System.Management.Automation.ScriptCallDepthException",
          message: "The script failed due to call depth overflow.", errorId: "CallDepthOverflow",
          category: .invalidOperation, source: interp.source, extent: extent),
        scriptTerminating: true)
    }
    do {
      meta = try interp.metadata(for: f)
      switch try interp.bindPrompting(meta, arguments, expectsInput: expectsInput, position: position) {
      case .success(let b): bound = b
      case .failure(let error):
        throw interp.bindingFailure(error, command: f.name, at: interp.bindingErrorExtent(error, elements, extent))
      }
    } catch {
      interp.callDepth -= 1
      disposed = true
      throw error
    }
    let callerScope = interp.scope
    let scope = dotSource ? callerScope : Scope(parent: callerScope)
    variables = CommonVariables(bound, callerScope: callerScope)
    env = StageEnvironment(
      scope: scope, source: f.source, routes: routes,
      errorCollectors: variables.errorCollectors(interp.errorCollectors),
      warningCollectors: variables.warningCollectors(interp.warningCollectors))
    self.output = variables.output(output)
    do {
      try interp.within(env) {
        if f.isScriptFile { interp.setScriptVariables(path: f.source.path) }
        if meta.isAdvanced {
          let shared = BoundParametersTable(meta.parameters, bound.bound)
          try interp.setParameterVariables(meta, bound, shared: shared)
          let (name, setName, script, impact) = (f.name, bound.parameterSetName, f.source.path, meta.confirmImpact)
          try scope.setAutomatic(
            Scope.psCmdletKey,
            .cmdlet(shared) { [unowned interp] table in
              interp.makeScriptCmdlet(
                name, parameterSetName: setName, boundParameters: table, scriptName: script, confirmImpact: impact)
            })
        } else {
          try interp.setParameterVariables(meta, bound)
        }
        if !dotSource { try interp.applyPreferenceParameters(bound, to: scope) }
      }
    } catch {
      dispose()
      throw error
    }
  }

  func dispose() {
    if disposed { return }
    disposed = true
    interp.callDepth -= 1
  }

  /// Runs one phase in the function's environment; `$PSCmdlet.ThrowTerminatingError` ends the
  /// function and reaches the caller as a statement-terminating error.
  ///
  /// The caller's `$?` sees the call, not the commands inside it (about_Automatic_Variables): a
  /// `Write-Error` or a failing cmdlet or program in the body leaves it true; errors reported
  /// with `$PSCmdlet.WriteError`, a terminating error and a script's non-zero `exit` make it false.
  func phase(_ body: () throws -> Void) throws {
    if exited { return }
    let errorsBefore = interp.errorsWritten
    let nativeBefore = interp.nativeFailed
    let reportedBefore = interp.errorsReportedByFunction
    interp.errorsReportedByFunction = 0
    func settle(exitFailed: Bool = false) {
      interp.errorsWritten = errorsBefore + interp.errorsReportedByFunction
      interp.errorsReportedByFunction = reportedBefore
      interp.nativeFailed = nativeBefore || exitFailed
    }
    do {
      try interp.within(env, body)
      settle()
    } catch ControlFlow.exit(let code) where f.isScriptFile {
      // `exit N` in a script run as a command ends that script; N is `$LASTEXITCODE`.
      settle(exitFailed: code != 0)
      exited = true
      try interp.globalScope.set("LASTEXITCODE", .int32(code))
    } catch var e as ScriptError {
      settle()
      // `$PSCmdlet.ThrowTerminatingError` ends the function only: the caller sees a
      // statement-terminating error.
      e.endsCommand = false
      try variables.failed(e, interp)
      throw e
    } catch {
      settle()
      throw error
    }
  }

  var processBlock: NamedBlockAst? {
    f.isFilter ? (f.body.processBlock ?? f.body.endBlock) : f.body.processBlock
  }

  func begin() throws {
    guard let b = f.body.beginBlock else { return }
    try phase { try interp.runBlock(b.statements, output) }
  }

  func process(_ item: Value?) throws {
    guard let item else {
      // First in its pipeline: mandatory parameters must all be there now.
      if !settled {
        do {
          try ParameterBinder.checkMandatory(meta, bound, pipelinePending: false)
        } catch {
          throw interp.bindingFailure(error, command: f.name, at: extent)
        }
      }
      if let p = processBlock { try phase { try interp.runBlock(p.statements, output) } }
      return
    }
    sawInput = true
    guard let p = processBlock else {
      received.append(item)
      return
    }
    if f.body.endBlock != nil { received.append(item) }
    let perItem: BindingResult
    do {
      perItem = try ParameterBinder.bindPipelineInput(meta, bound, item, hooks: interp.bindingHooks)
    } catch {
      // The object cannot be bound: a non-terminating error for it, then the next object.
      let failure = interp.bindingFailure(error, command: f.name, at: extent)
      try phase { interp.writeError(failure.record) }
      return
    }
    try phase {
      try interp.setParameterVariables(meta, perItem)
      try interp.withCurrentItem(item) { try interp.runBlock(p.statements, output) }
    }
  }

  func end() throws {
    if let e = f.body.endBlock, !(f.isFilter && processBlock?.extent == e.extent) {
      try phase {
        try interp.scope.setAutomatic(Scope.inputKey, .array(received))
        try interp.runBlock(e.statements, output)
      }
    }
    try variables.store(interp)
  }
}
