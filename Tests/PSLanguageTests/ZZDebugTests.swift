import Foundation
import Testing
@testable import PSLanguage

struct ZZDebugTests {
  @Test func dbg() throws {
    guard let text = try? String(contentsOfFile: "/tmp/dbg.txt", encoding: .utf8) else { return }
    for chunk in text.components(separatedBy: "\n====\n") {
      let r = Parser.parse(chunk)
      print("INPUT: \(chunk.debugDescription)")
      print("SHAPE: " + Shape(source: r.source).statements(r.ast.endBlock?.statements ?? []))
      for e in r.errors { print("  ERR \(e.range) \(e.id.rawValue) inc=\(e.isIncompleteInput) \(e.message)") }
    }
  }
}
