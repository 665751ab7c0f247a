extension Parser {
  // MARK: - Pipeline chains and pipelines

  /// pipeline-chain: pipeline ((&& | ||) pipeline)* &?
  mutating func parsePipelineChain() -> StatementAst? {
    guard var left = parsePipeline(allowAssignment: true) else { return nil }
    while !tooDeep {
      let t = peek(.command)
      guard t.kind == .andAnd || t.kind == .orOr else { break }
      advance()
      skipNewlines()
      guard let right = parsePipeline(allowAssignment: false), case .pipeline(let p) = right.kind else {
        report(.emptyPipelineChainElement, t.range.after, t.kind.spelling)
        break
      }
      let extent = left.extent.through(right.extent)
      let chain = PipelineChainAst(
        extent: extent, left: left, op: t.kind == .andAnd ? .and : .or, right: p, isBackground: p.isBackground)
      left = StatementAst(extent: extent, kind: .pipelineChain(chain))
    }
    return left
  }

  /// True when `t` (read in expression mode) can begin an expression.
  func startsExpression(_ t: Token) -> Bool {
    switch t.kind {
    case .number, .stringLiteral, .stringExpandable, .hereStringLiteral, .hereStringExpandable, .variable,
      .splattedVariable, .lParen, .dollarParen, .atParen, .atCurly, .lCurly, .lBracket, .comma, .exclaim,
      .minus, .plus, .plusPlus, .minusMinus:
      return true
    case .dashOperator:
      if case .dashOperator(let op) = lexer.value(t) { return op.isUnary }
      return false
    default:
      return false
    }
  }

  /// pipeline: (assignment | expression redirections* | command) (| command)* &?
  mutating func parsePipeline(allowAssignment: Bool) -> StatementAst? {
    var elements: [CommandBaseAst] = []
    let first = peek(.expression)
    let start = first.range.start
    if first.kind == .pipe {
      report(.emptyPipeElement, first.range)
    } else if startsExpression(first), let expr = parseExpressionOrRewind() {
      let op = peek(.expression)
      if allowAssignment, op.kind.isAssignment {
        return parseAssignment(left: expr, opToken: op)
      }
      checkExpressionStatement(expr)
      let redirections = parseRedirections()
      elements.append(
        .expression(
          CommandExpressionAst(
            extent: SourceRange(start: expr.extent.start, end: lastEnd), expression: expr,
            redirections: redirections)))
      let n = peek(.command)
      if n.kind != .pipe && !n.kind.endsStatement && n.kind != .newline {
        reportUnexpected(n)
        return pipelineStatement(elements, start: start, background: false)
      }
    } else {
      guard let cmd = parseCommand() else { return nil }
      elements.append(.command(cmd))
    }
    // Further elements.
    while !tooDeep {
      var t = peek(.command)
      if t.kind == .newline {
        // A line that starts with `|` continues the pipeline (PowerShell 7).
        let next = peekPastNewlines(.command)
        guard next.kind == .pipe, !elements.isEmpty else { break }
        skipNewlines()
        t = peek(.command)
      }
      guard t.kind == .pipe else { break }
      let pipe = advance()
      skipNewlines()
      let n = peek(.expression)
      if n.kind == .pipe || n.kind == .endOfInput || n.kind == .semicolon || n.kind == .rParen
        || n.kind == .rCurly || n.kind == .andAnd || n.kind == .orOr
      {
        report(.emptyPipeElement, pipe.range.after, checkAt: n.range.start)
        if n.kind == .pipe { continue }
        break
      }
      if startsExpression(n), n.kind != .lCurly {
        guard let expr = parseExpression() else { break }
        report(.expressionsMustBeFirstInPipeline, expr.extent)
        elements.append(.expression(CommandExpressionAst(extent: expr.extent, expression: expr, redirections: [])))
        continue
      }
      guard let cmd = parseCommand() else {
        report(.emptyPipeElement, pipe.range.after)
        break
      }
      elements.append(.command(cmd))
    }
    var background = false
    if peekKind(.command) == .ampersand {
      advance()
      background = true
    }
    return pipelineStatement(elements, start: start, background: background)
  }

  /// An expression, or nil with nothing consumed (`[0]` reads as a command, not a type).
  mutating func parseExpressionOrRewind() -> ExpressionAst? {
    let m = mark()
    if let e = parseExpression() { return e }
    reset(m)
    return nil
  }

  func pipelineStatement(_ elements: [CommandBaseAst], start: Int, background: Bool) -> StatementAst {
    let extent = SourceRange(start: elements.first?.extent.start ?? start, end: max(lastEnd, start))
    return StatementAst(
      extent: extent, kind: .pipeline(PipelineAst(extent: extent, elements: elements, isBackground: background)))
  }

  // MARK: - Assignment

  /// assignment: expression assignment-operator statement
  mutating func parseAssignment(left: ExpressionAst, opToken: Token) -> StatementAst? {
    advance()
    let op: AssignmentAst.Operator
    switch opToken.kind {
    case .plusEquals: op = .plus
    case .minusEquals: op = .minus
    case .multiplyEquals: op = .multiply
    case .divideEquals: op = .divide
    case .remainderEquals: op = .remainder
    case .questionQuestionEquals: op = .coalesce
    default: op = .assign
    }
    if !isAssignable(left, allowArray: op == .assign) {
      reportSemantic(.invalidLeftHandSide, invalidAssignmentPart(left, allowArray: op == .assign) ?? left.extent)
    } else {
      checkTypeConversions(left, isAssignmentTarget: true)
    }
    skipNewlines()
    let right: StatementAst
    if let r = parseStatement() {
      right = r
    } else {
      report(.expectedValueExpression, opToken.range.after, opToken.kind.spelling)
      right = StatementAst(extent: opToken.range.after, kind: .error([], []))
    }
    let extent = SourceRange(start: left.extent.start, end: lastEnd)
    return StatementAst(
      extent: extent,
      kind: .assignment(AssignmentAst(extent: extent, left: left, op: op, right: right, operatorExtent: opToken.range)))
  }

  /// The extent of the part that makes an assignment target invalid, or nil when it is valid.
  func invalidAssignmentPart(_ e: ExpressionAst, allowArray: Bool) -> SourceRange? {
    switch e.kind {
    case .arrayLiteral(let items) where allowArray:
      for i in items { if let bad = invalidAssignmentPart(i, allowArray: false) { return bad } }
      return nil
    case .convert(_, let inner), .attributed(_, let inner):
      return invalidAssignmentPart(inner, allowArray: false)
    default:
      return isAssignable(e, allowArray: allowArray) ? nil : e.extent
    }
  }

  /// Whether an expression can be assigned to: variables, properties, indexes, type-constrained
  /// variables and (for `=` only) lists of those.
  func isAssignable(_ e: ExpressionAst, allowArray: Bool) -> Bool {
    switch e.kind {
    case .variable: return true
    case .member(let m): return !m.isNullConditional
    case .index(_, _, let nc): return !nc
    case .convert(_, let inner), .attributed(_, let inner): return isAssignable(inner, allowArray: false)
    case .arrayLiteral(let items): return allowArray && items.allSatisfy { isAssignable($0, allowArray: false) }
    case .paren(let s):
      if case .pipeline(let p) = s.kind, p.elements.count == 1, case .expression(let ce) = p.elements[0] {
        return isAssignable(ce.expression, allowArray: allowArray)
      }
      return false
    default: return false
    }
  }

  /// Checks an expression statement: attributes must lead to a variable, and `[ref]` must stand
  /// alone or last in a chain of conversions.
  mutating func checkExpressionStatement(_ e: ExpressionAst) {
    checkTypeConversions(e, isAssignmentTarget: false)
  }

  /// Reports misplaced attributes and `[ref]` in a chain of casts and attributes.
  mutating func checkTypeConversions(_ e: ExpressionAst, isAssignmentTarget: Bool) {
    var types: [TypeName] = []
    var attributes: [AttributeAst] = []
    var cur = e
    loop: while true {
      switch cur.kind {
      case .convert(let t, let inner):
        types.append(t)
        cur = inner
      case .attributed(let a, let inner):
        attributes.append(a)
        cur = inner
      default:
        break loop
      }
    }
    if let a = attributes.first, !isAssignmentTarget {
      if case .variable = cur.kind {} else { reportSemantic(.unexpectedAttribute, a.extent, a.typeName.description) }
    }
    let refs = types.enumerated().filter { $0.element.isRef }
    if refs.count >= 2 {
      reportSemantic(.referenceNeedsToBeByItselfInTypeSequence, refs[1].element.extent)
    } else if let r = refs.first, types.count > 1 {
      if isAssignmentTarget {
        reportSemantic(.referenceNeedsToBeByItselfInTypeConstraint, r.element.extent)
      } else if r.offset > 0 {
        reportSemantic(.referenceNeedsToBeLastTypeInTypeConversion, r.element.extent)
      }
    }
  }

  // MARK: - Redirections

  /// Redirections after an expression or command argument.
  mutating func parseRedirections() -> [RedirectionAst] {
    var out: [RedirectionAst] = []
    while let r = parseRedirectionIfPresent() { out.append(r) }
    return out
  }

  mutating func parseRedirectionIfPresent() -> RedirectionAst? {
    let t = peek(.command)
    if t.kind == .redirectInput {
      advance()
      report(.redirectionNotSupported, t.range, "<")
      _ = parseCommandArgument(allowComma: false)
      return nil
    }
    guard t.kind == .redirection, case .redirection(let r) = lexer.value(t) else { return nil }
    advance()
    if let merge = r.mergeTo {
      return RedirectionAst(extent: t.range, from: r.from, mergeTo: merge, append: false, target: nil)
    }
    let n = peek(.command)
    var target: ExpressionAst?
    if !n.kind.endsStatement, n.kind != .redirection {
      target = parseCommandArgument(allowComma: false)
    }
    if target == nil { report(.missingFileSpecification, t.range.after) }
    return RedirectionAst(
      extent: SourceRange(start: t.range.start, end: lastEnd), from: r.from, mergeTo: nil, append: r.append,
      target: target)
  }

  // MARK: - Commands

  /// command: (& | .)? command-name command-element*
  mutating func parseCommand() -> CommandAst? {
    let t = peek(.command)
    var invocation = CommandAst.InvocationOperator.none
    var elements: [CommandElementAst] = []
    var redirections: [RedirectionAst] = []
    let start = t.range.start
    switch t.kind {
    case .ampersand, .dot:
      advance()
      invocation = t.kind == .ampersand ? .call : .dotSource
      let n = peek(.command)
      if n.kind.endsStatement || n.kind == .newline {
        report(.missingExpression, t.range.after, t.kind.spelling)
        return CommandAst(extent: t.range, invocationOperator: invocation, elements: [], redirections: [])
      }
      guard let name = parseCommandArgument(allowComma: false) else { return nil }
      elements.append(.argument(name))
    case .generic, .number, .stringLiteral, .stringExpandable, .hereStringLiteral, .hereStringExpandable,
      .variable, .label, .lParen, .dollarParen, .atParen, .lCurly, .minusMinus:
      guard let name = parseCommandArgument(allowComma: false) else { return nil }
      elements.append(.argument(name))
    case .redirection, .redirectInput:
      // A command may start with its redirection: `> file` (rare), read it and go on.
      if let r = parseRedirectionIfPresent() { redirections.append(r) }
      return CommandAst(extent: t.range, invocationOperator: .none, elements: [], redirections: redirections)
    default:
      return nil
    }
    var endOfParameters = false
    while !tooDeep {
      let a = peek(.command)
      switch a.kind {
      case .newline, .semicolon, .endOfInput, .rParen, .rCurly, .pipe, .andAnd, .orOr, .ampersand:
        let extent = SourceRange(start: start, end: lastEnd)
        return CommandAst(extent: extent, invocationOperator: invocation, elements: elements, redirections: redirections)
      case .redirection, .redirectInput:
        if let r = parseRedirectionIfPresent() { redirections.append(r) }
      case .parameter where !endOfParameters:
        advance()
        guard case .parameter(let name, let colon) = lexer.value(a) else { continue }
        var argument: ExpressionAst?
        if colon {
          let v = peek(.command)
          if v.kind.endsStatement || v.kind == .newline || v.kind == .comma {
            report(.parameterRequiresArgument, a.range.after, tokenText(a))
          } else {
            argument = parseCommandArgument(allowComma: true)
          }
        }
        elements.append(
          .parameter(
            CommandParameterAst(
              extent: SourceRange(start: a.range.start, end: lastEnd), name: name, argument: argument, hasColon: colon)))
      case .minusMinus where !endOfParameters:
        advance()
        endOfParameters = true
      case .stopParsing:
        advance()
        var p = a.range.end
        let s = source.scalars
        while p < lexer.end, !CharTraits.isNewline(s[p].value) { p += 1 }
        var q = a.range.end
        while q < p, CharTraits.isWhitespace(s[q].value) { q += 1 }
        elements.append(.stopParsing(source.text(q..<p), SourceRange(start: a.range.start, end: p)))
        rewind(to: p)
        lastEnd = p
      case .comma:
        advance()
        report(.missingArgument, a.range)
      default:
        let before = consumed
        if let e = parseCommandArgument(allowComma: true) {
          elements.append(.argument(e))
        }
        if consumed == before {
          let bad = advance()
          reportUnexpected(bad)
        }
      }
    }
    return CommandAst(
      extent: SourceRange(start: start, end: lastEnd), invocationOperator: invocation, elements: elements,
      redirections: redirections)
  }

  /// command-argument: a single argument, or several joined by commas into an array.
  mutating func parseCommandArgument(allowComma: Bool = true) -> ExpressionAst? {
    guard let first = parseSingleCommandArgument() else { return nil }
    guard allowComma, peekKind(.command) == .comma else { return first }
    var items = [first]
    while peekKind(.command) == .comma {
      let c = advance()
      skipNewlines()
      let n = peek(.command)
      if n.kind.endsStatement || n.kind == .parameter || n.kind == .comma || n.kind == .redirection {
        report(.missingExpression, c.range.after, ",")
        break
      }
      guard let e = parseSingleCommandArgument() else {
        report(.missingExpression, c.range.after, ",")
        break
      }
      items.append(e)
    }
    return ExpressionAst(
      extent: SourceRange(start: first.extent.start, end: lastEnd), kind: .arrayLiteral(items))
  }

  /// One command argument, read in command mode: a bare word, number, string, variable (with
  /// adjacent member access), or a bracketed expression.
  mutating func parseSingleCommandArgument() -> ExpressionAst? {
    let t = peek(.command)
    switch t.kind {
    case .generic, .number:
      advance()
      return wordExpression(t)
    case .label:
      advance()
      return ExpressionAst(extent: t.range, kind: .string(tokenText(t), .bareWord))
    case .parameter:
      advance()
      return ExpressionAst(extent: t.range, kind: .string(tokenText(t), .bareWord))
    case .minusMinus, .dot:
      advance()
      return ExpressionAst(extent: t.range, kind: .string(tokenText(t), .bareWord))
    case .splattedVariable:
      advance()
      return ExpressionAst(extent: t.range, kind: .splattedVariable(variablePath(t)))
    case .stringLiteral, .stringExpandable, .hereStringLiteral, .hereStringExpandable, .variable, .lParen,
      .dollarParen, .atParen, .atCurly, .lCurly:
      guard let e = parsePrimary(commandMode: true) else { return nil }
      return parsePostfix(e, commandMode: true)
    default:
      return nil
    }
  }

  /// The expression for a bare word, number or string token.
  mutating func wordExpression(_ t: Token) -> ExpressionAst {
    switch t.kind {
    case .number:
      if case .number(let n) = lexer.value(t) { return ExpressionAst(extent: t.range, kind: .number(n)) }
    case .stringLiteral:
      return ExpressionAst(extent: t.range, kind: .string(lexer.text(t), .singleQuoted))
    case .stringExpandable:
      return expandable(t, .doubleQuoted)
    default:
      break
    }
    return expandable(t, .bareWord)
  }
}
