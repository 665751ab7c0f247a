/// `Get-Location`, `Set-Location`, `Push-Location`, `Pop-Location`.
///
/// The location is a real directory (`Interpreter.currentLocation`, a Linux path); it is shown
/// as `displayPath` gives it, so inside a simulated drive it reads `C:\…`. Setting it also sets
/// `$PWD`. As in Windows PowerShell 5.1, `Set-Location` without a path stays where it is (7 goes
/// home) and `Pop-Location` on an empty stack does nothing. The process's own working directory
/// is not changed (PowerShell does not change it either).
extension Interpreter {
  func registerLocationCmdlets() {
    defineFileSystemCmdlet("Get-Location", "param([switch]$Stack)") {
      CmdletBody(process: { ctx, _ in
        let fs = ctx.interpreter.fileSystem
        if ctx.flag("Stack") {
          for native in fs.locationStack.reversed() { try ctx.emit(ctx.interpreter.pathInfo(native)) }
          return
        }
        try ctx.emit(ctx.interpreter.pathInfo(ctx.interpreter.currentLocation))
      })
    }
    defineAlias("pwd", "Get-Location")
    defineAlias("gl", "Get-Location")

    let pathParams = """
      [CmdletBinding(DefaultParameterSetName='Path')]
      param([Parameter(Position=0, ParameterSetName='Path', ValueFromPipeline, ValueFromPipelineByPropertyName)][string]$Path,
        [Parameter(Mandatory, ParameterSetName='LiteralPath', ValueFromPipelineByPropertyName)][Alias('PSPath')][string]$LiteralPath,
        [switch]$PassThru)
      """
    defineFileSystemCmdlet("Set-Location", pathParams) {
      CmdletBody(process: { ctx, _ in
        try ctx.changeLocation()
      })
    }
    defineAlias("cd", "Set-Location")
    defineAlias("chdir", "Set-Location")
    defineAlias("sl", "Set-Location")

    defineFileSystemCmdlet("Push-Location", pathParams) {
      CmdletBody(process: { ctx, _ in
        ctx.interpreter.fileSystem.locationStack.append(ctx.interpreter.currentLocation)
        try ctx.changeLocation()
      })
    }
    defineAlias("pushd", "Push-Location")

    defineFileSystemCmdlet("Pop-Location", "param([switch]$PassThru)") {
      CmdletBody(process: { ctx, _ in
        let fs = ctx.interpreter.fileSystem
        guard let native = fs.locationStack.popLast() else { return }
        guard Interpreter.itemKind(native) == .directory else {
          try ctx.writeFileSystemError(FileSystemErrors.pathNotFound(ctx.interpreter.displayPath(native)))
          return
        }
        ctx.interpreter.setLocation(native)
        if ctx.flag("PassThru") { try ctx.emit(ctx.interpreter.pathInfo(native)) }
      })
    }
    defineAlias("popd", "Pop-Location")
  }

  /// Makes a directory the current location and `$PWD`.
  func setLocation(_ native: String) {
    currentLocation = native
    try? globalScope.set("PWD", pathInfo(native))
  }
}

extension CmdletContext {
  /// `Set-Location`'s work for `-Path`/`-LiteralPath`: the path must name exactly one existing
  /// directory.
  func changeLocation() throws {
    let literal = bound.isBound("LiteralPath")
    guard let path = string(literal ? "LiteralPath" : "Path") else {
      if flag("PassThru") { try emit(interpreter.pathInfo(interpreter.currentLocation)) }
      return
    }
    guard let found = try resolvedExisting(path, literal: literal, reportNoMatch: true) else { return }
    let directories = found.filter { Interpreter.itemKind($0) == .directory }
    guard directories.count == 1 else {
      if directories.isEmpty {
        try writeFileSystemError(FileSystemErrors.pathNotFound(interpreter.displayPath(found[0])))
      } else {
        try writeFileSystemError(
          ErrorRecord(
            exceptionType: "System.Management.Automation.PSArgumentException",
            message:
              "Cannot set the location because path '\(path)' resolved to multiple containers. You can only the set the same location to a single container at a time.",
            errorId: "PathResolvedToMultiple", category: .invalidArgument, targetObject: .string(path)))
      }
      return
    }
    interpreter.setLocation(directories[0])
    if flag("PassThru") { try emit(interpreter.pathInfo(directories[0])) }
  }
}
