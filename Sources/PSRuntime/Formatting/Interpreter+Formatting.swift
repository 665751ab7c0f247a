/// `Out-Default`, `Out-Host`, `Out-String`, `Format-Table`, `Format-List`, `Format-Wide`, and
/// the host's implicit `Out-Default`.
extension Interpreter {
  /// Hands output waiting for the host to the script's `Out-Default`; with `drain`, a table
  /// waiting to size its columns is written too (other text is about to reach the host).
  func writeOutput(drain: Bool) {
    if pendingOutput.isEmpty && (!drain || formatter.hostSession == nil) { return }
    let session = hostSession()
    let values = pendingOutput
    pendingOutput.removeAll()
    for v in values { session.feed(v) }
    if drain { session.drain() }
    writeLines(session.renderer.take())
  }

  /// Ends the script's `Out-Default`: the open table or list is closed.
  func endOutput() {
    guard !pendingOutput.isEmpty || formatter.hostSession != nil else { return }
    let session = hostSession()
    let values = pendingOutput
    pendingOutput.removeAll()
    for v in values { session.feed(v) }
    session.finish()
    formatter.hostSession = nil
    writeLines(session.renderer.take())
  }

  private func hostSession() -> OutputSession {
    if let s = formatter.hostSession { return s }
    formatter.hostWidth = host.consoleWidth.map { max($0 - 1, 10) }
    let s = OutputSession(formatter: formatter, width: formatter.width)
    formatter.hostSession = s
    return s
  }

  private func writeLines(_ lines: [String]) {
    if lines.isEmpty { return }
    host.write(lines.map { $0 + "\n" }.joined())
  }

  /// Runs a script block with `$_` set to an object (calculated properties).
  func evaluateForFormatting(_ sb: ScriptBlockValue, _ item: Value) throws -> Value {
    try withCurrentItem(item) { try invokeScriptBlockInline(sb.ast) }
  }

  /// An error of a built-in cmdlet. (Its FullyQualifiedErrorId ends with the cmdlet's name, the
  /// runtime's convention for every command; PowerShell names a compiled cmdlet's class there,
  /// `…,Microsoft.PowerShell.Commands.ConvertFromJsonCommand`.)
  func commandError(
    _ ctx: CmdletContext, exceptionType: String, message: String, id: String, category: ErrorCategory,
    target: Value = .null
  ) -> ErrorRecord {
    var r = ErrorRecord(
      exceptionType: exceptionType, message: message, errorId: id, category: category, targetObject: target)
    r.commandName = ctx.name
    return r
  }

  func notSupported(_ ctx: CmdletContext, _ what: String) -> ScriptError {
    ctx.terminatingError(
      ErrorRecord(
        exceptionType: "System.NotSupportedException", message: "\(what) is not supported by eflowsh.",
        errorId: "NotSupported", category: .notImplemented))
  }

  func registerFormattingCmdlets() {
    registerOutCmdlets()
    registerFormatCmdlets()
    registerJsonCmdlets()
    registerCsvCmdlets()
  }

  private func registerOutCmdlets() {
    for name in ["Out-Default", "Out-Host"] {
      let paging = name == "Out-Host" ? ", [switch]$Paging" : ", [switch]$Transcript"
      defineCmdlet(name, "param([Parameter(ValueFromPipeline)][psobject]$InputObject\(paging))") {
        var session: OutputSession?
        return CmdletBody(
          begin: { ctx in
            if ctx.flag("Paging") { throw ctx.interpreter.notSupported(ctx, "Out-Host -Paging") }
            if ctx.flag("Transcript") { throw ctx.interpreter.notSupported(ctx, "Out-Default -Transcript") }
            ctx.interpreter.flushOutput()
            session = OutputSession(formatter: ctx.interpreter.formatter, width: ctx.interpreter.formatter.width)
          },
          process: { ctx, _ in
            guard let v = ctx.value("InputObject"), let s = session else { return }
            s.feed(v)
            ctx.interpreter.writeLines(s.renderer.take())
          },
          end: { ctx in
            guard let s = session else { return }
            s.finish()
            ctx.interpreter.writeLines(s.renderer.take())
          })
      }
    }
    defineAlias("oh", "Out-Host")
    defineCmdlet(
      "Out-String",
      "param([Parameter(ValueFromPipeline)][psobject]$InputObject, [switch]$Stream, [ValidateRange(2, 2147483647)][int]$Width)"
    ) {
      var session: OutputSession?
      var lines: [String] = []
      return CmdletBody(
        begin: { ctx in
          let width = ctx.value("Width").flatMap(Conversions.asInt64).map(Int.init) ?? ctx.interpreter.formatter.width
          session = OutputSession(formatter: ctx.interpreter.formatter, width: width)
        },
        process: { ctx, _ in
          guard let v = ctx.value("InputObject"), let s = session else { return }
          s.feed(v)
          let produced = s.renderer.take()
          if ctx.flag("Stream") {
            for l in produced { try ctx.emit(.string(l)) }
          } else {
            lines += produced
          }
        },
        end: { ctx in
          guard let s = session else { return }
          s.finish()
          let produced = s.renderer.take()
          if ctx.flag("Stream") {
            for l in produced { try ctx.emit(.string(l)) }
          } else {
            lines += produced
            try ctx.emit(.string(lines.map { $0 + "\n" }.joined()))
          }
        })
    }
  }

  private func registerFormatCmdlets() {
    let common =
      "[Parameter(ValueFromPipeline)][psobject]$InputObject, [object]$GroupBy, [string]$View, [switch]$ShowError, [switch]$DisplayError, [switch]$Force, [ValidateSet('CoreOnly','EnumOnly','Both')][string]$Expand"
    defineFormatCmdlet(
      "Format-Table",
      "param([Parameter(Position=0)][object[]]$Property, [switch]$AutoSize, [switch]$HideTableHeaders, [switch]$Wrap, \(common))",
      shape: .table)
    defineAlias("ft", "Format-Table")
    defineFormatCmdlet("Format-List", "param([Parameter(Position=0)][object[]]$Property, \(common))", shape: .list)
    defineAlias("fl", "Format-List")
    defineFormatCmdlet(
      "Format-Wide",
      "param([Parameter(Position=0)][object]$Property, [switch]$AutoSize, [ValidateRange(1, 2147483647)][int]$Column, \(common))",
      shape: .wide)
    defineAlias("fw", "Format-Wide")
  }

  private func defineFormatCmdlet(_ name: String, _ params: String, shape: FormatShape) {
    defineCmdlet(name, params) {
      var shaper: FormatShaper?
      return CmdletBody(
        begin: { ctx in
          let interp = ctx.interpreter
          for p in ["View", "Expand"] where ctx.value(p) != nil { throw interp.notSupported(ctx, "\(name) -\(p)") }
          for p in ["ShowError", "DisplayError", "Force"] where ctx.flag(p) {
            throw interp.notSupported(ctx, "\(name) -\(p)")
          }
          var request = FormatRequest(shape: shape)
          do {
            if let p = ctx.value("Property") {
              request.properties = try FormatPropertySpec.parse(p, command: name, allowWidth: shape == .table)
              if shape == .wide, request.properties!.count > 1 {
                throw RuntimeError(
                  id: "FormatWideSingleProperty", message: "Format-Wide shows one property; give one to -Property.",
                  exceptionType: "System.ArgumentException")
              }
            }
            if let g = ctx.value("GroupBy") {
              request.groupBy = try FormatPropertySpec.parse(g, command: name, allowWidth: false).first
            }
          } catch let e as RuntimeError {
            throw ctx.terminatingError(
              interp.commandError(ctx, exceptionType: e.exceptionType, message: e.message, id: e.id, category: .invalidArgument))
          }
          request.autoSize = ctx.flag("AutoSize")
          request.hideTableHeaders = ctx.flag("HideTableHeaders")
          request.wrap = ctx.flag("Wrap")
          request.wideColumns = ctx.value("Column").flatMap(Conversions.asInt64).map(Int.init) ?? 0
          if request.wideColumns > 0 { request.autoSize = false }
          shaper = FormatShaper(
            formatter: interp.formatter, request: request, evaluate: { [unowned interp] sb, item in
              try interp.evaluateForFormatting(sb, item)
            })
        },
        process: { ctx, _ in
          guard let v = ctx.value("InputObject"), let s = shaper else { return }
          for r in try s.process(v) { try ctx.emit(r.asValue) }
        },
        end: { ctx in
          guard let s = shaper else { return }
          for r in s.end() { try ctx.emit(r.asValue) }
        })
    }
  }
}
