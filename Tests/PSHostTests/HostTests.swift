import Testing

@testable import PSHost

/// The command line end to end, in memory: exit codes and the `-Check` output format.
struct HostTests {
  func run(_ args: [String], files: [String: String] = [:], stdin: String = "") -> (Int32, InMemoryIO) {
    var io = InMemoryIO(files: files, stdin: stdin)
    let code = Host.run(arguments: args, environment: [:], io: &io)
    return (code, io)
  }

  @Test func checkCleanFileExitsZeroAndPrintsNothing() {
    let (code, io) = run(["-Check", "ok.ps1"], files: ["ok.ps1": "Get-EflowVm | Select-Object Name\n"])
    #expect(code == 0)
    #expect(io.out.isEmpty)
  }

  @Test func checkPrintsPathLineColumnIdMessageSourceAndCaret() {
    let src = "Write-Host 'start'\nfunction Deploy {\n  if ($x -eq) { }\n}\n"
    let (code, io) = run(["-Check", "deploy.ps1"], files: ["deploy.ps1": src])
    #expect(code == 1)
    let expected = """
      deploy.ps1:3:13: ExpectedValueExpression: You must provide a value expression following the '-eq' operator.
        if ($x -eq) { }
                  ^

      """
    #expect(io.out == expected)
  }

  @Test func checkReportsEveryErrorInEveryFile() {
    let files = ["a.ps1": "$a = (1 +\n", "b.ps1": "foreach ($x in) {}\n)\n", "c.ps1": "'fine'\n"]
    let (code, io) = run(["-Check", "a.ps1", "b.ps1", "c.ps1"], files: files)
    #expect(code == 1)
    let headers = io.out.split(separator: "\n").filter { $0.hasPrefix("a.ps1:") || $0.hasPrefix("b.ps1:") }
    #expect(headers.contains { $0.hasPrefix("a.ps1:1:10: ExpectedValueExpression:") })
    #expect(headers.contains { $0.hasPrefix("b.ps1:1:15: MissingForeachExpression:") })
    #expect(headers.contains { $0.hasPrefix("b.ps1:2:1: UnexpectedToken:") })
    #expect(!io.out.contains("c.ps1"))
  }

  @Test func multiLineMessagesStayOnTheHeaderLine() {
    let (_, io) = run(["-Check", "f.ps1"], files: ["f.ps1": "foreach ($a in"])
    let first = io.out.split(separator: "\n").first.map(String.init) ?? ""
    #expect(first == "f.ps1:1:15: MissingForeachExpression: Missing expression in foreach loop. The correct form is: foreach ($a in $b) {...}")
  }

  @Test func checkMissingFileFails() {
    let (code, io) = run(["-Check", "nope.ps1"])
    #expect(code == 1)
    #expect(io.out.contains("nope.ps1: error: cannot read the file: no such file"))
  }

  @Test func dumpAstPrintsTheTree() {
    let (code, io) = run(["-Check", "-DumpAst", "t.ps1"], files: ["t.ps1": "$x = 1 + 2"])
    #expect(code == 0)
    #expect(io.out.contains("Assignment ="))
    #expect(io.out.contains("Binary +"))
    #expect(io.out.contains("Number 2"))
  }

  @Test func runningAScriptWithParseErrorsExitsOneWithTheErrors() {
    let (code, io) = run(["bad.ps1"], files: ["bad.ps1": "if ("])
    #expect(code == 1)
    #expect(io.err.contains("bad.ps1:1:5: IfStatementMissingCondition:"))
  }

  @Test func runningAScriptPrintsItsOutputAndExitsWithItsCode() {
    let (code, io) = run(["good.ps1"], files: ["good.ps1": "'hello'\n1 + 1\nexit 3\n'not reached'"])
    #expect(code == 3)
    #expect(io.out == "hello\n2\n")
    #expect(io.err.isEmpty)
  }

  @Test func aScriptWithErrorsStillExitsZeroUnlessItThrows() {
    let (code, io) = run(["s.ps1"], files: ["s.ps1": "Get-Nothing\n'after'"])
    #expect(code == 0)
    #expect(io.out == "after\n")
    #expect(io.err.hasPrefix("Get-Nothing : The term 'Get-Nothing' is not recognized"))
    let (code2, _) = run(["t.ps1"], files: ["t.ps1": "throw 'stop here'\n'after'"])
    #expect(code2 == 1)
  }

  @Test func commandExitCodeFollowsTheLastStatement() {
    let (ok, okIO) = run(["-c", "1 + 1"])
    #expect(ok == 0)
    #expect(okIO.out == "2\n")
    let (bad, _) = run(["-c", "Get-Nothing"])
    #expect(bad == 1)
  }

  @Test func scriptArgumentsBindToItsParamBlock() {
    let script = "param([string]$Name = 'x', [int]$Count = 1)\n\"$Name x $Count\""
    let (code, io) = run(["p.ps1", "-Name", "eflow", "-Count", "3"], files: ["p.ps1": script])
    #expect(code == 0)
    #expect(io.out == "eflow x 3\n")
  }

  @Test func missingScriptIsBadUsage() {
    let (code, io) = run(["-File", "missing.ps1"])
    #expect(code == 64)
    #expect(io.err.contains("missing.ps1"))
  }

  @Test func commandFromStdinIsParsed() {
    let (code, io) = run(["-Command", "-"], stdin: "1 +")
    #expect(code == 1)
    #expect(io.err.contains("<stdin>:1:4: ExpectedValueExpression:"))
  }

  @Test func versionAndHelp() {
    let (c1, v) = run(["-Version"])
    #expect(c1 == 0)
    #expect(v.out == "eflowsh \(Host.version)\n")
    let (c2, h) = run(["-Help"])
    #expect(c2 == 0)
    #expect(h.out.contains("-Check PATH..."))
  }

  @Test func engineOptionsSayTheyHaveNoEffectWithoutTheEmulatedModules() {
    let (code, io) = run(["-State", "/tmp/s.json", "-Seed", "3", "-Version"])
    #expect(code == 0)
    #expect(io.err.contains("-State / EFLOWSH_STATE has no effect: this host has no simulated EFLOW modules."))
    #expect(io.err.contains("-Seed / EFLOWSH_SEED has no effect: this host has no simulated EFLOW modules."))
  }

  @Test func badUsageExits64() {
    let (code, io) = run(["-NoSuchOption"])
    #expect(code == 64)
    #expect(io.err.contains("-NoSuchOption"))
  }
}
