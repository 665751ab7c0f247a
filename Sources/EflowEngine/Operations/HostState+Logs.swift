import Foundation

/// The `eflowlogs-summary.txt` part of Get-EflowLogs: a readable digest of host, switches and
/// VM networking (the cmdlet layer writes it into the zip it produces).
extension HostState {
  public func logsSummary() -> [String] {
    var lines: [String] = [
      "Azure IoT Edge for Linux on Windows - log summary",
      "Host: \(computerName) (\(profile.operatingSystem.caption), build \(profile.operatingSystem.buildNumber), \(sku.rawValue) SKU)",
      "EFLOW version: \(version)",
      "Logical processors: \(profile.logicalProcessors); free memory: \(hostConfiguration().freePhysicalMemoryInMB) MB",
      "Virtual switches:",
    ]
    for s in switches {
      let bound = s.netAdapterName.map { " bound to '\($0)'" } ?? ""
      lines.append("  \(s.name) [\(s.kindDescription)]\(bound)")
    }
    lines.append("NAT networks:")
    for nat in nats { lines.append("  \(nat.name) \(nat.internalPrefix)") }
    guard let machine = vm else {
      lines.append("Virtual machine: not deployed")
      return lines
    }
    lines.append("Virtual machine: \(machine.name) (\(machine.powerState.rawValue)), \(machine.cpuCount) CPU, \(machine.memoryMB) MB, disk \(machine.diskSizeGB) GB")
    lines.append("Provisioning: \(machine.provisioning?.type.rawValue ?? "not provisioned")")
    lines.append("Networks:")
    for network in machine.networks {
      let state = switchFor(network: network) == nil ? " (switch missing)" : ""
      lines.append("  \(network.switchName) [\(network.kind.rawValue)]\(state)")
    }
    lines.append("Endpoints:")
    for e in machine.endpoints {
      let address = e.address.map(\.description) ?? "none"
      let gateway = e.gateway.map(\.description) ?? "none"
      let dns = e.dnsServers.isEmpty ? "none" : e.dnsServers.map(\.description).joined(separator: ",")
      lines.append("  \(e.guestInterface) \(e.name) mac \(e.macAddress) \(e.allocation.rawValue) \(address) gw \(gateway) dns \(dns)")
    }
    if machine.isRunning {
      lines.append("Routes:")
      lines += machine.routes.map { "  \($0.iprouteText)" }
    }
    return lines
  }
}
