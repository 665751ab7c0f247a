import Foundation

/// What lives inside the EFLOW VM beyond its network configuration: the file system, the
/// systemd units enabled by users, the runtime state of units, the netfilter rules and the
/// loaded kernel modules. Kept in the state document (an optional field of `EflowVM`, created
/// on first use), so files written through Invoke-EflowVmCommand persist like on the real VM's
/// disk, while runtime parts (unit states, iptables rules, modules) are reset at every start.
public struct GuestSystem: Codable, Sendable, Equatable {
  /// Absolute path → node (`/` included).
  public var files: [String: GuestFile]
  /// User units enabled with `systemctl enable` (file names, `route-setup.service`).
  public var enabledUnits: [String]
  /// Units whose state differs from their boot default since the last start
  /// (`active`, `inactive`, `failed`).
  public var unitStates: [String: String]
  /// Built-in units disabled with `systemctl disable`.
  public var disabledUnits: [String]
  /// The filter table: chains and their rules, in `iptables -S` form.
  public var iptables: GuestIptables
  /// Modules loaded with `modprobe` since the last start.
  public var loadedModules: [String]

  public init(files: [String: GuestFile]) {
    self.files = files
    enabledUnits = []
    unitStates = [:]
    disabledUnits = []
    iptables = GuestIptables()
    loadedModules = []
  }
}

/// The netfilter `filter` table as `iptables -S` / `iptables-save` shows it.
public struct GuestIptables: Codable, Sendable, Equatable {
  public struct Chain: Codable, Sendable, Equatable {
    public var name: String
    /// `ACCEPT`/`DROP` for built-in chains, nil for user chains.
    public var policy: String?
    /// Rule specifications without `-A CHAIN` (`-p tcp -m tcp --dport 22 -j ACCEPT`).
    public var rules: [String]
  }

  public var chains: [Chain]

  public init(chains: [Chain] = GuestIptables.eflowDefault.chains) {
    self.chains = chains
  }

  /// CBL-Mariner's `/etc/systemd/scripts/ip4save`: inbound closed except loopback, replies
  /// and SSH; forwarding closed; outbound open.
  public static let eflowDefault = GuestIptables(
    chains: [
      Chain(
        name: "INPUT", policy: "DROP",
        rules: ["-i lo -j ACCEPT", "-m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT", "-p tcp -m tcp --dport 22 -j ACCEPT"]),
      Chain(name: "FORWARD", policy: "DROP", rules: []),
      Chain(name: "OUTPUT", policy: "ACCEPT", rules: []),
    ])

  /// `iptables-save` text for the filter table.
  public var saveText: String {
    var lines = ["*filter"]
    for c in chains { lines.append(":\(c.name) \(c.policy ?? "-") [0:0]") }
    for c in chains { for r in c.rules { lines.append("-A \(c.name) \(r)") } }
    lines.append("COMMIT")
    return lines.joined(separator: "\n") + "\n"
  }

  /// Reads `iptables-save` text (the filter table); nil when there is none.
  public init?(saveText: String) {
    var chains: [Chain] = []
    var inFilter = false
    var seen = false
    for raw in saveText.split(separator: "\n", omittingEmptySubsequences: true) {
      let line = raw.trimmingCharacters(in: .whitespaces)
      if line.hasPrefix("*") { inFilter = line == "*filter"; seen = seen || inFilter; continue }
      guard inFilter, !line.hasPrefix("#") else { continue }
      if line == "COMMIT" { inFilter = false; continue }
      if line.hasPrefix(":") {
        let parts = line.dropFirst().split(separator: " ")
        guard let name = parts.first else { continue }
        let policy = parts.count > 1 && parts[1] != "-" ? String(parts[1]) : nil
        chains.append(Chain(name: String(name), policy: policy, rules: []))
      } else if line.hasPrefix("-A ") {
        let parts = line.dropFirst(3).split(separator: " ", maxSplits: 1)
        guard let name = parts.first, let index = chains.firstIndex(where: { $0.name == name }) else { continue }
        chains[index].rules.append(parts.count > 1 ? String(parts[1]) : "")
      }
    }
    guard seen else { return nil }
    self.chains = chains
  }
}
