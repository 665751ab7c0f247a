#if canImport(Glibc)
  import Glibc
#endif

/// What `[Environment]` and `[IO.Path]` report about the simulated Windows host.
///
/// - `MachineName`: the `COMPUTERNAME` environment variable when set, else the interpreter's
///   `computerName` (the host profile's, when the EFLOW modules are installed), else `EFLOWHOST`.
/// - `UserName`: `USERNAME` when set, else `Administrator` (the temp path is under that user).
/// - `NewLine`: `"\r\n"`, as on Windows.
/// - `OSVersion`: `Microsoft Windows NT 10.0.22621.0` (a string, not an `OperatingSystem` object).
enum SimulatedHost {
  static func machineName(_ simulated: String?) -> String {
    environmentVariable("COMPUTERNAME") ?? simulated ?? "EFLOWHOST"
  }
  static var userName: String { environmentVariable("USERNAME") ?? "Administrator" }
  static let newLine = "\r\n"
  static let osVersion = "Microsoft Windows NT 10.0.22621.0"

  /// A variable of this process's environment (empty values count as unset, as on Windows).
  static func environmentVariable(_ name: String) -> String? {
    guard !name.isEmpty, !name.contains("="), let p = getenv(name) else { return nil }
    let v = String(cString: p)
    return v.isEmpty ? nil : v
  }

  /// The Windows variables EFLOW scripts read (`$env:ProgramFiles`, `$env:TEMP`, …), for names
  /// the Linux process environment does not have. Names match without regard to case, as on
  /// Windows. The process environment, when it has the name, wins.
  static func windowsVariable(_ name: String, machineName: () -> String) -> String? {
    let profile = "C:\\Users\\" + userName
    switch name.lowercased() {
    case "computername": return machineName()
    case "username": return userName
    case "userdomain": return machineName()
    case "userprofile": return profile
    case "homedrive", "systemdrive": return "C:"
    case "homepath": return "\\Users\\" + userName
    case "temp", "tmp": return profile + "\\AppData\\Local\\Temp"
    case "appdata": return profile + "\\AppData\\Roaming"
    case "localappdata": return profile + "\\AppData\\Local"
    case "programfiles", "programw6432": return "C:\\Program Files"
    case "programfiles(x86)": return "C:\\Program Files (x86)"
    case "programdata", "allusersprofile": return "C:\\ProgramData"
    case "systemroot", "windir": return "C:\\Windows"
    case "os": return "Windows_NT"
    case "processor_architecture": return "AMD64"
    case "pathext": return ".COM;.EXE;.BAT;.CMD;.VBS;.VBE;.JS;.JSE;.WSF;.WSH;.MSC;.CPL"
    default: return nil
    }
  }
}
