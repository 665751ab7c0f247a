extension Parser {
  // MARK: - switch

  /// switch-statement: switch switch-flag* (( pipeline ) | -file path) { (condition block)* }
  ///
  /// Flags match by prefix (`-r` is `-regex`); clause conditions are command arguments, so bare
  /// words are strings.
  mutating func parseSwitch(label: String?) -> StatementAst? {
    let kw = advance()
    var flags: SwitchFlags = []
    var condition: StatementAst?
    var isError = false
    var isIncomplete = false
    var endError = kw.range
    skipNewlines()
    while peekKind(.command) == .parameter {
      let p = advance()
      endError = p.range
      let name = lexer.text(p).lowercased()
      func matches(_ s: String) -> Bool { !name.isEmpty && s.hasPrefix(name) }
      if matches("regex") {
        flags.insert(.regex)
        flags.remove(.wildcard)
      } else if matches("wildcard") {
        flags.insert(.wildcard)
        flags.remove(.regex)
      } else if matches("exact") {
        flags.remove(.regex)
        flags.remove(.wildcard)
      } else if matches("casesensitive") {
        flags.insert(.caseSensitive)
      } else if matches("parallel") {
        flags.insert(.parallel)
      } else if matches("file") {
        flags.insert(.file)
        skipNewlines()
        if let path = parseSingleCommandArgumentOrNil() {
          condition = expressionStatement(path)
          endError = path.extent
        } else {
          isError = true
          isIncomplete = report(.missingFilenameOption, p.range.after)
        }
      } else {
        isError = true
        report(.invalidSwitchFlag, p.range, tokenText(p))
      }
      skipNewlines()
    }
    if peekKind(.command) == .lParen {
      let open = advance()
      endError = open.range
      if flags.contains(.file) {
        isError = true
        report(.pipelineValueRequired, open.range)
      }
      skipNewlines()
      if let c = parsePipelineChain() {
        condition = c
        endError = c.extent
      } else {
        isError = true
        isIncomplete = report(.pipelineValueRequired, open.range.after)
      }
      skipNewlines()
      let close = peek(.command)
      if close.kind == .rParen {
        advance()
        endError = close.range
      } else {
        isError = true
        if !isIncomplete {
          isIncomplete = report(.missingEndParenthesisInSwitchStatement, endError.after)
        }
      }
    } else if condition == nil, !flags.contains(.file) {
      isError = true
      isIncomplete = report(.pipelineValueRequired, endError.after)
    }
    skipNewlines()
    var clauses: [(condition: ExpressionAst, body: StatementBlockAst)] = []
    var defaultBody: StatementBlockAst?
    if peekKind(.command) != .lCurly {
      isError = true
      if !isIncomplete { report(.missingCurlyBraceInSwitchStatement, endError.after) }
    } else {
      let open = advance()
      endError = open.range
      skipNewlines()
      while !tooDeep {
        let t = peek(.command)
        var isDefault = false
        let clauseCondition: ExpressionAst
        if let w = word(t), w.lowercased() == "default" {
          advance()
          isDefault = true
          clauseCondition = ExpressionAst(extent: t.range, kind: .string(w, .bareWord))
        } else if let c = parseSingleCommandArgumentOrNil() {
          clauseCondition = c
        } else {
          isError = true
          isIncomplete = report(.missingSwitchConditionExpression, endError.after)
          if peekKind(.command) == .rCurly { advance() }
          break
        }
        endError = clauseCondition.extent
        if let body = parseRequiredBlock() {
          endError = body.extent
          if isDefault {
            if defaultBody != nil { report(.multipleSwitchDefaultClauses, clauseCondition.extent) }
            defaultBody = body
          } else {
            clauses.append((clauseCondition, body))
          }
        } else {
          isError = true
          isIncomplete = report(.missingSwitchStatementClause, clauseCondition.extent.after)
        }
        skipTerminators()
        let n = peek(.command)
        if n.kind == .rCurly {
          advance()
          break
        }
        if n.kind == .endOfInput {
          isError = true
          if !isIncomplete { report(.missingEndCurlyBrace, open.range, checkAt: n.range.end) }
          break
        }
      }
    }
    if isError { return errorStatement(from: kw.range.start) }
    let extent = SourceRange(start: kw.range.start, end: lastEnd)
    return StatementAst(
      extent: extent,
      kind: .switchStatement(
        SwitchStatementAst(
          extent: extent, label: label, flags: flags, condition: condition, clauses: clauses,
          defaultBody: defaultBody)))
  }

  /// Wraps an expression as a one-element pipeline statement.
  func expressionStatement(_ e: ExpressionAst) -> StatementAst {
    StatementAst(
      extent: e.extent,
      kind: .pipeline(
        PipelineAst(extent: e.extent, elements: [.expression(CommandExpressionAst(extent: e.extent, expression: e, redirections: []))])))
  }

  /// One command argument (PowerShell's `GetSingleCommandArgument`): nil, consuming nothing, at a
  /// terminator, comma or the end; keywords, parameters and operators become bare words.
  mutating func parseSingleCommandArgumentOrNil() -> ExpressionAst? {
    let t = peek(.command)
    switch t.kind {
    case .comma, .endOfInput, .pipe, .rCurly, .rParen, .newline, .semicolon, .redirection, .redirectInput,
      .andAnd, .orOr, .ampersand, .minusMinus:
      return nil
    default:
      break
    }
    if let e = parseSingleCommandArgument() { return e }
    advance()
    return ExpressionAst(extent: t.range, kind: .string(tokenText(t), .bareWord))
  }

  // MARK: - function

  /// function-statement: (function | filter) name ( parameter-list )? { script-block }
  mutating func parseFunction() -> StatementAst? {
    let kw = advance()
    let isFilter = keyword(kw) == .filter
    let helpBefore = helpComment(endingBefore: kw.range.start)
    let nameToken = peek(.command)
    let name: String
    switch nameToken.kind {
    case .generic, .number, .stringLiteral, .stringExpandable, .parameter, .variable, .label:
      advance()
      name = nameToken.kind == .generic || nameToken.kind == .stringLiteral ? lexer.text(nameToken) : tokenText(nameToken)
    default:
      report(.missingNameAfterKeyword, afterLast, tokenText(kw).lowercased())
      return errorStatement(from: kw.range.start)
    }
    var parameters: [ParameterAst] = []
    skipNewlines()
    if peekKind(.command) == .lParen {
      let open = advance()
      let errorsBefore = pending.count
      parameters = parseParameterList(open: open)
      if pending.count > errorsBefore, pending.last?.error.isIncompleteInput == true {
        return errorStatement(from: kw.range.start)
      }
      skipNewlines()
    }
    guard peekKind(.command) == .lCurly else {
      report(.missingFunctionBody, afterLast)
      return errorStatement(from: kw.range.start)
    }
    let open = advance()
    guard enter() else { return nil }
    var body = parseScriptBlockBody(start: open.range.start, closedByCurly: true)
    leave()
    let contentEnd = max(lastEnd, open.range.end)
    var closeStart: Int?
    if peekKind(.command) == .rCurly {
      closeStart = advance().range.start
    } else if !tooDeep {
      report(.missingEndCurlyBrace, open.range, checkAt: lexer.end)
    }
    body.extent = SourceRange(start: open.range.start, end: lastEnd)
    if let h = helpBefore {
      body.helpComment = h
    } else {
      attachBodyHelp(&body, bodyStart: open.range.end)
      // Help may also close the body: after the last statement, before the `}`.
      if body.helpComment == nil, let close = closeStart { body.helpComment = lastHelpBlock(from: contentEnd, before: close) }
    }
    if isFilter, body.processBlock == nil, let end = body.endBlock, !end.isNamed {
      body.processBlock = NamedBlockAst(extent: end.extent, kind: .process, statements: end.statements, isNamed: false)
      body.endBlock = nil
    }
    if !parameters.isEmpty, body.paramBlock != nil {
      report(.unexpectedToken, body.paramBlock?.extent ?? open.range, "param")
    }
    let extent = SourceRange(start: kw.range.start, end: lastEnd)
    return StatementAst(
      extent: extent,
      kind: .functionDefinition(
        FunctionDefinitionAst(
          extent: extent, name: name, nameExtent: nameToken.range, isFilter: isFilter, parameters: parameters,
          body: body)))
  }

  // MARK: - param

  /// param-block: attribute* param ( parameter-list ) — nil (nothing consumed) when absent.
  mutating func parseParamBlockIfPresent() -> ParamBlockAst? {
    let m = mark()
    var attributes: [AttributeAst] = []
    while peekKind(.expression) == .lBracket {
      let lb = advance()
      guard let a = parseAttributeOrType(open: lb), case .attribute(let attr) = a else {
        reset(m)
        return nil
      }
      attributes.append(attr)
      skipNewlines()
    }
    let t = peek(.command)
    guard keyword(t) == .param else {
      reset(m)
      return nil
    }
    let start = attributes.first?.extent.start ?? t.range.start
    advance()
    skipNewlines()
    guard peekKind(.command) == .lParen else {
      report(.missingEndParenthesisInFunctionParameterList, afterLast)
      return ParamBlockAst(extent: SourceRange(start: start, end: lastEnd), attributes: attributes, parameters: [])
    }
    let open = advance()
    let parameters = parseParameterList(open: open)
    return ParamBlockAst(extent: SourceRange(start: start, end: lastEnd), attributes: attributes, parameters: parameters)
  }

  /// parameter-list: parameter (, parameter)* ) — the `(` was consumed.
  mutating func parseParameterList(open: Token) -> [ParameterAst] {
    var parameters: [ParameterAst] = []
    var names: Set<String> = []
    while !tooDeep {
      skipNewlines()
      if peekKind(.expression) == .rParen {
        advance()
        return parameters
      }
      let before = consumed
      guard let p = parseParameter() else {
        if consumed == before {
          report(.missingEndParenthesisInFunctionParameterList, afterLast)
          return parameters
        }
        continue
      }
      let key = p.name.userPath.lowercased()
      if names.contains(key) {
        report(.duplicateFormalParameter, p.nameExtent, p.name.userPath)
      }
      names.insert(key)
      parameters.append(p)
      skipNewlines()
      if peekKind(.expression) == .comma {
        advance()
        continue
      }
      if peekKind(.expression) != .rParen {
        report(.missingEndParenthesisInFunctionParameterList, afterLast)
        return parameters
      }
    }
    return parameters
  }

  /// parameter: attribute* variable (= expression)?
  mutating func parseParameter() -> ParameterAst? {
    var attributes: [AttributeBaseAst] = []
    var start: Int?
    while peekKind(.expression) == .lBracket {
      let lb = advance()
      start = start ?? lb.range.start
      guard let a = parseAttributeOrType(open: lb) else { return nil }
      attributes.append(a)
      skipNewlines()
    }
    let v = peek(.expression)
    guard v.kind == .variable || v.kind == .splattedVariable else {
      if !attributes.isEmpty { report(.invalidFunctionParameter, afterLast) }
      return nil
    }
    advance()
    if v.kind == .splattedVariable { report(.splattingNotPermitted, v.range, variablePath(v).userPath) }
    var defaultValue: ExpressionAst?
    skipNewlines(.expression)
    if peekKind(.expression) == .equals {
      let eq = advance()
      skipNewlines()
      // As in PowerShell, a comma here separates parameters: `param($a = 1, $b)`.
      defaultValue = parseExpression(allowComma: false)
      if defaultValue == nil { report(.expectedValueExpression, eq.range.after, "=") }
    }
    return ParameterAst(
      extent: SourceRange(start: start ?? v.range.start, end: lastEnd), name: variablePath(v), nameExtent: v.range,
      attributes: attributes, defaultValue: defaultValue)
  }

  // MARK: - data

  /// data-statement: data name? (-SupportedCommand command (, command)*)? { statements }
  ///
  /// After an error in the header the body is not read (it parses as the next statement), as in
  /// PowerShell.
  mutating func parseData() -> StatementAst? {
    let kw = advance()
    var name: String?
    var nameRange: SourceRange?
    var supported: [ExpressionAst] = []
    var endError: SourceRange?
    skipNewlines()
    let n = peek(.command)
    if n.kind == .generic, let w = word(n), w.unicodeScalars.allSatisfy({ CharTraits.isIdentifierChar($0.value) }) {
      advance()
      name = w
      nameRange = n.range
    }
    skipNewlines()
    if peekKind(.command) == .parameter {
      let p = advance()
      let pname = lexer.text(p).lowercased()
      if pname.isEmpty || !"supportedcommand".hasPrefix(pname) {
        endError = p.range
        report(.invalidParameterForDataSectionStatement, p.range, lexer.text(p))
      }
      var comma: Token?
      while true {
        skipNewlines()
        guard let cmd = parseSingleCommandArgumentOrNil() else {
          if endError == nil {
            report(.missingValueForSupportedCommandInDataSectionStatement, (comma ?? p).range.after)
          }
          endError = (comma ?? p).range
          break
        }
        supported.append(cmd)
        if peekKind(.command) == .comma {
          comma = advance()
          continue
        }
        break
      }
    }
    if endError == nil {
      if let body = parseRequiredBlock() {
        let extent = SourceRange(start: kw.range.start, end: lastEnd)
        return StatementAst(
          extent: extent,
          kind: .dataSection(DataStatementAst(extent: extent, variableName: name, supportedCommands: supported, body: body)))
      }
      let last = supported.last?.extent ?? nameRange ?? kw.range
      report(.missingStatementBlockForDataSection, last.after)
    }
    return errorStatement(from: kw.range.start)
  }
}
