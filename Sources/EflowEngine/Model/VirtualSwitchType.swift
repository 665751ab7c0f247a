import Foundation

/// Hyper-V switch types, spelled as Hyper-V prints them. The Default Switch is an `internal`
/// switch with `VirtualSwitch.isDefaultSwitch` set, as `Get-VMSwitch` reports it.
public enum VirtualSwitchType: String, Codable, Sendable, Equatable, CaseIterable {
  case external = "External"
  case `internal` = "Internal"
  case `private` = "Private"

  /// Case-insensitive, as PowerShell enum conversion is.
  public init?(caseInsensitive text: String) {
    guard let match = Self.allCases.first(where: { $0.rawValue.lowercased() == text.lowercased() })
    else { return nil }
    self = match
  }
}
