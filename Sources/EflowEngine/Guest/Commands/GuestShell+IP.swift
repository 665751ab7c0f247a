import Foundation

/// iproute2's `ip`: addr, link, route (show/get/add/del/replace/change/append), neigh; with
/// `-4`, `-br`, `-o` and `-c` (colour is ignored: output is not a terminal).
extension GuestShell {
  func ip(_ inv: inout GuestInvocation) -> Int32 {
    var args = inv.args[...]
    var brief = false
    var only4 = false
    while let a = args.first, a.hasPrefix("-") {
      switch a {
      case "-br", "-brief", "--brief": brief = true
      case "-4": only4 = true
      case "-6", "-c", "-color", "--color", "-o", "-oneline", "-d", "-details", "-s", "-stats", "-j", "-json", "-p", "-pretty": break
      default:
        if a.hasPrefix("-c") || a.hasPrefix("--color") { break }
        return inv.fail("Option \"\(a)\" is unknown, try \"ip -help\".", status: 255)
      }
      args = args.dropFirst()
    }
    guard let object = args.first else {
      return inv.fail("Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }\n       ip [ -force ] -batch filename\nwhere  OBJECT := { address | link | neigh | route | rule | … }", status: 255)
    }
    let rest = Array(args.dropFirst())
    switch object {
    case "a", "ad", "add", "addr", "addre", "addres", "address": return ipAddr(&inv, rest, brief: brief, only4: only4)
    case "l", "li", "lin", "link": return ipLink(&inv, rest, brief: brief)
    case "r", "ro", "rou", "rout", "route": return ipRoute(&inv, rest)
    case "n", "ne", "nei", "neigh", "neighbor", "neighbour": return ipNeigh(&inv, rest)
    default: return inv.fail("Object \"\(object)\" is unknown, try \"ip help\".", status: 1)
    }
  }

  /// `show [dev] X` → the device name, if any; an unknown one is reported.
  private func selectedLinks(_ inv: inout GuestInvocation, _ args: [String], verb: String) -> [GuestLink]? {
    var rest = args[...]
    if let first = rest.first, ["show", "list", "ls", "lst", "sh", "s"].contains(first) { rest = rest.dropFirst() }
    else if let first = rest.first, !["dev"].contains(first), !first.hasPrefix("eth"), first != "lo", first != "docker0" {
      inv.fail("Command \"\(first)\" is unknown, try \"ip \(verb) help\".")
      return nil
    }
    if rest.first == "dev" { rest = rest.dropFirst() }
    let all = links()
    guard let name = rest.first, !["up", "scope", "to", "label"].contains(name) else {
      return rest.first == "up" ? all.filter(\.up) : all
    }
    guard let link = all.first(where: { $0.name == name }) else {
      inv.fail("Device \"\(name)\" does not exist.")
      return nil
    }
    return [link]
  }

  private func ipAddr(_ inv: inout GuestInvocation, _ args: [String], brief: Bool, only4: Bool) -> Int32 {
    if let verb = args.first, ["add", "del", "delete", "change", "replace", "flush"].contains(verb) {
      return inv.fail(inv.root ? "RTNETLINK answers: Operation not supported (eflowsh: EFLOW configures the VM's addresses; use Deploy-Eflow or Add-EflowVmEndpoint)" : "RTNETLINK answers: Operation not permitted", status: 2)
    }
    guard let selected = selectedLinks(&inv, args, verb: "address") else { return 1 }
    for link in selected {
      if brief {
        var addresses: [String] = []
        if let a = link.address { addresses.append(a.description) }
        if !only4, let v6 = link.ipv6, link.up || link.kind == .loopback { addresses.append(v6) }
        if only4 && link.address == nil { continue }
        inv.line(Self.pad(link.name, 16) + " " + Self.pad(link.state, 14) + " " + addresses.map { $0 + " " }.joined())
        continue
      }
      if only4 && link.address == nil { continue }
      inv.line(linkHeader(link, mode: false))
      if !only4 { inv.line("    " + linkLayer(link)) }
      if let a = link.address {
        switch link.kind {
        case .loopback:
          inv.line("    inet \(a) scope host lo")
        case .ether:
          let metric = link.dhcp ? "metric \(HostState.dhcpRouteMetric) " : ""
          inv.line("    inet \(a) \(metric)brd \(a.broadcast) scope global \(link.dhcp ? "dynamic " : "")\(link.name)")
        case .bridge:
          inv.line("    inet \(a) brd \(a.broadcast) scope global \(link.name)")
        }
        inv.line(link.dhcp ? "       valid_lft 85973sec preferred_lft 85973sec" : "       valid_lft forever preferred_lft forever")
      }
      if !only4, let v6 = link.ipv6, link.up {
        inv.line("    inet6 \(v6) scope \(link.kind == .loopback ? "host" : "link")\(link.kind == .loopback ? " noprefixroute" : "")")
        inv.line("       valid_lft forever preferred_lft forever")
      }
    }
    return 0
  }

  static func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
  }

  static func padLeft(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
  }

  private func linkHeader(_ link: GuestLink, mode: Bool) -> String {
    let modeText = mode ? "mode DEFAULT " : ""
    switch link.kind {
    case .loopback:
      return "1: lo: \(link.flags) mtu 65536 qdisc noqueue state UNKNOWN \(modeText)group default qlen 1000"
    case .ether:
      return "\(link.index): \(link.name): \(link.flags) mtu 1500 qdisc mq state \(link.state) \(modeText)group default qlen 1000"
    case .bridge:
      return "\(link.index): \(link.name): \(link.flags) mtu 1500 qdisc noqueue state \(link.state) \(modeText)group default "
    }
  }

  private func linkLayer(_ link: GuestLink) -> String {
    link.kind == .loopback
      ? "link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00" : "link/ether \(link.mac) brd ff:ff:ff:ff:ff:ff"
  }

  private func ipLink(_ inv: inout GuestInvocation, _ args: [String], brief: Bool) -> Int32 {
    if let verb = args.first, ["set", "add", "delete", "del"].contains(verb) {
      return inv.fail(inv.root ? "RTNETLINK answers: Operation not supported (eflowsh: the VM's links are managed by EFLOW)" : "RTNETLINK answers: Operation not permitted", status: 2)
    }
    guard let selected = selectedLinks(&inv, args, verb: "link") else { return 1 }
    for link in selected {
      if brief {
        inv.line(Self.pad(link.name, 16) + " " + Self.pad(link.state, 14) + " " + link.mac + " " + link.flags + " ")
      } else {
        inv.line(linkHeader(link, mode: true))
        inv.line("    " + linkLayer(link))
      }
    }
    return 0
  }

  private func ipNeigh(_ inv: inout GuestInvocation, _ args: [String]) -> Int32 {
    for i in guestInterfaces() where i.isUp {
      guard let gateway = i.gateway, host.reach(from: i.name, to: gateway) else { continue }
      inv.line("\(gateway) dev \(i.name) lladdr \(neighbourMac(gateway)) REACHABLE")
    }
    return 0
  }

  // MARK: - ip route

  struct RouteSpec {
    var destination: IPv4Network?
    var gateway: IPv4Address?
    var device: String?
    var metric: Int?
    var proto: GuestRoute.RouteProtocol?
    var scope: GuestRoute.Scope?
    var source: IPv4Address?
    var isDefaultKeyword = false
  }

  static func parsePrefix(_ text: String) -> IPv4Network? {
    if text == "default" || text == "all" { return .defaultRoute }
    if text.contains("/") { return IPv4Network(text) }
    return IPv4Address(text).map { IPv4Network(containing: $0, prefixLength: 32) }
  }

  /// Reads `[to] PREFIX via GW dev DEV metric N proto P scope S src A` (any order).
  private func parseRouteSpec(_ inv: inout GuestInvocation, _ args: [String]) -> RouteSpec? {
    var spec = RouteSpec()
    var i = 0
    func value() -> String? {
      i += 1
      guard i < args.count else {
        inv.fail("Command line is not complete. Try option \"help\"")
        return nil
      }
      return args[i]
    }
    while i < args.count {
      let a = args[i]
      switch a {
      case "via":
        guard let v = value() else { return nil }
        guard let g = IPv4Address(v) else { inv.fail("Error: inet address is expected rather than \"\(v)\"."); return nil }
        spec.gateway = g
      case "dev", "oif":
        guard let v = value() else { return nil }
        spec.device = v
      case "metric", "priority", "preference":
        guard let v = value() else { return nil }
        guard let n = Int(v), n >= 0 else { inv.fail("Error: argument \"\(v)\" is wrong: \"metric\" value is invalid\n"); return nil }
        spec.metric = n
      case "proto", "protocol":
        guard let v = value() else { return nil }
        spec.proto = GuestRoute.RouteProtocol(rawValue: v) ?? .boot
      case "scope":
        guard let v = value() else { return nil }
        spec.scope = GuestRoute.Scope(rawValue: v)
      case "src":
        guard let v = value() else { return nil }
        spec.source = IPv4Address(v)
      case "table":
        guard let v = value() else { return nil }
        if v != "main" && v != "254" { inv.fail("eflowsh: only the main routing table is simulated"); return nil }
      case "onlink", "unicast", "to":
        break
      default:
        guard spec.destination == nil, let d = Self.parsePrefix(a) else {
          inv.fail("Error: any valid prefix is expected rather than \"\(a)\".")
          return nil
        }
        spec.destination = d
        spec.isDefaultKeyword = a == "default"
      }
      i += 1
    }
    return spec
  }

  private func ipRoute(_ inv: inout GuestInvocation, _ args: [String]) -> Int32 {
    let verb = args.first ?? "show"
    let rest = Array(args.dropFirst())
    switch verb {
    case "show", "list", "ls", "lst", "sh", "s":
      return ipRouteShow(&inv, rest)
    case "get", "g":
      return ipRouteGet(&inv, rest)
    case "add", "a", "del", "delete", "d", "replace", "change", "append", "prepend":
      guard inv.root else { return inv.fail("RTNETLINK answers: Operation not permitted", status: 2) }
      guard let spec = parseRouteSpec(&inv, rest) else { return 1 }
      return changeRoute(&inv, verb: verb, spec: spec, netTools: false)
    case "flush":
      guard inv.root else { return inv.fail("Failed to send flush request: Operation not permitted", status: 2) }
      return inv.fail("eflowsh: ip route flush is not simulated", status: 2)
    default:
      if Self.parsePrefix(verb) != nil { return ipRouteShow(&inv, args) }
      return inv.fail("Command \"\(verb)\" is unknown, try \"ip route help\".", status: 255)
    }
  }

  private func ipRouteShow(_ inv: inout GuestInvocation, _ args: [String]) -> Int32 {
    guard let spec = parseRouteSpec(&inv, args) else { return 1 }
    if let dev = spec.device, !links().contains(where: { $0.name == dev }) {
      return inv.fail("Cannot find device \"\(dev)\"", status: 1)
    }
    for route in sortedRoutes() {
      if let d = spec.destination, route.destination != d { continue }
      if let dev = spec.device, route.device != dev { continue }
      if let g = spec.gateway, route.gateway != g { continue }
      if let p = spec.proto, route.protocol != p { continue }
      if let s = spec.scope, route.scope != s { continue }
      if let m = spec.metric, route.metric != m { continue }
      var text = route.iprouteText
      if spec.device != nil { text = text.replacingOccurrences(of: " dev \(route.device)", with: "") }
      if spec.destination != nil && !route.isDefault {
        // iproute2 still prints the prefix; nothing to drop
      }
      inv.line(text + " ")
    }
    return 0
  }

  private func ipRouteGet(_ inv: inout GuestInvocation, _ args: [String]) -> Int32 {
    var target: IPv4Address?
    var device: String?
    var i = 0
    while i < args.count {
      if ["oif", "dev"].contains(args[i]), i + 1 < args.count { device = args[i + 1]; i += 2; continue }
      if ["from", "iif", "mark", "uid", "tos"].contains(args[i]) { i += 2; continue }
      if args[i] == "to" { i += 1; continue }
      guard let a = IPv4Address(args[i]) else {
        return inv.fail("Error: inet prefix is expected rather than \"\(args[i])\".", status: 1)
      }
      target = a
      i += 1
    }
    guard let target else { return inv.fail("need at least a destination address", status: 1) }
    let uid = inv.root ? 0 : 1000
    if let own = guestInterfaces().first(where: { $0.address?.address == target }) {
      inv.line("local \(target) dev lo table local src \(target) uid \(uid) ")
      inv.line("    cache <local> ")
      _ = own
      return 0
    }
    if target.isLoopback {
      inv.line("local \(target) dev lo table local src 127.0.0.1 uid \(uid) ")
      inv.line("    cache <local> ")
      return 0
    }
    guard let route = try? host.routeLookup(to: target, device: device) else {
      return inv.fail("RTNETLINK answers: Network is unreachable", status: 2)
    }
    let source = route.source ?? guestInterfaces().first { $0.name == route.device }?.address?.address
    var text = "\(target)"
    if let g = route.gateway { text += " via \(g)" }
    text += " dev \(route.device)"
    if let source { text += " src \(source)" }
    inv.line(text + " uid \(uid) ")
    inv.line("    cache ")
    return 0
  }

  /// add/del/replace for `ip route` and `route` (net-tools words its errors `SIOCADDRT: …`).
  func changeRoute(_ inv: inout GuestInvocation, verb: String, spec: RouteSpec, netTools: Bool) -> Int32 {
    let deleting = ["del", "delete", "d"].contains(verb)
    let ioctl = deleting ? "SIOCDELRT" : "SIOCADDRT"
    func fail(_ message: String) -> Int32 {
      if netTools {
        let reason = message.replacingOccurrences(of: "RTNETLINK answers: ", with: "")
        return inv.fail("\(ioctl): \(reason.hasPrefix("Cannot find device") ? "No such device" : reason)", status: 7)
      }
      return inv.fail(message, status: message.hasPrefix("Cannot find device") ? 1 : 2)
    }
    guard let destination = spec.destination else {
      return netTools ? inv.fail("\(ioctl): Invalid argument", status: 7) : inv.fail("Error: any valid prefix is expected rather than \"\".", status: 1)
    }
    do {
      if deleting {
        try host.deleteGuestRoute(destination: destination, gateway: spec.gateway, device: spec.device, metric: spec.metric == 0 ? nil : spec.metric)
        return 0
      }
      var device = spec.device
      if device == nil, let g = spec.gateway { device = try host.onLinkDevice(for: g) }
      guard let device else { return fail(netTools ? "No such device" : "RTNETLINK answers: No such device") }
      let route = GuestRoute(
        destination: destination, gateway: spec.gateway, device: device, metric: spec.metric ?? 0, protocol: spec.proto ?? .boot,
        scope: spec.scope ?? (spec.gateway == nil ? .link : .global), source: spec.source)
      if ["replace", "change"].contains(verb) { try host.replaceGuestRoute(route) } else { try host.addGuestRoute(route) }
      return 0
    } catch {
      return fail(error.message)
    }
  }
}
