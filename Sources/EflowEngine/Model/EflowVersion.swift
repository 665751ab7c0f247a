import Foundation

/// An EFLOW release number (`1.5.7.01026`, `1.1.2110.03111`). The behaviours that differ between
/// releases are answered here, in one place, so a profile pinned to 1.1 LTS behaves as 1.1 did.
///
/// The last component keeps its text (`01026`): EFLOW prints it with leading zeros.
public struct EflowVersion: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
  public var components: [Int]
  public var text: String

  public init?(_ text: String) {
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    guard (2...4).contains(parts.count) else { return nil }
    var values: [Int] = []
    for part in parts {
      guard !part.isEmpty, part.allSatisfy({ $0.isASCII && $0.isNumber }), let v = Int(part) else {
        return nil
      }
      values.append(v)
    }
    components = values
    self.text = text
  }

  /// The LTS release the built-in profiles name: 1.5 LTS, release 1.5.7.01026 (REL-1.5.7.01026).
  public static let currentLTS = EflowVersion("1.5.7.01026")!
  /// A 1.1 LTS release before Set-EflowVmDNSServers existed (REL-1.1.2110.03111).
  public static let lts11Early = EflowVersion("1.1.2110.03111")!
  /// The 1.1 LTS release that added Set-EflowVmDNSServers (REL-1.1.2202.21022).
  public static let lts11DnsCmdlet = EflowVersion("1.1.2202.21022")!

  public var major: Int { components[0] }
  public var minor: Int { components[1] }
  public var build: Int { components.count > 2 ? components[2] : 0 }
  public var description: String { text }

  public static func < (lhs: EflowVersion, rhs: EflowVersion) -> Bool {
    let count = max(lhs.components.count, rhs.components.count)
    for i in 0..<count {
      let a = i < lhs.components.count ? lhs.components[i] : 0
      let b = i < rhs.components.count ? rhs.components[i] : 0
      if a != b { return a < b }
    }
    return false
  }

  public static func == (lhs: EflowVersion, rhs: EflowVersion) -> Bool {
    !(lhs < rhs) && !(rhs < lhs)
  }

  public func hash(into hasher: inout Hasher) {
    var trimmed = components
    while trimmed.last == 0 { trimmed.removeLast() }
    hasher.combine(trimmed)
  }

  private func atLeast(_ parts: Int...) -> Bool { !(self < EflowVersion(components: parts)) }

  private init(components: [Int]) {
    self.components = components
    text = components.map(String.init).joined(separator: ".")
  }

  /// 1.1 LTS (and the pre-GA previews) versus the 1.2+ line (CR 1.2/1.3 and LTS 1.4/1.5/1.6).
  public var isLTS11: Bool { major == 1 && minor <= 1 }
  /// `-vswitchName/-vswitchType/-ip4*` on Deploy-Eflow (1.1.2107.0).
  public var supportsSwitchSelection: Bool { atLeast(1, 1, 2107) }
  /// 1.1.2107.x allowed static IP only on the Default Switch; 1.1.2110.03111 inverted that.
  public var staticIPOnlyOnDefaultSwitch: Bool { supportsSwitchSelection && !atLeast(1, 1, 2110) }
  /// Add/Get/Remove-EflowNetwork and -EflowVmEndpoint (documented for 1.1 by Oct 2021).
  public var supportsMultipleNics: Bool { atLeast(1, 1, 2110) }
  /// Set-EflowVmDNSServers (1.1.2202.21022).
  public var supportsDnsServersCmdlet: Bool { atLeast(1, 1, 2202) }
  /// `-vmDataSize` and the new partition layout (CR 1.2.7).
  public var supportsDataDisk: Bool { atLeast(1, 2) }
  /// The Defender VM feature (CR 1.2.7).
  public var supportsDefender: Bool { atLeast(1, 2) }
  /// Shared folders (CR 1.3).
  public var supportsSharedFolders: Bool { atLeast(1, 3) }

  /// `vmDiskSize` range and default in GB (§4.1).
  public var diskSizeRange: ClosedRange<Int> { supportsDataDisk ? 21...2000 : 8...256 }
  public var defaultDiskSize: Int { supportsDataDisk ? 29 : 10 }
  public static let dataSizeRange = 2...2000
  public static let defaultDataSize = 10

  /// Guest distribution, for VM information and logs.
  public var linuxDistribution: String {
    if isLTS11 { return "CBL-Mariner 1.0" }
    if minor >= 5 { return "Azure Linux 3.0" }
    return "CBL-Mariner 2.0"
  }

  /// IoT Edge runtime shipped in the VM (1.1 LTS: 1.1.x, otherwise the release's minor line).
  public var iotEdgeVersion: String {
    isLTS11 ? "1.1.3" : "\(major).\(minor).\(minor >= 5 ? 9 : 2)"
  }

  public var kernelVersion: String {
    isLTS11 ? "5.10.78.1-1.cm1" : (minor >= 5 ? "6.6.64.2-9.azl3" : "5.15.131.1-2.cm2")
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    guard let version = EflowVersion(text) else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "'\(text)' is not an EFLOW version (like 1.5.7.01026)")
    }
    self = version
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(text)
  }
}
