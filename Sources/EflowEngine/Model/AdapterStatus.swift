import Foundation

/// MSFT_NetAdapter Status values the simulation uses. Only `Up` adapters carry traffic and may
/// be bound to an External switch.
public enum AdapterStatus: String, Codable, Sendable, Equatable {
  case up = "Up"
  case disconnected = "Disconnected"
  case disabled = "Disabled"
}
