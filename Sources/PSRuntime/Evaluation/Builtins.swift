import PSLanguage

extension Interpreter {
  /// The commands implemented in Swift, each declared by a PowerShell `param()` block so that
  /// the one binder serves them like functions.
  func registerBuiltins() {
    define(
      "Write-Output",
      "param([Parameter(Mandatory, Position=0, ValueFromPipeline, ValueFromRemainingArguments)][AllowNull()][AllowEmptyCollection()][object[]]$InputObject, [switch]$NoEnumerate)"
    ) { interp, b, input in
      if let input { return input }
      guard let v = b.value("InputObject") else { return [] }
      if Conversions.toBool(b.value("NoEnumerate") ?? .bool(false)) { return [v] }
      var out: [Value] = []
      for item in v.enumerated ?? [v] { out += item.enumerated ?? [item] }
      return out
    }
    define(
      "Write-Host",
      "param([Parameter(Position=0, ValueFromPipeline, ValueFromRemainingArguments)][object]$Object, [switch]$NoNewline, [object]$Separator = ' ', [ValidateSet('Black','DarkBlue','DarkGreen','DarkCyan','DarkRed','DarkMagenta','DarkYellow','Gray','DarkGray','Blue','Green','Cyan','Red','Magenta','Yellow','White')][string]$ForegroundColor, [ValidateSet('Black','DarkBlue','DarkGreen','DarkCyan','DarkRed','DarkMagenta','DarkYellow','Gray','DarkGray','Blue','Green','Cyan','Red','Magenta','Yellow','White')][string]$BackgroundColor)"
    ) { interp, b, input in
      // Colours are validated; eflowsh writes plain text (no terminal colour support yet).
      let separator = Conversions.toString(b.value("Separator") ?? .string(" "))
      var items: [Value] = []
      if let o = b.value("Object") { items = o.enumerated ?? [o] } else if let input { items = input }
      let text = items.flatMap { $0.enumerated ?? [$0] }.map(Conversions.toString).joined(separator: separator)
      let noNewline = Conversions.toBool(b.value("NoNewline") ?? .bool(false))
      interp.host.write(text + (noNewline ? "" : "\n"))
      return []
    }
    define("Out-Null", "param([Parameter(ValueFromPipeline)][object]$InputObject)") { _, _, _ in [] }
    define("Write-Warning", "param([Parameter(Mandatory, Position=0, ValueFromPipeline)][AllowEmptyString()][string]$Message)") {
      interp, b, input in
      let preference = interp.preference("WarningPreference")
      for m in interp.messages(b, input) {
        if preference == "ignore" { continue }
        for c in interp.warningCollectors { c.items.append(.string(m)) }
        if preference == "silentlycontinue" { continue }
        interp.host.writeStream("WARNING: " + m)
        if preference == "stop" {
          throw ScriptError(
            ErrorRecord(
              exceptionType: "System.Management.Automation.ActionPreferenceStopException",
              message:
                "The running command stopped because the preference variable \"WarningPreference\" or common parameter is set to Stop: \(m)",
              errorId: "ActionPreferenceStop", category: .operationStopped, commandName: "Write-Warning",
              source: interp.source),
            scriptTerminating: true)
        }
      }
      return []
    }
    define("Write-Verbose", "param([Parameter(Mandatory, Position=0, ValueFromPipeline)][AllowEmptyString()][string]$Message)") {
      interp, b, input in
      if interp.preference("VerbosePreference") == "continue" {
        for m in interp.messages(b, input) { interp.host.writeStream("VERBOSE: " + m) }
      }
      return []
    }
    define("Write-Debug", "param([Parameter(Mandatory, Position=0, ValueFromPipeline)][AllowEmptyString()][string]$Message)") {
      interp, b, input in
      if interp.preference("DebugPreference") == "continue" {
        for m in interp.messages(b, input) { interp.host.writeStream("DEBUG: " + m) }
      }
      return []
    }
    define(
      "Write-Error",
      "param([Parameter(Position=0, ValueFromPipeline)][AllowNull()][AllowEmptyString()][string]$Message, [string]$ErrorId, [string]$Category, [object]$TargetObject)"
    ) { interp, b, input in
      for m in interp.messages(b, input) {
        var r = ErrorRecord(
          exceptionType: "Microsoft.PowerShell.Commands.WriteErrorException", message: m,
          errorId: b.value("ErrorId").map(Conversions.toString) ?? "Microsoft.PowerShell.Commands.WriteErrorException",
          category: ErrorCategory(rawValue: b.value("Category").map(Conversions.toString) ?? "") ?? .notSpecified,
          targetObject: b.value("TargetObject") ?? .null, source: interp.source)
        r.commandName = nil
        if interp.errorActionPreference.lowercased() == "stop" { throw ScriptError(r, scriptTerminating: true) }
        interp.writeError(r)
      }
      return []
    }
  }

  func preference(_ name: String) -> String {
    Conversions.toString(scope.lookup(name)?.value ?? .null).lowercased()
  }

  func messages(_ b: BindingResult, _ input: [Value]?) -> [String] {
    if let m = b.value("Message") { return [Conversions.toString(m)] }
    return (input ?? []).map(Conversions.toString)
  }

  /// Declares a built-in from its `param()` text.
  func define(_ name: String, _ paramText: String, _ body: @escaping (Interpreter, BindingResult, [Value]?) throws -> [Value]) {
    let parsed = Parser.parse(paramText, path: "<\(name)>")
    guard parsed.errors.isEmpty, let block = parsed.ast.paramBlock,
      let meta = try? CommandMetadata.from(
        name: name, paramBlock: block, functionParameters: [],
        evaluate: { e throws(RuntimeError) in try self.evaluateAttribute(e) })
    else {
      preconditionFailure("built-in declaration of \(name) does not parse")
    }
    builtins[name.lowercased()] = BuiltinCommand(metadata: meta, invoke: body)
  }
}

extension BindingResult {
  /// The value bound to a parameter (by its declared name).
  func value(_ name: String) -> Value? {
    bound.first { $0.name.caseInsensitiveEquals(name) }?.value
  }
}
