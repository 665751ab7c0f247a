import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// `Start-Transcript` / `Stop-Transcript`: a record of what the host shows — host text,
/// formatted output, errors as rendered, warnings and the other stream lines — in a text file
/// framed by Windows PowerShell 5.1's header and footer.
///
/// - The session's host is wrapped in a `TranscriptHost` that passes everything on and appends
///   it to the file as it is written (so the file is complete up to the last line even if the
///   process dies); transcripts nest, each recording until it is stopped.
/// - The header's fields are the simulated host's (user, machine, OS version, `$PSVersionTable`);
///   `Host Application` is eflowsh's real command line. Times follow the clock or
///   `SOURCE_DATE_EPOCH`. Lines end in `\n`, not 5.1's `\r\n` (this is Linux). Colours are left out.
/// - Without `-Path`, the file is `PowerShell_transcript.MACHINE.XXXXXXXX.yyyyMMddHHmmss.txt` in
///   the simulated user's Documents folder (`C:\Users\NAME\Documents`, see `FileSystemState`),
///   or in `-OutputDirectory`. Missing parent directories are created.
/// - A transcript still running when the session ends gets its footer when the session is
///   released (5.1 writes it when the host exits). `-IncludeInvocationHeader` is not supported.
extension Interpreter {
  func registerTranscriptCmdlets() {
    defineFileSystemCmdlet(
      "Start-Transcript",
      """
      [CmdletBinding(DefaultParameterSetName='ByPath')]
      param([Parameter(Position=0, ParameterSetName='ByPath')][string]$Path,
        [Parameter(ParameterSetName='ByLiteralPath')][Alias('PSPath','LP')][string]$LiteralPath,
        [Parameter(ParameterSetName='ByOutputDirectory')][string]$OutputDirectory,
        [switch]$Append, [switch]$Force, [Alias('NoOverwrite')][switch]$NoClobber)
      """
    ) {
      CmdletBody(process: { ctx, _ in
        let interp = ctx.interpreter
        let now = DateTimeValue.now
        let stamp = (try? DateFormat.format(now.parts, "yyyyMMddHHmmss")) ?? ""
        let pathText: String
        if let p = ctx.string("LiteralPath") ?? ctx.string("Path") {
          pathText = p
        } else {
          let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
          let random = String((0..<8).map { _ in letters.randomElement()! })
          let dir = ctx.string("OutputDirectory") ?? "C:\\Users\\\(SimulatedHost.userName)\\Documents"
          pathText = Interpreter.joinPath(dir, ["PowerShell_transcript.\(ctx.interpreter.machineName).\(random).\(stamp).txt"])
        }
        let native: String
        do {
          native = try interp.providerPath(ctx.bound.isBound("LiteralPath") ? pathText : WildcardPattern.unescape(pathText))
        } catch let error as RuntimeError {
          throw ctx.fileSystemTerminatingError(FileSystemErrors.record(error, target: pathText))
        }
        let shown = interp.displayPath(native)
        let exists = Interpreter.itemKind(native) != nil
        if exists, ctx.flag("NoClobber") {
          throw ctx.fileSystemTerminatingError(
            FileSystemErrors.io(
              "File \(shown) already exists and NoClobber was specified.", id: "NoClobber", target: shown,
              category: .resourceExists))
        }
        if Interpreter.itemKind(native) == .directory {
          throw ctx.fileSystemTerminatingError(FileSystemErrors.accessDenied(shown, id: "CannotStartTranscription"))
        }
        let parent = Interpreter.splitNative(native).parent
        if Interpreter.itemKind(parent) == nil {
          try? FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        }
        if exists, ctx.flag("Force") {
          var st = stat()
          if stat(native, &st) == 0 { chmod(native, st.st_mode | S_IWUSR) }
        }
        do {
          try FileText.writeBytes(Array(interp.transcriptHeader(stamp).utf8), to: native, append: ctx.flag("Append"))
        } catch let error as FileIOError {
          var r = error.record(shown, prefix: "CannotStartTranscription")
          r.errorId = "CannotStartTranscription"
          throw ctx.fileSystemTerminatingError(r)
        }
        let tee = TranscriptHost(wrapping: interp.host, path: native, shown: shown)
        interp.fileSystem.transcripts.append(tee)
        interp.host = tee
        try ctx.emit(.string("Transcript started, output file is \(shown)"))
      })
    }

    defineFileSystemCmdlet("Stop-Transcript", "param()") {
      CmdletBody(process: { ctx, _ in
        let interp = ctx.interpreter
        guard let tee = interp.fileSystem.transcripts.popLast() else {
          throw ctx.fileSystemTerminatingError(
            ErrorRecord(
              exceptionType: "System.Management.Automation.PSInvalidOperationException",
              message: "An error occurred stopping transcription: The host is not currently transcribing.",
              errorId: "InvalidOperation", category: .invalidOperation))
        }
        interp.flushOutput()
        tee.stop()
        interp.host = tee.inner
        try ctx.emit(.string("Transcript stopped, output file is \(tee.shown)"))
      })
    }
  }

  /// 5.1's transcript header.
  func transcriptHeader(_ stamp: String) -> String {
    let user = machineName + "\\" + SimulatedHost.userName
    let table = globalScope.local("PSVersionTable")?.value
    func field(_ name: String) -> String {
      guard case .hashtable(let h)? = table else { return "" }
      return h[.string(name)].map(Conversions.toString) ?? ""
    }
    let version = field("PSVersion")
    let lines = [
      TranscriptHost.rule,
      "Windows PowerShell transcript start",
      "Start time: \(stamp)",
      "Username: \(user)",
      "RunAs User: \(user)",
      "Configuration Name: ",
      "Machine: \(machineName) (\(SimulatedHost.osVersion))",
      "Host Application: \(CommandLine.arguments.joined(separator: " "))",
      "Process ID: \(getpid())",
      "PSVersion: \(version)",
      "PSEdition: \(field("PSEdition"))",
      "PSCompatibleVersions: 1.0, 2.0, 3.0, 4.0, 5.0, \(version)",
      "BuildVersion: \(field("BuildVersion"))",
      "CLRVersion: \(field("CLRVersion"))",
      "WSManStackVersion: \(field("WSManStackVersion"))",
      "PSRemotingProtocolVersion: \(field("PSRemotingProtocolVersion"))",
      "SerializationVersion: \(field("SerializationVersion"))",
      TranscriptHost.rule,
    ]
    return lines.joined(separator: "\n") + "\n"
  }
}

/// A host that shows everything through the host it wraps and also appends it to a
/// transcript file.
final class TranscriptHost: HostInterface {
  static let rule = "**********************"
  let inner: HostInterface
  /// The file (Linux path) and how it is shown.
  let path: String
  let shown: String
  private var stopped = false

  init(wrapping inner: HostInterface, path: String, shown: String) {
    self.inner = inner
    self.path = path
    self.shown = shown
  }

  deinit { stop() }

  func write(_ text: String) {
    inner.write(text)
    record(text)
  }

  func writeError(_ record: ErrorRecord, concise: Bool) {
    inner.writeError(record, concise: concise)
    self.record(inner.errorText(record, concise: concise))
  }

  func writeStream(_ line: String) {
    inner.writeStream(line)
    record(line + "\n")
  }

  func errorText(_ record: ErrorRecord, concise: Bool) -> String { inner.errorText(record, concise: concise) }

  var supportsColor: Bool { inner.supportsColor }

  /// Writes the footer; nothing is recorded after it.
  func stop() {
    if stopped { return }
    let stamp = (try? DateFormat.format(DateTimeValue.now.parts, "yyyyMMddHHmmss")) ?? ""
    record("\(TranscriptHost.rule)\nWindows PowerShell transcript end\nEnd time: \(stamp)\n\(TranscriptHost.rule)\n")
    stopped = true
  }

  private func record(_ text: String) {
    if stopped || text.isEmpty { return }
    // A transcript that can no longer be written (its disk went away) records nothing more;
    // the session goes on, as PowerShell's does.
    if (try? FileText.writeBytes(Array(TranscriptHost.withoutColor(text).utf8), to: path, append: true)) == nil {
      stopped = true
    }
  }

  /// Text without ANSI colour sequences (`ESC [ … m`).
  static func withoutColor(_ text: String) -> String {
    guard text.unicodeScalars.contains("\u{1B}") else { return text }
    var out = String.UnicodeScalarView()
    var inSequence = false
    for sc in text.unicodeScalars {
      if inSequence {
        if sc.properties.isAlphabetic { inSequence = false }
        continue
      }
      if sc == "\u{1B}" {
        inSequence = true
        continue
      }
      out.append(sc)
    }
    return String(out)
  }
}
