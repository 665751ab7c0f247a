import Foundation

/// Everything random in the simulation is drawn here, from the one seeded source, so the
/// sequence of draws (and so every MAC, subnet and lease) is a function of profile + seed +
/// the commands run.
extension HostState {
  /// A Hyper-V-OUI MAC not used by any host adapter or VM endpoint.
  mutating func drawMAC() -> MACAddress {
    while true {
      let mac = MACAddress(bytes: MACAddress.hyperVPrefix + random.bytes(3))
      let taken = adapters.contains { $0.macAddress == mac }
        || (vm?.endpoints.contains { $0.macAddress == mac } ?? false)
      if !taken { return mac }
    }
  }

  /// A version-4 GUID string, as Hyper-V uses for switch ids.
  mutating func drawGUID() -> String {
    var b = random.bytes(16)
    b[6] = b[6] & 0x0F | 0x40
    b[8] = b[8] & 0x3F | 0x80
    let hex = b.map { String($0, radix: 16).leftPadded(2) }.joined()
    let s = Array(hex)
    return [s[0..<8], s[8..<12], s[12..<16], s[16..<20], s[20..<32]].map { String($0) }.joined(separator: "-")
  }

  /// Hex id like the VmConfiguration.ID EFLOW prints.
  mutating func drawHexId(bytes count: Int) -> String {
    random.bytes(count).map { String($0, radix: 16).leftPadded(2) }.joined()
  }

  /// An APIPA address (169.254.1.0–169.254.254.255) not yet on any host adapter.
  mutating func drawAPIPA() -> IPv4Interface {
    while true {
      let address = IPv4Address(169, 254, UInt8(random.int(in: 1...254)), UInt8(random.int(in: 1...254)))
      if !ipAddresses.contains(where: { $0.address.address == address }) {
        return IPv4Interface(address: address, prefixLength: 16)
      }
    }
  }
}

extension String {
  func leftPadded(_ width: Int, with pad: Character = "0") -> String {
    count >= width ? self : String(repeating: pad, count: width - count) + self
  }
}
