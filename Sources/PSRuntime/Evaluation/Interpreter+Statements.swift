import PSLanguage

extension Interpreter {
  // MARK: - Statement lists

  /// Runs a statement. A statement-terminating error outside any `try` is written to the error
  /// stream and the script goes on with the next statement, as in PowerShell; with
  /// `$ErrorActionPreference = 'Stop'` it ends the script instead.
  func runStatementReportingErrors(_ s: StatementAst, _ out: OutputPipe) throws {
    do {
      try runStatement(s, out)
    } catch let e as ScriptError where !e.isScriptTerminating && !e.endsCommand && tryDepth == 0 {
      if errorActionPreference.lowercased() == "stop" { throw ScriptError(e.record, scriptTerminating: true) }
      writeError(e.record)
    }
  }

  /// Runs a list of statements, honouring `trap` statements in it. `afterEach` runs when each
  /// statement ends (the top level flushes output to the host there).
  func runStatements(_ list: [StatementAst], _ out: OutputPipe, afterEach: (() -> Void)? = nil) throws {
    defer { afterEach?() }
    var traps: [TrapStatementAst] = []
    for s in list { if case .trap(let t) = s.kind { traps.append(t) } }
    for s in list {
      afterEach?()
      if interruptSignal.isRaised { throw PipelineInterrupted() }
      if case .trap = s.kind { continue }
      if traps.isEmpty {
        try runStatementReportingErrors(s, out)
        continue
      }
      do {
        tryDepth += 1
        defer { tryDepth -= 1 }
        try runStatement(s, out)
      } catch let e as ScriptError {
        guard let trap = traps.first(where: { matches($0.type.map { [$0] } ?? [], e.record) }) else { throw e }
        do {
          try withCurrentItem(e.record.asValue()) { try runStatements(trap.body.statements, out) }
          writeError(e.record)
        } catch let flow as ControlFlow {
          switch flow {
          case .continueLoop: continue  // `continue` in a trap: go on silently
          case .breakLoop: throw ScriptError(e.record, scriptTerminating: true)
          default: throw flow
          }
        }
      }
    }
  }

  /// The value of a statement used as a value (conditions, right-hand sides): its output
  /// collapsed — nothing is `$null`, one item is that item, more are an array.
  func statementValue(_ s: StatementAst) throws -> Value {
    // A lone expression (a loop or `if` condition, mostly): what `runPipelineTrackingSuccess`
    // and `runExpressionElement` would do, without an output pipe to allocate.
    if case .pipeline(let p) = s.kind, !p.isBackground, p.elements.count == 1, case .expression(let ce) = p.elements[0],
      ce.redirections.isEmpty
    {
      let errorsBefore = errorsWritten
      nativeFailed = false
      let v = try eval(ce.expression)
      lastSucceeded = errorsWritten == errorsBefore && !nativeFailed
      if isSilentStatement(ce.expression, 1) { return .null }
      if let items = v.enumerated { return collapse(items) }
      return v
    }
    let out = OutputPipe()
    try runStatement(s, out)
    return collapse(out.items)
  }

  func collapse(_ out: [Value]) -> Value {
    switch out.count {
    case 0: return .null
    case 1: return out[0]
    default: return .array(PSArray(out))
    }
  }

  // MARK: - Statements

  /// Runs a pipeline and sets `$?`: false when it wrote an error or a program in it exited
  /// with a non-zero code.
  func runPipelineTrackingSuccess(_ p: PipelineAst, into out: OutputPipe) throws {
    let errorsBefore = errorsWritten
    nativeFailed = false
    try runPipeline(p, into: out)
    lastSucceeded = errorsWritten == errorsBefore && !nativeFailed
  }

  func runStatement(_ s: StatementAst, _ out: OutputPipe) throws {
    switch s.kind {
    case .pipeline(let p):
      try runPipelineTrackingSuccess(p, into: out)
    case .pipelineChain(let c):
      try runStatement(c.left, out)
      if (c.op == .and) == lastSucceeded {
        try runPipelineTrackingSuccess(c.right, into: out)
      }
    case .assignment(let a):
      try assign(a)
    case .ifStatement(let i):
      for clause in i.clauses where Conversions.toBool(try statementValue(clause.condition)) {
        try runStatements(clause.body.statements, out)
        return
      }
      if let e = i.elseBody { try runStatements(e.statements, out) }
    case .whileStatement(let w):
      while Conversions.toBool(try statementValue(w.condition)) {
        if try runLoopBody(w.body, label: w.label, out) { break }
      }
    case .doLoop(let d):
      repeat {
        if try runLoopBody(d.body, label: d.label, out) { break }
      } while Conversions.toBool(try statementValue(d.condition)) != d.isUntil
    case .forStatement(let f):
      let discard = OutputPipe()  // one for every iteration, emptied each time
      if let i = f.initializer { try runStatement(i, discard) }
      while try f.condition.map({ Conversions.toBool(try statementValue($0)) }) ?? true {
        if try runLoopBody(f.body, label: f.label, out) { break }
        if let it = f.iterator {
          discard.clear()
          try runStatement(it, discard)
        }
      }
    case .foreachStatement(let f):
      let collection = try statementValue(f.collection)
      let items = collection.enumerated ?? (collection.isNull ? [] : [collection])
      guard case .variable(let path) = f.variable.kind else { return }
      for item in items {
        try setVariable(path, item, at: f.variable.extent)
        if try runLoopBody(f.body, label: f.label, out) { break }
      }
    case .switchStatement(let sw):
      try runSwitch(sw, out)
    case .tryStatement(let t):
      try runTry(t, out)
    case .trap:
      break
    case .functionDefinition(let f):
      scope.define(FunctionDefinition(name: f.name, body: f.body, parameters: f.parameters, source: source, isFilter: f.isFilter))
    case .breakStatement(let label):
      throw ControlFlow.breakLoop(label: try label.map { Conversions.toString(try eval($0)) })
    case .continueStatement(let label):
      throw ControlFlow.continueLoop(label: try label.map { Conversions.toString(try eval($0)) })
    case .returnStatement(let v):
      if let v { try runStatement(v, out) }
      throw ControlFlow.returnFromFunction
    case .exitStatement(let v):
      var code: Int32 = 0
      if let v {
        let value = try statementValue(v)
        if case .int32(let c) = try Conversions.convert(value, to: .int32) { code = c }
      }
      throw ControlFlow.exit(code: code)
    case .throwStatement(let v):
      // `throw` alone inside `catch` rethrows the error being handled.
      if v == nil, let current = lastCaught { throw ScriptError(current, scriptTerminating: true) }
      let value = try v.map { try statementValue($0) } ?? .null
      throw ScriptError(throwRecord(value, at: s.extent), scriptTerminating: true)
    case .dataSection:
      throw fail(
        RuntimeError(id: "NotSupported", message: "Data sections are not supported by eflowsh."), at: s.extent)
    case .error:
      throw fail(RuntimeError(id: "ParseError", message: "The statement has parse errors and cannot run."), at: s.extent)
    }
  }

  /// The ErrorRecord of `throw value`: a string's id is the string itself (category
  /// OperationStopped); `throw` alone says "ScriptHalted"; a thrown ErrorRecord is rethrown.
  func throwRecord(_ value: Value, at extent: SourceRange) -> ErrorRecord {
    if case .object(let o) = value, o.typeName == "System.Management.Automation.ErrorRecord",
      let prior = lastCaught
    {
      return prior
    }
    let message = value.isNull ? "ScriptHalted" : Conversions.toString(value)
    var r = ErrorRecord(
      exceptionType: "System.Management.Automation.RuntimeException", message: message, errorId: message,
      category: .operationStopped, targetObject: value, source: source, extent: extent)
    if !value.isNull, case .string = value {} else if !value.isNull { r.thrownValue = value }
    return r
  }

  /// Runs one loop iteration; returns true when the loop must stop (`break`). `continue` and
  /// `break` with another loop's label travel on to that loop.
  func runLoopBody(_ body: StatementBlockAst, label: String?, _ out: OutputPipe) throws -> Bool {
    // Checked here too, so that Ctrl+C also stops a loop with an empty body.
    if interruptSignal.isRaised { throw PipelineInterrupted() }
    do {
      try runStatements(body.statements, out)
      return false
    } catch let flow as ControlFlow {
      switch flow {
      case .breakLoop(let l) where l == nil || l!.caseInsensitiveEquals(label ?? "\u{0}"): return true
      case .continueLoop(let l) where l == nil || l!.caseInsensitiveEquals(label ?? "\u{0}"): return false
      default: throw flow
      }
    }
  }

  // MARK: - switch

  func runSwitch(_ sw: SwitchStatementAst, _ out: OutputPipe) throws {
    guard let condition = sw.condition else { return }
    let items: [Value]
    if sw.flags.contains(.file) {
      items = try switchFileLines(condition)
    } else {
      let value = try statementValue(condition)
      items = value.enumerated ?? [value]
    }
    let caseSensitive = sw.flags.contains(.caseSensitive)
    itemLoop: for item in items {
      var matchedAny = false
      for clause in sw.clauses {
        guard try switchClauseMatches(clause.condition, item, sw.flags, caseSensitive) else { continue }
        matchedAny = true
        do {
          try withCurrentItem(item) { try runStatements(clause.body.statements, out) }
        } catch let flow as ControlFlow {
          switch flow {
          case .breakLoop(let l) where l == nil || l!.caseInsensitiveEquals(sw.label ?? "\u{0}"): break itemLoop
          case .continueLoop(let l) where l == nil || l!.caseInsensitiveEquals(sw.label ?? "\u{0}"): continue itemLoop
          default: throw flow
          }
        }
      }
      if !matchedAny, let d = sw.defaultBody {
        do {
          try withCurrentItem(item) { try runStatements(d.statements, out) }
        } catch let flow as ControlFlow {
          switch flow {
          case .breakLoop(let l) where l == nil || l!.caseInsensitiveEquals(sw.label ?? "\u{0}"): break itemLoop
          case .continueLoop(let l) where l == nil || l!.caseInsensitiveEquals(sw.label ?? "\u{0}"): continue itemLoop
          default: throw flow
          }
        }
      }
    }
  }

  /// The lines `switch -File` goes through: the path is resolved as the file cmdlets resolve
  /// one (drive paths, relative to the current location, wildcards that must match exactly one
  /// file) and the file read as `StreamReader` reads it in 5.1 — UTF-8 unless a byte-order mark
  /// says otherwise, lines ended by LF, CRLF or CR, no empty line after a final newline. Every
  /// failure is statement-terminating, in 5.1's words.
  func switchFileLines(_ pathStatement: StatementAst) throws -> [Value] {
    let extent = pathStatement.extent
    func failure(_ id: String, _ message: String, target: Value) -> ScriptError {
      ScriptError(record(RuntimeError(id: id, message: message), at: extent, target: target), scriptTerminating: false)
    }
    let path = Conversions.toString(try statementValue(pathStatement))
    if path.isEmpty {
      throw failure(
        "InvalidFilenameOption", "The file name argument to -file in the switch statement is not valid.", target: .string(path))
    }
    let found = try guarded(extent) { () throws(RuntimeError) in try expandPath(path, literal: false) }
    let existing = found.filter { Interpreter.itemKind($0) != nil }
    if existing.isEmpty {
      if WildcardPattern.containsWildcards(path) {
        throw failure("FileNotFound", "No files matching '\(path)' were found.", target: .string(path))
      }
      var r = FileSystemErrors.pathNotFound(displayPath(found.first ?? path))
      r.source = source
      r.extent = extent
      throw ScriptError(r, scriptTerminating: false)
    }
    if existing.count > 1 {
      throw failure(
        "AmbiguousPath",
        "The path cannot be processed because it resolved to more than one file; only one file at a time can be processed.",
        target: .array(PSArray(existing.map { .string(displayPath($0)) })))
    }
    let bytes: [UInt8]
    do {
      bytes = try FileText.readBytes(existing[0])
    } catch {
      let reason = error.record(displayPath(existing[0]), prefix: "").message
      throw failure("FileReadError", "The file could not be read: \(reason).", target: .string(path))
    }
    return FileEncoding.lines(FileEncoding.decode(bytes, as: nil)).map(Value.string)
  }

  func switchClauseMatches(_ condition: ExpressionAst, _ item: Value, _ flags: SwitchFlags, _ cs: Bool) throws -> Bool {
    if case .scriptBlock(let sb) = condition.kind {
      let result = try withCurrentItem(item) { try invokeScriptBlockInline(sb) }
      return Conversions.toBool(result)
    }
    let pattern = try eval(condition)
    if flags.contains(.regex) {
      let text = Conversions.toString(item)
      return try regexMatch(text, Conversions.toString(pattern), caseSensitive: cs, at: condition.extent)
    }
    if flags.contains(.wildcard) {
      return WildcardPattern(Conversions.toString(pattern), caseSensitive: cs).matches(Conversions.toString(item))
    }
    return Comparison.equals(item, pattern, caseSensitive: cs)
  }

  // MARK: - try / catch / finally

  func runTry(_ t: TryStatementAst, _ out: OutputPipe) throws {
    var pending: Error?
    tryDepth += 1
    do {
      try runStatements(t.body.statements, out)
    } catch {
      pending = error
    }
    tryDepth -= 1
    if let e = pending as? ScriptError, let clause = t.catchClauses.first(where: { matches($0.types, e.record) }) {
      pending = nil
      let saved = lastCaught
      lastCaught = e.record
      defer { lastCaught = saved }
      do {
        try withCurrentItem(e.record.asValue()) { try runStatements(clause.body.statements, out) }
      } catch {
        pending = error
      }
    }
    if let f = t.finallyBody { try runStatements(f.statements, out) }
    if let p = pending { throw p }
  }

  /// Whether a catch or trap with these types handles an error (no types: everything).
  func matches(_ types: [TypeName], _ r: ErrorRecord) -> Bool {
    if types.isEmpty { return true }
    return types.contains { ExceptionHierarchy.isKind(r.exceptionType, of: $0.description) }
  }
}

/// The exception types the runtime raises and their base types, for typed `catch`.
enum ExceptionHierarchy {
  static let parents: [String: String] = [
    "system.management.automation.runtimeexception": "system.systemexception",
    "system.management.automation.parameterbindingexception": "system.management.automation.runtimeexception",
    "system.management.automation.commandnotfoundexception": "system.management.automation.runtimeexception",
    "system.management.automation.psinvalidcastexception": "system.invalidcastexception",
    "system.management.automation.actionpreferencestopexception": "system.management.automation.runtimeexception",
    "system.management.automation.itemnotfoundexception": "system.management.automation.sessionstateexception",
    "system.management.automation.sessionstateexception": "system.management.automation.runtimeexception",
    "system.management.automation.sessionstateunauthorizedaccessexception": "system.management.automation.sessionstateexception",
    "system.management.automation.propertynotfoundexception": "system.management.automation.extendedtypesystemexception",
    "system.management.automation.extendedtypesystemexception": "system.management.automation.runtimeexception",
    "system.management.automation.methodinvocationexception": "system.management.automation.methodexception",
    "system.management.automation.methodexception": "system.management.automation.runtimeexception",
    "system.management.automation.scriptcalldepthexception": "system.management.automation.runtimeexception",
    "system.management.automation.wildcardpatternexception": "system.management.automation.runtimeexception",
    "system.invalidcastexception": "system.systemexception",
    "system.dividebyzeroexception": "system.arithmeticexception",
    "system.arithmeticexception": "system.systemexception",
    "system.indexoutofrangeexception": "system.systemexception",
    "system.argumentoutofrangeexception": "system.argumentexception",
    "system.argumentnullexception": "system.argumentexception",
    "system.argumentexception": "system.systemexception",
    "system.invalidoperationexception": "system.systemexception",
    "system.notsupportedexception": "system.systemexception",
    "system.formatexception": "system.systemexception",
    "system.io.ioexception": "system.systemexception",
    "system.systemexception": "system.exception",
  ]

  /// Whether `type` is `name` or derives from it (`name` may omit `System.`).
  static func isKind(_ type: String, of name: String) -> Bool {
    let target = name.lowercased()
    var t: String? = type.lowercased()
    while let cur = t {
      if cur == target || cur == "system." + target || cur.hasSuffix("." + target) { return true }
      t = parents[cur]
    }
    return false
  }
}
