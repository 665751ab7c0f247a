import Foundation
import PSLanguage
import Testing

@testable import PSRuntime

/// Windows PowerShell 5.1's default views for the runtime's own objects (`Get-Module`,
/// `Get-Command`, `Get-Alias`, `Get-ChildItem`, `Measure-Object`, `Get-History`,
/// `Group-Object`): a script, and exactly the text it prints (at 120 columns).
struct BuiltinViewTests {
  /// A row of a table: cells padded to the widths, one space apart, the last as it is.
  static func row(_ cells: [(String, Int)], _ last: String) -> String {
    cells.map { text, width in text.count >= width ? text : text + String(repeating: " ", count: width - text.count) }
      .joined(separator: " ") + " " + last
  }

  static let commandHeader =
    "CommandType     Name                                               Version    Source\n"
    + "-----------     ----                                               -------    ------\n"

  @Test(arguments: [
    // Get-Alias and Get-Command: CommandType 15, Name 50, Version 10, Source; an alias shows
    // its DisplayName (`% -> ForEach-Object`).
    (
      "Get-Alias %, gci",
      "\n" + commandHeader + row([("Alias", 15), ("% -> ForEach-Object", 50), ("", 10)], "") + "\n"
        + row([("Alias", 15), ("gci -> Get-ChildItem", 50), ("", 10)], "") + "\n\n\n"
    ),
    (
      "function Get-Thing {}; Get-Command Get-Thing",
      "\n" + commandHeader + row([("Function", 15), ("Get-Thing", 50), ("", 10)], "") + "\n\n\n"
    ),
    ("(Get-Alias %).Name", "%\n"),
    // Measure-Object: a list of the five statistics and the property, the unasked ones empty.
    (
      "1, 2, 3 | Measure-Object -Sum -Maximum",
      "\n\nCount    : 3\nAverage  : \nSum      : 6\nMaximum  : 3\nMinimum  : \nProperty : \n\n\n\n"
    ),
    // Group-Object: Count 5 (right), Name 25, Group; -NoElement: Count and Name.
    (
      "'a', 'b', 'a' | Group-Object",
      "\nCount Name                      Group\n----- ----                      -----\n    2 a                         {a, a}\n"
        + "    1 b                         {b}\n\n\n"
    ),
    ("'a', 'b', 'a' | Group-Object -NoElement", "\nCount Name\n----- ----\n    2 a\n    1 b\n\n\n"),
  ])
  func view(_ script: String, _ expected: String) {
    #expect(run(script).out == expected)
  }

  static let fileHeader =
    "Mode                LastWriteTime         Length Name\n----                -------------         ------ ----\n"

  /// Get-ChildItem / Get-Item: grouped by directory under `    Directory: path` (between one
  /// and two blank lines), Mode 7, LastWriteTime 25 (`{0,10}  {1,8}` of the short date and
  /// time), Length 14 (right), Name. The fixture's files all date from 11/14/2023 22:13:20.
  @Test(arguments: [
    (
      "Get-ChildItem",
      "\n\n    Directory: ROOT\n\n\n" + fileHeader + "d-----       11/14/2023  10:13 PM                dir\n"
        + "-a----       11/14/2023  10:13 PM             17 a.txt\n-a----       11/14/2023  10:13 PM              2 b.log\n\n\n"
    ),
    (
      "Get-Item a.txt",
      "\n\n    Directory: ROOT\n\n\n" + fileHeader + "-a----       11/14/2023  10:13 PM             17 a.txt\n\n\n"
    ),
    (
      "Get-ChildItem -Recurse dir | Format-Table",
      "\n\n    Directory: ROOT/dir\n\n\n" + fileHeader + "d-----       11/14/2023  10:13 PM                sub\n"
        + "-a----       11/14/2023  10:13 PM              2 c.txt\n\n\n    Directory: ROOT/dir/sub\n\n\n" + fileHeader
        + "-a----       11/14/2023  10:13 PM              6 d.txt\n\n\n"
    ),
    // -GroupBy replaces the view's grouping.
    (
      "Get-ChildItem -Recurse dir | Format-Table -GroupBy Mode",
      "\n\n   Mode: d-----\n\n" + fileHeader + "d-----       11/14/2023  10:13 PM                sub\n\n\n   Mode: -a----\n\n"
        + fileHeader + "-a----       11/14/2023  10:13 PM              2 c.txt\n-a----       11/14/2023  10:13 PM              6 d.txt\n\n\n"
    ),
    // Chosen properties: no view, no grouping.
    ("Get-ChildItem dir | Format-Table Name, Length", "\nName  Length\n----  ------\nsub   \nc.txt 2\n\n\n"),
  ])
  func fileSystemView(_ script: String, _ expected: String) throws {
    let fixture = FileSystemFixture()
    let date = Date(timeIntervalSince1970: 1_700_000_000)
    for path in ["", "/a.txt", "/b.log", "/.hidden", "/dir", "/dir/c.txt", "/dir/sub", "/dir/sub/d.txt"] {
      try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: fixture.root + path)
    }
    #expect(fixture.run(script).out == expected)
  }

  /// Get-Module: ModuleType 10, Version 10, Name 35, ExportedCommands (the first four).
  @Test func moduleView() {
    let host = CapturingHost()
    let interpreter = Interpreter(host: host)
    interpreter.addModuleSource(
      ModuleSource(name: "Tools", path: "/modules/Tools/Tools.psm1", version: "1.2.0.0", commands: []) {
        "function Get-Alpha {}; function Get-Beta {}; function Set-Gamma {}; function Set-Delta {}; function Remove-Epsilon {}"
      })
    _ = interpreter.runScript(Parser.parse("Import-Module Tools; Get-Module Tools"))
    #expect(
      host.out
        == "\nModuleType Version    Name                                ExportedCommands\n"
        + "---------- -------    ----                                ----------------\n"
        + "Script     1.2.0.0    Tools                               {Get-Alpha, Get-Beta, Remove-Epsilon, Set-Delta...}\n\n\n")
  }

  /// Get-History (the host's HistoryInfo objects): Id 4 (right), CommandLine.
  @Test func historyView() {
    let interpreter = Interpreter(host: CapturingHost())
    func entry(_ id: Int64, _ line: String) -> Value {
      let o = PSObject([("Id", .int64(id)), ("CommandLine", .string(line)), ("ExecutionStatus", .string("Completed"))])
      o.typeName = "Microsoft.PowerShell.Commands.HistoryInfo"
      o.stringValue = line
      return .object(o)
    }
    #expect(
      interpreter.formatter.format([entry(1, "Get-EflowVm"), entry(12, "dir")])
        == "\n  Id CommandLine\n  -- -----------\n   1 Get-EflowVm\n  12 dir\n\n\n")
  }
}
