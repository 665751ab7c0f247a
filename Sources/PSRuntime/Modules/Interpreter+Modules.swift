import Foundation
import PSLanguage

extension Interpreter {
  // MARK: - Registration (by the host, at start-up)

  /// Makes a module available for `Import-Module` and auto-loading.
  public func addModuleSource(_ m: ModuleSource) {
    moduleSources[m.name.lowercased()] = m
    for c in m.commands { moduleCommandIndex[c.lowercased()] = m.name.lowercased() }
  }

  /// Binds a Swift implementation to the function of that name that an emulated module
  /// declares: the module's `param()` block is its parameter metadata, the body its behaviour.
  public func registerHandler(_ name: String, make: @escaping () -> CmdletBody) {
    handlers[name.lowercased()] = make
  }

  // MARK: - Auto-loading

  /// A command found by auto-loading the module on the module path that exports it.
  func commandFromModulePath(_ name: String) throws -> ResolvedCommand? {
    if name.contains("/") || name.contains("\\") || name.lowercased().hasSuffix(".ps1") {
      return try scriptFileCommand(name)
    }
    guard let moduleKey = moduleCommandIndex[name.lowercased()], loadedModules[moduleKey] == nil,
      let source = moduleSources[moduleKey]
    else { return nil }
    try importModule(source, force: false)
    if let f = scope.function(name) { return .function(f) }
    if let c = cmdlets[name.lowercased()] { return .cmdlet(c) }
    return nil
  }

  // MARK: - Import

  /// Imports a module: runs its text in a module scope, then makes its exported functions
  /// visible to the session. Functions an emulated module declares with a Swift handler become
  /// cmdlets; a declared function without a handler fails loudly when called.
  @discardableResult
  func importModule(_ source: ModuleSource, force: Bool) throws -> LoadedModule {
    let key = source.name.lowercased()
    if let existing = loadedModules[key] {
      if !force { return existing }
      removeModule(key)
    }
    let moduleScope = Scope(parent: globalScope)
    let module = LoadedModule(name: source.name, path: source.path, version: source.version, scope: moduleScope)
    let parsed = Parser.parse(SourceFile(path: source.path, text: source.text()))
    if let first = parsed.errors.first {
      throw ScriptError(
        ErrorRecord(
          exceptionType: "System.Management.Automation.ParseException",
          message: "The module '\(source.name)' could not be loaded: \(first.message)", errorId: first.id.rawValue,
          category: .parserError, source: parsed.source, extent: first.range),
        scriptTerminating: false)
    }
    let savedExports = moduleExports
    moduleExports = nil
    defer { moduleExports = savedExports }
    try within(
      StageEnvironment(
        scope: moduleScope, source: parsed.source, routes: routes, errorCollectors: errorCollectors,
        warningCollectors: warningCollectors)
    ) {
      try scope.set("PSScriptRoot", .string((source.path as NSString).deletingLastPathComponent))
      try scope.set("PSCommandPath", .string(source.path))
      let out = OutputPipe()
      for block in parsed.ast.namedBlocks { try runStatements(block.statements, out) }
    }
    let exported = moduleExports
    // Parsed once, not once per function: the AzureEFLOW module exports ~40 functions by name.
    let exportPatterns = exported?.functions?.map { WildcardPattern($0) }
    let emulated = isEmulated(source)
    /// An emulated module's declarations are parts of eflowsh, checked by its tests like the
    /// built-ins' (`defineCmdlet`): they are bound on first use, since a run uses a few of the
    /// up to thirty a module declares. A user's module is bound now, so its errors show at import.
    func cmdlet(_ f: FunctionDefinition, _ make: @escaping () -> CmdletBody) throws -> Cmdlet {
      guard emulated else { return Cmdlet(metadata: try metadata(for: f), make: make) }
      return Cmdlet(
        name: f.name,
        declaration: { [unowned self] in
          guard let m = try? self.metadata(for: f) else { preconditionFailure("the declaration of \(f.name) does not bind") }
          return m
        }, make: make)
    }
    for (k, f) in moduleScope.functions {
      if let exportPatterns, !exportPatterns.contains(where: { $0.matches(f.name) }) { continue }
      if let make = handlers[k] {
        var c = try cmdlet(f, make)
        c.help = f.body.helpComment.map { ($0, f.source) }
        cmdlets[k] = c
        module.exportedCmdlets.append(k)
      } else if f.body.namedBlocks.allSatisfy({ $0.statements.isEmpty }), moduleSources[key] != nil, isEmulated(source) {
        var c = try cmdlet(f) { [name = f.name] in
          CmdletBody(process: { _, _ in
            throw RuntimeError(
              id: "NotImplementedInEflowsh",
              message: "\(name) is declared by the emulated module \(source.name) but eflowsh does not implement it.",
              exceptionType: "System.NotSupportedException")
          })
        }
        c.help = f.body.helpComment.map { ($0, f.source) }
        cmdlets[k] = c
        module.exportedCmdlets.append(k)
      } else {
        globalScope.define(f)
        module.exportedFunctions.append(k)
      }
    }
    loadedModules[key] = module
    return module
  }

  /// Whether a module is one of eflowsh's emulated modules (built in), not a user's.
  func isEmulated(_ source: ModuleSource) -> Bool { source.path.hasPrefix(Interpreter.builtinModuleRoot) }

  /// Where built-in modules say they live (as Windows would show them).
  public static let builtinModuleRoot = "<eflowsh>/Modules/"

  func removeModule(_ key: String) {
    guard let m = loadedModules.removeValue(forKey: key) else { return }
    for f in m.exportedFunctions { globalScope.functions.removeValue(forKey: f) }
    for c in m.exportedCmdlets { cmdlets.removeValue(forKey: c) }
    for a in m.exportedAliases { aliases.removeValue(forKey: a) }
  }

  /// Finds a module by name (built in, or on `$env:PSModulePath`) or by path.
  func findModule(_ nameOrPath: String) -> ModuleSource? {
    let lower = nameOrPath.lowercased()
    if let m = moduleSources[lower] { return m }
    let looksLikePath = nameOrPath.contains("/") || nameOrPath.contains("\\") || lower.hasSuffix(".psm1")
    if looksLikePath {
      let path = resolveFileSystemPath(nameOrPath)
      return moduleFromFile(path)
    }
    for dir in modulePathDirectories {
      for candidate in ["\(dir)/\(nameOrPath)/\(nameOrPath).psm1", "\(dir)/\(nameOrPath).psm1"]
      where FileManager.default.fileExists(atPath: candidate) {
        return moduleFromFile(candidate)
      }
    }
    return nil
  }

  func moduleFromFile(_ path: String) -> ModuleSource? {
    guard path.lowercased().hasSuffix(".psm1"), let text = try? String(contentsOfFile: path, encoding: .utf8) else {
      return nil
    }
    let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
    return ModuleSource(name: name, path: path, commands: ModuleSource.functionNames(in: text)) { text }
  }

  /// The directories of `$env:PSModulePath` (`:`-separated on Linux, `;` accepted too).
  var modulePathDirectories: [String] {
    guard let p = environmentVariable("PSModulePath") else { return [] }
    return p.split(whereSeparator: { $0 == ":" || $0 == ";" }).map(String.init).filter { !$0.isEmpty }
  }

  // MARK: - Script files as commands

  /// `./other.ps1 args`, `& $path`, `. ./helpers.ps1`: a script file run like a function, with
  /// its own `$PSScriptRoot`.
  func scriptFileCommand(_ name: String) throws -> ResolvedCommand? {
    let path = resolveFileSystemPath(name)
    var isDir: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue else { return nil }
    if let cached = scriptFiles[path] { return .function(cached) }
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
    let parsed = Parser.parse(SourceFile(path: path, text: text))
    if let first = parsed.errors.first {
      throw ScriptError(
        ErrorRecord(
          exceptionType: "System.Management.Automation.ParseException", message: first.message,
          errorId: first.id.rawValue, category: .parserError, source: parsed.source, extent: first.range),
        scriptTerminating: false)
    }
    let f = FunctionDefinition(name: path, body: parsed.ast, parameters: [], source: parsed.source, isFilter: false)
    f.isScriptFile = true
    scriptFiles[path] = f
    return .function(f)
  }
}

/// What `Export-ModuleMember` said while a module loaded (nil: every function is exported).
/// Aliases are session-wide in eflowsh, so those a module defines are always visible.
struct ModuleExports {
  var functions: [String]?
}
