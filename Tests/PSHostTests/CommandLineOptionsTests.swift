import Testing

@testable import PSHost

/// The pwsh-style command line: case-insensitive names, unambiguous prefixes, aliases.
struct CommandLineOptionsTests {
  struct Row: Sendable, CustomTestStringConvertible {
    var args: [String]
    var action: CommandLineOptions.Action
    var testDescription: String { args.joined(separator: " ") }
  }

  static let rows: [Row] = [
    Row(args: [], action: .repl),
    Row(args: ["script.ps1"], action: .file(path: "script.ps1", arguments: [])),
    Row(args: ["script.ps1", "-Name", "x"], action: .file(path: "script.ps1", arguments: ["-Name", "x"])),
    Row(args: ["-File", "s.ps1", "a"], action: .file(path: "s.ps1", arguments: ["a"])),
    Row(args: ["-f", "s.ps1"], action: .file(path: "s.ps1", arguments: [])),
    Row(args: ["-FILE", "s.ps1"], action: .file(path: "s.ps1", arguments: [])),
    Row(args: ["-c", "Get-EflowVm", "|", "Out-Null"], action: .command("Get-EflowVm | Out-Null")),
    Row(args: ["-Command", "-"], action: .commandFromStdin),
    Row(args: ["-com", "exit"], action: .command("exit")),
    Row(args: ["--command", "exit"], action: .command("exit")),
    Row(args: ["-Check", "a.ps1", "b.ps1"], action: .check(paths: ["a.ps1", "b.ps1"])),
    Row(args: ["-che", "a.ps1"], action: .check(paths: ["a.ps1"])),
    Row(args: ["-Version"], action: .version),
    Row(args: ["--version"], action: .version),
    Row(args: ["-v"], action: .version),
    Row(args: ["-?"], action: .help),
    Row(args: ["--help"], action: .help),
    Row(args: ["-NoProfile", "-NoLogo", "-NonInteractive", "x.ps1"], action: .file(path: "x.ps1", arguments: [])),
  ]

  @Test(arguments: rows)
  func parsesAction(_ row: Row) throws {
    let o = try CommandLineOptions.parse(row.args)
    #expect(o.action == row.action)
  }

  @Test func switchesAndValues() throws {
    let o = try CommandLineOptions.parse(["-nop", "-nol", "-noni", "-State", "/tmp/s.json", "-HostProfile", "server", "-Seed", "42"])
    #expect(o.noProfile && o.noLogo && o.nonInteractive)
    #expect(o.statePath == "/tmp/s.json")
    #expect(o.hostProfile == "server")
    #expect(o.seed == 42)
  }

  @Test func environmentSuppliesDefaultsAndOptionsWin() throws {
    let env = ["EFLOWSH_STATE": "/env/state.json", "EFLOWSH_HOST_PROFILE": "server", "EFLOWSH_SEED": "7"]
    let fromEnv = try CommandLineOptions.parse([], environment: env)
    #expect(fromEnv.statePath == "/env/state.json")
    #expect(fromEnv.hostProfile == "server")
    #expect(fromEnv.seed == 7)
    let explicit = try CommandLineOptions.parse(["-State", "/opt.json", "-Seed", "1"], environment: env)
    #expect(explicit.statePath == "/opt.json")
    #expect(explicit.seed == 1)
  }

  @Test(arguments: [
    (["-n"], "ambiguous"),
    (["-Bogus"], "not recognized"),
    (["-Command"], "missing parameter"),
    (["-Check"], "Missing an argument"),
    (["-Seed", "abc"], "non-negative integer"),
    (["-State"], "Missing an argument"),
  ])
  func rejectsBadUsage(_ args: [String], _ fragment: String) {
    #expect {
      _ = try CommandLineOptions.parse(args)
    } throws: { error in
      guard let e = error as? CommandLineOptions.UsageError else { return false }
      return e.message.contains(fragment)
    }
  }
}
