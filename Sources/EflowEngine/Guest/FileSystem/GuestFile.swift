import Foundation

/// One node of the guest's file system: a regular file (text) or a directory, with its mode
/// bits and owner as `ls -l` shows them.
public struct GuestFile: Codable, Sendable, Equatable {
  public enum Kind: String, Codable, Sendable, Equatable {
    case file, directory
  }

  public var kind: Kind
  public var content: String
  /// Permission bits (`0o644`, `0o755`, `0o1777`).
  public var mode: Int
  public var owner: String
  public var group: String

  public init(kind: Kind, content: String = "", mode: Int, owner: String, group: String? = nil) {
    self.kind = kind
    self.content = content
    self.mode = mode
    self.owner = owner
    self.group = group ?? owner
  }

  public static func file(_ content: String, mode: Int = 0o644, owner: String = "root") -> GuestFile {
    GuestFile(kind: .file, content: content, mode: mode, owner: owner)
  }

  public static func directory(mode: Int = 0o755, owner: String = "root") -> GuestFile {
    GuestFile(kind: .directory, mode: mode, owner: owner)
  }

  public var isDirectory: Bool { kind == .directory }

  /// `drwxr-xr-x`, `-rw-r--r--`, `drwxrwxrwt`.
  public var modeString: String {
    var s = isDirectory ? "d" : "-"
    let chars: [Character] = ["r", "w", "x"]
    for shift in [6, 3, 0] {
      for (i, c) in chars.enumerated() {
        s.append((mode >> (shift + 2 - i)) & 1 == 1 ? c : "-")
      }
    }
    if mode & 0o1000 != 0 {
      s.removeLast()
      s.append(mode & 1 == 1 ? "t" : "T")
    }
    return s
  }
}
