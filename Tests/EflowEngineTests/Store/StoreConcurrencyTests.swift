import Foundation
import Testing

@testable import EflowEngine

/// Parallel writers lose no update; readers never see a half-written file.
///
/// These run in threads, not processes, and still test what matters between processes: `flock`
/// locks belong to the open file description, and every transaction opens the lock file afresh,
/// so two threads exclude each other exactly as two processes do. (A test through the eflowsh
/// binary, across real processes, comes with the cmdlets that use the store.)
struct StoreConcurrencyTests {
  @Test func parallelIncrementsLoseNoUpdate() throws {
    let threads = 8
    let increments = 50
    try withStateFile { _, path in
      let failures = Failures()
      runThreads(threads) { thread in
        // Each thread has its own store value, as each process would.
        let store = counterStore(path)
        for _ in 0..<increments {
          do {
            try store.transaction { document in
              document.count += 1
              document.names.append("t\(thread)")
            }
          } catch {
            failures.add("\(error)")
          }
        }
      }
      #expect(failures.all.isEmpty)
      let document = try counterStore(path).read()
      #expect(document.count == threads * increments)
      for thread in 0..<threads {
        #expect(document.names.count { $0 == "t\(thread)" } == increments)
      }
    }
  }

  @Test func readersDuringWritesAlwaysSeeACompleteDocument() throws {
    try withStateFile { _, path in
      try counterStore(path).transaction { $0.count = 0 }
      let failures = Failures()
      runThreads(3) { thread in
        let store = counterStore(path)
        if thread == 0 {
          var last = 0
          for _ in 0..<300 {
            do {
              let document = try store.read()
              if document.count < last || document.names.count != document.count {
                failures.add("read went back or mixed: \(document.count) after \(last)")
              }
              last = document.count
            } catch {
              failures.add("\(error)")
            }
          }
        } else {
          for _ in 0..<50 {
            do {
              try store.transaction { document in
                document.count += 1
                document.names.append(String(repeating: "x", count: 200))
              }
            } catch {
              failures.add("\(error)")
            }
          }
        }
      }
      #expect(failures.all.isEmpty)
      #expect(try counterStore(path).read().count == 100)
    }
  }

  /// Runs `body(0..<count)` on that many threads at once and waits for all of them.
  private func runThreads(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
    let group = DispatchGroup()
    for index in 0..<count {
      group.enter()
      let thread = Thread {
        body(index)
        group.leave()
      }
      thread.start()
    }
    group.wait()
  }
}

/// Failures collected from worker threads, reported once they have all finished.
private final class Failures: @unchecked Sendable {
  private let lock = NSLock()
  private var messages: [String] = []

  func add(_ message: String) {
    lock.withLock { messages.append(message) }
  }

  var all: [String] { lock.withLock { messages } }
}
