import Foundation
import Testing

@testable import EflowEngine

struct GuestRoutingTests {
  typealias F = EngineFixtures

  static func defaultDevice(_ s: HostState) throws -> String {
    try #require(try s.routeLookup(to: F.ip("8.8.8.8"))).device
  }

  @Test func dhcpAndStaticMetrics() throws {
    var s = F.client()
    try s.newSwitch(name: "ExtSw", type: .external, netAdapterName: "Ethernet")
    try s.deploy(DeployRequest())
    try s.addEflowNetwork(switchName: "ExtSw", switchType: .external)
    try s.addEndpoint(switchName: "ExtSw", endpointName: "fixed", ip4Address: "192.168.1.70", ip4PrefixLength: 24, ip4GatewayAddress: "192.168.1.1")
    let routes = try s.guestRoutes()
    let defaults = routes.filter(\.isDefault)
    #expect(defaults.count == 2)
    #expect(defaults.first { $0.device == "eth0" }?.metric == 1024)
    #expect(defaults.first { $0.device == "eth0" }?.protocol == .dhcp)
    #expect(defaults.first { $0.device == "eth1" }?.metric == 0)
    #expect(routes.contains { $0.device == "docker0" && $0.destination.description == "172.17.0.0/16" })
    #expect(routes.contains { $0.device == "eth1" && $0.destination.description == "192.168.1.0/24" && $0.metric == 0 && $0.scope == .link })
    #expect(routes.first { $0.device == "eth1" && $0.isDefault }?.iprouteText == "default via 192.168.1.1 dev eth1 proto static")
    // The static NIC wins whatever the bring-up order.
    for _ in 0..<4 {
      #expect(try Self.defaultDevice(s) == "eth1")
      try s.stopVM()
      try s.startVM()
    }
  }

  @Test func equalMetricOrderIsRedrawnDeterministically() throws {
    func sequence(_ seed: UInt64) throws -> [String] {
      var s = F.client(seed: seed)
      try s.newSwitch(name: "ExtSw", type: .external, netAdapterName: "Ethernet")
      try s.deploy(DeployRequest())
      try s.addEflowNetwork(switchName: "ExtSw", switchType: .external)
      try s.addEndpoint(switchName: "ExtSw", endpointName: "lan")
      var devices: [String] = []
      for _ in 0..<10 {
        try s.stopVM()
        try s.startVM()
        #expect(try s.guestRoutes().filter(\.isDefault).allSatisfy { $0.metric == 1024 })
        devices.append(try Self.defaultDevice(s))
      }
      return devices
    }
    let first = try sequence(99)
    #expect(try sequence(99) == first)
    #expect(Set(first) == ["eth0", "eth1"], "two DHCP NICs take turns carrying the default route")
  }

  @Test func customRoutesAreLostAtRestart() throws {
    var s = F.client()
    try s.deploy(DeployRequest())
    let eth0 = try #require(s.vm?.primaryEndpoint)
    let gateway = try #require(eth0.gateway)
    let original = try s.guestRoutes()
    try s.deleteGuestRoute(destination: .defaultRoute, device: "eth0")
    #expect(!s.reach(to: F.ip("8.8.8.8")))
    #expect(F.message { try s.deleteGuestRoute(destination: .defaultRoute) } == "RTNETLINK answers: No such process")
    try s.addGuestRoute(GuestRoute(destination: .defaultRoute, gateway: gateway, device: "eth0", metric: 5, protocol: .boot))
    #expect(s.reach(to: F.ip("8.8.8.8")))
    #expect(F.message { try s.addGuestRoute(GuestRoute(destination: .defaultRoute, gateway: gateway, device: "eth0", metric: 5)) } == "RTNETLINK answers: File exists")
    #expect(F.message { try s.addGuestRoute(GuestRoute(destination: .defaultRoute, gateway: F.ip("10.0.0.1"), device: "eth0", metric: 7)) } == "RTNETLINK answers: Network is unreachable")
    #expect(F.message { try s.addGuestRoute(GuestRoute(destination: .defaultRoute, device: "eth9")) } == "Cannot find device \"eth9\"")
    try s.replaceGuestRoute(GuestRoute(destination: .defaultRoute, gateway: gateway, device: "eth0", metric: 5, protocol: .static))
    #expect(try s.guestRoutes().filter(\.isDefault).map(\.protocol) == [.static])
    #expect(try s.onLinkDevice(for: gateway) == "eth0")
    try s.stopVM()
    try s.startVM()
    #expect(try s.guestRoutes() == original)
  }

  struct ReachRow: Sendable, CustomTestStringConvertible {
    var name: String
    var setup: EngineFixtures.Setup
    var request: DeployRequest
    var target: String
    var reachable: Bool
    var testDescription: String { name }
  }

  static let internalStatic = DeployRequest(vswitchName: "IntSw", vswitchType: .internal, ip4Address: "172.20.0.10", ip4PrefixLength: 24, ip4GatewayAddress: "172.20.0.1")

  static let reachRows: [ReachRow] = [
    ReachRow(name: "Default Switch → internet", setup: .client, request: DeployRequest(), target: "8.8.8.8", reachable: true),
    ReachRow(name: "Default Switch → host LAN device (ICS NAT)", setup: .client, request: DeployRequest(), target: "192.168.1.2", reachable: true),
    ReachRow(name: "Default Switch → host", setup: .client, request: DeployRequest(), target: "192.168.1.50", reachable: true),
    ReachRow(name: "Default Switch → unknown LAN address", setup: .client, request: DeployRequest(), target: "192.168.1.123", reachable: false),
    ReachRow(name: "LAN DHCP → internet", setup: .clientExternal, request: DeployRequest(vswitchName: "ExtSw", vswitchType: .external), target: "8.8.8.8", reachable: true),
    ReachRow(name: "LAN DHCP → LAN device", setup: .clientExternal, request: DeployRequest(vswitchName: "ExtSw", vswitchType: .external), target: "192.168.1.2", reachable: true),
    ReachRow(name: "Internal + NAT → internet", setup: .serverInternal(vnic: "172.20.0.1", nat: true, dhcp: .none), request: internalStatic, target: "1.1.1.1", reachable: true),
    ReachRow(name: "Internal + NAT → office LAN device", setup: .serverInternal(vnic: "172.20.0.1", nat: true, dhcp: .none), request: internalStatic, target: "10.10.0.5", reachable: true),
    ReachRow(name: "Internal without NAT → internet", setup: .serverInternal(vnic: "172.20.0.1", nat: false, dhcp: .none), request: internalStatic, target: "1.1.1.1", reachable: false),
    ReachRow(name: "Internal without NAT → host", setup: .serverInternal(vnic: "172.20.0.1", nat: false, dhcp: .none), request: internalStatic, target: "172.20.0.1", reachable: true),
    ReachRow(name: "Internal without NAT → host's LAN address", setup: .serverInternal(vnic: "172.20.0.1", nat: false, dhcp: .none), request: internalStatic, target: "10.10.0.20", reachable: true),
    ReachRow(name: "Internal static + NAT with DHCP role → internet", setup: .serverInternal(vnic: "172.20.0.1", nat: true, dhcp: .roleOnly), request: internalStatic, target: "1.1.1.1", reachable: true),
    ReachRow(name: "OT static → PLC", setup: .serverOT, request: DeployRequest(vswitchName: "OtSw", vswitchType: .external, ip4Address: "192.168.100.30", ip4PrefixLength: 24, ip4GatewayAddress: "192.168.100.1"), target: "192.168.100.12", reachable: true),
    ReachRow(name: "OT static → internet", setup: .serverOT, request: DeployRequest(vswitchName: "OtSw", vswitchType: .external, ip4Address: "192.168.100.30", ip4PrefixLength: 24, ip4GatewayAddress: "192.168.100.1"), target: "8.8.8.8", reachable: false),
    ReachRow(name: "office static with wrong gateway → internet", setup: .serverExternal, request: DeployRequest(vswitchName: "ExtSw", vswitchType: .external, ip4Address: "10.10.0.30", ip4PrefixLength: 24, ip4GatewayAddress: "10.10.0.254"), target: "8.8.8.8", reachable: false),
    ReachRow(name: "office static → internet", setup: .serverExternal, request: DeployRequest(vswitchName: "ExtSw", vswitchType: .external, ip4Address: "10.10.0.30", ip4PrefixLength: 24, ip4GatewayAddress: "10.10.0.1"), target: "8.8.8.8", reachable: true),
    ReachRow(name: "docker bridge", setup: .client, request: DeployRequest(), target: "172.17.0.1", reachable: true),
  ]

  @Test(arguments: reachRows)
  func reachability(row: ReachRow) throws {
    var s = try row.setup.make()
    try s.deploy(row.request)
    #expect(s.reach(to: F.ip(row.target)) == row.reachable)
    try s.stopVM()
    #expect(!s.reach(to: F.ip(row.target)), "a stopped VM reaches nothing")
  }

  @Test func dhcpScopeWithoutRouterGivesNoDefaultRoute() throws {
    var s = try F.serverInternal(dhcp: .roleOnly)
    try s.addDhcpScope(startRange: F.ip("172.20.0.100"), endRange: F.ip("172.20.0.200"), subnetMask: F.ip("255.255.255.0"), name: "NoRouter")
    try s.deploy(DeployRequest(vswitchName: "IntSw", vswitchType: .internal))
    #expect(try s.guestRoutes().filter(\.isDefault).isEmpty)
    #expect(!s.reach(to: F.ip("8.8.8.8")))
    #expect(s.reach(to: F.ip("172.20.0.1")))
  }

  @Test func guestInterfaceView() throws {
    var s = F.client()
    let result = try s.deploy(DeployRequest())
    let eth0 = try #require(try s.guestInterfaces().first)
    #expect(eth0.name == "eth0" && eth0.macAddress == result.macAddress && eth0.isUp)
    #expect(eth0.ipv6LinkLocal == result.macAddress.ipv6LinkLocal && eth0.ipv6LinkLocal.hasPrefix("fe80::215:5dff:fe"))
    #expect(eth0.address?.address == result.ipAddress)
  }
}
