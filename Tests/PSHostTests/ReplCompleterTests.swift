import PSLanguage
import Testing

@testable import PSHost

/// A session in a table: commands, parameters, variables and a small directory tree.
struct FakeCompletionSource: CompletionSource {
  func commandNames() -> [String] {
    ["Get-EflowVm", "Get-EflowVmEndpoint", "Get-History", "New-EflowVmEndpoint", "Get-ChildItem", "gcm"]
  }

  func parameters(ofCommand name: String) -> [CompletionParameter]? {
    switch name.lowercased() {
    case "new-eflowvmendpoint":
      return [
        CompletionParameter(name: "vswitchName"),
        CompletionParameter(name: "vswitchType", validValues: ["Internal", "External"]),
        CompletionParameter(name: "ip4Address", aliases: ["ip"]),
      ]
    case "get-childitem", "gci":
      return [CompletionParameter(name: "Path"), CompletionParameter(name: "Force", isSwitch: true)]
    default:
      return nil
    }
  }

  func variableNames() -> [String] { ["PSVersionTable", "pwd", "PSScriptRoot", "x"] }
  var currentDirectory: String { "/w" }
  var homeDirectory: String? { "/home/me" }

  func directoryEntries(_ path: String) -> [(name: String, isDirectory: Bool)]? {
    switch path {
    case "/w", "/w/", "/w/./": return [("script.ps1", false), ("scripts", true), ("My Dir", true), (".hidden", false)]
    case "/w/scripts/": return [("a.ps1", false)]
    case "/home/me/": return [("notes.txt", false)]
    default: return nil
    }
  }

  func argumentValues(command: String, parameter: String) -> [String] {
    parameter == "vswitchName" ? ["Default Switch", "ExtSw"] : []
  }
}

struct ReplCompleterTests {
  struct Row: Sendable, CustomTestStringConvertible {
    var line: String
    var cursor: Int?
    var start: Int
    var candidates: [String]
    init(_ line: String, cursor: Int? = nil, _ start: Int, _ candidates: [String]) {
      self.line = line
      self.cursor = cursor
      self.start = start
      self.candidates = candidates
    }
    var testDescription: String { "\(line)|\(cursor.map(String.init) ?? "end")" }
  }

  static let rows: [Row] = [
    // Commands, in declared casing, wherever a command starts.
    Row("Get-Ef", 0, ["Get-EflowVm", "Get-EflowVmEndpoint"]),
    Row("get-eflowvme", 0, ["Get-EflowVmEndpoint"]),
    Row("New-", 0, ["New-EflowVmEndpoint"]),
    Row("gc", 0, ["gcm"]),
    Row("$x = Get-Hi", 5, ["Get-History"]),
    Row("Get-EflowVm | Get-Hi", 14, ["Get-History"]),
    Row("if ($x) { Get-Hi", 10, ["Get-History"]),
    Row("& Get-Hi", 2, ["Get-History"]),
    Row("Get-Hi | Out-Null", cursor: 6, 0, ["Get-History"]),
    // Parameter names of the command being typed.
    Row("New-EflowVmEndpoint -vs", 20, ["-vswitchName", "-vswitchType"]),
    Row("New-EflowVmEndpoint -VSWITCHT", 20, ["-vswitchType"]),
    Row("New-EflowVmEndpoint -", 20, ["-vswitchName", "-vswitchType", "-ip4Address"]),
    Row("Get-History -Cou", 12, []),
    // ValidateSet values and values from the simulation hook, quoted when needed.
    Row("New-EflowVmEndpoint -vswitchType ", 33, ["Internal", "External"]),
    Row("New-EflowVmEndpoint -vswitchType i", 33, ["Internal"]),
    Row("New-EflowVmEndpoint -vswitchT e", 30, ["External"]),
    Row("New-EflowVmEndpoint -vswitchName D", 33, ["'Default Switch'"]),
    Row("New-EflowVmEndpoint -vswitchName 'Def", 33, ["'Default Switch'"]),
    // Variables.
    Row("$ps", 0, ["$PSScriptRoot", "$PSVersionTable"]),
    Row("Write-Output $P", 13, ["$PSScriptRoot", "$PSVersionTable", "$pwd"]),
    // Paths relative to the session's location; directories end in '/', spaces are quoted.
    Row("Get-ChildItem scr", 14, ["script.ps1", "scripts/"]),
    Row("Get-ChildItem My", 14, ["'My Dir/'"]),
    Row("Get-ChildItem 'My D", 14, ["'My Dir/'"]),
    Row("Get-ChildItem scripts/", 14, ["scripts/a.ps1"]),
    Row("Get-ChildItem .h", 14, [".hidden"]),
    Row("Get-ChildItem -Force ", 21, ["'My Dir/'", "script.ps1", "scripts/"]),
    Row("Get-ChildItem ~/n", 14, ["~/notes.txt"]),
    Row("./scr", 0, ["./script.ps1", "./scripts/"]),
    Row("Get-ChildItem nothing", 14, []),
  ]

  @Test(arguments: rows)
  func completes(_ row: Row) {
    let c = Completer(source: FakeCompletionSource()).complete(line: row.line, cursor: row.cursor)
    #expect(c.start == row.start)
    #expect(c.candidates == row.candidates)
  }

  /// The live session answers: built-in and REPL cmdlets, their parameters, `ValidateSet`
  /// values, common parameters, variables.
  @Test func sessionCompletions() {
    let repl = Repl(io: WatchingIO(), lines: ScriptedLines([]), color: false)
    let completer = Completer(source: InterpreterCompletionSource(interpreter: repl.interpreter))
    func candidates(_ line: String) -> [String] { completer.complete(line: line).candidates }
    #expect(candidates("Get-Hist") == ["Get-History"])
    #expect(candidates("Write-Output -NoE") == ["-NoEnumerate"])
    #expect(candidates("Write-Host -ForegroundColor Dark").first == "DarkBlue")
    #expect(candidates("Write-Output -ErrorAction Si") == ["SilentlyContinue"])
    #expect(candidates("echo -NoE") == ["-NoEnumerate"])
    #expect(candidates("$tr") == ["$true"])
    _ = repl.interpreter.runInteractive(Parser.parse("function Deploy-Thing { param([ValidateSet('Fast','Slow')]$Mode) }"))
    #expect(candidates("Deploy-T") == ["Deploy-Thing"])
    #expect(candidates("Deploy-Thing -Mode s") == ["Slow"])
  }
}
