import Foundation
import Testing

@testable import EflowEngine

struct HostCmdletTests {
  typealias F = EngineFixtures

  @Test func profilesStartAsDescribed() throws {
    let client = F.client()
    #expect(client.sku == .client && client.vmName == "DESKTOP-EFLOW01-EFLOW")
    let defaultSwitch = try #require(client.switches.first)
    #expect(defaultSwitch.isDefaultSwitch && defaultSwitch.type == .internal && defaultSwitch.name == "Default Switch")
    let vnic = try client.adapter(named: "vEthernet (Default Switch)")
    #expect(client.addresses(onIfIndex: vnic.ifIndex).map(\.address.address) == [IPv4Address(defaultSwitch.icsSubnet!.address.value + 1)])
    #expect(try client.adapter(named: "Wi-Fi").status == .disconnected)
    #expect(client.hostHasInternet)

    let server = F.server()
    #expect(server.sku == .server && server.switches.isEmpty && !server.isInstalled(.dhcpServer))
    #expect(server.adapters.map(\.name) == ["Ethernet", "Ethernet 2"])
    #expect(server.dnsClientServers(ifIndex: try server.adapter(named: "Ethernet").ifIndex) == [F.ip("10.10.0.1")])
    #expect(server.hostConfiguration().numberOfLogicalProcessors == 16)
  }

  @Test func defaultSwitchSubnetDependsOnSeed() {
    let subnets = Set((0..<20).map { F.client(seed: $0).switches[0].icsSubnet! })
    #expect(subnets.count > 10)
    #expect(subnets.allSatisfy { IPv4Network("172.16.0.0/12")!.contains($0.address) && $0.prefixLength == 20 })
    #expect(F.client(seed: 5) == F.client(seed: 5))
  }

  @Test func internalSwitchGetsAPIPAUntilAddressed() throws {
    var s = F.server()
    let created = try s.newSwitch(name: "IntSw", type: .internal)
    #expect(created.id.count == 36)
    let vnic = try s.adapter(named: "vEthernet (IntSw)")
    #expect(vnic.interfaceDescription == "Hyper-V Virtual Ethernet Adapter")
    #expect(vnic.macAddress.windowsForm.hasPrefix("00-15-5D-"))
    let apipa = s.addresses(onIfIndex: vnic.ifIndex)
    #expect(apipa.count == 1 && apipa[0].address.address.isLinkLocal && apipa[0].address.prefixLength == 16 && apipa[0].origin == .linkLocal)
    try s.addIPAddress(ifIndex: vnic.ifIndex, address: "172.20.0.1", prefixLength: 24)
    #expect(s.addresses(onIfIndex: vnic.ifIndex).map(\.address.description) == ["172.20.0.1/24"])
    #expect(F.message { try s.addIPAddress(ifIndex: vnic.ifIndex, address: "172.20.0.1", prefixLength: 24) } == "Instance MSFT_NetIPAddress already exists")
    #expect(F.message { try s.addIPAddress(ifIndex: vnic.ifIndex, address: "172.20.0.300", prefixLength: 24) } == "The parameter is incorrect.")
    #expect(F.message { try s.addIPAddress(ifIndex: 999, address: "172.20.0.2", prefixLength: 24) }
      == "No MSFT_NetAdapter objects found with property 'InterfaceIndex' equal to '999'.  Verify the value of the property and retry.")
    try s.removeIPAddress("172.20.0.1")
    #expect(s.addresses(onIfIndex: vnic.ifIndex).isEmpty)
    #expect(F.message { try s.removeIPAddress("172.20.0.1") }
      == "No MSFT_NetIPAddress objects found with property 'IPAddress' equal to '172.20.0.1'.  Verify the value of the property and retry.")
  }

  @Test func externalSwitchRules() throws {
    var s = F.client()
    #expect(F.message { try s.newSwitch(name: "X", type: .external, netAdapterName: "Nope") }
      == "No MSFT_NetAdapter objects found with property 'Name' equal to 'Nope'.  Verify the value of the property and retry.")
    #expect(F.message { try s.newSwitch(name: "X", type: .external, netAdapterName: "Wi-Fi") }
      == "Failed while adding virtual Ethernet switch connections. The network adapter 'Wi-Fi' is not connected (Status: Disconnected).")
    #expect(F.message { try s.newSwitch(name: "X", type: .external, netAdapterName: "vEthernet (Default Switch)") }
      == "Failed while adding virtual Ethernet switch connections. 'vEthernet (Default Switch)' is not a physical network adapter.")
    try s.newSwitch(name: "ExtSw", type: .external, netAdapterName: "Ethernet")
    #expect(F.message { try s.newSwitch(name: "Ext2", type: .external, netAdapterName: "ethernet") }
      == "Failed while adding virtual Ethernet switch connections. External Ethernet adapter 'Ethernet' is already bound to the Microsoft Virtual Switch protocol.")
    // The host's address moved to the vNIC.
    let vnic = try s.adapter(named: "vEthernet (ExtSw)")
    #expect(s.addresses(onIfIndex: vnic.ifIndex).map(\.address.description) == ["192.168.1.50/24"])
    #expect(s.addresses(onIfIndex: try s.adapter(named: "Ethernet").ifIndex).isEmpty)
    #expect(s.hostHasInternet)
    // Duplicate names are allowed by Hyper-V.
    try s.newSwitch(name: "ExtSw", type: .private)
    #expect(try s.switches(named: "extsw").count == 2)
    #expect(F.message { _ = try s.switches(named: "Missing") } == "Hyper-V was unable to find a virtual switch with name \"Missing\".")
    #expect(F.message { try s.removeSwitch(name: "Default Switch") }
      == "Failed while removing virtual Ethernet switch. The Default Switch is managed by the system and cannot be removed.")
    try s.removeSwitch(name: "ExtSw")
    #expect(s.switches.map(\.name) == ["Default Switch"])
    #expect(s.addresses(onIfIndex: try s.adapter(named: "Ethernet").ifIndex).map(\.address.description) == ["192.168.1.50/24"])
  }

  @Test func setSwitchChangesType() throws {
    var s = F.server()
    try s.newSwitch(name: "Sw", type: .private)
    #expect(s.hostAdapter(forSwitchId: s.switches[0].id) == nil)
    try s.setSwitch(name: "Sw", switchType: .internal, notes: "lab")
    #expect(s.switches[0].type == .internal && s.switches[0].notes == "lab")
    #expect(s.hostAdapter(forSwitchId: s.switches[0].id) != nil)
    try s.setSwitch(name: "Sw", netAdapterName: "Ethernet 2")
    #expect(s.switches[0].type == .external && s.switches[0].netAdapterName == "Ethernet 2")
    #expect(s.addresses(onIfIndex: try s.adapter(named: "vEthernet (Sw)").ifIndex).map(\.address.description) == ["192.168.100.20/24"])
    try s.setSwitch(name: "Sw", allowManagementOS: false)
    #expect(s.hostAdapter(forSwitchId: s.switches[0].id) == nil)
    #expect(s.addresses(onIfIndex: try s.adapter(named: "Ethernet 2").ifIndex).count == 1)
  }

  @Test(arguments: [
    ("172.20.0.0/24", nil as String?),
    ("172.20.0.0/16", "The parameter is incorrect."),
    ("172.20.0.128/25", "The parameter is incorrect."),
    ("10.99.0.0/24", nil),
    ("not-a-prefix", "The parameter is incorrect."),
  ])
  func natOverlap(prefix: String, expected: String?) throws {
    var s = F.server()
    try s.newNat(name: "First", internalPrefix: "172.20.0.0/24")
    if prefix == "172.20.0.0/24" {
      #expect(F.message { try s.newNat(name: "first", internalPrefix: "10.1.0.0/24") } == "The parameter is incorrect.")
      return
    }
    let message = F.message { try s.newNat(name: "Second", internalPrefix: prefix) }
    #expect(message == (expected ?? "<no error>"))
  }

  @Test func natLookupAndRemoval() throws {
    var s = F.server()
    try s.newNat(name: "IntSw", internalPrefix: "172.20.0.0/24")
    #expect(try s.nat(named: "intsw").internalPrefix.description == "172.20.0.0/24")
    #expect(F.message { _ = try s.nat(named: "X") }
      == "No MSFT_NetNat objects found with property 'Name' equal to 'X'.  Verify the value of the property and retry.")
    #expect(F.message { try s.removeNat(name: "X") }
      == "No MSFT_NetNat objects found with property 'Name' equal to 'X'.  Verify the value of the property and retry.")
    try s.newNat(name: "Other", internalPrefix: "172.21.0.0/24")
    #expect(try s.removeNat(name: nil).count == 2)
    #expect(s.nats.isEmpty)
  }

  @Test func dhcpRoleAndScopes() throws {
    var s = F.server()
    let mask = F.ip("255.255.255.0")
    #expect(F.message { try s.addDhcpScope(startRange: F.ip("172.20.0.100"), endRange: F.ip("172.20.0.200"), subnetMask: mask, name: "S") }
      == "Failed to get version of the DHCP server SRV-EDGE01.")
    #expect(F.message { try s.setDhcpService(running: true) } == "Cannot find any service with service name 'dhcpserver'.")
    let installed = s.install(.dhcpServer)
    let again = s.install(.dhcpServer)
    #expect(installed && !again)
    let scope = try s.addDhcpScope(startRange: F.ip("172.20.0.100"), endRange: F.ip("172.20.0.200"), subnetMask: mask, name: "AzureIoTEdgeScope")
    #expect(scope.scopeId == F.ip("172.20.0.0") && scope.state == .active && scope.leaseDurationText == "8.00:00:00")
    #expect(F.message { try s.addDhcpScope(startRange: F.ip("172.20.0.10"), endRange: F.ip("172.20.0.20"), subnetMask: mask, name: "Dup") }
      == "Failed to add scope 172.20.0.0 on DHCP server SRV-EDGE01. The specified scope already exists.")
    #expect(F.message { try s.addDhcpScope(startRange: F.ip("172.22.0.200"), endRange: F.ip("172.22.0.100"), subnetMask: mask, name: "Backwards") }
      == "Failed to add scope 172.22.0.0 on DHCP server SRV-EDGE01. The specified IP address range is invalid.")
    #expect(F.message { try s.addDhcpScope(startRange: F.ip("172.22.0.1"), endRange: F.ip("172.22.0.9"), subnetMask: F.ip("255.0.255.0"), name: "BadMask") }
      == "Failed to add scope 172.0.0.0 on DHCP server SRV-EDGE01. The specified IP address range is invalid.")
    // The VSWITCH doc's `-ScopeID <startIp>` is not a scope id.
    #expect(F.message { try s.setDhcpOptions(scopeId: F.ip("172.20.0.100"), router: [F.ip("172.20.0.1")]) }
      == "Failed to get scope 172.20.0.100 on DHCP server SRV-EDGE01. The specified DHCP scope does not exist.")
    try s.setDhcpOptions(scopeId: F.ip("172.20.0.0"), router: [F.ip("172.20.0.1")])
    try s.setDhcpOptions(scopeId: F.ip("172.20.0.0"), dnsServer: [F.ip("10.10.0.1")])
    #expect(try s.dhcpOptionValues(scopeId: F.ip("172.20.0.0")).map(\.optionId) == [3, 6])
    #expect(try s.dhcpOptionValues(scopeId: nil).isEmpty)
    try s.setDhcpScope(scopeId: F.ip("172.20.0.0"), state: .inactive)
    #expect(try s.dhcpScopes()[0].state == .inactive)
    try s.removeDhcpScope(scopeId: F.ip("172.20.0.0"))
    #expect(try s.dhcpScopes().isEmpty)
    try s.setDhcpService(running: false)
    #expect(F.message { _ = try s.dhcpScopes() } == "Failed to get version of the DHCP server SRV-EDGE01.")
  }

  @Test func logsSummaryDescribesTheVM() throws {
    var s = try F.serverInternal(dhcp: .active)
    #expect(s.logsSummary().contains("Virtual machine: not deployed"))
    try s.deploy(DeployRequest(vswitchName: "IntSw", vswitchType: .internal))
    let summary = s.logsSummary()
    #expect(summary.contains("  IntSw [Internal]"))
    #expect(summary.contains("  IntSw 172.20.0.0/24"))
    #expect(summary.contains { $0.hasPrefix("  eth0 SRV-EDGE01-EFLOWInterface mac 00:15:5d:") && $0.contains(" Dynamic 172.20.0.") })
    #expect(summary.contains { $0.hasPrefix("  default via 172.20.0.1 dev eth0 proto dhcp") })
  }
}
