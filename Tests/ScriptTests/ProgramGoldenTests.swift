import Foundation
import PSHost
import Testing

/// Golden transcripts: each `Programs/NAME.ps1` runs through the command line in memory and its
/// standard output, error stream and exit code must equal `Programs/NAME.golden`. To re-record
/// on purpose after a deliberate change: `EFLOWSH_RECORD_GOLDEN=1 swift test --filter ProgramGoldenTests`.
struct ProgramGoldenTests {
  static let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Programs")

  static let programs: [String] = {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
    return names.filter { $0.hasSuffix(".ps1") }.sorted()
  }()

  /// The transcript of one run, in the golden file's layout.
  static func transcript(_ name: String) -> String {
    var io = DiskIO()
    let path = dir.appendingPathComponent(name).path
    let code = Host.run(arguments: ["-NoProfile", path], environment: [:], io: &io)
    let shownPath = io.err.replacingOccurrences(of: dir.path + "/", with: "")
    return "--- stdout\n\(io.out)--- stderr\n\(shownPath)--- exit code\n\(code)\n"
  }

  @Test func thereArePrograms() {
    #expect(Self.programs.count >= 4)
  }

  @Test(arguments: programs)
  func transcriptMatchesGolden(_ name: String) throws {
    let actual = Self.transcript(name)
    let golden = Self.dir.appendingPathComponent(name.replacingOccurrences(of: ".ps1", with: ".golden"))
    if ProcessInfo.processInfo.environment["EFLOWSH_RECORD_GOLDEN"] == "1" {
      try actual.write(to: golden, atomically: true, encoding: .utf8)
      return
    }
    let expected = try String(contentsOf: golden, encoding: .utf8)
    #expect(actual == expected)
  }
}
