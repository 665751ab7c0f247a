import PSHost

/// Files and streams in memory, for running the command line in tests.
struct InMemoryIO: HostIO {
  var files: [String: String] = [:]
  var stdin = ""
  var out = ""
  var err = ""

  mutating func writeOut(_ text: String) { out += text }
  mutating func writeErr(_ text: String) { err += text }

  func readFile(_ path: String) -> Result<String, FileReadError> {
    guard let f = files[path] else { return .failure(FileReadError(reason: "no such file")) }
    return .success(f)
  }

  mutating func readStandardInput() -> String { stdin }
}
