import Foundation

/// How the VM's IoT Edge runtime was provisioned (Provision-EflowVm), kept for Get-EflowVm and
/// logs. Secrets are kept as given: this is a simulation and scripts may want to read them back.
public struct VMProvisioning: Codable, Sendable, Equatable {
  public var type: ProvisioningType
  public var parameters: [ProvisioningParameter]

  public init(type: ProvisioningType, parameters: [ProvisioningParameter]) {
    self.type = type
    self.parameters = parameters
  }
}

/// One named provisioning parameter (kept as an ordered list so the state file is stable).
public struct ProvisioningParameter: Codable, Sendable, Equatable {
  public var name: String
  public var value: String

  public init(name: String, value: String) {
    self.name = name
    self.value = value
  }
}

/// Provision-EflowVm -provisioningType values.
public enum ProvisioningType: String, Codable, Sendable, Equatable, CaseIterable {
  case manualConnectionString = "ManualConnectionString"
  case manualX509 = "ManualX509"
  case dpsTpm = "DpsTPM"
  case dpsX509 = "DpsX509"
  case dpsSymmetricKey = "DpsSymmetricKey"

  public init?(caseInsensitive text: String) {
    guard let match = Self.allCases.first(where: { $0.rawValue.lowercased() == text.lowercased() })
    else { return nil }
    self = match
  }
}
