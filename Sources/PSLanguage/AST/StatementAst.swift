/// A statement with its extent. The statement kinds mirror PowerShell's AST classes.
public struct StatementAst: Sendable {
  public var extent: SourceRange
  public var kind: StatementKind

  public init(extent: SourceRange, kind: StatementKind) {
    self.extent = extent
    self.kind = kind
  }
}

/// What a statement is.
public indirect enum StatementKind: Sendable {
  case pipeline(PipelineAst)
  /// `a && b`, `a || b` (PowerShell 7).
  case pipelineChain(PipelineChainAst)
  case assignment(AssignmentAst)
  case ifStatement(IfStatementAst)
  case switchStatement(SwitchStatementAst)
  case foreachStatement(ForEachStatementAst)
  case forStatement(ForStatementAst)
  case whileStatement(WhileStatementAst)
  /// `do { } while ( )` and `do { } until ( )`.
  case doLoop(DoLoopStatementAst)
  case tryStatement(TryStatementAst)
  case trap(TrapStatementAst)
  case functionDefinition(FunctionDefinitionAst)
  /// `break [label]`.
  case breakStatement(label: ExpressionAst?)
  /// `continue [label]`.
  case continueStatement(label: ExpressionAst?)
  case returnStatement(StatementAst?)
  case exitStatement(StatementAst?)
  case throwStatement(StatementAst?)
  case dataSection(DataStatementAst)
  /// A statement that failed to parse; its well-formed parts are kept.
  case error([StatementAst], [ExpressionAst])
}

/// `a | b | c`, with an optional trailing `&` (background job).
public struct PipelineAst: Sendable {
  public var extent: SourceRange
  public var elements: [CommandBaseAst]
  public var isBackground: Bool

  public init(extent: SourceRange, elements: [CommandBaseAst], isBackground: Bool = false) {
    self.extent = extent
    self.elements = elements
    self.isBackground = isBackground
  }
}

/// `left && right` or `left || right`; `left` is a pipeline or another chain.
public struct PipelineChainAst: Sendable {
  public enum Operator: String, Sendable { case and = "&&", or = "||" }
  public var extent: SourceRange
  public var left: StatementAst
  public var op: Operator
  public var right: PipelineAst
  public var isBackground: Bool

  public init(extent: SourceRange, left: StatementAst, op: Operator, right: PipelineAst, isBackground: Bool) {
    self.extent = extent
    self.left = left
    self.op = op
    self.right = right
    self.isBackground = isBackground
  }
}

/// One element of a pipeline: a command, or an expression (only first in a pipeline).
public enum CommandBaseAst: Sendable {
  case command(CommandAst)
  case expression(CommandExpressionAst)

  public var extent: SourceRange {
    switch self {
    case .command(let c): return c.extent
    case .expression(let e): return e.extent
    }
  }
}

/// A command invocation: name and arguments as written, plus redirections.
public struct CommandAst: Sendable {
  public enum InvocationOperator: String, Sendable { case none = "", call = "&", dotSource = "." }
  public var extent: SourceRange
  public var invocationOperator: InvocationOperator
  /// The command name (first element) followed by its parameters and arguments.
  public var elements: [CommandElementAst]
  public var redirections: [RedirectionAst]

  public init(
    extent: SourceRange, invocationOperator: InvocationOperator, elements: [CommandElementAst],
    redirections: [RedirectionAst]
  ) {
    self.extent = extent
    self.invocationOperator = invocationOperator
    self.elements = elements
    self.redirections = redirections
  }

  /// The command name when written as a plain word or string.
  public var commandName: String? {
    guard case .argument(let e)? = elements.first else { return nil }
    if case .string(let s, _) = e.kind { return s }
    return nil
  }
}

/// An expression used as a pipeline element, with its redirections (`$x > file`).
public struct CommandExpressionAst: Sendable {
  public var extent: SourceRange
  public var expression: ExpressionAst
  public var redirections: [RedirectionAst]

  public init(extent: SourceRange, expression: ExpressionAst, redirections: [RedirectionAst]) {
    self.extent = extent
    self.expression = expression
    self.redirections = redirections
  }
}

/// A command's name, parameter or argument.
public enum CommandElementAst: Sendable {
  case parameter(CommandParameterAst)
  case argument(ExpressionAst)
  /// `--%` and the verbatim rest of the line.
  case stopParsing(String, SourceRange)

  public var extent: SourceRange {
    switch self {
    case .parameter(let p): return p.extent
    case .argument(let e): return e.extent
    case .stopParsing(_, let r): return r
    }
  }
}

/// `-Name`, `-Name:value`.
public struct CommandParameterAst: Sendable {
  public var extent: SourceRange
  /// The name as written, without the dash.
  public var name: String
  /// The value given with `-Name:value`; nil otherwise (the binder pairs names and values).
  public var argument: ExpressionAst?
  public var hasColon: Bool

  public init(extent: SourceRange, name: String, argument: ExpressionAst?, hasColon: Bool) {
    self.extent = extent
    self.name = name
    self.argument = argument
    self.hasColon = hasColon
  }
}

/// `> file`, `>> file`, `2> file`, `2>&1`, `*> $null`.
public struct RedirectionAst: Sendable {
  public var extent: SourceRange
  public var from: RedirectionStream
  public var mergeTo: RedirectionStream?
  public var append: Bool
  /// The file (an expression) for file redirections; nil for merges.
  public var target: ExpressionAst?

  public init(
    extent: SourceRange, from: RedirectionStream, mergeTo: RedirectionStream?, append: Bool,
    target: ExpressionAst?
  ) {
    self.extent = extent
    self.from = from
    self.mergeTo = mergeTo
    self.append = append
    self.target = target
  }
}

/// `left = right`, `left += right`, … (`right` is a statement: a pipeline or another assignment).
public struct AssignmentAst: Sendable {
  public enum Operator: String, Sendable {
    case assign = "=", plus = "+=", minus = "-=", multiply = "*=", divide = "/=", remainder = "%="
    case coalesce = "??="
  }
  public var extent: SourceRange
  public var left: ExpressionAst
  public var op: Operator
  public var right: StatementAst
  public var operatorExtent: SourceRange

  public init(extent: SourceRange, left: ExpressionAst, op: Operator, right: StatementAst, operatorExtent: SourceRange) {
    self.extent = extent
    self.left = left
    self.op = op
    self.right = right
    self.operatorExtent = operatorExtent
  }
}

/// A `{ … }` block belonging to a statement (loop body, if branch, try block …).
public struct StatementBlockAst: Sendable {
  public var extent: SourceRange
  public var statements: [StatementAst]

  public init(extent: SourceRange, statements: [StatementAst]) {
    self.extent = extent
    self.statements = statements
  }
}
