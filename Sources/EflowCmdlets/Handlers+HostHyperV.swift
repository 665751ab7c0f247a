import EflowEngine
import Foundation
import PSRuntime

/// Hyper-V: Get-VM, Get-/New-/Remove-/Set-VMSwitch and Get-VMNetworkAdapter.
extension Handlers {
  func registerHostHyperV(into i: Interpreter) {
    i.registerHandler("Get-VM") { [self] in
      CmdletBody(process: { ctx, _ in try self.getVM(ctx) })
    }
    i.registerHandler("Get-VMSwitch") { [self] in
      CmdletBody(process: { ctx, _ in try self.getVMSwitch(ctx) })
    }
    i.registerHandler("New-VMSwitch") { [self] in
      CmdletBody(process: { ctx, _ in try self.newVMSwitch(ctx) })
    }
    i.registerHandler("Remove-VMSwitch") { [self] in
      CmdletBody(process: { ctx, _ in try self.removeVMSwitch(ctx) })
    }
    i.registerHandler("Set-VMSwitch") { [self] in
      CmdletBody(process: { ctx, _ in try self.setVMSwitch(ctx) })
    }
    i.registerHandler("Get-VMNetworkAdapter") { [self] in
      CmdletBody(process: { ctx, _ in try self.getVMNetworkAdapter(ctx) })
    }
  }

  // MARK: Get-VMSwitch

  func getVMSwitch(_ ctx: CmdletContext) throws {
    let state = try session.run(ctx) { try session.read() }
    var found = state.switches
    if let name = ctx.string("Name") {
      let filter = NameFilter([name])
      found = found.filter { filter.matches($0.name) }
      if found.isEmpty && !WildcardPattern.containsWildcards(name) {
        try ctx.writeError(Self.switchNotFound(name, ctx))
        return
      }
    }
    if let ids = ctx.strings("Id") {
      let wanted = Set(ids.map { $0.lowercased() })
      found = found.filter { wanted.contains($0.id.lowercased()) }
      for id in ids where !state.switches.contains(where: { $0.id.lowercased() == id.lowercased() }) {
        try ctx.writeError(
          HostErrorStyle.hyperV(ctx.name).record(
            EflowError(.objectNotFound, "Hyper-V was unable to find a virtual switch with id \"\(id)\"."),
            target: .string(id), ctx: ctx))
      }
    }
    if let types = ctx.strings("SwitchType") {
      found = found.filter { s in types.contains { $0.caseInsensitiveEquals(s.type.rawValue) } }
    }
    for s in found { try ctx.emit(.object(Self.vmSwitchObject(s, state))) }
  }

  static func switchNotFound(_ name: String, _ ctx: CmdletContext) -> ErrorRecord {
    HostErrorStyle.hyperV(ctx.name).record(
      EflowError(.objectNotFound, "Hyper-V was unable to find a virtual switch with name \"\(name)\"."),
      target: .string(name), ctx: ctx)
  }

  /// Microsoft.HyperV.PowerShell.VMSwitch.
  static func vmSwitchObject(_ s: VirtualSwitch, _ state: HostState) -> PSObject {
    let description = s.netAdapterName.flatMap { n in state.adapters.first { $0.name == n }?.interfaceDescription } ?? ""
    let allowManagementOS = s.type == .external ? s.allowManagementOS : s.type == .internal
    return hostObject(
      "Microsoft.HyperV.PowerShell.VMSwitch",
      [
        ("Name", .string(s.name)),
        ("Id", UUID(uuidString: s.id).map { .guid($0) } ?? .string(s.id)),
        ("Notes", .string(s.notes)),
        ("SwitchType", .string(s.type.rawValue)),
        ("AllowManagementOS", .bool(allowManagementOS)),
        ("NetAdapterInterfaceDescription", .string(description)),
        ("NetAdapterInterfaceDescriptions", description.isEmpty ? .null : stringArray([description])),
        ("IovEnabled", .bool(false)),
        ("EmbeddedTeamingEnabled", .bool(false)),
        ("PacketDirectEnabled", .bool(false)),
        ("BandwidthReservationMode", .string(s.type == .external ? "Absolute" : "None")),
        ("ComputerName", .string(state.computerName)),
        ("IsDeleted", .bool(false)),
      ],
      string: "VMSwitch (Name = '\(s.name)') [Id = '\(s.id)']")
  }

  // MARK: New-VMSwitch

  func newVMSwitch(_ ctx: CmdletContext) throws {
    guard let name = ctx.string("Name") else { return }
    var type = VirtualSwitchType.external
    var adapterName: String?
    if let t = ctx.string("SwitchType") {
      type = VirtualSwitchType(caseInsensitive: t) ?? .internal
    } else if let names = ctx.strings("NetAdapterName") {
      adapterName = names.first
    } else if let descriptions = ctx.strings("NetAdapterInterfaceDescription"), let d = descriptions.first {
      let state = try session.run(ctx) { try session.read() }
      guard let adapter = state.adapters.first(where: { $0.interfaceDescription.caseInsensitiveEquals(d) }) else {
        try ctx.writeError(
          HostErrorStyle.hyperV(ctx.name).record(
            EflowError(
              .objectNotFound,
              "No MSFT_NetAdapter objects found with property 'InterfaceDescription' equal to '\(d)'.  Verify the value of the property and retry."
            ), target: .string(d), ctx: ctx))
        return
      }
      adapterName = adapter.name
    }
    guard try ctx.shouldProcess(name) else { return }
    let allow = ctx.bool("AllowManagementOS") ?? true
    let notes = ctx.string("Notes") ?? ""
    let created: (VirtualSwitch, HostState)? = try attempt(ctx, .hyperV(ctx.name), target: .string(name)) {
      try session.change { (s) throws(EflowError) in
        let sw = try s.newSwitch(name: name, type: type, netAdapterName: adapterName, allowManagementOS: allow, notes: notes)
        return (sw, s)
      }
    }
    if let (sw, state) = created { try ctx.emit(.object(Self.vmSwitchObject(sw, state))) }
  }

  // MARK: Remove-VMSwitch

  /// Names from -Name, or from piped VMSwitch objects (-VMSwitch).
  func switchNames(_ ctx: CmdletContext) -> [String] {
    if let objects = ctx.value("VMSwitch") {
      return (objects.enumerated ?? [objects]).compactMap { v in
        if case .object(let o) = v, let n = o["Name"] { return Conversions.toString(n) }
        return nil
      }
    }
    return ctx.strings("Name") ?? []
  }

  func removeVMSwitch(_ ctx: CmdletContext) throws {
    for name in switchNames(ctx) {
      let state = try session.run(ctx) { try session.read() }
      let filter = NameFilter([name])
      let matching = state.switches.filter { filter.matches($0.name) }
      if matching.isEmpty {
        if !WildcardPattern.containsWildcards(name) { try ctx.writeError(Self.switchNotFound(name, ctx)) }
        continue
      }
      for switchName in Set(matching.map(\.name)).sorted() {
        guard try ctx.shouldProcess(switchName) else { continue }
        _ = try attempt(ctx, .hyperV(ctx.name), target: .string(switchName)) {
          try session.change { (s) throws(EflowError) in try s.removeSwitch(name: switchName) }
        }
      }
    }
  }

  // MARK: Set-VMSwitch

  func setVMSwitch(_ ctx: CmdletContext) throws {
    var switchType = ctx.string("SwitchType").flatMap { VirtualSwitchType(caseInsensitive: $0) }
    var adapterName = ctx.string("NetAdapterName")
    if let d = ctx.string("NetAdapterInterfaceDescription") {
      let state = try session.run(ctx) { try session.read() }
      adapterName = state.adapters.first { $0.interfaceDescription.caseInsensitiveEquals(d) }?.name ?? d
    }
    if switchType == .external && adapterName == nil {
      try ctx.writeError(
        HostErrorStyle.hyperV(ctx.name).record(
          EflowError(.invalidArgument, "The parameter is incorrect."), target: .string("External"), ctx: ctx))
      return
    }
    if adapterName != nil { switchType = .external }
    let allow = ctx.bool("AllowManagementOS")
    let notes = ctx.string("Notes")
    for name in switchNames(ctx) {
      guard try ctx.shouldProcess(name) else { continue }
      let changed: HostState? = try attempt(ctx, .hyperV(ctx.name), target: .string(name)) {
        try session.change { (s) throws(EflowError) in
          try s.setSwitch(name: name, switchType: switchType, netAdapterName: adapterName, allowManagementOS: allow, notes: notes)
          return s
        }
      }
      if let state = changed, ctx.flag("Passthru") {
        for sw in state.switches where sw.name.caseInsensitiveEquals(name) {
          try ctx.emit(.object(Self.vmSwitchObject(sw, state)))
        }
      }
    }
  }

  // MARK: Get-VMNetworkAdapter

  func getVMNetworkAdapter(_ ctx: CmdletContext) throws {
    let state = try session.run(ctx) { try session.read() }
    let adapterName = ctx.string("Name").map { NameFilter([$0]) } ?? NameFilter(nil)
    let all = ctx.flag("All")
    if ctx.flag("ManagementOS") || all {
      let switchFilter = ctx.string("SwitchName")
      for sw in state.switches {
        guard let vnic = state.hostAdapter(forSwitchId: sw.id), adapterName.matches(sw.name) else { continue }
        if let switchFilter, !sw.name.caseInsensitiveEquals(switchFilter) { continue }
        let ips = state.addresses(onIfIndex: vnic.ifIndex).map(\.address.address.description) + [vnic.macAddress.ipv6LinkLocal]
        try ctx.emit(
          .object(
            hostObject(
              "Microsoft.HyperV.PowerShell.VMInternalNetworkAdapter",
              [
                ("Name", .string(sw.name)), ("IsManagementOs", .bool(true)), ("VMName", .string("")),
                ("SwitchName", .string(sw.name)), ("MacAddress", .string(Self.hyperVMac(vnic.macAddress))),
                ("Status", stringArray(["Ok"])), ("IPAddresses", stringArray(ips)),
              ], string: "VMInternalNetworkAdapter (Name = '\(sw.name)') [VMId = '']")))
      }
    }
    var vmPatterns = ctx.strings("VMName")
    if vmPatterns == nil, let vms = ctx.value("VM") {
      vmPatterns = (vms.enumerated ?? [vms]).map { v in
        if case .object(let o) = v, let n = o["Name"] { return Conversions.toString(n) }
        return Conversions.toString(v)
      }
    }
    if all { vmPatterns = ["*"] }
    guard let patterns = vmPatterns else { return }
    for vm in try hyperVMachines(named: patterns, state, ctx) {
      for endpoint in vm.endpoints where adapterName.matches(endpoint.name) {
        let ips = (endpoint.address.map { [$0.address.description] } ?? []) + [endpoint.macAddress.ipv6LinkLocal]
        try ctx.emit(
          .object(
            hostObject(
              "Microsoft.HyperV.PowerShell.VMNetworkAdapter",
              [
                ("Name", .string(endpoint.name)), ("IsManagementOs", .bool(false)), ("VMName", .string(vm.name)),
                ("SwitchName", .string(endpoint.switchName)),
                ("MacAddress", .string(Self.hyperVMac(endpoint.macAddress))),
                ("Status", stringArray(["Ok"])), ("IPAddresses", stringArray(ips)),
              ], string: "VMNetworkAdapter (Name = '\(endpoint.name)', VMName = '\(vm.name)') [VMId = '\(vm.id)']")))
      }
    }
  }

  // MARK: Virtual machines

  /// The VM Hyper-V (VMMS) manages: the EFLOW VM on a server SKU only. Client SKUs run it under
  /// HCS, where neither Get-VM nor Hyper-V Manager sees it (reference §1.2, §6.6).
  static func hyperVMachine(_ state: HostState) -> EflowVM? { state.sku == .server ? state.vm : nil }

  /// The Hyper-V VMs each name pattern matches, in pattern order. A name without wildcards that
  /// matches none is Hyper-V's non-terminating "unable to find a virtual machine" error.
  func hyperVMachines(named patterns: [String], _ state: HostState, _ ctx: CmdletContext) throws -> [EflowVM] {
    var found: [EflowVM] = []
    for pattern in patterns {
      if let vm = Self.hyperVMachine(state), NameFilter([pattern]).matches(vm.name) {
        found.append(vm)
      } else if !WildcardPattern.containsWildcards(pattern) {
        try ctx.writeError(
          HostErrorStyle.hyperV(ctx.name).record(
            EflowError(.objectNotFound, "Hyper-V was unable to find a virtual machine with name \"\(pattern)\"."),
            target: .string(pattern), ctx: ctx))
      }
    }
    return found
  }

  // MARK: Get-VM

  func getVM(_ ctx: CmdletContext) throws {
    let state = try session.run(ctx) { try session.read() }
    var found: [EflowVM]
    if let names = ctx.strings("Name") {
      found = try hyperVMachines(named: names, state, ctx)
    } else {
      found = Self.hyperVMachine(state).map { [$0] } ?? []
    }
    if let id = ctx.string("Id") {
      found = found.filter { Self.hyperVId($0).caseInsensitiveEquals(id) }
      if found.isEmpty {
        try ctx.writeError(
          HostErrorStyle.hyperV(ctx.name).record(
            EflowError(.objectNotFound, "Hyper-V was unable to find a virtual machine with id \"\(id)\"."),
            target: .string(id), ctx: ctx))
      }
    }
    for vm in found { try ctx.emit(.object(Self.virtualMachineObject(vm, state))) }
  }

  /// What a running VM reports for the figures eflowsh does not simulate over time: an idle
  /// guest's CPU usage (percent) and an uptime of five minutes (no clock runs between commands).
  static let runningCPUUsage: Int32 = 1
  static let runningUptimeSeconds = 5 * 60

  /// The VM's GUID: its 32-hex-digit EFLOW id (VmConfiguration.ID) grouped 8-4-4-4-12, so both
  /// name the same machine and the same seed gives the same id.
  static func hyperVId(_ vm: EflowVM) -> String {
    let hex = Array(vm.id.lowercased())
    guard hex.count == 32 else { return vm.id }
    return [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(hex[$0]) }.joined(separator: "-")
  }

  /// The host's default VM configuration version (Get-VMHostSupportedVersion -Default), which a
  /// VM created there gets: 2016 8.0, 2019 9.0, 2022 10.0, 2025 12.0.
  static func configurationVersion(_ state: HostState) -> String {
    switch state.profile.operatingSystem.buildNumber {
    case ..<17763: "8.0"
    case ..<20348: "9.0"
    case ..<26100: "10.0"
    default: "12.0"
    }
  }

  /// Microsoft.HyperV.PowerShell.VirtualMachine.
  static func virtualMachineObject(_ vm: EflowVM, _ state: HostState) -> PSObject {
    let id = hyperVId(vm)
    let idValue: Value = UUID(uuidString: id).map { .guid($0) } ?? .string(id)
    let memory = Int64(vm.memoryMB) * 1024 * 1024
    let running = vm.isRunning
    return hostObject(
      "Microsoft.HyperV.PowerShell.VirtualMachine",
      [
        ("Name", .string(vm.name)),
        ("State", .string(vm.powerState.rawValue)),
        ("CPUUsage", .int32(running ? runningCPUUsage : 0)),
        ("MemoryAssigned", .int64(running ? memory : 0)),
        ("MemoryStartup", .int64(memory)),
        ("DynamicMemoryEnabled", .bool(false)),
        ("ProcessorCount", .int64(Int64(vm.cpuCount))),
        ("Uptime", timeSpan(seconds: running ? runningUptimeSeconds : 0)),
        ("Status", .string("Operating normally")),
        ("Version", .string(configurationVersion(state))),
        ("Generation", .int32(2)),
        ("Id", idValue),
        ("VMId", idValue),
        ("VMName", .string(vm.name)),
        ("Path", .string(#"C:\Program Files\Azure IoT Edge"#)),
        ("Notes", .string("")),
        ("ComputerName", .string(state.computerName)),
        ("IsDeleted", .bool(false)),
      ],
      string: "VirtualMachine (Name = '\(vm.name)') [Id = '\(id)']")
  }

  /// Hyper-V writes MACs as 12 upper-case hex digits (`00155D4E152C`).
  static func hyperVMac(_ mac: MACAddress) -> String { mac.windowsForm.replacingOccurrences(of: "-", with: "") }
}
