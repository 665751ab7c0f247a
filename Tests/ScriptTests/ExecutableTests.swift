import Foundation
import PSRuntime
import Testing

/// The built `eflowsh` binary, run as users run it: from another directory, copied elsewhere
/// (the emulated modules travel inside the binary), as a shebang interpreter, with commands on
/// standard input, and with pwsh's exit codes.
struct ExecutableTests {
  static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// The binary `swift test` built next to the test bundle (or in the package's `.build`).
  static let binary: URL? = {
    var candidates: [URL] = []
    if let exe = Bundle.main.executableURL {
      var dir = exe.deletingLastPathComponent()
      for _ in 0..<4 {
        candidates.append(dir.appendingPathComponent("eflowsh"))
        dir = dir.deletingLastPathComponent()
      }
    }
    candidates.append(packageRoot.appendingPathComponent(".build/debug/eflowsh"))
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
  }()

  struct Result {
    var out: String
    var err: String
    var code: Int32
  }

  /// Runs a program with a private state file, in `directory`, feeding `input`.
  func run(_ program: URL, _ args: [String], in directory: URL, input: String? = nil, extraPath: String? = nil) throws -> Result {
    let p = Process()
    p.executableURL = program
    p.arguments = args
    p.currentDirectoryURL = directory
    var env = ProcessInfo.processInfo.environment
    env["EFLOWSH_STATE"] = directory.appendingPathComponent("state.json").path
    env["SOURCE_DATE_EPOCH"] = "1700000000"
    env["NO_COLOR"] = "1"
    if let extraPath { env["PATH"] = extraPath + ":" + (env["PATH"] ?? "/usr/bin:/bin") }
    p.environment = env
    let out = Pipe()
    let err = Pipe()
    let inPipe = Pipe()
    p.standardOutput = out
    p.standardError = err
    p.standardInput = inPipe
    try p.run()
    if let input { inPipe.fileHandleForWriting.write(Data(input.utf8)) }
    try inPipe.fileHandleForWriting.close()
    let (o, e) = FileDescriptorIO.readBoth(out.fileHandleForReading, err.fileHandleForReading)
    p.waitUntilExit()
    return Result(out: String(decoding: o, as: UTF8.self), err: String(decoding: e, as: UTF8.self), code: p.terminationStatus)
  }

  func scratch() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("eflowsh-exe-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
  }

  @Test func binaryWasBuilt() {
    #expect(Self.binary != nil, "eflowsh was not found next to the tests; build it with `swift build`")
  }

  @Test func copiedBinaryAutoLoadsTheEmbeddedModulesFromAnyDirectory() throws {
    guard let binary = Self.binary else { return }
    let dir = try scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let copy = dir.appendingPathComponent("eflowsh")
    try FileManager.default.copyItem(at: binary, to: copy)
    let elsewhere = dir.appendingPathComponent("work")
    try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
    let r = try run(copy, ["-NoProfile", "-Command", "(Get-SimHost).ComputerName; (Get-Module).Name"], in: elsewhere)
    #expect(r.out == "DESKTOP-EFLOW01\nEflowSim\n", "\(r.err)")
    #expect(r.code == 0)
  }

  @Test func shebangScriptsRunWithTheirArguments() throws {
    guard let binary = Self.binary else { return }
    let dir = try scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    try FileManager.default.copyItem(at: binary, to: dir.appendingPathComponent("eflowsh"))
    let script = dir.appendingPathComponent("hello.ps1")
    try "#!/usr/bin/env eflowsh\nparam([string]$Name = 'nobody', [switch]$Loud)\n$text = \"hello $Name\"\nif ($Loud) { $text = $text.ToUpper() }\n$text\nexit 3\n"
      .write(to: script, atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
    let r = try run(script, ["-Name", "Ada", "-Loud"], in: dir, extraPath: dir.path)
    #expect(r.out == "HELLO ADA\n", "\(r.err)")
    #expect(r.code == 3)
  }

  @Test func commandsFromStandardInput() throws {
    guard let binary = Self.binary else { return }
    let dir = try scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let r = try run(binary, ["-Command", "-"], in: dir, input: "$x = 20 + 1\nWrite-Output \"x=$x\"\nexit 3\n")
    #expect(r.out == "x=21\n", "\(r.err)")
    #expect(r.code == 3)
  }

  @Test(arguments: [
    (["-Command", "'fine'"], Int32(0)),
    (["-Command", "exit 3"], Int32(3)),
    (["-Command", "throw 'boom'"], Int32(1)),
    (["-Command", "Write-Error 'soft'"], Int32(1)),
    (["-Command", "if ("], Int32(1)),
    (["-NoSuchOption"], Int32(64)),
    (["missing-script.ps1"], Int32(64)),
  ])
  func exitCodesAreThoseOfPwsh(_ args: [String], _ expected: Int32) throws {
    guard let binary = Self.binary else { return }
    let dir = try scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let r = try run(binary, args, in: dir)
    #expect(r.code == expected, "\(args): \(r.out) \(r.err)")
  }
}
