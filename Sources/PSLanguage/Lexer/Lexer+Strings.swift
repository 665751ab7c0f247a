extension Lexer {
  // MARK: - Verbatim strings

  /// `'text'`: only `''` is special.
  mutating func scanVerbatimString(_ start: Int) -> Token {
    if let fast = scanPlainString(start, verbatim: true) { return fast }
    var parts = StringPartsBuilder()
    scanQuotedBody(start, verbatim: true, into: &parts)
    return token(
      kind: .stringLiteral, range: SourceRange(start: start, end: position), value: .text(parts.literalText))
  }

  // MARK: - Expandable strings

  /// `"text"`: backtick escapes, `""`, and `$var` / `$(…)` expansions.
  mutating func scanExpandableString(_ start: Int) -> Token {
    if let fast = scanPlainString(start, verbatim: false) { return fast }
    var parts = StringPartsBuilder()
    scanQuotedBody(start, verbatim: false, into: &parts)
    let range = SourceRange(start: start, end: position)
    return token(kind: .stringExpandable, range: range, value: parts.value(range, source))
  }

  /// Reads a quoted string whose opening quote is at `start` into `parts`, up to and including
  /// its closing quote: a doubled quote stands for one; in double quotes, backtick escapes and
  /// `$` expansions are decoded. Shared by strings and the quoted pieces of bare words. An
  /// unterminated string is reported at its opening quote.
  mutating func scanQuotedBody(_ start: Int, verbatim: Bool, into parts: inout StringPartsBuilder) {
    position = start + 1
    while position < end {
      let c = s[position].value
      if verbatim ? CharTraits.isSingleQuote(c) : CharTraits.isDoubleQuote(c) {
        if verbatim ? CharTraits.isSingleQuote(peek()) : CharTraits.isDoubleQuote(peek()) {
          parts.append(s[position])
          position += 2
          continue
        }
        position += 1
        return
      }
      if !verbatim, c == 0x60 {
        scanBacktickEscape(into: &parts)
        continue
      }
      if !verbatim, c == 0x24, scanStringExpansion(into: &parts) { continue }
      parts.append(s[position])
      position += 1
    }
    report(.terminatorExpectedAtEndOfString, SourceRange(at: start), verbatim ? "'" : "\"", incomplete: true)
  }

  /// The common case of a quoted string with nothing to decode (no doubled quote, and for
  /// double quotes no backtick or `$`): its value is a slice of the source. Nil otherwise.
  @inline(__always)
  mutating func scanPlainString(_ start: Int, verbatim: Bool) -> Token? {
    var p = start + 1
    while p < end {
      let c = s[p].value
      if verbatim ? CharTraits.isSingleQuote(c) : CharTraits.isDoubleQuote(c) {
        if p + 1 < end, verbatim ? CharTraits.isSingleQuote(s[p + 1].value) : CharTraits.isDoubleQuote(s[p + 1].value) {
          return nil
        }
        position = p + 1
        return token(
          kind: verbatim ? .stringLiteral : .stringExpandable, range: SourceRange(start: start, end: p + 1),
          value: .text(source.text(start + 1..<p)))
      }
      if !verbatim, c == 0x60 || c == 0x24 { return nil }
      p += 1
    }
    return nil
  }

  /// Decodes one backtick escape at `position` (which holds the backtick).
  mutating func scanBacktickEscape(into parts: inout StringPartsBuilder) {
    let tick = position
    position += 1
    guard position < end else {
      parts.append("`")
      return
    }
    let c = s[position].value
    position += 1
    switch c {
    case 0x30: parts.append("\u{0}")
    case 0x61: parts.append("\u{7}")
    case 0x62: parts.append("\u{8}")
    case 0x65: parts.append("\u{1B}")
    case 0x66: parts.append("\u{C}")
    case 0x6E: parts.append("\n")
    case 0x72: parts.append("\r")
    case 0x74: parts.append("\t")
    case 0x76: parts.append("\u{B}")
    case 0x75: scanUnicodeEscape(tick: tick, into: &parts)
    default: parts.append(s[position - 1])
    }
  }

  /// `` `u{XXXX} ``: one to six hex digits; `position` is just past the `u`.
  private mutating func scanUnicodeEscape(tick: Int, into parts: inout StringPartsBuilder) {
    guard current == 0x7B else {
      report(.invalidUnicodeEscapeSequence, SourceRange(at: tick))
      parts.append("u")
      return
    }
    position += 1
    let firstDigit = position
    var value: UInt32 = 0
    var digits = 0
    while true {
      if position >= end {
        if digits == 6 {
          report(.missingUnicodeEscapeSequenceTerminator, SourceRange(at: position))
        } else {
          report(.invalidUnicodeEscapeSequence, SourceRange(at: position))
        }
        return
      }
      let c = s[position].value
      if CharTraits.isHexDigit(c) {
        if digits == 6 {
          report(.tooManyDigitsInUnicodeEscapeSequence, SourceRange(at: position))
          return
        }
        value = value * 16 + CharTraits.hexValue(c)
        digits += 1
        position += 1
      } else if c == 0x7D {
        if digits == 0 {
          report(.invalidUnicodeEscapeSequence, SourceRange(at: tick))
          position += 1
          return
        }
        position += 1
        if value > 0x10FFFF {
          report(.invalidUnicodeEscapeSequenceValue, SourceRange(at: firstDigit))
        } else if let u = Unicode.Scalar(value) {
          parts.append(u)
        } else {
          parts.append("\u{FFFD}")  // a lone surrogate has no scalar; PowerShell keeps it
        }
        return
      } else {
        report(.invalidUnicodeEscapeSequence, SourceRange(at: position))
        return
      }
    }
  }

  /// At a `$` inside an expandable string: records `$name`, `${name}` or `$(…)` and returns true,
  /// or returns false when the `$` is literal (followed by a space, a quote, …).
  mutating func scanStringExpansion(into parts: inout StringPartsBuilder) -> Bool {
    let start = position
    let n = peek()
    if n == 0x28 {  // $(
      position += 2
      let innerStart = position
      let innerEnd = skipBalancedParentheses()
      let r = SourceRange(start: start, end: position)
      parts.appendPart(.subexpression(range: r, inner: SourceRange(start: innerStart, end: innerEnd)))
      return true
    }
    guard let path = scanVariablePath(inString: true) else { return false }
    parts.appendPart(.variable(path, SourceRange(start: start, end: position)))
    return true
  }

  /// Skips a `$(…)` body starting just after the `(`; returns the offset of the closing `)` (or
  /// the end of text) and leaves `position` after it.
  mutating func skipBalancedParentheses() -> Int {
    // Strings nest inside `$(…)` inside strings: bound the recursion like the parser's.
    nesting += 1
    defer { nesting -= 1 }
    if nesting > Lexer.maxNesting {
      report(.scriptTooComplicated, SourceRange(at: position), String(Lexer.maxNesting))
      position = end
      return end
    }
    var depth = 1
    while true {
      let t = next(.expression)
      switch t.kind {
      case .endOfInput:
        return t.range.start
      case .lParen, .dollarParen, .atParen:
        depth += 1
      case .rParen:
        depth -= 1
        if depth == 0 { return t.range.start }
      default:
        break
      }
    }
  }

  // MARK: - Here-strings

  /// `@'…'@` and `@"…"@`; `position` is at the `@`.
  mutating func scanHereString(_ start: Int, expandable: Bool) -> Token {
    position += 2
    // Only white space may follow the header on its line.
    var p = position
    while p < end, CharTraits.isWhitespace(s[p].value) { p += 1 }
    if p < end, !CharTraits.isNewline(s[p].value) {
      report(.unexpectedCharactersAfterHereStringHeader, SourceRange(at: p))
      while p < end, !CharTraits.isNewline(s[p].value) { p += 1 }
    }
    if p < end, s[p].value == 0x0D { p += 1 }
    if p < end, s[p].value == 0x0A { p += 1 }
    position = p
    let bodyStart = p
    // Find the footer: a line starting with '@ or "@.
    var footer: Int?
    var indentedFooter: Int?
    var lineStart = bodyStart
    while lineStart <= end {
      if lineStart + 1 < end + 1, lineStart < end {
        let q = s[lineStart].value
        if (expandable ? CharTraits.isDoubleQuote(q) : CharTraits.isSingleQuote(q)),
          char(lineStart + 1) == 0x40, lineStart > bodyStart || lineStart == bodyStart
        {
          footer = lineStart
          break
        }
        var w = lineStart
        while w < end, CharTraits.isWhitespace(s[w].value) { w += 1 }
        if w > lineStart, w < end, indentedFooter == nil,
          expandable ? CharTraits.isDoubleQuote(s[w].value) : CharTraits.isSingleQuote(s[w].value),
          char(w + 1) == 0x40
        {
          indentedFooter = w
        }
      }
      var e = lineStart
      while e < end, !CharTraits.isNewline(s[e].value) { e += 1 }
      if e >= end { break }
      e += (s[e].value == 0x0D && char(e + 1) == 0x0A) ? 2 : 1
      lineStart = e
    }
    guard let f = footer else {
      if let w = indentedFooter {
        report(.whitespaceBeforeHereStringFooter, SourceRange(at: w), incomplete: true)
      } else {
        report(
          .terminatorExpectedAtEndOfString, SourceRange(at: start), expandable ? "\"@" : "'@",
          incomplete: true)
      }
      position = end
      let body = source.text(bodyStart..<end)
      return token(
        kind: expandable ? .hereStringExpandable : .hereStringLiteral,
        range: SourceRange(start: start, end: end), value: .text(body))
    }
    // The body excludes the line break before the footer.
    var bodyEnd = f
    if bodyEnd > bodyStart, s[bodyEnd - 1].value == 0x0A { bodyEnd -= 1 }
    if bodyEnd > bodyStart, s[bodyEnd - 1].value == 0x0D { bodyEnd -= 1 }
    let tokenEnd = f + 2
    if !expandable {
      position = tokenEnd
      return token(
        kind: .hereStringLiteral, range: SourceRange(start: start, end: tokenEnd),
        value: .text(source.text(bodyStart..<bodyEnd)))
    }
    var parts = StringPartsBuilder()
    position = bodyStart
    while position < bodyEnd {
      let c = s[position].value
      if c == 0x60 {
        scanBacktickEscape(into: &parts)
        continue
      }
      if c == 0x24, scanStringExpansion(into: &parts) { continue }
      parts.append(s[position])
      position += 1
    }
    position = tokenEnd
    let range = SourceRange(start: start, end: tokenEnd)
    return token(kind: .hereStringExpandable, range: range, value: parts.value(range, source))
  }
}

/// Accumulates the literal text and expansions of an expandable string or bare word.
///
/// The literal text is kept as UTF-8 bytes, not a `String.UnicodeScalarView`: appending one
/// scalar to a string view goes through the general string-append path (≈ 150 instructions a
/// character, the largest single cost of lexing strings), while appending a byte to an array is
/// a few. The bytes come from whole scalars, so decoding them gives exactly the same text.
struct StringPartsBuilder {
  var utf8: [UInt8] = []
  var parts: [StringPart] = []
  var hasExpansion = false

  /// The literal text gathered since the last expansion.
  var literalText: String { String(decoding: utf8, as: UTF8.self) }

  mutating func append(_ c: Unicode.Scalar) {
    if c.value < 0x80 { utf8.append(UInt8(truncatingIfNeeded: c.value)) } else { utf8.append(contentsOf: c.utf8) }
  }
  mutating func append(_ s: String) { utf8.append(contentsOf: s.utf8) }

  mutating func appendPart(_ part: StringPart) {
    if !utf8.isEmpty {
      parts.append(.literal(literalText))
      utf8.removeAll(keepingCapacity: true)
    }
    parts.append(part)
    hasExpansion = true
  }

  /// The token's value: a plain string when nothing expands, else the parts with the raw text.
  mutating func value(_ range: SourceRange, _ source: SourceFile) -> TokenValue {
    if !hasExpansion { return .text(literalText) }
    if !utf8.isEmpty { parts.append(.literal(literalText)) }
    return .expandable(template: source.text(range), parts: parts)
  }
}
