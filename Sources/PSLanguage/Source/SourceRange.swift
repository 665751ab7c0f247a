/// A half-open range of character offsets into a `SourceFile`: the extent of a token or node.
///
/// Nodes store only offsets; the owning `ScriptBlockAst.source` resolves them to file, line and
/// column. An empty range (`start == end`) marks a position, as PowerShell's `After(token)` does
/// for errors reported just past a token.
public struct SourceRange: Sendable, Hashable, CustomStringConvertible {
  public var start: Int
  public var end: Int

  public init(start: Int, end: Int) {
    self.start = start
    self.end = max(start, end)
  }

  /// An empty range at one offset.
  public init(at offset: Int) {
    self.start = offset
    self.end = offset
  }

  /// The empty range just past this one.
  public var after: SourceRange { SourceRange(at: end) }
  /// The empty range at the start of this one.
  public var before: SourceRange { SourceRange(at: start) }
  public var length: Int { end - start }

  /// The smallest range covering both.
  public func union(_ other: SourceRange) -> SourceRange {
    SourceRange(start: min(start, other.start), end: max(end, other.end))
  }

  /// Extends this range up to the end of `other`.
  public func through(_ other: SourceRange) -> SourceRange {
    SourceRange(start: start, end: max(end, other.end))
  }

  public var description: String { "\(start)..<\(end)" }
}
