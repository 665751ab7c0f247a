import PSLanguage

/// PowerShell's ErrorRecord: what went wrong (an exception type and message), its
/// FullyQualifiedErrorId and category, the object involved, and where in the script.
public struct ErrorRecord {
  public var exceptionType: String
  public var message: String
  /// The error id; with the command's name appended it is the FullyQualifiedErrorId.
  public var errorId: String
  public var category: ErrorCategory
  public var targetObject: Value
  /// The command that raised it (`Get-Thing`), if any; it is part of the FullyQualifiedErrorId.
  public var commandName: String?
  /// For a compiled (Swift) cmdlet, its .NET class (`Microsoft.PowerShell.Commands.GetContentCommand`):
  /// PowerShell names that class, not the command, in the FullyQualifiedErrorId.
  public var commandTypeName: String?
  /// The name shown before the message in the NormalView (`Get-Thing : …`); defaults to the
  /// command name.
  public var invocationName: String?
  /// Where: the script text and the extent of the failing element.
  public var source: SourceFile?
  public var extent: SourceRange?
  /// The value thrown by `throw`, when it was not a string.
  public var thrownValue: Value?

  public init(
    exceptionType: String, message: String, errorId: String, category: ErrorCategory, targetObject: Value = .null,
    commandName: String? = nil, source: SourceFile? = nil, extent: SourceRange? = nil
  ) {
    self.exceptionType = exceptionType
    self.message = message
    self.errorId = errorId
    self.category = category
    self.targetObject = targetObject
    self.commandName = commandName
    self.source = source
    self.extent = extent
  }

  /// `ErrorId,CommandName` as PowerShell shows it.
  public var fullyQualifiedErrorId: String {
    if let t = commandTypeName, !t.isEmpty { return errorId + "," + t }
    if let c = commandName, !c.isEmpty { return errorId + "," + c }
    return errorId
  }

  /// The exception's short type name (`RuntimeException`).
  public var exceptionShortName: String {
    exceptionType.split(separator: ".").last.map(String.init) ?? exceptionType
  }

  /// The record as a value for `$_` in `catch` and `trap` and for `$Error`: its string is the
  /// message; `.Exception.Message`, `.FullyQualifiedErrorId`, `.CategoryInfo`, `.TargetObject`
  /// and `.InvocationInfo.ScriptLineNumber` are there.
  public func asValue() -> Value {
    let exception = PSObject([("Message", .string(message))])
    exception.typeName = exceptionType
    exception.stringValue = message
    var line: Value = .null
    var column: Value = .null
    if let s = source, let e = extent {
      let p = s.position(of: e.start)
      line = .int32(Int32(p.line))
      column = .int32(Int32(p.column))
    }
    let invocation = PSObject([
      ("ScriptLineNumber", line), ("OffsetInLine", column),
      ("ScriptName", .string(source?.path ?? "")), ("MyCommand", .string(commandName ?? "")),
    ])
    invocation.typeName = "System.Management.Automation.InvocationInfo"
    let categoryInfo = PSObject([("Category", .string(category.rawValue)), ("Reason", .string(exceptionShortName))])
    categoryInfo.typeName = "System.Management.Automation.ErrorCategoryInfo"
    categoryInfo.stringValue = categoryInfoText
    let record = PSObject([
      ("Exception", .object(exception)),
      ("FullyQualifiedErrorId", .string(fullyQualifiedErrorId)),
      ("CategoryInfo", .object(categoryInfo)),
      ("TargetObject", thrownValue ?? targetObject),
      ("InvocationInfo", .object(invocation)),
    ])
    record.typeName = "System.Management.Automation.ErrorRecord"
    record.stringValue = message
    return .object(record)
  }

  /// `Category: (Target:Type) [Activity], Reason`, as the NormalView prints it.
  public var categoryInfoText: String {
    let target = Conversions.toString(targetObject)
    let targetType = targetObject.isNull ? "" : shortType(targetObject.typeName)
    return "\(category.rawValue): (\(target):\(targetType)) [\(commandName ?? "")], \(exceptionShortName)"
  }

  func shortType(_ full: String) -> String { full.split(separator: ".").last.map(String.init) ?? full }
}

/// PowerShell's ErrorCategory values, all of them.
public enum ErrorCategory: String, Sendable {
  case notSpecified = "NotSpecified"
  case openError = "OpenError"
  case closeError = "CloseError"
  case deviceError = "DeviceError"
  case deadlockDetected = "DeadlockDetected"
  case invalidArgument = "InvalidArgument"
  case invalidData = "InvalidData"
  case invalidOperation = "InvalidOperation"
  case invalidResult = "InvalidResult"
  case invalidType = "InvalidType"
  case metadataError = "MetadataError"
  case notImplemented = "NotImplemented"
  case notInstalled = "NotInstalled"
  case objectNotFound = "ObjectNotFound"
  case operationStopped = "OperationStopped"
  case operationTimeout = "OperationTimeout"
  case syntaxError = "SyntaxError"
  case parserError = "ParserError"
  case permissionDenied = "PermissionDenied"
  case resourceBusy = "ResourceBusy"
  case resourceExists = "ResourceExists"
  case resourceUnavailable = "ResourceUnavailable"
  case readError = "ReadError"
  case writeError = "WriteError"
  case fromStdErr = "FromStdErr"
  case securityError = "SecurityError"
  case protocolError = "ProtocolError"
  case connectionError = "ConnectionError"
  case authenticationError = "AuthenticationError"
  case limitsExceeded = "LimitsExceeded"
  case quotaExceeded = "QuotaExceeded"
  case notEnabled = "NotEnabled"
}

/// An error travelling up the stack: terminating errors, `throw`, and errors escalated by
/// `-ErrorAction Stop`. `try`/`catch` and `trap` catch these.
public struct ScriptError: Error {
  public var record: ErrorRecord
  /// True for `throw` and escalated errors: they end the script unless caught; statement-
  /// terminating errors only end the statement.
  public var isScriptTerminating: Bool
  /// Raised by `$PSCmdlet.ThrowTerminatingError`: it ends the whole function that raised it
  /// (its own statements do not report it), then acts as a statement-terminating error in the
  /// caller.
  public var endsCommand = false

  public init(_ record: ErrorRecord, scriptTerminating: Bool) {
    self.record = record
    self.isScriptTerminating = scriptTerminating
  }
}

/// `break`, `continue`, `return` and `exit` unwinding to the construct that handles them.
enum ControlFlow: Error {
  case breakLoop(label: String?)
  case continueLoop(label: String?)
  case returnFromFunction
  case exit(code: Int32)
}
