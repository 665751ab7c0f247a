/// PowerShell wildcard pattern (-like, -notlike, Where-Object -like, parameter wildcards).
///
/// Mirrors `System.Management.Automation.WildcardPattern` (engine/regex.cs):
/// - `*` matches any run of characters (including none), `?` exactly one character;
/// - `[abc]` / `[a-z]` match one character from the set; there is no negation (`^`/`!` are
///   literal), an unescaped `]` right after `[` is a member, `-` is a range only between two
///   members (so `[-a]` and `[a-]` contain a literal `-`);
/// - a backtick escapes the next character (`` `* `` is a literal `*`, also inside brackets);
///   a trailing lone backtick is a literal backtick, except that the pattern `` ` `` alone
///   means the empty pattern (Windows 7 compatibility);
/// - an unclosed `[` or a reversed range (`[z-a]`) makes the pattern invalid.
///
/// Matching is over `Character`s (grapheme clusters). Case-insensitive matching folds
/// each character with `lowercased()` (culture-invariant simple lowering); bracket
/// expressions also accept a character whose upper- or lower-case form is in the set.
/// The matcher is the classic two-pointer algorithm with star backtracking, so it never
/// goes exponential (worst case O(pattern × text)).
public struct WildcardPattern: Sendable {
  public let pattern: String
  public let caseSensitive: Bool
  /// `nil` when the pattern is valid; otherwise the PowerShell error message.
  public let errorMessage: String?

  private let elements: [Element]
  /// Per-element ASCII bitmaps (nil for `*`), used when the text is pure ASCII.
  private let asciiElements: [ASCIISet?]

  public init(_ pattern: String, caseSensitive: Bool = false) {
    self.pattern = pattern
    self.caseSensitive = caseSensitive
    switch WildcardPattern.parse(pattern, caseSensitive: caseSensitive) {
    case .success(let elements):
      self.elements = elements
      self.errorMessage = nil
      self.asciiElements = elements.map { $0.asciiSet(caseSensitive: caseSensitive) }
    case .failure(let error):
      self.elements = []
      self.asciiElements = []
      self.errorMessage = error.message
    }
  }

  /// True when the pattern parsed successfully.
  public var isValid: Bool { errorMessage == nil }

  /// Returns PowerShell's `WildcardPatternException` message for an invalid pattern,
  /// or `nil` when the pattern is valid.
  public static func validate(_ pattern: String) -> String? {
    switch parse(pattern, caseSensitive: true) {
    case .success: return nil
    case .failure(let error): return error.message
    }
  }

  /// The message PowerShell uses for an invalid wildcard pattern.
  public static func invalidPatternMessage(_ pattern: String) -> String {
    "The specified wildcard character pattern is not valid: \(pattern)"
  }

  /// Whole-string match. Always false for an invalid pattern.
  public func matches(_ text: String) -> Bool {
    guard errorMessage == nil else { return false }
    if elements.isEmpty { return text.isEmpty }
    if elements.count == 1, case .star = elements[0] { return true }
    if text.utf8.allSatisfy({ $0 < 0x80 }) {
      return matchASCII(Array(text.utf8))
    }
    return matchCharacters(text)
  }

  /// `WildcardPattern.ContainsWildcardCharacters`: true when the pattern has an unescaped
  /// `*`, `?`, `[` or `]`.
  public static func containsWildcards(_ pattern: String) -> Bool {
    var escaped = false
    for c in pattern {
      if escaped { escaped = false; continue }
      switch c {
      case "*", "?", "[", "]": return true
      case "`": escaped = true
      default: break
      }
    }
    return false
  }

  /// `WildcardPattern.Escape`: prefixes `*`, `?`, `[`, `]` and `` ` `` with a backtick.
  public static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for c in text {
      switch c {
      case "*", "?", "[", "]", "`": out.append("`")
      default: break
      }
      out.append(c)
    }
    return out
  }

  /// `WildcardPattern.Unescape`: removes the backtick before escaped wildcard characters
  /// (`` `` `` becomes `` ` ``; a backtick before another character is kept).
  public static func unescape(_ text: String) -> String {
    var out = ""
    var previousWasEscape = false
    for c in text {
      if c == "`" {
        if previousWasEscape {
          out.append(c)
          previousWasEscape = false
        } else {
          previousWasEscape = true
        }
        continue
      }
      if previousWasEscape, !(c == "*" || c == "?" || c == "[" || c == "]") {
        out.append("`")
      }
      out.append(c)
      previousWasEscape = false
    }
    if previousWasEscape { out.append("`") }
    return out
  }

  // MARK: - Model

  fileprivate struct ParseError: Error { var message: String }

  fileprivate enum Element: Sendable {
    case star
    case any
    case literal(Character)          // already case-folded when case-insensitive
    case set(BracketSet)

    func matches(_ c: Character, folded: Character, caseSensitive: Bool) -> Bool {
      switch self {
      case .star, .any: return true
      case .literal(let l): return l == folded
      case .set(let s): return s.contains(c, caseSensitive: caseSensitive)
      }
    }

    func asciiSet(caseSensitive: Bool) -> ASCIISet? {
      switch self {
      case .star: return nil
      case .any: return ASCIISet.all
      case .literal(let l):
        var set = ASCIISet()
        if let a = l.asciiValue {
          set.insert(a)
          if !caseSensitive { set.insert(ASCIISet.otherCase(a)) }
        } else if !caseSensitive {
          // e.g. KELVIN SIGN folds to "k".
          for b in UInt8(0)..<0x80 where WildcardPattern.fold(Character(Unicode.Scalar(b))) == l {
            set.insert(b)
          }
        }
        return set
      case .set(let s):
        var set = ASCIISet()
        for b in UInt8(0)..<0x80 {
          let c = Character(Unicode.Scalar(b))
          if s.contains(c, caseSensitive: caseSensitive) { set.insert(b) }
        }
        return set
      }
    }
  }

  fileprivate struct BracketSet: Sendable {
    var singles: [Character] = []
    var ranges: [ClosedRange<UInt32>] = []

    func containsExact(_ c: Character) -> Bool {
      if singles.contains(c) { return true }
      if !ranges.isEmpty, let v = WildcardPattern.scalarValue(c) {
        for r in ranges where r.contains(v) { return true }
      }
      return false
    }

    func contains(_ c: Character, caseSensitive: Bool) -> Bool {
      if containsExact(c) { return true }
      if caseSensitive { return false }
      let lower = c.lowercased()
      if lower.count == 1, let l = lower.first, l != c, containsExact(l) { return true }
      let upper = c.uppercased()
      if upper.count == 1, let u = upper.first, u != c, containsExact(u) { return true }
      return false
    }
  }

  fileprivate struct ASCIISet: Sendable {
    var lo: UInt64 = 0
    var hi: UInt64 = 0
    static let all = ASCIISet(lo: ~0, hi: ~0)
    mutating func insert(_ b: UInt8) {
      if b < 64 { lo |= (1 << UInt64(b)) } else if b < 128 { hi |= (1 << UInt64(b - 64)) }
    }
    @inline(__always) func contains(_ b: UInt8) -> Bool {
      b < 64 ? (lo >> UInt64(b)) & 1 == 1 : (hi >> UInt64(b &- 64)) & 1 == 1
    }
    static func otherCase(_ b: UInt8) -> UInt8 {
      switch b {
      case UInt8(ascii: "a")...UInt8(ascii: "z"): return b - 32
      case UInt8(ascii: "A")...UInt8(ascii: "Z"): return b + 32
      default: return b
      }
    }
  }

  fileprivate static func scalarValue(_ c: Character) -> UInt32? {
    let scalars = c.unicodeScalars
    guard scalars.count == 1 else { return nil }
    return scalars.first!.value
  }

  fileprivate static func fold(_ c: Character) -> Character {
    if let a = c.asciiValue {
      if a >= UInt8(ascii: "A") && a <= UInt8(ascii: "Z") { return Character(Unicode.Scalar(a + 32)) }
      return c
    }
    let lower = c.lowercased()
    if lower.count == 1, let l = lower.first { return l }
    return c
  }

  // MARK: - Parsing (WildcardPatternParser.Parse)

  fileprivate static func parse(_ pattern: String, caseSensitive: Bool) -> Result<[Element], ParseError> {
    var elements: [Element] = []
    var previousIsEscape = false
    var previousStartedBracket = false
    var inBracket = false
    var bracketChars: [Character] = []
    var bracketIsRangeOperator: [Bool] = []
    let invalid = ParseError(message: invalidPatternMessage(pattern))

    for c in pattern {
      if inBracket {
        if c == "]" && !previousStartedBracket && !previousIsEscape {
          inBracket = false
          var set = BracketSet()
          var i = 0
          while i < bracketChars.count {
            if i + 2 < bracketChars.count && bracketIsRangeOperator[i + 1] {
              let lowC = bracketChars[i], highC = bracketChars[i + 2]
              i += 3
              if let low = scalarValue(lowC), let high = scalarValue(highC) {
                if low > high { return .failure(invalid) }
                set.ranges.append(low...high)
              } else {
                // Multi-scalar characters cannot form a range; treat both ends literally.
                set.singles.append(lowC)
                set.singles.append(highC)
              }
            } else {
              set.singles.append(bracketChars[i])
              i += 1
            }
          }
          elements.append(.set(set))
          bracketChars.removeAll()
          bracketIsRangeOperator.removeAll()
        } else if c != "`" || previousIsEscape {
          bracketChars.append(c)
          bracketIsRangeOperator.append(c == "-" && !previousIsEscape)
        }
        previousStartedBracket = false
      } else {
        if c == "*" && !previousIsEscape {
          // Consecutive stars are equivalent to one.
          if case .star? = elements.last {} else { elements.append(.star) }
        } else if c == "?" && !previousIsEscape {
          elements.append(.any)
        } else if c == "[" && !previousIsEscape {
          inBracket = true
          previousStartedBracket = true
        } else if c != "`" || previousIsEscape {
          elements.append(.literal(caseSensitive ? c : fold(c)))
        }
      }
      previousIsEscape = (c == "`") && !previousIsEscape
    }
    if inBracket { return .failure(invalid) }
    if previousIsEscape && pattern != "`" {
      elements.append(.literal("`"))
    }
    return .success(elements)
  }

  // MARK: - Matching

  private func matchASCII(_ text: [UInt8]) -> Bool {
    let n = text.count, m = elements.count
    var p = 0, t = 0, starP = -1, starT = 0
    while t < n {
      if p < m {
        if let set = asciiElements[p] {
          if set.contains(text[t]) { p += 1; t += 1; continue }
        } else {
          starP = p; starT = t; p += 1
          continue
        }
      }
      if starP >= 0 {
        p = starP + 1
        starT += 1
        t = starT
        continue
      }
      return false
    }
    while p < m, asciiElements[p] == nil { p += 1 }
    return p == m
  }

  private func matchCharacters(_ string: String) -> Bool {
    let text = Array(string)
    let folded = caseSensitive ? text : text.map(WildcardPattern.fold)
    let n = text.count, m = elements.count
    var p = 0, t = 0, starP = -1, starT = 0
    while t < n {
      if p < m {
        if case .star = elements[p] {
          starP = p; starT = t; p += 1
          continue
        }
        if elements[p].matches(text[t], folded: folded[t], caseSensitive: caseSensitive) {
          p += 1; t += 1
          continue
        }
      }
      if starP >= 0 {
        p = starP + 1
        starT += 1
        t = starT
        continue
      }
      return false
    }
    while p < m, case .star = elements[p] { p += 1 }
    return p == m
  }
}
