/// What the interactive shell asks the user, as Windows PowerShell 5.1's console host asks it:
/// values for mandatory parameters left out, `Read-Host`, ShouldProcess confirmations and the
/// choices commands offer (`PromptForChoice`). All of it goes through `HostInterface.readLine`;
/// a host that cannot prompt (`canPrompt` false: scripts, `-Command`, `-NonInteractive`,
/// standard input not a terminal) turns each into an error instead.
extension Interpreter {
  /// True when a person can answer prompts (see `HostInterface.canPrompt`).
  public var canPrompt: Bool { host.canPrompt }

  /// The error Windows PowerShell gives when it would prompt in `-NonInteractive` mode.
  public static func nonInteractiveRecord() -> ErrorRecord {
    ErrorRecord(
      exceptionType: "System.Management.Automation.PSInvalidOperationException",
      message: "Windows PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.",
      errorId: "InvalidOperation", category: .invalidOperation)
  }

  /// Writes the lines before a prompt (after any pending formatted output).
  public func writePromptText(_ text: String) {
    flushOutput()
    host.write(text)
  }

  /// Shows `prompt` and returns the line typed; nil when the host cannot prompt. Ctrl+C (or the
  /// end of input) stops the running pipeline, as it does in PowerShell.
  public func promptLine(_ prompt: String, masked: Bool = false) throws -> String? {
    guard host.canPrompt else { return nil }
    flushOutput()
    guard let line = host.readLine(prompt: prompt, masked: masked) else { throw PipelineInterrupted() }
    return line
  }

  /// One answer of `promptForChoice`: its label with `&` before the hot key (`&Yes`), and the
  /// text `?` shows for it.
  public struct PromptChoice: Sendable {
    public var label: String
    public var help: String
    public init(_ label: String, _ help: String = "") {
      self.label = label
      self.help = help
    }

    /// The hot key (the letter after `&`, else the first letter), upper case.
    var hotKey: String {
      if let i = label.firstIndex(of: "&"), label.index(after: i) < label.endIndex {
        return String(label[label.index(after: i)]).uppercased()
      }
      return String(label.prefix(1)).uppercased()
    }

    var text: String { label.filter { $0 != "&" } }
  }

  /// `$Host.UI.PromptForChoice` as the 5.1 console shows it:
  /// ```
  ///
  /// Caption
  /// Message
  /// [Y] Yes  [N] No  [?] Help (default is "Y"):
  /// ```
  /// An empty answer takes the default; `?` lists each choice's help and asks again, as does an
  /// answer that is no choice. Returns the index chosen, or nil when the host cannot prompt.
  public func promptForChoice(caption: String, message: String, choices: [PromptChoice], defaultChoice: Int) throws
    -> Int?
  {
    guard host.canPrompt else { return nil }
    var header = ""
    if !caption.isEmpty { header += "\n" + caption + "\n" }
    if !message.isEmpty { header += message + "\n" }
    writePromptText(header)
    var line = choices.map { "[\($0.hotKey)] \($0.text)" }.joined(separator: "  ") + "  [?] Help"
    if choices.indices.contains(defaultChoice) { line += " (default is \"\(choices[defaultChoice].hotKey)\")" }
    line += ": "
    while true {
      guard let answer = try promptLine(line) else { return nil }
      let a = String(answer.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
      if a.isEmpty, choices.indices.contains(defaultChoice) { return defaultChoice }
      if a == "?" {
        writePromptText(
          choices.map { "\($0.hotKey) - \($0.help.isEmpty ? $0.text : $0.help)" }.joined(separator: "\n") + "\n")
        continue
      }
      if let i = choices.firstIndex(where: { $0.hotKey.caseInsensitiveEquals(a) || $0.text.caseInsensitiveEquals(a) }) {
        return i
      }
    }
  }

  // MARK: - ShouldProcess

  /// The answers of a ShouldProcess confirmation.
  public enum ConfirmAnswer: Sendable {
    case yes, yesToAll, no, noToAll
  }

  /// Asks ShouldProcess's question:
  /// ```
  ///
  /// Confirm
  /// Are you sure you want to perform this action?
  /// Performing the operation "Remove-Thing" on target "z".
  /// [Y] Yes  [A] Yes to All  [N] No  [L] No to All  [S] Suspend  [?] Help (default is "Y"):
  /// ```
  /// `S` (a nested prompt in PowerShell) is not available: eflowsh says so and asks again.
  /// nil when the host cannot prompt.
  public func confirmShouldProcess(
    _ description: String, caption: String = "Confirm", query: String = "Are you sure you want to perform this action?"
  ) throws -> ConfirmAnswer? {
    let choices = [
      PromptChoice("&Yes", "Continue with only the next step of the operation."),
      PromptChoice("Yes to &All", "Continue with all the steps of the operation."),
      PromptChoice("&No", "Skip this operation and proceed with the next operation."),
      PromptChoice("No to A&ll", "Skip this operation and all subsequent operations."),
      PromptChoice(
        "&Suspend",
        "Pause the current pipeline and return to the command prompt. Type \"exit\" to resume the pipeline."),
    ]
    while true {
      guard let i = try promptForChoice(caption: caption, message: query + "\n" + description, choices: choices, defaultChoice: 0)
      else { return nil }
      switch i {
      case 0: return .yes
      case 1: return .yesToAll
      case 2: return .no
      case 3: return .noToAll
      default:
        writePromptText("eflowsh cannot suspend a pipeline (no nested prompt): answer Y, A, N or L.\n")
      }
    }
  }

  /// `$PSCmdlet.ShouldContinue`'s question: asked whatever the preferences say (that is what
  /// tells it from ShouldProcess). With `allowAll` (the overload with `[ref]$yesToAll,
  /// [ref]$noToAll`) it offers Yes to All and No to All too. Nil when the host cannot prompt.
  public func confirmShouldContinue(_ query: String, caption: String, allowAll: Bool) throws -> ConfirmAnswer? {
    var choices = [PromptChoice("&Yes", "Continue with only the next step of the operation.")]
    if allowAll { choices.append(PromptChoice("Yes to &All", "Continue with all the steps of the operation.")) }
    choices.append(PromptChoice("&No", "Skip this operation and proceed with the next operation."))
    if allowAll { choices.append(PromptChoice("No to A&ll", "Skip this operation and all subsequent operations.")) }
    choices.append(
      PromptChoice(
        "&Suspend", "Pause the current pipeline and return to the command prompt. Type \"exit\" to resume the pipeline."))
    let answers: [ConfirmAnswer] = allowAll ? [.yes, .yesToAll, .no, .noToAll] : [.yes, .no]
    while true {
      guard let i = try promptForChoice(caption: caption, message: query, choices: choices, defaultChoice: 0) else { return nil }
      if i < answers.count { return answers[i] }
      writePromptText("eflowsh cannot suspend a pipeline (no nested prompt): answer \(allowAll ? "Y, A, N or L" : "Y or N").\n")
    }
  }

  /// `$ConfirmPreference` / `ConfirmImpact` levels (None never confirms).
  static func confirmLevel(_ text: String) -> Int {
    switch text.lowercased() {
    case "low": 1
    case "medium": 2
    case "high": 3
    default: 0
    }
  }

  /// Whether ShouldProcess must ask: `$ConfirmPreference` (which `-Confirm` sets to Low and
  /// `-Confirm:$false` to None in the command's scope) is at or below the command's impact.
  func confirmationRequired(impact: String?) -> Bool {
    let preference = Conversions.toString(scope.lookup("ConfirmPreference")?.value ?? .string("High"))
    let p = Self.confirmLevel(preference)
    return p > 0 && p <= Self.confirmLevel(impact ?? "Medium")
  }

  // MARK: - Mandatory parameters

  /// Binds a command's arguments. When mandatory parameters are missing and a person can answer,
  /// asks for them as the 5.1 console does, then binds again with the answers as named arguments:
  /// ```
  /// cmdlet Add-EflowNetwork at command pipeline position 1
  /// Supply values for the following parameters:
  /// vswitchName:
  /// ```
  /// An array parameter is asked item by item (`Name[0]: `, `Name[1]: `…) until an empty line.
  /// The answers are strings: the binder converts and validates them as it would typed
  /// arguments (so an empty answer gives the usual error for an empty mandatory value).
  /// `!?` shows a parameter's HelpMessage. Returns the binding error when binding fails;
  /// throws only when the user stops the prompt.
  func bindPrompting(
    _ meta: CommandMetadata, _ args: [CommandArgument], expectsInput: Bool, position: Int
  ) throws -> Result<BindingResult, ParameterBindingError> {
    // Before `bindingHooks`, whose closures a simple positional call never runs.
    if let r = ParameterBinder.bindSimplePositional(meta, args) { return .success(r) }
    do {
      return .success(try ParameterBinder.bind(meta, args, hooks: bindingHooks, pipelineInputExpected: expectsInput))
    } catch {
      guard error.id == "MissingMandatoryParameter", host.canPrompt, meta.isAdvanced else { return .failure(error) }
      var arguments = args
      var asked: Set<String> = []
      var failure = error
      while failure.id == "MissingMandatoryParameter" {
        let names = (failure.parameterName ?? "").split(separator: " ").map(String.init)
          .filter { !asked.contains($0.lowercased()) }
        let parameters = names.compactMap { n in meta.parameters.first { $0.name.caseInsensitiveEquals(n) } }
        guard !parameters.isEmpty else { break }
        if asked.isEmpty {
          var header = "cmdlet \(meta.name) at command pipeline position \(position)\n"
          header += "Supply values for the following parameters:\n"
          if meta.parameters.contains(where: { p in p.sets.values.contains { $0.helpMessage != nil } }) {
            header += "(Type !? for Help.)\n"
          }
          writePromptText(header)
        }
        for p in parameters {
          asked.insert(p.name.lowercased())
          arguments.append(.named(name: p.name, value: try promptParameterValue(p), hasColon: true))
        }
        do {
          return .success(
            try ParameterBinder.bind(meta, arguments, hooks: bindingHooks, pipelineInputExpected: expectsInput))
        } catch {
          failure = error
        }
      }
      return .failure(failure)
    }
  }

  /// One prompted value: a string, or for an array parameter the strings typed until an empty
  /// line.
  func promptParameterValue(_ p: ParameterMetadata) throws -> Value {
    let help = p.sets.values.compactMap(\.helpMessage).first
    func ask(_ prompt: String) throws -> String {
      while true {
        guard let line = try promptLine(prompt) else { throw PipelineInterrupted() }
        if line == "!?" {
          writePromptText((help ?? "No help is available for \(p.name).") + "\n")
          continue
        }
        return line.hasPrefix("!!") ? String(line.dropFirst()) : line
      }
    }
    guard case .array = p.type else { return .string(try ask(p.name + ": ")) }
    var items: [Value] = []
    while true {
      let line = try ask("\(p.name)[\(items.count)]: ")
      if line.isEmpty { break }
      items.append(.string(line))
    }
    return .array(PSArray(items))
  }
}

// MARK: - ShouldProcess of Swift cmdlets

extension CmdletContext {
  /// ShouldProcess's confirmation for a Swift cmdlet (after `-WhatIf` was ruled out): asks when
  /// `-Confirm` was given (or a caller's `-Confirm` set `$ConfirmPreference` to Low or Medium
  /// at or below the command's ConfirmImpact). The default `$ConfirmPreference` of High does
  /// not make eflowsh's emulated cmdlets ask on their own. Yes to All / No to All answer the
  /// rest of this command's questions. Off a terminal, a confirmation asked for is 5.1's
  /// NonInteractive error. `always` asks whatever the preferences say (unless `-Confirm:$false`).
  /// True to go ahead.
  public func confirmOperation(_ target: String, action: String, always: Bool = false) throws -> Bool {
    if let all = confirmToAll { return all }
    let explicit = bound.common("Confirm").map(Conversions.toBool)
    if explicit == false { return true }
    if explicit == nil && !always {
      let preference = Conversions.toString(interpreter.scope.lookup("ConfirmPreference")?.value ?? .string("High"))
      guard Interpreter.confirmLevel(preference) < 3, interpreter.confirmationRequired(impact: metadata.confirmImpact)
      else { return true }
    }
    guard let answer = try interpreter.confirmShouldProcess("Performing the operation \"\(action)\" on target \"\(target)\".")
    else { throw terminatingError(Interpreter.nonInteractiveRecord()) }
    switch answer {
    case .yes: return true
    case .no: return false
    case .yesToAll:
      confirmToAll = true
      return true
    case .noToAll:
      confirmToAll = false
      return false
    }
  }
}
