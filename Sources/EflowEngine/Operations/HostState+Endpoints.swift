import Foundation

/// Add-/Get-/Remove-EflowVmEndpoint.
extension HostState {
  func endpointInfo(_ endpoint: EflowEndpoint) -> EndpointInfo {
    let network = vm?.networks.first { $0.switchName == endpoint.switchName }
    let healthy = network.flatMap { switchFor(network: $0) } != nil
    return EndpointInfo(
      name: endpoint.name, macAddress: endpoint.macAddress.linuxForm,
      healthStatus: healthy ? "currentState:OK previousState:OK" : "currentState:Failed previousState:OK",
      ipConfiguration: .init(
        address: endpoint.address?.address, prefixLength: endpoint.address?.prefixLength, gateway: endpoint.gateway,
        allocationMethod: endpoint.allocation.rawValue, subnet: endpoint.switchName),
      guestInterfaceName: endpoint.guestInterface, dnsServers: endpoint.dnsServers)
  }

  /// Add-EflowVmEndpoint. The VM must be running; the network must have been added
  /// (`Network 'X' does not exist`) and its switch must still exist (E9); at most
  /// `maxNetworkAdapters` NICs; the name becomes `<VM>-<switch>-<endpoint>`. Static parameters
  /// follow the deployment rules (E5, EAD texts, E4 on the Default Switch, address in use); a
  /// DHCP endpoint needs a server on that network (E8). The guest names it with the lowest free
  /// `ethN` (as the kernel does) and adds its routes after the existing ones.
  @discardableResult
  public mutating func addEndpoint(
    switchName: String, endpointName: String, ip4Address: String? = nil, ip4PrefixLength: Int? = nil,
    ip4GatewayAddress: String? = nil
  ) throws(EflowError) -> EndpointInfo {
    try transact { (s) throws(EflowError) in
      try s.requireMultipleNics("Add-EflowVmEndpoint")
      let machine = try s.requireRunningVM()
      guard let network = machine.networks.first(where: { $0.switchName.lowercased() == switchName.lowercased() }) else {
        throw .networkDoesNotExist(switchName)
      }
      guard let vSwitch = s.switchFor(network: network) else { throw .noAdaptersForSwitch(network.switchName) }
      if machine.endpoints.count >= Self.maxNetworkAdapters { throw .adapterLimit(machine.name, Self.maxNetworkAdapters) }
      let fullName = "\(machine.name)-\(network.switchName)-\(endpointName)"
      if machine.endpoints.contains(where: { $0.name.lowercased() == fullName.lowercased() }) {
        throw .endpointExists(fullName)
      }
      let staticConfig = try Self.staticConfig(address: ip4Address, prefixLength: ip4PrefixLength, gateway: ip4GatewayAddress)
      if staticConfig != nil && network.kind == .ics { throw .staticOnDefaultSwitch }
      let segment = s.segment(for: vSwitch)
      let used = Set(machine.endpoints.map(\.guestInterface))
      let interface = (0...).lazy.map { "eth\($0)" }.first { !used.contains($0) }!
      var endpoint = EflowEndpoint(
        name: fullName, switchName: network.switchName, guestInterface: interface, macAddress: s.drawMAC(),
        allocation: .dhcp, address: nil, gateway: nil, dnsServers: [], isPrimary: false)
      if let staticConfig {
        try s.checkStatic(staticConfig, on: segment, primary: false)
        endpoint.allocation = .static
        endpoint.address = staticConfig.address
        endpoint.gateway = staticConfig.gateway
      } else {
        let (lease, gateway, dns) = try s.acquireLease(on: segment)
        endpoint.address = lease
        endpoint.gateway = gateway
        endpoint.dnsServers = dns
      }
      s.vm!.endpoints.append(endpoint)
      s.vm!.routes.insert(contentsOf: Self.routes(for: endpoint), at: s.vm!.routes.count - (s.vm!.routes.last == Self.dockerRoute ? 1 : 0))
      return s.endpointInfo(endpoint)
    }
  }

  /// Get-EflowVmEndpoint: all endpoints, or those on one network.
  public func endpoints(switchName: String? = nil) throws(EflowError) -> [EndpointInfo] {
    try requireMultipleNics("Get-EflowVmEndpoint")
    let machine = try requireVM()
    guard let switchName else { return machine.endpoints.map(endpointInfo) }
    guard machine.networks.contains(where: { $0.switchName.lowercased() == switchName.lowercased() }) else {
      throw .networkDoesNotExist(switchName)
    }
    return machine.endpoints.filter { $0.switchName.lowercased() == switchName.lowercased() }.map(endpointInfo)
  }

  /// Finds an endpoint by its full name or by the short name given to Add-EflowVmEndpoint.
  func endpointIndex(named name: String, in machine: EflowVM) throws(EflowError) -> Int {
    let lower = name.lowercased()
    if let index = machine.endpoints.firstIndex(where: { $0.name.lowercased() == lower }) { return index }
    let short = machine.endpoints.indices.filter {
      let e = machine.endpoints[$0]
      return !e.isPrimary && e.name.lowercased() == "\(machine.name)-\(e.switchName)-\(name)".lowercased()
    }
    if short.count == 1 { return short[0] }
    throw .endpointNotFound(name)
  }

  /// Remove-EflowVmEndpoint: not the primary one. Releases its lease; the guest loses the
  /// interface and its routes.
  public mutating func removeEndpoint(name: String) throws(EflowError) {
    try transact { (s) throws(EflowError) in
      try s.requireMultipleNics("Remove-EflowVmEndpoint")
      let machine = try s.requireRunningVM()
      let index = try s.endpointIndex(named: name, in: machine)
      let endpoint = machine.endpoints[index]
      if endpoint.isPrimary { throw .primaryEndpointRemoval(endpoint.name) }
      s.vm!.endpoints.remove(at: index)
      s.vm!.routes.removeAll { $0.device == endpoint.guestInterface }
      s.vm!.runtimeDns.removeAll { $0.interface == endpoint.guestInterface }
    }
  }

  /// Set-EflowVmDNSServers (≥ 1.1.2202.21022): persistent DNS servers for one endpoint
  /// (default: the primary). Every entry must be an IPv4 address (E7 quotes the first bad one).
  /// The change applies at once (the docs suggest a VM restart; the simulation does not need it).
  public mutating func setDnsServers(endpointName: String?, servers: [String]) throws(EflowError) {
    try transact { (s) throws(EflowError) in
      if !s.version.supportsDnsServersCmdlet { throw .commandNotFound("Set-EflowVmDNSServers") }
      let machine = try s.requireRunningVM()
      let index: Int
      if let endpointName, !endpointName.isEmpty {
        index = try s.endpointIndex(named: endpointName, in: machine)
      } else {
        index = machine.endpoints.firstIndex(where: \.isPrimary)!
      }
      var parsed: [IPv4Address] = []
      for text in servers {
        guard let address = IPv4Address(text.trimmingCharacters(in: .whitespaces)) else { throw .invalidDnsServer(text) }
        parsed.append(address)
      }
      s.vm!.endpoints[index].dnsServers = parsed
    }
  }
}
