#if canImport(Glibc)
  import Glibc
#endif

/// `Get-ChildItem` (`ls`, `dir`, `gci`), as Windows PowerShell 5.1 lists:
///
/// - A directory lists its children, directories first then files, each sorted by name without
///   regard to case; `-Recurse` lists a directory's children, then descends into each
///   subdirectory in that order (`-Depth n` stops n levels down and implies `-Recurse`).
///   Symbolic links to directories are listed but not descended into. (`-Depth` is a `[uint32]` in
///   PowerShell; eflowsh has no such type, so it is an `[int]` of 0 or more.)
/// - A wildcard path lists the items it matches (a matched directory is listed, not opened); with
///   `-Recurse`, the wildcard leaf becomes a name filter applied at every level below its parent.
/// - `-Filter` and `-Include` keep items whose names match, `-Exclude` drops them; as in 5.1,
///   `-Include` only takes effect with `-Recurse` or a wildcard path (`Get-ChildItem dir -Include
///   *.txt` lists nothing).
/// - Hidden items (names starting with `.`) appear only with `-Force` (or `-Hidden`, which lists
///   only them). `-File`, `-Directory`, `-ReadOnly` narrow the output; `-Name` writes relative
///   paths as strings instead of items.
/// - A path that does not exist writes `Cannot find path …`; a wildcard matching nothing lists
///   nothing.
extension Interpreter {
  func registerChildItemCmdlet() {
    defineFileSystemCmdlet(
      "Get-ChildItem",
      """
      [CmdletBinding(DefaultParameterSetName='Items')]
      param([Parameter(Position=0, ParameterSetName='Items', ValueFromPipeline, ValueFromPipelineByPropertyName)][string[]]$Path,
        [Parameter(Mandatory, ParameterSetName='LiteralItems', ValueFromPipelineByPropertyName)][Alias('PSPath')][string[]]$LiteralPath,
        [Parameter(Position=1)][string]$Filter, [string[]]$Include, [string[]]$Exclude,
        [Alias('s')][switch]$Recurse, [ValidateRange(0, 2147483647)][int]$Depth, [switch]$Force, [switch]$Name,
        [Alias('ad','d')][switch]$Directory, [Alias('af')][switch]$File, [Alias('ah','h')][switch]$Hidden,
        [Alias('ar')][switch]$ReadOnly)
      """
    ) {
      CmdletBody(process: { ctx, _ in
        let literal = ctx.bound.isBound("LiteralPath")
        var paths = ctx.strings(literal ? "LiteralPath" : "Path")
        if paths.isEmpty { paths = ["."] }
        let lister = try ChildItemLister(ctx)
        for path in paths { try lister.list(path, literal: literal) }
      })
    }
    defineAlias("ls", "Get-ChildItem")
    defineAlias("dir", "Get-ChildItem")
    defineAlias("gci", "Get-ChildItem")
  }
}

/// One `Get-ChildItem` run: its filters and how deep to go.
struct ChildItemLister {
  let ctx: CmdletContext
  let filter: WildcardPattern?
  let include: [WildcardPattern]
  let exclude: [WildcardPattern]
  let maxDepth: Int?
  let recurse: Bool
  let force: Bool

  init(_ ctx: CmdletContext) throws {
    self.ctx = ctx
    filter = ctx.string("Filter").flatMap { $0.isEmpty ? nil : WildcardPattern($0) }
    include = ctx.strings("Include").map { WildcardPattern($0) }
    exclude = ctx.strings("Exclude").map { WildcardPattern($0) }
    maxDepth = ctx.value("Depth").map { Int(Conversions.toString($0)) ?? 0 }
    recurse = ctx.flag("Recurse") || maxDepth != nil
    force = ctx.flag("Force") || ctx.flag("Hidden")
  }

  func list(_ path: String, literal: Bool) throws {
    let wildcardLeaf = !literal && WildcardPattern.containsWildcards(lastComponent(path))
    if wildcardLeaf && recurse {
      // `dir\*.txt -Recurse`: the parent, recursively, filtered by the leaf.
      let leafPattern = WildcardPattern(lastComponent(path))
      let parentText = String(path.dropLast(lastComponent(path).count))
      let parents = try ctx.resolvedExisting(parentText.isEmpty ? "." : parentText, literal: false, force: force) ?? []
      for dir in parents where Interpreter.itemKind(dir) == .directory {
        try walk(dir, relative: "", depth: 0, leaf: leafPattern, includeApplies: true)
      }
      return
    }
    guard let found = try ctx.resolvedExisting(path, literal: literal, force: force) else { return }
    if !literal && WildcardPattern.containsWildcards(path) {
      for native in found {
        let leaf = Interpreter.splitNative(native).leaf
        try emitIfWanted(native, name: leaf, relative: leaf, includeApplies: true, leaf: nil)
      }
      return
    }
    for native in found {
      if Interpreter.itemKind(native) == .directory {
        try walk(native, relative: "", depth: 0, leaf: nil, includeApplies: recurse)
      } else {
        let leaf = Interpreter.splitNative(native).leaf
        try emitIfWanted(native, name: leaf, relative: leaf, includeApplies: true, leaf: nil)
      }
    }
  }

  func lastComponent(_ path: String) -> String {
    let trimmed = path.replacingOccurrences(of: "\\", with: "/")
    return String(trimmed.split(separator: "/", omittingEmptySubsequences: true).last ?? Substring(trimmed))
  }

  /// Lists a directory's children (then, when recursing, each subdirectory's).
  func walk(_ dir: String, relative: String, depth: Int, leaf: WildcardPattern?, includeApplies: Bool) throws {
    var directories: [(String, String)] = []
    var files: [(String, String)] = []
    for name in Interpreter.sortedNames(in: dir) where force || !name.hasPrefix(".") {
      let full = (dir == "/" ? "" : dir) + "/" + name
      let rel = relative.isEmpty ? name : relative + "/" + name
      if Interpreter.itemKind(full) == .directory { directories.append((full, rel)) } else { files.append((full, rel)) }
    }
    for (full, rel) in directories + files {
      try emitIfWanted(full, name: Interpreter.splitNative(full).leaf, relative: rel, includeApplies: includeApplies, leaf: leaf)
    }
    guard recurse, maxDepth.map({ depth < $0 }) ?? true else { return }
    for (full, rel) in directories {
      var st = stat()
      if lstat(full, &st) == 0, (st.st_mode & S_IFMT) == S_IFLNK { continue }
      try walk(full, relative: rel, depth: depth + 1, leaf: leaf, includeApplies: includeApplies)
    }
  }

  func emitIfWanted(_ native: String, name: String, relative: String, includeApplies: Bool, leaf: WildcardPattern?)
    throws
  {
    if let leaf, !leaf.matches(name) { return }
    if let filter, !filter.matches(name) { return }
    if !include.isEmpty {
      guard includeApplies, include.contains(where: { $0.matches(name) }) else { return }
    }
    if exclude.contains(where: { $0.matches(name) }) { return }
    let isDirectory = Interpreter.itemKind(native) == .directory
    if ctx.flag("Directory") && !isDirectory { return }
    if ctx.flag("File") && isDirectory { return }
    if ctx.flag("Hidden") && !name.hasPrefix(".") { return }
    if ctx.flag("ReadOnly") {
      var st = stat()
      if stat(native, &st) != 0 || (st.st_mode & S_IWUSR) != 0 { return }
    }
    if ctx.flag("Name") {
      let windows = ctx.interpreter.isWindowsForm(native)
      return try ctx.emit(.string(windows ? relative.replacingOccurrences(of: "/", with: "\\") : relative))
    }
    if let item = ctx.interpreter.fileSystemItem(native) { try ctx.emit(item) }
  }
}
