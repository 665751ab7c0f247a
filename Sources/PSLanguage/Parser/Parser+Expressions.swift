extension Parser {
  // MARK: - Ternary and binary

  /// expression: binary-expression (? expression : expression)?
  mutating func parseExpression(allowComma: Bool = true) -> ExpressionAst? {
    guard enter() else { return nil }
    defer { leave() }
    guard let condition = parseBinary(minPrecedence: 1, allowComma: allowComma) else { return nil }
    let q = peek(.expression)
    guard q.kind == .questionMark else { return condition }
    advance()
    skipNewlines(.expression)
    guard let ifTrue = parseExpression(allowComma: allowComma) else {
      report(.expectedValueExpression, q.range.after, "?")
      return ExpressionAst(extent: SourceRange(start: condition.extent.start, end: lastEnd), kind: .error([condition]))
    }
    skipNewlines(.expression)
    let colon = peek(.expression)
    guard colon.kind == .colon else {
      report(.missingColonInTernaryExpression, colon.range.after)
      return ExpressionAst(
        extent: SourceRange(start: condition.extent.start, end: lastEnd), kind: .error([condition, ifTrue]))
    }
    advance()
    skipNewlines(.expression)
    guard let ifFalse = parseExpression(allowComma: allowComma) else {
      report(.expectedValueExpression, colon.range.after, ":")
      return ExpressionAst(
        extent: SourceRange(start: condition.extent.start, end: lastEnd), kind: .error([condition, ifTrue]))
    }
    return ExpressionAst(
      extent: SourceRange(start: condition.extent.start, end: ifFalse.extent.end),
      kind: .ternary(condition, ifTrue, ifFalse))
  }

  /// The binary operator a token spells, with its precedence (higher binds tighter).
  func binaryOperator(_ t: Token) -> (BinaryOperator, Int)? {
    switch t.kind {
    case .plus: return (.add, 9)
    case .minus: return (.subtract, 9)
    case .multiply: return (.multiply, 10)
    case .divide: return (.divide, 10)
    case .remainder: return (.remainder, 10)
    case .dotDot: return (.range, 13)
    case .questionQuestion: return (.coalesce, 7)
    case .dashOperator:
      guard case .dashOperator(let op) = lexer.value(t), let p = op.binaryPrecedence else { return nil }
      return (.dash(op), p)
    default:
      return nil
    }
  }

  /// binary-expression by precedence climbing; all operators are left-associative. A `-word`
  /// that names no operator is reported and skipped, as PowerShell does.
  mutating func parseBinary(minPrecedence: Int, allowComma: Bool) -> ExpressionAst? {
    guard var left = parseArrayLiteral(allowComma: allowComma) else { return nil }
    while !tooDeep {
      let t = peek(.expression)
      if t.kind == .parameter {
        advance()
        report(.unexpectedToken, t.range, tokenText(t))
        return ExpressionAst(extent: SourceRange(start: left.extent.start, end: t.range.end), kind: .error([left]))
      }
      guard let (op, prec) = binaryOperator(t), prec >= minPrecedence else { break }
      advance()
      skipNewlines(.expression)
      guard var right = parseArrayLiteral(allowComma: allowComma) else {
        report(.expectedValueExpression, t.range.after, tokenText(t))
        let err = ExpressionAst(extent: t.range.after, kind: .error([]))
        left = ExpressionAst(
          extent: SourceRange(start: left.extent.start, end: t.range.end),
          kind: .binary(op, left, err, operatorExtent: t.range))
        continue
      }
      while let (_, p2) = binaryOperator(peek(.expression)), p2 > prec {
        guard let r = parseBinaryTail(right, minPrecedence: p2, allowComma: allowComma) else { break }
        right = r
      }
      left = ExpressionAst(
        extent: SourceRange(start: left.extent.start, end: right.extent.end),
        kind: .binary(op, left, right, operatorExtent: t.range))
    }
    return left
  }

  /// Continues a binary expression whose first operand is `left`.
  mutating func parseBinaryTail(_ left: ExpressionAst, minPrecedence: Int, allowComma: Bool) -> ExpressionAst? {
    guard enter() else { return nil }
    defer { leave() }
    var left = left
    while !tooDeep {
      let t = peek(.expression)
      guard let (op, prec) = binaryOperator(t), prec >= minPrecedence else { break }
      advance()
      skipNewlines(.expression)
      guard var right = parseArrayLiteral(allowComma: allowComma) else {
        report(.expectedValueExpression, t.range.after, tokenText(t))
        let err = ExpressionAst(extent: t.range.after, kind: .error([]))
        left = ExpressionAst(
          extent: SourceRange(start: left.extent.start, end: t.range.end),
          kind: .binary(op, left, err, operatorExtent: t.range))
        continue
      }
      while let (_, p2) = binaryOperator(peek(.expression)), p2 > prec {
        guard let r = parseBinaryTail(right, minPrecedence: p2, allowComma: allowComma) else { break }
        right = r
      }
      left = ExpressionAst(
        extent: SourceRange(start: left.extent.start, end: right.extent.end),
        kind: .binary(op, left, right, operatorExtent: t.range))
    }
    return left
  }

  /// array-literal: unary-expression (, unary-expression)*
  mutating func parseArrayLiteral(allowComma: Bool) -> ExpressionAst? {
    guard let first = parseUnary() else { return nil }
    guard allowComma, peekKind(.expression) == .comma else { return first }
    var items = [first]
    while !tooDeep, peekKind(.expression) == .comma {
      let c = advance()
      skipNewlines(.expression)
      guard let e = parseUnary() else {
        report(.missingExpressionAfterToken, c.range.after, ",")
        break
      }
      items.append(e)
    }
    return ExpressionAst(extent: SourceRange(start: first.extent.start, end: lastEnd), kind: .arrayLiteral(items))
  }

  // MARK: - Unary

  /// unary-expression: prefix-operator unary-expression | cast unary-expression | primary postfix*
  mutating func parseUnary() -> ExpressionAst? {
    guard enter() else { return nil }
    defer { leave() }
    let t = peek(.expression)
    var op: UnaryOperator?
    switch t.kind {
    case .comma: op = .comma
    case .exclaim: op = .exclaim
    case .minus: op = .negate
    case .plus: op = .plus
    case .plusPlus: op = .preIncrement
    case .minusMinus: op = .preDecrement
    case .dashOperator:
      if case .dashOperator(let d) = lexer.value(t), d.isUnary { op = .dash(d) }
    case .lBracket:
      return parseCastOrTypeLiteral()
    default:
      break
    }
    if let op {
      advance()
      skipNewlines(.expression)
      guard let operand = parseUnary() else {
        report(.missingExpressionAfterOperator, t.range.after, tokenText(t))
        return ExpressionAst(extent: t.range, kind: .unary(op, ExpressionAst(extent: t.range.after, kind: .error([]))))
      }
      let extent = SourceRange(start: t.range.start, end: operand.extent.end)
      // `-5` written together is one signed literal, as PowerShell scans it: `-2147483648` is an
      // Int32, not the negation of an Int64.
      if op == .negate, case .number(let n) = operand.kind, operand.extent.start == t.range.end,
        let value = NumberParser.parse("-" + n.text)
      {
        return ExpressionAst(extent: extent, kind: .number(NumberLiteral(text: "-" + n.text, value: value)))
      }
      return ExpressionAst(extent: extent, kind: .unary(op, operand))
    }
    guard let primary = parsePrimary(commandMode: false) else { return nil }
    var e = parsePostfix(primary, commandMode: false)
    // Postfix ++ and --.
    let n = peek(.expression)
    if n.kind == .plusPlus || n.kind == .minusMinus {
      advance()
      e = ExpressionAst(
        extent: SourceRange(start: e.extent.start, end: n.range.end),
        kind: .unary(n.kind == .plusPlus ? .postIncrement : .postDecrement, e))
    }
    return e
  }

  /// A unary expression that may not begin with the unary comma (hashtable keys).
  mutating func parseUnaryNoComma() -> ExpressionAst? {
    if peekKind(.expression) == .comma { return nil }
    return parseUnary()
  }

  /// `[type]` followed by an operand (a cast), by `::`/`.` (a type literal with members), or by
  /// nothing (a type literal); `[Attribute()]` followed by an operand.
  mutating func parseCastOrTypeLiteral() -> ExpressionAst? {
    let before = mark()
    let lb = advance()
    guard let a = parseAttributeOrType(open: lb) else {
      // No type name: leave the `[` to be read again by whoever parses next.
      reset(before)
      return nil
    }
    switch a {
    case .typeConstraint(let type):
      let next = char(at: lastEnd)
      let next2 = char(at: lastEnd + 1)
      if next == 0x2E || (next == 0x3A && next2 == 0x3A) || (next == 0x3F && next2 == 0x2E) {
        return parsePostfix(ExpressionAst(extent: type.extent, kind: .typeLiteral(type)), commandMode: false)
      }
      let n = peek(.expression)
      if startsExpression(n), n.kind != .comma {
        guard let operand = parseUnary() else {
          return ExpressionAst(extent: type.extent, kind: .typeLiteral(type))
        }
        return ExpressionAst(
          extent: SourceRange(start: type.extent.start, end: operand.extent.end), kind: .convert(type, operand))
      }
      return ExpressionAst(extent: type.extent, kind: .typeLiteral(type))
    case .attribute(let attr):
      skipNewlines(.expression)
      guard let operand = parseUnary() else {
        report(.unexpectedAttribute, attr.extent, attr.typeName.description)
        return ExpressionAst(extent: attr.extent, kind: .error([]))
      }
      return ExpressionAst(
        extent: SourceRange(start: attr.extent.start, end: operand.extent.end), kind: .attributed(attr, operand))
    }
  }

  /// The character at an offset (0 past the end).
  func char(at offset: Int) -> UInt32 {
    offset < lexer.end && offset >= 0 ? source.scalars[offset].value : 0
  }

  // MARK: - Primary

  /// primary-expression: literal | variable | ( pipeline ) | $( ) | @( ) | @{ } | { } — reading the
  /// token already peeked (in either mode).
  mutating func parsePrimary(commandMode: Bool) -> ExpressionAst? {
    let t = peek(commandMode ? .command : .expression)
    switch t.kind {
    case .number:
      advance()
      if case .number(let n) = lexer.value(t) { return ExpressionAst(extent: t.range, kind: .number(n)) }
      return ExpressionAst(extent: t.range, kind: .error([]))
    case .stringLiteral:
      advance()
      return ExpressionAst(extent: t.range, kind: .string(lexer.text(t), .singleQuoted))
    case .hereStringLiteral:
      advance()
      return ExpressionAst(extent: t.range, kind: .string(lexer.text(t), .singleQuotedHereString))
    case .stringExpandable:
      advance()
      return expandable(t, .doubleQuoted)
    case .hereStringExpandable:
      advance()
      return expandable(t, .doubleQuotedHereString)
    case .variable:
      advance()
      return ExpressionAst(extent: t.range, kind: .variable(variablePath(t)))
    case .splattedVariable:
      advance()
      report(.splattingNotPermitted, t.range, variablePath(t).userPath)
      return ExpressionAst(extent: t.range, kind: .variable(variablePath(t)))
    case .lParen:
      return parseParenthesized()
    case .dollarParen, .atParen:
      return parseSubExpression()
    case .atCurly:
      return parseHashtable()
    case .lCurly:
      let open = advance()
      return parseScriptBlockExpression(open: open)
    default:
      return nil
    }
  }

  /// `( pipeline )`.
  mutating func parseParenthesized() -> ExpressionAst? {
    guard enter() else { return nil }
    defer { leave() }
    let open = advance()
    skipNewlines()
    if peekKind(.expression) == .rParen {
      let close = advance()
      report(.expectedExpression, open.range.after)
      return ExpressionAst(extent: open.range.through(close.range), kind: .error([]))
    }
    guard let inner = parsePipelineChain() else {
      report(.expectedExpression, open.range.after)
      return ExpressionAst(extent: open.range, kind: .error([]))
    }
    skipNewlines()
    guard peekKind(.command) == .rParen else {
      report(.missingEndParenthesisInExpression, afterLast)
      return ExpressionAst(extent: SourceRange(start: open.range.start, end: lastEnd), kind: .paren(inner))
    }
    advance()
    return ExpressionAst(extent: SourceRange(start: open.range.start, end: lastEnd), kind: .paren(inner))
  }

  /// `$( statements )` and `@( statements )`.
  mutating func parseSubExpression() -> ExpressionAst? {
    guard enter() else { return nil }
    defer { leave() }
    let open = advance()
    let statements = parseStatementList()
    let close = peek(.command)
    if close.kind == .rParen {
      advance()
    } else if !tooDeep {
      report(.missingEndParenthesisInSubexpression, close.range)
    }
    let extent = SourceRange(start: open.range.start, end: lastEnd)
    return ExpressionAst(
      extent: extent, kind: open.kind == .dollarParen ? .subExpression(statements) : .arrayExpression(statements))
  }

  /// `@{ key = value; … }`: entries separated by newlines or `;`.
  mutating func parseHashtable() -> ExpressionAst? {
    guard enter() else { return nil }
    defer { leave() }
    let open = advance()
    var entries: [HashtableEntryAst] = []
    skipNewlines(.expression)
    while !tooDeep {
      let before = consumed
      guard let entry = parseHashEntry() else {
        if consumed == before { break }
        let k = peekKind(.expression)
        if k == .newline || k == .semicolon {
          skipTerminators(.expression)
          continue
        }
        break
      }
      entries.append(entry)
      let k = peekKind(.expression)
      guard k == .newline || k == .semicolon else { break }
      skipTerminators(.expression)
    }
    let close = peek(.expression)
    if close.kind == .rCurly {
      advance()
    } else if !tooDeep {
      report(.missingEndCurlyBrace, open.range.after, checkAt: close.range.end)
    }
    return ExpressionAst(extent: SourceRange(start: open.range.start, end: lastEnd), kind: .hashtable(entries))
  }

  /// key = statement; nil when no key starts here (nothing consumed) or the entry is broken.
  mutating func parseHashEntry() -> HashtableEntryAst? {
    guard let key = parseHashKey() else { return nil }
    let eq = peek(.expression)
    guard eq.kind == .equals else {
      report(.missingEqualsInHashLiteral, key.extent.after)
      syncToEntryEnd()
      return nil
    }
    advance()
    skipNewlines()
    guard let value = parseStatement() else {
      report(.missingStatementInHashLiteral, eq.range.after)
      return nil
    }
    return HashtableEntryAst(key: key, value: value)
  }

  /// Skips tokens (keeping brackets balanced) up to `}`, `;` or a newline, which stays unread.
  mutating func syncToEntryEnd() {
    var depth = 0
    while true {
      let t = peek(.expression)
      switch t.kind {
      case .endOfInput: return
      case .rCurly, .semicolon, .newline:
        if depth == 0 { return }
      default: break
      }
      advance()
      switch t.kind {
      case .lCurly, .atCurly, .lParen, .atParen, .dollarParen, .lBracket: depth += 1
      case .rCurly, .rParen, .rBracket: depth -= 1
      default: break
      }
    }
  }

  /// A hashtable key: a simple name (`Name`), or a unary expression (string, number, variable,
  /// `( … )`).
  mutating func parseHashKey() -> ExpressionAst? {
    let t = peek(.expression)
    if t.kind == .newline || t.kind == .semicolon || t.kind == .rCurly { return nil }
    let c = char(at: t.range.start)
    if CharTraits.isLetter(c) || c == 0x5F {
      rewind(to: t.range.start)
      if let w = lexer.scanMemberName() {
        consumed += 1
        lastEnd = w.range.end
        return ExpressionAst(extent: w.range, kind: .string(lexer.text(w), .bareWord))
      }
    }
    return parseUnaryNoComma()
  }

  // MARK: - Postfix: members, methods, indexes

  /// Member access, method calls and indexing written right after an expression.
  mutating func parsePostfix(_ base: ExpressionAst, commandMode: Bool) -> ExpressionAst {
    var e = base
    while !tooDeep {
      let c = char(at: lastEnd)
      let c2 = char(at: lastEnd + 1)
      if c == 0x2E, c2 != 0x2E {  // .
        e = parseMemberAccess(e, opStart: lastEnd, opLength: 1, isStatic: false, nullConditional: false, commandMode: commandMode)
      } else if c == 0x3A, c2 == 0x3A {  // ::
        e = parseMemberAccess(e, opStart: lastEnd, opLength: 2, isStatic: true, nullConditional: false, commandMode: commandMode)
      } else if c == 0x5B {  // [
        e = parseIndex(e, opStart: lastEnd, opLength: 1, nullConditional: false)
      } else if !commandMode, c == 0x3F, c2 == 0x2E {  // ?.
        e = parseMemberAccess(e, opStart: lastEnd, opLength: 2, isStatic: false, nullConditional: true, commandMode: commandMode)
      } else if !commandMode, c == 0x3F, c2 == 0x5B {  // ?[
        e = parseIndex(e, opStart: lastEnd, opLength: 2, nullConditional: true)
      } else {
        break
      }
    }
    return e
  }

  /// `.name`, `::name`, `?.name`, optionally followed by `(arguments)` or a script block
  /// (`$list.ForEach{ … }`). In expression mode blanks and line breaks may follow the operator
  /// (fluent style: `$x.⏎  Method()`), as in PowerShell.
  mutating func parseMemberAccess(
    _ target: ExpressionAst, opStart: Int, opLength: Int, isStatic: Bool, nullConditional: Bool,
    commandMode: Bool = false
  ) -> ExpressionAst {
    rewind(to: opStart + opLength)
    lastEnd = opStart + opLength
    consumed += 1
    let opRange = SourceRange(start: opStart, end: opStart + opLength)
    if !commandMode {
      while true {
        lexer.skipTrivia()
        guard lexer.position < lexer.end, CharTraits.isNewline(char(at: lexer.position)) else { break }
        lexer.position += 1
      }
    }
    let memberStart = lexer.position
    var member: ExpressionAst
    if let id = lexer.scanMemberName() {
      consumed += 1
      lastEnd = id.range.end
      member = ExpressionAst(extent: id.range, kind: .string(lexer.text(id), .bareWord))
    } else {
      let t = peek(.expression)
      guard t.range.start == memberStart, let m = parseMemberNameExpression(t) else {
        report(.missingPropertyName, opRange.after)
        return ExpressionAst(extent: SourceRange(start: target.extent.start, end: lastEnd), kind: .error([target]))
      }
      member = m
    }
    let access = MemberAccess(target: target, member: member, isStatic: isStatic, isNullConditional: nullConditional)
    if char(at: lastEnd) == 0x28 {  // (
      let args = parseMethodArguments()
      return ExpressionAst(
        extent: SourceRange(start: target.extent.start, end: lastEnd), kind: .invokeMember(access, arguments: args))
    }
    if char(at: lastEnd) == 0x7B {  // { : `$x.ForEach{ … }` is `$x.ForEach({ … })`
      rewind(to: lastEnd)
      let open = next(.expression)
      let block = parseScriptBlockExpression(open: open)
      return ExpressionAst(
        extent: SourceRange(start: target.extent.start, end: lastEnd), kind: .invokeMember(access, arguments: [block]))
    }
    return ExpressionAst(extent: SourceRange(start: target.extent.start, end: lastEnd), kind: .member(access))
  }

  /// A member name given as a string, variable or `( … )`.
  mutating func parseMemberNameExpression(_ t: Token) -> ExpressionAst? {
    switch t.kind {
    case .stringLiteral, .stringExpandable, .variable, .lParen, .dollarParen:
      return parsePrimary(commandMode: false)
    default:
      return nil
    }
  }

  /// `( arg, arg, … )` of a method call. As in PowerShell, a missing `)` is reported just past
  /// the last argument (or the `(`), unless a missing argument after a comma was reported.
  mutating func parseMethodArguments() -> [ExpressionAst] {
    rewind(to: lastEnd)
    let open = next(.expression)
    guard enter() else { return [] }
    defer { leave() }
    var args: [ExpressionAst] = []
    var comma: Token?
    var reported = false
    while !tooDeep {
      skipNewlines(.expression)
      guard let a = parseExpression(allowComma: false) else {
        if let c = comma {
          report(.missingExpressionAfterToken, c.range.after, ",")
          reported = true
        }
        break
      }
      args.append(a)
      skipNewlines(.expression)
      guard peekKind(.expression) == .comma else { break }
      comma = advance()
    }
    skipNewlines(.expression)
    if peekKind(.expression) == .rParen {
      advance()
    } else if !reported, !tooDeep {
      report(.missingEndParenthesisInMethodCall, args.last?.extent.after ?? open.range.after)
    }
    return args
  }

  /// `[index]` or `?[index]`.
  mutating func parseIndex(_ target: ExpressionAst, opStart: Int, opLength: Int, nullConditional: Bool) -> ExpressionAst {
    rewind(to: opStart + opLength)
    lastEnd = opStart + opLength
    consumed += 1
    let opRange = SourceRange(start: opStart, end: opStart + opLength)
    skipNewlines(.expression)
    guard enter() else { return target }
    defer { leave() }
    if peekKind(.expression) == .rBracket {
      report(.missingArrayIndexExpression, opRange.after)
      advance()
      return ExpressionAst(extent: SourceRange(start: target.extent.start, end: lastEnd), kind: .error([target]))
    }
    guard let index = parseExpression() else {
      report(.missingArrayIndexExpression, opRange.after)
      return ExpressionAst(extent: SourceRange(start: target.extent.start, end: lastEnd), kind: .error([target]))
    }
    skipNewlines(.expression)
    if peekKind(.expression) == .rBracket {
      advance()
    } else {
      report(.missingEndSquareBracket, afterLast)
    }
    return ExpressionAst(
      extent: SourceRange(start: target.extent.start, end: lastEnd),
      kind: .index(target, index, nullConditional: nullConditional))
  }

  // MARK: - Expandable strings

  /// The expression for an expandable string or bare word: plain text, or its parts with each
  /// `$(…)` parsed as statements.
  mutating func expandable(_ t: Token, _ kind: StringQuoteKind) -> ExpressionAst {
    guard case .expandable(_, let parts) = lexer.value(t) else {
      return ExpressionAst(extent: t.range, kind: .string(lexer.text(t), kind))
    }
    var out: [ExpandablePart] = []
    for p in parts {
      switch p {
      case .literal(let s):
        out.append(.literal(s))
      case .variable(let v, let r):
        out.append(.expression(ExpressionAst(extent: r, kind: .variable(v))))
      case .subexpression(let r, let inner):
        var sub = Parser(source: source, range: inner.start..<inner.end, depth: depth + 1)
        let statements = sub.parseNestedStatements()
        sub.drainLexerErrors()
        absorb(sub.pending, semantic: sub.semantic)
        if sub.tooDeep { tooDeep = true }
        out.append(.expression(ExpressionAst(extent: r, kind: .subExpression(statements))))
      }
    }
    return ExpressionAst(extent: t.range, kind: .expandableString(out, kind))
  }

  /// The statements of a `$(…)` inside a string (the parser's range is the inside).
  mutating func parseNestedStatements() -> [StatementAst] {
    var statements = parseStatementList(closing: [])
    while !tooDeep {
      let t = peek(.command)
      if t.kind == .endOfInput { break }
      reportUnexpected(t)
      advance()
      statements += parseStatementList(closing: [])
    }
    return statements
  }
}
