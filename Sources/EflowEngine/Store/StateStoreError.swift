#if canImport(Glibc)
  import Glibc
#endif

/// Why the state store refused or failed; every case names the file so the user knows what to
/// look at, and says what happened to it (a refused file is always left untouched).
public enum StateStoreError: Error, Sendable, CustomStringConvertible {
  /// The file exists but is not a document this build can read: empty, truncated, not UTF-8,
  /// not JSON, or JSON of the wrong shape. `detail` says which, for the user.
  case corrupt(path: String, detail: String)
  /// The file was written by a newer eflowsh; reading it could silently drop what it added.
  case newerVersion(path: String, found: Int, supported: Int)
  /// A system call failed. `action` is what the store was doing ("lock", "write", ...), `path`
  /// the file or directory it was doing it to, `code` the errno.
  case io(path: String, action: String, code: Int32)
  /// The document could not be encoded (for example a non-finite floating-point value); nothing
  /// was written.
  case unencodable(path: String, detail: String)
  /// The caller's `makeInitial` closure failed; its error is kept for the caller to inspect.
  case initialDocument(path: String, underlying: any Error)

  /// The text shown to the user.
  public var message: String {
    switch self {
    case .corrupt(let path, let detail):
      return "The state file '\(path)' is corrupt (\(detail)); it was left untouched. "
        + "Move it away or run Reset-SimState -Force to start over."
    case .newerVersion(let path, let found, let supported):
      return "The state file '\(path)' was written by a newer eflowsh (schema version \(found); "
        + "this eflowsh reads up to \(supported)); it was left untouched. "
        + "Use a newer eflowsh, or move the file away or run Reset-SimState -Force to start over."
    case .io(let path, let action, let code):
      return "Could not \(action) '\(path)': \(Self.describe(errno: code))."
    case .unencodable(let path, let detail):
      return "Could not save the state to '\(path)' (\(detail)); the file was left untouched."
    case .initialDocument(let path, let underlying):
      return "Could not create the initial state for '\(path)': \(underlying)"
    }
  }

  public var description: String { message }

  /// The C library's text for an errno value, e.g. "No space left on device".
  static func describe(errno code: Int32) -> String {
    guard let text = strerror(code) else { return "error \(code)" }
    return String(cString: text)
  }
}
