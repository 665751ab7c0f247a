/// Running the script blocks of members added with Add-Member (ScriptProperty getters and
/// setters, ScriptMethods).
extension Interpreter: ScriptMemberRunner {
  /// Runs the block in a new scope whose parent holds `$this` (the block's own scope is the
  /// usual new one), as PowerShell runs member scripts. A failure is wrapped as PowerShell wraps it (`Exception getting "c": "…"`), except
  /// call-depth overflow (a property reading itself), which PowerShell does not wrap either,
  /// so the error stays readable instead of nesting a hundred times.
  public func runMember(_ block: ScriptBlockValue, this: Value, args: [Value], for use: ScriptMemberUse) throws(RuntimeError)
    -> Value
  {
    let saved = scope
    let holder = Scope(parent: saved)
    scope = holder
    defer { scope = saved }
    do {
      try holder.set("this", this)
      // PowerShell runs getters swallowing the errors they write (`SwallowErrors`); a
      // terminating error still reaches the reader.
      if case .get = use { try holder.set("ErrorActionPreference", .string("Ignore")) }
      let out = try invokeScriptBlock(block, arguments: args.map { .positional($0) }, input: nil, dotSource: false)
      return collapse(out)
    } catch let e as ScriptError where e.record.errorId == "CallDepthOverflow" {
      throw RuntimeError(id: "CallDepthOverflow", message: e.record.message, exceptionType: e.record.exceptionType)
    } catch let e as RuntimeError where e.id == "CallDepthOverflow" {
      throw e
    } catch {
      throw Self.memberFailure(use, arguments: args.count, message: Self.failureMessage(error))
    }
  }

  static func failureMessage(_ error: any Error) -> String {
    switch error {
    case let e as ScriptError: return e.record.message
    case let e as RuntimeError: return e.message
    case is ControlFlow: return "break, continue or exit left the member's script block."
    default: return String(describing: error)
    }
  }

  /// GetValueInvocationException, SetValueInvocationException or MethodInvocationException
  /// with PowerShell's ids and messages.
  static func memberFailure(_ use: ScriptMemberUse, arguments: Int, message: String) -> RuntimeError {
    let ns = "System.Management.Automation."
    switch use {
    case .get(let name):
      return RuntimeError(
        id: "ScriptGetValueRuntimeException", message: "Exception getting \"\(name)\": \"\(message)\"",
        exceptionType: ns + "GetValueInvocationException")
    case .set(let name):
      return RuntimeError(
        id: "ScriptSetValueRuntimeException", message: "Exception setting \"\(name)\": \"\(message)\"",
        exceptionType: ns + "SetValueInvocationException")
    case .call(let name):
      return RuntimeError(
        id: "ScriptMethodRuntimeException",
        message: "Exception calling \"\(name)\" with \"\(arguments)\" argument(s): \"\(message)\"",
        exceptionType: ns + "MethodInvocationException")
    }
  }
}
