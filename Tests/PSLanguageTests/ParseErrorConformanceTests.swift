import Foundation
import Testing

@testable import PSLanguage

/// Runs `shared/conformance/parse-errors.tsv`: one-line sources from PowerShell's own parser
/// tests (`ShouldBeParseError`), each with the error ids and positions PowerShell reports.
struct ParseErrorConformanceTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var source: String
    var ids: [String]
    var positions: [Int]
    var isColumn: Bool
    var origin: String
    var testDescription: String { "\(source)  [\(origin)]" }
  }

  /// Cases not compared, with the reason. Every case is in scope today; keep this list empty
  /// unless a case needs syntax eflowsh deliberately does not support.
  static let skipped: [String: String] = [:]

  static func load() -> [Case] {
    let url = RepoPaths.shared.appendingPathComponent("conformance/parse-errors.tsv")
    guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
    var cases: [Case] = []
    var sawHeader = false
    for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
      if line.hasPrefix("#") { continue }
      if !sawHeader {
        sawHeader = true
        continue
      }
      let cols = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      guard cols.count >= 5 else { continue }
      cases.append(
        Case(
          source: cols[0], ids: cols[1].split(separator: ",").map(String.init),
          positions: cols[2].split(separator: ",").compactMap { Int($0) }, isColumn: cols[3] == "column",
          origin: cols[4]))
    }
    return cases
  }

  static let cases = load()

  @Test func conformanceFileIsPresent() {
    #expect(Self.cases.count == 161)
  }

  @Test(arguments: cases)
  func parseErrorMatchesPowerShell(_ c: Case) {
    if Self.skipped[c.origin] != nil { return }
    let result = Parser.parse(c.source)
    #expect(!result.errors.isEmpty, "must fail to parse")
    let ids = result.errors.map(\.id.rawValue)
    let positions = result.errors.map { e in
      c.isColumn ? result.source.position(of: e.range.start).column : e.range.start
    }
    #expect(ids == c.ids, "ids for \(c.source)")
    #expect(positions == c.positions, "positions for \(c.source)")
  }
}
