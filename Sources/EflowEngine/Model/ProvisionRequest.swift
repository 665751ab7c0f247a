import Foundation

/// Provision-EflowVm's parameters (nil or empty = not passed).
public struct ProvisionRequest: Sendable, Equatable {
  public var type: ProvisioningType
  public var devConnString: String?
  public var iotHubHostname: String?
  public var deviceId: String?
  public var scopeId: String?
  public var symmKey: String?
  public var registrationId: String?
  public var identityCertPath: String?
  public var identityPrivKeyPath: String?
  public var globalEndpoint: String?
  public var headless: Bool

  public init(
    type: ProvisioningType, devConnString: String? = nil, iotHubHostname: String? = nil, deviceId: String? = nil,
    scopeId: String? = nil, symmKey: String? = nil, registrationId: String? = nil,
    identityCertPath: String? = nil, identityPrivKeyPath: String? = nil, globalEndpoint: String? = nil,
    headless: Bool = false
  ) {
    self.type = type
    self.devConnString = devConnString
    self.iotHubHostname = iotHubHostname
    self.deviceId = deviceId
    self.scopeId = scopeId
    self.symmKey = symmKey
    self.registrationId = registrationId
    self.identityCertPath = identityCertPath
    self.identityPrivKeyPath = identityPrivKeyPath
    self.globalEndpoint = globalEndpoint
    self.headless = headless
  }

  /// The parameters that were passed, in Provision-EflowVm's order.
  var passed: [ProvisioningParameter] {
    let all: [(String, String?)] = [
      ("devConnString", devConnString), ("iotHubHostname", iotHubHostname), ("deviceId", deviceId),
      ("scopeId", scopeId), ("symmKey", symmKey), ("registrationId", registrationId),
      ("identityCertPath", identityCertPath), ("identityPrivKeyPath", identityPrivKeyPath),
      ("globalEndpoint", globalEndpoint),
    ]
    return all.compactMap { name, value in
      guard let value, !value.isEmpty else { return nil }
      return ProvisioningParameter(name: name, value: value)
    }
  }
}
