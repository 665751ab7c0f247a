/// A document the state store can keep: any Codable value that says which schema it was written
/// with.
///
/// The version lives in the document itself (a top-level `schemaVersion` key) so a file carries
/// its own format: an eflowsh that finds a number above `currentSchemaVersion` knows the file came
/// from a newer release and refuses it instead of misreading it or overwriting it with less.
/// Older versions are the document's business: its `init(from:)` may migrate them.
public protocol StateDocument: Codable, Sendable {
  /// The schema version this document was written with; encoded as the top-level `schemaVersion`.
  var schemaVersion: Int { get }
  /// The highest schema version this build reads and the one it writes.
  static var currentSchemaVersion: Int { get }
}
