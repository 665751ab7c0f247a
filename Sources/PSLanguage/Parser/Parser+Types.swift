extension Parser {
  /// After `[`: a type name (`[int]`, `[string[]]`, `[List[string]]`) or an attribute
  /// (`[Parameter(Mandatory)]`). Nil when no type name follows (reported as `MissingTypename`).
  mutating func parseAttributeOrType(open: Token) -> AttributeBaseAst? {
    rewind(to: open.range.end)
    guard let name = lexer.scanTypeName() else {
      report(.missingTypename, open.range.after)
      return nil
    }
    consumed += 1
    lastEnd = name.range.end
    skipSpaces()
    let c = char(at: lexer.position)
    if c == 0x28 {  // ( : an attribute
      return parseAttributeArguments(open: open, name: name).map { .attribute($0) }
    }
    guard var type = parseTypeNameRest(nameToken: name, open: open) else { return nil }
    type.extent = SourceRange(start: open.range.start, end: lastEnd)
    return .typeConstraint(type)
  }

  /// Skips blanks inside brackets (PowerShell tolerates `[ int ]`).
  mutating func skipSpaces() {
    while lexer.position < lexer.end, CharTraits.isWhitespace(source.scalars[lexer.position].value) {
      lexer.position += 1
    }
  }

  /// The rest of a type after its name: generic arguments, array ranks and the closing `]`.
  /// `lexer.position` is just past the name.
  mutating func parseTypeNameRest(nameToken: Token, open: Token) -> TypeName? {
    guard enter() else { return nil }
    defer { leave() }
    var type = TypeName(extent: nameToken.range, name: lexer.text(nameToken))
    while true {
      skipSpaces()
      let c = char(at: lexer.position)
      if c == 0x5D {  // ]
        lexer.position += 1
        consumed += 1
        lastEnd = lexer.position
        return type
      }
      if c == 0x5B {  // [ : generic arguments or array rank
        let bracket = lexer.position
        lexer.position += 1
        skipSpaces()
        var rank = 1
        while char(at: lexer.position) == 0x2C {
          rank += 1
          lexer.position += 1
          skipSpaces()
        }
        if char(at: lexer.position) == 0x5D {
          lexer.position += 1
          lastEnd = lexer.position
          if type.arrayRank > 0 {
            // Jagged array: keep the element type nested.
            type = TypeName(extent: type.extent, name: type.description, arrayRank: rank)
          } else {
            type.arrayRank = rank
          }
          continue
        }
        guard rank == 1, type.genericArguments.isEmpty, type.arrayRank == 0 else {
          report(.endSquareBracketExpectedAtEndOfType, SourceRange(at: lexer.position))
          return nil
        }
        // Generic arguments: T or [T], separated by commas.
        var args: [TypeName] = []
        while true {
          skipSpaces()
          let argStart = lexer.position
          let bracketed = char(at: lexer.position) == 0x5B
          if bracketed { lexer.position += 1 }
          guard let n = lexer.scanTypeName() else {
            report(.missingTypename, SourceRange(at: lexer.position))
            return nil
          }
          lastEnd = n.range.end
          let inner = Token(kind: .lBracket, range: SourceRange(start: argStart, end: argStart + 1))
          if bracketed {
            guard var t = parseTypeNameRest(nameToken: n, open: inner) else { return nil }
            t.extent = SourceRange(start: argStart, end: lastEnd)
            args.append(t)
          } else {
            // Unbracketed argument: its own generic/array suffixes, but the `]` belongs to us.
            var t = TypeName(extent: n.range, name: lexer.text(n))
            skipSpaces()
            while char(at: lexer.position) == 0x5B, char(at: lexer.position + 1) == 0x5D {
              lexer.position += 2
              t.arrayRank = 1
            }
            args.append(t)
          }
          skipSpaces()
          if char(at: lexer.position) == 0x2C {
            lexer.position += 1
            continue
          }
          break
        }
        skipSpaces()
        guard char(at: lexer.position) == 0x5D else {
          report(.endSquareBracketExpectedAtEndOfType, SourceRange(at: lexer.position))
          _ = bracket
          return nil
        }
        lexer.position += 1
        lastEnd = lexer.position
        type.genericArguments = args
        continue
      }
      report(
        open.kind == .lBracket ? .endSquareBracketExpectedAtEndOfAttribute : .endSquareBracketExpectedAtEndOfType,
        SourceRange(at: lastEnd))
      return nil
    }
  }

  /// `Name(positional, Named = value, Flag)]` of an attribute; `lexer.position` is at the `(`.
  mutating func parseAttributeArguments(open: Token, name: Token) -> AttributeAst? {
    guard enter() else { return nil }
    defer { leave() }
    let lparen = next(.expression)
    var positional: [ExpressionAst] = []
    var named: [NamedAttributeArgumentAst] = []
    skipNewlines(.expression)
    if peekKind(.expression) != .rParen {
      while !tooDeep {
        skipNewlines(.expression)
        // `Name = value` or a bare `Name`?
        let m = mark()
        rewind(to: m.position)
        lexer.skipTrivia()
        let argStart = lexer.position
        // A name starts with a letter or `_`; `[ValidateRange(1, 10)]` has positional numbers.
        let first = char(at: argStart)
        if CharTraits.isLetter(first) || first == 0x5F, let id = lexer.scanMemberName() {
          var p = lexer.position
          while p < lexer.end, CharTraits.isWhitespace(source.scalars[p].value) { p += 1 }
          let c = char(at: p)
          if c == 0x3D {  // =
            consumed += 1
            lastEnd = id.range.end
            lexer.position = p
            let eq = next(.expression)
            skipNewlines(.expression)
            guard let value = parseExpression(allowComma: false) else {
              report(.expectedValueExpression, eq.range.after, "=")
              break
            }
            named.append(NamedAttributeArgumentAst(extent: SourceRange(start: argStart, end: lastEnd), name: lexer.text(id), value: value))
          } else if c == 0x2C || c == 0x29 || CharTraits.isNewline(c) {  // , ) newline
            consumed += 1
            lastEnd = id.range.end
            lexer.position = id.range.end
            named.append(NamedAttributeArgumentAst(extent: id.range, name: lexer.text(id), value: nil))
          } else {
            reset(m)
            guard let e = parseExpression(allowComma: false) else { break }
            positional.append(e)
          }
        } else {
          reset(m)
          guard let e = parseExpression(allowComma: false) else {
            report(.missingExpressionAfterToken, afterLast, source.text(lastTokenRange ?? lparen.range))
            break
          }
          positional.append(e)
        }
        skipNewlines(.expression)
        if peekKind(.expression) == .comma {
          advance()
          continue
        }
        break
      }
    }
    skipNewlines(.expression)
    guard peekKind(.expression) == .rParen else {
      report(.missingEndParenthesisInExpression, afterLast)
      return nil
    }
    advance()
    skipSpaces()
    rewind(to: lexer.position)
    guard char(at: lexer.position) == 0x5D else {
      report(.endSquareBracketExpectedAtEndOfAttribute, afterLast)
      return nil
    }
    lexer.position += 1
    consumed += 1
    lastEnd = lexer.position
    return AttributeAst(
      extent: SourceRange(start: open.range.start, end: lastEnd),
      typeName: TypeName(extent: name.range, name: lexer.text(name)), positionalArguments: positional,
      namedArguments: named)
  }

  /// `[type]` where only a type may stand (catch, trap); the `[` was consumed.
  mutating func parseTypeNameInBrackets(open: Token) -> TypeName? {
    guard let a = parseAttributeOrType(open: open) else { return nil }
    switch a {
    case .typeConstraint(let t): return t
    case .attribute(let attr):
      report(.unexpectedAttribute, attr.extent, attr.typeName.description)
      return nil
    }
  }
}
