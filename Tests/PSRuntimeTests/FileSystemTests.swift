import Foundation
import PSLanguage
import Testing

@testable import PSRuntime

/// A fresh temporary directory per test, holding a small tree, with a session whose current
/// location is that directory and whose simulated drives live in `ROOT/drives`:
///
///     ROOT/a.txt        "alpha\nbeta\ngamma\n"
///     ROOT/b.log        "x\n"
///     ROOT/.hidden      ""
///     ROOT/dir/c.txt    "c\n"
///     ROOT/dir/sub/d.txt "d1\nd2\n"
///
/// In expected text, `ROOT` stands for the directory's path.
final class FileSystemFixture {
  let root: String

  init() {
    root = FileManager.default.temporaryDirectory.appendingPathComponent("eflowsh-fs-\(UUID().uuidString)").path
    let fm = FileManager.default
    try! fm.createDirectory(atPath: root + "/dir/sub", withIntermediateDirectories: true)
    for (name, text) in [
      ("a.txt", "alpha\nbeta\ngamma\n"), ("b.log", "x\n"), (".hidden", ""), ("dir/c.txt", "c\n"),
      ("dir/sub/d.txt", "d1\nd2\n"),
    ] {
      try! Data(text.utf8).write(to: URL(fileURLWithPath: root + "/" + name))
    }
  }

  deinit { try? FileManager.default.removeItem(atPath: root) }

  /// Runs a script here: what the host printed (with the root shown as `ROOT`) and the
  /// FullyQualifiedErrorIds of the errors written.
  func run(_ script: String) -> (out: String, errors: [String], messages: [String]) {
    let host = CapturingHost()
    let interpreter = Interpreter(host: host)
    interpreter.currentLocation = root
    interpreter.fileSystem.driveRoot = root + "/drives"
    let parsed = Parser.parse(script)
    #expect(parsed.errors.isEmpty, "parse errors: \(parsed.errors)")
    _ = interpreter.runScript(parsed)
    let shown = host.out.replacingOccurrences(of: root, with: "ROOT")
    return (shown, host.errors.map(\.fullyQualifiedErrorId), host.errors.map { $0.message.replacingOccurrences(of: root, with: "ROOT") })
  }

  func text(_ relative: String) -> String? {
    (try? Data(contentsOf: URL(fileURLWithPath: root + "/" + relative))).map { String(decoding: $0, as: UTF8.self) }
  }

  func bytes(_ relative: String) -> [UInt8] {
    (try? Data(contentsOf: URL(fileURLWithPath: root + "/" + relative))).map { Array($0) } ?? []
  }
}

/// One case: a script, exactly what it prints, and the error ids it writes.
struct FSCase: CustomTestStringConvertible, Sendable {
  var script: String
  var out: String
  var errors: [String] = []
  init(_ script: String, _ out: String, errors: [String] = []) {
    self.script = script
    self.out = out
    self.errors = errors
  }
  var testDescription: String { script }
}

func check(_ c: FSCase) {
  let f = FileSystemFixture()
  let r = f.run(c.script)
  #expect(r.out == c.out, "\(c.script)")
  #expect(r.errors == c.errors, "\(c.script): \(r.messages)")
}

let cmd = "Microsoft.PowerShell.Commands."

struct PathCmdletTests {
  @Test(arguments: [
    FSCase("Test-Path a.txt; Test-Path nope; Test-Path dir -PathType Container; Test-Path dir -PathType Leaf", "True\nFalse\nTrue\nFalse\n"),
    FSCase("Test-Path a.txt -PathType Leaf; Test-Path ./dir/sub/d.txt; Test-Path 'dir\\sub'", "True\nTrue\nTrue\n"),
    FSCase("Test-Path *.txt; Test-Path *.nope; Test-Path -LiteralPath '*.txt'", "True\nFalse\nFalse\n"),
    FSCase("Test-Path a.txt, nope, dir", "True\nFalse\nTrue\n"),
    FSCase("Test-Path -IsValid 'C:\\x\\y.txt'; Test-Path -IsValid 'a|b'; Test-Path -IsValid '/no/such/dir'", "True\nFalse\nTrue\n"),
    FSCase("Test-Path env:PATH; Test-Path env:EFLOWSH_NO_SUCH_VAR; $v = 1; Test-Path variable:v; Test-Path variable:nope", "True\nFalse\nTrue\nFalse\n"),
    FSCase("function f {}; Test-Path function:f; Test-Path alias:gci; Test-Path alias:nope", "True\nTrue\nFalse\n"),
    FSCase("Test-Path ROOT/a.txt".replacingOccurrences(of: "ROOT", with: "."), "True\n"),
    FSCase("Test-Path HKLM:\\Software", "", errors: ["NotSupported,\(cmd)TestPathCommand"]),
    FSCase("Test-Path nosuchdrive:\\x", "False\n"),
    FSCase("Test-Path ''", "", errors: ["ParameterArgumentValidationErrorEmptyStringNotAllowed,Test-Path"]),
    // Join-Path: `/` for Linux paths, `\` for Windows ones
    FSCase("Join-Path /opt app; Join-Path /opt/ /app; Join-Path a b c d", "/opt/app\n/opt/app\na/b/c/d\n"),
    FSCase("Join-Path 'C:\\Temp' 'x/y.txt'; Join-Path 'C:\\' 'Windows'; Join-Path 'logs\\x' 'y'", "C:\\Temp\\x\\y.txt\nC:\\Windows\nlogs\\x\\y\n"),
    FSCase("Join-Path /a 'b\\c'; Join-Path /a ''; Join-Path -Path /x, /y -ChildPath z", "/a/b/c\n/a\n/x/z\n/y/z\n"),
    FSCase("Join-Path . '*.txt' -Resolve", "ROOT/a.txt\n"),
    FSCase("Join-Path . nope -Resolve", "", errors: ["PathNotFound,\(cmd)JoinPathCommand"]),
    // Split-Path
    FSCase("Split-Path /a/b/c.txt; Split-Path /a/b/c.txt -Leaf; Split-Path /a/b/c.txt -LeafBase; Split-Path /a/b/c.txt -Extension", "/a/b\nc.txt\nc\n.txt\n"),
    FSCase("Split-Path 'C:\\a\\b'; Split-Path 'C:\\a'; Split-Path 'C:\\' ; Split-Path /a; Split-Path x", "C:\\a\nC:\\\n\n/\n\n"),
    FSCase("Split-Path 'C:\\a\\b' -Qualifier; Split-Path 'C:\\a\\b' -NoQualifier; Split-Path /a/b -NoQualifier", "C:\n\\a\\b\n/a/b\n"),
    FSCase("Split-Path 'C:\\a' -IsAbsolute; Split-Path 'a\\b' -IsAbsolute; Split-Path /a -IsAbsolute", "True\nFalse\nTrue\n"),
    FSCase("Split-Path /a/b/ -Leaf; Split-Path 'C:\\a\\b\\' -Parent", "b\nC:\\a\n"),
    FSCase("Split-Path /a/b -Qualifier", "", errors: ["ParsePathFormatError,\(cmd)SplitPathCommand"]),
    FSCase("Split-Path /a/b -Leaf -Parent", "", errors: ["AmbiguousParameterSet,Split-Path"]),
    FSCase("Split-Path -Path 'dir/*.txt' -Resolve -Leaf", "c.txt\n"),
    // Resolve-Path / Convert-Path
    FSCase("$p = Resolve-Path a.txt; \"$p\"; $p.Path; $p.Provider; $p.GetType().Name -ne $null", "ROOT/a.txt\nROOT/a.txt\nMicrosoft.PowerShell.Core\\FileSystem\nTrue\n"),
    FSCase("foreach ($p in Resolve-Path *.*) { \"$p\" }", "ROOT/a.txt\nROOT/b.log\n"),
    FSCase("Resolve-Path dir/sub/d.txt -Relative; Resolve-Path ./dir/../a.txt -Relative", "./dir/sub/d.txt\n./a.txt\n"),
    FSCase("Set-Location dir/sub; Resolve-Path ../../a.txt -Relative", "../../a.txt\n"),
    FSCase("Resolve-Path nope.txt", "", errors: ["PathNotFound,\(cmd)ResolvePathCommand"]),
    FSCase("Resolve-Path *.nothing", "", errors: ["PathNotFound,\(cmd)ResolvePathCommand"]),
    FSCase("Convert-Path dir/../b.log; Convert-Path -LiteralPath dir", "ROOT/b.log\nROOT/dir\n"),
  ])
  func pathCmdlets(_ c: FSCase) { check(c) }

  @Test func errorMessagesNameTheFullPath() {
    let f = FileSystemFixture()
    let r = f.run("Resolve-Path nope.txt; Split-Path /a -Qualifier")
    #expect(
      r.messages == [
        "Cannot find path 'ROOT/nope.txt' because it does not exist.",
        "Cannot parse path because path '/a' does not have a qualifier specified.",
      ])
  }
}

struct LocationCmdletTests {
  @Test(arguments: [
    FSCase("Get-Location; (Get-Location).Path; (pwd).Drive", "ROOT\nROOT\n/\n"),
    FSCase("Set-Location dir; Get-Location; cd sub; \"$(pwd)\"; cd ..; cd ..; \"$PWD\"", "ROOT/dir\nROOT/dir/sub\nROOT\n"),
    FSCase("Set-Location nope; \"$(Get-Location)\"", "ROOT\n", errors: ["PathNotFound,\(cmd)SetLocationCommand"]),
    FSCase("Set-Location a.txt", "", errors: ["PathNotFound,\(cmd)SetLocationCommand"]),
    FSCase("Set-Location; \"$(Get-Location)\"", "ROOT\n"),
    FSCase("cd di*; \"$(Get-Location)\"", "ROOT/dir\n"),
    FSCase("cd -LiteralPath dir -PassThru", "ROOT/dir\n"),
    FSCase("Push-Location dir; Push-Location sub; \"$(pwd)\"; Get-Location -Stack; Pop-Location; \"$(pwd)\"; popd; \"$(pwd)\"; Pop-Location; \"$(pwd)\"",
      "ROOT/dir/sub\nROOT/dir\nROOT\nROOT/dir\nROOT\nROOT\n"),
    FSCase("pushd dir; popd -PassThru", "ROOT\n"),
    FSCase("Push-Location nope; \"$(pwd)\"", "ROOT\n", errors: ["PathNotFound,\(cmd)PushLocationCommand"]),
    // The simulated drive: C:\ is ROOT/drives/C, shown in Windows form.
    FSCase("New-Item 'C:\\Temp' -ItemType Directory | Out-Null; cd 'C:\\Temp'; Get-Location; (Get-Location).Drive; cd ..; cd ..; \"$(pwd)\"",
      "C:\\Temp\nC\nC:\\\n"),
    FSCase("New-Item 'c:\\x\\y' -ItemType Directory | Out-Null; Set-Location 'C:/x'; Resolve-Path y -Relative; cd y; Get-Location", ".\\y\nC:\\x\\y\n"),
  ])
  func locationCmdlets(_ c: FSCase) { check(c) }

  @Test func driveLettersMapUnderTheDriveRoot() {
    let f = FileSystemFixture()
    let r = f.run("Set-Content 'C:\\ProgramData\\eflow.txt' 'v' -ErrorAction Stop")
    #expect(r.errors == ["GetContentWriterDirectoryNotFoundError,\(cmd)SetContentCommand"])
    let r2 = f.run("New-Item 'C:\\ProgramData' -ItemType Directory | Out-Null; Set-Content 'C:\\ProgramData\\eflow.txt' 'v'; (Get-Item 'c:\\programdata\\..\\ProgramData\\eflow.txt').FullName")
    #expect(r2.out == "C:\\ProgramData\\eflow.txt\n")
    #expect(f.text("drives/C/ProgramData/eflow.txt") == "v\n")
    let r3 = f.run("'redirected' > 'C:\\ProgramData\\r.txt'; Get-Content C:/ProgramData/r.txt; 'x' > 'C:\\nope\\r.txt'")
    #expect(r3.out == "redirected\n")
    #expect(r3.messages == ["Could not write to the file 'C:\\nope\\r.txt': No such file or directory"])
  }
}

struct ContentCmdletTests {
  @Test(arguments: [
    FSCase("Get-Content a.txt", "alpha\nbeta\ngamma\n"),
    FSCase("$c = Get-Content a.txt; $c.Count; $c[1]", "3\nbeta\n"),
    FSCase("(Get-Content a.txt -Raw).Length; Get-Content a.txt -Raw", "17\nalpha\nbeta\ngamma\n\n"),
    FSCase("Get-Content a.txt -TotalCount 2; Get-Content a.txt -First 1; Get-Content a.txt -Head 0", "alpha\nbeta\nalpha\n"),
    FSCase("Get-Content a.txt -Tail 1; Get-Content a.txt -Last 2", "gamma\nbeta\ngamma\n"),
    FSCase("$r = Get-Content a.txt -ReadCount 2; $r.Count; $r[0] -join '+'; $r[1] -join '+'", "2\nalpha+beta\ngamma\n"),
    FSCase("(Get-Content a.txt -ReadCount 0).Count", "3\n"),
    FSCase("gc *.log; cat -LiteralPath b.log; type dir/c.txt", "x\nx\nc\n"),
    FSCase("Get-Content nope.txt; 'after'", "after\n", errors: ["PathNotFound,\(cmd)GetContentCommand"]),
    FSCase("Get-Content dir", "", errors: ["GetContentReaderUnauthorizedAccessError,\(cmd)GetContentCommand"]),
    FSCase("Get-Content a.txt -Encoding Utf9", "", errors: ["CannotConvertArgumentNoMessage,\(cmd)GetContentCommand"]),
    FSCase("Get-Content a.txt -Encoding UTF7", "", errors: ["NotSupported,\(cmd)GetContentCommand"]),
    FSCase("(Get-Content b.log -Encoding Byte) -join ','", "120,10\n"),
    FSCase("Get-Content .hidden; (Get-Content .hidden -Raw) -eq $null", "True\n"),
    // Set-Content / Add-Content
    FSCase("Set-Content n.txt 'one','two'; Get-Content n.txt -Raw", "one\ntwo\n\n"),
    FSCase("'p1','p2' | Set-Content n.txt; Add-Content n.txt 'p3'; Get-Content n.txt", "p1\np2\np3\n"),
    FSCase("Set-Content n.txt 'a' -NoNewline; Add-Content n.txt 'b' -NoNewline; Get-Content n.txt -Raw", "ab\n"),
    FSCase("Set-Content a.txt 'new'; Get-Content a.txt", "new\n"),
    FSCase("Set-Content n.txt 1,2 -PassThru", "1\n2\n"),
    FSCase("Set-Content nodir/n.txt 'x'", "", errors: ["GetContentWriterDirectoryNotFoundError,\(cmd)SetContentCommand"]),
    FSCase("Set-Content dir 'x'", "", errors: ["GetContentWriterUnauthorizedAccessError,\(cmd)SetContentCommand"]),
    FSCase("Set-Content *.txt 'all'; Get-Content a.txt", "all\n"),
    FSCase("sc n.txt 'v'; ac n.txt 'w'; gc n.txt", "v\nw\n"),
    FSCase("Set-Content n.bin -Value 65,66,10 -Encoding Byte; Get-Content n.bin", "AB\n"),
    // Clear-Content
    FSCase("Clear-Content a.txt; (Get-Item a.txt).Length; Test-Path a.txt", "0\nTrue\n"),
    FSCase("Clear-Content nope", "", errors: ["PathNotFound,\(cmd)ClearContentCommand"]),
    // Out-File
    FSCase("'l1','l2' | Out-File o.txt; Get-Content o.txt", "l1\nl2\n"),
    FSCase("'l1' | Out-File o.txt; 'l2' | Out-File o.txt -Append; Get-Content o.txt", "l1\nl2\n"),
    FSCase("'a','b' | Out-File o.txt -NoNewline; Get-Content o.txt -Raw", "ab\n"),
    FSCase("1, 2.5, $true | Out-File -FilePath o.txt; Get-Content o.txt", "1\n2.5\nTrue\n"),
    FSCase("'x' | Out-File a.txt -NoClobber; Get-Content a.txt -First 1", "alpha\n", errors: ["NoClobber,\(cmd)OutFileCommand"]),
    FSCase("'x' | Out-File nodir/o.txt", "", errors: ["GetContentWriterDirectoryNotFoundError,\(cmd)OutFileCommand"]),
    FSCase("'x' | Out-File o.txt -Width 1", "", errors: ["ParameterArgumentValidationError,Out-File"]),
    FSCase("'x' | Out-File o.txt -Width 300; Get-Content o.txt", "x\n"),
  ])
  func contentCmdlets(_ c: FSCase) { check(c) }

  @Test(arguments: [
    ("UTF8", [0xEF, 0xBB, 0xBF, 0x68, 0xC3, 0xA9, 0x0A]),
    ("UTF8NoBOM", [0x68, 0xC3, 0xA9, 0x0A]),
    ("Unicode", [0xFF, 0xFE, 0x68, 0, 0xE9, 0, 0x0A, 0]),
    ("BigEndianUnicode", [0xFE, 0xFF, 0, 0x68, 0, 0xE9, 0, 0x0A]),
    ("ASCII", [0x68, 0x3F, 0x0A]),
    ("Default", [0x68, 0xE9, 0x0A]),
  ] as [(String, [UInt8])])
  func encodingsWriteTheirBytesAndReadBack(_ name: String, _ expected: [UInt8]) {
    let f = FileSystemFixture()
    let r = f.run("Set-Content e.txt 'h\u{E9}' -Encoding \(name); Get-Content e.txt -Encoding \(name)")
    #expect(f.bytes("e.txt") == expected)
    #expect(r.out == (name == "ASCII" ? "h?\n" : "h\u{E9}\n"))
    #expect(r.errors.isEmpty)
  }

  @Test func defaultEncodingIsUTF8WithoutBOM() {
    let f = FileSystemFixture()
    _ = f.run("Set-Content e.txt '\u{E9}'; '\u{E9}' | Out-File o.txt; '\u{E9}' > r.txt")
    for file in ["e.txt", "o.txt", "r.txt"] { #expect(f.bytes(file) == [0xC3, 0xA9, 0x0A], "\(file)") }
  }

  @Test func appendingAddsNoSecondByteOrderMark() {
    let f = FileSystemFixture()
    _ = f.run("Set-Content e.txt 'a' -Encoding Unicode; Add-Content e.txt 'b' -Encoding Unicode")
    #expect(f.bytes("e.txt") == [0xFF, 0xFE, 0x61, 0, 0x0A, 0, 0x62, 0, 0x0A, 0])
  }

  @Test func readingHonoursByteOrderMarksAndCRLF() throws {
    let f = FileSystemFixture()
    try Data([0xFF, 0xFE, 0x61, 0, 0x0D, 0, 0x0A, 0, 0x62, 0]).write(to: URL(fileURLWithPath: f.root + "/u.txt"))
    try Data("one\r\ntwo\rthree".utf8).write(to: URL(fileURLWithPath: f.root + "/crlf.txt"))
    let r = f.run("Get-Content u.txt; (Get-Content crlf.txt) -join '|'")
    #expect(r.out == "a\nb\none|two|three\n")
  }
}

struct ItemCmdletTests {
  @Test(arguments: [
    // New-Item
    FSCase("$i = New-Item n.txt; $i.Name; $i.Length; $i.PSIsContainer; Test-Path n.txt -PathType Leaf", "n.txt\n0\nFalse\nTrue\n"),
    FSCase("New-Item n.txt -Value 'v1' | Out-Null; Get-Content n.txt -Raw", "v1\n"),
    FSCase("New-Item -Path dir -Name n.txt -ItemType File -Value 'x' | Out-Null; Get-Content dir/n.txt", "x\n"),
    FSCase("$d = New-Item x/y/z -ItemType Directory; $d.FullName; $d.Mode; $d.Parent.Name; $d.PSIsContainer", "ROOT/x/y/z\nd-----\ny\nTrue\n"),
    FSCase("New-Item a.txt", "", errors: ["NewItemIOError,\(cmd)NewItemCommand"]),
    FSCase("New-Item a.txt -Force -Value 'over' | Out-Null; Get-Content a.txt", "over\n"),
    FSCase("New-Item dir -ItemType Directory", "", errors: ["DirectoryExist,\(cmd)NewItemCommand"]),
    FSCase("(New-Item dir -ItemType Directory -Force).Name", "dir\n"),
    FSCase("New-Item nodir/n.txt", "", errors: ["NewItemIOError,\(cmd)NewItemCommand"]),
    FSCase("New-Item nodir/n.txt -Force | Out-Null; Test-Path nodir/n.txt", "True\n"),
    FSCase("New-Item n -ItemType Widget", "", errors: ["Argument,\(cmd)NewItemCommand"]),
    FSCase("New-Item l.txt -ItemType SymbolicLink -Value a.txt | Out-Null; Get-Content l.txt -First 1; (Get-Item l.txt).Mode", "alpha\n-a---l\n"),
    // Get-Item and item properties
    FSCase("$i = Get-Item a.txt; $i.Name; $i.BaseName; $i.Extension; $i.Length; $i.Mode; $i.DirectoryName; \"$i\"",
      "a.txt\na\n.txt\n17\n-a----\nROOT\nROOT/a.txt\n"),
    FSCase("$i = Get-Item a.txt; $i.Exists; $i.Directory.FullName; $i.LastWriteTime.GetType().FullName; $i.PSPath", "True\nROOT\nSystem.DateTime\nMicrosoft.PowerShell.Core\\FileSystem::ROOT/a.txt\n"),
    FSCase("(Get-Item dir).GetType().Name -ne ''; (gi dir).Name; (Get-Item dir/sub).Parent.FullName", "True\ndir\nROOT/dir\n"),
    FSCase("(Get-Item .hidden).Mode; (Get-Item *).Count; (Get-Item * -Force).Count", "-a-h--\n3\n4\n"),
    FSCase("Get-Item nope", "", errors: ["PathNotFound,\(cmd)GetItemCommand"]),
    FSCase("Get-Item *.nope; 'none'", "none\n"),
    // Remove-Item
    FSCase("Remove-Item a.txt; Test-Path a.txt", "False\n"),
    FSCase("Remove-Item *.txt, *.log; (Get-ChildItem -Force -Name) -join ','", "dir,.hidden\n"),
    FSCase("Remove-Item dir; Test-Path dir", "True\n", errors: ["DirectoryNotEmpty,\(cmd)RemoveItemCommand"]),
    FSCase("Remove-Item dir -Recurse; Test-Path dir", "False\n"),
    FSCase("New-Item e -ItemType Directory | Out-Null; rmdir e; Test-Path e", "False\n"),
    FSCase("Remove-Item nope", "", errors: ["PathNotFound,\(cmd)RemoveItemCommand"]),
    FSCase("Remove-Item *.nope; 'quiet'", "quiet\n"),
    FSCase("Get-ChildItem dir -Recurse -File | Remove-Item; (Get-ChildItem dir -Recurse -Name) -join ','", "sub\n"),
    FSCase("del -LiteralPath a.txt; rm b.log; ri .hidden; (ls -Force -Name) -join ','", "dir\n"),
    // Copy-Item
    FSCase("Copy-Item a.txt n.txt; Get-Content n.txt -First 1", "alpha\n"),
    FSCase("Copy-Item a.txt dir; Test-Path dir/a.txt", "True\n"),
    FSCase("Copy-Item dir d2; (Get-ChildItem d2 -Recurse -Name) -join ','", "\n"),
    FSCase("Copy-Item dir d2 -Recurse; (Get-ChildItem d2 -Recurse -Name) -join ','", "sub,c.txt,sub/d.txt\n"),
    FSCase("New-Item d3 -ItemType Directory | Out-Null; Copy-Item dir d3 -Recurse; (Get-ChildItem d3 -Recurse -Name) -join ','", "dir,dir/sub,dir/c.txt,dir/sub/d.txt\n"),
    FSCase("cp *.txt dir/sub; (ls dir/sub -Name) -join ','", "a.txt,d.txt\n"),
    FSCase("Copy-Item nope x", "", errors: ["PathNotFound,\(cmd)CopyItemCommand"]),
    FSCase("Copy-Item a.txt a.txt", "", errors: ["CopyError,\(cmd)CopyItemCommand"]),
    FSCase("(Copy-Item a.txt n.txt -PassThru).Name", "n.txt\n"),
    // Move-Item
    FSCase("Move-Item a.txt n.txt; Test-Path a.txt; Get-Content n.txt -First 1", "False\nalpha\n"),
    FSCase("mv a.txt dir; Test-Path dir/a.txt; move dir/sub .; Test-Path sub/d.txt", "True\nTrue\n"),
    FSCase("Move-Item a.txt b.log; Test-Path a.txt", "True\n", errors: ["MoveFileInfoItemIOError,\(cmd)MoveItemCommand"]),
    FSCase("Move-Item a.txt b.log -Force; Get-Content b.log -First 1", "alpha\n"),
    FSCase("Move-Item nope x", "", errors: ["PathNotFound,\(cmd)MoveItemCommand"]),
    // Rename-Item
    FSCase("Rename-Item a.txt r.txt; Test-Path r.txt; ren dir d; Test-Path d/sub", "True\nTrue\n"),
    FSCase("(Rename-Item a.txt r.txt -PassThru).FullName", "ROOT/r.txt\n"),
    FSCase("Rename-Item a.txt b.log", "", errors: ["RenameItemIOError,\(cmd)RenameItemCommand"]),
    FSCase("Rename-Item nope x", "", errors: ["InvalidOperation,\(cmd)RenameItemCommand"]),
    FSCase("Rename-Item a.txt dir/x.txt", "", errors: ["Argument,\(cmd)RenameItemCommand"]),
  ])
  func itemCmdlets(_ c: FSCase) { check(c) }

  @Test func removeItemRefusalNamesThePath() {
    let f = FileSystemFixture()
    let r = f.run("Remove-Item dir")
    #expect(r.messages == ["The item at ROOT/dir has children and the Recurse parameter was not specified."])
  }
}

struct ChildItemCmdletTests {
  @Test(arguments: [
    FSCase("(Get-ChildItem -Name) -join ','", "dir,a.txt,b.log\n"),
    FSCase("(Get-ChildItem -Name -Force) -join ','", "dir,.hidden,a.txt,b.log\n"),
    FSCase("(Get-ChildItem -Recurse -Name) -join ','", "dir,a.txt,b.log,dir/sub,dir/c.txt,dir/sub/d.txt\n"),
    FSCase("(gci -Depth 0 -Name) -join ','", "dir,a.txt,b.log\n"),
    FSCase("(gci -Recurse -Depth 1 -Name) -join ','", "dir,a.txt,b.log,dir/sub,dir/c.txt\n"),
    FSCase("(dir -Recurse -File -Name) -join ','", "a.txt,b.log,dir/c.txt,dir/sub/d.txt\n"),
    FSCase("(ls -Recurse -Directory -Name) -join ','", "dir,dir/sub\n"),
    FSCase("(Get-ChildItem -Filter *.txt -Recurse -Name) -join ','", "a.txt,dir/c.txt,dir/sub/d.txt\n"),
    FSCase("(Get-ChildItem *.txt -Recurse -Name) -join ','", "a.txt,dir/c.txt,dir/sub/d.txt\n"),
    FSCase("(Get-ChildItem -Include *.log -Recurse -Name) -join ','", "b.log\n"),
    FSCase("(Get-ChildItem -Include *.log -Name) -join ','", "\n"),
    FSCase("(Get-ChildItem * -Include *.log -Name) -join ','", "b.log\n"),
    FSCase("(Get-ChildItem -Exclude *.txt -Name) -join ','", "dir,b.log\n"),
    FSCase("(Get-ChildItem -Hidden -Name) -join ','", ".hidden\n"),
    FSCase("(Get-ChildItem dir/*).Name -join ','; (Get-ChildItem dir).FullName -join ','", "c.txt,sub\nROOT/dir/sub,ROOT/dir/c.txt\n"),
    FSCase("(Get-ChildItem a.txt).Name", "a.txt\n"),
    FSCase("Get-ChildItem nope", "", errors: ["PathNotFound,\(cmd)GetChildItemCommand"]),
    FSCase("Get-ChildItem *.nope; 'none'", "none\n"),
    FSCase("foreach ($i in Get-ChildItem -Recurse -File) { $i.Directory.Name + ':' + $i.Length }", "ROOT:17\nROOT:2\ndir:2\nsub:6\n".replacingOccurrences(of: "ROOT", with: "XROOTNAME")),
    FSCase("(Get-ChildItem -LiteralPath dir -Name) -join ','", "sub,c.txt\n"),
  ])
  func childItems(_ c: FSCase) {
    let f = FileSystemFixture()
    let r = f.run(c.script)
    let rootName = (f.root as NSString).lastPathComponent
    #expect(r.out == c.out.replacingOccurrences(of: "XROOTNAME", with: rootName), "\(c.script)")
    #expect(r.errors == c.errors, "\(c.script): \(r.messages)")
  }

  @Test func windowsFormNamesUseBackslashes() {
    let f = FileSystemFixture()
    let r = f.run("New-Item 'C:\\t\\u\\v.txt' -Force | Out-Null; (Get-ChildItem 'C:\\t' -Recurse -Name) -join ','; (Get-ChildItem 'C:\\t' -Recurse -File).FullName")
    #expect(r.out == "u,u\\v.txt\nC:\\t\\u\\v.txt\n")
  }
}

struct TranscriptTests {
  @Test func transcriptRecordsWhatTheHostShows() {
    let f = FileSystemFixture()
    let r = f.run(
      """
      Start-Transcript -Path t.txt
      Write-Host 'host text'
      'output'
      Write-Warning 'warned'
      Write-Error 'failed'
      Stop-Transcript
      'after'
      """)
    #expect(r.out == "Transcript started, output file is ROOT/t.txt\nhost text\noutput\nTranscript stopped, output file is ROOT/t.txt\nafter\n")
    let text = f.text("t.txt") ?? ""
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines.first == "**********************")
    #expect(lines[1] == "Windows PowerShell transcript start")
    #expect(lines[2].hasPrefix("Start time: ") && lines[2].count == "Start time: ".count + 14)
    #expect(lines.contains("PSVersion: 5.1.22621.2506"))
    #expect(lines.contains("Machine: EFLOWHOST (Microsoft Windows NT 10.0.22621.0)") || lines.contains { $0.hasPrefix("Machine: ") })
    let body = text.components(separatedBy: "**********************\n")
    // (before the first rule), header, body, footer, (after the last rule)
    #expect(body.count == 5 && body[0].isEmpty && body[4].isEmpty)
    #expect(body[2] == "Transcript started, output file is \(f.root)/t.txt\nhost text\noutput\nWARNING: warned\nfailed\n")
    #expect(body[3].hasPrefix("Windows PowerShell transcript end\nEnd time: "))
    #expect(text.hasSuffix("**********************\n"))
    #expect(!text.contains("after"))
    #expect(!text.contains("Transcript stopped"))
  }

  @Test func transcriptAppendsAndRefusesToClobber() {
    let f = FileSystemFixture()
    _ = f.run("Start-Transcript t.txt | Out-Null; 'first'; Stop-Transcript | Out-Null")
    _ = f.run("Start-Transcript t.txt -Append | Out-Null; 'second'; Stop-Transcript | Out-Null")
    let text = f.text("t.txt") ?? ""
    #expect(text.contains("first\n") && text.contains("second\n"))
    #expect(text.components(separatedBy: "Windows PowerShell transcript start").count == 3)
    let r = f.run("Start-Transcript t.txt -NoClobber")
    #expect(r.errors == ["NoClobber,\(cmd)StartTranscriptCommand"])
    #expect(r.messages == ["File ROOT/t.txt already exists and NoClobber was specified."])
  }

  @Test func stopWithoutStartIsAnError() {
    let f = FileSystemFixture()
    let r = f.run("Stop-Transcript; 'next'")
    #expect(r.out == "next\n")
    #expect(r.errors == ["InvalidOperation,\(cmd)StopTranscriptCommand"])
    #expect(r.messages == ["An error occurred stopping transcription: The host is not currently transcribing."])
  }

  @Test func transcriptsNestAndDefaultToDocuments() {
    let f = FileSystemFixture()
    let r = f.run(
      "Start-Transcript outer.txt | Out-Null; 'one'; Start-Transcript -OutputDirectory 'C:\\logs' | Out-Null; 'two'; Stop-Transcript | Out-Null; 'three'; Stop-Transcript | Out-Null"
    )
    #expect(r.errors.isEmpty)
    let outer = f.text("outer.txt") ?? ""
    #expect(outer.contains("one\n") && outer.contains("two\n") && outer.contains("three\n"))
    let logs = (try? FileManager.default.contentsOfDirectory(atPath: f.root + "/drives/C/logs")) ?? []
    #expect(logs.count == 1)
    #expect(logs.first?.hasPrefix("PowerShell_transcript.") == true)
    let inner = logs.first.flatMap { f.text("drives/C/logs/" + $0) } ?? ""
    #expect(inner.contains("two\n") && !inner.contains("one\n") && !inner.contains("three\n"))
  }
}
