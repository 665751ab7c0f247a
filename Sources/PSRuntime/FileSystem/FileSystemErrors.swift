/// The errors the file-system cmdlets write, in Windows PowerShell 5.1's words.
enum FileSystemErrors {
  /// `Cannot find path 'X' because it does not exist.` (ItemNotFoundException, PathNotFound).
  static func pathNotFound(_ shown: String) -> ErrorRecord {
    ErrorRecord(
      exceptionType: "System.Management.Automation.ItemNotFoundException",
      message: "Cannot find path '\(shown)' because it does not exist.", errorId: "PathNotFound",
      category: .objectNotFound, targetObject: .string(shown))
  }

  /// An I/O failure (`Could not find a part of the path 'X'.`, …) with the cmdlet's error id.
  static func io(_ message: String, id: String, target: String, category: ErrorCategory = .writeError,
    exception: String = "System.IO.IOException") -> ErrorRecord {
    ErrorRecord(exceptionType: exception, message: message, errorId: id, category: category, targetObject: .string(target))
  }

  /// `Could not find a part of the path 'X'.` (a parent directory is missing).
  static func partOfPathNotFound(_ shown: String, id: String) -> ErrorRecord {
    io("Could not find a part of the path '\(shown)'.", id: id, target: shown, exception: "System.IO.DirectoryNotFoundException")
  }

  /// `Access to the path 'X' is denied.`
  static func accessDenied(_ shown: String, id: String) -> ErrorRecord {
    io("Access to the path '\(shown)' is denied.", id: id, target: shown, category: .permissionDenied,
      exception: "System.UnauthorizedAccessException")
  }

  /// A RuntimeError raised while reading a path (a refused drive, …) as a record.
  static func record(_ e: RuntimeError, target: String?) -> ErrorRecord {
    let category: ErrorCategory = e.id == "DriveNotFound" ? .objectNotFound : e.id == "NotSupported" ? .notImplemented : .invalidArgument
    return ErrorRecord(exceptionType: e.exceptionType, message: e.message, errorId: e.id, category: category, targetObject: target.map(Value.string) ?? .null)
  }

  /// The message of a Foundation / POSIX failure, for the rare errors with no PowerShell text.
  static func describe(_ error: Error) -> String {
    if let e = error as? RuntimeError { return e.message }
    return "\(error.localizedDescription)"
  }
}

extension CmdletContext {
  /// The cmdlet's .NET class, which PowerShell names in FullyQualifiedErrorIds
  /// (`Get-Content` → `Microsoft.PowerShell.Commands.GetContentCommand`).
  var commandTypeName: String {
    "Microsoft.PowerShell.Commands." + name.replacingOccurrences(of: "-", with: "") + "Command"
  }

  /// `writeError` with the cmdlet's class in the FullyQualifiedErrorId.
  func writeFileSystemError(_ record: ErrorRecord) throws {
    var r = record
    r.commandTypeName = commandTypeName
    try writeError(r)
  }

  /// `terminatingError` with the cmdlet's class in the FullyQualifiedErrorId.
  func fileSystemTerminatingError(_ record: ErrorRecord) -> ScriptError {
    var e = terminatingError(record)
    e.record.commandTypeName = commandTypeName
    return e
  }

  /// A RuntimeError from a body as a terminating error naming the cmdlet's class.
  func fileSystemFailure(_ e: RuntimeError, target: String?) -> ScriptError {
    fileSystemTerminatingError(FileSystemErrors.record(e, target: target))
  }
}

extension Interpreter {
  /// `defineCmdlet` for the file-system cmdlets: a `RuntimeError` thrown by a phase becomes a
  /// terminating error naming the cmdlet's class, as the other errors of these cmdlets do.
  func defineFileSystemCmdlet(_ name: String, _ paramText: String, make: @escaping () -> CmdletBody) {
    defineCmdlet(name, paramText) {
      let body = make()
      func guarded(_ ctx: CmdletContext, _ run: () throws -> Void) throws {
        do { try run() } catch let e as RuntimeError { throw ctx.fileSystemFailure(e, target: nil) }
      }
      return CmdletBody(
        begin: body.begin.map { b in { ctx in try guarded(ctx) { try b(ctx) } } },
        process: body.process.map { p in { ctx, item in try guarded(ctx) { try p(ctx, item) } } },
        end: body.end.map { e in { ctx in try guarded(ctx) { try e(ctx) } } })
    }
  }
}
