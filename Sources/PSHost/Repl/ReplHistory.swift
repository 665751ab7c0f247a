import Foundation
import PSLanguage
import PSRuntime

/// The session's command history, as `Get-History` shows it: each input the REPL ran, with an
/// id counting from 1, its status and when it ran. (The readline console keeps its own list for
/// Up/Down and Ctrl+R, saved across sessions; this one, like PowerShell's, lives and dies with
/// the session.)
public final class ReplHistory {
  public struct Entry: Equatable, Sendable {
    public var id: Int
    public var commandLine: String
    /// `Completed`, `Failed` or `Stopped` (PowerShell's `PipelineState` names).
    public var status: String
    public var start: DateTimeValue
    public var end: DateTimeValue
  }

  public private(set) var entries: [Entry] = []
  private var nextId = 1
  /// `$MaximumHistoryCount`'s default in PowerShell.
  public let capacity = 4096

  public init() {}

  public func add(_ commandLine: String, status: String, start: DateTimeValue, end: DateTimeValue) {
    entries.append(Entry(id: nextId, commandLine: commandLine, status: status, start: start, end: end))
    nextId += 1
    if entries.count > capacity { entries.removeFirst(entries.count - capacity) }
  }

  /// Removes the entries with these ids (all when nil); ids keep counting up.
  public func clear(ids: [Int]? = nil) {
    guard let ids else {
      entries.removeAll()
      return
    }
    entries.removeAll { ids.contains($0.id) }
  }

  /// The local time now, as `Get-Date` would give it.
  static func now() -> DateTimeValue {
    let seconds = Date().timeIntervalSince1970 + Double(TimeZone.current.secondsFromGMT())
    return DateTimeValue(
      ticks: DateTimeValue.unixEpochTicks + Int64(seconds * Double(DateTimeValue.ticksPerSecond)), kind: .local)
  }

  func value(_ e: Entry) -> Value {
    let o = PSObject([
      ("Id", .int64(Int64(e.id))), ("CommandLine", .string(e.commandLine)), ("ExecutionStatus", .string(e.status)),
      ("StartExecutionTime", .dateTime(e.start)), ("EndExecutionTime", .dateTime(e.end)),
    ])
    o.typeName = "Microsoft.PowerShell.Commands.HistoryInfo"
    o.stringValue = e.commandLine
    return .object(o)
  }

  // MARK: - Cmdlets

  /// `Get-History` (`h`, `history`, `ghy`), `Invoke-History` (`r`, `ihy`) and `Clear-History`
  /// (`clhy`) for this session.
  public func register(in interp: Interpreter) {
    interp.defineCmdlet(
      "Get-History",
      "param([Parameter(Position=0, ValueFromPipeline, ValueFromPipelineByPropertyName)][ValidateRange(1, 9223372036854775807)][long[]]$Id, [Parameter(Position=1)][ValidateRange(0, 32767)][int]$Count)"
    ) { [unowned self] in
      CmdletBody(process: { ctx, _ in
        var list = self.entries
        if let ids = ctx.value("Id") {
          let wanted = (ids.enumerated ?? [ids]).compactMap { Int(Conversions.toString($0)) }
          list = wanted.compactMap { id in self.entries.first { $0.id == id } }
        } else if let c = ctx.value("Count").flatMap({ Int(Conversions.toString($0)) }) {
          list = Array(list.suffix(c))
        }
        for e in list { try ctx.emit(self.value(e)) }
      })
    }
    for a in ["h", "history", "ghy"] { interp.defineAlias(a, "Get-History") }
    interp.defineCmdlet("Invoke-History", "param([Parameter(Position=0, ValueFromPipelineByPropertyName)][string]$Id)") {
      [unowned self] in
      CmdletBody(process: { ctx, _ in
        let entry: Entry?
        let id = ctx.string("Id") ?? ""
        if id.isEmpty {
          entry = self.entries.last
        } else if let n = Int(id) {
          entry = self.entries.first { $0.id == n }
        } else {
          entry = self.entries.last { $0.commandLine.lowercased().hasPrefix(id.lowercased()) }
        }
        guard let entry else {
          throw ctx.terminatingError(
            ErrorRecord(
              exceptionType: "System.ArgumentException",
              message: id.isEmpty ? "Cannot locate the history for the command line." : "Cannot locate history for commandline \(id).",
              errorId: "InvokeHistoryNoHistoryForCommandline", category: .objectNotFound, targetObject: .string(id),
              commandName: "Invoke-History"))
        }
        ctx.writeHost(entry.commandLine)
        let parsed = Parser.parse(SourceFile(path: "<history>", text: entry.commandLine))
        if let first = parsed.errors.first {
          throw ctx.terminatingError(
            ErrorRecord(
              exceptionType: "System.Management.Automation.ParseException", message: first.message,
              errorId: first.id.rawValue, category: .parserError, commandName: "Invoke-History"))
        }
        try ctx.interpreter.runNested(parsed) { v in try ctx.emit(v) }
      })
    }
    for a in ["r", "ihy"] { interp.defineAlias(a, "Invoke-History") }
    interp.defineCmdlet(
      "Clear-History",
      "param([Parameter(Position=0)][ValidateRange(1, 2147483647)][int[]]$Id, [ValidateRange(1, 2147483647)][int]$Count, [string[]]$CommandLine)"
    ) { [unowned self] in
      CmdletBody(process: { ctx, _ in
        var ids: [Int]?
        if let v = ctx.value("Id") {
          ids = (v.enumerated ?? [v]).compactMap { Int(Conversions.toString($0)) }
        } else if let c = ctx.value("Count").flatMap({ Int(Conversions.toString($0)) }) {
          ids = self.entries.suffix(c).map(\.id)
        } else if let lines = ctx.value("CommandLine") {
          let patterns = (lines.enumerated ?? [lines]).map { WildcardPattern(Conversions.toString($0)) }
          ids = self.entries.filter { e in patterns.contains { $0.matches(e.commandLine) } }.map(\.id)
        }
        self.clear(ids: ids)
      })
    }
    interp.defineAlias("clhy", "Clear-History")
  }
}
