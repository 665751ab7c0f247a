import FoundationEssentials
import PSLanguage

/// `Invoke-Expression`, `Read-Host`, `Set-StrictMode`, the execution policy cmdlets and
/// `Get-Host`.
extension Interpreter {
  func registerSessionCmdlets() {
    registerInvokeExpression()
    registerReadHost()
    registerSetStrictMode()
    registerExecutionPolicy()
    registerGetHost()
  }

  /// `Invoke-Expression`: parses the string and runs it in the caller's scope (functions and
  /// variables it defines stay). Parse errors end the command with PowerShell's ParseException
  /// message: each error's position, the line, a marker and the message.
  func registerInvokeExpression() {
    defineCmdlet("Invoke-Expression", "param([Parameter(Mandatory, Position=0, ValueFromPipeline)][string]$Command)") {
      CmdletBody(process: { ctx, _ in
        let interp = ctx.interpreter
        let text = ctx.string("Command") ?? ""
        let parsed = Parser.parse(SourceFile(path: "<Invoke-Expression>", text: text))
        if let first = parsed.errors.first {
          let message = parsed.errors.map { e -> String in
            let p = parsed.source.position(of: e.range.start)
            let line = parsed.source.lineText(p.line)
            let width = max(1, min(e.range.end, parsed.source.position(of: e.range.start).offset + line.count) - e.range.start)
            let marker = String(repeating: " ", count: p.column - 1) + String(repeating: "~", count: width)
            return "At line:\(p.line) char:\(p.column)\n+ \(line)\n+ \(marker)\n\(e.message)"
          }.joined(separator: "\n\n")
          throw ctx.terminatingError(
            ErrorRecord(
              exceptionType: "System.Management.Automation.ParseException", message: message,
              errorId: first.id.rawValue, category: .parserError, targetObject: .null))
        }
        let saved = interp.source
        interp.source = parsed.source
        defer { interp.source = saved }
        for block in parsed.ast.namedBlocks {
          try interp.runStatements(block.statements, ctx.output)
        }
      })
    }
    defineAlias("iex", "Invoke-Expression")
  }

  /// `Read-Host [-Prompt] X [-AsSecureString]`: in the interactive shell, shows `X: ` (nothing
  /// without a prompt; the words of an unquoted prompt joined by spaces) and returns the line
  /// typed. With `-AsSecureString` the input is not echoed and the result is a SecureString
  /// (an opaque object here: eflowsh keeps the text only as its length). Where nobody can answer
  /// (scripts, `-Command`, `-NonInteractive`, input not a terminal) it fails at once with the
  /// error Windows PowerShell gives in `-NonInteractive` mode.
  func registerReadHost() {
    defineCmdlet(
      "Read-Host",
      "param([Parameter(Position=0, ValueFromRemainingArguments)][AllowNull()][object]$Prompt, [switch]$AsSecureString)"
    ) {
      CmdletBody(process: { ctx, _ in
        let interp = ctx.interpreter
        var text = ""
        if let p = ctx.value("Prompt"), !p.isNull {
          text = (p.enumerated ?? [p]).map(Conversions.toString).joined(separator: " ")
        }
        let secure = ctx.flag("AsSecureString")
        guard let line = try interp.promptLine(text.isEmpty ? "" : text + ": ", masked: secure) else {
          throw ctx.terminatingError(Interpreter.nonInteractiveRecord())
        }
        if secure {
          let o = PSObject([("Length", .int32(Int32(line.count)))])
          o.typeName = "System.Security.SecureString"
          o.stringValue = "System.Security.SecureString"
          try ctx.emit(.object(o))
        } else {
          try ctx.emit(.string(line))
        }
      })
    }
  }

  /// `Set-StrictMode -Version 1.0|2.0|3.0|Latest` or `-Off`, for the current scope and the
  /// scopes it creates. Version 1: reading a variable that was never set is an error (`The
  /// variable '$x' cannot be retrieved because it has not been set.`), inside expandable strings
  /// too from version 2. Version 2: reading a property an object does not have is an error (see
  /// `strictProperty`). Version 3: an index out of bounds is an error (see `index`). The
  /// version 2 rule against method-call syntax for commands (`f(1, 2)`) is not enforced.
  func registerSetStrictMode() {
    defineCmdlet(
      "Set-StrictMode",
      "param([Parameter(ParameterSetName='Version', Mandatory)][Alias('v')][object]$Version, [Parameter(ParameterSetName='Off', Mandatory)][switch]$Off)"
    ) {
      CmdletBody(process: { ctx, _ in
        let interp = ctx.interpreter
        var target = interp.scope
        if interp.hasPreferenceParameters(ctx.bound), let p = target.parent { target = p }
        if ctx.flag("Off") {
          target.strictModeVersion = 0
          return
        }
        let raw = ctx.value("Version") ?? .null
        let text = Conversions.toString(raw)
        var major: Int?
        if text.caseInsensitiveEquals("latest") {
          major = 3
        } else if let v = VersionValue(parsing: text) {
          major = v.parts[0]
        } else if let n = Conversions.asInt64((try? Conversions.convertNumericLoose(raw)) ?? .null) {
          major = Int(n)
        } else if case .double(let d) = (try? Conversions.convertNumericLoose(raw)) ?? .null {
          major = Int(d)
        }
        guard let m = major, (1...3).contains(m) else {
          throw ctx.terminatingError(
            ErrorRecord(
              exceptionType: "System.Management.Automation.ParameterBindingValidationException",
              message:
                "Cannot validate argument on parameter 'Version'. The \(text) value is not valid for the Version parameter. Specify 1.0, 2.0, 3.0, or Latest.",
              errorId: "ParameterArgumentValidationError", category: .invalidData, targetObject: raw))
        }
        target.strictModeVersion = m
        if m >= 2 { interp.strictModeRaised = true }
      })
    }
  }

  /// `Set-ExecutionPolicy` is accepted and remembered for the session (it has no effect: eflowsh
  /// runs every script); `Get-ExecutionPolicy` reports `Bypass` until then, since that is how
  /// eflowsh behaves — Windows 5.1 clients default to `Restricted`, which would refuse scripts.
  func registerExecutionPolicy() {
    let policies = "'Unrestricted','RemoteSigned','AllSigned','Restricted','Default','Bypass','Undefined'"
    let scopes = "'Process','CurrentUser','LocalMachine','UserPolicy','MachinePolicy'"
    defineCmdlet(
      "Set-ExecutionPolicy",
      "[CmdletBinding(SupportsShouldProcess)] param([Parameter(Mandatory, Position=0, ValueFromPipelineByPropertyName)][ValidateSet(\(policies))][string]$ExecutionPolicy, [Parameter(Position=1, ValueFromPipelineByPropertyName)][ValidateSet(\(scopes))][string]$Scope = 'LocalMachine', [switch]$Force)"
    ) {
      CmdletBody(process: { ctx, _ in
        let scope = ctx.string("Scope") ?? "LocalMachine"
        var policy = ctx.string("ExecutionPolicy") ?? "Undefined"
        if policy.caseInsensitiveEquals("Default") { policy = "Restricted" }
        let canonical = ["Unrestricted", "RemoteSigned", "AllSigned", "Restricted", "Bypass", "Undefined"].first {
          $0.caseInsensitiveEquals(policy)
        } ?? policy
        ctx.interpreter.utilityState.executionPolicies[scope.lowercased()] = canonical
      })
    }
    defineCmdlet(
      "Get-ExecutionPolicy",
      "param([Parameter(Position=0, ValueFromPipelineByPropertyName)][ValidateSet(\(scopes))][string]$Scope, [switch]$List)"
    ) {
      CmdletBody(process: { ctx, _ in
        let state = ctx.interpreter.utilityState
        let order = ["MachinePolicy", "UserPolicy", "Process", "CurrentUser", "LocalMachine"]
        func policy(_ scope: String) -> String {
          state.executionPolicies[scope.lowercased()] ?? (scope == "Process" ? "Bypass" : "Undefined")
        }
        if ctx.flag("List") {
          for s in order {
            let o = PSObject([("Scope", .string(s)), ("ExecutionPolicy", .string(policy(s)))])
            try ctx.emit(.object(o))
          }
          return
        }
        if let s = ctx.string("Scope") {
          let canonical = order.first { $0.caseInsensitiveEquals(s) } ?? s
          return try ctx.emit(.string(policy(canonical)))
        }
        let effective = order.map(policy).first { $0 != "Undefined" } ?? "Bypass"
        try ctx.emit(.string(effective))
      })
    }
  }

  /// `Get-Host`: the console host's identity (Name `ConsoleHost`, the 5.1 version, culture
  /// en-US), as scripts that check `(Get-Host).Version` expect.
  func registerGetHost() {
    defineCmdlet("Get-Host", "param()") {
      CmdletBody(process: { ctx, _ in
        let version = (globalScopeVersion(ctx.interpreter)) ?? .null
        let o = PSObject([
          ("Name", .string("ConsoleHost")), ("Version", version),
          ("InstanceId", .guid(ctx.interpreter.utilityState.hostInstanceId)), ("CurrentCulture", .string("en-US")),
          ("CurrentUICulture", .string("en-US")), ("IsRunspacePushed", .bool(false)),
        ])
        o.typeName = "System.Management.Automation.Internal.Host.InternalHost"
        o.stringValue = "System.Management.Automation.Internal.Host.InternalHost"
        try ctx.emit(.object(o))
      })
    }
  }
}

/// `$PSVersionTable.PSVersion`.
private func globalScopeVersion(_ interp: Interpreter) -> Value? {
  guard case .hashtable(let t)? = interp.globalScope.local("PSVersionTable")?.value else { return nil }
  return t[.string("PSVersion")]
}
