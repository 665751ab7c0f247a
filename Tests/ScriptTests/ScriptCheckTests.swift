import Foundation
import PSHost
import Testing

/// Every example in `scripts/` goes through the command line the way a user runs it:
/// `eflowsh -Check` must accept each one (exit 0, no output).
struct ScriptCheckTests {
  static let scriptsDir = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("scripts")

  static let scripts: [String] = {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: scriptsDir.path)) ?? []
    return names.filter { $0.hasSuffix(".ps1") }.sorted()
  }()

  @Test func thereAreExampleScripts() {
    #expect(Self.scripts.count >= 5)
  }

  @Test(arguments: scripts)
  func checkAcceptsScript(_ name: String) {
    var io = DiskIO()
    let path = Self.scriptsDir.appendingPathComponent(name).path
    let code = Host.run(arguments: ["-Check", path], environment: [:], io: &io)
    #expect(code == 0, "\(io.out)")
    #expect(io.out.isEmpty)
  }

  /// A host without the emulated modules (PSHost alone, as embedders get it) runs the plain
  /// PowerShell and stops at the first EFLOW or Windows cmdlet with PowerShell's
  /// CommandNotFoundException, never a crash or a silent success. (With the modules, the
  /// scenario goldens run the scripts to the end.)
  @Test(arguments: scripts)
  func withoutTheEmulatedModulesTheFirstWindowsCmdletIsNotFound(_ name: String) {
    var io = DiskIO()
    let path = Self.scriptsDir.appendingPathComponent(name).path
    _ = Host.run(arguments: [path], environment: [:], io: &io)
    let first = io.err.split(separator: "\n").first.map(String.init) ?? ""
    #expect(first.contains(" : The term '") && first.contains("' is not recognized"), "\(io.err)")
    #expect(io.err.contains("FullyQualifiedErrorId : CommandNotFoundException"))
  }
}
