import Foundation

/// An address together with its prefix length, as an interface holds it (`192.168.1.50/24`):
/// unlike `IPv4Network` the host bits are kept.
public struct IPv4Interface: Hashable, Sendable, CustomStringConvertible, Codable {
  public var address: IPv4Address
  public var prefixLength: Int

  public init(address: IPv4Address, prefixLength: Int) {
    precondition((0...32).contains(prefixLength))
    self.address = address
    self.prefixLength = prefixLength
  }

  /// Parses `a.b.c.d/n`.
  public init?(_ text: String) {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2, let address = IPv4Address(String(parts[0])),
      !parts[1].isEmpty, parts[1].count <= 2, parts[1].allSatisfy({ $0.isASCII && $0.isNumber }),
      let length = Int(parts[1]), (0...32).contains(length)
    else { return nil }
    self.init(address: address, prefixLength: length)
  }

  public var network: IPv4Network { IPv4Network(containing: address, prefixLength: prefixLength) }
  public var mask: IPv4Address { network.mask }
  public var broadcast: IPv4Address { network.broadcastAddress }
  public var description: String { "\(address)/\(prefixLength)" }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    guard let value = IPv4Interface(text) else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "'\(text)' is not an IPv4 address with prefix (a.b.c.d/n)")
    }
    self = value
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}
