import Foundation

/// The view from inside the VM, for the in-VM shell emulation: interfaces, the routing table,
/// `ip route add/del/replace`, `resolvectl dns`, and whether a packet gets somewhere. Runtime
/// changes are lost at the next start, as on systemd.
extension HostState {
  public func guestInterfaces() throws(EflowError) -> [GuestInterface] {
    let machine = try requireRunningVM()
    return machine.endpoints.sorted { $0.guestInterface.count != $1.guestInterface.count ? $0.guestInterface.count < $1.guestInterface.count : $0.guestInterface < $1.guestInterface }.map { e in
      let runtime = machine.runtimeDns.first { $0.interface == e.guestInterface }
      let network = machine.networks.first { $0.switchName == e.switchName }
      return GuestInterface(
        name: e.guestInterface, macAddress: e.macAddress, address: e.address, gateway: e.gateway,
        dnsServers: runtime?.servers ?? e.dnsServers, ipv6LinkLocal: e.macAddress.ipv6LinkLocal,
        isUp: network.flatMap { switchFor(network: $0) } != nil, switchName: e.switchName,
        endpointName: e.name, allocation: e.allocation)
    }
  }

  /// The guest's main routing table in kernel order.
  public func guestRoutes() throws(EflowError) -> [GuestRoute] {
    try requireRunningVM().routes
  }

  /// Devices `ip route` accepts: the endpoints' ethN and docker0.
  private func guestDevices(_ machine: EflowVM) -> [String] {
    machine.endpoints.map(\.guestInterface) + ["docker0"]
  }

  /// The device whose connected route holds `gateway` (what `ip route add … via G` picks
  /// when no `dev` is given).
  public func onLinkDevice(for gateway: IPv4Address) throws(EflowError) -> String {
    let machine = try requireRunningVM()
    guard let route = machine.routes.first(where: { $0.gateway == nil && $0.scope == .link && $0.destination.contains(gateway) }) else {
      throw EflowError(.invalidArgument, "RTNETLINK answers: Network is unreachable")
    }
    return route.device
  }

  /// `ip route add`: the device must exist, a gateway must be on-link on it, and a route with
  /// the same destination and metric must not exist.
  public mutating func addGuestRoute(_ route: GuestRoute) throws(EflowError) {
    try transact { (s) throws(EflowError) in
      let machine = try s.requireRunningVM()
      try s.checkGuestRoute(route, in: machine)
      if machine.routes.contains(where: { $0.destination == route.destination && $0.metric == route.metric }) {
        throw EflowError(.resourceExists, "RTNETLINK answers: File exists")
      }
      s.vm!.routes.append(route)
    }
  }

  /// `ip route replace`: replaces the route with the same destination and metric, or adds it.
  public mutating func replaceGuestRoute(_ route: GuestRoute) throws(EflowError) {
    try transact { (s) throws(EflowError) in
      let machine = try s.requireRunningVM()
      try s.checkGuestRoute(route, in: machine)
      if let index = machine.routes.firstIndex(where: { $0.destination == route.destination && $0.metric == route.metric }) {
        s.vm!.routes[index] = route
      } else {
        s.vm!.routes.append(route)
      }
    }
  }

  /// `ip route del`: the first route matching the destination and every selector given.
  @discardableResult
  public mutating func deleteGuestRoute(
    destination: IPv4Network, gateway: IPv4Address? = nil, device: String? = nil, metric: Int? = nil
  ) throws(EflowError) -> GuestRoute {
    try transact { (s) throws(EflowError) in
      let machine = try s.requireRunningVM()
      guard let index = machine.routes.firstIndex(where: { r in
        r.destination == destination && (gateway == nil || r.gateway == gateway)
          && (device == nil || r.device == device) && (metric == nil || r.metric == metric)
      }) else {
        throw EflowError(.objectNotFound, "RTNETLINK answers: No such process")
      }
      return s.vm!.routes.remove(at: index)
    }
  }

  private func checkGuestRoute(_ route: GuestRoute, in machine: EflowVM) throws(EflowError) {
    guard guestDevices(machine).contains(route.device) else {
      throw EflowError(.objectNotFound, "Cannot find device \"\(route.device)\"")
    }
    if let gateway = route.gateway {
      let onLink = machine.routes.contains {
        $0.device == route.device && $0.gateway == nil && $0.destination.contains(gateway)
      }
      if !onLink { throw EflowError(.invalidArgument, "RTNETLINK answers: Network is unreachable") }
    }
  }

  /// `resolvectl dns ethN …`: runtime DNS servers for one interface (empty list clears them);
  /// lost at the next start.
  public mutating func setRuntimeDns(interface: String, servers: [IPv4Address]) throws(EflowError) {
    try transact { (s) throws(EflowError) in
      let machine = try s.requireRunningVM()
      guard machine.endpoints.contains(where: { $0.guestInterface == interface }) else {
        throw EflowError(.objectNotFound, "Failed to resolve interface \"\(interface)\": No such device")
      }
      s.vm!.runtimeDns.removeAll { $0.interface == interface }
      if !servers.isEmpty { s.vm!.runtimeDns.append(RuntimeDns(interface: interface, servers: servers)) }
    }
  }

  /// `ip route get`: longest prefix, then lowest metric, then first in table order;
  /// optionally only routes through `device`.
  public func routeLookup(to destination: IPv4Address, device: String? = nil) throws(EflowError) -> GuestRoute? {
    let machine = try requireRunningVM()
    var best: GuestRoute? = nil
    for route in machine.routes where route.destination.contains(destination) && (device == nil || route.device == device) {
      guard let current = best else { best = route; continue }
      if route.destination.prefixLength > current.destination.prefixLength
        || (route.destination.prefixLength == current.destination.prefixLength && route.metric < current.metric)
      {
        best = route
      }
    }
    return best
  }

  /// Whether a packet from the guest reaches `destination` (ping-style), using the routing
  /// table and the topology: on-link nodes (LAN devices and gateway, the host's vNIC, other
  /// endpoints on the same switch), then through a gateway: a LAN gateway that reaches the
  /// internet forwards to public addresses; the host (ICS, or an Internal switch's vNIC) always
  /// answers for its own addresses and, when a NAT covers that subnet (ICS always), forwards to
  /// its LANs' devices and, if it has internet, to public addresses. An interface whose switch
  /// is gone reaches nothing. `from` restricts the lookup to one interface (`ping -I ethN`).
  public func reach(from interface: String? = nil, to destination: IPv4Address) -> Bool {
    guard let machine = vm, machine.isRunning else { return false }
    if machine.endpoints.contains(where: { $0.address?.address == destination && (interface == nil || $0.guestInterface == interface) }) {
      return true
    }
    guard let route = try? routeLookup(to: destination, device: interface) else { return false }
    if route.device == "docker0" { return destination == Self.dockerRoute.source }
    guard let endpoint = machine.endpoints.first(where: { $0.guestInterface == route.device }), endpoint.address != nil,
      let network = machine.networks.first(where: { $0.switchName == endpoint.switchName }),
      let vSwitch = switchFor(network: network)
    else { return false }
    let segment = segment(for: vSwitch)
    let peers = vmAddresses(onSwitch: endpoint.switchName, excluding: endpoint.name)
    func onLink(_ address: IPv4Address) -> Bool {
      segment.occupied.contains(address) || peers.contains(address)
    }
    guard let gateway = route.gateway else { return onLink(destination) }
    guard onLink(gateway) else { return false }
    if destination == gateway { return true }
    if segment.hostAddresses.contains(gateway) {
      if ipAddresses.contains(where: { $0.address.address == destination }) { return true }
      guard segment.hostForwarders.contains(gateway) else { return false }
      return hostReaches(destination)
    }
    return segment.internetGateways.contains(gateway) && destination.isPublic
  }
}
