import EflowEngine
import Foundation
import PSRuntime

/// The AzureEFLOW cmdlets this build does not emulate: they fail loudly, naming what is
/// missing, instead of the "declared without a handler" error or a silent success.
extension Handlers {
  func registerEflowUnsupported(into i: Interpreter) {
    let session = self.session
    for name in ["Invoke-EflowVmCommand", "Connect-EflowVm", "Copy-EflowVmFile"] {
      eflowCmdlet(i, name) { _ in
        throw RuntimeError(
          id: "NotSupported",
          message: "\(name) is not supported by eflowsh yet: the in-VM shell is not part of this build.",
          exceptionType: "System.NotSupportedException")
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
}
