extension Interpreter {
  /// A command found by auto-loading a module from the module path (none yet).
  func commandFromModulePath(_ name: String) throws -> ResolvedCommand? { nil }
}
