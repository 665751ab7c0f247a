import PSLanguage
import Testing

@testable import PSRuntime

/// Get-Help from comment-based help, and the console-only cmdlets.
struct HelpTests {
  static let function = """
    function Set-Thing {
        <#
        .SYNOPSIS
        Sets a thing.
        .DESCRIPTION
        Sets the thing, at length.
        .PARAMETER Name
        The thing's name.
        .EXAMPLE
        Set-Thing -Name x
        #>
        [CmdletBinding()]
        param([Parameter(Mandatory, Position=0)][string]$Name, [ValidateSet('a','b')][string]$Kind = 'a', [switch]$Force)
    }

    """

  @Test(arguments: [
    ("Get-Help Set-Thing", [
      "NAME\n    Set-Thing", "SYNOPSIS\n    Sets a thing.",
      "SYNTAX\n    Set-Thing [-Name] <String> [-Kind {a | b}] [-Force] [<CommonParameters>]",
      "DESCRIPTION\n    Sets the thing, at length.", "For technical information, type: \"get-help Set-Thing -full\".",
    ]),
    ("Get-Help Set-Thing -Full", [
      "PARAMETERS\n    -Name <String>\n        The thing's name.", "Required?                    true",
      "Position?                    1", "Default value                'a'", "EXAMPLE 1", "Set-Thing -Name x",
    ]),
    ("Get-Help Set-Thing -Examples", ["EXAMPLE 1", "    Set-Thing -Name x"]),
    ("Get-Help Set-Thing -Parameter Kind", ["-Kind <String>", "Valid values: a, b", "Position?                    named"]),
    ("help Write-Output", ["Write-Output [-InputObject] <Object[]> [-NoEnumerate]", "ALIASES\n    echo", "partial help"]),
  ])
  func helpShows(_ command: String, _ fragments: [String]) {
    let (out, errors, _) = run(Self.function + command)
    #expect(errors.isEmpty)
    for f in fragments { #expect(out.contains(f), "\(command): missing \(f)\n\(out)") }
  }

  @Test func questionMarkShowsTheCommandsHelp() {
    let (out, errors, _) = run(Self.function + "Set-Thing -?")
    #expect(errors.isEmpty)
    #expect(out.contains("SYNOPSIS\n    Sets a thing."))
  }

  @Test func aboutTopicsComeFromTheHost() {
    let host = CapturingHost()
    let i = Interpreter(host: host)
    i.aboutTopics["about_widgets"] = "TOPIC\n    about_widgets\n"
    _ = i.runScript(Parser.parse("Get-Help about_Widgets; Get-Help about_nothing"))
    #expect(host.out == "TOPIC\n    about_widgets\n\n")
    #expect(host.errors.map(\.fullyQualifiedErrorId) == ["HelpNotFound,Microsoft.PowerShell.Commands.GetHelpCommand"])
  }

  @Test func helpForAnUnknownCommandIsAnError() {
    let (_, errors, _) = run("Get-Help No-SuchThing")
    #expect(errors == ["HelpNotFound,Microsoft.PowerShell.Commands.GetHelpCommand"])
  }

  @Test func progressAndClearAreSilentOffATerminal() {
    let (out, errors, _) = run("Write-Progress -Activity 'Copying' -Status 'half' -PercentComplete 50; Write-Progress -Activity x -Completed; cls; 'done'")
    #expect(out == "done\n")
    #expect(errors.isEmpty)
  }

  @Test func progressIsDrawnOnATerminalUnlessSilenced() {
    final class TerminalHost: HostInterface {
      var progress: [String?] = []
      func write(_ text: String) {}
      func writeError(_ record: ErrorRecord, concise: Bool) {}
      func writeStream(_ line: String) {}
      func writeProgress(_ line: String?) { progress.append(line) }
    }
    let host = TerminalHost()
    let i = Interpreter(host: host)
    _ = i.runScript(
      Parser.parse(
        "Write-Progress 'Copying' 'half' -PercentComplete 50; Write-Progress x -Completed; $ProgressPreference = 'SilentlyContinue'; Write-Progress 'hidden'"))
    #expect(host.progress == ["Copying: half [ooooooooooooooo               ] 50%", nil])
  }
}

/// Built-in declarations are parsed on first use; every one of them must parse.
struct BuiltinDeclarationTests {
  @Test func everyBuiltinDeclarationParses() {
    let i = Interpreter(host: CapturingHost())
    #expect(i.cmdlets.count >= 80)
    for (key, c) in i.cmdlets {
      #expect(c.metadata.name.lowercased() == key)
      #expect(c.name == c.metadata.name)
    }
  }
}
