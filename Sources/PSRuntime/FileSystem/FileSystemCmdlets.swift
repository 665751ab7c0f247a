extension Interpreter {
  /// The path, location, content, item and transcript cmdlets, acting on the real Linux file
  /// system (how paths are read: `FileSystemState`).
  func registerFileSystemCmdlets() {
    registerPathCmdlets()
    registerLocationCmdlets()
    registerContentCmdlets()
    registerItemCmdlets()
    registerChildItemCmdlet()
    registerTranscriptCmdlets()
  }
}
