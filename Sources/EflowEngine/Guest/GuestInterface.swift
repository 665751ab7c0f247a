import Foundation

/// An `ethN` as the guest sees it (ip addr / ifconfig / resolvectl).
public struct GuestInterface: Sendable, Equatable {
  public var name: String
  public var macAddress: MACAddress
  public var address: IPv4Interface?
  public var gateway: IPv4Address?
  /// Effective DNS servers: runtime (`resolvectl dns`) if set since the last start, else the
  /// persistent ones (DHCP or Set-EflowVmDNSServers).
  public var dnsServers: [IPv4Address]
  /// `fe80::…` EUI-64 from the MAC.
  public var ipv6LinkLocal: String
  /// False once the Hyper-V switch behind it is gone (carrier lost).
  public var isUp: Bool
  public var switchName: String
  public var endpointName: String
  public var allocation: EflowEndpoint.Allocation
}
