import Foundation
import Testing

@testable import EflowEngine

/// `-State`, else `$EFLOWSH_STATE`, else `$XDG_STATE_HOME/eflowsh/state.json`, else
/// `~/.local/state/eflowsh/state.json`.
struct StoreLocationTests {
  struct Row: Sendable, CustomTestStringConvertible {
    var name: String
    var option: String?
    var environment: [String: String]
    var path: String
    var source: StateLocation.Source
    var testDescription: String { name }
  }

  static let home = ["HOME": "/home/ci"]

  static let rows: [Row] = [
    Row(
      name: "option wins", option: "/o/s.json",
      environment: home.merging(["EFLOWSH_STATE": "/e/s.json", "XDG_STATE_HOME": "/x"]) { $1 },
      path: "/o/s.json", source: .option),
    Row(
      name: "environment next", option: nil,
      environment: home.merging(["EFLOWSH_STATE": "/e/s.json", "XDG_STATE_HOME": "/x"]) { $1 },
      path: "/e/s.json", source: .environment),
    Row(
      name: "XDG_STATE_HOME next", option: nil, environment: home.merging(["XDG_STATE_HOME": "/x"]) { $1 },
      path: "/x/eflowsh/state.json", source: .xdgStateHome),
    Row(name: "home last", option: nil, environment: home, path: "/home/ci/.local/state/eflowsh/state.json", source: .home),
    Row(
      name: "empty values count as unset", option: "",
      environment: home.merging(["EFLOWSH_STATE": "", "XDG_STATE_HOME": ""]) { $1 },
      path: "/home/ci/.local/state/eflowsh/state.json", source: .home),
    Row(
      name: "relative XDG_STATE_HOME is ignored", option: nil,
      environment: home.merging(["XDG_STATE_HOME": "relative/dir"]) { $1 },
      path: "/home/ci/.local/state/eflowsh/state.json", source: .home),
    Row(name: "tilde expands", option: "~/sim/s.json", environment: home, path: "/home/ci/sim/s.json", source: .option),
    Row(name: "dot segments go", option: "/a/./b/../s.json", environment: home, path: "/a/s.json", source: .option),
  ]

  @Test(arguments: rows)
  func resolves(_ row: Row) {
    let location = StateLocation.resolve(option: row.option, environment: row.environment)
    #expect(location.url.path == row.path)
    #expect(location.source == row.source)
  }

  @Test func relativePathIsTakenFromTheCurrentDirectory() {
    let location = StateLocation.resolve(option: "s.json", environment: Self.home)
    let expected = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
      .appendingPathComponent("s.json").standardizedFileURL.path
    #expect(location.url.path == expected)
  }
}
