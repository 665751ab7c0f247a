import Foundation
import Testing

@testable import PSLanguage

/// Every example script under `scripts/` must parse without a single error.
struct ScriptParseTests {
  /// The repository root: three levels up from this file (`Tests/PSLanguageTests/…`).
  static let repoRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// The `*.ps1` files under `scripts/` (recursively), as paths relative to `scripts/`, sorted.
  static func scriptFiles() -> [String] {
    let dir = repoRoot.appendingPathComponent("scripts")
    guard let e = FileManager.default.enumerator(atPath: dir.path) else { return [] }
    var out: [String] = []
    while let p = e.nextObject() as? String {
      if p.lowercased().hasSuffix(".ps1") { out.append(p) }
    }
    return out.sorted()
  }

  static let files = scriptFiles()

  @Test func scriptListIsNotEmpty() {
    #expect(!Self.files.isEmpty, "no *.ps1 under \(Self.repoRoot.path)/scripts")
  }

  @Test(arguments: files)
  func scriptParsesCleanly(_ relativePath: String) throws {
    let url = Self.repoRoot.appendingPathComponent("scripts").appendingPathComponent(relativePath)
    let text = try String(contentsOf: url, encoding: .utf8)
    let r = Parser.parse(text, path: relativePath)
    let rendered = r.errors.map { e -> String in
      let pos = r.source.position(of: e.range.start)
      return "\(relativePath):\(pos.line):\(pos.column): \(e.id.rawValue): \(e.message)"
    }
    #expect(r.errors.isEmpty, "\(rendered.joined(separator: "\n"))")
    #expect(!r.isIncomplete)
    // Something was actually parsed.
    #expect(!(r.ast.endBlock?.statements.isEmpty ?? true) || r.ast.paramBlock != nil)
  }
}
