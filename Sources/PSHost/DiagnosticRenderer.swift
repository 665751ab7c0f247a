import PSLanguage

/// Turns parse errors into text. The `-Check` format is meant for editors and CI tools:
///
/// ```
/// deploy.ps1:12:5: MissingEndCurlyBrace: Missing closing '}' in statement block or type definition.
///     if ($x) {
///             ^
/// ```
///
/// Multi-line PowerShell messages are joined into one line so that each error header stays on
/// one line.
public enum DiagnosticRenderer {
  public static func render(_ error: ParseError, in source: SourceFile) -> String {
    let pos = source.position(of: error.range.start)
    let message = error.message.split(separator: "\n", omittingEmptySubsequences: true).joined(separator: " ")
    var out = "\(source.path):\(pos.line):\(pos.column): \(error.id.rawValue): \(message)\n"
    let lineText = source.lineText(pos.line)
    out += lineText + "\n"
    // The caret line keeps the source's tabs so that it lines up in a terminal.
    var caret = ""
    for (i, c) in lineText.unicodeScalars.enumerated() where i < pos.column - 1 {
      caret.unicodeScalars.append(c == "\t" ? "\t" : " ")
    }
    let width = markerWidth(error.range, line: pos.line, in: source)
    caret += "^" + String(repeating: "~", count: width - 1)
    out += caret
    return out
  }

  /// How many columns a marker under `range` spans on its first line (at least one).
  static func markerWidth(_ range: SourceRange, line: Int, in source: SourceFile) -> Int {
    let lineEnd = source.lineStarts[line - 1] + source.lineText(line).unicodeScalars.count
    return max(1, min(range.end, lineEnd) - range.start)
  }

  /// Every error of a parse, one block per error, separated by newlines.
  public static func render(_ result: Parser.Result) -> String {
    result.errors.map { render($0, in: result.source) }.joined(separator: "\n")
  }
}
