import PSLanguage

extension CommandMetadata {
  /// Builds metadata from a function's `param()` block (or the `function f($a, $b)` list), as
  /// PowerShell's compiler does (`Compiler.GetParameterMetaData`): type constraints,
  /// `[CmdletBinding()]`, `[Parameter()]`, `[Alias()]`, the validation and `Allow*` attributes.
  /// `evaluate` turns attribute argument expressions into values (the interpreter supplies it).
  ///
  /// Documentation-only attributes (`[OutputType()]`, `[Diagnostics.CodeAnalysis.SuppressMessage()]`,
  /// …) are ignored; any other unknown attribute is PowerShell's `CustomAttributeTypeNotFound`
  /// error, an unknown type constraint its `Unable to find type [X].`
  public static func from(
    name: String, paramBlock: ParamBlockAst?, functionParameters: [ParameterAst],
    evaluate: (ExpressionAst) throws(RuntimeError) -> Value
  ) throws(RuntimeError) -> CommandMetadata {
    try withoutActuallyEscaping(evaluate) { (evaluate) throws(RuntimeError) -> CommandMetadata in
      try build(name: name, paramBlock: paramBlock, functionParameters: functionParameters, evaluate: evaluate)
    }
  }

  static func build(
    name: String, paramBlock: ParamBlockAst?, functionParameters: [ParameterAst],
    evaluate: @escaping (ExpressionAst) throws(RuntimeError) -> Value
  ) throws(RuntimeError) -> CommandMetadata {
    var meta = CommandMetadata(name: name, parameters: [], isAdvanced: false)
    let reader = AttributeReader(evaluate: evaluate)

    for attr in paramBlock?.attributes ?? [] {
      switch AttributeReader.key(attr.typeName) {
      case "cmdletbinding":
        meta.isAdvanced = true
        try reader.readCmdletBinding(attr, into: &meta)
      case "alias", "outputtype":
        break  // a function alias; documentation
      case let k where AttributeReader.ignored.contains(k):
        break
      default:
        throw AttributeReader.notFound(attr)
      }
    }

    var customParameterSet = false
    for ast in functionParameters + (paramBlock?.parameters ?? []) {
      let p = try reader.readParameter(ast, customParameterSet: &customParameterSet, isAdvanced: &meta.isAdvanced)
      meta.parameters.append(p)
    }

    // Without any Position or set name, parameters take positions in declaration order
    // (switches excepted), unless [CmdletBinding(PositionalBinding = $false)].
    if meta.positionalBinding && !customParameterSet {
      var position = 0
      for i in meta.parameters.indices where !meta.parameters[i].isSwitch {
        meta.parameters[i].sets[ParameterMetadata.allParameterSets]?.position = position
        position += 1
      }
    }

    try meta.checkNames()
    return meta
  }

  /// Names and aliases must be unique, and (for advanced functions) must not clash with the
  /// common parameters (`engine/MergedCommandParameterMetadata.cs` metadata errors).
  func checkNames() throws(RuntimeError) {
    var names: [String: String] = [:]  // lowercased name → declared name
    var aliases: [String: String] = [:]  // lowercased alias → owning parameter
    for c in commonParameters {
      names[c.name.lowercased()] = c.name
      aliases[c.alias.lowercased()] = c.name
    }
    for p in parameters {
      let key = p.name.lowercased()
      if names[key] != nil {
        throw RuntimeError(
          id: "ParameterNameAlreadyExistsForCommand",
          message: "A parameter with the name '\(p.name)' was defined multiple times for the command.",
          exceptionType: "System.Management.Automation.MetadataException")
      }
      if let owner = aliases[key] {
        throw RuntimeError(
          id: "ParameterNameConflictsWithAlias",
          message:
            "The parameter '\(p.name)' cannot be specified because it conflicts with the parameter alias of the same name for parameter '\(owner)'.",
          exceptionType: "System.Management.Automation.MetadataException")
      }
      names[key] = p.name
    }
    for p in parameters {
      for a in p.aliases {
        let key = a.lowercased()
        if let owner = names[key] {
          throw RuntimeError(
            id: "ParameterNameConflictsWithAlias",
            message:
              "The parameter '\(owner)' cannot be specified because it conflicts with the parameter alias of the same name for parameter '\(p.name)'.",
            exceptionType: "System.Management.Automation.MetadataException")
        }
        if aliases[key] != nil {
          throw RuntimeError(
            id: "AliasParameterNameAlreadyExistsForCommand",
            message:
              "The parameter alias cannot be specified because an alias with the name '\(a)' was already defined multiple times for the command.",
            exceptionType: "System.Management.Automation.MetadataException")
        }
        aliases[key] = p.name
      }
    }
  }
}
