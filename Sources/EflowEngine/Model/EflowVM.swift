import Foundation

/// The EFLOW virtual machine: sizes, power state, networks, endpoints, provisioning, features
/// and the guest's runtime network state (routes and runtime DNS, which a restart discards).
public struct EflowVM: Codable, Sendable, Equatable {
  public enum PowerState: String, Codable, Sendable, Equatable {
    case running = "Running"
    case off = "Off"
  }

  public enum TelemetryOption: String, Codable, Sendable, Equatable {
    case optional = "Optional"
    case required = "Required"
  }

  public enum LogSize: String, Codable, Sendable, Equatable, CaseIterable {
    case small = "Small"
    case large = "Large"

    public var gigabytes: Int { self == .small ? 1 : 6 }
  }

  public var name: String
  /// Hex id as shown in VmConfiguration.ID.
  public var id: String
  public var powerState: PowerState
  public var cpuCount: Int
  public var memoryMB: Int
  public var diskSizeGB: Int
  /// 1.2+: the data partition; nil on 1.1.
  public var dataSizeGB: Int?
  public var logSize: LogSize?
  public var version: EflowVersion
  /// The deployment network; its endpoint is eth0 and it cannot be removed.
  public var deploymentSwitchName: String
  public var networks: [EflowNetwork]
  public var endpoints: [EflowEndpoint]
  public var provisioning: VMProvisioning?
  public var dpsTpmEnabled: Bool
  public var defenderEnabled: Bool
  public var telemetry: TelemetryOption
  /// Filled when DpsTpm is first enabled: (endorsement key, registration id).
  public var tpmEndorsementKey: String?
  public var tpmRegistrationId: String?
  /// Number of times the VM was started (deploy counts as the first).
  public var bootCount: Int
  /// The guest's current routing table; regenerated at every start.
  public var routes: [GuestRoute]
  /// `resolvectl dns` overrides per interface; cleared at every start.
  public var runtimeDns: [RuntimeDns]
  /// The guest's file system, units and netfilter rules; created the first time something
  /// looks inside the VM (absent in states written before the guest shell existed).
  public var guest: GuestSystem? = nil

  public var isRunning: Bool { powerState == .running }
  public var primaryEndpoint: EflowEndpoint? { endpoints.first(where: \.isPrimary) }
}

/// DNS servers set at runtime on one guest interface (lost at restart, as on systemd-resolved).
public struct RuntimeDns: Codable, Sendable, Equatable {
  public var interface: String
  public var servers: [IPv4Address]

  public init(interface: String, servers: [IPv4Address]) {
    self.interface = interface
    self.servers = servers
  }
}
