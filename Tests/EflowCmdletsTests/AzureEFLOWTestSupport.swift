import EflowCmdlets
import EflowEngine
import Foundation
import PSLanguage
import PSRuntime
import Testing

/// One script run.
struct EflowRun {
  var out: String
  var errors: [ErrorRecord]
  var code: Int32

  /// The first error's message and FullyQualifiedErrorId ("" when none).
  var error: String { errors.first?.message ?? "" }
  var errorId: String { errors.first?.fullyQualifiedErrorId ?? "" }
}

/// A simulated host in a temporary state file, with a fixed seed and SOURCE_DATE_EPOCH; each
/// `run` is a fresh interpreter (like a separate eflowsh process) on the same state.
final class EflowHarness {
  static let epoch = "1700000000"  // 11/14/2023 22:13:20 UTC
  static let stamp = "[11/14/2023 22:13:20]"

  let dir: URL
  let settings: SimulationSettings

  init(profile: String? = nil, seed: UInt64 = 42) {
    dir = FileManager.default.temporaryDirectory.appendingPathComponent("eflowsh-cmdlets-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    settings = SimulationSettings(
      statePath: dir.appendingPathComponent("state.json").path, hostProfile: profile, seed: seed,
      environment: ["SOURCE_DATE_EPOCH": Self.epoch, "HOME": dir.path])
  }

  /// A harness whose host profile is the built-in `client` pinned to another EFLOW release.
  convenience init(clientVersion: String) throws {
    var profile = HostProfile.client
    profile.eflowVersion = EflowVersion(clientVersion)!
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("eflowsh-profile-\(UUID().uuidString).json")
    try JSONEncoder().encode(profile).write(to: file)
    self.init(profile: file.path)
  }

  deinit { try? FileManager.default.removeItem(at: dir) }

  /// Changes the state directly through the engine (the host cmdlets belong to another file set).
  func setup(_ body: (inout HostState) throws(EflowError) -> Void) throws {
    try EflowSession(settings: settings).change(body)
  }

  func state() throws -> HostState { try EflowSession(settings: settings).read() }

  @discardableResult
  func run(_ script: String) -> EflowRun {
    let host = HostCapture()
    let interpreter = Interpreter(host: host)
    interpreter.currentLocation = dir.path
    EflowModules.install(into: interpreter, settings: settings)
    let parsed = Parser.parse(script)
    #expect(parsed.errors.isEmpty, "parse errors: \(parsed.errors)")
    let code = interpreter.runScript(parsed)
    return EflowRun(out: host.out, errors: host.errors, code: code)
  }

  /// Deploys on the Default Switch (client) and checks it worked.
  @discardableResult
  func deploy(_ extra: String = "") -> EflowRun {
    let r = run("Deploy-Eflow -acceptEula Yes -acceptOptionalTelemetry No \(extra)")
    #expect(r.errors.isEmpty, "\(r.errors.map(\.message))")
    return r
  }
}
