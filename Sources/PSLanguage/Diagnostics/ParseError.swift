/// A parse error as PowerShell reports it: an error id from PowerShell's `ParserStrings`, the
/// message in PowerShell's wording, where it is, and whether it only means "the input stops
/// too early" (the REPL then asks for another line with `>> `).
public struct ParseError: Sendable, Hashable, Error, CustomStringConvertible {
  public var id: ParseErrorID
  public var message: String
  public var range: SourceRange
  /// True when the error was found at the end of the text: more input could fix it.
  public var isIncompleteInput: Bool

  public init(id: ParseErrorID, message: String, range: SourceRange, isIncompleteInput: Bool) {
    self.id = id
    self.message = message
    self.range = range
    self.isIncompleteInput = isIncompleteInput
  }

  public var description: String { "\(range.start): \(id.rawValue): \(message)" }
}
