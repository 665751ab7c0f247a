import PSRuntime

/// The REPL's host: like the script host (output to standard output, errors and the other
/// streams to standard error), but on a terminal errors are red and warnings, verbose and debug
/// lines yellow (PowerShell 7's `$PSStyle.Formatting` colours). `color` is false off a terminal
/// and whenever `NO_COLOR` is set.
final class ReplHost<IO: HostIO>: HostInterface {
  var io: IO
  let color: Bool
  /// Where prompts read their answers: the session's line source when a person types at a
  /// terminal and `-NonInteractive` was not given; nil otherwise (prompts are then errors).
  let promptSource: LineSource?

  static var red: String { "\u{1B}[91m" }
  static var yellow: String { "\u{1B}[93m" }
  static var reset: String { "\u{1B}[0m" }

  init(io: IO, color: Bool, promptSource: LineSource? = nil) {
    self.io = io
    self.color = color
    self.promptSource = promptSource
  }

  var canPrompt: Bool { promptSource != nil }

  /// A prompt's answer; nil (the command stops) on Ctrl+C or the end of input.
  func readLine(prompt: String, masked: Bool) -> String? {
    guard let source = promptSource else { return nil }
    switch masked ? source.readSecret(prompt: prompt) : source.readLine(prompt: prompt) {
    case .line(let l): return l
    case .interrupt, .endOfInput: return nil
    }
  }

  var supportsColor: Bool { color }

  func write(_ text: String) { io.writeOut(text) }

  func writeError(_ record: ErrorRecord, concise: Bool) {
    io.writeErr(paint(errorText(record, concise: concise), Self.red))
  }

  func errorText(_ record: ErrorRecord, concise: Bool) -> String {
    concise ? ErrorRenderer.conciseView(record) : ErrorRenderer.normalView(record)
  }

  func writeStream(_ line: String) {
    let colored = line.hasPrefix("WARNING: ") || line.hasPrefix("VERBOSE: ") || line.hasPrefix("DEBUG: ")
    io.writeErr(colored ? paint(line + "\n", Self.yellow) : line + "\n")
  }

  /// Parse errors of an input and other messages of the REPL itself, in the error colour.
  func writeErrorText(_ text: String) { io.writeErr(paint(text, Self.red)) }

  /// Colours each line separately (the reset comes before the newline, so a terminal never
  /// carries the colour into the prompt).
  func paint(_ text: String, _ code: String) -> String {
    guard color, !text.isEmpty else { return text }
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let endsWithNewline = lines.last == ""
    if endsWithNewline { lines.removeLast() }
    let painted = lines.map { $0.isEmpty ? $0 : code + $0 + Self.reset }.joined(separator: "\n")
    return painted + (endsWithNewline ? "\n" : "")
  }
}
