/// An expression with its extent.
public struct ExpressionAst: Sendable {
  public var extent: SourceRange
  public var kind: ExpressionKind

  public init(extent: SourceRange, kind: ExpressionKind) {
    self.extent = extent
    self.kind = kind
  }
}

/// How a string constant was written; the runtime and `Get-Help` care about the difference.
public enum StringQuoteKind: String, Sendable {
  case bareWord, singleQuoted, doubleQuoted, singleQuotedHereString, doubleQuotedHereString
}

/// What an expression is.
public indirect enum ExpressionKind: Sendable {
  case number(NumberLiteral)
  case string(String, StringQuoteKind)
  /// `"a $b $(c)"`: literal pieces and expressions, in order.
  case expandableString([ExpandablePart], StringQuoteKind)
  case variable(VariablePath)
  /// `@name` (a command argument only).
  case splattedVariable(VariablePath)
  /// `[System.Net.IPAddress]` used as a value.
  case typeLiteral(TypeName)
  case binary(BinaryOperator, ExpressionAst, ExpressionAst, operatorExtent: SourceRange)
  case unary(UnaryOperator, ExpressionAst)
  /// `[int]$x`, `[ordered]@{}`.
  case convert(TypeName, ExpressionAst)
  /// `[Parameter()]$x` and other attributed expressions (parameters outside `param()`).
  case attributed(AttributeAst, ExpressionAst)
  /// `1, 2, 3`.
  case arrayLiteral([ExpressionAst])
  /// `@( … )`.
  case arrayExpression([StatementAst])
  /// `$( … )`.
  case subExpression([StatementAst])
  /// `( pipeline )`.
  case paren(StatementAst)
  case hashtable([HashtableEntryAst])
  case scriptBlock(ScriptBlockAst)
  /// `target.member`, `target::member`, `target?.member`.
  case member(MemberAccess)
  /// `target.method(args)`, `[type]::method(args)`.
  case invokeMember(MemberAccess, arguments: [ExpressionAst])
  /// `target[index]`, `target?[index]`.
  case index(ExpressionAst, ExpressionAst, nullConditional: Bool)
  /// `condition ? a : b`.
  case ternary(ExpressionAst, ExpressionAst, ExpressionAst)
  /// An expression that failed to parse; its well-formed parts are kept.
  case error([ExpressionAst])
}

/// A piece of an expandable string.
public enum ExpandablePart: Sendable {
  case literal(String)
  case expression(ExpressionAst)
}

/// `key = value` in `@{ }`; the value is a statement, as in PowerShell.
public struct HashtableEntryAst: Sendable {
  public var key: ExpressionAst
  public var value: StatementAst

  public init(key: ExpressionAst, value: StatementAst) {
    self.key = key
    self.value = value
  }
}

/// The target and member of `.`/`::`/`?.` access.
public struct MemberAccess: Sendable {
  public var target: ExpressionAst
  /// A string constant for plain names; any expression for `$obj.$name` or `$obj.(expr)`.
  public var member: ExpressionAst
  public var isStatic: Bool
  public var isNullConditional: Bool

  public init(target: ExpressionAst, member: ExpressionAst, isStatic: Bool, isNullConditional: Bool) {
    self.target = target
    self.member = member
    self.isStatic = isStatic
    self.isNullConditional = isNullConditional
  }
}

/// Binary operators other than assignment.
public enum BinaryOperator: Sendable, Hashable, CustomStringConvertible {
  case add, subtract, multiply, divide, remainder
  /// `..`
  case range
  /// `??`
  case coalesce
  /// Every dash operator: comparisons, `-and`, `-f`, `-replace`, `-split`, `-join`, …
  case dash(DashOperator)

  public var description: String {
    switch self {
    case .add: return "+"
    case .subtract: return "-"
    case .multiply: return "*"
    case .divide: return "/"
    case .remainder: return "%"
    case .range: return ".."
    case .coalesce: return "??"
    case .dash(let d): return d.description
    }
  }
}

/// Unary operators.
public enum UnaryOperator: Sendable, Hashable, CustomStringConvertible {
  case negate, plus
  /// `!` (same meaning as `-not`).
  case exclaim
  /// `-not`, `-bnot`, `-split`, `-join`.
  case dash(DashOperator)
  /// `,x`: a one-element array.
  case comma
  case preIncrement, preDecrement, postIncrement, postDecrement

  public var description: String {
    switch self {
    case .negate: return "-"
    case .plus: return "+"
    case .exclaim: return "!"
    case .dash(let d): return d.description
    case .comma: return ","
    case .preIncrement, .postIncrement: return "++"
    case .preDecrement, .postDecrement: return "--"
    }
  }
}
