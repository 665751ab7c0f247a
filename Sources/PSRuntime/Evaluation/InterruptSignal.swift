import Synchronization

/// A Ctrl+C request for the interpreter: the host raises it (from a SIGINT handler: `raise()` is
/// one lock-free atomic store, safe there) and the interpreter polls it before each statement
/// (`Interpreter.checkInterrupt()`), stopping the running command back to the prompt.
public final class InterruptSignal: Sendable {
  private let flag = Atomic<Bool>(false)

  public init() {}

  /// Asks the running command to stop.
  public func raise() { flag.store(true, ordering: .relaxed) }

  /// Whether a stop was asked for and not yet handled.
  @inline(__always)
  public var isRaised: Bool { flag.load(ordering: .relaxed) }

  /// Forgets a pending request (before running the next input).
  public func clear() { flag.store(false, ordering: .relaxed) }
}

/// Thrown out of the statement loop when `InterruptSignal` is raised: PowerShell's
/// `PipelineStoppedException`. No `catch` or `trap` handles it (and `finally` blocks are cut
/// short: their first statement sees the request too).
public struct PipelineInterrupted: Error, Sendable {
  public init() {}
}
