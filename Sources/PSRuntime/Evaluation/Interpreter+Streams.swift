import PSLanguage

/// The streams other than output: errors, warnings, verbose, debug, information and host text,
/// each honouring its preference variable and the redirections of the running stage.
public enum MessageStream {
  case verbose, debug, information
}

extension Interpreter {
  /// Writes a non-fatal error: to `$Error` and the host, and `$?` becomes false. The current
  /// `$ErrorActionPreference` (local to a command given `-ErrorAction`) decides: `SilentlyContinue`
  /// records it in `$Error` without showing it, `Ignore` does neither. Every `-ErrorVariable` of a
  /// command in progress collects it; `2>` / `2>&1` send it elsewhere.
  public func writeError(_ r: ErrorRecord) {
    lastSucceeded = false
    errorsWritten += 1
    for c in errorCollectors { c.items.append(r.asValue()) }
    let preference = errorActionPreference.lowercased()
    if preference == "ignore" { return }
    if case .array(let list) = globalScope.local("Error")?.value ?? .null {
      list.items.insert(r.asValue(), at: 0)
      if list.items.count > 256 { list.items.removeLast() }
    }
    if preference == "silentlycontinue" { return }
    if let target = routes.target(.error) {
      route(target, value: r.asValue(), text: host.errorText(r, concise: conciseErrors))
      return
    }
    flushOutput()
    host.writeError(r, concise: conciseErrors)
  }

  /// `Write-Warning` and a cmdlet's warnings: `$WarningPreference` decides, `-WarningVariable`
  /// collects, `3>` redirects.
  func writeWarning(_ message: String, command: String) throws {
    let preference = self.preference("WarningPreference")
    if preference == "ignore" { return }
    for c in warningCollectors { c.items.append(.string(message)) }
    if preference == "silentlycontinue" { return }
    if let target = routes.target(.warning) {
      route(target, value: .string(message), text: "WARNING: " + message + "\n")
    } else {
      flushOutput()
      host.writeStream("WARNING: " + message)
    }
    if preference == "stop" {
      throw ScriptError(
        ErrorRecord(
          exceptionType: "System.Management.Automation.ActionPreferenceStopException",
          message:
            "The running command stopped because the preference variable \"WarningPreference\" or common parameter is set to Stop: \(message)",
          errorId: "ActionPreferenceStop", category: .operationStopped, commandName: command, source: source),
        scriptTerminating: true)
    }
  }

  /// Verbose, debug and information messages, shown when their preference is `Continue`.
  func writeStreamMessage(_ stream: MessageStream, _ message: String) {
    let (variable, prefix, redirection): (String, String, RedirectionStream) =
      switch stream {
      case .verbose: ("VerbosePreference", "VERBOSE: ", .verbose)
      case .debug: ("DebugPreference", "DEBUG: ", .debug)
      case .information: ("InformationPreference", "", .information)
      }
    let preference = self.preference(variable)
    guard preference == "continue" || preference == "inquire" || preference == "stop" else { return }
    if let target = routes.target(redirection) {
      route(target, value: .string(message), text: prefix + message + "\n")
      return
    }
    flushOutput()
    host.writeStream(prefix + message)
  }

  /// Host text (`Write-Host`): PowerShell 5+ sends it through the information stream, so `6>`
  /// and `*>` redirect it; otherwise it reaches the host after any pending output.
  func writeHostText(_ text: String) {
    if let target = routes.target(.information) {
      route(target, value: .string(text.hasSuffix("\n") ? String(text.dropLast()) : text), text: text)
      return
    }
    flushOutput()
    host.write(text)
  }

  func route(_ target: StreamTarget, value: Value, text: String) {
    switch target {
    case .discard: break
    case .file(let f): f.entries.append(.text(text))
    case .pipe(let p):
      // A merged stream joins the output; a failure downstream surfaces with that output.
      try? p.append(value)
    }
  }

  func preference(_ name: String) -> String {
    Conversions.toString(scope.lookup(name)?.value ?? .null).lowercased()
  }
}

extension Interpreter {
  /// The console colours' ANSI codes (foreground; background is +10).
  static let consoleColors: [String: Int] = [
    "black": 30, "darkred": 31, "darkgreen": 32, "darkyellow": 33, "darkblue": 34, "darkmagenta": 35, "darkcyan": 36,
    "gray": 37, "darkgray": 90, "red": 91, "green": 92, "yellow": 93, "blue": 94, "magenta": 95, "cyan": 96,
    "white": 97,
  ]

  /// `Write-Host` text, coloured only when the host allows colour (a terminal without
  /// `NO_COLOR`); the newline stays outside the colour so the next line starts clean.
  func writeColoredHost(_ text: String, newline: Bool, foreground: String?, background: String?) {
    var codes: [String] = []
    if let f = foreground, let c = Interpreter.consoleColors[f.lowercased()] { codes.append(String(c)) }
    if let b = background, let c = Interpreter.consoleColors[b.lowercased()] { codes.append(String(c + 10)) }
    var body = text
    if !codes.isEmpty, host.supportsColor, routes.target(.information) == nil {
      body = "\u{1B}[" + codes.joined(separator: ";") + "m" + text + "\u{1B}[0m"
    }
    writeHostText(newline ? body + "\n" : body)
  }
}
