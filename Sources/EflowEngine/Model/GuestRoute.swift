import Foundation

/// A route in the guest's main table (`ip route`). The table's order is the kernel's insertion
/// order, which decides between equal-metric routes.
public struct GuestRoute: Codable, Sendable, Equatable {
  public enum RouteProtocol: String, Codable, Sendable, Equatable {
    case kernel, dhcp, `static`, boot
  }

  public enum Scope: String, Codable, Sendable, Equatable {
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
    var parts = [isDefault ? "default" : (destination.prefixLength == 32 ? destination.address.description : destination.description)]
    if let gateway { parts.append("via \(gateway)") }
    parts.append("dev \(device)")
    if self.protocol != .boot { parts.append("proto \(self.protocol.rawValue)") }
    if scope != .global { parts.append("scope \(scope.rawValue)") }
    if let source { parts.append("src \(source)") }
    if metric != 0 { parts.append("metric \(metric)") }
    return parts.joined(separator: " ")
  }
}
