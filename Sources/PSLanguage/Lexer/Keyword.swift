/// PowerShell's reserved words. A bare word is a keyword only where a statement may start (and
/// `in` only inside `foreach (…)`); elsewhere it is an ordinary argument.
public enum Keyword: String, Sendable, CaseIterable {
  case begin, `break`, `catch`, `class`, clean, configuration, `continue`, data, define, `do`,
    dynamicparam, `else`, elseif, end, `enum`, exit, filter, finally, `for`, foreach, from, function,
    hidden, `if`, `in`, inlinescript, parallel, param, process, `return`, sequence, `static`,
    `switch`, `throw`, trap, `try`, until, using, `var`, `while`, workflow

  /// Looks up a word case-insensitively.
  public init?(word: String) {
    // Cheap rejection first: keywords are 2–14 ASCII letters.
    let n = word.utf8.count
    guard n >= 2, n <= 14, let packed = PackedWord(word), let k = Keyword.byPackedName[packed] else { return nil }
    self = k
  }

  private static let byPackedName = PackedWordTable(allCases.map { ($0.rawValue, $0) })
}
