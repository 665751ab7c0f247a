import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// `New-Item`, `Remove-Item`, `Copy-Item`, `Move-Item`, `Rename-Item`, `Get-Item`. Item
/// objects: see `Interpreter+FileItems.swift`; `Get-ChildItem` is in `ChildItemCmdlet.swift`.
///
/// Where eflowsh departs from 5.1, and why:
/// - `Remove-Item` on a directory that has children, without `-Recurse`: 5.1 asks for
///   confirmation; eflowsh never prompts, so it writes an error (`DirectoryNotEmpty`) and
///   removes nothing.
/// - Windows' read-only and hidden attributes have no Linux equivalent to enforce, so `-Force`
///   on these cmdlets does what it can do here: include hidden (`.`-named) items in wildcard
///   matches, let `New-Item` overwrite a file or create missing parents, and let `Move-Item`
///   replace an existing file.
extension Interpreter {
  func registerItemCmdlets() {
    defineFileSystemCmdlet(
      "New-Item",
      """
      param([Parameter(Position=0, ValueFromPipelineByPropertyName)][string[]]$Path,
        [Parameter(ValueFromPipelineByPropertyName)][AllowNull()][AllowEmptyString()][string]$Name,
        [Parameter(ValueFromPipelineByPropertyName)][Alias('Type')][string]$ItemType,
        [Parameter(ValueFromPipeline, ValueFromPipelineByPropertyName)][Alias('Target')][object]$Value,
        [switch]$Force)
      """
    ) {
      CmdletBody(process: { ctx, _ in
        var paths = ctx.strings("Path")
        let name = ctx.string("Name") ?? ""
        if paths.isEmpty {
          guard ctx.bound.isBound("Name") else {
            throw RuntimeError(
              id: "MissingMandatoryParameter",
              message: "Cannot process command because of one or more missing mandatory parameters: Path.",
              exceptionType: "System.Management.Automation.ParameterBindingException")
          }
          paths = [ctx.interpreter.displayPath(ctx.interpreter.currentLocation)]
        }
        for path in paths {
          try ctx.newItem(name.isEmpty ? path : Interpreter.joinPath(path, [name]))
        }
      })
    }
    defineAlias("ni", "New-Item")

    defineFileSystemCmdlet(
      "Remove-Item",
      """
      [CmdletBinding(DefaultParameterSetName='Path')]
      param([Parameter(Mandatory, Position=0, ParameterSetName='Path', ValueFromPipeline, ValueFromPipelineByPropertyName)][string[]]$Path,
        [Parameter(Mandatory, ParameterSetName='LiteralPath', ValueFromPipelineByPropertyName)][Alias('PSPath')][string[]]$LiteralPath,
        [switch]$Recurse, [switch]$Force)
      """
    ) {
      CmdletBody(process: { ctx, _ in
        let literal = ctx.bound.isBound("LiteralPath")
        for path in ctx.strings(literal ? "LiteralPath" : "Path") {
          for native in try ctx.resolvedExisting(path, literal: literal, force: ctx.flag("Force")) ?? [] {
            try ctx.removeItem(native)
          }
        }
      })
    }
    for a in ["rm", "del", "rmdir", "ri", "erase", "rd"] { defineAlias(a, "Remove-Item") }

    let copyMoveParams = """
      [CmdletBinding(DefaultParameterSetName='Path')]
      param([Parameter(Mandatory, Position=0, ParameterSetName='Path', ValueFromPipeline, ValueFromPipelineByPropertyName)][string[]]$Path,
        [Parameter(Mandatory, ParameterSetName='LiteralPath', ValueFromPipelineByPropertyName)][Alias('PSPath')][string[]]$LiteralPath,
        [Parameter(Position=1, ValueFromPipelineByPropertyName)][string]$Destination,
        [switch]$Force, [switch]$PassThru
      """
    defineFileSystemCmdlet("Copy-Item", copyMoveParams + ", [switch]$Recurse)") {
      CmdletBody(process: { ctx, _ in
        try ctx.forEachSource { native, destination in try ctx.copyItem(native, to: destination) }
      })
    }
    defineAlias("cp", "Copy-Item")
    defineAlias("copy", "Copy-Item")
    defineAlias("cpi", "Copy-Item")

    defineFileSystemCmdlet("Move-Item", copyMoveParams + ")") {
      CmdletBody(process: { ctx, _ in
        try ctx.forEachSource { native, destination in try ctx.moveItem(native, to: destination) }
      })
    }
    defineAlias("mv", "Move-Item")
    defineAlias("move", "Move-Item")
    defineAlias("mi", "Move-Item")

    defineFileSystemCmdlet(
      "Rename-Item",
      """
      [CmdletBinding(DefaultParameterSetName='ByPath')]
      param([Parameter(Mandatory, Position=0, ParameterSetName='ByPath', ValueFromPipeline, ValueFromPipelineByPropertyName)][string]$Path,
        [Parameter(Mandatory, ParameterSetName='ByLiteralPath', ValueFromPipelineByPropertyName)][Alias('PSPath')][string]$LiteralPath,
        [Parameter(Mandatory, Position=1, ValueFromPipelineByPropertyName)][string]$NewName,
        [switch]$Force, [switch]$PassThru)
      """
    ) {
      CmdletBody(process: { ctx, _ in try ctx.renameItem() })
    }
    defineAlias("ren", "Rename-Item")
    defineAlias("rni", "Rename-Item")

    defineFileSystemCmdlet(
      "Get-Item",
      """
      [CmdletBinding(DefaultParameterSetName='Path')]
      param([Parameter(Mandatory, Position=0, ParameterSetName='Path', ValueFromPipeline, ValueFromPipelineByPropertyName)][string[]]$Path,
        [Parameter(Mandatory, ParameterSetName='LiteralPath', ValueFromPipelineByPropertyName)][Alias('PSPath')][string[]]$LiteralPath,
        [switch]$Force)
      """
    ) {
      CmdletBody(process: { ctx, _ in
        let literal = ctx.bound.isBound("LiteralPath")
        for path in ctx.strings(literal ? "LiteralPath" : "Path") {
          for native in try ctx.resolvedExisting(path, literal: literal, force: ctx.flag("Force")) ?? [] {
            if let item = ctx.interpreter.fileSystemItem(native) { try ctx.emit(item) }
          }
        }
      })
    }
    defineAlias("gi", "Get-Item")
  }
}

extension CmdletContext {
  // MARK: - New-Item

  func newItem(_ path: String) throws {
    let native: String
    do {
      native = try interpreter.providerPath(path)
    } catch {
      return try writeFileSystemError(FileSystemErrors.record(error, target: path))
    }
    let shown = interpreter.displayPath(native)
    let force = flag("Force")
    let type = (string("ItemType") ?? "File").lowercased()
    let fm = FileManager.default
    let existing = Interpreter.itemKind(native)
    let (parent, _) = Interpreter.splitNative(native)
    switch type {
    case "file":
      if existing == .directory {
        return try writeFileSystemError(FileSystemErrors.accessDenied(shown, id: "NewItemUnauthorizedAccessError"))
      }
      if existing != nil, !force {
        return try writeFileSystemError(FileSystemErrors.io("The file '\(shown)' already exists.", id: "NewItemIOError", target: shown))
      }
      if force, Interpreter.itemKind(parent) == nil { try? fm.createDirectory(atPath: parent, withIntermediateDirectories: true) }
      let text = value("Value").map(Conversions.toString) ?? ""
      do {
        try FileText.writeBytes(Array(text.utf8), to: native, append: false)
      } catch {
        var r = error.record(shown, prefix: "NewItem")
        r.errorId = "NewItemIOError"
        r.category = .writeError
        return try writeFileSystemError(r)
      }
    case "directory":
      if existing == .file || (existing == .directory && !force) {
        return try writeFileSystemError(
          FileSystemErrors.io(
            "An item with the specified name \(shown) already exists.", id: "DirectoryExist", target: shown,
            category: .resourceExists))
      }
      if existing == nil {
        do {
          try fm.createDirectory(atPath: native, withIntermediateDirectories: true)
        } catch {
          return try writeFileSystemError(
            FileSystemErrors.io(FileSystemErrors.describe(error), id: "CreateDirectoryIOError", target: shown))
        }
      }
    case "symboliclink", "hardlink":
      guard let target = value("Value").map(Conversions.toString), !target.isEmpty else {
        throw RuntimeError(
          id: "ArgumentNull", message: "Value cannot be null.\nParameter name: content",
          exceptionType: "System.ArgumentNullException")
      }
      let targetNative = try interpreter.providerPath(target)
      guard Interpreter.itemKind(targetNative) != nil else {
        return try writeFileSystemError(FileSystemErrors.pathNotFound(interpreter.displayPath(targetNative)))
      }
      if existing != nil {
        guard force else {
          return try writeFileSystemError(
            FileSystemErrors.io(
              "An item with the specified name \(shown) already exists.", id: "SymLinkExists", target: shown,
              category: .resourceExists))
        }
        try? fm.removeItem(atPath: native)
      }
      let rc = type == "hardlink" ? link(targetNative, native) : symlink(targetNative, native)
      if rc != 0 { return try writeFileSystemError(FileIOError(code: errno).record(shown, prefix: "NewItem")) }
    case "junction":
      throw RuntimeError(
        id: "NotSupported", message: "Junctions are not supported by eflowsh; use -ItemType SymbolicLink.",
        exceptionType: "System.NotSupportedException")
    default:
      throw RuntimeError(
        id: "Argument",
        message:
          "The type is not a known type for the file system. Only \"file\",\"directory\",\"symboliclink\",\"junction\",\"hardlink\" can be specified.",
        exceptionType: "System.Management.Automation.PSArgumentException")
    }
    if let item = interpreter.fileSystemItem(native) { try emit(item) }
  }

  // MARK: - Remove-Item

  func removeItem(_ native: String) throws {
    let shown = interpreter.displayPath(native)
    var st = stat()
    let isRealDirectory = lstat(native, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    if isRealDirectory, !flag("Recurse"),
      !((try? FileManager.default.contentsOfDirectory(atPath: native)) ?? []).isEmpty
    {
      return try writeFileSystemError(
        FileSystemErrors.io(
          "The item at \(shown) has children and the Recurse parameter was not specified.", id: "DirectoryNotEmpty",
          target: shown))
    }
    do {
      try FileManager.default.removeItem(atPath: native)
    } catch {
      try writeFileSystemError(FileSystemErrors.io(FileSystemErrors.describe(error), id: "RemoveFileSystemItemIOError", target: shown))
    }
  }

  // MARK: - Copy-Item, Move-Item

  /// Runs `body` for each existing source item and the destination directory or path.
  func forEachSource(_ body: (String, String) throws -> Void) throws {
    let literal = bound.isBound("LiteralPath")
    let destinationText = string("Destination") ?? "."
    let destination: String
    do {
      destination = try interpreter.providerPath(destinationText)
    } catch {
      return try writeFileSystemError(FileSystemErrors.record(error, target: destinationText))
    }
    for path in strings(literal ? "LiteralPath" : "Path") {
      for native in try resolvedExisting(path, literal: literal, force: flag("Force")) ?? [] {
        try body(native, destination)
      }
    }
  }

  /// Where an item goes: into `destination` when that is an existing directory, else to it.
  func destinationPath(for native: String, in destination: String) -> String {
    Interpreter.itemKind(destination) == .directory
      ? (destination == "/" ? "" : destination) + "/" + Interpreter.splitNative(native).leaf : destination
  }

  func copyItem(_ native: String, to destination: String) throws {
    let target = destinationPath(for: native, in: destination)
    let shown = interpreter.displayPath(target)
    if target == native {
      return try writeFileSystemError(
        FileSystemErrors.io(
          "Cannot overwrite the item \(interpreter.displayPath(native)) with itself.", id: "CopyError", target: shown))
    }
    if Interpreter.itemKind(native) == .directory {
      if target.hasPrefix(native + "/") {
        return try writeFileSystemError(
          FileSystemErrors.io(
            "Cannot copy item \(interpreter.displayPath(native)) onto itself.", id: "CopyError", target: shown))
      }
      guard try copyDirectory(native, to: target, recurse: flag("Recurse")) else { return }
    } else {
      guard try copyFile(native, to: target) else { return }
    }
    if flag("PassThru"), let item = interpreter.fileSystemItem(target) { try emit(item) }
  }

  func copyFile(_ native: String, to target: String) throws -> Bool {
    let shown = interpreter.displayPath(target)
    if Interpreter.itemKind(target) == .directory {
      try writeFileSystemError(FileSystemErrors.accessDenied(shown, id: "CopyDirectoryInfoItemUnauthorizedAccessError"))
      return false
    }
    do {
      let bytes = try FileText.readBytes(native)
      try FileText.writeBytes(bytes, to: target, append: false)
      var st = stat()
      if stat(native, &st) == 0 { chmod(target, st.st_mode & 0o7777) }
      return true
    } catch {
      var r = error.record(shown, prefix: "CopyFileInfoItem")
      if error.code == ENOENT { r.errorId = "CopyFileInfoItemIOError" }
      try writeFileSystemError(r)
      return false
    }
  }

  /// Copies a directory: the directory alone, or with `recurse` its contents too (merged into
  /// an existing target).
  func copyDirectory(_ native: String, to target: String, recurse: Bool) throws -> Bool {
    let shown = interpreter.displayPath(target)
    switch Interpreter.itemKind(target) {
    case .file?:
      try writeFileSystemError(
        FileSystemErrors.io(
          "An item with the specified name \(shown) already exists.", id: "DirectoryExist", target: shown,
          category: .resourceExists))
      return false
    case nil:
      guard Interpreter.itemKind(Interpreter.splitNative(target).parent) == .directory else {
        try writeFileSystemError(FileSystemErrors.partOfPathNotFound(shown, id: "CopyDirectoryInfoItemIOError"))
        return false
      }
      do {
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: false)
      } catch {
        try writeFileSystemError(FileSystemErrors.io(FileSystemErrors.describe(error), id: "CopyDirectoryInfoItemIOError", target: shown))
        return false
      }
    case .directory?:
      break
    }
    guard recurse else { return true }
    for name in Interpreter.sortedNames(in: native) {
      let from = native + "/" + name
      let to = target + "/" + name
      var st = stat()
      let isDirectory = lstat(from, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
      if isDirectory {
        _ = try copyDirectory(from, to: to, recurse: true)
      } else {
        _ = try copyFile(from, to: to)
      }
    }
    return true
  }

  func moveItem(_ native: String, to destination: String) throws {
    let target = destinationPath(for: native, in: destination)
    let shown = interpreter.displayPath(target)
    let isDirectory = Interpreter.itemKind(native) == .directory
    let idPrefix = isDirectory ? "MoveDirectoryItem" : "MoveFileInfoItem"
    if target == native { return }
    if let existing = Interpreter.itemKind(target) {
      guard flag("Force"), existing == .file, !isDirectory else {
        return try writeFileSystemError(
          FileSystemErrors.io("Cannot create a file when that file already exists.", id: idPrefix + "IOError", target: shown))
      }
    }
    if isDirectory, target.hasPrefix(native + "/") {
      return try writeFileSystemError(
        FileSystemErrors.io(
          "Destination path cannot be a subdirectory of the source: \(shown).", id: idPrefix + "IOError",
          target: interpreter.displayPath(native), category: .writeError))
    }
    if rename(native, target) != 0 {
      let code = errno
      if code == EXDEV {
        do {
          if Interpreter.itemKind(target) != nil { try FileManager.default.removeItem(atPath: target) }
          try FileManager.default.copyItem(atPath: native, toPath: target)
          try FileManager.default.removeItem(atPath: native)
        } catch {
          return try writeFileSystemError(FileSystemErrors.io(FileSystemErrors.describe(error), id: idPrefix + "IOError", target: shown))
        }
      } else {
        var r = FileIOError(code: code).record(shown, prefix: idPrefix)
        if code == ENOENT { r.errorId = idPrefix + "IOError" }
        return try writeFileSystemError(r)
      }
    }
    if flag("PassThru"), let item = interpreter.fileSystemItem(target) { try emit(item) }
  }

  // MARK: - Rename-Item

  func renameItem() throws {
    let literal = bound.isBound("LiteralPath")
    guard let path = string(literal ? "LiteralPath" : "Path"), let newName = string("NewName") else { return }
    let found: [String]
    do {
      found = try interpreter.expandPath(path, literal: literal, force: flag("Force"))
    } catch {
      return try writeFileSystemError(FileSystemErrors.record(error, target: path))
    }
    guard let native = found.first, Interpreter.itemKind(native) != nil else {
      let shown = interpreter.displayPath(found.first ?? ((try? interpreter.providerPath(path)) ?? path))
      return try writeFileSystemError(
        ErrorRecord(
          exceptionType: "System.Management.Automation.PSInvalidOperationException",
          message: "Cannot rename because item at '\(shown)' does not exist.", errorId: "InvalidOperation",
          category: .invalidOperation, targetObject: .string(shown)))
    }
    let parent = Interpreter.splitNative(native).parent
    var leaf = newName
    if newName.contains("/") || newName.contains("\\") {
      let asPath = try interpreter.providerPath(newName)
      guard Interpreter.splitNative(asPath).parent == parent else {
        return try writeFileSystemError(
          ErrorRecord(
            exceptionType: "System.ArgumentException",
            message: "Cannot rename the specified target, because it represents a path or device name.",
            errorId: "Argument", category: .invalidArgument, targetObject: .string(newName)))
      }
      leaf = Interpreter.splitNative(asPath).leaf
    }
    let target = (parent == "/" ? "" : parent) + "/" + leaf
    let shown = interpreter.displayPath(target)
    if target != native, Interpreter.itemKind(target) != nil {
      return try writeFileSystemError(
        FileSystemErrors.io("Cannot create a file when that file already exists.", id: "RenameItemIOError", target: shown))
    }
    if rename(native, target) != 0 {
      var r = FileIOError(code: errno).record(shown, prefix: "RenameItem")
      r.errorId = "RenameItemIOError"
      return try writeFileSystemError(r)
    }
    if flag("PassThru"), let item = interpreter.fileSystemItem(target) { try emit(item) }
  }
}
