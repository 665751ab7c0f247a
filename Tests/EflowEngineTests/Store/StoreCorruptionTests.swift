import Foundation
import Testing

@testable import EflowEngine

/// A file the store cannot read as its document is refused with a message naming it, and is never
/// written, moved or replaced, except by an explicit reset.
struct StoreCorruptionTests {
  struct Row: Sendable, CustomTestStringConvertible {
    var name: String
    var bytes: [UInt8]
    /// The expected message, with PATH standing for the state file's path.
    var message: String
    var testDescription: String { name }

    init(_ name: String, _ bytes: [UInt8], _ message: String) {
      self.name = name
      self.bytes = bytes
      self.message = message
    }

    init(_ name: String, _ text: String, _ message: String) {
      self.init(name, Array(text.utf8), message)
    }
  }

  static func corrupt(_ detail: String) -> String {
    "The state file 'PATH' is corrupt (\(detail)); it was left untouched. "
      + "Move it away or run Reset-SimState -Force to start over."
  }

  static let newer =
    "The state file 'PATH' was written by a newer eflowsh (schema version 7; this eflowsh reads up to 1); "
    + "it was left untouched. Use a newer eflowsh, or move the file away or run Reset-SimState -Force to start over."

  static let rows: [Row] = [
    Row("empty file", "", corrupt("the file is empty")),
    Row("only whitespace", " \n\n", corrupt("the file is empty")),
    Row(
      "truncated JSON", "{\n  \"count\" : 4,\n  \"schem",
      corrupt("it is not valid JSON: unexpected end of file during JSON parse")),
    Row("garbage bytes", [0x00, 0xFF, 0xFE, 0x13, 0x37, 0x80], corrupt("it is not UTF-8 text")),
    Row("garbage text", "hello, world", corrupt("it is not valid JSON: invalid value at line 1, column 1")),
    Row(
      "trailing garbage", "{\n  \"schemaVersion\" : 1,\n  \"count\" : 1,\n  \"names\" : []\n} }",
      corrupt("it is not valid JSON: invalid value at line 5, column 3")),
    Row(
      "a garbled line", "{\n  \"schemaVersion\" : 1,\n  \"count\" : 1 ,,\n  \"names\" : []\n}",
      corrupt("it is not valid JSON: invalid value at line 3, column 16")),
    Row("array at the top level", "[1, 2, 3]", corrupt("it is not a JSON object")),
    Row("string at the top level", "\"state\"", corrupt("it is not a JSON object")),
    Row("no schema version", "{\"count\":1,\"names\":[]}", corrupt("missing 'schemaVersion'")),
    Row(
      "schema version of the wrong type", "{\"schemaVersion\":\"1\",\"count\":1,\"names\":[]}",
      corrupt("wrong type at 'schemaVersion': expected to decode Int but found a string instead")),
    Row("missing field", "{\"schemaVersion\":1,\"names\":[]}", corrupt("missing 'count'")),
    Row(
      "field of the wrong type", "{\"schemaVersion\":1,\"count\":\"three\",\"names\":[]}",
      corrupt("wrong type at 'count': expected to decode Int but found a string instead")),
    Row(
      "nested element of the wrong type", "{\"schemaVersion\":1,\"count\":1,\"names\":[\"a\",2]}",
      corrupt("wrong type at 'names[1]': expected to decode String but found number instead")),
    Row(
      "null field", "{\"schemaVersion\":1,\"count\":null,\"names\":[]}",
      corrupt("null at 'count' where a value is required")),
    Row("newer schema, readable shape", "{\"schemaVersion\":7,\"count\":1,\"names\":[]}", newer),
    Row("newer schema, different shape", "{\"schemaVersion\":7,\"hosts\":{\"a\":{}}}", newer),
  ]

  @Test(arguments: rows)
  func refusedWithAClearMessageAndLeftUntouched(_ row: Row) throws {
    try withStateFile { _, path in
      try writeFile(path, row.bytes)
      let node = inode(path)
      let expected = row.message.replacingOccurrences(of: "PATH", with: path)
      let store = counterStore(path)

      #expect(message { _ = try store.read() } == expected)
      var bodyRan = false
      #expect(message { try store.transaction { document in bodyRan = true; document.count = 0 } } == expected)
      #expect(!bodyRan)

      #expect(fileBytes(path) == row.bytes)
      #expect(inode(path) == node)
      #expect(!fileExists(path + ".tmp"))
    }
  }

  @Test(arguments: rows)
  func resetReplacesARefusedFile(_ row: Row) throws {
    try withStateFile { _, path in
      try writeFile(path, row.bytes)
      let store = counterStore(path, initialCount: 3)
      try store.reset()
      #expect(try store.read() == CounterDocument(count: 3))
      try store.transaction { $0.count += 1 }
      #expect(try store.read().count == 4)
    }
  }

  /// The store error's message, or a note saying none was thrown.
  private func message(_ body: () throws -> Void) -> String {
    do {
      try body()
      return "(no error)"
    } catch let error as StateStoreError {
      return error.message
    } catch {
      return "(unexpected error \(error))"
    }
  }
}
