import PSLanguage
import Testing

@testable import PSRuntime

/// Collects what the interpreter writes.
final class CapturingHost: HostInterface {
  var out = ""
  var errors: [ErrorRecord] = []
  var streams: [String] = []
  func write(_ text: String) { out += text }
  func writeError(_ record: ErrorRecord, concise: Bool) { errors.append(record) }
  func writeStream(_ line: String) { streams.append(line) }
}

/// Runs a script and returns (output, error ids, exit code).
func run(_ script: String) -> (out: String, errors: [String], code: Int32) {
  let host = CapturingHost()
  let interpreter = Interpreter(host: host)
  let parsed = Parser.parse(script)
  #expect(parsed.errors.isEmpty, "parse errors: \(parsed.errors)")
  let code = interpreter.runScript(parsed)
  return (host.out, host.errors.map(\.fullyQualifiedErrorId), code)
}

/// Whole statements and programs, one row each: the script and exactly what it prints.
struct InterpreterTests {
  @Test(arguments: [
    // Variables and scopes
    ("$a = 1; $b = $a; $b = 2; $a", "1\n"),
    ("$x = 1; function f { $x = 2; $x }; f; $x", "2\n1\n"),
    ("$x = 1; function f { $script:x = 5 }; f; $x", "5\n"),
    ("function f { $global:g = 'G' }; f; $g", "G\n"),
    ("$a = @(1,2); $b = $a; $b[0] = 9; $a[0]", "9\n"),
    ("[int]$n = '5'; $n = '7'; $n + 1", "8\n"),
    ("$a, $b, $c = 1, 2, 3, 4; $c -join ','", "3,4\n"),
    // [ref] to a variable changes the variable
    ("function f([ref]$r) { $r.Value = 5 }; $x = 1; f ([ref]$x); $x", "5\n"),
    ("function g { param([ref]$t) $t.Value += 1 }; $c = 10; g -t ([ref]$c); g ([ref]$c); $c", "12\n"),
    ("$y = 2; $r = [ref]$y; $r.Value = 9; $y; $y = 3; $r.Value", "9\n3\n"),
    ("[int]$t = 1; ([ref]$t).Value = '7'; $t.GetType().Name", "Int32\n"),
    ("$n = 0; $ok = [int]::TryParse('42', [ref]$n); \"$ok $n\"", "True 42\n"),
    ("$v = [ref]5; $v.Value = 6; $v.Value", "6\n"),
    ("$x = 1; function h { $r = [ref]$x; $r.Value = 2 }; h; $x", "2\n"),
    ("Set-Variable ro 1 -Option ReadOnly; try { ([ref]$ro).Value = 2 } catch { $_.Exception.Message }; $ro",
     "Cannot overwrite variable ro because it is read-only or constant.\n1\n"),
    ("$x = @(); $x.Count", "0\n"),
    ("$x = ,1; $x.Count", "1\n"),
    ("$h = @{}; $h.a = 1; $h['b'] = 2; $h.Count", "2\n"),
    ("$i = 5; $i++; $i--; ++$i; $i", "6\n"),
    ("$s = 'a'; $s += 'b'; $s *= 2; $s", "abab\n"),
    ("$n = $null; $n ??= 'd'; $n", "d\n"),
    ("$env:EFLOWSH_TEST_VAR = 'v1'; $env:EFLOWSH_TEST_VAR", "v1\n"),
    ("$env:ProgramFiles; $env:SystemRoot; $env:OS", "C:\\Program Files\nC:\\Windows\nWindows_NT\n"),
    // Control flow
    ("foreach ($i in 1..3) { if ($i -eq 2) { continue }; $i }", "1\n3\n"),
    ("$i = 0; while ($true) { $i++; if ($i -ge 3) { break } }; $i", "3\n"),
    ("for ($i = 0; $i -lt 3; $i++) { $i * 2 }", "0\n2\n4\n"),
    ("$i = 0; do { $i++ } until ($i -eq 4); $i", "4\n"),
    (":a foreach ($x in 1,2) { foreach ($y in 1,2) { if ($y -eq 2) { continue a }; \"$x$y\" } }", "11\n21\n"),
    ("switch (3) { 1 { 'one' } 3 { 'three' } default { 'd' } }", "three\n"),
    ("switch ('abc') { 'ABC' { 'ci' } }", "ci\n"),
    ("switch -CaseSensitive ('abc') { 'ABC' { 'cs' } default { 'none' } }", "none\n"),
    ("switch -Regex ('eth0') { '^eth(\\d)' { $Matches[1] } }", "0\n"),
    ("switch (1, 2, 3) { { $_ -gt 1 } { \"big $_\" } }", "big 2\nbig 3\n"),
    ("switch (1, 2) { 1 { 'a'; break } 2 { 'b' } }", "a\n"),
    ("if ($false) { 1 } elseif ($null) { 2 } else { 3 }", "3\n"),
    ("$true -and (Write-Output 'x')", "True\n"),
    ("$false -and (Write-Output 'side effect')", "False\n"),
    // Functions
    ("function Add($a, $b) { $a + $b }; Add 2 3", "5\n"),
    ("function f { param($n = 4) $n * 2 }; f; f -n 1", "8\n2\n"),
    ("function f { \"$($args.Count): $args\" }; f a b c", "3: a b c\n"),
    ("function f { return 1; 2 }; f", "1\n"),
    ("function f { 1; 2 }; $r = f; $r.Count", "2\n"),
    ("function f([switch]$Force) { $Force }; f; f -Force", "False\nTrue\n"),
    ("function f { param([Parameter(ValueFromPipeline)]$x) process { $x * 10 } }; 1, 2 | f", "10\n20\n"),
    ("function f { begin { 'b' } process { \"p$_\" } end { 'e' } }; 1, 2 | f", "b\np1\np2\ne\n"),
    ("filter double { $_ * 2 }; 1, 2, 3 | double", "2\n4\n6\n"),
    ("function f { $input | ForEachItem }; function ForEachItem { process { \"i$_\" } }; 7, 8 | f", "i7\ni8\n"),
    ("function f { $PSBoundParameters.Count }; function g($a) { $PSBoundParameters.Count }; g -a 1", "1\n"),
    ("$sb = { param($x) $x + 1 }; & $sb 41", "42\n"),
    ("function f($a, $b, $c) { \"$a-$b-$c\" }; $p = @{ b = 2 }; $q = @(3); f 1 @p @q", "1-2-3\n"),
    ("function f { param([Parameter(ValueFromPipelineByPropertyName)]$Name) process { \"n=$Name\" } }; [pscustomobject]@{ Name = 'eth0' } | f", "n=eth0\n"),
    ("$sb = { 'inside' }; $sb.Invoke()", "inside\n"),
    ("$y = 1; . { $y = 2 }; $y", "2\n"),
    ("$y = 1; & { $y = 2 }; $y", "1\n"),
    ("@(1, 2, 3).Where({ $_ -ge 2 }) -join ','", "2,3\n"),
    ("@(1, 2).ForEach({ $_ * 3 }) -join ','", "3,6\n"),
    // Strings, members and statics
    ("$n = 'eth0'; \"nic $n has $($n.Length) chars\"", "nic eth0 has 4 chars\n"),
    ("'a,b,c'.Split(',')[1]", "b\n"),
    ("[Math]::Max(3, 7)", "7\n"),
    ("[string]::IsNullOrEmpty('')", "True\n"),
    ("$ip = $null; [System.Net.IPAddress]::TryParse('10.0.0.5', [ref]$ip); \"$ip\"", "True\n10.0.0.5\n"),
    ("([ipaddress]'192.168.1.7').GetAddressBytes()[3]", "7\n"),
    ("$PSVersionTable.PSVersion.Major", "5\n"),
    ("$o = [pscustomobject]@{ Name = 'n1' }; $o.Name", "n1\n"),
    ("$objs = @([pscustomobject]@{ N = 1 }, [pscustomobject]@{ N = 2 }); $objs.N -join '+'", "1+2\n"),
    ("'{0}-{1:D3}' -f 'vm', 7", "vm-007\n"),
    ("$r = [regex]'eth(\\d+)'; $m = $r.Match('dev eth12 up'); \"$($m.Success) $($m.Groups[1].Value) $($m.Index)\"", "True 12 4\n"),
    ("[regex]::IsMatch('10.0.0.1', '^\\d+\\.'); [regex]::Replace('a-b', '-', '+'); [regex]::Escape('1.2')", "True\na+b\n1\\.2\n"),
    ("([regex]'ETH').IsMatch('eth0')", "False\n"),
    ("([regex]::Matches('a1b22c333', '\\d+')).Count", "3\n"),
    // Errors
    ("try { throw 'x' } catch { \"c:$_\" } finally { 'f' }", "c:x\nf\n"),
    ("try { [int]'abc' } catch [System.InvalidCastException] { 'cast' }", "cast\n"),
    ("try { try { throw 'in' } finally { 'inner finally' } } catch { \"outer $_\" }", "inner finally\nouter in\n"),
    ("try { Get-Nothing } catch { $_.FullyQualifiedErrorId }", "CommandNotFoundException\n"),
    ("try { throw 'a' } catch { try { throw } catch { \"rethrown $_\" } }", "rethrown a\n"),
    ("trap { 'trapped'; continue }; throw 'boom'; 'next'", "trapped\nnext\n"),
    ("$ErrorActionPreference = 'Stop'; try { Write-Error 'we' } catch { \"stop: $_\" }", "stop: we\n"),
    ("Write-Error 'soft'; $?", "False\n"),
    // `$?` after a call sees the call, not the commands inside it (about_Automatic_Variables)
    ("function f { Write-Error 'Bad' 2>$null; \"inside $?\" }; f; \"after $?\"", "inside False\nafter True\n"),
    ("function g { Get-Item /nope -ErrorAction SilentlyContinue }; g; $?", "True\n"),
    ("& { Get-Item /nope 2>$null }; $?", "True\n"),
    ("function r { [CmdletBinding()] param() try { Get-Item /nope -ErrorAction Stop } catch { $PSCmdlet.WriteError($_) } }; r 2>$null; $?", "False\n"),
    ("function o { [CmdletBinding()] param() function i { [CmdletBinding()] param() $PSCmdlet.WriteError((Write-Error x 2>&1)) }; i 2>$null; 'o' }; o; $?", "o\nTrue\n"),
    ("function t { [CmdletBinding()] param() $PSCmdlet.ThrowTerminatingError((Write-Error x 2>&1)) }; t 2>$null; $?", "False\n"),
    ("function f { Write-Error 'Bad' 2>$null }; f && 'chained'", "chained\n"),
    ("$Error.Clear; Get-Nothing; $Error.Count", "1\n"),    // Common parameters and $PSCmdlet
    ("function f { [CmdletBinding()] param() Write-Error 'e' }; f -ErrorAction SilentlyContinue; 'x'", "x\n"),
    ("function f { [CmdletBinding()] param() Write-Error 'e'; 'after' }; try { f -ErrorAction Stop } catch { 'caught' }", "caught\n"),
    ("function f { [CmdletBinding()] param() Write-Error 'e' }; f -ErrorAction SilentlyContinue; $Error.Count", "1\n"),
    ("function f { [CmdletBinding()] param() Write-Error 'e' }; f -ErrorAction Ignore; $Error.Count", "0\n"),
    ("function f { [CmdletBinding()] param() Write-Error 'e1'; Write-Error 'e2' }; f -ea SilentlyContinue -ErrorVariable ev; $ev.Count; $ev[1].Exception.Message", "2\ne2\n"),
    ("function f { [CmdletBinding()] param() Write-Error 'e1' }; f -ea Ignore -ev ev; f -ea Ignore -ErrorVariable +ev; $ev.Count", "2\n"),
    ("function f { [CmdletBinding()] param() Write-Error 'e1' }; function g { [CmdletBinding()] param() f -ea SilentlyContinue }; g -ErrorVariable gv; $gv.Count", "1\n"),
    ("function f { [CmdletBinding()] param() 1; 2 }; $null = f -OutVariable o; $o.Count", "2\n"),
    ("function f { [CmdletBinding()] param() 1; 2 }; f -OutVariable o; $o -join ','", "1\n2\n1,2\n"),
    ("function f { [CmdletBinding()] param() Write-Warning 'w' }; f -WarningAction SilentlyContinue -WarningVariable wv; $wv.Count", "1\n"),
    ("function f { [CmdletBinding()] param() Write-Verbose 'v' }; f; $VerbosePreference", "SilentlyContinue\n"),
    ("function f { [CmdletBinding()] param() $VerbosePreference; $DebugPreference }; f -Verbose -Debug", "Continue\nContinue\n"),
    ("function f { [CmdletBinding()] param() $ErrorActionPreference }; f -ErrorAction Stop; $ErrorActionPreference", "Stop\nContinue\n"),
    ("Write-Error 'b' -ErrorAction SilentlyContinue; 'x'; $Error.Count", "x\n1\n"),
    ("try { Write-Error 'b' -ErrorAction Stop } catch { \"caught $_\" }", "caught b\n"),
    ("Write-Error 'b' -ErrorVariable bv -ErrorAction Ignore; $bv.Count", "1\n"),
    ("Write-Output 5 -OutVariable wo; $wo.Count", "5\n1\n"),
    ("function Remove-Thing { [CmdletBinding(SupportsShouldProcess)] param($Name) if ($PSCmdlet.ShouldProcess($Name)) { \"removed $Name\" } }; Remove-Thing a -WhatIf; Remove-Thing b",
     "What if: Performing the operation \"Remove-Thing\" on target \"a\".\nremoved b\n"),
    ("function Remove-Thing { [CmdletBinding(SupportsShouldProcess)] param($Name) if ($PSCmdlet.ShouldProcess($Name, 'Delete')) { 'done' } }; Remove-Thing x -WhatIf",
     "What if: Performing the operation \"Delete\" on target \"x\".\n"),
    ("function Remove-Thing { [CmdletBinding(SupportsShouldProcess)] param($Name) $PSCmdlet.ShouldProcess($Name) }; $WhatIfPreference = $true; Remove-Thing y",
     "What if: Performing the operation \"Remove-Thing\" on target \"y\".\nFalse\n"),
    ("function Remove-Thing { [CmdletBinding(SupportsShouldProcess)] param($Name) $PSCmdlet.ShouldProcess($Name) }; Remove-Thing z -Confirm:$false", "True\n"),
    ("function f { [CmdletBinding()] param() $PSCmdlet.ParameterSetName; $PSCmdlet.MyInvocation.MyCommand.Name }; f", "__AllParameterSets\nf\n"),
    ("function f { [CmdletBinding()] param() try { throw 'boom' } catch { $PSCmdlet.WriteError($_) }; 'after' }; f -ea SilentlyContinue -ev ev; $ev[0].Exception.Message",
     "after\nboom\n"),
    ("function f { [CmdletBinding()] param() try { throw 'tt' } catch { $PSCmdlet.ThrowTerminatingError($_) }; 'not here' }; try { f } catch { \"caught $_\" }",
     "caught tt\n"),
    ("function f { [CmdletBinding()] param() try { throw 'tt' } catch { $PSCmdlet.ThrowTerminatingError($_) }; 'not here' }; f; 'next'", "next\n"),
    ("function s { $PSCmdlet -eq $null }; s", "True\n"),
  ])
  func program(_ script: String, _ expected: String) {
    let r = run(script)
    #expect(r.out == expected, "script: \(script)\nerrors: \(r.errors)")
  }

  @Test func statementTerminatingErrorsLetTheScriptContinue() {
    let r = run("'a'; 1 / 0; 'b'")
    #expect(r.out == "a\nb\n")
    #expect(r.errors == ["RuntimeException"])
    #expect(r.code == 0)
  }

  @Test func throwEndsTheScriptWithExitCodeOne() {
    let r = run("'a'; throw 'fatal'; 'b'")
    #expect(r.out == "a\n")
    #expect(r.errors == ["fatal"])
    #expect(r.code == 1)
  }

  @Test func exitCodes() {
    #expect(run("exit 7").code == 7)
    #expect(run("function f { exit 3 }; f; 'no'").code == 3)
    #expect(run("'done'").code == 0)
  }

  @Test func bindingErrorsUsePowerShellsIds() {
    #expect(run("function f { [CmdletBinding()] param($a) }; f -b 1").errors == ["NamedParameterNotFound,f"])
    // A simple function takes unknown names into $args, as in PowerShell.
    #expect(run("function f($a) { $args -join '|' }; f -b 1").out == "-b|1\n")
    #expect(run("function f { [CmdletBinding()] param([Parameter(Mandatory)]$a) }; f").errors == ["MissingMandatoryParameter,f"])
    #expect(run("function f { param([int]$n) $n }; f -n abc").errors == ["ParameterArgumentTransformationError,f"])
  }

  @Test func recursionIsBounded() {
    let r = run("function f { f }; f; 'after'")
    #expect(r.errors == ["CallDepthOverflow"])
    #expect(r.code == 1)
  }

  @Test func streamsFollowPreferences() {
    let host = CapturingHost()
    let interpreter = Interpreter(host: host)
    _ = interpreter.runScript(
      Parser.parse("Write-Warning 'w1'; Write-Verbose 'v1'; $VerbosePreference = 'Continue'; Write-Verbose 'v2'"))
    #expect(host.streams == ["WARNING: w1", "VERBOSE: v2"])
  }

  @Test func commonParametersDriveStreams() {
    let host = CapturingHost()
    let interpreter = Interpreter(host: host)
    _ = interpreter.runScript(
      Parser.parse(
        "function f { [CmdletBinding()] param() Write-Verbose 'v'; Write-Debug 'd' }; f; f -Verbose; f -Debug; Write-Verbose 'b' -Verbose; Write-Warning 'w' -WarningAction SilentlyContinue"
      ))
    #expect(host.streams == ["VERBOSE: v", "DEBUG: d", "VERBOSE: b"])
  }

  @Test func errorActionDecidesWhatIsShown() {
    let f = "function f { [CmdletBinding()] param() Write-Error 'e' }; "
    #expect(run(f + "f -ErrorAction SilentlyContinue; f -ErrorAction Ignore; 'x'").errors.isEmpty)
    #expect(run(f + "f; 'x'").errors.count == 1)
    #expect(run(f + "f -ErrorAction Stop; 'x'").code == 1)
    let t = run("function f { [CmdletBinding()] param() $PSCmdlet.ThrowTerminatingError('tt'); 'no' }; f; 'next'")
    #expect(t.out == "next\n")
    #expect(t.errors.count == 1)
  }

  @Test func writeHostJoinsWithTheSeparator() {
    #expect(run("Write-Host 1 2 3 -Separator ','; Write-Host 'x' -NoNewline; Write-Host 'y'").out == "1,2,3\nxy\n")
  }
}
