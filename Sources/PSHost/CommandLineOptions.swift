/// The command line, parsed the way `pwsh` parses its own: option names are case-insensitive,
/// may be abbreviated to any unambiguous prefix, and may start with `-` or `--`.
///
/// ```
/// eflowsh                               REPL
/// eflowsh [-File] script.ps1 [args...]  run a script; args bind to its param() block
/// eflowsh -Command '...' | -c '...'     run a command string; '-' reads standard input
/// eflowsh -Check file.ps1...            parse only; print every parse error
/// eflowsh -Version | -Help
/// options: -NoProfile -NoLogo -NonInteractive -State PATH -HostProfile NAME|PATH -Seed N
/// ```
public struct CommandLineOptions: Sendable, Equatable {
  /// What eflowsh was asked to do.
  public enum Action: Sendable, Equatable {
    case repl
    case file(path: String, arguments: [String])
    case command(String)
    /// `-Command -`: read the commands from standard input.
    case commandFromStdin
    case check(paths: [String])
    case version
    case help
  }

  public var action: Action = .repl
  public var noProfile = false
  public var noLogo = false
  public var nonInteractive = false
  /// Print the syntax tree of each file (with `-Check`).
  public var dumpAst = false
  public var statePath: String?
  public var hostProfile: String?
  public var seed: UInt64?
  /// Run programs from `PATH` for commands not found (off by default: a Windows script's
  /// `ipconfig` must not run a Linux program by surprise).
  public var allowNativeCommands = false
  /// `Start-Sleep` advances a simulated clock instead of waiting, so polling loops run at once.
  public var simulatedTime = false

  public init() {}

  /// A usage error: the message eflowsh prints before exiting with code 64.
  public struct UsageError: Error, Equatable, Sendable {
    public var message: String
  }

  /// The options eflowsh knows, with the short aliases `pwsh` gives them.
  enum Name: String, CaseIterable {
    case allownativecommands, command, check, dumpast, file, help, hostprofile, noprofile, nologo, noninteractive, seed,
      simulatedtime, state, version
  }

  static let aliases: [String: Name] = [
    "c": .command, "f": .file, "v": .version, "h": .help, "?": .help, "nop": .noprofile, "nol": .nologo,
    "noni": .noninteractive,
  ]

  /// Resolves an option word (without dashes) by exact name, alias, or unique prefix.
  static func resolve(_ word: String) throws(UsageError) -> Name {
    let w = word.lowercased()
    if let n = Name(rawValue: w) { return n }
    if let n = aliases[w] { return n }
    let matches = Name.allCases.filter { $0.rawValue.hasPrefix(w) }
    if matches.count == 1 { return matches[0] }
    if matches.isEmpty {
      throw UsageError(message: "The argument '-\(word)' is not recognized as the name of an option of eflowsh.")
    }
    let list = matches.map { "-" + displayName($0) }.joined(separator: ", ")
    throw UsageError(message: "The option '-\(word)' is ambiguous. Possible matches include: \(list).")
  }

  static func displayName(_ n: Name) -> String {
    switch n {
    case .allownativecommands: return "AllowNativeCommands"
    case .simulatedtime: return "SimulatedTime"
    case .command: return "Command"
    case .check: return "Check"
    case .dumpast: return "DumpAst"
    case .file: return "File"
    case .help: return "Help"
    case .hostprofile: return "HostProfile"
    case .noprofile: return "NoProfile"
    case .nologo: return "NoLogo"
    case .noninteractive: return "NonInteractive"
    case .seed: return "Seed"
    case .state: return "State"
    case .version: return "Version"
    }
  }

  /// Parses the arguments after the program name. Environment variables supply `-State`,
  /// `-HostProfile` and `-Seed` when the options are not given.
  public static func parse(_ args: [String], environment: [String: String] = [:]) throws(UsageError) -> CommandLineOptions {
    var o = CommandLineOptions()
    var i = 0
    func value(for n: Name) throws(UsageError) -> String {
      guard i + 1 < args.count else {
        throw UsageError(message: "Missing an argument for option '-\(displayName(n))'.")
      }
      i += 1
      return args[i]
    }
    while i < args.count {
      let a = args[i]
      let word: String?
      if a.hasPrefix("--"), a.count > 2 {
        word = String(a.dropFirst(2))
      } else if a.hasPrefix("-"), a.count > 1 {
        word = String(a.dropFirst())
      } else {
        word = nil
      }
      guard let w = word else {
        // The first plain argument is the script; the rest are its arguments.
        o.action = .file(path: a, arguments: Array(args[(i + 1)...]))
        break
      }
      let name = try resolve(w)
      switch name {
      case .noprofile: o.noProfile = true
      case .nologo: o.noLogo = true
      case .noninteractive: o.nonInteractive = true
      case .dumpast: o.dumpAst = true
      case .allownativecommands: o.allowNativeCommands = true
      case .simulatedtime: o.simulatedTime = true
      case .version: o.action = .version
      case .help: o.action = .help
      case .state: o.statePath = try value(for: name)
      case .hostprofile: o.hostProfile = try value(for: name)
      case .seed:
        let v = try value(for: name)
        guard let n = UInt64(v) else {
          throw UsageError(message: "Cannot convert '\(v)' to a seed: -Seed takes a non-negative integer.")
        }
        o.seed = n
      case .file:
        let path = try value(for: name)
        o.action = .file(path: path, arguments: Array(args[(i + 1)...]))
        i = args.count
        continue
      case .command:
        guard i + 1 < args.count else {
          throw UsageError(message: "Cannot process the command because of a missing parameter. A command must follow -Command.")
        }
        let rest = Array(args[(i + 1)...])
        o.action = rest == ["-"] ? .commandFromStdin : .command(rest.joined(separator: " "))
        i = args.count
        continue
      case .check:
        let rest = Array(args[(i + 1)...])
        var paths: [String] = []
        for r in rest {
          if r.lowercased() == "-dumpast" || r.lowercased() == "--dumpast" {
            o.dumpAst = true
          } else {
            paths.append(r)
          }
        }
        guard !paths.isEmpty else {
          throw UsageError(message: "Missing an argument for option '-Check'. Give one or more script files.")
        }
        o.action = .check(paths: paths)
        i = args.count
        continue
      }
      i += 1
    }
    if o.statePath == nil, let s = environment["EFLOWSH_STATE"], !s.isEmpty { o.statePath = s }
    if o.hostProfile == nil, let s = environment["EFLOWSH_HOST_PROFILE"], !s.isEmpty { o.hostProfile = s }
    if o.seed == nil, let s = environment["EFLOWSH_SEED"], !s.isEmpty {
      guard let n = UInt64(s) else {
        throw UsageError(message: "Cannot convert '\(s)' (EFLOWSH_SEED) to a seed: it takes a non-negative integer.")
      }
      o.seed = n
    }
    if environment["EFLOWSH_ALLOW_NATIVE_COMMANDS"] == "1" { o.allowNativeCommands = true }
    if environment["EFLOWSH_SIMULATED_TIME"] == "1" { o.simulatedTime = true }
    return o
  }

  /// The text `eflowsh -Help` prints.
  public static let helpText = """
    Usage: eflowsh [options] [[-File] script.ps1 [arguments...]]
           eflowsh [options] -Command 'commands' | -Command -
           eflowsh -Check script.ps1...

    Runs PowerShell scripts written for Azure IoT Edge for Linux on Windows (EFLOW) on Linux,
    against a simulated Windows host and EFLOW virtual machine.

      -File, -f PATH       Run a script; the arguments after it bind to its param() block.
      -Command, -c TEXT    Run commands; '-' reads them from standard input.
      -Check PATH...       Parse only: print every parse error as PATH:LINE:COLUMN: ErrorId: message;
                           exit 0 when all files are clean, 1 otherwise.
      -DumpAst             With -Check: also print each file's syntax tree.
      -NoProfile, -nop     Do not load a profile.
      -NoLogo, -nol        Do not print the banner.
      -NonInteractive      Never prompt; a prompt becomes an error.
      -State PATH          The simulated host's state file (else $EFLOWSH_STATE, else
                           $XDG_STATE_HOME/eflowsh/state.json).
      -HostProfile NAME    client (default), server, or a JSON profile file ($EFLOWSH_HOST_PROFILE).
      -Seed N              Seed for MACs, subnets, leases and route metrics ($EFLOWSH_SEED).
      -AllowNativeCommands Run programs from PATH for unknown commands, setting $LASTEXITCODE
                           ($EFLOWSH_ALLOW_NATIVE_COMMANDS=1). Off by default.
      -SimulatedTime       Start-Sleep advances a simulated clock instead of waiting
                           ($EFLOWSH_SIMULATED_TIME=1), so polling loops finish at once.
      -Version, -v         Print the version.
      -Help, -h, -?        Print this help.

    Options are case-insensitive and may be shortened to any unambiguous prefix.
    Exit codes: the script's `exit N`; 1 after an uncaught error or a parse error; 64 for bad usage.
    """
}
