#if canImport(Glibc)
  import Glibc
#endif

/// What `[Environment]` and `[IO.Path]` report about the simulated Windows host.
///
/// - `MachineName`: the `COMPUTERNAME` environment variable when set, else `EFLOWHOST`.
/// - `UserName`: `USERNAME` when set, else `Administrator` (the temp path is under that user).
/// - `NewLine`: `"\r\n"`, as on Windows.
/// - `OSVersion`: `Microsoft Windows NT 10.0.22621.0` (a string, not an `OperatingSystem` object).
enum SimulatedHost {
  static var machineName: String { environmentVariable("COMPUTERNAME") ?? "EFLOWHOST" }
  static var userName: String { environmentVariable("USERNAME") ?? "Administrator" }
  static let newLine = "\r\n"
  static let osVersion = "Microsoft Windows NT 10.0.22621.0"

  /// A variable of this process's environment (empty values count as unset, as on Windows).
  static func environmentVariable(_ name: String) -> String? {
    guard !name.isEmpty, !name.contains("="), let p = getenv(name) else { return nil }
    let v = String(cString: p)
    return v.isEmpty ? nil : v
  }
}
