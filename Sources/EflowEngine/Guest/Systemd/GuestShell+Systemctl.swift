import Foundation

/// systemd: the image's units (networking, DNS, moby, IoT Edge, SSH, iptables) and units users
/// write to /etc/systemd/system. Enabling a user unit links it into its target's `.wants`
/// directory; at every start the enabled ones run their ExecStart through the guest shell, as
/// root (see `HostState.bootGuest`).
extension GuestShell {
  struct BuiltInUnit {
    var name: String
    var description: String
    var path: String
  }

  /// The image's units; the IoT Edge ones depend on the release (1.1 LTS: `iotedge`).
  var builtInUnits: [BuiltInUnit] {
    var units = [
      BuiltInUnit(name: "systemd-networkd.service", description: "Network Configuration", path: "/usr/lib/systemd/system/systemd-networkd.service"),
      BuiltInUnit(name: "systemd-resolved.service", description: "Network Name Resolution", path: "/usr/lib/systemd/system/systemd-resolved.service"),
      BuiltInUnit(name: "sshd.service", description: "OpenSSH Daemon", path: "/usr/lib/systemd/system/sshd.service"),
      BuiltInUnit(name: "iptables.service", description: "IPv4 firewall with iptables", path: "/usr/lib/systemd/system/iptables.service"),
      BuiltInUnit(name: "containerd.service", description: "containerd container runtime", path: "/usr/lib/systemd/system/containerd.service"),
      BuiltInUnit(name: "docker.service", description: "Docker Application Container Engine", path: "/usr/lib/systemd/system/docker.service"),
    ]
    if machine.version.isLTS11 {
      units.append(BuiltInUnit(name: "iotedge.service", description: "Azure IoT Edge daemon", path: "/usr/lib/systemd/system/iotedge.service"))
    } else {
      for (name, description) in [
        ("aziot-keyd", "Azure IoT Keys Service"), ("aziot-certd", "Azure IoT Certificates Service"),
        ("aziot-identityd", "Azure IoT Identity Service"), ("aziot-tpmd", "Azure IoT TPM Service"),
        ("aziot-edged", "Azure IoT Edge daemon"),
      ] {
        units.append(BuiltInUnit(name: "\(name).service", description: description, path: "/usr/lib/systemd/system/\(name).service"))
      }
    }
    return units
  }

  static func unitName(_ name: String) -> String {
    name.contains(".") ? name : name + ".service"
  }

  private func isIoTEdgeUnit(_ name: String) -> Bool { name.hasPrefix("aziot-") || name == "iotedge.service" }

  /// The state a unit has after boot, before anyone touched it.
  private func bootState(_ name: String) -> String {
    if isIoTEdgeUnit(name) { return machine.provisioning == nil ? "inactive" : "active" }
    if builtInUnits.contains(where: { $0.name == name }) { return guest.disabledUnits.contains(name) ? "inactive" : "active" }
    return "inactive"
  }

  func unitState(_ name: String) -> String { guest.unitStates[name] ?? bootState(name) }

  private func userUnitPath(_ name: String) -> String { "/etc/systemd/system/\(name)" }

  private func unitExists(_ name: String) -> Bool {
    builtInUnits.contains { $0.name == name } || guest.node(userUnitPath(name)).map { !$0.isDirectory } == true
  }

  private func isEnabled(_ name: String) -> Bool {
    if builtInUnits.contains(where: { $0.name == name }) { return !guest.disabledUnits.contains(name) }
    return guest.enabledUnits.contains(name)
  }

  /// `Key=` values of a unit file (case-insensitive key, last one wins).
  func unitValue(_ text: String, _ key: String) -> String? {
    var value: String?
    for line in text.split(separator: "\n") {
      let t = line.trimmingCharacters(in: .whitespaces)
      guard let eq = t.firstIndex(of: "=") else { continue }
      if t[..<eq].trimmingCharacters(in: .whitespaces).lowercased() == key.lowercased() {
        value = t[t.index(after: eq)...].trimmingCharacters(in: .whitespaces)
      }
    }
    return value
  }

  /// Runs a user unit's ExecStart as root; the unit ends `inactive` (its script finished) or
  /// `failed`. Returns the script's status.
  @discardableResult
  func startUserUnit(_ name: String) -> Int32 {
    guard let text = try? guest.read(userUnitPath(name), root: true) else { return 1 }
    var status: Int32 = 0
    if var command = unitValue(text, "ExecStart") {
      while let first = command.first, "-@+!:".contains(first) { command.removeFirst() }
      let r = subshell(root: true) { $0.run(command) }
      status = r.status
    }
    let remain = unitValue(text, "RemainAfterExit").map { ["yes", "true", "1", "on"].contains($0.lowercased()) } ?? false
    guest.unitStates[name] = status != 0 ? "failed" : (remain ? "active" : "inactive")
    return status
  }

  func systemctl(_ inv: inout GuestInvocation) -> Int32 {
    let parsed = Self.flags(inv.args)
    guard let verb = parsed.operands.first else {
      for unit in builtInUnits where unitState(unit.name) == "active" { inv.line("  \(unit.name) loaded active running \(unit.description)") }
      return 0
    }
    let units = parsed.operands.dropFirst().map(Self.unitName)
    let quiet = parsed.flags.contains("q") || parsed.flags.contains("--quiet")
    let needsRoot: Set<String> = ["start", "stop", "restart", "reload", "enable", "disable", "daemon-reload", "try-restart", "reload-or-restart"]
    if needsRoot.contains(verb) && !inv.root {
      let subject = units.first ?? ""
      let message: String
      switch verb {
      case "enable", "disable": message = "Failed to \(verb) unit: Interactive authentication required."
      case "daemon-reload": message = "Failed to reload daemon: Interactive authentication required."
      default: message = "Failed to \(verb) \(subject): Interactive authentication required.\nSee system logs and 'systemctl status \(subject)' for details."
      }
      return inv.fail(message, status: 1)
    }
    switch verb {
    case "daemon-reload", "reset-failed":
      return 0
    case "start", "stop", "restart", "reload", "try-restart", "reload-or-restart":
      guard !units.isEmpty else { return inv.fail("Too few arguments.", status: 1) }
      for unit in units {
        guard unitExists(unit) else {
          return inv.fail("Failed to \(verb) \(unit): Unit \(unit) not found.", status: 5)
        }
        if verb == "stop" {
          guest.unitStates[unit] = "inactive"
          continue
        }
        if isIoTEdgeUnit(unit) && machine.provisioning == nil {
          guest.unitStates[unit] = "failed"
          return inv.fail("Job for \(unit) failed because the control process exited with error code.\nSee \"systemctl status \(unit)\" and \"journalctl -xeu \(unit)\" for details.", status: 1)
        }
        if builtInUnits.contains(where: { $0.name == unit }) {
          guest.unitStates[unit] = "active"
        } else {
          startUserUnit(unit)
        }
      }
      return 0
    case "enable", "disable":
      guard !units.isEmpty else { return inv.fail("Too few arguments.", status: 1) }
      for unit in units {
        guard unitExists(unit) else { return inv.fail("Failed to \(verb) unit: Unit file \(unit) does not exist.", status: 1) }
        if let builtIn = builtInUnits.first(where: { $0.name == unit }) {
          if verb == "disable" {
            if !guest.disabledUnits.contains(unit) {
              guest.disabledUnits.append(unit)
              inv.fail("Removed \"/etc/systemd/system/multi-user.target.wants/\(unit)\".")
            }
          } else if guest.disabledUnits.contains(unit) {
            guest.disabledUnits.removeAll { $0 == unit }
            inv.fail("Created symlink /etc/systemd/system/multi-user.target.wants/\(unit) → \(builtIn.path).")
          }
          continue
        }
        let text = (try? guest.read(userUnitPath(unit), root: true)) ?? ""
        guard let wantedBy = unitValue(text, "WantedBy") ?? unitValue(text, "RequiredBy") else {
          inv.fail(
            "The unit files have no installation config (WantedBy=, RequiredBy=, Also=,\nAlias= settings in the [Install] section, and DefaultInstance= for template\nunits). This means they are not meant to be enabled or disabled using systemctl.")
          continue
        }
        let target = wantedBy.split(separator: " ").first.map(String.init) ?? "multi-user.target"
        let wants = "/etc/systemd/system/\(target).wants"
        if verb == "enable" {
          if !guest.enabledUnits.contains(unit) {
            guest.enabledUnits.append(unit)
            guest.enabledUnits.sort()
            try? guest.makeDirectory(wants, parents: true, root: true)
            try? guest.write("\(wants)/\(unit)", text, root: true)
            inv.fail("Created symlink \(wants)/\(unit) → /etc/systemd/system/\(unit).")
          }
          if parsed.flags.contains("--now") { startUserUnit(unit) }
        } else {
          if guest.enabledUnits.contains(unit) {
            guest.enabledUnits.removeAll { $0 == unit }
            guest.files["\(wants)/\(unit)"] = nil
            inv.fail("Removed \"\(wants)/\(unit)\".")
          }
          if parsed.flags.contains("--now") { guest.unitStates[unit] = "inactive" }
        }
      }
      return 0
    case "is-active":
      var status: Int32 = 0
      for unit in units {
        let state = unitExists(unit) ? unitState(unit) : "inactive"
        if !quiet { inv.line(state) }
        if state != "active" { status = state == "failed" ? 3 : 3 }
      }
      return status
    case "is-enabled":
      var status: Int32 = 0
      for unit in units {
        guard unitExists(unit) else {
          inv.fail("Failed to get unit file state for \(unit): No such file or directory")
          status = 1
          continue
        }
        let enabled = isEnabled(unit)
        if !quiet { inv.line(enabled ? "enabled" : "disabled") }
        if !enabled { status = 1 }
      }
      return status
    case "is-failed":
      let failed = units.contains { unitState($0) == "failed" }
      if !quiet { for unit in units { inv.line(unitState(unit)) } }
      return failed ? 0 : 1
    case "status":
      var status: Int32 = 0
      for (n, unit) in units.enumerated() {
        guard unitExists(unit) else {
          inv.fail("Unit \(unit) could not be found.")
          status = 4
          continue
        }
        if n > 0 { inv.line("") }
        let builtIn = builtInUnits.first { $0.name == unit }
        let text = (try? guest.read(userUnitPath(unit), root: true)) ?? ""
        let description = builtIn?.description ?? unitValue(text, "Description") ?? unit
        let path = builtIn?.path ?? userUnitPath(unit)
        let state = unitState(unit)
        let preset = builtIn == nil ? "disabled" : "enabled"
        let bullet = state == "active" ? "●" : state == "failed" ? "×" : "○"
        inv.line("\(bullet) \(unit) - \(description)")
        inv.line("     Loaded: loaded (\(path); \(isEnabled(unit) ? "enabled" : "disabled"); vendor preset: \(preset))")
        switch state {
        case "active": inv.line("     Active: active (\(builtIn == nil ? "exited" : "running"))")
        case "failed": inv.line("     Active: failed (Result: exit-code)")
        default: inv.line("     Active: inactive (dead)")
        }
        if state != "active" && status == 0 { status = 3 }
      }
      return status
    case "list-units", "list-unit-files":
      let all = builtInUnits.map(\.name) + guest.children("/etc/systemd/system").filter { $0.hasSuffix(".service") }
      for unit in all.sorted() {
        if verb == "list-unit-files" {
          inv.line(Self.pad(unit, 40) + " " + (isEnabled(unit) ? "enabled" : "disabled"))
        } else if unitState(unit) == "active" {
          inv.line("  " + Self.pad(unit, 40) + " loaded active running")
        }
      }
      return 0
    default:
      return inv.fail("Unknown command verb \(verb).", status: 1)
    }
  }
}
