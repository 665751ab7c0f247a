/// A script, a function body or a `{ … }` literal: an optional `param()` block and named blocks.
///
/// Scripts without `begin`/`process`/`end` keep their statements in an unnamed `end` block, as
/// PowerShell does.
public struct ScriptBlockAst: Sendable {
  public var extent: SourceRange
  /// Attributes written before `param(…)`, such as `[CmdletBinding()]`.
  public var paramBlock: ParamBlockAst?
  public var dynamicParamBlock: NamedBlockAst?
  public var beginBlock: NamedBlockAst?
  public var processBlock: NamedBlockAst?
  public var endBlock: NamedBlockAst?
  public var cleanBlock: NamedBlockAst?
  /// The comment-based help (`<# .SYNOPSIS … #>` or `#` lines) that belongs to this block.
  public var helpComment: Comment?
  /// `#requires` lines (top level only), as written.
  public var requires: [Comment]

  public init(extent: SourceRange) {
    self.extent = extent
    self.requires = []
  }

  /// The named blocks present, in execution order.
  public var namedBlocks: [NamedBlockAst] {
    [dynamicParamBlock, beginBlock, processBlock, endBlock, cleanBlock].compactMap { $0 }
  }
}

/// `begin { }`, `process { }`, `end { }`, `clean { }`, `dynamicparam { }`, or the unnamed block.
public struct NamedBlockAst: Sendable {
  public enum Kind: String, Sendable { case dynamicParam = "dynamicparam", begin, process, end, clean }

  public var extent: SourceRange
  public var kind: Kind
  public var statements: [StatementAst]
  /// False for a script's or function's statements written without a block keyword.
  public var isNamed: Bool

  public init(extent: SourceRange, kind: Kind, statements: [StatementAst], isNamed: Bool) {
    self.extent = extent
    self.kind = kind
    self.statements = statements
    self.isNamed = isNamed
  }
}

/// `param(…)` with the attributes written before it (`[CmdletBinding()]`, `[OutputType()]`).
public struct ParamBlockAst: Sendable {
  public var extent: SourceRange
  public var attributes: [AttributeAst]
  public var parameters: [ParameterAst]

  public init(extent: SourceRange, attributes: [AttributeAst], parameters: [ParameterAst]) {
    self.extent = extent
    self.attributes = attributes
    self.parameters = parameters
  }
}

/// One parameter: its attributes and type constraints in order, its name and default value.
public struct ParameterAst: Sendable {
  public var extent: SourceRange
  public var name: VariablePath
  public var nameExtent: SourceRange
  public var attributes: [AttributeBaseAst]
  public var defaultValue: ExpressionAst?

  public init(
    extent: SourceRange, name: VariablePath, nameExtent: SourceRange,
    attributes: [AttributeBaseAst], defaultValue: ExpressionAst?
  ) {
    self.extent = extent
    self.name = name
    self.nameExtent = nameExtent
    self.attributes = attributes
    self.defaultValue = defaultValue
  }

  /// The type constraints (`[int]`, `[string[]]`) in the order written.
  public var typeConstraints: [TypeName] {
    attributes.compactMap { if case .typeConstraint(let t) = $0 { return t } else { return nil } }
  }

  /// The attributes with arguments (`[Parameter(…)]`, `[ValidateSet(…)]`).
  public var attributeList: [AttributeAst] {
    attributes.compactMap { if case .attribute(let a) = $0 { return a } else { return nil } }
  }
}

/// Either `[Name(args)]` or a type constraint `[type]`.
public enum AttributeBaseAst: Sendable {
  case attribute(AttributeAst)
  case typeConstraint(TypeName)

  public var extent: SourceRange {
    switch self {
    case .attribute(let a): return a.extent
    case .typeConstraint(let t): return t.extent
    }
  }
}

/// `[Parameter(Mandatory, Position = 0)]`, `[ValidateSet('a', 'b')]`, `[CmdletBinding()]`.
public struct AttributeAst: Sendable {
  public var extent: SourceRange
  public var typeName: TypeName
  public var positionalArguments: [ExpressionAst]
  public var namedArguments: [NamedAttributeArgumentAst]

  public init(
    extent: SourceRange, typeName: TypeName, positionalArguments: [ExpressionAst],
    namedArguments: [NamedAttributeArgumentAst]
  ) {
    self.extent = extent
    self.typeName = typeName
    self.positionalArguments = positionalArguments
    self.namedArguments = namedArguments
  }
}

/// `Name = value`, or `Name` alone (meaning `$true`) inside an attribute's parentheses.
public struct NamedAttributeArgumentAst: Sendable {
  public var extent: SourceRange
  public var name: String
  /// Nil when written without `= value`.
  public var value: ExpressionAst?

  public init(extent: SourceRange, name: String, value: ExpressionAst?) {
    self.extent = extent
    self.name = name
    self.value = value
  }
}

/// A type name as written: `System.Net.IPAddress`, `string[]`, `List[string]`, `int[,]`.
public struct TypeName: Sendable, Hashable, CustomStringConvertible {
  public var extent: SourceRange
  /// The (possibly dotted) name without generic arguments or array brackets.
  public var name: String
  public var genericArguments: [TypeName]
  /// For `T[]` the element type is `self` with `arrayRank` 0; `T[,]` has rank 2.
  public var arrayRank: Int

  public init(extent: SourceRange, name: String, genericArguments: [TypeName] = [], arrayRank: Int = 0) {
    self.extent = extent
    self.name = name
    self.genericArguments = genericArguments
    self.arrayRank = arrayRank
  }

  /// The full name as PowerShell prints it: `System.Collections.Generic.List[string]`, `int[]`.
  public var description: String {
    var s = name
    if !genericArguments.isEmpty {
      s += "[" + genericArguments.map(\.description).joined(separator: ",") + "]"
    }
    if arrayRank > 0 { s += "[" + String(repeating: ",", count: arrayRank - 1) + "]" }
    return s
  }

  /// True for `[ref]`.
  public var isRef: Bool { arrayRank == 0 && genericArguments.isEmpty && name.lowercased() == "ref" }
}
