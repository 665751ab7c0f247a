import Foundation

/// A WinNAT network (MSFT_NetNat): the host forwards traffic from this internal prefix to its
/// external networks. This is what lets an Internal switch reach the internet.
public struct NatNetwork: Codable, Sendable, Equatable {
  public var name: String
  public var internalPrefix: IPv4Network
  public var externalPrefix: String

  public init(name: String, internalPrefix: IPv4Network, externalPrefix: String = "") {
    self.name = name
    self.internalPrefix = internalPrefix
    self.externalPrefix = externalPrefix
  }
}
