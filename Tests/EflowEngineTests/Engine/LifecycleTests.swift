import Foundation
import Testing

@testable import EflowEngine

struct LifecycleTests {
  typealias F = EngineFixtures

  @Test func secondDeployIsRefused() throws {
    var s = F.client()
    try s.deploy(DeployRequest())
    let before = s
    #expect(F.message { try s.deploy(DeployRequest()) }
      == "An existing virtual machine was detected. To redeploy the virtual machine, please uninstall and re-install Azure IoT Edge LTS.")
    #expect(s == before)
  }

  @Test func vmCmdletsBeforeDeploy() {
    var s = F.client()
    let notDeployed = "Virtual machine does not exist, deploy it first"
    #expect(F.message { try s.startVM() } == notDeployed)
    #expect(F.message { _ = try s.vmAddress() } == notDeployed)
    #expect(F.message { _ = try s.vmInfo() } == notDeployed)
    #expect(F.message { try s.provision(ProvisionRequest(type: .dpsTpm, scopeId: "0ne")) } == notDeployed)
    #expect(!s.isVMDeployed)
  }

  @Test func stoppedVMRefusesVMOperations() throws {
    var s = F.client()
    try s.deploy(DeployRequest())
    try s.stopVM()
    let off = "Can't process request, EFLOW VM is OFF!"
    #expect(s.vm?.powerState == .off)
    #expect(F.message { _ = try s.vmAddress() } == off)
    #expect(F.message { try s.setVM(cpuCount: 2, memoryInMB: nil) } == off)
    #expect(F.message { try s.setDnsServers(endpointName: nil, servers: ["8.8.8.8"]) } == off)
    #expect(F.message { try s.addEndpoint(switchName: "Default Switch", endpointName: "e") } == off)
    #expect(F.message { _ = try s.vmFeature("DpsTpm") } == off)
    #expect(F.error { _ = try s.guestRoutes() }?.kind == .invalidOperation)
    // Host-side information still answers while off.
    #expect(try s.vmInfo().powerState == .off)
    #expect(try s.vmInfo().runtime == nil)
    #expect(try s.vmNameQuery() == "DESKTOP-EFLOW01-EFLOW")
    #expect(s.isVMDeployed)
  }

  @Test func macAndLeaseSurviveStopStart() throws {
    var s = F.client()
    let result = try s.deploy(DeployRequest())
    let primary = try #require(s.vm?.primaryEndpoint)
    #expect(primary.macAddress.bytes.prefix(3) == [0x00, 0x15, 0x5D])
    #expect(primary.name == "DESKTOP-EFLOW01-EFLOWInterface")
    #expect(primary.guestInterface == "eth0")
    for _ in 0..<3 {
      try s.stopVM()
      try s.startVM()
      let after = try #require(s.vm?.primaryEndpoint)
      #expect(after.macAddress == result.macAddress)
      #expect(after.address?.address == result.ipAddress)
      let address = try s.vmAddress()
      #expect(address.mac == result.macAddress && address.ip == result.ipAddress)
      #expect(address.lines.map(\.rendered) == [
        "Querying IP and MAC addresses from virtual machine (DESKTOP-EFLOW01-EFLOW)",
        " - Virtual machine MAC: \(result.macAddress.linuxForm)",
        " - Virtual machine IP : \(result.ipAddress!) retrieved directly from virtual machine",
      ])
    }
    #expect(s.vm?.bootCount == 4)
  }

  @Test func startAndStopAreIdempotent() throws {
    var s = F.client()
    try s.deploy(DeployRequest())
    let running = s
    try s.startVM()
    #expect(s == running)
    try s.stopVM()
    let off = s
    try s.stopVM()
    #expect(s == off)
  }

  @Test func deployProgressLines() throws {
    var s = F.client()
    let result = try s.deploy(DeployRequest())
    let text = result.lines.map(\.rendered)
    #expect(text.first == "Deploying Azure IoT Edge for Linux on Windows")
    #expect(text.contains(" - Checking the status of 'Microsoft-Hyper-V'"))
    #expect(text.contains("Creating vnet (name: Default Switch)"))
    #expect(text.contains(" - Virtual machine MAC: \(result.macAddress.linuxForm)"))
    #expect(!text.contains(ProgressLine.dnsWarning.rendered))
    #expect(text.last == "Deployment successful")
  }

  @Test func setVMResizesOnlyWithinHost() throws {
    var s = F.client()
    try s.deploy(DeployRequest(cpuCount: 2, memoryInMB: 2048))
    try s.setVM(cpuCount: 4, memoryInMB: 4096)
    #expect(s.vm?.cpuCount == 4 && s.vm?.memoryMB == 4096)
    #expect(F.message { try s.setVM(cpuCount: 16, memoryInMB: nil) } == "Not enough CPU cores available.")
    #expect(F.message { try s.setVM(cpuCount: nil, memoryInMB: 4095) } == "Error: memoryInMB must be an even number")
    #expect(s.vm?.cpuCount == 4)
    #expect(s.hostConfiguration().freePhysicalMemoryInMB == 12288 - 4096)
    #expect(s.hostConfiguration().diskInfo[0].freeSizeInGB == 200 - 29 - 10 - 1)
  }

  @Test func sameSeedSameBytes() throws {
    func run(_ seed: UInt64) throws -> Data {
      var s = F.client(seed: seed)
      try s.newSwitch(name: "ExtSw", type: .external, netAdapterName: "Ethernet")
      try s.deploy(DeployRequest())
      try s.addEflowNetwork(switchName: "ExtSw", switchType: .external)
      try s.addEndpoint(switchName: "ExtSw", endpointName: "lan")
      try s.stopVM()
      try s.startVM()
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys]
      return try encoder.encode(s)
    }
    #expect(try run(1234) == run(1234))
    #expect(try run(1234) != run(1235))
  }

  @Test func stateRoundTripsThroughJSON() throws {
    var s = try F.serverInternal(dhcp: .scopeDns)
    try s.deploy(DeployRequest(vswitchName: "IntSw", vswitchType: .internal))
    try s.setVMFeature("DpsTpm", enable: true)
    try s.provision(ProvisionRequest(type: .dpsTpm, scopeId: "0ne00000001"))
    let data = try JSONEncoder().encode(s)
    let decoded = try JSONDecoder().decode(HostState.self, from: data)
    #expect(decoded == s)
    #expect(decoded.schemaVersion == HostState.currentSchemaVersion)
    // The random source continues where it left off in the next process.
    var a = s, b = decoded
    let first = try a.addEndpoint(switchName: "IntSw", endpointName: "second")
    let second = try b.addEndpoint(switchName: "IntSw", endpointName: "second")
    #expect(first == second)
    #expect(a == b)
  }
}
