import PSLanguage

/// One command of a running pipeline. The runner calls `begin` on every stage, then feeds the
/// first stage (`process(nil)` once when it is a command, or its objects when the pipeline
/// starts with an expression), each stage writing to the next stage's `process` as it goes, then
/// calls `end` on every stage in order, as PowerShell's pipeline processor does.
protocol PipelineStage: AnyObject {
  func begin() throws
  func process(_ item: Value?) throws
  func end() throws
  /// Undoes what preparing the stage set up (call depth), whether or not it ran to the end.
  func dispose()
}

/// Thrown by a command that needs no more input (`Select-Object -First`): the runner stops
/// feeding the pipeline and ends the stages from `stage` on.
struct StopUpstream: Error {
  let stage: ObjectIdentifier
}

/// The streams a stage's redirections send elsewhere (`2>&1`, `> file`, `3> $null`…), captured
/// when the pipeline starts so that sibling stages do not inherit each other's redirections.
struct StreamRoutes {
  var targets: [RedirectionStream: StreamTarget] = [:]

  func target(_ stream: RedirectionStream) -> StreamTarget? { targets[stream] ?? targets[.all] }
}

/// Where a redirected stream goes.
enum StreamTarget {
  case discard
  case file(RedirectFile)
  case pipe(OutputPipe)
}

/// A file named by a redirection: the text for it is gathered and written when the stage ends
/// (`>` replaces the file, `>>` appends), UTF-8 without a byte-order mark as in PowerShell 7.
final class RedirectFile {
  /// What was written, in order: output objects are formatted together when the file is
  /// written, so consecutive objects share one table as on the console.
  enum Entry {
    case value(Value)
    case text(String)
  }
  let path: String
  var append: Bool
  var entries: [Entry] = []

  init(path: String, append: Bool) {
    self.path = path
    self.append = append
  }
}

/// What must be in force while a stage runs: its scope, script and redirections, and the
/// collectors of its `-ErrorVariable` / `-WarningVariable`.
struct StageEnvironment {
  var scope: Scope
  var source: SourceFile
  var routes: StreamRoutes
  var errorCollectors: [StreamCollector]
  var warningCollectors: [StreamCollector]
}

extension Interpreter {
  var currentEnvironment: StageEnvironment {
    StageEnvironment(
      scope: scope, source: source, routes: routes, errorCollectors: errorCollectors,
      warningCollectors: warningCollectors)
  }

  /// Runs `body` with a stage's environment in force, restoring the caller's afterwards.
  func within<T>(_ env: StageEnvironment, _ body: () throws -> T) rethrows -> T {
    let saved = currentEnvironment
    scope = env.scope
    source = env.source
    routes = env.routes
    errorCollectors = env.errorCollectors
    warningCollectors = env.warningCollectors
    defer {
      scope = saved.scope
      source = saved.source
      routes = saved.routes
      errorCollectors = saved.errorCollectors
      warningCollectors = saved.warningCollectors
    }
    return try body()
  }
}
