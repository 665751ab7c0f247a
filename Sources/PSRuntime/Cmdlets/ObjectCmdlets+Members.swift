import FoundationEssentials
import PSLanguage

extension Interpreter {
  // MARK: - New-Object

  /// .NET types scripts create that the runtime does not model yet: New-Object says so plainly
  /// instead of claiming the type does not exist.
  static let knownUnsupportedTypes: Set<String> = [
    "arraylist", "system.text.stringbuilder",
    "text.stringbuilder", "system.collections.queue", "system.collections.stack", "system.net.webclient",
    "net.webclient", "system.diagnostics.stopwatch", "diagnostics.stopwatch", "system.random", "random",
    "system.io.memorystream", "system.io.streamreader", "system.io.streamwriter", "system.security.securestring",
    "security.securestring", "system.management.automation.pscredential", "pscredential",
  ]

  /// `New-Object`: custom objects (`PSObject`, `PSCustomObject`, with `-Property`), and the .NET
  /// types the runtime models (ArrayList and List[T] among them), built as `[T]::new(args)`
  /// builds them. A type .NET has but eflowsh does not model (StringBuilder, Dictionary[K,V]…)
  /// is reported as not supported; an
  /// unknown type gets PowerShell's `Cannot find type [X]` error. COM objects are not supported.
  func registerNewObject() {
    defineCmdlet(
      "New-Object",
      """
      [CmdletBinding(DefaultParameterSetName='Net')]
      param([Parameter(ParameterSetName='Net', Mandatory, Position=0)][string]$TypeName,
        [Parameter(ParameterSetName='Com', Mandatory, Position=0)][string]$ComObject,
        [Parameter(ParameterSetName='Net', Position=1)][Alias('Args')][object[]]$ArgumentList,
        [Parameter(ParameterSetName='Com')][switch]$Strict,
        [hashtable]$Property)
      """
    ) {
      CmdletBody(process: { ctx, _ in
        if let com = ctx.string("ComObject") {
          throw RuntimeError(
            id: "NotSupported", message: "New-Object -ComObject is not supported by eflowsh (COM type '\(com)').")
        }
        let name = (ctx.string("TypeName") ?? "").trimmingCharacters(of: " ")
        let args = ctx.value("ArgumentList").map { $0.enumerated ?? [$0] } ?? []
        let lower = name.lowercased()
        var result: Value
        if ["psobject", "system.management.automation.psobject", "pscustomobject",
          "system.management.automation.pscustomobject", "object", "system.object"].contains(lower)
        {
          guard args.isEmpty else {
            throw ctx.terminatingError(ctx.interpreter.constructorNotFound(name))
          }
          result = .object(PSObject())
        } else {
          let base = lower.split(separator: "[").first.map(String.init) ?? lower
          let resolved = try? PSType.resolve(name: name)
          if resolved == nil,
            Interpreter.knownUnsupportedTypes.contains(lower) || base.hasPrefix("system.collections.generic.")
              || base.hasPrefix("collections.generic.")
          {
            throw RuntimeError(
              id: "NotSupported", message: "New-Object: the .NET type [\(name)] is not supported by eflowsh.",
              exceptionType: "System.NotSupportedException")
          }
          guard let type = resolved else {
            throw ctx.terminatingError(
              ErrorRecord(
                exceptionType: "System.Management.Automation.PSArgumentException",
                message: "Cannot find type [\(name)]: verify that the assembly containing this type is loaded.",
                errorId: "TypeNotFound", category: .invalidType))
          }
          do {
            result = try Members.invokeStatic(type, "new", args)
          } catch let error as RuntimeError {
            if args.isEmpty, let zero = Interpreter.defaultValue(type) {
              result = zero
            } else if error.id == "MethodNotFound" {
              throw ctx.terminatingError(ctx.interpreter.constructorNotFound(type.description))
            } else {
              throw error
            }
          }
        }
        if let props = ctx.value("Property"), case .hashtable(let h) = props {
          for (k, v) in h.entries {
            let key = Conversions.toString(k)
            if case .object(let o) = result {
              o[key] = v
              continue
            }
            do {
              try Members.set(result, key, v)
            } catch {
              try ctx.writeError(
                ErrorRecord(
                  exceptionType: "System.Management.Automation.PSArgumentException",
                  message: "The member \"\(key)\" was not found for the specified \(result.typeName) object.",
                  errorId: "InvalidOperationException", category: .invalidOperation, targetObject: result))
            }
          }
        }
        try ctx.emit(result)
      })
    }
  }

  func constructorNotFound(_ typeName: String) -> ErrorRecord {
    ErrorRecord(
      exceptionType: "System.Management.Automation.PSArgumentException",
      message: "A constructor was not found. Cannot find an appropriate constructor for type \(typeName).",
      errorId: "CannotFindAppropriateCtor", category: .objectNotFound, targetObject: .string(typeName))
  }

  /// What `new T()` gives for a value type with no arguments.
  static func defaultValue(_ t: PSType) -> Value? {
    switch t {
    case .int32, .int64, .double, .decimal, .byte, .bool, .char, .dateTime, .timeSpan, .guid:
      return try? Conversions.convert(.int32(0), to: t == .guid ? .int32 : t).replacingGuid(t)
    default: return nil
    }
  }

  // MARK: - Add-Member

  static let memberTypeNames = [
    "AliasProperty", "CodeProperty", "Property", "NoteProperty", "ScriptProperty", "Properties", "PropertySet", "Method",
    "CodeMethod", "ScriptMethod", "Methods", "ParameterizedProperty", "MemberSet", "Event", "Dynamic", "All",
  ]

  /// `Add-Member`: NoteProperty, AliasProperty, ScriptProperty and ScriptMethod members
  /// (`-MemberType -Name -Value -SecondValue`, also positionally), `-NotePropertyName
  /// -NotePropertyValue`, `-NotePropertyMembers`, `-TypeName`, `-Force`, `-PassThru`, on custom
  /// objects (`[pscustomobject]`). `-MemberType` binds as PowerShell's PSMemberTypes enum does
  /// (see `ParameterMetadata.enumeration`), so `Add-Member NoteProperty b 2` and `Add-Member b 2`
  /// resolve to different sets as in PowerShell. Code members, property and member sets (they
  /// need .NET methods or type data) and other objects are refused as not supported.
  func registerAddMember() {
    defineCmdlet(
      "Add-Member",
      """
      [CmdletBinding(DefaultParameterSetName='TypeNameSet')]
      param([Parameter(ParameterSetName='MemberSet', Mandatory, Position=0)][Alias('Type')][string]$MemberType,
        [Parameter(ParameterSetName='MemberSet', Mandatory, Position=1)][ValidateNotNullOrEmpty()][string]$Name,
        [Parameter(ParameterSetName='MemberSet', Position=2)][object]$Value,
        [Parameter(ParameterSetName='MemberSet', Position=3)][object]$SecondValue,
        [Parameter(Mandatory, ValueFromPipeline)][psobject]$InputObject,
        [Parameter(ParameterSetName='TypeNameSet', Mandatory)][Parameter(ParameterSetName='MemberSet')][Parameter(ParameterSetName='NotePropertySingleMemberSet')][Parameter(ParameterSetName='NotePropertyMultiMemberSet')][ValidateNotNullOrEmpty()][string]$TypeName,
        [Parameter(ParameterSetName='MemberSet')][Parameter(ParameterSetName='NotePropertySingleMemberSet')][Parameter(ParameterSetName='NotePropertyMultiMemberSet')][switch]$Force,
        [switch]$PassThru,
        [Parameter(ParameterSetName='NotePropertySingleMemberSet', Mandatory, Position=0)][ValidateNotNullOrEmpty()][string]$NotePropertyName,
        [Parameter(ParameterSetName='NotePropertySingleMemberSet', Mandatory, Position=1)][AllowNull()][object]$NotePropertyValue,
        [Parameter(ParameterSetName='NotePropertyMultiMemberSet', Mandatory, Position=0)][ValidateNotNullOrEmpty()][hashtable]$NotePropertyMembers)
      """,
      adjust: { meta in
        let memberTypes = EnumerationType(
          typeName: "System.Management.Automation.PSMemberTypes", names: Interpreter.memberTypeNames)
        for i in meta.parameters.indices {
          switch meta.parameters[i].name {
          case "MemberType": meta.parameters[i].enumeration = memberTypes
          case "NotePropertyName": meta.parameters[i].refusedEnumeration = memberTypes
          default: break
          }
        }
      }
    ) {
      CmdletBody(process: { ctx, _ in
        guard let input = ctx.value("InputObject") else { return }
        var members: [(String, AddedMember?, Value)] = []
        if let memberType = ctx.string("MemberType") {
          let name = ctx.string("Name") ?? ""
          members = [try Interpreter.memberToAdd(memberType, name, ctx.value("Value"), ctx.value("SecondValue"), ctx)]
        } else if let n = ctx.string("NotePropertyName") {
          members = [(n, nil, ctx.value("NotePropertyValue") ?? .null)]
        } else if case .hashtable(let h)? = ctx.value("NotePropertyMembers") {
          members = h.entries.map { (Conversions.toString($0.key), nil, $0.value) }
        }
        guard case .object(let o) = input else {
          throw RuntimeError(
            id: "NotSupported",
            message:
              "Add-Member is supported by eflowsh only on custom objects ([pscustomobject]); the input is a \(input.typeName).",
            exceptionType: "System.NotSupportedException")
        }
        for (name, member, value) in members {
          if o.hasMember(name) || ["equals", "gethashcode", "gettype", "tostring"].contains(name.lowercased()) {
            guard ctx.flag("Force") else {
              throw ctx.terminatingError(
                ErrorRecord(
                  exceptionType: "System.InvalidOperationException",
                  message:
                    "Cannot add a member with the name \"\(name)\" because a member with that name already exists. To overwrite the member anyway, add the Force parameter to your command.",
                  errorId: "MemberAlreadyExists", category: .invalidOperation, targetObject: input))
            }
            o.removeMember(name)
          }
          if let member {
            o.addMember(name, member, runner: ctx.interpreter)
          } else {
            o[name] = value
          }
        }
        if let t = ctx.string("TypeName") { o.typeName = t }
        if ctx.flag("PassThru") { try ctx.emit(input) }
      })
    }
  }

  /// The member `-MemberType T -Name N -Value V -SecondValue S` describes: nil for a note
  /// property (with its value), else the added member. Checks the values as Add-Member does.
  static func memberToAdd(_ type: String, _ name: String, _ value: Value?, _ second: Value?, _ ctx: CmdletContext)
    throws -> (String, AddedMember?, Value)
  {
    func invalid(_ message: String, _ id: String) -> ScriptError {
      ctx.terminatingError(
        ErrorRecord(
          exceptionType: "System.Management.Automation.PSArgumentException", message: message, errorId: id,
          category: .invalidOperation))
    }
    func noSecondValue() throws {
      guard second == nil else {
        throw invalid(
          "The SecondValue parameter is not necessary for a member of type \"\(type)\", and should not be specified. Do not specify the SecondValue parameter when you add members of this type.",
          "Value2ShouldNotBeSpecified")
      }
    }
    func requiredValue() throws -> Value {
      guard let value, !value.isNull else {
        throw invalid(
          "The Value parameter is required for a member of type \"\(type)\". Specify the Value parameter when adding a member of this type.",
          "Value1ShouldBeSpecified")
      }
      return value
    }
    func block(_ v: Value?) throws -> ScriptBlockValue? {
      guard let v, !v.isNull else { return nil }
      guard case .scriptBlock(let sb) = v else {
        throw invalid(
          "Cannot convert the \"\(Conversions.toString(v))\" value of type \"\(v.typeName)\" to type \"System.Management.Automation.ScriptBlock\".",
          "ConvertToFinalInvalidCastException")
      }
      return sb
    }
    switch type {
    case "NoteProperty":
      try noSecondValue()
      return (name, nil, value ?? .null)
    case "AliasProperty":
      let target = Conversions.toString(try requiredValue())
      var conversion: PSType?
      if let second, !second.isNull {
        if case .type(let t) = second { conversion = t } else { conversion = try PSType.resolve(name: Conversions.toString(second)) }
      }
      return (name, .alias(target: target, conversion: conversion), .null)
    case "ScriptProperty":
      let getter = try block(value), setter = try block(second)
      guard getter != nil || setter != nil else {
        throw invalid(
          "The Value and SecondValue parameters cannot both be null for a member of type \"ScriptProperty\". Specify a getter script block, a setter script block, or both.",
          "ValueAndSecondValueAreNull")
      }
      return (name, .scriptProperty(getter: getter, setter: setter), .null)
    case "ScriptMethod":
      try noSecondValue()
      guard let sb = try block(try requiredValue()) else { preconditionFailure("a required value is not null") }
      return (name, .scriptMethod(sb), .null)
    case "CodeProperty", "CodeMethod", "PropertySet", "MemberSet":
      throw RuntimeError(
        id: "NotSupported",
        message:
          "Add-Member -MemberType \(type) is not supported by eflowsh: it needs .NET methods or type data. NoteProperty, AliasProperty, ScriptProperty and ScriptMethod members can be added.",
        exceptionType: "System.NotSupportedException")
    default:
      throw invalid(
        "Cannot add a member with type \"\(type)\". Specify a different type for the MemberType parameter.",
        "CannotAddMemberType")
    }
  }

  // MARK: - Get-Member

  /// `Get-Member`: one `MemberDefinition` (TypeName, Name, MemberType, Definition) per member
  /// of each distinct input type, sorted by member type and name as PowerShell sorts them. For
  /// custom objects the list is complete (their note properties and System.Object's four
  /// methods); for .NET values eflowsh lists the properties it models and System.Object's
  /// methods, not every .NET method. `-View`, `-Static` and `-Force` are not supported.
  func registerGetMember() {
    defineCmdlet(
      "Get-Member",
      """
      param([Parameter(ValueFromPipeline)][psobject]$InputObject,
        [Parameter(Position=0)][ValidateNotNullOrEmpty()][string[]]$Name,
        [Alias('Type')][ValidateSet('AliasProperty','CodeProperty','Property','NoteProperty','ScriptProperty','Properties','PropertySet','Method','CodeMethod','ScriptMethod','Methods','ParameterizedProperty','MemberSet','Event','Dynamic','All')][string[]]$MemberType,
        [ValidateSet('Extended','Adapted','Base','All')][string[]]$View, [switch]$Static, [switch]$Force)
      """
    ) {
      var seenTypes: Set<String> = []
      var any = false
      return CmdletBody(
        begin: { ctx in
          for p in ["View", "Static", "Force"] where ctx.value(p) != nil {
            throw RuntimeError(id: "NotSupported", message: "Get-Member -\(p) is not supported by eflowsh.")
          }
        },
        process: { ctx, item in
          guard let item, !item.isNull else { return }
          any = true
          let interp = ctx.interpreter
          let typeName = interp.psTypeName(item)
          guard seenTypes.insert(typeName).inserted else { return }
          let names = (ctx.value("Name").map { $0.enumerated ?? [$0] } ?? []).map {
            WildcardPattern(Conversions.toString($0), caseSensitive: false)
          }
          let types = (ctx.value("MemberType").map { $0.enumerated ?? [$0] } ?? []).map(Conversions.toString)
          func typeMatches(_ t: String) -> Bool {
            if types.isEmpty { return true }
            return types.contains { w in
              w.caseInsensitiveEquals(t) || w.caseInsensitiveEquals("All")
                || (w.caseInsensitiveEquals("Properties") && t.hasSuffix("Property"))
                || (w.caseInsensitiveEquals("Methods") && t.hasSuffix("Method"))
            }
          }
          var members = interp.memberList(item)
          members = members.filter { m in typeMatches(m.type) && (names.isEmpty || names.contains { $0.matches(m.name) }) }
          members.sort { a, b in a.type != b.type ? a.type < b.type : a.name.lowercased() < b.name.lowercased() }
          for m in members {
            let d = PSObject([
              ("TypeName", .string(typeName)), ("Name", .string(m.name)), ("MemberType", .string(m.type)),
              ("Definition", .string(m.definition)),
            ])
            d.typeName = "Microsoft.PowerShell.Commands.MemberDefinition"
            try ctx.emit(.object(d))
          }
        },
        end: { ctx in
          if !any {
            try ctx.writeError(
              ErrorRecord(
                exceptionType: "System.InvalidOperationException", message: "You must specify an object for the Get-Member cmdlet.",
                errorId: "NoObjectInGetMember", category: .closeError))
          }
        })
    }
    defineAlias("gm", "Get-Member")
  }

  /// The members Get-Member lists for a value.
  func memberList(_ v: Value) -> [(name: String, type: String, definition: String)] {
    var list: [(String, String, String)] = [
      ("Equals", "Method", "bool Equals(System.Object obj)"), ("GetHashCode", "Method", "int GetHashCode()"),
      ("GetType", "Method", "type GetType()"), ("ToString", "Method", "string ToString()"),
    ]
    if case .object(let o) = v {
      for p in o.properties {
        let type = p.value.isNull ? "object" : Interpreter.shortTypeName(p.value.typeName)
        let shown = p.value.isNull ? "null" : Conversions.toString(p.value)
        list.append((p.name, "NoteProperty", "\(type) \(p.name)=\(shown)"))
      }
      for (name, m) in o.addedMemberList { list.append((name, m.memberType, Interpreter.memberDefinition(name, m))) }
      return list
    }
    for name in propertyNames(v) {
      let value = (try? Members.property(v, name)) ?? nil
      let type = value.map { Interpreter.shortTypeName($0.typeName) } ?? "System.Object"
      list.append((name, "Property", "\(type) \(name) {get;}"))
    }
    return list
  }

  /// Get-Member's Definition of an added member, as PowerShell's members print themselves
  /// (`PSAliasProperty.ToString()` and so on).
  static func memberDefinition(_ name: String, _ m: AddedMember) -> String {
    switch m {
    case .alias(let target, let conversion):
      return "\(name) = " + (conversion.map { "(\($0.description))" } ?? "") + target
    case .scriptProperty(let getter, let setter):
      let get = getter.map { "get=\($0.text);" } ?? ""
      let set = setter.map { "set=\($0.text);" } ?? ""
      return "System.Object \(name) {\(get)\(set)}"
    case .scriptMethod:
      return "System.Object \(name)();"
    }
  }

  /// PowerShell's short names for common types in member definitions.
  static func shortTypeName(_ full: String) -> String {
    switch full {
    case "System.String": return "string"
    case "System.Int32": return "int"
    case "System.Int64": return "long"
    case "System.Boolean": return "bool"
    case "System.Double": return "double"
    case "System.Decimal": return "decimal"
    case "System.Byte": return "byte"
    case "System.Char": return "char"
    case "System.Object[]": return "Object[]"
    case "System.Management.Automation.PSCustomObject": return "System.Management.Automation.PSCustomObject"
    default: return full
    }
  }
}

extension Value {
  /// `[guid]` has no zero from an integer: its default is the empty GUID.
  fileprivate func replacingGuid(_ t: PSType) -> Value {
    if t == .guid { return .guid(UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))) }
    return self
  }
}
