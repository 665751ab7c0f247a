import Foundation

/// What a VM NIC on a given switch is plugged into: the subnets a host may sit in, the live
/// nodes already there, the DHCP server that answers (if any) and the next hops that forward
/// further. Computed from the host state on demand — never stored — so it always reflects the
/// current switches, vNIC addresses, NATs and DHCP scopes.
public struct NetworkSegment: Sendable, Equatable {
  public enum Kind: Sendable, Equatable {
    /// An External switch: the LAN behind the physical adapter.
    case lan(adapterName: String)
    /// A user-created Internal switch: only the host's vNIC is there.
    case internalSwitch
    /// The Default Switch (ICS + DHCP + NAT).
    case ics
    /// A Private switch: nothing but VMs.
    case privateSwitch
  }

  public var switchName: String
  public var kind: Kind
  /// Networks on this wire where an address is routable from the host.
  public var subnets: [IPv4Network]
  /// The host's own addresses on this wire (its vNIC).
  public var hostAddresses: [IPv4Address]
  /// Other live nodes: LAN devices and gateway.
  public var devices: [IPv4Address]
  /// The DHCP server answering on this wire.
  public var dhcp: DhcpSource?
  /// Next hops on this wire that forward to the internet.
  public var internetGateways: [IPv4Address]
  /// Host addresses on this wire that NAT traffic onward (ICS, or a WinNAT covering the subnet).
  public var hostForwarders: [IPv4Address]

  /// Addresses nobody else may take (static IPs and leases avoid them).
  public var occupied: Set<IPv4Address> { Set(hostAddresses + devices) }
}

/// A DHCP server's offer: the pool, and the gateway and DNS servers it hands out.
public struct DhcpSource: Sendable, Equatable {
  public var pool: ClosedRange<IPv4Address>
  public var prefixLength: Int
  public var gateway: IPv4Address?
  public var dnsServers: [IPv4Address]
}
