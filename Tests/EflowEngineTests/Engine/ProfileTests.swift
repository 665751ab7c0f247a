import Foundation
import Testing

@testable import EflowEngine

struct ProfileTests {
  typealias F = EngineFixtures

  static func withTempFile<R>(_ text: String, _ body: (String) throws -> R) throws -> R {
    let path = NSTemporaryDirectory() + "eflow-profile-\(UUID().uuidString).json"
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try body(path)
  }

  @Test(arguments: ["client", "server"])
  func builtInRoundTrip(name: String) throws {
    let profile = try #require(HostProfile.builtIn(named: name))
    #expect(profile.validationProblem() == nil)
    let decoded = try HostProfile.decode(Data(profile.jsonText().utf8), source: "\(name).json")
    #expect(decoded == profile)
    #expect(try HostProfile.resolve(name.uppercased()) == profile)
  }

  @Test func builtInFacts() {
    let client = HostProfile.client, server = HostProfile.server
    #expect(client.computerName == "DESKTOP-EFLOW01" && client.operatingSystem.buildNumber == 22631 && client.sku == .client)
    #expect(client.logicalProcessors == 8 && client.totalMemoryMB == 16384 && client.systemDrive.freeGB == 200)
    #expect(server.computerName == "SRV-EDGE01" && server.operatingSystem.productType == 3 && server.sku == .server)
    #expect(server.logicalProcessors == 16 && server.totalMemoryMB == 32768 && server.systemDrive.freeGB == 500)
    #expect(client.eflowVersion == .currentLTS && client.eflowVersion.text == "1.5.7.01026")
  }

  static let customJSON = """
    {
      "name": "factory",
      "computerName": "FACTORY-PC7",
      "operatingSystem": { "caption": "Microsoft Windows 10 IoT Enterprise", "version": "10.0.19044", "buildNumber": 19044, "productType": 1 },
      "logicalProcessors": 4, "totalMemoryMB": 8192, "freeMemoryMB": 6144,
      "systemDrive": { "letter": "D", "sizeGB": 256, "freeGB": 64 },
      "adapters": [
        { "name": "Plant", "interfaceDescription": "Realtek PCIe GbE", "macAddress": "00-E0-4C-68-00-01",
          "status": "Up", "linkSpeed": "1 Gbps",
          "ipv4": { "address": "10.50.0.9/16", "origin": "manual" },
          "lan": { "subnet": "10.50.0.0/16", "gateway": "10.50.0.1", "dnsServers": ["10.50.0.2"], "internet": false,
                   "dhcp": { "start": "10.50.1.0", "end": "10.50.1.3" },
                   "addressesInUse": ["10.50.0.1", "10.50.0.2", "10.50.0.9", "10.50.1.1"] } }
      ],
      "switches": [ { "name": "PlantSw", "type": "External", "netAdapterName": "Plant" } ]
    }
    """

  @Test func customProfileFromJSON() throws {
    let profile = try Self.withTempFile(Self.customJSON) { path in try HostProfile.resolve(path) }
    #expect(profile.name == "factory" && profile.sku == .client && profile.defaultSwitch)
    #expect(profile.eflowVersion == .currentLTS && profile.hyperVEnabled && profile.tpmPresent)
    var s = HostState(profile: profile, seed: 3)
    #expect(s.switches.map(\.name) == ["Default Switch", "PlantSw"])
    let result = try s.deploy(DeployRequest(vswitchName: "PlantSw", vswitchType: .external))
    let address = try #require(result.ipAddress)
    #expect([F.ip("10.50.1.0"), F.ip("10.50.1.2"), F.ip("10.50.1.3")].contains(address))
    #expect(s.vm?.name == "FACTORY-PC7-EFLOW")
    #expect(s.vm?.primaryEndpoint?.dnsServers == [F.ip("10.50.0.2")])
    #expect(s.reach(to: F.ip("10.50.0.1")) && !s.reach(to: F.ip("8.8.8.8")))
    #expect(F.message { try s.deploy(DeployRequest()) }.hasPrefix("An existing virtual machine was detected."))
    var big = HostState(profile: profile, seed: 3)
    #expect(F.message { try big.deploy(DeployRequest(vmDiskSize: 60)) } == "Not enough disk space is available on drive 'D:'.")
  }

  @Test(arguments: [
    ("{", "it is not valid JSON"),
    ("{\"computerName\": \"X\"}", "missing key 'operatingSystem'"),
    (customJSON.replacingOccurrences(of: "\"gateway\": \"10.50.0.1\"", with: "\"gateway\": \"10.60.0.1\""),
     "adapter 'Plant': gateway 10.60.0.1 is not a host address of 10.50.0.0/16"),
    (customJSON.replacingOccurrences(of: "\"10.50.0.9/16\"", with: "\"10.50.0.999/16\""),
     "bad value at 'adapters[0].ipv4.address': '10.50.0.999/16' is not an IPv4 address with prefix (a.b.c.d/n)"),
    (customJSON.replacingOccurrences(of: "\"netAdapterName\": \"Plant\"", with: "\"netAdapterName\": \"Office\""),
     "External switch 'PlantSw' names adapter 'Office', which the profile does not have"),
    (customJSON.replacingOccurrences(of: "\"productType\": 1 },", with: "\"productType\": 3 }, \"defaultSwitch\": true,"),
     "a server SKU (productType 2 or 3) has no Default Switch"),
  ])
  func badProfilesNameFileAndProblem(json: String, problem: String) throws {
    try Self.withTempFile(json) { path in
      #expect(F.message { _ = try HostProfile.load(path: path) } == "Cannot load host profile '\(path)': \(problem).")
    }
  }

  @Test func missingProfileFile() {
    #expect(F.message { _ = try HostProfile.resolve("/nonexistent/lab.json") }
      == "Cannot load host profile '/nonexistent/lab.json': no such file (built-in profiles: client, server).")
  }
}
