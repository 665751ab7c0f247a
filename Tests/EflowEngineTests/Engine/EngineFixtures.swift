import Foundation
import Testing

@testable import EflowEngine

/// Hosts in the situations the rule tables need, built through the public operations (so the
/// fixtures exercise the same code as scripts do).
enum EngineFixtures {
  static let seed: UInt64 = 42

  static func client(seed: UInt64 = seed) -> HostState { HostState(profile: .client, seed: seed) }
  static func server(seed: UInt64 = seed) -> HostState { HostState(profile: .server, seed: seed) }

  static func ip(_ text: String) -> IPv4Address { IPv4Address(text)! }

  /// A host and how to get it there.
  enum Setup: CustomStringConvertible, Sendable {
    case client
    case clientExternal
    case clientInternal
    case clientPrivate
    case server
    case serverExternal
    case serverOT
    /// Internal switch `IntSw`; `vnic` nil = APIPA only.
    case serverInternal(vnic: String?, nat: Bool, dhcp: Dhcp)
    case serverDuplicateInternal
    case serverPrivate

    enum Dhcp: Sendable {
      case none, roleOnly, active, inactive, stopped, otherSubnet, scopeDns, serverDns, exhausted
    }

    var description: String {
      switch self {
      case .client: "client"
      case .clientExternal: "client+ExtSw"
      case .clientInternal: "client+IntSw"
      case .clientPrivate: "client+PrivSw"
      case .server: "server"
      case .serverExternal: "server+ExtSw(Ethernet)"
      case .serverOT: "server+OtSw(Ethernet 2)"
      case .serverInternal(let vnic, let nat, let dhcp): "server+IntSw(\(vnic ?? "apipa"),nat:\(nat),dhcp:\(dhcp))"
      case .serverDuplicateInternal: "server+2×IntSw"
      case .serverPrivate: "server+PrivSw"
      }
    }

    func make() throws -> HostState {
      switch self {
      case .client:
        return EngineFixtures.client()
      case .clientExternal:
        var s = EngineFixtures.client()
        try s.newSwitch(name: "ExtSw", type: .external, netAdapterName: "Ethernet")
        return s
      case .clientInternal:
        var s = EngineFixtures.client()
        try s.newSwitch(name: "IntSw", type: .internal)
        return s
      case .clientPrivate:
        var s = EngineFixtures.client()
        try s.newSwitch(name: "PrivSw", type: .private)
        return s
      case .server:
        return EngineFixtures.server()
      case .serverExternal:
        var s = EngineFixtures.server()
        try s.newSwitch(name: "ExtSw", type: .external, netAdapterName: "Ethernet")
        return s
      case .serverOT:
        var s = EngineFixtures.server()
        try s.newSwitch(name: "OtSw", type: .external, netAdapterName: "Ethernet 2")
        return s
      case .serverInternal(let vnic, let nat, let dhcp):
        return try EngineFixtures.serverInternal(vnic: vnic, nat: nat, dhcp: dhcp)
      case .serverDuplicateInternal:
        var s = EngineFixtures.server()
        try s.newSwitch(name: "IntSw", type: .internal)
        try s.newSwitch(name: "IntSw", type: .internal)
        return s
      case .serverPrivate:
        var s = EngineFixtures.server()
        try s.newSwitch(name: "PrivSw", type: .private)
        return s
      }
    }
  }

  /// The VSWITCH guide's sequence: Internal switch, host IP .1/24, NAT, DHCP role and scope.
  static func serverInternal(vnic: String? = "172.20.0.1", nat: Bool = true, dhcp: Setup.Dhcp = .none) throws -> HostState {
    var s = server()
    try s.newSwitch(name: "IntSw", type: .internal)
    let ifIndex = try s.adapter(named: "vEthernet (IntSw)").ifIndex
    if let vnic { try s.addIPAddress(ifIndex: ifIndex, address: vnic, prefixLength: 24) }
    if nat { try s.newNat(name: "IntSw", internalPrefix: "172.20.0.0/24") }
    let mask = ip("255.255.255.0")
    let scopeId = ip("172.20.0.0")
    switch dhcp {
    case .none:
      break
    case .roleOnly:
      s.install(.dhcpServer)
    case .active, .scopeDns, .serverDns, .stopped:
      s.install(.dhcpServer)
      try s.addDhcpScope(startRange: ip("172.20.0.100"), endRange: ip("172.20.0.200"), subnetMask: mask, name: "AzureIoTEdgeScope")
      try s.setDhcpOptions(scopeId: scopeId, router: [ip("172.20.0.1")])
      if case .scopeDns = dhcp { try s.setDhcpOptions(scopeId: scopeId, dnsServer: [ip("10.10.0.1")]) }
      if case .serverDns = dhcp { try s.setDhcpOptions(scopeId: nil, dnsServer: [ip("10.10.0.5")]) }
      if case .stopped = dhcp { try s.setDhcpService(running: false) }
    case .inactive:
      s.install(.dhcpServer)
      try s.addDhcpScope(startRange: ip("172.20.0.100"), endRange: ip("172.20.0.200"), subnetMask: mask, name: "S", state: .inactive)
    case .otherSubnet:
      s.install(.dhcpServer)
      try s.addDhcpScope(startRange: ip("172.21.0.100"), endRange: ip("172.21.0.200"), subnetMask: mask, name: "S")
    case .exhausted:
      s.install(.dhcpServer)
      try s.addDhcpScope(startRange: ip("172.20.0.1"), endRange: ip("172.20.0.1"), subnetMask: mask, name: "S")
    }
    return s
  }

  /// Runs `body` expecting an EflowError; returns its message (or a marker when none came).
  static func message<T>(_ body: () throws -> T) -> String {
    do {
      _ = try body()
      return "<no error>"
    } catch let error as EflowError {
      return error.message
    } catch {
      return "<unexpected \(error)>"
    }
  }

  static func error<T>(_ body: () throws -> T) -> EflowError? {
    do {
      _ = try body()
      return nil
    } catch let error as EflowError {
      return error
    } catch {
      return nil
    }
  }
}
