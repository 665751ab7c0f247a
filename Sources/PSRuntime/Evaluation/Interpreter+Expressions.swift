import PSLanguage

extension Interpreter {
  /// Evaluates an expression. Runtime errors become statement-terminating errors positioned at
  /// the failing expression.
  func eval(_ e: ExpressionAst) throws -> Value {
    do {
      return try evalUnchecked(e)
    } catch let r as RuntimeError {
      throw fail(r, at: e.extent)
    }
  }

  private func evalUnchecked(_ e: ExpressionAst) throws -> Value {
    switch e.kind {
    case .number(let n):
      return Conversions.value(of: n.value)
    case .string(let s, _):
      return .string(s)
    case .expandableString(let parts, _):
      var s = ""
      for p in parts {
        switch p {
        case .literal(let l): s += l
        case .expression(let x):
          if case .variable(let path) = x.kind {
            s += Conversions.toString(try variableValue(path, at: x.extent, inString: true))
          } else {
            s += Conversions.toString(try eval(x))
          }
        }
      }
      return .string(s)
    case .variable(let path):
      return try variableValue(path, at: e.extent)
    case .splattedVariable(let path):
      return try variableValue(path, at: e.extent)
    case .typeLiteral(let t):
      return .type(try PSType.resolve(t))
    case .binary(let op, let l, let r, _):
      return try binary(op, l, r)
    case .unary(let op, let operand):
      return try unary(op, operand)
    case .convert(let t, let inner):
      let type = try PSType.resolve(t)
      if type == .ordered || type == .pscustomobject, case .hashtable(let entries) = inner.kind {
        let h = try hashtable(entries, ordered: true)
        return type == .ordered ? h : try Conversions.convert(h, to: .pscustomobject)
      }
      if type == .reference, case .variable(let path) = inner.kind {
        if let variable = referencedVariable(path) { return .reference(PSReference(variable: variable)) }
        return .reference(PSReference(try variableValue(path, at: inner.extent)))
      }
      return try Conversions.convert(try eval(inner), to: type)
    case .attributed(_, let inner):
      return try eval(inner)
    case .arrayLiteral(let items):
      var out: [Value] = []
      out.reserveCapacity(items.count)
      for i in items { out.append(try eval(i)) }
      return .array(PSArray(out))
    case .arrayExpression(let statements):
      let out = OutputPipe()
      try runStatements(statements, out)
      return .array(PSArray(out.items))
    case .subExpression(let statements):
      let out = OutputPipe()
      try runStatements(statements, out)
      return collapse(out.items)
    case .paren(let s):
      if case .assignment(let a) = s.kind {
        try assign(a)
        return try eval(a.left)
      }
      // `($list)` is the list itself, as an expression's value; a pipeline's output collapses.
      return try assignedValue(s)
    case .hashtable(let entries):
      return try hashtable(entries, ordered: false)
    case .scriptBlock(let sb):
      return .scriptBlock(ScriptBlockValue(ast: sb, source: source))
    case .member(let m):
      let name = try memberName(m.member)
      let target = try eval(m.target)
      if m.isNullConditional, target.isNull { return .null }
      if m.isStatic {
        guard case .type(let t) = target else {
          throw RuntimeError(id: "StaticMemberOnNonType", message: "Unable to find type [\(Conversions.toString(target))].")
        }
        return try Members.getStatic(t, name, machineName: machineName)
      }
      if strictModeRaised, scope.strictMode >= 2 { return try strictProperty(target, name) }
      return try Members.get(target, name)
    case .invokeMember(let m, let argExprs):
      let name = try memberName(m.member)
      let target = try eval(m.target)
      if m.isNullConditional, target.isNull { return .null }
      var args: [Value] = []
      for a in argExprs { args.append(try eval(a)) }
      return try invokeMethod(target, name, args, isStatic: m.isStatic, argExprs: argExprs)
    case .index(let t, let i, let nullConditional):
      let target = try eval(t)
      if nullConditional, target.isNull { return .null }
      return try index(target, try eval(i))
    case .ternary(let c, let a, let b):
      return Conversions.toBool(try eval(c)) ? try eval(a) : try eval(b)
    case .error:
      throw RuntimeError(id: "ParseError", message: "The expression has parse errors and cannot run.")
    }
  }

  func memberName(_ e: ExpressionAst) throws -> String {
    if case .string(let s, _) = e.kind { return s }
    return Conversions.toString(try eval(e))
  }

  func hashtable(_ entries: [HashtableEntryAst], ordered: Bool) throws -> Value {
    let h = PSHashtable(ordered: ordered)
    for entry in entries {
      let key = try eval(entry.key)
      let value = try assignedValue(entry.value)
      do {
        try h.add(key, value)
      } catch {
        throw RuntimeError(
          id: "DuplicateKeyInHashLiteral",
          message: "Duplicate keys '\(Conversions.toString(key))' are not allowed in hash literals.")
      }
    }
    return .hashtable(h)
  }

  /// Method calls: script blocks' `Invoke`, arrays' `ForEach`/`Where`, then the member layer.
  func invokeMethod(_ target: Value, _ name: String, _ args: [Value], isStatic: Bool, argExprs: [ExpressionAst]) throws
    -> Value
  {
    if isStatic {
      guard case .type(let t) = target else {
        throw RuntimeError(id: "StaticMemberOnNonType", message: "Unable to find type [\(Conversions.toString(target))].")
      }
      let result = try Members.invokeStatic(t, name, args)
      try writeBackReferences(argExprs, args)
      return result
    }
    if case .scriptBlock(let sb) = target, name.caseInsensitiveEquals("Invoke") || name.caseInsensitiveEquals("InvokeReturnAsIs") {
      let out = try invokeScriptBlock(sb, arguments: args.map { .positional($0) }, input: nil, dotSource: false)
      return name.caseInsensitiveEquals("Invoke") ? .array(PSArray(out)) : collapse(out)
    }
    if let result = try listPredicateMethod(target, name, args) { return result }
    if name.caseInsensitiveEquals("ForEach") || name.caseInsensitiveEquals("Where"), args.count >= 1,
      case .scriptBlock(let sb) = args[0]
    {
      let items = target.enumerated ?? (target.isNull ? [] : [target])
      var out: [Value] = []
      for item in items {
        let r = try withCurrentItem(item) { try invokeScriptBlockInline(sb.ast) }
        if name.caseInsensitiveEquals("Where") {
          if Conversions.toBool(r) { out.append(item) }
        } else if let list = r.enumerated {
          out += list
        } else if !r.isNull {
          out.append(r)
        }
      }
      return .array(PSArray(out))
    }
    if case .object(let o) = target, o.typeName == Interpreter.scriptCmdletTypeName,
      let result = try invokeCmdletMethod(o, name, args)
    {
      return result
    }
    let result = try Members.invoke(target, name, args)
    try writeBackReferences(argExprs, args)
    return result
  }

  /// After a call that received `[ref]$x`, stores the reference's value back into `$x`.
  func writeBackReferences(_ argExprs: [ExpressionAst], _ args: [Value]) throws {
    for (e, a) in zip(argExprs, args) {
      guard case .reference(let r) = a, case .convert(_, let inner) = e.kind, case .variable(let path) = inner.kind else {
        continue
      }
      try setVariable(path, r.value, at: inner.extent)
    }
  }

  // MARK: - Indexing

  /// `target[index]`: arrays (negative indexes count from the end; an array of indexes slices),
  /// hashtables by key, strings by character; out of range is `$null`, or an error under
  /// `Set-StrictMode -Version 3` (each index of a slice too, as in 5.1).
  func index(_ target: Value, _ idx: Value) throws -> Value {
    switch target {
    case .hashtable(let h):
      if let keys = idx.enumerated { return .array(PSArray(keys.map { h[$0] ?? .null })) }
      return h[idx] ?? .null
    case .array(let a):
      if let list = idx.enumerated {
        var out: [Value] = []
        for i in list {
          let v = try index(target, i)
          if !v.isNull { out.append(v) }
        }
        return .array(PSArray(out))
      }
      guard case .int32(let i) = try Conversions.convert(idx, to: .int32) else { return .null }
      let n = a.items.count
      let k = i < 0 ? n + Int(i) : Int(i)
      if k >= 0 && k < n { return a.items[k] }
      if strictModeRaised, scope.strictMode >= 3 { throw Interpreter.indexOutOfBounds(list: !a.isFixedSize) }
      return .null
    case .string(let s):
      guard case .int32(let i) = try Conversions.convert(idx, to: .int32) else { return .null }
      let units = Array(s.utf16)
      let k = i < 0 ? units.count + Int(i) : Int(i)
      if k >= 0 && k < units.count { return .char(units[k]) }
      if strictModeRaised, scope.strictMode >= 3 { throw Interpreter.indexOutOfBounds(list: false) }
      return .null
    case .null:
      throw RuntimeError(id: "NullArray", message: "Cannot index into a null array.")
    case .object(let o):
      if case .string(let key) = idx { return o[key] ?? .null }
      return .null
    default:
      // A scalar is a one-element list for `[0]` and `[-1]`; any other index finds nothing.
      guard case .int32(let i) = try Conversions.convert(idx, to: .int32) else { return .null }
      if i == 0 || i == -1 { return target }
      if strictModeRaised, scope.strictMode >= 3 {
        throw RuntimeError(id: "CannotIndex", message: "Unable to index into an object of type \(target.typeName).")
      }
      return .null
    }
  }

  // MARK: - Operators

  func binary(_ op: BinaryOperator, _ le: ExpressionAst, _ re: ExpressionAst) throws -> Value {
    if case .dash(let d) = op {
      switch d.base {
      case .and:
        // Short-circuit: the right side runs only when needed.
        guard Conversions.toBool(try eval(le)) else { return .bool(false) }
        return .bool(Conversions.toBool(try eval(re)))
      case .or:
        if Conversions.toBool(try eval(le)) { return .bool(true) }
        return .bool(Conversions.toBool(try eval(re)))
      default:
        break
      }
    }
    if op == .coalesce {
      let l = try eval(le)
      return l.isNull ? try eval(re) : l
    }
    let l = try eval(le)
    let r = try eval(re)
    switch op {
    case .add: return try Arithmetic.apply(.add, l, r)
    case .subtract: return try Arithmetic.apply(.subtract, l, r)
    case .multiply: return try Arithmetic.apply(.multiply, l, r)
    case .divide: return try Arithmetic.apply(.divide, l, r)
    case .remainder: return try Arithmetic.apply(.remainder, l, r)
    case .range: return try Comparison.range(l, r)
    case .coalesce: return l.isNull ? r : l
    case .dash(let d): return try dashOperator(d, l, r, at: re.extent)
    }
  }

  func dashOperator(_ d: DashOperator, _ l: Value, _ r: Value, at extent: SourceRange) throws -> Value {
    let cs = d.caseSensitive
    switch d.base {
    case .eq, .ne, .gt, .ge, .lt, .le:
      return try Comparison.compare(d.base, l, r, caseSensitive: cs)
    case .contains: return .bool(Comparison.contains(l, r, caseSensitive: cs))
    case .notcontains: return .bool(!Comparison.contains(l, r, caseSensitive: cs))
    case .in: return .bool(Comparison.contains(r, l, caseSensitive: cs))
    case .notin: return .bool(!Comparison.contains(r, l, caseSensitive: cs))
    case .is: return .bool(Comparison.isType(l, try Comparison.typeOperand(r)))
    case .isnot: return .bool(!Comparison.isType(l, try Comparison.typeOperand(r)))
    case .as: return (try? Conversions.convert(l, to: try Comparison.typeOperand(r))) ?? .null
    case .band, .bor, .bxor, .shl, .shr: return try Comparison.bitwise(d.base, l, r)
    case .xor: return .bool(Conversions.toBool(l) != Conversions.toBool(r))
    case .and: return .bool(Conversions.toBool(l) && Conversions.toBool(r))
    case .or: return .bool(Conversions.toBool(l) || Conversions.toBool(r))
    case .join: return Comparison.join(l, r)
    case .like, .notlike:
      let pattern = WildcardPattern(Conversions.toString(r), caseSensitive: cs)
      let want = d.base == .like
      if let items = l.enumerated {
        return .array(PSArray(items.filter { pattern.matches(Conversions.toString($0)) == want }))
      }
      return .bool(pattern.matches(Conversions.toString(l)) == want)
    case .match, .notmatch:
      let want = d.base == .match
      if let items = l.enumerated {
        var out: [Value] = []
        for i in items where try regexTest(Conversions.toString(i), Conversions.toString(r), cs, extent) == want {
          out.append(i)
        }
        return .array(PSArray(out))
      }
      let matched = try regexMatch(Conversions.toString(l), Conversions.toString(r), caseSensitive: cs, at: extent)
      return .bool(matched == want)
    case .replace:
      return try replace(l, r, caseSensitive: cs)
    case .split:
      return try split(l, r, caseSensitive: cs)
    case .f:
      return .string(try format(Conversions.toString(l), r.enumerated ?? [r]))
    case .not, .bnot:
      return .null
    }
  }

  func unary(_ op: UnaryOperator, _ operand: ExpressionAst) throws -> Value {
    switch op {
    case .exclaim: return .bool(!Conversions.toBool(try eval(operand)))
    case .negate: return try Arithmetic.apply(.subtract, .int32(0), try eval(operand))
    case .plus: return try Conversions.toNumber(try eval(operand))
    case .comma: return .array(PSArray([try eval(operand)]))
    case .dash(let d):
      let v = try eval(operand)
      switch d.base {
      case .not: return .bool(!Conversions.toBool(v))
      case .bnot: return try Comparison.bitwiseNot(v)
      case .split:
        let items = v.enumerated ?? [v]
        return .array(PSArray(items.flatMap { PSSplit.splitWhitespace(Conversions.toString($0)).map { Value.string($0) } }))
      case .join:
        return Comparison.join(v, .string(""))
      default:
        return v
      }
    case .preIncrement, .preDecrement, .postIncrement, .postDecrement:
      let delta: Arithmetic.Op = (op == .preIncrement || op == .postIncrement) ? .add : .subtract
      let variable = plainLocalVariable(operand)
      let old = try variable?.value ?? eval(operand)
      let new = try Arithmetic.apply(delta, old.isNull ? .int32(0) : old, .int32(1))
      if let variable { variable.value = new } else { try store(operand, new) }
      return (op == .preIncrement || op == .preDecrement) ? new : old
    }
  }

  // MARK: - Regular expressions and strings

  /// `-match`: on success `$Matches` holds the groups (key 0 is the whole match, names for named
  /// groups); on failure it is left as it was.
  func regexMatch(_ text: String, _ pattern: String, caseSensitive: Bool, at extent: SourceRange) throws -> Bool {
    let regex = try makeRegex(pattern, caseSensitive)
    guard let m = regex.firstMatch(in: text) else { return false }
    let h = PSHashtable()
    for g in m.groups where g.success {
      let key: Value = g.name.map { .string($0) } ?? .int32(Int32(g.number))
      h[key] = .string(g.value ?? "")
    }
    try globalOrCurrentSet("Matches", .hashtable(h))
    return true
  }

  func regexTest(_ text: String, _ pattern: String, _ cs: Bool, _ extent: SourceRange) throws -> Bool {
    try makeRegex(pattern, cs).firstMatch(in: text) != nil
  }

  func makeRegex(_ pattern: String, _ cs: Bool) throws -> DotNetRegex {
    do {
      return try DotNetRegex(pattern, caseSensitive: cs)
    } catch {
      throw RuntimeError(
        id: "InvalidRegularExpression",
        message: "The regular expression pattern \(pattern) is not valid.",
        exceptionType: "System.Management.Automation.RuntimeException")
    }
  }

  /// `-replace pattern[, replacement]` (regex; `$1`, `${name}` in the replacement).
  func replace(_ l: Value, _ r: Value, caseSensitive: Bool) throws -> Value {
    let args = r.enumerated ?? [r]
    guard args.count <= 2 else {
      throw RuntimeError(
        id: "BadReplaceArgument", message: "The -replace operator allows only two elements to follow it, not \(args.count).")
    }
    let regex = try makeRegex(Conversions.toString(args.first ?? .null), caseSensitive)
    let replacement = args.count == 2 ? Conversions.toString(args[1]) : ""
    if let items = l.enumerated {
      return .array(PSArray(items.map { .string(regex.replace(in: Conversions.toString($0), with: replacement)) }))
    }
    return .string(regex.replace(in: Conversions.toString(l), with: replacement))
  }

  /// Binary `-split pattern[, max[, options]]`.
  func split(_ l: Value, _ r: Value, caseSensitive: Bool) throws -> Value {
    let args = r.enumerated ?? [r]
    let pattern = Conversions.toString(args.first ?? .null)
    var max = 0
    if args.count > 1, case .int32(let m) = try Conversions.convert(args[1], to: .int32) { max = Int(m) }
    var options: SplitOptions = []
    if args.count > 2 {
      do { options = try PSSplit.parseOptions(Conversions.toString(args[2])) } catch { throw RuntimeError(id: "BadSplitOptions", message: error.message) }
    }
    let items = l.enumerated ?? [l]
    var out: [Value] = []
    for item in items {
      do {
        out += try PSSplit.split(
          Conversions.toString(item), pattern: pattern, maxSubstrings: max, options: options, caseSensitive: caseSensitive
        ).map { Value.string($0) }
      } catch {
        throw RuntimeError(id: "InvalidRegularExpression", message: error.message)
      }
    }
    return .array(PSArray(out))
  }

  /// `-f`: .NET composite formatting.
  func format(_ f: String, _ args: [Value]) throws -> String {
    do {
      return try CompositeFormat.format(f, args.map(Members.formatArgument))
    } catch {
      throw RuntimeError(id: "FormatError", message: error.message)
    }
  }
}
