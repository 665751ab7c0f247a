#if canImport(Glibc)
  import Glibc
#endif

/// `Get-Content`, `Set-Content`, `Add-Content`, `Clear-Content`, `Out-File`. Encodings: see
/// `FileEncoding`.
///
/// `Out-File` writes what the console would show for the objects (strings as they are, other
/// objects through the formatter). Its `-Width` is validated (2 or more) but has nothing to act
/// on: eflowsh's formatter lays tables out at their natural width and never truncates or wraps,
/// which is what 5.1 does for any width wider than the output — narrower widths, where 5.1 would
/// cut table columns, are not reproduced.
extension Interpreter {
  static let pathParameters = """
    [Parameter(Mandatory, Position=0, ParameterSetName='Path', ValueFromPipelineByPropertyName)][string[]]$Path,
    [Parameter(Mandatory, ParameterSetName='LiteralPath', ValueFromPipelineByPropertyName)][Alias('PSPath')][string[]]$LiteralPath
    """

  func registerContentCmdlets() {
    defineFileSystemCmdlet(
      "Get-Content",
      """
      [CmdletBinding(DefaultParameterSetName='Path')]
      param(\(Interpreter.pathParameters),
        [Alias('First','Head')][long]$TotalCount = -1, [Alias('Last')][int]$Tail = -1, [long]$ReadCount = 1,
        [switch]$Raw, [string]$Encoding, [switch]$Force)
      """
    ) {
      CmdletBody(process: { ctx, _ in
        let encoding = try FileEncoding.parse(ctx.string("Encoding"))
        let literal = ctx.bound.isBound("LiteralPath")
        for path in ctx.strings(literal ? "LiteralPath" : "Path") {
          for native in try ctx.resolvedExisting(path, literal: literal, force: ctx.flag("Force")) ?? [] {
            let shown = ctx.interpreter.displayPath(native)
            let bytes: [UInt8]
            do {
              bytes = try FileText.readBytes(native)
            } catch let error as FileIOError {
              try ctx.writeFileSystemError(error.record(shown, prefix: "GetContentReader"))
              continue
            }
            try ctx.emitContent(bytes, encoding: encoding)
          }
        }
      })
    }
    defineAlias("gc", "Get-Content")
    defineAlias("cat", "Get-Content")
    defineAlias("type", "Get-Content")

    let writeParams = """
      [CmdletBinding(DefaultParameterSetName='Path')]
      param(\(Interpreter.pathParameters),
        [Parameter(Mandatory, Position=1, ValueFromPipeline, ValueFromPipelineByPropertyName)][AllowNull()][AllowEmptyCollection()][object[]]$Value,
        [switch]$NoNewline, [string]$Encoding, [switch]$Force, [switch]$PassThru)
      """
    for (name, append) in [("Set-Content", false), ("Add-Content", true)] {
      defineFileSystemCmdlet(name, writeParams) {
        var values: [Value] = []
        var targets: [String]?
        return CmdletBody(
          begin: { ctx in _ = try FileEncoding.parse(ctx.string("Encoding")) },
          process: { ctx, _ in
            if targets == nil {
              let literal = ctx.bound.isBound("LiteralPath")
              targets = try ctx.writeTargets(ctx.strings(literal ? "LiteralPath" : "Path"), literal: literal)
            }
            guard let v = ctx.value("Value") else { return }
            for item in v.enumerated ?? [v] where !item.isNull {
              values.append(item)
              if ctx.flag("PassThru") { try ctx.emit(item) }
            }
          },
          end: { ctx in
            let encoding = try FileEncoding.parse(ctx.string("Encoding"))
            for native in targets ?? [] {
              try ctx.writeContent(values, to: native, append: append, encoding: encoding, newline: !ctx.flag("NoNewline"))
            }
          })
      }
    }
    defineAlias("sc", "Set-Content")
    defineAlias("ac", "Add-Content")

    defineFileSystemCmdlet(
      "Clear-Content",
      "[CmdletBinding(DefaultParameterSetName='Path')] param(\(Interpreter.pathParameters), [switch]$Force)"
    ) {
      CmdletBody(process: { ctx, _ in
        let literal = ctx.bound.isBound("LiteralPath")
        for path in ctx.strings(literal ? "LiteralPath" : "Path") {
          for native in try ctx.resolvedExisting(path, literal: literal, force: ctx.flag("Force")) ?? [] {
            let shown = ctx.interpreter.displayPath(native)
            if Interpreter.itemKind(native) == .directory {
              try ctx.writeFileSystemError(FileSystemErrors.accessDenied(shown, id: "ClearContentUnauthorizedAccessError"))
              continue
            }
            do {
              try FileText.writeBytes([], to: native, append: false)
            } catch let error as FileIOError {
              try ctx.writeFileSystemError(error.record(shown, prefix: "ClearContent"))
            }
          }
        }
      })
    }
    defineAlias("clc", "Clear-Content")

    defineFileSystemCmdlet(
      "Out-File",
      """
      [CmdletBinding(DefaultParameterSetName='ByPath')]
      param([Parameter(Mandatory, Position=0, ParameterSetName='ByPath')][Alias('Path')][string]$FilePath,
        [Parameter(Mandatory, ParameterSetName='ByLiteralPath')][Alias('PSPath','LP')][string]$LiteralPath,
        [Parameter(Position=1)][string]$Encoding, [switch]$Append, [switch]$Force,
        [Alias('NoOverwrite')][switch]$NoClobber, [ValidateRange(2, 2147483647)][int]$Width, [switch]$NoNewline,
        [Parameter(ValueFromPipeline)][psobject]$InputObject)
      """
    ) {
      var values: [Value] = []
      var target: String?
      return CmdletBody(
        begin: { ctx in
          let encoding = try FileEncoding.parse(ctx.string("Encoding"))
          if encoding == .byte {
            throw RuntimeError(
              id: "NotSupported", message: "Out-File writes text; the encoding 'Byte' is not supported by eflowsh.",
              exceptionType: "System.NotSupportedException")
          }
          let literal = ctx.bound.isBound("LiteralPath")
          guard let path = ctx.string(literal ? "LiteralPath" : "FilePath"),
            let native = try ctx.writeTargets([path], literal: literal).first
          else { return }
          let shown = ctx.interpreter.displayPath(native)
          if ctx.flag("NoClobber"), !ctx.flag("Append"), Interpreter.itemKind(native) != nil {
            throw ctx.fileSystemTerminatingError(
              FileSystemErrors.io("The file '\(shown)' already exists.", id: "NoClobber", target: shown, category: .resourceExists))
          }
          target = native
        },
        process: { _, item in
          if let item { values.append(item) }
        },
        end: { ctx in
          guard let native = target else { return }
          let encoding = try FileEncoding.parse(ctx.string("Encoding"))
          let text: String
          if ctx.flag("NoNewline") {
            text = values.map { v -> String in
              if case .string(let s) = v { return s }
              var t = ctx.interpreter.formatter.format([v])
              while t.hasSuffix("\n") { t.removeLast() }
              return t
            }.joined()
          } else {
            text = ctx.interpreter.formatter.format(values)
          }
          try ctx.writeText(text, to: native, append: ctx.flag("Append"), encoding: encoding)
        })
    }
  }
}

extension CmdletContext {
  /// Emits a file's content: lines one by one (or `-ReadCount` at a time, `0` for all in one
  /// array), the first `-TotalCount` or the last `-Tail`, or the whole text with `-Raw`.
  func emitContent(_ bytes: [UInt8], encoding: FileEncoding?) throws {
    let total = value("TotalCount").flatMap { Int(Conversions.toString($0)) } ?? -1
    let tail = value("Tail").flatMap { Int(Conversions.toString($0)) } ?? -1
    let readCount = value("ReadCount").flatMap { Int(Conversions.toString($0)) } ?? 1
    var items: [Value]
    if encoding == .byte {
      if flag("Raw") { return try emit(.array(PSArray(bytes.map(Value.byte)))) }
      items = bytes.map(Value.byte)
    } else {
      let text = FileEncoding.decode(bytes, as: encoding)
      if flag("Raw") {
        if !text.isEmpty { try emit(.string(text)) }
        return
      }
      items = FileEncoding.lines(text).map(Value.string)
    }
    if total >= 0 { items = Array(items.prefix(total)) }
    if tail >= 0 { items = Array(items.suffix(tail)) }
    if readCount == 1 || items.isEmpty {
      for i in items { try emit(i) }
    } else {
      let size = readCount <= 0 ? items.count : readCount
      var start = 0
      while start < items.count {
        try emit(.array(PSArray(Array(items[start..<min(start + size, items.count)]))))
        start += size
      }
    }
  }

  /// The files `Set-Content`, `Add-Content` and `Out-File` write: a path without wildcards
  /// whether or not it exists, a wildcard path the existing items it matches.
  func writeTargets(_ paths: [String], literal: Bool) throws -> [String] {
    var out: [String] = []
    for path in paths {
      let found: [String]
      do {
        found = try interpreter.expandPath(path, literal: literal, force: flag("Force"))
      } catch {
        try writeFileSystemError(FileSystemErrors.record(error, target: path))
        continue
      }
      if !literal, WildcardPattern.containsWildcards(path) {
        if found.isEmpty {
          try writeFileSystemError(FileSystemErrors.pathNotFound(interpreter.displayPath((try? interpreter.providerPath(path)) ?? path)))
        }
        if name == "Out-File", found.count > 1 {
          throw fileSystemTerminatingError(
            FileSystemErrors.io(
              "Cannot perform operation because the wildcard path \(path) resolved to multiple files.",
              id: "ReadWriteMultipleFilesNotSupported", target: path, category: .invalidArgument,
              exception: "System.Management.Automation.PSNotSupportedException"))
        }
      }
      out += found
    }
    return out
  }

  /// `Set-Content` / `Add-Content`: each value's string on its own line (or all run together
  /// with `-NoNewline`); with `-Encoding Byte`, each value is a byte.
  func writeContent(_ values: [Value], to native: String, append: Bool, encoding: FileEncoding?, newline: Bool) throws {
    if encoding == .byte {
      var bytes: [UInt8] = []
      for v in values {
        guard case .byte(let b) = (try? Conversions.convert(v, to: .byte)) ?? .null else {
          throw RuntimeError.cannotConvert(v, to: "System.Byte", detail: "Value was either too large or too small for an unsigned byte.")
        }
        bytes.append(b)
      }
      return try writeBytes(bytes, to: native, append: append)
    }
    let strings = values.map(Conversions.toString)
    let text = newline ? strings.map { $0 + "\n" }.joined() : strings.joined()
    try writeText(text, to: native, append: append, encoding: encoding)
  }

  /// Writes text in an encoding (its byte-order mark only at the start of a file).
  func writeText(_ text: String, to native: String, append: Bool, encoding: FileEncoding?) throws {
    let e = encoding ?? .utf8(bom: false)
    let atStart = !append || (Interpreter.fileSize(native) ?? 0) == 0
    try writeBytes((atStart ? e.preamble : []) + e.encode(text), to: native, append: append)
  }

  func writeBytes(_ bytes: [UInt8], to native: String, append: Bool) throws {
    let shown = interpreter.displayPath(native)
    if Interpreter.itemKind(native) == .directory {
      return try writeFileSystemError(FileSystemErrors.accessDenied(shown, id: "GetContentWriterUnauthorizedAccessError"))
    }
    do {
      try FileText.writeBytes(bytes, to: native, append: append)
    } catch {
      try writeFileSystemError(error.record(shown, prefix: "GetContentWriter"))
    }
  }
}

extension Interpreter {
  static func fileSize(_ native: String) -> Int? {
    var st = stat()
    guard stat(native, &st) == 0 else { return nil }
    return Int(st.st_size)
  }
}
