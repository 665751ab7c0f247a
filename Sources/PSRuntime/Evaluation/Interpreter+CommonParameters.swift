import PSLanguage

/// Records collected for one `-ErrorVariable` / `-WarningVariable` while its command runs.
final class StreamCollector {
  var items: [Value] = []
}

extension Interpreter {
  static let scriptCmdletTypeName = "System.Management.Automation.PSScriptCmdlet"

  // MARK: - Preference parameters

  /// True when the command's common parameters change a preference (and so need a scope).
  func hasPreferenceParameters(_ bound: BindingResult) -> Bool {
    bound.commonParameters.contains { p in
      ["erroraction", "warningaction", "informationaction", "verbose", "debug", "whatif", "confirm"]
        .contains(p.name.lowercased())
    }
  }

  /// Sets the preference variables the common parameters stand for as locals of the command's
  /// scope, as PowerShell does: `-ErrorAction` is a local `$ErrorActionPreference`, `-Verbose` a
  /// local `$VerbosePreference = 'Continue'`, `-WhatIf` a local `$WhatIfPreference = $true` …
  func applyPreferenceParameters(_ bound: BindingResult, to s: Scope) throws {
    for (name, value) in bound.commonParameters {
      let on = Conversions.toBool(value)
      switch name.lowercased() {
      case "erroraction": try s.set("ErrorActionPreference", .string(Conversions.toString(value)))
      case "warningaction": try s.set("WarningPreference", .string(Conversions.toString(value)))
      case "informationaction": try s.set("InformationPreference", .string(Conversions.toString(value)))
      case "verbose": try s.set("VerbosePreference", .string(on ? "Continue" : "SilentlyContinue"))
      case "debug": try s.set("DebugPreference", .string(on ? "Continue" : "SilentlyContinue"))
      case "whatif": try s.set("WhatIfPreference", .bool(on))
      case "confirm": try s.set("ConfirmPreference", .string(on ? "Low" : "None"))
      default: break
      }
    }
  }

  // MARK: - -ErrorVariable, -WarningVariable, -OutVariable

  /// Sets a `-OutVariable` / `-ErrorVariable` / `-WarningVariable` in `s`; a name starting with
  /// `+` appends to the variable.
  func storeCommonVariable(_ spec: String, _ items: [Value], in s: Scope) throws {
    var name = spec
    var all = items
    if name.hasPrefix("+") {
      name.removeFirst()
      if let old = s.lookup(name)?.value, !old.isNull { all = (old.enumerated ?? [old]) + items }
    }
    guard !name.isEmpty else { return }
    try s.set(name, .array(PSArray(all)))
  }

  // MARK: - $PSCmdlet

  /// The `$PSCmdlet` of an advanced function: `MyInvocation` and `ParameterSetName` as
  /// properties; its methods are handled by `invokeCmdletMethod`.
  func makeScriptCmdlet(
    _ name: String, parameterSetName: String, boundParameters: Value, scriptName: String, confirmImpact: String?
  ) -> Value {
    let command = PSObject([("Name", .string(name)), ("CommandType", .string("Function"))])
    command.typeName = "System.Management.Automation.FunctionInfo"
    command.stringValue = name
    let invocation = PSObject([
      ("MyCommand", .object(command)), ("InvocationName", .string(name)), ("BoundParameters", boundParameters),
      ("ScriptName", .string(scriptName)),
    ])
    invocation.typeName = "System.Management.Automation.InvocationInfo"
    let cmdlet = PSObject([
      ("ParameterSetName", .string(parameterSetName)), ("MyInvocation", .object(invocation)),
    ])
    cmdlet.typeName = Interpreter.scriptCmdletTypeName
    cmdlet.stringValue = name
    if let confirmImpact { shouldProcessState(cmdlet).impact = confirmImpact }
    return .object(cmdlet)
  }

  /// What ShouldProcess keeps for one `$PSCmdlet`: the function's ConfirmImpact and a Yes to
  /// All / No to All answer. Entries of objects gone are dropped as new ones come.
  final class ShouldProcessState {
    weak var cmdlet: PSObject?
    var impact: String?
    var toAll: Bool?
    init(_ cmdlet: PSObject) { self.cmdlet = cmdlet }
  }

  func shouldProcessState(_ cmdlet: PSObject) -> ShouldProcessState {
    let key = ObjectIdentifier(cmdlet)
    if let s = shouldProcessStates[key], s.cmdlet === cmdlet { return s }
    shouldProcessStates = shouldProcessStates.filter { $0.value.cmdlet != nil }
    let s = ShouldProcessState(cmdlet)
    shouldProcessStates[key] = s
    return s
  }

  /// A confirmation's answer as ShouldProcess/ShouldContinue return it; `rememberAll` records
  /// Yes to All (true) or No to All (false). No answer (nobody to ask) is the NonInteractive error.
  private func cmdletAnswer(_ answer: ConfirmAnswer?, _ cmdlet: PSObject, rememberAll: (Bool) throws -> Void) throws -> Value {
    guard let answer else {
      var r = Interpreter.nonInteractiveRecord()
      r.commandName = commandName(of: cmdlet)
      throw ScriptError(r, scriptTerminating: false)
    }
    switch answer {
    case .yes: return .bool(true)
    case .no: return .bool(false)
    case .yesToAll:
      try rememberAll(true)
      return .bool(true)
    case .noToAll:
      try rememberAll(false)
      return .bool(false)
    }
  }

  /// Methods of `$PSCmdlet`; nil when the method is not one of these.
  func invokeCmdletMethod(_ cmdlet: PSObject, _ name: String, _ args: [Value]) throws -> Value? {
    let nothing = Value.array(PSArray())
    switch name.lowercased() {
    case "shouldprocess":
      guard !args.isEmpty else { return nil }
      let whatIf = Conversions.toBool(scope.lookup("WhatIfPreference")?.value ?? .bool(false))
      let text: String
      if args.count >= 3 {
        text = Conversions.toString(args[0])
      } else {
        let action = args.count == 2 ? Conversions.toString(args[1]) : commandName(of: cmdlet)
        text = "Performing the operation \"\(action)\" on target \"\(Conversions.toString(args[0]))\"."
      }
      if whatIf {
        host.write("What if: " + text + "\n")
        return .bool(false)
      }
      // -Confirm (or $ConfirmPreference at or below the function's ConfirmImpact) asks; Yes to
      // All / No to All answer the rest of this invocation's questions.
      let state = shouldProcessState(cmdlet)
      if let all = state.toAll { return .bool(all) }
      guard confirmationRequired(impact: state.impact) else { return .bool(true) }
      let description = args.count >= 3 ? Conversions.toString(args[0]) : text
      let query = args.count >= 3 ? Conversions.toString(args[1]) : "Are you sure you want to perform this action?"
      let caption = args.count >= 3 ? Conversions.toString(args[2]) : "Confirm"
      let answer = try confirmShouldProcess(description, caption: caption, query: query)
      return try cmdletAnswer(answer, cmdlet) { all in state.toAll = all }
    case "shouldcontinue":
      // ShouldContinue(query, caption), (query, caption, [ref]yesToAll, [ref]noToAll) and
      // (query, caption, hasSecurityImpact, [ref]yesToAll, [ref]noToAll). It always asks (no
      // preference silences it); off a terminal that is 5.1's NonInteractive error, as for -Confirm.
      guard [2, 4, 5].contains(args.count) else { return nil }
      var toAll: (yes: PSReference, no: PSReference)?
      if args.count >= 4 {
        guard case .reference(let yes) = args[args.count - 2], case .reference(let no) = args[args.count - 1] else {
          throw RuntimeError(
            id: "NonRefArgumentToRefParameterMsg",
            message: "Argument: '\(args.count - 1)' should be a System.Management.Automation.PSReference. Use [ref].",
            exceptionType: "System.Management.Automation.MethodException")
        }
        if Conversions.toBool(yes.value) { return .bool(true) }
        if Conversions.toBool(no.value) { return .bool(false) }
        toAll = (yes, no)
      }
      let answer = try confirmShouldContinue(
        Conversions.toString(args[0]), caption: Conversions.toString(args[1]), allowAll: toAll != nil)
      return try cmdletAnswer(answer, cmdlet) { all in try (all ? toAll?.yes : toAll?.no)?.assign(.bool(true)) }
    case "writeerror":
      guard args.count == 1 else { return nil }
      let r = errorRecord(from: args[0])
      if errorActionPreference.lowercased() == "stop" { throw ScriptError(r, scriptTerminating: true) }
      writeError(r)
      errorsReportedByFunction += 1
      return nothing
    case "throwterminatingerror":
      guard args.count == 1 else { return nil }
      var e = ScriptError(errorRecord(from: args[0]), scriptTerminating: false)
      e.endsCommand = true
      throw e
    case "writeverbose", "writedebug", "writewarning":
      guard args.count == 1 else { return nil }
      let command = String(name.dropFirst(5)).capitalized
      _ = try invokeBuiltin("Write-\(command)", [.positional(args[0])])
      return nothing
    default:
      return nil
    }
  }

  func commandName(of cmdlet: PSObject) -> String {
    if case .object(let inv)? = cmdlet["MyInvocation"], case .object(let c)? = inv["MyCommand"] {
      return Conversions.toString(c["Name"] ?? .null)
    }
    return cmdlet.stringValue ?? ""
  }

  /// Runs a built-in by name with the given arguments (no common parameters).
  func invokeBuiltin(_ name: String, _ args: [CommandArgument]) throws -> [Value] {
    guard let c = cmdlets[name.lowercased()] else { return [] }
    let out = OutputPipe()
    let stage = try CmdletStage(self, c, arguments: args, at: SourceRange(at: 0), elements: [], output: out, routes: routes, expectsInput: false)
    try stage.begin()
    try stage.process(nil)
    try stage.end()
    return out.items
  }

  /// An ErrorRecord back from its value form (`$_` in a catch, an element of `$Error`); any other
  /// value becomes a RuntimeException with its string as the message.
  func errorRecord(from v: Value) -> ErrorRecord {
    if case .object(let o) = v, o.typeName == "System.Management.Automation.ErrorRecord" {
      var message = o.stringValue ?? ""
      var type = "System.Management.Automation.RuntimeException"
      if case .object(let ex)? = o["Exception"] {
        message = Conversions.toString(ex["Message"] ?? .string(message))
        type = ex.typeName ?? type
      }
      let fqid = Conversions.toString(o["FullyQualifiedErrorId"] ?? .string(message))
      let parts = fqid.split(separator: ",", maxSplits: 1).map(String.init)
      var category = ErrorCategory.notSpecified
      if case .object(let ci)? = o["CategoryInfo"] {
        category = ErrorCategory(rawValue: Conversions.toString(ci["Category"] ?? .null)) ?? .notSpecified
      }
      return ErrorRecord(
        exceptionType: type, message: message, errorId: parts.first ?? fqid, category: category,
        targetObject: o["TargetObject"] ?? .null, commandName: parts.count > 1 ? parts[1] : nil, source: source)
    }
    let message = Conversions.toString(v)
    return ErrorRecord(
      exceptionType: "System.Management.Automation.RuntimeException", message: message, errorId: message,
      category: .notSpecified, targetObject: v, source: source)
  }
}
