import PSRuntime

/// Connects the interpreter's host interface to the process's streams: output and `Write-Host`
/// to standard output, errors (rendered as PowerShell renders them) and the warning, verbose
/// and debug lines to standard error.
final class ConsoleHost<IO: HostIO>: HostInterface {
  var io: IO
  /// `NO_COLOR` set (to anything): never colour, as https://no-color.org asks.
  let noColor: Bool

  init(io: IO, environment: [String: String] = [:]) {
    self.io = io
    noColor = environment["NO_COLOR"] != nil
  }

  var supportsColor: Bool { io.isTerminal && !noColor }

  /// The progress bar lives on one line of standard error, redrawn in place; off a terminal
  /// progress is not shown at all (it would only litter logs).
  func writeProgress(_ line: String?) {
    guard io.isTerminal else { return }
    let width = consoleWidth ?? 79
    if let line {
      io.writeErr("\r" + String(line.prefix(width)).padding(toLength: min(width, max(line.count, 1)), withPad: " ", startingAt: 0) + "\u{1B}[K")
    } else {
      io.writeErr("\r\u{1B}[K")
    }
  }

  /// PowerShell formats to the buffer width less one column, so a full line never wraps.
  var consoleWidth: Int? { io.terminalWidth.map { max(20, $0 - 1) } }

  func write(_ text: String) { io.writeOut(text) }

  func writeError(_ record: ErrorRecord, concise: Bool) { io.writeErr(errorText(record, concise: concise)) }

  func errorText(_ record: ErrorRecord, concise: Bool) -> String {
    concise ? ErrorRenderer.conciseView(record) : ErrorRenderer.normalView(record)
  }

  func writeStream(_ line: String) { io.writeErr(line + "\n") }
}
