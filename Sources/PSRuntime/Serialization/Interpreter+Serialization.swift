import Foundation

/// `ConvertTo-Json`, `ConvertFrom-Json`, `ConvertTo-Csv`, `ConvertFrom-Csv`, `Export-Csv`,
/// `Import-Csv`, as Windows PowerShell 5.1 has them.
extension Interpreter {
  func registerJsonCmdlets() {
    defineCollecting(
      "ConvertTo-Json",
      "param([Parameter(Mandatory, Position=0, ValueFromPipeline)][AllowNull()][object]$InputObject, [ValidateRange(1, 2147483647)][int]$Depth = 2, [switch]$Compress)"
    ) { ctx, input in
      let depth = Int(ctx.value("Depth").flatMap(Conversions.asInt64) ?? 2)
      if depth > 100 {
        throw ctx.terminatingError(
          ctx.interpreter.commandError(
            ctx, exceptionType: "System.InvalidOperationException",
            message: "The maximum depth allowed for serialization is 100.", id: "ReachedMaximumDepthAllowed",
            category: .invalidOperation))
      }
      let items = (input ?? ctx.value("InputObject").map { [$0] } ?? []).filter { !$0.isNull }
      if items.isEmpty { return [] }
      let root: Value = items.count == 1 ? items[0] : .array(PSArray(items))
      let node: JsonWriter.Node
      do {
        node = try JsonWriter(depth: depth).node(root, 0)
      } catch let e as JsonWriter.NonStringKey {
        throw ctx.terminatingError(
          ctx.interpreter.commandError(
            ctx, exceptionType: "System.InvalidOperationException",
            message:
              "The type '\(e.typeName)' is not supported for serialization or deserialization of a dictionary. Keys must be strings.",
            id: "NonStringKeyInDictionary", category: .invalidOperation, target: root))
      }
      return [.string(ctx.flag("Compress") ? JsonWriter.compact(node) : JsonWriter.pretty(node))]
    }
    defineCollecting(
      "ConvertFrom-Json",
      "param([Parameter(Mandatory, Position=0, ValueFromPipeline)][AllowEmptyString()][string]$InputObject)"
    ) { ctx, input in
      let texts = (input ?? ctx.value("InputObject").map { [$0] } ?? []).map(Conversions.toString)
      func convert(_ s: String) throws -> [Value] {
        switch JsonReader.result(s) {
        case .success(let v): return v.map { [$0] } ?? []
        case .failure(let f):
          throw ctx.terminatingError(
            ctx.interpreter.commandError(
              ctx, exceptionType: "System.ArgumentException", message: f.message, id: "System.ArgumentException",
              category: .notSpecified))
        }
      }
      // Each input a whole document, or (when the first is not) all of them one document, as
      // `Get-Content file.json | ConvertFrom-Json` needs.
      if texts.count <= 1 { return try texts.flatMap(convert) }
      if case .success = JsonReader.result(texts[0]) {
        return try texts.flatMap(convert)
      }
      return try convert(texts.joined(separator: "\n"))
    }
  }

  func registerCsvCmdlets() {
    defineCmdlet(
      "ConvertTo-Csv",
      "param([Parameter(Mandatory, Position=0, ValueFromPipeline)][psobject]$InputObject, [Parameter(Position=1)][char]$Delimiter = ',', [switch]$UseCulture, [switch]$NoTypeInformation)"
    ) {
      var names: [String]?
      return CmdletBody(
        begin: { ctx in
          if ctx.flag("UseCulture") { throw ctx.interpreter.notSupported(ctx, "ConvertTo-Csv -UseCulture") }
        },
        process: { ctx, _ in
          guard let v = ctx.value("InputObject"), !v.isNull else { return }
          let d = Interpreter.delimiter(ctx)
          if names == nil {
            names = Csv.properties(of: v).map(\.name)
            if !ctx.flag("NoTypeInformation") { try ctx.emit(.string(Csv.typeLine(v))) }
            try ctx.emit(.string(Csv.header(names!, d)))
          }
          try ctx.emit(.string(Csv.row(v, names!, d)))
        })
    }
    defineCollecting(
      "ConvertFrom-Csv",
      "param([Parameter(Mandatory, Position=0, ValueFromPipeline)][psobject[]]$InputObject, [Parameter(Position=1)][char]$Delimiter = ',', [switch]$UseCulture, [string[]]$Header)"
    ) { ctx, input in
      if ctx.flag("UseCulture") { throw ctx.interpreter.notSupported(ctx, "ConvertFrom-Csv -UseCulture") }
      let lines = (input ?? ctx.value("InputObject").map { [$0] } ?? []).flatMap { $0.enumerated ?? [$0] }
        .map(Conversions.toString)
      return try Interpreter.csvObjects(ctx, lines.joined(separator: "\n"))
    }
    defineCmdlet(
      "Export-Csv",
      "param([Parameter(Mandatory, ValueFromPipeline)][psobject]$InputObject, [Parameter(Position=0)][string]$Path, [Alias('PSPath')][string]$LiteralPath, [switch]$Force, [switch]$NoClobber, [ValidateSet('Unicode','UTF7','UTF8','ASCII','UTF32','BigEndianUnicode','Default','OEM')][string]$Encoding, [switch]$Append, [Parameter(Position=1)][char]$Delimiter = ',', [switch]$UseCulture, [switch]$NoTypeInformation)"
    ) {
      var names: [String]?
      var text = ""
      var path = ""
      var appending = false
      return CmdletBody(
        begin: { ctx in
          let interp = ctx.interpreter
          if ctx.flag("UseCulture") { throw interp.notSupported(ctx, "Export-Csv -UseCulture") }
          if let e = ctx.string("Encoding"), !["ascii", "utf8"].contains(e.lowercased()) {
            throw interp.notSupported(ctx, "Export-Csv -Encoding \(e)")
          }
          guard let p = ctx.string("LiteralPath") ?? ctx.string("Path") else {
            throw ctx.terminatingError(
              interp.commandError(
                ctx, exceptionType: "System.Management.Automation.PSArgumentException",
                message: "Specify the Path or LiteralPath parameter.", id: "CannotSpecifyPathAndLiteralPath",
                category: .invalidData))
          }
          path = interp.resolveFileSystemPath(p)
          let exists = FileManager.default.fileExists(atPath: path)
          if exists, ctx.flag("NoClobber"), !ctx.flag("Append") {
            throw ctx.terminatingError(
              interp.commandError(
                ctx, exceptionType: "System.IO.IOException", message: "The file '\(path)' already exists.",
                id: "NoClobber", category: .resourceExists, target: .string(path)))
          }
          if ctx.flag("Append"), exists, let old = try? String(contentsOfFile: path, encoding: .utf8) {
            let records = Csv.records(old, Interpreter.delimiter(ctx))
            if let first = records.first(where: { !($0.first ?? "").hasPrefix("#TYPE") }) {
              names = first
              appending = true
            }
          }
        },
        process: { ctx, _ in
          guard let v = ctx.value("InputObject"), !v.isNull else { return }
          let d = Interpreter.delimiter(ctx)
          if names == nil {
            names = Csv.properties(of: v).map(\.name)
            if !ctx.flag("NoTypeInformation") { text += Csv.typeLine(v) + "\n" }
            text += Csv.header(names!, d) + "\n"
          } else if appending, !ctx.flag("Force") {
            let have = Csv.properties(of: v).map(\.name)
            if let missing = names!.first(where: { n in !have.contains { $0.caseInsensitiveEquals(n) } }) {
              throw ctx.terminatingError(
                ctx.interpreter.commandError(
                  ctx, exceptionType: "System.InvalidOperationException",
                  message:
                    "Cannot append CSV content to the following file: \(path). The appended object does not have a property that corresponds to the following column: \(missing). To continue with mismatched properties, add the -Force parameter, and then retry the command.",
                  id: "CannotAppendCsvWithMismatchedPropertyNames", category: .invalidData, target: v))
            }
          }
          text += Csv.row(v, names!, d) + "\n"
        },
        end: { ctx in
          var out = text
          if (ctx.string("Encoding") ?? "ascii").lowercased() == "ascii" {
            out = String(String.UnicodeScalarView(out.unicodeScalars.map { $0.isASCII ? $0 : "?" }))
          }
          do {
            try FileText.write(out, to: path, append: ctx.flag("Append"))
          } catch {
            throw ctx.terminatingError(
              ctx.interpreter.commandError(
                ctx, exceptionType: "System.IO.IOException", message: "Could not write to the file '\(path)'.",
                id: "FileOpenFailure", category: .openError, target: .string(path)))
          }
        })
    }
    defineCmdlet(
      "Import-Csv",
      "param([Parameter(Position=0, ValueFromPipeline)][string[]]$Path, [Alias('PSPath')][string[]]$LiteralPath, [Parameter(Position=1)][char]$Delimiter = ',', [switch]$UseCulture, [string[]]$Header, [ValidateSet('Unicode','UTF7','UTF8','ASCII','UTF32','BigEndianUnicode','Default','OEM')][string]$Encoding)"
    ) {
      CmdletBody(process: { ctx, _ in
        let interp = ctx.interpreter
        if ctx.flag("UseCulture") { throw interp.notSupported(ctx, "Import-Csv -UseCulture") }
        if let e = ctx.string("Encoding"), !["ascii", "utf8", "default", "oem"].contains(e.lowercased()) {
          throw interp.notSupported(ctx, "Import-Csv -Encoding \(e)")
        }
        let paths = (ctx.value("LiteralPath") ?? ctx.value("Path")).map { ($0.enumerated ?? [$0]).map(Conversions.toString) } ?? []
        for p in paths {
          let full = interp.resolveFileSystemPath(p)
          guard let text = try? String(contentsOfFile: full, encoding: .utf8) else {
            try ctx.writeError(
              interp.commandError(
                ctx, exceptionType: "System.IO.FileNotFoundException", message: "Could not find file '\(full)'.",
                id: "FileOpenFailure", category: .openError, target: .string(full)))
            continue
          }
          for o in try Interpreter.csvObjects(ctx, text) { try ctx.emit(o) }
        }
      })
    }
  }

  static func delimiter(_ ctx: CmdletContext) -> Character {
    if case .char(let c)? = ctx.value("Delimiter"), let s = Unicode.Scalar(c) { return Character(s) }
    return ctx.string("Delimiter")?.first ?? ","
  }

  /// Objects from CSV text: the `#TYPE` line skipped, the header (or `-Header`) naming the
  /// properties, every value a string; a short row leaves its last properties `$null`.
  static func csvObjects(_ ctx: CmdletContext, _ text: String) throws -> [Value] {
    var records = Csv.records(text, delimiter(ctx))
    if let first = records.first, first.count >= 1, first[0].hasPrefix("#TYPE") { records.removeFirst() }
    var names: [String]
    if let h = ctx.value("Header") {
      names = (h.enumerated ?? [h]).map(Conversions.toString)
    } else {
      guard !records.isEmpty else { return [] }
      names = records.removeFirst()
    }
    var seen: [String] = []
    for n in names {
      if seen.contains(where: { $0.caseInsensitiveEquals(n) }) {
        throw ctx.terminatingError(
          ctx.interpreter.commandError(
            ctx, exceptionType: "System.Management.Automation.ExtendedTypeSystemException",
            message: "The member \"\(n)\" is already present.", id: "AlreadyPresentPSMemberInfoInternalCollectionAdd",
            category: .notSpecified))
      }
      seen.append(n)
    }
    return records.map { fields in
      let o = PSObject()
      for (k, n) in names.enumerated() { o[n] = k < fields.count ? .string(fields[k]) : .null }
      return .object(o)
    }
  }
}
