import PSLanguage
import Testing

@testable import PSRuntime

/// The object and utility cmdlets, one table per cmdlet: the script and exactly what it prints
/// (outputs are strings so the tables do not depend on the formatter).
struct ObjectCmdletTests {
  static let objs = "$o = [pscustomobject]@{Name='eth0';Mtu=1500;Up=$true},[pscustomobject]@{Name='eth1';Mtu=9000;Up=$false},[pscustomobject]@{Name='wlan0';Mtu=1500;Up=$true}; "

  @Test(arguments: [
    ("1..6 | Where-Object { $_ % 2 -eq 0 } | ForEach-Object { \"$_\" }", "2\n4\n6\n"),
    (objs + "($o | Where-Object Mtu -eq 1500).Name -join ','", "eth0,wlan0\n"),
    (objs + "($o | ? Mtu -gt 1500).Name", "eth1\n"),
    (objs + "($o | where Up).Name -join ','", "eth0,wlan0\n"),
    (objs + "($o | where Name -like 'ETH*').Name -join ','", "eth0,eth1\n"),
    (objs + "($o | where Name -clike 'ETH*').Count", "0\n"),
    (objs + "($o | where Name -match '^w').Name", "wlan0\n"),
    (objs + "($o | where Name -notmatch '^e').Name", "wlan0\n"),
    (objs + "($o | where Name -ceq 'ETH0').Count", "0\n"),
    (objs + "($o | where Name -in 'eth1','x').Name", "eth1\n"),
    (objs + "($o | where Name -notin 'eth1','eth0').Name", "wlan0\n"),
    (objs + "($o | where Mtu -ne 1500).Name", "eth1\n"),
    (objs + "($o | where Mtu -le 1500).Count", "2\n"),
    ("(@{a=1},@{a=2} | where { $_.a -ge 2 }).a", "2\n"),
    ("([pscustomobject]@{T='a','b'} | where T -contains 'b').T -join ','", "a,b\n"),
    ("(1, 'x', 2.5 | where { $_ -is [int] }) -join ','", "1\n"),
    ("$x = 5; 1..3 | where { $_ -lt $x } | measure | % Count", "3\n"),
  ])
  func whereObject(_ script: String, _ expected: String) {
    #expect(run(script).out == expected)
  }

  @Test(arguments: [
    ("1,2 | ForEach-Object -Begin { 'b' } -Process { \"p$_\" } -End { 'e' }", "b\np1\np2\ne\n"),
    ("1,2 | % { 'b' } { \"p$_\" } { 'e' }", "b\np1\np2\ne\n"),
    ("1,2 | % { 'b' } { \"p$_\" }", "b\np1\np2\n"),
    ("1,2 | % { \"a$_\" } { \"b$_\" } { \"c$_\" } { 'end' }", "a\nb1\nc1\nb2\nc2\nend\n"),
    ("$sum = 0; 1..4 | % { $sum += $_ }; $sum", "10\n"),
    ("'a,b', 'c' | % Split ',' | % { \"[$_]\" }", "[a]\n[b]\n[c]\n"),
    ("'abc', 'de' | % Length", "3\n2\n"),
    ("'abc' | ForEach-Object -MemberName Substring -ArgumentList 1", "bc\n"),
    ("'x' | % ToUpper", "X\n"),
    ("1..3 | % { if ($_ -eq 2) { return }; $_ }", "1\n3\n"),
    ("% -Process { 'no input' }", "no input\n"),
    ("function f { process { \"f$_\" } }; 1,2 | % { $_ * 10 } | f", "f10\nf20\n"),
  ])
  func forEachObject(_ script: String, _ expected: String) {
    #expect(run(script).out == expected)
  }

  @Test(arguments: [
    ("(1..10 | Select-Object -First 3) -join ','", "1,2,3\n"),
    ("(1..10 | select -Last 2) -join ','", "9,10\n"),
    ("(1..10 | select -Skip 8) -join ','", "9,10\n"),
    ("(1..10 | select -Skip 2 -First 2) -join ','", "3,4\n"),
    ("(1..10 | select -Skip 2 -Last 2) -join ','", "7,8\n"),
    ("(1..10 | select -First 2 -Last 2) -join ','", "1,2,9,10\n"),
    ("(1..5 | select -SkipLast 2) -join ','", "1,2,3\n"),
    ("(10..20 | select -Index 0, 3, 5) -join ','", "10,13,15\n"),
    ("(1, 1, 2, 'a', 'A', 'a' | select -Unique) -join ','", "1,2,a,A\n"),
    ("(1..3 | select -First 0).Count", "0\n"),
    // -First stops the commands before it: an endless generator finishes.
    ("function gen { $i = 0; while ($true) { $i++; $i } }; (gen | Select-Object -First 3) -join ','", "1,2,3\n"),
    ("$n = 0; 1..100 | % { $n++; $_ } | select -First 2 | Out-Null; $n", "2\n"),
    ("$n = 0; 1..5 | % { $n++; $_ } | select -First 2 -Wait | Out-Null; $n", "5\n"),
    ("function g { begin { 'b' } process { $_ } end { 'e' } }; (1..9 | g | select -First 2) -join ','", "b,1\n"),
    // Properties
    (objs + "$s = $o | select Name, Mtu; $s[0].PSObject.TypeNames[0]; \"$($s[1])\"", "Selected.System.Management.Automation.PSCustomObject\n@{Name=eth1; Mtu=9000}\n"),
    (objs + "\"$($o[0] | select N*, @{Name='Jumbo'; Expression={ $_.Mtu -gt 1500 }})\"", "@{Name=eth0; Jumbo=False}\n"),
    (objs + "\"$($o[1] | select @{n='M'; e='Mtu'}, @{l='U'; e={ -not $_.Up }})\"", "@{M=9000; U=True}\n"),
    (objs + "\"$($o[0] | select * -ExcludeProperty Up)\"", "@{Name=eth0; Mtu=1500}\n"),
    (objs + "\"$($o[0] | select -ExcludeProperty Mtu)\"", "@{Name=eth0; Up=True}\n"),
    (objs + "\"$($o[0] | select Name, Missing)\"", "@{Name=eth0; Missing=}\n"),
    (objs + "($o | select -ExpandProperty Name) -join ','", "eth0,eth1,wlan0\n"),
    (objs + "($o | select -ExpandProperty Mtu -Unique) -join ','", "1500,9000\n"),
    ("([pscustomobject]@{L=1,2,3} | select -ExpandProperty L) -join ','", "1,2,3\n"),
    ("\"$('hello' | select Length)\"", "@{Length=5}\n"),
    ("\"$(@{a=1} | select a, Count)\"", "@{a=; Count=1}\n"),
    ("(\"$([pscustomobject]@{a=1} | select {$_.a + 1})\")", "@{$_.a + 1=2}\n"),
  ])
  func selectObject(_ script: String, _ expected: String) {
    #expect(run(script).out == expected)
  }

  @Test(arguments: [
    ("(3, 1, 2 | Sort-Object) -join ','", "1,2,3\n"),
    ("(10, 9, 100 | sort) -join ','", "9,10,100\n"),
    ("('b', 'A', 'c', 'a' | sort) -join ','", "A,a,b,c\n"),
    ("('b', 'A', 'c' | sort -Descending) -join ','", "c,b,A\n"),
    ("('b', 'a', 'B', 'A' | sort -Unique) -join ','", "a,b\n"),
    ("(3, 1, 3, 2, 1 | sort -Unique) -join ','", "1,2,3\n"),
    ("($null, 2, 1 | sort | % { \"[$_]\" }) -join ''", "[][1][2]\n"),
    (objs + "($o | sort Mtu, Name -Descending).Name -join ','", "eth1,wlan0,eth0\n"),
    (objs + "($o | sort Mtu).Name -join ','", "eth0,wlan0,eth1\n"),
    (objs + "($o | sort @{Expression='Mtu'; Descending=$true}, @{Expression='Name'; Ascending=$true}).Name -join ','", "eth1,eth0,wlan0\n"),
    (objs + "($o | sort { $_.Name.Length }, Name).Name -join ','", "eth0,eth1,wlan0\n"),
    ("('a10', 'a9', 'a1' | sort) -join ','", "a1,a10,a9\n"),
    ("([datetime]'2024-02-01', [datetime]'2023-01-01' | sort)[0].Year", "2023\n"),
    ("('x', 'X' | sort -CaseSensitive) -join ','", "x,X\n"),
  ])
  func sortObject(_ script: String, _ expected: String) {
    #expect(run(script).out == expected)
  }

  @Test(arguments: [
    (objs + "$o | Group-Object Mtu | % { \"$($_.Name)=$($_.Count):$($_.Group.Name -join '+')\" }", "1500=2:eth0+wlan0\n9000=1:eth1\n"),
    ("'a', 'B', 'b', 'A', 'c' | group | % { \"$($_.Name)$($_.Count)\" }", "a2\nB2\nc1\n"),
    ("'a', 'B', 'b' | group -CaseSensitive | % { \"$($_.Name)$($_.Count)\" }", "a1\nB1\nb1\n"),
    ("(1..5 | group { $_ % 2 } -NoElement | % { $_.PSObject.Properties.Name -join ',' })[0]", "Count,Name\n"),
    ("$h = 1..5 | group { $_ % 2 } -AsHashTable; $h[1] -join ','; $h[0] -join ','", "1,3,5\n2,4\n"),
    ("$h = 'x', 'y', 'x' | group -AsHashTable -AsString; $h['x'].Count", "2\n"),
    (objs + "$o | group Mtu, Up | % Name", "1500, True\n9000, False\n"),
  ])
  func groupObject(_ script: String, _ expected: String) {
    #expect(run(script).out == expected)
  }

  @Test(arguments: [
    ("$m = 1..4 | Measure-Object; \"$($m.Count)|$($m.Sum)|$($m.Average)\"", "4||\n"),
    ("$m = 1..4 | measure -Sum -Average -Maximum -Minimum; \"$($m.Count) $($m.Sum) $($m.Average) $($m.Maximum) $($m.Minimum)\"", "4 10 2.5 4 1\n"),
    (objs + "$m = $o | measure Mtu -Sum -Maximum; \"$($m.Property) $($m.Sum) $($m.Maximum)\"", "Mtu 12000 9000\n"),
    ("(1..4 | measure -Sum).Sum.GetType().Name", "Double\n"),
    ("(1..4 | measure).PSObject.TypeNames[0]", "Microsoft.PowerShell.Commands.GenericMeasureInfo\n"),
    ("$m = 'one two', 'three' | measure -Line -Word -Character; \"$($m.Lines) $($m.Words) $($m.Characters)\"", "2 3 12\n"),
    ("$m = 'b', 'a', 'c' | measure -Maximum -Minimum; \"$($m.Maximum)$($m.Minimum)\"", "ca\n"),
    ("(@() | measure).Count", "0\n"),
  ])
  func measureObject(_ script: String, _ expected: String) {
    #expect(run(script).out == expected)
  }

  @Test(arguments: [
    ("(1..3 | Tee-Object -Variable t | % { $_ * 2 }) -join ','; $t -join ','", "2,4,6\n1,2,3\n"),
    ("1 | tee -Variable one | Out-Null; $one.Count", "1\n"),
    ("(Compare-Object 1,2,3 2,3,4 | % { \"$($_.InputObject)$($_.SideIndicator)\" }) -join ' '", "4=> 1<=\n"),
    ("(Compare-Object 1,2,3 2,3,4 -IncludeEqual | % { \"$($_.InputObject)$($_.SideIndicator)\" }) -join ' '", "2== 3== 4=> 1<=\n"),
    ("(Compare-Object 1,2,3 2,3,4 -IncludeEqual -ExcludeDifferent | % SideIndicator) -join ' '", "== ==\n"),
    ("(Compare-Object 'a','B' 'A','b').Count", "0\n"),
    ("(Compare-Object 'a' 'A' -CaseSensitive).Count", "2\n"),
    ("(Compare-Object 1,2 2,3 -PassThru) -join ','", "3,1\n"),
    ("(2, 3 | Compare-Object -ReferenceObject 1, 2 | % { \"$($_.InputObject)$($_.SideIndicator)\" }) -join ' '", "3=> 1<=\n"),
    (objs + "(Compare-Object $o[0] $o[2] -Property Mtu -IncludeEqual | % { \"$($_.Mtu)$($_.SideIndicator)\" })", "1500==\n"),
  ])
  func teeAndCompare(_ script: String, _ expected: String) {
    #expect(run(script).out == expected)
  }

  @Test(arguments: [
    ("$o = New-Object PSObject -Property @{ A = 1 }; \"$o\"", "@{A=1}\n"),
    ("$o = New-Object -TypeName PSCustomObject; $o | Add-Member -MemberType NoteProperty -Name B -Value 2; $o.B", "2\n"),
    ("$o = [pscustomobject]@{}; $o | Add-Member -NotePropertyName N -NotePropertyValue 5; $o.N + 1", "6\n"),
    ("$o = [pscustomobject]@{}; $r = $o | Add-Member -NotePropertyMembers @{ X = 1 } -PassThru; \"$r\"", "@{X=1}\n"),
    ("$o = [pscustomobject]@{ A = 1 }; $o | Add-Member -NotePropertyName A -NotePropertyValue 2 -Force; $o.A", "2\n"),
    ("$o = [pscustomobject]@{}; $o | Add-Member -MemberType NoteProperty -Name A -Value 1 -TypeName My.Type; $o.PSObject.TypeNames[0]", "My.Type\n"),
    ("(New-Object hashtable).Count", "0\n"),
    ("(New-Object -TypeName DateTime -ArgumentList 2024, 1, 2).Day", "2\n"),
    ("(New-Object System.Version 1, 2).Minor", "2\n"),
    ("New-Object int", "0\n"),
    ("[pscustomobject]@{ A = 1; B = 'x' } | Get-Member | % { \"$($_.Name):$($_.MemberType):$($_.Definition)\" }", "Equals:Method:bool Equals(System.Object obj)\nGetHashCode:Method:int GetHashCode()\nGetType:Method:type GetType()\nToString:Method:string ToString()\nA:NoteProperty:int A=1\nB:NoteProperty:string B=x\n"),
    ("([pscustomobject]@{ A = 1 }, [pscustomobject]@{ B = 1 } | gm -MemberType NoteProperty).Name -join ','", "A\n"),
    ("([pscustomobject]@{ Abc = 1; Abd = 2; X = 3 } | gm -Name Ab*).Name -join ','", "Abc,Abd\n"),
    ("([pscustomobject]@{ A = $null } | gm A).Definition", "object A=null\n"),
    ("('s' | gm -MemberType Property).Definition", "int Length {get;}\n"),
    ("('s' | gm)[0].TypeName", "System.String\n"),
  ])
  func objectsAndMembers(_ script: String, _ expected: String) {
    #expect(run(script).out == expected)
  }

  @Test(arguments: [
    ("Get-Date -Date '2024-01-02T10:20:30' -Format 'yyyy-MM-dd HH:mm:ss'", "2024-01-02 10:20:30\n"),
    ("Get-Date -Date '2024-01-02T10:20:30' -UFormat '%Y/%m/%d %H:%M:%S %j %a %b %A %B %y %p %I'", "2024/01/02 10:20:30 002 Tue Jan Tuesday January 24 AM 10\n"),
    ("Get-Date -Date '2024-01-02T10:20:30' -UFormat '%s %u %w %D %T %R %%'", "1704190830 2 2 01/02/24 10:20:30 10:20 %\n"),
    ("Get-Date -Date '2024-03-04T05:06:07.1234' -Format FileDateTime", "20240304T0506071234\n"),
    ("Get-Date -Date '2024-03-04' -Format FileDate", "20240304\n"),
    ("(Get-Date -Date '2024-01-31' -Month 2 -Day 30).ToString('yyyy-MM-dd')", "2024-03-01\n"),
    ("(Get-Date -Date '2024-01-02' -Year 2020 -Hour 13 -Minute 14 -Second 15 -Millisecond 16).ToString('yyyy-MM-dd HH:mm:ss.fff')", "2020-01-02 13:14:15.016\n"),
    ("([pscustomobject]@{ LastWriteTime = [datetime]'2021-05-06' } | Get-Date).Year", "2021\n"),
    ("(Get-Date).GetType().Name", "DateTime\n"),
    ("(New-TimeSpan -Start '2024-01-01' -End '2024-01-03').TotalHours", "48\n"),
    ("(New-TimeSpan -Days 1 -Hours 2 -Minutes 3 -Seconds 4).ToString()", "1.02:03:04\n"),
    ("(New-TimeSpan -Minutes 90).TotalHours", "1.5\n"),
    ("$d = Get-Date; (New-TimeSpan -End $d.AddDays(1)).Days", "0\n"),
  ])
  func dates(_ script: String, _ expected: String) {
    #expect(run(script).out == expected)
  }

  @Test(arguments: [
    ("Set-Variable x 5; $x", "5\n"),
    ("New-Variable y -Value 'v'; Get-Variable y -ValueOnly", "v\n"),
    ("$abc1 = 1; $abc2 = 2; (Get-Variable abc* | % Name) -join ','", "abc1,abc2\n"),
    ("$q = 1; (Get-Variable q).Value; Clear-Variable q; $null -eq $q", "1\nTrue\n"),
    ("$r = 1; Remove-Variable r; $null -eq $r", "True\n"),
    ("function f { Set-Variable z 3 -Scope 1; Set-Variable g 4 -Scope Global; Set-Variable s 5 -Scope Script }; f; \"$z $g $s\"", "3 4 5\n"),
    ("function f { $l = 'inner'; Get-Variable l -Scope 0 -ValueOnly }; f", "inner\n"),
    ("1, 2 | Set-Variable p; $p -join ','", "1,2\n"),
    ("Set-Variable ro 1 -Option ReadOnly; Set-Variable ro 2 -Force; $ro", "2\n"),
    ("Set-Variable ro 1 -Option ReadOnly; Remove-Variable ro -Force; $null -eq $ro", "True\n"),
    ("New-Variable k 1 -Option ReadOnly; (Get-Variable k).Options", "ReadOnly\n"),
    ("$v = New-Variable pt 9 -PassThru; $v.Name + $v.Value", "pt9\n"),
    ("Set-Variable x 1 -Option ReadOnly; Set-Variable x -Option None -Force; $x = 2; $x", "2\n"),
  ])
  func variables(_ script: String, _ expected: String) {
    #expect(run(script).out == expected)
  }

  /// Errors: the FullyQualifiedErrorIds written, in order (and the output before and after).
  @Test(arguments: [
    ("Set-Variable x 5 -Option ReadOnly; $x = 6; Set-Variable x 7; $x", "5\n", ["VariableNotWritable", "VariableNotWritable,Set-Variable"]),
    ("New-Variable c 1 -Option Constant; Set-Variable c 2 -Force; Remove-Variable c -Force; $c", "1\n", ["VariableNotWritable,Set-Variable", "VariableNotRemovable,Remove-Variable"]),
    ("New-Variable n 1; New-Variable n 2; $n", "1\n", ["VariableAlreadyExists,New-Variable"]),
    ("Get-Variable nosuch; Remove-Variable nosuch; Clear-Variable nosuch; 'x'", "x\n", ["VariableNotFound,Get-Variable", "VariableNotFound,Remove-Variable", "VariableNotFound,Clear-Variable"]),
    ("Remove-Variable true; $true", "True\n", ["VariableNotRemovable,Remove-Variable"]),
    ("$a = 1; Set-Variable a 2 -Option Constant; $a", "1\n", ["VariableCannotBeMadeConstant,Set-Variable"]),
    ("Read-Host 'Name'; 'after'", "after\n", ["InvalidOperation,Read-Host"]),
    ("New-Object Foo.Bar; 'after'", "after\n", ["TypeNotFound,New-Object"]),
    ("New-Object System.Text.StringBuilder", "", ["NotSupported,New-Object"]),
    ("New-Object -ComObject Shell.Application", "", ["NotSupported,New-Object"]),
    ("$o = [pscustomobject]@{ A = 1 }; $o | Add-Member -NotePropertyName A -NotePropertyValue 2; $o.A", "1\n", ["MemberAlreadyExists,Add-Member"]),
    ("[pscustomobject]@{} | Add-Member -MemberType CodeMethod -Name M -Value { 1 }", "", ["NotSupported,Add-Member"]),
    ("[pscustomobject]@{} | Add-Member -MemberType Bogus -Name M -Value 1", "", ["CannotConvertArgumentNoMessage,Add-Member"]),
    ("'text' | Add-Member -NotePropertyName M -NotePropertyValue 1", "", ["NotSupported,Add-Member"]),
    ("Get-Random -Minimum 5 -Maximum 5", "", ["MinGreaterThanOrEqualMax,Get-Random"]),
    ("Get-Random -Maximum 0", "", ["MinGreaterThanOrEqualMax,Get-Random"]),
    ("iex '1 +'; 'after'", "after\n", ["ExpectedValueExpression,Invoke-Expression"]),
    ("[pscustomobject]@{ A = 1 } | select -ExpandProperty B; 'after'", "after\n", ["ExpandPropertyNotFound,Select-Object"]),
    ("[pscustomobject]@{ A = 1 } | select @{ Nmae = 'x'; e = 'A' }", "", ["DictionaryKeyIllegal,Select-Object"]),
    ("1, 2 | measure Nope", "", ["GenericMeasurePropertyNotFound,Measure-Object"]),
    ("'a', 1 | measure -Sum | % Sum", "1\n", ["NonNumericInputObject,Measure-Object"]),
    ("Get-Member", "", ["NoObjectInGetMember,Get-Member"]),
    ("Set-StrictMode -Version 1; $nope; 'after'", "after\n", ["VariableIsUndefined"]),
    ("Set-StrictMode -Version 4", "", ["ParameterArgumentValidationError,Set-StrictMode"]),
    ("Get-Date -DisplayHint Date", "", ["NotSupported,Get-Date"]),
  ])
  func errors(_ script: String, _ out: String, _ ids: [String]) {
    let r = run(script)
    #expect(r.out == out)
    #expect(r.errors == ids)
  }

  @Test(arguments: [
    ("iex '$q = 40 + 2'; $q", "42\n"),
    ("iex 'function hi { \"hi\" }'; hi", "hi\n"),
    ("'1 + 1', '2 * 3' | Invoke-Expression", "2\n6\n"),
    ("function f { iex '$local = 1'; $local }; f; $null -eq $local", "1\nTrue\n"),
    ("Set-StrictMode -Version 1; \"[$unset]\"", "[]\n"),
    ("Set-StrictMode -Version 1; Set-StrictMode -Off; \"[$unset]\"; $null -eq $unset", "[]\nTrue\n"),
    ("function f { Set-StrictMode -Version Latest }; f; $null -eq $unset", "True\n"),
    ("Set-StrictMode -Version 2.0; $x = 1; $x", "1\n"),
    ("Get-ExecutionPolicy", "Bypass\n"),
    ("Set-ExecutionPolicy RemoteSigned -Scope Process -Force; Get-ExecutionPolicy; Get-ExecutionPolicy -Scope LocalMachine", "RemoteSigned\nUndefined\n"),
    ("(Get-ExecutionPolicy -List | % { \"$($_.Scope)=$($_.ExecutionPolicy)\" }) -join ' '", "MachinePolicy=Undefined UserPolicy=Undefined Process=Bypass CurrentUser=Undefined LocalMachine=Undefined\n"),
    ("(Get-Host).Name; (Get-Host).Version.Major", "ConsoleHost\n5\n"),
    ("(Get-Random -InputObject 7)", "7\n"),
    ("(1..5 | Get-Random -Count 10 | sort) -join ','", "1,2,3,4,5\n"),
    ("$r = Get-Random -Minimum 10 -Maximum 12; $r -ge 10 -and $r -lt 12", "True\n"),
    ("(Get-Random -Minimum 1.5 -Maximum 2.0).GetType().Name", "Double\n"),
    ("(Get-Random -Maximum ([long]5000000000)).GetType().Name", "Int64\n"),
    ("$a = Get-Random -SetSeed 7; $b = Get-Random -SetSeed 7; $a -eq $b", "True\n"),
  ])
  func sessionCmdlets(_ script: String, _ expected: String) {
    #expect(run(script).out == expected)
  }

  @Test func seededSessionsRepeatTheirNumbers() {
    func numbers(_ seed: UInt64) -> String {
      let host = CapturingHost()
      let interp = Interpreter(host: host)
      interp.randomSeed = seed
      _ = interp.runScript(Parser.parse("(1..5 | % { Get-Random -Maximum 1000 }) -join ','; (1..9 | Get-Random -Count 9) -join ','"))
      return host.out
    }
    #expect(numbers(1) == numbers(1))
    #expect(numbers(1) != numbers(2))
  }

  @Test func simulatedTimeAdvancesTheSessionClockWithoutWaiting() {
    let host = CapturingHost()
    let interp = Interpreter(host: host)
    interp.simulatedTime = true
    let script = """
      $start = Get-Date
      $deadline = $start.AddMinutes(10)
      $polls = 0
      while ((Get-Date) -lt $deadline) { $polls++; Start-Sleep -Seconds 30 }
      Start-Sleep -Milliseconds 1500
      "$polls $([int]((Get-Date) - $start).TotalSeconds) $([int](New-TimeSpan -Start $start).TotalSeconds)"
      # The real clock did not move with it: the session clock is ahead of [DateTime]::Now.
      ((Get-Date) - [DateTime]::Now).TotalSeconds -ge 600
      """
    _ = interp.runScript(Parser.parse(script))
    #expect(host.out == "20 602 602\nTrue\n")
  }

  @Test func startSleepWaitsWhenTimeIsReal() {
    let r = run("$s = [DateTime]::UtcNow; Start-Sleep -Milliseconds 50; (([DateTime]::UtcNow - $s).TotalMilliseconds -ge 50)")
    #expect(r.out == "True\n")
  }
}
