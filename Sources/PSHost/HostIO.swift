/// What the host needs from the outside world, so that the command-line logic runs the same in
/// tests (in memory) and in the executable (real files and streams).
public protocol HostIO {
  mutating func writeOut(_ text: String)
  mutating func writeErr(_ text: String)
  /// The contents of a file, or nil (with a reason) when it cannot be read.
  func readFile(_ path: String) -> Result<String, FileReadError>
  /// All of standard input.
  mutating func readStandardInput() -> String
  /// True when standard output is a terminal (colour and progress bars only then).
  var isTerminal: Bool { get }
  /// The terminal's width in columns, when standard output is a terminal.
  var terminalWidth: Int? { get }
}

extension HostIO {
  public var isTerminal: Bool { false }
  public var terminalWidth: Int? { nil }
}

/// Why a file could not be read, in words for the user.
public struct FileReadError: Error, Sendable {
  public var reason: String
  public init(reason: String) { self.reason = reason }
}
