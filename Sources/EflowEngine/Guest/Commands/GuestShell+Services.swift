import Foundation

/// iptables (the filter table; rules are runtime state, reloaded from
/// /etc/systemd/scripts/ip4save at every start), iotedge, docker, modprobe, lsmod, lsusb.
extension GuestShell {
  static let iptablesVersion = "iptables v1.8.9 (nf_tables)"

  /// A rule as iptables-save prints it: `-p tcp --dport 22` gains `-m tcp`, bare addresses
  /// gain `/32`.
  static func canonicalRule(_ tokens: [String]) -> String {
    var out: [String] = []
    var i = 0
    let hasMatch = tokens.contains("-m")
    while i < tokens.count {
      let t = tokens[i]
      if (t == "-s" || t == "-d" || t == "--source" || t == "--destination"), i + 1 < tokens.count {
        let v = tokens[i + 1]
        out += [t.count > 2 ? "-" + String(t.dropFirst(2).prefix(1)) : t, v.contains("/") ? v : v + "/32"]
        i += 2
        continue
      }
      if (t == "-p" || t == "--protocol"), i + 1 < tokens.count {
        let proto = tokens[i + 1]
        out += ["-p", proto]
        if !hasMatch && (proto == "tcp" || proto == "udp") && tokens.contains(where: { $0 == "--dport" || $0 == "--sport" }) {
          out += ["-m", proto]
        }
        i += 2
        continue
      }
      if t == "--jump" { out.append("-j"); i += 1; continue }
      out.append(t)
      i += 1
    }
    return out.joined(separator: " ")
  }

  func iptables(_ inv: inout GuestInvocation) -> Int32 {
    guard inv.root else {
      return inv.fail("\(Self.iptablesVersion): Could not fetch rule set generation id: Permission denied (you must be root)\n", status: 4)
    }
    var args = inv.args
    var numeric = false
    var lineNumbers = false
    var verbose = false
    if let t = args.firstIndex(of: "-t"), t + 1 < args.count {
      let table = args[t + 1]
      args.removeSubrange(t...(t + 1))
      if table != "filter" {
        return inv.fail("eflowsh: only the filter table is simulated (iptables -t \(table))", status: 1)
      }
    }
    args = args.filter { a in
      if a == "-n" || a == "--numeric" { numeric = true; return false }
      if a == "--line-numbers" { lineNumbers = true; return false }
      if a == "-v" { verbose = true; return false }
      if a == "-w" || a == "--wait" { return false }
      if a == "-nL" || a == "-Ln" { numeric = true; return true }
      return true
    }
    args = args.map { $0 == "-nL" || $0 == "-Ln" ? "-L" : $0 }
    guard let command = args.first else {
      return inv.fail("\(Self.iptablesVersion): no command specified\nTry `iptables -h' or 'iptables --help' for more information.", status: 2)
    }
    let chainName = args.count > 1 ? args[1] : nil
    var table = guest.iptables
    func chainIndex(_ name: String?) -> Int? { name.flatMap { n in table.chains.firstIndex { $0.name == n } } }
    let noChain = "iptables: No chain/target/match by that name."
    switch command {
    case "-A", "--append", "-I", "--insert", "-D", "--delete":
      guard let index = chainIndex(chainName) else { return inv.fail(noChain, status: 1) }
      var spec = Array(args.dropFirst(2))
      var position: Int?
      if command != "-A" && command != "--append", let first = spec.first, let n = Int(first) {
        position = n
        spec.removeFirst()
      }
      if command == "-D" || command == "--delete" {
        if let position, spec.isEmpty {
          guard position >= 1 && position <= table.chains[index].rules.count else {
            return inv.fail("iptables: Index of deletion too big.", status: 1)
          }
          table.chains[index].rules.remove(at: position - 1)
        } else {
          let rule = Self.canonicalRule(spec)
          guard let at = table.chains[index].rules.firstIndex(of: rule) else {
            return inv.fail("iptables: Bad rule (does a matching rule exist in that chain?).", status: 1)
          }
          table.chains[index].rules.remove(at: at)
        }
      } else {
        guard spec.contains("-j") || spec.contains("--jump") else {
          return inv.fail("eflowsh: a rule without -j TARGET is not simulated", status: 2)
        }
        let rule = Self.canonicalRule(spec)
        if command == "-A" || command == "--append" {
          table.chains[index].rules.append(rule)
        } else {
          let at = min(max((position ?? 1) - 1, 0), table.chains[index].rules.count)
          table.chains[index].rules.insert(rule, at: at)
        }
      }
    case "-P", "--policy":
      guard let index = chainIndex(chainName), table.chains[index].policy != nil, args.count > 2 else {
        return inv.fail("iptables: Bad built-in chain name.", status: 1)
      }
      table.chains[index].policy = args[2]
    case "-F", "--flush":
      for i in table.chains.indices where chainName == nil || table.chains[i].name == chainName { table.chains[i].rules = [] }
    case "-N", "--new-chain":
      guard let name = chainName else { return inv.fail("iptables: option \"-N\" requires an argument", status: 2) }
      if chainIndex(name) != nil { return inv.fail("iptables: Chain already exists.", status: 1) }
      table.chains.append(.init(name: name, policy: nil, rules: []))
    case "-X", "--delete-chain":
      table.chains.removeAll { $0.policy == nil && (chainName == nil || $0.name == chainName) }
    case "-S", "--list-rules":
      if chainName != nil && chainIndex(chainName) == nil { return inv.fail(noChain, status: 1) }
      for c in table.chains where chainName == nil || c.name == chainName {
        inv.line(c.policy.map { "-P \(c.name) \($0)" } ?? "-N \(c.name)")
      }
      for c in table.chains where chainName == nil || c.name == chainName {
        for r in c.rules { inv.line("-A \(c.name) \(r)") }
      }
      return 0
    case "-L", "--list":
      if chainName != nil && chainIndex(chainName) == nil { return inv.fail(noChain, status: 1) }
      var blocks: [String] = []
      for c in table.chains where chainName == nil || c.name == chainName {
        var lines = ["Chain \(c.name) (\(c.policy.map { "policy \($0)" } ?? "0 references"))"]
        let header = Self.pad("target", 10) + " " + Self.pad("prot", 4) + " opt " + Self.pad("source", 20) + " " + Self.pad("destination", 20)
        lines.append((lineNumbers ? "num  " : "") + (verbose ? " pkts bytes " : "") + header)
        for (n, r) in c.rules.enumerated() {
          lines.append((lineNumbers ? Self.pad(String(n + 1), 4) + " " : "") + (verbose ? "    0     0 " : "") + Self.listRule(r, numeric: numeric))
        }
        blocks.append(lines.map { $0 + "\n" }.joined())
      }
      inv.out += blocks.joined(separator: "\n")
      return 0
    default:
      return inv.fail("\(Self.iptablesVersion): unknown option \"\(command)\"\nTry `iptables -h' or 'iptables --help' for more information.", status: 2)
    }
    guest.iptables = table
    return 0
  }

  /// One rule in `iptables -L` columns.
  static func listRule(_ rule: String, numeric: Bool) -> String {
    let t = rule.split(separator: " ").map(String.init)
    func value(_ flag: String) -> String? { t.firstIndex(of: flag).flatMap { $0 + 1 < t.count ? t[$0 + 1] : nil } }
    let any = numeric ? "0.0.0.0/0" : "anywhere"
    func address(_ v: String?) -> String {
      guard let v else { return any }
      return numeric ? v : (v.hasSuffix("/32") ? String(v.dropLast(3)) : v)
    }
    var extra: [String] = []
    if let p = value("-p"), let port = value("--dport") {
      extra.append("\(p) dpt:\(numeric ? port : (port == "22" ? "ssh" : port == "80" ? "http" : port == "443" ? "https" : port))")
    }
    if let p = value("-p"), let port = value("--sport") { extra.append("\(p) spt:\(port)") }
    if let state = value("--ctstate") { extra.append("ctstate \(state)") }
    return pad(value("-j") ?? "", 10) + " " + pad(value("-p") ?? "all", 4) + " --  " + pad(address(value("-s")), 20) + " "
      + pad(address(value("-d")), 20) + " " + extra.joined(separator: " ")
  }

  func iptablesSave(_ inv: inout GuestInvocation) -> Int32 {
    guard inv.root else {
      return inv.fail("iptables-save v1.8.9 (nf_tables): Could not fetch rule set generation id: Permission denied (you must be root)", status: 1)
    }
    inv.line("# Generated by iptables-save v1.8.9 on Tue Nov 14 22:13:20 2023")
    inv.out += guest.iptables.saveText
    inv.line("# Completed on Tue Nov 14 22:13:20 2023")
    return 0
  }

  // MARK: - IoT Edge and moby

  private var edgeTag: String {
    machine.version.isLTS11 ? "1.1" : "\(machine.version.major).\(machine.version.minor)"
  }

  func iotedge(_ inv: inout GuestInvocation) -> Int32 {
    let verb = inv.args.first ?? "help"
    let provisioned = machine.provisioning != nil
    let running = provisioned && unitState(machine.version.isLTS11 ? "iotedge.service" : "aziot-edged.service") == "active"
    switch verb {
    case "version", "--version", "-V":
      inv.line("iotedge \(machine.version.iotEdgeVersion)")
      return 0
    case "list":
      guard running else {
        return inv.fail("A module runtime error occurred\n\tcaused by: error trying to connect: Connection refused (os error 111)", status: 1)
      }
      inv.line("NAME             STATUS           DESCRIPTION      CONFIG")
      inv.line("edgeAgent        running          Up 2 minutes     mcr.microsoft.com/azureiotedge-agent:\(edgeTag)")
      return 0
    case "check":
      inv.line("Configuration checks (aziot-identity-service)")
      inv.line("---------------------------------------------")
      inv.line(provisioned ? "√ config.toml is well-formed - OK" : "× config.toml is well-formed - Error")
      inv.line(provisioned ? "√ host time is close to reference time - OK" : "    file /etc/aziot/config.toml does not exist")
      inv.line("")
      inv.line("Connectivity checks")
      inv.line("-------------------")
      let online = { () -> Bool in if case .address(let a) = resolve("azure-devices.net.example.com") { return host.reach(to: a) }; return false }()
      inv.line(online ? "√ container on the default network can connect to upstream AMQP port - OK" : "× container on the default network can connect to upstream AMQP port - Error")
      inv.line("")
      let ok = provisioned && online
      inv.line(ok ? "12 check(s) succeeded." : "\(provisioned ? 10 : 1) check(s) succeeded.\n\(provisioned ? 1 : 5) check(s) raised errors. Re-run with --verbose for more details.")
      return ok ? 0 : 1
    case "system":
      guard inv.args.count > 1 else { return inv.fail("error: 'iotedge system' requires a subcommand", status: 2) }
      switch inv.args[1] {
      case "restart":
        guard inv.root else { return inv.fail("Failed to restart aziot-edged.service: Interactive authentication required.", status: 1) }
        return 0
      case "status":
        inv.line("System services:")
        for unit in builtInUnits where isIoTEdgeUnitName(unit.name) {
          inv.line("    \(Self.pad(unit.name.replacingOccurrences(of: ".service", with: ""), 16))\(unitState(unit.name) == "active" ? "Running" : "Stopped")")
        }
        return 0
      case "logs":
        inv.line("-- No entries --")
        return 0
      default:
        return inv.fail("error: unrecognized subcommand '\(inv.args[1])'", status: 2)
      }
    case "config":
      guard inv.args.count > 1, inv.args[1] == "apply" else { return inv.fail("error: 'iotedge config' requires a subcommand", status: 2) }
      guard inv.root else { return inv.fail("Error: this command must be run as root", status: 1) }
      guard guest.exists("/etc/aziot/config.toml") else {
        return inv.fail("Error: could not read config file /etc/aziot/config.toml\n\tcaused by: No such file or directory (os error 2)", status: 1)
      }
      inv.line("Azure IoT Edge has been configured successfully!")
      inv.line("")
      inv.line("Restarting service for configuration to take effect...")
      inv.line("Stopping aziot-edged.service...Stopped!")
      inv.line("Done.")
      return 0
    default:
      return inv.fail("error: unrecognized subcommand '\(verb)'", status: 2)
    }
  }

  private func isIoTEdgeUnitName(_ name: String) -> Bool { name.hasPrefix("aziot-") || name == "iotedge.service" }

  func docker(_ inv: inout GuestInvocation) -> Int32 {
    guard inv.root else {
      return inv.fail("permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock: Get \"http://%2Fvar%2Frun%2Fdocker.sock/v1.24/containers/json\": dial unix /var/run/docker.sock: connect: permission denied", status: 1)
    }
    let verb = inv.args.first ?? ""
    let provisioned = machine.provisioning != nil
    switch verb {
    case "ps":
      var rows = [["CONTAINER ID", "IMAGE", "COMMAND", "CREATED", "STATUS", "PORTS", "NAMES"]]
      if provisioned {
        rows.append(["3f1c2e9a7b0d", "mcr.microsoft.com/azureiotedge-agent:\(edgeTag)", "\"/bin/sh -c 'exec /a…\"", "2 minutes ago", "Up 2 minutes", "", "edgeAgent"])
      }
      let widths = (0..<7).map { c in rows.map { $0[c].count }.max()! }
      for row in rows {
        var line = ""
        for c in 0..<7 { line += c == 6 ? row[c] : Self.pad(row[c], widths[c] + 3) }
        inv.line(line)
      }
      return 0
    case "version", "--version", "-v":
      let moby = machine.version.isLTS11 ? "19.03.15+azure" : "20.10.25+azure"
      inv.line("Docker version \(moby), build 1")
      return 0
    case "images":
      inv.line("REPOSITORY                                TAG       IMAGE ID       CREATED        SIZE")
      if provisioned { inv.line("mcr.microsoft.com/azureiotedge-agent      \(Self.pad(edgeTag, 9)) 8f5d1c2b3a4e   3 weeks ago    180MB") }
      return 0
    case "network":
      inv.line("NETWORK ID     NAME      DRIVER    SCOPE")
      inv.line("4c1f0a9d2e3b   bridge    bridge    local")
      if provisioned { inv.line("7a2e4c6b8d0f   azure-iot-edge bridge local") }
      inv.line("9e8d7c6b5a4f   host      host      local")
      inv.line("1a2b3c4d5e6f   none      null      local")
      return 0
    default:
      return inv.fail("eflowsh: docker \(verb) is not simulated (ps, images, network ls and version are)", status: 1)
    }
  }

  static let knownModules = [
    "vhci-hcd", "vhci_hcd", "usbip-core", "usbip_core", "usbip-host", "usbip_host", "br_netfilter", "overlay", "ip_tables",
    "iptable_nat", "nf_nat", "nf_conntrack", "xt_conntrack", "tpm_vtpm_proxy", "hv_sock", "cdc_acm", "ftdi_sio", "usbserial",
  ]

  func modprobe(_ inv: inout GuestInvocation) -> Int32 {
    let parsed = Self.flags(inv.args)
    guard let name = parsed.operands.first else { return inv.fail("modprobe: ERROR: missing parameters. See -h.", status: 1) }
    guard inv.root else { return inv.fail("modprobe: ERROR: could not insert '\(name.replacingOccurrences(of: "-", with: "_"))': Operation not permitted", status: 1) }
    let module = name.replacingOccurrences(of: "-", with: "_")
    guard Self.knownModules.contains(name) || Self.knownModules.contains(module) else {
      return inv.fail("modprobe: FATAL: Module \(name) not found in directory /lib/modules/\(machine.version.kernelVersion)", status: 1)
    }
    if parsed.flags.contains("r") {
      guest.loadedModules.removeAll { $0 == module }
    } else if !guest.loadedModules.contains(module) {
      guest.loadedModules.append(module)
    }
    return 0
  }

  func lsmod(_ inv: inout GuestInvocation) -> Int32 {
    inv.line("Module                  Size  Used by")
    for module in guest.loadedModules.reversed() { inv.line(Self.pad(module, 24) + Self.padLeft("16384", 6) + "  0") }
    return 0
  }

  /// The VM has no USB controller; vhci-hcd (USB/IP) brings two virtual root hubs.
  func lsusb(_ inv: inout GuestInvocation) -> Int32 {
    if guest.loadedModules.contains("vhci_hcd") {
      inv.line("Bus 002 Device 001: ID 1d6b:0003 Linux Foundation 3.0 root hub")
      inv.line("Bus 001 Device 001: ID 1d6b:0002 Linux Foundation 2.0 root hub")
    }
    return 0
  }
}
