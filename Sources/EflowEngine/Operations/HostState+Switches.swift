import Foundation

/// Hyper-V switches: New-/Get-/Set-/Remove-VMSwitch. Hyper-V's own rules only; EFLOW's rules
/// about which switch it accepts live in the EFLOW operations.
extension HostState {
  /// Switches named `name` (case-insensitive; Hyper-V allows duplicates). Throws Hyper-V's
  /// not-found error when none exists.
  public func switches(named name: String) throws(EflowError) -> [VirtualSwitch] {
    let found = switches.filter { $0.name.lowercased() == name.lowercased() }
    if found.isEmpty { throw .vmSwitchNotFound(name) }
    return found
  }

  /// The host vNIC of a switch, if it has one.
  public func hostAdapter(forSwitchId id: String) -> HostAdapter? {
    adapters.first { $0.switchId == id }
  }

  /// New-VMSwitch. External needs `netAdapterName` (the adapter must exist, be physical, be Up
  /// and not be bound yet); with `allowManagementOS` the adapter's IPv4 addresses move to the new
  /// `vEthernet (NAME)` vNIC, as Windows does. Internal gets a vNIC with only an APIPA address
  /// (or `hostAddress`, used by profiles). Private gets no vNIC.
  @discardableResult
  public mutating func newSwitch(
    name: String, type: VirtualSwitchType, netAdapterName: String? = nil,
    allowManagementOS: Bool = true, notes: String = ""
  ) throws(EflowError) -> VirtualSwitch {
    try transact { (s) throws(EflowError) in
      try s.createSwitch(
        name: name, type: type, netAdapterName: netAdapterName,
        allowManagementOS: allowManagementOS, notes: notes, hostAddress: nil)
    }
  }

  mutating func createSwitch(
    name: String, type: VirtualSwitchType, netAdapterName: String?, allowManagementOS: Bool,
    notes: String, hostAddress: IPv4Interface?
  ) throws(EflowError) -> VirtualSwitch {
    var adapterName: String? = nil
    if type == .external {
      guard let requested = netAdapterName else { throw .parameterIncorrect }
      let physical = try bindableAdapter(named: requested)
      adapterName = physical.name
    }
    let newSwitch = VirtualSwitch(
      id: drawGUID(), name: name, type: type, netAdapterName: adapterName,
      allowManagementOS: type == .external ? allowManagementOS : true, notes: notes)
    switches.append(newSwitch)
    switch type {
    case .external where allowManagementOS:
      let physicalIndex = adapters.first { $0.name == adapterName }!.ifIndex
      let vnic = addVNIC(for: newSwitch)
      moveAddresses(from: physicalIndex, to: vnic)
    case .internal:
      let vnic = addVNIC(for: newSwitch)
      if let hostAddress {
        ipAddresses.append(HostIPAddress(address: hostAddress, ifIndex: vnic, origin: .manual))
      } else {
        ipAddresses.append(HostIPAddress(address: drawAPIPA(), ifIndex: vnic, origin: .linkLocal))
      }
    default:
      break
    }
    return newSwitch
  }

  private func bindableAdapter(named name: String) throws(EflowError) -> HostAdapter {
    guard let adapter = adapters.first(where: { $0.name.lowercased() == name.lowercased() }) else {
      throw .netAdapterNotFound("Name", name)
    }
    guard adapter.isPhysical else { throw .adapterNotPhysical(adapter.name) }
    guard adapter.status == .up else { throw .adapterNotUp(adapter.name, adapter.status) }
    if switches.contains(where: { $0.netAdapterName == adapter.name }) {
      throw .adapterAlreadyBound(adapter.name)
    }
    return adapter
  }

  /// Adds `vEthernet (NAME)` for a switch and returns its ifIndex.
  mutating func addVNIC(for vSwitch: VirtualSwitch) -> Int {
    let ifIndex = nextInterfaceIndex
    nextInterfaceIndex += 1
    adapters.append(
      HostAdapter(
        name: HostAdapter.vNICName(forSwitch: vSwitch.name),
        interfaceDescription: vNICDescription(),
        ifIndex: ifIndex, macAddress: drawMAC(), status: .up, linkSpeed: "10 Gbps",
        switchId: vSwitch.id))
    return ifIndex
  }

  /// Hyper-V numbers further vNIC descriptions (`... Adapter #2`).
  private func vNICDescription() -> String {
    let base = "Hyper-V Virtual Ethernet Adapter"
    let used = adapters.filter { $0.interfaceDescription.hasPrefix(base) }.count
    return used == 0 ? base : "\(base) #\(used + 1)"
  }

  private mutating func moveAddresses(from source: Int, to target: Int) {
    for i in ipAddresses.indices where ipAddresses[i].ifIndex == source {
      ipAddresses[i].ifIndex = target
    }
  }

  /// Set-VMSwitch: notes, switch type (Internal ⇄ Private; External via `netAdapterName`) and
  /// management-OS sharing. Applies to every switch with that name, as Hyper-V does.
  public mutating func setSwitch(
    name: String, switchType: VirtualSwitchType? = nil, netAdapterName: String? = nil,
    allowManagementOS: Bool? = nil, notes: String? = nil
  ) throws(EflowError) {
    try transact { (s) throws(EflowError) in
      let ids = try s.switches(named: name).map(\.id)
      for id in ids {
        guard let index = s.switches.firstIndex(where: { $0.id == id }) else { continue }
        if s.switches[index].isDefaultSwitch && (switchType != nil || netAdapterName != nil) {
          throw EflowError(.invalidOperation, "Failed while modifying virtual Ethernet switch. The Default Switch is managed by the system and cannot be changed.")
        }
        if let notes { s.switches[index].notes = notes }
        let target: VirtualSwitchType? = netAdapterName != nil ? .external : switchType
        if let target, target != s.switches[index].type || netAdapterName != nil {
          try s.retype(switchAt: index, to: target, netAdapterName: netAdapterName)
        }
        if let allowManagementOS, s.switches[index].type == .external,
          allowManagementOS != s.switches[index].allowManagementOS
        {
          s.switches[index].allowManagementOS = allowManagementOS
          let physical = s.adapters.first { $0.name == s.switches[index].netAdapterName }!.ifIndex
          if allowManagementOS {
            let vnic = s.addVNIC(for: s.switches[index])
            s.moveAddresses(from: physical, to: vnic)
          } else if let vnic = s.hostAdapter(forSwitchId: id) {
            s.moveAddresses(from: vnic.ifIndex, to: physical)
            s.adapters.removeAll { $0.ifIndex == vnic.ifIndex }
          }
        }
      }
    }
  }

  /// Changes a switch's type in place (its id stays, so EFLOW networks keep pointing at it).
  private mutating func retype(switchAt index: Int, to type: VirtualSwitchType, netAdapterName: String?) throws(EflowError) {
    let old = switches[index]
    dropHostSide(of: old)
    switches[index].type = type
    switches[index].netAdapterName = nil
    switch type {
    case .external:
      guard let requested = netAdapterName ?? old.netAdapterName else { throw .parameterIncorrect }
      let adapter = try bindableAdapter(named: requested)
      switches[index].netAdapterName = adapter.name
      switches[index].allowManagementOS = true
      let vnic = addVNIC(for: switches[index])
      moveAddresses(from: adapter.ifIndex, to: vnic)
    case .internal:
      let vnic = addVNIC(for: switches[index])
      ipAddresses.append(HostIPAddress(address: drawAPIPA(), ifIndex: vnic, origin: .linkLocal))
    case .private:
      break
    }
  }

  /// Removes a switch's vNIC; an External switch's addresses go back to its physical adapter.
  private mutating func dropHostSide(of vSwitch: VirtualSwitch) {
    guard let vnic = hostAdapter(forSwitchId: vSwitch.id) else { return }
    if vSwitch.type == .external, let physical = adapters.first(where: { $0.name == vSwitch.netAdapterName }) {
      moveAddresses(from: vnic.ifIndex, to: physical.ifIndex)
    }
    ipAddresses.removeAll { $0.ifIndex == vnic.ifIndex }
    adapters.removeAll { $0.ifIndex == vnic.ifIndex }
  }

  /// Remove-VMSwitch: removes every switch with that name, with its vNIC and that vNIC's
  /// addresses. Like Hyper-V it does not check whether EFLOW uses the switch: the EFLOW network
  /// stays registered but dangling — the VM's interface on it loses connectivity at once
  /// (reachability is false, endpoint health `currentState:Failed`), Start-EflowVm then fails with
  /// `No adapters associated with the switch 'NAME' are found.`, and creating a switch with the
  /// same name and type heals it. The Default Switch cannot be removed (Windows recreates it).
  @discardableResult
  public mutating func removeSwitch(name: String) throws(EflowError) -> [VirtualSwitch] {
    try transact { (s) throws(EflowError) in
      let doomed = try s.switches(named: name)
      if doomed.contains(where: \.isDefaultSwitch) { throw .defaultSwitchRemoval }
      for vSwitch in doomed {
        s.dropHostSide(of: vSwitch)
        s.switches.removeAll { $0.id == vSwitch.id }
      }
      return doomed
    }
  }
}
