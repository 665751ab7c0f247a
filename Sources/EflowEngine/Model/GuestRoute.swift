import Foundation

/// A route in the guest's main table (`ip route`). The table's order is the kernel's insertion
/// order, which decides between equal-metric routes.
///
/// In the state file a route is its `ip route` line (`"10.1.0.0/24 via 10.0.0.1 dev eth1 metric
/// 100"`): one line a route is what a reader expects, and a VM with a thousand routes encodes
/// seven times faster than with an object per route. Schema-1 files hold objects; both decode.
public struct GuestRoute: Codable, Sendable, Equatable {
  public enum RouteProtocol: String, Codable, Sendable, Equatable, CaseIterable {
    case kernel, dhcp, `static`, boot
  }

  public enum Scope: String, Codable, Sendable, Equatable, CaseIterable {
    case global, link, host
  }

  public var destination: IPv4Network
  public var gateway: IPv4Address?
  public var device: String
  public var metric: Int
  public var `protocol`: RouteProtocol
  public var scope: Scope
  public var source: IPv4Address?

  public init(
    destination: IPv4Network, gateway: IPv4Address? = nil, device: String, metric: Int = 0,
    protocol: RouteProtocol = .boot, scope: Scope = .global, source: IPv4Address? = nil
  ) {
    self.destination = destination
    self.gateway = gateway
    self.device = device
    self.metric = metric
    self.protocol = `protocol`
    self.scope = scope
    self.source = source
  }

  public var isDefault: Bool { destination.prefixLength == 0 }

  /// `ip route` text: `default via 192.168.1.1 dev eth0 proto dhcp src 192.168.1.123 metric 1024`.
  public var iprouteText: String {
    var text: [UInt8] = []
    text.reserveCapacity(96)
    if isDefault {
      text += "default".utf8
    } else if destination.prefixLength == 32 {
      destination.address.append(to: &text)
    } else {
      destination.append(to: &text)
    }
    if let gateway {
      text += " via ".utf8
      gateway.append(to: &text)
    }
    text += " dev ".utf8
    text += device.utf8
    if self.protocol != .boot {
      text += " proto ".utf8
      text += self.protocol.rawValue.utf8
    }
    if scope != .global {
      text += " scope ".utf8
      text += scope.rawValue.utf8
    }
    if let source {
      text += " src ".utf8
      source.append(to: &text)
    }
    if metric != 0 {
      text += " metric ".utf8
      text += String(metric).utf8
    }
    return String(decoding: text, as: UTF8.self)
  }

  /// Reads back `iprouteText` exactly: `default` is 0.0.0.0/0, a bare address a /32, and the
  /// omitted words take `ip`'s defaults (proto boot, scope global, metric 0). Nil for anything else.
  public init?(iprouteText text: String) {
    var text = text
    guard let route = text.withUTF8({ GuestRoute(line: $0) }) else { return nil }
    self = route
  }

  /// Works on the line's bytes: a state file holds a line per route, thousands of them.
  private init?(line: UnsafeBufferPointer<UInt8>) {
    let words = line.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
    guard let first = words.first else { return nil }
    let destination: IPv4Network
    if first.elementsEqual("default".utf8) {
      destination = .defaultRoute
    } else if let network = IPv4Network(utf8: first, strict: true) {
      destination = network
    } else if let address = IPv4Address(utf8: first) {
      destination = IPv4Network(containing: address, prefixLength: 32)
    } else {
      return nil
    }
    var gateway: IPv4Address?, device: String?, metric = 0, source: IPv4Address?
    var proto = RouteProtocol.boot, scope = Scope.global
    var index = 1
    while index + 1 < words.count {
      let key = String(decoding: words[index], as: UTF8.self)
      let value = words[index + 1]
      switch key {
      case "via":
        guard gateway == nil, let address = IPv4Address(utf8: value) else { return nil }
        gateway = address
      case "dev":
        guard device == nil, !value.isEmpty else { return nil }
        device = String(decoding: value, as: UTF8.self)
      case "proto":
        guard let parsed = RouteProtocol(rawValue: String(decoding: value, as: UTF8.self)) else { return nil }
        proto = parsed
      case "scope":
        guard let parsed = Scope(rawValue: String(decoding: value, as: UTF8.self)) else { return nil }
        scope = parsed
      case "src":
        guard source == nil, let address = IPv4Address(utf8: value) else { return nil }
        source = address
      case "metric":
        guard (1...10).contains(value.count), value.allSatisfy({ $0 &- UInt8(ascii: "0") < 10 }) else { return nil }
        metric = value.reduce(0) { $0 * 10 + Int($1 &- UInt8(ascii: "0")) }
      default:
        return nil
      }
      index += 2
    }
    guard index == words.count, let device else { return nil }
    self.init(
      destination: destination, gateway: gateway, device: device, metric: metric, protocol: proto, scope: scope,
      source: source)
  }

  private enum CodingKeys: String, CodingKey {
    case destination, gateway, device, metric, `protocol`, scope, source
  }

  public init(from decoder: any Decoder) throws {
    if let line = try? decoder.singleValueContainer().decode(String.self) {
      guard let route = GuestRoute(iprouteText: line) else {
        throw DecodingError.dataCorrupted(
          DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "'\(line)' is not an ip route line"))
      }
      self = route
      return
    }
    // Schema 1: an object per route.
    let keyed = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      destination: try keyed.decode(IPv4Network.self, forKey: .destination),
      gateway: try keyed.decodeIfPresent(IPv4Address.self, forKey: .gateway),
      device: try keyed.decode(String.self, forKey: .device),
      metric: try keyed.decode(Int.self, forKey: .metric),
      protocol: try keyed.decode(RouteProtocol.self, forKey: .protocol),
      scope: try keyed.decode(Scope.self, forKey: .scope),
      source: try keyed.decodeIfPresent(IPv4Address.self, forKey: .source))
  }

  public func encode(to encoder: any Encoder) throws {
    // A device name with a space (Linux allows none, but the model does not forbid it) would not
    // read back from a line, so such a route keeps the object form.
    if !device.isEmpty, !device.utf8.contains(UInt8(ascii: " ")) {
      var single = encoder.singleValueContainer()
      try single.encode(iprouteText)
      return
    }
    var keyed = encoder.container(keyedBy: CodingKeys.self)
    try keyed.encode(destination, forKey: .destination)
    try keyed.encodeIfPresent(gateway, forKey: .gateway)
    try keyed.encode(device, forKey: .device)
    try keyed.encode(metric, forKey: .metric)
    try keyed.encode(self.protocol, forKey: .protocol)
    try keyed.encode(scope, forKey: .scope)
    try keyed.encodeIfPresent(source, forKey: .source)
  }
}
