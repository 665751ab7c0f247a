import PSLanguage
import PSRuntime

/// The interactive loop: read an input (continuing it while the parser says it is incomplete),
/// run it in the session's global scope, show its output and errors, until `exit` or the end
/// of input. Written against `LineSource`, so tests drive it with a list of lines.
///
/// Choices (see README "Interactive shell"):
/// - Prompt: the `prompt` function's output when one is defined, else `PS <location>> `.
/// - Continuation: while the accumulated text is incomplete (the parser's incomplete-input bit,
///   reference §13.2) the REPL asks for more with `>> `. A blank line does not end the block
///   (PSReadLine's behaviour, what pwsh users on Linux know); Ctrl+C abandons it. At the end of
///   standard input an unfinished block is reported as the parse error it is.
/// - Exit codes: `exit N` gives N; Ctrl+D at a terminal gives 0 (as PSReadLine's `exit`); the end
///   of standard input gives 0 or 1 from `$?` of the last input, as `pwsh -Command -` does.
/// - Ctrl+C while a command runs stops it (`Interpreter.interruptSignal`, raised by the console's
///   SIGINT handler) and returns to the prompt.
public final class Repl<IO: HostIO> {
  public let interpreter: Interpreter
  public let history = ReplHistory()
  let host: ReplHost<IO>
  let lines: LineSource
  /// The hook for argument values from the simulation in tab completion (command, parameter →
  /// values); nil: only `ValidateSet` values.
  public var completionValues: ((String, String) -> [String])?
  /// `$?` of the last input.
  var lastSucceeded = true

  public static var continuationPrompt: String { ">> " }

  /// The banner shown at start (unless `-NoLogo`), e.g. `eflowsh 0.1.0 — PowerShell-compatible
  /// shell for EFLOW scripts (simulated host: client)`.
  public static func banner(version: String, hostProfile: String?) -> String {
    let simulated = hostProfile.map { "simulated host: \($0)" } ?? "no simulated host"
    return "eflowsh \(version) — PowerShell-compatible shell for EFLOW scripts (\(simulated))\n"
      + "Type 'exit' or press Ctrl+D to leave; Tab completes, Ctrl+R searches history.\n"
  }

  /// Whether a session on `lines` shows colours: a terminal, `NO_COLOR` unset or empty
  /// (no-color.org), and `TERM` not `dumb`.
  public static func wantsColor(_ lines: LineSource, environment: [String: String]) -> Bool {
    lines.supportsColor && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
  }

  /// A session over `io`; `color` asks for red errors and yellow warnings (a terminal without
  /// `NO_COLOR`). With `prompts` (not `-NonInteractive`) and an interactive line source,
  /// commands may ask the user (missing mandatory parameters, `Read-Host`, `-Confirm`…) through
  /// `lines`; otherwise what would ask is an error.
  public init(io: IO, lines: LineSource, color: Bool, environment: [String: String] = [:], prompts: Bool = true) {
    host = ReplHost(io: io, color: color, promptSource: prompts && lines.isInteractive ? lines : nil)
    interpreter = Interpreter(host: host, environment: environment)
    self.lines = lines
    history.register(in: interpreter)
  }

  /// The streams, with everything the session wrote (for the caller to take back).
  public var io: IO { host.io }

  /// The prompt for a new input.
  public func prompt() -> String {
    if let p = interpreter.promptFunctionText() { return p }
    return "PS \(interpreter.currentLocation)> "
  }

  /// Runs the loop until `exit` or the end of input; returns the exit code.
  public func run(banner: String? = nil) -> Int32 {
    lines.attach(
      completer: Completer(source: InterpreterCompletionSource(interpreter: interpreter, valueProvider: completionValues)),
      interrupt: interpreter.interruptSignal)
    if let banner, lines.isInteractive { host.write(banner) }
    while true {
      var text = ""
      var parsed: Parser.Result?
      reading: while true {
        let prompt = text.isEmpty ? (lines.isInteractive ? self.prompt() : "") : Self.continuationPrompt
        switch lines.readLine(prompt: prompt) {
        case .interrupt:
          text = ""
          parsed = nil
          break reading
        case .endOfInput:
          if !text.isEmpty, let p = parsed {
            // An unfinished block at the end of the input: report it.
            lines.addHistory(text)
            host.writeErrorText(DiagnosticRenderer.render(p) + "\n")
            lastSucceeded = false
          }
          return lines.isInteractive ? 0 : (lastSucceeded ? 0 : 1)
        case .line(let l):
          if text.isEmpty, l.allSatisfy(\.isWhitespace) { continue reading }
          text = text.isEmpty ? l : text + "\n" + l
          let p = Parser.parse(SourceFile(path: "<interactive>", text: text))
          parsed = p
          if p.isIncomplete { continue reading }
          break reading
        }
      }
      guard let p = parsed, !text.isEmpty else { continue }
      lines.addHistory(text)
      if !p.errors.isEmpty {
        host.writeErrorText(DiagnosticRenderer.render(p) + "\n")
        lastSucceeded = false
        history.add(text, status: "Failed", start: ReplHistory.now(), end: ReplHistory.now())
        continue
      }
      let start = ReplHistory.now()
      let outcome = interpreter.runInteractive(p)
      let end = ReplHistory.now()
      switch outcome {
      case .exit(let code):
        return code
      case .interrupted:
        history.add(text, status: "Stopped", start: start, end: end)
        lastSucceeded = false
        if lines.isInteractive { host.write("\n") }
      case .completed(let ok):
        history.add(text, status: ok ? "Completed" : "Failed", start: start, end: end)
        lastSucceeded = ok
      }
    }
  }
}
