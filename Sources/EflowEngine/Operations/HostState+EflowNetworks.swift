import Foundation

/// Add-/Get-/Remove-EflowNetwork.
extension HostState {
  func requireMultipleNics(_ cmdlet: String) throws(EflowError) {
    if !version.supportsMultipleNics { throw .commandNotFound(cmdlet) }
  }

  func networkInfo(_ network: EflowNetwork) -> NetworkInfo {
    NetworkInfo(name: network.switchName, allocationMethod: "", cidr: "", type: network.kind.rawValue)
  }

  /// Add-EflowNetwork: registers a switch with EFLOW (same SKU rules as deployment, E2 wording
  /// for a missing switch). Adding a network twice is refused (chosen: `Network 'X' already
  /// exists`). Returns the step line EFLOW prints and the network row.
  @discardableResult
  public mutating func addEflowNetwork(
    switchName: String, switchType: VirtualSwitchType?
  ) throws(EflowError) -> (lines: [ProgressLine], network: NetworkInfo) {
    try transact { (s) throws(EflowError) in
      try s.requireMultipleNics("Add-EflowNetwork")
      let machine = try s.requireVM()
      let (vSwitch, kind) = try s.resolveEflowSwitch(name: switchName, type: switchType, forNetworkCmdlet: true)
      if machine.networks.contains(where: { $0.switchName.lowercased() == vSwitch.name.lowercased() }) {
        throw .networkExists(vSwitch.name)
      }
      let network = EflowNetwork(switchName: vSwitch.name, kind: kind)
      s.vm!.networks.append(network)
      return ([.step("Creating vnet (name: \(vSwitch.name))")], s.networkInfo(network))
    }
  }

  /// Get-EflowNetwork: all networks, or the one on `switchName`.
  public func eflowNetworks(switchName: String? = nil) throws(EflowError) -> [NetworkInfo] {
    try requireMultipleNics("Get-EflowNetwork")
    let machine = try requireVM()
    guard let switchName else { return machine.networks.map(networkInfo) }
    guard let network = machine.networks.first(where: { $0.switchName.lowercased() == switchName.lowercased() }) else {
      throw .networkDoesNotExist(switchName)
    }
    return [networkInfo(network)]
  }

  /// Remove-EflowNetwork: refused for the deployment network (eth0's) and, chosen, for a
  /// network that still has endpoints.
  public mutating func removeEflowNetwork(switchName: String) throws(EflowError) {
    try transact { (s) throws(EflowError) in
      try s.requireMultipleNics("Remove-EflowNetwork")
      let machine = try s.requireVM()
      guard let network = machine.networks.first(where: { $0.switchName.lowercased() == switchName.lowercased() }) else {
        throw .networkDoesNotExist(switchName)
      }
      if network.switchName == machine.deploymentSwitchName { throw .deploymentNetworkRemoval(network.switchName) }
      if let endpoint = machine.endpoints.first(where: { $0.switchName == network.switchName }) {
        throw .networkHasEndpoints(network.switchName, endpoint.name)
      }
      s.vm!.networks.removeAll { $0.switchName == network.switchName }
    }
  }
}
