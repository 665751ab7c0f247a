import Foundation

/// Derives the network each switch leads to (see `NetworkSegment`), and the host's own reach.
extension HostState {
  public func segment(for vSwitch: VirtualSwitch) -> NetworkSegment {
    let vnicAddresses = hostAdapter(forSwitchId: vSwitch.id).map { addresses(onIfIndex: $0.ifIndex) } ?? []
    let hostAddresses = vnicAddresses.map(\.address.address)
    var segment = NetworkSegment(
      switchName: vSwitch.name, kind: .privateSwitch, subnets: [], hostAddresses: hostAddresses,
      devices: [], dhcp: nil, internetGateways: [], hostForwarders: [])
    if vSwitch.isDefaultSwitch, let subnet = vSwitch.icsSubnet {
      let gateway = IPv4Address(subnet.address.value + 1)
      segment.kind = .ics
      segment.subnets = [subnet]
      let range = subnet.hostRange!
      segment.dhcp = DhcpSource(
        pool: IPv4Address(range.lowerBound.value + 1)...range.upperBound, prefixLength: subnet.prefixLength,
        gateway: gateway, dnsServers: [gateway])
      segment.hostForwarders = [gateway]
      segment.internetGateways = hostHasInternet ? [gateway] : []
      return segment
    }
    switch vSwitch.type {
    case .external:
      guard let adapterName = vSwitch.netAdapterName else { return segment }
      segment.kind = .lan(adapterName: adapterName)
      guard let lan = lan(behindAdapterNamed: adapterName),
        adapters.first(where: { $0.name == adapterName })?.status == .up
      else { return segment }
      segment.subnets = [lan.subnet]
      segment.devices = lan.addressesInUse + (lan.gateway.map { [$0] } ?? [])
      if let pool = lan.dhcp {
        segment.dhcp = DhcpSource(
          pool: pool.start...pool.end, prefixLength: lan.subnet.prefixLength, gateway: lan.gateway,
          dnsServers: lan.dnsServers)
      }
      if lan.internet, let gateway = lan.gateway { segment.internetGateways = [gateway] }
    case .internal:
      segment.kind = .internalSwitch
      segment.subnets = vnicAddresses.map(\.address.network)
      if dhcpServer.answers,
        let scope = dhcpServer.scopes.first(where: { scope in
          scope.state == .active && hostAddresses.contains { scope.network.contains($0) }
        })
      {
        let options = scope.options.merged(over: dhcpServer.serverOptions)
        segment.dhcp = DhcpSource(
          pool: scope.startRange...scope.endRange, prefixLength: scope.network.prefixLength,
          gateway: options.router?.first, dnsServers: options.dnsServer ?? [])
      }
      segment.hostForwarders = vnicAddresses.filter { nat(covering: $0.address.network) != nil }.map(\.address.address)
      segment.internetGateways = hostHasInternet ? segment.hostForwarders : []
    case .private:
      break
    }
    return segment
  }

  /// The switch an EFLOW network refers to: the first with that name and a matching type.
  /// nil when the Hyper-V switch was removed or retyped behind EFLOW's back.
  public func switchFor(network: EflowNetwork) -> VirtualSwitch? {
    switches.first { candidate in
      candidate.name.lowercased() == network.switchName.lowercased()
        && (network.kind == .ics ? candidate.isDefaultSwitch : (candidate.type == network.kind.switchType && !candidate.isDefaultSwitch))
    }
  }

  /// Whether the host itself reaches the internet: an Up adapter on a LAN whose gateway does,
  /// with a host address on it (directly or through an External switch's vNIC).
  public var hostHasInternet: Bool {
    profile.adapters.contains { adapter in
      guard let lan = adapter.lan, lan.internet, lan.gateway != nil,
        let live = adapters.first(where: { $0.name == adapter.name }), live.status == .up
      else { return false }
      return hostAddresses(onLanOf: adapter.name).contains { lan.subnet.contains($0) }
    }
  }

  /// Host addresses that sit on the LAN behind a physical adapter (on the adapter, or on the
  /// vNIC of the External switch bound to it).
  func hostAddresses(onLanOf adapterName: String) -> [IPv4Address] {
    var indexes: [Int] = adapters.filter { $0.name == adapterName }.map(\.ifIndex)
    for vSwitch in switches where vSwitch.type == .external && vSwitch.netAdapterName == adapterName {
      if let vnic = hostAdapter(forSwitchId: vSwitch.id) { indexes.append(vnic.ifIndex) }
    }
    return ipAddresses.filter { indexes.contains($0.ifIndex) }.map(\.address.address)
  }

  /// Whether the host, forwarding for a VM, can reach `address`: its own addresses, live
  /// devices on LANs it is attached to, and the internet when it has it.
  public func hostReaches(_ address: IPv4Address) -> Bool {
    if ipAddresses.contains(where: { $0.address.address == address }) { return true }
    for adapter in profile.adapters {
      guard let lan = adapter.lan, lan.subnet.contains(address),
        adapters.first(where: { $0.name == adapter.name })?.status == .up,
        !hostAddresses(onLanOf: adapter.name).isEmpty
      else { continue }
      if lan.addressesInUse.contains(address) || lan.gateway == address { return true }
    }
    return address.isPublic && hostHasInternet
  }
}
