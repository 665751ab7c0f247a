import Foundation

/// Provision-EflowVm, Get-/Set-EflowVmFeature, Get-/Set-EflowVmTelemetryOption,
/// Get-EflowVmTpmProvisioningInfo.
extension HostState {
  /// Provision-EflowVm with the per-type required parameters and texts of reference §4.15.
  /// Re-provisioning with `headless` is refused as EFLOW does; without it the cmdlet layer has
  /// already asked the user, and the new configuration replaces the old. DpsTPM does not
  /// require the DpsTpm feature to be enabled first (undocumented; chosen). The DpsX509 text is
  /// chosen (the catalogue has none).
  @discardableResult
  public mutating func provision(_ request: ProvisionRequest) throws(EflowError) -> (lines: [ProgressLine], output: String) {
    try transact { (s) throws(EflowError) in
      let machine = try s.requireRunningVM()
      if machine.provisioning != nil && request.headless {
        throw EflowError(.invalidOperation, "Aborting, iotedge was previously provisioned (headless mode)!")
      }
      let passed = request.passed
      func has(_ value: String?) -> Bool { !(value ?? "").isEmpty }
      switch request.type {
      case .manualConnectionString:
        guard has(request.devConnString) else {
          throw EflowError(.invalidArgument, "Error, device connection string not provided.")
        }
        if passed.count > 1 {
          throw EflowError(.invalidArgument, "Only the device connection string for ManualConnectionString provisioning may be specified.")
        }
      case .manualX509:
        guard has(request.iotHubHostname), has(request.deviceId), has(request.identityCertPath), has(request.identityPrivKeyPath) else {
          throw EflowError(.invalidArgument, "IoT Hub Hostname, Device ID, and/or identity cert/pk parameters for ManualX509 provisioning not specified")
        }
      case .dpsTpm:
        guard has(request.scopeId) else {
          throw EflowError(.invalidArgument, "Scope ID for DpsTpm provisioning not specified")
        }
      case .dpsX509:
        guard has(request.scopeId), has(request.identityCertPath), has(request.identityPrivKeyPath) else {
          throw EflowError(.invalidArgument, "Scope ID, identity cert and/or identity pk parameters for DpsX509 provisioning not specified")
        }
      case .dpsSymmetricKey:
        guard has(request.scopeId), has(request.symmKey), has(request.registrationId) else {
          throw EflowError(.invalidArgument, "Scope ID, registration ID or symmetric key missing for DpsSymmetricKey provisioning")
        }
      }
      s.vm!.provisioning = VMProvisioning(type: request.type, parameters: passed)
      return ([.step("Provisioning successful")], "OK")
    }
  }

  /// Feature names known to this EFLOW version (Defender from 1.2 on).
  func knownFeature(_ name: String) throws(EflowError) -> String {
    switch name.lowercased() {
    case "dpstpm": return "DpsTpm"
    case "defender" where version.supportsDefender: return "Defender"
    default: throw .unknownFeature(name)
    }
  }

  /// Get-EflowVmFeature.
  public func vmFeature(_ name: String) throws(EflowError) -> Bool {
    let machine = try requireRunningVM()
    return try knownFeature(name) == "DpsTpm" ? machine.dpsTpmEnabled : machine.defenderEnabled
  }

  /// Set-EflowVmFeature: enabling DpsTpm needs the host's TPM 2.0; the first enable creates the
  /// TPM's endorsement key and registration id (seeded).
  public mutating func setVMFeature(_ name: String, enable: Bool) throws(EflowError) {
    try transact { (s) throws(EflowError) in
      _ = try s.requireRunningVM()
      if try s.knownFeature(name) == "DpsTpm" {
        if enable && !s.profile.tpmPresent { throw .tpmRequired }
        s.vm!.dpsTpmEnabled = enable
        if enable && s.vm!.tpmEndorsementKey == nil {
          let key = Data(s.random.bytes(256)).base64EncodedString()
          s.vm!.tpmEndorsementKey = key
          s.vm!.tpmRegistrationId = s.drawHexId(bytes: 32)
        }
      } else {
        s.vm!.defenderEnabled = enable
      }
    }
  }

  /// Get-EflowVmTpmProvisioningInfo: (Endorsement Key, Registration Id).
  public func tpmProvisioningInfo() throws(EflowError) -> (endorsementKey: String, registrationId: String) {
    let machine = try requireRunningVM()
    guard machine.dpsTpmEnabled, let key = machine.tpmEndorsementKey, let id = machine.tpmRegistrationId else {
      throw .tpmNotEnabled
    }
    return (key, id)
  }

  /// Get-EflowVmTelemetryOption.
  public func telemetryOption() throws(EflowError) -> EflowVM.TelemetryOption {
    try requireRunningVM().telemetry
  }

  /// Set-EflowVmTelemetryOption -optionalTelemetry.
  public mutating func setTelemetryOption(optional: Bool) throws(EflowError) {
    try transact { (s) throws(EflowError) in
      _ = try s.requireRunningVM()
      s.vm!.telemetry = optional ? .optional : .required
    }
  }
}
