import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The file-system side of a session: where the simulated Windows drives live, the location
/// stack (`Push-Location`/`Pop-Location`) and the transcripts in progress.
///
/// ## Paths
///
/// The file-system cmdlets act on the real Linux file system. How a path is read:
///
/// - **Linux paths work as they are**: `/tmp/x`, `./x`, `x`, `~/x` (`~` is `$HOME`), relative to
///   the current location. A backslash is a separator (`logs\today.txt` is `logs/today.txt`), as
///   PowerShell on Linux reads it too.
/// - **A drive-qualified Windows path maps onto a per-drive directory** under the simulated
///   host's drive root: `C:\Users\Administrator\x.txt` is
///   `<drive root>/C/Users/Administrator/x.txt`, the drive root being
///   `$XDG_STATE_HOME/eflowsh/drives` (`~/.local/state/eflowsh/drives`), next to the state
///   document. Any drive letter works and is kept upper-case (`c:\x` is drive `C`).
///   Why map rather than refuse: EFLOW scripts are run unchanged, and they write their logs and
///   transcripts under `$env:TEMP` / `$env:ProgramData`, which the simulated host reports as
///   `C:\…` paths; refusing would stop most scripts at their first `New-Item`. Why not map onto
///   `/`: a script that cleans up `C:\…` must never touch the real Linux root.
/// - **Paths inside a drive directory are shown in Windows form** (`C:\Users\…`): `FullName`,
///   `Resolve-Path`, `Get-Location`, error messages. Such a path read back maps to the same
///   place, so what a script prints and passes around is what it would be on Windows.
/// - `C:` alone is the drive's root (on Windows it is the current directory on that drive; a
///   session here keeps one current location only).
/// - Limits, stated rather than hidden: names inside a drive are case-sensitive (it is a Linux
///   directory), UNC paths (`\\server\share`) and non-file-system drives (`HKLM:`, `Cert:`, …)
///   are refused with a clear error (`env:`, `variable:`, `function:` and `alias:` are
///   understood by `Test-Path` only). A provider-qualified path
///   (`Microsoft.PowerShell.Core\FileSystem::/tmp/x`, which items carry as `PSPath`) is accepted.
public final class FileSystemState {
  /// The directory holding one subdirectory per simulated Windows drive letter.
  public var driveRoot: String
  /// `Push-Location`'s stack of provider paths, most recent last.
  var locationStack: [String] = []
  /// Transcripts in progress, innermost last.
  var transcripts: [TranscriptHost] = []

  public init(driveRoot: String? = nil) {
    self.driveRoot = driveRoot ?? FileSystemState.defaultDriveRoot()
  }

  /// `$XDG_STATE_HOME/eflowsh/drives`, else `$HOME/.local/state/eflowsh/drives`.
  static func defaultDriveRoot() -> String {
    func env(_ n: String) -> String? {
      guard let p = getenv(n) else { return nil }
      let s = String(cString: p)
      return s.isEmpty ? nil : s
    }
    let state = env("XDG_STATE_HOME") ?? ((env("HOME") ?? "/root") + "/.local/state")
    return state + "/eflowsh/drives"
  }
}
