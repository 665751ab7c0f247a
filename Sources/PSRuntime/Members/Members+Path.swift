/// `[IO.Path]` with Windows semantics, since EFLOW scripts run against a simulated Windows host:
/// `\` is the separator (`/` is accepted wherever a separator is looked for), `C:` is a volume,
/// `\\server\share` a UNC root.
extension Members {
  static func pathStaticProperty(_ key: String) -> Value? {
    switch key {
    case "directoryseparatorchar": return .char(0x5C)
    case "altdirectoryseparatorchar": return .char(0x2F)
    case "pathseparator": return .char(0x3B)
    case "volumeseparatorchar": return .char(0x3A)
    default: return nil
    }
  }

  static func pathStaticMethod(_ key: String, _ c: MethodCall) throws(RuntimeError) -> Value? {
    switch key {
    case "combine", "join":
      var parts: [String] = []
      for v in c.args {
        for item in v.enumerated ?? [v] {
          if item.isNull {
            if key == "join" { continue }
            throw c.nullArgument(c.count == 1 ? "paths" : "path\(parts.count + 1)")
          }
          parts.append(Conversions.toString(item))
        }
      }
      return .string(key == "combine" ? WindowsPath.combine(parts) : WindowsPath.join(parts))
    case "getfilename", "getdirectoryname", "getextension", "getfilenamewithoutextension", "getpathroot",
      "ispathrooted", "hasextension":
      try c.arity(1)
      guard let p = c.string(0) else { return key.hasPrefix("is") || key.hasPrefix("has") ? .bool(false) : .null }
      switch key {
      case "getfilename": return .string(WindowsPath.fileName(p))
      case "getdirectoryname": return WindowsPath.directoryName(p).map(Value.string) ?? .null
      case "getextension": return .string(WindowsPath.extensionOf(p))
      case "getfilenamewithoutextension":
        let name = WindowsPath.fileName(p)
        guard let dot = name.lastIndex(of: ".") else { return .string(name) }
        return .string(String(name[..<dot]))
      case "getpathroot":
        if p.isEmpty { return .null }
        return .string(WindowsPath.normalizeSeparators(String(p.prefix(WindowsPath.rootLength(p)))))
      case "ispathrooted": return .bool(WindowsPath.isRooted(p))
      default: return .bool(!WindowsPath.extensionOf(p).isEmpty)
      }
    case "changeextension":
      try c.arity(2)
      guard let p = c.string(0) else { return .null }
      let name = WindowsPath.fileName(p)
      var base = p
      if let dot = name.lastIndex(of: ".") {
        base = String(p.dropLast(name.distance(from: dot, to: name.endIndex)))
      }
      guard let ext = c.string(1) else { return .string(base) }
      if ext.isEmpty { return .string(base + ".") }
      return .string(base + (ext.hasPrefix(".") ? ext : "." + ext))
    case "gettemppath":
      try c.arity(0)
      return .string("C:\\Users\\\(SimulatedHost.userName)\\AppData\\Local\\Temp\\")
    default:
      return nil
    }
  }
}

/// Windows path rules, as .NET's `System.IO.Path` applies them on Windows.
enum WindowsPath {
  static func isSeparator(_ c: Character) -> Bool { c == "\\" || c == "/" }

  static func hasDrive(_ p: [Character]) -> Bool {
    p.count >= 2 && p[1] == ":" && p[0].isASCII && p[0].isLetter
  }

  /// A separator first, or a drive letter.
  static func isRooted(_ s: String) -> Bool {
    let p = Array(s)
    return (p.first.map(isSeparator) ?? false) || hasDrive(p)
  }

  /// The length of the root: `C:\` 3, `C:` 2, `\` 1, `\\server\share` up to the share's end.
  static func rootLength(_ s: String) -> Int {
    let p = Array(s)
    if p.count >= 2, isSeparator(p[0]), isSeparator(p[1]) {
      var i = 2
      var seps = 0
      while i < p.count {
        if isSeparator(p[i]) {
          seps += 1
          if seps == 2 { break }
        }
        i += 1
      }
      return i
    }
    if hasDrive(p) { return p.count >= 3 && isSeparator(p[2]) ? 3 : 2 }
    return p.first.map(isSeparator) == true ? 1 : 0
  }

  /// `Path.Combine`: empty parts are skipped; a rooted part starts over.
  static func combine(_ parts: [String]) -> String {
    var result = ""
    for part in parts where !part.isEmpty {
      if result.isEmpty || isRooted(part) {
        result = part
      } else if let last = result.last, isSeparator(last) {
        result += part
      } else {
        result += "\\" + part
      }
    }
    return result
  }

  /// `Path.Join`: plain concatenation with one separator between parts.
  static func join(_ parts: [String]) -> String {
    var result = ""
    for part in parts where !part.isEmpty {
      if result.isEmpty {
        result = part
      } else if let last = result.last, isSeparator(last) {
        result += part
      } else if let first = part.first, isSeparator(first) {
        result += part
      } else {
        result += "\\" + part
      }
    }
    return result
  }

  /// After the last separator (or the volume's colon).
  static func fileName(_ s: String) -> String {
    let p = Array(s)
    var i = p.count
    while i > 0, !isSeparator(p[i - 1]), !(i == 2 && hasDrive(p)) { i -= 1 }
    return String(p[i...])
  }

  /// `Path.GetDirectoryName`: nil for a root or an empty path; separators normalized to `\`.
  static func directoryName(_ s: String) -> String? {
    let p = Array(s)
    let root = rootLength(s)
    var end = p.count
    if end <= root { return nil }
    repeat { end -= 1 } while end > root && !isSeparator(p[end])
    while end > root && isSeparator(p[end - 1]) { end -= 1 }
    return normalizeSeparators(String(p[..<end]))
  }

  /// `Path.GetExtension`: from the last dot of the file name; empty when none or at the end.
  static func extensionOf(_ s: String) -> String {
    let name = Array(fileName(s))
    guard let dot = name.lastIndex(of: "."), dot < name.count - 1 else { return "" }
    return String(name[dot...])
  }

  /// `/` becomes `\`; runs of separators collapse (keeping a leading `\\`).
  static func normalizeSeparators(_ s: String) -> String {
    var out = ""
    var previousSeparator = false
    for (i, ch) in s.enumerated() {
      if isSeparator(ch) {
        if previousSeparator && i > 1 { continue }
        out.append("\\")
        previousSeparator = true
      } else {
        out.append(ch)
        previousSeparator = false
      }
    }
    return out
  }
}
