import Testing

@testable import PSLanguage

/// Table-driven tests for the tokenizer, mode by mode. Expectations follow PowerShell's own
/// tokenizer (`tokenizer.cs`), `about_Parsing`, `about_Numeric_Literals`, `about_Quoting_Rules`
/// and `shared/reference/powershell-reference.md` §3.
///
/// Each row gives a source and the tokens expected, written as `Tok` values: the kind and the
/// decoded value together, so a row fails on a wrong kind, a wrong value or a token too many.
struct LexerTests {

  // MARK: - Expected-token vocabulary

  /// A piece of an expandable string or word, as written in a row.
  enum Part: Hashable, Sendable {
    case lit(String)
    case v(String, braced: Bool = false)
    /// `$(…)`: the text between the parentheses.
    case sub(String)

    init(_ p: StringPart, _ source: SourceFile) {
      switch p {
      case .literal(let s): self = .lit(s)
      case .variable(let v, _): self = .v(v.userPath, braced: v.isBraced)
      case .subexpression(_, let inner): self = .sub(source.text(inner))
      }
    }
  }

  /// A token as a row spells it.
  enum Tok: Hashable, Sendable {
    /// A token with no value: punctuation, operators, newlines.
    case punct(TokenKind)
    /// A plain (non-expandable) bare word.
    case bare(String)
    /// Any other token whose value is text: string literals, here-strings, labels.
    case text(TokenKind, String)
    case expandable(TokenKind, [Part])
    case number(String, NumberValue)
    case variable(String, braced: Bool = false)
    case splat(String)
    case parameter(String, colon: Bool = false)
    case redirection(RedirectionStream, append: Bool = false, mergeTo: RedirectionStream? = nil)
    /// A dash operator; `prefix` is "i", "c" or nil.
    case op(DashOperator.Base, prefix: String? = nil)
    /// A kind and value that do not belong together (always a failure).
    case mismatch(TokenKind, String)

    init(_ t: Token, _ lexer: Lexer) {
      switch lexer.value(t) {
      case .none:
        self = .punct(t.kind)
      case .text(let s):
        self = t.kind == .generic ? .bare(s) : .text(t.kind, s)
      case .expandable(_, let parts):
        self = .expandable(t.kind, parts.map { Part($0, lexer.source) })
      case .number(let n):
        self = t.kind == .number ? .number(n.text, n.value) : .mismatch(t.kind, "\(n)")
      case .variable(let v):
        switch t.kind {
        case .variable: self = .variable(v.userPath, braced: v.isBraced)
        case .splattedVariable: self = .splat(v.userPath)
        default: self = .mismatch(t.kind, "\(v)")
        }
      case .parameter(let name, let colon):
        self = t.kind == .parameter ? .parameter(name, colon: colon) : .mismatch(t.kind, name)
      case .redirection(let r):
        self =
          t.kind == .redirection
          ? .redirection(r.from, append: r.append, mergeTo: r.mergeTo) : .mismatch(t.kind, "\(r)")
      case .dashOperator(let o):
        self =
          t.kind == .dashOperator
          ? .op(o.base, prefix: o.caseSensitive ? "c" : o.explicitInsensitive ? "i" : nil)
          : .mismatch(t.kind, "\(o)")
      }
    }
  }

  /// An error as a row spells it: id, start offset, and whether it is incomplete input.
  struct Err: Hashable, Sendable, CustomStringConvertible {
    var id: ParseErrorID
    var at: Int
    var incomplete: Bool
    init(_ id: ParseErrorID, _ at: Int, incomplete: Bool = false) {
      self.id = id
      self.at = at
      self.incomplete = incomplete
    }
    init(_ e: ParseError) { self.init(e.id, e.range.start, incomplete: e.isIncompleteInput) }
    var description: String { "\(id.rawValue)@\(at)\(incomplete ? " (incomplete)" : "")" }
  }

  // MARK: - Helpers

  /// Scans all of `src` in one mode, as far as the end-of-input token.
  static func lex(_ src: String, _ mode: Lexer.Mode) -> (tokens: [Token], lexer: Lexer) {
    var lexer = Lexer(source: SourceFile(path: "t", text: src))
    var tokens: [Token] = []
    while tokens.count <= 2 * src.unicodeScalars.count + 2 {
      let t = lexer.next(mode)
      if t.kind == .endOfInput { break }
      tokens.append(t)
    }
    return (tokens, lexer)
  }

  /// Checks that tokens are non-empty, in order, do not overlap and stay inside the text.
  static func checkExtents(_ tokens: [Token], _ count: Int, _ src: String) {
    var last = 0
    for t in tokens {
      #expect(t.range.start >= last, "token \(t.kind) at \(t.range) overlaps the one before in \(src.debugDescription)")
      #expect(t.range.end > t.range.start, "empty token \(t.kind) at \(t.range) in \(src.debugDescription)")
      #expect(t.range.end <= count, "token \(t.kind) at \(t.range) runs past the text")
      last = t.range.end
    }
  }

  static func check(_ src: String, _ mode: Lexer.Mode, _ expected: [Tok]) {
    let (tokens, lexer) = lex(src, mode)
    let got = tokens.map { Tok($0, lexer) }
    #expect(got == expected, "\(mode) mode: \(src.debugDescription)")
    #expect(lexer.errors.isEmpty, "unexpected errors \(lexer.errors) for \(src.debugDescription)")
    checkExtents(tokens, lexer.source.count, src)
  }

  // MARK: - Command mode

  static let commandRows: [(String, [Tok])] = [
    // Bare words (generic tokens).
    ("Get-Item", [.bare("Get-Item")]),
    (#"C:\path\file.exe"#, [.bare(#"C:\path\file.exe"#)]),
    ("--switch", [.bare("--switch")]),
    ("a=b", [.bare("a=b")]),
    ("7z.exe", [.bare("7z.exe")]),
    ("77z.exe", [.bare("77z.exe")]),
    ("1.2.3", [.bare("1.2.3")]),
    ("1..5", [.bare("1..5")]),
    ("10k", [.bare("10k")]),  // the `b` of a multiplier is required
    ("128y", [.bare("128y")]),  // out of range for its suffix: an argument, not an error
    ("[ab]*", [.bare("[ab]*")]),
    ("a#b", [.bare("a#b")]),  // `#` inside a word is literal
    ("a>b", [.bare("a>b")]),  // `>` is special only at the start of a token
    ("a<b", [.bare("a<b")]),
    ("a@b", [.bare("a@b")]),
    ("a`tb", [.bare("a\tb")]),  // backtick escapes are decoded in bare words
    ("a`$b", [.bare("a$b")]),
    ("`$x", [.bare("$x")]),
    ("a`u{41}", [.bare("aA")]),
    ("a`", [.bare("a`")]),  // a backtick at the very end stays, without an error
    ("a'$a'", [.bare("a$a")]),  // a quoted part inside a word is spliced in, literally
    ("a'b c'd", [.bare("ab cd")]),
    ("-foo\"bar\"", [.bare("-foobar")]),  // a quote inside a parameter makes it an argument
    // Numbers: only when the whole word reads as one.
    ("10kb", [.number("10kb", .int32(10240))]),
    ("0x1F", [.number("0x1F", .int32(31))]),
    ("-5", [.number("-5", .int32(-5))]),
    ("\u{2013}5", [.number("\u{2013}5", .int32(-5))]),
    ("+5", [.number("+5", .int32(5))]),
    ("1e3", [.number("1e3", .double(1000))]),
    ("10l", [.number("10l", .int64(10))]),
    ("1.5", [.number("1.5", .double(1.5))]),
    ("007", [.number("007", .int32(7))]),  // keeps its text for [string] parameters
    ("1,2", [.number("1", .int32(1)), .punct(.comma), .number("2", .int32(2))]),
    // Parameters.
    ("-Name", [.parameter("Name")]),
    ("-Name:", [.parameter("Name", colon: true)]),
    ("-Name:value", [.parameter("Name", colon: true), .bare("value")]),
    ("-Name: value", [.parameter("Name", colon: true), .bare("value")]),
    ("-Name:$true", [.parameter("Name", colon: true), .variable("true")]),
    ("\u{2013}Name", [.parameter("Name")]),  // en dash
    ("\u{2014}Name", [.parameter("Name")]),  // em dash
    ("\u{2015}Name", [.parameter("Name")]),  // horizontal bar
    ("-_x", [.parameter("_x")]),
    ("-?", [.parameter("?")]),
    ("--", [.punct(.minusMinus)]),
    ("-- -x", [.punct(.minusMinus), .parameter("x")]),
    ("--%", [.punct(.stopParsing)]),
    ("--%x", [.bare("--%x")]),
    // Variables.
    ("$x", [.variable("x")]),
    ("${any name}", [.variable("any name", braced: true)]),
    ("$env:PATH", [.variable("env:PATH")]),
    ("$script:x", [.variable("script:x")]),
    ("$global:x", [.variable("global:x")]),
    ("$using:x", [.variable("using:x")]),
    ("$_", [.variable("_")]),
    ("$?", [.variable("?")]),
    ("$$", [.variable("$")]),
    ("$^", [.variable("^")]),
    ("$x,$y", [.variable("x"), .punct(.comma), .variable("y")]),
    ("@params", [.splat("params")]),
    ("@params x", [.splat("params"), .bare("x")]),
    // Expandable bare words.
    ("$a+2", [.expandable(.generic, [.v("a"), .lit("+2")])]),
    ("a$a", [.expandable(.generic, [.lit("a"), .v("a")])]),
    ("a\"$b\"c", [.expandable(.generic, [.lit("a"), .v("b"), .lit("c")])]),
    ("pre$(1+2)post", [.expandable(.generic, [.lit("pre"), .sub("1+2"), .lit("post")])]),
    ("a${b c}d", [.expandable(.generic, [.lit("a"), .v("b c", braced: true), .lit("d")])]),
    // Quoted arguments. A string that starts an argument is a whole argument: what follows
    // it is the next one (`"a"'b'` is two arguments in PowerShell).
    ("'a b'", [.text(.stringLiteral, "a b")]),
    ("\"a b\"", [.text(.stringExpandable, "a b")]),
    ("\"abc\"def", [.text(.stringExpandable, "abc"), .bare("def")]),
    ("'a'\"b\"", [.text(.stringLiteral, "a"), .text(.stringExpandable, "b")]),
    // Redirections.
    ("a > f", [.bare("a"), .redirection(.output), .bare("f")]),
    ("a >> f", [.bare("a"), .redirection(.output, append: true), .bare("f")]),
    ("a 1> f", [.bare("a"), .redirection(.output), .bare("f")]),
    ("a 2> f", [.bare("a"), .redirection(.error), .bare("f")]),
    ("a 2>> f", [.bare("a"), .redirection(.error, append: true), .bare("f")]),
    ("a 2>&1", [.bare("a"), .redirection(.error, mergeTo: .output)]),
    ("a 3>&1", [.bare("a"), .redirection(.warning, mergeTo: .output)]),
    ("a *> f", [.bare("a"), .redirection(.all), .bare("f")]),
    ("a *>> f", [.bare("a"), .redirection(.all, append: true), .bare("f")]),
    ("a *>&1", [.bare("a"), .redirection(.all, mergeTo: .output)]),
    ("a 2>$null", [.bare("a"), .redirection(.error), .variable("null")]),
    // Pipelines, chains, separators.
    ("a & b", [.bare("a"), .punct(.ampersand), .bare("b")]),
    ("a &", [.bare("a"), .punct(.ampersand)]),
    ("a && b", [.bare("a"), .punct(.andAnd), .bare("b")]),
    ("a || b", [.bare("a"), .punct(.orOr), .bare("b")]),
    ("a | b", [.bare("a"), .punct(.pipe), .bare("b")]),
    ("a|b", [.bare("a"), .punct(.pipe), .bare("b")]),
    ("a; b", [.bare("a"), .punct(.semicolon), .bare("b")]),
    ("a;b", [.bare("a"), .punct(.semicolon), .bare("b")]),
    ("a\nb", [.bare("a"), .punct(.newline), .bare("b")]),
    ("a\r\nb", [.bare("a"), .punct(.newline), .bare("b")]),
    ("a\rb", [.bare("a"), .punct(.newline), .bare("b")]),
    ("a\n\nb", [.bare("a"), .punct(.newline), .punct(.newline), .bare("b")]),
    ("{ a }", [.punct(.lCurly), .bare("a"), .punct(.rCurly)]),
    ("(a)", [.punct(.lParen), .bare("a"), .punct(.rParen)]),
    ("a{b}", [.bare("a"), .punct(.lCurly), .bare("b"), .punct(.rCurly)]),
    // Dot-sourcing and the call operator.
    (". .\\x.ps1", [.punct(.dot), .bare(".\\x.ps1")]),
    (". $f", [.punct(.dot), .variable("f")]),
    (".$f", [.punct(.dot), .variable("f")]),
    (".\"my script.ps1\"", [.punct(.dot), .text(.stringExpandable, "my script.ps1")]),
    ("..\\x.ps1", [.bare("..\\x.ps1")]),
    ("& $cmd -x", [.punct(.ampersand), .variable("cmd"), .parameter("x")]),
    ("& 'my cmd'", [.punct(.ampersand), .text(.stringLiteral, "my cmd")]),
    // Labels.
    (":outer", [.text(.label, "outer")]),
    // Comments are skipped; line continuation joins lines.
    ("a # comment\nb", [.bare("a"), .punct(.newline), .bare("b")]),
    ("a <# block #> b", [.bare("a"), .bare("b")]),
    ("<# multi\nline #>a", [.bare("a")]),
    ("a `\nb", [.bare("a"), .bare("b")]),
    ("a `\r\nb", [.bare("a"), .bare("b")]),
    ("a ` b", [.bare("a"), .bare("b")]),  // backtick + space is white space
    ("a\t\u{A0}b", [.bare("a"), .bare("b")]),  // tab and no-break space separate
  ]

  @Test(arguments: commandRows)
  func commandMode(_ src: String, _ expected: [Tok]) {
    Self.check(src, .command, expected)
  }

  // MARK: - about_Parsing argument-mode examples

  static let aboutParsingRows: [(String, [Tok])] = [
    ("Write-Output 2+2", [.bare("Write-Output"), .bare("2+2")]),
    ("Write-Output (2+2)", [.bare("Write-Output"), .punct(.lParen), .bare("2+2"), .punct(.rParen)]),
    ("Write-Output -eq", [.bare("Write-Output"), .parameter("eq")]),
    (
      "Write-Output 1 -eq 1",
      [.bare("Write-Output"), .number("1", .int32(1)), .parameter("eq"), .number("1", .int32(1))]
    ),
    ("Write-Output !1", [.bare("Write-Output"), .bare("!1")]),
    ("Set-Variable AB A,B", [.bare("Set-Variable"), .bare("AB"), .bare("A"), .punct(.comma), .bare("B")]),
    ("Write-Output $a+2", [.bare("Write-Output"), .expandable(.generic, [.v("a"), .lit("+2")])]),
    ("Write-Output a$a", [.bare("Write-Output"), .expandable(.generic, [.lit("a"), .v("a")])]),
    ("Write-Output a'$a'", [.bare("Write-Output"), .bare("a$a")]),
    ("Write-Output '$a'", [.bare("Write-Output"), .text(.stringLiteral, "$a")]),
    ("Write-Output \"$a\"", [.bare("Write-Output"), .expandable(.stringExpandable, [.v("a")])]),
  ]

  @Test(arguments: aboutParsingRows)
  func aboutParsingExamples(_ src: String, _ expected: [Tok]) {
    Self.check(src, .command, expected)
  }

  /// `Write-Output $a.b`: the variable token ends before the `.`, which the parser reads as
  /// member access (the whole thing is one argument).
  @Test(arguments: [
    ("Write-Output $a.b", "a", 13, 15),
    ("Write-Output $a[0]", "a", 13, 15),
    ("Write-Output $env:PATH.Length", "env:PATH", 13, 22),
    ("Write-Output ${a b}.c", "a b", 13, 19),
  ])
  func variableBeforeMemberAccess(_ src: String, _ name: String, _ start: Int, _ end: Int) {
    var l = Lexer(source: SourceFile(path: "t", text: src))
    _ = l.next(.command)
    let v = l.next(.command)
    #expect(v.kind == .variable)
    #expect(l.text(v) == name)
    #expect(v.range == SourceRange(start: start, end: end))
    #expect(l.position == end, "scanning stops at the member operator")
  }

  // MARK: - Expression mode

  static let expressionRows: [(String, [Tok])] = [
    ("+", [.punct(.plus)]),
    ("-", [.punct(.minus)]),
    ("*", [.punct(.multiply)]),
    ("/", [.punct(.divide)]),
    ("%", [.punct(.remainder)]),
    ("++", [.punct(.plusPlus)]),
    ("--", [.punct(.minusMinus)]),
    ("+=", [.punct(.plusEquals)]),
    ("-=", [.punct(.minusEquals)]),
    ("*=", [.punct(.multiplyEquals)]),
    ("/=", [.punct(.divideEquals)]),
    ("%=", [.punct(.remainderEquals)]),
    ("=", [.punct(.equals)]),
    ("!", [.punct(.exclaim)]),
    ("??", [.punct(.questionQuestion)]),
    ("??=", [.punct(.questionQuestionEquals)]),
    ("?", [.punct(.questionMark)]),
    (":", [.punct(.colon)]),
    ("::", [.punct(.colonColon)]),
    ("..", [.punct(.dotDot)]),
    (",", [.punct(.comma)]),
    (".", [.punct(.dot)]),
    (
      "( ) { } [ ] @( @{ $(",
      [
        .punct(.lParen), .punct(.rParen), .punct(.lCurly), .punct(.rCurly), .punct(.lBracket),
        .punct(.rBracket), .punct(.atParen), .punct(.atCurly), .punct(.dollarParen),
      ]
    ),
    ("; | || && &", [.punct(.semicolon), .punct(.pipe), .punct(.orOr), .punct(.andAnd), .punct(.ampersand)]),
    ("+ +", [.punct(.plus), .punct(.plus)]),
    ("$a+=1", [.variable("a"), .punct(.plusEquals), .number("1", .int32(1))]),
    ("$a++", [.variable("a"), .punct(.plusPlus)]),
    ("--$a", [.punct(.minusMinus), .variable("a")]),
    ("$x??=1", [.variable("x"), .punct(.questionQuestionEquals), .number("1", .int32(1))]),
    ("$x ?? 2", [.variable("x"), .punct(.questionQuestion), .number("2", .int32(2))]),
    (
      "$c ? 1 : 2",
      [.variable("c"), .punct(.questionMark), .number("1", .int32(1)), .punct(.colon), .number("2", .int32(2))]
    ),
    ("1..5", [.number("1", .int32(1)), .punct(.dotDot), .number("5", .int32(5))]),
    ("1+2", [.number("1", .int32(1)), .punct(.plus), .number("2", .int32(2))]),
    ("1-2", [.number("1", .int32(1)), .punct(.minus), .number("2", .int32(2))]),
    ("2*3", [.number("2", .int32(2)), .punct(.multiply), .number("3", .int32(3))]),
    ("$a-eq$b", [.variable("a"), .op(.eq), .variable("b")]),
    ("!$t", [.punct(.exclaim), .variable("t")]),
    ("-not $t", [.op(.not), .variable("t")]),
    ("'a'+'b'", [.text(.stringLiteral, "a"), .punct(.plus), .text(.stringLiteral, "b")]),
    ("\"a\"+1", [.text(.stringExpandable, "a"), .punct(.plus), .number("1", .int32(1))]),
    ("@x", [.splat("x")]),
    ("$a,$b = 1,2", [
      .variable("a"), .punct(.comma), .variable("b"), .punct(.equals), .number("1", .int32(1)),
      .punct(.comma), .number("2", .int32(2)),
    ]),
    // Not operators.
    ("-foo", [.parameter("foo")]),
    ("1 -foo 2", [.number("1", .int32(1)), .parameter("foo"), .number("2", .int32(2))]),
    ("-cjoin", [.parameter("cjoin")]),  // -join has no case variants
    ("-iand", [.parameter("iand")]),
    // Words where a number cannot end.
    ("7z", [.bare("7z")]),
    ("1abc", [.bare("1abc")]),
    ("1gbus", [.bare("1gbus")]),  // multiplier before suffix: not number syntax
    ("0xZZ", [.bare("0xZZ")]),
    ("7z.exe", [.bare("7z.exe")]),
    ("1.5.ToString", [.number("1.5", .double(1.5)), .punct(.dot), .bare("ToString")]),
  ]

  @Test(arguments: expressionRows)
  func expressionMode(_ src: String, _ expected: [Tok]) {
    Self.check(src, .expression, expected)
  }

  // MARK: - Dash operators

  static let dashOperatorRows: [(String, DashOperator.Base, String?)] = [
    ("-eq", .eq, nil), ("-ieq", .eq, "i"), ("-ceq", .eq, "c"),
    ("-ne", .ne, nil), ("-ine", .ne, "i"), ("-cne", .ne, "c"),
    ("-gt", .gt, nil), ("-igt", .gt, "i"), ("-cgt", .gt, "c"),
    ("-ge", .ge, nil), ("-ige", .ge, "i"), ("-cge", .ge, "c"),
    ("-lt", .lt, nil), ("-ilt", .lt, "i"), ("-clt", .lt, "c"),
    ("-le", .le, nil), ("-ile", .le, "i"), ("-cle", .le, "c"),
    ("-like", .like, nil), ("-ilike", .like, "i"), ("-clike", .like, "c"),
    ("-notlike", .notlike, nil), ("-inotlike", .notlike, "i"), ("-cnotlike", .notlike, "c"),
    ("-match", .match, nil), ("-imatch", .match, "i"), ("-cmatch", .match, "c"),
    ("-notmatch", .notmatch, nil), ("-inotmatch", .notmatch, "i"), ("-cnotmatch", .notmatch, "c"),
    ("-replace", .replace, nil), ("-ireplace", .replace, "i"), ("-creplace", .replace, "c"),
    ("-split", .split, nil), ("-isplit", .split, "i"), ("-csplit", .split, "c"),
    ("-contains", .contains, nil), ("-icontains", .contains, "i"), ("-ccontains", .contains, "c"),
    ("-notcontains", .notcontains, nil), ("-inotcontains", .notcontains, "i"),
    ("-cnotcontains", .notcontains, "c"),
    ("-in", .in, nil), ("-iin", .in, "i"), ("-cin", .in, "c"),
    ("-notin", .notin, nil), ("-inotin", .notin, "i"), ("-cnotin", .notin, "c"),
    ("-join", .join, nil), ("-f", .f, nil),
    ("-and", .and, nil), ("-or", .or, nil), ("-xor", .xor, nil), ("-not", .not, nil),
    ("-band", .band, nil), ("-bor", .bor, nil), ("-bxor", .bxor, nil), ("-bnot", .bnot, nil),
    ("-shl", .shl, nil), ("-shr", .shr, nil),
    ("-is", .is, nil), ("-isnot", .isnot, nil), ("-as", .as, nil),
    ("-EQ", .eq, nil), ("-CEq", .eq, "c"), ("-Replace", .replace, nil),
    ("\u{2013}eq", .eq, nil),  // en dash
  ]

  @Test(arguments: dashOperatorRows)
  func dashOperator(_ spelling: String, _ base: DashOperator.Base, _ prefix: String?) {
    // Alone, and between operands with no spaces.
    Self.check(spelling, .expression, [.op(base, prefix: prefix)])
    Self.check(
      "1\(spelling) 2", .expression,
      [.number("1", .int32(1)), .op(base, prefix: prefix), .number("2", .int32(2))])
    // In command mode the same text is a parameter.
    let name = String(spelling.unicodeScalars.dropFirst())
    Self.check(spelling, .command, [.parameter(name)])
  }

  // MARK: - Numbers (expression mode)

  static let numberRows: [(String, NumberValue)] = [
    // Decimal integers widen: Int32, Int64, Decimal, Double.
    ("0", .int32(0)),
    ("2147483647", .int32(2147483647)),
    ("2147483648", .int64(2147483648)),
    ("9223372036854775807", .int64(9223372036854775807)),
    ("9223372036854775808", .decimal("9223372036854775808")),
    ("79228162514264337593543950335", .decimal("79228162514264337593543950335")),  // decimal.MaxValue
    ("79228162514264337593543950336", .double(79228162514264337593543950336.0)),
    ("007", .int32(7)),
    // Hex: the width of the digits decides the sign.
    ("0x1F", .int32(31)),
    ("0X1f", .int32(31)),
    ("0xFFFFFFFF", .int32(-1)),
    ("0x7FFFFFFF", .int32(2147483647)),
    ("0x80000000", .int32(-2147483648)),
    ("0x100000000", .int64(4294967296)),
    ("0xFFFFFFFFF", .int64(68719476735)),
    ("0x7FFFFFFFFFFFFFFF", .int64(9223372036854775807)),
    ("0xFFFFFFFFFFFFFFFF", .int64(-1)),
    ("0x0000000000000001", .int64(1)),  // sixteen digits make an Int64
    ("0xFFFFFFFFu", .uint32(4294967295)),
    ("0xFFFFFFFFl", .int64(-1)),
    ("0x1d", .int32(29)),  // `d` is a hex digit, not the decimal suffix
    ("0x10kb", .int32(16384)),
    ("0b1010", .int32(10)),
    // Multipliers.
    ("1kb", .int32(1024)),
    ("1KB", .int32(1024)),
    ("1mb", .int32(1_048_576)),
    ("1gb", .int32(1_073_741_824)),
    ("2gb", .int64(2_147_483_648)),
    ("1tb", .int64(1_099_511_627_776)),
    ("1pb", .int64(1_125_899_906_842_624)),
    ("1.5kb", .double(1536)),
    // Reals.
    ("1.5", .double(1.5)),
    ("1.5e3", .double(1500)),
    ("1e3", .double(1000)),
    ("1E-2", .double(0.01)),
    (".5", .double(0.5)),
    ("1.e2", .double(100)),
    // Type suffixes.
    ("1l", .int64(1)),
    ("1L", .int64(1)),
    ("1u", .uint32(1)),
    ("4294967296u", .uint64(4294967296)),  // `u` widens to UInt64
    ("1ul", .uint64(1)),
    ("1s", .int16(1)),
    ("32767s", .int16(32767)),
    ("1us", .uint16(1)),
    ("1y", .sbyte(1)),
    ("127y", .sbyte(127)),
    ("1uy", .byte(1)),
    ("255uy", .byte(255)),
    ("1d", .decimal("1")),
    ("1.5d", .decimal("1.5")),
    ("1n", .bigInteger("1")),
    ("100000000000000000000000n", .bigInteger("100000000000000000000000")),
    ("1lkb", .int64(1024)),  // suffix, then multiplier
    ("1e3l", .int64(1000)),
    ("1.5l", .int64(2)),  // a real with an integer suffix rounds, halves to even
    ("2.5l", .int64(2)),
    ("0b11111111111111111111111111111111", .int32(-1)),  // 32 binary digits carry a sign bit
  ]

  @Test(arguments: numberRows)
  func number(_ src: String, _ value: NumberValue) {
    Self.check(src, .expression, [.number(src, value)])
    // The same text is a number argument in command mode too.
    Self.check(src, .command, [.number(src, value)])
  }

  // MARK: - Strings

  static let stringRows: [(String, [Tok])] = [
    // Verbatim strings: only '' is special.
    ("'abc'", [.text(.stringLiteral, "abc")]),
    ("''", [.text(.stringLiteral, "")]),
    ("'it''s'", [.text(.stringLiteral, "it's")]),
    ("'$a `n \"q\"'", [.text(.stringLiteral, "$a `n \"q\"")]),
    ("'a\nb'", [.text(.stringLiteral, "a\nb")]),
    // Expandable strings: escapes.
    ("\"abc\"", [.text(.stringExpandable, "abc")]),
    ("\"\"", [.text(.stringExpandable, "")]),
    (
      "\"`0`a`b`e`f`n`r`t`v\"",
      [.text(.stringExpandable, "\u{0}\u{7}\u{8}\u{1B}\u{C}\n\r\t\u{B}")]
    ),
    ("\"`u{1F600}\"", [.text(.stringExpandable, "\u{1F600}")]),
    ("\"`u{41}`u{263A}\"", [.text(.stringExpandable, "A\u{263A}")]),
    ("\"`$a\"", [.text(.stringExpandable, "$a")]),
    ("\"``\"", [.text(.stringExpandable, "`")]),
    ("\"`\"\"", [.text(.stringExpandable, "\"")]),
    ("\"`q\"", [.text(.stringExpandable, "q")]),  // any other character is taken literally
    ("\"say \"\"hi\"\"\"", [.text(.stringExpandable, "say \"hi\"")]),
    ("\"it's\"", [.text(.stringExpandable, "it's")]),
    ("\"$ and $\"", [.text(.stringExpandable, "$ and $")]),  // a `$` that starts nothing is literal
    ("\"cost `$5\"", [.text(.stringExpandable, "cost $5")]),
    // Expansions.
    ("\"$var\"", [.expandable(.stringExpandable, [.v("var")])]),
    ("\"${x}\"", [.expandable(.stringExpandable, [.v("x", braced: true)])]),
    ("\"${any name}!\"", [.expandable(.stringExpandable, [.v("any name", braced: true), .lit("!")])]),
    ("\"a$(1+2)b\"", [.expandable(.stringExpandable, [.lit("a"), .sub("1+2"), .lit("b")])]),
    ("\"$($a.b)\"", [.expandable(.stringExpandable, [.sub("$a.b")])]),
    ("\"$((1)+(2))\"", [.expandable(.stringExpandable, [.sub("(1)+(2)")])]),
    ("\"$a.Length\"", [.expandable(.stringExpandable, [.v("a"), .lit(".Length")])]),
    ("\"$a[0]\"", [.expandable(.stringExpandable, [.v("a"), .lit("[0]")])]),
    ("\"$env:PATH\"", [.expandable(.stringExpandable, [.v("env:PATH")])]),
    ("\"$script:x!\"", [.expandable(.stringExpandable, [.v("script:x"), .lit("!")])]),
    ("\"$a$b\"", [.expandable(.stringExpandable, [.v("a"), .v("b")])]),
    ("\"$_ $? $$ $^\"", [
      .expandable(.stringExpandable, [.v("_"), .lit(" "), .v("?"), .lit(" "), .v("$"), .lit(" "), .v("^")]),
    ]),
    ("\"Hi, $name.\"", [.expandable(.stringExpandable, [.lit("Hi, "), .v("name"), .lit(".")])]),
    // Here-strings: the body excludes the line break before the footer.
    ("@'\nline1\nline2\n'@", [.text(.hereStringLiteral, "line1\nline2")]),
    ("@'\n'@", [.text(.hereStringLiteral, "")]),
    ("@'\n\n'@", [.text(.hereStringLiteral, "")]),
    ("@'\r\nx\r\n'@", [.text(.hereStringLiteral, "x")]),
    ("@'  \nx\n'@", [.text(.hereStringLiteral, "x")]),  // white space may follow the header
    ("@'\n$a `n 'q' \"q\"\n'@", [.text(.hereStringLiteral, "$a `n 'q' \"q\"")]),
    ("@'\n '@\n'@", [.text(.hereStringLiteral, " '@")]),  // an indented '@ is body text
    ("@\"\nHi $name\n\"@", [.expandable(.hereStringExpandable, [.lit("Hi "), .v("name")])]),
    ("@\"\nsay \"hi\"`t!\n\"@", [.text(.hereStringExpandable, "say \"hi\"\t!")]),
    ("@\"\n$(1)\n\"@", [.expandable(.hereStringExpandable, [.sub("1")])]),
    ("@\"\na\n\nb\n\"@", [.text(.hereStringExpandable, "a\n\nb")]),
    ("@'\nx\n'@ + 1", [.text(.hereStringLiteral, "x"), .punct(.plus), .number("1", .int32(1))]),
    // Typographic quotes.
    ("\u{2018}abc\u{2019}", [.text(.stringLiteral, "abc")]),
    ("\u{201A}abc\u{201B}", [.text(.stringLiteral, "abc")]),
    ("'it\u{2019}\u{2019}s'", [.text(.stringLiteral, "it\u{2019}s")]),
    ("\u{201C}abc\u{201D}", [.text(.stringExpandable, "abc")]),
    ("\u{201E}abc\u{201C}", [.text(.stringExpandable, "abc")]),
    ("\u{201C}a $b\u{201D}", [.expandable(.stringExpandable, [.lit("a "), .v("b")])]),
    ("@\u{2018}\nx\n\u{2019}@", [.text(.hereStringLiteral, "x")]),
    ("@\u{201C}\n$x\n\u{201D}@", [.expandable(.hereStringExpandable, [.v("x")])]),
  ]

  @Test(arguments: stringRows)
  func strings(_ src: String, _ expected: [Tok]) {
    Self.check(src, .expression, expected)
  }

  /// Parts of an expandable token carry the extent of the `$…` they came from.
  @Test(arguments: [
    ("\"a$b c\"", 2, 4, nil as Int?, nil as Int?),
    ("\"${b}\"", 1, 5, nil, nil),
    ("\"x$(1+2)\"", 2, 8, 4, 7),
    ("pre$(1)", 3, 7, 5, 6),
  ])
  func partExtents(_ src: String, _ start: Int, _ end: Int, _ innerStart: Int?, _ innerEnd: Int?) {
    var l = Lexer(source: SourceFile(path: "t", text: src))
    let t = l.next(.command)
    guard case .expandable(let template, let parts) = l.value(t) else {
      Issue.record("not expandable: \(t.kind) \(l.value(t))")
      return
    }
    #expect(template == src)
    let expansions = parts.filter { if case .literal = $0 { false } else { true } }
    #expect(expansions.count == 1)
    switch expansions.first {
    case .variable(_, let r):
      #expect(r == SourceRange(start: start, end: end))
      #expect(innerStart == nil)
    case .subexpression(let r, let inner):
      #expect(r == SourceRange(start: start, end: end))
      #expect(inner == SourceRange(start: innerStart ?? -1, end: innerEnd ?? -1))
    default:
      Issue.record("no expansion in \(parts)")
    }
  }

  // MARK: - Extents

  static let extentRows: [(String, Lexer.Mode, [Int])] = [
    // Pairs of start, end offsets.
    ("Get-Item -Name x", .command, [0, 8, 9, 14, 15, 16]),
    ("-Name:value", .command, [0, 6, 6, 11]),
    ("\"a\" 'b'", .expression, [0, 3, 4, 7]),
    ("a\r\nb", .command, [0, 1, 1, 3, 3, 4]),
    ("@'\nx\n'@", .expression, [0, 7]),
    ("10kb", .command, [0, 4]),
    ("a 2>&1", .command, [0, 1, 2, 6]),
    ("$a -ceq 1", .expression, [0, 2, 3, 7, 8, 9]),
    ("${a b}", .command, [0, 6]),
    ("a <# c #> b # d", .command, [0, 1, 10, 11]),
    ("1..10", .expression, [0, 1, 1, 3, 3, 5]),
    ("\u{1F600}x y", .command, [0, 2, 3, 4]),  // offsets count Unicode scalars
  ]

  @Test(arguments: extentRows)
  func extents(_ src: String, _ mode: Lexer.Mode, _ offsets: [Int]) {
    let (tokens, lexer) = Self.lex(src, mode)
    #expect(tokens.flatMap { [$0.range.start, $0.range.end] } == offsets)
    #expect(lexer.errors.isEmpty)
  }

  @Test func endOfInputSitsOnePastTheText() {
    var l = Lexer(source: SourceFile(path: "t", text: "ab "))
    #expect(l.next(.command).kind == .generic)
    for _ in 0..<3 {
      let t = l.next(.command)
      #expect(t.kind == .endOfInput)
      #expect(t.range == SourceRange(at: 4))
    }
  }

  // MARK: - Comments

  static let commentRows: [(String, [Int], [Bool])] = [
    // Comment extents as start, end pairs; whether each is a block comment.
    ("a # c", [2, 5], [false]),
    ("# c\nx", [0, 3], [false]),
    ("a <# b #> c", [2, 9], [true]),
    ("# x\n<# y\nz #>", [0, 3, 4, 13], [false, true]),
    ("<##>", [0, 4], [true]),
    ("#requires -Version 7\nx", [0, 20], [false]),
    ("a#b", [], []),  // `#` inside a word is not a comment
    ("'# no' \"<# no #>\"", [], []),
  ]

  @Test(arguments: commentRows)
  func comments(_ src: String, _ offsets: [Int], _ blocks: [Bool]) {
    let (_, lexer) = Self.lex(src, .command)
    #expect(lexer.comments.flatMap { [$0.range.start, $0.range.end] } == offsets)
    #expect(lexer.comments.map(\.isBlock) == blocks)
    #expect(lexer.errors.isEmpty)
  }

  @Test func rereadingATokenRecordsItsCommentOnce() {
    var l = Lexer(source: SourceFile(path: "t", text: "# c\na"))
    _ = l.next(.command)
    l.position = 0
    _ = l.next(.expression)
    #expect(l.comments.count == 1)
  }

  /// Re-read variables reuse the path made before; one at an offset sharing its memo slot (or
  /// a longer name from the same offset) must still get its own.
  @Test func rereadVariablesKeepTheirOwnPaths() {
    let src = "$abc $de; $abcdefg $x"
    var l = Lexer(source: SourceFile(path: "t", text: src))
    var first: [String] = []
    while true {
      let t = l.next(.command)
      if t.kind == .endOfInput { break }
      if t.kind == .variable { first.append(l.text(t)) }
    }
    #expect(first == ["abc", "de", "abcdefg", "x"])
    l.position = 0
    var again: [String] = []
    while true {
      let t = l.next(.expression)
      if t.kind == .endOfInput { break }
      if t.kind == .variable { again.append(l.text(t)) }
    }
    #expect(again == first)
    // Offsets 0 and 8 share a slot: `$abc` at 0, then the bare word `$x…` read at 8.
    var m = Lexer(source: SourceFile(path: "t", text: "$abc;   $abcdefgh"))
    _ = m.next(.command)
    _ = m.next(.command)
    let late = m.next(.command)
    #expect(m.text(late) == "abcdefgh")
    m.position = 0
    let early = m.next(.expression)
    #expect(m.text(early) == "abc")
  }

  // MARK: - Variable paths

  static let variablePathRows: [(String, String, String?, String, Bool, Bool)] = [
    // source, userPath, qualifier, name, isScopeQualified, isUsing
    ("$x", "x", nil, "x", false, false),
    ("$env:PATH", "env:PATH", "env", "PATH", false, false),
    ("$script:x", "script:x", "script", "x", true, false),
    ("$global:x", "global:x", "global", "x", true, false),
    ("$local:x", "local:x", "local", "x", true, false),
    ("$private:x", "private:x", "private", "x", true, false),
    ("$using:x", "using:x", "using", "x", true, true),
    ("$function:f", "function:f", "function", "f", false, false),
    ("${env:ProgramFiles(x86)}", "env:ProgramFiles(x86)", "env", "ProgramFiles(x86)", false, false),
  ]

  @Test(arguments: variablePathRows)
  func variablePath(
    _ src: String, _ userPath: String, _ qualifier: String?, _ name: String, _ scoped: Bool, _ using: Bool
  ) {
    for mode in [Lexer.Mode.command, .expression] {
      var l = Lexer(source: SourceFile(path: "t", text: src))
      let t = l.next(mode)
      guard case .variable(let v) = l.value(t) else {
        Issue.record("\(src): not a variable but \(t.kind)")
        continue
      }
      #expect(t.kind == .variable)
      #expect(v.userPath == userPath)
      #expect(v.qualifier == qualifier)
      #expect(v.name == name)
      #expect(v.isScopeQualified == scoped)
      #expect(v.isUsing == using)
      #expect(t.range.end == src.unicodeScalars.count)
    }
  }

  // MARK: - Errors

  static let errorRows: [(String, Lexer.Mode, [Err])] = [
    // Unterminated strings: reported at the opening quote, as incomplete input.
    ("'abc", .expression, [Err(.terminatorExpectedAtEndOfString, 0, incomplete: true)]),
    ("\"abc", .expression, [Err(.terminatorExpectedAtEndOfString, 0, incomplete: true)]),
    ("x 'abc", .command, [Err(.terminatorExpectedAtEndOfString, 2, incomplete: true)]),
    ("x \"a$b", .command, [Err(.terminatorExpectedAtEndOfString, 2, incomplete: true)]),
    ("x a'bc", .command, [Err(.terminatorExpectedAtEndOfString, 3, incomplete: true)]),
    ("\u{201C}abc", .expression, [Err(.terminatorExpectedAtEndOfString, 0, incomplete: true)]),
    ("@'\nabc", .expression, [Err(.terminatorExpectedAtEndOfString, 0, incomplete: true)]),
    ("x = @\"\nabc\n", .expression, [Err(.terminatorExpectedAtEndOfString, 4, incomplete: true)]),
    ("@'", .expression, [Err(.terminatorExpectedAtEndOfString, 0, incomplete: true)]),
    // A here-string footer must start its line.
    ("@'\nabc\n  '@", .expression, [Err(.whitespaceBeforeHereStringFooter, 9, incomplete: true)]),
    ("@\"\nabc\n\t\"@", .expression, [Err(.whitespaceBeforeHereStringFooter, 8, incomplete: true)]),
    // Unicode escapes.
    ("\"`u{}\"", .expression, [Err(.invalidUnicodeEscapeSequence, 1)]),
    ("\"`u{110000}\"", .expression, [Err(.invalidUnicodeEscapeSequenceValue, 4)]),
    ("\"`u{1234567}\"", .expression, [Err(.tooManyDigitsInUnicodeEscapeSequence, 10)]),
    // A backtick at the end of the text, where a token would start: reported one past the end.
    ("x `", .command, [Err(.incompleteString, 4, incomplete: true)]),
    // Comments.
    ("a <# x", .command, [Err(.missingTerminatorMultiLineComment, 2, incomplete: true)]),
    ("<# x\ny", .expression, [Err(.missingTerminatorMultiLineComment, 0, incomplete: true)]),
    // Variables.
    ("${abc", .expression, [Err(.incompleteDollarVariableReference, 1, incomplete: true)]),
    ("${}", .expression, [Err(.emptyVariableReference, 2)]),
    // Numbers with number syntax but no value in their type: errors in expression mode,
    // reported at the end of the literal (about_Numeric_Literals: `1usgb`).
    ("128y", .expression, [Err(.badNumericConstant, 4)]),
    ("256uy", .expression, [Err(.badNumericConstant, 5)]),
    ("1usgb", .expression, [Err(.badNumericConstant, 5)]),
    ("x = 0x1FFFFFFFFFFFFFFFF", .expression, [Err(.badNumericConstant, 23)]),
  ]

  @Test(arguments: errorRows)
  func errors(_ src: String, _ mode: Lexer.Mode, _ expected: [Err]) {
    let (tokens, lexer) = Self.lex(src, mode)
    #expect(lexer.errors.map(Err.init) == expected, "\(src.debugDescription)")
    Self.checkExtents(tokens, lexer.source.count, src)
  }

  /// Re-reading a token (as the parser does when it changes mode) does not repeat its errors.
  @Test func rereadingDoesNotRepeatErrors() {
    var l = Lexer(source: SourceFile(path: "t", text: "'abc"))
    _ = l.next(.command)
    l.position = 0
    _ = l.next(.expression)
    #expect(l.errors.count == 1)
  }
}
