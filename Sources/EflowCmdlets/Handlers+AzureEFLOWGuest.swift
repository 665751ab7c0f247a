import EflowEngine
import Foundation
import PSRuntime

#if canImport(Glibc)
  import Glibc
#endif

/// The in-VM cmdlets: Invoke-EflowVmCommand (the guest shell, one state transaction per call),
/// Connect-EflowVm (a line-by-line guest shell on a terminal), Copy-EflowVmFile (between the
/// Linux file system, with eflowsh's mapping of `C:\…` paths, and the guest file system); and
/// the shared-folder cmdlets, which this build does not emulate.
extension Handlers {
  func registerEflowGuest(into i: Interpreter) {
    let session = self.session

    eflowCmdlet(i, "Invoke-EflowVmCommand") { ctx in
      let command = EflowIO.string(ctx, "command") ?? ""
      let ignoreError = ctx.flag("ignoreError")
      let result = try session.eflow(ctx) {
        try session.change { (s) throws(EflowError) in try s.runGuestCommand(command) }
      }
      if result.exitCode != 0 && !ignoreError {
        // The module runs the command over SSH and throws "$command $arguments failed to
        // execute [$err]" with ssh's standard error (issue #307 shows `ssh  failed to execute []`).
        try session.eflow(ctx) { () throws in
          throw EflowError(.operationStopped, Self.sshFailure(result.stderrLines))
        }
      }
      for line in result.stdoutLines { try ctx.emit(.string(line)) }
    }

    eflowCmdlet(i, "Connect-EflowVm") { ctx in
      let name = try session.eflow(ctx) { () throws -> String in
        try session.read().runningVMName()
      }
      guard isatty(0) == 1 && isatty(1) == 1 else {
        throw ctx.terminatingError(
          ErrorRecord(
            exceptionType: "System.Management.Automation.PSInvalidOperationException",
            message:
              "Connect-EflowVm opens an interactive SSH session, which needs a terminal; eflowsh's input or output is not one. Use Invoke-EflowVmCommand to run commands in the VM from a script.",
            errorId: "EflowshNoTerminal", category: .invalidOperation, targetObject: .string(ctx.name)))
      }
      Self.interactiveShell(session: session, ctx: ctx, vmName: name)
    }

    eflowCmdlet(i, "Copy-EflowVmFile") { ctx in
      let from = EflowIO.string(ctx, "fromFile") ?? ""
      let to = EflowIO.string(ctx, "toFile") ?? ""
      if ctx.flag("pushFile") {
        let local = Self.linuxPath(ctx.interpreter, from)
        guard let data = FileManager.default.contents(atPath: local) else {
          throw ctx.terminatingError(
            ErrorRecord(
              exceptionType: "System.Management.Automation.ItemNotFoundException",
              message: "Cannot find path '\(from)' because it does not exist.", errorId: "PathNotFound",
              category: .objectNotFound, targetObject: .string(from)))
        }
        let text = String(decoding: data, as: UTF8.self)
        let name = (local as NSString).lastPathComponent
        try session.eflow(ctx) {
          try session.change { (s) throws(EflowError) in try s.writeGuestFile(to, contents: text, name: name) }
        }
      } else {
        let text = try session.eflow(ctx) {
          try session.change { (s) throws(EflowError) in try s.readGuestFile(from) }
        }
        var local = Self.linuxPath(ctx.interpreter, to)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: local, isDirectory: &isDirectory), isDirectory.boolValue {
          local = (local as NSString).appendingPathComponent((from as NSString).lastPathComponent)
        }
        do {
          try Data(text.utf8).write(to: URL(fileURLWithPath: local))
        } catch {
          throw ctx.terminatingError(
            ErrorRecord(
              exceptionType: "System.IO.IOException", message: "Could not write '\(to)': \(error.localizedDescription)",
              errorId: "EflowCopyWriteFailed", category: .writeError, targetObject: .string(to)))
        }
      }
    }

    // Shared folders exist since CR 1.3: a release pinned before that does not have the commands.
    for name in ["Add-EflowVmSharedFolder", "Get-EflowVmSharedFolder", "Remove-EflowVmSharedFolder"] {
      eflowCmdlet(i, name) { ctx in
        try session.eflow(ctx) {
          let state = try session.read()
          if !state.version.supportsSharedFolders {
            throw EflowError(
              .commandNotFound,
              "The term '\(name)' is not recognized as the name of a cmdlet, function, script file, or operable program. Check the spelling of the name, or if a path was included, verify that the path is correct and try again."
            )
          }
        }
        throw RuntimeError(
          id: "NotSupported",
          message: "\(name) is not supported by eflowsh yet: the simulation does not model shared folders.",
          exceptionType: "System.NotSupportedException")
      }
    }
  }

  /// The module's SSH failure text: `ssh  failed to execute [<stderr>]` (stderr lines joined
  /// by spaces, as PowerShell interpolates an array).
  static func sshFailure(_ stderr: [String]) -> String {
    "ssh  failed to execute [\(stderr.joined(separator: " "))]"
  }

  /// A path as eflowsh's file cmdlets read it: Linux paths as they are (relative to the current
  /// location, `~` is $HOME), `X:\…` under the session's drive root (see PSRuntime's
  /// FileSystemState), backslashes as separators.
  static func linuxPath(_ interpreter: Interpreter, _ path: String) -> String {
    var p = path.replacingOccurrences(of: "\\", with: "/")
    let chars = Array(p)
    if chars.count >= 2, chars[1] == ":", chars[0].isASCII, chars[0].isLetter {
      let rest = String(chars.dropFirst(2)).drop { $0 == "/" }
      let root = interpreter.fileSystem.driveRoot
      return GuestSystemPath.normalize("\(root)/\(chars[0].uppercased())/\(rest)")
    }
    if p == "~" || p.hasPrefix("~/") { p = (ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()) + p.dropFirst() }
    if !p.hasPrefix("/") { p = interpreter.currentLocation + "/" + p }
    return GuestSystemPath.normalize(p)
  }

  /// Connect-EflowVm's loop: a prompt, one command line at a time, until `exit` or end of input.
  /// Like one ssh session, the lines share one shell: variables, `cd` and `$?` carry over.
  static func interactiveShell(session: EflowSession, ctx: CmdletContext, vmName: String) {
    var shell = GuestSession()
    func fputs(_ text: String, _ handle: FileHandle) { handle.write(Data(text.utf8)) }
    let stdout = FileHandle.standardOutput
    let stderr = FileHandle.standardError
    while true {
      fputs("iotedge-user@\(vmName) [ \(shell.promptDirectory) ]$ ", stdout)
      guard let line = readLine() else {
        fputs("logout\n", stdout)
        return
      }
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if trimmed == "exit" || trimmed == "logout" {
        fputs("logout\n", stdout)
        return
      }
      if trimmed.isEmpty { continue }
      do {
        let r = try session.change { (s) throws(EflowError) in try s.runGuestCommand(line, session: &shell) }
        fputs(r.stdout, stdout)
        fputs(r.stderr, stderr)
        if shell.exitRequested {
          fputs("logout\n", stdout)
          return
        }
          if (try? session.read().vm?.isRunning) != true {
          fputs("Connection to \(vmName) closed by remote host.\n", stderr)
          return
        }
      } catch {
        fputs("\(error)\n", stderr)
        return
      }
    }
  }
}

/// Path normalization for Copy-EflowVmFile's Linux side.
enum GuestSystemPath {
  static func normalize(_ path: String) -> String {
    var parts: [Substring] = []
    for part in path.split(separator: "/") {
      if part == "." || part.isEmpty { continue }
      if part == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
      parts.append(part)
    }
    return "/" + parts.joined(separator: "/")
  }
}
