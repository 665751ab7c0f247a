/// PowerShell's parser: hand-written recursive descent over the mode-switching `Lexer`.
///
/// The shape follows PowerShell's own `Parser.cs`: a script is a param block and named blocks;
/// a statement is a keyword statement or a pipeline; a pipeline element is first tried as an
/// expression and, failing that, read as a command (so `2+2` is 4 but `Write-Output 2+2` passes
/// the word `2+2`). Errors use PowerShell's ids and are reported at the positions PowerShell
/// reports them (usually just past the last good token); parsing then recovers and goes on, so
/// one pass reports every error in a file.
///
/// Every loop consumes a token or stops, and nesting deeper than `maxDepth` stops the parse with
/// `ScriptTooComplicated`, so no input can hang or overflow the stack.
public struct Parser {
  var lexer: Lexer
  /// The token read ahead, the mode it was read in and where scanning for it began.
  var peeked: Token?
  var peekedMode: Lexer.Mode = .expression
  var peekStart: Int = 0
  /// The same token read in the other mode (scanning start, mode, token, end of scan), reused
  /// when the parser switches back without moving.
  var otherReading: (start: Int, mode: Lexer.Mode, token: Token, after: Int)?
  /// The end of the last token consumed (line breaks aside): where "after the previous token"
  /// errors go.
  var lastEnd: Int
  /// The extent of the last token consumed (not newlines).
  var lastTokenRange: SourceRange?
  /// How many tokens have been consumed; loops compare it to make sure they progress.
  var consumed = 0
  var depth = 0
  var tooDeep = false
  /// Set when PowerShell would stop parsing the file (a stray token among named blocks).
  var stopped = false
  /// Errors with the offset at which they count as incomplete input (nil: never).
  var pending: [(error: ParseError, checkAt: Int?)] = []
  var lexerErrorsSeen = 0
  var semantic: [ParseError] = []

  /// The deepest nesting of blocks, parentheses and operators accepted.
  public static let maxDepth = 150

  init(source: SourceFile, range: Range<Int>? = nil, depth: Int = 0) {
    lexer = Lexer(source: source, range: range, nesting: depth)
    lastEnd = lexer.position
    self.depth = depth
  }

  /// The outcome of parsing a script: the tree (always built, even with errors) and the errors
  /// in the order found.
  public struct Result: Sendable {
    public var ast: ScriptBlockAst
    public var errors: [ParseError]
    public var comments: [Comment]
    public var source: SourceFile

    /// True when every error only says the input stops too early: the REPL reads another line.
    public var isIncomplete: Bool { !errors.isEmpty && errors.contains { $0.isIncompleteInput } }
  }

  /// Parses a whole script.
  public static func parse(_ source: SourceFile) -> Result {
    var p = Parser(source: source)
    let ast = p.parseScript()
    return Result(ast: ast, errors: p.finishErrors(), comments: p.lexer.comments, source: source)
  }

  /// Parses script text (for tests and `-Command`).
  public static func parse(_ text: String, path: String = "<script>") -> Result {
    parse(SourceFile(path: path, text: text))
  }

  var source: SourceFile { lexer.source }

  // MARK: - Tokens

  /// The next token in `mode`, without consuming it. Asking in another mode re-reads it.
  mutating func peek(_ mode: Lexer.Mode) -> Token {
    if let t = peeked {
      if peekedMode == mode { return t }
      // Keep this reading: the parser often switches back (statement starts are read in
      // command mode, tried as expressions, then read as commands again).
      let current = (start: peekStart, mode: peekedMode, token: t, after: lexer.position)
      if let o = otherReading, o.start == peekStart, o.mode == mode {
        otherReading = current
        lexer.position = o.after
        peeked = o.token
        peekedMode = mode
        return o.token
      }
      otherReading = current
      lexer.position = peekStart
    }
    peekStart = lexer.position
    if let o = otherReading, o.start == peekStart, o.mode == mode {
      lexer.position = o.after
      peeked = o.token
      peekedMode = mode
      return o.token
    }
    let t = lexer.next(mode)
    if lexer.errors.count > lexerErrorsSeen { drainLexerErrors() }
    peeked = t
    peekedMode = mode
    return t
  }

  /// The kind of the next token in `mode`, without copying the token.
  @inline(__always)
  mutating func peekKind(_ mode: Lexer.Mode) -> TokenKind {
    if peeked == nil || peekedMode != mode { _ = peek(mode) }
    return peeked?.kind ?? .endOfInput
  }

  /// Consumes the peeked token.
  @discardableResult
  mutating func advance() -> Token {
    // Nothing peeked (a look-ahead was undone): read the token again so that we still progress.
    if peeked == nil { _ = peek(peekedMode) }
    // `take()` moves the token out and leaves nil behind: no copy of its payload and no
    // retain/release pair, which a `let t = peeked; peeked = nil` costs on every token.
    guard let t = peeked.take() else { return Token(kind: .endOfInput, range: SourceRange(at: lexer.position)) }
    if t.kind != .endOfInput {
      consumed += 1
      // Line breaks are skipped over, not "after": PowerShell reports `After(previous element)`
      // even when newlines were skipped before the missing token (`(1⏎$b` is at `1`).
      if t.kind != .newline {
        lastEnd = t.range.end
        lastTokenRange = t.range
      }
    }
    return t
  }

  /// Consumes the next token in `mode`.
  @discardableResult
  mutating func next(_ mode: Lexer.Mode) -> Token {
    _ = peek(mode)
    return advance()
  }

  /// Drops the peeked token and moves scanning to `offset`.
  mutating func rewind(to offset: Int) {
    peeked = nil
    lexer.position = offset
  }

  /// A saved position to come back to after looking ahead.
  struct Mark {
    var position: Int
    var lastEnd: Int
    var lastTokenRange: SourceRange?
  }

  mutating func mark() -> Mark {
    if peeked != nil { return Mark(position: peekStart, lastEnd: lastEnd, lastTokenRange: lastTokenRange) }
    return Mark(position: lexer.position, lastEnd: lastEnd, lastTokenRange: lastTokenRange)
  }

  mutating func reset(_ m: Mark) {
    peeked = nil
    lexer.position = m.position
    lastEnd = m.lastEnd
    lastTokenRange = m.lastTokenRange
  }

  /// Skips newline tokens.
  mutating func skipNewlines(_ mode: Lexer.Mode = .command) {
    // `peekKind` looks at the stored token in place instead of copying it out.
    while peekKind(mode) == .newline { advance() }
  }

  /// Skips newlines and semicolons.
  mutating func skipTerminators(_ mode: Lexer.Mode = .command) {
    while true {
      let k = peekKind(mode)
      if k == .newline || k == .semicolon { advance() } else { return }
    }
  }

  /// The next token after any newlines, without consuming anything.
  mutating func peekPastNewlines(_ mode: Lexer.Mode) -> Token {
    if peekKind(mode) != .newline { return peek(mode) }
    let m = mark()
    skipNewlines(mode)
    let t = peek(mode)
    reset(m)
    // Leave the newline peeked again, as before the look-ahead.
    _ = peek(mode)
    return t
  }

  /// The empty range just past the last consumed token.
  var afterLast: SourceRange { SourceRange(at: lastEnd) }

  /// A plain bare word (not quoted, not expandable): a keyword candidate.
  func word(_ t: Token) -> String? {
    guard t.kind == .generic, case .text(let s) = lexer.value(t) else { return nil }
    let raw = t.range.length
    if s.utf8.count == raw { return s }
    return raw == s.unicodeScalars.count ? s : nil
  }

  /// The keyword a token spells, if it is a plain word.
  func keyword(_ t: Token) -> Keyword? {
    guard let w = word(t) else { return nil }
    return Keyword(word: w)
  }

  /// The text of a token as written, for `Unexpected token '…'`.
  func tokenText(_ t: Token) -> String {
    if t.kind == .endOfInput { return "" }
    return source.text(t.range)
  }

  // MARK: - Errors

  /// Records an error and returns whether it counts as incomplete input: an error PowerShell
  /// reports through `ReportIncompleteInput` whose position (`checkAt`, else the end of its
  /// extent) is followed only by white space and comments. An error identical to one already
  /// recorded (same id and position) is dropped, as PowerShell does, since re-reading a token in
  /// another mode may find it again.
  @discardableResult
  mutating func report(_ id: ParseErrorID, _ range: SourceRange, _ args: String..., checkAt: Int? = nil) -> Bool {
    let incomplete = id.canBeIncomplete && isAtEndOfScript(checkAt ?? range.end)
    if pending.contains(where: { $0.error.id == id && $0.error.range == range }) { return incomplete }
    pending.append((ParseError(id: id, message: id.message(args), range: range, isIncompleteInput: incomplete), nil))
    return incomplete
  }

  /// Records an error of the checks PowerShell runs after parsing (assignment targets,
  /// attributes, `[ref]`); these are listed after all syntax errors.
  mutating func reportSemantic(_ id: ParseErrorID, _ range: SourceRange, _ args: String...) {
    if semantic.contains(where: { $0.id == id && $0.range == range }) { return }
    semantic.append(ParseError(id: id, message: id.message(args), range: range, isIncompleteInput: false))
  }

  /// True when only white space and comments follow `offset`.
  func isAtEndOfScript(_ offset: Int) -> Bool {
    if offset >= lexer.end { return true }
    var l = Lexer(source: source, range: offset..<lexer.end)
    while true {
      let t = l.next(.command)
      if t.kind == .endOfInput { return true }
      if t.kind != .newline { return false }
    }
  }

  mutating func reportUnexpected(_ t: Token) {
    report(.unexpectedToken, t.range, tokenText(t))
  }

  /// Moves errors the lexer found since the last call into the parser's list, so that all
  /// errors stay in the order they were found.
  mutating func drainLexerErrors() {
    while lexerErrorsSeen < lexer.errors.count {
      let e = lexer.errors[lexerErrorsSeen]
      lexerErrorsSeen += 1
      pending.append((e, nil))
    }
  }

  /// Appends errors found by a nested parser (a `$(…)` inside a string).
  mutating func absorb(_ errors: [(error: ParseError, checkAt: Int?)], semantic more: [ParseError]) {
    for e in errors where !pending.contains(where: { $0.error.id == e.error.id && $0.error.range == e.error.range }) {
      pending.append(e)
    }
    semantic += more
  }

  /// The errors in the order found, then the semantic ones.
  mutating func finishErrors() -> [ParseError] {
    drainLexerErrors()
    return pending.map(\.error) + semantic
  }

  // MARK: - Depth

  /// Enters one level of nesting; false (after reporting once) when the limit is passed.
  mutating func enter() -> Bool {
    if tooDeep { return false }
    depth += 1
    if depth > Parser.maxDepth {
      tooDeep = true
      let at = peeked?.range.start ?? lexer.position
      report(.scriptTooComplicated, SourceRange(at: at), String(Parser.maxDepth))
      // Stop here: everything after is skipped.
      peeked = nil
      lexer.position = lexer.end
      return false
    }
    return true
  }

  mutating func leave() { depth -= 1 }
}
