import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Item objects: what `Get-Item`, `Get-ChildItem` and `New-Item` return.
///
/// A file is a `System.IO.FileInfo`, a directory a `System.IO.DirectoryInfo`: custom objects with
/// the .NET properties scripts read (`Name`, `FullName`, `Length`, `LastWriteTime`, `Mode`,
/// `Extension`, `BaseName`, `DirectoryName`/`Directory`, `Parent`, `PSIsContainer`, `Exists`, …)
/// and the provider's `PSPath`, `PSParentPath`, `PSChildName`, `PSDrive`, `PSProvider`.
///
/// - The string of an item is its full path (PowerShell 7's `ToString()`; 5.1 gives the bare
///   name for `Get-ChildItem` results, a known trap when an item is interpolated into a path, so
///   eflowsh takes 7's reading).
/// - `Mode` uses 5.1's `darhsl` letters (not 7.3's Unix permissions): `d` directory, `a` file,
///   `r` when the owner may not write, `h` for a name starting with `.`, `l` for a symbolic link.
/// - Times are the file's times as local time (the simulated host's zone is UTC); Linux keeps no
///   reliable creation time, so `CreationTime` is the status-change time (`ctime`).
extension Interpreter {
  /// The item at a Linux path, or nil when nothing is there.
  func fileSystemItem(_ native: String) -> Value? {
    var st = stat()
    var lst = stat()
    guard lstat(native, &lst) == 0 else { return nil }
    let isLink = (lst.st_mode & S_IFMT) == S_IFLNK
    if stat(native, &st) != 0 { st = lst }
    let isDirectory = (st.st_mode & S_IFMT) == S_IFDIR
    let shown = displayPath(native)
    let (parentNative, leaf) = Interpreter.splitNative(native)
    let name = native == "/" ? "/" : (isWindowsForm(native) && displayPath(native).hasSuffix(":\\") ? shown : leaf)
    let readOnly = (st.st_mode & S_IWUSR) == 0
    let hidden = leaf.hasPrefix(".")
    var mode = Array(isDirectory ? "d-----" : "-a----")
    if readOnly { mode[2] = "r" }
    if hidden { mode[3] = "h" }
    if isLink { mode[5] = "l" }
    var attributes: [String] = []
    if readOnly { attributes.append("ReadOnly") }
    if hidden { attributes.append("Hidden") }
    attributes.append(isDirectory ? "Directory" : "Archive")
    if isLink { attributes.append("ReparsePoint") }
    let ext = Interpreter.extensionOf(name)
    let hasParent = native != "/" && !(isWindowsForm(native) && shown.hasSuffix(":\\"))
    let parentShown = hasParent ? displayPath(parentNative) : ""
    let qualifier = Interpreter.providerName + "::"

    var props: [(name: String, value: Value)] = [
      ("PSPath", .string(qualifier + shown)),
      ("PSParentPath", .string(hasParent ? qualifier + parentShown : "")),
      ("PSChildName", .string(name)),
      ("PSDrive", .string(isWindowsForm(native) ? String(shown.prefix(1)) : "/")),
      ("PSProvider", .string(Interpreter.providerName)),
      ("PSIsContainer", .bool(isDirectory)),
      ("Mode", .string(String(mode))),
      ("BaseName", .string(isDirectory || ext.isEmpty ? name : String(name.dropLast(ext.count)))),
      ("Name", .string(name)),
    ]
    if isDirectory {
      props.append(("Parent", hasParent ? (fileSystemItem(parentNative) ?? .null) : .null))
      props.append(("Root", .string(isWindowsForm(native) ? String(shown.prefix(3)) : "/")))
    } else {
      props.append(("Length", .int64(Int64(st.st_size))))
      props.append(("DirectoryName", .string(parentShown)))
      props.append(("Directory", fileSystemItem(parentNative) ?? .null))
      props.append(("IsReadOnly", .bool(readOnly)))
    }
    props += [
      ("Exists", .bool(true)),
      ("FullName", .string(shown)),
      ("Extension", .string(ext)),
      ("CreationTime", .dateTime(Interpreter.dateTime(st.st_ctim, .local))),
      ("LastAccessTime", .dateTime(Interpreter.dateTime(st.st_atim, .local))),
      ("LastWriteTime", .dateTime(Interpreter.dateTime(st.st_mtim, .local))),
      ("LastWriteTimeUtc", .dateTime(Interpreter.dateTime(st.st_mtim, .utc))),
      ("Attributes", .string(attributes.joined(separator: ", "))),
    ]
    if isLink {
      let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: native)) ?? ""
      props += [("LinkType", .string("SymbolicLink")), ("Target", .string(target))]
    }
    let o = PSObject(props)
    o.typeName = isDirectory ? "System.IO.DirectoryInfo" : "System.IO.FileInfo"
    o.stringValue = shown
    return .object(o)
  }

  static func dateTime(_ t: timespec, _ kind: DateTimeValue.Kind) -> DateTimeValue {
    DateTimeValue(
      ticks: DateTimeValue.unixEpochTicks + Int64(t.tv_sec) * DateTimeValue.ticksPerSecond + Int64(t.tv_nsec) / 100,
      kind: kind)
  }

  /// `.ext` from the last dot of a name (empty when none, or when the dot ends the name).
  static func extensionOf(_ name: String) -> String {
    guard let dot = name.lastIndex(of: "."), name.index(after: dot) != name.endIndex else { return "" }
    return String(name[dot...])
  }
}
