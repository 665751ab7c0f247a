import EflowEngine
import Foundation
import PSRuntime

/// DhcpServer: Add-/Get-/Remove-DhcpServerv4Scope, Set-/Get-DhcpServerv4OptionValue.
extension Handlers {
  func registerHostDhcp(into i: Interpreter) {
    i.registerHandler("Add-DhcpServerv4Scope") { [self] in CmdletBody(process: { ctx, _ in try self.addDhcpScope(ctx) }) }
    i.registerHandler("Get-DhcpServerv4Scope") { [self] in CmdletBody(process: { ctx, _ in try self.getDhcpScope(ctx) }) }
    i.registerHandler("Remove-DhcpServerv4Scope") { [self] in
      CmdletBody(process: { ctx, _ in try self.removeDhcpScope(ctx) })
    }
    i.registerHandler("Set-DhcpServerv4OptionValue") { [self] in
      CmdletBody(process: { ctx, _ in try self.setDhcpOptionValue(ctx) })
    }
    i.registerHandler("Get-DhcpServerv4OptionValue") { [self] in
      CmdletBody(process: { ctx, _ in try self.getDhcpOptionValue(ctx) })
    }
  }

  static let dhcpNamespace = "root/Microsoft/Windows/DHCP"

  /// DhcpServerv4Scope. Settings the simulation does not keep (Type, Delay, superscope, NAP,
  /// BOOTP, policies) show their defaults.
  static func dhcpScopeObject(_ scope: DhcpScope) -> PSObject {
    hostObject(
      cimType("\(dhcpNamespace)/DhcpServerv4Scope"),
      [
        ("ScopeId", ipValue(scope.scopeId)),
        ("SubnetMask", ipValue(scope.subnetMask)),
        ("Name", .string(scope.name)),
        ("State", .string(scope.state.rawValue)),
        ("StartRange", ipValue(scope.startRange)),
        ("EndRange", ipValue(scope.endRange)),
        ("LeaseDuration", timeSpan(seconds: scope.leaseDurationSeconds)),
        ("Description", .string(scope.description)),
        ("SuperscopeName", .string("")),
        ("MaxBootpClients", .int64(4_294_967_295)),
        ("ActivatePolicies", .bool(true)),
        ("Delay", .int32(0)),
        ("NapEnable", .bool(false)),
        ("NapProfile", .string("")),
        ("Type", .string("Dhcp")),
      ])
  }

  static func dhcpOptionObject(_ o: DhcpOptionValue, vendorClass: String = "", userClass: String = "", policy: String = "")
    -> PSObject
  {
    hostObject(
      cimType("\(dhcpNamespace)/DhcpServerv4OptionValue"),
      [
        ("Name", .string(o.name)), ("OptionId", .int32(Int32(o.optionId))), ("Type", .string(o.type)),
        ("Value", stringArray(o.value)), ("VendorClass", .string(vendorClass)), ("UserClass", .string(userClass)),
        ("PolicyName", .string(policy)),
      ])
  }

  /// An `[ipaddress]` parameter as an engine address.
  func ipv4(_ ctx: CmdletContext, _ name: String) -> IPv4Address? { ctx.string(name).flatMap { IPv4Address($0) } }

  func addDhcpScope(_ ctx: CmdletContext) throws {
    guard let start = ipv4(ctx, "StartRange"), let end = ipv4(ctx, "EndRange"), let mask = ipv4(ctx, "SubnetMask"),
      let name = ctx.string("Name")
    else {
      try ctx.writeError(
        HostErrorStyle.dhcp.record(EflowError(.invalidArgument, "The parameter is incorrect."), target: .null, ctx: ctx))
      return
    }
    let state: DhcpScope.State = ctx.string("State")?.caseInsensitiveEquals("InActive") == true ? .inactive : .active
    let lease = ctx.seconds("LeaseDuration") ?? 8 * 86400
    let description = ctx.string("Description") ?? ""
    let scopeText = IPv4Address(start.value & mask.value).description
    guard try ctx.shouldProcess(scopeText) else { return }
    let scope: DhcpScope? = try attempt(ctx, .dhcp, target: .string(scopeText)) {
      try session.change { (s) throws(EflowError) in
        try s.addDhcpScope(
          startRange: start, endRange: end, subnetMask: mask, name: name, state: state, leaseDurationSeconds: lease,
          description: description)
      }
    }
    if let scope, ctx.flag("PassThru") { try ctx.emit(.object(Self.dhcpScopeObject(scope))) }
  }

  func getDhcpScope(_ ctx: CmdletContext) throws {
    let ids = ctx.strings("ScopeId")
    if let ids {
      for text in ids {
        let scopes: [DhcpScope]? = try attempt(ctx, .dhcp, target: .string(text)) {
          let state = try session.read()
          guard let id = IPv4Address(text) else {
            throw EflowError(.objectNotFound, "Failed to get scope \(text) on DHCP server \(state.computerName).")
          }
          return try state.dhcpScopes(scopeId: id)
        }
        for scope in scopes ?? [] { try ctx.emit(.object(Self.dhcpScopeObject(scope))) }
      }
      return
    }
    let scopes: [DhcpScope]? = try attempt(ctx, .dhcp, target: .null) { try session.read().dhcpScopes() }
    for scope in scopes ?? [] { try ctx.emit(.object(Self.dhcpScopeObject(scope))) }
  }

  func removeDhcpScope(_ ctx: CmdletContext) throws {
    for text in ctx.strings("ScopeId") ?? [] {
      guard let id = IPv4Address(text) else { continue }
      guard try ctx.shouldProcess(text) else { continue }
      let removed: DhcpScope? = try attempt(ctx, .dhcp, target: .string(text)) {
        try session.change { (s) throws(EflowError) in try s.removeDhcpScope(scopeId: id) }
      }
      if let removed, ctx.flag("PassThru") { try ctx.emit(.object(Self.dhcpScopeObject(removed))) }
    }
  }

  func setDhcpOptionValue(_ ctx: CmdletContext) throws {
    let scopeText = ctx.string("ScopeId")
    let scopeId = scopeText.flatMap { IPv4Address($0) }
    var router = ctx.strings("Router").map { $0.compactMap { IPv4Address($0) } }
    var dns = ctx.strings("DnsServer").map { $0.compactMap { IPv4Address($0) } }
    var domain = ctx.string("DnsDomain")
    if let optionId = ctx.int("OptionId") {
      let values = ctx.strings("Value") ?? []
      switch optionId {
      case 3: router = values.compactMap { IPv4Address($0) }
      case 6: dns = values.compactMap { IPv4Address($0) }
      case 15: domain = values.first
      default:
        let computer = try session.run(ctx) { try session.read() }.computerName
        try ctx.writeError(
          HostErrorStyle.dhcp.record(
            EflowError(
              .objectNotFound,
              "Failed to set value for option \(optionId) on DHCP server \(computer). The specified option does not exist."),
            target: .string(String(optionId)), ctx: ctx))
        return
      }
    }
    guard try ctx.shouldProcess(scopeText ?? "server") else { return }
    let values: [DhcpOptionValue]? = try attempt(ctx, .dhcp, target: .string(scopeText ?? "")) {
      try session.change { (s) throws(EflowError) in
        try s.setDhcpOptions(scopeId: scopeId, router: router, dnsServer: dns, dnsDomain: domain)
        return try s.dhcpOptionValues(scopeId: scopeId)
      }
    }
    if let values, ctx.flag("PassThru") {
      let changed: Set<Int> = Set([router.map { _ in 3 }, dns.map { _ in 6 }, domain.map { _ in 15 }].compactMap { $0 })
      for v in values where changed.contains(v.optionId) { try ctx.emit(.object(Self.dhcpOptionObject(v))) }
    }
  }

  func getDhcpOptionValue(_ ctx: CmdletContext) throws {
    let scopeText = ctx.string("ScopeId")
    let wanted = ctx.ints("OptionId")
    let values: ([DhcpOptionValue], String)? = try attempt(ctx, .dhcp, target: .string(scopeText ?? "")) {
      let state = try session.read()
      guard let scopeText else { return (try state.dhcpOptionValues(scopeId: nil), state.computerName) }
      guard let id = IPv4Address(scopeText) else {
        throw EflowError(.objectNotFound, "Failed to get scope \(scopeText) on DHCP server \(state.computerName).")
      }
      return (try state.dhcpOptionValues(scopeId: id), state.computerName)
    }
    guard let (rows, computer) = values else { return }
    for v in rows where wanted?.contains(v.optionId) ?? true { try ctx.emit(.object(Self.dhcpOptionObject(v))) }
    for id in wanted ?? [] where !rows.contains(where: { $0.optionId == id }) {
      let place = scopeText.map { "scope \($0)" } ?? "server level"
      try ctx.writeError(
        HostErrorStyle.dhcp.record(
          EflowError(
            .objectNotFound,
            "Failed to get option value \(id) at \(place) on DHCP server \(computer). The specified option value does not exist."),
          target: .string(String(id)), ctx: ctx))
    }
  }
}
