import EflowEngine
import Foundation
import PSRuntime


/// The simulated host as the cmdlets see it: the state store is opened on first use (so
/// commands that don't touch the simulation never read the state file), every read-only cmdlet
/// reads one snapshot, and every state-changing cmdlet is one transaction.
public final class EflowSession: @unchecked Sendable {
  public let settings: SimulationSettings
  public let location: StateLocation
  private var storeCache: StateStore<HostState>?

  public init(settings: SimulationSettings) {
    self.settings = settings
    location = StateLocation.resolve(option: settings.statePath, environment: settings.environment)
  }

  /// The profile a new state is made from.
  func profile() throws(EflowError) -> HostProfile {
    try HostProfile.resolve(settings.hostProfile ?? "client")
  }

  func store() throws -> StateStore<HostState> {
    if let s = storeCache { return s }
    let profile = try profile()
    let seed = settings.seed ?? UInt64.random(in: 0...UInt64.max)
    let s = StateStore<HostState>(url: location.url) { HostState(profile: profile, seed: seed) }
    storeCache = s
    return s
  }

  /// The current state (the profile's fresh state when none is saved yet).
  public func read() throws -> HostState {
    let state = try store().read()
    try checkProfile(state)
    return state
  }

  /// Applies one change as a transaction: all of it is saved, or (on an error) none of it.
  @discardableResult
  public func change<T>(_ body: (inout HostState) throws(EflowError) -> T) throws -> T {
    try store().transaction { (state: inout HostState) throws -> T in
      try checkProfile(state)
      return try state.transact(body)
    }
  }

  /// Starts over: a fresh state from the profile and seed.
  public func reset() throws {
    let profile = try profile()
    try store().reset(to: HostState(profile: profile, seed: settings.seed ?? UInt64.random(in: 0...UInt64.max)))
  }

  /// A state made from one profile is not silently reused with another: that would mix two
  /// hosts. The user chooses: another state file, or a reset.
  func checkProfile(_ state: HostState) throws {
    guard let asked = settings.hostProfile else { return }
    let wanted = try profile()
    if wanted.computerName != state.profile.computerName || wanted.sku != state.profile.sku {
      throw EflowError(
        .invalidOperation,
        "The state file '\(location.url.path)' holds the simulated host '\(state.profile.computerName)', not the one of host profile '\(asked)'. Use another -State file, or run Reset-SimState -Force to start over with this profile.")
    }
  }
}
