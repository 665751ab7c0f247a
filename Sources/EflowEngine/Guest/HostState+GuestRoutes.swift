import Foundation

/// The guest routing table as systemd-networkd builds it at every VM start.
///
/// Metric rule (reference §5.6/§9): default and connected routes learned by DHCP get metric
/// 1024 (systemd-networkd's DHCP default, as observed), static ones 0 (as observed); the gateway
/// host route of a DHCP interface is added as observed (`UH 1024`). The docs' "random priority"
/// is modelled where it really comes from: interfaces come up in a random order at each start
/// (drawn from the seeded source), and among equal-metric routes the kernel prefers the first
/// inserted. So two DHCP NICs swap which one carries the default route from start to start,
/// deterministically for a given seed; a static NIC always beats a DHCP one. Custom routes are
/// lost at every start.
extension HostState {
  /// DHCP routes' metric (systemd-networkd default).
  public static let dhcpRouteMetric = 1024
  /// Static routes' metric.
  public static let staticRouteMetric = 0

  /// Rebuilds the guest's routes (and clears runtime DNS) with a fresh bring-up order.
  mutating func regenerateRoutes() {
    guard var machine = vm else { return }
    var order = machine.endpoints.indices.map { $0 }
    order.shuffle(using: &random)
    machine.routes = order.flatMap { Self.routes(for: machine.endpoints[$0]) } + [Self.dockerRoute]
    machine.runtimeDns = []
    vm = machine
  }

  /// The routes systemd-networkd installs for one endpoint's configuration.
  static func routes(for endpoint: EflowEndpoint) -> [GuestRoute] {
    guard let address = endpoint.address else { return [] }
    let dev = endpoint.guestInterface
    let isDhcp = endpoint.allocation == .dhcp
    let metric = isDhcp ? dhcpRouteMetric : staticRouteMetric
    var routes: [GuestRoute] = []
    if let gateway = endpoint.gateway {
      routes.append(
        GuestRoute(
          destination: .defaultRoute, gateway: gateway, device: dev, metric: metric,
          protocol: isDhcp ? .dhcp : .static, scope: .global, source: isDhcp ? address.address : nil))
    }
    routes.append(
      GuestRoute(
        destination: address.network, device: dev, metric: metric, protocol: .kernel, scope: .link,
        source: address.address))
    if isDhcp, let gateway = endpoint.gateway {
      routes.append(
        GuestRoute(
          destination: IPv4Network(containing: gateway, prefixLength: 32), device: dev, metric: metric,
          protocol: .dhcp, scope: .link, source: address.address))
    }
    return routes
  }

  /// `172.17.0.0/16 dev docker0` — present once IoT Edge (moby) runs.
  static let dockerRoute = GuestRoute(
    destination: IPv4Network("172.17.0.0/16")!, device: "docker0", metric: 0, protocol: .kernel, scope: .link,
    source: IPv4Address("172.17.0.1"))
}
