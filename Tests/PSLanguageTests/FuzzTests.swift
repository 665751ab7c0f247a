import Foundation
import Testing

@testable import PSLanguage

/// SplitMix64: a small, seeded, deterministic generator, so every run mutates the same way.
struct SplitMix64: RandomNumberGenerator {
  var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A stable seed for a name (FNV-1a; `hashValue` changes between runs).
  static func seed(_ name: String) -> UInt64 {
    var h: UInt64 = 0xCBF2_9CE4_8422_2325
    for b in name.utf8 {
      h ^= UInt64(b)
      h &*= 0x0000_0100_0000_01B3
    }
    return h
  }
}

/// Parses mutated scripts (truncations, random edits) and pathological nesting, checking that the
/// parser always returns, that every error lies inside the text and says something, and that
/// every extent in the tree is inside the text.
struct FuzzTests {
  struct Sample: CustomTestStringConvertible, Sendable {
    var name: String
    var text: String
    var testDescription: String { name }
  }

  /// The example scripts under `scripts/`.
  static let scripts: [Sample] = {
    let dir = RepoPaths.scripts
    let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
    return names.filter { $0.hasSuffix(".ps1") }.sorted().compactMap { n in
      guard let t = try? String(contentsOf: dir.appendingPathComponent(n), encoding: .utf8) else { return nil }
      return Sample(name: n, text: t)
    }
  }()

  /// The sources of `shared/conformance/parse-errors.tsv` (first column).
  static let conformanceSources: [String] = {
    let url = RepoPaths.shared.appendingPathComponent("conformance/parse-errors.tsv")
    guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
    var out: [String] = []
    var sawHeader = false
    for line in text.split(separator: "\n", omittingEmptySubsequences: true) where !line.hasPrefix("#") {
      if !sawHeader {
        sawHeader = true
        continue
      }
      if let first = line.split(separator: "\t", omittingEmptySubsequences: false).first {
        out.append(String(first))
      }
    }
    return out
  }()

  /// Characters that matter to PowerShell's grammar, used for insertions.
  static let significant: [String] = Array("{}()[]\"'@$`|;,-#<>\n=+.:&!?*/% \t\r\u{201C}\u{2018}\u{2013}").map(String.init) + ["@'\n", "@\"\n", "\n'@", "\n\"@", "$(", "@(", "@{", "<#", "#>", "--%", "::", "..", "&&", "||", "2>&1"]

  // MARK: - Checks

  /// Parses `text` and checks the invariants; returns the result for further checks.
  @discardableResult
  static func check(_ text: String, label: String, walkTree: Bool = true, sourceLocation: SourceLocation = #_sourceLocation)
    -> Parser.Result
  {
    let r = Parser.parse(text)
    let count = r.source.count
    for e in r.errors {
      if e.range.start < 0 || e.range.start > e.range.end || e.range.end > count + 1 {
        Issue.record("\(label): error \(e.id.rawValue) at \(e.range) outside 0...\(count + 1)", sourceLocation: sourceLocation)
      }
      if e.message.trimmingCharacters(in: .whitespaces).isEmpty {
        Issue.record("\(label): error \(e.id.rawValue) has no message", sourceLocation: sourceLocation)
      }
    }
    if r.isIncomplete && r.errors.isEmpty {
      Issue.record("\(label): incomplete without errors", sourceLocation: sourceLocation)
    }
    if walkTree {
      var bad: [(SourceRange, String)] = []
      collectRanges(r.ast, limit: count) { bad.append(($0, $1)) }
      if let b = bad.first {
        Issue.record(
          "\(label): \(bad.count) tree extents outside 0...\(count), first \(b.0) at \(b.1)", sourceLocation: sourceLocation)
      }
    }
    return r
  }

  /// Every `SourceRange` reachable from `value` that lies outside `0...limit`, with its path.
  static func collectRanges(
    _ value: Any, limit: Int, path: String = "ast", depth: Int = 0, _ report: (SourceRange, String) -> Void
  ) {
    if depth > 400 { return }
    if let r = value as? SourceRange {
      if r.start < 0 || r.end > limit || r.start > r.end { report(r, path) }
      return
    }
    if value is String || value is SourceFile || value is Int || value is Bool { return }
    for (i, child) in Mirror(reflecting: value).children.enumerated() {
      collectRanges(child.value, limit: limit, path: path + "." + (child.label ?? String(i)), depth: depth + 1, report)
    }
  }

  // MARK: - Corpus

  @Test func corpusIsPresent() {
    #expect(!Self.scripts.isEmpty)
    #expect(Self.conformanceSources.count >= 100)
  }

  /// Every prefix of each script at about 200 evenly spread points (plus a few random ones).
  @Test(arguments: scripts)
  func truncations(_ sample: Sample) {
    let chars = Array(sample.text.unicodeScalars)
    var rng = SplitMix64(seed: SplitMix64.seed("truncate " + sample.name))
    var points = Set<Int>()
    let steps = min(200, chars.count)
    for i in 0...steps { points.insert(chars.count * i / max(steps, 1)) }
    for _ in 0..<20 { points.insert(Int.random(in: 0...chars.count, using: &rng)) }
    var incomplete = 0
    for (n, p) in points.sorted().enumerated() {
      var s = String.UnicodeScalarView()
      s.append(contentsOf: chars[0..<p])
      let r = Self.check(String(s), label: "\(sample.name) cut at \(p)", walkTree: n % 10 == 0)
      if r.isIncomplete { incomplete += 1 }
    }
    // Cutting a script mid-way usually leaves a block open: most prefixes want more input.
    #expect(incomplete > 0)
    #expect(Self.check(sample.text, label: sample.name).errors.isEmpty)
  }

  /// Random deletions, insertions of significant characters, duplications and swaps.
  static func mutate(_ text: String, rng: inout SplitMix64) -> String {
    var chars = Array(text)
    let edits = Int.random(in: 1...4, using: &rng)
    for _ in 0..<edits {
      let n = chars.count
      switch Int.random(in: 0..<5, using: &rng) {
      case 0 where n > 0:  // delete a span
        let a = Int.random(in: 0..<n, using: &rng)
        let len = Int.random(in: 1...min(8, n - a), using: &rng)
        chars.removeSubrange(a..<(a + len))
      case 1:  // insert significant characters
        let at = Int.random(in: 0...n, using: &rng)
        let piece = Self.significant[Int.random(in: 0..<Self.significant.count, using: &rng)]
        chars.insert(contentsOf: Array(piece), at: at)
      case 2 where n > 0:  // duplicate a span
        let a = Int.random(in: 0..<n, using: &rng)
        let len = Int.random(in: 1...min(40, n - a), using: &rng)
        let span = Array(chars[a..<(a + len)])
        let at = Int.random(in: 0...n, using: &rng)
        chars.insert(contentsOf: span, at: at)
      case 3 where n > 0:  // replace one character
        let a = Int.random(in: 0..<n, using: &rng)
        chars[a] = Self.significant[Int.random(in: 0..<Self.significant.count, using: &rng)].first ?? " "
      case 4 where n > 1:  // swap two characters
        let a = Int.random(in: 0..<n, using: &rng)
        let b = Int.random(in: 0..<n, using: &rng)
        chars.swapAt(a, b)
      default:
        chars.append(Self.significant[Int.random(in: 0..<Self.significant.count, using: &rng)].first ?? " ")
      }
    }
    return String(chars)
  }

  @Test(arguments: scripts)
  func randomEditsOfScripts(_ sample: Sample) {
    var rng = SplitMix64(seed: SplitMix64.seed("edit " + sample.name))
    var withErrors = 0
    let rounds = 250
    for i in 0..<rounds {
      let text = Self.mutate(sample.text, rng: &rng)
      let r = Self.check(text, label: "\(sample.name) edit #\(i)", walkTree: i % 10 == 0)
      if !r.errors.isEmpty { withErrors += 1 }
    }
    // Not every edit breaks a script (a deleted comment character), but many do.
    #expect(withErrors > rounds / 10)
  }

  @Test func randomEditsOfConformanceSources() {
    var rng = SplitMix64(seed: SplitMix64.seed("conformance"))
    for (n, source) in Self.conformanceSources.enumerated() {
      Self.check(source, label: "conformance #\(n)")
      for i in 0..<25 {
        Self.check(Self.mutate(source, rng: &rng), label: "conformance #\(n) edit #\(i)", walkTree: i % 5 == 0)
      }
      // Every truncation of the short sources too.
      let chars = Array(source)
      for p in 0..<chars.count { Self.check(String(chars[0..<p]), label: "conformance #\(n) cut \(p)", walkTree: false) }
    }
  }

  /// Random strings over the significant characters, with some words mixed in.
  @Test func randomTokenSoup() {
    var rng = SplitMix64(seed: SplitMix64.seed("soup"))
    let words = [
      "if", "else", "elseif", "foreach", "for", "while", "do", "until", "switch", "function", "filter", "param",
      "begin", "process", "end", "try", "catch", "finally", "trap", "return", "throw", "break", "continue", "exit",
      "data", "class", "enum", "using", "in", "$x", "$_", "-eq", "-not", "-f", "-and", "Get-Item", "1", "0x1F",
      "'s'", "\"d $y\"", "[int]", "[Parameter(Mandatory)]", "-Name:", "@params", "2>&1", "> $null", "`\n",
    ]
    for i in 0..<2000 {
      var s = ""
      for _ in 0..<Int.random(in: 1...30, using: &rng) {
        if Bool.random(using: &rng) {
          s += words[Int.random(in: 0..<words.count, using: &rng)]
        } else {
          s += Self.significant[Int.random(in: 0..<Self.significant.count, using: &rng)]
        }
        if Int.random(in: 0..<3, using: &rng) == 0 { s += " " }
      }
      Self.check(s, label: "soup #\(i): \(s.debugDescription)", walkTree: i % 10 == 0)
    }
  }

  // MARK: - Deep nesting

  struct Deep: CustomTestStringConvertible, Sendable {
    var piece: String
    var count: Int
    var suffix: String = ""
    /// False where the input fails early for another reason (`[[[` has no type name).
    var nestsDeeply = true
    var testDescription: String { "\(piece.debugDescription) ×\(count)" + (suffix.isEmpty ? "" : " + …") }
  }

  static let deepInputs: [Deep] = [
    Deep(piece: "(", count: 100_000),
    Deep(piece: "{", count: 100_000),
    Deep(piece: "@(", count: 50_000),
    Deep(piece: "$(", count: 50_000),
    Deep(piece: "@{a=", count: 30_000),
    Deep(piece: "-not ", count: 50_000),
    Deep(piece: "!", count: 50_000),
    Deep(piece: "-", count: 50_000),
    Deep(piece: ",", count: 50_000),
    Deep(piece: "\"$(", count: 500),
    Deep(piece: "[", count: 50_000, nestsDeeply: false),
    Deep(piece: "$a[", count: 50_000),
    Deep(piece: "[int]", count: 50_000, suffix: "$x"),
    Deep(piece: "if ($x) {", count: 30_000),
    Deep(piece: "function f {", count: 30_000),
    Deep(piece: "& {", count: 30_000),
    Deep(piece: "$x.m(", count: 30_000),
    Deep(piece: "1 ? ", count: 30_000),
    Deep(piece: "$a = ", count: 30_000, suffix: "1"),
    Deep(piece: "(", count: 20_000, suffix: "1" + String(repeating: ")", count: 20_000)),
    Deep(piece: "@(", count: 20_000, suffix: String(repeating: ")", count: 20_000)),
  ]

  @Test(arguments: deepInputs)
  func deepNesting(_ d: Deep) {
    let text = String(repeating: d.piece, count: d.count) + d.suffix
    let r = Self.check(text, label: d.testDescription, walkTree: false)
    #expect(!r.errors.isEmpty)
    if d.nestsDeeply {
      #expect(r.errors.contains { $0.id == .scriptTooComplicated }, "ids: \(Set(r.errors.map(\.id.rawValue)))")
    }
  }

  /// Strings nested in `$( )` in strings, 20 000 deep. The lexer scans each `"…$(…)…"` by
  /// recursion (`scanExpandableString` → `skipBalancedParentheses` → `next`); its nesting bound
  /// must stop that with `ScriptTooComplicated` long before the stack runs out.
  @Test
  func deeplyNestedStringSubexpressions() {
    let r = Self.check(String(repeating: "\"$(", count: 20_000), label: "\"$( ×20000", walkTree: false)
    #expect(r.errors.contains { $0.id == .scriptTooComplicated })
  }

  /// Nesting within the limit still parses without errors.
  @Test func moderateNestingIsFine() {
    let depth = 20
    let texts = [
      String(repeating: "(", count: depth) + "1" + String(repeating: ")", count: depth),
      String(repeating: "& { ", count: depth) + "1" + String(repeating: " }", count: depth),
      String(repeating: "if ($x) { ", count: depth) + "1" + String(repeating: " }", count: depth),
      String(repeating: "@{a=", count: depth) + "1" + String(repeating: "}", count: depth),
      String(repeating: "\"$(", count: depth) + "1" + String(repeating: ")\"", count: depth),
      String(repeating: "-not ", count: depth) + "$x",
    ]
    for t in texts {
      let r = Self.check(t, label: t)
      #expect(r.errors.isEmpty, "\(t): \(r.errors)")
    }
  }
}
