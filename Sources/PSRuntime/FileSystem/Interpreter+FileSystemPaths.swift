import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Reading PowerShell paths into Linux paths and back (the rules are in `FileSystemState`).
extension Interpreter {
  static let providerName = "Microsoft.PowerShell.Core\\FileSystem"

  /// Drives that PowerShell has but that are not file systems. `Test-Path` understands the first
  /// four; elsewhere they are refused as not supported.
  static let otherProviderDrives: Set<String> = [
    "env", "variable", "function", "alias", "hklm", "hkcu", "cert", "wsman",
  ]

  /// A PowerShell path made into an absolute, normalized Linux path (`.` and `..` removed; `..`
  /// stops at `/` and at a drive's root). Wildcards are left as they are.
  func providerPath(_ path: String) throws(RuntimeError) -> String {
    var p = Interpreter.strippingProviderQualifier(path)
    if p.hasPrefix("\\\\") || p.hasPrefix("//") {
      throw RuntimeError(
        id: "NotSupported", message: "UNC paths such as '\(path)' are not supported by eflowsh.",
        exceptionType: "System.NotSupportedException")
    }
    if let (drive, rest) = Interpreter.driveQualifier(p) {
      if drive.count == 1 {
        let root = driveDirectory(drive)
        return Interpreter.normalize(root + "/" + rest.replacingOccurrences(of: "\\", with: "/"), floor: root)
      }
      if Interpreter.otherProviderDrives.contains(drive.lowercased()) {
        throw RuntimeError(
          id: "NotSupported",
          message: "The '\(drive):' drive is not a file system; this command does not support it in eflowsh.",
          exceptionType: "System.NotSupportedException")
      }
      throw Interpreter.driveNotFound(drive)
    }
    p = p.replacingOccurrences(of: "\\", with: "/")
    if p == "~" || p.hasPrefix("~/") { p = (environmentVariable("HOME") ?? "/root") + p.dropFirst() }
    if !p.hasPrefix("/") { p = currentLocation + "/" + p }
    return Interpreter.normalize(p, floor: driveFloor(of: p))
  }

  /// `Cannot find drive. A drive with the name 'X' does not exist.`
  static func driveNotFound(_ drive: String) -> RuntimeError {
    RuntimeError(
      id: "DriveNotFound", message: "Cannot find drive. A drive with the name '\(drive)' does not exist.",
      exceptionType: "System.Management.Automation.DriveNotFoundException")
  }

  /// The directory standing for drive `letter`.
  func driveDirectory(_ letter: String) -> String {
    Interpreter.normalize(fileSystem.driveRoot, floor: "/") + "/" + letter.uppercased()
  }

  /// The drive directory an absolute path lies in, if any (so `..` stops at that drive's root).
  func driveFloor(of absolute: String) -> String {
    let root = Interpreter.normalize(fileSystem.driveRoot, floor: "/") + "/"
    guard absolute.hasPrefix(root) else { return "/" }
    let rest = absolute.dropFirst(root.count)
    let letter = rest.prefix(while: { $0 != "/" })
    guard letter.count == 1, let c = letter.first, c.isASCII, c.isLetter else { return "/" }
    return root + letter
  }

  /// How a Linux path is shown: in Windows form inside a drive directory, else as it is.
  func displayPath(_ native: String) -> String {
    let root = Interpreter.normalize(fileSystem.driveRoot, floor: "/") + "/"
    guard native.hasPrefix(root) else { return native }
    let rest = native.dropFirst(root.count)
    let letter = rest.prefix(while: { $0 != "/" })
    guard letter.count == 1, let c = letter.first, c.isASCII, c.isLetter else { return native }
    let inside = rest.dropFirst(1).drop(while: { $0 == "/" })
    return letter.uppercased() + ":\\" + inside.replacingOccurrences(of: "/", with: "\\")
  }

  /// True when a Linux path is shown in Windows form (it lies in a drive directory).
  func isWindowsForm(_ native: String) -> Bool { displayPath(native) != native }

  /// `Microsoft.PowerShell.Core\FileSystem::path` and `FileSystem::path` without the qualifier.
  static func strippingProviderQualifier(_ path: String) -> String {
    guard let r = path.range(of: "::") else { return path }
    let qualifier = path[..<r.lowerBound].lowercased()
    if qualifier == "filesystem" || qualifier == providerName.lowercased() {
      return String(path[r.upperBound...])
    }
    return path
  }

  /// `C:\x` → ("C", "\x"); `env:PATH` → ("env", "PATH"); nil when there is no qualifier (a
  /// colon after a separator, or at the start, is part of a name).
  static func driveQualifier(_ path: String) -> (String, String)? {
    guard let colon = path.firstIndex(of: ":"), colon != path.startIndex else { return nil }
    let name = path[..<colon]
    guard name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }), name.first!.isLetter else {
      return nil
    }
    return (String(name), String(path[path.index(after: colon)...]))
  }

  /// Lexical normalization of an absolute path: `//` and `.` dropped, `..` removing the
  /// component before it but never going above `floor` (`/` or a drive directory).
  static func normalize(_ absolute: String, floor: String) -> String {
    let floorParts = floor.split(separator: "/").map(String.init)
    var parts: [String] = []
    for c in absolute.split(separator: "/") {
      if c == "." { continue }
      if c == ".." {
        if parts.count > floorParts.count { parts.removeLast() }
        continue
      }
      parts.append(String(c))
    }
    return "/" + parts.joined(separator: "/")
  }

  // MARK: - Existence

  /// What is at a Linux path: nil when nothing is (a dangling symbolic link counts as a file).
  static func itemKind(_ native: String) -> ItemKind? {
    var st = stat()
    if stat(native, &st) == 0 { return (st.st_mode & S_IFMT) == S_IFDIR ? .directory : .file }
    if lstat(native, &st) == 0 { return .file }
    return nil
  }

  enum ItemKind { case file, directory }

  // MARK: - Wildcards

  /// The Linux paths a `-Path` argument stands for: with wildcards, the existing items that
  /// match (hidden ones — names starting with `.` — only with `force`), sorted by name without
  /// regard to case; without, the one path whether or not it exists. `literal` (`-LiteralPath`)
  /// takes wildcard characters as they are.
  func expandPath(_ path: String, literal: Bool, force: Bool = false) throws(RuntimeError) -> [String] {
    let native = try providerPath(path)
    if literal || !WildcardPattern.containsWildcards(native) {
      return [literal ? native : WildcardPattern.unescape(native)]
    }
    var found = ["/"]
    for component in native.split(separator: "/").map(String.init) {
      var next: [String] = []
      for dir in found {
        let base = dir == "/" ? "" : dir
        if WildcardPattern.containsWildcards(component) {
          let pattern = WildcardPattern(component)
          for name in Interpreter.sortedNames(in: dir)
          where pattern.matches(name) && (force || !name.hasPrefix(".") || component.hasPrefix(".")) {
            next.append(base + "/" + name)
          }
        } else {
          let candidate = base + "/" + WildcardPattern.unescape(component)
          if Interpreter.itemKind(candidate) != nil { next.append(candidate) }
        }
      }
      found = next
      if found.isEmpty { break }
    }
    return found
  }

  /// A directory's entries, sorted as Windows lists them (by name, ignoring case).
  static func sortedNames(in dir: String) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
    return names.sorted { a, b in
      let la = a.lowercased()
      let lb = b.lowercased()
      return la == lb ? a < b : la < lb
    }
  }

  /// A path's parent and leaf, Linux form.
  static func splitNative(_ native: String) -> (parent: String, leaf: String) {
    guard let slash = native.lastIndex(of: "/") else { return ("", native) }
    let parent = slash == native.startIndex ? "/" : String(native[..<slash])
    return (parent, String(native[native.index(after: slash)...]))
  }
}
