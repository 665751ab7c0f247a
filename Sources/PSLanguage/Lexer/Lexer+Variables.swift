extension Lexer {
  /// At `$`: a variable, `$(`, or (alone) a bare `$`.
  mutating func scanDollar(_ start: Int, _ mode: Mode) -> Token {
    if peek() == 0x28 {
      position += 2
      return tok(.dollarParen, start)
    }
    guard let path = scanVariablePath(inString: false) else {
      return scanGeneric(start)
    }
    if mode == .command, !atArgumentEnd(position) {
      // `$a.b` and `$a[0]` are member and index access; `$a+2` is one bare word, "4+2".
      let c = current
      if c != 0x2E && c != 0x5B && !(c == 0x3A && peek() == 0x3A) { return rescanGeneric(start) }
    }
    return token(kind: .variable, range: SourceRange(start: start, end: position), value: .variable(path))
  }

  /// Scans `$name`, `${name}`, `$env:X`, `$$`, `$?`, `$^` at `position` (the `$`); returns nil
  /// (and moves nothing) when the `$` starts no variable.
  mutating func scanVariablePath(inString: Bool) -> VariablePath? {
    let start = position
    let n = peek()
    if n == 0x7B {  // ${…}
      var p = position + 2
      var name = String.UnicodeScalarView()
      while p < end {
        let c = s[p].value
        if c == 0x7D { break }
        if c == 0x60, p + 1 < end {
          name.append(s[p + 1])
          p += 2
          continue
        }
        name.append(s[p])
        p += 1
      }
      if p >= end {
        if inString { return nil }
        position = end
        // PowerShell reports it at the `{`.
        report(.incompleteDollarVariableReference, SourceRange(start: start + 1, end: end), incomplete: true)
        return VariablePath(userPath: String(name), isBraced: true)
      }
      position = p + 1
      if name.isEmpty {
        // PowerShell reports it at the closing `}`.
        report(.emptyVariableReference, SourceRange(start: p, end: p + 1))
      }
      return VariablePath(userPath: String(name), isBraced: true)
    }
    if n == 0x24 || n == 0x5E || n == 0x3F {  // $$ $^ $?
      position += 2
      return VariablePath(userPath: String(s[start + 1]))
    }
    guard CharTraits.isIdentifierChar(n) else { return nil }
    var p = position + 1
    scanVariableName(&p)
    // A scope or drive qualifier: `$env:PATH`, `$script:x` (but not `$a::b`). A `:` followed by
    // no name (`"$a:"`) is PowerShell's error: the name must then be written `${a}:`.
    if p < end, s[p].value == 0x3A {
      let n = p + 1 < end ? s[p + 1].value : 0
      if CharTraits.isVariableChar(n), n != 0x3F {
        p += 1
        scanVariableName(&p)
      } else if n != 0x3A {
        report(.invalidVariableReferenceWithDrive, SourceRange(start: start, end: p + 1))
      }
    }
    position = p
    // The parser reads most variables twice (in both modes, or again after looking ahead):
    // reuse the path made for the same characters rather than build its strings again.
    let slot = start & (Lexer.recentPathSlots - 1)
    if let r = recentPaths[slot], r.start == start, r.end == p { return r.path }
    let path = VariablePath(userPath: source.text(start + 1..<p))
    recentPaths[slot] = (start, p, path)
    return path
  }

  /// Advances over variable-name characters. `?` belongs to the name except where it begins
  /// `??` (so `$x??=1` is `$x ??= 1`, as in PowerShell 7).
  private func scanVariableName(_ p: inout Int) {
    while p < end {
      let c = s[p].value
      if c == 0x3F {
        if p + 1 < end, s[p + 1].value == 0x3F { return }
        p += 1
        continue
      }
      if !CharTraits.isIdentifierChar(c) { return }
      p += 1
    }
  }

  /// At `@`: `@(`, `@{`, a here-string, a splatted variable, or a bare word.
  mutating func scanAt(_ start: Int, _ mode: Mode) -> Token {
    let n = peek()
    if n == 0x28 {
      position += 2
      return tok(.atParen, start)
    }
    if n == 0x7B {
      position += 2
      return tok(.atCurly, start)
    }
    if CharTraits.isDoubleQuote(n) { return scanHereString(start, expandable: true) }
    if CharTraits.isSingleQuote(n) { return scanHereString(start, expandable: false) }
    if CharTraits.isIdentifierChar(n) {
      var p = position + 1
      while p < end, CharTraits.isVariableChar(s[p].value) { p += 1 }
      if p < end, s[p].value == 0x3A, p + 1 < end, CharTraits.isIdentifierChar(s[p + 1].value) {
        p += 1
        while p < end, CharTraits.isVariableChar(s[p].value) { p += 1 }
      }
      if mode == .expression || atArgumentEnd(p) {
        position = p
        return token(
          kind: .splattedVariable, range: SourceRange(start: start, end: p),
          value: .variable(VariablePath(userPath: source.text(start + 1..<p))))
      }
    }
    return scanGeneric(start)
  }
}
