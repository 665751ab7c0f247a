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
      // (The end-of-input token sits one past the text; a block's extent stays inside it.)
      let bodyStart = min(peek(.command).range.start, lexer.end)
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
      guard peekKind(.command) == .lCurly else {
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
    guard peekKind(.command) == .lCurly else {
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
    if let c = firstHelpBlock(from: sb.extent.start, before: firstCode) {
      sb.helpComment = c
    } else if let i = comments.lastIndex(where: { $0.range.start >= lexer.lastSignificantEnd }) {
      let c = lineCommentRun(endingAt: i)
      if c.range.start >= lexer.lastSignificantEnd, isHelp(c) { sb.helpComment = c }
    }
  }

  /// A function's or script block's help at the start of its body.
  mutating func attachBodyHelp(_ sb: inout ScriptBlockAst, bodyStart: Int) {
    let firstCode = firstTokenOffset(after: bodyStart)
    if let c = firstHelpBlock(from: bodyStart, before: firstCode) {
      sb.helpComment = c
    }
  }

  /// The help comment that ends right before `offset` (at most one blank line between).
  func helpComment(endingBefore offset: Int) -> Comment? {
    guard let i = lexer.comments.lastIndex(where: { $0.range.end <= offset }) else { return nil }
    let c = lineCommentRun(endingAt: i)
    guard isHelp(c) else { return nil }
    var newlines = 0
    var p = c.range.end
    while p < offset {
      let v = source.scalars[p].value
      if v == 0x0A { newlines += 1 } else if !CharTraits.isWhitespace(v) && v != 0x0D { return nil }
      p += 1
    }
    return newlines <= 2 ? c : nil
  }

  /// The first help block (a block comment, or a run of line comments) between `start` and
  /// `end`.
  func firstHelpBlock(from start: Int, before end: Int) -> Comment? {
    let comments = lexer.comments
    // Comments are recorded in order, so the first one at `start` is found by bisection; a
    // linear search from the first comment made every script block cost O(comments so far).
    var i = 0
    var hi = comments.count
    while i < hi {
      let mid = (i + hi) / 2
      if comments[mid].range.start < start { i = mid + 1 } else { hi = mid }
    }
    while i < comments.count, comments[i].range.end <= end {
      let (c, next) = lineCommentRun(startingAt: i)
      if isHelp(c) { return c }
      i = next
    }
    return nil
  }

  /// The last help block (a block comment, or a run of line comments) between `start` and `end`.
  func lastHelpBlock(from start: Int, before end: Int) -> Comment? {
    let comments = lexer.comments
    guard let i = comments.lastIndex(where: { $0.range.end <= end }), comments[i].range.start >= start else { return nil }
    let c = lineCommentRun(endingAt: i)
    return c.range.start >= start && isHelp(c) ? c : nil
  }

  /// PowerShell reads consecutive `#` lines as one help block: the comment at `index` merged with
  /// the line comments on the lines right after it, and the index of the next comment.
  func lineCommentRun(startingAt index: Int) -> (Comment, Int) {
    let comments = lexer.comments
    var c = comments[index]
    var j = index + 1
    guard !c.isBlock else { return (c, j) }
    while j < comments.count, !comments[j].isBlock, onlyOneLineBreak(from: c.range.end, to: comments[j].range.start) {
      c = Comment(range: SourceRange(start: c.range.start, end: comments[j].range.end), isBlock: false)
      j += 1
    }
    return (c, j)
  }

  /// The comment at `index` merged with the line comments on the lines right before it.
  func lineCommentRun(endingAt index: Int) -> Comment {
    let comments = lexer.comments
    var c = comments[index]
    guard !c.isBlock else { return c }
    var j = index - 1
    while j >= 0, !comments[j].isBlock, onlyOneLineBreak(from: comments[j].range.end, to: c.range.start) {
      c = Comment(range: SourceRange(start: comments[j].range.start, end: c.range.end), isBlock: false)
      j -= 1
    }
    return c
  }

  /// True when the text between two offsets is blanks around exactly one line break.
  func onlyOneLineBreak(from a: Int, to b: Int) -> Bool {
    var breaks = 0
    var p = a
    while p < b {
      let v = source.scalars[p].value
      if v == 0x0A {
        breaks += 1
      } else if v != 0x0D && !CharTraits.isWhitespace(v) {
        return false
      }
      p += 1
    }
    return breaks == 1
  }

  /// True for a comment holding help keywords (`.SYNOPSIS`, `.DESCRIPTION`, …).
  func isHelp(_ c: Comment) -> Bool {
    // One pass over the comment: a `.` followed by a help keyword, in any case.
    let s = source.scalars
    var i = c.range.start
    while i < c.range.end {
      if s[i] == ".", i + 1 < c.range.end, CharTraits.isLetter(s[i + 1].value) {
        var j = i + 1
        var word = ""
        while j < c.range.end, j - i <= 12, CharTraits.isLetter(s[j].value) {
          word.unicodeScalars.append(s[j])
          j += 1
        }
        if Self.helpKeywords.contains(word.uppercased()) { return true }
        i = j
      } else {
        i += 1
      }
    }
    return false
  }

  static let helpKeywords: Set<String> = [
    "SYNOPSIS", "DESCRIPTION", "PARAMETER", "EXAMPLE", "NOTES", "LINK", "INPUTS", "OUTPUTS",
  ]

  /// The offset of the first token at or after `offset` (comments and white space skipped).
  func firstTokenOffset(after offset: Int) -> Int {
    var l = Lexer(source: source, range: offset..<lexer.end)
    while true {
      let t = l.next(.command)
      if t.kind != .newline && t.kind != .semicolon { return t.range.start }
    }
  }
}
