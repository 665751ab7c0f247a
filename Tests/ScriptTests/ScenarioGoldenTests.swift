import EflowCmdlets
import Foundation
import PSHost
import Testing

/// Every example in `scripts/` runs the way a user runs it — `eflowsh -State … -Seed 42 script`,
/// with the emulated modules installed — against a fresh state in a temporary directory (also
/// the current location), with SOURCE_DATE_EPOCH fixed, and its transcript (stdout, stderr,
/// exit code) must equal `Golden/NAME.golden`. The temporary directory shows as `$TMP` and the
/// scripts directory as `scripts`. A script that needs a command not emulated yet stops there,
/// and its golden records that, until it is re-recorded on purpose:
/// `EFLOWSH_RECORD_GOLDEN=1 swift test --filter ScenarioGoldenTests`.
struct ScenarioGoldenTests {
  static let goldenDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
  static let seed = "42"
  static let epoch = "1700000000"
  /// Scripts written for another host profile than the default `client`.
  static let profiles = ["internal-switch-nat.ps1": "server", "multi-nic.ps1": "server", "dmz-ot-routes.ps1": "server"]
  /// Commands run on the fresh state before a script that expects an existing deployment (their
  /// output is not part of the transcript).
  static let setups = [
    "check-network.ps1": "$null = Deploy-Eflow -acceptEula Yes -acceptOptionalTelemetry No -headless",
    "multi-nic.ps1": """
      $null = New-VMSwitch -Name 'EFLOW-External' -NetAdapterName 'Ethernet'
      $null = New-VMSwitch -Name 'OT-Network' -NetAdapterName 'Ethernet 2'
      $null = Deploy-Eflow -acceptEula Yes -acceptOptionalTelemetry No -headless -vswitchName 'EFLOW-External' -vswitchType External -ip4Address 10.10.0.50 -ip4PrefixLength 24 -ip4GatewayAddress 10.10.0.1
      Set-EflowVmDnsServers -dnsServers 10.10.0.1
      """,
  ]

  static func transcript(_ name: String) throws -> String {
    let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("eflowsh-scenario-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: tmp) }
    let environment = ["SOURCE_DATE_EPOCH": epoch]
    var arguments = ["-NoProfile", "-State", tmp.appendingPathComponent("state.json").path, "-Seed", seed]
    if let profile = profiles[name] { arguments += ["-HostProfile", profile] }
    let path = ScriptCheckTests.scriptsDir.appendingPathComponent(name).path
    let configure: PSHost.Host.Configure = { interpreter, options in
      interpreter.currentLocation = tmp.path
      EflowModules.install(
        into: interpreter,
        settings: SimulationSettings(
          statePath: options.statePath, hostProfile: options.hostProfile, seed: options.seed, environment: environment))
    }
    if let setup = setups[name] {
      var setupIO = DiskIO()
      let setupCode = Host.run(arguments: arguments + ["-Command", setup], environment: environment, io: &setupIO, configure: configure)
      #expect(setupCode == 0, "setup for \(name) failed: \(setupIO.err)")
    }
    var io = DiskIO()
    let code = Host.run(arguments: arguments + [path], environment: environment, io: &io, configure: configure)
    func shown(_ text: String) -> String {
      text.replacingOccurrences(of: tmp.path, with: "$TMP")
        .replacingOccurrences(of: ScriptCheckTests.scriptsDir.path, with: "scripts")
    }
    return "--- stdout\n\(shown(io.out))--- stderr\n\(shown(io.err))--- exit code\n\(code)\n"
  }

  @Test func everyScriptHasAGolden() {
    let goldens = Set(((try? FileManager.default.contentsOfDirectory(atPath: Self.goldenDir.path)) ?? []).filter { $0.hasSuffix(".golden") })
    #expect(Set(ScriptCheckTests.scripts.map { $0.replacingOccurrences(of: ".ps1", with: ".golden") }) == goldens)
  }

  @Test(arguments: ScriptCheckTests.scripts)
  func transcriptMatchesGolden(_ name: String) throws {
    let actual = try Self.transcript(name)
    let golden = Self.goldenDir.appendingPathComponent(name.replacingOccurrences(of: ".ps1", with: ".golden"))
    if ProcessInfo.processInfo.environment["EFLOWSH_RECORD_GOLDEN"] == "1" {
      try actual.write(to: golden, atomically: true, encoding: .utf8)
      return
    }
    let expected = try String(contentsOf: golden, encoding: .utf8)
    #expect(actual == expected)
  }

  /// The same script, seed and profile give byte-identical transcripts.
  @Test func runsAreReproducible() throws {
    #expect(try Self.transcript("client-quickstart.ps1") == Self.transcript("client-quickstart.ps1"))
  }
}
