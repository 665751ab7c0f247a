import Foundation

/// The VM's network devices as the kernel numbers them: lo (1), eth0…ethN (2…), docker0.
struct GuestLink {
  enum Kind { case loopback, ether, bridge }
  var index: Int
  var name: String
  var kind: Kind
  var mac: String
  var address: IPv4Interface?
  var ipv6: String?
  /// Carrier: the switch behind an ethN still exists; docker0 has no container attached.
  var up: Bool
  var dhcp: Bool

  var flags: String {
    switch kind {
    case .loopback: "<LOOPBACK,UP,LOWER_UP>"
    case .ether, .bridge: up ? "<BROADCAST,MULTICAST,UP,LOWER_UP>" : "<NO-CARRIER,BROADCAST,MULTICAST,UP>"
    }
  }

  var state: String { kind == .loopback ? "UNKNOWN" : (up ? "UP" : "DOWN") }
}

extension GuestShell {
  func guestInterfaces() -> [GuestInterface] { (try? host.guestInterfaces()) ?? [] }

  func links() -> [GuestLink] {
    var result = [
      GuestLink(index: 1, name: "lo", kind: .loopback, mac: "00:00:00:00:00:00", address: IPv4Interface("127.0.0.1/8"), ipv6: "::1/128", up: true, dhcp: false)
    ]
    for (offset, i) in guestInterfaces().enumerated() {
      result.append(
        GuestLink(
          index: 2 + offset, name: i.name, kind: .ether, mac: i.macAddress.linuxForm, address: i.address,
          ipv6: i.ipv6LinkLocal + "/64", up: i.isUp, dhcp: i.allocation == .dhcp))
    }
    result.append(
      GuestLink(
        index: result.count + 1, name: "docker0", kind: .bridge, mac: dockerMac, address: IPv4Interface("172.17.0.1/16"),
        ipv6: nil, up: false, dhcp: false))
    return result
  }

  /// docker0's MAC: `02:42:` and four bytes of the VM's id.
  var dockerMac: String {
    let hex = Array(machine.id.lowercased().filter(\.isHexDigit)) + Array(repeating: "0", count: 8)
    return "02:42:" + stride(from: 0, to: 8, by: 2).map { String(hex[$0...$0 + 1]) }.joined(separator: ":")
  }

  /// A next hop's MAC for `ip neigh`: the host's adapter when it is a host address, else a
  /// stable one made from the address.
  func neighbourMac(_ address: IPv4Address) -> String {
    if let ip = host.ipAddresses.first(where: { $0.address.address == address }),
      let adapter = host.adapters.first(where: { $0.ifIndex == ip.ifIndex })
    {
      return adapter.macAddress.linuxForm
    }
    let o = address.octets
    return String(format: "00:1d:aa:%02x:%02x:%02x", o.1, o.2, o.3)
  }

  /// Name-aware sort (`eth2` before `eth10`), as ifconfig lists devices.
  static func naturalLess(_ a: String, _ b: String) -> Bool {
    a.compare(b, options: [.numeric]) == .orderedAscending
  }

  /// The table in the kernel's dump order: by destination, shorter prefixes first, then metric;
  /// equal ones keep their insertion order.
  func sortedRoutes() -> [GuestRoute] {
    let routes = (try? host.guestRoutes()) ?? []
    return routes.enumerated().sorted { x, y in
      let (a, b) = (x.element, y.element)
      if a.destination.address != b.destination.address { return a.destination.address < b.destination.address }
      if a.destination.prefixLength != b.destination.prefixLength { return a.destination.prefixLength < b.destination.prefixLength }
      if a.metric != b.metric { return a.metric < b.metric }
      return x.offset < y.offset
    }.map(\.element)
  }
}
