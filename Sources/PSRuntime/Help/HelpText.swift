import PSLanguage

/// Get-Help's text for a command, laid out as Windows PowerShell 5.1 shows it: NAME, SYNOPSIS,
/// SYNTAX (one line per parameter set, generated from the declaration), DESCRIPTION, and with
/// `-Full`/`-Detailed` the PARAMETERS, with `-Examples` the EXAMPLES.
struct HelpText {
  enum Detail { case normal, detailed, full, examples }

  let name: String
  let metadata: CommandMetadata
  let help: CommentHelp?
  let aliases: [String]
  /// The declaration's text, for default values.
  let source: SourceFile?

  func render(_ detail: Detail) -> String {
    var out = "\nNAME\n    \(name)\n    \n"
    out += "SYNOPSIS\n" + indent(help?.synopsis.isEmpty == false ? help!.synopsis : "") + "\n    \n"
    if detail == .examples {
      out += examples()
      return out
    }
    out += "    \nSYNTAX\n"
    for line in HelpText.syntax(name, metadata) { out += "    \(line)\n    \n" }
    out += "    \nDESCRIPTION\n" + indent(help?.description ?? "") + "\n    \n"
    if detail == .detailed || detail == .full {
      out += "\nPARAMETERS\n"
      for p in metadata.parameters { out += parameter(p, full: detail == .full) }
      if metadata.isAdvanced {
        out += "    <CommonParameters>\n        This cmdlet supports the common parameters: Verbose, Debug,\n"
        out += "        ErrorAction, ErrorVariable, WarningAction, WarningVariable,\n"
        out += "        OutBuffer, PipelineVariable, and OutVariable. For more information, see\n"
        out += "        about_CommonParameters (https:/go.microsoft.com/fwlink/?LinkID=113216). \n    \n"
      }
      if detail == .full {
        out += "INPUTS\n" + indent(help?.inputs ?? "") + "\n    \n"
        out += "OUTPUTS\n" + indent(help?.outputs ?? "") + "\n    \n"
        if let notes = help?.notes, !notes.isEmpty { out += "NOTES\n" + indent(notes) + "\n    \n" }
      }
      out += examples()
    }
    if detail == .normal {
      if !aliases.isEmpty { out += "\nALIASES\n" + aliases.map { "    \($0)\n" }.joined() + "    \n" }
      out += "\nREMARKS\n"
      if help == nil {
        out += "    Get-Help cannot find the Help files for this cmdlet on this computer. It is displaying only partial help.\n"
      } else {
        out += "    To see the examples, type: \"get-help \(name) -examples\".\n"
        out += "    For more information, type: \"get-help \(name) -detailed\".\n"
        out += "    For technical information, type: \"get-help \(name) -full\".\n"
      }
      out += "\n\n"
    }
    return out
  }

  func examples() -> String {
    guard let ex = help?.examples, !ex.isEmpty else { return "" }
    var out = ""
    for (i, e) in ex.enumerated() {
      out += "    -------------------------- EXAMPLE \(i + 1) --------------------------\n    \n"
      out += indent(e) + "\n    \n    \n    \n    \n"
    }
    return out
  }

  func parameter(_ p: ParameterMetadata, full: Bool) -> String {
    var out = "    -\(p.name)" + (p.isSwitch ? " [<SwitchParameter>]" : " <\(HelpText.typeName(p.type))>") + "\n"
    if let text = help?.parameterText(p.name), !text.isEmpty { out += indent(text, by: 8) + "\n" }
    if let set = p.validateSet { out += "        Valid values: \(set.joined(separator: ", "))\n" }
    if full {
      let info = p.sets.values.first
      let position = info?.position.map { String($0 + 1) } ?? "named"
      out += "        \n        Required?                    \(info?.mandatory == true ? "true" : "false")\n"
      out += "        Position?                    \(position)\n"
      out += "        Default value                \(p.defaultValue.flatMap { d in source.map { $0.text(d.extent) } } ?? "")\n"
      let byValue = info?.valueFromPipeline == true
      let byName = info?.valueFromPipelineByPropertyName == true
      let pipe = byValue && byName ? "true (ByValue, ByPropertyName)" : byValue ? "true (ByValue)" : byName ? "true (ByPropertyName)" : "false"
      out += "        Accept pipeline input?       \(pipe)\n"
      out += "        Accept wildcard characters?  false\n"
      if !p.aliases.isEmpty { out += "        Aliases                      \(p.aliases.joined(separator: ", "))\n" }
    }
    return out + "        \n"
  }

  func indent(_ text: String, by n: Int = 4) -> String {
    let pad = String(repeating: " ", count: n)
    return text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? pad : pad + $0 }.joined(separator: "\n")
  }

  /// The syntax lines, one per parameter set: positional parameters first in position order,
  /// optional ones in brackets, `[<CommonParameters>]` for advanced commands.
  static func syntax(_ name: String, _ meta: CommandMetadata) -> [String] {
    let sets = meta.parameterSetNames.isEmpty ? [nil] : meta.parameterSetNames.map { Optional($0) }
    var lines: [String] = []
    for set in sets {
      var parts: [String] = [name]
      let params = meta.parameters.compactMap { p -> (ParameterMetadata, ParameterSetInfo)? in
        guard let info = p.setInfo(set) else { return nil }
        return (p, info)
      }
      let positional = params.filter { $0.1.position != nil }.sorted { $0.1.position! < $1.1.position! }
      let named = params.filter { $0.1.position == nil }
      for (p, info) in positional + named {
        var piece = p.isSwitch ? "-\(p.name)" : (info.position != nil ? "[-\(p.name)]" : "-\(p.name)")
        if !p.isSwitch {
          let values = p.validateSet.map { "{" + $0.joined(separator: " | ") + "}" } ?? "<\(typeName(p.type))>"
          piece += " " + values
        }
        parts.append(info.mandatory ? piece : "[" + piece + "]")
      }
      if meta.isAdvanced { parts.append("[<CommonParameters>]") }
      lines.append(parts.joined(separator: " "))
    }
    return lines
  }

  static func typeName(_ t: PSType?) -> String {
    guard let t else { return "Object" }
    switch t {
    case .array(let e): return typeName(e) + "[]"
    case .switchParameter: return "SwitchParameter"
    case .ipAddress: return "IPAddress"
    default:
      let d = t.description
      return d.split(separator: ".").last.map(String.init) ?? d
    }
  }
}
