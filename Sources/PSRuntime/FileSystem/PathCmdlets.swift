import Foundation

/// `Test-Path`, `Join-Path`, `Split-Path`, `Resolve-Path`, `Convert-Path`.
///
/// Separators in the text these cmdlets build (`Join-Path`, `Split-Path`, `Resolve-Path
/// -Relative`): a path in Windows form — drive-qualified (`C:\…`, `$env:TEMP`), or with
/// backslashes and no forward slash — is joined and split with `\`, as on Windows, so a script
/// prints the paths it would print there; any other path uses `/`, as PowerShell on Linux does
/// (`Join-Path $PSScriptRoot 'x'` gives `/…/x`). The separators of the whole result follow that
/// choice (`Join-Path C:\a b/c` is `C:\a\b\c`; `Join-Path /a 'b\c'` is `/a/b/c`).
extension Interpreter {
  func registerPathCmdlets() {
    defineFileSystemCmdlet(
      "Test-Path",
      """
      [CmdletBinding(DefaultParameterSetName='Path')]
      param([Parameter(Mandatory, Position=0, ParameterSetName='Path', ValueFromPipeline, ValueFromPipelineByPropertyName)][string[]]$Path,
        [Parameter(Mandatory, ParameterSetName='LiteralPath', ValueFromPipelineByPropertyName)][Alias('PSPath')][string[]]$LiteralPath,
        [Alias('Type')][ValidateSet('Any','Container','Leaf')][string]$PathType = 'Any',
        [switch]$IsValid)
      """
    ) {
      CmdletBody(process: { ctx, _ in
        let literal = ctx.bound.isBound("LiteralPath")
        let kind = (ctx.string("PathType") ?? "Any").lowercased()
        for path in ctx.strings(literal ? "LiteralPath" : "Path") {
          if ctx.flag("IsValid") {
            try ctx.emit(.bool(Interpreter.isValidPath(path)))
            continue
          }
          if let answer = ctx.interpreter.testOtherProviderPath(path) {
            try ctx.emit(.bool(answer))
            continue
          }
          let found: [String]
          do {
            found = try ctx.interpreter.expandPath(path, literal: literal, force: true)
          } catch let error as RuntimeError where error.id == "DriveNotFound" {
            try ctx.emit(.bool(false))
            continue
          }
          let ok = found.contains { native in
            switch (Interpreter.itemKind(native), kind) {
            case (nil, _): return false
            case (.file?, "container"), (.directory?, "leaf"): return false
            default: return true
            }
          }
          try ctx.emit(.bool(ok))
        }
      })
    }

    defineFileSystemCmdlet(
      "Join-Path",
      """
      param([Parameter(Mandatory, Position=0, ValueFromPipeline, ValueFromPipelineByPropertyName)][Alias('PSPath')][string[]]$Path,
        [Parameter(Mandatory, Position=1, ValueFromPipelineByPropertyName)][AllowNull()][AllowEmptyString()][string]$ChildPath,
        [Parameter(Position=2, ValueFromRemainingArguments)][AllowNull()][AllowEmptyString()][AllowEmptyCollection()][string[]]$AdditionalChildPath,
        [switch]$Resolve)
      """
    ) {
      CmdletBody(process: { ctx, _ in
        let children = [ctx.string("ChildPath") ?? ""] + ctx.strings("AdditionalChildPath")
        for path in ctx.strings("Path") {
          let joined = Interpreter.joinPath(path, children)
          guard ctx.flag("Resolve") else {
            try ctx.emit(.string(joined))
            continue
          }
          for native in try ctx.resolvedExisting(joined, literal: false, reportNoMatch: true) ?? [] {
            try ctx.emit(.string(ctx.interpreter.displayPath(native)))
          }
        }
      })
    }

    defineFileSystemCmdlet(
      "Split-Path",
      """
      [CmdletBinding(DefaultParameterSetName='ParentSet')]
      param([Parameter(Mandatory, Position=0, ValueFromPipeline, ValueFromPipelineByPropertyName)][Alias('PSPath')][string[]]$Path,
        [Parameter(ParameterSetName='ParentSet')][switch]$Parent,
        [Parameter(ParameterSetName='LeafSet')][switch]$Leaf,
        [Parameter(ParameterSetName='LeafBaseSet')][switch]$LeafBase,
        [Parameter(ParameterSetName='ExtensionSet')][switch]$Extension,
        [Parameter(ParameterSetName='QualifierSet')][switch]$Qualifier,
        [Parameter(ParameterSetName='NoQualifierSet')][switch]$NoQualifier,
        [Parameter(ParameterSetName='IsAbsoluteSet')][switch]$IsAbsolute,
        [switch]$Resolve)
      """
    ) {
      CmdletBody(process: { ctx, _ in
        var paths = ctx.strings("Path")
        if ctx.flag("Resolve") {
          var resolved: [String] = []
          for p in paths {
            resolved += (try ctx.resolvedExisting(p, literal: false, reportNoMatch: true) ?? []).map(ctx.interpreter.displayPath)
          }
          paths = resolved
        }
        for p in paths {
          let windows = Interpreter.usesWindowsSeparators(p)
          let (qualifier, rest) = Interpreter.splitQualifier(p)
          switch ctx.bound.parameterSetName {
          case "IsAbsoluteSet":
            let rooted = rest.first == "/" || rest.first == "\\"
            try ctx.emit(.bool(rooted))
          case "QualifierSet":
            guard let q = qualifier else {
              try ctx.writeFileSystemError(
                ErrorRecord(
                  exceptionType: "System.Management.Automation.PSArgumentException",
                  message: "Cannot parse path because path '\(p)' does not have a qualifier specified.",
                  errorId: "ParsePathFormatError", category: .invalidArgument, targetObject: .string(p)))
              continue
            }
            try ctx.emit(.string(q + ":"))
          case "NoQualifierSet":
            try ctx.emit(.string(rest))
          default:
            let parts = Interpreter.splitPath(p)
            switch ctx.bound.parameterSetName {
            case "LeafSet": try ctx.emit(.string(parts.leaf))
            case "LeafBaseSet":
              let ext = Interpreter.extensionOf(parts.leaf)
              try ctx.emit(.string(String(parts.leaf.dropLast(ext.count))))
            case "ExtensionSet": try ctx.emit(.string(Interpreter.extensionOf(parts.leaf)))
            default: try ctx.emit(.string(Interpreter.withSeparators(parts.parent, windows: windows)))
            }
          }
        }
      })
    }

    let resolveParams = """
      [CmdletBinding(DefaultParameterSetName='Path')]
      param([Parameter(Mandatory, Position=0, ParameterSetName='Path', ValueFromPipeline, ValueFromPipelineByPropertyName)][string[]]$Path,
        [Parameter(Mandatory, ParameterSetName='LiteralPath', ValueFromPipelineByPropertyName)][Alias('PSPath')][string[]]$LiteralPath
      """
    defineFileSystemCmdlet("Resolve-Path", resolveParams + ", [switch]$Relative)") {
      CmdletBody(process: { ctx, _ in
        let literal = ctx.bound.isBound("LiteralPath")
        for path in ctx.strings(literal ? "LiteralPath" : "Path") {
          for native in try ctx.resolvedExisting(path, literal: literal, reportNoMatch: true) ?? [] {
            if ctx.flag("Relative") {
              try ctx.emit(.string(ctx.interpreter.relativePath(native)))
            } else {
              try ctx.emit(ctx.interpreter.pathInfo(native))
            }
          }
        }
      })
    }
    defineAlias("rvpa", "Resolve-Path")
    defineFileSystemCmdlet("Convert-Path", resolveParams + ")") {
      CmdletBody(process: { ctx, _ in
        let literal = ctx.bound.isBound("LiteralPath")
        for path in ctx.strings(literal ? "LiteralPath" : "Path") {
          for native in try ctx.resolvedExisting(path, literal: literal, reportNoMatch: true) ?? [] {
            try ctx.emit(.string(ctx.interpreter.displayPath(native)))
          }
        }
      })
    }
    defineAlias("cvpa", "Convert-Path")
  }

  // MARK: - Helpers

  /// A `PathInfo` (what `Resolve-Path` and `Get-Location` return): its string is the path.
  func pathInfo(_ native: String) -> Value {
    let shown = displayPath(native)
    let o = PSObject([
      ("Drive", .string(isWindowsForm(native) ? String(shown.prefix(1)) : "/")),
      ("Provider", .string(Interpreter.providerName)),
      ("ProviderPath", .string(shown)),
      ("Path", .string(shown)),
    ])
    o.typeName = "System.Management.Automation.PathInfo"
    o.stringValue = shown
    return .object(o)
  }

  /// `Resolve-Path -Relative`: the path from the current location (`./x`, `../y`; `.\x` in
  /// Windows form).
  func relativePath(_ native: String) -> String {
    let from = currentLocation.split(separator: "/")
    let to = native.split(separator: "/")
    var common = 0
    while common < from.count, common < to.count, from[common] == to[common] { common += 1 }
    let windows = isWindowsForm(native)
    let sep = windows ? "\\" : "/"
    // A path on another drive (or outside the drive) has no relative form: shown whole.
    if windows, driveFloor(of: native) != driveFloor(of: currentLocation) { return displayPath(native) }
    let ups = from.count - common
    var parts: [String] = ups == 0 ? ["."] : Array(repeating: "..", count: ups)
    parts += to[common...].map(String.init)
    return parts.joined(separator: sep)
  }

  /// `Test-Path` on `env:`, `variable:`, `function:` and `alias:` paths; nil for other paths.
  func testOtherProviderPath(_ path: String) -> Bool? {
    guard let (drive, rest) = Interpreter.driveQualifier(path), drive.count > 1 else { return nil }
    let name = rest.hasPrefix("\\") || rest.hasPrefix("/") ? String(rest.dropFirst()) : rest
    switch drive.lowercased() {
    case "env": return name.isEmpty || environmentVariable(name) != nil
    case "variable":
      if name.isEmpty { return true }
      if let (q, n) = Interpreter.driveQualifier(name) {
        switch q.lowercased() {
        case "global": return globalScope.local(n) != nil
        case "script": return scriptScope.lookup(n) != nil
        case "local", "private": return scope.local(n) != nil
        default: return false
        }
      }
      return scope.lookup(name) != nil
    case "function": return name.isEmpty || scope.function(name) != nil
    case "alias": return name.isEmpty || aliases[name.lowercased()] != nil
    default: return nil
    }
  }

  /// `Test-Path -IsValid`: no character Windows forbids in a path (`"<>|`, control characters)
  /// and no colon other than a drive's.
  static func isValidPath(_ path: String) -> Bool {
    var p = strippingProviderQualifier(path)
    if let (drive, rest) = driveQualifier(p), drive.count == 1 { p = rest }
    return !p.unicodeScalars.contains { $0.value < 0x20 || "\"<>|:".unicodeScalars.contains($0) }
  }

  /// True when a path is written Windows-style: drive-qualified, or with `\` and no `/`.
  static func usesWindowsSeparators(_ path: String) -> Bool {
    if let (drive, _) = driveQualifier(path), drive.count == 1 { return true }
    return path.contains("\\") && !path.contains("/")
  }

  /// All separators of `path` as `\` (Windows form) or `/`.
  static func withSeparators(_ path: String, windows: Bool) -> String {
    windows ? path.replacingOccurrences(of: "/", with: "\\") : path.replacingOccurrences(of: "\\", with: "/")
  }

  /// `Join-Path`: one separator between the parts, in the parent's style.
  static func joinPath(_ path: String, _ children: [String]) -> String {
    let windows = usesWindowsSeparators(path)
    let sep: Character = windows ? "\\" : "/"
    var result = withSeparators(path, windows: windows)
    for child in children where !child.isEmpty {
      let c = withSeparators(child, windows: windows)
      if result.isEmpty {
        result = c
      } else if result.last == sep {
        result += c.first == sep ? String(c.dropFirst()) : c
      } else {
        result += c.first == sep ? c : String(sep) + c
      }
    }
    return result
  }

  /// `C:\x` → ("C", "\x"); `/x` → (nil, "/x").
  static func splitQualifier(_ path: String) -> (String?, String) {
    guard let (q, rest) = driveQualifier(path) else { return (nil, path) }
    return (q, rest)
  }

  /// A path's parent and leaf as `Split-Path` sees them: trailing separators ignored; the
  /// parent of `C:\x` is `C:\`, of `/x` is `/`; a root has no parent and no leaf.
  static func splitPath(_ path: String) -> (parent: String, leaf: String) {
    let (qualifier, restText) = splitQualifier(path)
    let prefix = qualifier.map { $0 + ":" } ?? ""
    var rest = Substring(restText)
    let isSep: (Character) -> Bool = { $0 == "/" || $0 == "\\" }
    let rooted = rest.first.map(isSep) ?? false
    while rest.count > 1, let l = rest.last, isSep(l) { rest.removeLast() }
    if rooted && rest.count <= 1 { return ("", "") }
    guard let i = rest.lastIndex(where: isSep) else { return (qualifier == nil ? "" : prefix, String(rest)) }
    let leaf = String(rest[rest.index(after: i)...])
    var parent = rest[..<i]
    while let l = parent.last, isSep(l), parent.count > 1 { parent.removeLast() }
    if parent.isEmpty { parent = rest[...i] }
    return (prefix + parent, leaf)
  }
}

extension CmdletContext {
  /// A `[string[]]` parameter's strings (none when not bound).
  func strings(_ name: String) -> [String] {
    guard let v = value(name), !v.isNull else { return [] }
    return (v.enumerated ?? [v]).map(Conversions.toString)
  }

  /// The existing items a path stands for. A literal or wildcard-free path that does not exist
  /// writes `Cannot find path …` (PathNotFound); so does a wildcard path that matches nothing
  /// when `reportNoMatch` (the resolving cmdlets: `Resolve-Path`, `Convert-Path`,
  /// `Set-Location`), as PowerShell's globber does for them; elsewhere no match is no items.
  /// A refused path writes its error. nil after an error.
  func resolvedExisting(_ path: String, literal: Bool, force: Bool = false, reportNoMatch: Bool = false) throws
    -> [String]?
  {
    let found: [String]
    do {
      found = try interpreter.expandPath(path, literal: literal, force: force)
    } catch {
      try writeFileSystemError(FileSystemErrors.record(error, target: path))
      return nil
    }
    let existing = found.filter { Interpreter.itemKind($0) != nil }
    if existing.isEmpty {
      if !literal, !reportNoMatch, WildcardPattern.containsWildcards(path) { return [] }
      let shown = found.first.map(interpreter.displayPath) ?? ((try? interpreter.providerPath(path)).map(interpreter.displayPath) ?? path)
      try writeFileSystemError(FileSystemErrors.pathNotFound(shown))
      return nil
    }
    return existing
  }
}
