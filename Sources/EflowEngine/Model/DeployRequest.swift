import Foundation

/// Deploy-Eflow's parameters, already bound by the cmdlet layer. nil = not passed (defaults
/// depend on the EFLOW version, so the engine applies them). Addresses stay text so the engine
/// can reject and quote bad input exactly.
public struct DeployRequest: Sendable, Equatable {
  public var acceptEula: Bool
  public var acceptOptionalTelemetry: Bool
  public var cpuCount: Int?
  public var memoryInMB: Int?
  public var vmDiskSize: Int?
  public var vmDataSize: Int?
  public var vmLogSize: EflowVM.LogSize?
  public var vswitchName: String?
  public var vswitchType: VirtualSwitchType?
  public var ip4Address: String?
  public var ip4PrefixLength: Int?
  public var ip4GatewayAddress: String?

  public init(
    acceptEula: Bool = true, acceptOptionalTelemetry: Bool = false, cpuCount: Int? = nil,
    memoryInMB: Int? = nil, vmDiskSize: Int? = nil, vmDataSize: Int? = nil,
    vmLogSize: EflowVM.LogSize? = nil, vswitchName: String? = nil, vswitchType: VirtualSwitchType? = nil,
    ip4Address: String? = nil, ip4PrefixLength: Int? = nil, ip4GatewayAddress: String? = nil
  ) {
    self.acceptEula = acceptEula
    self.acceptOptionalTelemetry = acceptOptionalTelemetry
    self.cpuCount = cpuCount
    self.memoryInMB = memoryInMB
    self.vmDiskSize = vmDiskSize
    self.vmDataSize = vmDataSize
    self.vmLogSize = vmLogSize
    self.vswitchName = vswitchName
    self.vswitchType = vswitchType
    self.ip4Address = ip4Address
    self.ip4PrefixLength = ip4PrefixLength
    self.ip4GatewayAddress = ip4GatewayAddress
  }
}
