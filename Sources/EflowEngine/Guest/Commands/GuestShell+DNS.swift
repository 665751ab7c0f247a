import Foundation

/// systemd-resolved (`resolvectl status|dns|query|flush-caches|revert`), name resolution for
/// ping, and ping itself.
///
/// Names resolve through /etc/hosts, then through the DNS servers of the links (runtime
/// `resolvectl dns` first, else DHCP or Set-EflowVmDNSServers) and the `DNS=` of
/// /etc/systemd/resolved.conf; a name resolves when one of those servers is reachable through
/// the routing table and the topology. A static deployment without DNS servers therefore cannot
/// resolve `microsoft.com`, while pinging its gateway works. Public names get a stable address
/// made from the name. Ping answers when `reach()` says the packet gets there.
extension GuestShell {
  enum Resolution {
    case address(IPv4Address)
    /// No DNS server configured, or none reachable.
    case temporaryFailure
    case noServers
    case unknownName
  }

  /// `DNS=` servers in /etc/systemd/resolved.conf (the global section of resolvectl).
  var globalDns: [IPv4Address] {
    guard let text = try? guest.read("/etc/systemd/resolved.conf", root: true) else { return [] }
    return text.split(separator: "\n").flatMap { line -> [IPv4Address] in
      let t = line.trimmingCharacters(in: .whitespaces)
      guard t.hasPrefix("DNS=") else { return [] }
      return t.dropFirst(4).split(separator: " ").compactMap { IPv4Address(String($0)) }
    }
  }

  func resolve(_ name: String) -> Resolution {
    if let a = IPv4Address(name) { return .address(a) }
    let lower = name.lowercased()
    if let hosts = try? guest.read("/etc/hosts", root: true) {
      for line in hosts.split(separator: "\n") {
        let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard fields.count >= 2, !fields[0].hasPrefix("#"), let a = IPv4Address(fields[0]) else { continue }
        if fields.dropFirst().contains(where: { $0.lowercased() == lower }) { return .address(a) }
      }
    }
    if lower == machine.name.lowercased() || lower == "_gateway" {
      if lower == "_gateway", let g = sortedRoutes().first(where: \.isDefault)?.gateway { return .address(g) }
      if let a = guestInterfaces().first?.address?.address { return .address(a) }
    }
    let servers = guestInterfaces().filter(\.isUp).flatMap(\.dnsServers) + globalDns
    if servers.isEmpty { return .noServers }
    guard servers.contains(where: { host.reach(to: $0) }) else { return .temporaryFailure }
    if lower == host.computerName.lowercased() || lower == host.computerName.lowercased() + ".mshome.net" {
      if let a = host.ipAddresses.first(where: { $0.address.address.isPrivate })?.address.address { return .address(a) }
    }
    guard lower.contains("."), let tld = lower.split(separator: ".").last, tld.count >= 2, tld.allSatisfy(\.isLetter),
      !["local", "lan", "internal", "invalid", "localdomain"].contains(tld)
    else { return .unknownName }
    return .address(Self.publicAddress(for: lower))
  }

  /// A stable public address for a name (FNV-1a into 20.0.0.0/8).
  static func publicAddress(for name: String) -> IPv4Address {
    var h: UInt32 = 2_166_136_261
    for b in name.utf8 { h = (h ^ UInt32(b)) &* 16_777_619 }
    return IPv4Address(20, UInt8(truncatingIfNeeded: h >> 16), UInt8(truncatingIfNeeded: h >> 8), UInt8(truncatingIfNeeded: h) | 1)
  }

  /// A stable pseudo-random fraction in 0..<1 for `key` (round-trip times).
  static func jitter(_ key: String) -> Double {
    var h: UInt32 = 2_166_136_261
    for b in key.utf8 { h = (h ^ UInt32(b)) &* 16_777_619 }
    return Double(h % 1000) / 1000
  }

  func resolvectl(_ inv: inout GuestInvocation) -> Int32 {
    let verb = inv.args.first ?? "status"
    let rest = Array(inv.args.dropFirst())
    let interfaces = guestInterfaces()
    let index: [String: Int] = Dictionary(uniqueKeysWithValues: links().map { ($0.name, $0.index) })
    switch verb {
    case "status":
      if let name = rest.first {
        guard let i = interfaces.first(where: { $0.name == name }) else {
          return inv.fail("Failed to resolve interface \"\(name)\": No such device", status: 1)
        }
        linkStatus(&inv, i, index: index[i.name] ?? 0)
        return 0
      }
      inv.line("Global")
      inv.line("       LLMNR setting: yes")
      inv.line("MulticastDNS setting: no")
      inv.line("  DNSOverTLS setting: no")
      inv.line("      DNSSEC setting: no")
      inv.line("    DNSSEC supported: no")
      let global = globalDns
      if !global.isEmpty {
        inv.line("  Current DNS Server: \(global[0])")
        inv.line("         DNS Servers: \(global.map(\.description).joined(separator: " "))")
      }
      for i in interfaces {
        inv.line("")
        linkStatus(&inv, i, index: index[i.name] ?? 0)
      }
      inv.line("")
      inv.line("Link \(index["docker0"] ?? 0) (docker0)")
      inv.line("      Current Scopes: none")
      return 0
    case "dns":
      guard let name = rest.first else {
        inv.line("Global: \(globalDns.map(\.description).joined(separator: " "))")
        for i in interfaces { inv.line("Link \(index[i.name] ?? 0) (\(i.name)): \(i.dnsServers.map(\.description).joined(separator: " "))") }
        return 0
      }
      guard let i = interfaces.first(where: { $0.name == name }) else {
        return inv.fail("Failed to resolve interface \"\(name)\": No such device", status: 1)
      }
      if rest.count == 1 {
        inv.line("Link \(index[i.name] ?? 0) (\(i.name)): \(i.dnsServers.map(\.description).joined(separator: " "))")
        return 0
      }
      guard inv.root else { return inv.fail("Failed to set DNS configuration: Interactive authentication required.", status: 1) }
      var servers: [IPv4Address] = []
      for text in rest.dropFirst() where !text.isEmpty {
        guard let a = IPv4Address(text) else { return inv.fail("Failed to parse DNS server address: \(text)", status: 1) }
        servers.append(a)
      }
      do { try host.setRuntimeDns(interface: name, servers: servers) } catch {
        return inv.fail(error.message, status: 1)
      }
      return 0
    case "revert":
      guard let name = rest.first else { return inv.fail("resolvectl: revert requires an interface", status: 1) }
      guard inv.root else { return inv.fail("Failed to revert interface configuration: Interactive authentication required.", status: 1) }
      do { try host.setRuntimeDns(interface: name, servers: []) } catch { return inv.fail(error.message, status: 1) }
      return 0
    case "flush-caches", "reset-statistics", "reset-server-features":
      return 0
    case "query":
      guard !rest.isEmpty else { return inv.fail("resolvectl: query requires at least one name", status: 1) }
      var status: Int32 = 0
      for name in rest where !name.hasPrefix("-") {
        switch resolve(name) {
        case .address(let a):
          let link = sortedRoutes().first { $0.destination.contains(a) }?.device ?? interfaces.first?.name ?? "eth0"
          inv.line("\(name): \(Self.pad(a.description, 31)) -- link: \(link)")
          inv.line("")
          inv.line("-- Information acquired via protocol DNS in \(String(format: "%.1f", 1 + Self.jitter(name) * 20))ms.")
          inv.line("-- Data is authenticated: no")
        case .noServers:
          inv.fail("\(name): resolve call failed: No appropriate name servers or networks for name found")
          status = 1
        case .temporaryFailure:
          inv.fail("\(name): resolve call failed: All attempts to contact name servers or networks failed")
          status = 1
        case .unknownName:
          inv.fail("\(name): resolve call failed: '\(name)' not found")
          status = 1
        }
      }
      return status
    default:
      return inv.fail("Unknown command verb \(verb).", status: 1)
    }
  }

  /// One link's section in the layout of the EFLOW networking guide (reference §5.3).
  private func linkStatus(_ inv: inout GuestInvocation, _ i: GuestInterface, index: Int) {
    inv.line("Link \(index) (\(i.name))")
    inv.line("      Current Scopes: \(i.dnsServers.isEmpty || !i.isUp ? "none" : "DNS")")
    inv.line("       LLMNR setting: yes")
    inv.line("MulticastDNS setting: no")
    inv.line("  DNSOverTLS setting: no")
    inv.line("      DNSSEC setting: no")
    inv.line("    DNSSEC supported: no")
    if let first = i.dnsServers.first, i.isUp {
      inv.line("  Current DNS Server: \(first)")
      inv.line("         DNS Servers: \(i.dnsServers.map(\.description).joined(separator: " "))")
    }
  }

  /// `ping [-c N] [-I IFACE] [-q] [-W S] [-w S] [-i S] [-s SIZE] [-4] HOST`. Without `-c`,
  /// eflowsh sends 4 probes (a real ping would run until interrupted).
  func ping(_ inv: inout GuestInvocation) -> Int32 {
    let parsed = Self.flags(inv.args, valued: ["c", "I", "W", "w", "i", "s", "t"])
    guard let target = parsed.operands.last else {
      return inv.fail("ping: usage error: Destination address required", status: 2)
    }
    let count = parsed.values["c"].flatMap { Int($0) } ?? 4
    guard count > 0 else { return inv.fail("ping: invalid argument: '\(parsed.values["c"] ?? "")': out of range: 1 <= value <= 9223372036854775807", status: 1) }
    let interface = parsed.values["I"]
    if let interface, !links().contains(where: { $0.name == interface }) {
      return inv.fail("ping: SO_BINDTODEVICE \(interface): No such device", status: 2)
    }
    let address: IPv4Address
    switch resolve(target) {
    case .address(let a): address = a
    case .noServers, .temporaryFailure: return inv.fail("ping: \(target): Temporary failure in name resolution", status: 2)
    case .unknownName: return inv.fail("ping: \(target): Name or service not known", status: 2)
    }
    let local = address.isLoopback || guestInterfaces().contains { $0.address?.address == address }
    if !local && (try? host.routeLookup(to: address, device: interface)) == nil {
      return inv.fail("ping: connect: Network is unreachable", status: 2)
    }
    let reached = local || host.reach(from: interface, to: address)
    let size = parsed.values["s"].flatMap { Int($0) } ?? 56
    let quiet = parsed.flags.contains("q")
    let named = IPv4Address(target) == nil
    inv.line("PING \(target) (\(address)) \(size)(\(size + 28)) bytes of data.")
    var times: [Double] = []
    if reached {
      let route = try? host.routeLookup(to: address, device: interface)
      let viaHost = route?.gateway.map { g in host.ipAddresses.contains { $0.address.address == g } } ?? false
      let ttl: Int
      let base: Double
      if local {
        (ttl, base) = (64, 0.03)
      } else if host.ipAddresses.contains(where: { $0.address.address == address }) {
        (ttl, base) = (128, 0.4)
      } else if route?.gateway == nil || route?.gateway == address {
        (ttl, base) = (64, 0.35)
      } else if address.isPublic {
        (ttl, base) = (viaHost ? 115 : 116, 11)
      } else {
        (ttl, base) = (viaHost ? 127 : 63, 0.8)
      }
      for seq in 1...count {
        let t = base * (1 + 0.4 * Self.jitter("\(address)#\(seq)"))
        times.append(t)
        if !quiet {
          let from = named ? "\(address) (\(address))" : "\(address)"
          inv.line("\(size + 8) bytes from \(from): icmp_seq=\(seq) ttl=\(ttl) time=\(Self.rtt(t)) ms")
        }
      }
    }
    inv.line("")
    inv.line("--- \(target) ping statistics ---")
    let received = times.count
    let loss = (count - received) * 100 / count
    let elapsed = (count - 1) * 1000 + (reached ? count : 30 + count * 10)
    inv.line("\(count) packets transmitted, \(received) received, \(loss)% packet loss, time \(elapsed)ms")
    if received > 0 {
      let avg = times.reduce(0, +) / Double(received)
      let mdev = (times.map { ($0 - avg) * ($0 - avg) }.reduce(0, +) / Double(received)).squareRoot()
      inv.line("rtt min/avg/max/mdev = \(String(format: "%.3f/%.3f/%.3f/%.3f", times.min()!, avg, times.max()!, mdev)) ms")
      return 0
    }
    inv.line("")
    return 1
  }

  static func rtt(_ t: Double) -> String {
    t >= 100 ? String(format: "%.0f", t) : t >= 10 ? String(format: "%.1f", t) : String(format: "%.3f", t)
  }
}
