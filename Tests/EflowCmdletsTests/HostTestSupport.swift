import EflowCmdlets
import Foundation
import PSLanguage
import PSRuntime
import Testing

/// Collects what the interpreter writes: console text, error records, warning/verbose lines.
final class HostCapture: HostInterface {
  var out = ""
  var errors: [ErrorRecord] = []
  var streams: [String] = []
  func write(_ text: String) { out += text }
  func writeError(_ record: ErrorRecord, concise: Bool) { errors.append(record) }
  func writeStream(_ line: String) { streams.append(line) }
}

/// A fresh state file for one test (removed when the sandbox is deallocated).
final class HostSandbox {
  let directory: URL
  let profile: String

  init(profile: String = "client") {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent("eflowsh-hostcmd-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    self.profile = profile
  }

  deinit { try? FileManager.default.removeItem(at: directory) }

  var statePath: String { directory.appendingPathComponent("state.json").path }

  /// Runs a script in a new Interpreter (a new eflowsh process, as far as state goes).
  @discardableResult
  func run(_ script: String) -> HostRun {
    let host = HostCapture()
    let interpreter = Interpreter(host: host)
    EflowModules.install(
      into: interpreter,
      settings: SimulationSettings(statePath: statePath, hostProfile: profile, seed: 42, environment: [:]))
    // Scripts cannot read an object's type name in eflowsh yet; this test-only command can.
    interpreter.defineCmdlet("Get-TestTypeName", "param([Parameter(ValueFromPipeline = $true)]$InputObject)") {
      CmdletBody(process: { ctx, item in try ctx.emit(.string((item ?? ctx.value("InputObject") ?? .null).typeName)) })
    }
    let parsed = Parser.parse(script)
    #expect(parsed.errors.isEmpty, "parse errors: \(parsed.errors)")
    let code = interpreter.runScript(parsed)
    interpreter.flushOutput()
    return HostRun(out: host.out, errors: host.errors, streams: host.streams, code: code)
  }
}

struct HostRun {
  var out: String
  var errors: [ErrorRecord]
  var streams: [String]
  var code: Int32

  var lines: [String] { out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).dropLast(out.hasSuffix("\n") ? 1 : 0).map { $0 } }
  var messages: [String] { errors.map(\.message) }
  var errorIds: [String] { errors.map(\.fullyQualifiedErrorId) }
  var categories: [String] { errors.map(\.category.rawValue) }

  /// The script wrote no error and printed exactly `expected`.
  func expectClean(_ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(messages == [], sourceLocation: sourceLocation)
    #expect(out == expected, sourceLocation: sourceLocation)
  }

  /// The script wrote exactly one error, with this message, FullyQualifiedErrorId and category.
  func expectError(_ message: String, id: String, category: String, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(messages == [message], sourceLocation: sourceLocation)
    #expect(errorIds == [id], sourceLocation: sourceLocation)
    #expect(categories == [category], sourceLocation: sourceLocation)
  }
}
