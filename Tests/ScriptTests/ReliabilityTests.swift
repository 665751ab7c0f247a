import Foundation
import Testing

/// The state file under stress, through the real binary: parallel processes lose no update, a
/// process killed at any instant leaves a state that loads and is consistent, and a damaged
/// file is refused and left exactly as it was.
@Suite(.serialized)
struct ReliabilityTests {
  let exe = ExecutableTests()

  func scratch() throws -> URL { try exe.scratch() }

  /// Runs eflowsh with the state in `dir`.
  func eflowsh(_ command: String, in dir: URL) throws -> ExecutableTests.Result {
    try exe.run(ExecutableTests.binary!, ["-NoProfile", "-Seed", "5", "-Command", command], in: dir)
  }

  func start(_ command: String, in dir: URL) throws -> Process {
    let p = Process()
    p.executableURL = ExecutableTests.binary!
    p.arguments = ["-NoProfile", "-Command", command]
    p.currentDirectoryURL = dir
    var env = ProcessInfo.processInfo.environment
    env["EFLOWSH_STATE"] = dir.appendingPathComponent("state.json").path
    p.environment = env
    p.standardOutput = FileHandle.nullDevice
    p.standardError = FileHandle.nullDevice
    try p.run()
    return p
  }

  static let deployWithSecondNetwork = """
    $null = New-VMSwitch -Name Ext -NetAdapterName Ethernet
    $null = Deploy-Eflow -acceptEula Yes -acceptOptionalTelemetry No -headless
    $null = Add-EflowNetwork -vswitchName Ext -vswitchType External
    """

  @Test func parallelProcessesLoseNoEndpoint() throws {
    guard ExecutableTests.binary != nil else { return }
    let dir = try scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let setup = try eflowsh(Self.deployWithSecondNetwork, in: dir)
    #expect(setup.code == 0, "\(setup.err)")
    // Seven processes at once, each adding one endpoint (the VM's limit is 8 adapters).
    let processes = try (1...7).map { n in
      try start("$null = Add-EflowVmEndpoint -vswitchName Ext -vendpointName ep\(n)", in: dir)
    }
    for p in processes { p.waitUntilExit() }
    #expect(processes.allSatisfy { $0.terminationStatus == 0 })
    let r = try eflowsh(
      "$e = Get-EflowVmEndpoint; $e.Count; ($e.GuestInterfaceName | Sort-Object -Unique).Count; ($e.MacAddress | Sort-Object -Unique).Count",
      in: dir)
    #expect(r.out == "8\n8\n8\n", "\(r.err)")
  }

  @Test func aProcessKilledAtAnyInstantLeavesAConsistentState() throws {
    guard ExecutableTests.binary != nil else { return }
    let dir = try scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let setup = try eflowsh(Self.deployWithSecondNetwork, in: dir)
    #expect(setup.code == 0, "\(setup.err)")
    var rng = SystemRandomNumberGenerator()
    for round in 0..<6 {
      let p = try start(
        "foreach ($i in 1..100000) { $null = Add-EflowVmEndpoint -vswitchName Ext -vendpointName churn; Remove-EflowVmEndpoint -vendpointName churn }",
        in: dir)
      usleep(UInt32.random(in: 30_000...250_000, using: &rng))
      kill(p.processIdentifier, SIGKILL)
      p.waitUntilExit()
      // The state loads, and holds the primary endpoint plus at most the churned one.
      let r = try eflowsh("(Get-EflowVmEndpoint).Count; (Get-EflowNetwork).Count", in: dir)
      #expect(r.code == 0, "round \(round): \(r.err)")
      #expect(r.out == "1\n2\n" || r.out == "2\n2\n", "round \(round): \(r.out)")
      _ = try eflowsh("Remove-EflowVmEndpoint -vendpointName churn -ErrorAction SilentlyContinue", in: dir)
    }
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".tmp") }
    #expect(leftovers.count <= 1)
  }

  static func damage(_ d: Data, _ how: String) -> Data {
    switch how {
    case "truncated": return d.prefix(d.count / 2)
    case "garbled": return Data(d.map { $0 == UInt8(ascii: "{") ? UInt8(ascii: "#") : $0 })
    default: return Data()
    }
  }

  @Test(arguments: ["truncated", "garbled", "empty"])
  func damagedStateIsRefusedAndLeftUntouched(_ name: String) throws {
    guard ExecutableTests.binary != nil else { return }
    let dir = try scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    _ = try eflowsh("$null = Deploy-Eflow -acceptEula Yes -acceptOptionalTelemetry No -headless", in: dir)
    let stateURL = dir.appendingPathComponent("state.json")
    let damaged = Self.damage(try Data(contentsOf: stateURL), name)
    try damaged.write(to: stateURL)
    for command in ["Get-EflowVm", "Stop-EflowVm", "$null = Add-EflowNetwork -vswitchName x"] {
      let r = try eflowsh(command, in: dir)
      #expect(r.code != 0, "\(name): \(command) succeeded")
      #expect(r.err.contains(stateURL.path), "\(name): \(r.err)")
      #expect(try Data(contentsOf: stateURL) == damaged, "\(name): \(command) changed the file")
    }
  }
}
