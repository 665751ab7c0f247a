import PSLanguage
import PSRuntime

/// Renders runtime errors the way Windows PowerShell 5.1 does by default (its NormalView),
/// which is what EFLOW users see on their devices:
///
/// ```
/// Get-Thing : The term 'Get-Thing' is not recognized as the name of a cmdlet, …
/// At /home/me/deploy.ps1:3 char:1
/// + Get-Thing -Name x
/// + ~~~~~~~~~
///     + CategoryInfo          : ObjectNotFound: (Get-Thing:String) [], CommandNotFoundException
///     + FullyQualifiedErrorId : CommandNotFoundException
/// ```
///
/// `$ErrorView = 'ConciseView'` (PowerShell 7's default) gives `Get-Thing: message` instead.
public enum ErrorRenderer {
  public static func normalView(_ r: ErrorRecord) -> String {
    var lines: [String] = []
    let prefix = (r.invocationName ?? r.commandName).map { "\($0) : " } ?? ""
    lines.append(prefix + r.message)
    if let source = r.source, let extent = r.extent {
      let p = source.position(of: extent.start)
      let place = source.path.hasPrefix("<") ? "At line:\(p.line) char:\(p.column)" : "At \(source.path):\(p.line) char:\(p.column)"
      lines.append(place)
      let text = source.lineText(p.line)
      lines.append("+ " + text)
      let width = DiagnosticRenderer.markerWidth(extent, line: p.line, in: source)
      lines.append("+ " + String(repeating: " ", count: p.column - 1) + String(repeating: "~", count: width))
    }
    lines.append("    + CategoryInfo          : " + r.categoryInfoText)
    lines.append("    + FullyQualifiedErrorId : " + r.fullyQualifiedErrorId)
    return lines.joined(separator: "\n") + "\n"
  }

  /// PowerShell 7's ConciseView: `Command: message` (or just the message).
  public static func conciseView(_ r: ErrorRecord) -> String {
    let prefix = (r.invocationName ?? r.commandName).map { "\($0): " } ?? ""
    return prefix + r.message + "\n"
  }
}
