import Foundation
import PSLanguage

extension Interpreter {
  /// Honours a script's `#requires` lines before it runs, as PowerShell does: `-Version` up to
  /// the emulated 5.1, `-PSEdition Desktop`, `-Modules` (imported now, or the script does not
  /// run), `-RunAsAdministrator` (the simulated host's session is elevated, so it passes).
  func checkRequires(_ parsed: Parser.Result) throws {
    let name = (parsed.source.path as NSString).lastPathComponent
    for c in parsed.ast.requires {
      let words = tokenizeRequires(parsed.source.text(c.range))
      var i = 1
      while i < words.count {
        let option = words[i].lowercased()
        let value = i + 1 < words.count ? words[i + 1] : ""
        switch option {
        case "-version":
          let wanted = VersionValue(parsing: value.contains(".") ? value : value + ".0")?.parts ?? [0, 0]
          if wanted[0] > 5 || (wanted[0] == 5 && wanted[1] > 1) {
            throw requiresError(
              "The script '\(name)' cannot be run because it contained a \"#requires\" statement for Windows PowerShell \(value). The version of Windows PowerShell that is required by the script does not match the currently running version of Windows PowerShell 5.1.",
              id: "ScriptRequiresUnmatchedPSVersion", at: c.range, parsed)
          }
          i += 2
        case "-psedition":
          if !value.caseInsensitiveEquals("Desktop") {
            throw requiresError(
              "The script '\(name)' cannot be run because it contained a \"#requires\" statement for PowerShell editions '\(value)'. The edition of PowerShell that is required by the script does not match the currently running PowerShell Desktop.",
              id: "ScriptRequiresUnmatchedPSEdition", at: c.range, parsed)
          }
          i += 2
        case "-modules", "-module":
          var missing: [String] = []
          for m in value.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !m.isEmpty {
            let moduleName = m.trimmingCharacters(in: CharacterSet(charactersIn: "'\""))
            if let source = findModule(moduleName) { try importModule(source, force: false) } else { missing.append(moduleName) }
          }
          if !missing.isEmpty {
            throw requiresError(
              "The script '\(name)' cannot be run because the following modules that are specified by the \"#requires\" statements of the script are missing: \(missing.joined(separator: ", ")).",
              id: "ScriptRequiresMissingModules", at: c.range, parsed)
          }
          i += 2
        case "-runasadministrator":
          i += 1
        case "-shellid", "-assembly", "-pssnapin":
          throw requiresError(
            "The #requires option '\(words[i])' is not supported by eflowsh.", id: "ScriptRequiresNotSupported",
            at: c.range, parsed)
        default:
          i += 1
        }
      }
    }
  }

  /// The words of a `#requires` line; a comma-separated list stays one word.
  func tokenizeRequires(_ line: String) -> [String] {
    var words: [String] = []
    var current = ""
    var quote: Character?
    for ch in line {
      if let q = quote {
        current.append(ch)
        if ch == q { quote = nil }
      } else if ch == "'" || ch == "\"" {
        quote = ch
        current.append(ch)
      } else if ch == " " || ch == "\t" {
        if !current.isEmpty, !current.hasSuffix(",") {
          words.append(current)
          current = ""
        }
      } else if ch == ",", !current.isEmpty {
        current.append(ch)
      } else {
        if let last = words.last, last.hasSuffix(","), current.isEmpty {
          current = words.removeLast()
        }
        current.append(ch)
      }
    }
    if !current.isEmpty { words.append(current) }
    return words
  }

  func requiresError(_ message: String, id: String, at range: SourceRange, _ parsed: Parser.Result) -> ScriptError {
    ScriptError(
      ErrorRecord(
        exceptionType: "System.Management.Automation.ScriptRequiresException", message: message, errorId: id,
        category: .resourceUnavailable, source: parsed.source, extent: range),
      scriptTerminating: true)
  }
}
