import Foundation

/// What the command line and environment say about the simulation: where the state lives,
/// which host profile creates it, the seed, and the clock for the EFLOW progress lines.
public struct SimulationSettings: Sendable {
  /// `-State` (or `$EFLOWSH_STATE`); nil means the XDG default.
  public var statePath: String?
  /// `-HostProfile` (or `$EFLOWSH_HOST_PROFILE`): `client`, `server` or a JSON file.
  public var hostProfile: String?
  /// `-Seed` (or `$EFLOWSH_SEED`): used when the state is created; later runs continue the
  /// random sequence recorded in the state.
  public var seed: UInt64?
  public var environment: [String: String]

  public init(statePath: String?, hostProfile: String?, seed: UInt64?, environment: [String: String]) {
    self.statePath = statePath
    self.hostProfile = hostProfile
    self.seed = seed
    self.environment = environment
  }

  /// The time shown in progress lines: `SOURCE_DATE_EPOCH` when set (reproducible
  /// transcripts), else the clock.
  public func now() -> Date {
    if let s = environment["SOURCE_DATE_EPOCH"], let n = Double(s) { return Date(timeIntervalSince1970: n) }
    return Date()
  }
}
