import Foundation
import PSLanguage

/// How one interactive input ended.
public enum InteractiveOutcome: Equatable, Sendable {
  /// It ran to the end; `succeeded` is `$?` of its last statement.
  case completed(succeeded: Bool)
  /// It ran `exit N`: the session ends with that code.
  case exit(Int32)
  /// Ctrl+C stopped it (`InterruptSignal`).
  case interrupted
}

/// The REPL's entry points: each input runs in the global scope of the one session, so functions,
/// variables and imported modules persist from one input to the next.
extension Interpreter {
  /// Whether Ctrl+C was pressed and not yet handled (see `interruptSignal`).
  public var interruptRequested: Bool {
    get { interruptSignal.isRaised }
    set { if newValue { interruptSignal.raise() } else { interruptSignal.clear() } }
  }

  /// Throws `PipelineInterrupted` when Ctrl+C was pressed: for long-running Swift cmdlets to call.
  @inline(__always)
  public func checkInterrupt() throws {
    if interruptSignal.isRaised { throw PipelineInterrupted() }
  }

  /// Runs one input typed at the prompt in the global scope: output formatted by `Out-Default`
  /// as each statement ends, errors written (a terminating one also goes into `$Error`), `exit N`
  /// and Ctrl+C reported to the caller instead of ending anything.
  public func runInteractive(_ parsed: Parser.Result) -> InteractiveOutcome {
    interruptSignal.clear()
    scope = globalScope
    scriptScope = globalScope
    source = parsed.source
    do {
      try runTopLevel(parsed.ast)
      return .completed(succeeded: lastSucceeded)
    } catch let flow as ControlFlow {
      if case .exit(let code) = flow { return .exit(code) }
      return .completed(succeeded: lastSucceeded)
    } catch is PipelineInterrupted {
      interruptSignal.clear()
      resetAfterAbort()
      lastSucceeded = false
      return .interrupted
    } catch let e as ScriptError {
      reportAtTopLevel(e.record)
      return .completed(succeeded: false)
    } catch {
      reportAtTopLevel(internalError(error))
      return .completed(succeeded: false)
    }
  }

  /// A terminating error that reached the prompt: shown whatever the preferences say, and
  /// remembered in `$Error`.
  func reportAtTopLevel(_ record: ErrorRecord) {
    flushOutput()
    resetAfterAbort()
    if case .array(let list) = globalScope.local("Error")?.value ?? .null {
      list.items.insert(record.asValue(), at: 0)
      if list.items.count > 256 { list.items.removeLast() }
    }
    host.writeError(record, concise: conciseErrors)
    lastSucceeded = false
  }

  /// Puts the per-run bookkeeping back to "at the prompt" after an input was cut short.
  func resetAfterAbort() {
    scope = globalScope
    scriptScope = globalScope
    tryDepth = 0
    callDepth = 0
    routes = StreamRoutes()
    errorCollectors = []
    warningCollectors = []
    pendingOutput.removeAll()
  }

  /// The text of the user's `prompt` function, or nil when none is defined. A prompt that
  /// fails or writes nothing gives `PS>`, as in PowerShell.
  public func promptFunctionText() -> String? {
    guard globalScope.function("prompt") != nil else { return nil }
    let parsed = Parser.parse(SourceFile(path: "<prompt>", text: "prompt"))
    let saved = (scope, scriptScope, source)
    scope = globalScope
    scriptScope = globalScope
    source = parsed.source
    tryDepth += 1
    defer {
      tryDepth -= 1
      (scope, scriptScope, source) = saved
    }
    let out = OutputPipe()
    do {
      for block in parsed.ast.namedBlocks { try runStatements(block.statements, out) }
    } catch {
      resetAfterAbort()
      return "PS>"
    }
    if out.items.isEmpty { return "PS>" }
    return Conversions.toString(collapse(out.items))
  }

  /// Runs parsed text in the current scope, its output handed to `output` (for commands such
  /// as `Invoke-History` that run a command line inside the running one).
  public func runNested(_ parsed: Parser.Result, output: @escaping (Value) throws -> Void) throws {
    let saved = source
    source = parsed.source
    defer { source = saved }
    let out = OutputPipe(output)
    for block in parsed.ast.namedBlocks { try runStatements(block.statements, out) }
  }

  /// Waits, in slices of at most 100 ms so that Ctrl+C ends the wait at once (throwing
  /// `PipelineInterrupted`).
  public func sleepInterruptibly(milliseconds: Int64) throws {
    var left = max(0, milliseconds)
    while left > 0 {
      try checkInterrupt()
      let slice = min(left, 100)
      var ts = timespec(tv_sec: 0, tv_nsec: Int(slice) * 1_000_000)
      var rest = timespec()
      if nanosleep(&ts, &rest) != 0, errno == EINTR {
        left -= slice - Int64(rest.tv_nsec / 1_000_000)
      } else {
        left -= slice
      }
    }
    try checkInterrupt()
  }
}
