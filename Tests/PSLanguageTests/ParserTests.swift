import Testing

@testable import PSLanguage

/// Renders a syntax tree as a compact S-expression so that table-driven tests can state the
/// expected tree shape in one line: `1 + 2 * 3` is `(+ 1 (* 2 3))`.
///
/// Conventions: a pipeline of one plain expression is just the expression; commands are
/// `(cmd name args…)`; `(| a b)` is a pipeline; blocks are `{s1; s2}`; strings keep their quotes;
/// numbers and variables are written as in the source.
struct Shape {
  let source: SourceFile

  static func of(_ text: String) -> String {
    let r = Parser.parse(text)
    return Shape(source: r.source).statements(r.ast.endBlock?.statements ?? [])
  }

  func statements(_ list: [StatementAst]) -> String {
    list.map(statement).joined(separator: "; ")
  }

  func block(_ b: StatementBlockAst) -> String { "{" + statements(b.statements) + "}" }

  func opt(_ s: StatementAst?) -> String { s.map(statement) ?? "_" }

  func statement(_ s: StatementAst) -> String {
    switch s.kind {
    case .pipeline(let p): return pipeline(p)
    case .pipelineChain(let c):
      return "(\(c.op.rawValue) \(statement(c.left)) \(pipeline(c.right)))" + (c.isBackground ? " &" : "")
    case .assignment(let a):
      return "(\(a.op.rawValue) \(expr(a.left)) \(statement(a.right)))"
    case .ifStatement(let i):
      var parts = ["if"]
      for (n, c) in i.clauses.enumerated() {
        if n > 0 { parts.append("elseif") }
        parts.append(statement(c.condition))
        parts.append(block(c.body))
      }
      if let e = i.elseBody { parts += ["else", block(e)] }
      return "(" + parts.joined(separator: " ") + ")"
    case .switchStatement(let sw):
      var parts = ["switch"]
      if let l = sw.label { parts.append(":" + l) }
      if sw.flags.contains(.regex) { parts.append("-regex") }
      if sw.flags.contains(.wildcard) { parts.append("-wildcard") }
      if sw.flags.contains(.caseSensitive) { parts.append("-casesensitive") }
      if sw.flags.contains(.file) { parts.append("-file") }
      parts.append(opt(sw.condition))
      for c in sw.clauses { parts.append("(\(expr(c.condition)) \(block(c.body)))") }
      if let d = sw.defaultBody { parts.append("(default \(block(d)))") }
      return "(" + parts.joined(separator: " ") + ")"
    case .foreachStatement(let f):
      return "(foreach\(label(f.label)) \(expr(f.variable)) \(statement(f.collection)) \(block(f.body)))"
    case .forStatement(let f):
      return "(for\(label(f.label)) \(opt(f.initializer)) \(opt(f.condition)) \(opt(f.iterator)) \(block(f.body)))"
    case .whileStatement(let w):
      return "(while\(label(w.label)) \(statement(w.condition)) \(block(w.body)))"
    case .doLoop(let d):
      return "(do-\(d.isUntil ? "until" : "while")\(label(d.label)) \(block(d.body)) \(statement(d.condition)))"
    case .tryStatement(let t):
      var parts = ["try", block(t.body)]
      for c in t.catchClauses {
        parts.append("(catch" + c.types.map { " [\($0)]" }.joined() + " \(block(c.body)))")
      }
      if let f = t.finallyBody { parts.append("(finally \(block(f)))") }
      return "(" + parts.joined(separator: " ") + ")"
    case .trap(let t):
      return "(trap" + (t.type.map { " [\($0)]" } ?? "") + " \(block(t.body)))"
    case .functionDefinition(let f):
      let params = f.parameters.isEmpty ? "" : " (" + f.parameters.map(parameter).joined(separator: ", ") + ")"
      return "(\(f.isFilter ? "filter" : "function") \(f.name)\(params) \(scriptBlock(f.body)))"
    case .breakStatement(let l): return "(break" + (l.map { " " + expr($0) } ?? "") + ")"
    case .continueStatement(let l): return "(continue" + (l.map { " " + expr($0) } ?? "") + ")"
    case .returnStatement(let v): return "(return" + (v.map { " " + statement($0) } ?? "") + ")"
    case .exitStatement(let v): return "(exit" + (v.map { " " + statement($0) } ?? "") + ")"
    case .throwStatement(let v): return "(throw" + (v.map { " " + statement($0) } ?? "") + ")"
    case .dataSection(let d):
      return "(data" + (d.variableName.map { " " + $0 } ?? "") + " \(block(d.body)))"
    case .error: return "(error-statement)"
    }
  }

  func label(_ l: String?) -> String { l.map { " :" + $0 } ?? "" }

  func pipeline(_ p: PipelineAst) -> String {
    let elements = p.elements.map(element)
    let body = elements.count == 1 ? elements[0] : "(| " + elements.joined(separator: " ") + ")"
    return body + (p.isBackground ? " &" : "")
  }

  func element(_ e: CommandBaseAst) -> String {
    switch e {
    case .expression(let ce):
      if ce.redirections.isEmpty { return expr(ce.expression) }
      return "(expr " + expr(ce.expression) + ce.redirections.map { " " + redirection($0) }.joined() + ")"
    case .command(let c):
      var parts = [c.invocationOperator == .none ? "cmd" : c.invocationOperator.rawValue]
      for el in c.elements {
        switch el {
        case .argument(let a): parts.append(expr(a))
        case .parameter(let p):
          parts.append("-" + p.name + (p.hasColon ? ":" : "") + (p.argument.map(expr) ?? ""))
        case .stopParsing(let s, _): parts.append("--% " + s)
        }
      }
      parts += c.redirections.map(redirection)
      return "(" + parts.joined(separator: " ") + ")"
    }
  }

  func stream(_ s: RedirectionStream) -> String { s == .all ? "*" : String(s.rawValue) }

  func redirection(_ r: RedirectionAst) -> String {
    if let m = r.mergeTo { return "\(stream(r.from))>&\(stream(m))" }
    return stream(r.from) + (r.append ? ">>" : ">") + (r.target.map(expr) ?? "?")
  }

  func parameter(_ p: ParameterAst) -> String {
    let attrs = p.attributes.map { a -> String in
      switch a {
      case .typeConstraint(let t): return "[\(t)]"
      case .attribute(let at): return attribute(at)
      }
    }.joined()
    return attrs + p.name.description + (p.defaultValue.map { " = " + expr($0) } ?? "")
  }

  func attribute(_ a: AttributeAst) -> String {
    let args = a.positionalArguments.map(expr) + a.namedArguments.map { n in n.name + (n.value.map { "=" + expr($0) } ?? "") }
    return "[\(a.typeName)(\(args.joined(separator: ", ")))]"
  }

  func scriptBlock(_ sb: ScriptBlockAst) -> String {
    var parts: [String] = []
    if let p = sb.paramBlock {
      parts.append(p.attributes.map(attribute).joined() + "param(" + p.parameters.map(parameter).joined(separator: ", ") + ")")
    }
    for b in sb.namedBlocks {
      if b.isNamed {
        parts.append(b.kind.rawValue + "{" + statements(b.statements) + "}")
      } else if !b.statements.isEmpty {
        parts.append(statements(b.statements))
      }
    }
    return "{" + parts.joined(separator: " ") + "}"
  }

  func expr(_ e: ExpressionAst) -> String {
    switch e.kind {
    case .number: return source.text(e.extent)
    case .string(let s, let q):
      switch q {
      case .bareWord: return s
      case .singleQuoted: return "'\(s)'"
      case .doubleQuoted: return "\"\(s)\""
      case .singleQuotedHereString: return "@'\(s)'@"
      case .doubleQuotedHereString: return "@\"\(s)\"@"
      }
    case .expandableString(let parts, let q):
      let inner = parts.map { p -> String in
        switch p {
        case .literal(let s): return "\"\(s)\""
        case .expression(let x): return expr(x)
        }
      }
      return "(\(q == .bareWord ? "word" : "str") " + inner.joined(separator: " ") + ")"
    case .variable(let v): return v.description
    case .splattedVariable(let v): return "@" + v.userPath
    case .typeLiteral(let t): return "[\(t)]"
    case .binary(let op, let l, let r, _): return "(\(op) \(expr(l)) \(expr(r)))"
    case .unary(let op, let x):
      switch op {
      case .postIncrement: return "(post++ \(expr(x)))"
      case .postDecrement: return "(post-- \(expr(x)))"
      default: return "(\(op) \(expr(x)))"
      }
    case .convert(let t, let x): return "([\(t)] \(expr(x)))"
    case .attributed(let a, let x): return "(\(attribute(a)) \(expr(x)))"
    case .arrayLiteral(let items): return "(, " + items.map(expr).joined(separator: " ") + ")"
    case .arrayExpression(let s): return "@(" + statements(s) + ")"
    case .subExpression(let s): return "$(" + statements(s) + ")"
    case .paren(let s): return "(paren " + statement(s) + ")"
    case .hashtable(let entries):
      return "@{" + entries.map { "\(expr($0.key))=\(statement($0.value))" }.joined(separator: "; ") + "}"
    case .scriptBlock(let sb): return scriptBlock(sb)
    case .member(let m): return "(\(accessOp(m)) \(expr(m.target)) \(expr(m.member)))"
    case .invokeMember(let m, let args):
      return "(\(accessOp(m))() \(expr(m.target)) \(expr(m.member))" + args.map { " " + expr($0) }.joined() + ")"
    case .index(let t, let i, let nc): return "(\(nc ? "?[]" : "[]") \(expr(t)) \(expr(i)))"
    case .ternary(let c, let a, let b): return "(? \(expr(c)) \(expr(a)) \(expr(b)))"
    case .error(let parts): return "(error" + parts.map { " " + expr($0) }.joined() + ")"
    }
  }

  func accessOp(_ m: MemberAccess) -> String { m.isStatic ? "::" : m.isNullConditional ? "?." : "." }
}

/// Parses `text`, expecting no errors, and returns the result.
func parseClean(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> Parser.Result {
  let r = Parser.parse(text)
  #expect(r.errors.isEmpty, "unexpected errors in \(text): \(r.errors)", sourceLocation: sourceLocation)
  return r
}

/// The statements of a script's unnamed block.
func topStatements(_ r: Parser.Result) -> [StatementAst] { r.ast.endBlock?.statements ?? [] }

/// The single pipeline's single command of a one-statement script.
func onlyCommand(_ r: Parser.Result, sourceLocation: SourceLocation = #_sourceLocation) -> CommandAst? {
  guard let s = topStatements(r).first, case .pipeline(let p) = s.kind, p.elements.count == 1,
    case .command(let c) = p.elements[0]
  else {
    Issue.record("not a single command", sourceLocation: sourceLocation)
    return nil
  }
  return c
}

struct ParserTests {
  struct ShapeCase: CustomTestStringConvertible, Sendable {
    var source: String
    var shape: String
    var testDescription: String { source.replacingOccurrences(of: "\n", with: "⏎") }
    init(_ source: String, _ shape: String) {
      self.source = source
      self.shape = shape
    }
  }

  // MARK: - Table: tree shapes

  static let pipelines: [ShapeCase] = [
    .init(
      "Get-Process | Where-Object {$_.CPU -gt 10} | Select-Object Name",
      "(| (cmd Get-Process) (cmd Where-Object {(-gt (. $_ CPU) 10)}) (cmd Select-Object Name))"),
    .init("2+2", "(+ 2 2)"),
    .init("Write-Output 2+2", "(cmd Write-Output 2+2)"),
    .init("Write-Output (2+2)", "(cmd Write-Output (paren (+ 2 2)))"),
    .init("Write-Output 1 -eq 1", "(cmd Write-Output 1 -eq 1)"),
    .init("Write-Output a,b , c", "(cmd Write-Output (, a b c))"),
    .init("$x | ForEach-Object { $_ * 2 }", "(| $x (cmd ForEach-Object {(* $_ 2)}))"),
    .init("Get-Item x\n| Remove-Item", "(| (cmd Get-Item x) (cmd Remove-Item))"),
    .init("Get-Item x |\n  Remove-Item", "(| (cmd Get-Item x) (cmd Remove-Item))"),
    .init("a && b || c", "(|| (&& (cmd a) (cmd b)) (cmd c))"),
    .init("Start-Sleep 1 &", "(cmd Start-Sleep 1) &"),
    .init("& $cmd -x 1", "(& $cmd -x 1)"),
    .init(". ./lib.ps1", "(. ./lib.ps1)"),
    .init("& 'C:\\my tool.exe' a", "(& 'C:\\my tool.exe' a)"),
    .init("git --% log -n 1 | x", "(cmd git --% log -n 1 | x)"),
    .init("a; b\nc", "(cmd a); (cmd b); (cmd c)"),
    .init("Write-Output $x.Name $y[0]", "(cmd Write-Output (. $x Name) ([] $y 0))"),
    .init("Write-Output a$b", "(cmd Write-Output (word \"a\" $b))"),
    .init("Get-ChildItem -Path C:\\ -Recurse", "(cmd Get-ChildItem -Path C:\\ -Recurse)"),
    .init("ls -- -x", "(cmd ls -x)"),
  ]

  static let operators: [ShapeCase] = [
    .init("1 + 2 * 3", "(+ 1 (* 2 3))"),
    .init("1 * 2 + 3", "(+ (* 1 2) 3)"),
    .init("1 - 2 - 3", "(- (- 1 2) 3)"),
    .init("1,2 + 3", "(+ (, 1 2) 3)"),
    .init("-not $a -eq $b", "(-eq (-not $a) $b)"),
    .init("!$a -and $b", "(-and (! $a) $b)"),
    .init("$a -and $b -or $c", "(-or (-and $a $b) $c)"),
    .init("$a -or $b -and $c", "(-and (-or $a $b) $c)"),
    .init("1..3 + 4", "(+ (.. 1 3) 4)"),
    .init("'{0}' -f 1", "(-f '{0}' 1)"),
    .init("'{0}{1}' -f 1, 2", "(-f '{0}{1}' (, 1 2))"),
    .init("'{0}' -f 1 * 2", "(* (-f '{0}' 1) 2)"),
    .init("1 -band 3 -eq 3", "(-band 1 (-eq 3 3))"),
    .init("$a -eq 1 -and $b -ne 2", "(-and (-eq $a 1) (-ne $b 2))"),
    .init("$x ?? 'd'", "(?? $x 'd')"),
    .init("$a + $b ?? $c", "(?? (+ $a $b) $c)"),
    .init("$c ? 1 : 2", "(? $c 1 2)"),
    .init("$a -replace 'x', 'y'", "(-replace $a (, 'x' 'y'))"),
    .init("-split $s", "(-split $s)"),
    .init("-join $a", "(-join $a)"),
    .init("$a -join ','", "(-join $a ',')"),
    .init("$s -split ',' -contains 'x'", "(-contains (-split $s ',') 'x')"),
    .init("$x -is [int]", "(-is $x [int])"),
    .init("$x -as [string[]]", "(-as $x [string[]])"),
    .init("- $x", "(- $x)"),
    .init(",1", "(, 1)"),
    .init("$i++", "(post++ $i)"),
    .init("--$i", "(-- $i)"),
    .init("-bnot 5", "(-bnot 5)"),
    .init("$a -cmatch 'x'", "(-cmatch $a 'x')"),
    .init("1 +\n 2", "(+ 1 2)"),
    .init("[int]'5' + 1", "(+ ([int] '5') 1)"),
    .init("-not [bool]$x", "(-not ([bool] $x))"),
  ]

  static let assignments: [ShapeCase] = [
    .init("$a = 1", "(= $a 1)"),
    .init("$a, $b = 1, 2", "(= (, $a $b) (, 1 2))"),
    .init("[int]$x = 5", "(= ([int] $x) 5)"),
    .init("$h.x += 1", "(+= (. $h x) 1)"),
    .init("$h['k'] -= 2", "(-= ([] $h 'k') 2)"),
    .init("$x ??= 3", "(??= $x 3)"),
    .init("$x *= 2; $y /= 2; $z %= 2", "(*= $x 2); (/= $y 2); (%= $z 2)"),
    .init("$a = $b = 0", "(= $a (= $b 0))"),
    .init("$r = Get-Item x", "(= $r (cmd Get-Item x))"),
    .init("$r = if ($x) { 1 } else { 2 }", "(= $r (if $x {1} else {2}))"),
    .init("$env:PATH = 'x'", "(= $env:PATH 'x')"),
    .init("${a b} = 1", "(= ${a b} 1)"),
    .init("$a =\n  1", "(= $a 1)"),
  ]

  static let controlFlow: [ShapeCase] = [
    .init("if ($x) { 1 }", "(if $x {1})"),
    .init("if ($x) { 1 } elseif ($y) { 2 } else { 3 }", "(if $x {1} elseif $y {2} else {3})"),
    .init("if ($x) {\n 1\n}\nelseif ($y) {\n 2\n}\nelse {\n 3\n}", "(if $x {1} elseif $y {2} else {3})"),
    .init("if (Test-Path x) { }", "(if (cmd Test-Path x) {})"),
    .init("if ($a -and -not $b) { }", "(if (-and $a (-not $b)) {})"),
    .init("foreach ($i in 1..3) { $i }", "(foreach $i (.. 1 3) {$i})"),
    .init("foreach ($i in Get-Item x) { }", "(foreach $i (cmd Get-Item x) {})"),
    .init("for ($i = 0; $i -lt 3; $i++) { $i }", "(for (= $i 0) (-lt $i 3) (post++ $i) {$i})"),
    .init("for (;;) { break }", "(for _ _ _ {(break)})"),
    .init("while ($true) { continue }", "(while $true {(continue)})"),
    .init("do { $i++ } while ($i -lt 3)", "(do-while {(post++ $i)} (-lt $i 3))"),
    .init("do { $i++ } until ($i -ge 3)", "(do-until {(post++ $i)} (-ge $i 3))"),
    .init("do {\n $i++\n}\nuntil ($i -ge 3)", "(do-until {(post++ $i)} (-ge $i 3))"),
    .init(":outer foreach ($a in $b) { break outer }", "(foreach :outer $a $b {(break outer)})"),
    .init(":l while (1) { foreach ($x in $y) { continue l } }", "(while :l 1 {(foreach $x $y {(continue l)})})"),
    .init(":l for (;;) { }", "(for :l _ _ _ {})"),
    .init(":l do { } while (0)", "(do-while :l {} 0)"),
    .init(":sw switch (1) { 1 { break sw } }", "(switch :sw 1 (1 {(break sw)}))"),
    .init("return", "(return)"),
    .init("return 1", "(return 1)"),
    .init("return $a + 1", "(return (+ $a 1))"),
    .init("return Get-Date", "(return (cmd Get-Date))"),
    .init("exit 3", "(exit 3)"),
    .init("exit", "(exit)"),
    .init("throw 'bad'", "(throw 'bad')"),
    .init("throw", "(throw)"),
    .init("break; continue", "(break); (continue)"),
    .init("trap { continue }", "(trap {(continue)})"),
    .init("trap [System.IO.IOException] { 'io' }", "(trap [System.IO.IOException] {'io'})"),
    .init("try { 1 } catch { 2 }", "(try {1} (catch {2}))"),
    .init("try { 1 } finally { 3 }", "(try {1} (finally {3}))"),
    .init(
      "try { 1 } catch [System.IO.IOException], [System.Net.WebException] { 2 } catch { 3 } finally { 4 }",
      "(try {1} (catch [System.IO.IOException] [System.Net.WebException] {2}) (catch {3}) (finally {4}))"),
    .init("try {\n 1\n}\ncatch [a] {\n 2\n}\nfinally {\n}", "(try {1} (catch [a] {2}) (finally {}))"),
    .init("data { 'x' }", "(data {'x'})"),
    .init("data msgs { 'x' }", "(data msgs {'x'})"),
  ]

  static let switches: [ShapeCase] = [
    .init("switch ($x) { 1 { 'one' } default { 'other' } }", "(switch $x (1 {'one'}) (default {'other'}))"),
    .init("switch -regex ($s) { '^a' { 1 } }", "(switch -regex $s ('^a' {1}))"),
    .init("switch -wildcard ($s) { 'a*' { 1 } }", "(switch -wildcard $s ('a*' {1}))"),
    .init("switch -exact ($s) { a { 1 } }", "(switch $s (a {1}))"),
    .init("switch -regex -exact ($s) { a { 1 } }", "(switch $s (a {1}))"),
    .init("switch -casesensitive ($s) { A { 1 } }", "(switch -casesensitive $s (A {1}))"),
    .init("switch -Regex -CaseSensitive ($s) { x { } }", "(switch -regex -casesensitive $s (x {}))"),
    .init("switch -r ($s) { x { } }", "(switch -regex $s (x {}))"),
    .init("switch ($n) { {$_ -gt 5} { 'big' } }", "(switch $n ({(-gt $_ 5)} {'big'}))"),
    .init("switch ($n)\n{\n  1 { 'a' }\n  2 { 'b'; break }\n  default { 'c' }\n}", "(switch $n (1 {'a'}) (2 {'b'; (break)}) (default {'c'}))"),
    .init("switch (1, 2) { $v { } }", "(switch (, 1 2) ($v {}))"),
    .init("switch -file x.txt { a { } }", "(switch -file x.txt (a {}))"),
    .init("switch ($x) { 'a' { 1 }; 'b' { 2 } }", "(switch $x ('a' {1}) ('b' {2}))"),
    .init("switch ($x) { (1 + 1) { 2 } }", "(switch $x ((paren (+ 1 1)) {2}))"),
  ]

  static let functions: [ShapeCase] = [
    .init("function f { 1 }", "(function f {1})"),
    .init("function f($a, [int]$b = 2) { $a }", "(function f ($a, [int]$b = 2) {$a})"),
    .init("function Get-Thing { param($Name) $Name }", "(function Get-Thing {param($Name) $Name})"),
    .init(
      "function f { begin { 1 } process { $_ } end { 2 } }",
      "(function f {begin{1} process{$_} end{2}})"),
    .init("filter f { $_ }", "(filter f {$_})"),
    .init("filter f { begin { } process { $_ } }", "(filter f {begin{} process{$_}})"),
    .init("function f {\n  param(\n    [string]$a,\n    $b\n  )\n  $a\n}", "(function f {param([string]$a, $b) $a})"),
    .init("function global:f { }", "(function global:f {})"),
    .init("function f { [CmdletBinding()] param() }", "(function f {[CmdletBinding()]param()})"),
    .init("function f { param($a = 1, $b = 2) }", "(function f {param($a = 1, $b = 2)})"),
    .init("function f($a = (1, 2), $b) { }", "(function f ($a = (paren (, 1 2)), $b) {})"),
    .init("function f { param([ValidateRange(1, 10)][int]$n) }", "(function f {param([ValidateRange(1, 10)][int]$n)})"),
    .init("function f { param([ValidateSet('a', 'b')]$s, [Alias('n')]$Name) }", "(function f {param([ValidateSet('a', 'b')]$s, [Alias('n')]$Name)})"),
  ]

  static let expressions: [ShapeCase] = [
    .init("@{}", "@{}"),
    .init("@{a=1; b=2}", "@{a=1; b=2}"),
    .init("@{\n  a = 1\n  'b c' = Get-Date\n  3 = $x\n}", "@{a=1; 'b c'=(cmd Get-Date); 3=$x}"),
    .init("[ordered]@{a=1; b=2}", "([ordered] @{a=1; b=2})"),
    .init("@()", "@()"),
    .init("@(1, 2)", "@((, 1 2))"),
    .init("@(\n 1\n 2\n)", "@(1; 2)"),
    .init("$(1; 2)", "$(1; 2)"),
    .init("$(Get-Date).Year", "(. $((cmd Get-Date)) Year)"),
    .init("(Get-Date).Year", "(. (paren (cmd Get-Date)) Year)"),
    .init("[System.Net.IPAddress]::Parse('1.2.3.4')", "(::() [System.Net.IPAddress] Parse '1.2.3.4')"),
    .init("[string[]]$x", "([string[]] $x)"),
    .init("[System.Collections.Generic.List[string]]::new()", "(::() [System.Collections.Generic.List[string]] new)"),
    .init("[System.Collections.Generic.Dictionary[string, int]]::new()", "(::() [System.Collections.Generic.Dictionary[string,int]] new)"),
    .init("[Collections.Generic.List[int[]]]", "[Collections.Generic.List[int[]]]"),
    .init("[int[,]]", "[int[,]]"),
    .init("[int]", "[int]"),
    .init("[Math]::PI", "(:: [Math] PI)"),
    .init("[int]::MaxValue + 1", "(+ (:: [int] MaxValue) 1)"),
    .init("[int][string]$x", "([int] ([string] $x))"),
    .init("$x.Name", "(. $x Name)"),
    .init("$x.Name.Length", "(. (. $x Name) Length)"),
    .init("$x.$prop", "(. $x $prop)"),
    .init("$x.'a b'", "(. $x 'a b')"),
    .init("${x}?.Name", "(?. ${x} Name)"),
    .init("$x?.Name", "(. $x? Name)"),
    .init("$x.ToString()", "(.() $x ToString)"),
    .init("$x.Replace('a', 'b')", "(.() $x Replace 'a' 'b')"),
    .init("$x.Method(\n  1,\n  2\n)", "(.() $x Method 1 2)"),
    .init("$x.Method((1, 2))", "(.() $x Method (paren (, 1 2)))"),
    .init("$a[0]", "([] $a 0)"),
    .init("$a[0][1]", "([] ([] $a 0) 1)"),
    .init("$a[$i]", "([] $a $i)"),
    .init("$a[1..2]", "([] $a (.. 1 2))"),
    .init("$a[0, 2]", "([] $a (, 0 2))"),
    .init("${a}?[0]", "(?[] ${a} 0)"),
    .init("$h['k'].Count", "(. ([] $h 'k') Count)"),
    .init("$a.b[0].c()", "(.() ([] (. $a b) 0) c)"),
    .init("$x.\n  Trim().\n  Length", "(. (.() $x Trim) Length)"),
    .init("$x. Name", "(. $x Name)"),
    .init("$list.ForEach{ $_ * 2 }", "(.() $list ForEach {(* $_ 2)})"),
    .init("$list.Where{ $_ }.Count", "(. (.() $list Where {$_}) Count)"),
    .init("{ param($x) $x }", "{param($x) $x}"),
    .init("{ }", "{}"),
    .init("'a' + 'b'", "(+ 'a' 'b')"),
    .init("\"a $b c\"", "(str \"a \" $b \" c\")"),
    .init("\"x$(1 + 2)y\"", "(str \"x\" $((+ 1 2)) \"y\")"),
    .init("\"$($a.Name) is $(Get-Date)\"", "(str $((. $a Name)) \" is \" $((cmd Get-Date)))"),
    .init("\"$(\"inner $(1)\")\"", "(str $((str \"inner \" $(1))))"),
    .init("\"plain\"", "\"plain\""),
    .init("'it''s'", "'it's'"),
    .init("@'\nline $x\n'@", "@'line $x'@"),
    .init("@\"\nv=$x\n\"@", "(str \"v=\" $x)"),
    .init("@\"\nplain\n\"@", "@\"plain\"@"),
    .init("(1)", "(paren 1)"),
    .init("((1 + 2) * 3)", "(paren (* (paren (+ 1 2)) 3))"),
    .init("[pscustomobject]@{ Name = 'n' }", "([pscustomobject] @{Name='n'})"),
    .init("0x10 + 1kb", "(+ 0x10 1kb)"),
    .init("$null -eq $x", "(-eq $null $x)"),
  ]

  static let commandElements: [ShapeCase] = [
    .init("Get-Item -Name:value", "(cmd Get-Item -Name:value)"),
    .init("Get-Item -Name: value", "(cmd Get-Item -Name:value)"),
    .init("Get-Item -Force:$false", "(cmd Get-Item -Force:$false)"),
    .init("Get-Item -Name x", "(cmd Get-Item -Name x)"),
    .init("Get-Item @params", "(cmd Get-Item @params)"),
    .init("Get-Item @params -Force", "(cmd Get-Item @params -Force)"),
    .init("Get-Item x 2>&1", "(cmd Get-Item x 2>&1)"),
    .init("Get-Item x > $null", "(cmd Get-Item x 1>$null)"),
    .init("Get-Item x >> log.txt", "(cmd Get-Item x 1>>log.txt)"),
    .init("Get-Item x 2> err.txt 3>&1", "(cmd Get-Item x 2>err.txt 3>&1)"),
    .init("Get-Item x *> $null", "(cmd Get-Item x *>$null)"),
    .init("$x > $null", "(expr $x 1>$null)"),
    .init("Get-Item `\n  -Name x `\n  -Force", "(cmd Get-Item -Name x -Force)"),
    .init("$a = 1 + `\n 2", "(= $a (+ 1 2))"),
    .init("Write-Host \"a\" 'b' 3", "(cmd Write-Host \"a\" 'b' 3)"),
    .init("Write-Host -Object (1 + 2)", "(cmd Write-Host -Object (paren (+ 1 2)))"),
    .init("New-Thing -Values @(1, 2) -Map @{a=1}", "(cmd New-Thing -Values @((, 1 2)) -Map @{a=1})"),
    .init("Invoke-Command -ScriptBlock { 1 }", "(cmd Invoke-Command -ScriptBlock {1})"),
    .init("Write-Output $(1 + 1)", "(cmd Write-Output $((+ 1 1)))"),
    .init("Write-Output \"x $(Get-Date)\"", "(cmd Write-Output (str \"x \" $((cmd Get-Date))))"),
    .init("Write-Output @'\nhere\n'@", "(cmd Write-Output @'here'@)"),
  ]

  @Test(arguments: pipelines)
  func pipelineShape(_ c: ShapeCase) { check(c) }

  @Test(arguments: operators)
  func operatorPrecedence(_ c: ShapeCase) { check(c) }

  @Test(arguments: assignments)
  func assignmentShape(_ c: ShapeCase) { check(c) }

  @Test(arguments: controlFlow)
  func controlFlowShape(_ c: ShapeCase) { check(c) }

  @Test(arguments: switches)
  func switchShape(_ c: ShapeCase) { check(c) }

  @Test(arguments: functions)
  func functionShape(_ c: ShapeCase) { check(c) }

  @Test(arguments: expressions)
  func expressionShape(_ c: ShapeCase) { check(c) }

  @Test(arguments: commandElements)
  func commandElementShape(_ c: ShapeCase) { check(c) }

  func check(_ c: ShapeCase, sourceLocation: SourceLocation = #_sourceLocation) {
    let r = Parser.parse(c.source)
    #expect(r.errors.isEmpty, "errors: \(r.errors)", sourceLocation: sourceLocation)
    #expect(!r.isIncomplete, sourceLocation: sourceLocation)
    let shape = Shape(source: r.source).statements(topStatements(r))
    #expect(shape == c.shape, sourceLocation: sourceLocation)
  }

  // MARK: - Expression-first versus command

  @Test func expressionFirstIsBinaryExpression() throws {
    let r = parseClean("2+2")
    let s = try #require(topStatements(r).first)
    guard case .pipeline(let p) = s.kind, case .expression(let ce) = p.elements.first,
      case .binary(let op, let l, let rhs, let opExtent) = ce.expression.kind
    else {
      Issue.record("not a binary expression")
      return
    }
    #expect(op == .add)
    #expect(opExtent == SourceRange(start: 1, end: 2))
    guard case .number(let a) = l.kind, case .number(let b) = rhs.kind else {
      Issue.record("operands are not numbers")
      return
    }
    #expect(a.value == .int32(2) && b.value == .int32(2))
    #expect(ce.expression.extent == SourceRange(start: 0, end: 3))
  }

  @Test func commandArgumentIsOneBareWord() throws {
    let c = try #require(onlyCommand(parseClean("Write-Output 2+2")))
    #expect(c.commandName == "Write-Output")
    #expect(c.elements.count == 2)
    guard case .argument(let a) = c.elements[1], case .string(let s, let q) = a.kind else {
      Issue.record("argument is not a bare word")
      return
    }
    #expect(s == "2+2")
    #expect(q == .bareWord)
    #expect(a.extent == SourceRange(start: 13, end: 16))
  }

  @Test func pipelineHasThreeCommandsWithExtents() throws {
    let text = "Get-Process | Where-Object {$_.CPU -gt 10} | Select-Object Name"
    let r = parseClean(text)
    let s = try #require(topStatements(r).first)
    guard case .pipeline(let p) = s.kind else {
      Issue.record("not a pipeline")
      return
    }
    let names = p.elements.compactMap { e -> String? in
      if case .command(let c) = e { return c.commandName }
      return nil
    }
    #expect(names == ["Get-Process", "Where-Object", "Select-Object"])
    #expect(p.extent == SourceRange(start: 0, end: text.count))
    #expect(r.source.text(p.elements[1].extent) == "Where-Object {$_.CPU -gt 10}")
    guard case .command(let where_) = p.elements[1], case .argument(let sbe) = where_.elements[1],
      case .scriptBlock(let sb) = sbe.kind
    else {
      Issue.record("Where-Object has no script block")
      return
    }
    #expect(sb.endBlock?.statements.count == 1)
  }

  @Test func namedParameterWithColonKeepsArgument() throws {
    let c = try #require(onlyCommand(parseClean("Get-Item -Name:value -Force")))
    guard case .parameter(let p1) = c.elements[1], case .parameter(let p2) = c.elements[2] else {
      Issue.record("parameters not found")
      return
    }
    #expect(p1.name == "Name" && p1.hasColon)
    if case .string(let v, _)? = p1.argument?.kind { #expect(v == "value") } else { Issue.record("no argument") }
    #expect(p2.name == "Force" && !p2.hasColon && p2.argument == nil)
  }

  @Test func redirectionsAreRecorded() throws {
    let c = try #require(onlyCommand(parseClean("Get-Item x 2>&1 > $null")))
    #expect(c.redirections.count == 2)
    #expect(c.redirections[0].from == .error && c.redirections[0].mergeTo == .output)
    #expect(c.redirections[1].from == .output && c.redirections[1].mergeTo == nil && !c.redirections[1].append)
    if case .variable(let v)? = c.redirections[1].target?.kind {
      #expect(v.userPath == "null")
    } else {
      Issue.record("redirection target is not $null")
    }
  }

  @Test func splattingIsASplattedVariable() throws {
    let c = try #require(onlyCommand(parseClean("New-Item @params")))
    guard case .argument(let a) = c.elements[1], case .splattedVariable(let v) = a.kind else {
      Issue.record("not splatted")
      return
    }
    #expect(v.userPath == "params")
  }

  // MARK: - Assignment details

  @Test func assignmentOperatorsAndExtents() throws {
    let text = "$h.x += 1"
    let r = parseClean(text)
    guard case .assignment(let a) = try #require(topStatements(r).first).kind else {
      Issue.record("not an assignment")
      return
    }
    #expect(a.op == .plus)
    #expect(a.operatorExtent == SourceRange(start: 5, end: 7))
    #expect(a.extent == SourceRange(start: 0, end: text.count))
  }

  @Test func typedAssignmentTarget() throws {
    let r = parseClean("[int]$x = 5")
    guard case .assignment(let a) = try #require(topStatements(r).first).kind,
      case .convert(let t, let inner) = a.left.kind, case .variable(let v) = inner.kind
    else {
      Issue.record("not a typed assignment")
      return
    }
    #expect(t.name == "int")
    #expect(v.userPath == "x")
  }

  @Test(arguments: ["1 = 2", "$a + 1 = 2", "${a}?.b = 1", "($a, 1) = 2", "$a, $b += 1"])
  func invalidAssignmentTargets(_ text: String) {
    let r = Parser.parse(text)
    #expect(r.errors.map(\.id) == [.invalidLeftHandSide])
  }

  // MARK: - Param blocks and attributes

  static let advancedFunction = """
    function Set-Thing {
        [CmdletBinding(SupportsShouldProcess = $true, DefaultParameterSetName = 'x')]
        [OutputType([string])]
        param(
            [Parameter(Mandatory, Position=0, ValueFromPipeline, ParameterSetName='x')]
            [ValidateSet('a','b')]
            [Alias('n')]
            [string]$Name,

            [Parameter(Mandatory = $false)]
            [ValidateRange(1,10)]
            [int]$Count = 3,

            [switch]$Force,
            [string[]]
            $Tags = @()
        )
        begin { $all = @() }
        process { $all += $Name }
        end { $all }
    }
    """

  @Test func advancedFunctionParamBlock() throws {
    let r = parseClean(Self.advancedFunction)
    guard case .functionDefinition(let f) = try #require(topStatements(r).first).kind else {
      Issue.record("not a function")
      return
    }
    #expect(f.name == "Set-Thing")
    #expect(!f.isFilter)
    let pb = try #require(f.body.paramBlock)
    #expect(pb.attributes.map(\.typeName.name) == ["CmdletBinding", "OutputType"])
    let cb = pb.attributes[0]
    #expect(cb.namedArguments.map(\.name) == ["SupportsShouldProcess", "DefaultParameterSetName"])
    #expect(pb.attributes[1].positionalArguments.count == 1)
    if case .typeLiteral(let t)? = pb.attributes[1].positionalArguments.first?.kind {
      #expect(t.name == "string")
    } else {
      Issue.record("OutputType argument is not a type literal")
    }

    #expect(pb.parameters.map(\.name.userPath) == ["Name", "Count", "Force", "Tags"])
    let name = pb.parameters[0]
    #expect(name.attributeList.map(\.typeName.name) == ["Parameter", "ValidateSet", "Alias"])
    #expect(name.typeConstraints.map(\.description) == ["string"])
    let parameterAttr = name.attributeList[0]
    #expect(parameterAttr.namedArguments.map(\.name) == ["Mandatory", "Position", "ValueFromPipeline", "ParameterSetName"])
    #expect(parameterAttr.namedArguments[0].value == nil)
    #expect(parameterAttr.namedArguments[2].value == nil)
    if case .number(let n)? = parameterAttr.namedArguments[1].value?.kind {
      #expect(n.value == .int32(0))
    } else {
      Issue.record("Position is not a number")
    }
    if case .string(let s, .singleQuoted)? = parameterAttr.namedArguments[3].value?.kind {
      #expect(s == "x")
    } else {
      Issue.record("ParameterSetName is not a string")
    }
    let validateSet = name.attributeList[1]
    let setValues = validateSet.positionalArguments.compactMap { e -> String? in
      if case .string(let s, _) = e.kind { return s }
      return nil
    }
    #expect(setValues == ["a", "b"])
    let alias = name.attributeList[2]
    #expect(alias.positionalArguments.count == 1 && alias.namedArguments.isEmpty)

    let count = pb.parameters[1]
    #expect(count.attributeList.map(\.typeName.name) == ["Parameter", "ValidateRange"])
    #expect(count.attributeList[1].positionalArguments.count == 2)
    if case .variable(let v)? = count.attributeList[0].namedArguments.first?.value?.kind {
      #expect(v.userPath == "false")
    } else {
      Issue.record("Mandatory = $false lost")
    }
    if case .number(let n)? = count.defaultValue?.kind { #expect(n.value == .int32(3)) } else { Issue.record("no default") }

    #expect(pb.parameters[2].typeConstraints.map(\.name) == ["switch"])
    #expect(pb.parameters[3].typeConstraints.map(\.description) == ["string[]"])
    if case .arrayExpression? = pb.parameters[3].defaultValue?.kind {} else { Issue.record("Tags default") }

    #expect(f.body.beginBlock?.statements.count == 1)
    #expect(f.body.processBlock?.statements.count == 1)
    #expect(f.body.endBlock?.statements.count == 1)
    #expect(f.body.endBlock?.isNamed == true)
  }

  @Test func scriptLevelParamBlock() throws {
    let text = """
      [CmdletBinding()]
      param(
          [Parameter(Mandatory)][string]$Path,
          [int]$Depth = 1
      )
      Get-Item $Path
      """
    let r = parseClean(text)
    let pb = try #require(r.ast.paramBlock)
    #expect(pb.attributes.map(\.typeName.name) == ["CmdletBinding"])
    #expect(pb.parameters.map(\.name.userPath) == ["Path", "Depth"])
    #expect(pb.parameters[0].attributes.count == 2)
    #expect(topStatements(r).count == 1)
    #expect(r.source.text(pb.extent).hasPrefix("[CmdletBinding()]"))
  }

  @Test func scriptWithNamedBlocks() throws {
    let r = parseClean("param($x)\nbegin { 1 }\nprocess { 2 }\nend { 3 }")
    #expect(r.ast.paramBlock?.parameters.count == 1)
    #expect(r.ast.namedBlocks.map(\.kind) == [.begin, .process, .end])
    #expect(r.ast.namedBlocks.allSatisfy { $0.isNamed })
  }

  @Test func filterBodyIsProcessBlock() throws {
    let r = parseClean("filter Double { $_ * 2 }")
    guard case .functionDefinition(let f) = try #require(topStatements(r).first).kind else {
      Issue.record("not a function")
      return
    }
    #expect(f.isFilter)
    #expect(f.body.processBlock?.statements.count == 1)
    #expect(f.body.endBlock == nil)
  }

  @Test func attributedExpressionOutsideParam() throws {
    let r = parseClean("[ValidateNotNull()][string]$x = 'a'")
    guard case .assignment(let a) = try #require(topStatements(r).first).kind,
      case .attributed(let attr, let inner) = a.left.kind, case .convert(let t, _) = inner.kind
    else {
      Issue.record("not an attributed assignment")
      return
    }
    #expect(attr.typeName.name == "ValidateNotNull")
    #expect(t.name == "string")
  }

  // MARK: - #requires and help

  @Test func requiresIsKept() throws {
    let text = "#requires -Version 5.1\n#Requires -Modules AzureEFLOW\nWrite-Output 1 # trailing\n"
    let r = parseClean(text)
    #expect(r.ast.requires.map { r.source.text($0.range) } == ["#requires -Version 5.1", "#Requires -Modules AzureEFLOW"])
    #expect(topStatements(r).count == 1)
  }

  @Test func scriptHelpComment() throws {
    let text = """
      <#
      .SYNOPSIS
          Does a thing.
      .PARAMETER Name
          The name.
      #>
      param($Name)
      $Name
      """
    let r = parseClean(text)
    let help = try #require(r.ast.helpComment)
    #expect(r.source.text(help.range).contains(".SYNOPSIS"))
    #expect(help.isBlock)
    #expect(r.ast.paramBlock?.parameters.count == 1)
  }

  @Test func plainCommentIsNotHelp() {
    let r = parseClean("# just a note\n$x = 1")
    #expect(r.ast.helpComment == nil)
  }

  @Test func functionHelpInsideBody() throws {
    let text = """
      function Get-Foo {
          <#
          .SYNOPSIS
              Gets foo.
          #>
          param([string]$Name)
          $Name
      }
      """
    let r = parseClean(text)
    guard case .functionDefinition(let f) = try #require(topStatements(r).first).kind else {
      Issue.record("not a function")
      return
    }
    let help = try #require(f.body.helpComment)
    #expect(r.source.text(help.range).contains("Gets foo."))
  }

  @Test func functionHelpBeforeFunction() throws {
    let text = """
      Write-Output start

      # .SYNOPSIS
      #   Line-comment help.
      function Get-Bar { 'bar' }

      function Get-Baz { 'baz' }
      """
    let r = parseClean(text)
    let fns = topStatements(r).compactMap { s -> FunctionDefinitionAst? in
      if case .functionDefinition(let f) = s.kind { return f }
      return nil
    }
    #expect(fns.map(\.name) == ["Get-Bar", "Get-Baz"])
    let help = try #require(fns.first?.body.helpComment)
    #expect(r.source.text(help.range).contains(".SYNOPSIS"))
    #expect(fns[1].body.helpComment == nil)
  }

  @Test func functionHelpAsLineCommentsInsideBody() throws {
    let text = "function Get-Qux {\n    # .SYNOPSIS\n    #   Gets qux.\n    # .PARAMETER Name\n    #   The name.\n    param($Name)\n}"
    let r = parseClean(text)
    guard case .functionDefinition(let f) = try #require(topStatements(r).first).kind else {
      Issue.record("not a function")
      return
    }
    let help = try #require(f.body.helpComment)
    let helpText = r.source.text(help.range)
    #expect(helpText.hasPrefix("# .SYNOPSIS"))
    #expect(helpText.hasSuffix("The name."))
  }

  @Test func functionHelpAtEndOfBody() throws {
    let text = "function Get-End {\n    param($Name)\n    $Name\n    <#\n    .SYNOPSIS\n        At the end.\n    #>\n}\n"
    let r = parseClean(text)
    guard case .functionDefinition(let f) = try #require(topStatements(r).first).kind else {
      Issue.record("not a function")
      return
    }
    let help = try #require(f.body.helpComment)
    #expect(r.source.text(help.range).contains("At the end."))
  }

  @Test func helpSeparatedByTwoBlankLinesDoesNotBelongToFunction() throws {
    let r = parseClean("x\n<#\n.SYNOPSIS\n  Far.\n#>\n\n\nfunction f { }")
    guard case .functionDefinition(let f) = try #require(topStatements(r).last).kind else {
      Issue.record("not a function")
      return
    }
    #expect(f.body.helpComment == nil)
  }

  // MARK: - Strings

  @Test func hereStringText() throws {
    let r = parseClean("$s = @'\nfirst\n  second \"q\" 'x'\n'@\n$t = 1")
    #expect(topStatements(r).count == 2)
    guard case .assignment(let a) = topStatements(r)[0].kind, case .pipeline(let p) = a.right.kind,
      case .expression(let ce) = p.elements[0], case .string(let s, let q) = ce.expression.kind
    else {
      Issue.record("not a here-string assignment")
      return
    }
    #expect(q == .singleQuotedHereString)
    #expect(s == "first\n  second \"q\" 'x'")
  }

  @Test func subexpressionInsideStringHasStatements() throws {
    let text = "\"Count: $($items.Count + 1) of $total\""
    let r = parseClean(text)
    guard case .pipeline(let p) = try #require(topStatements(r).first).kind, case .expression(let ce) = p.elements[0],
      case .expandableString(let parts, .doubleQuoted) = ce.expression.kind
    else {
      Issue.record("not an expandable string")
      return
    }
    #expect(parts.count == 4)
    guard case .expression(let sub) = parts[1], case .subExpression(let stmts) = sub.kind else {
      Issue.record("no subexpression")
      return
    }
    #expect(r.source.text(sub.extent) == "$($items.Count + 1)")
    #expect(Shape(source: r.source).statements(stmts) == "(+ (. $items Count) 1)")
    // Offsets inside the sub-expression are offsets into the whole script.
    #expect(r.source.text(stmts[0].extent) == "$items.Count + 1")
  }

  @Test func errorInsideStringSubexpressionIsReported() {
    let r = Parser.parse("\"a $(1 +) b\"")
    #expect(r.errors.map(\.id) == [.expectedValueExpression])
    #expect(r.errors.first?.range.start == 8)
  }

  // MARK: - Unsupported definitions

  @Test(arguments: [
    ("class Foo { [int]$x }\n$y = 1", ParseErrorID.classNotSupported),
    ("enum Color { Red; Green }", .enumNotSupported),
    ("workflow W { Get-Date }", .workflowNotSupported),
    ("configuration C { Node localhost { } }", .configurationNotSupported),
    ("class Foo\n{\n}", .classNotSupported),
  ])
  func unsupportedDefinitions(_ text: String, _ id: ParseErrorID) {
    let r = Parser.parse(text)
    #expect(r.errors.map(\.id) == [id])
    #expect(r.errors.first?.range.start == 0)
    #expect(!r.isIncomplete)
  }

  @Test func codeAfterUnsupportedDefinitionIsStillChecked() {
    let r = Parser.parse("class A { }\n$x = (1")
    #expect(r.errors.map(\.id) == [.classNotSupported, .missingEndParenthesisInExpression])
  }

  // MARK: - Incomplete input

  @Test(arguments: [
    "function f {", "\"abc", "@\"\n", "@'\n", "1 +", "Get-Process |", "if ($x) {", "$(", "@(", "@{", "(",
    "$a = ", "foreach ($x in $y) {", "try { }", "<# comment", "$x -and", "switch ($x) {", "do { }",
    "Get-Item `", "'abc", "[int]::Parse(", "function f {\n  param(\n", "while (",
  ])
  func incompleteInput(_ text: String) {
    let r = Parser.parse(text)
    #expect(!r.errors.isEmpty)
    #expect(r.isIncomplete, "errors: \(r.errors)")
  }

  @Test(arguments: ["1 2", ")", "}", "$x = )", "Get-Item x |  | y", "1 +\n)", "@{ a }"])
  func completeButWrongInput(_ text: String) {
    let r = Parser.parse(text)
    #expect(!r.errors.isEmpty)
    #expect(!r.isIncomplete, "errors: \(r.errors)")
  }

  @Test(arguments: ["", "\n\n", "# only a comment", "<# block #>", ";;", "Get-Date", "if ($x) { }"])
  func completeInputHasNoErrors(_ text: String) {
    let r = Parser.parse(text)
    #expect(r.errors.isEmpty, "errors: \(r.errors)")
    #expect(!r.isIncomplete)
  }

  @Test func incompleteErrorsPointAtTheOpeningToken() throws {
    let r = Parser.parse("function f {\n  $x = 1\n")
    let e = try #require(r.errors.first)
    #expect(e.id == .missingEndCurlyBrace)
    #expect(e.range.start == 11)
    #expect(e.isIncompleteInput)
  }

  /// Multi-line inputs: PowerShell reports "after the previous element", not after the line
  /// breaks skipped while looking for the missing token.
  @Test(arguments: [
    ("$a = (1\n\n", ParseErrorID.missingEndParenthesisInExpression, 7),
    ("$x.f(1\n", .missingEndParenthesisInMethodCall, 6),
    ("$x.f(\n", .missingEndParenthesisInMethodCall, 5),
    ("$x.f(1,", .missingExpressionAfterToken, 7),
    ("@{ a = 1\n", .missingEndCurlyBrace, 2),
    ("function f {\n  $x = 1\n", .missingEndCurlyBrace, 11),
    ("$x = 1 +\n\n", .expectedValueExpression, 8),
  ])
  func errorPositionsAcrossLines(_ text: String, _ id: ParseErrorID, _ offset: Int) throws {
    let r = Parser.parse(text)
    #expect(r.errors.map(\.id) == [id])
    #expect(r.errors.first?.range.start == offset)
    #expect(r.isIncomplete)
  }

  @Test func errorsHavePositionsAndMessages() throws {
    let r = Parser.parse("$x = 1 2")
    let e = try #require(r.errors.first)
    #expect(e.id == .unexpectedToken)
    #expect(e.range == SourceRange(start: 7, end: 8))
    #expect(e.message == "Unexpected token '2' in expression or statement.")
  }

  // MARK: - Recovery

  @Test func parsingContinuesAfterAnError() throws {
    let r = Parser.parse("$a = (1\n$b = 2\nWrite-Output $b")
    #expect(r.errors.first?.id == .missingEndParenthesisInExpression)
    #expect(r.errors.first?.range.start == 7)
    let last = Shape(source: r.source).statement(try #require(topStatements(r).last))
    #expect(last == "(cmd Write-Output $b)")
  }

  @Test func everyErrorInAFileIsReported() {
    let r = Parser.parse("if ($x { }\n$y = @{ a = }\nforeach ($i 1) { }")
    #expect(r.errors.count >= 3, "errors: \(r.errors)")
  }
}

/// A minus sign written against a number literal makes one signed literal.
struct SignedLiteralTests {
  @Test(arguments: [
    ("-2147483648", NumberValue.int32(Int32.min)),
    ("-5", NumberValue.int32(-5)),
    ("-1kb", NumberValue.int32(-1024)),
    ("-2.5", NumberValue.double(-2.5)),
  ])
  func signedLiteral(_ text: String, _ expected: NumberValue) {
    let r = Parser.parse(text)
    #expect(r.errors.isEmpty)
    guard case .pipeline(let p)? = r.ast.endBlock?.statements.first?.kind,
      case .expression(let ce)? = p.elements.first, case .number(let n) = ce.expression.kind
    else {
      Issue.record("not a number literal: \(text)")
      return
    }
    #expect(n.value == expected)
  }

  @Test func spacedMinusStaysAnOperator() {
    let r = Parser.parse("- 5")
    guard case .pipeline(let p)? = r.ast.endBlock?.statements.first?.kind,
      case .expression(let ce)? = p.elements.first, case .unary(.negate, _) = ce.expression.kind
    else {
      Issue.record("expected unary minus")
      return
    }
  }
}

/// `"$name:"` is an error in PowerShell (the name must be written `${name}:`); a qualified
/// name and `$a::b` are not.
struct DriveQualifiedVariableTests {
  @Test func colonWithoutNameIsAnError() {
    let r = Parser.parse("\"Address: $ip: up\"")
    #expect(r.errors.map(\.id) == [.invalidVariableReferenceWithDrive])
    #expect(r.errors.first?.range.start == 10)
  }

  @Test(arguments: ["\"$env:TEMP\"", "\"${ip}: up\"", "$script:count", "[int]::MaxValue", "\"$($ip): up\""])
  func validForms(_ text: String) {
    #expect(Parser.parse(text).errors.isEmpty)
  }
}
