import PSLanguage

/// A function (or filter) defined by a script, or a script block being invoked.
public final class FunctionDefinition {
  public let name: String
  let body: ScriptBlockAst
  let parameters: [ParameterAst]
  let source: SourceFile
  let isFilter: Bool
  /// A `.ps1` file run as a command: it gets its own `$PSScriptRoot`, and `exit` ends only it.
  var isScriptFile = false
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

/// What a command name resolves to.
enum ResolvedCommand {
  case function(FunctionDefinition)
  case cmdlet(Cmdlet)
  case native(path: String)
}

extension Interpreter {
  // MARK: - Commands

  /// Finds the command a name stands for: a function, an alias's target, a Swift cmdlet — or
  /// PowerShell's CommandNotFoundException.
  func resolveCommand(_ name: String, at extent: SourceRange) throws -> ResolvedCommand {
    var n = name
    for _ in 0..<10 {
      if let f = scope.function(n) { return .function(f) }
      let key = n.lowercased()
      if let c = cmdlets[key] { return .cmdlet(c) }
      if let target = aliases[key] {
        n = target
        continue
      }
      if let loaded = try commandFromModulePath(n) { return loaded }
      if let program = nativeProgram(n) { return .native(path: program) }
      break
    }
    var notFound = ErrorRecord(
      exceptionType: "System.Management.Automation.CommandNotFoundException",
      message:
        "The term '\(name)' is not recognized as the name of a cmdlet, function, script file, or operable program. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.",
      errorId: "CommandNotFoundException", category: .objectNotFound, targetObject: .string(name), source: source,
      extent: extent)
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

  /// Evaluates a command's arguments (the elements after its name, not copied out of the
  /// command); `@hash` splats into named arguments, `@array` into positional ones.
  func evaluateArguments(_ elements: ArraySlice<CommandElementAst>) throws -> [CommandArgument] {
    var args: [CommandArgument] = []
    args.reserveCapacity(elements.count)  // one allocation for the usual, unsplatted call
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

  /// Runs a block's statements; `return` ends the block.
  func runBlock(_ statements: [StatementAst], _ out: OutputPipe) throws {
    do {
      try runStatements(statements, out)
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
  /// else the type's empty value; plus `$args` and `$PSBoundParameters`, deferred until used.
  /// `shared` is the table an advanced function's `$PSCmdlet` also holds.
  func setParameterVariables(_ meta: CommandMetadata, _ bound: BindingResult, shared: BoundParametersTable? = nil)
    throws
  {
    // A new function scope would otherwise regrow its table once per parameter.
    scope.reserve(meta.parameters.count + 3)
    // By index: `for p in meta.parameters` copies each (large) ParameterMetadata.
    for i in meta.parameters.indices {
      let name = meta.parameters[i].name
      let key = meta.parameters[i].variableKey
      let type = meta.parameters[i].type
      var v: Value = .null
      // Positional binding puts parameter i at i, under the same name: no search then.
      if i < bound.bound.count, bound.bound[i].name == name {
        v = bound.bound[i].value
      } else if let b = bound.bound.first(where: { $0.name.caseInsensitiveEquals(name) }) {
        v = b.value
      } else if let d = meta.parameters[i].defaultValue {
        v = try eval(d)
        if let t = type { v = (try? Conversions.convert(v, to: t)) ?? v }
      } else if meta.parameters[i].isSwitch {
        v = .bool(false)
      } else if let t = type, t != .object {
        // An unbound typed parameter holds its type's empty value: [int] 0, [string] ''.
        v = (try? Conversions.convert(.null, to: t)) ?? .null
      }
      let variable = try scope.set(key: key, name: name, v)
      if let t = type, t != .object { variable.typeConstraint = t }
    }
    try scope.setAutomatic(Scope.argsKey, .array(bound.remaining))
    try scope.setAutomatic(
      Scope.psBoundParametersKey, shared.map { .shared($0) } ?? .boundParameters(meta.parameters, bound.bound))
  }

  /// Runs a script block's statements in the current scope (switch conditions, `ForEach`,
  /// `Where`), returning its output collapsed.
  func invokeScriptBlockInline(_ sb: ScriptBlockAst) throws -> Value {
    let out = OutputPipe()
    for b in sb.namedBlocks { try runBlock(b.statements, out) }
    return collapse(out.items)
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

extension Interpreter {
  /// The binder's callbacks: `[ValidateScript()]` blocks run here with `$_` set to the
  /// argument, and pipeline objects' properties are read with the runtime's member rules.
  var bindingHooks: BindingHooks {
    BindingHooks(
      validateScript: { [unowned self] sb, value throws(RuntimeError) -> Bool in
        do {
          return Conversions.toBool(try withCurrentItem(value) { try invokeScriptBlockInline(sb.ast) })
        } catch let e as RuntimeError {
          throw e
        } catch let e as ScriptError {
          throw RuntimeError(id: e.record.errorId, message: e.record.message, exceptionType: e.record.exceptionType)
        } catch {
          throw RuntimeError(id: "ValidateScriptFailure", message: "\(error)")
        }
      },
      property: { value, name in
        let v = try? Members.get(value, name)
        if case .null? = v { return nil }
        return v
      })
  }
}
