import EflowEngine
import Foundation
import PSRuntime

/// Get-/Add-/Remove-EflowNetwork, Get-/Add-/Remove-EflowVmEndpoint, Set-EflowVmDNSServers, and
/// EflowSim's Get-SimVmRoute (the guest's routing table).
extension Handlers {
  func registerEflowNetworking(into i: Interpreter) {
    let session = self.session

    eflowCmdlet(i, "Get-EflowNetwork") { ctx in
      let name = EflowIO.string(ctx, "vswitchName").flatMap { $0.isEmpty ? nil : $0 }
      let networks = try session.eflow(ctx) { try session.read().eflowNetworks(switchName: name) }
      for n in networks { try ctx.emit(Self.networkObject(n)) }
    }

    eflowCmdlet(i, "Add-EflowNetwork") { ctx in
      let name = EflowIO.string(ctx, "vswitchName") ?? ""
      let type = EflowIO.string(ctx, "vswitchType").flatMap { VirtualSwitchType(caseInsensitive: $0) }
      let answer = try session.eflow(ctx) {
        try session.change { (s) throws(EflowError) in try s.addEflowNetwork(switchName: name, switchType: type) }
      }
      EflowIO.writeProgress(ctx, session.settings, answer.lines)
      try ctx.emit(Self.networkObject(answer.network))
    }

    eflowCmdlet(i, "Remove-EflowNetwork") { ctx in
      let name = EflowIO.string(ctx, "vswitchName") ?? ""
      try session.eflow(ctx) {
        try session.change { (s) throws(EflowError) in try s.removeEflowNetwork(switchName: name) }
      }
    }

    eflowCmdlet(i, "Get-EflowVmEndpoint") { ctx in
      let name = EflowIO.string(ctx, "vswitchName").flatMap { $0.isEmpty ? nil : $0 }
      let endpoints = try session.eflow(ctx) { try session.read().endpoints(switchName: name) }
      for e in endpoints { try ctx.emit(Self.endpointObject(e, withGuestInterface: true)) }
    }

    eflowCmdlet(i, "Add-EflowVmEndpoint") { ctx in
      let switchName = EflowIO.string(ctx, "vswitchName") ?? ""
      let endpointName = EflowIO.string(ctx, "vendpointName") ?? ""
      let address = EflowIO.string(ctx, "ip4Address")
      let prefix = try EflowIO.int(ctx, "ip4PrefixLength")
      let gateway = EflowIO.string(ctx, "ip4GatewayAddress")
      let endpoint = try session.eflow(ctx) {
        try session.change { (s) throws(EflowError) in
          try s.addEndpoint(
            switchName: switchName, endpointName: endpointName, ip4Address: address, ip4PrefixLength: prefix,
            ip4GatewayAddress: gateway)
        }
      }
      try ctx.emit(Self.endpointObject(endpoint, withGuestInterface: false))
    }

    eflowCmdlet(i, "Remove-EflowVmEndpoint") { ctx in
      let name = EflowIO.string(ctx, "vendpointName") ?? ""
      try session.eflow(ctx) { try session.change { (s) throws(EflowError) in try s.removeEndpoint(name: name) } }
    }

    eflowCmdlet(i, "Set-EflowVmDNSServers") { ctx in
      let endpoint = EflowIO.string(ctx, "vendpointName")
      let servers = EflowIO.strings(ctx, "dnsServers") ?? []
      try session.eflow(ctx) {
        try session.change { (s) throws(EflowError) in try s.setDnsServers(endpointName: endpoint, servers: servers) }
      }
    }

    eflowCmdlet(i, "Get-SimVmRoute") { ctx in
      let wanted = EflowIO.strings(ctx, "GuestInterfaceName")?.map { $0.lowercased() }
      let routes = try session.eflow(ctx) { try session.read().guestRoutes() }
      for r in routes where wanted == nil || wanted!.contains(r.device.lowercased()) {
        try ctx.emit(Self.routeObject(r))
      }
    }
  }

  // MARK: - Objects

  /// `Name, AllocationMethod, Cidr, Type`, as Add-/Get-EflowNetwork print them.
  static func networkObject(_ n: NetworkInfo) -> Value {
    EflowIO.object(
      "EflowNetwork",
      [
        ("Name", .string(n.name)), ("AllocationMethod", .string(n.allocationMethod)), ("Cidr", .string(n.cidr)),
        ("Type", .string(n.type)),
      ])
  }

  /// `Name, MacAddress, HealthStatus, IpConfiguration` (+ `GuestInterfaceName` in
  /// Get-EflowVmEndpoint's 1.4 shape; Add-EflowVmEndpoint's published output has the four).
  static func endpointObject(_ e: EndpointInfo, withGuestInterface: Bool) -> Value {
    let c = e.ipConfiguration
    let ipConfiguration = EflowIO.object(
      nil,
      [
        ("Address", EflowIO.optional(c.address?.description)),
        ("PrefixLength", c.prefixLength.map { .int32(Int32($0)) } ?? .null),
        ("Gateway", EflowIO.optional(c.gateway?.description)), ("AllocationMethod", .string(c.allocationMethod)),
        ("SubNet", .string(c.subnet)),
      ])
    var properties: [(name: String, value: Value)] = [
      ("Name", .string(e.name)), ("MacAddress", .string(e.macAddress)), ("HealthStatus", .string(e.healthStatus)),
      ("IpConfiguration", ipConfiguration),
    ]
    if withGuestInterface { properties.append(("GuestInterfaceName", .string(e.guestInterfaceName))) }
    return EflowIO.object("EflowVmEndpoint", properties)
  }

  /// One row of the guest's `route -n`: Destination, Gateway, Genmask, PrefixLength, Flags
  /// (U up, G via a gateway, H host route), Metric, Iface.
  static func routeObject(_ r: GuestRoute) -> Value {
    var flags = "U"
    if r.gateway != nil { flags += "G" }
    if r.destination.prefixLength == 32 { flags += "H" }
    return EflowIO.object(
      "EflowSim.VmRoute",
      [
        ("Destination", .string(r.destination.address.description)),
        ("Gateway", .string((r.gateway ?? .any).description)), ("Genmask", .string(r.destination.mask.description)),
        ("PrefixLength", .int32(Int32(r.destination.prefixLength))), ("Flags", .string(flags)),
        ("Metric", .int32(Int32(r.metric))), ("Iface", .string(r.device)),
      ])
  }
}
