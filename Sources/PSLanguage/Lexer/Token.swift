/// One token: its kind and extent, and where the lexer keeps its decoded value.
///
/// A token holds no references: the parser copies tokens on every peek and step, and copying
/// one that owned its strings cost an outlined copy of a many-case enum plus retains, about a
/// sixth of all parse instructions. Words, literals and variables keep their value in the
/// lexer's `values` table (`Lexer.value(_:)`).
public struct Token: Sendable {
  public var kind: TokenKind
  public var range: SourceRange
  /// The index of the value in `Lexer.values`, or -1 when the token has none.
  let valueIndex: Int

  public init(kind: TokenKind, range: SourceRange) {
    self.kind = kind
    self.range = range
    self.valueIndex = -1
  }

  init(kind: TokenKind, range: SourceRange, valueIndex: Int) {
    self.kind = kind
    self.range = range
    self.valueIndex = valueIndex
  }
}

/// The decoded payload of a token.
public enum TokenValue: Sendable {
  case none
  /// A bare word, identifier, verbatim string, label or type name.
  case text(String)
  /// An expandable string or bare word: its raw text (`template`) and its parts.
  case expandable(template: String, parts: [StringPart])
  case number(NumberLiteral)
  case variable(VariablePath)
  /// `-Name` or `-Name:`.
  case parameter(name: String, colon: Bool)
  case redirection(RedirectionToken)
  case dashOperator(DashOperator)
}

/// A piece of an expandable string: literal text, a variable or a `$(…)` subexpression.
public enum StringPart: Sendable, Hashable {
  case literal(String)
  /// `$name` or `${name}` inside the string; the range covers the `$…` text.
  case variable(VariablePath, SourceRange)
  /// `$(…)`: `range` covers the whole `$(…)`, `inner` the statements between the parentheses.
  case subexpression(range: SourceRange, inner: SourceRange)
}

/// A redirection operator: `>`, `>>`, `2>`, `2>&1`, `*>` and the like.
public struct RedirectionToken: Sendable, Hashable {
  /// The stream redirected: `*` (all), or 1–6.
  public var from: RedirectionStream
  /// For merges such as `2>&1`, the stream merged into; nil for file redirections.
  public var mergeTo: RedirectionStream?
  public var append: Bool

  public init(from: RedirectionStream, mergeTo: RedirectionStream?, append: Bool) {
    self.from = from
    self.mergeTo = mergeTo
    self.append = append
  }
}

/// PowerShell's output streams as redirections name them.
public enum RedirectionStream: Int, Sendable, Hashable {
  case all = 0
  case output = 1
  case error = 2
  case warning = 3
  case verbose = 4
  case debug = 5
  case information = 6
}
