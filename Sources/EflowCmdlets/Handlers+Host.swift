import EflowEngine
import Foundation
import PSRuntime

/// The Windows host cmdlets (Hyper-V, NetAdapter, NetTCPIP, NetNat, DhcpServer, DnsClient,
/// ServerManager, Dism, CimCmdlets, Microsoft.PowerShell.Management): shared plumbing.
///
/// Errors: unlike AzureEFLOW's `throw "<text>"`, these modules report failures as the errors of
/// their own stacks — Hyper-V's VirtualizationException, CIM cmdletization's CimJobException /
/// CimException, ServiceCommandException — and almost always as *non-terminating* errors
/// (WriteError), so `-ErrorAction SilentlyContinue` hides them and `-ErrorAction Stop` turns
/// them into exceptions, exactly as scripts expect. `attempt` below does that mapping; a
/// state-file problem stays a terminating error.
///
/// Confirmation: `-Confirm` asks ShouldProcess's question in the interactive shell (and is 5.1's
/// NonInteractive error elsewhere; see `CmdletContext.confirmOperation`). A cmdlet whose
/// ConfirmImpact is High (Remove-NetIPAddress, Remove-NetNat) does not ask on its own: it goes
/// ahead as in a session where `$ConfirmPreference` is `None` — except when the command would
/// remove *every* object of its kind because no filter was given; then it asks for each object
/// in the interactive shell, and elsewhere refuses unless `-Confirm:$false` says so.
extension Handlers {
  func registerHost(into i: Interpreter) {
    registerHostHyperV(into: i)
    registerHostNetwork(into: i)
    registerHostNat(into: i)
    registerHostDhcp(into: i)
    registerHostSystem(into: i)
  }

  /// Runs an engine or store call for a host cmdlet. An engine refusal becomes a
  /// non-terminating error shaped by `style` (nil is returned); a state-file problem is
  /// terminating.
  func attempt<T>(_ ctx: CmdletContext, _ style: HostErrorStyle, target: Value, _ body: () throws -> T) throws -> T? {
    var failure: EflowError?
    let result: T? = try session.run(ctx) {
      do {
        return try body()
      } catch let e as EflowError {
        failure = e
        return nil
      }
    }
    if let failure { try ctx.writeError(style.record(failure, target: target, ctx: ctx)) }
    return result
  }
}

/// How one family of Windows cmdlets reports an engine refusal: exception type, error id and
/// category, and the command part of the FullyQualifiedErrorId (Hyper-V and ServerManager use
/// the cmdlet's .NET class name there, cmdletization uses the cmdlet name).
struct HostErrorStyle: Sendable {
  var exceptionType: String
  /// The part after the comma in the FullyQualifiedErrorId; nil means the cmdlet's name.
  var commandClass: String?
  var errorId: @Sendable (EflowError) -> String
  var category: @Sendable (EflowError) -> ErrorCategory = { HostErrorStyle.category(of: $0.kind) }

  func record(_ e: EflowError, target: Value, ctx: CmdletContext) -> ErrorRecord {
    var r = ErrorRecord(
      exceptionType: exceptionType, message: e.message, errorId: errorId(e), category: category(e),
      targetObject: target, commandName: commandClass ?? ctx.name)
    r.invocationName = ctx.name
    return r
  }

  static func category(of kind: EflowError.Kind) -> ErrorCategory {
    switch kind {
    case .objectNotFound, .commandNotFound: .objectNotFound
    case .invalidArgument, .parameterBinding: .invalidArgument
    case .invalidData: .invalidData
    case .invalidOperation: .invalidOperation
    case .resourceExists: .resourceExists
    case .operationStopped: .operationStopped
    case .limitsExceeded: .limitsExceeded
    }
  }

  /// Hyper-V: `Hyper-V was unable to find a virtual switch with name "X".` is ObjectNotFound,
  /// `InvalidParameter,Microsoft.HyperV.PowerShell.Commands.GetVMSwitch`.
  static func hyperV(_ cmdlet: String) -> HostErrorStyle {
    HostErrorStyle(
      exceptionType: "Microsoft.HyperV.PowerShell.VirtualizationException",
      commandClass: "Microsoft.HyperV.PowerShell.Commands." + cmdlet.replacingOccurrences(of: "-", with: ""),
      errorId: { e in
        switch e.kind {
        case .objectNotFound, .invalidArgument: "InvalidParameter"
        default: "OperationFailed"
        }
      })
  }

  /// A cmdletization query that found nothing for one filter value:
  /// `CmdletizationQuery_NotFound_<Property>,<Cmdlet>`.
  static func cimQuery(_ property: String) -> HostErrorStyle {
    HostErrorStyle(
      exceptionType: "Microsoft.PowerShell.Cmdletization.Cim.CimJobException", commandClass: nil,
      errorId: { _ in "CmdletizationQuery_NotFound_\(property)" }, category: { _ in .objectNotFound })
  }

  /// A CIM method that failed (New-NetIPAddress, New-NetNat): Windows' error text with
  /// `Windows System Error 87` and category InvalidArgument; a missing interface stays a
  /// not-found query error.
  static let cimMethod = HostErrorStyle(
    exceptionType: "Microsoft.Management.Infrastructure.CimException", commandClass: nil,
    errorId: { e in
      if e.message.hasPrefix("No MSFT_NetAdapter objects found with property '") {
        let property = e.message.dropFirst("No MSFT_NetAdapter objects found with property '".count).prefix { $0 != "'" }
        return "CmdletizationQuery_NotFound_\(property)"
      }
      return "Windows System Error 87"
    },
    category: { e in e.kind == .objectNotFound ? .objectNotFound : .invalidArgument })

  /// The DhcpServer module's CIM errors carry the DHCP server's error code (dhcpsapi.h; the
  /// numbers are this simulation's reading of that header, not observed transcripts).
  static let dhcp = HostErrorStyle(
    exceptionType: "Microsoft.Management.Infrastructure.CimException", commandClass: nil,
    errorId: { e in
      switch e.kind {
      case .resourceExists: "DHCP 20004"
      case .objectNotFound: "DHCP 20005"
      case .invalidOperation: "WIN32 1722"
      default: "DHCP 20023"
      }
    })
}

// MARK: - Parameter helpers

extension CmdletContext {
  /// A `[string[]]` (or any array) parameter's items as strings; nil when not bound.
  func strings(_ name: String) -> [String]? {
    guard let v = value(name) else { return nil }
    return (v.enumerated ?? [v]).map(Conversions.toString)
  }

  /// An integer parameter (or each item of an integer array parameter).
  func ints(_ name: String) -> [Int]? {
    strings(name).map { $0.compactMap { Int($0) } }
  }

  func int(_ name: String) -> Int? { ints(name)?.first }

  /// A `[bool]` parameter, or nil when not bound.
  func bool(_ name: String) -> Bool? { value(name).map(Conversions.toBool) }

  /// A `[timespan]` parameter in whole seconds.
  func seconds(_ name: String) -> Int? {
    guard let v = value(name) else { return nil }
    if case .timeSpan(let ticks) = v { return Int(ticks / 10_000_000) }
    return Int(Conversions.toString(v))
  }

  /// True when `-Confirm:$false` was given (the caller waived confirmation explicitly).
  var confirmWaived: Bool {
    if let c = bound.common("Confirm") { return !Conversions.toBool(c) }
    return false
  }

  /// True when `-WhatIf` is in force for this command (the parameter, or a global
  /// `$WhatIfPreference = $true`).
  var whatIf: Bool {
    if let w = bound.common("WhatIf") { return Conversions.toBool(w) }
    return interpreter.globalScope.lookup("WhatIfPreference").map { Conversions.toBool($0.value) } ?? false
  }

  /// PowerShell's ShouldProcess: with -WhatIf, prints `What if: Performing the operation
  /// "<action>" on target "<target>".` and answers false (the caller changes nothing); with
  /// -Confirm, asks in the interactive shell (`confirmOperation`; off a terminal that is 5.1's
  /// NonInteractive error). `confirm` asks even without -Confirm (a High-impact removal of
  /// every object, in the interactive shell).
  func shouldProcess(_ target: String, action: String? = nil, confirm: Bool = false) throws -> Bool {
    guard whatIf else { return try confirmOperation(target, action: action ?? name, always: confirm) }
    writeHost("What if: Performing the operation \"\(action ?? name)\" on target \"\(target)\".")
    return false
  }
}

/// Name filters as the Windows cmdlets apply them: case-insensitive, wildcards allowed. A
/// pattern without wildcards that matches nothing is what the cmdlets report as not found.
struct NameFilter {
  let patterns: [String]

  init(_ patterns: [String]?) { self.patterns = patterns ?? [] }

  var isEmpty: Bool { patterns.isEmpty }

  func matches(_ text: String) -> Bool {
    patterns.isEmpty || patterns.contains { WildcardPattern($0).matches(text) }
  }

  /// The literal (wildcard-free) patterns none of `names` matched.
  func unmatchedLiterals(_ names: [String]) -> [String] {
    patterns.filter { p in
      !WildcardPattern.containsWildcards(p) && !names.contains { WildcardPattern(p).matches($0) }
    }
  }
}

// MARK: - Object helpers

/// A PSObject with a Windows type name (and, optionally, its ToString text).
func hostObject(_ typeName: String, _ properties: [(String, Value)], string: String? = nil) -> PSObject {
  let o = PSObject(properties.map { (name: $0.0, value: $0.1) })
  o.typeName = typeName
  o.stringValue = string
  return o
}

/// The type name CIM objects carry (`…CimInstance#ROOT/StandardCimv2/MSFT_NetAdapter`).
func cimType(_ namespaceAndClass: String) -> String {
  "Microsoft.Management.Infrastructure.CimInstance#" + namespaceAndClass
}

/// A CIM instance as error target (`MSFT_NetIPAddress:ROOT/StandardCimv2/MSFT_NetIPAddress`).
func cimTarget(_ className: String, namespace: String = "ROOT/StandardCimv2") -> Value {
  .object(hostObject("\(namespace)/\(className)", [], string: className))
}

func ipValue(_ a: IPv4Address) -> Value {
  let o = a.octets
  return .ipAddress(IPAddressValue(bytes: [o.0, o.1, o.2, o.3]))
}

func stringArray(_ items: [String]) -> Value { .array(PSArray(items.map { .string($0) })) }

/// `TimeSpan.MaxValue`, which Windows shows as `Infinite` for address and route lifetimes.
var infiniteLifetime: Value { .timeSpan(Int64.max) }

func timeSpan(seconds: Int) -> Value { .timeSpan(Int64(seconds) * 10_000_000) }

extension Handlers {
  /// A CIM query that matched nothing for one value: `No MSFT_X objects found with property 'P'
  /// equal to 'V'.  Verify the value of the property and retry.` (non-terminating, ObjectNotFound).
  func writeCimNotFound(_ ctx: CmdletContext, _ className: String, property: String, value: String) throws {
    try ctx.writeError(
      HostErrorStyle.cimQuery(property).record(
        EflowError(
          .objectNotFound,
          "No \(className) objects found with property '\(property)' equal to '\(value)'.  Verify the value of the property and retry."
        ), target: .string(value), ctx: ctx))
  }
}
