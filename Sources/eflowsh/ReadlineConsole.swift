import CReadline
import Foundation
import PSHost

/// The REPL's input at a terminal: GNU readline (emacs keys, Up/Down and Ctrl+R history search,
/// Tab completion, `~/.inputrc`), history kept across sessions, and Ctrl+C handled the way a
/// shell user expects: it drops the line being edited, and stops a running command.
///
/// Readline is driven through its callback interface (`rl_callback_read_char`) from a `poll`
/// loop, so that Ctrl+C is handled in ordinary code rather than inside the signal handler:
/// `readline`'s own signal handling is off (`rl_catch_signals = 0`), our SIGINT handler only
/// raises the interpreter's `InterruptSignal` (one atomic store), and the loop sees it when
/// `poll` returns, then resets readline's line state (`rl_free_line_state`,
/// `rl_callback_sigcleanup`, `rl_cleanup_after_signal`, `rl_replace_line`). While a command runs
/// the same flag stops it at the next statement (or inside `Start-Sleep`).
///
/// History: `$XDG_DATA_HOME/eflowsh/history` (default `~/.local/share/eflowsh/history`), at most
/// `historyLimit` entries, appended after each input. A multi-line input is one entry: the file
/// carries readline's timestamp lines (`history_write_timestamps`) and readline joins the lines
/// between them back into one entry (`history_multiline_entries`).
///
/// C callbacks: readline calls plain C function pointers with no context argument, so the
/// `@convention(c)` functions below reach the session through the static, `nonisolated(unsafe)`
/// properties of this class. That is sound because there is one console per process and
/// readline runs on the main thread only; the signal handler reads only `interrupt`, set once
/// before the handler is installed.
final class ReadlineConsole: LineSource {
  /// The completer for Tab (set by `attach`).
  nonisolated(unsafe) static var completer: Completer?
  /// Raised by the SIGINT handler.
  nonisolated(unsafe) static var interrupt: ReplInterruptSignal?
  /// The candidates of the completion in progress, handed out by `completionEntry`.
  nonisolated(unsafe) static var matches: [String] = []
  nonisolated(unsafe) static var matchIndex = 0
  /// What the line handler received (nil while the line is still being edited).
  nonisolated(unsafe) static var accepted: LineInput?

  static let historyLimit: Int32 = 1000

  let historyPath: String?
  var lastEntry: String?

  var isInteractive: Bool { true }
  var supportsColor: Bool { isatty(STDOUT_FILENO) == 1 && isatty(STDERR_FILENO) == 1 }

  /// Where history is kept: `$XDG_DATA_HOME/eflowsh/history`, else
  /// `$HOME/.local/share/eflowsh/history`; nil (history in memory only) without either.
  static func historyPath(environment: [String: String]) -> String? {
    if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") { return xdg + "/eflowsh/history" }
    if let home = environment["HOME"], !home.isEmpty { return home + "/.local/share/eflowsh/history" }
    return nil
  }

  init(environment: [String: String]) {
    historyPath = Self.historyPath(environment: environment)
    // The same word boundaries as `Completer` (not `$`, `-`, `/` or quotes: they belong to words).
    eflowsh_rl_configure(attemptCompletion, strdup(" \t\n;|{}()=&"))
    // Our choices first; ~/.inputrc, read by rl_initialize, may override them.
    rl_variable_bind("completion-ignore-case", "on")
    rl_variable_bind("show-all-if-ambiguous", "on")
    rl_initialize()
    using_history()
    stifle_history(Self.historyLimit)
    if let path = historyPath {
      try? FileManager.default.createDirectory(
        atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      read_history(path)
      if let last = eflowsh_history_last() { lastEntry = String(cString: last) }
    }
  }

  func attach(completer: Completer, interrupt: ReplInterruptSignal) {
    Self.completer = completer
    Self.interrupt = interrupt
    var action = sigaction()
    action.__sigaction_handler.sa_handler = sigintHandler
    sigemptyset(&action.sa_mask)
    action.sa_flags = 0  // no SA_RESTART: a blocked read or poll returns EINTR
    sigaction(SIGINT, &action, nil)
    // A parent may have started us with SIGINT blocked (test runners, some IDEs): an
    // interactive shell must see Ctrl+C.
    var set = sigset_t()
    sigemptyset(&set)
    sigaddset(&set, SIGINT)
    sigprocmask(SIG_UNBLOCK, &set, nil)
  }

  func readLine(prompt: String) -> LineInput {
    Self.interrupt?.clear()
    Self.accepted = nil
    rl_callback_handler_install(Self.readlinePrompt(prompt), lineHandler)
    while Self.accepted == nil {
      var fds = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
      let ready = poll(&fds, 1, 200)
      if Self.interrupt?.isRaised == true {
        Self.interrupt?.clear()
        cancelLine()
        return .interrupt
      }
      if ready < 0 {
        if errno == EINTR { continue }
        rl_callback_handler_remove()
        return .endOfInput
      }
      if ready > 0 { rl_callback_read_char() }
    }
    let result = Self.accepted ?? .endOfInput
    if result == .endOfInput { FileHandle.standardOutput.write(Data("\n".utf8)) }
    return result
  }

  /// `Read-Host -AsSecureString`: the terminal's echo and line editing off, a `*` shown for each
  /// character typed (Backspace removes one), Enter ends the line. Ctrl+C gives `interrupt`,
  /// Ctrl+D on an empty line `endOfInput`. Not kept in history.
  func readSecret(prompt: String) -> LineInput {
    Self.interrupt?.clear()
    FileHandle.standardOutput.write(Data(prompt.utf8))
    var saved = termios()
    let isTerminal = tcgetattr(STDIN_FILENO, &saved) == 0
    if isTerminal {
      var raw = saved
      raw.c_lflag &= ~tcflag_t(ECHO | ICANON)
      tcsetattr(STDIN_FILENO, TCSANOW, &raw)
    }
    defer { if isTerminal { tcsetattr(STDIN_FILENO, TCSANOW, &saved) } }
    var bytes: [UInt8] = []
    while true {
      var fds = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
      let ready = poll(&fds, 1, 200)
      if Self.interrupt?.isRaised == true {
        Self.interrupt?.clear()
        FileHandle.standardOutput.write(Data("^C\n".utf8))
        return .interrupt
      }
      if ready < 0 {
        if errno == EINTR { continue }
        return .endOfInput
      }
      if ready == 0 { continue }
      var byte: UInt8 = 0
      let n = read(STDIN_FILENO, &byte, 1)
      if n < 0 && errno == EINTR { continue }
      if n <= 0 { return .endOfInput }
      switch byte {
      case 0x0A, 0x0D:
        FileHandle.standardOutput.write(Data("\n".utf8))
        return .line(String(decoding: bytes, as: UTF8.self))
      case 0x04 where bytes.isEmpty:
        FileHandle.standardOutput.write(Data("\n".utf8))
        return .endOfInput
      case 0x7F, 0x08:
        guard !bytes.isEmpty else { continue }
        // One character: its UTF-8 continuation bytes and the byte that starts it.
        while let last = bytes.popLast(), last & 0xC0 == 0x80 {}
        FileHandle.standardOutput.write(Data("\u{8} \u{8}".utf8))
      default:
        if byte < 0x20 { continue }
        bytes.append(byte)
        if byte & 0xC0 != 0x80 { FileHandle.standardOutput.write(Data("*".utf8)) }
      }
    }
  }

  /// Ctrl+C while editing: forget the line, leave readline's state clean, show `^C` and start
  /// afresh on a new line.
  func cancelLine() {
    rl_free_line_state()
    rl_callback_sigcleanup()
    rl_cleanup_after_signal()
    eflowsh_rl_clear_line()
    rl_callback_handler_remove()
    FileHandle.standardOutput.write(Data("^C\n".utf8))
  }

  func addHistory(_ entry: String) {
    guard entry != lastEntry else { return }
    lastEntry = entry
    add_history(entry)
    guard let path = historyPath else { return }
    if FileManager.default.fileExists(atPath: path) {
      append_history(1, path)
      history_truncate_file(path, Self.historyLimit)
    } else {
      write_history(path)
    }
  }

  /// Marks ANSI escape sequences in a prompt as invisible (`\001`…`\002`) so that readline
  /// measures the prompt's width right.
  static func readlinePrompt(_ prompt: String) -> String {
    var out = ""
    var scalars = prompt.unicodeScalars.makeIterator()
    while let c = scalars.next() {
      guard c == "\u{1B}" else {
        out.unicodeScalars.append(c)
        continue
      }
      out += "\u{01}\u{1B}"
      var closed = false
      if let n = scalars.next() {
        out.unicodeScalars.append(n)
        if n == "[" {
          while let d = scalars.next() {
            out.unicodeScalars.append(d)
            if (0x40...0x7E).contains(d.value) { break }
          }
        }
        closed = true
      }
      _ = closed
      out += "\u{02}"
    }
    return out
  }

  /// Turns the completer's answer (a replacement for the text from its own word start) into
  /// readline's terms (replacements for readline's word, from `start`).
  static func candidates(line: String, cursor: Int, readlineStart: Int) -> [String] {
    guard let completer else { return [] }
    let c = completer.complete(line: line, cursor: cursor)
    let bytes = Array(line.utf8)
    if c.start > readlineStart, c.start <= bytes.count {
      let before = String(decoding: bytes[readlineStart..<c.start], as: UTF8.self)
      return c.candidates.map { before + $0 }
    }
    if c.start < readlineStart, readlineStart <= bytes.count {
      let typed = Array(String(decoding: bytes[c.start..<readlineStart], as: UTF8.self).lowercased().utf8)
      return c.candidates.compactMap { cand in
        let u = Array(cand.utf8)
        guard u.count >= typed.count, Array(String(decoding: u[..<typed.count], as: UTF8.self).lowercased().utf8) == typed
        else { return nil }
        return String(decoding: u[typed.count...], as: UTF8.self)
      }
    }
    return c.candidates
  }
}

/// SIGINT: ask the running command (or the line editor's poll loop) to stop. Only an atomic
/// store: safe in a signal handler.
private func sigintHandler(_ signal: Int32) {
  ReadlineConsole.interrupt?.raise()
}

/// Readline's line handler: a line was accepted (or Ctrl+D on an empty line gave NULL).
private func lineHandler(_ line: UnsafeMutablePointer<CChar>?) {
  if let line {
    ReadlineConsole.accepted = .line(String(cString: line))
    free(line)
  } else {
    ReadlineConsole.accepted = .endOfInput
  }
  rl_callback_handler_remove()
}

/// `rl_attempted_completion_function`: our completer decides everything (no fallback to
/// readline's file names: `Completer` completes paths itself, relative to the session's
/// location).
private func attemptCompletion(
  _ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32
) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
  guard let text, let buffer = eflowsh_rl_line_buffer() else {
    eflowsh_rl_completion_done(0)
    return nil
  }
  let line = String(cString: buffer)
  let found = ReadlineConsole.candidates(line: line, cursor: Int(eflowsh_rl_point()), readlineStart: Int(start))
  // A directory is not finished: no space after it.
  eflowsh_rl_completion_done(!found.isEmpty && found.allSatisfy { $0.hasSuffix("/") || $0.hasSuffix("/'") } ? 1 : 0)
  if found.isEmpty { return nil }
  ReadlineConsole.matches = found
  ReadlineConsole.matchIndex = 0
  return rl_completion_matches(text, completionEntry)
}

/// The generator `rl_completion_matches` calls: one malloc'd candidate per call, NULL at the end.
private func completionEntry(_ text: UnsafePointer<CChar>?, _ state: Int32) -> UnsafeMutablePointer<CChar>? {
  if state == 0 { ReadlineConsole.matchIndex = 0 }
  guard ReadlineConsole.matchIndex < ReadlineConsole.matches.count else { return nil }
  defer { ReadlineConsole.matchIndex += 1 }
  return strdup(ReadlineConsole.matches[ReadlineConsole.matchIndex])
}
