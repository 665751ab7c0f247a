import PSLanguage

/// `Get-Variable`, `Set-Variable`, `New-Variable`, `Remove-Variable`, `Clear-Variable`.
///
/// `-Scope` takes `Global`, `Script`, `Local` or a number of scopes up (0 is the caller's);
/// `-Option` takes `None`, `ReadOnly`, `Constant` and `Private` (`AllScope` is not supported by
/// eflowsh and says so). Variables are written out as `PSVariable` objects with Name, Value,
/// Description and Options.
extension Interpreter {
  static let variableOptionNames = ["None", "ReadOnly", "Constant", "Private", "AllScope", "Unspecified"]

  func registerVariableCmdlets() {
    let option = "[ValidateSet('None','ReadOnly','Constant','Private','AllScope','Unspecified')][string[]]$Option"
    defineCmdlet(
      "Get-Variable",
      "param([Parameter(Position=0, ValueFromPipeline)][ValidateNotNullOrEmpty()][string[]]$Name, [switch]$ValueOnly, [string[]]$Include, [string[]]$Exclude, [ValidateNotNullOrEmpty()][string]$Scope)"
    ) {
      CmdletBody(process: { ctx, _ in
        let interp = ctx.interpreter
        let names = ctx.value("Name").map { ($0.enumerated ?? [$0]).map(Conversions.toString) } ?? ["*"]
        let visible = try interp.visibleVariables(ctx)
        let include = interp.patterns(ctx.value("Include"))
        let exclude = interp.patterns(ctx.value("Exclude"))
        for name in names {
          let pattern = WildcardPattern(name, caseSensitive: false)
          let found = visible.filter { v in
            pattern.matches(v.name) && (include.isEmpty || include.contains { $0.matches(v.name) })
              && !exclude.contains { $0.matches(v.name) }
          }
          if found.isEmpty, !WildcardPattern.containsWildcards(name) {
            try ctx.writeError(interp.variableNotFound(name))
            continue
          }
          for v in found {
            try ctx.emit(ctx.flag("ValueOnly") ? v.value : interp.variableObject(v))
          }
        }
      })
    }
    defineAlias("gv", "Get-Variable")

    defineCmdlet(
      "Set-Variable",
      "[CmdletBinding(SupportsShouldProcess)] param([Parameter(Mandatory, Position=0, ValueFromPipelineByPropertyName)][string[]]$Name, [Parameter(Position=1, ValueFromPipeline, ValueFromPipelineByPropertyName)][AllowNull()][object]$Value, [string[]]$Include, [string[]]$Exclude, [string]$Description, \(option), [switch]$Force, [ValidateSet('Public','Private')][string]$Visibility, [switch]$PassThru, [ValidateNotNullOrEmpty()][string]$Scope)"
    ) {
      var piped: [Value]?
      return CmdletBody(
        process: { ctx, item in
          if let item {
            piped = (piped ?? []) + [item]
            return
          }
          try ctx.interpreter.setVariables(
            ctx, value: ctx.value("Value") ?? .null, creating: false, explicitValue: ctx.bound.isBound("Value"))
        },
        end: { ctx in
          guard let piped else { return }
          let v: Value = piped.count == 1 ? piped[0] : .array(PSArray(piped))
          try ctx.interpreter.setVariables(ctx, value: v, creating: false)
        })
    }
    defineAlias("set", "Set-Variable")
    defineAlias("sv", "Set-Variable")

    defineCmdlet(
      "New-Variable",
      "[CmdletBinding(SupportsShouldProcess)] param([Parameter(Mandatory, Position=0, ValueFromPipelineByPropertyName)][string]$Name, [Parameter(Position=1, ValueFromPipeline, ValueFromPipelineByPropertyName)][object]$Value, [string]$Description, \(option), [ValidateSet('Public','Private')][string]$Visibility, [switch]$Force, [switch]$PassThru, [ValidateNotNullOrEmpty()][string]$Scope)"
    ) {
      CmdletBody(process: { ctx, item in
        try ctx.interpreter.setVariables(ctx, value: ctx.value("Value") ?? item ?? .null, creating: true)
      })
    }
    defineAlias("nv", "New-Variable")

    defineCmdlet(
      "Remove-Variable",
      "[CmdletBinding(SupportsShouldProcess)] param([Parameter(Mandatory, Position=0, ValueFromPipelineByPropertyName)][string[]]$Name, [string[]]$Include, [string[]]$Exclude, [switch]$Force, [ValidateNotNullOrEmpty()][string]$Scope)"
    ) {
      CmdletBody(process: { ctx, _ in
        try ctx.interpreter.forEachNamedVariable(ctx) { scope, v in
          if v.isConstant || (v.isReadOnly && !ctx.flag("Force")) {
            try ctx.writeError(
              ErrorRecord(
                exceptionType: "System.Management.Automation.SessionStateUnauthorizedAccessException",
                message:
                  "Cannot remove variable \(v.name) because it is constant or read-only. If the variable is read-only, try the operation again specifying the Force option.",
                errorId: "VariableNotRemovable", category: .writeError, targetObject: .string(v.name)))
            return
          }
          scope.remove(v.name)
        }
      })
    }
    defineAlias("rv", "Remove-Variable")

    defineCmdlet(
      "Clear-Variable",
      "[CmdletBinding(SupportsShouldProcess)] param([Parameter(Mandatory, Position=0, ValueFromPipelineByPropertyName)][string[]]$Name, [string[]]$Include, [string[]]$Exclude, [switch]$Force, [switch]$PassThru, [ValidateNotNullOrEmpty()][string]$Scope)"
    ) {
      CmdletBody(process: { ctx, _ in
        let interp = ctx.interpreter
        try interp.forEachNamedVariable(ctx) { _, v in
          if v.isConstant || (v.isReadOnly && !ctx.flag("Force")) {
            try ctx.writeError(interp.variableNotWritable(v.name))
            return
          }
          v.value = v.typeConstraint.flatMap { try? Conversions.convert(.null, to: $0) } ?? .null
          if ctx.flag("PassThru") { try ctx.emit(interp.variableObject(v)) }
        }
      })
    }
    defineAlias("clv", "Clear-Variable")
  }

  // MARK: - Helpers

  func patterns(_ v: Value?) -> [WildcardPattern] {
    (v.map { $0.enumerated ?? [$0] } ?? []).map { WildcardPattern(Conversions.toString($0), caseSensitive: false) }
  }

  /// The scope a variable cmdlet works in: the caller's (a command given `-ErrorAction` or
  /// `-Verbose` runs in a child scope holding those preferences), or the one `-Scope` names.
  func variableScope(_ ctx: CmdletContext) throws -> Scope {
    var caller = scope
    if hasPreferenceParameters(ctx.bound), let p = caller.parent { caller = p }
    guard let named = ctx.string("Scope") else { return caller }
    switch named.lowercased() {
    case "global": return globalScope
    case "script": return scriptScope
    case "local", "private": return caller
    default:
      guard let n = Int(named), n >= 0 else {
        throw ctx.terminatingError(
          ErrorRecord(
            exceptionType: "System.ArgumentException",
            message:
              "The scope \"\(named)\" is not valid. Specify \"Global\", \"Local\", \"Script\", or a number of scopes up.",
            errorId: "ArgumentException", category: .invalidArgument, targetObject: .string(named)))
      }
      var s = caller
      for _ in 0..<n {
        guard let p = s.parent else {
          throw ctx.terminatingError(
            ErrorRecord(
              exceptionType: "System.Management.Automation.PSArgumentOutOfRangeException",
              message:
                "The scope number '\(n)' exceeds the number of active scopes.\nParameter name: Scope\nActual value was \(n).",
              errorId: "ArgumentOutOfRange", category: .invalidArgument, targetObject: .int32(Int32(n))))
        }
        s = p
      }
      return s
    }
  }

  /// The variables visible from the working scope (nearest first wins), sorted by name; with
  /// `-Scope`, only that scope's own.
  func visibleVariables(_ ctx: CmdletContext) throws -> [Variable] {
    let start = try variableScope(ctx)
    var seen: [VariableKey: Variable] = [:]
    var s: Scope? = start
    var first = true
    while let scope = s {
      for (k, v) in scope.variables where seen[k] == nil && (first || !v.isPrivate) { seen[k] = v }
      if ctx.string("Scope") != nil { break }
      first = false
      s = scope.parent
    }
    return seen.values.sorted { $0.name.lowercased() < $1.name.lowercased() }
  }

  /// Each variable the `-Name` patterns match (with the scope holding it); an exact name that
  /// matches nothing is PowerShell's VariableNotFound error.
  func forEachNamedVariable(_ ctx: CmdletContext, _ body: (Scope, Variable) throws -> Void) throws {
    let start = try variableScope(ctx)
    let names = ctx.value("Name").map { ($0.enumerated ?? [$0]).map(Conversions.toString) } ?? []
    let include = patterns(ctx.value("Include"))
    let exclude = patterns(ctx.value("Exclude"))
    for name in names {
      let pattern = WildcardPattern(name, caseSensitive: false)
      var matched: [(Scope, Variable)] = []
      var seen: Set<VariableKey> = []
      var s: Scope? = start
      var first = true
      while let scope = s {
        for (k, v) in scope.variables where !seen.contains(k) && (first || !v.isPrivate) && pattern.matches(v.name) {
          if !include.isEmpty, !include.contains(where: { $0.matches(v.name) }) { continue }
          if exclude.contains(where: { $0.matches(v.name) }) { continue }
          seen.insert(k)
          matched.append((scope, v))
        }
        if ctx.string("Scope") != nil { break }
        first = false
        s = scope.parent
      }
      if matched.isEmpty, !WildcardPattern.containsWildcards(name) {
        try ctx.writeError(variableNotFound(name))
        continue
      }
      for (scope, v) in matched.sorted(by: { $0.1.name.lowercased() < $1.1.name.lowercased() }) { try body(scope, v) }
    }
  }

  /// `Set-Variable` and `New-Variable`.
  func setVariables(_ ctx: CmdletContext, value: Value, creating: Bool, explicitValue: Bool = true) throws {
    let target = try variableScope(ctx)
    let options = (ctx.value("Option").map { $0.enumerated ?? [$0] } ?? []).flatMap {
      Conversions.toString($0).split(separator: ",").map { String($0).trimmingCharacters(of: " ").lowercased() }
    }
    if options.contains("allscope") {
      throw RuntimeError(id: "NotSupported", message: "The AllScope variable option is not supported by eflowsh.")
    }
    let names = ctx.value("Name").map { ($0.enumerated ?? [$0]).map(Conversions.toString) } ?? []
    let force = ctx.flag("Force")
    for name in names {
      if let existing = target.local(name) {
        if creating, !force {
          try ctx.writeError(
            ErrorRecord(
              exceptionType: "System.Management.Automation.SessionStateException",
              message: "A variable with name '\(existing.name)' already exists.", errorId: "VariableAlreadyExists",
              category: .resourceExists, targetObject: .string(name)))
          continue
        }
        if existing.isConstant || (existing.isReadOnly && !force) {
          try ctx.writeError(variableNotWritable(existing.name))
          continue
        }
        if options.contains("constant") {
          try ctx.writeError(
            ErrorRecord(
              exceptionType: "System.Management.Automation.SessionStateUnauthorizedAccessException",
              message:
                "Existing variable \(existing.name) cannot be made constant. Variables can be made constant only at creation time.",
              errorId: "VariableCannotBeMadeConstant", category: .writeError, targetObject: .string(name)))
          continue
        }
        if explicitValue {
          existing.value = existing.typeConstraint.flatMap { try? Conversions.convert(value, to: $0) } ?? value
        }
        apply(options, ctx, to: existing)
        if ctx.flag("PassThru") { try ctx.emit(variableObject(existing)) }
        continue
      }
      if WildcardPattern.containsWildcards(name), !creating {
        continue
      }
      let v = Variable(name: name, value: value)
      apply(options, ctx, to: v)
      target.add(v, key: Scope.key(name))
      if ctx.flag("PassThru") { try ctx.emit(variableObject(v)) }
    }
  }

  func apply(_ options: [String], _ ctx: CmdletContext, to v: Variable) {
    if options.contains("constant") {
      v.isConstant = true
      v.isReadOnly = true
    }
    if options.contains("readonly") { v.isReadOnly = true }
    if options.contains("private") || ctx.string("Visibility")?.caseInsensitiveEquals("Private") == true {
      v.isPrivate = true
    }
    if options.contains("none"), !v.isConstant { v.isReadOnly = false }
    if let d = ctx.string("Description") { v.description = d }
  }

  /// A variable as Get-Variable writes it.
  func variableObject(_ v: Variable) -> Value {
    var opts: [String] = []
    if v.isConstant { opts.append("Constant") } else if v.isReadOnly { opts.append("ReadOnly") }
    if v.isPrivate { opts.append("Private") }
    let o = PSObject([
      ("Name", .string(v.name)), ("Value", v.value), ("Description", .string(v.description)),
      ("Options", .string(opts.isEmpty ? "None" : opts.joined(separator: ", "))),
    ])
    o.typeName = "System.Management.Automation.PSVariable"
    return .object(o)
  }

  func variableNotFound(_ name: String) -> ErrorRecord {
    ErrorRecord(
      exceptionType: "System.Management.Automation.ItemNotFoundException",
      message: "Cannot find a variable with the name '\(name)'.", errorId: "VariableNotFound", category: .objectNotFound,
      targetObject: .string(name))
  }

  func variableNotWritable(_ name: String) -> ErrorRecord {
    ErrorRecord(
      exceptionType: "System.Management.Automation.SessionStateUnauthorizedAccessException",
      message: "Cannot overwrite variable \(name) because it is read-only or constant.", errorId: "VariableNotWritable",
      category: .writeError, targetObject: .string(name))
  }
}

