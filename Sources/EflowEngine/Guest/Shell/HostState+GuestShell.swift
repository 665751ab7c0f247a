import Foundation

/// Running command lines inside the VM (Invoke-EflowVmCommand, Connect-EflowVm, systemd units
/// at boot) and copying files in and out (Copy-EflowVmFile).
extension HostState {
  /// Runs one command line as iotedge-user, as `ssh … bash -c COMMAND` would. The VM must be
  /// running. Whatever the command changes (files, routes, DNS, units) is kept, also when it
  /// ends with a non-zero status, as on a real machine.
  public mutating func runGuestCommand(_ command: String, stdin: String = "") throws(EflowError) -> GuestCommandResult {
    var fresh = GuestSession()
    return try runGuestCommand(command, stdin: stdin, session: &fresh)
  }

  /// Runs one line of an interactive session (Connect-EflowVm): the shell starts from what the
  /// previous lines left in `session` (variables, directory, `$?`) and leaves its own there.
  public mutating func runGuestCommand(
    _ command: String, stdin: String = "", session: inout GuestSession
  ) throws(EflowError) -> GuestCommandResult {
    try transact { (s) throws(EflowError) in
      _ = try s.requireRunningVM()
      _ = s.refreshedGuest()
      let shell = GuestShell(host: s)
      if let variables = session.variables { shell.variables = variables }
      if let cwd = session.directory { shell.cwd = cwd }
      shell.lastStatus = session.lastStatus
      let r = shell.run(command, stdin: stdin)
      s = shell.host
      session.variables = shell.variables
      session.directory = shell.cwd
      session.lastStatus = r.status
      session.exitRequested = shell.exitRequested != nil
      return GuestCommandResult(stdout: r.out, stderr: r.err, exitCode: r.status)
    }
  }

  /// What a boot does inside the guest after systemd-networkd has set up the routes (called by
  /// Start-EflowVm once the VM is up): runtime state (unit states, netfilter rules, modules)
  /// starts afresh — netfilter from `/etc/systemd/scripts/ip4save` — and every enabled unit in
  /// `/etc/systemd/system` runs its ExecStart as root, in name order. `sleep` takes no time.
  public mutating func bootGuest() {
    guard let machine = vm, machine.isRunning else { return }
    var g = refreshedGuest()
    g.unitStates = [:]
    g.loadedModules = []
    g.iptables = (try? g.read("/etc/systemd/scripts/ip4save", root: true)).flatMap { GuestIptables(saveText: $0) } ?? GuestIptables()
    vm!.guest = g
    let shell = GuestShell(host: self, root: true)
    for unit in g.enabledUnits.sorted() {
      shell.startUserUnit(unit)
    }
    self = shell.host
  }

  /// The VM's name, when something can connect to it (E12 before deployment, E10 while off).
  public func runningVMName() throws(EflowError) -> String {
    try requireRunningVM().name
  }

  /// A file's text as iotedge-user reads it (Copy-EflowVmFile from the VM).
  public mutating func readGuestFile(_ path: String) throws(EflowError) -> String {
    _ = try requireRunningVM()
    let g = refreshedGuest()
    let absolute = GuestSystem.normalize(path, cwd: GuestSystem.home)
    do {
      return try g.read(absolute, root: false)
    } catch {
      throw EflowError(.operationStopped, "scp  failed to execute [scp: \(path): \(error.text)]")
    }
  }

  /// Writes a file as iotedge-user (Copy-EflowVmFile -pushFile). A directory as target
  /// receives the file under `name`.
  public mutating func writeGuestFile(_ path: String, contents: String, name: String) throws(EflowError) {
    try transact { (s) throws(EflowError) in
      _ = try s.requireRunningVM()
      var g = s.refreshedGuest()
      var absolute = GuestSystem.normalize(path, cwd: GuestSystem.home)
      if g.isDirectory(absolute) { absolute = (absolute == "/" ? "" : absolute) + "/" + name }
      do throws(GuestFileError) {
        try g.write(absolute, contents, root: false)
      } catch {
        throw EflowError(.operationStopped, "scp  failed to execute [scp: \(path): \(error.text)]")
      }
      s.vm!.guest = g
    }
  }
}

/// What an interactive guest shell keeps from one command line to the next.
public struct GuestSession: Sendable {
  var variables: [String: String]?
  var directory: String?
  var lastStatus: Int32 = 0
  /// Whether the last line ran `exit` (the session ends, as ssh's would).
  public internal(set) var exitRequested = false

  public init() {}

  /// The directory as bash's `\w` shows it: `~` for the home directory and below it.
  public var promptDirectory: String {
    guard let directory, directory != GuestSystem.home else { return "~" }
    if directory.hasPrefix(GuestSystem.home + "/") { return "~" + directory.dropFirst(GuestSystem.home.count) }
    return directory
  }
}
