import Foundation

/// A validated static IPv4 configuration for a VM endpoint (address/prefix and gateway).
public struct StaticIPConfig: Sendable, Equatable {
  public var address: IPv4Interface
  public var gateway: IPv4Address

  public init(address: IPv4Interface, gateway: IPv4Address) {
    self.address = address
    self.gateway = gateway
  }
}
