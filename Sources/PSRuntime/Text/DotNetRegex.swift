import Synchronization

// A .NET-flavoured regular expression (System.Text.RegularExpressions) on top of Swift's
// native `Regex` (_StringProcessing). The .NET pattern is translated into Swift regex
// syntax (see `DotNetRegexTranslator`), matched with Unicode-scalar semantics and simple
// word boundaries, and the results are re-numbered the way .NET numbers groups
// (unnamed groups first, then named groups).
//
// Supported .NET syntax: literals and escapes (\t \n \r \a \e \f \v \xHH \uHHHH \cX \0oo),
// classes (\d \w \s \D \W \S \p{..} \P{..}, [..], [^..], ranges, subtraction [a-z-[aeiou]]),
// anchors (^ $ \A \z \Z \b \B \G), groups ((..), (?:..), (?<name>..), (?'name'..),
// (?=..), (?!..), (?>..), (?#..), inline options (?imnsx-imnsx) and (?imnsx-imnsx:..)),
// quantifiers (* + ? {n} {n,} {n,m} and lazy forms), alternation, backreferences
// (\1, \k<name>, \k'name').
//
// Not supported (the constructor throws `RegexError`): lookbehind ((?<=..), (?<!..)),
// conditionals ((?(..)..|..)), balancing groups ((?<a-b>..)).
//
// Known differences from .NET:
// - back-references compare case-sensitively even when the regex ignores case;
// - RightToLeft is only emulated for `split` with a negative count (last N matches of a
//   left-to-right scan);
// - `\b`/`\B` treat digits as non-word characters when the input has multi-scalar
//   characters ("\r\n", combining sequences) — a Swift runtime limitation, see `regex(for:)`;
// - multiline `^` also matches after a lone "\r"; `\w`, `\d`, case folding follow Swift's
//   Unicode tables; matching is per Unicode scalar rather than per UTF-16 code unit.

/// A regex parse error. `message` follows .NET's
/// `Invalid pattern '<pattern>' at offset <n>. <description>` shape where possible.
public struct RegexError: Error, Sendable, Equatable, CustomStringConvertible {
  public var message: String
  public init(message: String) { self.message = message }
  public var description: String { message }
}

/// One group of a match. Group 0 is the whole match.
public struct RegexGroup: Sendable, Equatable {
  public var number: Int
  /// The group name for named groups (`(?<name>...)`); `nil` for numbered groups.
  public var name: String?
  /// The captured text, or `nil` when the group did not participate in the match.
  public var value: String?
  public var success: Bool
  public var range: Range<String.Index>?

  public init(number: Int, name: String?, value: String?, success: Bool, range: Range<String.Index>? = nil) {
    self.number = number
    self.name = name
    self.value = value
    self.success = success
    self.range = range
  }

  /// `$Matches` / `Group.Name` key: the name for named groups, the number otherwise.
  public var key: String { name ?? String(number) }
}

public struct RegexMatch: Sendable {
  public var value: String
  public var range: Range<String.Index>
  /// Index 0 is the whole match, then every group of the pattern in .NET group-number order
  /// (including the ones that did not participate; see `RegexGroup.success`).
  public var groups: [RegexGroup]

  public init(value: String, range: Range<String.Index>, groups: [RegexGroup]) {
    self.value = value
    self.range = range
    self.groups = groups
  }

  public func group(_ number: Int) -> RegexGroup? { groups.first { $0.number == number } }
  public func group(named name: String) -> RegexGroup? { groups.first { $0.name == name } }
}

public struct DotNetRegex: @unchecked Sendable {
  /// The subset of `RegexOptions` that changes how a pattern is parsed or matched.
  /// (IgnoreCase is the `caseSensitive` parameter; CultureInvariant has no effect here.)
  public struct Options: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    public static let multiline = Options(rawValue: 1 << 0)
    public static let singleline = Options(rawValue: 1 << 1)
    public static let ignorePatternWhitespace = Options(rawValue: 1 << 2)
    public static let explicitCapture = Options(rawValue: 1 << 3)
  }

  struct GroupInfo: Sendable {
    var number: Int
    var name: String?
    /// 1-based capture indices in the translated Swift regex (several when a name repeats).
    var swiftIndices: [Int]
  }

  public let pattern: String
  public let caseSensitive: Bool
  public let options: Options
  /// The translated Swift regex source (for diagnostics).
  public let translatedPattern: String
  private let regex: Regex<AnyRegexOutput>
  /// Grapheme-semantics twin, only for patterns with `\b`/`\B` (see `regex(for:)`).
  private let boundaryRegex: Regex<AnyRegexOutput>?
  private let groupTable: [GroupInfo]

  public init(_ pattern: String, caseSensitive: Bool = false, options: Options = []) throws(RegexError) {
    var translator = DotNetRegexTranslator(pattern: pattern, options: options)
    let result = try translator.translate()
    self.pattern = pattern
    self.caseSensitive = caseSensitive
    self.options = options
    self.translatedPattern = result.swiftPattern
    self.groupTable = result.groups
    do {
      let compiled = try Regex(result.swiftPattern)
      self.regex = compiled
        .matchingSemantics(.unicodeScalar)
        .wordBoundaryKind(.simple)
        .ignoresCase(!caseSensitive)
      self.boundaryRegex = result.usesWordBoundary
        ? compiled.matchingSemantics(.graphemeCluster).wordBoundaryKind(.simple).ignoresCase(!caseSensitive)
        : nil
    } catch {
      throw RegexError(message: "Invalid pattern '\(pattern)' at offset 0. \(error)")
    }
  }

  // MARK: Cache

  private struct CacheKey: Hashable {
    var pattern: String
    var caseSensitive: Bool
    var options: Int
  }

  private static let cache = Mutex<[CacheKey: DotNetRegex]>([:])
  private static let cacheLimit = 256

  /// Like `init`, but reuses a previously built regex for the same arguments (PowerShell
  /// keeps a similar cache for the operators, since parsing a pattern is costly).
  public static func cached(_ pattern: String, caseSensitive: Bool = false, options: Options = []) throws(RegexError) -> DotNetRegex {
    let key = CacheKey(pattern: pattern, caseSensitive: caseSensitive, options: options.rawValue)
    if let hit = cache.withLock({ $0[key] }) { return hit }
    let made = try DotNetRegex(pattern, caseSensitive: caseSensitive, options: options)
    cache.withLock { dict in
      if dict.count >= cacheLimit { dict.removeAll(keepingCapacity: true) }
      dict[key] = made
    }
    return made
  }

  // MARK: Group metadata

  /// Group numbers in order, including 0.
  public var groupNumbers: [Int] { [0] + groupTable.map(\.number) }
  /// Names of the named groups in group-number order.
  public var groupNames: [String] { groupTable.compactMap(\.name) }

  func groupNumber(forName name: String) -> Int? {
    if let g = groupTable.first(where: { $0.name == name }) { return g.number }
    if let n = Int(name), n == 0 || groupTable.contains(where: { $0.number == n && $0.name == nil }) { return n }
    return nil
  }

  func isGroupNumber(_ n: Int) -> Bool {
    n == 0 || groupTable.contains { $0.number == n }
  }

  // MARK: Matching

  /// The regex to run on `text`. Matching uses Unicode-scalar semantics (so that `\n`
  /// matches inside "\r\n" and combining marks are separate characters, as in .NET's UTF-16
  /// matching), but Swift's simple `\b` is wrong at that level (it ignores digits). When
  /// the pattern uses `\b`/`\B` and every character of `text` is a single scalar, the
  /// grapheme-level twin is used instead: it is equivalent there and its `\b` is right.
  private func regex(for text: String) -> Regex<AnyRegexOutput> {
    guard let boundaryRegex, DotNetRegex.isOneScalarPerCharacter(text) else { return regex }
    return boundaryRegex
  }

  static func isOneScalarPerCharacter(_ text: String) -> Bool {
    var previousWasCR = false
    var ascii = true
    for b in text.utf8 {
      if b >= 0x80 { ascii = false; break }
      if previousWasCR && b == 0x0A { return false }
      previousWasCR = b == 0x0D
    }
    if ascii { return true }
    return text.unicodeScalars.count == text.count
  }

  public func isMatch(_ text: String) -> Bool {
    text.firstMatch(of: regex(for: text)) != nil
  }

  public func firstMatch(in text: String) -> RegexMatch? {
    guard let m = text.firstMatch(of: regex(for: text)) else { return nil }
    return makeMatch(m, in: text)
  }

  public func matches(in text: String) -> [RegexMatch] {
    text.matches(of: regex(for: text)).map { makeMatch($0, in: text) }
  }

  private func makeMatch(_ m: Regex<AnyRegexOutput>.Match, in text: String) -> RegexMatch {
    let whole = String(text.unicodeScalars[m.range])
    var groups: [RegexGroup] = []
    groups.reserveCapacity(groupTable.count + 1)
    groups.append(RegexGroup(number: 0, name: nil, value: whole, success: true, range: m.range))
    let output = m.output
    for info in groupTable {
      var chosen: Range<String.Index>? = nil
      for idx in info.swiftIndices where idx < output.count {
        if let r = output[idx].range { chosen = r }
      }
      if let r = chosen {
        groups.append(RegexGroup(number: info.number, name: info.name,
                                 value: String(text.unicodeScalars[r]), success: true, range: r))
      } else {
        groups.append(RegexGroup(number: info.number, name: info.name, value: nil, success: false, range: nil))
      }
    }
    return RegexMatch(value: whole, range: m.range, groups: groups)
  }

  // MARK: Replace

  private enum ReplacementPart {
    case literal(String)
    case group(Int)
    case leftPortion, rightPortion, lastGroup, wholeInput
  }

  /// .NET replacement syntax: `$1`, `${name}`, `${1}`, `$0`, `$&`, `$$`, `` $` ``, `$'`,
  /// `$+`, `$_`; a `$` that does not form one of these (including a number or name that is
  /// not a group of the pattern) is kept literally.
  public func replace(in text: String, with replacement: String) -> String {
    let parts = parseReplacement(replacement)
    if parts.isEmpty { return replace(in: text) { _ in "" } }
    return replace(in: text) { m in
      var out = ""
      for part in parts {
        switch part {
        case .literal(let s): out += s
        case .group(let n): out += m.group(n)?.value ?? ""
        case .leftPortion: out.unicodeScalars.append(contentsOf: text.unicodeScalars[text.startIndex..<m.range.lowerBound])
        case .rightPortion: out.unicodeScalars.append(contentsOf: text.unicodeScalars[m.range.upperBound...])
        case .lastGroup: out += m.groups.last?.value ?? ""
        case .wholeInput: out += text
        }
      }
      return out
    }
  }

  public func replace(in text: String, evaluator: (RegexMatch) -> String) -> String {
    let found = text.matches(of: regex(for: text))
    if found.isEmpty { return text }
    var result = String.UnicodeScalarView()
    var previous = text.startIndex
    for m in found {
      result.append(contentsOf: text.unicodeScalars[previous..<m.range.lowerBound])
      result.append(contentsOf: evaluator(makeMatch(m, in: text)).unicodeScalars)
      previous = m.range.upperBound
    }
    result.append(contentsOf: text.unicodeScalars[previous...])
    return String(result)
  }

  private func parseReplacement(_ replacement: String) -> [ReplacementPart] {
    let s = Array(replacement.unicodeScalars)
    var parts: [ReplacementPart] = []
    var literal = String.UnicodeScalarView()
    func flush() {
      if !literal.isEmpty { parts.append(.literal(String(literal))); literal = String.UnicodeScalarView() }
    }
    func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 0x30 && c.value <= 0x39 }
    func decimal(_ from: Int) -> (value: Int?, end: Int) {
      var j = from
      var value = 0
      var overflow = false
      while j < s.count, isDigit(s[j]) {
        let (v1, o1) = value.multipliedReportingOverflow(by: 10)
        let (v2, o2) = v1.addingReportingOverflow(Int(s[j].value - 0x30))
        if o1 || o2 || v2 > Int(Int32.max) { overflow = true }
        value = v2
        j += 1
      }
      return (overflow ? nil : value, j)
    }
    var i = 0
    while i < s.count {
      let c = s[i]
      guard c == "$", i + 1 < s.count else { literal.append(c); i += 1; continue }
      let next = s[i + 1]
      if next == "{" {
        let start = i + 2
        if start < s.count, isDigit(s[start]) {
          let (value, end) = decimal(start)
          if let n = value, end < s.count, s[end] == "}", isGroupNumber(n) {
            flush(); parts.append(.group(n)); i = end + 1
            continue
          }
        } else if start < s.count, DotNetRegexTranslator.isWordChar(s[start]) {
          var end = start
          while end < s.count, DotNetRegexTranslator.isWordChar(s[end]) { end += 1 }
          let name = String(String.UnicodeScalarView(s[start..<end]))
          if end < s.count, s[end] == "}", let n = groupNumber(forName: name) {
            flush(); parts.append(.group(n)); i = end + 1
            continue
          }
        }
        literal.append(c); i += 1
        continue
      }
      if isDigit(next) {
        let (value, end) = decimal(i + 1)
        if let n = value, isGroupNumber(n) {
          flush(); parts.append(.group(n)); i = end
          continue
        }
        literal.append(c); i += 1
        continue
      }
      let special: ReplacementPart?
      switch next {
      case "$": literal.append("$"); i += 2; continue
      case "&": special = .group(0)
      case "`": special = .leftPortion
      case "'": special = .rightPortion
      case "+": special = .lastGroup
      case "_": special = .wholeInput
      default: special = nil
      }
      if let special {
        flush(); parts.append(special); i += 2
      } else {
        literal.append(c); i += 1
      }
    }
    flush()
    return parts
  }

  // MARK: Split

  /// .NET `Regex.Split`: the substrings between matches; the values of the groups that
  /// participated in each match are inserted after the substring before it. `count > 0`
  /// limits the number of substrings (the last one holds the rest of the input); `count < 0`
  /// emulates `RegexOptions.RightToLeft` with a limit of `-count` (the substrings are taken
  /// from the end; the first one holds the rest of the input); 0 means no limit.
  public func split(_ text: String, count: Int = 0) -> [String] {
    let scalars = text.unicodeScalars
    func piece(_ r: Range<String.Index>) -> String { String(scalars[r]) }
    if count == 1 || count == -1 { return [text] }
    let all = matches(in: text)
    if all.isEmpty { return [text] }
    var result: [String] = []
    if count >= 0 {
      var remaining = count - 1  // -1 → unlimited
      var previous = text.startIndex
      for m in all {
        result.append(piece(previous..<m.range.lowerBound))
        previous = m.range.upperBound
        for g in m.groups.dropFirst() where g.success { result.append(g.value ?? "") }
        remaining -= 1
        if remaining == 0 { break }
      }
      result.append(piece(previous..<text.endIndex))
    } else {
      var remaining = -count - 1
      var previous = text.endIndex
      for m in all.reversed() {
        result.append(piece(m.range.upperBound..<previous))
        previous = m.range.lowerBound
        for g in m.groups.dropFirst() where g.success { result.append(g.value ?? "") }
        remaining -= 1
        if remaining == 0 { break }
      }
      result.append(piece(text.startIndex..<previous))
      result.reverse()
    }
    return result
  }

  // MARK: Escape

  /// .NET `Regex.Escape`: escapes `\ * + ? | { [ ( ) ^ $ . #` and white space.
  public static func escape(_ text: String) -> String {
    var out = String.UnicodeScalarView()
    for c in text.unicodeScalars {
      switch c {
      case "\\", "*", "+", "?", "|", "{", "[", "(", ")", "^", "$", ".", "#", " ":
        out.append("\\"); out.append(c)
      case "\t": out.append(contentsOf: "\\t".unicodeScalars)
      case "\n": out.append(contentsOf: "\\n".unicodeScalars)
      case "\r": out.append(contentsOf: "\\r".unicodeScalars)
      case "\u{0C}": out.append(contentsOf: "\\f".unicodeScalars)
      default: out.append(c)
      }
    }
    return String(out)
  }
}

// MARK: - Translator

/// Translates .NET regex syntax into Swift `Regex` syntax and records .NET group numbering.
struct DotNetRegexTranslator {
  struct Result {
    var swiftPattern: String
    var groups: [DotNetRegex.GroupInfo]
    var usesWordBoundary: Bool
  }

  private struct Flags {
    var multiline: Bool
    var singleline: Bool
    var extended: Bool
    var explicitCapture: Bool
  }

  private enum Segment {
    case text(String)
    /// `\N` (digits as written) or `\k<name>`; resolved once all groups are known.
    case numberedReference(String, offset: Int)
    case namedReference(String, offset: Int)
  }

  private let pattern: String
  private let source: [Unicode.Scalar]
  private var index = 0
  private var flags: Flags
  private var flagStack: [Flags] = []
  private var segments: [Segment] = []
  /// Capture groups in Swift order (1-based index = position + 1); nil name = unnamed.
  private var captureNames: [String?] = []
  private var canQuantify = false
  private var lastWasQuantifier = false
  private var usesWordBoundary = false

  init(pattern: String, options: DotNetRegex.Options) {
    self.pattern = pattern
    self.source = Array(pattern.unicodeScalars)
    self.flags = Flags(multiline: options.contains(.multiline),
                       singleline: options.contains(.singleline),
                       extended: options.contains(.ignorePatternWhitespace),
                       explicitCapture: options.contains(.explicitCapture))
  }

  // MARK: Helpers

  private func error(_ description: String, at offset: Int? = nil) -> RegexError {
    RegexError(message: "Invalid pattern '\(pattern)' at offset \(offset ?? index). \(description)")
  }

  private mutating func emit(_ s: String) {
    if case .text(let existing)? = segments.last {
      segments[segments.count - 1] = .text(existing + s)
    } else {
      segments.append(.text(s))
    }
  }

  private mutating func atom(_ s: String) {
    emit(s)
    canQuantify = true
    lastWasQuantifier = false
  }

  private var atEnd: Bool { index >= source.count }
  private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
    let i = index + offset
    return i < source.count ? source[i] : nil
  }

  static func isWordChar(_ c: Unicode.Scalar) -> Bool {
    if c == "_" { return true }
    let p = c.properties
    switch p.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
         .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .connectorPunctuation:
      return true
    default:
      return false
    }
  }

  private static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 0x30 && c.value <= 0x39 }

  private static func isPatternSpace(_ c: Unicode.Scalar) -> Bool {
    c == " " || (c.value >= 0x09 && c.value <= 0x0D)
  }

  private static func hexValue(_ c: Unicode.Scalar) -> UInt32? {
    switch c.value {
    case 0x30...0x39: return c.value - 0x30
    case 0x41...0x46: return c.value - 0x41 + 10
    case 0x61...0x66: return c.value - 0x61 + 10
    default: return nil
    }
  }

  /// A literal scalar in Swift regex syntax (safe both inside and outside a class).
  static func literal(_ c: Unicode.Scalar) -> String {
    let v = c.value
    if (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) {
      return String(Character(c))
    }
    if v >= 0x21 && v <= 0x7E { return "\\" + String(Character(c)) }
    return "\\u{" + String(v, radix: 16, uppercase: true) + "}"
  }

  // MARK: Driver

  mutating func translate() throws(RegexError) -> Result {
    while !atEnd {
      let c = source[index]
      if flags.extended {
        if Self.isPatternSpace(c) { index += 1; continue }
        if c == "#" {
          while !atEnd && source[index] != "\n" { index += 1 }
          continue
        }
      }
      switch c {
      case "\\": try parseEscape()
      case "[":
        let cls = try parseClass()
        atom(cls)
      case "(": try parseGroupOpen()
      case ")":
        guard let saved = flagStack.popLast() else { throw error("Too many )'s.", at: index + 1) }
        flags = saved
        index += 1
        atom(")")
      case "|":
        index += 1
        emit("|")
        canQuantify = false
        lastWasQuantifier = false
      case "*", "+", "?":
        index += 1
        try quantifier(String(Character(c)), symbol: String(Character(c)))
      case "{":
        if let q = scanBraceQuantifier() {
          index = q.end
          if let max = q.max, max < q.min { throw error("Illegal {x,y} with x > y.", at: index) }
          try quantifier(q.text, symbol: q.text)
        } else {
          index += 1
          atom(Self.literal(c))
        }
      case ".":
        index += 1
        atom(flags.singleline ? "(?s:.)" : "[^\\n]")
      case "^":
        index += 1
        atom(flags.multiline ? "(?m:^)" : "\\A")
      case "$":
        index += 1
        atom(flags.multiline ? "(?=\\n|\\z)" : "(?=\\n?\\z)")
      default:
        index += 1
        atom(Self.literal(c))
      }
    }
    if !flagStack.isEmpty { throw error("Not enough )'s.", at: source.count) }
    return try resolve()
  }

  private mutating func quantifier(_ text: String, symbol: String) throws(RegexError) {
    if lastWasQuantifier { throw error("Nested quantifier '\(symbol.first.map(String.init) ?? symbol)'.") }
    if !canQuantify { throw error("Quantifier '\(symbol.first.map(String.init) ?? symbol)' following nothing.") }
    var out = text
    if peek() == "?" {
      index += 1
      out += "?"
    }
    emit(out)
    lastWasQuantifier = true
  }

  /// `{n}`, `{n,}`, `{n,m}` at `index`; anything else makes `{` a literal.
  private func scanBraceQuantifier() -> (text: String, min: Int, max: Int?, end: Int)? {
    var j = index + 1
    func digits() -> Int? {
      let start = j
      var value = 0
      while j < source.count, Self.isDigit(source[j]) {
        value = value &* 10 &+ Int(source[j].value - 0x30)
        if value > Int(Int32.max) { value = Int(Int32.max) }
        j += 1
      }
      return j > start ? value : nil
    }
    guard let min = digits() else { return nil }
    var max: Int? = min
    if j < source.count, source[j] == "," {
      j += 1
      max = digits()
    }
    guard j < source.count, source[j] == "}" else { return nil }
    j += 1
    let text = "{" + String(min) + (max == min ? "" : "," + (max.map(String.init) ?? "")) + "}"
    return (text, min, max, j)
  }

  // MARK: Groups

  private mutating func parseGroupOpen() throws(RegexError) {
    let open = index
    index += 1
    guard peek() == "?" else {
      flagStack.append(flags)
      if flags.explicitCapture {
        emit("(?:")
      } else {
        captureNames.append(nil)
        emit("(")
      }
      canQuantify = false
      lastWasQuantifier = false
      return
    }
    index += 1
    guard let c = peek() else { throw error("Unrecognized grouping construct.", at: index) }
    switch c {
    case ":", "=", "!", ">":
      index += 1
      flagStack.append(flags)
      emit("(?" + String(Character(c)))
    case "#":
      while !atEnd && source[index] != ")" { index += 1 }
      if atEnd { throw error("Unterminated (?#...) comment.", at: source.count) }
      index += 1
      return  // a comment is not an item: quantifier state is unchanged
    case "<", "'":
      let close: Unicode.Scalar = c == "<" ? ">" : "'"
      if c == "<", let n = peek(1), n == "=" || n == "!" {
        throw error("Lookbehind assertions ('(?<=' and '(?<!') are not supported.", at: index + 2)
      }
      index += 1
      let nameStart = index
      while !atEnd && source[index] != close { index += 1 }
      if atEnd { throw error("Invalid group name: Group names must begin with a word character.", at: index) }
      let raw = String(String.UnicodeScalarView(source[nameStart..<index]))
      index += 1
      if raw.contains("-") {
        throw error("Balancing groups ('(?<name1-name2>...)') are not supported.", at: index)
      }
      try validateGroupName(raw, at: nameStart)
      flagStack.append(flags)
      captureNames.append(raw)
      emit("(")
    case "(":
      throw error("Conditional expressions ('(?(...)...)') are not supported.", at: index + 1)
    default:
      // Inline options: (?imnsx-imnsx) or (?imnsx-imnsx:...)
      var on = true
      var newFlags = flags
      var caseChange: Bool? = nil
      var sawAny = false
      while let o = peek(), o != ")" && o != ":" {
        switch o {
        case "-": on = false
        case "i", "I": caseChange = on
        case "m", "M": newFlags.multiline = on
        case "s", "S": newFlags.singleline = on
        case "x", "X": newFlags.extended = on
        case "n", "N": newFlags.explicitCapture = on
        default:
          throw error("Unrecognized grouping construct.", at: open + 2)
        }
        sawAny = true
        index += 1
      }
      guard let terminator = peek(), sawAny || terminator == ":" else {
        throw error("Unrecognized grouping construct.", at: index)
      }
      index += 1
      let casePrefix = caseChange.map { $0 ? "i" : "-i" } ?? ""
      if terminator == ")" {
        flags = newFlags
        if !casePrefix.isEmpty { emit("(?" + casePrefix + ")") }
        canQuantify = false
        lastWasQuantifier = false
        return
      }
      flagStack.append(flags)
      flags = newFlags
      emit("(?" + casePrefix + ":")
    }
    canQuantify = false
    lastWasQuantifier = false
  }

  private func validateGroupName(_ name: String, at offset: Int) throws(RegexError) {
    let scalars = Array(name.unicodeScalars)
    guard let first = scalars.first else {
      throw error("Invalid group name: Group names must begin with a word character.", at: offset)
    }
    if Self.isDigit(first) {
      guard scalars.allSatisfy(Self.isDigit) else {
        throw error("Invalid group name: Group names must begin with a word character.", at: offset)
      }
      if first == "0" && scalars.count == 1 {
        throw error("Capture group numbers must be less than or equal to Int32.MaxValue.", at: offset)
      }
      return
    }
    guard scalars.allSatisfy(Self.isWordChar) else {
      throw error("Invalid group name: Group names must begin with a word character.", at: offset)
    }
  }

  // MARK: Escapes

  private mutating func parseEscape() throws(RegexError) {
    index += 1
    guard let c = peek() else { throw error("Illegal \\ at end of pattern.", at: source.count) }
    switch c {
    case "A", "z", "G", "b", "B":
      index += 1
      if c == "b" || c == "B" { usesWordBoundary = true }
      atom("\\" + String(Character(c)))
    case "Z":
      index += 1
      atom("(?=\\n?\\z)")
    case "d", "D", "w", "W", "s", "S":
      index += 1
      atom("\\" + String(Character(c)))
    case "p", "P":
      atom(try parseCategory())
    case "k":
      index += 1
      guard let open = peek(), open == "<" || open == "'" else {
        throw error("Malformed \\k<...> named back reference.", at: index)
      }
      let close: Unicode.Scalar = open == "<" ? ">" : "'"
      index += 1
      let start = index
      while !atEnd && source[index] != close { index += 1 }
      if atEnd { throw error("Malformed \\k<...> named back reference.", at: index) }
      let name = String(String.UnicodeScalarView(source[start..<index]))
      index += 1
      segments.append(.namedReference(name, offset: index))
      canQuantify = true
      lastWasQuantifier = false
    case "1"..."9":
      let start = index
      while !atEnd && Self.isDigit(source[index]) { index += 1 }
      let digits = String(String.UnicodeScalarView(source[start..<index]))
      segments.append(.numberedReference(digits, offset: index))
      canQuantify = true
      lastWasQuantifier = false
    default:
      let scalar = try parseCharEscape()
      atom(Self.literal(scalar))
    }
  }

  /// `\p{Name}` / `\P{Name}` with `index` at `p`/`P`; returns the Swift text.
  private mutating func parseCategory() throws(RegexError) -> String {
    let letter = source[index]
    index += 1
    guard peek() == "{" else { throw error("Incomplete \\p{X} character escape.", at: index) }
    let start = index
    while !atEnd && source[index] != "}" { index += 1 }
    if atEnd { throw error("Incomplete \\p{X} character escape.", at: index) }
    index += 1
    let body = String(String.UnicodeScalarView(source[(start + 1)..<(index - 1)]))
    if body.isEmpty { throw error("Incomplete \\p{X} character escape.", at: index) }
    return "\\" + String(Character(letter)) + "{" + body + "}"
  }

  /// A character escape with `index` at the character after the backslash.
  private mutating func parseCharEscape() throws(RegexError) -> Unicode.Scalar {
    let c = source[index]
    index += 1
    switch c {
    case "n": return "\n"
    case "r": return "\r"
    case "t": return "\t"
    case "a": return "\u{07}"
    case "e": return "\u{1B}"
    case "f": return "\u{0C}"
    case "v": return "\u{0B}"
    case "x": return try hexEscape(digits: 2)
    case "u": return try hexEscape(digits: 4)
    case "c":
      guard var ch = peek()?.value else { throw error("Missing control character.", at: index) }
      index += 1
      if ch >= 0x61 && ch <= 0x7A { ch -= 0x20 }
      let control = ch &- 0x40
      guard control < 0x20, let scalar = Unicode.Scalar(control) else {
        throw error("Unrecognized control character.", at: index)
      }
      return scalar
    case "0"..."7":
      var value = c.value - 0x30
      var count = 1
      while count < 3, let d = peek(), d.value >= 0x30 && d.value <= 0x37 {
        value = value * 8 + (d.value - 0x30)
        index += 1
        count += 1
      }
      return Unicode.Scalar(value & 0xFF)!
    default:
      if Self.isWordChar(c) {
        throw error("Unrecognized escape sequence \\\(Character(c)).", at: index)
      }
      return c
    }
  }

  private mutating func hexEscape(digits: Int) throws(RegexError) -> Unicode.Scalar {
    var value: UInt32 = 0
    for _ in 0..<digits {
      guard let c = peek(), let h = Self.hexValue(c) else { throw error("Insufficient hex digits.", at: index) }
      value = value * 16 + h
      index += 1
    }
    // Lone surrogates cannot be represented in a Swift string; map them to U+FFFD.
    return Unicode.Scalar(value) ?? "\u{FFFD}"
  }

  // MARK: Character classes

  private enum ClassAtom {
    case scalar(Unicode.Scalar)
    case set(String)
  }

  /// Parses `[...]` starting at `index` (the `[`); returns the Swift class text.
  private mutating func parseClass() throws(RegexError) -> String {
    index += 1
    var out = "["
    if peek() == "^" {
      out += "^"
      index += 1
    }
    var first = true
    var members = 0
    while true {
      guard let c = peek() else { throw error("Unterminated [] set.", at: source.count) }
      if c == "]" && !first {
        index += 1
        return out + "]"
      }
      first = false
      if c == "-", members > 0, peek(1) == "[" {
        index += 1
        let subtracted = try parseClass()
        guard peek() == "]" else {
          throw error("A subtraction must be the last element in a character class.", at: index)
        }
        index += 1
        return out + "--" + subtracted + "]"
      }
      let low = try parseClassAtom()
      members += 1
      // A range needs `-` followed by something other than `]` (a trailing `-` is literal)
      // and other than `[` (subtraction).
      // After a class escape (`[\w-.]`) the `-` is a literal, as in .NET.
      if case .scalar(let lo) = low, peek() == "-", let after = peek(1), after != "]", after != "[" {
        index += 1
        let high = try parseClassAtom()
        guard case .scalar(let hi) = high else {
          throw error("Cannot include class \\\(Character(source[index - 1])) in character range.", at: index)
        }
        if lo.value > hi.value { throw error("[x-y] range in reverse order.", at: index) }
        out += Self.literal(lo) + "-" + Self.literal(hi)
        continue
      }
      switch low {
      case .scalar(let s): out += Self.literal(s)
      case .set(let text): out += text
      }
    }
  }

  private mutating func parseClassAtom() throws(RegexError) -> ClassAtom {
    let c = source[index]
    guard c == "\\" else {
      index += 1
      return .scalar(c)
    }
    index += 1
    guard let e = peek() else { throw error("Illegal \\ at end of pattern.", at: source.count) }
    switch e {
    case "d", "D", "w", "W", "s", "S":
      index += 1
      return .set("\\" + String(Character(e)))
    case "p", "P":
      return .set(try parseCategory())
    case "b":
      index += 1
      return .scalar("\u{08}")
    default:
      return .scalar(try parseCharEscape())
    }
  }

  // MARK: Numbering and back-references

  private func resolve() throws(RegexError) -> Result {
    // .NET numbering: unnamed groups 1...k in order; groups named with a number use that
    // number; other named groups follow, numbered in order of first appearance.
    var numberForCapture = [Int](repeating: 0, count: captureNames.count)
    var nextUnnamed = 1
    var used = Set<Int>()
    for (i, name) in captureNames.enumerated() where name == nil {
      numberForCapture[i] = nextUnnamed
      used.insert(nextUnnamed)
      nextUnnamed += 1
    }
    for (i, name) in captureNames.enumerated() {
      if let name, let n = Int(name) {
        numberForCapture[i] = n
        used.insert(n)
      }
    }
    var nameNumbers: [String: Int] = [:]
    var next = (used.max() ?? 0) + 1
    for (i, name) in captureNames.enumerated() {
      guard let name, Int(name) == nil else { continue }
      if let n = nameNumbers[name] {
        numberForCapture[i] = n
      } else {
        while used.contains(next) { next += 1 }
        nameNumbers[name] = next
        numberForCapture[i] = next
        used.insert(next)
      }
    }
    var byNumber: [Int: DotNetRegex.GroupInfo] = [:]
    for (i, name) in captureNames.enumerated() {
      let n = numberForCapture[i]
      let displayName = (name.flatMap { Int($0) } == nil) ? name : nil
      if byNumber[n] == nil {
        byNumber[n] = DotNetRegex.GroupInfo(number: n, name: displayName, swiftIndices: [])
      }
      byNumber[n]!.swiftIndices.append(i + 1)
    }
    let groups = byNumber.values.sorted { $0.number < $1.number }

    func reference(_ n: Int) -> String? {
      guard let info = byNumber[n] else { return nil }
      if info.swiftIndices.count == 1 { return "\\g{\(info.swiftIndices[0])}" }
      return "(?:" + info.swiftIndices.reversed().map { "\\g{\($0)}" }.joined(separator: "|") + ")"
    }

    var out = ""
    for segment in segments {
      switch segment {
      case .text(let s):
        out += s
      case .namedReference(let name, let offset):
        if let n = nameNumbers[name] ?? Int(name), let text = reference(n) {
          out += text
        } else if Int(name) != nil {
          throw error("Reference to undefined group number \(name).", at: offset)
        } else {
          throw error("Reference to undefined group name '\(name)'.", at: offset)
        }
      case .numberedReference(let digits, let offset):
        if let n = Int(digits), let text = reference(n) {
          out += text
          continue
        }
        if digits.count == 1 || (Int(digits) ?? Int.max) <= 9 {
          throw error("Reference to undefined group number \(digits).", at: offset)
        }
        // Not a group: .NET re-reads it as an octal character escape (up to 3 digits).
        let ds = Array(digits.unicodeScalars)
        var value: UInt32 = 0
        var used = 0
        while used < 3, used < ds.count, ds[used].value >= 0x30 && ds[used].value <= 0x37 {
          value = value * 8 + (ds[used].value - 0x30)
          used += 1
        }
        if used == 0 {
          throw error("Unrecognized escape sequence \\\(Character(ds[0])).", at: offset)
        }
        out += Self.literal(Unicode.Scalar(value & 0xFF)!)
        for d in ds[used...] { out += Self.literal(d) }
      }
    }
    return Result(swiftPattern: out, groups: groups, usesWordBoundary: usesWordBoundary)
  }
}
