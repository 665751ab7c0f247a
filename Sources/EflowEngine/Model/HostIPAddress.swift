import Foundation

/// One IPv4 address bound to a host adapter (MSFT_NetIPAddress).
public struct HostIPAddress: Codable, Sendable, Equatable {
  public var address: IPv4Interface
  public var ifIndex: Int
  public var origin: AddressOrigin
  /// The default gateway configured with the address (New-NetIPAddress -DefaultGateway).
  public var defaultGateway: IPv4Address?

  public init(address: IPv4Interface, ifIndex: Int, origin: AddressOrigin, defaultGateway: IPv4Address? = nil) {
    self.address = address
    self.ifIndex = ifIndex
    self.origin = origin
    self.defaultGateway = defaultGateway
  }
}
