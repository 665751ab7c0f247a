import Foundation
import Testing

@testable import EflowEngine

/// Reading, writing and resetting a healthy state file.
struct StoreTests {
  @Test func transactionCreatesTheFileOnFirstUseAndReadSeesIt() throws {
    try withStateFile { _, path in
      let store = counterStore(path, initialCount: 10)
      let returned = try store.transaction { document -> Int in
        document.count += 1
        document.names.append("first")
        return document.count
      }
      #expect(returned == 11)
      #expect(fileExists(path))
      #expect(try store.read() == CounterDocument(count: 11, names: ["first"]))
      // A second store on the same file (as another process would be) sees the same state.
      #expect(try counterStore(path).read().count == 11)
    }
  }

  @Test func transactionCreatesMissingParentDirectories() throws {
    try withStateFile { directory, _ in
      let path = directory + "/a/b/state.json"
      try counterStore(path).transaction { $0.count = 1 }
      #expect(try counterStore(path).read().count == 1)
      #expect(fileExists(directory + "/a/b/state.json.lock"))
    }
  }

  @Test func firstTransactionWritesTheInitialDocumentEvenWhenBodyChangesNothing() throws {
    try withStateFile { _, path in
      try counterStore(path, initialCount: 5).transaction { _ in }
      #expect(try counterStore(path, initialCount: 0).read().count == 5)
    }
  }

  @Test func readOfAMissingFileReturnsTheInitialDocumentAndCreatesNothing() throws {
    try withStateFile { directory, _ in
      let path = directory + "/sub/state.json"
      let document = try counterStore(path, initialCount: 3).read()
      #expect(document == CounterDocument(count: 3))
      #expect(!fileExists(directory + "/sub"))
      #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
    }
  }

  @Test func fileIsPrettyPrintedWithSortedKeysAndATrailingNewline() throws {
    try withStateFile { _, path in
      try counterStore(path).transaction {
        $0.count = 2
        $0.names = ["10.0.0.0/24"]
      }
      let text = String(decoding: fileBytes(path) ?? [], as: UTF8.self)
      #expect(
        text == """
          {
            "count" : 2,
            "names" : [
              "10.0.0.0/24"
            ],
            "schemaVersion" : 1
          }

          """)
    }
  }

  @Test func bodyErrorPropagatesUnchangedAndNothingIsWritten() throws {
    try withStateFile { _, path in
      let store = counterStore(path)
      try store.transaction { $0.count = 1 }
      let before = fileBytes(path)
      let node = inode(path)
      #expect(throws: BodyError(reason: "no")) {
        try store.transaction { document in
          document.count = 99
          throw BodyError(reason: "no")
        }
      }
      #expect(fileBytes(path) == before)
      #expect(inode(path) == node)
      #expect(!fileExists(path + ".tmp"))
    }
  }

  @Test func bodyErrorOnFirstUseCreatesNoStateFile() throws {
    try withStateFile { _, path in
      #expect(throws: BodyError.self) {
        try counterStore(path).transaction { _ in throw BodyError(reason: "no") }
      }
      #expect(!fileExists(path))
    }
  }

  @Test func transactionThatChangesNothingDoesNotRewriteTheFile() throws {
    try withStateFile { _, path in
      let store = counterStore(path)
      try store.transaction { $0.count = 1 }
      let node = inode(path)
      try store.transaction { _ in }
      try store.transaction { $0.count = 1 }
      #expect(inode(path) == node)
      try store.transaction { $0.count = 2 }
      #expect(inode(path) != node)
    }
  }

  @Test func writeKeepsTheFilePermissions() throws {
    try withStateFile { _, path in
      let store = counterStore(path)
      try store.transaction { $0.count = 1 }
      #expect(chmod(path, 0o600) == 0)
      try store.transaction { $0.count = 2 }
      var info = stat()
      #expect(stat(path, &info) == 0)
      #expect(info.st_mode & 0o777 == 0o600)
    }
  }

  @Test func resetReplacesTheState() throws {
    try withStateFile { _, path in
      let store = counterStore(path, initialCount: 7)
      try store.transaction { $0.count = 100 }
      try store.reset()
      #expect(try store.read().count == 7)
      try store.reset(to: CounterDocument(count: 42))
      #expect(try store.read().count == 42)
    }
  }

  @Test func failingInitialDocumentIsReportedWithTheCallersError() throws {
    try withStateFile { _, path in
      let store = StateStore<CounterDocument>(url: URL(fileURLWithPath: path)) {
        throw BodyError(reason: "no such host profile")
      }
      do throws(StateStoreError) {
        _ = try store.read()
        Issue.record("read should fail")
      } catch {
        guard case .initialDocument(_, let underlying) = error else {
          Issue.record("unexpected \(error)")
          return
        }
        #expect(underlying as? BodyError == BodyError(reason: "no such host profile"))
        #expect(error.message.hasPrefix("Could not create the initial state for '\(path)': "))
      }
      #expect(!fileExists(path))
    }
  }

  @Test func systemErrorsNameTheFileAndTheReason() throws {
    try withStateFile { directory, _ in
      try writeFile(directory + "/plain", Array("x".utf8))
      let path = directory + "/plain/state.json"
      let store = counterStore(path)
      #expect(throws: StateStoreError.self) { try store.read() }
      do {
        try store.transaction { $0.count = 1 }
        Issue.record("transaction should fail")
      } catch let error as StateStoreError {
        #expect(error.message == "Could not open '\(path).lock': Not a directory.")
      }
    }
  }

  @Test func locationNamesTheStateAndLockFiles() throws {
    let store = counterStore("/var/tmp/x/../eflowsh/state.json")
    #expect(store.url.path == "/var/tmp/eflowsh/state.json")
    #expect(store.lockURL.path == "/var/tmp/eflowsh/state.json.lock")
  }
}
