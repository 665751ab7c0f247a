import Foundation

/// A VM network adapter (Add-EflowVmEndpoint; the primary one is created by Deploy-Eflow).
/// The MAC and a DHCP lease are kept across VM stop/start, as EFLOW 1.4+ stores them.
public struct EflowEndpoint: Codable, Sendable, Equatable {
  public enum Allocation: String, Codable, Sendable, Equatable {
    case `static` = "Static"
    case dhcp = "Dynamic"
  }

  /// Full name (`<VM>Interface` or `<VM>-<switch>-<endpoint>`).
  public var name: String
  public var switchName: String
  public var guestInterface: String
  public var macAddress: MACAddress
  public var allocation: Allocation
  /// The static address, or the DHCP lease; nil only while a DHCP endpoint has no lease.
  public var address: IPv4Interface?
  public var gateway: IPv4Address?
  /// Persistent DNS servers: from DHCP, or from Set-EflowVmDNSServers (which wins).
  public var dnsServers: [IPv4Address]
  public var isPrimary: Bool

  public init(
    name: String, switchName: String, guestInterface: String, macAddress: MACAddress,
    allocation: Allocation, address: IPv4Interface?, gateway: IPv4Address?,
    dnsServers: [IPv4Address], isPrimary: Bool
  ) {
    self.name = name
    self.switchName = switchName
    self.guestInterface = guestInterface
    self.macAddress = macAddress
    self.allocation = allocation
    self.address = address
    self.gateway = gateway
    self.dnsServers = dnsServers
    self.isPrimary = isPrimary
  }
}
