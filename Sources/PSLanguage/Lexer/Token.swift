/// One token: its kind, its extent and, for literals, words and variables, its decoded value.
public struct Token: Sendable {
  public var kind: TokenKind
  public var range: SourceRange
  public var value: TokenValue

  public init(kind: TokenKind, range: SourceRange, value: TokenValue = .none) {
    self.kind = kind
    self.range = range
    self.value = value
  }

  /// The decoded text of a word, string or parameter (empty for punctuation).
  public var text: String {
    switch value {
    case .text(let s): return s
    case .expandable(let s, _): return s
    case .parameter(let name, _): return name
    case .variable(let v): return v.userPath
    case .number(let n): return n.text
    default: return ""
    }
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
