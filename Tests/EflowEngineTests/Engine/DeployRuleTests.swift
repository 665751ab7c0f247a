import Foundation
import Testing

@testable import EflowEngine

/// SKU × switch type × static/DHCP × LAN situation → outcome, with the exact texts.
struct DeployRuleTests {
  enum Expect: Sendable {
    /// Deployed with DHCP; the lease lies in `pool`; `dns` are the primary endpoint's servers.
    case dhcp(pool: ClosedRange<String>?, gateway: String?, dns: [String])
    /// Deployed with the static address given.
    case staticIP
    case failure(String)
  }

  struct Row: Sendable, CustomTestStringConvertible {
    var name: String
    var setup: EngineFixtures.Setup
    var request: DeployRequest
    var expect: Expect
    var testDescription: String { "\(name) [\(setup)]" }
  }

  static func r(
    _ name: String, _ setup: EngineFixtures.Setup, ip: String? = nil, prefix: Int? = nil, gw: String? = nil,
    _ expect: Expect
  ) -> Row {
    r(name, setup, nil, nil, ip: ip, prefix: prefix, gw: gw, expect)
  }

  static func r(
    _ name: String, _ setup: EngineFixtures.Setup, _ sw: String?, ip: String? = nil, prefix: Int? = nil,
    gw: String? = nil, _ expect: Expect
  ) -> Row {
    r(name, setup, sw, nil, ip: ip, prefix: prefix, gw: gw, expect)
  }

  static func r(
    _ name: String, _ setup: EngineFixtures.Setup, _ sw: String?, _ type: VirtualSwitchType?,
    ip: String? = nil, prefix: Int? = nil, gw: String? = nil, _ expect: Expect
  ) -> Row {
    Row(
      name: name, setup: setup,
      request: DeployRequest(vswitchName: sw, vswitchType: type, ip4Address: ip, ip4PrefixLength: prefix, ip4GatewayAddress: gw),
      expect: expect)
  }

  static func sized(_ name: String, cpu: Int? = nil, mem: Int? = nil, disk: Int? = nil, data: Int? = nil, eula: Bool = true, _ expect: Expect) -> Row {
    Row(
      name: name, setup: .client,
      request: DeployRequest(acceptEula: eula, cpuCount: cpu, memoryInMB: mem, vmDiskSize: disk, vmDataSize: data),
      expect: expect)
  }

  static func notFound(_ n: String, _ t: String) -> Expect { .failure("The virtual switch '\(n)' of type '\(t)' was not found") }
  static func unsupported(_ n: String, _ t: String) -> Expect { .failure("The virtual switch '\(n)' of type '\(t)' is not supported on current host OS") }
  static let e4 = Expect.failure("Cannot set Static IP on ICS type virtual switch (Default Switch)")
  static let e5 = Expect.failure("ip4Address & ip4PrefixLength are required for StaticIP!")
  static let e8 = Expect.failure("Failed to acquire IP address for virtual machine")
  static func inUse(_ a: String) -> Expect { .failure("Error: ip4Address \(a) in use") }
  static func invalid(_ a: String) -> Expect { .failure("Error: Invalid IP4Address \(a)") }
  static let lanDhcp = Expect.dhcp(pool: "192.168.1.100"..."192.168.1.199", gateway: "192.168.1.1", dns: ["192.168.1.1"])
  static let intDhcp = Expect.dhcp(pool: "172.20.0.100"..."172.20.0.200", gateway: "172.20.0.1", dns: [])

  static let rows: [Row] = [
    // Client SKU: Default Switch and External only.
    r("no switch → Default Switch DHCP", .client, .dhcp(pool: nil, gateway: nil, dns: [])),
    r("Default Switch by name", .client, "Default Switch", .dhcp(pool: nil, gateway: nil, dns: [])),
    r("Default Switch by name and Internal", .client, "default switch", .internal, .dhcp(pool: nil, gateway: nil, dns: [])),
    r("Internal switch on client", .clientInternal, "IntSw", .internal, unsupported("IntSw", "Internal")),
    r("Internal switch on client, type inferred", .clientInternal, "IntSw", unsupported("IntSw", "Internal")),
    r("Private switch on client", .clientPrivate, "PrivSw", .private, unsupported("PrivSw", "Private")),
    r("missing External switch", .client, "Nope", .external, notFound("Nope", "External")),
    r("External with LAN DHCP", .clientExternal, "ExtSw", .external, lanDhcp),
    r("External static free address", .clientExternal, "ExtSw", .external, ip: "192.168.1.60", prefix: 24, gw: "192.168.1.1", .staticIP),
    r("External static = LAN device", .clientExternal, "ExtSw", .external, ip: "192.168.1.2", prefix: 24, gw: "192.168.1.1", inUse("192.168.1.2")),
    r("External static = host address", .clientExternal, "ExtSw", .external, ip: "192.168.1.50", prefix: 24, gw: "192.168.1.1", inUse("192.168.1.50")),
    r("External static = gateway", .clientExternal, "ExtSw", .external, ip: "192.168.1.1", prefix: 24, gw: "192.168.1.1", inUse("192.168.1.1")),
    r("static network address", .clientExternal, "ExtSw", .external, ip: "192.168.1.0", prefix: 24, gw: "192.168.1.1", invalid("192.168.1.0")),
    r("static broadcast address", .clientExternal, "ExtSw", .external, ip: "192.168.1.255", prefix: 24, gw: "192.168.1.1", invalid("192.168.1.255")),
    r("static octet > 255", .clientExternal, "ExtSw", .external, ip: "300.1.1.1", prefix: 24, gw: "192.168.1.1", invalid("300.1.1.1")),
    r("static three octets", .clientExternal, "ExtSw", .external, ip: "1.2.3", prefix: 24, gw: "192.168.1.1", invalid("1.2.3")),
    r("static IPv6 refused", .clientExternal, "ExtSw", .external, ip: "fe80::1", prefix: 64, gw: "fe80::2", invalid("fe80::1")),
    r("gateway outside prefix", .clientExternal, "ExtSw", .external, ip: "192.168.1.60", prefix: 24, gw: "10.0.0.1",
      .failure("Error: ip4GatewayAddress and ip4Address are not in the same subnet")),
    r("gateway malformed", .clientExternal, "ExtSw", .external, ip: "192.168.1.60", prefix: 24, gw: "192.168.1",
      .failure("Error: Invalid IP4GatewayAddress 192.168.1")),
    r("prefix 33", .clientExternal, "ExtSw", .external, ip: "192.168.1.60", prefix: 33, gw: "192.168.1.1",
      .failure("Error: Invalid IP4PrefixLength 33. Should be an integer between 0 and 32")),
    r("address only", .clientExternal, "ExtSw", .external, ip: "192.168.1.60", e5),
    r("address and prefix, no gateway", .clientExternal, "ExtSw", .external, ip: "192.168.1.60", prefix: 24, e5),
    r("prefix and gateway, no address", .clientExternal, "ExtSw", .external, prefix: 24, gw: "192.168.1.1", e5),
    r("static outside the LAN", .clientExternal, "ExtSw", .external, ip: "10.1.1.10", prefix: 24, gw: "10.1.1.1",
      .failure("Unable to obtain host routing. Connectivity test to DESKTOP-EFLOW01-EFLOW failed.")),
    r("static on Default Switch by name", .client, "Default Switch", ip: "172.20.0.10", prefix: 24, gw: "172.20.0.1", e4),
    r("static with no switch (Default)", .client, ip: "172.20.0.10", prefix: 24, gw: "172.20.0.1", e4),
    r("incomplete static on Default Switch", .client, ip: "172.20.0.10", e5),
    // Server SKU: External and Internal only; no Default Switch.
    r("no switch on server", .server, .failure("Error: Server SKU, requires Network configuration, see https://aka.ms/AzEFLOW-vSwitch")),
    r("Default Switch on server", .server, "Default Switch", .internal, notFound("Default Switch", "Internal")),
    r("type without name", .server, nil, .internal, notFound("", "Internal")),
    r("Private switch on server", .serverPrivate, "PrivSw", .private, unsupported("PrivSw", "Private")),
    r("External on office LAN without DHCP", .serverExternal, "ExtSw", .external, e8),
    r("External static on office LAN", .serverExternal, "ExtSw", .external, ip: "10.10.0.30", prefix: 24, gw: "10.10.0.1", .staticIP),
    r("External static = LAN device .5", .serverExternal, "ExtSw", .external, ip: "10.10.0.5", prefix: 24, gw: "10.10.0.1", inUse("10.10.0.5")),
    r("External static = host .20", .serverExternal, "ExtSw", .external, ip: "10.10.0.20", prefix: 24, gw: "10.10.0.1", inUse("10.10.0.20")),
    r("OT LAN DHCP", .serverOT, "OtSw", .external, e8),
    r("OT LAN static", .serverOT, "OtSw", .external, ip: "192.168.100.30", prefix: 24, gw: "192.168.100.1", .staticIP),
    r("OT LAN static on a PLC", .serverOT, "OtSw", .external, ip: "192.168.100.15", prefix: 24, gw: "192.168.100.1", inUse("192.168.100.15")),
    r("Internal named with External type", .serverInternal(vnic: "172.20.0.1", nat: true, dhcp: .none), "IntSw", .external, notFound("IntSw", "External")),
    r("duplicate Internal switches", .serverDuplicateInternal, "IntSw", .internal, .failure("Found multiple VMMS switches with name 'IntSw' of type 'Internal'")),
    r("Internal DHCP without DHCP role", .serverInternal(vnic: "172.20.0.1", nat: true, dhcp: .none), "IntSw", .internal, e8),
    r("Internal DHCP with role but no scope", .serverInternal(vnic: "172.20.0.1", nat: true, dhcp: .roleOnly), "IntSw", .internal, e8),
    r("Internal DHCP with active scope", .serverInternal(vnic: "172.20.0.1", nat: true, dhcp: .active), "IntSw", .internal, intDhcp),
    r("Internal DHCP scope DNS option", .serverInternal(vnic: "172.20.0.1", nat: true, dhcp: .scopeDns), "IntSw", .internal,
      .dhcp(pool: "172.20.0.100"..."172.20.0.200", gateway: "172.20.0.1", dns: ["10.10.0.1"])),
    r("Internal DHCP server-level DNS option", .serverInternal(vnic: "172.20.0.1", nat: true, dhcp: .serverDns), "IntSw", .internal,
      .dhcp(pool: "172.20.0.100"..."172.20.0.200", gateway: "172.20.0.1", dns: ["10.10.0.5"])),
    r("Internal DHCP scope InActive", .serverInternal(vnic: "172.20.0.1", nat: true, dhcp: .inactive), "IntSw", .internal, e8),
    r("Internal DHCP service stopped", .serverInternal(vnic: "172.20.0.1", nat: true, dhcp: .stopped), "IntSw", .internal, e8),
    r("Internal DHCP scope on another subnet", .serverInternal(vnic: "172.20.0.1", nat: true, dhcp: .otherSubnet), "IntSw", .internal, e8),
    r("Internal DHCP pool exhausted", .serverInternal(vnic: "172.20.0.1", nat: true, dhcp: .exhausted), "IntSw", .internal, e8),
    r("Internal DHCP, vNIC still APIPA", .serverInternal(vnic: nil, nat: false, dhcp: .none), "IntSw", .internal, e8),
    r("Internal static", .serverInternal(vnic: "172.20.0.1", nat: true, dhcp: .none), "IntSw", .internal, ip: "172.20.0.10", prefix: 24, gw: "172.20.0.1", .staticIP),
    r("Internal static without NAT", .serverInternal(vnic: "172.20.0.1", nat: false, dhcp: .none), "IntSw", .internal, ip: "172.20.0.10", prefix: 24, gw: "172.20.0.1", .staticIP),
    r("Internal static = host vNIC", .serverInternal(vnic: "172.20.0.1", nat: true, dhcp: .none), "IntSw", .internal, ip: "172.20.0.1", prefix: 24, gw: "172.20.0.254", inUse("172.20.0.1")),
    r("Internal static = gateway (#221)", .serverInternal(vnic: "172.20.0.1", nat: true, dhcp: .none), "IntSw", .internal, ip: "172.20.0.1", prefix: 24, gw: "172.20.0.1", inUse("172.20.0.1")),
    r("Internal static, vNIC still APIPA", .serverInternal(vnic: nil, nat: false, dhcp: .none), "IntSw", .internal, ip: "172.20.0.10", prefix: 24, gw: "172.20.0.1",
      .failure("Unable to obtain host routing. Connectivity test to SRV-EDGE01-EFLOW failed.")),
    // Sizes (client: 8 CPUs, 12288 MB free, 200 GB free, EFLOW 1.5).
    sized("defaults", .dhcp(pool: nil, gateway: nil, dns: [])),
    sized("9 CPUs", cpu: 9, .failure("Not enough CPU cores available.")),
    sized("0 CPUs", cpu: 0, .failure("Cannot validate argument on parameter 'cpuCount'. The 0 argument is less than the minimum allowed range of 1. Supply an argument that is greater than or equal to 1 and then try the command again.")),
    sized("odd memory", mem: 2049, .failure("Error: memoryInMB must be an even number")),
    sized("too much memory", mem: 16384, .failure("Not enough memory available.")),
    sized("too little memory", mem: 512, .failure("Cannot validate argument on parameter 'memoryInMB'. The 512 argument is less than the minimum allowed range of 1024. Supply an argument that is greater than or equal to 1024 and then try the command again.")),
    sized("disk below 21 on 1.5", disk: 20, .failure("Cannot validate argument on parameter 'vmDiskSize'. The 20 argument is less than the minimum allowed range of 21. Supply an argument that is greater than or equal to 21 and then try the command again.")),
    sized("disk above 2000", disk: 2001, .failure("Cannot validate argument on parameter 'vmDiskSize'. The 2001 argument is greater than the maximum allowed range of 2000. Supply an argument that is less than or equal to 2000 and then try the command again.")),
    sized("disk and data together", disk: 40, data: 20, .failure("Parameter set cannot be resolved using the specified named parameters.")),
    sized("data below 2", data: 1, .failure("Cannot validate argument on parameter 'vmDataSize'. The 1 argument is less than the minimum allowed range of 2. Supply an argument that is greater than or equal to 2 and then try the command again.")),
    sized("disk larger than free space", disk: 195, .failure("Not enough disk space is available on drive 'C:'.")),
    sized("EULA declined", eula: false, .failure("Action aborted by user")),
  ]

  @Test(arguments: rows)
  func deploy(row: Row) throws {
    var state = try row.setup.make()
    let before = state
    switch row.expect {
    case .failure(let message):
      #expect(EngineFixtures.message { try state.deploy(row.request) } == message)
      #expect(state == before, "a failed deployment must leave the state untouched")
      #expect(state.vm == nil)
    case .staticIP:
      let result = try state.deploy(row.request)
      let primary = try #require(state.vm?.primaryEndpoint)
      #expect(result.output == "OK")
      #expect(primary.allocation == .static)
      #expect(primary.address?.address.description == row.request.ip4Address)
      #expect(primary.address?.prefixLength == row.request.ip4PrefixLength)
      #expect(primary.gateway?.description == row.request.ip4GatewayAddress)
      #expect(primary.dnsServers.isEmpty, "static deployments have no DNS until Set-EflowVmDNSServers")
      #expect(result.lines.contains(.dnsWarning))
    case .dhcp(let pool, let gateway, let dns):
      let result = try state.deploy(row.request)
      let primary = try #require(state.vm?.primaryEndpoint)
      let address = try #require(primary.address?.address)
      #expect(primary.allocation == .dhcp)
      #expect(result.ipAddress == address)
      if let pool {
        #expect((EngineFixtures.ip(pool.lowerBound)...EngineFixtures.ip(pool.upperBound)).contains(address))
        #expect(primary.gateway?.description == gateway)
        #expect(primary.dnsServers.map(\.description) == dns)
      } else {
        // The Default Switch: a /20 in 172.16.0.0/12, gateway .1 also the DNS server.
        let subnet = try #require(state.switches.first(where: \.isDefaultSwitch)?.icsSubnet)
        #expect(subnet.prefixLength == 20)
        #expect(IPv4Network("172.16.0.0/12")!.contains(subnet.address))
        #expect(subnet.isHost(address) && address != IPv4Address(subnet.address.value + 1))
        #expect(primary.address?.prefixLength == 20)
        #expect(primary.gateway == IPv4Address(subnet.address.value + 1))
        #expect(primary.dnsServers == [IPv4Address(subnet.address.value + 1)])
      }
      #expect(result.lines.contains(.dnsWarning) == primary.dnsServers.isEmpty)
      #expect(result.lines.last == .step("Deployment successful"))
    }
  }
}
