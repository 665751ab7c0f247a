extension Lexer {
  /// Scans a bare word (PowerShell's generic token) from `start`: everything up to white space
  /// or one of `{ } ( ) ; , | & < >`, with quoted pieces, backtick escapes and `$` expansions
  /// spliced in. In command mode a plain word that reads as a number is a number (`10kb`), and a
  /// word is expandable when it contains `$`.
  mutating func scanGeneric(_ start: Int) -> Token {
    position = start
    var parts = StringPartsBuilder()
    var plain = true
    while position < end {
      let c = s[position].value
      if CharTraits.endsGenericToken(c) { break }
      if c == 0x60 {  // backtick
        let n = peek()
        if position + 1 >= end || CharTraits.isNewline(n) { break }
        plain = false
        parts.append(s[position + 1])
        position += 2
        continue
      }
      if CharTraits.isSingleQuote(c) {
        plain = false
        position += 1
        let qStart = position - 1
        var closed = false
        while position < end {
          let q = s[position].value
          if CharTraits.isSingleQuote(q) {
            if CharTraits.isSingleQuote(peek()) {
              parts.append(s[position])
              position += 2
              continue
            }
            position += 1
            closed = true
            break
          }
          parts.append(s[position])
          position += 1
        }
        if !closed {
          report(.terminatorExpectedAtEndOfString, SourceRange(at: qStart), "'", incomplete: true)
        }
        continue
      }
      if CharTraits.isDoubleQuote(c) {
        plain = false
        let qStart = position
        position += 1
        var closed = false
        while position < end {
          let q = s[position].value
          if CharTraits.isDoubleQuote(q) {
            if CharTraits.isDoubleQuote(peek()) {
              parts.append(s[position])
              position += 2
              continue
            }
            position += 1
            closed = true
            break
          }
          if q == 0x60 {
            scanBacktickEscape(into: &parts)
            continue
          }
          if q == 0x24, scanStringExpansion(into: &parts) { continue }
          parts.append(s[position])
          position += 1
        }
        if !closed {
          report(.terminatorExpectedAtEndOfString, SourceRange(at: qStart), "\"", incomplete: true)
        }
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
      let text = String(parts.literal)
      if let first = text.unicodeScalars.first?.value,
        CharTraits.isDigit(first) || first == 0x2E || CharTraits.isDash(first) || first == 0x2B,
        let value = NumberParser.parse(text)
      {
        return Token(kind: .number, range: range, value: .number(NumberLiteral(text: text, value: value)))
      }
      return Token(kind: .generic, range: range, value: .text(text))
    }
    return parts.token(.generic, range, source)
  }

  /// Re-reads the token at `start` as a bare word (`"abc"def`, `$a+2` in command mode).
  mutating func rescanGeneric(_ start: Int) -> Token {
    position = start
    return scanGeneric(start)
  }

  // MARK: - Numbers

  /// A number in expression mode; when letters run on (`7z`), a bare word instead.
  mutating func scanNumberExpression(_ start: Int) -> Token {
    var p = start
    func digits(_ pred: (UInt32) -> Bool) {
      while p < end, pred(s[p].value) { p += 1 }
    }
    if char(p) == 0x30, char(p + 1) | 0x20 == 0x78 {  // 0x
      p += 2
      digits(CharTraits.isHexDigit)
    } else if char(p) == 0x30, char(p + 1) | 0x20 == 0x62, char(p + 2) == 0x30 || char(p + 2) == 0x31 {
      p += 2
      digits { $0 == 0x30 || $0 == 0x31 }
    } else {
      digits(CharTraits.isDigit)
      if char(p) == 0x2E, CharTraits.isDigit(char(p + 1)) {
        p += 1
        digits(CharTraits.isDigit)
      }
      if char(p) | 0x20 == 0x65 {
        var q = p + 1
        if char(q) == 0x2B || CharTraits.isDash(char(q)) { q += 1 }
        if CharTraits.isDigit(char(q)) {
          p = q
          digits(CharTraits.isDigit)
        }
      }
    }
    // Type suffix and multiplier letters.
    while p < end, CharTraits.isLetter(s[p].value), s[p].value < 0x80 { p += 1 }
    let text = source.text(start..<p)
    // `7z`, `1abc`, `2nd_try`: letters that make no suffix turn the whole thing into a word.
    if p < end, CharTraits.isIdentifierChar(s[p].value) { return scanGeneric(start) }
    guard let value = NumberParser.parse(text) else {
      if text.unicodeScalars.contains(where: { CharTraits.isLetter($0.value) }) {
        return scanGeneric(start)
      }
      position = p
      report(.badNumericConstant, SourceRange(start: start, end: p), text)
      return Token(
        kind: .number, range: SourceRange(start: start, end: p),
        value: .number(NumberLiteral(text: text, value: .int32(0))))
    }
    position = p
    return Token(
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
    return Token(
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
    return Token(
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
    return Token(
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
    return Token(
      kind: .generic, range: SourceRange(start: start, end: p), value: .text(source.text(start..<p)))
  }
}
