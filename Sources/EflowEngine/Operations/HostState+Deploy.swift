import Foundation

/// Deploy-Eflow and Verify-EflowVm.
extension HostState {
  /// Deploys the VM. Checks run in this order (reference §9.2): VM exists (E13) → EULA (E20) →
  /// Hyper-V (E22) → version-specific parameters → CPU/memory/disk (ValidateRange texts, E14) →
  /// switch SKU rules, existence, uniqueness (E3/E1/E6) → static trio (E5) → Default Switch
  /// static (E4) → address checks (EAD texts, E8 host routing) → DHCP lease (E8). All or
  /// nothing: a failure leaves no VM and no used random draws.
  ///
  /// Progress lines marked "chosen" are not in any public transcript: `Step 2: Creating …`.
  @discardableResult
  public mutating func deploy(_ request: DeployRequest) throws(EflowError) -> DeployResult {
    try transact { (s) throws(EflowError) in try s.deployInPlace(request) }
  }

  private mutating func deployInPlace(_ request: DeployRequest) throws(EflowError) -> DeployResult {
    if vm != nil { throw .vmExists(version) }
    if !request.acceptEula { throw .actionAborted }
    if !hyperVEnabled { throw .hyperVMissing }

    // Sizes.
    let cpuCount = request.cpuCount ?? 1
    let memoryMB = request.memoryInMB ?? 1024
    if !version.supportsDataDisk {
      if request.vmDataSize != nil { throw .parameterNotFound("vmDataSize") }
      if request.vmLogSize != nil { throw .parameterNotFound("vmLogSize") }
    } else if request.vmDiskSize != nil && request.vmDataSize != nil {
      throw .ambiguousParameterSet
    }
    if !version.supportsSwitchSelection {
      if request.vswitchName != nil { throw .parameterNotFound("vswitchName") }
      if request.vswitchType != nil { throw .parameterNotFound("vswitchType") }
      if request.ip4Address != nil { throw .parameterNotFound("ip4Address") }
    }
    let diskRange = version.diskSizeRange
    let diskSize = request.vmDiskSize ?? version.defaultDiskSize
    if diskSize < diskRange.lowerBound { throw .validateRangeLow("vmDiskSize", diskSize, diskRange.lowerBound) }
    if diskSize > diskRange.upperBound { throw .validateRangeHigh("vmDiskSize", diskSize, diskRange.upperBound) }
    var dataSize: Int? = nil
    if version.supportsDataDisk {
      let value = request.vmDataSize ?? EflowVersion.defaultDataSize
      let range = EflowVersion.dataSizeRange
      if value < range.lowerBound { throw .validateRangeLow("vmDataSize", value, range.lowerBound) }
      if value > range.upperBound { throw .validateRangeHigh("vmDataSize", value, range.upperBound) }
      dataSize = value
    }
    try checkResources(cpuCount: cpuCount, memoryMB: memoryMB)
    let logSize = version.supportsDataDisk ? (request.vmLogSize ?? .small) : nil
    let diskNeeded = diskSize + (dataSize ?? 0) + (logSize?.gigabytes ?? 0)
    if diskNeeded > profile.systemDrive.freeGB { throw .notEnoughDisk(profile.systemDrive.letter) }

    // Network.
    let (vSwitch, kind) = try resolveEflowSwitch(
      name: request.vswitchName, type: request.vswitchType, forNetworkCmdlet: false)
    let staticConfig = try Self.staticConfig(
      address: request.ip4Address, prefixLength: request.ip4PrefixLength, gateway: request.ip4GatewayAddress)
    if staticConfig != nil {
      if version.staticIPOnlyOnDefaultSwitch {
        if kind != .ics { throw .staticOnlyOnDefaultSwitch(version) }
      } else if kind == .ics {
        throw .staticOnDefaultSwitch
      }
    }
    let segment = segment(for: vSwitch)
    let name = vmName
    var endpoint = EflowEndpoint(
      name: "\(name)Interface", switchName: vSwitch.name, guestInterface: "eth0", macAddress: drawMAC(),
      allocation: .dhcp, address: nil, gateway: nil, dnsServers: [], isPrimary: true)
    if let staticConfig {
      try checkStatic(staticConfig, on: segment, primary: true)
      endpoint.allocation = .static
      endpoint.address = staticConfig.address
      endpoint.gateway = staticConfig.gateway
    } else {
      let (lease, gateway, dns) = try acquireLease(on: segment)
      endpoint.address = lease
      endpoint.gateway = gateway
      endpoint.dnsServers = dns
    }

    vm = EflowVM(
      name: name, id: drawHexId(bytes: 16), powerState: .running, cpuCount: cpuCount, memoryMB: memoryMB,
      diskSizeGB: diskSize, dataSizeGB: dataSize, logSize: logSize, version: version,
      deploymentSwitchName: vSwitch.name, networks: [EflowNetwork(switchName: vSwitch.name, kind: kind)],
      endpoints: [endpoint], provisioning: nil, dpsTpmEnabled: false, defenderEnabled: false,
      telemetry: request.acceptOptionalTelemetry ? .optional : .required, tpmEndorsementKey: nil,
      tpmRegistrationId: nil, bootCount: 1, routes: [], runtimeDns: [])
    regenerateRoutes()

    var lines: [ProgressLine] = [
      .step("Deploying Azure IoT Edge for Linux on Windows"),
      .detail("Configuration does not exist. Creating a default configuration..."),
      .step("Creating configuration"),
      .detail("Configuration created successfully"),
      .step("Step 1: Preparing host for Azure IoT Edge for Linux on Windows"),
      .step("Checking host for required features"),
      .detail("Checking the status of '\(sku == .client ? "Microsoft-Hyper-V" : "Hyper-V")'"),
      .step("Step 2: Creating Azure IoT Edge for Linux on Windows virtual machine"),
      .step("Creating vnet (name: \(vSwitch.name))"),
      .step("Successfully created virtual machine"),
      .step("Querying IP and MAC addresses from virtual machine (\(name))"),
      .detail("Virtual machine MAC: \(endpoint.macAddress.linuxForm)"),
      .detail("Virtual machine IP : \(endpoint.address!.address) retrieved directly from virtual machine"),
      .step("...successfully connected to the Linux VM"),
    ]
    if endpoint.dnsServers.isEmpty { lines.append(.dnsWarning) }
    lines.append(.step("Deployment successful"))
    return DeployResult(
      lines: lines, output: "OK", vmName: name, macAddress: endpoint.macAddress, ipAddress: endpoint.address?.address)
  }

  /// Verify-EflowVm: whether a VM was created.
  public var isVMDeployed: Bool { vm != nil }
}
