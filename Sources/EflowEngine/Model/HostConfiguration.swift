import Foundation

/// Get-EflowHostConfiguration: what is left for a VM on this host.
public struct HostConfiguration: Sendable, Equatable {
  public var freePhysicalMemoryInMB: Int
  public var numberOfLogicalProcessors: Int
  public var diskInfo: [DiskSpace]
  /// No GPUs are simulated; kept so the object has the documented property.
  public var gpuInfo: [String]

  public struct DiskSpace: Sendable, Equatable {
    public var drive: String
    public var freeSizeInGB: Int
    public var totalSizeInGB: Int
  }
}
