/// Where the output of statements goes: either collected (a value used as a value: `$(…)`,
/// `$x = …`, a condition) or handed on object by object to the next stage of a pipeline, so
/// objects stream through pipelines as in PowerShell instead of waiting for the stage to end.
public final class OutputPipe {
  /// What a collecting pipe has received.
  public private(set) var items: [Value] = []
  let downstream: ((Value) throws -> Void)?

  /// A pipe that collects.
  public init() { downstream = nil }

  /// A pipe that passes each object on as it is written.
  public init(_ downstream: @escaping (Value) throws -> Void) { self.downstream = downstream }

  @inline(__always)
  public func append(_ value: Value) throws {
    if let downstream { try downstream(value) } else { items.append(value) }
  }

  public func append(contentsOf values: [Value]) throws {
    if let downstream {
      for v in values { try downstream(v) }
    } else {
      items += values
    }
  }

  /// Forgets what was collected (a pipe reused for output that is thrown away).
  func clear() { items.removeAll(keepingCapacity: true) }

  static func += (pipe: OutputPipe, values: [Value]) throws { try pipe.append(contentsOf: values) }
}
