import Foundation

/// EFLOW's networking rules (reference §5), shared by Deploy-Eflow, Add-EflowNetwork and
/// Add-EflowVmEndpoint.
extension HostState {
  /// Hyper-V allows more, but the simulation caps synthetic NICs per VM at 8 (reference §5.5).
  public static let maxNetworkAdapters = 8

  /// Which switch EFLOW will use, applying the SKU rules (client: External and the Default
  /// Switch; server: External and Internal; Private never) before existence (E1/E2) and
  /// uniqueness (E6), in that order.
  ///
  /// - No name and no type: the Default Switch on a client; on a server EAD's
  ///   `Error: Server SKU, requires Network configuration, ...` (chosen over E3 because it tells
  ///   the user what to do).
  /// - A name without a type: the type of the first switch with that name (`Default Switch`
  ///   means the ICS switch on a client).
  /// - A type without a name: E1 with an empty name.
  func resolveEflowSwitch(
    name: String?, type: VirtualSwitchType?, forNetworkCmdlet: Bool
  ) throws(EflowError) -> (VirtualSwitch, EflowNetworkKind) {
    let name = name.flatMap { $0.isEmpty ? nil : $0 }
    let defaultSwitch = switches.first(where: \.isDefaultSwitch)
    func notFound(_ n: String, _ t: String) -> EflowError {
      forNetworkCmdlet ? .networkSwitchNotFound(n, t) : .switchNotFound(n, t)
    }
    guard let name else {
      if let type { throw notFound("", type.rawValue) }
      if sku == .server { throw .serverNeedsNetwork }
      guard let defaultSwitch else { throw notFound(VirtualSwitch.defaultSwitchName, "Internal") }
      return (defaultSwitch, .ics)
    }
    if sku == .client, let defaultSwitch, name.lowercased() == defaultSwitch.name.lowercased(),
      type == nil || type == .internal
    {
      return (defaultSwitch, .ics)
    }
    let named = switches.filter { $0.name.lowercased() == name.lowercased() && !$0.isDefaultSwitch }
    guard let requestedType = type ?? named.first?.type else { throw notFound(name, "") }
    let allowed: [VirtualSwitchType] = sku == .client ? [.external] : [.external, .internal]
    guard allowed.contains(requestedType) else { throw .switchNotSupported(name, requestedType.rawValue) }
    let matches = named.filter { $0.type == requestedType }
    guard let first = matches.first else { throw notFound(name, requestedType.rawValue) }
    if matches.count > 1 { throw .duplicateSwitch(first.name, requestedType.rawValue) }
    return (first, requestedType == .external ? .external : .internal)
  }

  /// The static-IP parameter checks that need no network: all three present (E5), each well
  /// formed, the address a host address of its prefix, the gateway inside it and different
  /// from the address. Empty strings count as missing. nil = DHCP.
  static func staticConfig(
    address: String?, prefixLength: Int?, gateway: String?
  ) throws(EflowError) -> StaticIPConfig? {
    let address = address.flatMap { $0.isEmpty ? nil : $0 }
    let gateway = gateway.flatMap { $0.isEmpty ? nil : $0 }
    if address == nil && prefixLength == nil && gateway == nil { return nil }
    guard let addressText = address, let prefixLength, let gatewayText = gateway else { throw .staticIncomplete }
    guard let parsed = IPv4Address(addressText), parsed.isUnicastCandidate, !parsed.isLinkLocal else {
      throw .invalidIP4Address(addressText)
    }
    guard (0...32).contains(prefixLength) else { throw .invalidPrefixLength(prefixLength) }
    let interface = IPv4Interface(address: parsed, prefixLength: prefixLength)
    guard interface.network.isHost(parsed) else { throw .invalidIP4Address(addressText) }
    guard let gatewayAddress = IPv4Address(gatewayText), gatewayAddress.isUnicastCandidate else {
      throw .invalidIP4Gateway(gatewayText)
    }
    guard interface.network.contains(gatewayAddress) else { throw .gatewayNotInSubnet }
    guard interface.network.isHost(gatewayAddress) else { throw .invalidIP4Gateway(gatewayText) }
    if gatewayAddress == parsed { throw .addressInUse(parsed) }
    return StaticIPConfig(address: interface, gateway: gatewayAddress)
  }

  /// Addresses VM endpoints already hold on a switch (by name), except `excluding`.
  func vmAddresses(onSwitch name: String, excluding endpointName: String? = nil) -> Set<IPv4Address> {
    Set(
      (vm?.endpoints ?? []).filter { $0.switchName.lowercased() == name.lowercased() && $0.name != endpointName }
        .compactMap { $0.address?.address })
  }

  /// The network-dependent static checks: the address must be free on the segment (LAN
  /// devices, the host's vNIC / NAT gateway address, other endpoints). For the primary endpoint
  /// the host must also be able to reach the address (it connects over SSH): an address outside
  /// every subnet the host has on that switch fails with E8's host-routing text. Extra endpoints
  /// are not checked for that (the module does not); they are simply unreachable.
  func checkStatic(_ config: StaticIPConfig, on segment: NetworkSegment, primary: Bool) throws(EflowError) {
    let taken = segment.occupied.union(vmAddresses(onSwitch: segment.switchName))
    if taken.contains(config.address.address) { throw .addressInUse(config.address.address) }
    if primary && !segment.subnets.contains(where: { $0.contains(config.address.address) }) {
      throw .hostRoutingFailed(vmName)
    }
  }

  /// Asks the segment's DHCP server for a lease: a random free address of its pool (free of
  /// devices, the host, the gateway and other endpoints). No server, or no free address, is
  /// E8 `Failed to acquire IP address for virtual machine`.
  mutating func acquireLease(on segment: NetworkSegment) throws(EflowError) -> (IPv4Interface, IPv4Address?, [IPv4Address]) {
    guard let dhcp = segment.dhcp else { throw .ipAcquisitionFailed }
    var taken = segment.occupied.union(vmAddresses(onSwitch: segment.switchName))
    if let gateway = dhcp.gateway { taken.insert(gateway) }
    let lower = dhcp.pool.lowerBound.value, upper = dhcp.pool.upperBound.value
    let free = (lower...upper).lazy.map(IPv4Address.init).filter { !taken.contains($0) }
    let candidates = Array(free)
    guard !candidates.isEmpty else { throw .ipAcquisitionFailed }
    let choice = candidates[random.int(in: 0...(candidates.count - 1))]
    return (IPv4Interface(address: choice, prefixLength: dhcp.prefixLength), dhcp.gateway, dhcp.dnsServers)
  }

  /// VM sizing checks (deploy and Set-EflowVM): ValidateRange texts for out-of-range values,
  /// E14 for more than the host has, and the even-memory rule of the 1.4 docs.
  func checkResources(cpuCount: Int, memoryMB: Int) throws(EflowError) {
    if cpuCount < 1 { throw .validateRangeLow("cpuCount", cpuCount, 1) }
    if cpuCount > profile.logicalProcessors { throw .notEnoughCpu }
    if memoryMB < 1024 { throw .validateRangeLow("memoryInMB", memoryMB, 1024) }
    if memoryMB % 2 != 0 { throw .memoryNotEven }
    if memoryMB > profile.freeMemoryMB { throw .notEnoughMemory }
  }
}
