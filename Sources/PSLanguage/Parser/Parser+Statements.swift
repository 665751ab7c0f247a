extension Parser {
  /// statement: label? (keyword-statement | pipeline-chain)
  mutating func parseStatement() -> StatementAst? {
    guard enter() else { return nil }
    defer { leave() }
    var t = peek(.command)
    var label: String?
    if t.kind == .label {
      let labelToken = advance()
      label = lexer.text(t)
      t = peek(.command)
      if t.kind == .newline || t.kind == .semicolon || t.kind == .endOfInput {
        // A label alone: an empty statement where the label stands.
        let extent = labelToken.range
        return StatementAst(extent: extent, kind: .pipeline(PipelineAst(extent: extent, elements: [])))
      }
    }
    if let kw = keyword(t) {
      switch kw {
      case .if: return parseIf()
      case .switch: return parseSwitch(label: label)
      case .foreach: return parseForEach(label: label)
      case .for: return parseFor(label: label)
      case .while: return parseWhile(label: label)
      case .do: return parseDo(label: label)
      case .try: return parseTry()
      case .trap: return parseTrap()
      case .function, .filter: return parseFunction()
      case .data: return parseData()
      case .return, .exit, .throw: return parseFlowWithPipeline(kw)
      case .break, .continue: return parseBreakContinue(kw)
      case .class, .enum, .workflow, .configuration: return parseUnsupportedDefinition(kw)
      case .using: return parseUsing()
      case .begin, .process, .end, .clean, .dynamicparam:
        // A named block keyword where statements are expected.
        let kwToken = advance()
        skipNewlines()
        guard peekKind(.command) == .lCurly else {
          report(.missingNamedStatementBlock, afterLast, tokenText(kwToken))
          return nil
        }
        reportUnexpected(kwToken)
        let open = advance()
        _ = parseBlockStatements(open: open)
        return nil
      case .else, .elseif, .catch, .finally, .until:
        let bad = advance()
        reportUnexpected(bad)
        return nil
      default:
        break
      }
    }
    return parsePipelineChain()
  }

  // MARK: - if

  /// if-statement: if ( pipeline ) block (elseif ( pipeline ) block)* (else block)?
  mutating func parseIf() -> StatementAst? {
    let ifToken = advance()
    var clauses: [(condition: StatementAst, body: StatementBlockAst)] = []
    var keywordToken = ifToken
    while true {
      let kwText = tokenText(keywordToken).lowercased()
      skipNewlines()
      guard peekKind(.command) == .lParen else {
        report(.missingOpenParenthesisInIfStatement, afterLast, kwText)
        return errorStatement(from: ifToken.range.start)
      }
      advance()
      skipNewlines()
      guard let condition = parsePipelineChain() else {
        report(.ifStatementMissingCondition, afterLast, kwText)
        return errorStatement(from: ifToken.range.start)
      }
      skipNewlines()
      guard peekKind(.command) == .rParen else {
        report(.missingEndParenthesisAfterStatement, afterLast, kwText)
        return errorStatement(from: ifToken.range.start)
      }
      advance()
      guard let body = parseRequiredBlock() else {
        report(.missingStatementBlock, afterLast, kwText)
        return errorStatement(from: ifToken.range.start)
      }
      clauses.append((condition, body))
      let next = peekPastNewlines(.command)
      guard let kw = keyword(next), kw == .elseif || kw == .else else { break }
      skipNewlines()
      keywordToken = advance()
      if kw == .else {
        guard let elseBody = parseRequiredBlock() else {
          report(.missingStatementBlockAfterElse, afterLast)
          return errorStatement(from: ifToken.range.start)
        }
        let extent = SourceRange(start: ifToken.range.start, end: lastEnd)
        return StatementAst(
          extent: extent, kind: .ifStatement(IfStatementAst(extent: extent, clauses: clauses, elseBody: elseBody)))
      }
    }
    let extent = SourceRange(start: ifToken.range.start, end: lastEnd)
    return StatementAst(extent: extent, kind: .ifStatement(IfStatementAst(extent: extent, clauses: clauses, elseBody: nil)))
  }

  /// A statement standing in for one that failed to parse.
  func errorStatement(from start: Int) -> StatementAst {
    StatementAst(extent: SourceRange(start: start, end: max(start, lastEnd)), kind: .error([], []))
  }

  // MARK: - Loops

  /// for-statement: for ( pipeline? ; pipeline? ; pipeline? ) block
  mutating func parseFor(label: String?) -> StatementAst? {
    let forToken = advance()
    skipNewlines()
    guard peekKind(.command) == .lParen else {
      report(.missingOpenParenthesisAfterKeyword, afterLast, "for")
      return errorStatement(from: forToken.range.start)
    }
    advance()
    var parts: [StatementAst?] = []
    for i in 0..<3 {
      skipNewlines()
      let k = peekKind(.command)
      if k == .semicolon || k == .rParen {
        parts.append(nil)
      } else {
        parts.append(parsePipelineChain())
      }
      if i < 2 {
        skipNewlines()
        if peekKind(.command) == .semicolon { advance() }
      }
    }
    skipNewlines()
    guard peekKind(.command) == .rParen else {
      report(.missingEndParenthesisAfterStatement, afterLast, "for")
      return errorStatement(from: forToken.range.start)
    }
    advance()
    guard let body = parseRequiredBlock() else {
      report(.missingLoopStatement, afterLast, "for")
      return errorStatement(from: forToken.range.start)
    }
    let extent = SourceRange(start: forToken.range.start, end: lastEnd)
    return StatementAst(
      extent: extent,
      kind: .forStatement(
        ForStatementAst(
          extent: extent, label: label, initializer: parts[0], condition: parts[1], iterator: parts[2],
          body: body)))
  }

  /// foreach-statement: foreach ( variable in pipeline ) block
  mutating func parseForEach(label: String?) -> StatementAst? {
    let kw = advance()
    skipNewlines()
    // `foreach -parallel` belongs to workflows.
    while peekKind(.command) == .parameter {
      let p = advance()
      report(.unexpectedToken, p.range, tokenText(p))
      skipNewlines()
    }
    guard peekKind(.command) == .lParen else {
      report(.missingOpenParenthesisAfterKeyword, afterLast, "foreach")
      return errorStatement(from: kw.range.start)
    }
    advance()
    skipNewlines()
    let v = peek(.expression)
    guard v.kind == .variable || v.kind == .splattedVariable else {
      report(.missingVariableNameAfterForeach, afterLast)
      return errorStatement(from: kw.range.start)
    }
    advance()
    if v.kind == .splattedVariable {
      report(.splattingNotPermitted, v.range, variablePath(v).userPath)
    }
    let variable = ExpressionAst(extent: v.range, kind: .variable(variablePath(v)))
    skipNewlines()
    guard keyword(peek(.command)) == .in else {
      report(.missingInInForeach, afterLast)
      return errorStatement(from: kw.range.start)
    }
    advance()
    skipNewlines()
    guard let collection = parsePipelineChain() else {
      report(.missingForeachExpression, afterLast)
      return errorStatement(from: kw.range.start)
    }
    skipNewlines()
    guard peekKind(.command) == .rParen else {
      report(.missingEndParenthesisAfterForeach, afterLast)
      return errorStatement(from: kw.range.start)
    }
    advance()
    guard let body = parseRequiredBlock() else {
      report(.missingForeachStatement, afterLast)
      return errorStatement(from: kw.range.start)
    }
    let extent = SourceRange(start: kw.range.start, end: lastEnd)
    return StatementAst(
      extent: extent,
      kind: .foreachStatement(
        ForEachStatementAst(extent: extent, label: label, variable: variable, collection: collection, body: body)))
  }

  func variablePath(_ t: Token) -> VariablePath {
    if case .variable(let v) = lexer.value(t) { return v }
    return VariablePath(userPath: lexer.text(t))
  }

  /// while-statement: while ( pipeline ) block
  mutating func parseWhile(label: String?) -> StatementAst? {
    let kw = advance()
    guard let condition = parseLoopCondition(keyword: "while", start: kw.range.start) else {
      return errorStatement(from: kw.range.start)
    }
    guard let body = parseRequiredBlock() else {
      report(.missingLoopStatement, afterLast, "while")
      return errorStatement(from: kw.range.start)
    }
    let extent = SourceRange(start: kw.range.start, end: lastEnd)
    return StatementAst(
      extent: extent,
      kind: .whileStatement(WhileStatementAst(extent: extent, label: label, condition: condition, body: body)))
  }

  /// `( pipeline )` after `while` or `until`, with the loop errors.
  mutating func parseLoopCondition(keyword: String, start: Int) -> StatementAst? {
    skipNewlines()
    guard peekKind(.command) == .lParen else {
      report(.missingOpenParenthesisAfterKeyword, afterLast, keyword)
      return nil
    }
    advance()
    skipNewlines()
    guard let condition = parsePipelineChain() else {
      report(.missingExpressionAfterKeyword, afterLast, keyword)
      return nil
    }
    skipNewlines()
    guard peekKind(.command) == .rParen else {
      report(.missingEndParenthesisAfterStatement, afterLast, keyword)
      return nil
    }
    advance()
    return condition
  }

  /// do-statement: do block (while | until) ( pipeline )
  mutating func parseDo(label: String?) -> StatementAst? {
    let kw = advance()
    guard let body = parseRequiredBlock() else {
      report(.missingLoopStatement, afterLast, "do")
      return errorStatement(from: kw.range.start)
    }
    let next = peekPastNewlines(.command)
    guard let k = keyword(next), k == .while || k == .until else {
      report(.missingWhileOrUntilInDoWhile, afterLast)
      return errorStatement(from: kw.range.start)
    }
    skipNewlines()
    advance()
    guard let condition = parseLoopCondition(keyword: k.rawValue, start: kw.range.start) else {
      return errorStatement(from: kw.range.start)
    }
    let extent = SourceRange(start: kw.range.start, end: lastEnd)
    return StatementAst(
      extent: extent,
      kind: .doLoop(
        DoLoopStatementAst(extent: extent, label: label, body: body, condition: condition, isUntil: k == .until)))
  }

  // MARK: - try / trap

  /// try-statement: try block catch-clause* finally-clause?
  mutating func parseTry() -> StatementAst? {
    let kw = advance()
    guard let body = parseRequiredBlock() else {
      report(.missingTryStatementBlock, afterLast)
      return errorStatement(from: kw.range.start)
    }
    var catches: [CatchClauseAst] = []
    var finallyBody: StatementBlockAst?
    while true {
      let next = peekPastNewlines(.command)
      guard let k = keyword(next), k == .catch || k == .finally else { break }
      skipNewlines()
      let ck = advance()
      if k == .finally {
        guard let f = parseRequiredBlock() else {
          report(.missingFinallyStatementBlock, afterLast)
          return errorStatement(from: kw.range.start)
        }
        finallyBody = f
        checkControlLeavingFinally(f.statements)
        break
      }
      var types: [TypeName] = []
      skipNewlines()
      if peekKind(.expression) == .lBracket {
        while true {
          let lb = advance()
          guard let type = parseTypeNameInBrackets(open: lb) else {
            return errorStatement(from: kw.range.start)
          }
          types.append(type)
          skipNewlines()
          guard peekKind(.expression) == .comma else { break }
          advance()
          skipNewlines()
          guard peekKind(.expression) == .lBracket else {
            report(.missingTypeLiteralToken, afterLast)
            return errorStatement(from: kw.range.start)
          }
        }
      }
      guard let cb = parseRequiredBlock() else {
        report(.missingCatchHandlerBlock, afterLast)
        return errorStatement(from: kw.range.start)
      }
      if let last = catches.last, last.types.isEmpty {
        report(.emptyCatchNotLast, last.extent)
      }
      catches.append(CatchClauseAst(extent: SourceRange(start: ck.range.start, end: lastEnd), types: types, body: cb))
    }
    if catches.isEmpty && finallyBody == nil {
      report(.missingCatchOrFinally, afterLast)
      return errorStatement(from: kw.range.start)
    }
    let extent = SourceRange(start: kw.range.start, end: lastEnd)
    return StatementAst(
      extent: extent,
      kind: .tryStatement(TryStatementAst(extent: extent, body: body, catchClauses: catches, finallyBody: finallyBody)))
  }

  /// `return`, and `break`/`continue` outside a loop of their own, may not leave a finally block.
  mutating func checkControlLeavingFinally(_ statements: [StatementAst], inLoop: Bool = false) {
    for s in statements {
      switch s.kind {
      case .returnStatement:
        report(.controlLeavingFinally, s.extent)
      case .breakStatement, .continueStatement:
        if !inLoop { report(.controlLeavingFinally, s.extent) }
      case .ifStatement(let i):
        for c in i.clauses { checkControlLeavingFinally(c.body.statements, inLoop: inLoop) }
        if let e = i.elseBody { checkControlLeavingFinally(e.statements, inLoop: inLoop) }
      case .tryStatement(let t):
        checkControlLeavingFinally(t.body.statements, inLoop: inLoop)
        for c in t.catchClauses { checkControlLeavingFinally(c.body.statements, inLoop: inLoop) }
      case .foreachStatement(let f): checkControlLeavingFinally(f.body.statements, inLoop: true)
      case .forStatement(let f): checkControlLeavingFinally(f.body.statements, inLoop: true)
      case .whileStatement(let w): checkControlLeavingFinally(w.body.statements, inLoop: true)
      case .doLoop(let d): checkControlLeavingFinally(d.body.statements, inLoop: true)
      case .switchStatement(let sw):
        for c in sw.clauses { checkControlLeavingFinally(c.body.statements, inLoop: true) }
        if let d = sw.defaultBody { checkControlLeavingFinally(d.statements, inLoop: true) }
      default:
        break
      }
    }
  }

  /// trap-statement: trap type-literal? block
  mutating func parseTrap() -> StatementAst? {
    let kw = advance()
    skipNewlines()
    var type: TypeName?
    if peekKind(.expression) == .lBracket {
      let lb = advance()
      guard let t = parseTypeNameInBrackets(open: lb) else { return errorStatement(from: kw.range.start) }
      type = t
    }
    guard let body = parseRequiredBlock() else {
      report(.missingTrapStatement, afterLast)
      return errorStatement(from: kw.range.start)
    }
    let extent = SourceRange(start: kw.range.start, end: lastEnd)
    return StatementAst(extent: extent, kind: .trap(TrapStatementAst(extent: extent, type: type, body: body)))
  }

  // MARK: - Flow control

  /// `return`, `exit`, `throw`, each with an optional pipeline on the same line.
  mutating func parseFlowWithPipeline(_ kw: Keyword) -> StatementAst? {
    let t = advance()
    var value: StatementAst?
    let next = peek(.command)
    if !next.kind.endsStatement || next.kind == .ampersand {
      value = parsePipelineChain()
    }
    let extent = SourceRange(start: t.range.start, end: lastEnd)
    switch kw {
    case .return: return StatementAst(extent: extent, kind: .returnStatement(value))
    case .exit: return StatementAst(extent: extent, kind: .exitStatement(value))
    default: return StatementAst(extent: extent, kind: .throwStatement(value))
    }
  }

  /// `break [label]`, `continue [label]`.
  mutating func parseBreakContinue(_ kw: Keyword) -> StatementAst? {
    let t = advance()
    var label: ExpressionAst?
    let next = peek(.command)
    if !next.kind.endsStatement {
      if next.kind == .generic, case .text(let s) = lexer.value(next) {
        advance()
        label = ExpressionAst(extent: next.range, kind: .string(s, .bareWord))
      } else if let e = parseCommandArgument() {
        label = e
      }
    }
    let extent = SourceRange(start: t.range.start, end: lastEnd)
    return StatementAst(extent: extent, kind: kw == .break ? .breakStatement(label: label) : .continueStatement(label: label))
  }

  // MARK: - Out-of-scope definitions

  /// `class`, `enum`, `workflow` and `configuration` are refused with an error that says so; the
  /// definition (its name and `{ … }` body) is skipped so that the rest of the file is checked.
  mutating func parseUnsupportedDefinition(_ kw: Keyword) -> StatementAst? {
    let t = advance()
    let id: ParseErrorID
    switch kw {
    case .class: id = .classNotSupported
    case .enum: id = .enumNotSupported
    case .workflow: id = .workflowNotSupported
    default: id = .configurationNotSupported
    }
    report(id, t.range)
    skipToBlockEnd()
    return errorStatement(from: t.range.start)
  }

  /// Skips tokens up to and including the next balanced `{ … }` (or to the end of the line when
  /// no block starts on it).
  mutating func skipToBlockEnd() {
    var depth = 0
    var sawBlock = false
    while true {
      let t = peek(.expression)
      if t.kind == .endOfInput { return }
      if depth == 0, sawBlock { return }
      if depth == 0, !sawBlock, t.kind == .newline || t.kind == .semicolon {
        // A header may continue on the next line before its `{`.
        let n = peekPastNewlines(.expression)
        if n.kind != .lCurly { return }
      }
      advance()
      switch t.kind {
      case .lCurly, .atCurly:
        depth += 1
        sawBlock = true
      case .rCurly:
        depth -= 1
        if depth <= 0 { return }
      default:
        break
      }
    }
  }

  /// `using namespace …` / `using module …`: not supported; the line is skipped.
  mutating func parseUsing() -> StatementAst? {
    let t = advance()
    report(.usingNotSupported, t.range)
    while true {
      let k = peekKind(.command)
      if k == .newline || k == .semicolon || k == .endOfInput { break }
      advance()
    }
    return errorStatement(from: t.range.start)
  }
}
