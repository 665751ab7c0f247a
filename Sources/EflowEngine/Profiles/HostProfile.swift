import Foundation

/// The simulated Windows machine as it is before any script runs: computer, OS, resources, the
/// physical adapters and the LAN behind each, and the EFLOW release installed. Built-in profiles
/// (`client`, `server`) and JSON files share this one shape, so a custom host is just a file.
///
/// JSON shape (camelCase keys; addresses are strings; optional keys may be omitted):
/// ```json
/// {
///   "name": "lab",
///   "computerName": "LAB-PC01",
///   "operatingSystem": { "caption": "Microsoft Windows 11 Pro", "version": "10.0.22631",
///                        "buildNumber": 22631, "productType": 1 },
///   "logicalProcessors": 8, "totalMemoryMB": 16384, "freeMemoryMB": 12288,
///   "systemDrive": { "letter": "C", "sizeGB": 512, "freeGB": 200 },
///   "hyperVEnabled": true, "dhcpServerRoleInstalled": false, "tpmPresent": true,
///   "defaultSwitch": true,
///   "eflowVersion": "1.5.7.01026",
///   "adapters": [ { "name": "Ethernet", "interfaceDescription": "Intel(R) Ethernet Connection I219-LM",
///                   "macAddress": "00-1A-2B-3C-4D-5E", "status": "Up", "linkSpeed": "1 Gbps",
///                   "ipv4": { "address": "192.168.1.50/24", "origin": "dhcp", "defaultGateway": "192.168.1.1" },
///                   "lan": { "subnet": "192.168.1.0/24", "gateway": "192.168.1.1",
///                            "dnsServers": ["192.168.1.1"], "internet": true,
///                            "dhcp": { "start": "192.168.1.100", "end": "192.168.1.199" },
///                            "addressesInUse": ["192.168.1.1", "192.168.1.2", "192.168.1.50"] } } ],
///   "switches": [ { "name": "ExtSwitch", "type": "External", "netAdapterName": "Ethernet" } ]
/// }
/// ```
/// `productType` 1 is a client SKU, 2 or 3 a server SKU (as EFLOW's own sample decides).
public struct HostProfile: Codable, Sendable, Equatable {
  public var name: String
  public var computerName: String
  public var operatingSystem: OperatingSystemInfo
  public var logicalProcessors: Int
  public var totalMemoryMB: Int
  public var freeMemoryMB: Int
  public var systemDrive: DriveInfo
  public var hyperVEnabled: Bool
  public var dhcpServerRoleInstalled: Bool
  public var tpmPresent: Bool
  /// Whether Hyper-V's Default Switch (ICS + DHCP + NAT) exists; client SKUs only.
  public var defaultSwitch: Bool
  public var eflowVersion: EflowVersion
  public var adapters: [PhysicalAdapterProfile]
  /// Switches that already exist when the simulation starts (besides the Default Switch).
  public var switches: [SwitchProfile]

  public init(
    name: String, computerName: String, operatingSystem: OperatingSystemInfo,
    logicalProcessors: Int, totalMemoryMB: Int, freeMemoryMB: Int, systemDrive: DriveInfo,
    hyperVEnabled: Bool = true, dhcpServerRoleInstalled: Bool = false, tpmPresent: Bool = true,
    defaultSwitch: Bool, eflowVersion: EflowVersion = .currentLTS,
    adapters: [PhysicalAdapterProfile], switches: [SwitchProfile] = []
  ) {
    self.name = name
    self.computerName = computerName
    self.operatingSystem = operatingSystem
    self.logicalProcessors = logicalProcessors
    self.totalMemoryMB = totalMemoryMB
    self.freeMemoryMB = freeMemoryMB
    self.systemDrive = systemDrive
    self.hyperVEnabled = hyperVEnabled
    self.dhcpServerRoleInstalled = dhcpServerRoleInstalled
    self.tpmPresent = tpmPresent
    self.defaultSwitch = defaultSwitch
    self.eflowVersion = eflowVersion
    self.adapters = adapters
    self.switches = switches
  }

  public var sku: HostSKU { operatingSystem.productType == 1 ? .client : .server }

  /// Optional keys get their defaults so hand-written files stay short.
  private enum CodingKeys: String, CodingKey {
    case name, computerName, operatingSystem, logicalProcessors, totalMemoryMB, freeMemoryMB
    case systemDrive, hyperVEnabled, dhcpServerRoleInstalled, tpmPresent, defaultSwitch
    case eflowVersion, adapters, switches
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    name = try c.decodeIfPresent(String.self, forKey: .name) ?? "custom"
    computerName = try c.decode(String.self, forKey: .computerName)
    operatingSystem = try c.decode(OperatingSystemInfo.self, forKey: .operatingSystem)
    logicalProcessors = try c.decode(Int.self, forKey: .logicalProcessors)
    totalMemoryMB = try c.decode(Int.self, forKey: .totalMemoryMB)
    freeMemoryMB = try c.decodeIfPresent(Int.self, forKey: .freeMemoryMB) ?? totalMemoryMB
    systemDrive = try c.decode(DriveInfo.self, forKey: .systemDrive)
    hyperVEnabled = try c.decodeIfPresent(Bool.self, forKey: .hyperVEnabled) ?? true
    dhcpServerRoleInstalled =
      try c.decodeIfPresent(Bool.self, forKey: .dhcpServerRoleInstalled) ?? false
    tpmPresent = try c.decodeIfPresent(Bool.self, forKey: .tpmPresent) ?? true
    defaultSwitch =
      try c.decodeIfPresent(Bool.self, forKey: .defaultSwitch) ?? (operatingSystem.productType == 1)
    eflowVersion = try c.decodeIfPresent(EflowVersion.self, forKey: .eflowVersion) ?? .currentLTS
    adapters = try c.decodeIfPresent([PhysicalAdapterProfile].self, forKey: .adapters) ?? []
    switches = try c.decodeIfPresent([SwitchProfile].self, forKey: .switches) ?? []
  }
}

/// Client or server Windows; decides which switch types EFLOW accepts (reference §5.1).
public enum HostSKU: String, Codable, Sendable, Equatable {
  case client, server
}

/// What Win32_OperatingSystem reports.
public struct OperatingSystemInfo: Codable, Sendable, Equatable {
  public var caption: String
  public var version: String
  public var buildNumber: Int
  /// 1 workstation, 2 domain controller, 3 server.
  public var productType: Int

  public init(caption: String, version: String, buildNumber: Int, productType: Int) {
    self.caption = caption
    self.version = version
    self.buildNumber = buildNumber
    self.productType = productType
  }
}

/// The system drive, where the VHDX goes.
public struct DriveInfo: Codable, Sendable, Equatable {
  public var letter: String
  public var sizeGB: Int
  public var freeGB: Int

  public init(letter: String, sizeGB: Int, freeGB: Int) {
    self.letter = letter
    self.sizeGB = sizeGB
    self.freeGB = freeGB
  }
}

/// One physical NIC and what is behind it.
public struct PhysicalAdapterProfile: Codable, Sendable, Equatable {
  public var name: String
  public var interfaceDescription: String
  public var macAddress: MACAddress
  public var status: AdapterStatus
  public var linkSpeed: String
  public var ipv4: HostAddressProfile?
  public var lan: LanProfile?

  public init(
    name: String, interfaceDescription: String, macAddress: MACAddress, status: AdapterStatus,
    linkSpeed: String, ipv4: HostAddressProfile? = nil, lan: LanProfile? = nil
  ) {
    self.name = name
    self.interfaceDescription = interfaceDescription
    self.macAddress = macAddress
    self.status = status
    self.linkSpeed = linkSpeed
    self.ipv4 = ipv4
    self.lan = lan
  }
}

/// The host's own IPv4 address on an adapter.
public struct HostAddressProfile: Codable, Sendable, Equatable {
  public var address: IPv4Interface
  public var origin: AddressOrigin
  public var defaultGateway: IPv4Address?

  public init(address: IPv4Interface, origin: AddressOrigin, defaultGateway: IPv4Address? = nil) {
    self.address = address
    self.origin = origin
    self.defaultGateway = defaultGateway
  }
}

/// The network behind a physical adapter: what a VM on an External switch bound to it sees.
public struct LanProfile: Codable, Sendable, Equatable {
  public var subnet: IPv4Network
  public var gateway: IPv4Address?
  public var dnsServers: [IPv4Address]
  /// Whether the gateway forwards to the internet.
  public var internet: Bool
  /// The LAN's DHCP server pool, if one answers.
  public var dhcp: DhcpPoolProfile?
  /// Addresses other devices (and the host) already hold; static IPs and leases avoid them.
  public var addressesInUse: [IPv4Address]

  public init(
    subnet: IPv4Network, gateway: IPv4Address?, dnsServers: [IPv4Address], internet: Bool,
    dhcp: DhcpPoolProfile?, addressesInUse: [IPv4Address]
  ) {
    self.subnet = subnet
    self.gateway = gateway
    self.dnsServers = dnsServers
    self.internet = internet
    self.dhcp = dhcp
    self.addressesInUse = addressesInUse
  }

  private enum CodingKeys: String, CodingKey {
    case subnet, gateway, dnsServers, internet, dhcp, addressesInUse
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    subnet = try c.decode(IPv4Network.self, forKey: .subnet)
    gateway = try c.decodeIfPresent(IPv4Address.self, forKey: .gateway)
    dnsServers = try c.decodeIfPresent([IPv4Address].self, forKey: .dnsServers) ?? []
    internet = try c.decodeIfPresent(Bool.self, forKey: .internet) ?? false
    dhcp = try c.decodeIfPresent(DhcpPoolProfile.self, forKey: .dhcp)
    addressesInUse = try c.decodeIfPresent([IPv4Address].self, forKey: .addressesInUse) ?? []
  }
}

/// A LAN DHCP server's address pool (it hands out the LAN's gateway and DNS servers).
public struct DhcpPoolProfile: Codable, Sendable, Equatable {
  public var start: IPv4Address
  public var end: IPv4Address

  public init(start: IPv4Address, end: IPv4Address) {
    self.start = start
    self.end = end
  }
}

/// A switch present before the simulation starts.
public struct SwitchProfile: Codable, Sendable, Equatable {
  public var name: String
  public var type: VirtualSwitchType
  public var netAdapterName: String?
  /// For Internal switches: the host vNIC's address (otherwise it gets an APIPA address).
  public var hostAddress: IPv4Interface?

  public init(
    name: String, type: VirtualSwitchType, netAdapterName: String? = nil,
    hostAddress: IPv4Interface? = nil
  ) {
    self.name = name
    self.type = type
    self.netAdapterName = netAdapterName
    self.hostAddress = hostAddress
  }
}
