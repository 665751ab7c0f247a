import Foundation

/// An IPv4 network (`address/prefixLength` with the host bits cleared). Used for LANs, switch
/// subnets, NAT prefixes, DHCP scopes and route destinations, so "which network holds this
/// address" is asked the same way everywhere.
public struct IPv4Network: Hashable, Sendable, CustomStringConvertible, Codable {
  public private(set) var address: IPv4Address
  public private(set) var prefixLength: Int

  /// The network that contains `address` with the given prefix (host bits are cleared).
  public init(containing address: IPv4Address, prefixLength: Int) {
    precondition((0...32).contains(prefixLength))
    self.prefixLength = prefixLength
    self.address = IPv4Address(address.value & IPv4Address.mask(prefixLength: prefixLength).value)
  }

  /// Parses `a.b.c.d/n`. With `strict`, host bits must be zero (`10.0.0.1/24` is refused).
  public init?(_ text: String, strict: Bool = false) {
    var text = text
    guard let parsed = text.withUTF8({ IPv4Network(utf8: $0[...], strict: strict) }) else { return nil }
    self = parsed
  }

  /// The same rules on UTF-8 bytes (see `IPv4Address.init(utf8:)`).
  init?(utf8 bytes: Slice<UnsafeBufferPointer<UInt8>>, strict: Bool = false) {
    guard let slash = bytes.firstIndex(of: UInt8(ascii: "/")),
      let address = IPv4Address(utf8: bytes[..<slash])
    else { return nil }
    let digits = bytes[(slash + 1)...]
    guard (1...2).contains(digits.count) else { return nil }
    var length = 0
    for byte in digits {
      guard byte &- UInt8(ascii: "0") < 10 else { return nil }
      length = length * 10 + Int(byte &- UInt8(ascii: "0"))
    }
    guard length <= 32 else { return nil }
    self.init(containing: address, prefixLength: length)
    if strict && self.address != address { return nil }
  }

  public static let defaultRoute = IPv4Network(containing: .any, prefixLength: 0)

  public var mask: IPv4Address { IPv4Address.mask(prefixLength: prefixLength) }
  public var networkAddress: IPv4Address { address }
  public var broadcastAddress: IPv4Address { IPv4Address(address.value | ~mask.value) }
  public var size: UInt64 { UInt64(1) << UInt64(32 - prefixLength) }

  /// First and last address a host may use; for /31 and /32 there is none (this simulation
  /// does not model RFC 3021 point-to-point links).
  public var hostRange: ClosedRange<IPv4Address>? {
    guard prefixLength <= 30 else { return nil }
    return IPv4Address(address.value + 1)...IPv4Address(broadcastAddress.value - 1)
  }

  public func contains(_ candidate: IPv4Address) -> Bool {
    candidate.value & mask.value == address.value
  }

  public func overlaps(_ other: IPv4Network) -> Bool {
    contains(other.address) || other.contains(address)
  }

  /// True when `candidate` is a usable host address of this network (not network/broadcast).
  public func isHost(_ candidate: IPv4Address) -> Bool {
    guard let range = hostRange else { return false }
    return range.contains(candidate)
  }

  public var description: String {
    var text: [UInt8] = []
    text.reserveCapacity(18)
    append(to: &text)
    return String(decoding: text, as: UTF8.self)
  }

  func append(to text: inout [UInt8]) {
    address.append(to: &text)
    text.append(UInt8(ascii: "/"))
    if prefixLength >= 10 { text.append(UInt8(48 + prefixLength / 10)) }
    text.append(UInt8(48 + prefixLength % 10))
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    guard let network = IPv4Network(text) else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "'\(text)' is not an IPv4 network (a.b.c.d/n)")
    }
    self = network
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}
