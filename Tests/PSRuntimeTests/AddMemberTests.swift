import Testing

@testable import PSRuntime

/// Add-Member: positional binding, the member types it adds, where the members show and the
/// errors PowerShell 5.1 gives.
struct AddMemberTests {
  static let obj = "$o = [pscustomobject]@{a = 1}; "

  @Test(arguments: [
    (obj + "$o | Add-Member NoteProperty b 2; $o.b", "2\n"),
    (obj + "Add-Member -InputObject $o NoteProperty x 1; $o.x", "1\n"),
    (obj + "$o | Add-Member b 2; $o.b", "2\n"),
    (obj + "$o | Add-Member -NotePropertyName x -NotePropertyValue 1; $o.x", "1\n"),
    (obj + "$o | Add-Member -NotePropertyMembers ([ordered]@{b = 1; c = 2}); $o.b + $o.c", "3\n"),
    (obj + "$o | Add-Member @{b = 5}; $o.b", "5\n"),
    (obj + "$o | Add-Member NoteProperty b; $null -eq $o.b", "True\n"),
    (obj + "$o | Add-Member -Type NoteProperty -Name b -Value 2; $o.b", "2\n"),
  ])
  func positionalBinding(_ script: String, _ expected: String) {
    let r = run(script)
    #expect(r.out == expected)
    #expect(r.errors == [])
  }

  @Test(arguments: [
    (obj + "$o | Add-Member ScriptProperty c { $this.a + 10 }; $o.c; $o.a = 5; $o.c", "11\n15\n"),
    (obj + "$o | Add-Member ScriptProperty c { $this.a } { param($v) $this.a = $v * 2 }; $o.c = 4; $o.a", "8\n"),
    (obj + "$o | Add-Member ScriptProperty c { $this.a } { $this.a = $args[0] }; $o.c = 'x'; $o.a", "x\n"),
    (obj + "$o | Add-Member ScriptMethod Twice { $this.a * 2 }; $o.Twice()", "2\n"),
    (obj + "$o | Add-Member ScriptMethod Add { param($x, $y) $this.a + $x + $y }; $o.Add(2, 3)", "6\n"),
    (obj + "$o | Add-Member ScriptMethod Count { $args.Count }; $o.Count(1, 2, 3)", "3\n"),
    (obj + "$o | Add-Member AliasProperty b a; $o.b; $o.b = 7; $o.a", "1\n7\n"),
    (obj + "$o | Add-Member AliasProperty s a ([string]); $o.s.GetType().Name", "String\n"),
    (obj + "$o | Add-Member ScriptProperty c { 2 }; $o | Add-Member AliasProperty d c; $o.d", "2\n"),
    (obj + "$o | Add-Member ScriptMethod ToString { 'mine' } -Force; $o.ToString()", "mine\n"),
    (obj + "$o | Add-Member NoteProperty a 9 -Force; $o.a", "9\n"),
    (obj + "$o | Add-Member ScriptProperty a { 3 } -Force; $o.a", "3\n"),
    (obj + "($o | Add-Member NoteProperty b 2 -PassThru).b", "2\n"),
    (obj + "$null -eq ($o | Add-Member NoteProperty b 2)", "True\n"),
    (obj + "$o | Add-Member -TypeName My.Thing; $o.psobject.TypeNames[0]", "My.Thing\n"),
    (obj + "$o | Add-Member ScriptProperty t { $this.GetType().Name }; $o.t", "PSCustomObject\n"),
    (obj + "$o | Add-Member ScriptProperty w { Write-Error 'quiet'; 4 }; $o.w", "4\n"),
  ])
  func memberTypes(_ script: String, _ expected: String) {
    let r = run(script)
    #expect(r.out == expected)
    #expect(r.errors == [])
  }

  static let mixed =
    obj
    + "$o | Add-Member ScriptProperty c { $this.a + 10 }; $o | Add-Member AliasProperty d a; $o | Add-Member NoteProperty e 5; $o | Add-Member ScriptMethod M { 1 }; "

  /// Where added members show: listings keep the order of addition and evaluate script properties.
  @Test(arguments: [
    (mixed + "\"$o\"", "@{a=1; c=11; d=1; e=5}\n"),
    (mixed + "$o | ConvertTo-Json -Compress", "{\"a\":1,\"c\":11,\"d\":1,\"e\":5}\n"),
    (mixed + "($o | Select-Object c, d | ConvertTo-Json -Compress)", "{\"c\":11,\"d\":1}\n"),
    (mixed + "($o | Select-Object * | ConvertTo-Json -Compress)", "{\"a\":1,\"c\":11,\"d\":1,\"e\":5}\n"),
    (mixed + "($o | Format-List | Out-String).Trim()", "a : 1\nc : 11\nd : 1\ne : 5\n"),
    (mixed + "($o, $o | Where-Object c -eq 11).Count", "2\n"),
    (mixed + "($o.psobject.Properties | % { $_.Name + ':' + $_.MemberType }) -join ' '", "a:NoteProperty c:ScriptProperty d:AliasProperty e:NoteProperty\n"),
    (mixed + "($o | Get-Member -MemberType ScriptProperty).Definition", "System.Object c {get= $this.a + 10 ;}\n"),
    (mixed + "($o | Get-Member d).Definition", "d = a\n"),
    (mixed + "($o | Get-Member M).Definition", "System.Object M();\n"),
    (mixed + "(($o | Get-Member -MemberType Properties) | % { $_.Name + ':' + $_.MemberType }) -join ' '", "d:AliasProperty a:NoteProperty e:NoteProperty c:ScriptProperty\n"),
    (obj + "$o | Add-Member ScriptProperty c {$this.a} {$this.a = $args[0]}; ($o | Get-Member c).Definition", "System.Object c {get=$this.a;set=$this.a = $args[0];}\n"),
  ])
  func listings(_ script: String, _ expected: String) {
    let r = run(script)
    #expect(r.out == expected)
    #expect(r.errors == [])
  }

  /// Errors: the FullyQualifiedErrorIds written and the output around them.
  @Test(arguments: [
    (obj + "$o | Add-Member NoteProperty a 2; $o.a", "1\n", ["MemberAlreadyExists,Add-Member"]),
    (obj + "$o | Add-Member ScriptProperty c { 1 }; $o | Add-Member NoteProperty c 2; $o.c", "1\n", ["MemberAlreadyExists,Add-Member"]),
    (obj + "$o | Add-Member ScriptProperty c { 1 }; $o.c = 2; 'next'", "next\n", ["SetWithoutSetterFromScriptProperty"]),
    (obj + "$o | Add-Member ScriptProperty c { throw 'boom' }; $o.c; 'next'", "next\n", ["ScriptGetValueRuntimeException"]),
    (obj + "$o | Add-Member ScriptProperty c { 1 } { throw 'no' }; $o.c = 2; 'next'", "next\n", ["ScriptSetValueRuntimeException"]),
    (obj + "$o | Add-Member ScriptMethod M { throw 'bad' }; $o.M(); 'next'", "next\n", ["ScriptMethodRuntimeException"]),
    (obj + "$o | Add-Member ScriptProperty r { $this.r }; $o.r; 'not reached'", "", ["CallDepthOverflow"]),
    (obj + "$o | Add-Member AliasProperty b nope; $o.b; 'next'", "next\n", ["AliasLookupMemberNotPresent"]),
    (obj + "$o | Add-Member AliasProperty x y; $o | Add-Member AliasProperty y x; $o.x; 'next'", "next\n", ["CycleInAliasLookup"]),
    (obj + "$o | Add-Member PropertySet P a", "", ["NotSupported,Add-Member"]),
    (obj + "$o | Add-Member CodeProperty P a", "", ["NotSupported,Add-Member"]),
    (obj + "$o | Add-Member Method M a", "", ["CannotAddMemberType,Add-Member"]),
    (obj + "$o | Add-Member ScriptMethod M", "", ["Value1ShouldBeSpecified,Add-Member"]),
    (obj + "$o | Add-Member ScriptMethod M 'text'", "", ["ConvertToFinalInvalidCastException,Add-Member"]),
    (obj + "$o | Add-Member NoteProperty b 1 2", "", ["Value2ShouldNotBeSpecified,Add-Member"]),
    (obj + "$o | Add-Member -MemberType Bogus -Name b -Value 1", "", ["CannotConvertArgumentNoMessage,Add-Member"]),
  ])
  func errors(_ script: String, _ out: String, _ ids: [String]) {
    let r = run(script)
    #expect(r.out == out)
    #expect(r.errors == ids)
  }

  @Test func errorMessagesAreWindowsPowerShells() {
    let cases = [
      (Self.obj + "$o | Add-Member ScriptProperty c { 1 }; try { $o.c = 2 } catch { $_.Exception.Message }",
        "Set accessor for property \"c\" is unavailable.\n"),
      (Self.obj + "$o | Add-Member ScriptProperty c { throw 'boom' }; try { $o.c } catch { $_.Exception.Message }",
        "Exception getting \"c\": \"boom\"\n"),
      (Self.obj + "$o | Add-Member ScriptMethod M { throw 'bad' }; try { $o.M(1) } catch { $_.Exception.Message }",
        "Exception calling \"M\" with \"1\" argument(s): \"bad\"\n"),
      (Self.obj + "try { $o | Add-Member NoteProperty a 2 } catch { $_.Exception.Message }",
        "Cannot add a member with the name \"a\" because a member with that name already exists. To overwrite the member anyway, add the Force parameter to your command.\n"),
    ]
    for (script, expected) in cases { #expect(run(script).out == expected) }
  }

  /// A plain object pays nothing for added members: its members stay note properties only.
  @Test func plainObjectsHaveNoAddedMembers() {
    let o = PSObject([("a", .int32(1))])
    o["b"] = .int32(2)
    #expect(o.addedMembers == nil)
    #expect(o.propertyValues.map(\.name) == ["a", "b"])
  }
}
