import Foundation

/// An IPv4 address held as its 32-bit value, so prefix math is integer math and comparisons are
/// cheap. Parsing is strict (four decimal octets 0–255, no leading `+`, no empty parts) because
/// the rules it feeds — "is this a valid static IP?" — must reject what Windows and the EFLOW
/// module reject (`300.1.1.1`, `1.2.3`, `10.0.0.1/24`).
public struct IPv4Address: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
  public var value: UInt32

  public init(_ value: UInt32) { self.value = value }

  public init(_ a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8) {
    value = UInt32(a) << 24 | UInt32(b) << 16 | UInt32(c) << 8 | UInt32(d)
  }

  /// Parses dotted-quad text; `nil` for anything that is not exactly four octets 0–255.
  /// Leading zeros are accepted only as a lone `0` or up to three digits (`010` reads as 10,
  /// as .NET's `IPAddress.Parse` does for dotted decimal input).
  public init?(_ text: String) {
    var text = text
    guard let parsed = text.withUTF8({ IPv4Address(utf8: $0[...]) }) else { return nil }
    self = parsed
  }

  /// The same rules on UTF-8 bytes, for parsers that hold a slice of a larger line; parsing works
  /// on bytes because state files hold thousands of addresses.
  init?(utf8 bytes: Slice<UnsafeBufferPointer<UInt8>>) {
    var result: UInt32 = 0
    var octet: UInt32 = 0
    var digits = 0
    var parts = 0
    for byte in bytes {
      if byte == UInt8(ascii: ".") {
        guard digits > 0, parts < 3 else { return nil }
        result = result << 8 | octet
        parts += 1
        octet = 0
        digits = 0
      } else {
        guard byte &- UInt8(ascii: "0") < 10, digits < 3 else { return nil }
        octet = octet * 10 + UInt32(byte &- UInt8(ascii: "0"))
        guard octet <= 255 else { return nil }
        digits += 1
      }
    }
    guard parts == 3, digits > 0 else { return nil }
    value = result << 8 | octet
  }

  public var octets: (UInt8, UInt8, UInt8, UInt8) {
    (UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF))
  }

  public var description: String {
    var text: [UInt8] = []
    text.reserveCapacity(15)
    append(to: &text)
    return String(decoding: text, as: UTF8.self)
  }

  /// Appends the dotted quad as bytes: routes and addresses are printed by the thousand when a
  /// large state is saved, and String interpolation per octet dominated that.
  func append(to text: inout [UInt8]) {
    func decimal(_ octet: UInt32) {
      if octet >= 100 { text.append(UInt8(48 + octet / 100)) }
      if octet >= 10 { text.append(UInt8(48 + octet / 10 % 10)) }
      text.append(UInt8(48 + octet % 10))
    }
    decimal(value >> 24)
    decimal2(value >> 16 & 0xFF)
    decimal2(value >> 8 & 0xFF)
    decimal2(value & 0xFF)
    func decimal2(_ octet: UInt32) {
      text.append(UInt8(ascii: "."))
      decimal(octet)
    }
  }

  public static func < (lhs: IPv4Address, rhs: IPv4Address) -> Bool { lhs.value < rhs.value }

  /// The netmask for a prefix length (`24` → `255.255.255.0`).
  public static func mask(prefixLength: Int) -> IPv4Address {
    precondition((0...32).contains(prefixLength))
    return IPv4Address(prefixLength == 0 ? 0 : UInt32.max << UInt32(32 - prefixLength))
  }

  /// The prefix length of a contiguous netmask; `nil` for masks like `255.0.255.0`.
  public var prefixLengthAsMask: Int? {
    let ones = value.nonzeroBitCount
    return IPv4Address.mask(prefixLength: ones) == self ? ones : nil
  }

  public static let any = IPv4Address(0)
  public static let broadcast = IPv4Address(UInt32.max)

  public var isLoopback: Bool { value >> 24 == 127 }
  public var isMulticast: Bool { value >> 28 == 0xE }
  public var isLinkLocal: Bool { value >> 16 == 0xA9FE }
  public var isUnspecified: Bool { value == 0 }
  /// Class E (240.0.0.0/4) including the limited broadcast address.
  public var isReserved: Bool { value >> 28 == 0xF }
  /// RFC 1918 private space.
  public var isPrivate: Bool {
    value >> 24 == 10 || value >> 20 == 0xAC1 || value >> 16 == 0xC0A8
  }
  /// An address that only exists on the public internet in this simulation: not private,
  /// link-local, loopback, multicast, reserved, shared (100.64/10) or unspecified.
  public var isPublic: Bool {
    !(isPrivate || isLinkLocal || isLoopback || isMulticast || isReserved || isUnspecified
      || value >> 22 == 0x191 /* 100.64.0.0/10 */)
  }

  /// Usable as a unicast host address at all (before any prefix is considered).
  public var isUnicastCandidate: Bool {
    !(isUnspecified || isLoopback || isMulticast || isReserved)
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    guard let address = IPv4Address(text) else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "'\(text)' is not an IPv4 address")
    }
    self = address
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}
