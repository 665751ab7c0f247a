import Foundation
import Testing

@testable import EflowEngine

/// A crash at any instant leaves the old state or the new one. The interesting instant is after
/// the new state is in the temporary file and before the rename; the test hook stops the
/// transaction right there, leaving the files as a crash would (the lock goes with the process
/// or, here, with the closed descriptor).
struct StoreCrashTests {
  /// The hook's way to stop the transaction; the error itself is not under test.
  func simulatedCrash(_ path: String) -> @Sendable () throws(StateStoreError) -> Void {
    { () throws(StateStoreError) in throw .io(path: path, action: "simulate a crash at", code: EIO) }
  }

  @Test func crashBeforeRenameLeavesTheOldStateAndTheNextWriteCleansUp() throws {
    try withStateFile { _, path in
      try counterStore(path).transaction { $0.count = 1 }
      let old = fileBytes(path)

      var crashing = counterStore(path)
      crashing.beforeRename = simulatedCrash(path)
      #expect(throws: StateStoreError.self) { try crashing.transaction { $0.count = 2 } }

      // The new state reached the temporary file, complete and synced, but never replaced the old.
      #expect(fileExists(path + ".tmp"))
      #expect(fileBytes(path) == old)
      #expect(try counterStore(path).read().count == 1)

      // The next transaction starts from the old state, and its write replaces the stray file.
      try counterStore(path).transaction { $0.count += 10 }
      #expect(try counterStore(path).read().count == 11)
      #expect(!fileExists(path + ".tmp"))
    }
  }

  @Test func crashBeforeTheFirstRenameLeavesNoStateFile() throws {
    try withStateFile { _, path in
      var crashing = counterStore(path, initialCount: 5)
      crashing.beforeRename = simulatedCrash(path)
      #expect(throws: StateStoreError.self) { try crashing.transaction { $0.count += 1 } }
      #expect(!fileExists(path))
      let document = try counterStore(path, initialCount: 5).read()
      #expect(document.count == 5)
    }
  }

  @Test func halfWrittenStrayTemporaryFileIsIgnoredAndReplaced() throws {
    try withStateFile { _, path in
      try counterStore(path).transaction { $0.count = 3 }
      // What a crash in the middle of writing the temporary file leaves.
      try writeFile(path + ".tmp", Array("{\n  \"count\" : 4,\n  \"na".utf8))
      #expect(try counterStore(path).read().count == 3)
      try counterStore(path).transaction { $0.count += 1 }
      #expect(try counterStore(path).read().count == 4)
      #expect(!fileExists(path + ".tmp"))
    }
  }

  @Test func lockFileLeftBehindDoesNotBlock() throws {
    try withStateFile { _, path in
      // A lock file always stays; a process that died holding the lock released it on exit.
      try writeFile(path + ".lock", [])
      try counterStore(path).transaction { $0.count = 1 }
      #expect(try counterStore(path).read().count == 1)
    }
  }
}
