import Testing

@testable import PSHost

/// Lines typed in advance, with the prompts the REPL showed and what it kept in history.
final class ScriptedLines: LineSource {
  var inputs: [LineInput]
  var prompts: [String] = []
  var history: [String] = []
  let isInteractive: Bool
  let supportsColor: Bool

  init(_ inputs: [LineInput], interactive: Bool = true, color: Bool = false) {
    self.inputs = inputs
    isInteractive = interactive
    supportsColor = color
  }

  convenience init(lines: [String], interactive: Bool = true) {
    self.init(lines.map { .line($0) }, interactive: interactive)
  }

  func readLine(prompt: String) -> LineInput {
    prompts.append(prompt)
    return inputs.isEmpty ? .endOfInput : inputs.removeFirst()
  }

  func addHistory(_ entry: String) { history.append(entry) }
}

/// Streams in memory that can run an action when some text is written (to press Ctrl+C while
/// a command runs).
struct WatchingIO: HostIO {
  var out = ""
  var err = ""
  var onWrite: ((String) -> Void)?

  mutating func writeOut(_ text: String) {
    out += text
    onWrite?(text)
  }
  mutating func writeErr(_ text: String) { err += text }
  func readFile(_ path: String) -> Result<String, FileReadError> { .failure(FileReadError(reason: "no files")) }
  mutating func readStandardInput() -> String { "" }
}

struct ReplTests {
  struct Run {
    var code: Int32
    var out: String
    var err: String
    var lines: ScriptedLines
    var location: String
  }

  func run(_ lines: ScriptedLines, color: Bool = false, banner: String? = nil, onWrite: ((String) -> Void)? = nil)
    -> Run
  {
    let repl = Repl(io: WatchingIO(), lines: lines, color: color)
    let code = repl.run(banner: banner)
    return Run(code: code, out: repl.io.out, err: repl.io.err, lines: lines, location: repl.interpreter.currentLocation)
  }

  @Test func continuesAnIncompleteBlockWithTheContinuationPrompt() {
    let r = run(ScriptedLines(lines: ["if ($true) {", "  'yes'", "", "}", "'next'"]))
    #expect(r.out == "yes\nnext\n")
    #expect(r.err == "")
    let p = "PS \(r.location)> "
    #expect(r.lines.prompts == [p, ">> ", ">> ", ">> ", p, p])
    #expect(r.lines.history == ["if ($true) {\n  'yes'\n\n}", "'next'"])
  }

  @Test func incompleteKindsAskForMore() {
    for start in ["'abc", "1 +", "Get-Thing |", "function f {", "@(", "$(", "try { 1 }"] {
      let lines = ScriptedLines(lines: [start], interactive: true)
      _ = run(lines)
      #expect(lines.prompts.count == 2 && lines.prompts[1] == ">> ", "\(start)")
    }
  }

  @Test func functionsAndVariablesPersistBetweenInputs() {
    let r = run(ScriptedLines(lines: ["$x = 21", "function Double-It { $x * 2 }", "Double-It"]))
    #expect(r.out == "42\n")
  }

  @Test func errorsAreShownAndTheLoopGoesOn() {
    let r = run(ScriptedLines(lines: ["Get-Nope", "throw 'boom'", "'still here'"]))
    #expect(r.err.contains("Get-Nope : The term 'Get-Nope' is not recognized"))
    #expect(r.err.contains("boom"))
    #expect(r.out == "still here\n")
    #expect(r.code == 0)
  }

  @Test func parseErrorsAreReported() {
    let r = run(ScriptedLines(lines: ["$x = )", "'ok'"]))
    #expect(r.err.contains("<interactive>:1:"))
    #expect(r.out == "ok\n")
  }

  @Test func promptFunctionGivesThePrompt() {
    let r = run(ScriptedLines(lines: ["function prompt { \"my $(1+1)> \" }", "1", "function prompt { }"]))
    #expect(r.lines.prompts[1] == "my 2> ")
    #expect(r.lines.prompts[3] == "PS>")
  }

  @Test func exitCodes() {
    #expect(run(ScriptedLines(lines: ["exit 7", "'not run'"])).code == 7)
    #expect(run(ScriptedLines(lines: ["'a'", "exit"])).code == 0)
    // Ctrl+D at a terminal: 0, even after an error.
    #expect(run(ScriptedLines(lines: ["Get-Nope"])).code == 0)
    // End of standard input: $? of the last input.
    #expect(run(ScriptedLines(lines: ["Get-Nope"], interactive: false)).code == 1)
    #expect(run(ScriptedLines(lines: ["Get-Nope", "'fine'"], interactive: false)).code == 0)
    // An unfinished block at the end of standard input is a parse error.
    let r = run(ScriptedLines(lines: ["if (1) {"], interactive: false))
    #expect(r.code == 1)
    #expect(r.err.contains("MissingEndCurlyBrace"))
  }

  @Test func ctrlCWhileEditingDropsTheBlock() {
    let r = run(ScriptedLines([.line("if (1) {"), .line("'inside'"), .interrupt, .line("'after'")]))
    #expect(r.out == "after\n")
    #expect(r.err == "")
    #expect(r.lines.history == ["'after'"])
  }

  @Test func ctrlCStopsARunningCommand() {
    final class Trigger { var fire: (() -> Void)? }
    let trigger = Trigger()
    var io = WatchingIO()
    io.onWrite = { if $0.contains("tick") { trigger.fire?() } }
    let lines = ScriptedLines(lines: [
      "$i = 0; while ($true) { $i++; if ($i -eq 3) { Write-Host tick } }; 'not reached'", "\"i=$i\"",
    ])
    let repl = Repl(io: io, lines: lines, color: false)
    let signal = repl.interpreter.interruptSignal
    trigger.fire = { signal.raise() }
    let code = repl.run()
    #expect(code == 0)
    #expect(repl.io.out == "tick\n\ni=3\n")
    #expect(repl.history.entries.first?.status == "Stopped")
    #expect(repl.history.entries.last?.status == "Completed")
  }

  @Test func sessionHistoryCmdlets() {
    let r = run(
      ScriptedLines(lines: [
        "'one'", "'two'", "(Get-History).CommandLine -join ','", "r 1", "Invoke-History '''tw'", "Clear-History",
        "@(Get-History).Count",
      ]))
    #expect(r.out == "one\ntwo\n'one','two'\n'one'\none\n'two'\ntwo\n1\n")
  }

  @Test func coloursOnlyWhenAsked() {
    let lines = ["Get-Nope", "Write-Warning 'careful'", "'plain'"]
    let plain = run(ScriptedLines(lines: lines))
    #expect(!plain.err.contains("\u{1B}["))
    let colored = run(ScriptedLines(lines: lines), color: true)
    #expect(colored.err.contains("\u{1B}[91mGet-Nope : The term"))
    #expect(colored.err.contains("\u{1B}[93mWARNING: careful\u{1B}[0m\n"))
    #expect(colored.out == "plain\n")
    #expect(!Repl<WatchingIO>.wantsColor(ScriptedLines([], color: true), environment: ["NO_COLOR": "1"]))
    #expect(Repl<WatchingIO>.wantsColor(ScriptedLines([], color: true), environment: ["NO_COLOR": ""]))
    #expect(!Repl<WatchingIO>.wantsColor(ScriptedLines([], color: false), environment: [:]))
  }

  @Test func bannerOnlyAtATerminal() {
    let banner = Repl<WatchingIO>.banner(version: "9.9", hostProfile: "client")
    #expect(banner.hasPrefix("eflowsh 9.9 — PowerShell-compatible shell for EFLOW scripts (simulated host: client)\n"))
    #expect(run(ScriptedLines(lines: []), banner: banner).out == banner)
    #expect(run(ScriptedLines(lines: [], interactive: false), banner: banner).out == "")
  }

  @Test func hostRunUsesTheConsole() {
    var io = InMemoryIO()
    let lines = ScriptedLines(lines: ["'hi'", "exit 3"])
    let code = Host.run(arguments: ["-NoLogo"], environment: [:], io: &io, console: { _ in lines })
    #expect(code == 3)
    #expect(io.out == "hi\n")
    var io2 = InMemoryIO()
    _ = Host.run(arguments: [], environment: [:], io: &io2, console: { _ in ScriptedLines(lines: []) })
    #expect(io2.out.hasPrefix("eflowsh \(Host.version) — "))
    #expect(io2.out.contains("(no simulated host)"))
  }
}
