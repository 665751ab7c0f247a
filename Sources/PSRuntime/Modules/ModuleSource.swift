import PSLanguage

/// A module the session can load: an emulated module built into eflowsh (its `.psm1` text is
/// compiled into the binary, so an installed or copied binary finds it from any directory) or a
/// script module on disk.
public struct ModuleSource {
  public var name: String
  public var path: String
  public var version: String
  /// The commands it exports, known without loading it (for auto-loading and `Get-Module
  /// -ListAvailable`).
  public var commands: [String]
  /// The module's text, read only when the module is imported.
  public var text: () -> String

  public init(name: String, path: String, version: String = "1.0", commands: [String], text: @escaping () -> String) {
    self.name = name
    self.path = path
    self.version = version
    self.commands = commands
    self.text = text
  }

  /// The names of the functions a module text defines, found by a quick scan of
  /// `function Verb-Noun` lines (the full parse waits for the import).
  public static func functionNames(in text: String) -> [String] {
    var names: [String] = []
    for line in text.split(separator: "\n") {
      let t = line.drop { $0 == " " || $0 == "\t" }
      guard t.count > 9, t.prefix(9).lowercased() == "function " else { continue }
      let name = t.dropFirst(9).drop { $0 == " " }.prefix { !" {(\t\r".contains($0) }
      if !name.isEmpty { names.append(String(name)) }
    }
    return names
  }
}

/// A module imported into the session.
final class LoadedModule {
  let name: String
  let path: String
  let version: String
  /// Exported command names, lowercased, as they were defined in the session.
  var exportedFunctions: [String] = []
  var exportedCmdlets: [String] = []
  var exportedAliases: [String] = []
  let scope: Scope

  init(name: String, path: String, version: String, scope: Scope) {
    self.name = name
    self.path = path
    self.version = version
    self.scope = scope
  }
}
