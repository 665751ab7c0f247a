import PSLanguage

/// A function (or filter) defined by a script, or a script block being invoked.
public final class FunctionDefinition {
  public let name: String
  let body: ScriptBlockAst
  let parameters: [ParameterAst]
  let source: SourceFile
  let isFilter: Bool
  /// Built on first call.
  var metadata: CommandMetadata?

  init(name: String, body: ScriptBlockAst, parameters: [ParameterAst], source: SourceFile, isFilter: Bool) {
    self.name = name
    self.body = body
    self.parameters = parameters
    self.source = source
    self.isFilter = isFilter
  }
}

/// A command implemented in Swift. `invoke` gets the bound parameters and the pipeline input
/// and returns its output.
struct BuiltinCommand {
  var metadata: CommandMetadata
  var invoke: (Interpreter, BindingResult, [Value]?) throws -> [Value]
}

extension Interpreter {
  // MARK: - Pipelines

  /// Runs a pipeline. Each element gets the previous element's output as input (elements run one
  /// after another, not streamed, in this version).
  func runPipeline(_ p: PipelineAst) throws -> [Value] {
    if p.isBackground {
      throw fail(RuntimeError(id: "NotSupported", message: "Background jobs (&) are not supported by eflowsh."), at: p.extent)
    }
    var items: [Value]?
    for element in p.elements {
      switch element {
      case .expression(let ce):
        let v = try eval(ce.expression)
        if isSilentStatement(ce.expression, p.elements.count) {
          items = []
        } else {
          items = v.enumerated ?? [v]
        }
        if try redirectsToNull(ce.redirections) { items = [] }
      case .command(let c):
        items = try invokeCommand(c, input: items)
        if try redirectsToNull(c.redirections) { items = [] }
      }
    }
    return items ?? []
  }

  /// `[void]…` and a lone `$i++` / `--$i` write nothing (PowerShell drops the value of an
  /// increment used as a statement).
  func isSilentStatement(_ e: ExpressionAst, _ elementCount: Int) -> Bool {
    switch e.kind {
    case .convert(let t, _): return t.name.caseInsensitiveEquals("void")
    case .unary(let op, _):
      guard elementCount == 1 else { return false }
      return op == .preIncrement || op == .preDecrement || op == .postIncrement || op == .postDecrement
    default: return false
    }
  }

  /// True when output is redirected to `$null`; other redirections are not supported yet.
  func redirectsToNull(_ redirections: [RedirectionAst]) throws -> Bool {
    var toNull = false
    for r in redirections {
      if r.mergeTo != nil { continue }
      if let t = r.target, case .variable(let v) = t.kind, v.userPath.caseInsensitiveEquals("null") {
        if r.from == .output || r.from == .all { toNull = true }
        continue
      }
      throw fail(
        RuntimeError(id: "NotSupported", message: "Redirection to a file is not supported by eflowsh yet."),
        at: r.extent)
    }
    return toNull
  }

  // MARK: - Commands

  /// Runs one command: a function, a built-in, or a script block after `&` / `.`.
  func invokeCommand(_ c: CommandAst, input: [Value]?) throws -> [Value] {
    guard case .argument(let nameExpr)? = c.elements.first else { return [] }
    let args = try evaluateArguments(Array(c.elements.dropFirst()))
    let nameValue = try eval(nameExpr)
    if case .scriptBlock(let sb) = nameValue {
      return try invokeScriptBlock(sb, arguments: args, input: input, dotSource: c.invocationOperator == .dotSource)
    }
    let name = Conversions.toString(nameValue)
    if let f = scope.function(name) {
      return try callFunction(
        f, arguments: args, input: input, at: c.extent, dotSource: c.invocationOperator == .dotSource,
        elements: c.elements)
    }
    if let b = builtins[name.lowercased()] {
      let bound: BindingResult
      do {
        bound = try ParameterBinder.bind(b.metadata, args)
      } catch {
        throw bindingFailure(error, command: b.metadata.name, at: bindingErrorExtent(error, c.elements, c.extent))
      }
      let callerScope = scope
      if hasPreferenceParameters(bound) {
        scope = Scope(parent: callerScope)
        try applyPreferenceParameters(bound, to: scope)
      }
      defer { scope = callerScope }
      return try withCommonVariables(bound, callerScope: callerScope) {
        do {
          lastSucceeded = true
          return try b.invoke(self, bound, input)
        } catch let e as RuntimeError {
          throw fail(e, at: c.extent, command: b.metadata.name)
        }
      }
    }
    var notFound = ErrorRecord(
        exceptionType: "System.Management.Automation.CommandNotFoundException",
        message:
          "The term '\(name)' is not recognized as the name of a cmdlet, function, script file, or operable program. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.",
        errorId: "CommandNotFoundException", category: .objectNotFound, targetObject: .string(name), source: source,
        extent: nameExpr.extent)
    notFound.invocationName = name
    throw ScriptError(notFound, scriptTerminating: false)
  }

  /// Where PowerShell points for a binding error: at the parameter for name errors, at its
  /// argument for conversion and validation errors, else at the command.
  func bindingErrorExtent(_ e: ParameterBindingError, _ elements: [CommandElementAst], _ fallback: SourceRange)
    -> SourceRange
  {
    guard let name = e.parameterName?.lowercased() else { return fallback }
    let atParameter = ["NamedParameterNotFound", "AmbiguousParameter", "ParameterAlreadyBound", "MissingArgument"]
      .contains(e.id)
    for (i, el) in elements.enumerated() {
      guard case .parameter(let p) = el else { continue }
      let written = p.name.lowercased()
      guard !written.isEmpty, written == name || name.hasPrefix(written) else { continue }
      if atParameter { return p.extent }
      if let a = p.argument { return a.extent }
      if i + 1 < elements.count, case .argument(let a) = elements[i + 1] { return a.extent }
      return p.extent
    }
    return fallback
  }

  func bindingFailure(_ e: ParameterBindingError, command: String, at extent: SourceRange) -> ScriptError {
    ScriptError(
      ErrorRecord(
        exceptionType: e.exceptionType, message: e.message, errorId: e.id,
        category: ErrorCategory(rawValue: e.category) ?? .invalidArgument, commandName: command, source: source,
        extent: extent),
      scriptTerminating: false)
  }

  /// Evaluates a command's arguments; `@hash` splats into named arguments, `@array` into
  /// positional ones.
  func evaluateArguments(_ elements: [CommandElementAst]) throws -> [CommandArgument] {
    var args: [CommandArgument] = []
    for el in elements {
      switch el {
      case .parameter(let p):
        args.append(.named(name: p.name, value: try p.argument.map { try eval($0) }, hasColon: p.hasColon))
      case .argument(let e):
        if case .splattedVariable(let path) = e.kind {
          let v = try variableValue(path, at: e.extent)
          switch v {
          case .hashtable(let h):
            for entry in h.entries {
              args.append(.named(name: Conversions.toString(entry.key), value: entry.value, hasColon: true))
            }
          case .array(let a):
            args += a.items.map { .positional($0) }
          case .null:
            break
          default:
            args.append(.positional(v))
          }
        } else {
          args.append(.positional(try eval(e)))
        }
      case .stopParsing(let text, _):
        args.append(.positional(.string(text)))
      }
    }
    return args
  }

  // MARK: - Functions and script blocks

  /// Calls a function: binds its parameters, then runs begin, process (once per input object)
  /// and end in a new scope.
  func callFunction(
    _ f: FunctionDefinition, arguments: [CommandArgument], input: [Value]?, at extent: SourceRange, dotSource: Bool,
    elements: [CommandElementAst] = []
  ) throws -> [Value] {
    callDepth += 1
    defer { callDepth -= 1 }
    if callDepth > Interpreter.maxCallDepth {
      throw ScriptError(
        ErrorRecord(
          exceptionType: "System.Management.Automation.ScriptCallDepthException",
          message: "The script failed due to call depth overflow.", errorId: "CallDepthOverflow",
          category: .invalidOperation, source: source, extent: extent),
        scriptTerminating: true)
    }
    let meta = try metadata(for: f)
    var bound: BindingResult
    do {
      bound = try ParameterBinder.bind(meta, arguments)
      if input == nil { try ParameterBinder.checkMandatory(meta, bound, pipelinePending: false) }
    } catch {
      throw bindingFailure(error, command: f.name, at: bindingErrorExtent(error, elements, extent))
    }
    let savedScope = scope
    let savedSource = source
    if !dotSource { scope = Scope(parent: savedScope) }
    source = f.source
    defer {
      scope = savedScope
      source = savedSource
    }
    try setParameterVariables(meta, bound)
    if !dotSource { try applyPreferenceParameters(bound, to: scope) }
    if meta.isAdvanced {
      try scope.set(
        "PSCmdlet", makeScriptCmdlet(f.name, bound, boundParameters: scope.lookup("PSBoundParameters")?.value ?? .null))
    }
    return try withCommonVariables(bound, callerScope: savedScope) {
      do {
        return try runFunctionBlocks(f, meta, bound, input: input, at: extent)
      } catch var e as ScriptError where e.endsCommand {
        // $PSCmdlet.ThrowTerminatingError: the function ends; the caller sees a
        // statement-terminating error.
        e.endsCommand = false
        throw e
      }
    }
  }

  /// Runs a function's begin, process (once per input object) and end blocks in the current
  /// scope.
  func runFunctionBlocks(
    _ f: FunctionDefinition, _ meta: CommandMetadata, _ bound: BindingResult, input: [Value]?, at extent: SourceRange
  ) throws -> [Value] {
    var out: [Value] = []
    let body = f.body
    let processBlock = f.isFilter ? (body.processBlock ?? body.endBlock) : body.processBlock
    if let b = body.beginBlock { try runBlock(b.statements, &out) }
    if let p = processBlock {
      if let items = input {
        for item in items {
          var perItem = bound
          do {
            perItem = try ParameterBinder.bindPipelineInput(meta, bound, item)
          } catch {
            throw bindingFailure(error, command: f.name, at: extent)
          }
          try setParameterVariables(meta, perItem)
          try withCurrentItem(item) { try runBlock(p.statements, &out) }
        }
      } else {
        try runBlock(p.statements, &out)
      }
    }
    if let e = body.endBlock, !(f.isFilter && processBlock?.extent == e.extent) {
      try scope.set("input", .array(PSArray(input ?? [])))
      try runBlock(e.statements, &out)
    }
    return out
  }

  /// Runs a block's statements; `return` ends the block.
  func runBlock(_ statements: [StatementAst], _ out: inout [Value]) throws {
    do {
      try runStatements(statements, &out)
    } catch ControlFlow.returnFromFunction {
      return
    }
  }

  func metadata(for f: FunctionDefinition) throws -> CommandMetadata {
    if let m = f.metadata { return m }
    do {
      let m = try CommandMetadata.from(
        name: f.name, paramBlock: f.body.paramBlock, functionParameters: f.parameters,
        evaluate: { e throws(RuntimeError) in try self.evaluateAttribute(e) })
      f.metadata = m
      return m
    } catch {
      throw fail(error, at: f.body.paramBlock?.extent ?? f.body.extent, command: f.name)
    }
  }

  /// Evaluates an attribute argument or other declaration constant, with the interpreter's
  /// errors turned back into runtime errors.
  func evaluateAttribute(_ e: ExpressionAst) throws(RuntimeError) -> Value {
    do {
      return try eval(e)
    } catch let s as ScriptError {
      throw RuntimeError(id: s.record.errorId, message: s.record.message)
    } catch {
      throw RuntimeError(id: "AttributeArgument", message: "\(error)")
    }
  }

  /// Creates the parameter variables in the (new) current scope: bound values, else defaults,
  /// else the type's empty value; plus `$args` and `$PSBoundParameters`.
  func setParameterVariables(_ meta: CommandMetadata, _ bound: BindingResult) throws {
    let boundTable = PSHashtable()
    for p in meta.parameters {
      var v: Value = .null
      if let b = bound.bound.first(where: { $0.name.caseInsensitiveEquals(p.name) }) {
        v = b.value
        boundTable[.string(p.name)] = b.value
      } else if let d = p.defaultValue {
        v = try eval(d)
        if let t = p.type { v = (try? Conversions.convert(v, to: t)) ?? v }
      } else if p.isSwitch {
        v = .bool(false)
      } else if let t = p.type, t != .object {
        // An unbound typed parameter holds its type's empty value: [int] 0, [string] ''.
        v = (try? Conversions.convert(.null, to: t)) ?? .null
      }
      try scope.set(p.name, v)
      if let t = p.type, t != .object { scope.local(p.name)?.typeConstraint = t }
    }
    try scope.set("args", .array(PSArray(bound.remaining)))
    try scope.set("PSBoundParameters", .hashtable(boundTable))
  }

  /// `& { … }` or `& $block args`: a call in a new scope (or the current one for `.`).
  func invokeScriptBlock(_ sb: ScriptBlockValue, arguments: [CommandArgument], input: [Value]?, dotSource: Bool) throws
    -> [Value]
  {
    let f = FunctionDefinition(name: "", body: sb.ast, parameters: [], source: sb.source, isFilter: false)
    return try callFunction(f, arguments: arguments, input: input, at: sb.ast.extent, dotSource: dotSource)
  }

  /// Runs a script block's statements in the current scope (switch conditions, `ForEach`,
  /// `Where`), returning its output collapsed.
  func invokeScriptBlockInline(_ sb: ScriptBlockAst) throws -> Value {
    var out: [Value] = []
    for b in sb.namedBlocks { try runBlock(b.statements, &out) }
    return collapse(out)
  }

  /// Binds a script's own `param()` block to the command-line arguments (strings, with
  /// `-Name value` pairs).
  func bindScriptParameters(_ sb: ScriptBlockAst, arguments: [String]) throws {
    guard sb.paramBlock != nil || !arguments.isEmpty else {
      try scope.set("args", .array(PSArray()))
      return
    }
    var args: [CommandArgument] = []
    var i = 0
    while i < arguments.count {
      let a = arguments[i]
      if a.hasPrefix("-"), a.count > 1, !a.dropFirst().first!.isNumber {
        var name = String(a.dropFirst())
        if let colon = name.firstIndex(of: ":") {
          let value = String(name[name.index(after: colon)...])
          name = String(name[..<colon])
          let v: Value = value.lowercased() == "$false" ? .bool(false) : value.lowercased() == "$true" ? .bool(true) : .string(value)
          args.append(.named(name: name, value: v, hasColon: true))
        } else {
          args.append(.named(name: name, value: nil, hasColon: false))
        }
      } else {
        args.append(.positional(.string(a)))
      }
      i += 1
    }
    let f = FunctionDefinition(name: source.path, body: sb, parameters: [], source: source, isFilter: false)
    let meta = try metadata(for: f)
    let bound: BindingResult
    do {
      bound = try ParameterBinder.bind(meta, args)
      try ParameterBinder.checkMandatory(meta, bound, pipelinePending: false)
    } catch {
      throw ScriptError(bindingFailure(error, command: source.path, at: sb.paramBlock?.extent ?? sb.extent).record, scriptTerminating: true)
    }
    try setParameterVariables(meta, bound)
  }
}
