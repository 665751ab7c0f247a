/// PowerShell's tokenizer: pulls one token at a time in the mode the parser asks for.
///
/// The same characters mean different things in *command* mode (arguments: `2+2` is one bare
/// word, `-eq` a parameter) and *expression* mode (`2+2` is three tokens, `-eq` an operator), and
/// only the parser knows which applies, so it passes the mode on every call and may move
/// `position` back to re-read a token in the other mode. Errors found while scanning (bad
/// escapes, unterminated strings) are collected in `errors`; re-reading a token does not report
/// its errors twice.
public struct Lexer: Sendable {
  public let source: SourceFile
  let s: [Unicode.Scalar]
  /// The offset scanning stops at (the end of the text, or of a `$(…)` being parsed).
  public let end: Int
  /// The offset of the next character to scan.
  public var position: Int
  public private(set) var errors: [ParseError] = []
  public private(set) var comments: [Comment] = []
  /// The decoded values of the tokens scanned, indexed by `Token.valueIndex`.
  private(set) var values: [TokenValue] = []
  /// Unbraced variable paths scanned lately, by start offset modulo `recentPathSlots`.
  var recentPaths = [(start: Int, end: Int, path: VariablePath)?](repeating: nil, count: recentPathSlots)
  static let recentPathSlots = 8
  private var errorKeys: Set<Int> = []
  /// The end of the furthest token scanned (not newlines): errors at or past it are at the end
  /// of the code, which is what makes them "incomplete input".
  public private(set) var lastSignificantEnd = 0

  /// How many `$(…)` inside strings enclose the scan position (including those of the parsers
  /// that started this lexer).
  var nesting = 0
  /// The deepest nesting of strings within `$(…)` accepted (the parser's limit).
  static let maxNesting = 150

  public init(source: SourceFile, range: Range<Int>? = nil, nesting: Int = 0) {
    self.nesting = nesting
    self.source = source
    self.s = source.scalars
    let r = range ?? 0..<source.count
    self.position = r.lowerBound
    self.end = min(r.upperBound, source.count)
  }

  /// The scanning modes the parser chooses between.
  public enum Mode: Sendable {
    case command
    case expression
  }

  // MARK: - Character access

  @inline(__always) func char(_ i: Int) -> UInt32 { i < end ? s[i].value : 0 }
  @inline(__always) var current: UInt32 { char(position) }
  @inline(__always) func peek(_ n: Int = 1) -> UInt32 { char(position + n) }
  @inline(__always) var atEnd: Bool { position >= end }

  /// Records an error unless the same one was already recorded (tokens can be re-read).
  mutating func report(
    _ id: ParseErrorID, _ range: SourceRange, _ args: String..., incomplete: Bool = false
  ) {
    let key = range.start &* 1031 &+ id.rawValue.hashValue
    if errorKeys.contains(key) { return }
    errorKeys.insert(key)
    errors.append(
      ParseError(id: id, message: id.message(args), range: range, isIncompleteInput: incomplete))
  }

  // MARK: - Trivia

  /// Skips spaces, tabs, line continuations and comments; stops at a newline or a token.
  public mutating func skipTrivia() {
    while position < end {
      let c = s[position].value
      if c == 0x20 || c == 0x09 {
        position += 1
      } else if c == 0x60 {  // backtick
        let n = peek()
        if n == 0x0A {
          position += 2
        } else if n == 0x0D {
          position += peek(2) == 0x0A ? 3 : 2
        } else if position + 1 >= end {
          // Reported where the end-of-input token sits, one past the text, as PowerShell does.
          report(.incompleteString, SourceRange(at: end + 1), incomplete: true)
          position += 1
        } else if CharTraits.isWhitespace(n) {
          position += 2
        } else {
          return
        }
      } else if c == 0x23 {  // #
        let start = position
        while position < end, !CharTraits.isNewline(s[position].value) { position += 1 }
        recordComment(SourceRange(start: start, end: position), block: false)
      } else if c == 0x3C, peek() == 0x23 {  // <#
        let start = position
        position += 2
        var closed = false
        while position < end {
          if s[position].value == 0x23, peek() == 0x3E {
            position += 2
            closed = true
            break
          }
          position += 1
        }
        if !closed {
          report(
            .missingTerminatorMultiLineComment, SourceRange(start: start, end: position), incomplete: true)
        }
        recordComment(SourceRange(start: start, end: position), block: true)
      } else if c >= 0x80, CharTraits.isWhitespace(c) || c == 0xFEFF {
        position += 1
      } else if c == 0x0B || c == 0x0C {
        position += 1
      } else {
        return
      }
    }
  }

  private mutating func recordComment(_ range: SourceRange, block: Bool) {
    if let last = comments.last, range.start < last.range.end { return }
    comments.append(Comment(range: range, isBlock: block))
  }

  // MARK: - Tokens

  /// Scans the next token in `mode`.
  public mutating func next(_ mode: Mode) -> Token {
    let t = scan(mode)
    if t.kind != .newline, t.kind != .endOfInput, t.range.end > lastSignificantEnd {
      lastSignificantEnd = t.range.end
    }
    return t
  }

  private mutating func scan(_ mode: Mode) -> Token {
    skipTrivia()
    let start = position
    guard position < end else {
      // PowerShell's end-of-input token spans one position past the text; errors reported
      // "after" it land there.
      return Token(kind: .endOfInput, range: SourceRange(at: end + 1))
    }
    let c = s[position].value
    switch c {
    case 0x0A:
      position += 1
      return tok(.newline, start)
    case 0x0D:
      position += peek() == 0x0A ? 2 : 1
      return tok(.newline, start)
    case 0x3B:
      position += 1
      return tok(.semicolon, start)
    case 0x28:
      position += 1
      return tok(.lParen, start)
    case 0x29:
      position += 1
      return tok(.rParen, start)
    case 0x7B:
      position += 1
      return tok(.lCurly, start)
    case 0x7D:
      position += 1
      return tok(.rCurly, start)
    case 0x5B:
      if mode == .command { return scanGeneric(start) }
      position += 1
      return tok(.lBracket, start)
    case 0x5D:
      if mode == .command { return scanGeneric(start) }
      position += 1
      return tok(.rBracket, start)
    case 0x2C:
      position += 1
      return tok(.comma, start)
    case 0x7C:
      position += 1
      if current == 0x7C {
        position += 1
        return tok(.orOr, start)
      }
      return tok(.pipe, start)
    case 0x26:
      position += 1
      if current == 0x26 {
        position += 1
        return tok(.andAnd, start)
      }
      return tok(.ampersand, start)
    case 0x24:
      return scanDollar(start, mode)
    case 0x40:
      return scanAt(start, mode)
    case 0x3E:
      return scanRedirection(start, from: .output)
    case 0x3C:
      position += 1
      return tok(.redirectInput, start)
    default:
      break
    }
    // A string is a whole token even in command mode: in `"abc"def` the word after the closing
    // quote is the next argument, and in `"abc".Length` the parser reads member access.
    if CharTraits.isSingleQuote(c) { return scanVerbatimString(start) }
    if CharTraits.isDoubleQuote(c) { return scanExpandableString(start) }
    if CharTraits.isDash(c) { return mode == .command ? scanDashCommand(start) : scanDashExpression(start) }
    if c >= 0x31 && c <= 0x36, peek() == 0x3E, mode == .command || startsToken(start) {
      position += 1
      return scanRedirection(start, from: RedirectionStream(rawValue: Int(c - 0x30)) ?? .output)
    }
    if c == 0x2A, peek() == 0x3E {  // *>
      position += 1
      return scanRedirection(start, from: .all)
    }
    if mode == .command {
      if c == 0x2E {  // .
        // A dot before a space, `$`, a quote or `{ (` is the dot-source operator (`. $f`,
        // `.$f`, `."my script.ps1"`); otherwise it begins a word (`.\x.ps1`, `..`, `.5`).
        let n = peek()
        if atArgumentEnd(position + 1) || n == 0x24 || n == 0x22 || n == 0x27 {
          position += 1
          return tok(.dot, start)
        }
        return scanGeneric(start)
      }
      if c == 0x3A, CharTraits.isIdentifierChar(peek()) {  // :label
        position += 1
        while position < end, CharTraits.isIdentifierChar(s[position].value) { position += 1 }
        if atArgumentEnd(position) {
          return token(
            kind: .label, range: SourceRange(start: start, end: position),
            value: .text(source.text(start + 1..<position)))
        }
        position = start
      }
      return scanGeneric(start)
    }
    return scanExpressionOperator(start, c)
  }

  @inline(__always) func tok(_ kind: TokenKind, _ start: Int) -> Token {
    Token(kind: kind, range: SourceRange(start: start, end: position))
  }

  /// A token with a value, which goes into `values`.
  mutating func token(kind: TokenKind, range: SourceRange, value: TokenValue) -> Token {
    values.append(value)
    return Token(kind: kind, range: range, valueIndex: values.count - 1)
  }

  /// The decoded value of a token this lexer scanned.
  public func value(_ t: Token) -> TokenValue {
    t.valueIndex < 0 ? .none : values[t.valueIndex]
  }

  /// The decoded text of a word, string or parameter (empty for punctuation).
  public func text(_ t: Token) -> String {
    switch value(t) {
    case .text(let s): return s
    case .expandable(let s, _): return s
    case .parameter(let name, _): return name
    case .variable(let v): return v.userPath
    case .number(let n): return n.text
    default: return ""
    }
  }

  /// True when the character before `offset` is not part of a preceding token.
  func startsToken(_ offset: Int) -> Bool {
    offset == 0 || CharTraits.isWhitespace(s[offset - 1].value)
      || CharTraits.isNewline(s[offset - 1].value)
  }

  /// True when an argument ends at `offset` (the next character cannot continue a bare word).
  func atArgumentEnd(_ offset: Int) -> Bool {
    offset >= end || CharTraits.endsGenericToken(s[offset].value)
  }

  // MARK: - Expression-mode operators

  private mutating func scanExpressionOperator(_ start: Int, _ c: UInt32) -> Token {
    position += 1
    let n = current
    switch c {
    case 0x2B:  // +
      if n == 0x2B { position += 1; return tok(.plusPlus, start) }
      if n == 0x3D { position += 1; return tok(.plusEquals, start) }
      return tok(.plus, start)
    case 0x2A:  // *
      if n == 0x3D { position += 1; return tok(.multiplyEquals, start) }
      return tok(.multiply, start)
    case 0x2F:  // /
      if n == 0x3D { position += 1; return tok(.divideEquals, start) }
      return tok(.divide, start)
    case 0x25:  // %
      if n == 0x3D { position += 1; return tok(.remainderEquals, start) }
      return tok(.remainder, start)
    case 0x3D:
      return tok(.equals, start)
    case 0x21:
      return tok(.exclaim, start)
    case 0x3F:  // ?
      if n == 0x3F {
        position += 1
        if current == 0x3D { position += 1; return tok(.questionQuestionEquals, start) }
        return tok(.questionQuestion, start)
      }
      // `?.` and `?[` are recognised by the parser right after an operand, not here.
      return tok(.questionMark, start)
    case 0x3A:  // :
      if n == 0x3A { position += 1; return tok(.colonColon, start) }
      return tok(.colon, start)
    case 0x2E:  // .
      if n == 0x2E { position += 1; return tok(.dotDot, start) }
      if CharTraits.isDigit(n) {
        position = start
        return scanNumberExpression(start)
      }
      return tok(.dot, start)
    default:
      position = start
      if CharTraits.isDigit(c) { return scanNumberExpression(start) }
      return scanGeneric(start)
    }
  }

  // MARK: - Dash

  /// Command mode: `-Name`, `-Name:`, `--`, `--%`, `-5`, or a bare word.
  private mutating func scanDashCommand(_ start: Int) -> Token {
    let n = peek()
    if CharTraits.isLetter(n) || n == 0x5F || n == 0x3F {
      position += 1
      while position < end, !CharTraits.endsParameterName(s[position].value) {
        if CharTraits.isQuote(s[position].value) { return rescanGeneric(start) }
        position += 1
      }
      let name = source.text(start + 1..<position)
      var colon = false
      if current == 0x3A {
        position += 1
        colon = true
      }
      return token(
        kind: .parameter, range: SourceRange(start: start, end: position),
        value: .parameter(name: name, colon: colon))
    }
    if CharTraits.isDash(n) {
      if peek(2) == 0x25, atArgumentEnd(position + 3) {
        position += 3
        return tok(.stopParsing, start)
      }
      if atArgumentEnd(position + 2) {
        position += 2
        return tok(.minusMinus, start)
      }
    }
    return scanGeneric(start)
  }

  /// Expression mode: `-eq` and friends, `-=`, `--`, or `-`. A dash and ASCII letters that name
  /// no operator (`1 -foo 2`) make a parameter token, which the parser reports as unexpected.
  private mutating func scanDashExpression(_ start: Int) -> Token {
    position += 1
    let n = current
    if n == 0x3D {
      position += 1
      return tok(.minusEquals, start)
    }
    if CharTraits.isDash(n) {
      position += 1
      return tok(.minusMinus, start)
    }
    var p = position
    while p < end, s[p].value < 0x80, CharTraits.isLetter(s[p].value) { p += 1 }
    if p > position {
      let word = source.text(position..<p)
      position = p
      if let op = DashOperator(word: word) {
        return token(kind: .dashOperator, range: SourceRange(start: start, end: p), value: .dashOperator(op))
      }
      return token(
        kind: .parameter, range: SourceRange(start: start, end: p), value: .parameter(name: word, colon: false))
    }
    return tok(.minus, start)
  }
}
