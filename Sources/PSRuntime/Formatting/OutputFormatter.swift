/// The session's formatting: the registered views, the default display property sets, and the
/// `Out-Default` that output reaching the host goes through.
///
/// The screen is `width` characters wide: the host's console width when it has one (less one
/// column, as the Windows console host keeps its last column free), else 120, PowerShell's
/// width when there is no console (output to a pipe or a file).
///
/// One script run (or one line at the prompt) is one `Out-Default`, as in PowerShell: a table
/// started by one statement goes on with the objects of the next ones, and ends (two blank
/// lines) when the script does. PowerShell waits up to 300 ms for objects to size a table's
/// columns, so `Write-Host` text can overtake a table; here the table is sized from what was
/// written before other text must reach the host, and written then, so the console shows
/// everything in the order it was written.
public final class OutputFormatter {
  /// Registered views, looked up by type name.
  var views: [FormatView] = OutputFormatter.builtinViews
  /// `DefaultDisplayPropertySet`s by lowercased type name.
  var defaultDisplayProperties: [String: [String]] = [:]
  /// The screen width for `Out-Default`; nil: 120.
  var hostWidth: Int?
  /// The `Out-Default` of the running script, if it has written anything.
  var hostSession: OutputSession?

  public init() {}

  /// The default width for `Out-Default`, `Out-String` and files.
  var width: Int { hostWidth ?? 120 }

  /// Formats values as a complete `Out-Default` run would (a redirection to a file).
  func format(_ values: [Value], width: Int? = nil) -> String {
    let session = OutputSession(formatter: self, width: width ?? self.width)
    for v in values { session.feed(v) }
    session.finish()
    let lines = session.renderer.take()
    return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
  }

  /// The type name views are chosen by.
  func typeName(_ v: Value) -> String {
    if case .object(let o) = v { return o.typeName ?? "System.Management.Automation.PSCustomObject" }
    return v.typeName
  }

  /// The registered view for a type (of a kind, if given).
  func view(for typeName: String?, kind: FormatView.Kind?) -> FormatView? {
    guard let typeName else { return nil }
    return views.last { v in v.applies(to: typeName) && (kind == nil || v.kind == kind) }
  }

  /// A hashtable's entry as the formatter sees it (`System.Collections.DictionaryEntry`, with
  /// `Name` standing for `Key` as PowerShell's type data adds it).
  static func dictionaryEntry(_ key: Value, _ value: Value) -> Value {
    let o = PSObject([("Name", key), ("Key", key), ("Value", value)])
    o.typeName = "System.Collections.DictionaryEntry"
    return .object(o)
  }
}

/// One `Out-Default` / `Out-String` run: `format-default` for raw objects, then the renderer.
final class OutputSession {
  let shaper: FormatShaper
  let renderer: FormatRenderer

  init(formatter: OutputFormatter, width: Int) {
    shaper = FormatShaper(formatter: formatter, evaluate: { _, _ in .null })
    renderer = FormatRenderer(width: width)
  }

  /// One pipeline object: format objects from `Format-*` go straight to the renderer (ending
  /// any sequence `format-default` had open), others are formatted first.
  func feed(_ v: Value) {
    if let r = FormatRecord(v) {
      for e in shaper.end() { renderer.process(e) }
      renderer.process(r)
      return
    }
    for r in (try? shaper.process(v)) ?? [] { renderer.process(r) }
  }

  /// Writes what is held back to size a table.
  func drain() { renderer.drain() }

  /// Ends the run: closes any open table or list.
  func finish() {
    for e in shaper.end() { renderer.process(e) }
    renderer.finish()
  }
}

extension String {
  func padding(to width: Int) -> String {
    count >= width ? self : self + String(repeating: " ", count: width - count)
  }

  var trailingSpacesTrimmed: String {
    var s = Substring(self)
    while s.last == " " { s.removeLast() }
    return String(s)
  }
}
