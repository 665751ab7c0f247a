import Foundation
import PSLanguage

/// Runs parsed PowerShell: a tree-walking evaluator over the `PSLanguage` syntax tree.
///
/// One `Interpreter` is one session: its global scope, functions and `$Error` live as long as it
/// does. Output of each top-level statement is handed to the host as soon as the statement ends,
/// so it interleaves with `Write-Host` as in PowerShell.
public final class Interpreter {
  public let globalScope: Scope
  var scope: Scope
  var scriptScope: Scope
  /// Settable so that a transcript can wrap it (`Start-Transcript`).
  public internal(set) var host: HostInterface
  /// The script being run (for error positions and `$PSScriptRoot`).
  var source: SourceFile
  /// Commands implemented in Swift, by lowercased name.
  var cmdlets: [String: Cmdlet] = [:]
  /// Aliases (lowercased) and the command names they stand for.
  var aliases: [String: String] = [:]
  /// Modules the session can import, by lowercased name; which module exports each command
  /// (for auto-loading); the modules imported; Swift handlers for emulated modules' functions.
  var moduleSources: [String: ModuleSource] = [:]
  var moduleCommandIndex: [String: String] = [:]
  var loadedModules: [String: LoadedModule] = [:]
  var handlers: [String: () -> CmdletBody] = [:]
  /// `Export-ModuleMember` of the module being imported.
  var moduleExports: ModuleExports?
  /// Values to offer when completing an argument (command name, parameter name → values), from
  /// whatever the host knows: the simulated host's switch, endpoint and adapter names.
  public var argumentValues: ((_ command: String, _ parameter: String) -> [String])?
  /// `about_` help topics by lowercased name (the host adds its own, such as about_eflowsh).
  public var aboutTopics: [String: String] = [:]
  /// Script files run as commands, parsed once.
  var scriptFiles: [String: FunctionDefinition] = [:]
  /// Where redirected streams of the running stage go.
  var routes = StreamRoutes()
  /// Output on its way to the host (PowerShell's implicit `Out-Default`), formatted together
  /// so that consecutive objects share one table; flushed before any other text reaches the
  /// host so that the order on the console is the order of writing.
  var pendingOutput: [Value] = []
  /// Whether commands not found may run programs from `PATH` (off unless the user opts in).
  public var allowNativeCommands = false
  /// The current location (`Get-Location`), a real directory of the Linux file system.
  public var currentLocation: String = FileManager.default.currentDirectoryPath
  /// Simulated drives, the location stack and transcripts (see `FileSystemState`).
  public let fileSystem = FileSystemState()
  /// How many `try` blocks enclose the statement being run: errors inside them are caught, not
  /// written.
  var tryDepth = 0
  /// Script and function calls in progress (PowerShell 5.1 stops at 100).
  var callDepth = 0
  static let maxCallDepth = 100
  /// The error being handled by the innermost `catch` (so that `throw $_` rethrows it as is).
  var lastCaught: ErrorRecord?
  /// Errors written so far (to tell whether a statement wrote any, for `$?`).
  var errorsWritten = 0
  /// The simulated host's computer name, asked when a script reads `$env:COMPUTERNAME` or
  /// `[Environment]::MachineName` and the process environment has no COMPUTERNAME (the EFLOW
  /// modules answer with the host profile's).
  public var computerName: (() -> String?)?
  /// Errors the running function reported as its own with `$PSCmdlet.WriteError`: the only
  /// non-terminating errors that make its caller's `$?` false (see `FunctionStage.phase`).
  var errorsReportedByFunction = 0
  /// Set once `Set-StrictMode -Version 2` or later has run in any scope: until then property
  /// reads and indexing skip the strict checks (which walk the scope chain) with this one test.
  var strictModeRaised = false
  /// `$?`: whether the last statement succeeded.
  var lastSucceeded = true
  /// Set when a program or script in the running pipeline exited with a non-zero code.
  var nativeFailed = false
  /// What the `-ErrorVariable` / `-WarningVariable` of the commands in progress collect.
  var errorCollectors: [StreamCollector] = []
  var warningCollectors: [StreamCollector] = []
  /// The formatter for values reaching the host.
  var formatter = OutputFormatter()
  /// The seed of `Get-Random`'s generator (the host sets it from `-Seed` / `EFLOWSH_SEED`), so
  /// the same script and seed give the same numbers; nil: seeded from the system.
  public var randomSeed: UInt64? {
    didSet { utilityState.random = nil }
  }
  /// Simulated time: `Start-Sleep` advances the session clock that `Get-Date` reads instead of
  /// waiting (`EFLOWSH_SIMULATED_TIME=1` in the environment does the same). See UtilityCmdlets.
  public var simulatedTime = false
  /// What the utility cmdlets keep between calls: the random generator and the session clock.
  let utilityState = UtilityState()
  /// Ctrl+C: raised by the host, polled before each statement (see Interpreter+Interactive).
  public let interruptSignal = InterruptSignal()
  /// ShouldProcess answers per `$PSCmdlet` (see Interpreter+CommonParameters).
  var shouldProcessStates: [ObjectIdentifier: ShouldProcessState] = [:]

  public init(host: HostInterface, environment: [String: String] = [:]) {
    self.host = host
    globalScope = Scope(parent: nil)
    scope = globalScope
    scriptScope = globalScope
    source = SourceFile(path: "<none>", text: "")
    installAutomaticVariables(environment: environment)
    registerBuiltins()
    simulatedTime = environment["EFLOWSH_SIMULATED_TIME"] == "1"
  }

  /// Runs a parsed script and returns its exit code: `exit N` gives N, an error that ends the
  /// script gives 1, otherwise 0 — or, for `-Command` (`statusExitCode`), 0 or 1 from `$?` of
  /// the last statement, as `pwsh -Command` does.
  public func runScript(_ parsed: Parser.Result, arguments: [String] = [], statusExitCode: Bool = false) -> Int32 {
    let saved = (scope, scriptScope, source)
    source = parsed.source
    let s = Scope(parent: globalScope)
    scope = s
    scriptScope = s
    defer { (scope, scriptScope, source) = saved }
    setScriptVariables(path: parsed.source.path)
    do {
      try checkRequires(parsed)
      try bindScriptParameters(parsed.ast, arguments: arguments)
      try runTopLevel(parsed.ast)
      return statusExitCode && !lastSucceeded ? 1 : 0
    } catch let flow as ControlFlow {
      if case .exit(let code) = flow { return code }
      return 0
    } catch let e as ScriptError {
      flushOutput()
      host.writeError(e.record, concise: conciseErrors)
      return 1
    } catch {
      flushOutput()
      host.writeError(internalError(error), concise: conciseErrors)
      return 1
    }
  }

  /// Runs the statements of a script's blocks, their output streaming to the host.
  func runTopLevel(_ sb: ScriptBlockAst) throws {
    let toHost = OutputPipe { [unowned self] v in self.pendingOutput.append(v) }
    defer { endOutput() }
    for block in sb.namedBlocks {
      try runStatements(block.statements, toHost, afterEach: { [unowned self] in self.writeOutput(drain: false) })
    }
  }

  /// Formats and writes the output waiting for the host, before other text reaches it.
  public func flushOutput() { writeOutput(drain: true) }

  func internalError(_ error: Error) -> ErrorRecord {
    ErrorRecord(
      exceptionType: "System.Management.Automation.RuntimeException", message: "\(error)", errorId: "InternalError",
      category: .notSpecified, source: source)
  }

  // MARK: - Errors

  /// An ErrorRecord for a runtime error raised at `extent`.
  func record(_ e: RuntimeError, at extent: SourceRange?, command: String? = nil, target: Value = .null) -> ErrorRecord {
    var category: ErrorCategory = .notSpecified
    switch e.id {
    case "TypeNotFound", "CannotIndex": category = .invalidOperation
    case "System.IndexOutOfRangeException", "System.ArgumentOutOfRangeException": category = .operationStopped
    case "MethodNotFound", "PropertyNotFound", "VariableNotWritable", "MethodCountCouldNotFindBest", "VariableIsUndefined":
      category = .invalidOperation
    case "RuntimeException" where e.exceptionType.hasSuffix("DivideByZeroException"): category = .notSpecified
    default:
      if e.exceptionType.hasSuffix("PSInvalidCastException") { category = .invalidArgument }
    }
    return ErrorRecord(
      exceptionType: e.exceptionType, message: e.message, errorId: e.id, category: category, targetObject: target,
      commandName: command, source: source, extent: extent)
  }

  /// Raises a statement-terminating error from a runtime error. Call-depth overflow stays
  /// script-terminating when it comes back through member access (a script property reading
  /// itself), as it is where the call is made.
  func fail(_ e: RuntimeError, at extent: SourceRange?, command: String? = nil) -> ScriptError {
    ScriptError(record(e, at: extent, command: command), scriptTerminating: e.id == "CallDepthOverflow")
  }

  /// True when `$ErrorView` asks for PowerShell 7's one-line errors.
  var conciseErrors: Bool {
    Conversions.toString(globalScope.local("ErrorView")?.value ?? .null).caseInsensitiveEquals("ConciseView")
  }

  /// The current `$ErrorActionPreference` value.
  var errorActionPreference: String {
    Conversions.toString(scope.lookup("ErrorActionPreference")?.value ?? .string("Continue"))
  }
}
