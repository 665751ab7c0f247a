/// `System.Management.Automation.SplitOptions` (the third operand of binary `-split`).
public struct SplitOptions: OptionSet, Sendable, Hashable {
  public let rawValue: Int
  public init(rawValue: Int) { self.rawValue = rawValue }

  public static let simpleMatch = SplitOptions(rawValue: 0x01)
  public static let regexMatch = SplitOptions(rawValue: 0x02)
  public static let cultureInvariant = SplitOptions(rawValue: 0x04)
  public static let ignorePatternWhitespace = SplitOptions(rawValue: 0x08)
  public static let multiline = SplitOptions(rawValue: 0x10)
  public static let singleline = SplitOptions(rawValue: 0x20)
  public static let ignoreCase = SplitOptions(rawValue: 0x40)
  public static let explicitCapture = SplitOptions(rawValue: 0x80)

  /// Enumerator names in declaration order (as PowerShell lists them in conversion errors).
  public static let names: [(String, SplitOptions)] = [
    ("SimpleMatch", .simpleMatch),
    ("RegexMatch", .regexMatch),
    ("CultureInvariant", .cultureInvariant),
    ("IgnorePatternWhitespace", .ignorePatternWhitespace),
    ("Multiline", .multiline),
    ("Singleline", .singleline),
    ("IgnoreCase", .ignoreCase),
    ("ExplicitCapture", .explicitCapture),
  ]
}

/// PowerShell's `-split` operator on a single string (ParserOps.SplitOperatorImpl).
/// Callers apply it to each element when the left operand is a collection.
public enum PSSplit {
  /// `ParserStrings.InvalidSplitOptionCombination`.
  public static let invalidOptionCombinationMessage =
    "The combination of options with the -split operator is not valid."

  /// Binary `-split`: `text -split pattern[, max[, "options"]]`.
  /// - `maxSubstrings` 0 = no limit; `n > 0` returns at most `n` substrings, the last one
  ///   holding the unsplit rest; `n < 0` (PowerShell 7) takes the substrings from the end
  ///   of the string, the first one holding the unsplit rest.
  /// - Captured groups of the delimiter are included in the output (they do not count
  ///   towards the limit); `ExplicitCapture` drops unnamed groups.
  /// - Case-insensitive unless `caseSensitive` (`-csplit`); the `IgnoreCase` option forces
  ///   case-insensitivity even for `-csplit`.
  /// - `SimpleMatch` treats the pattern literally and may only be combined with `IgnoreCase`.
  public static func split(_ text: String, pattern: String, maxSubstrings: Int = 0,
                           options: SplitOptions = [], caseSensitive: Bool = false) throws(RegexError) -> [String] {
    let regex = try makeRegex(pattern: pattern, options: options, caseSensitive: caseSensitive)
    return regex.split(text, count: maxSubstrings)
  }

  /// Builds the delimiter regex exactly as `-split` does (useful to split many strings).
  public static func makeRegex(pattern: String, options: SplitOptions = [],
                               caseSensitive: Bool = false) throws(RegexError) -> DotNetRegex {
    var options = options
    if !caseSensitive { options.insert(.ignoreCase) }
    if !options.contains(.simpleMatch) && !options.contains(.regexMatch) {
      options.insert(.regexMatch)
    }
    if options.contains(.simpleMatch)
      && !options.subtracting([.simpleMatch, .ignoreCase]).isEmpty {
      throw RegexError(message: invalidOptionCombinationMessage)
    }
    let effectivePattern = options.contains(.simpleMatch) ? DotNetRegex.escape(pattern) : pattern
    var regexOptions: DotNetRegex.Options = []
    if options.contains(.multiline) { regexOptions.insert(.multiline) }
    if options.contains(.singleline) { regexOptions.insert(.singleline) }
    if options.contains(.ignorePatternWhitespace) { regexOptions.insert(.ignorePatternWhitespace) }
    if options.contains(.explicitCapture) { regexOptions.insert(.explicitCapture) }
    return try DotNetRegex.cached(effectivePattern,
                                  caseSensitive: !options.contains(.ignoreCase),
                                  options: regexOptions)
  }

  /// Unary `-split "a b  c"`: trims leading/trailing white space, then splits on runs of
  /// white space (`\s+`). As in PowerShell, an empty or all-white-space string yields one
  /// empty string.
  public static func splitWhitespace(_ text: String) -> [String] {
    var result: [String] = []
    var current = ""
    var inWhitespace = false
    var sawContent = false
    for c in text {
      if c.isWhitespace {
        inWhitespace = true
        continue
      }
      if inWhitespace && sawContent {
        result.append(current)
        current = ""
      }
      inWhitespace = false
      sawContent = true
      current.append(c)
    }
    result.append(current)
    return result
  }

  /// Binary `-split` with a script-block predicate (`text -split {$_ -eq ','}, max`): the
  /// predicate gets each character (and its index) and returns true for delimiters.
  /// Mirrors SplitWithPredicate / NegativeSplitWithPredicate, including `max`.
  public static func split<E: Error>(_ text: String, maxSubstrings: Int = 0,
                                     isDelimiter: (Character, Int) throws(E) -> Bool) throws(E) -> [String] {
    let chars = Array(text)
    if maxSubstrings == 1 || maxSubstrings == -1 { return [text] }
    var split: [String] = []
    if maxSubstrings >= 0 {
      var cursor = 0
      var length = 0
      for _ in 0..<chars.count {
        if try !isDelimiter(chars[cursor], cursor) {
          length += 1
          cursor += 1
          continue
        }
        split.append(String(chars[(cursor - length)..<cursor]))
        length = 0
        cursor += 1
        if maxSubstrings == split.count + 1 { break }
      }
      if cursor == chars.count {
        split.append(String(chars[(cursor - length)..<cursor]))
      } else {
        split.append(String(chars[cursor...]))
      }
      return split
    }
    var cursor = chars.count - 1
    var length = 0
    for _ in 0..<chars.count {
      if try !isDelimiter(chars[cursor], cursor) {
        length += 1
        cursor -= 1
        continue
      }
      split.append(String(chars[(cursor + 1)..<(cursor + 1 + length)]))
      length = 0
      cursor -= 1
      if -maxSubstrings == split.count + 1 { break }
    }
    if cursor == -1 {
      split.append(String(chars[0..<length]))
    } else {
      split.append(String(chars[0...cursor]))
    }
    split.reverse()
    return split
  }

  /// Parses an options string like `"SimpleMatch,IgnoreCase"` (names are case-insensitive,
  /// separated by commas, surrounding white space ignored). An empty string means no options.
  public static func parseOptions(_ text: String) throws(RegexError) -> SplitOptions {
    var result: SplitOptions = []
    for part in text.split(separator: ",", omittingEmptySubsequences: false) {
      let name = part.trimmingWhitespace()
      if name.isEmpty && text.allSatisfy({ $0.isWhitespace || $0 == "," }) { continue }
      guard let match = SplitOptions.names.first(where: { $0.0.lowercased() == name.lowercased() }) else {
        let list = SplitOptions.names.map(\.0).joined(separator: ", ")
        throw RegexError(message:
          "Cannot convert value \"\(text)\" to type \"System.Management.Automation.SplitOptions\". "
          + "Error: \"Unable to match the identifier name \(name) to a valid enumerator name. "
          + "Specify one of the following enumerator names and try again:\n\(list)\"")
      }
      result.insert(match.1)
    }
    return result
  }
}

extension Substring {
  fileprivate func trimmingWhitespace() -> String {
    var s = self[...]
    while let f = s.first, f.isWhitespace { s = s.dropFirst() }
    while let l = s.last, l.isWhitespace { s = s.dropLast() }
    return String(s)
  }
}
