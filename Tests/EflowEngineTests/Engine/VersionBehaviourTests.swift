import Foundation
import Testing

@testable import EflowEngine

/// A profile pinned to a 1.1 LTS release behaves as 1.1 did.
struct VersionBehaviourTests {
  typealias F = EngineFixtures

  static func pinned(_ version: String, _ base: HostProfile = .client) -> HostState {
    var profile = base
    profile.eflowVersion = EflowVersion(version)!
    return HostState(profile: profile, seed: 11)
  }

  @Test func lts11DiskRules() throws {
    var s = Self.pinned("1.1.2110.03111")
    #expect(F.message { try s.deploy(DeployRequest(vmDataSize: 20)) } == "A parameter cannot be found that matches parameter name 'vmDataSize'.")
    #expect(F.error { try s.deploy(DeployRequest(vmLogSize: .large)) }?.kind == .parameterBinding)
    #expect(F.message { try s.deploy(DeployRequest(vmDiskSize: 300)) }
      == "Cannot validate argument on parameter 'vmDiskSize'. The 300 argument is greater than the maximum allowed range of 256. Supply an argument that is less than or equal to 256 and then try the command again.")
    #expect(F.message { try s.deploy(DeployRequest(vmDiskSize: 7)) }
      == "Cannot validate argument on parameter 'vmDiskSize'. The 7 argument is less than the minimum allowed range of 8. Supply an argument that is greater than or equal to 8 and then try the command again.")
    try s.deploy(DeployRequest(vmDiskSize: 8))
    #expect(s.vm?.diskSizeGB == 8 && s.vm?.dataSizeGB == nil && s.vm?.logSize == nil)
    var d = Self.pinned("1.1.2110.03111")
    try d.deploy(DeployRequest())
    #expect(d.vm?.diskSizeGB == 10)
    #expect(try d.vmInfo().linuxDistribution == "CBL-Mariner 1.0")
    #expect(try d.vmInfo().runtime?.iotEdgeVersion == "1.1.3")
  }

  @Test func currentDiskDefaults() throws {
    var s = F.client()
    try s.deploy(DeployRequest())
    #expect(s.vm?.diskSizeGB == 29 && s.vm?.dataSizeGB == 10 && s.vm?.logSize == .small)
    #expect(try s.vmInfo().linuxDistribution == "Azure Linux 3.0")
  }

  @Test(arguments: [
    ("1.1.2110.03111", false), ("1.1.2202.21022", true), ("1.4.1.13112", true), ("1.5.7.01026", true),
  ])
  func dnsServersCmdletAvailability(version: String, available: Bool) throws {
    var s = Self.pinned(version)
    try s.deploy(DeployRequest())
    let error = F.error { try s.setDnsServers(endpointName: nil, servers: ["1.1.1.1"]) }
    if available {
      #expect(error == nil)
      #expect(s.vm?.primaryEndpoint?.dnsServers == [F.ip("1.1.1.1")])
    } else {
      #expect(error?.kind == .commandNotFound)
      #expect(error?.message.hasPrefix("The term 'Set-EflowVmDNSServers' is not recognized") == true)
    }
  }

  @Test func defenderOnlyFrom12() throws {
    var old = Self.pinned("1.1.2202.21022")
    try old.deploy(DeployRequest())
    #expect(F.message { try old.setVMFeature("Defender", enable: true) } == "Unknown feature 'Defender' is provided.")
    var new = F.client()
    try new.deploy(DeployRequest())
    try new.setVMFeature("defender", enable: true)
    #expect(try new.vmFeature("Defender"))
  }

  @Test func staticIPRulesOf2107() throws {
    var s = Self.pinned("1.1.2107.0")
    try s.newSwitch(name: "ExtSw", type: .external, netAdapterName: "Ethernet")
    #expect(F.message { try s.deploy(DeployRequest(vswitchName: "ExtSw", vswitchType: .external, ip4Address: "192.168.1.60", ip4PrefixLength: 24, ip4GatewayAddress: "192.168.1.1")) }
      == "Static IP is only supported on ICS type virtual switch (Default Switch) in version 1.1.2107.0")
    let subnet = s.switches[0].icsSubnet!
    let address = IPv4Address(subnet.address.value + 10)
    try s.deploy(DeployRequest(ip4Address: address.description, ip4PrefixLength: 20, ip4GatewayAddress: IPv4Address(subnet.address.value + 1).description))
    #expect(s.vm?.primaryEndpoint?.allocation == .static)
    #expect(F.error { _ = try s.eflowNetworks() }?.kind == .commandNotFound)
  }

  @Test func preSwitchSelectionRelease() {
    var s = Self.pinned("1.1.2106.0")
    #expect(F.message { try s.deploy(DeployRequest(vswitchName: "Default Switch")) } == "A parameter cannot be found that matches parameter name 'vswitchName'.")
  }
}
