import Foundation

/// A Hyper-V virtual switch. Names need not be unique (Hyper-V allows duplicates; EFLOW then
/// refuses with E6), so the `id` is what ties a vNIC to its switch.
public struct VirtualSwitch: Codable, Sendable, Equatable {
  /// A GUID string, drawn from the seeded random source.
  public var id: String
  public var name: String
  public var type: VirtualSwitchType
  /// The physical adapter an External switch is bound to.
  public var netAdapterName: String?
  /// Whether the host shares the bound adapter through a `vEthernet (NAME)` vNIC.
  public var allowManagementOS: Bool
  public var notes: String
  /// Hyper-V's Default Switch (ICS + DHCP + NAT); reported as type Internal.
  public var isDefaultSwitch: Bool
  /// The Default Switch's /20, drawn from 172.16.0.0/12 when the state is created.
  public var icsSubnet: IPv4Network?

  public init(
    id: String, name: String, type: VirtualSwitchType, netAdapterName: String? = nil,
    allowManagementOS: Bool = true, notes: String = "", isDefaultSwitch: Bool = false,
    icsSubnet: IPv4Network? = nil
  ) {
    self.id = id
    self.name = name
    self.type = type
    self.netAdapterName = netAdapterName
    self.allowManagementOS = allowManagementOS
    self.notes = notes
    self.isDefaultSwitch = isDefaultSwitch
    self.icsSubnet = icsSubnet
  }

  public static let defaultSwitchName = "Default Switch"
  /// Hyper-V gives the Default Switch this fixed id on every machine.
  public static let defaultSwitchId = "c08cb7b8-9b3c-408e-8e30-5e16a3aeb444"

  /// The interface description Get-VMSwitch shows for an External switch's adapter.
  public var kindDescription: String { isDefaultSwitch ? "ICS" : type.rawValue }
}
