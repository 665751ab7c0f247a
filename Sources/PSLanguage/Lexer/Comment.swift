/// A comment found while scanning: `# …` to the end of the line, or `<# … #>`.
///
/// Comments are kept beside the token stream (not in it) so that comment-based help can be
/// attached to scripts and functions, and `#requires` read.
public struct Comment: Sendable, Hashable {
  public var range: SourceRange
  public var isBlock: Bool

  public init(range: SourceRange, isBlock: Bool) {
    self.range = range
    self.isBlock = isBlock
  }
}
