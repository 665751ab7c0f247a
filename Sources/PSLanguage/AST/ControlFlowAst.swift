/// `if (…) { } elseif (…) { } else { }`.
public struct IfStatementAst: Sendable {
  public var extent: SourceRange
  public var clauses: [(condition: StatementAst, body: StatementBlockAst)]
  public var elseBody: StatementBlockAst?

  public init(extent: SourceRange, clauses: [(condition: StatementAst, body: StatementBlockAst)], elseBody: StatementBlockAst?) {
    self.extent = extent
    self.clauses = clauses
    self.elseBody = elseBody
  }
}

/// The options written after `switch`.
public struct SwitchFlags: OptionSet, Sendable, Hashable {
  public let rawValue: Int
  public init(rawValue: Int) { self.rawValue = rawValue }
  public static let regex = SwitchFlags(rawValue: 1)
  public static let wildcard = SwitchFlags(rawValue: 2)
  public static let exact = SwitchFlags(rawValue: 4)
  public static let caseSensitive = SwitchFlags(rawValue: 8)
  public static let parallel = SwitchFlags(rawValue: 16)
  public static let file = SwitchFlags(rawValue: 32)
}

/// `switch [-regex|-wildcard|-exact] [-casesensitive] (value) | -file path { clauses }`.
public struct SwitchStatementAst: Sendable {
  public var extent: SourceRange
  public var label: String?
  public var flags: SwitchFlags
  /// The value switched on: the pipeline in parentheses, or the `-file` path expression.
  public var condition: StatementAst?
  public var clauses: [(condition: ExpressionAst, body: StatementBlockAst)]
  public var defaultBody: StatementBlockAst?

  public init(
    extent: SourceRange, label: String?, flags: SwitchFlags, condition: StatementAst?,
    clauses: [(condition: ExpressionAst, body: StatementBlockAst)], defaultBody: StatementBlockAst?
  ) {
    self.extent = extent
    self.label = label
    self.flags = flags
    self.condition = condition
    self.clauses = clauses
    self.defaultBody = defaultBody
  }
}

/// `foreach ($x in expr) { }`.
public struct ForEachStatementAst: Sendable {
  public var extent: SourceRange
  public var label: String?
  public var variable: ExpressionAst
  public var collection: StatementAst
  public var body: StatementBlockAst

  public init(extent: SourceRange, label: String?, variable: ExpressionAst, collection: StatementAst, body: StatementBlockAst) {
    self.extent = extent
    self.label = label
    self.variable = variable
    self.collection = collection
    self.body = body
  }
}

/// `for (init; condition; iterator) { }`; each part may be empty.
public struct ForStatementAst: Sendable {
  public var extent: SourceRange
  public var label: String?
  public var initializer: StatementAst?
  public var condition: StatementAst?
  public var iterator: StatementAst?
  public var body: StatementBlockAst

  public init(
    extent: SourceRange, label: String?, initializer: StatementAst?, condition: StatementAst?,
    iterator: StatementAst?, body: StatementBlockAst
  ) {
    self.extent = extent
    self.label = label
    self.initializer = initializer
    self.condition = condition
    self.iterator = iterator
    self.body = body
  }
}

/// `while (condition) { }`.
public struct WhileStatementAst: Sendable {
  public var extent: SourceRange
  public var label: String?
  public var condition: StatementAst
  public var body: StatementBlockAst

  public init(extent: SourceRange, label: String?, condition: StatementAst, body: StatementBlockAst) {
    self.extent = extent
    self.label = label
    self.condition = condition
    self.body = body
  }
}

/// `do { } while (condition)` or `do { } until (condition)`.
public struct DoLoopStatementAst: Sendable {
  public var extent: SourceRange
  public var label: String?
  public var body: StatementBlockAst
  public var condition: StatementAst
  /// True for `until` (loop while the condition is false).
  public var isUntil: Bool

  public init(extent: SourceRange, label: String?, body: StatementBlockAst, condition: StatementAst, isUntil: Bool) {
    self.extent = extent
    self.label = label
    self.body = body
    self.condition = condition
    self.isUntil = isUntil
  }
}

/// `try { } catch [T1], [T2] { } catch { } finally { }`.
public struct TryStatementAst: Sendable {
  public var extent: SourceRange
  public var body: StatementBlockAst
  public var catchClauses: [CatchClauseAst]
  public var finallyBody: StatementBlockAst?

  public init(extent: SourceRange, body: StatementBlockAst, catchClauses: [CatchClauseAst], finallyBody: StatementBlockAst?) {
    self.extent = extent
    self.body = body
    self.catchClauses = catchClauses
    self.finallyBody = finallyBody
  }
}

/// `catch [T1], [T2] { }`; no types catches everything.
public struct CatchClauseAst: Sendable {
  public var extent: SourceRange
  public var types: [TypeName]
  public var body: StatementBlockAst

  public init(extent: SourceRange, types: [TypeName], body: StatementBlockAst) {
    self.extent = extent
    self.types = types
    self.body = body
  }
}

/// `trap [Type] { }`.
public struct TrapStatementAst: Sendable {
  public var extent: SourceRange
  public var type: TypeName?
  public var body: StatementBlockAst

  public init(extent: SourceRange, type: TypeName?, body: StatementBlockAst) {
    self.extent = extent
    self.type = type
    self.body = body
  }
}

/// `function Name [(params)] { body }` or `filter Name { body }`.
public struct FunctionDefinitionAst: Sendable {
  public var extent: SourceRange
  public var name: String
  public var nameExtent: SourceRange
  public var isFilter: Bool
  /// Parameters written in parentheses after the name (`function f($a, $b) { }`).
  public var parameters: [ParameterAst]
  public var body: ScriptBlockAst

  public init(
    extent: SourceRange, name: String, nameExtent: SourceRange, isFilter: Bool,
    parameters: [ParameterAst], body: ScriptBlockAst
  ) {
    self.extent = extent
    self.name = name
    self.nameExtent = nameExtent
    self.isFilter = isFilter
    self.parameters = parameters
    self.body = body
  }
}

/// `data [name] [-SupportedCommand cmd, …] { … }`.
public struct DataStatementAst: Sendable {
  public var extent: SourceRange
  public var variableName: String?
  public var supportedCommands: [ExpressionAst]
  public var body: StatementBlockAst

  public init(extent: SourceRange, variableName: String?, supportedCommands: [ExpressionAst], body: StatementBlockAst) {
    self.extent = extent
    self.variableName = variableName
    self.supportedCommands = supportedCommands
    self.body = body
  }
}
