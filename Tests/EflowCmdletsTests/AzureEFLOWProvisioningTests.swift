import EflowEngine
import Foundation
import Testing

/// Provision-EflowVm (each type, its required parameters and texts), VM features, telemetry
/// and TPM provisioning information.
struct AzureEFLOWProvisioningTests {
  @Test(arguments: [
    ("ManualConnectionString -devConnString 'HostName=hub.azure-devices.net;DeviceId=d1;SharedAccessKey=a2V5'", ProvisioningType.manualConnectionString),
    ("-provisioningType ManualX509 -iotHubHostname hub.azure-devices.net -deviceId d1 -identityCertPath C:\\c.pem -identityPrivKeyPath C:\\k.pem", .manualX509),
    ("DpsTPM -scopeId 0ne00000001", .dpsTpm),
    ("DpsX509 -scopeId 0ne00000001 -identityCertPath C:\\c.pem -identityPrivKeyPath C:\\k.pem", .dpsX509),
    ("DpsSymmetricKey -scopeId 0ne00000001 -registrationId d1 -symmKey a2V5 -globalEndpoint https://global.azure-devices-provisioning.net", .dpsSymmetricKey),
  ])
  func eachTypeProvisions(_ arguments: String, _ type: ProvisioningType) throws {
    let h = EflowHarness()
    h.deploy()
    let r = h.run("$r = Provision-EflowVm \(arguments); \"result=$r\"")
    #expect(r.errors.isEmpty, "\(r.errors.map(\.message))")
    #expect(r.out == "\(EflowHarness.stamp) Provisioning successful\nresult=OK\n")
    #expect(try h.state().vm?.provisioning?.type == type)
    #expect(h.run("(Get-EflowVm).EdgeRuntimeStatus.SystemCtlStatus[-1]; (Get-EflowVm).EdgeRuntimeStatus.ModuleList[0].Name").out
      == "aziot-edged.service: active\nedgeAgent\n")
  }

  @Test(arguments: [
    ("ManualConnectionString", "Error, device connection string not provided."),
    (
      "ManualConnectionString -devConnString 'HostName=h;DeviceId=d;SharedAccessKey=k' -scopeId 0ne1",
      "Only the device connection string for ManualConnectionString provisioning may be specified."
    ),
    (
      "ManualX509 -iotHubHostname hub -deviceId d1",
      "IoT Hub Hostname, Device ID, and/or identity cert/pk parameters for ManualX509 provisioning not specified"
    ),
    ("DpsTPM", "Scope ID for DpsTpm provisioning not specified"),
    (
      "DpsX509 -scopeId 0ne1", "Scope ID, identity cert and/or identity pk parameters for DpsX509 provisioning not specified"
    ),
    (
      "DpsSymmetricKey -scopeId 0ne1 -registrationId d1",
      "Scope ID, registration ID or symmetric key missing for DpsSymmetricKey provisioning"
    ),
  ])
  func missingParameters(_ arguments: String, _ message: String) throws {
    let h = EflowHarness()
    h.deploy()
    let r = h.run("Provision-EflowVm \(arguments)")
    #expect(r.error == message)
    #expect(r.errorId == message)
    #expect(try h.state().vm?.provisioning == nil)
  }

  @Test func unknownTypesAreRejectedByTheBinder() {
    let h = EflowHarness()
    h.deploy()
    let r = h.run("Provision-EflowVm manual -devConnString x")
    #expect(r.errorId == "ParameterArgumentValidationError,Provision-EflowVm")
  }

  @Test func reprovisioning() throws {
    let h = EflowHarness()
    h.deploy()
    h.run("Provision-EflowVm DpsTPM -scopeId 0ne1")
    let asked = h.run("Provision-EflowVm DpsTPM -scopeId 0ne2")
    #expect(
      asked.error
        == "Provision-EflowVm would ask whether to re-provision the virtual machine, which is already provisioned (DpsTPM), but eflowsh cannot prompt (and with -headless the module refuses to re-provision)."
    )
    #expect(asked.errorId == "EflowshCannotPrompt,Provision-EflowVm")
    let headless = h.run("Provision-EflowVm DpsTPM -scopeId 0ne2 -headless")
    #expect(headless.error == "Aborting, iotedge was previously provisioned (headless mode)!")
    #expect(try h.state().vm?.provisioning?.parameters.first?.value == "0ne1")
  }

  @Test func featuresAndTpmInformation() {
    let h = EflowHarness()
    h.deploy()
    let r = h.run(
      """
      Get-EflowVmFeature -feature DpsTpm
      Get-EflowVmFeature Defender
      Set-EflowVmFeature -feature DpsTpm -enable
      Set-EflowVmFeature -feature defender -enable
      Get-EflowVmFeature -feature DpsTpm
      Get-EflowVmFeature Defender
      $tpm = Get-EflowVmTpmProvisioningInfo
      $tpm.PSObject.Properties.Name -join ','
      $tpm.'Registration Id'.Length
      $tpm.'Endorsement Key'.Length -gt 100
      Set-EflowVmFeature -feature DpsTpm
      Get-EflowVmFeature -feature DpsTpm
      """)
    #expect(r.errors.isEmpty, "\(r.errors.map(\.message))")
    #expect(r.out == "False\nFalse\nTrue\nTrue\nEndorsement Key,Registration Id\n64\nTrue\nFalse\n")
  }

  @Test(arguments: [
    ("Get-EflowVmFeature -feature Gpu", "Unknown feature 'Gpu' is provided."),
    ("Set-EflowVmFeature -feature Gpu -enable", "Unknown feature 'Gpu' is provided."),
    ("Get-EflowVmTpmProvisioningInfo", "TPM provisioning was not enabled!"),
  ])
  func featureRefusals(_ script: String, _ message: String) {
    let h = EflowHarness()
    h.deploy()
    #expect(h.run(script).error == message)
  }

  @Test func tpmRequiredToEnableDpsTpm() throws {
    var profile = HostProfile.client
    profile.tpmPresent = false
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("eflowsh-notpm-\(UUID().uuidString).json")
    try JSONEncoder().encode(profile).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    let h = EflowHarness(profile: file.path)
    h.deploy()
    #expect(h.run("Set-EflowVmFeature DpsTpm -enable").error == "TPM 2.0 is required to enable DpsTpm")
  }

  @Test func telemetryOption() {
    let h = EflowHarness()
    h.deploy()
    let r = h.run(
      "Get-EflowVmTelemetryOption; Set-EflowVmTelemetryOption -optionalTelemetry True; Get-EflowVmTelemetryOption; Set-EflowVmTelemetryOption $false; Get-EflowVmTelemetryOption"
    )
    #expect(r.errors.isEmpty, "\(r.errors.map(\.message))")
    #expect(r.out == "Required\nOptional\nRequired\n")
    #expect(h.run("Set-EflowVmTelemetryOption Maybe").errorId == "ParameterArgumentValidationError,Set-EflowVmTelemetryOption")
  }
}
