import Foundation

/// The Windows optional features / server roles the simulation tracks.
public enum WindowsFeature: String, Codable, Sendable, Equatable, CaseIterable {
  /// `Microsoft-Hyper-V` (client) / `Hyper-V` (server).
  case hyperV = "Hyper-V"
  /// The DHCP Server role (`DHCP`), server SKUs.
  case dhcpServer = "DHCP"
}
