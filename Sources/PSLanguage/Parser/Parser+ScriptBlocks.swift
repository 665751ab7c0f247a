extension Parser {
  // MARK: - Scripts and script blocks

  /// script-file: param-block? (named-block-list | statement-list)
  mutating func parseScript() -> ScriptBlockAst {
    let start = lexer.position
    var sb = parseScriptBlockBody(start: start, closedByCurly: false)
    // A token no statement can start with: report it, eat it, and parse on.
    while !tooDeep, !stopped {
      let t = peek(.command)
      if t.kind == .endOfInput { break }
      advance()
      reportUnexpected(t)
      let more = parseStatementList()
      if sb.endBlock == nil {
        sb.endBlock = NamedBlockAst(extent: SourceRange(at: t.range.end), kind: .end, statements: [], isNamed: false)
      }
      sb.endBlock?.statements.append(contentsOf: more)
    }
    sb.extent = SourceRange(start: start, end: lexer.end)
    attachScriptHelp(&sb)
    return sb
  }

  /// The body of a script or `{ … }`: `param(…)`, then named blocks or plain statements. Stops
  /// before the closing `}` (or at the end of text for a script file).
  mutating func parseScriptBlockBody(start: Int, closedByCurly: Bool) -> ScriptBlockAst {
    var sb = ScriptBlockAst(extent: SourceRange(at: start))
    skipTerminators()
    sb.paramBlock = parseParamBlockIfPresent()
    skipTerminators()
    let first = peek(.command)
    if let kw = keyword(first), let kind = namedBlockKind(kw) {
      _ = kind
      parseNamedBlocks(into: &sb, closedByCurly: closedByCurly)
    } else {
      let bodyStart = peek(.command).range.start
      let statements = parseStatementList()
      sb.endBlock = NamedBlockAst(
        extent: SourceRange(start: bodyStart, end: lastEnd), kind: .end, statements: statements,
        isNamed: false)
    }
    sb.extent = SourceRange(start: start, end: lastEnd)
    return sb
  }

  func namedBlockKind(_ kw: Keyword) -> NamedBlockAst.Kind? {
    switch kw {
    case .begin: return .begin
    case .process: return .process
    case .end: return .end
    case .clean: return .clean
    case .dynamicparam: return .dynamicParam
    default: return nil
    }
  }

  /// named-block-list: (begin | process | end | clean | dynamicparam) statement-block …
  ///
  /// Anything else is `MissingNamedBlocks`; at the top of a script the rest of the file is then
  /// not parsed, as in PowerShell.
  mutating func parseNamedBlocks(into sb: inout ScriptBlockAst, closedByCurly: Bool) {
    while !tooDeep {
      skipTerminators()
      let t = peek(.command)
      if t.kind == .endOfInput || t.kind == .rCurly { return }
      guard let kw = keyword(t), let kind = namedBlockKind(kw) else {
        report(.missingNamedBlocks, t.range, tokenText(t))
        if !closedByCurly {
          advance()
          stopped = true
          rewind(to: lexer.end)
        }
        return
      }
      advance()
      let m = mark()
      skipNewlines()
      guard peek(.command).kind == .lCurly else {
        reset(m)
        report(.missingNamedStatementBlock, t.range.after, tokenText(t))
        continue
      }
      let open = advance()
      let statements = parseBlockStatements(open: open)
      let block = NamedBlockAst(
        extent: SourceRange(start: t.range.start, end: lastEnd), kind: kind,
        statements: statements.statements, isNamed: true)
      let existing: NamedBlockAst?
      switch kind {
      case .begin: existing = sb.beginBlock
      case .process: existing = sb.processBlock
      case .end: existing = sb.endBlock
      case .clean: existing = sb.cleanBlock
      case .dynamicParam: existing = sb.dynamicParamBlock
      }
      if existing != nil {
        report(.duplicateScriptCommandClause, block.extent, tokenText(t))
        continue
      }
      switch kind {
      case .begin: sb.beginBlock = block
      case .process: sb.processBlock = block
      case .end: sb.endBlock = block
      case .clean: sb.cleanBlock = block
      case .dynamicParam: sb.dynamicParamBlock = block
      }
    }
  }

  // MARK: - Statement lists and blocks

  /// statement-list: statements separated by newlines or `;`. Stops, without consuming it, at
  /// the first token that cannot start a statement (`}`, `)`, `&&`, the end, …); no terminator
  /// is required between statements, as in PowerShell.
  mutating func parseStatementList(closing: Set<TokenKind> = []) -> [StatementAst] {
    var statements: [StatementAst] = []
    while !tooDeep {
      skipTerminators()
      let t = peek(.command)
      if t.kind == .endOfInput || t.kind == .rCurly || t.kind == .rParen || closing.contains(t.kind) { break }
      let before = consumed
      guard let s = parseStatement() else {
        if consumed == before { break }
        continue
      }
      statements.append(s)
      if consumed == before { break }
    }
    return statements
  }

  /// The statements of a `{ … }` whose `{` was just consumed. A missing `}` is reported at the
  /// `{`, and whatever stands in its place is left for the enclosing rule.
  mutating func parseBlockStatements(open: Token) -> StatementBlockAst {
    guard enter() else { return StatementBlockAst(extent: open.range, statements: []) }
    defer { leave() }
    let statements = parseStatementList()
    expectClosingCurly(open: open)
    return StatementBlockAst(extent: SourceRange(start: open.range.start, end: lastEnd), statements: statements)
  }

  /// Consumes the `}` matching `open`, or reports `MissingEndCurlyBrace` at `open`.
  mutating func expectClosingCurly(open: Token) {
    let t = peek(.command)
    if t.kind == .rCurly {
      advance()
    } else if !tooDeep {
      report(.missingEndCurlyBrace, open.range, checkAt: t.range.end)
    }
  }

  /// A statement block where one is required: newlines, then `{ … }`; nil (nothing consumed but
  /// newlines) when there is no `{`.
  mutating func parseRequiredBlock() -> StatementBlockAst? {
    let m = mark()
    skipNewlines()
    guard peek(.command).kind == .lCurly else {
      reset(m)
      return nil
    }
    let open = advance()
    return parseBlockStatements(open: open)
  }

  /// `{ … }` as an expression: a script block with its own param block and named blocks.
  mutating func parseScriptBlockExpression(open: Token) -> ExpressionAst {
    guard enter() else { return ExpressionAst(extent: open.range, kind: .error([])) }
    defer { leave() }
    var sb = parseScriptBlockBody(start: open.range.start, closedByCurly: true)
    expectClosingCurly(open: open)
    sb.extent = SourceRange(start: open.range.start, end: lastEnd)
    attachBodyHelp(&sb, bodyStart: open.range.end)
    return ExpressionAst(extent: sb.extent, kind: .scriptBlock(sb))
  }

  // MARK: - Comment-based help

  /// A script's help is the first comment block before any code (or the last one after all
  /// code); `#requires` lines are collected too.
  mutating func attachScriptHelp(_ sb: inout ScriptBlockAst) {
    let comments = lexer.comments
    sb.requires = comments.filter {
      source.text($0.range).lowercased().hasPrefix("#requires")
    }
    let firstCode = firstTokenOffset(after: sb.extent.start)
    if let c = comments.first(where: { $0.range.end <= firstCode && isHelp($0) }) {
      sb.helpComment = c
    } else if let c = comments.last(where: { $0.range.start >= lexer.lastSignificantEnd && isHelp($0) }) {
      sb.helpComment = c
    }
  }

  /// A function's or script block's help at the start of its body.
  mutating func attachBodyHelp(_ sb: inout ScriptBlockAst, bodyStart: Int) {
    let firstCode = firstTokenOffset(after: bodyStart)
    if let c = lexer.comments.first(where: {
      $0.range.start >= bodyStart && $0.range.end <= firstCode && isHelp($0)
    }) {
      sb.helpComment = c
    }
  }

  /// The help comment that ends right before `offset` (at most one blank line between).
  func helpComment(endingBefore offset: Int) -> Comment? {
    guard let c = lexer.comments.last(where: { $0.range.end <= offset }), isHelp(c) else { return nil }
    var newlines = 0
    var i = c.range.end
    while i < offset {
      let v = source.scalars[i].value
      if v == 0x0A { newlines += 1 } else if !CharTraits.isWhitespace(v) && v != 0x0D { return nil }
      i += 1
    }
    return newlines <= 2 ? c : nil
  }

  /// True for a comment holding help keywords (`.SYNOPSIS`, `.DESCRIPTION`, …).
  func isHelp(_ c: Comment) -> Bool {
    let text = source.text(c.range).uppercased()
    for k in [".SYNOPSIS", ".DESCRIPTION", ".PARAMETER", ".EXAMPLE", ".NOTES", ".LINK", ".INPUTS", ".OUTPUTS"]
    where text.contains(k) {
      return true
    }
    return false
  }

  /// The offset of the first token at or after `offset` (comments and white space skipped).
  func firstTokenOffset(after offset: Int) -> Int {
    var l = Lexer(source: source, range: offset..<lexer.end)
    while true {
      let t = l.next(.command)
      if t.kind != .newline && t.kind != .semicolon { return t.range.start }
    }
  }
}
