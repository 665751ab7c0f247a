import Testing

@testable import PSLanguage

/// Keyword and dash-operator look-ups work on packed ASCII letters (`PackedWord`); they must
/// answer exactly as a case-insensitive look-up of the name would.
struct WordLookupTests {

  @Test func everyKeywordInAnyCase() {
    for k in Keyword.allCases {
      #expect(Keyword(word: k.rawValue) == k)
      #expect(Keyword(word: k.rawValue.uppercased()) == k)
      #expect(Keyword(word: k.rawValue.prefix(1).uppercased() + k.rawValue.dropFirst()) == k)
    }
  }

  @Test func nonKeywords() {
    for w in ["", "i", "iff", "fo", "forr", "Write-Host", "if1", "for_", "f@r", "func tion", "dynamicparamx", "ïf", "ſwitch"] {
      #expect(Keyword(word: w) == nil, "\(w)")
    }
  }

  @Test func everyOperatorWithItsPrefixes() {
    for b in DashOperator.Base.allCases {
      #expect(DashOperator(word: b.rawValue) == DashOperator(base: b))
      #expect(DashOperator(word: b.rawValue.uppercased()) == DashOperator(base: b))
      let c = DashOperator(word: "c" + b.rawValue)
      let i = DashOperator(word: "I" + b.rawValue)
      if b.hasCaseVariants {
        #expect(c == DashOperator(base: b, caseSensitive: true))
        #expect(i == DashOperator(base: b, explicitInsensitive: true))
      } else if Keyword(word: "c" + b.rawValue) == nil {
        // `-cand`, `-ijoin`: no such operators (unless the prefixed word is another base).
        #expect(c == nil || DashOperator.Base(rawValue: "c" + b.rawValue) != nil)
        #expect(i == nil || DashOperator.Base(rawValue: "i" + b.rawValue) != nil)
      }
    }
  }

  @Test func nonOperators() {
    for w in ["", "c", "i", "x", "eqq", "ceqq", "cc", "ic", "e-q", "eq1", "notcontainss", "cnotcontainsabcdef", "éq"] {
      #expect(DashOperator(word: w) == nil, "\(w)")
    }
    // `-in` and `-is` are operators of their own, not prefixed `-n` / `-s`.
    #expect(DashOperator(word: "in") == DashOperator(base: .in))
    #expect(DashOperator(word: "is") == DashOperator(base: .is))
    #expect(DashOperator(word: "cin") == DashOperator(base: .in, caseSensitive: true))
    #expect(DashOperator(word: "iin") == DashOperator(base: .in, explicitInsensitive: true))
  }
}
