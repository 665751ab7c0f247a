import Foundation

/// What Deploy-Eflow prints and returns: progress lines for the host, and `"OK"` for the
/// pipeline, plus the primary address for callers that want it.
public struct DeployResult: Sendable, Equatable {
  public var lines: [ProgressLine]
  public var output: String
  public var vmName: String
  public var macAddress: MACAddress
  public var ipAddress: IPv4Address?
}
