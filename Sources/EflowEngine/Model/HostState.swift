import Foundation

/// The whole simulated world — Windows host, Hyper-V, DHCP Server, WinNAT and the EFLOW VM — as
/// one value. Every operation is a mutating method that works on a copy and commits only on
/// success (see `transact`), so a failed Deploy-Eflow leaves nothing behind; the state store
/// persists this value as one JSON document.
public struct HostState: Codable, Sendable, Equatable {
  /// Bumped when the encoded shape changes incompatibly. 2: guest routes are `ip route` lines
  /// (schema-1 files, with an object per route, still decode).
  public static let currentSchemaVersion = 2

  public var schemaVersion: Int
  /// The profile the state was created from: fixed facts (computer, OS, LANs, EFLOW release).
  public var profile: HostProfile
  public var random: SeededRandom
  public var adapters: [HostAdapter]
  public var ipAddresses: [HostIPAddress]
  public var switches: [VirtualSwitch]
  public var nats: [NatNetwork]
  public var hyperVEnabled: Bool
  public var dhcpServer: DhcpServer
  public var vm: EflowVM?
  /// Next ifIndex for a new vNIC (Windows hands out increasing indexes).
  public var nextInterfaceIndex: Int

  /// A fresh host as described by `profile`, with randomness from `seed`.
  public init(profile: HostProfile, seed: UInt64) {
    schemaVersion = Self.currentSchemaVersion
    self.profile = profile
    random = SeededRandom(seed: seed)
    adapters = []
    ipAddresses = []
    switches = []
    nats = []
    hyperVEnabled = profile.hyperVEnabled
    dhcpServer = DhcpServer(installed: profile.dhcpServerRoleInstalled, running: profile.dhcpServerRoleInstalled)
    vm = nil
    nextInterfaceIndex = 1

    for (offset, adapter) in profile.adapters.enumerated() {
      let ifIndex = 4 + offset * 3  // physical NICs get small, spaced indexes as on real hosts
      adapters.append(
        HostAdapter(
          name: adapter.name, interfaceDescription: adapter.interfaceDescription, ifIndex: ifIndex,
          macAddress: adapter.macAddress, status: adapter.status, linkSpeed: adapter.linkSpeed,
          switchId: nil))
      if let ip = adapter.ipv4 {
        ipAddresses.append(
          HostIPAddress(address: ip.address, ifIndex: ifIndex, origin: ip.origin, defaultGateway: ip.defaultGateway))
      }
    }
    nextInterfaceIndex = 4 + profile.adapters.count * 3 + 10

    if profile.defaultSwitch {
      // ICS picks a /20 somewhere in 172.16.0.0/12 (16 bits of /12 → 256 possible /20s).
      let block = UInt32(random.int(in: 0...255))
      let subnet = IPv4Network(containing: IPv4Address(0xAC10_0000 | block << 12), prefixLength: 20)
      let defaultSwitch = VirtualSwitch(
        id: VirtualSwitch.defaultSwitchId, name: VirtualSwitch.defaultSwitchName, type: .internal,
        notes: "", isDefaultSwitch: true, icsSubnet: subnet)
      switches.append(defaultSwitch)
      let ifIndex = addVNIC(for: defaultSwitch)
      ipAddresses.append(
        HostIPAddress(
          address: IPv4Interface(address: IPv4Address(subnet.address.value + 1), prefixLength: 20),
          ifIndex: ifIndex, origin: .manual))
    }
    for entry in profile.switches {
      // Profiles are validated before use; an unusable entry is skipped rather than trapping.
      _ = try? createSwitch(
        name: entry.name, type: entry.type, netAdapterName: entry.netAdapterName,
        allowManagementOS: true, notes: "", hostAddress: entry.hostAddress)
    }
  }

  /// Runs `body` on a copy and keeps the copy only if it succeeds: the all-or-nothing rule every
  /// operation follows (random draws made by a failed operation are discarded too, so a failed
  /// command does not change later MACs or leases).
  @discardableResult
  public mutating func transact<T>(_ body: (inout HostState) throws(EflowError) -> T) throws(EflowError) -> T {
    var copy = self
    let result = try body(&copy)
    self = copy
    return result
  }

  public var sku: HostSKU { profile.sku }
  public var computerName: String { profile.computerName }
  public var version: EflowVersion { profile.eflowVersion }
  /// `<COMPUTERNAME>-EFLOW`.
  public var vmName: String { "\(profile.computerName)-EFLOW" }
}

extension HostState {
  /// Decodes any schema up to the current one (the store has already refused newer ones) and
  /// migrates it: the types decode the older shapes, and the version becomes this build's, so the
  /// next write records the shape it actually writes.
  public init(from decoder: any Decoder) throws {
    let keyed = try decoder.container(keyedBy: CodingKeys.self)
    schemaVersion = Self.currentSchemaVersion
    profile = try keyed.decode(HostProfile.self, forKey: .profile)
    random = try keyed.decode(SeededRandom.self, forKey: .random)
    adapters = try keyed.decode([HostAdapter].self, forKey: .adapters)
    ipAddresses = try keyed.decode([HostIPAddress].self, forKey: .ipAddresses)
    switches = try keyed.decode([VirtualSwitch].self, forKey: .switches)
    nats = try keyed.decode([NatNetwork].self, forKey: .nats)
    hyperVEnabled = try keyed.decode(Bool.self, forKey: .hyperVEnabled)
    dhcpServer = try keyed.decode(DhcpServer.self, forKey: .dhcpServer)
    vm = try keyed.decodeIfPresent(EflowVM.self, forKey: .vm)
    nextInterfaceIndex = try keyed.decode(Int.self, forKey: .nextInterfaceIndex)
  }
}
