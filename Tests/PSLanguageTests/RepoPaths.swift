import Foundation

/// Paths of the repository and of `shared/` beside it, found from this file's location.
enum RepoPaths {
  static let root: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  static let shared: URL = root.deletingLastPathComponent().appendingPathComponent("shared")
  static let scripts: URL = root.appendingPathComponent("scripts")
}
