import Foundation

/// A host network adapter as Get-NetAdapter lists it: a physical NIC from the profile, or the
/// `vEthernet (NAME)` vNIC Hyper-V adds for an External (with management OS) or Internal switch.
public struct HostAdapter: Codable, Sendable, Equatable {
  public var name: String
  public var interfaceDescription: String
  public var ifIndex: Int
  public var macAddress: MACAddress
  public var status: AdapterStatus
  public var linkSpeed: String
  /// The switch this vNIC belongs to; nil for a physical adapter.
  public var switchId: String?

  public var isPhysical: Bool { switchId == nil }

  public init(
    name: String, interfaceDescription: String, ifIndex: Int, macAddress: MACAddress,
    status: AdapterStatus, linkSpeed: String, switchId: String?
  ) {
    self.name = name
    self.interfaceDescription = interfaceDescription
    self.ifIndex = ifIndex
    self.macAddress = macAddress
    self.status = status
    self.linkSpeed = linkSpeed
    self.switchId = switchId
  }

  /// Hyper-V's naming for the management-OS vNIC of a switch.
  public static func vNICName(forSwitch name: String) -> String { "vEthernet (\(name))" }
}
