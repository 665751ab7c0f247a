@testable import EflowEngine
import Foundation
import Testing

@testable import EflowCmdlets

/// Get/Add/Remove-EflowNetwork, Get/Add/Remove-EflowVmEndpoint, Set-EflowVmDNSServers and
/// Get-SimVmRoute, on a client with the Default Switch deployment and an External switch.
struct AzureEFLOWNetworkingTests {
  /// A deployed client with the External switch `ExtSw` on the office LAN (DHCP 192.168.1.100-199).
  static func clientWithExternalSwitch() throws -> EflowHarness {
    let h = EflowHarness()
    try h.setup { (s) throws(EflowError) in try s.newSwitch(name: "ExtSw", type: .external, netAdapterName: "Ethernet") }
    h.deploy()
    return h
  }

  @Test func theDeploymentNetworkIsListed() {
    let h = EflowHarness()
    h.deploy()
    let r = h.run("foreach ($n in Get-EflowNetwork) { \"$($n.Name)|$($n.AllocationMethod)|$($n.Cidr)|$($n.Type)\" }")
    #expect(r.out == "Default Switch|||ICS\n")
    #expect(h.run("(Get-EflowNetwork -vswitchName 'default switch').Name").out == "Default Switch\n")
  }

  @Test func addEflowNetworkPrintsTheVnetLineAndReturnsTheNetwork() throws {
    let h = try Self.clientWithExternalSwitch()
    let r = h.run(
      "$n = Add-EflowNetwork -vswitchName ExtSw -vswitchType External; $n.PSObject.Properties.Name -join ','; $n.Name; $n.Type"
    )
    #expect(r.errors.isEmpty)
    #expect(r.out == "\(EflowHarness.stamp) Creating vnet (name: ExtSw)\nName,AllocationMethod,Cidr,Type\nExtSw\nExternal\n")
    #expect(h.run("@(Get-EflowNetwork).Count").out == "2\n")
  }

  @Test(arguments: [
    (
      "Add-EflowNetwork -vswitchName Nope -vswitchType External", "The virtual switch 'Nope' of type 'External' is not found"
    ),
    (
      "Add-EflowNetwork -vswitchName ExtSw -vswitchType Internal",
      "The virtual switch 'ExtSw' of type 'Internal' is not supported on current host OS"
    ),
    ("Add-EflowNetwork -vswitchName ExtSw; Add-EflowNetwork -vswitchName ExtSw", "Network 'ExtSw' already exists"),
    ("Get-EflowNetwork -vswitchName Nope", "Network 'Nope' does not exist"),
    ("Remove-EflowNetwork -vswitchName Nope", "Network 'Nope' does not exist"),
    (
      "Remove-EflowNetwork -vswitchName 'Default Switch'",
      "Network 'Default Switch' is the virtual machine management network and cannot be removed"
    ),
    (
      "Add-EflowNetwork -vswitchName ExtSw | Out-Null; Add-EflowVmEndpoint -vswitchName ExtSw -vendpointName Ep | Out-Null; Remove-EflowNetwork -vswitchName ExtSw",
      "Network 'ExtSw' still has endpoint 'DESKTOP-EFLOW01-EFLOW-ExtSw-Ep'; remove the endpoint first"
    ),
    ("Add-EflowVmEndpoint -vswitchName ExtSw -vendpointName Ep", "Network 'ExtSw' does not exist"),
    (
      "Add-EflowNetwork -vswitchName ExtSw | Out-Null; Add-EflowVmEndpoint -vswitchName ExtSw -vendpointName Ep -ip4Address 192.168.1.210",
      "ip4Address & ip4PrefixLength are required for StaticIP!"
    ),
    (
      "Add-EflowNetwork -vswitchName ExtSw | Out-Null; Add-EflowVmEndpoint -vswitchName ExtSw -vendpointName Ep -ip4Address 192.168.1.2 -ip4PrefixLength 24 -ip4GatewayAddress 192.168.1.1",
      "Error: ip4Address 192.168.1.2 in use"
    ),
    (
      "Add-EflowVmEndpoint -vswitchName 'Default Switch' -vendpointName Ep -ip4Address 172.27.220.9 -ip4PrefixLength 20 -ip4GatewayAddress 172.27.208.1",
      "Cannot set Static IP on ICS type virtual switch (Default Switch)"
    ),
    (
      "Add-EflowNetwork -vswitchName ExtSw | Out-Null; Add-EflowVmEndpoint -vswitchName ExtSw -vendpointName Ep | Out-Null; Add-EflowVmEndpoint -vswitchName ExtSw -vendpointName Ep",
      "Endpoint 'DESKTOP-EFLOW01-EFLOW-ExtSw-Ep' already exists"
    ),
    ("Remove-EflowVmEndpoint -vendpointName Nope", "Endpoint 'Nope' does not exist"),
    (
      "Remove-EflowVmEndpoint -vendpointName DESKTOP-EFLOW01-EFLOWInterface",
      "Endpoint 'DESKTOP-EFLOW01-EFLOWInterface' is the virtual machine management endpoint and cannot be removed"
    ),
    ("Set-EflowVmDNSServers -dnsServers 8.8.8.8, bogus", "bogus is not a valid IP4 address"),
    ("Set-EflowVmDNSServers -vendpointName Nope -dnsServers 8.8.8.8", "Endpoint 'Nope' does not exist"),
  ])
  func refusals(_ script: String, _ message: String) throws {
    let h = try Self.clientWithExternalSwitch()
    let r = h.run(script)
    #expect(r.error == message)
    #expect(r.errorId == message)
  }

  @Test func mandatoryParametersAreNotPromptedFor() throws {
    let h = try Self.clientWithExternalSwitch()
    let r = h.run("Add-EflowNetwork")
    #expect(r.errors.first?.fullyQualifiedErrorId.hasSuffix(",Add-EflowNetwork") == true)
  }

  @Test func endpointsOnASecondNetwork() throws {
    let h = try Self.clientWithExternalSwitch()
    let r = h.run(
      """
      Add-EflowNetwork -vswitchName ExtSw -vswitchType External | Out-Null
      $dhcp = Add-EflowVmEndpoint -vswitchName ExtSw -vendpointName Dyn
      $static = Add-EflowVmEndpoint -vswitchName ExtSw -vendpointName Fixed -ip4Address 192.168.1.210 -ip4PrefixLength 24 -ip4GatewayAddress 192.168.1.1
      $static.PSObject.Properties.Name -join ','
      $static.Name
      $static.IpConfiguration.Address
      $static.IpConfiguration.PrefixLength
      $static.IpConfiguration.Gateway
      $static.IpConfiguration.AllocationMethod
      $static.IpConfiguration.SubNet
      $dhcp.IpConfiguration.AllocationMethod
      $all = Get-EflowVmEndpoint
      $all.GuestInterfaceName -join ','
      $all[0].PSObject.Properties.Name -join ','
      $all[0].IpConfiguration.PSObject.Properties.Name -join ','
      (Get-EflowVmEndpoint -vswitchName ExtSw).Name -join ','
      $all[0].HealthStatus
      """)
    #expect(r.errors.isEmpty, "\(r.errors.map(\.message))")
    #expect(
      r.out == """
        \(EflowHarness.stamp) Creating vnet (name: ExtSw)
        Name,MacAddress,HealthStatus,IpConfiguration
        DESKTOP-EFLOW01-EFLOW-ExtSw-Fixed
        192.168.1.210
        24
        192.168.1.1
        Static
        ExtSw
        Dynamic
        eth0,eth1,eth2
        Name,MacAddress,HealthStatus,IpConfiguration,GuestInterfaceName
        Address,PrefixLength,Gateway,AllocationMethod,SubNet
        DESKTOP-EFLOW01-EFLOW-ExtSw-Dyn,DESKTOP-EFLOW01-EFLOW-ExtSw-Fixed
        currentState:OK previousState:OK

        """)
    let dyn = try #require(try h.state().vm?.endpoints.first { $0.name.hasSuffix("-Dyn") })
    let lease = try #require(dyn.address?.address)
    #expect((IPv4Address("192.168.1.100")!...IPv4Address("192.168.1.199")!).contains(lease), "a lease from the LAN's DHCP pool")

    // Removing by the short name, then the network.
    let removed = h.run(
      "Remove-EflowVmEndpoint -vendpointName Dyn; Remove-EflowVmEndpoint -vendpointName DESKTOP-EFLOW01-EFLOW-ExtSw-Fixed; Remove-EflowNetwork -vswitchName ExtSw; @(Get-EflowVmEndpoint).Count; @(Get-EflowNetwork).Count"
    )
    #expect(removed.errors.isEmpty, "\(removed.errors.map(\.message))")
    #expect(removed.out == "1\n1\n")
  }

  @Test func dnsServersGoToThePrimaryEndpointByDefault() throws {
    let h = try Self.clientWithExternalSwitch()
    let r = h.run("Set-EflowVmDNSServers -dnsServers '10.0.0.53', '8.8.8.8'; Set-EflowVmDNSServers 1.1.1.1 -vendpointName DESKTOP-EFLOW01-EFLOWInterface")
    #expect(r.errors.isEmpty, "\(r.errors.map(\.message))")
    #expect(r.out.isEmpty)
    #expect(try h.state().vm?.primaryEndpoint?.dnsServers.map(\.description) == ["1.1.1.1"])
    h.run("Set-EflowVmDNSServers @('10.0.0.53', '8.8.8.8')")
    #expect(try h.state().vm?.primaryEndpoint?.dnsServers.map(\.description) == ["10.0.0.53", "8.8.8.8"])
  }

  @Test func simVmRouteShowsTheGuestRoutingTable() {
    let h = EflowHarness()
    h.deploy()
    let r = h.run(
      """
      foreach ($r in Get-SimVmRoute) { "$($r.Destination) $($r.Gateway) $($r.Genmask) /$($r.PrefixLength) $($r.Flags) $($r.Metric) $($r.Iface)" }
      @(Get-SimVmRoute -GuestInterfaceName eth0).Count
      (Get-SimVmRoute docker0).Destination
      (Get-SimVmRoute)[0].Gateway
      """)
    #expect(r.errors.isEmpty, "\(r.errors.map(\.message))")
    #expect(
      r.out == """
        0.0.0.0 172.27.208.1 0.0.0.0 /0 UG 1024 eth0
        172.27.208.0 0.0.0.0 255.255.240.0 /20 U 1024 eth0
        172.27.208.1 0.0.0.0 255.255.255.255 /32 UH 1024 eth0
        172.17.0.0 0.0.0.0 255.255.0.0 /16 U 0 docker0
        3
        172.17.0.0
        172.27.208.1

        """)
  }
}

/// The type names views select on (the formatter's view registry lands separately).
struct AzureEFLOWTypeNameTests {
  @Test func outputObjectsCarryTheirTypeNames() {
    let network = Handlers.networkObject(NetworkInfo(name: "n", allocationMethod: "", cidr: "", type: "External"))
    let endpoint = Handlers.endpointObject(
      EndpointInfo(
        name: "e", macAddress: "00:15:5d:00:00:01", healthStatus: "currentState:OK previousState:OK",
        ipConfiguration: .init(address: nil, prefixLength: nil, gateway: nil, allocationMethod: "Dynamic", subnet: "n"),
        guestInterfaceName: "eth1", dnsServers: []),
      withGuestInterface: true)
    let route = Handlers.routeObject(GuestRoute(destination: .defaultRoute, gateway: IPv4Address("10.0.0.1"), device: "eth0"))
    #expect([network, endpoint, route].map(\.typeName) == ["EflowNetwork", "EflowVmEndpoint", "EflowSim.VmRoute"])
  }
}
