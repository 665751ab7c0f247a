import Foundation

/// How a host address came to be; maps to MSFT_NetIPAddress PrefixOrigin/SuffixOrigin
/// (manual → Manual/Manual, dhcp → Dhcp/Dhcp, linkLocal → WellKnown/Link for APIPA).
public enum AddressOrigin: String, Codable, Sendable, Equatable {
  case manual, dhcp, linkLocal

  public var prefixOrigin: String {
    switch self {
    case .manual: "Manual"
    case .dhcp: "Dhcp"
    case .linkLocal: "WellKnown"
    }
  }

  public var suffixOrigin: String {
    switch self {
    case .manual: "Manual"
    case .dhcp: "Dhcp"
    case .linkLocal: "Link"
    }
  }
}
