import Testing

@testable import PSRuntime

/// Names compare case-insensitively through an ASCII fast path; it must agree with comparing
/// the lower-cased strings on every kind of input.
struct CaseInsensitiveEqualsTests {
  static let pairs: [(String, String, Bool)] = [
    ("Name", "name", true), ("NAME", "nAmE", true), ("name", "names", false), ("", "", true),
    ("a", "", false), ("vswitchName", "VSWITCHNAME", true), ("a[", "A{", false), ("@", "`", false),
    ("Z", "z", true), ("_x", "_X", true), ("Straße", "STRASSE", false), ("Ärger", "ärger", true),
    ("k", "\u{212A}", true), ("ak", "A\u{212A}", true), ("é", "e\u{301}", true), ("E\u{301}", "é", true),
    ("e", "e\u{301}", false), ("İ", "i", false), ("ΣΑΣ", "σας", false), ("abc", "abd", false),
  ]

  @Test(arguments: pairs)
  func agreesWithLowercasing(_ a: String, _ b: String, _ expected: Bool) {
    #expect(a.caseInsensitiveEquals(b) == expected)
    #expect(b.caseInsensitiveEquals(a) == expected)
    #expect(expected == (a.lowercased() == b.lowercased()))
  }
}
