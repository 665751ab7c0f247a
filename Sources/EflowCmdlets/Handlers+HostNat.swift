import EflowEngine
import Foundation
import PSRuntime

/// NetNat: New-/Get-/Remove-NetNat.
extension Handlers {
  func registerHostNat(into i: Interpreter) {
    i.registerHandler("New-NetNat") { [self] in CmdletBody(process: { ctx, _ in try self.newNetNat(ctx) }) }
    i.registerHandler("Get-NetNat") { [self] in CmdletBody(process: { ctx, _ in try self.getNetNat(ctx) }) }
    i.registerHandler("Remove-NetNat") { [self] in CmdletBody(process: { ctx, _ in try self.removeNetNat(ctx) }) }
  }

  /// MSFT_NetNat with the property set of `Get-NetNat`'s list view (reference §6.10); WinNAT's
  /// timeouts and filtering behaviour are its defaults.
  static func netNatObject(_ nat: NatNetwork) -> PSObject {
    hostObject(
      cimType("ROOT/StandardCimv2/MSFT_NetNat"),
      [
        ("Name", .string(nat.name)),
        ("ExternalIPInterfaceAddressPrefix", .string(nat.externalPrefix)),
        ("InternalIPInterfaceAddressPrefix", .string(nat.internalPrefix.description)),
        ("IcmpQueryTimeout", .int32(30)),
        ("TcpEstablishedConnectionTimeout", .int32(1800)),
        ("TcpTransientConnectionTimeout", .int32(120)),
        ("TcpFilteringBehavior", .string("AddressDependentFiltering")),
        ("UdpFilteringBehavior", .string("AddressDependentFiltering")),
        ("UdpIdleSessionTimeout", .int32(120)),
        ("UdpInboundRefresh", .bool(false)),
        ("Store", .string("Local")),
        ("Active", .bool(true)),
      ])
  }

  func newNetNat(_ ctx: CmdletContext) throws {
    guard let name = ctx.string("Name") else { return }
    let prefix = ctx.string("InternalIPInterfaceAddressPrefix") ?? ""
    guard try ctx.shouldProcess(name) else { return }
    let nat: NatNetwork? = try attempt(ctx, .cimMethod, target: cimTarget("MSFT_NetNat")) {
      try session.change { (s) throws(EflowError) in try s.newNat(name: name, internalPrefix: prefix) }
    }
    if let nat { try ctx.emit(.object(Self.netNatObject(nat))) }
  }

  func notFoundNat(_ ctx: CmdletContext, _ name: String) throws {
    try writeCimNotFound(ctx, "MSFT_NetNat", property: "Name", value: name)
  }

  func getNetNat(_ ctx: CmdletContext) throws {
    let state = try session.run(ctx) { try session.read() }
    let filter = NameFilter(ctx.strings("Name"))
    let found = state.nats.filter { filter.matches($0.name) }
    for nat in found { try ctx.emit(.object(Self.netNatObject(nat))) }
    for name in filter.unmatchedLiterals(found.map(\.name)) { try notFoundNat(ctx, name) }
  }

  /// Remove-NetNat. ConfirmImpact High: with -Name (or piped objects) eflowsh removes without
  /// asking; without any, the real cmdlet would remove every NAT after a prompt eflowsh cannot
  /// show, so it refuses unless -Confirm:$false is given.
  func removeNetNat(_ ctx: CmdletContext) throws {
    let state = try session.run(ctx) { try session.read() }
    var names: [String]
    // No filter: every NAT goes; in the interactive shell each is confirmed (ConfirmImpact High).
    var askEach = false
    if let objects = ctx.value("InputObject") {
      names = (objects.enumerated ?? [objects]).compactMap { v in
        if case .object(let o) = v, let n = o["Name"] { return Conversions.toString(n) }
        return nil
      }
    } else if let patterns = ctx.strings("Name") {
      let filter = NameFilter(patterns)
      names = state.nats.filter { filter.matches($0.name) }.map(\.name)
      for name in filter.unmatchedLiterals(names) { try notFoundNat(ctx, name) }
    } else {
      names = state.nats.map(\.name)
      askEach = !names.isEmpty && !ctx.confirmWaived && !ctx.whatIf && ctx.interpreter.canPrompt
      if !names.isEmpty && !ctx.confirmWaived && !ctx.whatIf && !askEach {
        throw ctx.terminatingError(
          ErrorRecord(
            exceptionType: "System.InvalidOperationException",
            message:
              "Remove-NetNat without -Name removes every NAT on the host (\(names.joined(separator: ", "))). eflowsh cannot ask for confirmation: give -Name, or run it with -Confirm:$false to remove them all.",
            errorId: "ConfirmationRequired", category: .invalidOperation))
      }
    }
    for name in names {
      guard try ctx.shouldProcess("MSFT_NetNat (Name = \"\(name)\")", action: "Delete", confirm: askEach) else { continue }
      let removed: [NatNetwork]? = try attempt(ctx, .cimQuery("Name"), target: .string(name)) {
        try session.change { (s) throws(EflowError) in try s.removeNat(name: name) }
      }
      if let removed, ctx.flag("PassThru") {
        for nat in removed { try ctx.emit(.object(Self.netNatObject(nat))) }
      }
    }
  }
}
