import Foundation

/// Reading and writing text files for redirections and the content cmdlets: UTF-8 without a
/// byte-order mark (PowerShell 7's default), newlines as `\n` (this is Linux).
enum FileText {
  static func write(_ text: String, to path: String, append: Bool) throws {
    let data = Data(text.utf8)
    if append, FileManager.default.fileExists(atPath: path) {
      let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
      defer { try? handle.close() }
      try handle.seekToEnd()
      try handle.write(contentsOf: data)
    } else {
      try data.write(to: URL(fileURLWithPath: path))
    }
  }
}
