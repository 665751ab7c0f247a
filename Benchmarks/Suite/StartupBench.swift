import Foundation

/// Start-up: whole processes, compared in the same run with `bash -c :` and `python3 -c pass`.
enum StartupBench {
  /// Runs a program `runs` times and returns wall-clock milliseconds per run. Spawned with
  /// posix_spawn and reaped with waitpid: Foundation's Process polls for the exit and would add
  /// its own latency to every figure.
  static func time(_ path: String, _ args: [String], environment: [String: String]? = nil, runs: Int = 20) -> [Double]? {
    let env = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
    var samples: [Double] = []
    for _ in 0..<runs {
      var actions = posix_spawn_file_actions_t()
      posix_spawn_file_actions_init(&actions)
      posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
      posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
      defer { posix_spawn_file_actions_destroy(&actions) }
      let argv = ([path] + args).map { strdup($0) } + [nil]
      let envp = env.map { strdup($0) } + [nil]
      defer {
        for p in argv { free(p) }
        for p in envp { free(p) }
      }
      var pid: pid_t = 0
      let t0 = Measure.now()
      guard posix_spawn(&pid, path, &actions, nil, argv, envp) == 0 else { return nil }
      var status: Int32 = 0
      while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
      samples.append((Measure.now() - t0) * 1000)
    }
    return samples
  }

  static func which(_ name: String) -> String? {
    for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
      let p = "\(dir)/\(name)"
      if FileManager.default.isExecutableFile(atPath: p) { return p }
    }
    return nil
  }

  static func run(eflowsh: String) {
    Measure.section("Start-up (ms per process, wall clock)")
    var env = ProcessInfo.processInfo.environment
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("eflowsh-bench-\(getpid())")
    try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    env["EFLOWSH_STATE"] = dir.appendingPathComponent("state.json").path
    env["EFLOWSH_SEED"] = "1"
    var baseline: [String: Double] = [:]
    for (name, prog, args) in [("bash -c :", "bash", ["-c", ":"]), ("python3 -c pass", "python3", ["-c", "pass"])] {
      guard let path = which(prog), let s = time(path, args) else {
        print("  \(name): not available")
        continue
      }
      let stats = Measure.Stats(s)
      baseline[name] = stats.median
      Measure.row(name, stats, unit: "ms")
    }
    func compare(_ label: String, _ args: [String]) {
      guard let s = time(eflowsh, args, environment: env) else {
        print("  \(label): cannot run \(eflowsh)")
        return
      }
      let stats = Measure.Stats(s)
      let ratios = baseline.sorted { $0.key < $1.key }.map { String(format: "%.1f× %@", stats.median / $0.value, $0.key) }
      Measure.row(label, stats, unit: "ms", note: ratios.joined(separator: ", "))
    }
    compare("eflowsh -NoProfile -Command exit", ["-NoProfile", "-Command", "exit"])
    // A one-cmdlet run against a deployed VM: deploy once, then time Get-EflowVmAddr.
    _ = time(
      eflowsh, ["-NoProfile", "-Command", "$null = Deploy-Eflow -acceptEula Yes -acceptOptionalTelemetry No -headless"],
      environment: env, runs: 1)
    compare("eflowsh -c Get-EflowVmAddr (deployed state)", ["-NoProfile", "-c", "Get-EflowVmAddr"])
  }
}
