import EflowCmdlets
import Foundation
import Testing

@testable import PSHost

/// What the interactive shell asks the user (issue 7 item 6): missing mandatory parameters,
/// Read-Host, -Confirm and Deploy-Eflow's questions; and that where nobody can answer (input
/// not a terminal, -NonInteractive, scripts) each stays an error.
struct ReplPromptTests {
  struct Run {
    var code: Int32
    var out: String
    var err: String
    var prompts: [String]
  }

  static let functions = [
    "function Greet { [CmdletBinding()] param([Parameter(Mandatory)][string]$Name) \"Hello $Name\" }",
    "function Add-One { [CmdletBinding()] param([Parameter(Mandatory)][int]$N) $N + 1 }",
    "function Join-Names { [CmdletBinding()] param([Parameter(Mandatory)][string[]]$Names) $Names -join '+' }",
    "function Remove-Thing { [CmdletBinding(SupportsShouldProcess)] param([string[]]$Name) foreach ($n in $Name) { if ($PSCmdlet.ShouldProcess($n)) { \"removed $n\" } } }",
  ]

  /// Runs `lines` after the test functions are defined; `eflow` installs the emulated modules
  /// on a temporary state file.
  func run(_ lines: [String], interactive: Bool = true, prompts: Bool = true, eflow: Bool = false) -> Run {
    let source = ScriptedLines(lines: Self.functions + lines, interactive: interactive)
    let repl = Repl(io: WatchingIO(), lines: source, color: false, prompts: prompts)
    var dir: URL?
    if eflow {
      let d = FileManager.default.temporaryDirectory.appendingPathComponent("eflowsh-prompts-\(UUID().uuidString)")
      try? FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
      dir = d
      EflowModules.install(
        into: repl.interpreter,
        settings: SimulationSettings(
          statePath: d.appendingPathComponent("state.json").path, hostProfile: nil, seed: 42,
          environment: ["SOURCE_DATE_EPOCH": "1700000000", "HOME": d.path]))
    }
    defer { if let dir { try? FileManager.default.removeItem(at: dir) } }
    let code = repl.run()
    // The prompts after the function definitions (the REPL's own `PS …> ` prompts left out).
    let asked = source.prompts.dropFirst(Self.functions.count).filter { !$0.hasPrefix("PS ") }
    return Run(code: code, out: repl.io.out, err: repl.io.err, prompts: Array(asked))
  }

  static let header = "cmdlet Greet at command pipeline position 1\nSupply values for the following parameters:\n"

  @Test func missingMandatoryScalarIsAskedFor() {
    let r = run(["Greet", "World"])
    #expect(r.prompts == ["Name: "])
    #expect(r.out == Self.header + "Hello World\n")
    #expect(r.err == "")
  }

  @Test func promptedValuesAreConvertedByTheBinder() {
    let r = run(["Add-One", "41", "Add-One", "many"])
    #expect(r.prompts == ["N: ", "N: "])
    #expect(r.out.contains("cmdlet Add-One at command pipeline position 1\nSupply values for the following parameters:\n42\n"))
    #expect(r.err.contains("Cannot process argument transformation on parameter 'N'"))
  }

  @Test func arrayParametersAreAskedItemByItem() {
    let r = run(["Join-Names", "a", "b", ""])
    #expect(r.prompts == ["Names[0]: ", "Names[1]: ", "Names[2]: "])
    #expect(r.out.hasSuffix("a+b\n"))
  }

  @Test func anEmptyAnswerGivesTheBindingError() {
    let r = run(["Greet", "", "'next'"])
    #expect(r.prompts == ["Name: "])
    #expect(r.err.contains("Cannot bind argument to parameter 'Name' because it is an empty string."))
    #expect(r.out == Self.header + "next\n")
  }

  @Test func thePipelinePositionIsReported() {
    let r = run(["'x' | Out-Null; 1 | ForEach-Object { $_ } | Greet", "Ann"])
    #expect(r.out.contains("cmdlet Greet at command pipeline position 3\n"))
    #expect(r.out.hasSuffix("Hello Ann\n"))
  }

  @Test func eflowCmdletsAskForTheirMandatoryParameters() {
    let r = run(["Add-EflowNetwork", "NoSuchSwitch"], eflow: true)
    #expect(r.out.hasPrefix("cmdlet Add-EflowNetwork at command pipeline position 1\nSupply values for the following parameters:\n"))
    #expect(r.prompts.first == "vswitchName: ")
  }

  @Test func readHostReadsALine() {
    let r = run(["$x = Read-Host 'Your name'; \"got $x\"", "Ann", "Read-Host", "bare", "$s = Read-Host -Prompt Pin -AsSecureString", "1234", "\"$s\"; $s.Length"])
    #expect(r.prompts == ["Your name: ", "", "Pin: "])
    #expect(r.out == "got Ann\nbare\nSystem.Security.SecureString\n4\n")
  }

  static let confirm =
    "\nConfirm\nAre you sure you want to perform this action?\nPerforming the operation \"Remove-Thing\" on target \"z\".\n"
  static let choices = "[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [S] Suspend  [?] Help (default is \"Y\"): "

  @Test func confirmYesAndNo() {
    let yes = run(["Remove-Thing z -Confirm", "y"])
    #expect(yes.out == Self.confirm + "removed z\n")
    #expect(yes.prompts == [Self.choices])
    let byDefault = run(["Remove-Thing z -Confirm", ""])
    #expect(byDefault.out == Self.confirm + "removed z\n")
    let no = run(["Remove-Thing z -Confirm", "n", "'after'"])
    #expect(no.out == Self.confirm + "after\n")
    // `?` explains the choices and asks again; an unknown answer asks again.
    let help = run(["Remove-Thing z -Confirm", "?", "maybe", "N"])
    #expect(help.prompts == [Self.choices, Self.choices, Self.choices])
    #expect(help.out.contains("Y - Continue with only the next step of the operation.\n"))
    // Without -Confirm nothing is asked.
    #expect(run(["Remove-Thing z"]).out == "removed z\n")
  }

  @Test func confirmYesToAllAndNoToAll() {
    let all = run(["Remove-Thing a,b,c -Confirm", "a"])
    #expect(all.prompts.count == 1)
    #expect(all.out.hasSuffix("removed a\nremoved b\nremoved c\n"))
    let none = run(["Remove-Thing a,b,c -Confirm", "l", "'done'"])
    #expect(none.prompts.count == 1)
    #expect(none.out.hasSuffix("done\n") && !none.out.contains("removed"))
    let mixed = run(["Remove-Thing a,b -Confirm", "n", "y"])
    #expect(mixed.prompts.count == 2)
    #expect(mixed.out.hasSuffix("removed b\n") && !mixed.out.contains("removed a"))
  }

  static let continueFunctions = [
    "function Clear-Thing { [CmdletBinding()] param([switch]$Force) if ($Force -or $PSCmdlet.ShouldContinue('Clear it?', 'Clearing')) { 'cleared' } else { 'kept' } }",
    "function Clear-All { [CmdletBinding()] param([string[]]$Name) $yes = $false; $no = $false; foreach ($n in $Name) { if ($PSCmdlet.ShouldContinue(\"Clear $n?\", 'Clearing', [ref]$yes, [ref]$no)) { \"cleared $n\" } } }",
  ]

  @Test func shouldContinueAlwaysAsks() {
    let yes = run(Self.continueFunctions + ["Clear-Thing", "y"])
    #expect(yes.prompts == ["[Y] Yes  [N] No  [S] Suspend  [?] Help (default is \"Y\"): "])
    #expect(yes.out == "\nClearing\nClear it?\ncleared\n")
    #expect(run(Self.continueFunctions + ["Clear-Thing", "n"]).out.hasSuffix("kept\n"))
    #expect(run(Self.continueFunctions + ["Clear-Thing -Force"]).prompts.isEmpty)
    // Yes to All answers the rest through the [ref] flags.
    let all = run(Self.continueFunctions + ["Clear-All a,b,c", "a"])
    #expect(all.prompts == ["[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [S] Suspend  [?] Help (default is \"Y\"): "])
    #expect(all.out.hasSuffix("cleared a\ncleared b\ncleared c\n"))
    let none = run(Self.continueFunctions + ["Clear-All a,b", "l", "'done'"])
    #expect(none.prompts.count == 1)
    #expect(none.out.hasSuffix("done\n") && !none.out.contains("cleared"))
    // Off a terminal it is the NonInteractive error, not a silent yes.
    let script = run(Self.continueFunctions + ["Clear-Thing", "'after'"], interactive: false)
    #expect(script.err.contains("Windows PowerShell is in NonInteractive mode. Read and Prompt functionality is not available."))
    #expect(!script.out.contains("cleared"))
  }

  @Test func reprovisioningIsConfirmed() {
    let deploy = "$null = Deploy-Eflow -acceptEula Yes -acceptOptionalTelemetry No"
    let provision = "Provision-EflowVm ManualConnectionString -devConnString 'HostName=h;DeviceId=d;SharedAccessKey=k'"
    let declined = run([deploy, provision, provision, "n"], eflow: true)
    #expect(declined.prompts == ["[Y] Yes  [N] No  [?] Help (default is \"N\"): "])
    #expect(declined.out.contains("The virtual machine is already provisioned (ManualConnectionString)."))
    #expect(declined.err.contains("Provisioning aborted by user"))
    let accepted = run([deploy, provision, provision, "y"], eflow: true)
    #expect(accepted.err == "")
    #expect(accepted.out.hasSuffix("OK\n"))
    // -headless never asks: the module refuses.
    let headless = run([deploy, provision, provision + " -headless"], eflow: true)
    #expect(headless.prompts.isEmpty)
    #expect(headless.err.contains("Aborting, iotedge was previously provisioned (headless mode)!"))
  }

  @Test func confirmOnEmulatedCmdlets() {
    let no = run(
      ["New-NetNat -Name PromptNat -InternalIPInterfaceAddressPrefix 172.30.0.0/24 -Confirm", "n", "@(Get-NetNat).Name -contains 'PromptNat'"],
      eflow: true)
    #expect(no.out.contains("Performing the operation \"New-NetNat\" on target \"PromptNat\".\n"))
    #expect(no.out.hasSuffix("False\n"))
    let yes = run(
      ["New-NetNat -Name PromptNat -InternalIPInterfaceAddressPrefix 172.30.0.0/24 -Confirm | Out-Null", "y", "@(Get-NetNat).Name -contains 'PromptNat'"],
      eflow: true)
    #expect(yes.out.hasSuffix("True\n"))
  }

  @Test func removingEveryNatAsksForEach() {
    let new = "New-NetNat -Name PromptNat -InternalIPInterfaceAddressPrefix 172.30.0.0/24 | Out-Null"
    let kept = run([new, "Remove-NetNat", "l", "@(Get-NetNat).Name -contains 'PromptNat'"], eflow: true)
    #expect(kept.out.contains("Performing the operation \"Delete\" on target \"MSFT_NetNat (Name = \"PromptNat\")\".\n"))
    #expect(kept.out.hasSuffix("True\n"))
    let removed = run([new, "Remove-NetNat", "a", "@(Get-NetNat).Count"], eflow: true)
    #expect(removed.prompts.count == 1)
    #expect(removed.out.hasSuffix("0\n"))
    // Off a terminal it is refused, as before.
    let refused = run([new, "Remove-NetNat"], interactive: false, eflow: true)
    #expect(refused.err.contains("ConfirmationRequired") || refused.err.contains("eflowsh cannot ask for confirmation"))
  }

  static let eulaPrompt = "[Y] Yes  [N] No  [?] Help (default is \"N\"): "

  @Test func deployEflowAsksForTheEulaAndTelemetry() {
    let declined = run(["Deploy-Eflow", "n", "Verify-EflowVm"], eflow: true)
    #expect(declined.prompts == [Self.eulaPrompt])
    #expect(declined.out.contains("\nEnd User License Agreement\n"))
    #expect(declined.err.contains("Action aborted by user"))
    #expect(declined.out.hasSuffix("False\n"))
    let accepted = run(["Deploy-Eflow | Out-Null", "y", "n", "Verify-EflowVm"], eflow: true)
    #expect(accepted.prompts == [Self.eulaPrompt, Self.eulaPrompt])
    #expect(accepted.out.contains("\nOptional diagnostic data\n"))
    #expect(accepted.err == "")
    #expect(accepted.out.hasSuffix("True\n"))
    // A parameter given is not asked.
    let telemetryOnly = run(["Deploy-Eflow -acceptEula Yes | Out-Null", "y", "Verify-EflowVm"], eflow: true)
    #expect(telemetryOnly.prompts == [Self.eulaPrompt])
    #expect(telemetryOnly.out.hasSuffix("True\n"))
  }

  @Test func ctrlCAtAPromptStopsTheCommand() {
    let lines = ScriptedLines(Self.functions.map { .line($0) } + [.line("Greet; 'not reached'"), .interrupt, .line("'next'")])
    let repl = Repl(io: WatchingIO(), lines: lines, color: false)
    #expect(repl.run() == 0)
    #expect(repl.io.out == Self.header + "\nnext\n")
    #expect(repl.history.entries.first { $0.commandLine.hasPrefix("Greet") }?.status == "Stopped")
  }

  /// Input that is not a terminal, and -NonInteractive at a terminal: nothing is asked.
  @Test func withoutATerminalPromptsAreErrors() {
    for (interactive, prompts) in [(false, true), (true, false)] {
      let script = [
        "Greet", "Read-Host 'x'", "Remove-Thing z -Confirm", "Deploy-Eflow",
        "New-NetNat -Name PromptNat -InternalIPInterfaceAddressPrefix 172.30.0.0/24 -Confirm",
      ]
      let r = run(script, interactive: interactive, prompts: prompts, eflow: true)
      #expect(r.prompts.allSatisfy { $0.isEmpty && !interactive })
      #expect(r.err.contains("Cannot process command because of one or more missing mandatory parameters: Name."))
      let nonInteractive = "Windows PowerShell is in NonInteractive mode. Read and Prompt functionality is not available."
      #expect(r.err.components(separatedBy: nonInteractive).count == 4, "\(r.err)")
      #expect(r.err.contains("Deploy-Eflow would ask you to accept the End User License Agreement, but eflowsh cannot prompt."))
      #expect(!r.out.contains("removed"))
    }
  }

  @Test func scriptsAndCommandsNeverPrompt() {
    var io = InMemoryIO()
    let code = Host.run(
      arguments: ["-Command", "Read-Host 'x'"], environment: [:], io: &io, console: { _ in ScriptedLines(lines: ["typed"]) })
    #expect(code == 1)
    #expect(io.err.contains("NonInteractive mode"))
    var io2 = InMemoryIO()
    let lines = ScriptedLines(lines: ["Read-Host 'x'", "typed"])
    _ = Host.run(arguments: ["-NoLogo", "-NonInteractive"], environment: [:], io: &io2, console: { _ in lines })
    #expect(io2.err.contains("NonInteractive mode"))
    #expect(!lines.prompts.contains("x: "))
  }
}
