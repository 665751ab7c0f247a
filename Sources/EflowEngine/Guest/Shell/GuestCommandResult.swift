import Foundation

/// What a command line run inside the VM gave back: its standard output and error text and its
/// exit status (`$?`).
public struct GuestCommandResult: Sendable, Equatable {
  public var stdout: String
  public var stderr: String
  public var exitCode: Int32

  public init(stdout: String, stderr: String, exitCode: Int32) {
    self.stdout = stdout
    self.stderr = stderr
    self.exitCode = exitCode
  }

  /// Standard output as lines (what Invoke-EflowVmCommand writes to the pipeline).
  public var stdoutLines: [String] { Self.lines(stdout) }
  public var stderrLines: [String] { Self.lines(stderr) }

  static func lines(_ text: String) -> [String] {
    guard !text.isEmpty else { return [] }
    var parts = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if parts.last == "" { parts.removeLast() }
    return parts
  }
}

/// One command as the shell hands it to its implementation: arguments, standard input,
/// whether it runs as root (sudo), and what it writes.
struct GuestInvocation {
  var name: String
  var args: [String]
  var stdin: String
  var root: Bool
  var out = ""
  var err = ""

  mutating func line(_ text: String) { out += text + "\n" }
  mutating func fail(_ text: String) { err += text + "\n" }
  /// Writes `message` to stderr and returns `status`.
  mutating func fail(_ message: String, status: Int32) -> Int32 {
    fail(message)
    return status
  }
}
