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

  /// The state last read or written by this session, and the identity of the file it came
  /// from: a read-only cmdlet reuses it while the file is the same (every write renames a new
  /// file into place, so another process's change always shows as a new identity).
  private var cached: (file: FileIdentity?, state: HostState)?
  /// What the last transaction wrote, so the next one on an unchanged file skips decoding.
  private let documents = DocumentCache<HostState>()

  /// The current state (the profile's fresh state when none is saved yet).
  public func read() throws -> HostState {
    let file = FileIdentity(path: location.url.path)
    if let c = cached, c.file == file { return c.state }
    let state = try store().read()
    try checkProfile(state)
    cached = (file, state)
    return state
  }

  /// Applies one change as a transaction: all of it is saved, or (on an error) none of it.
  @discardableResult
  public func change<T>(_ body: (inout HostState) throws(EflowError) -> T) throws -> T {
    var after: HostState?
    let result = try store().transaction(cache: documents) { (state: inout HostState) throws -> T in
      try checkProfile(state)
      let r = try state.transact(body)
      after = state
      return r
    }
    cached = after.map { (FileIdentity(path: location.url.path), $0) }
    return result
  }

  /// Starts over: a fresh state from the profile and seed.
  public func reset() throws {
    cached = nil
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

/// What tells one version of the state file from another: device, inode, size and change
/// time (nil when there is no file).
struct FileIdentity: Equatable {
  let device: UInt64
  let inode: UInt64
  let size: Int64
  let changed: timespec

  init?(path: String) {
    var st = stat()
    guard stat(path, &st) == 0 else { return nil }
    device = UInt64(st.st_dev)
    inode = UInt64(st.st_ino)
    size = Int64(st.st_size)
    changed = st.st_ctim
  }

  static func == (a: FileIdentity, b: FileIdentity) -> Bool {
    a.device == b.device && a.inode == b.inode && a.size == b.size && a.changed.tv_sec == b.changed.tv_sec
      && a.changed.tv_nsec == b.changed.tv_nsec
  }
}
