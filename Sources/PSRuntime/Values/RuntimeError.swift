/// An error raised while evaluating: the .NET exception type PowerShell would raise
/// (`System.Management.Automation.RuntimeException`, `System.Management.Automation.PSInvalidCastException`,
/// …), the error id and the message in PowerShell's wording.
public struct RuntimeError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The exception's full type name.
  public var exceptionType: String
  /// The FullyQualifiedErrorId's first part (`InvalidCastFromStringToInteger`, …).
  public var id: String
  public var message: String

  public init(id: String, message: String, exceptionType: String = "System.Management.Automation.RuntimeException") {
    self.id = id
    self.message = message
    self.exceptionType = exceptionType
  }

  public var description: String { message }

  /// `Cannot convert value "abc" to type "System.Int32". Error: "…"` (PSInvalidCastException).
  static func cannotConvert(_ v: Value, to type: String, detail: String, id: String = "InvalidCastFromStringToInteger")
    -> RuntimeError
  {
    let shown = v.isNull ? "" : Conversions.toString(v)
    let message: String
    if case .string = v, !detail.isEmpty {
      message = "Cannot convert value \"\(shown)\" to type \"\(type)\". Error: \"\(detail)\""
    } else {
      message = "Cannot convert the \"\(shown)\" value of type \"\(v.typeName)\" to type \"\(type)\"."
    }
    return RuntimeError(id: id, message: message, exceptionType: "System.Management.Automation.PSInvalidCastException")
  }
}
