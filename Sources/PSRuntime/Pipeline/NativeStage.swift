import Foundation
import PSLanguage

/// A program from `PATH`, run only when the session allows native commands (an explicit
/// opt-in: a Windows script's `netsh` or `ipconfig` must never run a Linux program by
/// surprise). Pipeline input becomes its standard input (one line per object), its standard
/// output lines go down the pipeline, its standard error passes through to the host's error
/// stream, and its exit code becomes `$LASTEXITCODE` (`$?` is false when it is not 0).
final class NativeStage: PipelineStage {
  unowned let interp: Interpreter
  let path: String
  let arguments: [String]
  let output: OutputPipe
  let extent: SourceRange
  var input: [String] = []
  var hadInput = false

  init(_ interp: Interpreter, path: String, arguments: [String], output: OutputPipe, at extent: SourceRange) {
    self.interp = interp
    self.path = path
    self.arguments = arguments
    self.output = output
    self.extent = extent
  }

  func begin() throws {}

  func process(_ item: Value?) throws {
    guard let item else { return }
    hadInput = true
    input.append(Conversions.toString(item))
  }

  func end() throws {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: path)
    p.arguments = arguments
    p.currentDirectoryURL = URL(fileURLWithPath: interp.currentLocation)
    let out = Pipe()
    let err = Pipe()
    p.standardOutput = out
    p.standardError = err
    let stdin = Pipe()
    if hadInput { p.standardInput = stdin }
    do {
      try p.run()
    } catch {
      throw interp.fail(
        RuntimeError(
          id: "NativeCommandFailed", message: "Program '\((path as NSString).lastPathComponent)' failed to run: \(error.localizedDescription)",
          exceptionType: "System.Management.Automation.ApplicationFailedException"), at: extent)
    }
    if hadInput {
      let text = input.joined(separator: "\n") + "\n"
      stdin.fileHandleForWriting.write(Data(text.utf8))
      try? stdin.fileHandleForWriting.close()
    }
    let (outData, errData) = FileDescriptorIO.readBoth(out.fileHandleForReading, err.fileHandleForReading)
    p.waitUntilExit()
    if !errData.isEmpty { interp.writeNativeError(String(decoding: errData, as: UTF8.self)) }
    var text = String(decoding: outData, as: UTF8.self)
    if text.hasSuffix("\n") { text.removeLast() }
    if !text.isEmpty {
      for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        try output.append(.string(line.hasSuffix("\r") ? String(line.dropLast()) : String(line)))
      }
    }
    let code = p.terminationStatus
    try interp.globalScope.set("LASTEXITCODE", .int32(code))
    if code != 0 { interp.nativeFailed = true }
  }

  func dispose() {}
}

extension Interpreter {
  /// A native program's standard error text, passed to the host as it is.
  func writeNativeError(_ text: String) {
    flushOutput()
    host.writeStream(text.hasSuffix("\n") ? String(text.dropLast()) : text)
  }

  /// The program a command name stands for on `PATH`, when native commands are allowed.
  func nativeProgram(_ name: String) -> String? {
    guard allowNativeCommands else { return nil }
    if name.contains("/") {
      let path = resolveFileSystemPath(name)
      return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }
    for dir in (environmentVariable("PATH") ?? "").split(separator: ":") {
      let candidate = "\(dir)/\(name)"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }
}
