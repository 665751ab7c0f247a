import Foundation

/// net-tools: `route [-n]`, `route add|del`, `ifconfig [-a] [IFACE]` (the modern layout), and
/// `netstat -r[n]` / `netstat -tln`.
extension GuestShell {
  /// Flags as /proc/net/route shows them: U up, G gateway, H host.
  static func routeFlags(_ r: GuestRoute) -> String {
    var flags = "U"
    if r.gateway != nil { flags += "G" }
    if r.destination.prefixLength == 32 { flags += "H" }
    return flags
  }

  /// A host address's name as net-tools prints it (the Windows host's own addresses resolve to
  /// its computer name, cut to 15 characters).
  private func routeName(_ address: IPv4Address, numeric: Bool, isDestination: Bool) -> String {
    if numeric { return address.description }
    if address == .any { return isDestination ? "default" : "0.0.0.0" }
    if host.ipAddresses.contains(where: { $0.address.address == address }) {
      return String(host.computerName.prefix(15))
    }
    return address.description
  }

  func route(_ inv: inout GuestInvocation) -> Int32 {
    var args = inv.args
    var numeric = false
    while let first = args.first, first.hasPrefix("-"), !["-net", "-host"].contains(first) {
      if first.contains("n") { numeric = true }
      args.removeFirst()
    }
    if let verb = args.first, verb == "add" || verb == "del" {
      guard inv.root else { return inv.fail("\(verb == "add" ? "SIOCADDRT" : "SIOCDELRT"): Operation not permitted", status: 7) }
      return routeChange(&inv, verb: verb, Array(args.dropFirst()))
    }
    if let other = args.first {
      return inv.fail("route: invalid argument '\(other)'\nUsage: route [-nNvee] [-FC] [<AF>]           List kernel routing tables", status: 4)
    }
    inv.line("Kernel IP routing table")
    inv.line("Destination     Gateway         Genmask         Flags Metric Ref    Use Iface")
    for r in sortedRoutes() {
      let destination = routeName(r.destination.address, numeric: numeric, isDestination: true)
      let gateway = routeName(r.gateway ?? .any, numeric: numeric, isDestination: false)
      inv.line(
        Self.pad(destination, 15) + " " + Self.pad(gateway, 15) + " " + Self.pad(r.destination.mask.description, 15) + " "
          + Self.pad(Self.routeFlags(r), 5) + " " + Self.pad(String(r.metric), 6) + " " + Self.pad("0", 3) + " "
          + Self.padLeft("0", 6) + " " + r.device)
    }
    return 0
  }

  /// `route add|del [-net|-host] TARGET [netmask M] [gw G] [metric N] [[dev] IF]`.
  private func routeChange(_ inv: inout GuestInvocation, verb: String, _ args: [String]) -> Int32 {
    var spec = RouteSpec()
    var target: String?
    var netmask: IPv4Address?
    var host = false
    var i = 0
    let ioctl = verb == "add" ? "SIOCADDRT" : "SIOCDELRT"
    while i < args.count {
      let a = args[i]
      func next() -> String? { i += 1; return i < args.count ? args[i] : nil }
      switch a {
      case "-net": break
      case "-host": host = true
      case "netmask":
        guard let v = next(), let m = IPv4Address(v), m.prefixLengthAsMask != nil else { return inv.fail("route: bogus netmask \(args.indices.contains(i) ? args[i] : "")", status: 4) }
        netmask = m
      case "gw", "gateway":
        guard let v = next(), let g = IPv4Address(v) else { return inv.fail("\(args.indices.contains(i) ? args[i] : ""): Unknown host", status: 4) }
        spec.gateway = g
      case "metric":
        guard let v = next(), let n = Int(v) else { return inv.fail("route: bogus metric", status: 4) }
        spec.metric = n
      case "dev":
        guard let v = next() else { return inv.fail("route: missing device", status: 4) }
        spec.device = v
      case "mss", "window", "irtt":
        i += 1
      case "reject", "mod", "dyn", "reinstate":
        break
      default:
        if target == nil { target = a } else { spec.device = a }
      }
      i += 1
    }
    guard let target else { return inv.fail("Usage: route [-nNvee] [-FC] [<AF>]           List kernel routing tables", status: 4) }
    var network: IPv4Network?
    if target == "default" {
      network = .defaultRoute
    } else if target.contains("/") {
      network = IPv4Network(target)
    } else if let address = IPv4Address(target) {
      let first = address.octets.0
      let classful = first < 128 ? 8 : first < 192 ? 16 : 24
      let length = host ? 32 : (netmask?.prefixLengthAsMask ?? (address.value & ~IPv4Address.mask(prefixLength: classful).value == 0 ? classful : 32))
      network = IPv4Network(containing: address, prefixLength: length)
    }
    guard let network else { return inv.fail("\(target): Unknown host", status: 4) }
    if netmask != nil, let given = IPv4Address(target), network.address != given {
      return inv.fail("route: netmask doesn't match route address", status: 4)
    }
    spec.destination = network
    _ = ioctl
    return changeRoute(&inv, verb: verb, spec: spec, netTools: true)
  }

  func ifconfig(_ inv: inout GuestInvocation) -> Int32 {
    let operands = inv.args.filter { !$0.hasPrefix("-") }
    var selected = links().sorted { Self.naturalLess($0.name, $1.name) }
    if let name = operands.first {
      if operands.count > 1 {
        return inv.fail(inv.root ? "SIOCSIFFLAGS: Operation not supported (eflowsh: the VM's links are managed by EFLOW)" : "SIOCSIFFLAGS: Operation not permitted", status: 1)
      }
      guard let link = selected.first(where: { $0.name == name }) else {
        return inv.fail("\(name): error fetching interface information: Device not found", status: 1)
      }
      selected = [link]
    }
    var blocks: [String] = []
    for link in selected {
      var lines: [String] = []
      switch link.kind {
      case .loopback:
        lines.append("lo: flags=73<UP,LOOPBACK,RUNNING>  mtu 65536")
        lines.append("        inet 127.0.0.1  netmask 255.0.0.0")
        lines.append("        inet6 ::1  prefixlen 128  scopeid 0x10<host>")
        lines.append("        loop  txqueuelen 1000  (Local Loopback)")
      case .ether, .bridge:
        let flags = link.up ? "4163<UP,BROADCAST,RUNNING,MULTICAST>" : "4099<UP,BROADCAST,MULTICAST>"
        lines.append("\(link.name): flags=\(flags)  mtu 1500")
        if let a = link.address {
          lines.append("        inet \(a.address)  netmask \(a.mask)  broadcast \(a.broadcast)")
        }
        if link.up, let v6 = link.ipv6 {
          lines.append("        inet6 \(v6.replacingOccurrences(of: "/64", with: ""))  prefixlen 64  scopeid 0x20<link>")
        }
        lines.append("        ether \(link.mac)  txqueuelen \(link.kind == .bridge ? 0 : 1000)  (Ethernet)")
      }
      lines.append("        RX packets 0  bytes 0 (0.0 B)")
      lines.append("        RX errors 0  dropped 0  overruns 0  frame 0")
      lines.append("        TX packets 0  bytes 0 (0.0 B)")
      lines.append("        TX errors 0  dropped 0 overruns 0  carrier 0  collisions 0")
      blocks.append(lines.map { $0 + "\n" }.joined())
    }
    inv.out += blocks.map { $0 + "\n" }.joined()
    return 0
  }

  func netstat(_ inv: inout GuestInvocation) -> Int32 {
    let letters = Set(inv.args.filter { $0.hasPrefix("-") && !$0.hasPrefix("--") }.flatMap { $0.dropFirst() })
    if letters.contains("r") || inv.args.contains("--route") {
      let numeric = letters.contains("n")
      inv.line("Kernel IP routing table")
      inv.line("Destination     Gateway         Genmask         Flags   MSS Window  irtt Iface")
      for r in sortedRoutes() {
        let destination = routeName(r.destination.address, numeric: numeric, isDestination: true)
        let gateway = routeName(r.gateway ?? .any, numeric: numeric, isDestination: false)
        inv.line(
          Self.pad(destination, 15) + " " + Self.pad(gateway, 15) + " " + Self.pad(r.destination.mask.description, 15) + " "
            + Self.pad(Self.routeFlags(r), 5) + " " + Self.padLeft("0", 5) + " " + Self.pad("0", 6) + " " + Self.padLeft("0", 5) + " " + r.device)
      }
      return 0
    }
    inv.line("Active Internet connections (only servers)")
    inv.line("Proto Recv-Q Send-Q Local Address           Foreign Address         State      ")
    inv.line("tcp        0      0 127.0.0.53:53           0.0.0.0:*               LISTEN     ")
    inv.line("tcp        0      0 0.0.0.0:22              0.0.0.0:*               LISTEN     ")
    return 0
  }
}
