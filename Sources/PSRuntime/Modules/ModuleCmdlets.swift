import PSLanguage

extension Interpreter {
  /// `Import-Module`, `Remove-Module`, `Get-Module`, `Export-ModuleMember`, the alias cmdlets
  /// and `Get-Command`.
  func registerModuleCmdlets() {
    defineCmdlet(
      "Import-Module",
      "param([Parameter(Mandatory, Position=0, ValueFromPipeline)][string[]]$Name, [switch]$Force, [switch]$PassThru, [switch]$Global, [switch]$DisableNameChecking, [version]$MinimumVersion, [version]$RequiredVersion)"
    ) {
      CmdletBody(process: { ctx, _ in
        let i = ctx.interpreter
        for nameValue in ctx.value("Name")?.enumerated ?? [ctx.value("Name") ?? .null] {
          let name = Conversions.toString(nameValue)
          guard let source = i.findModule(name) else {
            try ctx.writeError(
              ErrorRecord(
                exceptionType: "System.IO.FileNotFoundException",
                message:
                  "The specified module '\(name)' was not loaded because no valid module file was found in any module directory.",
                errorId: "Modules_ModuleNotFound", category: .resourceUnavailable, targetObject: .string(name),
                commandName: "Microsoft.PowerShell.Commands.ImportModuleCommand"))
            continue
          }
          try i.checkModuleVersion(source, ctx)
          let m = try i.importModule(source, force: ctx.flag("Force"))
          if ctx.flag("PassThru") { try ctx.emit(i.moduleInfo(m.name, m.version, m.path, commands: i.exportedNames(m))) }
        }
      })
    }
    defineAlias("ipmo", "Import-Module")
    defineCmdlet(
      "Remove-Module", "param([Parameter(Mandatory, Position=0, ValueFromPipeline)][string[]]$Name, [switch]$Force)"
    ) {
      CmdletBody(process: { ctx, _ in
        let i = ctx.interpreter
        for nameValue in ctx.value("Name")?.enumerated ?? [] {
          let name = Conversions.toString(nameValue)
          let matching = i.loadedModules.keys.filter { WildcardPattern(name).matches($0) }
          if matching.isEmpty {
            try ctx.writeError(
              ErrorRecord(
                exceptionType: "System.InvalidOperationException",
                message: "No modules were removed. Verify that the specification of modules to remove is correct and those modules exist in the runspace.",
                errorId: "Modules_NoModulesRemoved", category: .resourceUnavailable, targetObject: .string(name),
                commandName: "Microsoft.PowerShell.Commands.RemoveModuleCommand"))
          }
          for key in matching { i.removeModule(key) }
        }
      })
    }
    defineAlias("rmo", "Remove-Module")
    defineCmdlet("Get-Module", "param([Parameter(Position=0)][string[]]$Name, [switch]$ListAvailable, [switch]$All)") {
      CmdletBody(process: { ctx, _ in
        let i = ctx.interpreter
        let patterns = (ctx.value("Name")?.enumerated ?? ctx.value("Name").map { [$0] } ?? []).map {
          WildcardPattern(Conversions.toString($0))
        }
        func wanted(_ n: String) -> Bool { patterns.isEmpty || patterns.contains { $0.matches(n) } }
        if ctx.flag("ListAvailable") {
          for s in i.moduleSources.values.sorted(by: { $0.name.lowercased() < $1.name.lowercased() }) where wanted(s.name) {
            try ctx.emit(i.moduleInfo(s.name, s.version, s.path, commands: s.commands))
          }
          return
        }
        for m in i.loadedModules.values.sorted(by: { $0.name.lowercased() < $1.name.lowercased() }) where wanted(m.name) {
          try ctx.emit(i.moduleInfo(m.name, m.version, m.path, commands: i.exportedNames(m)))
        }
      })
    }
    defineAlias("gmo", "Get-Module")
    defineCmdlet(
      "Export-ModuleMember",
      "param([Parameter(Position=0, ValueFromPipelineByPropertyName)][string[]]$Function, [string[]]$Cmdlet, [string[]]$Variable, [string[]]$Alias)"
    ) {
      CmdletBody(process: { ctx, _ in
        let i = ctx.interpreter
        guard i.moduleExports != nil || i.isLoadingModule else {
          throw RuntimeError(
            id: "Modules_CanOnlyExecuteExportModuleMemberInsideAModule",
            message: "The Export-ModuleMember cmdlet can only be called from inside a module.",
            exceptionType: "System.InvalidOperationException")
        }
        var exports = i.moduleExports ?? ModuleExports()
        let names = (ctx.value("Function")?.enumerated ?? []).map(Conversions.toString)
        exports.functions = (exports.functions ?? []) + names
        i.moduleExports = exports
      })
    }
    registerAliasCmdlets()
  }

  /// Whether a module's text is running (for `Export-ModuleMember`).
  var isLoadingModule: Bool { scope !== globalScope && scope.parent === globalScope && source.path.lowercased().hasSuffix(".psm1") }

  func checkModuleVersion(_ s: ModuleSource, _ ctx: CmdletContext) throws {
    guard let required = ctx.value("RequiredVersion") ?? ctx.value("MinimumVersion") else { return }
    let have = (try? Conversions.convert(.string(s.version), to: .version)) ?? .null
    let exact = ctx.value("RequiredVersion") != nil
    let ok = exact ? Comparison.equals(have, required, caseSensitive: false) : (try? Comparison.order(have, required, caseSensitive: false)).map { $0 >= 0 } ?? false
    if !ok {
      throw RuntimeError(
        id: "Modules_ModuleWithVersionNotFound",
        message:
          "The specified module '\(s.name)' with version '\(Conversions.toString(required))' was not loaded because no valid module file was found in any module directory.",
        exceptionType: "System.IO.FileNotFoundException")
    }
  }

  func exportedNames(_ m: LoadedModule) -> [String] {
    let cased = (m.exportedFunctions + m.exportedCmdlets).map { k in
      cmdlets[k]?.name ?? globalScope.functions[k]?.name ?? k
    }
    return cased.sorted { $0.lowercased() < $1.lowercased() }
  }

  /// A `PSModuleInfo` as `Get-Module` shows it.
  func moduleInfo(_ name: String, _ version: String, _ path: String, commands: [String]) -> Value {
    let exported = PSHashtable()
    for c in commands { exported[.string(c)] = .string(c) }
    let o = PSObject([
      ("ModuleType", .string("Script")), ("Version", (try? Conversions.convert(.string(version), to: .version)) ?? .string(version)),
      ("Name", .string(name)), ("ExportedCommands", .array(PSArray(commands.map { .string($0) }))),
      ("Path", .string(path)),
    ])
    o.typeName = "System.Management.Automation.PSModuleInfo"
    o.stringValue = name
    return .object(o)
  }

  // MARK: - Aliases and commands

  func registerAliasCmdlets() {
    for (verb, errorIfExists) in [("Set", false), ("New", true)] {
      defineCmdlet(
        "\(verb)-Alias",
        "param([Parameter(Mandatory, Position=0)][string]$Name, [Parameter(Mandatory, Position=1)][string]$Value, [string]$Description, [string]$Option, [switch]$PassThru, [string]$Scope, [switch]$Force)"
      ) {
        CmdletBody(process: { ctx, _ in
          let name = ctx.string("Name") ?? ""
          let i = ctx.interpreter
          if errorIfExists, i.aliases[name.lowercased()] != nil, !ctx.flag("Force") {
            throw RuntimeError(
              id: "AliasAlreadyExists",
              message: "The alias is not allowed, because an alias with the name '\(name)' already exists.",
              exceptionType: "System.Management.Automation.SessionStateUnauthorizedAccessException")
          }
          i.aliases[name.lowercased()] = ctx.string("Value") ?? ""
          if ctx.flag("PassThru") { try ctx.emit(i.aliasInfo(name)) }
        })
      }
    }
    defineAlias("sal", "Set-Alias")
    defineAlias("nal", "New-Alias")
    defineCmdlet("Get-Alias", "param([Parameter(Position=0, ValueFromPipelineByPropertyName)][string[]]$Name, [string[]]$Definition)") {
      CmdletBody(process: { ctx, _ in
        let i = ctx.interpreter
        let names = (ctx.value("Name")?.enumerated ?? ctx.value("Name").map { [$0] } ?? []).map(Conversions.toString)
        let defs = (ctx.value("Definition")?.enumerated ?? ctx.value("Definition").map { [$0] } ?? []).map(Conversions.toString)
        for n in names where !Interpreter.hasWildcard(n) && i.aliases[n.lowercased()] == nil {
          try ctx.writeError(
            ErrorRecord(
              exceptionType: "System.Management.Automation.ItemNotFoundException",
              message: "This command cannot find a matching alias because an alias with the name '\(n)' does not exist.",
              errorId: "ItemNotFoundException", category: .objectNotFound, targetObject: .string(n),
              commandName: "Microsoft.PowerShell.Commands.GetAliasCommand"))
        }
        for key in i.aliases.keys.sorted() {
          let target = i.aliases[key] ?? ""
          if !names.isEmpty, !names.contains(where: { WildcardPattern($0).matches(key) }) { continue }
          if !defs.isEmpty, !defs.contains(where: { WildcardPattern($0).matches(target) }) { continue }
          try ctx.emit(i.aliasInfo(key))
        }
      })
    }
    defineAlias("gal", "Get-Alias")
    defineCmdlet(
      "Get-Command",
      "param([Parameter(Position=0, ValueFromPipeline)][string[]]$Name, [string[]]$Module, [ValidateSet('Alias','Function','Filter','Cmdlet','ExternalScript','Application','Script','Workflow','Configuration','All')][string[]]$CommandType, [string[]]$Noun, [string[]]$Verb, [switch]$ListImported)"
    ) {
      CmdletBody(process: { ctx, _ in try ctx.interpreter.getCommand(ctx) })
    }
    defineAlias("gcm", "Get-Command")
  }

  func aliasInfo(_ name: String) -> Value {
    let target = aliases[name.lowercased()] ?? ""
    let shown = name
    let o = PSObject([
      ("CommandType", .string("Alias")), ("Name", .string(shown)), ("Definition", .string(target)),
      ("DisplayName", .string("\(shown) -> \(target)")), ("ResolvedCommandName", .string(target)),
    ])
    o.typeName = "System.Management.Automation.AliasInfo"
    o.stringValue = shown
    return .object(o)
  }

  /// `Get-Command`: functions, cmdlets (built in and from modules, loaded or not) and aliases.
  func getCommand(_ ctx: CmdletContext) throws {
    let names = (ctx.value("Name")?.enumerated ?? ctx.value("Name").map { [$0] } ?? []).map(Conversions.toString)
    let modules = (ctx.value("Module")?.enumerated ?? ctx.value("Module").map { [$0] } ?? []).map(Conversions.toString)
    let types = Set((ctx.value("CommandType")?.enumerated ?? ctx.value("CommandType").map { [$0] } ?? []).map { Conversions.toString($0).lowercased() })
    let verbs = (ctx.value("Verb")?.enumerated ?? ctx.value("Verb").map { [$0] } ?? []).map(Conversions.toString)
    let nouns = (ctx.value("Noun")?.enumerated ?? ctx.value("Noun").map { [$0] } ?? []).map(Conversions.toString)
    var found: [(name: String, type: String, source: String)] = []
    var seen = Set<String>()
    func add(_ name: String, _ type: String, _ source: String) {
      if seen.insert(name.lowercased()).inserted { found.append((name, type, source)) }
    }
    var s: Scope? = scope
    while let cur = s {
      for f in cur.functions.values where !f.name.isEmpty { add(f.name, f.isFilter ? "Filter" : "Function", "") }
      s = cur.parent
    }
    for (key, c) in cmdlets {
      let module = loadedModules.values.first { $0.exportedCmdlets.contains(key) }?.name ?? "Microsoft.PowerShell.Utility"
      add(c.name, module == "Microsoft.PowerShell.Utility" ? "Cmdlet" : "Function", module)
    }
    if !ctx.flag("ListImported") {
      for m in moduleSources.values where loadedModules[m.name.lowercased()] == nil {
        for c in m.commands { add(c, "Function", m.name) }
      }
    }
    for key in aliases.keys { add(key, "Alias", "") }
    var matched: [(name: String, type: String, source: String)] = []
    for c in found {
      if !names.isEmpty, !names.contains(where: { WildcardPattern($0).matches(c.name) }) { continue }
      if !modules.isEmpty, !modules.contains(where: { WildcardPattern($0).matches(c.source) }) { continue }
      if !types.isEmpty, !types.contains("all"), !types.contains(c.type.lowercased()) { continue }
      let parts = c.name.split(separator: "-", maxSplits: 1).map(String.init)
      if !verbs.isEmpty, !(parts.count == 2 && verbs.contains { WildcardPattern($0).matches(parts[0]) }) { continue }
      if !nouns.isEmpty, !(parts.count == 2 && nouns.contains { WildcardPattern($0).matches(parts[1]) }) { continue }
      matched.append(c)
    }
    for n in names where !Interpreter.hasWildcard(n) && !matched.contains(where: { $0.name.caseInsensitiveEquals(n) }) {
      try ctx.writeError(
        ErrorRecord(
          exceptionType: "System.Management.Automation.CommandNotFoundException",
          message:
            "The term '\(n)' is not recognized as the name of a cmdlet, function, script file, or operable program. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.",
          errorId: "CommandNotFoundException", category: .objectNotFound, targetObject: .string(n),
          commandName: "Microsoft.PowerShell.Commands.GetCommandCommand"))
    }
    matched.sort { ($0.type == "Alias" ? 0 : 1, $0.name.lowercased()) < ($1.type == "Alias" ? 0 : 1, $1.name.lowercased()) }
    for c in matched {
      let display = c.type == "Alias" ? "\(c.name) -> \(aliases[c.name.lowercased()] ?? "")" : c.name
      let o = PSObject([
        ("CommandType", .string(c.type)), ("Name", .string(c.name)), ("DisplayName", .string(display)),
        ("Version", .string("")), ("Source", .string(c.source)),
      ])
      o.typeName = c.type == "Alias" ? "System.Management.Automation.AliasInfo" : "System.Management.Automation.\(c.type == "Cmdlet" ? "CmdletInfo" : "FunctionInfo")"
      o.stringValue = c.name
      try ctx.emit(.object(o))
    }
  }
}

extension Interpreter {
  /// True when a name holds wildcard characters (then no match is not an error).
  static func hasWildcard(_ s: String) -> Bool { s.contains { "*?[".contains($0) } }
}
