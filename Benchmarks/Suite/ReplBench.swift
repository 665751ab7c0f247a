import EflowCmdlets
import Foundation
import PSHost
import PSRuntime

/// The interactive shell: time from start to the first prompt on a pseudo-terminal (a small
/// Python `pty` driver starts eflowsh and waits for `PS `), and the time to answer a Tab.
enum ReplBench {
  static let driver = #"""
    import os, pty, sys, time, select
    exe = sys.argv[1]
    t0 = time.time()
    pid, fd = pty.fork()
    if pid == 0:
        os.execv(exe, [exe, "-NoLogo", "-NoProfile"])
    buf = b""
    while b"PS " not in buf and time.time() - t0 < 10:
        r, _, _ = select.select([fd], [], [], 0.01)
        if r:
            try:
                buf += os.read(fd, 4096)
            except OSError:
                break
    t1 = time.time()
    os.write(fd, b"exit\r")
    os.waitpid(pid, 0)
    print((t1 - t0) * 1000 if b"PS " in buf else -1)
    """#

  static func run(eflowsh: String) {
    Measure.section("Interactive shell")
    if let python = StartupBench.which("python3") {
      var samples: [Double] = []
      for _ in 0..<10 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: python)
        p.arguments = ["-c", driver, eflowsh]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        guard (try? p.run()) != nil else { break }
        let text = String(decoding: FileDescriptorIO.readAll(out.fileHandleForReading), as: UTF8.self)
        p.waitUntilExit()
        if let ms = Double(text.trimmingCharacters(in: .whitespacesAndNewlines)), ms >= 0 { samples.append(ms) }
      }
      if samples.isEmpty {
        print("  time to first prompt: no prompt seen")
      } else {
        Measure.row("time to first prompt (pty, includes python's fork)", Measure.Stats(samples), unit: "ms")
      }
    } else {
      print("  time to first prompt: python3 not available")
    }
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("eflowsh-bench-repl-\(getpid())")
    defer { try? FileManager.default.removeItem(at: dir) }
    let interpreter = Interpreter(host: NullHost())
    EflowModules.install(
      into: interpreter,
      settings: SimulationSettings(
        statePath: dir.appendingPathComponent("state.json").path, hostProfile: nil, seed: 1, environment: [:]))
    let completer = Completer(source: InterpreterCompletionSource(interpreter: interpreter))
    for line in ["Deploy-Ef", "Add-EflowNetwork -vs", "Add-EflowNetwork -vswitchType ", "New-VMSwitch -NetAdapterName ", "$ps"] {
      var samples: [Double] = []
      for _ in 0..<50 {
        let t0 = Measure.now()
        _ = completer.complete(line: line)
        samples.append((Measure.now() - t0) * 1000)
      }
      Measure.row("completion of '\(line)'", Measure.Stats(samples), unit: "ms")
    }
  }
}
