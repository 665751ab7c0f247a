import Foundation
import Testing

@testable import EflowEngine

struct NetworkAndEndpointTests {
  typealias F = EngineFixtures

  /// Client deployed on the Default Switch, with ExtSw added as an EFLOW network.
  static func clientWithLanNetwork() throws -> HostState {
    var s = F.client()
    try s.newSwitch(name: "ExtSw", type: .external, netAdapterName: "Ethernet")
    try s.deploy(DeployRequest())
    try s.addEflowNetwork(switchName: "ExtSw", switchType: .external)
    return s
  }

  @Test func addNetworkFollowsSkuRules() throws {
    var s = F.client()
    try s.newSwitch(name: "IntSw", type: .internal)
    try s.deploy(DeployRequest())
    #expect(F.message { try s.addEflowNetwork(switchName: "IntSw", switchType: .internal) }
      == "The virtual switch 'IntSw' of type 'Internal' is not supported on current host OS")
    #expect(F.message { try s.addEflowNetwork(switchName: "ExtSw", switchType: .external) }
      == "The virtual switch 'ExtSw' of type 'External' is not found")
    #expect(F.message { try s.addEflowNetwork(switchName: "Default Switch", switchType: nil) } == "Network 'Default Switch' already exists")
    try s.newSwitch(name: "ExtSw", type: .external, netAdapterName: "Ethernet")
    let added = try s.addEflowNetwork(switchName: "ExtSw", switchType: .external)
    #expect(added.lines == [.step("Creating vnet (name: ExtSw)")])
    #expect(added.network == NetworkInfo(name: "ExtSw", allocationMethod: "", cidr: "", type: "External"))
    #expect(try s.eflowNetworks().map(\.type) == ["ICS", "External"])
    #expect(F.message { _ = try s.eflowNetworks(switchName: "Nope") } == "Network 'Nope' does not exist")
  }

  @Test func endpointNamingAndInterfaces() throws {
    var s = try Self.clientWithLanNetwork()
    let lan = try s.addEndpoint(switchName: "ExtSw", endpointName: "OnlineEndpoint")
    #expect(lan.name == "DESKTOP-EFLOW01-EFLOW-ExtSw-OnlineEndpoint")
    #expect(lan.guestInterfaceName == "eth1")
    #expect(lan.healthStatus == "currentState:OK previousState:OK")
    #expect(lan.ipConfiguration.allocationMethod == "Dynamic" && lan.ipConfiguration.subnet == "ExtSw")
    #expect(lan.dnsServers == [F.ip("192.168.1.1")])
    #expect(lan.macAddress.hasPrefix("00:15:5d:"))
    let fixed = try s.addEndpoint(switchName: "ExtSw", endpointName: "Fixed", ip4Address: "192.168.1.70", ip4PrefixLength: 24, ip4GatewayAddress: "192.168.1.1")
    #expect(fixed.guestInterfaceName == "eth2" && fixed.ipConfiguration.allocationMethod == "Static")
    #expect(fixed.ipConfiguration.address == F.ip("192.168.1.70") && fixed.dnsServers.isEmpty)
    #expect(F.message { try s.addEndpoint(switchName: "ExtSw", endpointName: "Other", ip4Address: "192.168.1.70", ip4PrefixLength: 24, ip4GatewayAddress: "192.168.1.1") }
      == "Error: ip4Address 192.168.1.70 in use")
    #expect(F.message { try s.addEndpoint(switchName: "ExtSw", endpointName: "Fixed") }
      == "Endpoint 'DESKTOP-EFLOW01-EFLOW-ExtSw-Fixed' already exists")
    // Removing eth1 frees the name; the next endpoint takes the lowest free ethN.
    try s.removeEndpoint(name: "OnlineEndpoint")
    #expect(try s.guestRoutes().allSatisfy { $0.device != "eth1" })
    let again = try s.addEndpoint(switchName: "ExtSw", endpointName: "Again")
    #expect(again.guestInterfaceName == "eth1")
    #expect(try s.endpoints(switchName: "ExtSw").map(\.guestInterfaceName) == ["eth2", "eth1"])
  }

  @Test func endpointRules() throws {
    var s = try Self.clientWithLanNetwork()
    #expect(F.message { try s.addEndpoint(switchName: "Other", endpointName: "e") } == "Network 'Other' does not exist")
    #expect(F.message { try s.addEndpoint(switchName: "Default Switch", endpointName: "e", ip4Address: "172.16.0.9", ip4PrefixLength: 20, ip4GatewayAddress: "172.16.0.1") }
      == "Cannot set Static IP on ICS type virtual switch (Default Switch)")
    #expect(F.message { try s.addEndpoint(switchName: "ExtSw", endpointName: "e", ip4Address: "192.168.1.80") }
      == "ip4Address & ip4PrefixLength are required for StaticIP!")
    // Extra endpoints are not connectivity-tested by the host, so an off-LAN static is accepted.
    let off = try s.addEndpoint(switchName: "ExtSw", endpointName: "off", ip4Address: "10.9.9.9", ip4PrefixLength: 24, ip4GatewayAddress: "10.9.9.1")
    #expect(off.ipConfiguration.address == F.ip("10.9.9.9"))
    #expect(!s.reach(from: "eth1", to: F.ip("10.9.9.1")))
    #expect(F.message { try s.removeEndpoint(name: "DESKTOP-EFLOW01-EFLOWInterface") }
      == "Endpoint 'DESKTOP-EFLOW01-EFLOWInterface' is the virtual machine management endpoint and cannot be removed")
    #expect(F.message { try s.removeEndpoint(name: "nope") } == "Endpoint 'nope' does not exist")
    #expect(F.message { try s.removeEflowNetwork(switchName: "Default Switch") }
      == "Network 'Default Switch' is the virtual machine management network and cannot be removed")
    #expect(F.message { try s.removeEflowNetwork(switchName: "ExtSw") }
      == "Network 'ExtSw' still has endpoint 'DESKTOP-EFLOW01-EFLOW-ExtSw-off'; remove the endpoint first")
    try s.removeEndpoint(name: "off")
    try s.removeEflowNetwork(switchName: "ExtSw")
    #expect(try s.eflowNetworks().map(\.name) == ["Default Switch"])
    #expect(F.message { try s.removeEflowNetwork(switchName: "ExtSw") } == "Network 'ExtSw' does not exist")
  }

  @Test func eightAdapterLimit() throws {
    var s = try Self.clientWithLanNetwork()
    for i in 1...7 { try s.addEndpoint(switchName: "ExtSw", endpointName: "e\(i)") }
    #expect(s.vm?.endpoints.count == 8)
    #expect(Set(s.vm!.endpoints.map(\.macAddress)).count == 8)
    #expect(Set(s.vm!.endpoints.compactMap(\.address?.address)).count == 8)
    let before = s
    let error = F.error { try s.addEndpoint(switchName: "ExtSw", endpointName: "e8") }
    #expect(error?.message == "Virtual machine 'DESKTOP-EFLOW01-EFLOW' already has the maximum of 8 network adapters")
    #expect(error?.kind == .limitsExceeded)
    #expect(s == before)
  }

  @Test func dhcpPoolExhaustionOnEndpoints() throws {
    var s = try F.serverInternal(dhcp: .none)
    s.install(.dhcpServer)
    try s.addDhcpScope(startRange: F.ip("172.20.0.100"), endRange: F.ip("172.20.0.101"), subnetMask: F.ip("255.255.255.0"), name: "tiny")
    try s.deploy(DeployRequest(vswitchName: "IntSw", vswitchType: .internal))
    try s.addEndpoint(switchName: "IntSw", endpointName: "b")
    #expect(F.message { try s.addEndpoint(switchName: "IntSw", endpointName: "c") } == "Failed to acquire IP address for virtual machine")
    let leases = try s.dhcpLeases(scopeId: F.ip("172.20.0.0")).map(\.ipAddress)
    #expect(Set(leases) == [F.ip("172.20.0.100"), F.ip("172.20.0.101")])
  }

  @Test func dnsServersDhcpVersusStatic() throws {
    var dhcp = F.client()
    try dhcp.deploy(DeployRequest())
    let gateway = try #require(dhcp.vm?.primaryEndpoint?.gateway)
    #expect(try dhcp.guestInterfaces()[0].dnsServers == [gateway])

    var fixed = try F.serverInternal()
    let result = try fixed.deploy(DeployRequest(vswitchName: "IntSw", vswitchType: .internal, ip4Address: "172.20.0.10", ip4PrefixLength: 24, ip4GatewayAddress: "172.20.0.1"))
    #expect(result.lines.contains(.dnsWarning))
    #expect(try fixed.guestInterfaces()[0].dnsServers.isEmpty)
    #expect(F.message { try fixed.setDnsServers(endpointName: nil, servers: ["10.10.0.1", "8.8.8.888"]) } == "8.8.8.888 is not a valid IP4 address")
    #expect(F.error { try fixed.setDnsServers(endpointName: nil, servers: ["dns.local"]) }?.kind == .invalidArgument)
    #expect(try fixed.guestInterfaces()[0].dnsServers.isEmpty)
    try fixed.setDnsServers(endpointName: nil, servers: ["10.10.0.1"])
    #expect(try fixed.guestInterfaces()[0].dnsServers == [F.ip("10.10.0.1")])
    #expect(F.message { try fixed.setDnsServers(endpointName: "nope", servers: ["1.1.1.1"]) } == "Endpoint 'nope' does not exist")
    // Persistent across restarts; runtime DNS is not.
    try fixed.setRuntimeDns(interface: "eth0", servers: [F.ip("1.1.1.1")])
    #expect(try fixed.guestInterfaces()[0].dnsServers == [F.ip("1.1.1.1")])
    try fixed.stopVM()
    try fixed.startVM()
    #expect(try fixed.guestInterfaces()[0].dnsServers == [F.ip("10.10.0.1")])
  }

  @Test func removedSwitchBreaksTheNetwork() throws {
    var s = try Self.clientWithLanNetwork()
    try s.addEndpoint(switchName: "ExtSw", endpointName: "lan")
    #expect(s.reach(from: "eth1", to: F.ip("192.168.1.2")))
    let removed = try s.removeSwitch(name: "ExtSw")
    #expect(removed.count == 1)
    // The host's address went back to the physical adapter.
    #expect(s.addresses(onIfIndex: try s.adapter(named: "Ethernet").ifIndex).map(\.address.description) == ["192.168.1.50/24"])
    #expect(try s.endpoints(switchName: "ExtSw")[0].healthStatus == "currentState:Failed previousState:OK")
    #expect(!s.reach(from: "eth1", to: F.ip("192.168.1.2")))
    #expect(try s.guestInterfaces().first { $0.name == "eth1" }?.isUp == false)
    try s.stopVM()
    #expect(F.message { try s.startVM() } == "No adapters associated with the switch 'ExtSw' are found.")
    try s.newSwitch(name: "ExtSw", type: .external, netAdapterName: "Ethernet")
    try s.startVM()
    #expect(s.reach(from: "eth1", to: F.ip("192.168.1.2")))
  }
}
