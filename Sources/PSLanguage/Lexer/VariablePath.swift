/// A variable reference as written: `$x`, `${any name}`, `$env:PATH`, `$script:x`.
///
/// The qualifier, the bare name and the case-folded lookup key are split once, when the path is
/// made, because the interpreter reads them on every variable access.
public struct VariablePath: Sendable, Hashable, CustomStringConvertible {
  /// The text after `$` (or `@`), without braces: `env:PATH`, `x`, `any name`.
  public let userPath: String
  /// Written with braces: `${…}`.
  public let isBraced: Bool
  /// The scope or drive qualifier (`global`, `script`, `env`, …), if any.
  public let qualifier: String?
  /// The name without its qualifier.
  public let name: String
  /// The name lowercased: variables are found without regard to case.
  public let key: String

  public init(userPath: String, isBraced: Bool = false) {
    self.userPath = userPath
    self.isBraced = isBraced
    // Work on UTF-8 bytes: searching Characters would run grapheme breaking on every variable.
    let utf8 = userPath.utf8
    if let i = utf8.firstIndex(of: 0x3A), i != utf8.startIndex {
      qualifier = String(Substring(userPath.utf8[..<i]))
      name = String(Substring(userPath.utf8[utf8.index(after: i)...]))
    } else {
      qualifier = nil
      name = userPath
    }
    // Most names are already lowercase ASCII: share the string instead of folding it.
    key = name.utf8.allSatisfy({ $0 < 0x80 && !($0 >= 0x41 && $0 <= 0x5A) }) ? name : name.lowercased()
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
