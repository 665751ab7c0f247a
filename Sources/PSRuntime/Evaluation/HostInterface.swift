/// What the runtime needs from its host: somewhere to write text and the other streams.
/// The host decides how errors look (PowerShell 5.1's NormalView by default).
public protocol HostInterface: AnyObject {
  /// Text for the console: `Write-Host` and formatted output (`Out-Default`).
  func write(_ text: String)
  /// An error written to the error stream (non-terminating, or a terminating one that reached
  /// the top of the script). `concise` is true when `$ErrorView` is `ConciseView`.
  func writeError(_ record: ErrorRecord, concise: Bool)
  /// `WARNING: `, `VERBOSE: `, `DEBUG: ` lines (the prefix included).
  func writeStream(_ line: String)
  /// An error rendered as text (for `2> file`).
  func errorText(_ record: ErrorRecord, concise: Bool) -> String
  /// True when text may carry ANSI colours: a terminal, and `NO_COLOR` not set.
  var supportsColor: Bool { get }
  /// The console's width in characters, or nil when output is not a console (formatting then
  /// uses 120 columns).
  var consoleWidth: Int? { get }
  /// Draws (or, with nil, clears) the progress line of `Write-Progress`; hosts without a
  /// terminal ignore it.
  func writeProgress(_ line: String?)
  /// True when a person can answer prompts: the interactive shell at a terminal (not with
  /// `-NonInteractive`). Scripts, `-Command` and input that is not a terminal never prompt: what
  /// would prompt is an error there.
  var canPrompt: Bool { get }
  /// Shows `prompt` (the last line of a prompt; earlier lines go through `write`) and reads the
  /// line typed, without echoing it when `masked`. nil when the user stopped (Ctrl+C, end of
  /// input) or the host cannot prompt.
  func readLine(prompt: String, masked: Bool) -> String?
}

extension HostInterface {
  public var supportsColor: Bool { false }
  public var consoleWidth: Int? { nil }
  public func writeProgress(_ line: String?) {}
  public var canPrompt: Bool { false }
  public func readLine(prompt: String, masked: Bool) -> String? { nil }

  /// An error as the host would show it, for `2> file`. Hosts with a renderer override this.
  public func errorText(_ record: ErrorRecord, concise: Bool) -> String { record.message + "\n" }
}
