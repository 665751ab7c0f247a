import PSLanguage
import Testing

@testable import PSRuntime

// MARK: - Helpers

/// Metadata for `function f { <decl> }`; a leading `#compiled ` makes it a compiled cmdlet.
private func binderMeta(_ decl: String) throws -> CommandMetadata {
  var text = decl
  let compiled = text.hasPrefix("#compiled ")
  if compiled { text.removeFirst("#compiled ".count) }
  let parsed = Parser.parse("function f { \(text) }")
  guard parsed.errors.isEmpty else { throw RuntimeError(id: "Parse", message: "\(parsed.errors)") }
  guard let statement = parsed.ast.endBlock?.statements.first, case .functionDefinition(let f) = statement.kind else {
    throw RuntimeError(id: "Parse", message: "no function")
  }
  let source = parsed.source
  var meta = try CommandMetadata.from(
    name: "f", paramBlock: f.body.paramBlock, functionParameters: f.parameters,
    evaluate: { (e) throws(RuntimeError) -> Value in try binderConstant(e, source) })
  if compiled {
    meta.bindsAsCompiledCmdlet = true
    meta.isAdvanced = true
  }
  return meta
}

/// The test's stand-in for the interpreter: constants, `$true`/`$false`/`$null`, arrays, `-n`,
/// script blocks.
private func binderConstant(_ e: ExpressionAst, _ source: SourceFile) throws(RuntimeError) -> Value {
  switch e.kind {
  case .number(let n): return Conversions.value(of: n.value)
  case .string(let s, _): return .string(s)
  case .variable(let v):
    switch v.name.lowercased() {
    case "true": return .bool(true)
    case "false": return .bool(false)
    case "null": return .null
    default: break
    }
  case .arrayLiteral(let items):
    var out: [Value] = []
    for i in items { out.append(try binderConstant(i, source)) }
    return .array(PSArray(out))
  case .unary(.negate, let x):
    if case .int32(let i) = try binderConstant(x, source) { return .int32(-i) }
  case .scriptBlock(let sb):
    return .scriptBlock(ScriptBlockValue(ast: sb, source: source))
  default: break
  }
  throw RuntimeError(id: "NotConstant", message: "not a constant")
}

/// Call-site arguments from specs: `-Name` (bare name), `-Name:<val>` (with colon), `@Name=<val>`
/// (hashtable splat), anything else a positional `val(...)`.
private func binderArgs(_ specs: [String]) -> [CommandArgument] {
  specs.map { spec in
    if spec.hasPrefix("@"), let eq = spec.firstIndex(of: "=") {
      return .named(
        name: String(spec[spec.index(after: spec.startIndex)..<eq]), value: val(String(spec[spec.index(after: eq)...])),
        hasColon: true)
    }
    if spec.hasPrefix("-") {
      let body = spec.dropFirst()
      if let colon = body.firstIndex(of: ":") {
        return .named(
          name: String(body[..<colon]), value: val(String(body[body.index(after: colon)...])), hasColon: true)
      }
      return .named(name: String(body), value: nil, hasColon: false)
    }
    return .positional(val(spec))
  }
}

/// `Name=<show>, …| $args=… | common=… | set=…` (parts left out when empty or the all set).
private func binderRender(_ r: BindingResult) -> String {
  var parts: [String] = []
  if !r.bound.isEmpty { parts.append(r.bound.map { "\($0.name)=\(show($0.value))" }.joined(separator: ", ")) }
  if !r.remaining.isEmpty { parts.append("$args=" + r.remaining.map(show).joined(separator: ",")) }
  if !r.commonParameters.isEmpty {
    parts.append("common=" + r.commonParameters.map { "\($0.name)=\(show($0.value))" }.joined(separator: ","))
  }
  if r.parameterSetName != ParameterMetadata.allParameterSets { parts.append("set=" + r.parameterSetName) }
  return parts.joined(separator: " | ")
}

private func binderRender(_ e: ParameterBindingError) -> String { "err:\(e.id): \(e.message)" }

/// Binds as a standalone call (no pipeline input): the whole command-line check.
private func binderCall(_ decl: String, _ args: [String]) throws -> String {
  let meta = try binderMeta(decl)
  do {
    return binderRender(
      try ParameterBinder.bind(meta, binderArgs(args), hooks: BindingHooks(), pipelineInputExpected: false))
  } catch {
    return binderRender(error)
  }
}

private let binderBoolOnly =
  "Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0."
private let binderAlreadyBoundTail =
  "is specified more than once. To provide multiple values to parameters that can accept multiple values, use the array syntax. For example, \"-parameter value1,value2,value3\"."
private let binderSetsTwo =
  "[CmdletBinding(DefaultParameterSetName='ByName')] param([Parameter(ParameterSetName='ByName', Position=0)][string]$Name, [Parameter(ParameterSetName='ById', Position=0)][int]$Id)"
private let binderSetsNoDefault =
  "[CmdletBinding()] param([Parameter(ParameterSetName='A')]$X, [Parameter(ParameterSetName='B')]$Y, [Parameter(ParameterSetName='A')][Parameter(ParameterSetName='B')]$Z)"

struct BinderTests {
  // MARK: - Names: pairing, prefixes, aliases, ambiguity

  @Test(arguments: [
    ("param($A, $B)", ["str:x", "int:2"], "A=str:x, B=int:2"),
    ("param($Name, $NewName)", ["-Name", "str:a"], "Name=str:a"),
    ("param($Name, $Count)", ["-na", "str:a"], "Name=str:a"),
    ("param($Name, $Count)", ["-NAME", "str:a"], "Name=str:a"),
    ("param($Name, $NameSuffix)", ["-name", "str:a"], "Name=str:a"),
    ("param([Alias('cn')]$ComputerName)", ["-cn", "str:h"], "ComputerName=str:h"),
    ("param([Alias('Host')]$ComputerName, $Count)", ["-ho", "str:h"], "ComputerName=str:h"),
    ("param($Name)", ["-Name:str:a"], "Name=str:a"),
    ("param($Name, [switch]$Force)", ["@Name=str:a", "@Force=bool:true"], "Name=str:a, Force=bool:true"),
    ("param($A, $B)", ["-B", "str:b", "str:a"], "B=str:b, A=str:a"),
    (
      "param($Name, $NewName)", ["-N", "str:a"],
      "err:AmbiguousParameter: Parameter cannot be processed because the parameter name 'N' is ambiguous. Possible matches include: -Name -NewName."
    ),
    (
      "param([Alias('NameX')]$Name, $NewName)", ["-Na", "str:a"],
      "Name=str:a"
    ),
    (
      "param($Name)", ["-Name", "str:a", "-Name", "str:b"],
      "err:ParameterAlreadyBound: Cannot bind parameter because parameter 'Name' \(binderAlreadyBoundTail)"
    ),
    (
      "param($Name)", ["-Name:str:a", "-na:str:b"],
      "err:ParameterAlreadyBound: Cannot bind parameter because parameter 'na' \(binderAlreadyBoundTail)"
    ),
    (
      "param([int]$Count)", ["-Count"],
      "err:MissingArgument: Missing an argument for parameter 'Count'. Specify a parameter of type 'System.Int32' and try again."
    ),
    (
      "param($Name, [switch]$Force)", ["-Name", "-Force"],
      "err:MissingArgument: Missing an argument for parameter 'Name'. Specify a parameter of type 'System.Object' and try again."
    ),
    ("[CmdletBinding()] param($Name)", ["-Name", "-foo"], "Name=str:-foo"),
    (
      "[CmdletBinding()] param($A)", ["-Bogus", "str:x"],
      "err:NamedParameterNotFound: A parameter cannot be found that matches parameter name 'Bogus'."
    ),
  ])
  func names(_ decl: String, _ args: [String], _ expected: String) throws {
    #expect(try binderCall(decl, args) == expected)
  }

  // MARK: - Switches and Booleans

  @Test(arguments: [
    ("param([switch]$Force, $A)", ["-Force"], "Force=bool:true"),
    ("param([switch]$Force, $A)", ["-Force", "str:x"], "Force=bool:true, A=str:x"),
    ("param([switch]$Force)", ["-Force:bool:false"], "Force=bool:false"),
    ("param([switch]$Force)", ["-Force:int:0"], "Force=bool:false"),
    ("param([switch]$S, $A)", ["str:x"], "A=str:x"),
    ("param([bool]$B, $C)", ["-B", "bool:false", "str:x"], "B=bool:false, C=str:x"),
    (
      "param([switch]$Force)", ["-Force:str:false"],
      "err:ParameterArgumentTransformationError: Cannot process argument transformation on parameter 'Force'. Cannot convert value \"System.String\" to type \"System.Management.Automation.SwitchParameter\". \(binderBoolOnly)"
    ),
    (
      "param([bool]$B)", ["-B:null"],
      "err:ParameterArgumentTransformationError: Cannot process argument transformation on parameter 'B'. Cannot convert value \"\" to type \"System.Boolean\". \(binderBoolOnly)"
    ),
    (
      "#compiled param([switch]$Force)", ["-Force:str:yes"],
      "err:CannotConvertArgument: Cannot convert 'System.String' to the type 'System.Management.Automation.SwitchParameter' required by parameter 'Force'. "
    ),
  ])
  func switches(_ decl: String, _ args: [String], _ expected: String) throws {
    #expect(try binderCall(decl, args) == expected)
  }

  // MARK: - Type conversion

  @Test(arguments: [
    ("param([int]$Count)", ["str:42"], "Count=int:42"),
    (
      "param([int]$Count)", ["str:abc"],
      "err:ParameterArgumentTransformationError: Cannot process argument transformation on parameter 'Count'. Cannot convert value \"abc\" to type \"System.Int32\". Error: \"Input string was not in a correct format.\""
    ),
    ("param([string[]]$Names)", ["str:a"], "Names=arr[str:a]"),
    ("param([int[]]$N)", ["arr[str:1,int:2]"], "N=arr[int:1,int:2]"),
    (
      "param([int]$N)", ["arr[int:1,int:2]"],
      "err:ParameterArgumentTransformationError: Cannot process argument transformation on parameter 'N'. Cannot convert the \"System.Object[]\" value of type \"System.Object[]\" to type \"System.Int32\"."
    ),
    ("param([string]$S)", ["arr[int:1,int:2]"], "S=str:1 2"),
    (
      "[CmdletBinding()] param([string]$S)", ["arr[int:1,int:2]"],
      "err:ParameterArgumentTransformationError: Cannot process argument transformation on parameter 'S'. Cannot convert value to type System.String."
    ),
    ("param($O)", ["arr[int:1,int:2]"], "O=arr[int:1,int:2]"),
    ("param([string]$S)", ["null"], "S=str:"),
    ("param([string[]]$S)", ["null"], "S=null"),
    ("param([ipaddress]$Ip)", ["str:10.0.0.5"], "Ip=ip:10.0.0.5"),
    (
      "#compiled param([string]$Name)", ["arr[str:a,str:b]"],
      "err:CannotConvertArgument: Cannot convert 'System.Object[]' to the type 'System.String' required by parameter 'Name'. Specified method is not supported."
    ),
    (
      "#compiled param([int]$Count)", ["-Count", "str:abc"],
      "err:CannotConvertArgumentNoMessage: Cannot bind parameter 'Count'. Cannot convert value \"abc\" to type \"System.Int32\". Error: \"Input string was not in a correct format.\""
    ),
  ])
  func conversion(_ decl: String, _ args: [String], _ expected: String) throws {
    #expect(try binderCall(decl, args) == expected)
  }

  // MARK: - Validation attributes

  @Test(arguments: [
    (
      "param([ValidateSet('a','b')][string]$Mode)", ["str:c"],
      "err:ParameterArgumentValidationError: Cannot validate argument on parameter 'Mode'. The argument \"c\" does not belong to the set \"a,b\" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again."
    ),
    ("param([ValidateSet('a','b')][string]$Mode)", ["str:A"], "Mode=str:A"),
    (
      "param([ValidateSet('a','b', IgnoreCase=$false)][string]$Mode)", ["str:A"],
      "err:ParameterArgumentValidationError: Cannot validate argument on parameter 'Mode'. The argument \"A\" does not belong to the set \"a,b\" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again."
    ),
    (
      "param([ValidateSet('a','b')][string[]]$M)", ["arr[str:a,str:z]"],
      "err:ParameterArgumentValidationError: Cannot validate argument on parameter 'M'. The argument \"z\" does not belong to the set \"a,b\" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again."
    ),
    (
      "param([ValidateRange(1,10)][int]$N)", ["int:20"],
      "err:ParameterArgumentValidationError: Cannot validate argument on parameter 'N'. The 20 argument is greater than the maximum allowed range of 10. Supply an argument that is less than or equal to 10 and then try the command again."
    ),
    (
      "param([ValidateRange(1,10)][int]$N)", ["int:0"],
      "err:ParameterArgumentValidationError: Cannot validate argument on parameter 'N'. The 0 argument is less than the minimum allowed range of 1. Supply an argument that is greater than or equal to 1 and then try the command again."
    ),
    ("param([ValidateRange(1,10)][int]$N)", ["str:5"], "N=int:5"),
    (
      "param([ValidateRange(1,10)]$N)", ["str:x"],
      "err:ParameterArgumentValidationError: Cannot validate argument on parameter 'N'. The argument cannot be validated because its type \"String\" is not the same type (Int32) as the maximum and minimum limits of the parameter. Make sure the argument is of type Int32 and then try the command again."
    ),
    (
      "param([ValidateRange('Positive')][int]$N)", ["int:0"],
      "err:ParameterArgumentValidationError: Cannot validate argument on parameter 'N'. The argument \"0\" cannot be validated because its value is not greater than zero."
    ),
    (
      "param([ValidatePattern('^\\d+$')][string]$Id)", ["str:x1"],
      "err:ParameterArgumentValidationError: Cannot validate argument on parameter 'Id'. The argument \"x1\" does not match the \"^\\d+$\" pattern. Supply an argument that matches \"^\\d+$\" and try the command again."
    ),
    ("param([ValidatePattern('^ab$')][string]$S)", ["str:AB"], "S=str:AB"),
    (
      "param([ValidateNotNullOrEmpty()][string]$S)", ["str:"],
      "err:ParameterArgumentValidationError: Cannot validate argument on parameter 'S'. The argument is null or empty. Provide an argument that is not null or empty, and then try the command again."
    ),
    (
      "param([ValidateNotNullOrEmpty()][string[]]$S)", ["arr[]"],
      "err:ParameterArgumentValidationError: Cannot validate argument on parameter 'S'. The argument is null, empty, or an element of the argument collection contains a null value. Supply a collection that does not contain any null values and then try the command again."
    ),
    (
      "param([ValidateNotNull()]$O)", ["null"],
      "err:ParameterArgumentValidationError: Cannot validate argument on parameter 'O'. The argument is null. Provide a valid value for the argument, and then try the command again."
    ),
    (
      "param([ValidateCount(1,2)][int[]]$N)", ["arr[int:1,int:2,int:3]"],
      "err:ParameterArgumentValidationError: Cannot validate argument on parameter 'N'. The parameter requires at least 1 value(s) and no more than 2 value(s) - 3 value(s) were provided."
    ),
    (
      "param([ValidateLength(2,3)][string]$S)", ["str:abcd"],
      "err:ParameterArgumentValidationError: Cannot validate argument on parameter 'S'. The character length of the 4 argument is too long. Shorten the character length of the argument so it is fewer than or equal to \"3\" characters, and then try the command again."
    ),
  ])
  func validation(_ decl: String, _ args: [String], _ expected: String) throws {
    #expect(try binderCall(decl, args) == expected)
  }

  // MARK: - Mandatory parameters

  @Test(arguments: [
    (
      "param([Parameter(Mandatory)][string]$Name, [Parameter(Mandatory)]$Path, $Other)", [],
      "err:MissingMandatoryParameter: Cannot process command because of one or more missing mandatory parameters: Name Path."
    ),
    (
      "param([Parameter(Mandatory)][string]$Name)", ["str:"],
      "err:ParameterArgumentValidationErrorEmptyStringNotAllowed: Cannot bind argument to parameter 'Name' because it is an empty string."
    ),
    (
      "param([Parameter(Mandatory)][string]$Name)", ["null"],
      "err:ParameterArgumentValidationErrorEmptyStringNotAllowed: Cannot bind argument to parameter 'Name' because it is an empty string."
    ),
    (
      "param([Parameter(Mandatory)]$O)", ["null"],
      "err:ParameterArgumentValidationErrorNullNotAllowed: Cannot bind argument to parameter 'O' because it is null."
    ),
    ("param([Parameter(Mandatory)][AllowEmptyString()][string]$Name)", ["str:"], "Name=str:"),
    ("param([Parameter(Mandatory)][AllowNull()]$O)", ["null"], "O=null"),
    (
      "param([Parameter(Mandatory)][string[]]$N)", ["arr[]"],
      "err:ParameterArgumentValidationErrorEmptyArrayNotAllowed: Cannot bind argument to parameter 'N' because it is an empty array."
    ),
    ("param([Parameter(Mandatory)][object]$O)", ["str:"], "O=str:"),
  ])
  func mandatory(_ decl: String, _ args: [String], _ expected: String) throws {
    #expect(try binderCall(decl, args) == expected)
  }

  // MARK: - Positional binding and leftovers

  @Test(arguments: [
    ("param($A)", ["str:x", "str:y"], "A=str:x | $args=str:y"),
    ("param($A)", ["-B", "str:v"], "$args=str:-B,str:v"),
    ("param($A)", ["-Verbose", "str:x"], "$args=str:-Verbose,str:x"),
    (
      "[CmdletBinding()] param($A)", ["str:x", "str:y"],
      "err:PositionalParameterNotFound: A positional parameter cannot be found that accepts argument 'y'."
    ),
    (
      "[CmdletBinding()] param($A)", ["str:x", "arr[int:1,int:2]"],
      "err:PositionalParameterNotFound: A positional parameter cannot be found that accepts argument 'System.Object[]'."
    ),
    (
      "[CmdletBinding()] param([Parameter(Position=1)]$B, [Parameter(Position=0)]$A)", ["str:first", "str:second"],
      "A=str:first, B=str:second"
    ),
    (
      "param([Parameter(Position=0)]$A, $B)", ["str:x", "str:y"],
      "err:PositionalParameterNotFound: A positional parameter cannot be found that accepts argument 'y'."
    ),
    (
      "[CmdletBinding(PositionalBinding=$false)] param($A)", ["str:x"],
      "err:PositionalParameterNotFound: A positional parameter cannot be found that accepts argument 'x'."
    ),
    (
      "[CmdletBinding()] param([Parameter(Position=0)]$A, [Parameter(Position=0)]$B)", ["str:x"],
      "err:AmbiguousPositionalParameterNoName: Cannot bind positional parameters because no names were given."
    ),
    (
      "[CmdletBinding()] param($A, [Parameter(ValueFromRemainingArguments)]$Rest)", ["str:x", "str:y", "str:z"],
      "A=str:x, Rest=arr[str:y,str:z]"
    ),
    (
      "[CmdletBinding()] param($A, [Parameter(ValueFromRemainingArguments)]$Rest)", ["str:x", "-Foo", "str:y"],
      "A=str:x, Rest=arr[str:-Foo,str:y]"
    ),
    (
      "[CmdletBinding()] param($A, [Parameter(ValueFromRemainingArguments)]$Rest)", ["str:x", "arr[int:1,int:2]"],
      "A=str:x, Rest=arr[int:1,int:2]"
    ),
    (
      "[CmdletBinding()] param([int]$A)", ["str:abc"],
      "err:ParameterArgumentTransformationError: Cannot process argument transformation on parameter 'A'. Cannot convert value \"abc\" to type \"System.Int32\". Error: \"Input string was not in a correct format.\""
    ),
  ])
  func positional(_ decl: String, _ args: [String], _ expected: String) throws {
    #expect(try binderCall(decl, args) == expected)
  }

  // MARK: - Parameter sets

  @Test(arguments: [
    (binderSetsTwo, ["int:5"], "Id=int:5 | set=ById"),
    (binderSetsTwo, ["str:abc"], "Name=str:abc | set=ByName"),
    (binderSetsTwo, [], "set=ByName"),
    (binderSetsTwo, ["-Id", "str:7"], "Id=int:7 | set=ById"),
    (
      binderSetsTwo, ["-Name", "str:a", "-Id", "int:1"],
      "err:AmbiguousParameterSet: Parameter set cannot be resolved using the specified named parameters. One or more parameters issued cannot be used together or an insufficient number of parameters were provided."
    ),
    (
      binderSetsNoDefault, [],
      "err:AmbiguousParameterSet: Parameter set cannot be resolved using the specified named parameters. One or more parameters issued cannot be used together or an insufficient number of parameters were provided."
    ),
    (binderSetsNoDefault, ["-X", "int:1"], "X=int:1 | set=A"),
    (
      "[CmdletBinding()] param([Parameter(ParameterSetName='A', Mandatory)]$X, [Parameter(ParameterSetName='B')]$Y, [Parameter(ParameterSetName='A')][Parameter(ParameterSetName='B')]$Z)",
      ["-Z", "int:1"], "Z=int:1 | set=B"
    ),
    ("[CmdletBinding(DefaultParameterSetName='None')] param($A)", [], "set=None"),
  ])
  func parameterSets(_ decl: String, _ args: [String], _ expected: String) throws {
    #expect(try binderCall(decl, args) == expected)
  }

  // MARK: - Common parameters

  @Test(arguments: [
    ("[CmdletBinding()] param($A)", ["-Verbose"], "common=Verbose=bool:true"),
    ("[CmdletBinding()] param($A)", ["-ea", "str:stop"], "common=ErrorAction=str:Stop"),
    ("[CmdletBinding()] param($A)", ["-ErrorAction:int:0"], "common=ErrorAction=str:SilentlyContinue"),
    ("[CmdletBinding()] param($A)", ["-ov", "str:out", "-ob", "str:5"], "common=OutVariable=str:out,OutBuffer=int:5"),
    (
      "[CmdletBinding()] param($A)", ["-ErrorAction", "str:Bogus"],
      "err:CannotConvertArgumentNoMessage: Cannot bind parameter 'ErrorAction'. Cannot convert value \"Bogus\" to type \"System.Management.Automation.ActionPreference\". Error: \"Unable to match the identifier name Bogus to a valid enumerator name. Specify one of the following enumerator names and try again:\nSilentlyContinue, Stop, Continue, Inquire, Ignore, Suspend, Break\""
    ),
    ("[CmdletBinding()] param($Encoding)", ["-e", "str:utf8"], "Encoding=str:utf8"),
    (
      "[CmdletBinding()] param($Encoding, $Exclude)", ["-e", "str:x"],
      "err:AmbiguousParameter: Parameter cannot be processed because the parameter name 'e' is ambiguous. Possible matches include: -Encoding -Exclude -ErrorAction -ErrorVariable."
    ),
    (
      "[CmdletBinding()] param($Name)", ["-o", "int:1"],
      "err:AmbiguousParameter: Parameter cannot be processed because the parameter name 'o' is ambiguous. Possible matches include: -OutVariable -OutBuffer."
    ),
    (
      "[CmdletBinding()] param($A)", ["-WhatIf"],
      "err:NamedParameterNotFound: A parameter cannot be found that matches parameter name 'WhatIf'."
    ),
    (
      "[CmdletBinding(SupportsShouldProcess)] param($A)", ["-wi", "-Confirm:bool:false"],
      "common=WhatIf=bool:true,Confirm=bool:false"
    ),
    (
      "[CmdletBinding()] param($A)", ["-Verbose", "-vb"],
      "err:ParameterAlreadyBound: Cannot bind parameter because parameter 'vb' \(binderAlreadyBoundTail)"
    ),
  ])
  func commonParameters(_ decl: String, _ args: [String], _ expected: String) throws {
    #expect(try binderCall(decl, args) == expected)
  }

  // MARK: - Metadata from param() blocks

  @Test(arguments: [
    (
      "param([Foo()]$A)",
      "CustomAttributeTypeNotFound: Cannot find the type for custom attribute 'Foo'. Make sure that the assembly that contains this attribute is loaded."
    ),
    ("param([Nope]$A)", "TypeNotFound: Unable to find type [Nope]."),
    (
      "param([Parameter(Bogus=1)]$A)",
      "PropertyNotFoundForType: Property 'Bogus' cannot be found for type 'System.Management.Automation.CmdletBindingAttribute'."
    ),
    (
      "[CmdletBinding()] param($Verbose)",
      "ParameterNameAlreadyExistsForCommand: A parameter with the name 'Verbose' was defined multiple times for the command."
    ),
    (
      "param([Alias('A')]$X, $A)",
      "ParameterNameConflictsWithAlias: The parameter 'A' cannot be specified because it conflicts with the parameter alias of the same name for parameter 'X'."
    ),
  ])
  func metadataErrors(_ decl: String, _ expected: String) {
    do {
      _ = try binderMeta(decl)
      Issue.record("no error for \(decl)")
    } catch let e as RuntimeError {
      #expect("\(e.id): \(e.message)" == expected)
    } catch {
      Issue.record("unexpected \(error)")
    }
  }

  @Test func metadataReadsAttributes() throws {
    let meta = try binderMeta(
      """
      [CmdletBinding(SupportsShouldProcess, DefaultParameterSetName='Set1')]
      [OutputType([string])]
      [Diagnostics.CodeAnalysis.SuppressMessageAttribute('PSAvoidUsingWriteHost', '')]
      param(
        [Parameter(Mandatory, Position=0, ParameterSetName='Set1', HelpMessage='name')]
        [Alias('n', 'nm')] [ValidateNotNullOrEmpty()] [string] $Name,
        [Parameter(ValueFromPipelineByPropertyName)] [ValidateRange(1, 5)] [int[]] $Count = 3,
        [switch] $Force
      )
      """)
    #expect(meta.isAdvanced && meta.supportsShouldProcess && meta.defaultParameterSet == "Set1")
    #expect(meta.parameters.map(\.name) == ["Name", "Count", "Force"])
    let name = meta.parameters[0]
    #expect(name.type == .string && name.aliases == ["n", "nm"] && name.validateNotNullOrEmpty)
    #expect(name.sets["Set1"]?.mandatory == true && name.sets["Set1"]?.position == 0)
    #expect(name.sets["Set1"]?.helpMessage == "name")
    let count = meta.parameters[1]
    #expect(count.type == .array(of: .int32) && count.defaultValue != nil)
    #expect(count.sets[ParameterMetadata.allParameterSets]?.valueFromPipelineByPropertyName == true)
    #expect(count.sets[ParameterMetadata.allParameterSets]?.position == nil)  // explicit Position elsewhere
    #expect(count.validateRange.map { show($0.min) + ".." + show($0.max) } == "int:1..int:5")
    #expect(meta.parameters[2].isSwitch)
    #expect(meta.commonParameters.contains(.whatIf))
  }

  @Test func simpleFunctionsGetAutomaticPositionsSkippingSwitches() throws {
    let meta = try binderMeta("param($A, [switch]$S, $B)")
    #expect(!meta.isAdvanced && meta.commonParameters.isEmpty)
    let positions = meta.parameters.map {
      $0.sets[ParameterMetadata.allParameterSets]?.position.map(String.init) ?? "-"
    }
    #expect(positions == ["0", "-", "1"])
  }

  @Test func functionParameterListIsReadLikeAParamBlock() throws {
    let parsed = Parser.parse("function g([int]$X, $Y) { }")
    guard case .functionDefinition(let f)? = parsed.ast.endBlock?.statements.first?.kind else {
      Issue.record("no function")
      return
    }
    let meta = try CommandMetadata.from(
      name: "g", paramBlock: f.body.paramBlock, functionParameters: f.parameters,
      evaluate: { (_) throws(RuntimeError) -> Value in .null })
    let r = try ParameterBinder.bind(meta, binderArgs(["str:4", "str:y"]))
    #expect(binderRender(r) == "X=int:4, Y=str:y")
  }

  // MARK: - Pipeline input

  @Test(arguments: [
    ("[CmdletBinding()] param([Parameter(ValueFromPipeline)][int]$N)", "int:5", "N=int:5"),
    ("[CmdletBinding()] param([Parameter(ValueFromPipeline)][int]$N)", "str:7", "N=int:7"),
    (
      "[CmdletBinding()] param([Parameter(ValueFromPipeline, ParameterSetName='S')][string]$S, [Parameter(ValueFromPipeline, ParameterSetName='I')][int]$I)",
      "int:5", "I=int:5 | set=I"
    ),
    (
      "[CmdletBinding()] param([Parameter(ValueFromPipeline, ParameterSetName='S')][string]$S, [Parameter(ValueFromPipeline, ParameterSetName='I')][int]$I)",
      "str:x", "S=str:x | set=S"
    ),
    (
      "[CmdletBinding()] param([Parameter(ValueFromPipeline)][int]$N)", "str:abc",
      "err:InputObjectNotBound: The input object cannot be bound to any parameters for the command either because the command does not take pipeline input or the input and its properties do not match any of the parameters that take pipeline input."
    ),
    (
      "[CmdletBinding()] param($A)", "int:1",
      "err:InputObjectNotBound: The input object cannot be bound to any parameters for the command either because the command does not take pipeline input or the input and its properties do not match any of the parameters that take pipeline input."
    ),
    (
      "[CmdletBinding()] param([Parameter(ValueFromPipeline)][ValidateRange(1,3)][int]$N)", "int:9",
      "err:ParameterArgumentValidationError: Cannot validate argument on parameter 'N'. The 9 argument is greater than the maximum allowed range of 3. Supply an argument that is less than or equal to 3 and then try the command again."
    ),
    (
      "[CmdletBinding()] param([Parameter(Mandatory, ValueFromPipeline)]$InputObject)", "null",
      "err:ParameterArgumentValidationErrorNullNotAllowed: Cannot bind argument to parameter 'InputObject' because it is null."
    ),
  ])
  func pipelineByValue(_ decl: String, _ input: String, _ expected: String) throws {
    let meta = try binderMeta(decl)
    let r = try ParameterBinder.bind(meta, [])
    do {
      #expect(binderRender(try ParameterBinder.bindPipelineInput(meta, r, val(input))) == expected)
    } catch {
      #expect(binderRender(error) == expected)
    }
  }

  @Test func pipelineByPropertyNameUsesNamesThenAliases() throws {
    let meta = try binderMeta(
      "[CmdletBinding()] param([Parameter(ValueFromPipelineByPropertyName)]$Name, [Parameter(ValueFromPipelineByPropertyName)][Alias('Size')][int]$Length)"
    )
    let r = try ParameterBinder.bind(meta, [])
    let input = Value.object(PSObject([("name", .string("disk")), ("Size", .string("12")), ("Other", .int32(1))]))
    #expect(binderRender(try ParameterBinder.bindPipelineInput(meta, r, input)) == "Name=str:disk, Length=int:12")
  }

  @Test func pipelineValuesAreUnboundBetweenObjects() throws {
    let meta = try binderMeta(
      "[CmdletBinding()] param([Parameter(ValueFromPipelineByPropertyName)]$Name, [Parameter(ValueFromPipelineByPropertyName)]$Id, $Tag)"
    )
    let r = try ParameterBinder.bind(meta, binderArgs(["-Tag", "str:t"]))
    let first = try ParameterBinder.bindPipelineInput(
      meta, r, .object(PSObject([("Name", .string("a")), ("Id", .int32(1))])))
    // PowerShell walks the parameters last to first when binding pipeline input.
    #expect(binderRender(first) == "Tag=str:t, Id=int:1, Name=str:a")
    let second = try ParameterBinder.bindPipelineInput(meta, first, .object(PSObject([("Name", .string("b"))])))
    #expect(binderRender(second) == "Tag=str:t, Name=str:b")
  }

  @Test func pipelineMissingMandatoryIsReportedPerObject() throws {
    let meta = try binderMeta(
      "[CmdletBinding()] param([Parameter(Mandatory, ValueFromPipelineByPropertyName)]$Name, [Parameter(Mandatory, ValueFromPipelineByPropertyName)]$Id)"
    )
    let r = try ParameterBinder.bind(meta, [])
    #expect(throws: ParameterBindingError.inputObjectMissingMandatory(["Id"])) {
      _ = try ParameterBinder.bindPipelineInput(meta, r, .object(PSObject([("Name", .string("a"))])))
    }
    #expect(
      ParameterBindingError.inputObjectMissingMandatory(["Id"]).message
        == "The input object cannot be bound because it did not contain the information required to bind all mandatory parameters:  Id"
    )
  }

  @Test func pipelineConversionFailureByPropertyNameSurfaces() throws {
    let meta = try binderMeta("[CmdletBinding()] param([Parameter(ValueFromPipelineByPropertyName)][int]$Id)")
    let r = try ParameterBinder.bind(meta, [])
    #expect(
      throws: ParameterBindingError.transformation(
        "Id",
        "Cannot convert value \"x\" to type \"System.Int32\". Error: \"Input string was not in a correct format.\"")
    ) {
      _ = try ParameterBinder.bindPipelineInput(meta, r, .object(PSObject([("Id", .string("x"))])))
    }
  }

  @Test func simpleFunctionsBindNothingFromThePipeline() throws {
    let meta = try binderMeta("param($A)")
    let r = try ParameterBinder.bind(meta, binderArgs(["str:x"]))
    #expect(binderRender(try ParameterBinder.bindPipelineInput(meta, r, .int32(1))) == "A=str:x")
  }

  // MARK: - Mandatory parameters deferred to the pipeline

  @Test func mandatoryPipelineParameterIsDeferredUntilInputIsKnown() throws {
    let meta = try binderMeta(
      "[CmdletBinding()] param([Parameter(Mandatory, ValueFromPipeline)]$InputObject, [Parameter(Mandatory)]$Path)")
    #expect(throws: ParameterBindingError.missingMandatory(["Path"])) { _ = try ParameterBinder.bind(meta, []) }
    let r = try ParameterBinder.bind(meta, binderArgs(["-Path", "str:p"]))
    #expect(binderRender(r) == "Path=str:p")
    try ParameterBinder.checkMandatory(meta, r, pipelinePending: true)
    #expect(throws: ParameterBindingError.missingMandatory(["InputObject"])) {
      try ParameterBinder.checkMandatory(meta, r, pipelinePending: false)
    }
    let piped = try ParameterBinder.bindPipelineInput(meta, r, .int32(3))
    #expect(binderRender(piped) == "Path=str:p, InputObject=int:3")
  }

  @Test func completeSettlesTheDefaultSet() throws {
    let meta = try binderMeta(binderSetsTwo)
    let r = try ParameterBinder.bind(meta, [])
    #expect(try ParameterBinder.complete(meta, r).parameterSetName == "ByName")
  }

  // MARK: - Hooks

  @Test func validateScriptRunsThroughTheHook() throws {
    let meta = try binderMeta("param([ValidateScript({ $_ -gt 2 })][int]$N)")
    let hooks = BindingHooks(validateScript: { (_, v) throws(RuntimeError) -> Bool in
      if case .int32(let i) = v { return i > 2 }
      return false
    })
    let ok = try ParameterBinder.bind(meta, binderArgs(["int:5"]), hooks: hooks)
    #expect(binderRender(ok) == "N=int:5")
    #expect(
      throws: ParameterBindingError.validation(
        "N",
        "The \" $_ -gt 2 \" validation script for the argument with value \"1\" did not return a result of True. Determine why the validation script failed, and then try the command again."
      )
    ) {
      _ = try ParameterBinder.bind(meta, binderArgs(["int:1"]), hooks: hooks)
    }
  }

  @Test func errorsCarryCategoryAndExceptionType() throws {
    let meta = try binderMeta("param([ValidateSet('a')][string]$M, [int]$N)")
    do {
      _ = try ParameterBinder.bind(meta, binderArgs(["-M", "str:z"]))
      Issue.record("no error")
    } catch {
      #expect(error.category == "InvalidData" && error.parameterName == "M")
      #expect(error.exceptionType == "System.Management.Automation.ParameterBindingValidationException")
    }
    do {
      // A simple function passes unknown names on in $args.
      #expect(binderRender(try ParameterBinder.bind(meta, binderArgs(["-Q", "str:z"]))) == "$args=str:-Q,str:z")
      _ = try ParameterBinder.bind(meta, binderArgs(["-N", "str:z"]))
      Issue.record("no error")
    } catch {
      #expect(error.exceptionType == "System.Management.Automation.ParameterBindingArgumentTransformationException")
    }
  }
}
