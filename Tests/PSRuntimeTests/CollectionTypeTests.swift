import PSLanguage
import Testing

@testable import PSRuntime

/// `System.Collections.ArrayList` and `System.Collections.Generic.List[T]`: creation, members,
/// methods, conversions, copy semantics, enumeration and output, with PowerShell's results and
/// error texts.
struct CollectionTypeTests {
  static let stringFullName =
    "System.Collections.Generic.List`1[[System.String, mscorlib, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089]]"

  @Test(arguments: [
    // Creating them
    ("$l = New-Object System.Collections.ArrayList; $l.Count; $l.GetType().FullName", "0\nSystem.Collections.ArrayList\n"),
    ("$l = New-Object Collections.ArrayList; $l.GetType().Name", "ArrayList\n"),
    ("$l = [System.Collections.ArrayList]::new(); $l.GetType().FullName", "System.Collections.ArrayList\n"),
    ("$l = [System.Collections.ArrayList]@(1,2); $l.Count; $l.GetType().FullName", "2\nSystem.Collections.ArrayList\n"),
    ("$l = [System.Collections.Generic.List[string]]::new(); $l.GetType().FullName", stringFullName + "\n"),
    ("$l = New-Object 'System.Collections.Generic.List[string]'; $l.GetType().FullName", stringFullName + "\n"),
    ("$l = New-Object System.Collections.Generic.List[System.String]; $l.GetType().FullName", stringFullName + "\n"),
    ("$l = New-Object 'System.Collections.Generic.List`1[[System.String]]'; $l.GetType().Name", "List`1\n"),
    (
      "([System.Collections.Generic.List[int]]::new()).GetType().FullName",
      "System.Collections.Generic.List`1[[System.Int32, mscorlib, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089]]\n"
    ),
    ("[System.Collections.Generic.List[int]].ToString()", "System.Collections.Generic.List`1[System.Int32]\n"),
    ("[System.Collections.Generic.List[string[]]].ToString()", "System.Collections.Generic.List`1[System.String[]]\n"),
    ("[System.Collections.Generic.List[hashtable]].Namespace", "System.Collections.Generic\n"),
    ("$l = New-Object System.Collections.ArrayList(,@(5,6)); $l.Count; $l -join ','", "2\n5,6\n"),
    ("$l = New-Object System.Collections.ArrayList 10; $l.Capacity; $l.Count", "10\n0\n"),
    ("$l = [System.Collections.Generic.List[int]]::new([int[]](3,4)); $l -join ','", "3,4\n"),
    ("[System.Collections.Generic.List[int]]$l = '1','2'; $l[1].GetType().Name; $l.GetType().Name", "Int32\nList`1\n"),
    ("[System.Collections.ArrayList]$l = @(); $l = 'q'; $l.GetType().Name; $l[0]", "ArrayList\nq\n"),
    ("$x = [System.Collections.ArrayList]$null; $null -eq $x", "True\n"),
    // Add: ArrayList returns the index, List[T] nothing
    ("$l = New-Object System.Collections.ArrayList; $l.Add('a'); $l.Add('b')", "0\n1\n"),
    ("$l = New-Object System.Collections.ArrayList; [void]$l.Add('a'); $l.Add('b') | Out-Null; $l -join ','", "a,b\n"),
    ("$l = [System.Collections.Generic.List[string]]::new(); $l.Add('a'); $l.Add(5); $l.Count; $l[1].GetType().Name", "2\nString\n"),
    ("$l = [System.Collections.Generic.List[int]]::new(); $l.Add('7'); $l[0] + 1", "8\n"),
    ("$l = [System.Collections.Generic.List[object]]::new(); $l.Add(1); $l.Add('s'); $l[1].GetType().Name", "String\n"),
    ("$l = [System.Collections.Generic.List[psobject]]::new(); $l.Add([pscustomobject]@{ N = 1 }); $l[0].N", "1\n"),
    ("$l = [System.Collections.Generic.List[hashtable]]::new(); $l.Add(@{ a = 1 }); $l[0].a", "1\n"),
    ("$l = [System.Collections.Generic.List[string]]::new(); $l.Add($null); $l.Count; $null -eq $l[0]", "1\nTrue\n"),
    // Count, Capacity and the other properties
    ("$l = [System.Collections.ArrayList]::new(); $l.Capacity; [void]$l.Add(1); $l.Capacity", "0\n4\n"),
    ("$l = [System.Collections.Generic.List[int]]::new(); 1..5 | % { $l.Add($_) }; $l.Count; $l.Capacity", "5\n8\n"),
    ("$l = [System.Collections.ArrayList]@(1,2,3); $l.Capacity = 10; $l.Capacity; $l.TrimToSize(); $l.Capacity", "10\n3\n"),
    ("$l = [System.Collections.ArrayList]@(1); $l.IsFixedSize; $l.IsReadOnly", "False\nFalse\n"),
    ("$l = [System.Collections.ArrayList]@('ab','cde'); $l.Length -join ','", "2,3\n"),
    // Indexing
    ("$l = [System.Collections.ArrayList]@(1,2,3); $l[0]; $l[-1]; $null -eq $l[10]", "1\n3\nTrue\n"),
    ("$l = [System.Collections.ArrayList]@(1,2,3); $l[0] = 'x'; $l -join ','", "x,2,3\n"),
    ("$l = [System.Collections.Generic.List[int]]::new(); $l.Add(1); $l[0] = '42'; $l[0].GetType().Name", "Int32\n"),
    ("$l = [System.Collections.ArrayList]@(1,2,3); $l[0..1] -join ','", "1,2\n"),
    ("$l = [System.Collections.ArrayList]@(4,5); $l.Item(1)", "5\n"),
    // Methods
    ("$l = [System.Collections.ArrayList]@('a','b'); $l.Contains('a'); $l.Contains('A'); $l.Contains('z')", "True\nFalse\nFalse\n"),
    ("$l = [System.Collections.Generic.List[int]]@(1,2); $l.Contains('2')", "True\n"),
    ("$l = [System.Collections.ArrayList]@('a','b','a'); $l.IndexOf('a'); $l.LastIndexOf('a'); $l.IndexOf('z')", "0\n2\n-1\n"),
    ("$l = [System.Collections.ArrayList]@('a','b','a'); $l.IndexOf('a', 1)", "2\n"),
    ("$l = [System.Collections.ArrayList]@('a','b','a'); $l.Remove('a'); $l -join ','", "b,a\n"),
    ("$l = [System.Collections.Generic.List[string]]@('a','b'); $l.Remove('a'); $l.Remove('z'); $l -join ','", "True\nFalse\nb\n"),
    ("$l = [System.Collections.ArrayList]@(1,2,3); $l.RemoveAt(0); $l -join ','", "2,3\n"),
    ("$l = [System.Collections.ArrayList]@(1,2,3); $l.Insert(1, 'x'); $l.Insert(4, 'end'); $l -join ','", "1,x,2,3,end\n"),
    ("$l = [System.Collections.ArrayList]@(1,2); $l.Clear(); $l.Count", "0\n"),
    ("$l = [System.Collections.ArrayList]@(1); $l.AddRange(@(2,3)); $l.AddRange((New-Object System.Collections.ArrayList(,@(4)))); $l -join ','", "1,2,3,4\n"),
    ("$l = [System.Collections.Generic.List[int]]::new(); $l.AddRange([int[]]@(1,2)); $l.Count", "2\n"),
    ("$l = [System.Collections.ArrayList]@(1,4); $l.InsertRange(1, @(2,3)); $l -join ','", "1,2,3,4\n"),
    ("$l = [System.Collections.ArrayList]@(1,2,3,4); $l.RemoveRange(1, 2); $l -join ','", "1,4\n"),
    ("$l = [System.Collections.ArrayList]@(1,2,3,4); $r = $l.GetRange(1, 2); $r -join ','; $r.GetType().Name", "2,3\nArrayList\n"),
    ("$l = [System.Collections.Generic.List[string]]@('a','b'); $a = $l.ToArray(); $a.GetType().FullName; $a -join ','", "System.Object[]\na,b\n"),
    ("$l = [System.Collections.ArrayList]@(3,1,2); $l.Sort(); $l -join ','", "1,2,3\n"),
    ("$l = [System.Collections.Generic.List[string]]@('b','B','a'); $l.Sort(); $l -join ','", "a,b,B\n"),
    ("$l = [System.Collections.ArrayList]@(1,2,3); $l.Reverse(); $l -join ','", "3,2,1\n"),
    ("$l = [System.Collections.ArrayList]@(1,2,3,4); $l.Reverse(1, 2); $l -join ','", "1,3,2,4\n"),
    ("$l = [System.Collections.ArrayList]@(1,2); $c = $l.Clone(); [void]$c.Add(3); $l.Count; $c.Count", "2\n3\n"),
    ("$l = [System.Collections.ArrayList]@(1); $l.ToString(); \"$l\"", "System.Collections.ArrayList\n1\n"),
    // List[T] predicates
    ("$l = [System.Collections.Generic.List[int]]@(1,2,3,4); $l.Exists({ $args[0] -gt 3 }); $l.Exists({ param($x) $x -gt 9 })", "True\nFalse\n"),
    ("$l = [System.Collections.Generic.List[int]]@(1,2,3,4); $l.FindAll({ $_ % 2 -eq 0 }) -join ','", "2,4\n"),
    ("$l = [System.Collections.Generic.List[int]]@(1,2,3,4); $l.Find({ $args[0] -gt 2 }); $l.Find({ $args[0] -gt 9 })", "3\n0\n"),
    ("$l = [System.Collections.Generic.List[int]]@(1,2,3,4); $l.FindIndex({ $args[0] -eq 3 })", "2\n"),
    ("$l = [System.Collections.Generic.List[int]]@(1,2,3,4); $l.RemoveAll({ $args[0] -lt 3 }); $l -join ','", "2\n3,4\n"),
    ("$l = [System.Collections.Generic.List[int]]@(1,2); $l.TrueForAll({ $args[0] -gt 0 })", "True\n"),
    // Type tests
    ("$l = [System.Collections.ArrayList]@(); $l -is [System.Collections.ArrayList]; $l -is [array]; $l -is [object[]]", "True\nFalse\nFalse\n"),
    ("$l = [System.Collections.Generic.List[string]]::new(); $l -is [System.Collections.Generic.List[string]]; $l -is [System.Collections.Generic.List[int]]", "True\nFalse\n"),
    ("@(1) -is [System.Collections.ArrayList]", "False\n"),
    ("$l = [System.Collections.ArrayList]@(1,2); $a = [object[]]$l; $a.GetType().FullName; ($l -as [System.Collections.ArrayList]).Count", "System.Object[]\n2\n"),
    // += makes an object[]; assignment shares the list
    ("$l = [System.Collections.ArrayList]@(1,2); $l += 3; $l.GetType().FullName; $l.Count", "System.Object[]\n3\n"),
    ("$l = [System.Collections.ArrayList]@(1); $m = $l; [void]$m.Add(2); $l.Count", "2\n"),
    ("$l = [System.Collections.ArrayList]@(1); $h = @{ L = $l }; [void]$h.L.Add(2); $l.Count", "2\n"),
    ("$l = [System.Collections.ArrayList]@(1); function f($x) { [void]$x.Add(2) }; f $l; $l.Count", "2\n"),
    ("function f([System.Collections.ArrayList]$x) { [void]$x.Add(2) }; $l = [System.Collections.ArrayList]@(1); f $l; $l.Count", "2\n"),
    ("$l = [System.Collections.ArrayList]@(1); ($l).GetType().Name; @($l).GetType().Name", "ArrayList\nObject[]\n"),
    // Functions unroll them; the comma keeps them
    ("function f { $r = [System.Collections.ArrayList]@(1,2); return $r }; (f).GetType().FullName", "System.Object[]\n"),
    ("function f { $r = [System.Collections.ArrayList]@(1); return ,$r }; (f).GetType().FullName", "System.Collections.ArrayList\n"),
    // Enumeration, operators, output
    ("$l = [System.Collections.ArrayList]@(1,2); foreach ($i in $l) { \"i$i\" }", "i1\ni2\n"),
    ("$l = [System.Collections.Generic.List[string]]@('a','b'); $l | ForEach-Object { $_.ToUpper() }", "A\nB\n"),
    ("$l = [System.Collections.Generic.List[string]]@('a','b'); $l -contains 'B'; 'a' -in $l; $l -eq 'b'", "True\nTrue\nb\n"),
    ("$l = [System.Collections.ArrayList]@(3,1,2); ($l | Sort-Object) -join ','; ($l | Measure-Object).Count", "1,2,3\n3\n"),
    ("$l = [System.Collections.ArrayList]@('x','y'); $l", "x\ny\n"),
    ("$l = [System.Collections.ArrayList]@(); if ($l) { 't' } else { 'f' }; [void]$l.Add(1); if ($l) { 't' } else { 'f' }", "f\nt\n"),
    ("$l = [System.Collections.ArrayList]@(1,2); ConvertTo-Json -InputObject $l -Compress", "[1,2]\n"),
    ("$l = [System.Collections.Generic.List[string]]@('a'); @{ L = $l } | ConvertTo-Json -Compress", "{\"L\":[\"a\"]}\n"),
    ("$l = [System.Collections.Generic.List[string]]@('a','b'); [pscustomobject]@{ L = $l } | Format-List | Out-String -Stream | ? { $_ }", "L : {a, b}\n"),
    // Fixed-size arrays still refuse to grow
    ("$a = 1, 2; try { $a.Add(3) } catch { $_.Exception.Message }", "Exception calling \"Add\" with \"1\" argument(s): \"Collection was of a fixed size.\"\n"),
  ])
  func output(_ script: String, _ expected: String) {
    let r = run(script)
    #expect(r.errors == [], "\(script)")
    #expect(r.out == expected, "\(script)")
  }

  /// Runs a script and returns its error records.
  static func errors(_ script: String) -> [ErrorRecord] {
    let host = CapturingHost()
    let interpreter = Interpreter(host: host)
    _ = interpreter.runScript(Parser.parse(script))
    return host.errors
  }

  @Test(arguments: [
    (
      "$l = [System.Collections.Generic.List[int]]::new(); $l.Add('abc')", "MethodArgumentConversionInvalidCastArgument",
      "Cannot convert argument \"item\", with value: \"abc\", for \"Add\" to type \"System.Int32\": \"Cannot convert value \"abc\" to type \"System.Int32\". Error: \"Input string was not in a correct format.\"\""
    ),
    (
      "$l = [System.Collections.Generic.List[hashtable]]::new(); $l.Add('x')", "MethodArgumentConversionInvalidCastArgument",
      "Cannot convert argument \"item\", with value: \"x\", for \"Add\" to type \"System.Collections.Hashtable\": \"Cannot convert the \"x\" value of type \"System.String\" to type \"System.Collections.Hashtable\".\""
    ),
    (
      "$a = 1, 2; $a.Add(3)", "NotSupportedException",
      "Exception calling \"Add\" with \"1\" argument(s): \"Collection was of a fixed size.\""
    ),
    (
      "$a = @(); $a.Remove(3)", "NotSupportedException",
      "Exception calling \"Remove\" with \"1\" argument(s): \"Collection was of a fixed size.\""
    ),
    (
      "$l = [System.Collections.ArrayList]@(1); $l.RemoveAt(5)", "ArgumentOutOfRangeException",
      "Exception calling \"RemoveAt\" with \"1\" argument(s): \"Index was out of range. Must be non-negative and less than the size of the collection. (Parameter 'index')\""
    ),
    (
      "$l = [System.Collections.Generic.List[int]]::new(); $l.Insert(3, 1)", "ArgumentOutOfRangeException",
      "Exception calling \"Insert\" with \"2\" argument(s): \"Index must be within the bounds of the List. (Parameter 'index')\""
    ),
    (
      "$l = [System.Collections.ArrayList]@(1,2); $l.GetRange(1, 5)", "ArgumentException",
      "Exception calling \"GetRange\" with \"2\" argument(s): \"Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.\""
    ),
    (
      "$l = [System.Collections.ArrayList]@(1,'a'); $l.Sort()", "InvalidOperationException",
      "Exception calling \"Sort\" with \"0\" argument(s): \"Failed to compare two elements in the array.\""
    ),
    (
      "$l = [System.Collections.ArrayList]@(1); $l[3] = 1", "ArgumentOutOfRangeException",
      "Index was out of range. Must be non-negative and less than the size of the collection. (Parameter 'index')"
    ),
    (
      "$l = [System.Collections.Generic.List[int]]('a', 'b')", "InvalidCastFromStringToInteger",
      "Cannot convert the \"System.Object[]\" value of type \"System.Object[]\" to type \"System.Collections.Generic.List`1[System.Int32]\"."
    ),
    (
      "$l = [System.Collections.ArrayList]::new(1, 2)", "MethodCountCouldNotFindBest",
      "Cannot find an overload for \"new\" and the argument count: \"2\"."
    ),
    (
      "$l = [System.Collections.ArrayList]@(1); $l.Count = 3", "PropertyAssignmentException",
      "'Count' is a ReadOnly property."
    ),
    (
      "[System.Collections.Generic.Dictionary[string,int]]::new()", "TypeNotFound",
      "Unable to find type [System.Collections.Generic.Dictionary[string,int]]."
    ),
  ])
  func error(_ script: String, _ id: String, _ message: String) {
    let errors = Self.errors(script)
    #expect(errors.count == 1, "\(script)")
    #expect(errors.first?.fullyQualifiedErrorId == id, "\(script)")
    #expect(errors.first?.message == message, "\(script)")
  }

  @Test func typeNames() throws {
    #expect(try PSType.resolve(name: "System.Collections.Generic.List[string]") == .list(of: .string))
    #expect(try PSType.resolve(name: "[System.Collections.Generic.List[int]]") == .list(of: .int32))
    #expect(
      try PSType.resolve(name: "System.Collections.Generic.List`1[[System.String, mscorlib, Version=4.0.0.0]]")
        == .list(of: .string))
    #expect(try PSType.resolve(name: "Collections.ArrayList") == .arrayList)
    #expect(throws: RuntimeError.self) { try PSType.resolve(name: "System.Collections.Generic.List[nosuchtype]") }
    #expect(show(try Members.get(.type(.list(of: .string)), "Name")) == "str:List`1")
    #expect(show(try Members.get(.type(.arrayList), "IsGenericType")) == "bool:false")
  }
}
