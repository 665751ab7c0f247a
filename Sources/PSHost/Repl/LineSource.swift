import PSRuntime

/// What reading one line of input gave.
public enum LineInput: Equatable, Sendable {
  case line(String)
  /// Ctrl+C while editing: the line (and any block being continued) is dropped.
  case interrupt
  /// Ctrl+D on an empty line, or the end of standard input.
  case endOfInput
}

/// Where the REPL's input comes from: the readline console on a terminal, standard input off
/// one, a list of lines in tests. The REPL loop (`Repl`) is written against this protocol only,
/// so it runs the same without a terminal.
public protocol LineSource: AnyObject {
  /// True when a person types at a terminal: the banner and prompts are shown, and Ctrl+D
  /// leaves with code 0.
  var isInteractive: Bool { get }
  /// True when the output streams are a terminal that takes ANSI colours (the REPL still
  /// turns colours off when `NO_COLOR` is set).
  var supportsColor: Bool { get }
  /// Reads one line, showing `prompt` first when interactive.
  func readLine(prompt: String) -> LineInput
  /// Reads one line without showing what is typed (`Read-Host -AsSecureString`); by default the
  /// same as `readLine`.
  func readSecret(prompt: String) -> LineInput
  /// A whole input (several lines for a continued block) was accepted: keep it for recall.
  func addHistory(_ entry: String)
  /// The session is ready: the console may use this completer for Tab, and raises `interrupt`
  /// when Ctrl+C is pressed while a command runs.
  func attach(completer: Completer, interrupt: InterruptSignal)
}

/// The interpreter's Ctrl+C flag under a name the executable can use (it imports PSHost, not
/// PSRuntime).
public typealias ReplInterruptSignal = InterruptSignal

extension LineSource {
  public var supportsColor: Bool { false }
  public func addHistory(_ entry: String) {}
  public func readSecret(prompt: String) -> LineInput { readLine(prompt: prompt) }
  public func attach(completer: Completer, interrupt: InterruptSignal) {}
}

/// Lines from standard input, no prompts (eflowsh with no arguments and stdin not a terminal).
public final class StandardInputLineSource: LineSource {
  public init() {}
  public var isInteractive: Bool { false }
  public func readLine(prompt: String) -> LineInput {
    guard let l = Swift.readLine(strippingNewline: true) else { return .endOfInput }
    return .line(l.hasSuffix("\r") ? String(l.dropLast()) : l)
  }
}
