import PSLanguage
import Testing

@testable import PSRuntime

/// `Set-StrictMode -Version 2` and later: the property and index rules, as 5.1 applies them.
struct StrictModeTests {
  static let o = "$o = [pscustomobject]@{ a = 1; n = $null }; "

  @Test(arguments: [
    // Version 2: a property the object lacks is an error; what it has is read as usual.
    (o + "Set-StrictMode -Version 2.0; $o.a; $o.zz; 'after'", "1\nafter\n", ["PropertyNotFoundStrict"]),
    (o + "Set-StrictMode -Version Latest; $o.zz", "", ["PropertyNotFoundStrict"]),
    (o + "Set-StrictMode -Version Latest; $null -eq $o.n; $o.psobject.Properties.Count", "True\n2\n", []),
    // The error ends the statement inside `$()` only.
    (o + "Set-StrictMode -Version Latest; \"[$($o.zz)]\"", "[]\n", ["PropertyNotFoundStrict"]),
    (o + "Set-StrictMode -Version Latest; $o.a.zz", "", ["PropertyNotFoundStrict"]),
    (o + "Set-StrictMode -Version 1; $null -eq $o.zz", "True\n", []),
    (o + "$null -eq $o.zz", "True\n", []),
    // $null has no properties, not even Count (5.1 lends Count and Length only outside strict mode).
    ("Set-StrictMode -Version 2; $n = $null; $n.x", "", ["PropertyNotFoundStrict"]),
    ("Set-StrictMode -Version 2; $n = $null; $n.Count", "", ["PropertyNotFoundStrict"]),
    ("Set-StrictMode -Version 2; (5).Count; (5).Length; 'abc'.Count", "", Array(repeating: "PropertyNotFoundStrict", count: 3)),
    (o + "Set-StrictMode -Version 2; $o.Count", "", ["PropertyNotFoundStrict"]),
    ("Set-StrictMode -Version 2; 'abc'.Length; @(1, 2).Count; @(1, 2).Length; @().Count", "3\n2\n2\n0\n", []),
    ("Set-StrictMode -Version 2; $l = [System.Collections.ArrayList]@(1); $l.Count", "1\n", []),
    // Hashtables: a key or a member; dot notation on a missing key is an error, indexing is not.
    ("Set-StrictMode -Version 2; $h = @{ k = 1 }; $h.k; $h.Count; $h.Keys; $null -eq $h['nope']", "1\n1\nk\nTrue\n", []),
    ("Set-StrictMode -Version 2; $h = @{ k = 1 }; $h.nope", "", ["PropertyNotFoundStrict"]),
    // Member enumeration: every element must have the member.
    ("Set-StrictMode -Version 2; @([pscustomobject]@{ p = 1 }, [pscustomobject]@{ p = 2 }).p", "1\n2\n", []),
    ("Set-StrictMode -Version 2; @([pscustomobject]@{ p = 1 }, [pscustomobject]@{ q = 2 }).p", "", ["PropertyNotFoundStrict"]),
    ("Set-StrictMode -Version 2; 'ab', 'c' | % { $_.Length }", "2\n1\n", []),
    // The members every value has, and the .NET-like values eflowsh emulates.
    ("Set-StrictMode -Version 2; $null = (1).psobject, (1).pstypenames; (Get-Date -Year 2024 -Month 5 -Day 1).Year", "2024\n", []),
    ("Set-StrictMode -Version 2; ([version]'1.2.3').Minor; ([ipaddress]'10.0.0.1').AddressFamily", "2\nInterNetwork\n", []),
    ("Set-StrictMode -Version 2; try { throw 'x' } catch { $_.Exception.Message; $_.FullyQualifiedErrorId }", "x\nx\n", []),
    // The error: statement-terminating, a PropertyNotFoundException (a RuntimeException).
    (o + "Set-StrictMode -Version 2; try { $o.zz } catch [System.Management.Automation.PropertyNotFoundException] { 'typed' }", "typed\n", []),
    (o + "Set-StrictMode -Version 2; try { $o.zz } catch [System.Management.Automation.RuntimeException] { 'base' }", "base\n", []),
    // Scopes: a function's setting ends with it; -Off in a function lifts it only there.
    (o + "function f { Set-StrictMode -Version 2; $o.zz }; f; $null -eq $o.zz", "True\n", ["PropertyNotFoundStrict"]),
    (o + "Set-StrictMode -Version 2; function f { Set-StrictMode -Off; $null -eq $o.zz }; f; $o.zz", "True\n", ["PropertyNotFoundStrict"]),
    (o + "Set-StrictMode -Version 2; & { $o.zz }", "", ["PropertyNotFoundStrict"]),
    // Version 3: an index out of bounds is an error, in a slice too; version 2 lets it be $null.
    ("$a = 1, 2; Set-StrictMode -Version 2; $null -eq $a[5]; $a[0, 5]", "True\n1\n", []),
    ("$a = 1, 2; Set-StrictMode -Version 3; $a[1]; $a[-2]; $a[2]; 'after'", "2\n1\nafter\n", ["System.IndexOutOfRangeException"]),
    ("$a = 1, 2; Set-StrictMode -Version Latest; $a[-3]", "", ["System.IndexOutOfRangeException"]),
    ("$a = 1, 2; Set-StrictMode -Version Latest; $a[0, 5]", "", ["System.IndexOutOfRangeException"]),
    ("Set-StrictMode -Version Latest; 'abc'[2]; 'abc'[3]", "c\n", ["System.IndexOutOfRangeException"]),
    ("Set-StrictMode -Version Latest; $l = [System.Collections.ArrayList]@(1); $l[1]", "", ["System.ArgumentOutOfRangeException"]),
    ("Set-StrictMode -Version Latest; (5)[0]; (5)[-1]; (5)[1]", "5\n5\n", ["CannotIndex"]),
    ("Set-StrictMode -Version Latest; $h = @{ k = 1 }; $null -eq $h['nope']", "True\n", []),
    ("$a = 1, 2; Set-StrictMode -Version Latest; try { $a[9] } catch [System.IndexOutOfRangeException] { 'typed' }", "typed\n", []),
  ] as [(String, String, [String])])
  func rules(_ script: String, _ out: String, _ errors: [String]) {
    let r = run(script)
    #expect(r.out == out, "\(script)")
    #expect(r.errors == errors, "\(script)")
  }

  @Test func messagesAreFiveOnesWords() {
    let host = CapturingHost()
    let interpreter = Interpreter(host: host)
    _ = interpreter.runScript(
      Parser.parse("Set-StrictMode -Version Latest; $o = [pscustomobject]@{ a = 1 }; $o.zz; $a = @(1); $a[4]"))
    #expect(
      host.errors.map(\.message) == [
        "The property 'zz' cannot be found on this object. Verify that the property exists.",
        "Index was outside the bounds of the array.",
      ])
    #expect(host.errors.map(\.category) == [.notSpecified, .operationStopped])
  }
}
