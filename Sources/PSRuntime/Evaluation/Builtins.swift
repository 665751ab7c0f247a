import PSLanguage

extension Interpreter {
  /// The commands implemented in Swift that every session has, each declared by a PowerShell
  /// `param()` block so that the one binder serves them like functions.
  func registerBuiltins() {
    registerStreamCmdlets()
    registerModuleCmdlets()
    registerObjectCmdlets()
    registerFormattingCmdlets()
    registerFileSystemCmdlets()
    registerConsoleCmdlets()
    registerHelpCmdlets()
  }

  /// `Write-Output`, `Write-Host`, `Out-Null` and the message streams.
  func registerStreamCmdlets() {
    defineCmdlet(
      "Write-Output",
      "param([Parameter(Mandatory, Position=0, ValueFromPipeline, ValueFromRemainingArguments)][AllowNull()][AllowEmptyCollection()][object[]]$InputObject, [switch]$NoEnumerate)"
    ) {
      CmdletBody(process: { ctx, _ in
        guard let v = ctx.value("InputObject") else { return }
        if ctx.flag("NoEnumerate") { return try ctx.emit(v) }
        for item in v.enumerated ?? [v] { try ctx.emitEnumerated(item) }
      })
    }
    defineAlias("echo", "Write-Output")
    defineAlias("write", "Write-Output")
    defineCmdlet(
      "Write-Host",
      "param([Parameter(Position=0, ValueFromPipeline, ValueFromRemainingArguments)][object]$Object, [switch]$NoNewline, [object]$Separator = ' ', [ValidateSet('Black','DarkBlue','DarkGreen','DarkCyan','DarkRed','DarkMagenta','DarkYellow','Gray','DarkGray','Blue','Green','Cyan','Red','Magenta','Yellow','White')][string]$ForegroundColor, [ValidateSet('Black','DarkBlue','DarkGreen','DarkCyan','DarkRed','DarkMagenta','DarkYellow','Gray','DarkGray','Blue','Green','Cyan','Red','Magenta','Yellow','White')][string]$BackgroundColor)"
    ) {
      CmdletBody(process: { ctx, _ in
        let separator = Conversions.toString(ctx.value("Separator") ?? .string(" "))
        let items = ctx.value("Object").map { $0.enumerated ?? [$0] } ?? []
        let text = items.flatMap { $0.enumerated ?? [$0] }.map(Conversions.toString).joined(separator: separator)
        ctx.interpreter.writeColoredHost(
          text, newline: !ctx.flag("NoNewline"), foreground: ctx.string("ForegroundColor"),
          background: ctx.string("BackgroundColor"))
      })
    }
    defineCmdlet("Out-Null", "param([Parameter(ValueFromPipeline)][object]$InputObject)") { CmdletBody() }
    defineCmdlet("Write-Warning", "param([Parameter(Mandatory, Position=0, ValueFromPipeline)][AllowEmptyString()][string]$Message)") {
      CmdletBody(process: { ctx, _ in try ctx.writeWarning(ctx.string("Message") ?? "") })
    }
    defineCmdlet("Write-Verbose", "param([Parameter(Mandatory, Position=0, ValueFromPipeline)][AllowEmptyString()][string]$Message)") {
      CmdletBody(process: { ctx, _ in ctx.writeVerbose(ctx.string("Message") ?? "") })
    }
    defineCmdlet("Write-Debug", "param([Parameter(Mandatory, Position=0, ValueFromPipeline)][AllowEmptyString()][string]$Message)") {
      CmdletBody(process: { ctx, _ in ctx.writeDebug(ctx.string("Message") ?? "") })
    }
    defineCmdlet(
      "Write-Information",
      "param([Parameter(Mandatory, Position=0)][Alias('Msg','Message')][AllowNull()][object]$MessageData, [Parameter(Position=1)][string[]]$Tags)"
    ) {
      CmdletBody(process: { ctx, _ in ctx.writeInformation(Conversions.toString(ctx.value("MessageData") ?? .null)) })
    }
    defineCmdlet(
      "Write-Error",
      "param([Parameter(Position=0, ValueFromPipeline)][AllowNull()][AllowEmptyString()][Alias('Msg')][string]$Message, [string]$ErrorId, [string]$Category, [object]$TargetObject)"
    ) {
      CmdletBody(process: { ctx, _ in
        let m = ctx.string("Message") ?? ""
        var r = ErrorRecord(
          exceptionType: "Microsoft.PowerShell.Commands.WriteErrorException", message: m,
          errorId: ctx.string("ErrorId") ?? "Microsoft.PowerShell.Commands.WriteErrorException",
          category: ErrorCategory(rawValue: ctx.string("Category") ?? "") ?? .notSpecified,
          targetObject: ctx.value("TargetObject") ?? .null, source: ctx.interpreter.source)
        r.commandName = nil
        r.extent = ctx.extent
        if ctx.interpreter.errorActionPreference.caseInsensitiveEquals("stop") {
          throw ScriptError(r, scriptTerminating: true)
        }
        ctx.interpreter.writeError(r)
      })
    }
  }
}

extension Interpreter {
  /// `Write-Progress` and `Clear-Host`: console decorations that only a terminal shows.
  func registerConsoleCmdlets() {
    defineCmdlet(
      "Write-Progress",
      "param([Parameter(Mandatory, Position=0)][string]$Activity, [Parameter(Position=1)][ValidateNotNullOrEmpty()][string]$Status = 'Processing', [Parameter(Position=2)][ValidateRange(0, 2147483647)][int]$Id, [ValidateRange(-1, 100)][int]$PercentComplete = -1, [int]$SecondsRemaining = -1, [string]$CurrentOperation, [ValidateRange(-1, 2147483647)][int]$ParentId = -1, [switch]$Completed, [int]$SourceId)"
    ) {
      CmdletBody(process: { ctx, _ in
        let i = ctx.interpreter
        guard i.preference("ProgressPreference") != "silentlycontinue", i.routes.target(.information) == nil else { return }
        if ctx.flag("Completed") {
          i.host.writeProgress(nil)
          return
        }
        var line = (ctx.string("Activity") ?? "") + ": " + (ctx.string("Status") ?? "Processing")
        let percent = ctx.value("PercentComplete").map { Int(Conversions.toString($0)) ?? -1 } ?? -1
        if percent >= 0 {
          let filled = percent * 30 / 100
          line += " [" + String(repeating: "o", count: filled) + String(repeating: " ", count: 30 - filled) + "] \(percent)%"
        }
        if let op = ctx.string("CurrentOperation"), !op.isEmpty { line += " " + op }
        i.flushOutput()
        i.host.writeProgress(line)
      })
    }
    defineCmdlet("Clear-Host", "param()") {
      CmdletBody(process: { ctx, _ in
        // Only a terminal is cleared; in a log, clearing would erase nothing and add noise.
        if ctx.interpreter.host.supportsColor { ctx.interpreter.writeHostText("\u{1B}[2J\u{1B}[H") }
      })
    }
    defineAlias("cls", "Clear-Host")
    defineAlias("clear", "Clear-Host")
  }
}
