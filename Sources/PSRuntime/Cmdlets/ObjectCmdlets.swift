import PSLanguage

/// The `*-Object` cmdlets and the everyday utilities: each declared with Windows PowerShell
/// 5.1's own `param()` block (parameter sets, positions, aliases), so binding, prefixes and
/// binding errors are PowerShell's.
extension Interpreter {
  func registerObjectCmdlets() {
    registerWhereObject()
    registerForEachObject()
    registerSelectObject()
    registerSortObject()
    registerGroupObject()
    registerMeasureObject()
    registerTeeObject()
    registerCompareObject()
    registerNewObject()
    registerAddMember()
    registerGetMember()
    registerUtilityCmdlets()
    registerVariableCmdlets()
    registerSessionCmdlets()
  }

  // MARK: - Where-Object

  /// The comparison switches of `Where-Object`'s simplified syntax, in 5.1's order, with their
  /// parameter set names (`-EQ` is in `EqualSet`, the default set, so `Where-Object Name` alone
  /// binds there and tests the property's truth).
  static let whereOperators: [(name: String, set: String, op: DashOperator?)] = {
    var list: [(String, String, DashOperator?)] = []
    let pairs: [(String, String, DashOperator.Base)] = [
      ("EQ", "Equal", .eq), ("NE", "NotEqual", .ne), ("GT", "GreaterThan", .gt), ("LT", "LessThan", .lt),
      ("GE", "GreaterOrEqual", .ge), ("LE", "LessOrEqual", .le), ("Like", "Like", .like),
      ("NotLike", "NotLike", .notlike), ("Match", "Match", .match), ("NotMatch", "NotMatch", .notmatch),
      ("Contains", "Contains", .contains), ("NotContains", "NotContains", .notcontains), ("In", "In", .in),
      ("NotIn", "NotIn", .notin),
    ]
    for (name, set, base) in pairs {
      list.append((name, set + "Set", DashOperator(base: base)))
      list.append(("C" + name, "CaseSensitive" + set + "Set", DashOperator(base: base, caseSensitive: true)))
    }
    list.append(("Is", "IsSet", DashOperator(base: .is)))
    list.append(("IsNot", "IsNotSet", DashOperator(base: .isnot)))
    return list
  }()

  static var whereObjectDeclaration: String {
    let sets = whereOperators.map(\.set)
    var p = "[CmdletBinding(DefaultParameterSetName='EqualSet')] param("
    p += "[Parameter(ValueFromPipeline)][psobject]$InputObject, "
    p += "[Parameter(ParameterSetName='ScriptBlockSet', Mandatory, Position=0)][scriptblock]$FilterScript, "
    p += sets.map { "[Parameter(ParameterSetName='\($0)', Mandatory, Position=0)]" }.joined()
    p += "[ValidateNotNullOrEmpty()][string]$Property, "
    p += sets.map { "[Parameter(ParameterSetName='\($0)', Position=1)]" }.joined() + "[object]$Value"
    for op in whereOperators {
      // -EQ is optional in the default set; the others pick their set, so they are mandatory there.
      let mandatory = op.name == "EQ" ? "" : ", Mandatory"
      let alias = op.name.hasPrefix("C") || op.name.hasPrefix("Is") ? "" : "[Alias('I\(op.name)')]"
      p += ", [Parameter(ParameterSetName='\(op.set)'\(mandatory))]\(alias)[switch]$\(op.name)"
    }
    return p + ")"
  }

  /// `Where-Object { script }` and `Where-Object Property -op Value`.
  func registerWhereObject() {
    defineCmdlet("Where-Object", Interpreter.whereObjectDeclaration) {
      CmdletBody(process: { ctx, item in
        guard let item else { return }
        let interp = ctx.interpreter
        if case .scriptBlock(let sb)? = ctx.value("FilterScript") {
          let out = OutputPipe()
          try interp.runScriptBlock(sb, withItem: item, into: out)
          if Conversions.toBool(interp.collapse(out.items)) { try ctx.emit(item) }
          return
        }
        let name = ctx.string("Property") ?? ""
        let lhs = try interp.cmdletProperty(item, name, ctx: ctx) ?? .null
        guard let op = Interpreter.whereOperators.first(where: { ctx.flag($0.name) })?.op else {
          // No operator: the property's own truth (`Where-Object Enabled`), unless -Value was
          // given, which compares for equality as -EQ does.
          if let v = ctx.value("Value") {
            if Conversions.toBool(try interp.dashOperator(DashOperator(base: .eq), lhs, v, at: ctx.extent)) {
              try ctx.emit(item)
            }
          } else if Conversions.toBool(lhs) {
            try ctx.emit(item)
          }
          return
        }
        let rhs = ctx.value("Value") ?? .null
        let result: Value
        do {
          result = try interp.dashOperator(op, lhs, rhs, at: ctx.extent)
        } catch let e as RuntimeError {
          try ctx.writeError(interp.record(e, at: ctx.extent, target: item))
          return
        }
        if Conversions.toBool(result) { try ctx.emit(item) }
      })
    }
    defineAlias("?", "Where-Object")
    defineAlias("where", "Where-Object")
  }

  // MARK: - ForEach-Object

  /// `ForEach-Object`: script blocks (`-Begin`, `-Process`, `-End`; several positional blocks
  /// are begin, process… and end as in PowerShell: with no `-Begin`, the first of two or more is
  /// the begin block; with no `-End`, the last of three or more is the end block) or a member
  /// name (`% Name`, `% Split ','`). Script blocks run in the caller's scope, as PowerShell
  /// dot-sources them.
  func registerForEachObject() {
    defineCmdlet(
      "ForEach-Object",
      """
      [CmdletBinding(DefaultParameterSetName='ScriptBlockSet')]
      param([Parameter(ValueFromPipeline)][psobject]$InputObject,
        [Parameter(ParameterSetName='ScriptBlockSet')][scriptblock]$Begin,
        [Parameter(ParameterSetName='ScriptBlockSet', Mandatory, Position=0)][AllowNull()][AllowEmptyCollection()][scriptblock[]]$Process,
        [Parameter(ParameterSetName='ScriptBlockSet')][scriptblock]$End,
        [Parameter(ParameterSetName='ScriptBlockSet', ValueFromRemainingArguments)][AllowNull()][AllowEmptyCollection()][scriptblock[]]$RemainingScripts,
        [Parameter(ParameterSetName='PropertyAndMethodSet', Mandatory, Position=0)][ValidateNotNullOrEmpty()][string]$MemberName,
        [Parameter(ParameterSetName='PropertyAndMethodSet', ValueFromRemainingArguments)][Alias('Args')][object[]]$ArgumentList)
      """
    ) {
      var begin: ScriptBlockValue?
      var process: [ScriptBlockValue?] = []
      var end: ScriptBlockValue?
      func blocks(_ v: Value?) -> [ScriptBlockValue?] {
        guard let v else { return [] }
        return (v.enumerated ?? [v]).map { if case .scriptBlock(let sb) = $0 { return sb } else { return nil } }
      }
      return CmdletBody(
        begin: { ctx in
          guard ctx.value("MemberName") == nil else { return }
          if case .scriptBlock(let sb)? = ctx.value("Begin") { begin = sb }
          if case .scriptBlock(let sb)? = ctx.value("End") { end = sb }
          var list = blocks(ctx.value("Process")) + blocks(ctx.value("RemainingScripts"))
          if ctx.value("Begin") == nil, list.count >= 2 { begin = list.removeFirst() }
          if ctx.value("End") == nil, list.count >= 2 { end = list.removeLast() }
          process = list
          if let begin { try ctx.interpreter.runScriptBlock(begin, withItem: nil, into: ctx.output) }
        },
        process: { ctx, item in
          let interp = ctx.interpreter
          if let member = ctx.string("MemberName") {
            guard let item else { return }
            try interp.forEachMember(item, member, ctx.value("ArgumentList"), ctx)
            return
          }
          for sb in process {
            guard let sb else { continue }
            try interp.runScriptBlock(sb, withItem: item ?? .null, into: ctx.output)
          }
        },
        end: { ctx in
          if let end { try ctx.interpreter.runScriptBlock(end, withItem: nil, into: ctx.output) }
        })
    }
    defineAlias("%", "ForEach-Object")
    defineAlias("foreach", "ForEach-Object")
  }

  /// `ForEach-Object -MemberName`: a property's value (enumerated), or a method's result.
  func forEachMember(_ item: Value, _ member: String, _ arguments: Value?, _ ctx: CmdletContext) throws {
    let args = arguments.map { $0.enumerated ?? [$0] } ?? []
    if args.isEmpty, let v = try cmdletProperty(item, member, ctx: ctx) {
      try ctx.emitEnumerated(v)
      return
    }
    if args.isEmpty, !isMethod(item, member) { return }
    do {
      let r = try invokeMethod(item, member, args, isStatic: false, argExprs: [])
      try ctx.emitEnumerated(r)
    } catch let e as RuntimeError {
      try ctx.writeError(record(e, at: ctx.extent, target: item))
    }
  }

  /// Whether a value has a method of that name (as far as the member layer can tell).
  func isMethod(_ item: Value, _ name: String) -> Bool {
    do {
      _ = try Members.invoke(item, name, [])
      return true
    } catch {
      // A wrong argument count still means the method exists.
      return error.id != "MethodNotFound"
    }
  }

  // MARK: - Shared helpers

  /// Runs a script block as `ForEach-Object` and `Where-Object` do: in the current scope, with
  /// `$_` set to the item (left as is when nil), its output written to `out` as it comes.
  func runScriptBlock(_ sb: ScriptBlockValue, withItem item: Value?, into out: OutputPipe) throws {
    let savedSource = source
    source = sb.source
    defer { source = savedSource }
    func run() throws {
      for b in sb.ast.namedBlocks { try runBlock(b.statements, out) }
    }
    if let item { try withCurrentItem(item, run) } else { try run() }
  }

  /// A script block's output for one item, collapsed (`@{E={…}}`, Sort-Object's keys).
  func scriptBlockValue(_ sb: ScriptBlockValue, item: Value) throws -> Value {
    let out = OutputPipe()
    try runScriptBlock(sb, withItem: item, into: out)
    return collapse(out.items)
  }

  /// A property as the object cmdlets read it (PowerShell's PSObject view): a custom object's
  /// properties, a .NET value's properties; a hashtable's keys are not properties here (so
  /// `@{a=1} | Select-Object a` gives an empty `a`, as in PowerShell). Nil when there is none.
  /// Under `Set-StrictMode -Version 2` or later a missing property is an error of the cmdlet.
  func cmdletProperty(_ v: Value, _ name: String, ctx: CmdletContext? = nil) throws -> Value? {
    let found: Value?
    switch v {
    case .object(let o): found = o.anyProperty(name)
    case .hashtable(let h): found = Members.hashtableProperty(h, name.lowercased())
    case .null: found = nil
    default: found = try? Members.property(v, name)
    }
    return found
  }

  /// The names of a value's properties, in order, for wildcard expansion (`Select-Object *`).
  func propertyNames(_ v: Value) -> [String] {
    switch v {
    case .object(let o): return o.propertyNames
    case .hashtable: return ["IsReadOnly", "IsFixedSize", "IsSynchronized", "Keys", "Values", "SyncRoot", "Count"]
    case .string: return ["Length"]
    case .dateTime:
      return [
        "Date", "Day", "DayOfWeek", "DayOfYear", "Hour", "Kind", "Millisecond", "Minute", "Month", "Second", "Ticks",
        "TimeOfDay", "Year",
      ]
    case .timeSpan:
      return [
        "Ticks", "Days", "Hours", "Milliseconds", "Minutes", "Seconds", "TotalDays", "TotalHours", "TotalMilliseconds",
        "TotalMinutes", "TotalSeconds",
      ]
    case .version: return ["Major", "Minor", "Build", "Revision", "MajorRevision", "MinorRevision"]
    case .array: return ["Length", "LongLength", "Rank", "SyncRoot", "IsReadOnly", "IsFixedSize", "IsSynchronized", "Count"]
    default: return []
    }
  }

  /// The type name PowerShell shows first in `.PSObject.TypeNames` (what `Selected.` prefixes).
  func psTypeName(_ v: Value) -> String {
    if case .object(let o) = v { return o.typeName ?? "System.Management.Automation.PSCustomObject" }
    return v.typeName
  }
}

extension CmdletContext {
  /// Tells the pipeline this command wants no more input (`Select-Object -First`): the
  /// commands before it stop, and it and the ones after it end normally.
  public func stopUpstream() -> Error {
    StopUpstream(stage: stageIdentity ?? ObjectIdentifier(self))
  }
}
