import Foundation
import Testing

@testable import EflowEngine

/// The state file's shape: routes as `ip route` lines that read back exactly, and schema-1 files
/// (an object per route) migrated on read.
struct StateFormatTests {
  typealias F = EngineFixtures

  static let routes: [GuestRoute] = [
    GuestRoute(destination: .defaultRoute, gateway: F.ip("192.168.1.1"), device: "eth1", metric: 0, protocol: .static),
    GuestRoute(destination: .defaultRoute, gateway: F.ip("172.20.0.1"), device: "eth0", metric: 1024, protocol: .dhcp, source: F.ip("172.20.0.5")),
    GuestRoute(destination: IPv4Network("172.20.0.0/20")!, device: "eth0", metric: 1024, protocol: .kernel, scope: .link, source: F.ip("172.20.0.5")),
    GuestRoute(destination: IPv4Network("172.20.0.1/32")!, device: "eth0", metric: 1024, protocol: .dhcp, scope: .link),
    GuestRoute(destination: IPv4Network("10.9.0.0/16")!, device: "docker0", scope: .host),
    GuestRoute(destination: IPv4Network("10.8.0.0/24")!, gateway: F.ip("10.0.0.1"), device: "via"),
  ]

  @Test(arguments: routes)
  func aRouteIsItsIprouteLineAndReadsBack(_ route: GuestRoute) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = .withoutEscapingSlashes
    let data = try encoder.encode([route])
    #expect(String(decoding: data, as: UTF8.self) == "[\"\(route.iprouteText)\"]")
    #expect(try JSONDecoder().decode([GuestRoute].self, from: data) == [route])
  }

  @Test func aDeviceNameWithASpaceKeepsTheObjectForm() throws {
    let route = GuestRoute(destination: IPv4Network("10.0.0.0/8")!, device: "odd name", metric: 5)
    let text = String(decoding: try JSONEncoder().encode(route), as: UTF8.self)
    #expect(text.hasPrefix("{"))
    #expect(try JSONDecoder().decode(GuestRoute.self, from: Data(text.utf8)) == route)
  }

  @Test(arguments: [
    "", "default", "default dev", "nonsense dev eth0", "10.0.0.1/24 dev eth0", "10.0.0.0/33 dev eth0",
    "default dev eth0 metric -1", "default dev eth0 proto bogus", "default via 1.2.3 dev eth0",
    "default dev eth0 dev eth1", "default dev eth0 color red",
  ])
  func linesThatAreNotRoutesAreRefused(_ line: String) {
    #expect(GuestRoute(iprouteText: line) == nil)
    #expect(throws: DecodingError.self) { try JSONDecoder().decode([GuestRoute].self, from: JSONEncoder().encode([line])) }
  }

  @Test func aSchemaOneFileIsMigratedOnRead() throws {
    var state = F.client()
    try state.deploy(DeployRequest())
    // Write the state as schema 1 wrote it: version 1, each route an object.
    let current = try JSONSerialization.jsonObject(with: JSONEncoder().encode(state)) as! [String: Any]
    var old = current
    old["schemaVersion"] = 1
    var vm = current["vm"] as! [String: Any]
    vm["routes"] = try state.vm!.routes.map { route -> [String: Any] in
      var object: [String: Any] = [
        "destination": route.destination.description, "device": route.device, "metric": route.metric,
        "protocol": route.protocol.rawValue, "scope": route.scope.rawValue,
      ]
      if let gateway = route.gateway { object["gateway"] = gateway.description }
      if let source = route.source { object["source"] = source.description }
      return object
    }
    old["vm"] = vm
    #expect(try state.vm!.routes.count >= 3)
    let decoded = try JSONDecoder().decode(HostState.self, from: JSONSerialization.data(withJSONObject: old))
    #expect(decoded.schemaVersion == HostState.currentSchemaVersion)
    #expect(decoded == state)
  }
}
