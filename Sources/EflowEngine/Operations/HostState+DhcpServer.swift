import Foundation

/// The DHCP Server role: Install-WindowsFeature DHCP, the dhcpserver service, scopes
/// (Add-/Get-/Set-/Remove-DhcpServerv4Scope) and option values (Set-/Get-DhcpServerv4OptionValue).
extension HostState {
  public func isInstalled(_ feature: WindowsFeature) -> Bool {
    switch feature {
    case .hyperV: hyperVEnabled
    case .dhcpServer: dhcpServer.installed
    }
  }

  /// Installs a feature; returns false when it was already installed ("NoChangeNeeded").
  /// The DHCP role's service starts with it.
  @discardableResult
  public mutating func install(_ feature: WindowsFeature) -> Bool {
    guard !isInstalled(feature) else { return false }
    switch feature {
    case .hyperV: hyperVEnabled = true
    case .dhcpServer:
      dhcpServer.installed = true
      dhcpServer.running = true
    }
    return true
  }

  /// Start-/Stop-/Restart-Service dhcpserver.
  public mutating func setDhcpService(running: Bool) throws(EflowError) {
    guard dhcpServer.installed else { throw .dhcpServiceNotFound }
    dhcpServer.running = running
  }

  private func requireDhcpServer() throws(EflowError) {
    guard dhcpServer.answers else { throw .dhcpServerUnavailable(computerName) }
  }

  /// Add-DhcpServerv4Scope. The scope id is StartRange & SubnetMask; the mask must be
  /// contiguous, both ends must be host addresses of that network and start ≤ end.
  @discardableResult
  public mutating func addDhcpScope(
    startRange: IPv4Address, endRange: IPv4Address, subnetMask: IPv4Address, name: String,
    state: DhcpScope.State = .active, leaseDurationSeconds: Int = 8 * 24 * 3600, description: String = ""
  ) throws(EflowError) -> DhcpScope {
    try transact { (s) throws(EflowError) in
      try s.requireDhcpServer()
      let scopeText = IPv4Address(startRange.value & subnetMask.value).description
      guard let prefix = subnetMask.prefixLengthAsMask, prefix <= 30 else {
        throw .scopeInvalidRange(scopeText, s.computerName)
      }
      let network = IPv4Network(containing: startRange, prefixLength: prefix)
      guard network.isHost(startRange), network.isHost(endRange), startRange <= endRange, leaseDurationSeconds > 0 else {
        throw .scopeInvalidRange(scopeText, s.computerName)
      }
      if s.dhcpServer.scopes.contains(where: { $0.network.overlaps(network) }) {
        throw .scopeExists(network.address.description, s.computerName)
      }
      let scope = DhcpScope(
        scopeId: network.address, subnetMask: subnetMask, startRange: startRange, endRange: endRange,
        name: name, description: description, state: state, leaseDurationSeconds: leaseDurationSeconds)
      s.dhcpServer.scopes.append(scope)
      return scope
    }
  }

  /// Get-DhcpServerv4Scope: all scopes, or one by id. A scope id must be the network address
  /// (the real server does not accept a StartRange in its place).
  public func dhcpScopes(scopeId: IPv4Address? = nil) throws(EflowError) -> [DhcpScope] {
    try requireDhcpServer()
    guard let scopeId else { return dhcpServer.scopes }
    guard let scope = dhcpServer.scopes.first(where: { $0.scopeId == scopeId }) else {
      throw .scopeNotFound(scopeId.description, computerName)
    }
    return [scope]
  }

  /// Set-DhcpServerv4Scope -State / -Name / -LeaseDuration.
  public mutating func setDhcpScope(
    scopeId: IPv4Address, state: DhcpScope.State? = nil, name: String? = nil, leaseDurationSeconds: Int? = nil
  ) throws(EflowError) {
    try transact { (s) throws(EflowError) in
      let index = try s.scopeIndex(scopeId)
      if let state { s.dhcpServer.scopes[index].state = state }
      if let name { s.dhcpServer.scopes[index].name = name }
      if let leaseDurationSeconds { s.dhcpServer.scopes[index].leaseDurationSeconds = leaseDurationSeconds }
    }
  }

  /// Remove-DhcpServerv4Scope. Leases held by VM endpoints stay until they are renewed (the VM
  /// keeps its address; a new endpoint on that network gets none).
  @discardableResult
  public mutating func removeDhcpScope(scopeId: IPv4Address) throws(EflowError) -> DhcpScope {
    try transact { (s) throws(EflowError) in
      let index = try s.scopeIndex(scopeId)
      return s.dhcpServer.scopes.remove(at: index)
    }
  }

  private func scopeIndex(_ scopeId: IPv4Address) throws(EflowError) -> Int {
    try requireDhcpServer()
    guard let index = dhcpServer.scopes.firstIndex(where: { $0.scopeId == scopeId }) else {
      throw .scopeNotFound(scopeId.description, computerName)
    }
    return index
  }

  /// Set-DhcpServerv4OptionValue: scope-level with `scopeId`, server-level without. Only the
  /// options passed change.
  public mutating func setDhcpOptions(
    scopeId: IPv4Address?, router: [IPv4Address]? = nil, dnsServer: [IPv4Address]? = nil, dnsDomain: String? = nil
  ) throws(EflowError) {
    try transact { (s) throws(EflowError) in
      let update = DhcpOptions(router: router, dnsServer: dnsServer, dnsDomain: dnsDomain)
      if let scopeId {
        let index = try s.scopeIndex(scopeId)
        s.dhcpServer.scopes[index].options = update.merged(over: s.dhcpServer.scopes[index].options)
      } else {
        try s.requireDhcpServer()
        s.dhcpServer.serverOptions = update.merged(over: s.dhcpServer.serverOptions)
      }
    }
  }

  /// Get-DhcpServerv4OptionValue: the options set at that level (scope or server).
  public func dhcpOptionValues(scopeId: IPv4Address?) throws(EflowError) -> [DhcpOptionValue] {
    if let scopeId {
      return try dhcpScopes(scopeId: scopeId)[0].options.values
    }
    try requireDhcpServer()
    return dhcpServer.serverOptions.values
  }

  /// Get-DhcpServerv4Lease: VM endpoints holding a lease from this scope.
  public func dhcpLeases(scopeId: IPv4Address) throws(EflowError) -> [DhcpLease] {
    let scope = try dhcpScopes(scopeId: scopeId)[0]
    guard let vm else { return [] }
    return vm.endpoints.compactMap { endpoint in
      guard endpoint.allocation == .dhcp, let address = endpoint.address?.address,
        scope.network.contains(address),
        let vSwitch = switches.first(where: { $0.name == endpoint.switchName }), vSwitch.type == .internal,
        !vSwitch.isDefaultSwitch
      else { return nil }
      return DhcpLease(
        ipAddress: address, scopeId: scope.scopeId,
        clientId: endpoint.macAddress.windowsForm.lowercased(), hostName: vm.name, addressState: "Active")
    }
  }
}

/// A row of Get-DhcpServerv4Lease.
public struct DhcpLease: Sendable, Equatable {
  public var ipAddress: IPv4Address
  public var scopeId: IPv4Address
  public var clientId: String
  public var hostName: String
  public var addressState: String
}
