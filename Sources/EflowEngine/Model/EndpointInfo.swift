import Foundation

/// A row of Get-/Add-EflowVmEndpoint (1.4 shape, with GuestInterfaceName).
public struct EndpointInfo: Sendable, Equatable {
  public var name: String
  /// Lower-case colon form, as EFLOW prints it.
  public var macAddress: String
  /// `currentState:OK previousState:OK`, or `currentState:Failed previousState:OK` once its
  /// Hyper-V switch is gone.
  public var healthStatus: String
  public var ipConfiguration: IpConfiguration
  public var guestInterfaceName: String
  public var dnsServers: [IPv4Address]

  /// `@{Address=...; PrefixLength=...; Gateway=...; AllocationMethod=Static|Dynamic; SubNet=<switch>}`.
  public struct IpConfiguration: Sendable, Equatable {
    public var address: IPv4Address?
    public var prefixLength: Int?
    public var gateway: IPv4Address?
    public var allocationMethod: String
    public var subnet: String
  }
}
