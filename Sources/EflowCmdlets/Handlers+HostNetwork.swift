import EflowEngine
import Foundation
import PSRuntime

/// NetAdapter, NetTCPIP and DnsClient: Get-NetAdapter, New-/Get-/Remove-NetIPAddress,
/// Get-NetRoute, Get-NetIPConfiguration, Get-DnsClientServerAddress.
extension Handlers {
  func registerHostNetwork(into i: Interpreter) {
    i.registerHandler("Get-NetAdapter") { [self] in CmdletBody(process: { ctx, _ in try self.getNetAdapter(ctx) }) }
    i.registerHandler("New-NetIPAddress") { [self] in CmdletBody(process: { ctx, _ in try self.newNetIPAddress(ctx) }) }
    i.registerHandler("Get-NetIPAddress") { [self] in CmdletBody(process: { ctx, _ in try self.getNetIPAddress(ctx) }) }
    i.registerHandler("Remove-NetIPAddress") { [self] in
      CmdletBody(process: { ctx, _ in try self.removeNetIPAddress(ctx) })
    }
    i.registerHandler("Get-NetRoute") { [self] in CmdletBody(process: { ctx, _ in try self.getNetRoute(ctx) }) }
    i.registerHandler("Get-NetIPConfiguration") { [self] in
      CmdletBody(process: { ctx, _ in try self.getNetIPConfiguration(ctx) })
    }
    i.registerHandler("Get-DnsClientServerAddress") { [self] in
      CmdletBody(process: { ctx, _ in try self.getDnsClientServerAddress(ctx) })
    }
  }

  // MARK: Get-NetAdapter

  func getNetAdapter(_ ctx: CmdletContext) throws {
    let state = try session.run(ctx) { try session.read() }
    var found = state.adapters.sorted { $0.name.lowercased() < $1.name.lowercased() }
    if ctx.flag("Physical") { found = found.filter(\.isPhysical) }
    var notFound: [(String, String)] = []
    if let names = ctx.strings("Name") {
      let filter = NameFilter(names)
      found = found.filter { filter.matches($0.name) }
      notFound = filter.unmatchedLiterals(found.map(\.name)).map { ("Name", $0) }
    } else if let descriptions = ctx.strings("InterfaceDescription") {
      let filter = NameFilter(descriptions)
      found = found.filter { filter.matches($0.interfaceDescription) }
      notFound = filter.unmatchedLiterals(found.map(\.interfaceDescription)).map { ("InterfaceDescription", $0) }
    } else if let indexes = ctx.ints("InterfaceIndex") {
      found = found.filter { indexes.contains($0.ifIndex) }
      notFound = indexes.filter { i in !found.contains { $0.ifIndex == i } }.map { ("InterfaceIndex", String($0)) }
    }
    for a in found { try ctx.emit(.object(Self.netAdapterObject(a))) }
    for (property, value) in notFound {
      try writeCimNotFound(ctx, "MSFT_NetAdapter", property: property, value: value)
    }
  }

  /// MSFT_NetAdapter (MacAddress upper-case with dashes, as Windows shows host MACs).
  static func netAdapterObject(_ a: HostAdapter) -> PSObject {
    let up = a.status == .up
    return hostObject(
      cimType("ROOT/StandardCimv2/MSFT_NetAdapter"),
      [
        ("Name", .string(a.name)),
        ("InterfaceDescription", .string(a.interfaceDescription)),
        ("ifIndex", .int32(Int32(a.ifIndex))),
        ("Status", .string(a.status.rawValue)),
        ("MacAddress", .string(a.macAddress.windowsForm)),
        ("LinkSpeed", .string(a.linkSpeed)),
        ("MediaConnectionState", .string(up ? "Connected" : "Disconnected")),
        ("AdminStatus", .string(a.status == .disabled ? "Down" : "Up")),
        ("InterfaceAlias", .string(a.name)),
        ("InterfaceIndex", .int32(Int32(a.ifIndex))),
        ("ifAlias", .string(a.name)),
        ("ifDesc", .string(a.interfaceDescription)),
        ("DriverDescription", .string(a.interfaceDescription)),
        ("Virtual", .bool(!a.isPhysical)),
        ("HardwareInterface", .bool(a.isPhysical)),
        ("ConnectorPresent", .bool(a.isPhysical)),
        ("MtuSize", .int32(1500)),
        ("Speed", .int64(Self.bitsPerSecond(a.linkSpeed))),
        ("MediaType", .string("802.3")),
      ], string: "MSFT_NetAdapter (CreationClassName = \"MSFT_NetAdapter\", DeviceID = \"\(a.ifIndex)\", Name = \"\(a.name)\")")
  }

  /// "10 Gbps" → 10000000000.
  static func bitsPerSecond(_ linkSpeed: String) -> Int64 {
    let parts = linkSpeed.split(separator: " ")
    guard parts.count == 2, let n = Double(parts[0]) else { return 0 }
    let unit: Double =
      switch parts[1].lowercased() {
      case "gbps": 1e9
      case "mbps": 1e6
      case "kbps": 1e3
      default: 1
      }
    return Int64(n * unit)
  }

  // MARK: New-NetIPAddress

  func newNetIPAddress(_ ctx: CmdletContext) throws {
    guard let address = ctx.string("IPAddress") else { return }
    let state = try session.run(ctx) { try session.read() }
    var adapter: HostAdapter?
    if let alias = ctx.string("InterfaceAlias") {
      adapter = state.adapters.first { $0.name.caseInsensitiveEquals(alias) }
      if adapter == nil {
        try writeCimNotFound(ctx, "MSFT_NetAdapter", property: "Name", value: alias)
        return
      }
    } else if let index = ctx.int("InterfaceIndex") {
      adapter = state.adapters.first { $0.ifIndex == index }
      if adapter == nil {
        try writeCimNotFound(ctx, "MSFT_NetAdapter", property: "InterfaceIndex", value: String(index))
        return
      }
    }
    guard let adapter else { return }
    if ctx.string("AddressFamily")?.caseInsensitiveEquals("IPv6") == true || address.contains(":") {
      try ctx.writeError(
        HostErrorStyle.cimMethod.record(
          EflowError(.invalidArgument, "The parameter is incorrect."), target: cimTarget("MSFT_NetIPAddress"), ctx: ctx))
      return
    }
    // Windows needs a prefix length for a manual address; without one the address is a host
    // address (/32) (informed choice).
    let prefix = ctx.int("PrefixLength") ?? 32
    guard try ctx.shouldProcess("\(address)/\(prefix) on \(adapter.name)") else { return }
    let gateway = ctx.string("DefaultGateway")
    let added: HostIPAddress? = try attempt(ctx, .cimMethod, target: cimTarget("MSFT_NetIPAddress")) {
      try session.change { (s) throws(EflowError) in
        try s.addIPAddress(ifIndex: adapter.ifIndex, address: address, prefixLength: prefix, defaultGateway: gateway)
      }
    }
    guard let added else { return }
    let skip = ctx.bool("SkipAsSource") ?? false
    let store = ctx.string("PolicyStore")
    if store == nil || store!.caseInsensitiveEquals("ActiveStore") {
      try ctx.emit(.object(Self.netIPAddressObject(added, adapter, store: "ActiveStore", skipAsSource: skip)))
    }
    if store == nil || store!.caseInsensitiveEquals("PersistentStore") {
      try ctx.emit(.object(Self.netIPAddressObject(added, adapter, store: "PersistentStore", skipAsSource: skip)))
    }
  }

  /// MSFT_NetIPAddress. The persistent-store copy of an address has AddressState Invalid, as
  /// Windows shows it.
  static func netIPAddressObject(_ ip: HostIPAddress, _ adapter: HostAdapter, store: String, skipAsSource: Bool = false)
    -> PSObject
  {
    let lifetime = ip.origin == .dhcp ? timeSpan(seconds: 86400) : infiniteLifetime
    return hostObject(
      cimType("ROOT/StandardCimv2/MSFT_NetIPAddress"),
      [
        ("IPAddress", .string(ip.address.address.description)),
        ("InterfaceIndex", .int32(Int32(adapter.ifIndex))),
        ("InterfaceAlias", .string(adapter.name)),
        ("AddressFamily", .string("IPv4")),
        ("Type", .string("Unicast")),
        ("PrefixLength", .byte(UInt8(ip.address.prefixLength))),
        ("PrefixOrigin", .string(ip.origin.prefixOrigin)),
        ("SuffixOrigin", .string(ip.origin.suffixOrigin)),
        ("AddressState", .string(store == "PersistentStore" ? "Invalid" : "Preferred")),
        ("ValidLifetime", lifetime),
        ("PreferredLifetime", lifetime),
        ("SkipAsSource", .bool(skipAsSource)),
        ("PolicyStore", .string(store)),
      ])
  }

  // MARK: Get-NetIPAddress / Remove-NetIPAddress

  /// The addresses the NetTCPIP filters select, and the literal filter values that matched
  /// none of them (cmdletization reports those as not found, property by property).
  func selectAddresses(_ ctx: CmdletContext, _ state: HostState) -> (found: [(HostIPAddress, HostAdapter, String)], notFound: [(String, String)]) {
    let stores: [String]
    switch ctx.string("PolicyStore")?.lowercased() {
    case "persistentstore": stores = ["PersistentStore"]
    default: stores = ["ActiveStore"]
    }
    var rows: [(HostIPAddress, HostAdapter, String)] = []
    for store in stores {
      for ip in state.ipAddresses {
        guard let adapter = state.adapters.first(where: { $0.ifIndex == ip.ifIndex }) else { continue }
        if store == "PersistentStore" && ip.origin != .manual { continue }
        rows.append((ip, adapter, store))
      }
    }
    rows.sort { ($0.1.ifIndex, $0.0.address.address) < ($1.1.ifIndex, $1.0.address.address) }
    let addressFilter = NameFilter(ctx.strings("IPAddress"))
    let aliasFilter = NameFilter(ctx.strings("InterfaceAlias"))
    let indexes = ctx.ints("InterfaceIndex")
    let families = ctx.strings("AddressFamily")
    let prefixes = ctx.ints("PrefixLength")
    let prefixOrigins = ctx.strings("PrefixOrigin")
    let suffixOrigins = ctx.strings("SuffixOrigin")
    let states = ctx.strings("AddressState")
    let types = ctx.strings("Type")
    let skips = ctx.value("SkipAsSource").map { ($0.enumerated ?? [$0]).map(Conversions.toBool) }
    let found = rows.filter { ip, adapter, store in
      let state = store == "PersistentStore" ? "Invalid" : "Preferred"
      return addressFilter.matches(ip.address.address.description) && aliasFilter.matches(adapter.name)
        && (indexes?.contains(adapter.ifIndex) ?? true)
        && (families?.contains { $0.caseInsensitiveEquals("IPv4") } ?? true)
        && (prefixes?.contains(ip.address.prefixLength) ?? true)
        && (prefixOrigins?.contains { $0.caseInsensitiveEquals(ip.origin.prefixOrigin) } ?? true)
        && (suffixOrigins?.contains { $0.caseInsensitiveEquals(ip.origin.suffixOrigin) } ?? true)
        && (states?.contains { $0.caseInsensitiveEquals(state) } ?? true)
        && (types?.contains { $0.caseInsensitiveEquals("Unicast") } ?? true)
        && (skips?.contains(false) ?? true)
    }
    var notFound = addressFilter.unmatchedLiterals(found.map { $0.0.address.address.description }).map { ("IPAddress", $0) }
    notFound += (indexes ?? []).filter { i in !found.contains { $0.1.ifIndex == i } }.map { ("InterfaceIndex", String($0)) }
    notFound += aliasFilter.unmatchedLiterals(found.map(\.1.name)).map { ("InterfaceAlias", $0) }
    return (found, notFound)
  }

  func writeAddressNotFound(_ ctx: CmdletContext, _ notFound: [(String, String)]) throws {
    for (property, value) in notFound {
      try writeCimNotFound(ctx, "MSFT_NetIPAddress", property: property, value: value)
    }
  }

  func getNetIPAddress(_ ctx: CmdletContext) throws {
    let state = try session.run(ctx) { try session.read() }
    let (found, notFound) = selectAddresses(ctx, state)
    for (ip, adapter, store) in found { try ctx.emit(.object(Self.netIPAddressObject(ip, adapter, store: store))) }
    try writeAddressNotFound(ctx, notFound)
  }

  func removeNetIPAddress(_ ctx: CmdletContext) throws {
    let state = try session.run(ctx) { try session.read() }
    var targets: [(HostIPAddress, HostAdapter, String)]
    // No filter: every address goes; in the interactive shell each is confirmed (ConfirmImpact High).
    var askEach = false
    if let objects = ctx.value("InputObject") {
      targets = (objects.enumerated ?? [objects]).compactMap { v in
        guard case .object(let o) = v, let a = o["IPAddress"], let i = o["InterfaceIndex"] else { return nil }
        let text = Conversions.toString(a)
        let index = Int(Conversions.toString(i))
        guard let ip = state.ipAddresses.first(where: { $0.address.address.description == text && $0.ifIndex == index }),
          let adapter = state.adapters.first(where: { $0.ifIndex == ip.ifIndex })
        else { return nil }
        return (ip, adapter, "ActiveStore")
      }
    } else {
      let filtered = ["IPAddress", "InterfaceIndex", "InterfaceAlias", "PrefixLength", "PrefixOrigin", "SuffixOrigin", "AddressState", "Type"]
        .contains { ctx.value($0) != nil }
      askEach = !filtered && !ctx.confirmWaived && !ctx.whatIf && ctx.interpreter.canPrompt
      if !filtered && !ctx.confirmWaived && !ctx.whatIf && !askEach {
        throw ctx.terminatingError(
          ErrorRecord(
            exceptionType: "System.InvalidOperationException",
            message:
              "Remove-NetIPAddress without a filter removes every IP address of the host. eflowsh cannot ask for confirmation: give -IPAddress, -InterfaceIndex or -InterfaceAlias, or run it with -Confirm:$false.",
            errorId: "ConfirmationRequired", category: .invalidOperation))
      }
      let (found, notFound) = selectAddresses(ctx, state)
      try writeAddressNotFound(ctx, notFound)
      targets = found
    }
    for (ip, adapter, store) in targets {
      let text = ip.address.address.description
      guard try ctx.shouldProcess("MSFT_NetIPAddress (IPAddress = \"\(text)\", InterfaceIndex = \(adapter.ifIndex))", action: "Delete",
        confirm: askEach)
      else { continue }
      let removed: [HostIPAddress]? = try attempt(ctx, .cimQuery("IPAddress"), target: .string(text)) {
        try session.change { (s) throws(EflowError) in try s.removeIPAddress(text, ifIndex: adapter.ifIndex) }
      }
      if removed != nil, ctx.flag("PassThru") {
        try ctx.emit(.object(Self.netIPAddressObject(ip, adapter, store: store)))
      }
    }
  }

  // MARK: Get-NetRoute

  struct HostRoute {
    var destination: String
    var nextHop: String
    var metric: Int
    var adapter: HostAdapter
    var protocolName: String
  }

  /// The host's IPv4 routing table: per address its subnet, host and broadcast routes; per
  /// gateway a default route.
  static func hostRoutes(_ state: HostState) -> [HostRoute] {
    var routes: [HostRoute] = []
    for ip in state.ipAddresses {
      guard let adapter = state.adapters.first(where: { $0.ifIndex == ip.ifIndex }) else { continue }
      if let gw = ip.defaultGateway {
        routes.append(HostRoute(destination: "0.0.0.0/0", nextHop: gw.description, metric: 0, adapter: adapter,
          protocolName: ip.origin == .dhcp ? "Dhcp" : "NetMgmt"))
      }
      let network = ip.address.network
      routes.append(HostRoute(destination: network.description, nextHop: "0.0.0.0", metric: 256, adapter: adapter, protocolName: "Local"))
      routes.append(HostRoute(destination: "\(ip.address.address)/32", nextHop: "0.0.0.0", metric: 256, adapter: adapter, protocolName: "Local"))
      if network.prefixLength < 31 {
        routes.append(HostRoute(destination: "\(network.broadcastAddress)/32", nextHop: "0.0.0.0", metric: 256, adapter: adapter, protocolName: "Local"))
      }
    }
    return routes
  }

  static func netRouteObject(_ r: HostRoute) -> PSObject {
    hostObject(
      cimType("ROOT/StandardCimv2/MSFT_NetRoute"),
      [
        ("DestinationPrefix", .string(r.destination)), ("NextHop", .string(r.nextHop)),
        ("RouteMetric", .int32(Int32(r.metric))), ("ifIndex", .int32(Int32(r.adapter.ifIndex))),
        ("InterfaceIndex", .int32(Int32(r.adapter.ifIndex))), ("InterfaceAlias", .string(r.adapter.name)),
        ("InterfaceMetric", .int32(r.adapter.isPhysical ? 25 : 15)), ("AddressFamily", .string("IPv4")),
        ("Protocol", .string(r.protocolName)), ("TypeOfRoute", .int32(r.protocolName == "Local" ? 3 : 4)),
        ("State", .string("Alive")), ("Publish", .string("No")), ("PolicyStore", .string("ActiveStore")),
        ("ValidLifetime", infiniteLifetime), ("PreferredLifetime", infiniteLifetime),
      ])
  }

  func getNetRoute(_ ctx: CmdletContext) throws {
    let state = try session.run(ctx) { try session.read() }
    let destinations = NameFilter(ctx.strings("DestinationPrefix"))
    let aliases = NameFilter(ctx.strings("InterfaceAlias"))
    let indexes = ctx.ints("InterfaceIndex")
    let hops = ctx.strings("NextHop")
    let metrics = ctx.ints("RouteMetric")
    let families = ctx.strings("AddressFamily")
    let protocols = ctx.strings("Protocol")
    let found = Self.hostRoutes(state).filter { r in
      destinations.matches(r.destination) && aliases.matches(r.adapter.name)
        && (indexes?.contains(r.adapter.ifIndex) ?? true) && (hops?.contains(r.nextHop) ?? true)
        && (metrics?.contains(r.metric) ?? true) && (families?.contains { $0.caseInsensitiveEquals("IPv4") } ?? true)
        && (protocols?.contains { $0.caseInsensitiveEquals(r.protocolName) } ?? true)
    }
    for r in found { try ctx.emit(.object(Self.netRouteObject(r))) }
    var notFound = destinations.unmatchedLiterals(found.map(\.destination)).map { ("DestinationPrefix", $0) }
    notFound += aliases.unmatchedLiterals(found.map(\.adapter.name)).map { ("InterfaceAlias", $0) }
    notFound += (indexes ?? []).filter { i in !found.contains { $0.adapter.ifIndex == i } }.map { ("InterfaceIndex", String($0)) }
    for (property, value) in notFound {
      try writeCimNotFound(ctx, "MSFT_NetRoute", property: property, value: value)
    }
  }

  // MARK: Get-NetIPConfiguration

  func getNetIPConfiguration(_ ctx: CmdletContext) throws {
    let state = try session.run(ctx) { try session.read() }
    var adapters = state.adapters.sorted { $0.ifIndex < $1.ifIndex }
    if let alias = ctx.string("InterfaceAlias") {
      adapters = adapters.filter { WildcardPattern(alias).matches($0.name) }
      if adapters.isEmpty {
        try writeCimNotFound(ctx, "MSFT_NetAdapter", property: "Name", value: alias)
        return
      }
    } else if let index = ctx.int("InterfaceIndex") {
      adapters = adapters.filter { $0.ifIndex == index }
      if adapters.isEmpty {
        try writeCimNotFound(ctx, "MSFT_NetAdapter", property: "InterfaceIndex", value: String(index))
        return
      }
    } else if !ctx.flag("All") {
      adapters = adapters.filter { $0.status == .up }
    }
    let routes = Self.hostRoutes(state)
    for a in adapters {
      let addresses = state.addresses(onIfIndex: a.ifIndex).map { Value.object(Self.netIPAddressObject($0, a, store: "ActiveStore")) }
      let gateways = routes.filter { $0.adapter.ifIndex == a.ifIndex && $0.destination == "0.0.0.0/0" }
        .map { Value.object(Self.netRouteObject($0)) }
      let dns = Value.object(Self.dnsClientObject(a, family: 2, servers: state.dnsClientServers(ifIndex: a.ifIndex)))
      var props: [(String, Value)] = [
        ("ComputerName", .string(state.computerName)),
        ("InterfaceAlias", .string(a.name)),
        ("InterfaceIndex", .int32(Int32(a.ifIndex))),
        ("InterfaceDescription", .string(a.interfaceDescription)),
        ("NetAdapter", .object(Self.netAdapterObject(a))),
        ("IPv4Address", Self.oneOrMany(addresses)),
        ("IPv6Address", .null),
        ("IPv4DefaultGateway", Self.oneOrMany(gateways)),
        ("IPv6DefaultGateway", .null),
        ("DNSServer", dns),
      ]
      if ctx.flag("Detailed") {
        props.append(("NetIPv4Interface", .object(hostObject(cimType("ROOT/StandardCimv2/MSFT_NetIPInterface"), [
          ("NlMtu", .int32(1500)),
          ("Dhcp", .string(state.addresses(onIfIndex: a.ifIndex).contains { $0.origin == .dhcp } ? "Enabled" : "Disabled")),
          ("ConnectionState", .string(a.status == .up ? "Connected" : "Disconnected")),
        ]))))
      }
      try ctx.emit(.object(hostObject("NetIPConfiguration", props)))
    }
  }

  /// Nothing, one object, or an array: as Windows' NetIPConfiguration properties read in scripts.
  static func oneOrMany(_ items: [Value]) -> Value {
    switch items.count {
    case 0: .null
    case 1: items[0]
    default: .array(PSArray(items))
    }
  }

  // MARK: Get-DnsClientServerAddress

  /// MSFT_DNSClientServerAddress; AddressFamily is numeric (2 IPv4, 23 IPv6).
  static func dnsClientObject(_ a: HostAdapter, family: Int, servers: [IPv4Address]) -> PSObject {
    hostObject(
      cimType("ROOT/StandardCimv2/MSFT_DNSClientServerAddress"),
      [
        ("InterfaceAlias", .string(a.name)), ("InterfaceIndex", .int32(Int32(a.ifIndex))),
        ("AddressFamily", .int32(Int32(family))), ("ServerAddresses", stringArray(servers.map(\.description))),
      ])
  }

  func getDnsClientServerAddress(_ ctx: CmdletContext) throws {
    let state = try session.run(ctx) { try session.read() }
    let aliases = NameFilter(ctx.strings("InterfaceAlias"))
    let indexes = ctx.ints("InterfaceIndex")
    let families = ctx.strings("AddressFamily")
    let adapters = state.adapters.sorted { $0.ifIndex < $1.ifIndex }
      .filter { aliases.matches($0.name) && (indexes?.contains($0.ifIndex) ?? true) }
    for a in adapters {
      if families?.contains(where: { $0.caseInsensitiveEquals("IPv4") }) ?? true {
        try ctx.emit(.object(Self.dnsClientObject(a, family: 2, servers: state.dnsClientServers(ifIndex: a.ifIndex))))
      }
      if families?.contains(where: { $0.caseInsensitiveEquals("IPv6") }) ?? true {
        try ctx.emit(.object(Self.dnsClientObject(a, family: 23, servers: [])))
      }
    }
    var notFound = aliases.unmatchedLiterals(adapters.map(\.name)).map { ("InterfaceAlias", $0) }
    notFound += (indexes ?? []).filter { i in !adapters.contains { $0.ifIndex == i } }.map { ("InterfaceIndex", String($0)) }
    for (property, value) in notFound {
      try writeCimNotFound(ctx, "MSFT_DNSClientServerAddress", property: property, value: value)
    }
  }
}
