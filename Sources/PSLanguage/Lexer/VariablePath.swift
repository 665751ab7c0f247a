/// A variable reference as written: `$x`, `${any name}`, `$env:PATH`, `$script:x`.
///
/// The qualifier, the bare name and the case-folded lookup key are split once, when the path is
/// made, because the interpreter reads them on every variable access.
public struct VariablePath: Sendable, Hashable, CustomStringConvertible {
  /// The parts, in one shared object: the interpreter copies a path out of the syntax tree on
  /// every variable access, and one reference to retain is much cheaper than four strings.
  private final class Storage: Sendable {
    let userPath: String
    let isBraced: Bool
    let qualifier: String?
    let name: String
    let key: String
    let keyHash: Int

    init(userPath: String, isBraced: Bool, qualifier: String?, name: String, key: String) {
      self.userPath = userPath
      self.isBraced = isBraced
      self.qualifier = qualifier
      self.name = name
      self.key = key
      keyHash = VariablePath.hashKey(key)
    }
  }

  private let storage: Storage

  /// The text after `$` (or `@`), without braces: `env:PATH`, `x`, `any name`.
  public var userPath: String { storage.userPath }
  /// Written with braces: `${…}`.
  public var isBraced: Bool { storage.isBraced }
  /// The scope or drive qualifier (`global`, `script`, `env`, …), if any.
  public var qualifier: String? { storage.qualifier }
  /// The name without its qualifier.
  public var name: String { storage.name }
  /// The name lowercased: variables are found without regard to case.
  public var key: String { storage.key }
  /// `hashKey(key)`, worked out once: the interpreter's scopes are keyed by it.
  public var keyHash: Int { storage.keyHash }

  /// A cheap hash (FNV-1a) of a lookup key's UTF-8 bytes.
  public static func hashKey(_ key: String) -> Int {
    // Over the contiguous bytes when the string has them (native strings always do): walking
    // `String.UTF8View` by index costs several times more per byte.
    func fnv<S: Sequence<UInt8>>(_ bytes: S) -> Int {
      var h: UInt64 = 0xcbf2_9ce4_8422_2325
      for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
      return Int(truncatingIfNeeded: h)
    }
    return key.utf8.withContiguousStorageIfAvailable { fnv($0) } ?? fnv(key.utf8)
  }

  public init(userPath: String, isBraced: Bool = false) {
    let qualifier: String?
    let name: String
    // Work on UTF-8 bytes: searching Characters would run grapheme breaking on every variable.
    let utf8 = userPath.utf8
    // The colon's byte offset, found over contiguous bytes when possible (the generic
    // `UTF8View.firstIndex` is ≈ 10× slower per byte and runs for every variable token).
    let colon: String.Index?
    if let off = utf8.withContiguousStorageIfAvailable({ $0.firstIndex(of: 0x3A) }) {
      colon = off.map { utf8.index(utf8.startIndex, offsetBy: $0) }
    } else {
      colon = utf8.firstIndex(of: 0x3A)
    }
    if let i = colon, i != utf8.startIndex {
      qualifier = String(Substring(userPath.utf8[..<i]))
      name = String(Substring(userPath.utf8[utf8.index(after: i)...]))
    } else {
      qualifier = nil
      name = userPath
    }
    // Most names are already lowercase ASCII: share the string instead of folding it.
    let isFolded: (UInt8) -> Bool = { $0 < 0x80 && !($0 >= 0x41 && $0 <= 0x5A) }
    let folded = name.utf8.withContiguousStorageIfAvailable { $0.allSatisfy(isFolded) } ?? name.utf8.allSatisfy(isFolded)
    let key = folded ? name : name.lowercased()
    storage = Storage(userPath: userPath, isBraced: isBraced, qualifier: qualifier, name: name, key: key)
  }

  /// Equal when written alike (the other parts follow from these two).
  public static func == (a: VariablePath, b: VariablePath) -> Bool {
    a.storage === b.storage || (a.userPath == b.userPath && a.isBraced == b.isBraced)
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(userPath)
    hasher.combine(isBraced)
  }

  /// True for `$global:`, `$script:`, `$local:`, `$private:`, `$using:`, `$workflow:`.
  public var isScopeQualified: Bool {
    guard let q = qualifier?.lowercased() else { return false }
    return ["global", "script", "local", "private", "using", "workflow"].contains(q)
  }

  /// True for a `$using:` reference.
  public var isUsing: Bool { qualifier?.lowercased() == "using" }

  public var description: String { isBraced ? "${\(userPath)}" : "$\(userPath)" }
}
