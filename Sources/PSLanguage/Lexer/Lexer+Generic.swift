extension Lexer {
  /// Scans a bare word (PowerShell's generic token) from `start`: everything up to white space
  /// or one of `{ } ( ) ; , | &`, with quoted pieces, backtick escapes and `$` expansions
  /// spliced in (`<`, `>`, `#` and `@` inside a word are ordinary characters). In command mode a plain word that reads as a number is a number (`10kb`), and a
  /// word is expandable when it contains `$`.
  mutating func scanGeneric(_ start: Int) -> Token {
    if let fast = scanPlainWord(start) { return fast }
    position = start
    var parts = StringPartsBuilder()
    var plain = true
    while position < end {
      let c = s[position].value
      if CharTraits.endsGenericToken(c) { break }
      if c == 0x60 {  // backtick
        if position + 1 >= end {
          // At the end of the text the backtick is kept, without an error.
          parts.append(s[position])
          position += 1
          continue
        }
        if CharTraits.isNewline(peek()) { break }  // line continuation
        // Escapes are decoded as in double-quoted strings: a`tb is "a<tab>b".
        plain = false
        scanBacktickEscape(into: &parts)
        continue
      }
      if CharTraits.isQuote(c) {
        // A quoted piece inside a bare word (`a'$b'`, `x"$y"z`) is spliced in.
        plain = false
        scanQuotedBody(position, verbatim: CharTraits.isSingleQuote(c), into: &parts)
        continue
      }
      if c == 0x24, scanStringExpansion(into: &parts) {
        plain = false
        continue
      }
      parts.append(s[position])
      position += 1
    }
    if position == start {
      // Never stall: a lone character no rule takes becomes a one-character word.
      parts.append(s[position])
      position += 1
    }
    let range = SourceRange(start: start, end: position)
    if plain, !parts.hasExpansion {
      let text = parts.literalText
      if let first = text.unicodeScalars.first?.value,
        CharTraits.isDigit(first) || first == 0x2E || CharTraits.isDash(first) || first == 0x2B,
        let value = NumberParser.parse(text)
      {
        return token(kind: .number, range: range, value: .number(NumberLiteral(text: text, value: value)))
      }
      return token(kind: .generic, range: range, value: .text(text))
    }
    return token(kind: .generic, range: range, value: parts.value(range, source))
  }

  /// The common case of a bare word with no quotes, backticks or `$`: its text is a plain slice
  /// of the source, with no per-character building. Nil when the word needs the full scan.
  @inline(__always)
  mutating func scanPlainWord(_ start: Int) -> Token? {
    var p = start
    while p < end {
      let c = s[p].value
      if CharTraits.endsGenericToken(c) { break }
      if c == 0x60 || c == 0x24 || CharTraits.isQuote(c) { return nil }
      p += 1
    }
    guard p > start else { return nil }
    position = p
    let range = SourceRange(start: start, end: p)
    let text = source.text(start..<p)
    let first = s[start].value
    if CharTraits.isDigit(first) || first == 0x2E || CharTraits.isDash(first) || first == 0x2B,
      let value = NumberParser.parse(text)
    {
      return token(kind: .number, range: range, value: .number(NumberLiteral(text: text, value: value)))
    }
    return token(kind: .generic, range: range, value: .text(text))
  }

  /// Re-reads the token at `start` as a bare word (`$a+2`, `-foo"bar"` in command mode).
  mutating func rescanGeneric(_ start: Int) -> Token {
    position = start
    return scanGeneric(start)
  }

  // MARK: - Numbers

  /// A number in expression mode, scanned as PowerShell's `ScanNumberHelper` does: digits (hex,
  /// binary, or decimal with fraction and exponent), at most one type suffix (`u` may take a
  /// second letter: `ul us uy`), then a multiplier (`kb`…`pb`), and then a character that ends a
  /// number (white space, an operator, a bracket). Anything else (`7z`, `1gbus`) makes the text a
  /// bare word. Text of number shape whose value its type cannot hold (`128y`, `1usgb`) is a
  /// `BadNumericConstant`, reported at the end of the literal.
  mutating func scanNumberExpression(_ start: Int) -> Token {
    var p = start
    var notNumber = false
    func lower(_ c: UInt32) -> UInt32 { c >= 0x41 && c <= 0x5A ? c + 0x20 : c }
    func digits(_ pred: (UInt32) -> Bool) -> Int {
      let from = p
      while p < end, pred(s[p].value) { p += 1 }
      return p - from
    }
    func exponent() {  // just past the `e`
      if char(p) == 0x2B || CharTraits.isDash(char(p)) { p += 1 }
      if digits(CharTraits.isDigit) == 0 { notNumber = true }
    }
    if char(p) == 0x2E {  // .5
      p += 1
      _ = digits(CharTraits.isDigit)
      if lower(char(p)) == 0x65 {
        p += 1
        exponent()
      }
    } else if char(p) == 0x30, lower(char(p + 1)) == 0x78 {  // 0x
      p += 2
      _ = digits(CharTraits.isHexDigit)
    } else if char(p) == 0x30, lower(char(p + 1)) == 0x62 {  // 0b
      p += 2
      if digits({ $0 == 0x30 || $0 == 0x31 }) == 0 { notNumber = true }
    } else {
      _ = digits(CharTraits.isDigit)
      if char(p) == 0x2E {
        if char(p + 1) != 0x2E {  // `1..5` is a range
          p += 1
          _ = digits(CharTraits.isDigit)
          if lower(char(p)) == 0x65 {
            p += 1
            exponent()
          }
        }
      } else if lower(char(p)) == 0x65 {
        p += 1
        exponent()
      }
    }
    // Type suffix: d l n s u y, and after `u` one of l s y.
    func isTypeSuffix(_ c: UInt32) -> Bool {
      switch lower(c) {
      case 0x64, 0x6C, 0x6E, 0x73, 0x75, 0x79: return true
      default: return false
      }
    }
    if isTypeSuffix(char(p)) {
      let first = lower(char(p))
      p += 1
      if isTypeSuffix(char(p)) {
        let second = lower(char(p))
        p += 1
        if first != 0x75 || !(second == 0x6C || second == 0x73 || second == 0x79) { notNumber = true }
      }
    }
    // Multiplier: kb mb gb tb pb.
    switch lower(char(p)) {
    case 0x6B, 0x6D, 0x67, 0x74, 0x70:
      p += 1
      if lower(char(p)) == 0x62 { p += 1 } else { notNumber = true }
    default:
      break
    }
    // What may follow a number in expression mode.
    let next = char(p)
    let ends: Bool
    switch next {
    case 0, 0x21, 0x23, 0x25, 0x2A, 0x2B, 0x2D, 0x2E, 0x2F, 0x3C, 0x3D, 0x3E, 0x5D, 0x3F, 0x3A:
      ends = true  // NUL ! # % * + - . / < = > ] ? :
    default:
      ends = CharTraits.endsGenericToken(next) || CharTraits.isDash(next)
    }
    if notNumber || !ends { return scanGeneric(start) }
    let text = source.text(start..<p)
    position = p
    guard let value = NumberParser.parse(text) else {
      report(.badNumericConstant, SourceRange(at: p), text)
      return token(
        kind: .number, range: SourceRange(start: start, end: p),
        value: .number(NumberLiteral(text: text, value: .int32(0))))
    }
    return token(
      kind: .number, range: SourceRange(start: start, end: p),
      value: .number(NumberLiteral(text: text, value: value)))
  }

  // MARK: - Redirections

  /// `>`, `>>`, `>&1` after the stream prefix; `position` is at the `>`.
  mutating func scanRedirection(_ start: Int, from: RedirectionStream) -> Token {
    position += 1
    var append = false
    var merge: RedirectionStream?
    if current == 0x3E {
      append = true
      position += 1
    } else if current == 0x26, let to = RedirectionStream(rawValue: Int(peek()) - 0x30),
      peek() >= 0x31 && peek() <= 0x36
    {
      merge = to
      position += 2
    }
    return token(
      kind: .redirection, range: SourceRange(start: start, end: position),
      value: .redirection(RedirectionToken(from: from, mergeTo: merge, append: append)))
  }

  // MARK: - Member and type names

  /// A member name right after `.`, `::` or `?.`: an identifier, or nil when none follows.
  /// (Quoted names, `$var` and `(…)` names are read by the parser as ordinary tokens.)
  public mutating func scanMemberName() -> Token? {
    let start = position
    var p = position
    while p < end, CharTraits.isIdentifierChar(s[p].value) { p += 1 }
    guard p > start else { return nil }
    position = p
    return token(
      kind: .identifier, range: SourceRange(start: start, end: p),
      value: .text(source.text(start..<p)))
  }

  /// A type name after `[` (or `,` inside generic arguments): `System.Net.IPAddress`,
  /// ``List`1``; white space before it is skipped. Nil when no name follows.
  public mutating func scanTypeName() -> Token? {
    var p = position
    while p < end, CharTraits.isWhitespace(s[p].value) { p += 1 }
    let start = p
    // A type name starts with a letter or `_` (`[0]` is no type).
    guard p < end, CharTraits.isLetter(s[p].value) || s[p].value == 0x5F else { return nil }
    while p < end {
      let c = s[p].value
      if CharTraits.isIdentifierChar(c) || c == 0x2E || c == 0x60 || c == 0x2B || c == 0x23 {
        p += 1
      } else {
        break
      }
    }
    guard p > start else { return nil }
    position = p
    return token(
      kind: .identifier, range: SourceRange(start: start, end: p),
      value: .text(source.text(start..<p)))
  }

  /// A hashtable key written as a bare word (`@{ Name = 1 }`); nil when none follows.
  public mutating func scanHashKeyWord() -> Token? {
    let start = position
    var p = position
    while p < end {
      let c = s[p].value
      if CharTraits.endsGenericToken(c) || c == 0x3D || CharTraits.isQuote(c) || c == 0x24 { break }
      p += 1
    }
    guard p > start else { return nil }
    position = p
    return token(
      kind: .generic, range: SourceRange(start: start, end: p), value: .text(source.text(start..<p)))
  }
}
