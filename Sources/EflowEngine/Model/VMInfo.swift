import Foundation

/// What Get-EflowVm reports, flattened; the cmdlet layer builds VmConfiguration,
/// EdgeRuntimeVersion, EdgeRuntimeStatus and SystemStatistics from it.
public struct VMInfo: Sendable, Equatable {
  public var name: String
  public var id: String
  public var powerState: EflowVM.PowerState
  public var cpuCount: Int
  public var memoryMB: Int
  public var diskSizeGB: Int
  public var dataSizeGB: Int?
  public var logSize: EflowVM.LogSize?
  public var eflowVersion: EflowVersion
  public var linuxDistribution: String
  /// The primary endpoint name (networkProfile.networkInterfaces[].virtualNetworkInterfaceReference).
  public var networkInterfaceReferences: [String]
  /// IoT Edge versions; nil while the VM is off (EFLOW prints `{}`).
  public var runtime: RuntimeVersions?
  /// Guest statistics; nil while the VM is off.
  public var statistics: SystemStatistics?
  public var provisioning: VMProvisioning?

  public struct RuntimeVersions: Sendable, Equatable {
    public var iotEdgeVersion: String
    public var mobyEngineVersion: String
    public var mobyCliVersion: String
  }

  /// Deterministic figures derived from the VM's sizes.
  public struct SystemStatistics: Sendable, Equatable {
    public var totalMemMb: Int
    public var usedMemMb: Int
    public var availableMemMb: Int
    public var totalStorageMb: Int
    public var usedStorageMb: Int
    public var availableStorageMb: Int
    public var cpuCount: Int
    public var kernelVersion: String
  }
}
