import EflowCmdlets
import Foundation
import PSHost
import PSRuntime

/// The real process: files from disk, text to stdout and stderr.
struct ProcessIO: HostIO {
  mutating func writeOut(_ text: String) { FileHandle.standardOutput.write(Data(text.utf8)) }
  mutating func writeErr(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }

  func readFile(_ path: String) -> Result<String, FileReadError> {
    var isDir: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
      return .failure(FileReadError(reason: "no such file"))
    }
    if isDir.boolValue { return .failure(FileReadError(reason: "it is a directory")) }
    guard let data = FileManager.default.contents(atPath: path) else {
      return .failure(FileReadError(reason: "permission denied"))
    }
    return .success(Self.decode(data))
  }

  var isTerminal: Bool { isatty(1) == 1 }

  var terminalWidth: Int? {
    guard isTerminal else { return nil }
    var size = winsize()
    guard ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
    return Int(size.ws_col)
  }

  mutating func readStandardInput() -> String {
    Self.decode(FileDescriptorIO.readAll(FileHandle.standardInput))
  }

  /// UTF-8 (with or without BOM), or UTF-16 with a BOM as Windows PowerShell writes it.
  static func decode(_ data: Data) -> String {
    let bytes = [UInt8](data)
    if bytes.starts(with: [0xFF, 0xFE]) {
      var units: [UInt16] = []
      var i = 2
      while i + 1 < bytes.count {
        units.append(UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8)
        i += 2
      }
      return String(decoding: units, as: UTF16.self)
    }
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
      return String(decoding: bytes.dropFirst(3), as: UTF8.self)
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}

var io = ProcessIO()
let environment = ProcessInfo.processInfo.environment
// At a terminal the REPL reads through readline; otherwise (stdin redirected) Host reads lines.
let console: ((CommandLineOptions) -> LineSource)? =
  isatty(STDIN_FILENO) == 1 ? { _ in ReadlineConsole(environment: environment) } : nil
let code = Host.run(
  arguments: Array(CommandLine.arguments.dropFirst()), environment: environment, io: &io,
  configure: { interpreter, options in
    EflowModules.install(
      into: interpreter,
      settings: SimulationSettings(
        statePath: options.statePath, hostProfile: options.hostProfile, seed: options.seed, environment: environment))
  }, console: console)
exit(code)
