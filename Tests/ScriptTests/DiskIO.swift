import Foundation
import PSHost

/// Real files in, captured output out: how the script tests run the command line.
struct DiskIO: HostIO {
  var out = ""
  var err = ""
  mutating func writeOut(_ text: String) { out += text }
  mutating func writeErr(_ text: String) { err += text }
  func readFile(_ path: String) -> Result<String, FileReadError> {
    guard let t = try? String(contentsOfFile: path, encoding: .utf8) else {
      return .failure(FileReadError(reason: "cannot read"))
    }
    return .success(t)
  }
  mutating func readStandardInput() -> String { "" }
}
