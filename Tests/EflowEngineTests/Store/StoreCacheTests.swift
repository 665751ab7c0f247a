import Foundation
import Testing

@testable import EflowEngine

/// The document cache skips decoding only while the file holds exactly what the process last
/// wrote: another process's change is always read.
struct StoreCacheTests {
  @Test func aChangeByAnotherWriterIsNeverHiddenByTheCache() throws {
    try withStateFile { _, path in
      let mine = counterStore(path)
      let other = counterStore(path)
      let cache = DocumentCache<CounterDocument>()
      try mine.transaction(cache: cache) { $0.count += 1 }
      try mine.transaction(cache: cache) { $0.count += 1 }
      #expect(try mine.read().count == 2)
      // Another writer (no cache) changes the file behind the cache's back.
      try other.transaction { $0.count += 10; $0.names.append("other") }
      let seen = try mine.transaction(cache: cache) { doc -> CounterDocument in
        doc.count += 1
        return doc
      }
      #expect(seen.count == 13)
      #expect(seen.names == ["other"])
      #expect(try other.read().count == 13)
    }
  }
}
