import Foundation

@testable import EflowEngine

/// A small document of our own, so the store's tests don't depend on the engine's state model.
struct CounterDocument: StateDocument, Equatable {
  static let currentSchemaVersion = 1
  var schemaVersion = 1
  var count = 0
  var names: [String] = []
}

/// What a failing transaction body throws; tests check it arrives unchanged.
struct BodyError: Error, Equatable {
  var reason: String
}

/// A fresh directory per test, removed afterwards; `body` gets the path of `state.json` inside it.
func withStateFile<R>(_ body: (_ directory: String, _ path: String) throws -> R) throws -> R {
  let directory = FileManager.default.temporaryDirectory
    .appendingPathComponent("eflowsh-store-\(UUID().uuidString)").path
  try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(atPath: directory) }
  return try body(directory, directory + "/state.json")
}

func counterStore(_ path: String, initialCount: Int = 0) -> StateStore<CounterDocument> {
  StateStore(url: URL(fileURLWithPath: path)) { CounterDocument(count: initialCount) }
}

func fileBytes(_ path: String) -> [UInt8]? {
  FileManager.default.contents(atPath: path).map { [UInt8]($0) }
}

func writeFile(_ path: String, _ bytes: [UInt8]) throws {
  try Data(bytes).write(to: URL(fileURLWithPath: path))
}

func fileExists(_ path: String) -> Bool {
  FileManager.default.fileExists(atPath: path)
}

/// The inode number: a rename gives the state file a new one, so an unchanged inode shows the
/// file was not replaced.
func inode(_ path: String) -> UInt64? {
  var info = stat()
  guard stat(path, &info) == 0 else { return nil }
  return UInt64(info.st_ino)
}
