import EflowEngine
import Foundation
import PSRuntime

/// The AzureEFLOW module's handlers (and EflowSim's Get-SimVmRoute), split by area:
/// `+AzureEFLOWVM` (deploy and lifecycle), `+AzureEFLOWNetworking` (networks, endpoints, DNS,
/// guest routes), `+AzureEFLOWProvisioning` (provisioning, features, telemetry, TPM),
/// `+AzureEFLOWLogs` (Get-EflowLogs and its zip writer), `+AzureEFLOWGuest` (the in-VM shell,
/// Connect-EflowVm, Copy-EflowVmFile; shared folders are not emulated yet). This file holds what they share: how engine refusals become
/// PowerShell errors, how progress lines are printed, and parameter reading.
extension Handlers {
  func registerAzureEFLOW(into i: Interpreter) {
    registerEflowVM(into: i)
    registerEflowNetworking(into: i)
    registerEflowProvisioning(into: i)
    registerEflowLogs(into: i)
    registerEflowGuest(into: i)
  }

  /// Binds a handler whose whole work happens once (these cmdlets take no pipeline input).
  func eflowCmdlet(_ i: Interpreter, _ name: String, _ body: @escaping (CmdletContext) throws -> Void) {
    i.registerHandler(name) { CmdletBody(process: { ctx, _ in try body(ctx) }) }
  }
}

extension EflowSession {
  /// `run`, plus the engine refusals that PowerShell itself would raise rather than the module:
  /// a command missing from the pinned EFLOW release (CommandNotFoundException), a parameter
  /// missing from it or an impossible combination (ParameterBindingException), and range
  /// checks that depend on the release (ParameterBindingValidationException). Every other
  /// refusal is the module's `throw "<message>"`.
  func eflow<T>(_ ctx: CmdletContext, _ body: () throws -> T) throws -> T {
    try run(ctx) {
      do {
        return try body()
      } catch let e as EflowError {
        switch e.kind {
        case .commandNotFound:
          var error = ctx.terminatingError(
            ErrorRecord(
              exceptionType: "System.Management.Automation.CommandNotFoundException", message: e.message,
              errorId: "CommandNotFoundException", category: .objectNotFound, targetObject: .string(ctx.name)))
          error.record.commandName = nil
          error.record.invocationName = ctx.name
          throw error
        case .parameterBinding:
          let ambiguous = e.message.hasPrefix("Parameter set cannot be resolved")
          throw ctx.terminatingError(
            ErrorRecord(
              exceptionType: "System.Management.Automation.ParameterBindingException",
              message: ambiguous
                ? "Parameter set cannot be resolved using the specified named parameters. One or more parameters issued cannot be used together or an insufficient number of parameters were provided."
                : e.message,
              errorId: ambiguous ? "AmbiguousParameterSet" : "NamedParameterNotFound", category: .invalidArgument))
        case .invalidData where e.message.hasPrefix("Cannot validate argument"):
          throw ctx.terminatingError(
            ErrorRecord(
              exceptionType: "System.Management.Automation.ParameterBindingValidationException", message: e.message,
              errorId: "ParameterArgumentValidationError", category: .invalidData))
        default:
          throw e
        }
      }
    }
  }
}

/// Reading bound parameters and writing EFLOW's host lines.
enum EflowIO {
  /// A bound `[int]` parameter, or nil when not given.
  static func int(_ ctx: CmdletContext, _ name: String) throws -> Int? {
    guard let v = ctx.value(name) else { return nil }
    switch v {
    case .int32(let n): return Int(n)
    case .int64(let n): return Int(n)
    case .byte(let n): return Int(n)
    default:
      if case .int32(let n) = try Conversions.convert(v, to: .int32) { return Int(n) }
      return nil
    }
  }

  /// A bound string parameter; empty counts as given (the engine decides what empty means).
  static func string(_ ctx: CmdletContext, _ name: String) -> String? { ctx.string(name) }

  /// A bound `[string[]]` parameter as Swift strings.
  static func strings(_ ctx: CmdletContext, _ name: String) -> [String]? {
    guard let v = ctx.value(name) else { return nil }
    if let items = v.enumerated { return items.map(Conversions.toString) }
    return [Conversions.toString(v)]
  }

  /// `MM/dd/yyyy HH:mm:ss` as EFLOW stamps its step lines. With SOURCE_DATE_EPOCH the clock is
  /// read in UTC (reproducible transcripts); otherwise in the local time zone, as on Windows.
  static func timestamp(_ settings: SimulationSettings) -> String {
    var calendar = Calendar(identifier: .gregorian)
    if settings.environment["SOURCE_DATE_EPOCH"] != nil {
      calendar.timeZone = TimeZone(identifier: "UTC")!
    }
    let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: settings.now())
    func two(_ n: Int?) -> String { n.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "00" }
    return "\(two(c.month))/\(two(c.day))/\(c.year ?? 0) \(two(c.hour)):\(two(c.minute)):\(two(c.second))"
  }

  /// Writes progress lines to the host: steps stamped `[MM/dd/yyyy HH:mm:ss] `, details as
  /// ` - text`.
  static func writeProgress(_ ctx: CmdletContext, _ settings: SimulationSettings, _ lines: [ProgressLine]) {
    let stamp = timestamp(settings)
    for line in lines {
      ctx.writeHost(line.kind == .step ? "[\(stamp)] \(line.text)" : line.rendered)
    }
  }

  /// A terminating error for a choice the real module would ask the user about: eflowsh never
  /// prompts, so it says which parameter answers the question.
  static func cannotPrompt(_ ctx: CmdletContext, _ message: String) -> ScriptError {
    var error = ctx.terminatingError(
      ErrorRecord(
        exceptionType: "System.Management.Automation.PSInvalidOperationException", message: message,
        errorId: "EflowshCannotPrompt", category: .invalidOperation, targetObject: .string(ctx.name)))
    error.isScriptTerminating = true
    return error
  }

  /// An object with properties in display order and a type name views can select on.
  static func object(_ typeName: String?, _ properties: [(name: String, value: Value)]) -> Value {
    let o = PSObject(properties)
    o.typeName = typeName
    return .object(o)
  }

  static func array(_ items: [Value]) -> Value { .array(PSArray(items)) }

  static func optional(_ text: String?) -> Value { text.map(Value.string) ?? .null }
}
