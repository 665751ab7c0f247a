/// What a token is. Operators spelled with a dash (`-eq`, `-replace`, …) share one case whose
/// payload names the operator; everything else has its own case.
///
/// Cases are grouped by role; within a group they are alphabetical.
public enum TokenKind: Sendable, Hashable {
  // MARK: Structure
  case endOfInput
  case newline
  case semicolon

  // MARK: Words and literals
  /// A bare word in command mode (`Get-Item`, `C:\path\file.exe`, `a=b`), possibly expandable.
  case generic
  /// A word in expression mode (member names, keywords before a statement).
  case identifier
  /// `:name` at the start of a statement.
  case label
  case number
  /// `-Name` or `-Name:` in command mode.
  case parameter
  case splattedVariable
  case stringExpandable
  case stringLiteral
  case hereStringExpandable
  case hereStringLiteral
  case variable

  // MARK: Brackets
  case atCurly
  case atParen
  case dollarParen
  case lBracket
  case lCurly
  case lParen
  case rBracket
  case rCurly
  case rParen

  // MARK: Punctuation and operators
  case ampersand
  case andAnd
  case colon
  case colonColon
  case comma
  case divide
  case divideEquals
  case dot
  case dotDot
  case equals
  case exclaim
  case minus
  case minusEquals
  case minusMinus
  case multiply
  case multiplyEquals
  case orOr
  case pipe
  case plus
  case plusEquals
  case plusPlus
  case questionMark
  case questionQuestion
  case questionQuestionEquals
  case remainder
  case remainderEquals
  /// `-eq`, `-like`, `-f`, `-and`, … (payload: `TokenValue.dashOperator`).
  case dashOperator
  case redirection
  /// `<`, reserved by PowerShell.
  case redirectInput
  /// `--%`: the rest of the line is passed verbatim.
  case stopParsing

  /// True for tokens that end an argument list or statement.
  public var endsStatement: Bool {
    switch self {
    case .endOfInput, .newline, .semicolon, .rCurly, .rParen, .pipe, .andAnd, .orOr, .ampersand:
      return true
    default:
      return false
    }
  }

  /// True for `=` and the compound assignment operators.
  public var isAssignment: Bool {
    switch self {
    case .equals, .plusEquals, .minusEquals, .multiplyEquals, .divideEquals, .remainderEquals,
      .questionQuestionEquals:
      return true
    default:
      return false
    }
  }

  /// How the token is written, for messages such as `Unexpected token ')'`.
  public var spelling: String {
    switch self {
    case .endOfInput: return "<eof>"
    case .newline: return "\n"
    case .semicolon: return ";"
    case .atCurly: return "@{"
    case .atParen: return "@("
    case .dollarParen: return "$("
    case .lBracket: return "["
    case .lCurly: return "{"
    case .lParen: return "("
    case .rBracket: return "]"
    case .rCurly: return "}"
    case .rParen: return ")"
    case .ampersand: return "&"
    case .andAnd: return "&&"
    case .colon: return ":"
    case .colonColon: return "::"
    case .comma: return ","
    case .divide: return "/"
    case .divideEquals: return "/="
    case .dot: return "."
    case .dotDot: return ".."
    case .equals: return "="
    case .exclaim: return "!"
    case .minus: return "-"
    case .minusEquals: return "-="
    case .minusMinus: return "--"
    case .multiply: return "*"
    case .multiplyEquals: return "*="
    case .orOr: return "||"
    case .pipe: return "|"
    case .plus: return "+"
    case .plusEquals: return "+="
    case .plusPlus: return "++"
    case .questionMark: return "?"
    case .questionQuestion: return "??"
    case .questionQuestionEquals: return "??="
    case .remainder: return "%"
    case .remainderEquals: return "%="
    case .redirectInput: return "<"
    case .stopParsing: return "--%"
    default: return ""
    }
  }
}
