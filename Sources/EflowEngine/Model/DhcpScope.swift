import Foundation

/// A DHCP Server IPv4 scope (DhcpServerv4Scope).
public struct DhcpScope: Codable, Sendable, Equatable {
  public enum State: String, Codable, Sendable, Equatable {
    case active = "Active"
    case inactive = "InActive"
  }

  /// The network address (StartRange & SubnetMask).
  public var scopeId: IPv4Address
  public var subnetMask: IPv4Address
  public var startRange: IPv4Address
  public var endRange: IPv4Address
  public var name: String
  public var description: String
  public var state: State
  public var leaseDurationSeconds: Int
  public var options: DhcpOptions

  public init(
    scopeId: IPv4Address, subnetMask: IPv4Address, startRange: IPv4Address, endRange: IPv4Address,
    name: String, description: String = "", state: State = .active,
    leaseDurationSeconds: Int = 8 * 24 * 3600, options: DhcpOptions = DhcpOptions()
  ) {
    self.scopeId = scopeId
    self.subnetMask = subnetMask
    self.startRange = startRange
    self.endRange = endRange
    self.name = name
    self.description = description
    self.state = state
    self.leaseDurationSeconds = leaseDurationSeconds
    self.options = options
  }

  public var network: IPv4Network {
    IPv4Network(containing: scopeId, prefixLength: subnetMask.prefixLengthAsMask ?? 32)
  }

  /// `day.hh:mm:ss`, the TimeSpan text PowerShell shows for LeaseDuration.
  public var leaseDurationText: String {
    let s = leaseDurationSeconds
    let days = s / 86400, hours = s / 3600 % 24, minutes = s / 60 % 60, seconds = s % 60
    let hms = [hours, minutes, seconds].map { $0 < 10 ? "0\($0)" : "\($0)" }.joined(separator: ":")
    return days > 0 ? "\(days).\(hms)" : hms
  }
}
