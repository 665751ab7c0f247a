import PSRuntime

/// Connects the interpreter's host interface to the process's streams: output and `Write-Host`
/// to standard output, errors (rendered as PowerShell renders them) and the warning, verbose
/// and debug lines to standard error.
final class ConsoleHost<IO: HostIO>: HostInterface {
  var io: IO

  init(io: IO) { self.io = io }

  func write(_ text: String) { io.writeOut(text) }

  func writeError(_ record: ErrorRecord, concise: Bool) { io.writeErr(errorText(record, concise: concise)) }

  func errorText(_ record: ErrorRecord, concise: Bool) -> String {
    concise ? ErrorRenderer.conciseView(record) : ErrorRenderer.normalView(record)
  }

  func writeStream(_ line: String) { io.writeErr(line + "\n") }
}
