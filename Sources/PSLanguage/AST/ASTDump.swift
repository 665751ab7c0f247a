/// A readable, indented dump of a syntax tree, one node per line with its `line:column` extent:
/// for debugging the parser (`eflowsh -Check -DumpAst file.ps1`) and for tests.
public struct ASTDump {
  let source: SourceFile
  var out: [String] = []

  /// Dumps a parsed script.
  public static func dump(_ result: Parser.Result) -> String {
    var d = ASTDump(source: result.source)
    d.scriptBlock(result.ast, 0)
    return d.out.joined(separator: "\n")
  }

  mutating func line(_ depth: Int, _ text: String, _ r: SourceRange) {
    let a = source.position(of: r.start)
    let b = source.position(of: r.end)
    out.append(String(repeating: "  ", count: depth) + text + "  @\(a)-\(b)")
  }

  func quoted(_ s: String) -> String {
    var r = "\""
    for c in s.unicodeScalars {
      switch c {
      case "\n": r += "\\n"
      case "\r": r += "\\r"
      case "\t": r += "\\t"
      case "\"": r += "\\\""
      case "\\": r += "\\\\"
      default: r.unicodeScalars.append(c)
      }
    }
    return r + "\""
  }

  mutating func scriptBlock(_ sb: ScriptBlockAst, _ d: Int) {
    line(d, "ScriptBlock" + (sb.helpComment != nil ? " (help)" : ""), sb.extent)
    if let p = sb.paramBlock { paramBlock(p, d + 1) }
    for b in sb.namedBlocks {
      line(d + 1, "NamedBlock \(b.kind.rawValue)" + (b.isNamed ? "" : " (unnamed)"), b.extent)
      statements(b.statements, d + 2)
    }
  }

  mutating func paramBlock(_ p: ParamBlockAst, _ d: Int) {
    line(d, "ParamBlock", p.extent)
    for a in p.attributes { attribute(a, d + 1) }
    for x in p.parameters { parameter(x, d + 1) }
  }

  mutating func parameter(_ p: ParameterAst, _ d: Int) {
    line(d, "Parameter \(p.name)", p.extent)
    for a in p.attributes {
      switch a {
      case .attribute(let at): attribute(at, d + 1)
      case .typeConstraint(let t): line(d + 1, "TypeConstraint [\(t)]", t.extent)
      }
    }
    if let v = p.defaultValue { expression(v, d + 1, label: "default: ") }
  }

  mutating func attribute(_ a: AttributeAst, _ d: Int) {
    line(d, "Attribute [\(a.typeName)]", a.extent)
    for e in a.positionalArguments { expression(e, d + 1) }
    for n in a.namedArguments {
      line(d + 1, "Named \(n.name)", n.extent)
      if let v = n.value { expression(v, d + 2) }
    }
  }

  mutating func statements(_ list: [StatementAst], _ d: Int) {
    for s in list { statement(s, d) }
  }

  mutating func block(_ b: StatementBlockAst, _ d: Int, _ name: String) {
    line(d, name, b.extent)
    statements(b.statements, d + 1)
  }

  mutating func statement(_ s: StatementAst, _ d: Int, label: String = "") {
    switch s.kind {
    case .pipeline(let p):
      line(d, label + "Pipeline" + (p.isBackground ? " &" : ""), s.extent)
      for e in p.elements { commandBase(e, d + 1) }
    case .pipelineChain(let c):
      line(d, label + "PipelineChain \(c.op.rawValue)", s.extent)
      statement(c.left, d + 1)
      statement(StatementAst(extent: c.right.extent, kind: .pipeline(c.right)), d + 1)
    case .assignment(let a):
      line(d, label + "Assignment \(a.op.rawValue)", s.extent)
      expression(a.left, d + 1)
      statement(a.right, d + 1)
    case .ifStatement(let i):
      line(d, label + "If", s.extent)
      for c in i.clauses {
        statement(c.condition, d + 1, label: "condition: ")
        block(c.body, d + 1, "Then")
      }
      if let e = i.elseBody { block(e, d + 1, "Else") }
    case .switchStatement(let sw):
      line(d, label + "Switch" + (sw.label.map { " :\($0)" } ?? "") + " flags=\(sw.flags.rawValue)", s.extent)
      if let c = sw.condition { statement(c, d + 1, label: "value: ") }
      for c in sw.clauses {
        expression(c.condition, d + 1, label: "case: ")
        block(c.body, d + 2, "Body")
      }
      if let b = sw.defaultBody { block(b, d + 1, "Default") }
    case .foreachStatement(let f):
      line(d, label + "ForEach" + (f.label.map { " :\($0)" } ?? ""), s.extent)
      expression(f.variable, d + 1)
      statement(f.collection, d + 1, label: "in: ")
      block(f.body, d + 1, "Body")
    case .forStatement(let f):
      line(d, label + "For" + (f.label.map { " :\($0)" } ?? ""), s.extent)
      if let x = f.initializer { statement(x, d + 1, label: "init: ") }
      if let x = f.condition { statement(x, d + 1, label: "condition: ") }
      if let x = f.iterator { statement(x, d + 1, label: "iterator: ") }
      block(f.body, d + 1, "Body")
    case .whileStatement(let w):
      line(d, label + "While" + (w.label.map { " :\($0)" } ?? ""), s.extent)
      statement(w.condition, d + 1, label: "condition: ")
      block(w.body, d + 1, "Body")
    case .doLoop(let w):
      line(d, label + (w.isUntil ? "DoUntil" : "DoWhile") + (w.label.map { " :\($0)" } ?? ""), s.extent)
      block(w.body, d + 1, "Body")
      statement(w.condition, d + 1, label: "condition: ")
    case .tryStatement(let t):
      line(d, label + "Try", s.extent)
      block(t.body, d + 1, "Body")
      for c in t.catchClauses {
        block(c.body, d + 1, "Catch" + (c.types.isEmpty ? "" : " " + c.types.map { "[\($0)]" }.joined(separator: ", ")))
      }
      if let f = t.finallyBody { block(f, d + 1, "Finally") }
    case .trap(let t):
      line(d, label + "Trap" + (t.type.map { " [\($0)]" } ?? ""), s.extent)
      statements(t.body.statements, d + 1)
    case .functionDefinition(let f):
      line(d, label + (f.isFilter ? "Filter " : "Function ") + f.name, s.extent)
      for p in f.parameters { parameter(p, d + 1) }
      scriptBlock(f.body, d + 1)
    case .breakStatement(let l):
      line(d, label + "Break", s.extent)
      if let l { expression(l, d + 1) }
    case .continueStatement(let l):
      line(d, label + "Continue", s.extent)
      if let l { expression(l, d + 1) }
    case .returnStatement(let v), .exitStatement(let v), .throwStatement(let v):
      let name: String
      if case .returnStatement = s.kind { name = "Return" } else if case .exitStatement = s.kind { name = "Exit" } else { name = "Throw" }
      line(d, label + name, s.extent)
      if let v { statement(v, d + 1) }
    case .dataSection(let ds):
      line(d, label + "Data" + (ds.variableName.map { " \($0)" } ?? ""), s.extent)
      for c in ds.supportedCommands { expression(c, d + 1, label: "supported: ") }
      block(ds.body, d + 1, "Body")
    case .error(let ss, let es):
      line(d, label + "ErrorStatement", s.extent)
      statements(ss, d + 1)
      for e in es { expression(e, d + 1) }
    }
  }

  mutating func commandBase(_ c: CommandBaseAst, _ d: Int) {
    switch c {
    case .command(let cmd):
      line(d, "Command" + (cmd.invocationOperator == .none ? "" : " \(cmd.invocationOperator.rawValue)"), cmd.extent)
      for e in cmd.elements {
        switch e {
        case .argument(let a): expression(a, d + 1)
        case .parameter(let p):
          line(d + 1, "Parameter -\(p.name)" + (p.hasColon ? ":" : ""), p.extent)
          if let a = p.argument { expression(a, d + 2) }
        case .stopParsing(let s, let r): line(d + 1, "StopParsing \(quoted(s))", r)
        }
      }
      redirections(cmd.redirections, d + 1)
    case .expression(let e):
      line(d, "CommandExpression", e.extent)
      expression(e.expression, d + 1)
      redirections(e.redirections, d + 1)
    }
  }

  mutating func redirections(_ list: [RedirectionAst], _ d: Int) {
    for r in list {
      let from = r.from == .all ? "*" : String(r.from.rawValue)
      if let m = r.mergeTo {
        line(d, "Redirection \(from)>&\(m.rawValue)", r.extent)
      } else {
        line(d, "Redirection \(from)\(r.append ? ">>" : ">")", r.extent)
        if let t = r.target { expression(t, d + 1) }
      }
    }
  }

  mutating func expression(_ e: ExpressionAst, _ d: Int, label: String = "") {
    let x = e.extent
    switch e.kind {
    case .number(let n): line(d, label + "Number \(n.text) \(n.value)", x)
    case .string(let s, let k): line(d, label + "String(\(k.rawValue)) \(quoted(s))", x)
    case .expandableString(let parts, let k):
      line(d, label + "ExpandableString(\(k.rawValue))", x)
      for p in parts {
        switch p {
        case .literal(let s): line(d + 1, "Literal \(quoted(s))", x)
        case .expression(let pe): expression(pe, d + 1)
        }
      }
    case .variable(let v): line(d, label + "Variable \(v)", x)
    case .splattedVariable(let v): line(d, label + "Splat @\(v.userPath)", x)
    case .typeLiteral(let t): line(d, label + "TypeLiteral [\(t)]", x)
    case .binary(let op, let l, let r, _):
      line(d, label + "Binary \(op)", x)
      expression(l, d + 1)
      expression(r, d + 1)
    case .unary(let op, let o):
      line(d, label + "Unary \(op)" + (op == .postIncrement || op == .postDecrement ? " (postfix)" : ""), x)
      expression(o, d + 1)
    case .convert(let t, let o):
      line(d, label + "Convert [\(t)]", x)
      expression(o, d + 1)
    case .attributed(let a, let o):
      line(d, label + "Attributed", x)
      attribute(a, d + 1)
      expression(o, d + 1)
    case .arrayLiteral(let items):
      line(d, label + "ArrayLiteral", x)
      for i in items { expression(i, d + 1) }
    case .arrayExpression(let ss):
      line(d, label + "ArrayExpression @()", x)
      statements(ss, d + 1)
    case .subExpression(let ss):
      line(d, label + "SubExpression $()", x)
      statements(ss, d + 1)
    case .paren(let s):
      line(d, label + "Paren", x)
      statement(s, d + 1)
    case .hashtable(let entries):
      line(d, label + "Hashtable", x)
      for en in entries {
        expression(en.key, d + 1, label: "key: ")
        statement(en.value, d + 2)
      }
    case .scriptBlock(let sb):
      line(d, label + "ScriptBlockExpression", x)
      scriptBlock(sb, d + 1)
    case .member(let m):
      line(d, label + "Member" + (m.isStatic ? " ::" : m.isNullConditional ? " ?." : " ."), x)
      expression(m.target, d + 1)
      expression(m.member, d + 1, label: "name: ")
    case .invokeMember(let m, let args):
      line(d, label + "InvokeMember" + (m.isStatic ? " ::" : m.isNullConditional ? " ?." : " ."), x)
      expression(m.target, d + 1)
      expression(m.member, d + 1, label: "name: ")
      for a in args { expression(a, d + 1, label: "arg: ") }
    case .index(let t, let i, let nc):
      line(d, label + "Index" + (nc ? " ?[]" : " []"), x)
      expression(t, d + 1)
      expression(i, d + 1)
    case .ternary(let c, let a, let b):
      line(d, label + "Ternary", x)
      expression(c, d + 1)
      expression(a, d + 1)
      expression(b, d + 1)
    case .error(let parts):
      line(d, label + "ErrorExpression", x)
      for p in parts { expression(p, d + 1) }
    }
  }
}
