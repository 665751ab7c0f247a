import Foundation

/// Host adapters and their IPv4 addresses: Get-NetAdapter, New-/Get-/Remove-NetIPAddress.
extension HostState {
  /// The adapter with this name (case-insensitive) or Windows' not-found error.
  public func adapter(named name: String) throws(EflowError) -> HostAdapter {
    guard let found = adapters.first(where: { $0.name.lowercased() == name.lowercased() }) else {
      throw .netAdapterNotFound("Name", name)
    }
    return found
  }

  public func adapter(ifIndex: Int) throws(EflowError) -> HostAdapter {
    guard let found = adapters.first(where: { $0.ifIndex == ifIndex }) else {
      throw .netAdapterNotFound("InterfaceIndex", String(ifIndex))
    }
    return found
  }

  /// Addresses on one adapter, in the order they were added.
  public func addresses(onIfIndex ifIndex: Int) -> [HostIPAddress] {
    ipAddresses.filter { $0.ifIndex == ifIndex }
  }

  /// New-NetIPAddress. The same address on any adapter is refused with Windows' duplicate
  /// text; a gateway outside the prefix or a network/broadcast address is "The parameter is
  /// incorrect."; a manual address replaces the interface's APIPA address (Windows drops the
  /// autoconfiguration address once one is assigned).
  @discardableResult
  public mutating func addIPAddress(
    ifIndex: Int, address text: String, prefixLength: Int, defaultGateway: String? = nil
  ) throws(EflowError) -> HostIPAddress {
    try transact { (s) throws(EflowError) in
      _ = try s.adapter(ifIndex: ifIndex)
      guard let address = IPv4Address(text), address.isUnicastCandidate, (0...32).contains(prefixLength) else {
        throw .parameterIncorrect
      }
      let value = IPv4Interface(address: address, prefixLength: prefixLength)
      if prefixLength <= 30 && !value.network.isHost(address) { throw .parameterIncorrect }
      var gateway: IPv4Address? = nil
      if let defaultGateway {
        guard let parsed = IPv4Address(defaultGateway), value.network.contains(parsed), parsed != address else {
          throw .parameterIncorrect
        }
        gateway = parsed
      }
      if s.ipAddresses.contains(where: { $0.address.address == address }) { throw .ipAddressExists }
      s.ipAddresses.removeAll { $0.ifIndex == ifIndex && $0.origin == .linkLocal }
      let entry = HostIPAddress(address: value, ifIndex: ifIndex, origin: .manual, defaultGateway: gateway)
      s.ipAddresses.append(entry)
      return entry
    }
  }

  /// Remove-NetIPAddress for one address (optionally only on one adapter); returns the
  /// removed entries.
  @discardableResult
  public mutating func removeIPAddress(_ text: String, ifIndex: Int? = nil) throws(EflowError) -> [HostIPAddress] {
    try transact { (s) throws(EflowError) in
      guard let address = IPv4Address(text) else { throw .ipAddressNotFound(text) }
      let matches = s.ipAddresses.filter { $0.address.address == address && (ifIndex == nil || $0.ifIndex == ifIndex) }
      if matches.isEmpty { throw .ipAddressNotFound(text) }
      s.ipAddresses.removeAll { $0.address.address == address && (ifIndex == nil || $0.ifIndex == ifIndex) }
      return matches
    }
  }

  /// The IPv4 default gateways the host uses (for Get-NetIPConfiguration / EAD-style scripts).
  public var hostDefaultGateways: [IPv4Address] {
    ipAddresses.compactMap(\.defaultGateway)
  }

  /// The host's DNS client servers for one adapter: the LAN's servers on a physical adapter (or
  /// on the vNIC an External switch moved its addresses to); none elsewhere.
  public func dnsClientServers(ifIndex: Int) -> [IPv4Address] {
    guard let adapter = adapters.first(where: { $0.ifIndex == ifIndex }) else { return [] }
    if let lan = lan(behindAdapterNamed: adapter.name) { return addresses(onIfIndex: ifIndex).isEmpty ? [] : lan.dnsServers }
    if let id = adapter.switchId, let vSwitch = switches.first(where: { $0.id == id }), vSwitch.type == .external,
      let physical = vSwitch.netAdapterName, let lan = lan(behindAdapterNamed: physical)
    {
      return lan.dnsServers
    }
    return []
  }

  /// The LAN behind a physical adapter, from the profile.
  public func lan(behindAdapterNamed name: String) -> LanProfile? {
    profile.adapters.first { $0.name == name }?.lan
  }
}
