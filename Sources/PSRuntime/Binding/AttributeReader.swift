import PSLanguage

/// Reads attribute arguments the way PowerShell's attribute generators do (`Compiler.cs`,
/// `NewParameterAttribute`, `NewCmdletBindingAttribute`, …).
struct AttributeReader {
  let evaluate: (ExpressionAst) throws(RuntimeError) -> Value

  /// Attributes that change nothing about binding (documentation, analyzers, editors).
  static let ignored: Set<String> = [
    "outputtype", "diagnostics.codeanalysis.suppressmessage", "system.diagnostics.codeanalysis.suppressmessage",
    "codeanalysis.suppressmessage", "suppressmessage",
    "supportswildcards", "psdefaultvalue", "argumentcompleter", "argumentcompletions", "pstypename",
    "system.diagnostics.debuggerhidden", "diagnostics.debuggerhidden", "debuggerhidden", "obsolete",
    "system.obsolete",
  ]

  /// The attribute's name as PowerShell resolves it: case-insensitive, `System.Management.Automation.`
  /// optional, `Attribute` suffix optional.
  static func key(_ t: TypeName) -> String {
    var n = t.name.lowercased()
    let ns = "system.management.automation."
    if n.hasPrefix(ns) { n.removeFirst(ns.count) }
    if n.hasSuffix("attribute"), n.count > "attribute".count { n.removeLast("attribute".count) }
    return n
  }

  static func notFound(_ attr: AttributeAst) -> RuntimeError {
    RuntimeError(
      id: "CustomAttributeTypeNotFound",
      message:
        "Cannot find the type for custom attribute '\(attr.typeName.description)'. Make sure that the assembly that contains this attribute is loaded."
    )
  }

  static func propertyNotFound(_ name: String) -> RuntimeError {
    // PowerShell names CmdletBindingAttribute here for every built-in attribute.
    RuntimeError(
      id: "PropertyNotFoundForType",
      message: "Property '\(name)' cannot be found for type 'System.Management.Automation.CmdletBindingAttribute'.")
  }

  static func argumentCount(_ n: Int) -> RuntimeError {
    RuntimeError(
      id: "MethodCountCouldNotFindBest",
      message: "Cannot find an overload for \".ctor\" and the argument count: \"\(n)\".",
      exceptionType: "System.Management.Automation.MethodException")
  }

  // MARK: - Argument values

  func value(_ e: ExpressionAst?) throws(RuntimeError) -> Value {
    guard let e else { return .bool(true) }  // `[Parameter(Mandatory)]`
    return try evaluate(e)
  }

  func bool(_ e: ExpressionAst?) throws(RuntimeError) -> Bool { Conversions.toBool(try value(e)) }

  func int(_ e: ExpressionAst?) throws(RuntimeError) -> Int {
    guard case .int32(let i) = try Conversions.convert(try value(e), to: .int32) else { return 0 }
    return Int(i)
  }

  func string(_ e: ExpressionAst?) throws(RuntimeError) -> String { Conversions.toString(try value(e)) }

  /// Positional arguments as strings, arrays flattened (`[ValidateSet('a', 'b')]`, `[Alias(@('x'))]`).
  func strings(_ es: [ExpressionAst]) throws(RuntimeError) -> [String] {
    var out: [String] = []
    for e in es {
      let v = try evaluate(e)
      if let items = v.enumerated {
        out += items.map(Conversions.toString)
      } else {
        out.append(Conversions.toString(v))
      }
    }
    return out
  }

  func noPositional(_ attr: AttributeAst) throws(RuntimeError) {
    if !attr.positionalArguments.isEmpty { throw Self.argumentCount(attr.positionalArguments.count) }
  }

  func noNamed(_ attr: AttributeAst) throws(RuntimeError) {
    if let n = attr.namedArguments.first { throw Self.propertyNotFound(n.name) }
  }

  // MARK: - [CmdletBinding()]

  func readCmdletBinding(_ attr: AttributeAst, into meta: inout CommandMetadata) throws(RuntimeError) {
    try noPositional(attr)
    for n in attr.namedArguments {
      switch n.name.lowercased() {
      case "defaultparametersetname": meta.defaultParameterSet = try string(n.value)
      case "supportsshouldprocess": meta.supportsShouldProcess = try bool(n.value)
      case "positionalbinding": meta.positionalBinding = try bool(n.value)
      case "confirmimpact": meta.confirmImpact = try string(n.value)
      case "helpuri", "supportstransactions", "supportspaging", "remotingcapability": _ = try value(n.value)
      default: throw Self.propertyNotFound(n.name)
      }
    }
  }

  // MARK: - One parameter

  func readParameter(
    _ ast: ParameterAst, customParameterSet: inout Bool, isAdvanced: inout Bool
  ) throws(RuntimeError) -> ParameterMetadata {
    var p = ParameterMetadata(name: ast.name.name, sets: [:], defaultValue: ast.defaultValue)
    if let t = ast.typeConstraints.first {
      p.type = try PSType.resolve(t)
      p.isSwitch = p.type == .switchParameter
    }
    for t in ast.typeConstraints.dropFirst() { _ = try PSType.resolve(t) }

    for attr in ast.attributeList {
      switch Self.key(attr.typeName) {
      case "parameter":
        isAdvanced = true
        let (set, info) = try readParameterAttribute(attr)
        if info.position != nil || set != ParameterMetadata.allParameterSets { customParameterSet = true }
        p.sets[set] = info
      case "alias":
        try noNamed(attr)
        p.aliases += try strings(attr.positionalArguments)
      case "validateset":
        p.validateSet = try strings(attr.positionalArguments)
        for n in attr.namedArguments {
          switch n.name.lowercased() {
          case "ignorecase": p.validateSetIgnoreCase = try bool(n.value)
          case "errormessage": p.validateSetErrorMessage = try string(n.value)
          default: throw Self.propertyNotFound(n.name)
          }
        }
      case "validaterange":
        try noNamed(attr)
        switch attr.positionalArguments.count {
        case 2:
          p.validateRange = (try evaluate(attr.positionalArguments[0]), try evaluate(attr.positionalArguments[1]))
        case 1:
          let kind = try string(attr.positionalArguments[0])
          guard
            let k = [ValidateRangeKind.positive, .nonNegative, .negative, .nonPositive]
              .first(where: { $0.rawValue.caseInsensitiveEquals(kind) })
          else {
            throw RuntimeError(
              id: "InvalidCastFromStringToInteger",
              message:
                "Cannot convert value \"\(kind)\" to type \"System.Management.Automation.ValidateRangeKind\". Error: \"Unable to match the identifier name \(kind) to a valid enumerator name. Specify one of the following enumerator names and try again:\nPositive, NonNegative, Negative, NonPositive\""
            )
          }
          p.validateRangeKind = k
        default:
          throw Self.argumentCount(attr.positionalArguments.count)
        }
      case "validatepattern":
        guard attr.positionalArguments.count == 1 else { throw Self.argumentCount(attr.positionalArguments.count) }
        p.validatePattern = try string(attr.positionalArguments[0])
        for n in attr.namedArguments {
          switch n.name.lowercased() {
          case "options": _ = try value(n.value)
          case "errormessage": p.validatePatternErrorMessage = try string(n.value)
          default: throw Self.propertyNotFound(n.name)
          }
        }
      case "validatelength", "validatecount":
        try noNamed(attr)
        guard attr.positionalArguments.count == 2 else { throw Self.argumentCount(attr.positionalArguments.count) }
        let bounds = (try int(attr.positionalArguments[0]), try int(attr.positionalArguments[1]))
        if Self.key(attr.typeName) == "validatelength" { p.validateLength = bounds } else { p.validateCount = bounds }
      case "validatescript":
        guard attr.positionalArguments.count == 1 else { throw Self.argumentCount(attr.positionalArguments.count) }
        if case .scriptBlock(let sb) = try evaluate(attr.positionalArguments[0]) { p.validateScript = sb }
        for n in attr.namedArguments {
          guard n.name.lowercased() == "errormessage" else { throw Self.propertyNotFound(n.name) }
          p.validateScriptErrorMessage = try string(n.value)
        }
      case "validatenotnullorempty":
        try noPositional(attr)
        try noNamed(attr)
        p.validateNotNullOrEmpty = true
      case "validatenotnull":
        try noPositional(attr)
        try noNamed(attr)
        p.validateNotNull = true
      case "allownull": p.allowNull = true
      case "allowemptystring": p.allowEmptyString = true
      case "allowemptycollection": p.allowEmptyCollection = true
      case let k where Self.ignored.contains(k):
        break
      default:
        throw Self.notFound(attr)
      }
    }
    if p.sets.isEmpty { p.sets[ParameterMetadata.allParameterSets] = ParameterSetInfo() }
    return p
  }

  /// `[Parameter(Mandatory, Position = 0, ParameterSetName = 'X', …)]`.
  func readParameterAttribute(_ attr: AttributeAst) throws(RuntimeError) -> (String, ParameterSetInfo) {
    // `[Parameter('Feature', 'Hide')]` (experimental features) is the only positional form.
    if !attr.positionalArguments.isEmpty && attr.positionalArguments.count != 2 {
      throw Self.argumentCount(attr.positionalArguments.count)
    }
    var set = ParameterMetadata.allParameterSets
    var info = ParameterSetInfo()
    for n in attr.namedArguments {
      switch n.name.lowercased() {
      case "position": info.position = try int(n.value)
      case "parametersetname": set = try string(n.value)
      case "mandatory": info.mandatory = try bool(n.value)
      case "valuefrompipeline": info.valueFromPipeline = try bool(n.value)
      case "valuefrompipelinebypropertyname": info.valueFromPipelineByPropertyName = try bool(n.value)
      case "valuefromremainingarguments": info.valueFromRemainingArguments = try bool(n.value)
      case "helpmessage": info.helpMessage = try string(n.value)
      case "helpmessagebasename", "helpmessageresourceid", "dontshow": _ = try value(n.value)
      default: throw Self.propertyNotFound(n.name)
      }
    }
    return (set, info)
  }
}
