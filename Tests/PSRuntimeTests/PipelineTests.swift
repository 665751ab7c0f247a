import Foundation
import PSLanguage
import Testing

@testable import PSRuntime

/// Streaming pipelines, streams and redirections: each row is a script and exactly what the
/// host shows (formatted output and `Write-Host` text, in order).
struct PipelineTests {
  @Test(arguments: [
    // Objects stream: each reaches the next stage (and the host) before the next is made.
    ("function f { process { $_; Write-Host \"h$_\" } }; 1..2 | f", "1\nh1\n2\nh2\n"),
    ("foreach ($i in 1..2) { $i; Write-Host \"x$i\" }", "1\nx1\n2\nx2\n"),
    // begin of every stage first, then process interleaved, then end in order.
    (
      "function a { begin { Write-Host 'a-b' } process { Write-Host \"a-p$_\"; $_ } end { Write-Host 'a-e' } }; function b { begin { Write-Host 'b-b' } process { Write-Host \"b-p$_\" } end { Write-Host 'b-e' } }; 1,2 | a | b",
      "a-b\nb-b\na-p1\nb-p1\na-p2\nb-p2\na-e\nb-e\n"
    ),
    ("function g { begin { 'b' } process { \"p$_\" } end { 'e'; $input.Count } }; 1,2 | g", "b\np1\np2\ne\n2\n"),
    ("function n { end { $input -join '+' } }; 1,2,3 | n", "1+2+3\n"),
    ("filter dbl { $_ * 2 }; 1,2 | dbl", "2\n4\n"),
    ("function adv { param([Parameter(ValueFromPipeline)][int]$N) process { $N + 1 } }; 1,2 | adv", "2\n3\n"),
    ("@() | ForEach-Thing", ""),
    ("$null | & { process { 'ran' } }", "ran\n"),
    // Pipeline chains.
    ("Write-Output ok && Write-Output yes", "ok\nyes\n"),
    ("Write-Error x 2>$null || Write-Output fallback", "fallback\n"),
    ("Write-Error x 2>$null && Write-Output never", ""),
    // Redirections.
    ("$r = & { Write-Error 'bad' } 2>&1; \"[$r]\"", "[bad]\n"),
    ("'gone' > $null; 'kept'", "kept\n"),
    ("& { 'o'; Write-Host 'h'; Write-Warning 'w' } *> $null; 'after'", "after\n"),
    ("Write-Host 'silent' 6> $null; 'x'", "x\n"),
    ("$w = & { Write-Warning 'careful' } 3>&1; \"[$w]\"", "[careful]\n"),
    ("[void](1); $null = 2; 3 | Out-Null; 'end'", "end\n"),
  ])
  func hostSees(_ script: String, _ expected: String) {
    let host = CapturingHost()
    let interpreter = Interpreter(host: host)
    let function = "function ForEach-Thing { process { 'never' } }; "
    let parsed = Parser.parse(function + script)
    #expect(parsed.errors.isEmpty)
    _ = interpreter.runScript(parsed)
    #expect(host.out == expected, "\(script)")
  }

  @Test func errorsAndWarningsStillReachTheirStreams() {
    let host = CapturingHost()
    let interpreter = Interpreter(host: host)
    _ = interpreter.runScript(Parser.parse("Write-Error 'e1'; Write-Warning 'w1'; 'o'"))
    #expect(host.errors.map(\.message) == ["e1"])
    #expect(host.streams == ["WARNING: w1"])
    #expect(host.out == "o\n")
  }

  @Test func redirectionToAFileWritesFormattedOutputAndErrors() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("eflowsh-redir-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("out.txt").path
    let err = dir.appendingPathComponent("err.txt").path
    let host = CapturingHost()
    let interpreter = Interpreter(host: host)
    let script = "'one', 'two' > '\(out)'; 'three' >> '\(out)'; Write-Error 'oops' 2> '\(err)'; 'done'"
    _ = interpreter.runScript(Parser.parse(script))
    #expect(try String(contentsOfFile: out, encoding: .utf8) == "one\ntwo\nthree\n")
    #expect(try String(contentsOfFile: err, encoding: .utf8).contains("oops"))
    #expect(host.errors.isEmpty)
    #expect(host.out == "done\n")
  }

  @Test func stopUpstreamEndsAnEndlessGenerator() throws {
    let host = CapturingHost()
    let interpreter = Interpreter(host: host)
    var taken = 0
    interpreter.defineCmdlet("Take-Two", "param([Parameter(ValueFromPipeline)][object]$InputObject)") {
      CmdletBody(process: { ctx, item in
        guard let item else { return }
        try ctx.emit(item)
        taken += 1
        if taken == 2 { throw ctx.stopUpstream() }
      }, end: { ctx in try ctx.emit(.string("end")) })
    }
    _ = interpreter.runScript(Parser.parse("& { while ($true) { 'x' } } | Take-Two"))
    #expect(host.out == "x\nx\nend\n")
  }
}

/// Modules, script files, `#requires` and native commands.
struct ModuleTests {
  func temporaryDirectory() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("eflowsh-mod-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
  }

  @Test func scriptModuleExportsOnlyWhatItSays() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("Tools.psm1").path
    try """
      $counter = 0
      function Get-Greeting { param($Name) "Hello, $Name" }
      function Hidden-Helper { 'hidden' }
      Export-ModuleMember -Function Get-Greeting
      """.write(toFile: path, atomically: true, encoding: .utf8)
    let (out, errors, _) = run(
      "Import-Module '\(path)'; Get-Greeting -Name Ada; (Get-Module).Name; Remove-Module Tools; (Get-Module).Count; Hidden-Helper")
    #expect(out == "Hello, Ada\nTools\n0\n")
    #expect(errors == ["CommandNotFoundException"])
  }

  @Test func missingModuleIsAnErrorWithPowerShellsWording() {
    let host = CapturingHost()
    let interpreter = Interpreter(host: host)
    _ = interpreter.runScript(Parser.parse("Import-Module NoSuchModule; 'next'"))
    #expect(host.out == "next\n")
    #expect(host.errors.map(\.fullyQualifiedErrorId) == ["Modules_ModuleNotFound,Microsoft.PowerShell.Commands.ImportModuleCommand"])
    #expect(
      host.errors.first?.message
        == "The specified module 'NoSuchModule' was not loaded because no valid module file was found in any module directory.")
  }

  @Test func emulatedModuleAutoLoadsAndBindsItsSwiftHandler() {
    let host = CapturingHost()
    let interpreter = Interpreter(host: host)
    let text = """
      function Get-Widget {
          [CmdletBinding()]
          param([Parameter(Mandatory, Position=0)][ValidateSet('Small','Large')][string]$Size)
      }
      function Get-Unhandled { param() }
      """
    interpreter.addModuleSource(
      ModuleSource(
        name: "Widgets", path: Interpreter.builtinModuleRoot + "Widgets/Widgets.psm1",
        commands: ModuleSource.functionNames(in: text)) { text })
    interpreter.registerHandler("Get-Widget") {
      CmdletBody(process: { ctx, _ in try ctx.emit(.string("widget:" + (ctx.string("Size") ?? ""))) })
    }
    _ = interpreter.runScript(Parser.parse("Get-Widget Large; Get-Widget Huge; (Get-Module).Name; Get-Unhandled"))
    #expect(host.out == "widget:Large\nWidgets\n")
    #expect(
      host.errors.map(\.fullyQualifiedErrorId) == [
        "ParameterArgumentValidationError,Get-Widget", "NotImplementedInEflowsh,Get-Unhandled",
      ])
  }

  @Test func scriptFilesRunAsCommandsWithTheirOwnRootAndExit() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("child.ps1").path
    try "param($Value) \"child $Value in $(Split-Leaf $PSScriptRoot)\"; exit 3".write(
      toFile: path, atomically: true, encoding: .utf8)
    let helper = dir.appendingPathComponent("helper.ps1").path
    try "$shared = 'dot-sourced'".write(toFile: helper, atomically: true, encoding: .utf8)
    let leaf = dir.lastPathComponent
    let (out, errors, code) = run(
      "function Split-Leaf($p) { ($p -split '/')[-1] }; & '\(path)' -Value 7; $LASTEXITCODE; . '\(helper)'; $shared")
    #expect(out == "child 7 in \(leaf)\n3\ndot-sourced\n")
    #expect(errors.isEmpty)
    #expect(code == 0)
  }

  @Test(arguments: [
    ("#requires -Version 7.0\n'ran'", "ScriptRequiresUnmatchedPSVersion"),
    ("#requires -Modules NoSuchModule\n'ran'", "ScriptRequiresMissingModules"),
  ])
  func requiresStopsTheScript(_ script: String, _ id: String) {
    let (out, errors, code) = run(script)
    #expect(out == "")
    #expect(errors == [id])
    #expect(code == 1)
  }

  @Test func requiresThatHoldLetTheScriptRun() {
    let (out, errors, code) = run("#requires -Version 5.1\n#requires -RunAsAdministrator\n'ran'")
    #expect(out == "ran\n")
    #expect(errors.isEmpty)
    #expect(code == 0)
  }

  @Test func nativeCommandsRunOnlyWhenAllowed() {
    let host = CapturingHost()
    let interpreter = Interpreter(host: host)
    _ = interpreter.runScript(Parser.parse("uname -s"))
    #expect(host.errors.map(\.fullyQualifiedErrorId) == ["CommandNotFoundException"])

    let allowed = CapturingHost()
    let i2 = Interpreter(host: allowed)
    i2.allowNativeCommands = true
    _ = i2.runScript(Parser.parse("uname -s; false; $?; $LASTEXITCODE; 'a','b' | tr a-z A-Z"))
    #expect(allowed.out == "Linux\nFalse\n1\nA\nB\n")
  }
}
