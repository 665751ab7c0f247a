import PSLanguage
import PSRuntime

/// The eflowsh command line: parses the options and carries out the action, returning the
/// process exit code (`pwsh`'s codes: 0, 1 for errors, 64 for bad usage).
public enum Host {
  public static let version = "0.1.0"

  /// Exit code for bad command-line usage (pwsh's `ExitCodeBadCommandLineParameter`).
  public static let usageExitCode: Int32 = 64

  /// Sets up a new session: the executable registers the emulated modules here (PSHost knows
  /// nothing of them).
  public typealias Configure = (Interpreter, CommandLineOptions) -> Void

  public static func run<IO: HostIO>(
    arguments: [String], environment: [String: String], io: inout IO, configure: Configure? = nil,
    console: ((CommandLineOptions) -> LineSource)? = nil
  ) -> Int32 {
    let options: CommandLineOptions
    do {
      options = try CommandLineOptions.parse(arguments, environment: environment)
    } catch {
      io.writeErr("eflowsh: \(error.message)\nRun 'eflowsh -Help' for usage.\n")
      return usageExitCode
    }
    // Without the emulated modules the simulation options would do nothing: say so.
    if configure == nil {
      for (given, name) in [
        (options.statePath != nil, "-State / EFLOWSH_STATE"), (options.hostProfile != nil, "-HostProfile / EFLOWSH_HOST_PROFILE"),
        (options.seed != nil, "-Seed / EFLOWSH_SEED"),
      ] where given {
        io.writeErr("eflowsh: warning: \(name) has no effect: this host has no simulated EFLOW modules.\n")
      }
    }
    switch options.action {
    case .version:
      io.writeOut("eflowsh \(version)\n")
      return 0
    case .help:
      io.writeOut(CommandLineOptions.helpText + "\n")
      return 0
    case .check(let paths):
      return check(paths: paths, dumpAst: options.dumpAst, io: &io)
    case .file(let path, let arguments):
      let text: String
      switch io.readFile(path) {
      case .success(let t): text = t
      case .failure(let e):
        io.writeErr("eflowsh: The argument '\(path)' is not recognized as the name of a script file: \(e.reason).\n")
        return usageExitCode
      }
      return runSource(SourceFile(path: path, text: text), arguments: arguments, options: options, environment: environment, configure: configure, io: &io)
    case .command(let command):
      return runSource(
        SourceFile(path: "<command>", text: command), options: options, environment: environment, isCommand: true,
        configure: configure, io: &io)
    case .commandFromStdin:
      let text = io.readStandardInput()
      return runSource(
        SourceFile(path: "<stdin>", text: text), options: options, environment: environment, isCommand: true,
        configure: configure, io: &io)
    case .repl:
      // At a terminal the executable supplies its readline console; otherwise the lines of
      // standard input run one input at a time, as if typed, without prompts.
      let lines = console?(options) ?? StandardInputLineSource()
      let repl = Repl(
        io: io, lines: lines, color: Repl<IO>.wantsColor(lines, environment: environment), environment: environment,
        prompts: !options.nonInteractive)
      repl.interpreter.allowNativeCommands = options.allowNativeCommands
      configure?(repl.interpreter, options)
      let banner =
        options.noLogo ? nil : Repl<IO>.banner(version: version, hostProfile: configure == nil ? nil : options.hostProfile ?? "client")
      let code = repl.run(banner: banner)
      io = repl.io
      return code
    }
  }

  /// `-Check`: parse each file, print every error; 0 when all are clean.
  static func check<IO: HostIO>(paths: [String], dumpAst: Bool, io: inout IO) -> Int32 {
    var clean = true
    for path in paths {
      let text: String
      switch io.readFile(path) {
      case .success(let t): text = t
      case .failure(let e):
        io.writeOut("\(path): error: cannot read the file: \(e.reason)\n")
        clean = false
        continue
      }
      let result = Parser.parse(SourceFile(path: path, text: text))
      for e in result.errors {
        io.writeOut(DiagnosticRenderer.render(e, in: result.source) + "\n")
      }
      if !result.errors.isEmpty { clean = false }
      if dumpAst { io.writeOut(ASTDump.dump(result) + "\n") }
    }
    return clean ? 0 : 1
  }

  /// Parses and runs a script or command: parse errors are printed and give exit code 1;
  /// otherwise the interpreter runs it (`exit N` gives N, an uncaught error 1).
  static func runSource<IO: HostIO>(
    _ source: SourceFile, arguments: [String] = [], options: CommandLineOptions = CommandLineOptions(),
    environment: [String: String] = [:], isCommand: Bool = false, configure: Configure? = nil, io: inout IO
  ) -> Int32 {
    let result = Parser.parse(source)
    if !result.errors.isEmpty {
      io.writeErr(DiagnosticRenderer.render(result) + "\n")
      return 1
    }
    let host = ConsoleHost(io: io, environment: environment)
    let interpreter = Interpreter(host: host, environment: environment)
    interpreter.allowNativeCommands = options.allowNativeCommands
    interpreter.randomSeed = options.seed
    interpreter.simulatedTime = options.simulatedTime
    configure?(interpreter, options)
    let code = interpreter.runScript(result, arguments: arguments, statusExitCode: isCommand)
    io = host.io
    return code
  }
}
