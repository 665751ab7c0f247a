import Foundation

/// Why a file operation failed, as the C library names it (`strerror`).
public enum GuestFileError: Error, Sendable, Equatable {
  case permissionDenied, noSuchFile, isDirectory, notDirectory, exists, notEmpty

  public var text: String {
    switch self {
    case .permissionDenied: "Permission denied"
    case .noSuchFile: "No such file or directory"
    case .isDirectory: "Is a directory"
    case .notDirectory: "Not a directory"
    case .exists: "File exists"
    case .notEmpty: "Directory not empty"
    }
  }
}

/// The guest file system: paths, permissions (iotedge-user owns its home and /tmp is open to
/// all; everything else belongs to root, so writing under /etc needs sudo), reading, writing,
/// directories. `/dev/null` reads empty and swallows writes.
extension GuestSystem {
  public static let user = "iotedge-user"
  public static let home = "/home/iotedge-user"

  /// An absolute, normalized path (`.`/`..` resolved) from `path` relative to `cwd`.
  public static func normalize(_ path: String, cwd: String) -> String {
    let joined = path.hasPrefix("/") ? path : cwd + "/" + path
    var parts: [Substring] = []
    for part in joined.split(separator: "/") {
      if part == "." || part.isEmpty { continue }
      if part == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
      parts.append(part)
    }
    return "/" + parts.joined(separator: "/")
  }

  public static func parent(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/"), path != "/" else { return "/" }
    let p = String(path[..<slash])
    return p.isEmpty ? "/" : p
  }

  public static func baseName(_ path: String) -> String {
    path == "/" ? "/" : String(path.split(separator: "/").last ?? "")
  }

  public func node(_ path: String) -> GuestFile? { files[path] }

  public func exists(_ path: String) -> Bool { path == "/dev/null" || files[path] != nil }

  public func isDirectory(_ path: String) -> Bool { files[path]?.isDirectory == true }

  private func allows(_ node: GuestFile, bit: Int, root: Bool) -> Bool {
    if root { return true }
    let shift = node.owner == Self.user ? 6 : 0
    return (node.mode >> shift) & bit != 0
  }

  /// Whether the file at `path` (existing) may be written, or (not existing) created.
  public func canWrite(_ path: String, root: Bool) -> Bool {
    if root || path == "/dev/null" { return true }
    if let node = files[path] { return allows(node, bit: 2, root: false) }
    guard let dir = files[Self.parent(of: path)] else { return false }
    return allows(dir, bit: 2, root: false)
  }

  /// Directory nodes on the way to `path` all exist and are searchable.
  private func checkAncestors(_ path: String, root: Bool) throws(GuestFileError) {
    var dir = Self.parent(of: path)
    var chain: [String] = []
    while dir != "/" { chain.append(dir); dir = Self.parent(of: dir) }
    for d in chain.reversed() {
      guard let node = files[d] else { throw .noSuchFile }
      guard node.isDirectory else { throw .notDirectory }
      if !allows(node, bit: 1, root: root) { throw .permissionDenied }
    }
  }

  public func read(_ path: String, root: Bool) throws(GuestFileError) -> String {
    if path == "/dev/null" { return "" }
    try checkAncestors(path, root: root)
    guard let node = files[path] else { throw .noSuchFile }
    if node.isDirectory { throw .isDirectory }
    if !allows(node, bit: 4, root: root) { throw .permissionDenied }
    return node.content
  }

  /// Writes (or appends to) a regular file, creating it with mode 644 owned by the writer.
  public mutating func write(_ path: String, _ content: String, append: Bool = false, root: Bool) throws(GuestFileError) {
    if path == "/dev/null" { return }
    try checkAncestors(path, root: root)
    if let node = files[path] {
      if node.isDirectory { throw .isDirectory }
      if !allows(node, bit: 2, root: root) { throw .permissionDenied }
      files[path]!.content = append ? node.content + content : content
      return
    }
    guard let dir = files[Self.parent(of: path)], dir.isDirectory else { throw .noSuchFile }
    if !allows(dir, bit: 2, root: root) { throw .permissionDenied }
    files[path] = .file(content, owner: root ? "root" : Self.user)
  }

  public mutating func makeDirectory(_ path: String, parents: Bool, root: Bool) throws(GuestFileError) {
    if let node = files[path] {
      if parents && node.isDirectory { return }
      throw .exists
    }
    if parents {
      var missing: [String] = []
      var dir = path
      while files[dir] == nil { missing.append(dir); dir = Self.parent(of: dir) }
      for d in missing.reversed() { try makeDirectory(d, parents: false, root: root) }
      return
    }
    try checkAncestors(path, root: root)
    guard let dir = files[Self.parent(of: path)] else { throw .noSuchFile }
    guard dir.isDirectory else { throw .notDirectory }
    if !allows(dir, bit: 2, root: root) { throw .permissionDenied }
    files[path] = .directory(owner: root ? "root" : Self.user)
  }

  /// Names directly inside a directory, sorted.
  public func children(_ dir: String) -> [String] {
    let prefix = dir == "/" ? "/" : dir + "/"
    return files.keys.filter { $0 != "/" && $0.hasPrefix(prefix) && !$0.dropFirst(prefix.count).contains("/") }
      .map { String($0.dropFirst(prefix.count)) }.sorted()
  }

  public mutating func remove(_ path: String, recursive: Bool, root: Bool) throws(GuestFileError) {
    guard let node = files[path], path != "/" else { throw .noSuchFile }
    if !root, let dir = files[Self.parent(of: path)], !allows(dir, bit: 2, root: false) { throw .permissionDenied }
    if node.isDirectory {
      if !recursive { throw .isDirectory }
      let prefix = path + "/"
      if !root, files.contains(where: { $0.key.hasPrefix(prefix) && !canWrite(Self.parent(of: $0.key), root: false) }) {
        throw .permissionDenied
      }
      for key in files.keys where key.hasPrefix(prefix) { files[key] = nil }
    }
    files[path] = nil
  }

  /// Moves a node (and, for a directory, everything below it).
  public mutating func move(_ from: String, to: String, root: Bool) throws(GuestFileError) {
    guard let node = files[from] else { throw .noSuchFile }
    if !root && (!canWrite(Self.parent(of: from), root: false) || !canWrite(to, root: false)) { throw .permissionDenied }
    if files[Self.parent(of: to)]?.isDirectory != true { throw .noSuchFile }
    if node.isDirectory {
      let prefix = from + "/"
      for key in files.keys where key.hasPrefix(prefix) {
        files[to + "/" + key.dropFirst(prefix.count)] = files[key]
        files[key] = nil
      }
    }
    files[from] = nil
    files[to] = node
  }

  /// Glob (`*`, `?`, `[...]`) over existing paths, for the shell's pathname expansion.
  public func glob(_ pattern: String, cwd: String) -> [String] {
    let absolute = Self.normalize(pattern, cwd: cwd)
    let relative = !pattern.hasPrefix("/")
    let components = absolute.split(separator: "/").map(String.init)
    var current = ["/"]
    for component in components {
      var next: [String] = []
      for dir in current {
        let base = dir == "/" ? "" : dir
        if component.contains(where: { "*?[".contains($0) }) {
          for name in children(dir) where (component.hasPrefix(".") || !name.hasPrefix(".")) && Self.fnmatch(component, name) {
            next.append(base + "/" + name)
          }
        } else if files[base + "/" + component] != nil {
          next.append(base + "/" + component)
        }
      }
      current = next
    }
    let prefix = cwd == "/" ? "/" : cwd + "/"
    return current.map { relative && $0.hasPrefix(prefix) ? String($0.dropFirst(prefix.count)) : $0 }.sorted()
  }

  /// Shell wildcard match of a whole name.
  public static func fnmatch(_ pattern: String, _ name: String) -> Bool {
    let p = Array(pattern)
    let n = Array(name)
    func match(_ i: Int, _ j: Int) -> Bool {
      if i == p.count { return j == n.count }
      switch p[i] {
      case "*":
        for k in j...n.count where match(i + 1, k) { return true }
        return false
      case "?":
        return j < n.count && match(i + 1, j + 1)
      case "[":
        guard j < n.count, let close = p[(i + 1)...].firstIndex(of: "]") else { return j < n.count && n[j] == "[" && match(i + 1, j + 1) }
        var set = Array(p[(i + 1)..<close])
        let negate = set.first == "!" || set.first == "^"
        if negate { set.removeFirst() }
        var hit = false
        var k = 0
        while k < set.count {
          if k + 2 < set.count, set[k + 1] == "-" {
            if set[k] <= n[j] && n[j] <= set[k + 2] { hit = true }
            k += 3
          } else {
            if set[k] == n[j] { hit = true }
            k += 1
          }
        }
        return hit != negate && match(close + 1, j + 1)
      default:
        return j < n.count && p[i] == n[j] && match(i + 1, j + 1)
      }
    }
    return match(0, 0)
  }
}
