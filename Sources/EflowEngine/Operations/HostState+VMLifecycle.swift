import Foundation

/// Start-/Stop-/Get-/Set-EflowVM, Get-EflowVmName, Get-EflowVmAddr, Get-EflowHostConfiguration.
extension HostState {
  /// E12 before deployment.
  func requireVM() throws(EflowError) -> EflowVM {
    guard let vm else { throw .vmNotDeployed }
    return vm
  }

  /// E12 before deployment, E10 while off.
  func requireRunningVM() throws(EflowError) -> EflowVM {
    let machine = try requireVM()
    guard machine.isRunning else { throw .vmOff }
    return machine
  }

  /// Start-EflowVm. No-op when running. Every network with an endpoint must still find its
  /// Hyper-V switch (else E9 `No adapters associated with the switch ...`). MACs and DHCP
  /// leases are kept; routes are rebuilt with a fresh bring-up order; runtime DNS is cleared.
  public mutating func startVM() throws(EflowError) {
    try transact { (s) throws(EflowError) in
      let machine = try s.requireVM()
      if machine.isRunning { return }
      for network in machine.networks where machine.endpoints.contains(where: { $0.switchName == network.switchName }) {
        if s.switchFor(network: network) == nil { throw .noAdaptersForSwitch(network.switchName) }
      }
      if machine.memoryMB > s.profile.freeMemoryMB {
        throw EflowError(
          .operationStopped,
          "'\(machine.name)' failed to start. Not enough memory in the system to start the virtual machine \(machine.name) with ram size \(machine.memoryMB) megabytes.")
      }
      s.vm!.powerState = .running
      s.vm!.bootCount += 1
      s.regenerateRoutes()
    }
  }

  /// Stop-EflowVm. No-op when off. The guest's runtime state (routes, runtime DNS) is gone.
  public mutating func stopVM() throws(EflowError) {
    try transact { (s) throws(EflowError) in
      let machine = try s.requireVM()
      if !machine.isRunning { return }
      s.vm!.powerState = .off
      s.vm!.routes = []
      s.vm!.runtimeDns = []
    }
  }

  /// Get-EflowVm (works while off; runtime fields are then nil).
  public func vmInfo() throws(EflowError) -> VMInfo {
    let machine = try requireVM()
    var info = VMInfo(
      name: machine.name, id: machine.id, powerState: machine.powerState, cpuCount: machine.cpuCount,
      memoryMB: machine.memoryMB, diskSizeGB: machine.diskSizeGB, dataSizeGB: machine.dataSizeGB,
      logSize: machine.logSize, eflowVersion: machine.version,
      linuxDistribution: machine.version.linuxDistribution,
      networkInterfaceReferences: machine.endpoints.filter(\.isPrimary).map(\.name),
      runtime: nil, statistics: nil, provisioning: machine.provisioning)
    if machine.isRunning {
      let moby = machine.version.isLTS11 ? "19.03.15+azure" : "20.10.25+azure"
      info.runtime = .init(iotEdgeVersion: machine.version.iotEdgeVersion, mobyEngineVersion: moby, mobyCliVersion: moby)
      let total = machine.memoryMB - 64
      let used = min(total, 420 + 30 * (machine.endpoints.count - 1) + (machine.provisioning == nil ? 0 : 180))
      let storage = (machine.dataSizeGB ?? machine.diskSizeGB) * 1024 - 80
      let usedStorage = min(storage, machine.version.isLTS11 ? 1630 : 712)
      info.statistics = .init(
        totalMemMb: total, usedMemMb: used, availableMemMb: total - used, totalStorageMb: storage,
        usedStorageMb: usedStorage, availableStorageMb: storage - usedStorage, cpuCount: machine.cpuCount,
        kernelVersion: machine.version.kernelVersion)
    }
    return info
  }

  /// Set-EflowVM: CPU and memory; the VM must be running (users cannot resize while off,
  /// reference §4.5). Same checks as deployment.
  public mutating func setVM(cpuCount: Int?, memoryInMB: Int?) throws(EflowError) {
    try transact { (s) throws(EflowError) in
      let machine = try s.requireRunningVM()
      let cpu = cpuCount ?? machine.cpuCount
      let memory = memoryInMB ?? machine.memoryMB
      try s.checkResources(cpuCount: cpu, memoryMB: memory)
      s.vm!.cpuCount = cpu
      s.vm!.memoryMB = memory
    }
  }

  /// Get-EflowVmName (answered from the host's configuration, so it works while off).
  public func vmNameQuery() throws(EflowError) -> String {
    try requireVM().name
  }

  /// Get-EflowVmAddr: the primary endpoint's MAC and IPv4, with the host lines EFLOW prints.
  public func vmAddress() throws(EflowError) -> (lines: [ProgressLine], mac: MACAddress, ip: IPv4Address?) {
    let machine = try requireRunningVM()
    let primary = machine.primaryEndpoint!
    var lines: [ProgressLine] = [
      .step("Querying IP and MAC addresses from virtual machine (\(machine.name))"),
      .detail("Virtual machine MAC: \(primary.macAddress.linuxForm)"),
    ]
    if let address = primary.address {
      lines.append(.detail("Virtual machine IP : \(address.address) retrieved directly from virtual machine"))
    } else {
      lines.append(.detail("Failed to acquire IP address for virtual machine"))
    }
    return (lines, primary.macAddress, primary.address?.address)
  }

  /// Get-EflowHostConfiguration: free memory and disk net of a running VM's share.
  public func hostConfiguration() -> HostConfiguration {
    let running = vm?.isRunning == true
    let memory = profile.freeMemoryMB - (running ? vm!.memoryMB : 0)
    let vmDisk = vm.map { $0.diskSizeGB + ($0.dataSizeGB ?? 0) + ($0.logSize?.gigabytes ?? 0) } ?? 0
    return HostConfiguration(
      freePhysicalMemoryInMB: memory, numberOfLogicalProcessors: profile.logicalProcessors,
      diskInfo: [.init(drive: "\(profile.systemDrive.letter):", freeSizeInGB: profile.systemDrive.freeGB - vmDisk, totalSizeInGB: profile.systemDrive.sizeGB)],
      gpuInfo: [])
  }
}
