/// PowerShell's reserved words. A bare word is a keyword only where a statement may start (and
/// `in` only inside `foreach (…)`); elsewhere it is an ordinary argument.
public enum Keyword: String, Sendable, CaseIterable {
  case begin, `break`, `catch`, `class`, clean, configuration, `continue`, data, define, `do`,
    dynamicparam, `else`, elseif, end, `enum`, exit, filter, finally, `for`, foreach, from, function,
    hidden, `if`, `in`, inlinescript, parallel, param, process, `return`, sequence, `static`,
    `switch`, `throw`, trap, `try`, until, using, `var`, `while`, workflow

  /// Looks up a word case-insensitively.
  public init?(word: String) {
    guard word.utf8.count <= 14 else { return nil }
    self.init(rawValue: word.lowercased())
  }
}
