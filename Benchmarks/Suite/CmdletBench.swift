import EflowCmdlets
import EflowEngine
import Foundation
import PSLanguage
import PSRuntime

/// EFLOW cmdlets in one session against a real state file: a read-only cmdlet, and a
/// state-changing transaction (lock, read, apply, write, fsync, rename) as the state grows.
enum CmdletBench {
  final class Session {
    let dir: URL
    let interpreter: Interpreter
    let session: EflowSession

    init() {
      dir = FileManager.default.temporaryDirectory.appendingPathComponent("eflowsh-bench-cmdlets-\(getpid())-\(UUID().uuidString)")
      try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
      let settings = SimulationSettings(
        statePath: dir.appendingPathComponent("state.json").path, hostProfile: "client", seed: 7,
        environment: ["SOURCE_DATE_EPOCH": "1700000000"])
      interpreter = Interpreter(host: NullHost())
      EflowModules.install(into: interpreter, settings: settings)
      session = EflowSession(settings: settings)
    }

    deinit { try? FileManager.default.removeItem(at: dir) }

    @discardableResult
    func run(_ script: String) -> Bool {
      let parsed = Parser.parse(script)
      guard parsed.errors.isEmpty else { return false }
      return interpreter.runScript(parsed) == 0
    }

    /// µs per iteration of `body` repeated `count` times in one script.
    func cost(_ body: String, count: Int) -> Double {
      let t0 = Measure.now()
      run("foreach ($i in 1..\(count)) { \(body) }")
      return (Measure.now() - t0) / Double(count) * 1e6
    }
  }

  static func run() {
    Measure.section("EFLOW cmdlets (µs per call; transactions include fsync)")
    let s = Session()
    guard s.run("$null = Deploy-Eflow -acceptEula Yes -acceptOptionalTelemetry No -headless") else {
      print("  Deploy-Eflow failed: cmdlet benchmarks skipped")
      return
    }
    s.run("$null = New-VMSwitch -Name Ext -NetAdapterName Ethernet; $null = Add-EflowNetwork -vswitchName Ext -vswitchType External")
    /// Two transactions that leave the VM as it was. Below the 8-NIC cap a NIC is added and
    /// removed; at the cap the last one is removed and added back.
    func pair(_ nics: Int) -> String {
      nics < 8
        ? "$null = Add-EflowVmEndpoint -vswitchName Ext -vendpointName bench; Remove-EflowVmEndpoint -vendpointName bench"
        : "Remove-EflowVmEndpoint -vendpointName nic\(nics - 1); $null = Add-EflowVmEndpoint -vswitchName Ext -vendpointName nic\(nics - 1)"
    }
    var nics = 1
    for target in [1, 4, 8] {
      while nics < target {
        s.run("$null = Add-EflowVmEndpoint -vswitchName Ext -vendpointName nic\(nics)")
        nics += 1
      }
      let reads = (0..<5).map { _ in s.cost("$null = Get-EflowVmEndpoint", count: 200) }
      Measure.row("Get-EflowVmEndpoint, \(nics) NICs", Measure.Stats(reads), unit: "µs")
      let writes = (0..<5).map { _ in s.cost(pair(nics), count: 20) / 2 }
      Measure.row("Add-/Remove-EflowVmEndpoint transaction, \(nics) NICs", Measure.Stats(writes), unit: "µs")
    }
    var routes = 0
    for target in [10, 100, 1000] {
      do {
        try s.session.change { (state: inout HostState) throws(EflowError) in
          while routes < target {
            let net = IPv4Network(containing: IPv4Address(0x0A00_0000 | UInt32(routes) << 8), prefixLength: 24)
            try state.addGuestRoute(GuestRoute(destination: net, device: "eth0", metric: 100))
            routes += 1
          }
        }
      } catch {
        print("  adding guest routes failed: \(error)")
        return
      }
      let reads = (0..<5).map { _ in s.cost("$null = Get-EflowVmEndpoint", count: 100) }
      Measure.row("Get-EflowVmEndpoint, \(target) guest routes", Measure.Stats(reads), unit: "µs")
      let writes = (0..<5).map { _ in
        s.cost(pair(nics), count: 10) / 2
      }
      Measure.row("Add-/Remove-EflowVmEndpoint transaction, \(target) routes", Measure.Stats(writes), unit: "µs")
    }
  }
}
