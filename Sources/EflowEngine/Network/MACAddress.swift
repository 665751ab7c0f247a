import Foundation

/// A 48-bit MAC address. Windows shows it upper-case with dashes (`00-15-5D-4E-15-2C`), the
/// Linux guest lower-case with colons (`00:15:5d:4e:15:2c`); one value renders both so the host
/// and guest views of the same NIC always agree.
public struct MACAddress: Hashable, Sendable, Codable, CustomStringConvertible {
  public var bytes: [UInt8]

  public init(bytes: [UInt8]) {
    precondition(bytes.count == 6)
    self.bytes = bytes
  }

  /// Parses either form (`-` or `:` separated, any case) or 12 bare hex digits.
  public init?(_ text: String) {
    let hex = text.filter { $0 != "-" && $0 != ":" }
    guard hex.count == 12, text.count == 12 || text.count == 17 else { return nil }
    var result: [UInt8] = []
    var index = hex.startIndex
    while index < hex.endIndex {
      let next = hex.index(index, offsetBy: 2)
      guard let byte = UInt8(hex[index..<next], radix: 16) else { return nil }
      result.append(byte)
      index = next
    }
    bytes = result
  }

  /// Hyper-V's OUI; every MAC the simulation generates starts with it.
  public static let hyperVPrefix: [UInt8] = [0x00, 0x15, 0x5D]

  /// The all-zero MAC EFLOW prints when it cannot read the VM's address.
  public static let zero = MACAddress(bytes: [0, 0, 0, 0, 0, 0])

  /// `00-15-5D-4E-15-2C`, as Get-NetAdapter shows it.
  public var windowsForm: String { text(separator: UInt8(ascii: "-"), digits: Self.upperDigits) }
  /// `00:15:5d:4e:15:2c`, as the guest and the EFLOW cmdlets show it.
  public var linuxForm: String { text(separator: UInt8(ascii: ":"), digits: Self.lowerDigits) }
  public var description: String { linuxForm }

  /// The EUI-64 link-local IPv6 address the guest derives from this MAC
  /// (`00:15:5d:4e:15:2c` → `fe80::215:5dff:fe4e:152c`).
  public var ipv6LinkLocal: String {
    let b = bytes
    let groups: [UInt16] = [
      UInt16(b[0] ^ 0x02) << 8 | UInt16(b[1]),
      UInt16(b[2]) << 8 | 0xFF,
      0xFE00 | UInt16(b[3]),
      UInt16(b[4]) << 8 | UInt16(b[5]),
    ]
    return "fe80::" + groups.map { String($0, radix: 16) }.joined(separator: ":")
  }

  private static let upperDigits = Array("0123456789ABCDEF".utf8)
  private static let lowerDigits = Array("0123456789abcdef".utf8)

  /// Built from bytes: every endpoint object shows a MAC, and cmdlets list them in loops.
  private func text(separator: UInt8, digits: [UInt8]) -> String {
    var text: [UInt8] = []
    text.reserveCapacity(17)
    for (index, byte) in bytes.enumerated() {
      if index > 0 { text.append(separator) }
      text.append(digits[Int(byte >> 4)])
      text.append(digits[Int(byte & 0xF)])
    }
    return String(decoding: text, as: UTF8.self)
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    guard let mac = MACAddress(text) else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "'\(text)' is not a MAC address")
    }
    self = mac
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(linuxForm)
  }
}
