import Foundation
import Testing

@testable import EflowEngine

struct ProvisioningTests {
  typealias F = EngineFixtures

  static func deployed() throws -> HostState {
    var s = F.client()
    try s.deploy(DeployRequest(acceptOptionalTelemetry: true))
    return s
  }

  @Test(arguments: [
    (ProvisionRequest(type: .manualConnectionString, devConnString: "HostName=h;DeviceId=d;SharedAccessKey=k"), nil as String?),
    (ProvisionRequest(type: .manualConnectionString), "Error, device connection string not provided."),
    (ProvisionRequest(type: .manualConnectionString, devConnString: "x", scopeId: "0ne"), "Only the device connection string for ManualConnectionString provisioning may be specified."),
    (ProvisionRequest(type: .manualX509, iotHubHostname: "h", deviceId: "d", identityCertPath: "c", identityPrivKeyPath: "k"), nil),
    (ProvisionRequest(type: .manualX509, iotHubHostname: "h", deviceId: "d"), "IoT Hub Hostname, Device ID, and/or identity cert/pk parameters for ManualX509 provisioning not specified"),
    (ProvisionRequest(type: .dpsTpm, scopeId: "0ne"), nil),
    (ProvisionRequest(type: .dpsTpm), "Scope ID for DpsTpm provisioning not specified"),
    (ProvisionRequest(type: .dpsX509, scopeId: "0ne", identityCertPath: "c", identityPrivKeyPath: "k"), nil),
    (ProvisionRequest(type: .dpsX509, scopeId: "0ne"), "Scope ID, identity cert and/or identity pk parameters for DpsX509 provisioning not specified"),
    (ProvisionRequest(type: .dpsSymmetricKey, scopeId: "0ne", symmKey: "k", registrationId: "r"), nil),
    (ProvisionRequest(type: .dpsSymmetricKey, scopeId: "0ne", symmKey: "k"), "Scope ID, registration ID or symmetric key missing for DpsSymmetricKey provisioning"),
  ])
  func provisioningTypes(request: ProvisionRequest, expected: String?) throws {
    var s = try Self.deployed()
    if let expected {
      #expect(F.message { try s.provision(request) } == expected)
      #expect(s.vm?.provisioning == nil)
    } else {
      let result = try s.provision(request)
      #expect(result.output == "OK" && result.lines == [.step("Provisioning successful")])
      #expect(s.vm?.provisioning?.type == request.type)
      #expect(s.vm?.provisioning?.parameters == request.passed)
    }
  }

  @Test func reprovisionHeadless() throws {
    var s = try Self.deployed()
    try s.provision(ProvisionRequest(type: .dpsTpm, scopeId: "0ne"))
    #expect(F.message { try s.provision(ProvisionRequest(type: .dpsTpm, scopeId: "0ne", headless: true)) }
      == "Aborting, iotedge was previously provisioned (headless mode)!")
    try s.provision(ProvisionRequest(type: .manualConnectionString, devConnString: "x"))
    #expect(s.vm?.provisioning?.type == .manualConnectionString)
    #expect(ProvisioningType(caseInsensitive: "dpstpm") == .dpsTpm)
  }

  @Test func featuresTelemetryAndTpm() throws {
    var s = try Self.deployed()
    #expect(try s.telemetryOption() == .optional)
    try s.setTelemetryOption(optional: false)
    #expect(try s.telemetryOption() == .required)
    #expect(F.message { _ = try s.tpmProvisioningInfo() } == "TPM provisioning was not enabled!")
    #expect(F.message { try s.setVMFeature("Gpu", enable: true) } == "Unknown feature 'Gpu' is provided.")
    try s.setVMFeature("DpsTpm", enable: true)
    #expect(try s.vmFeature("dpstpm"))
    let info = try s.tpmProvisioningInfo()
    #expect(info.registrationId.count == 64 && Data(base64Encoded: info.endorsementKey)?.count == 256)
    try s.setVMFeature("DpsTpm", enable: false)
    #expect(F.message { _ = try s.tpmProvisioningInfo() } == "TPM provisioning was not enabled!")
    try s.setVMFeature("DpsTpm", enable: true)
    #expect(try s.tpmProvisioningInfo() == info)

    var profile = HostProfile.client
    profile.tpmPresent = false
    var noTpm = HostState(profile: profile, seed: 1)
    try noTpm.deploy(DeployRequest())
    #expect(F.message { try noTpm.setVMFeature("DpsTpm", enable: true) } == "TPM 2.0 is required to enable DpsTpm")
  }
}
