import Foundation
import Testing

@testable import PSRuntime

/// `switch -File`: each line of a file is `$_`, in the fixture of `FileSystemTests`
/// (`a.txt` holds `alpha`, `beta`, `gamma`).
struct SwitchFileTests {
  @Test(arguments: [
    FSCase("switch -File a.txt { 'beta' { 'B' } default { \"[$_]\" } }", "[alpha]\nB\n[gamma]\n"),
    FSCase("Set-Location dir/sub; switch -File d.txt { default { $_ } }", "d1\nd2\n"),
    FSCase("switch -File ./dir/../dir/c.txt { c { 'relative' } }", "relative\n"),
    FSCase(
      "New-Item 'C:\\Temp' -ItemType Directory | Out-Null; Set-Content 'C:\\Temp\\x.txt' 'one', 'two'; switch -File C:\\Temp\\x.txt { two { 'drive path' } }",
      "drive path\n"),
    FSCase("$p = 'a.txt'; switch -file $p { alpha { 'from a variable' } }", "from a variable\n"),
    FSCase("switch -File (Get-Item a.txt) { gamma { 'from a FileInfo' } }", "from a FileInfo\n"),
    FSCase("switch -File *.log { default { \"one match: $_\" } }", "one match: x\n"),
    FSCase("switch -File .hidden { default { 'never' } }; 'empty file'", "empty file\n"),
    // Matching options
    FSCase("switch -Regex -File a.txt { '^(b)(e)ta$' { \"$($matches[1])$($matches[2])\" } '^MM' { 'no' } }", "be\n"),
    FSCase("switch -Wildcard -File a.txt { '*a' { \"ends $_\" } 'g*' { \"starts $_\" } }", "ends alpha\nends beta\nends gamma\nstarts gamma\n"),
    FSCase("switch -Wildcard -CaseSensitive -File a.txt { 'G*' { 'upper' } 'g*' { \"lower $_\" } }", "lower gamma\n"),
    FSCase("switch -Exact -File a.txt { 'a*' { 'wildcard' } 'ALPHA' { 'exact, any case' } }", "exact, any case\n"),
    FSCase("switch -CaseSensitive -File a.txt { 'ALPHA' { 'no' } default { $_ } }", "alpha\nbeta\ngamma\n"),
    FSCase("switch -File a.txt { { $_.Length -eq 4 } { \"four: $_\" } }", "four: beta\n"),
    // break and continue
    FSCase("switch -File a.txt { alpha { 'first'; continue } { $true } { \"any $_\" } beta { break } }", "first\nany beta\n"),
    FSCase(":outer foreach ($i in 1, 2) { switch -File a.txt { beta { break outer } default { \"$i $_\" } } }", "1 alpha\n"),
    FSCase(
      "foreach ($i in 1, 2) { switch -File a.txt { beta { continue } default { \"$i $_\" } } }",
      "1 alpha\n1 gamma\n2 alpha\n2 gamma\n"),
    // Errors: statement-terminating, in 5.1's words
    FSCase("switch -File nope.txt { default { $_ } }; 'after'", "after\n", errors: ["PathNotFound"]),
    FSCase(
      "try { switch -File nope.txt { default { 1 } } } catch [System.Management.Automation.ItemNotFoundException] { 'caught' }",
      "caught\n"),
    FSCase("switch -File *.nothing { default { $_ } }", "", errors: ["FileNotFound"]),
    FSCase("switch -File *.* { default { $_ } }", "", errors: ["AmbiguousPath"]),
    FSCase("switch -File dir { default { $_ } }", "", errors: ["FileReadError"]),
    FSCase("switch -File '' { default { $_ } }", "", errors: ["InvalidFilenameOption"]),
  ])
  func switchFile(_ c: FSCase) { check(c) }

  @Test func errorMessages() {
    let f = FileSystemFixture()
    let r = f.run(
      "switch -File nope.txt { default {} }; switch -File C:\\x.txt { default {} }; switch -File *.nothing { default {} }; switch -File dir { default {} }"
    )
    #expect(
      r.messages == [
        "Cannot find path 'ROOT/nope.txt' because it does not exist.",
        "Cannot find path 'C:\\x.txt' because it does not exist.",
        "No files matching '*.nothing' were found.",
        "The file could not be read: Access to the path 'ROOT/dir' is denied..",
      ])
  }

  /// UTF-8 with or without a byte-order mark, UTF-16 with one; LF, CRLF or CR line ends; a
  /// final line end adds no empty line, an empty line in the middle stays.
  @Test(arguments: [
    ([0xEF, 0xBB, 0xBF] + Array("é1\ntwo\n".utf8), "<é1>\n<two>\n"),
    (Array("x\r\ny\r\n\r\nz".utf8), "<x>\n<y>\n<>\n<z>\n"),
    (Array("cr\rlf\nend\r\n".utf8), "<cr>\n<lf>\n<end>\n"),
    ([0xFF, 0xFE] + Array("hi\nyo".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }, "<hi>\n<yo>\n"),
  ] as [([UInt8], String)])
  func encodingsAndLineEnds(_ bytes: [UInt8], _ expected: String) throws {
    let f = FileSystemFixture()
    try Data(bytes).write(to: URL(fileURLWithPath: f.root + "/in.txt"))
    let r = f.run("switch -File in.txt { default { \"<$_>\" } }")
    #expect(r.out == expected)
    #expect(r.errors.isEmpty)
  }
}
