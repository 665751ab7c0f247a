/// What a command's `-OutVariable`, `-ErrorVariable` and `-WarningVariable` collect while it
/// runs, stored in the caller's scope when it ends or fails (a name starting with `+` appends).
/// Functions and cmdlets share it, so both stages treat the three parameters alike.
struct CommonVariables {
  let out: (name: String, collector: StreamCollector)?
  let errors: (name: String, collector: StreamCollector)?
  let warnings: (name: String, collector: StreamCollector)?
  let callerScope: Scope

  init(_ bound: BindingResult, callerScope: Scope) {
    func collector(_ parameter: String) -> (String, StreamCollector)? {
      bound.common(parameter).map { (Conversions.toString($0), StreamCollector()) }
    }
    out = collector("OutVariable")
    errors = collector("ErrorVariable")
    warnings = collector("WarningVariable")
    self.callerScope = callerScope
  }

  /// The stage's output: passed on, and also kept for `-OutVariable` when given.
  func output(_ next: OutputPipe) -> OutputPipe {
    guard let collector = out?.collector else { return next }
    return OutputPipe { v in
      collector.items.append(v)
      try next.append(v)
    }
  }

  /// The error collectors in force while the stage runs (shared when there is nothing to add).
  func errorCollectors(_ inherited: [StreamCollector]) -> [StreamCollector] {
    errors.map { inherited + [$0.collector] } ?? inherited
  }

  func warningCollectors(_ inherited: [StreamCollector]) -> [StreamCollector] {
    warnings.map { inherited + [$0.collector] } ?? inherited
  }

  /// A terminating error ends the command: `-ErrorVariable` gets it, and every variable is set.
  func failed(_ e: ScriptError, _ interp: Interpreter) throws {
    errors?.collector.items.append(e.record.asValue())
    try store(interp)
  }

  func store(_ interp: Interpreter) throws {
    // One by one rather than as an array of the three: this runs at the end of every call.
    if let (name, c) = errors { try interp.storeCommonVariable(name, c.items, in: callerScope) }
    if let (name, c) = warnings { try interp.storeCommonVariable(name, c.items, in: callerScope) }
    if let (name, c) = out { try interp.storeCommonVariable(name, c.items, in: callerScope) }
  }
}
