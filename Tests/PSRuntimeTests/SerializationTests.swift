import Foundation
import PSLanguage
import Testing

@testable import PSRuntime

/// ConvertTo-Json / ConvertFrom-Json and the CSV cmdlets, as Windows PowerShell 5.1.
struct SerializationTests {
  @Test(arguments: [
    ("@{a=1} | ConvertTo-Json", "{\n    \"a\":  1\n}\n"),
    (
      "[pscustomobject]@{Name='vm';Tags=@('a','b');Sub=@{x=1}} | ConvertTo-Json",
      "{\n    \"Name\":  \"vm\",\n    \"Tags\":  [\n                 \"a\",\n                 \"b\"\n             ],\n    \"Sub\":  {\n                \"x\":  1\n            }\n}\n"
    ),
    ("[pscustomobject]@{Name='vm';Tags=@('a','b')} | ConvertTo-Json -Compress", "{\"Name\":\"vm\",\"Tags\":[\"a\",\"b\"]}\n"),
    (
      "[pscustomobject]@{a=[pscustomobject]@{b=[pscustomobject]@{c=1}}} | ConvertTo-Json -Depth 1",
      "{\n    \"a\":  {\n              \"b\":  \"@{c=1}\"\n          }\n}\n"
    ),
    ("1, 2 | ConvertTo-Json", "[\n    1,\n    2\n]\n"),
    ("@(@{a=1}, @{a=2}) | ConvertTo-Json -Compress", "[{\"a\":1},{\"a\":2}]\n"),
    ("@{} | ConvertTo-Json", "{\n\n}\n"),
    ("'it''s <b> & \"q\"' | ConvertTo-Json", "\"it\\u0027s \\u003cb\\u003e \\u0026 \\\"q\\\"\"\n"),
    ("\"a`tb`n\" | ConvertTo-Json", "\"a\\tb\\n\"\n"),
    ("$null, 1.5, $true | ConvertTo-Json -Compress", "[1.5,true]\n"),
    ("[datetime]'2020-01-02' | ConvertTo-Json", "\"\\/Date(1577923200000)\\/\"\n"),
    // ConvertFrom-Json: objects, arrays (one object in 5.1), numbers by size and form.
    ("$o = '{\"a\":{\"b\":[1,2]}}' | ConvertFrom-Json; $o.a.b.Count; $o.a.b[1]", "2\n2\n"),
    ("$a = '[1,2,3]' | ConvertFrom-Json; $a.Count; @('[1,2,3]' | ConvertFrom-Json).Count", "3\n1\n"),
    (
      "$o = '{\"i\":1,\"l\":3000000000,\"d\":1.5,\"e\":1e3,\"s\":\"x\\u0027\",\"n\":null,\"t\":true}' | ConvertFrom-Json; $o.i.GetType().Name; $o.l.GetType().Name; $o.d.GetType().Name; $o.e.GetType().Name; $o.s; $o.n -eq $null; $o.t",
      "Int32\nInt64\nDecimal\nDouble\nx'\nTrue\nTrue\n"
    ),
    ("$j = [pscustomobject]@{a=1;b=@('x')} | ConvertTo-Json; $r = $j | ConvertFrom-Json; $r.a; $r.b[0]", "1\nx\n"),
    ("$r = '{', '\"a\": 1', '}' | ConvertFrom-Json; $r.a", "1\n"),
    ("('\"\\/Date(1577923200000)\\/\"' | ConvertFrom-Json).Year", "2020\n"),
    // CSV
    (
      "[pscustomobject]@{a=1;b='x,\"y\"'},[pscustomobject]@{a=2} | ConvertTo-Csv",
      "#TYPE System.Management.Automation.PSCustomObject\n\"a\",\"b\"\n\"1\",\"x,\"\"y\"\"\"\n\"2\",\n"
    ),
    ("[pscustomobject]@{a=1;b=$null} | ConvertTo-Csv -NoTypeInformation -Delimiter ';'", "\"a\";\"b\"\n\"1\";\n"),
    ("$r = 'a,b', '1,\"x,y\"', '2' | ConvertFrom-Csv; $r[0].b; $r[1].a; $r[1].b -eq $null", "x,y\n2\nTrue\n"),
    ("$r = '1;2' | ConvertFrom-Csv -Delimiter ';' -Header p, q; $r.q", "2\n"),
    (
      "$r = [pscustomobject]@{n='a b';v=1} | ConvertTo-Csv | ConvertFrom-Csv; $r.n; $r.v.GetType().Name",
      "a b\nString\n"
    ),
  ])
  func conversions(_ script: String, _ expected: String) {
    #expect(run(script).out == expected)
  }

  @Test func invalidJsonIsAnArgumentException() {
    let host = CapturingHost()
    let interpreter = Interpreter(host: host)
    _ = interpreter.runScript(Parser.parse("'{\"a\" 1}' | ConvertFrom-Json; 'abc' | ConvertFrom-Json"))
    #expect(host.errors.map(\.message) == ["Invalid object passed in, ':' or '}' expected. (5): {\"a\" 1}", "Invalid JSON primitive: abc."])
    #expect(host.errors.map(\.fullyQualifiedErrorId) == ["System.ArgumentException,ConvertFrom-Json", "System.ArgumentException,ConvertFrom-Json"])
  }

  @Test(arguments: [
    ("@{1=2} | ConvertTo-Json", "NonStringKeyInDictionary,ConvertTo-Json"),
    ("1 | ConvertTo-Json -Depth 101", "ReachedMaximumDepthAllowed,ConvertTo-Json"),
    ("1 | ConvertTo-Csv -UseCulture", "NotSupported,ConvertTo-Csv"),
    ("'a,a', '1,2' | ConvertFrom-Csv", "AlreadyPresentPSMemberInfoInternalCollectionAdd,ConvertFrom-Csv"),
  ])
  func serializationErrors(_ script: String, _ id: String) {
    #expect(run(script).errors == [id])
  }

  @Test func exportAndImportCsvUseTheCurrentLocation() throws {
    let dir = "/tmp/eflowsh-csv-\(UInt32.random(in: 0...UInt32.max))"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let host = CapturingHost()
    let interpreter = Interpreter(host: host)
    interpreter.currentLocation = dir
    let script = """
      [pscustomobject]@{Name='eth0';Ip='10.0.0.2'},[pscustomobject]@{Name='eth1';Ip='10.0.0.3'} | Export-Csv net.csv -NoTypeInformation
      [pscustomobject]@{Name='eth2';Ip='10.0.0.4'} | Export-Csv net.csv -Append
      $rows = Import-Csv net.csv
      $rows.Count
      $rows[2].Ip
      [pscustomobject]@{Other=1} | Export-Csv net.csv -Append
      """
    _ = interpreter.runScript(Parser.parse(script))
    #expect(host.out == "3\n10.0.0.4\n")
    #expect(host.errors.map(\.errorId) == ["CannotAppendCsvWithMismatchedPropertyNames"])
    let text = try String(contentsOfFile: dir + "/net.csv", encoding: .utf8)
    #expect(text == "\"Name\",\"Ip\"\n\"eth0\",\"10.0.0.2\"\n\"eth1\",\"10.0.0.3\"\n\"eth2\",\"10.0.0.4\"\n")
  }
}
