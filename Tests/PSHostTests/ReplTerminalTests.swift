import Foundation
import PSRuntime
import Testing

/// eflowsh's REPL on a real pseudo-terminal: readline, continuation, Tab, history across
/// sessions and Ctrl+C. A small Python driver (`pty` module) plays the keystrokes; the test is
/// skipped when Python 3 or the built binary is missing.
struct ReplTerminalTests {
  static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static let binary: URL? = {
    var candidates: [URL] = []
    if let exe = Bundle.main.executableURL {
      var dir = exe.deletingLastPathComponent()
      for _ in 0..<4 {
        candidates.append(dir.appendingPathComponent("eflowsh"))
        dir = dir.deletingLastPathComponent()
      }
    }
    candidates.append(packageRoot.appendingPathComponent(".build/debug/eflowsh"))
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
  }()

  static let python: String? = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for dir in path.split(separator: ":") {
      let p = "\(dir)/python3"
      if FileManager.default.isExecutableFile(atPath: p) { return p }
    }
    return nil
  }()

  /// Runs the binary on a pty, plays `steps` (`["send", text]` or `["expect", text, seconds]`,
  /// an expectation looking at what arrived since the last send) and reports what the terminal
  /// showed, the exit code, and the first expectation that was not met.
  static let driver = #"""
    import json, os, pty, select, sys, time
    exe, steps = sys.argv[1], json.loads(sys.argv[2])
    pid, fd = pty.fork()
    if pid == 0:
        os.execv(exe, [exe])
    buf, mark, failed = b"", 0, None
    def pump(t):
        global buf
        end = time.time() + t
        while time.time() < end:
            r, _, _ = select.select([fd], [], [], 0.02)
            if r:
                try:
                    d = os.read(fd, 4096)
                except OSError:
                    return False
                if not d:
                    return False
                buf += d
        return True
    for s in steps:
        if s[0] == "send":
            mark = len(buf)
            os.write(fd, s[1].encode())
            pump(0.15)
        else:
            start = time.time()
            while s[1].encode() not in buf[mark:] and time.time() - start < s[2]:
                if not pump(0.05):
                    break
            if s[1].encode() not in buf[mark:]:
                failed = s[1]
                break
    code = None
    end = time.time() + 10
    while time.time() < end:
        pump(0.05)
        p, status = os.waitpid(pid, os.WNOHANG)
        if p:
            code = os.waitstatus_to_exitcode(status)
            break
    if code is None:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
    print(json.dumps({"out": buf.decode(errors="replace"), "code": code, "failed": failed}))
    """#

  struct Session: Decodable {
    var out: String
    var code: Int?
    var failed: String?
  }

  func play(_ steps: [[Any]], home: URL, in directory: URL) throws -> Session {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: Self.python!)
    let stepsJSON = String(decoding: try JSONSerialization.data(withJSONObject: steps), as: UTF8.self)
    p.arguments = ["-c", Self.driver, Self.binary!.path, stepsJSON]
    p.currentDirectoryURL = directory
    var env = ProcessInfo.processInfo.environment
    env["HOME"] = home.path
    env["XDG_DATA_HOME"] = home.appendingPathComponent("data").path
    env["EFLOWSH_STATE"] = directory.appendingPathComponent("state.json").path
    env["TERM"] = "xterm"
    env["INPUTRC"] = "/dev/null"
    env.removeValue(forKey: "NO_COLOR")
    p.environment = env
    let out = Pipe()
    p.standardOutput = out
    try p.run()
    let data = FileDescriptorIO.readAll(out.fileHandleForReading)
    p.waitUntilExit()
    return try JSONDecoder().decode(Session.self, from: data)
  }

  @Test func typingAtATerminal() throws {
    guard Self.binary != nil, Self.python != nil else { return }
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("eflowsh-pty-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }

    // A multi-line block, a parameter completed with Tab, a red error, Ctrl+C during a sleep.
    let first = try play(
      [
        ["expect", "> ", 30],
        ["send", "if ($true) {\r"], ["expect", ">> ", 10],
        ["send", "  'in-' + 'block'\r"], ["expect", ">> ", 10],
        ["send", "}\r"], ["expect", "in-block", 10],
        ["send", "Write-Output -NoEnu\t"], ["expect", "-NoEnumerate ", 10],
        ["send", "'tabbed'\r"], ["expect", "tabbed", 10],
        ["send", "Get-Nope\r"], ["expect", "\u{1B}[91mGet-Nope : ", 10],
        ["send", "Start-Sleep 30\r"], ["expect", "Start-Sleep 30", 10],
        // Far less than the 30 seconds asked for (no tighter bound: the machine may be busy).
        ["send", "\u{03}"], ["expect", "> ", 10],
        ["send", "'after'\r"], ["expect", "after", 10],
        ["send", "exit 4\r"],
      ], home: dir, in: dir)
    #expect(first.failed == nil, "\(first.out)")
    #expect(first.code == 4)
    #expect(first.out.contains("eflowsh "))

    // A new session recalls the block from the history file (Ctrl+R search) and leaves with
    // Ctrl+D.
    let second = try play(
      [
        ["expect", "> ", 30],
        ["send", "\u{12}in-"], ["expect", "if ($true)", 10],
        ["send", "\r"], ["expect", "in-block", 10],
        ["send", "\u{04}"],
      ], home: dir, in: dir)
    #expect(second.failed == nil, "\(second.out)")
    #expect(second.code == 0)
    let history = try String(contentsOf: dir.appendingPathComponent("data/eflowsh/history"), encoding: .utf8)
    #expect(history.contains("if ($true) {\n  'in-' + 'block'\n}\n"))
  }
}
