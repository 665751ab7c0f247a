import PSLanguage
import Testing

@testable import PSRuntime

/// Out-Default, Format-*, Out-String: objects in, exactly the text Windows PowerShell 5.1
/// prints (at 120 columns, as without a console).
struct FormattingTests {
  @Test(arguments: [
    // Scalars one per line; $null prints nothing.
    ("'a'; 1; $true; $null; 2.5", "a\n1\nTrue\n2.5\n"),
    // Up to four properties: a table, framed by a blank line before and two after.
    ("[pscustomobject]@{a=1;b='x'}", "\na b\n- -\n1 x\n\n\n"),
    // Five or more: a list.
    ("[pscustomobject]@{a=1;b=2;c=3;d=4;e=5}", "\n\na : 1\nb : 2\nc : 3\nd : 4\ne : 5\n\n\n\n"),
    // Hashtables: Name (30 wide) and Value.
    ("@{k='v'}", "\nName                           Value\n----                           -----\nk                              v\n\n\n"),
    ("@{}", ""),
    (
      "@{('k' * 35)=1}",
      "\nName                           Value\n----                           -----\n\("k" + String(repeating: "k", count: 26))... 1\n\n\n"
    ),
    // Numbers and Booleans right-aligned, headers and dashes too.
    ("[pscustomobject]@{ok=$true; n=10}", "\n  ok  n\n  --  -\nTrue 10\n\n\n"),
    // Cells: $null empty, collections {…} up to four items, nested objects @{…}, hashtables their keys.
    ("[pscustomobject]@{a=$null;b=1}", "\na b\n- -\n  1\n\n\n"),
    ("[pscustomobject]@{a=@(1,2,3,4,5)}", "\na\n-\n{1, 2, 3, 4...}\n\n\n"),
    ("[pscustomobject]@{o=[pscustomobject]@{x=1;y=2}}", "\no\n-\n@{x=1; y=2}\n\n\n"),
    ("[pscustomobject]@{h=[ordered]@{x=1;y=2}}", "\nh\n-\n{x, y}\n\n\n"),
    // The first object fixes the columns for the whole run; strings go between the rows.
    ("[pscustomobject]@{a=1}; 'x'; [pscustomobject]@{a=22}", "\n a\n -\n 1\nx\n22\n\n\n"),
    ("[pscustomobject]@{a=1}; [pscustomobject]@{b=2}", "\na\n-\n1\n \n\n\n"),
    // Format-Table: calculated columns, -AutoSize, widths, alignment, hidden headers.
    (
      "@([pscustomobject]@{N=1},[pscustomobject]@{N=22}) | Format-Table N, @{n='Twice';e={$_.N*2}} -AutoSize",
      "\n N Twice\n - -----\n 1     2\n22    44\n\n\n"
    ),
    ("[pscustomobject]@{N=123456789} | ft @{e='N';w=5}", "\n    N\n    -\n...89\n\n\n"),
    ("[pscustomobject]@{s='abcdefgh'} | ft @{l='S';e='s';width=6}", "\nS\n-\nabc...\n\n\n"),
    ("[pscustomobject]@{s='ab'} | ft @{l='S';e='s';width=6;alignment='right'}, s", "\n     S s\n     - -\n    ab ab\n\n\n"),
    ("[pscustomobject]@{a=1} | ft -HideTableHeaders", "\n1\n\n\n"),
    ("[pscustomobject]@{name='x';size=1;other=2} | ft n*", "\nname\n----\nx\n\n\n"),
    // Format-List.
    ("[pscustomobject]@{a=1;bb='x'} | Format-List", "\n\na  : 1\nbb : x\n\n\n\n"),
    ("[pscustomobject]@{a=1;bb='x'} | fl bb", "\n\nbb : x\n\n\n\n"),
    ("[pscustomobject]@{a=1;bb='x'} | fl *", "\n\na  : 1\nbb : x\n\n\n\n"),
    // Out-String: the text as one string; -Stream, line by line; -Width.
    ("$s = [pscustomobject]@{a=1} | Out-String; $s.Length", "9\n"),
    ("([pscustomobject]@{a=1} | Out-String -Stream).Count", "6\n"),
    (
      "[pscustomobject]@{Name='abcdefghijklmnopqrstuvwxyz'; N=1} | Out-String -Width 20",
      "\nName                \n----                \nabcdefghijklmnopq...\n\n\n\n"
    ),
    (
      "[pscustomobject]@{a=1;b=2;c=3;d=4;Long='one two three four five six'} | Out-String -Width 20",
      "\n\na    : 1\nb    : 2\nc    : 3\nd    : 4\nLong : one two \n       three four \n       five six\n\n\n\n\n"
    ),
    ("'a', 'b' | Out-String", "a\nb\n\n"),
    // Format objects are objects: five for one row (start, group, entry, group end, end).
    ("@([pscustomobject]@{a=1} | Format-Table).Count", "5\n"),
    ("$t = [pscustomobject]@{a=1} | ft; $t", "\na\n-\n1\n\n\n"),
    // -Wrap continues long cells on further lines.
    (
      "[pscustomobject]@{a='one two three'; b=1} | ft @{e='a';w=7}, @{e='b';w=3} -Wrap",
      "\na         b\n-         -\none       1\ntwo\nthree\n\n\n"
    ),
  ])
  func outDefault(_ script: String, _ expected: String) {
    #expect(run(script).out == expected)
  }

  @Test func registeredViewsChooseColumnsAndLayout() {
    let host = CapturingHost()
    let interpreter = Interpreter(host: host)
    interpreter.registerView(
      FormatView(
        typeName: "Eflow.Endpoint", kind: .table,
        columns: [
          FormatColumn("Name", width: 8),
          FormatColumn(label: "Prefix", width: 6, alignment: .right) { v in (try? Members.get(v, "PrefixLength")) ?? .null },
        ]))
    interpreter.setDefaultDisplayPropertySet(typeName: "Eflow.Vm", ["Name", "State"])
    // Objects carrying a type name, built in Swift as a module would.
    func object(_ type: String, _ props: [(String, Value)]) -> Value {
      let o = PSObject(props)
      o.typeName = type
      return .object(o)
    }
    let formatter = interpreter.formatter
    let text = formatter.format([
      object("Eflow.Endpoint", [("Name", .string("eth0-long-name")), ("PrefixLength", .int32(24)), ("Mac", .string("x"))]),
      object("Eflow.Endpoint", [("Name", .string("eth1")), ("PrefixLength", .int32(8)), ("Mac", .string("y"))]),
      object("Eflow.Vm", [("Name", .string("vm")), ("State", .string("Running")), ("Cpus", .int32(2))]),
    ])
    // The VM is not an endpoint: shown on its own, as a list, inside the endpoints' table.
    #expect(text == "\nName     Prefix\n----     ------\neth0-...     24\neth1          8\n\nName  : vm\nState : Running\n\n\n\n")
    // Alone, the VM shows only its default display set, as a table.
    #expect(
      formatter.format([object("Eflow.Vm", [("Name", .string("vm")), ("State", .string("Running")), ("Cpus", .int32(2))])])
        == "\nName State\n---- -----\nvm   Running\n\n\n")
  }

  @Test func columnWidthsFitTheScreen() {
    #expect(TableLayout.fit([10, 0, 5], into: 30) == [10, 13, 5])
    #expect(TableLayout.fit([10, 10, 10], into: 25) == [10, 10, 3])
    #expect(TableLayout.fit([10, 10, 10], into: 21) == [10, 10, -1])
    #expect(TableLayout.fit([30, 0], into: 120) == [30, 89])
  }

  @Test(arguments: [
    ("one two three", 7, ["one ", "two ", "three"]),
    ("abcdefghij", 4, ["abcd", "efgh", "ij"]),
    ("short", 10, ["short"]),
    ("a\nb", 10, ["a", "b"]),
  ])
  func wordWrap(_ text: String, _ width: Int, _ lines: [String]) {
    #expect(WordWrap.lines(text, firstWidth: width, followingWidth: width) == lines)
  }

  @Test(arguments: [
    ("Format-Table -View x", "NotSupported,Format-Table"),
    ("1 | Out-Host -Paging", "NotSupported,Out-Host"),
    ("1 | Format-Table @{n='x'}", "DictionaryKeyMandatoryEntry,Format-Table"),
    ("1 | Format-Table @{e='x';bogus=1}", "DictionaryKeyIllegal,Format-Table"),
  ])
  func formattingErrors(_ script: String, _ id: String) {
    #expect(run(script).errors == [id])
  }
}
