import Foundation

extension HostProfile {
  /// Names accepted by `builtIn(named:)`.
  public static let builtInNames = ["client", "server"]

  /// A built-in profile by name (case-insensitive), or nil.
  public static func builtIn(named name: String) -> HostProfile? {
    switch name.lowercased() {
    case "client": client
    case "server": server
    default: nil
    }
  }

  /// Windows 11 Pro laptop/desktop on an office LAN with DHCP; Default Switch present.
  /// Free memory is 12288 of 16384 MB (Windows itself uses the rest).
  public static let client = HostProfile(
    name: "client",
    computerName: "DESKTOP-EFLOW01",
    operatingSystem: OperatingSystemInfo(
      caption: "Microsoft Windows 11 Pro", version: "10.0.22631", buildNumber: 22631,
      productType: 1),
    logicalProcessors: 8, totalMemoryMB: 16384, freeMemoryMB: 12288,
    systemDrive: DriveInfo(letter: "C", sizeGB: 476, freeGB: 200),
    defaultSwitch: true,
    adapters: [
      PhysicalAdapterProfile(
        name: "Ethernet", interfaceDescription: "Intel(R) Ethernet Connection (17) I219-LM",
        macAddress: MACAddress("00-1A-2B-3C-4D-5E")!, status: .up, linkSpeed: "1 Gbps",
        ipv4: HostAddressProfile(
          address: IPv4Interface("192.168.1.50/24")!, origin: .dhcp,
          defaultGateway: IPv4Address("192.168.1.1")),
        lan: LanProfile(
          subnet: IPv4Network("192.168.1.0/24")!, gateway: IPv4Address("192.168.1.1"),
          dnsServers: [IPv4Address("192.168.1.1")!], internet: true,
          dhcp: DhcpPoolProfile(start: IPv4Address("192.168.1.100")!, end: IPv4Address("192.168.1.199")!),
          addressesInUse: ["192.168.1.1", "192.168.1.2", "192.168.1.50"].map { IPv4Address($0)! })),
      PhysicalAdapterProfile(
        name: "Wi-Fi", interfaceDescription: "Intel(R) Wi-Fi 6E AX211 160MHz",
        macAddress: MACAddress("00-1A-2B-3C-4D-5F")!, status: .disconnected, linkSpeed: "0 bps"),
    ])

  /// Windows Server 2022 edge server: office LAN with static addressing and no DHCP, plus an
  /// offline OT LAN; no switches, no DHCP Server role.
  public static let server = HostProfile(
    name: "server",
    computerName: "SRV-EDGE01",
    operatingSystem: OperatingSystemInfo(
      caption: "Microsoft Windows Server 2022 Datacenter", version: "10.0.20348",
      buildNumber: 20348, productType: 3),
    logicalProcessors: 16, totalMemoryMB: 32768, freeMemoryMB: 28672,
    systemDrive: DriveInfo(letter: "C", sizeGB: 930, freeGB: 500),
    defaultSwitch: false,
    adapters: [
      PhysicalAdapterProfile(
        name: "Ethernet", interfaceDescription: "Intel(R) Ethernet Controller X710 for 10GbE SFP+",
        macAddress: MACAddress("00-1B-21-0A-0B-01")!, status: .up, linkSpeed: "10 Gbps",
        ipv4: HostAddressProfile(
          address: IPv4Interface("10.10.0.20/24")!, origin: .manual,
          defaultGateway: IPv4Address("10.10.0.1")),
        lan: LanProfile(
          subnet: IPv4Network("10.10.0.0/24")!, gateway: IPv4Address("10.10.0.1"),
          dnsServers: [IPv4Address("10.10.0.1")!], internet: true, dhcp: nil,
          addressesInUse: ["10.10.0.1", "10.10.0.5", "10.10.0.20"].map { IPv4Address($0)! })),
      PhysicalAdapterProfile(
        name: "Ethernet 2", interfaceDescription: "Intel(R) Ethernet Controller X710 for 10GbE SFP+ #2",
        macAddress: MACAddress("00-1B-21-0A-0B-02")!, status: .up, linkSpeed: "1 Gbps",
        ipv4: HostAddressProfile(address: IPv4Interface("192.168.100.20/24")!, origin: .manual),
        lan: LanProfile(
          subnet: IPv4Network("192.168.100.0/24")!, gateway: nil, dnsServers: [], internet: false,
          dhcp: nil,
          addressesInUse: (10...20).map { IPv4Address(192, 168, 100, UInt8($0)) })),
    ])
}
