/// A variable reference as written: `$x`, `${any name}`, `$env:PATH`, `$script:x`.
public struct VariablePath: Sendable, Hashable, CustomStringConvertible {
  /// The text after `$` (or `@`), without braces: `env:PATH`, `x`, `any name`.
  public var userPath: String
  /// Written with braces: `${…}`.
  public var isBraced: Bool

  public init(userPath: String, isBraced: Bool = false) {
    self.userPath = userPath
    self.isBraced = isBraced
  }

  /// The scope or drive qualifier (`global`, `script`, `env`, …), if any.
  public var qualifier: String? {
    guard let i = userPath.firstIndex(of: ":"), i != userPath.startIndex else { return nil }
    return String(userPath[..<i])
  }

  /// The name without its qualifier.
  public var name: String {
    guard let i = userPath.firstIndex(of: ":"), i != userPath.startIndex else { return userPath }
    return String(userPath[userPath.index(after: i)...])
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
