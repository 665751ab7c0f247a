import Foundation

/// A switch registered with the EFLOW agent (Add-EflowNetwork). It records the switch by name
/// and type only — like the real wssd vnet — so removing the Hyper-V switch leaves it dangling.
public struct EflowNetwork: Codable, Sendable, Equatable {
  public var switchName: String
  public var kind: EflowNetworkKind

  public init(switchName: String, kind: EflowNetworkKind) {
    self.switchName = switchName
    self.kind = kind
  }
}

/// The EFLOW view of a switch type: the Default Switch is "ICS" to EFLOW (E4's wording).
public enum EflowNetworkKind: String, Codable, Sendable, Equatable {
  case external = "External"
  case `internal` = "Internal"
  case ics = "ICS"

  public var switchType: VirtualSwitchType { self == .external ? .external : .internal }
}
