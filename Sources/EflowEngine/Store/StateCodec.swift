import Foundation

/// Turns documents into the bytes of a state file and back, and turns decoding failures into
/// words a user can act on.
///
/// The file is pretty-printed with sorted keys and a trailing newline because people read and diff
/// it (in CI logs, in `git diff` of checked-in fixtures); sorted keys also make the bytes a pure
/// function of the document, which lets a transaction that changed nothing skip its write.
enum StateCodec<Document: StateDocument> {
  static func encode(_ document: Document, path: String) throws(StateStoreError) -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    do {
      var bytes = [UInt8](try encoder.encode(document))
      bytes.append(UInt8(ascii: "\n"))
      return bytes
    } catch let error as EncodingError {
      throw .unencodable(path: path, detail: describe(error))
    } catch {
      throw .unencodable(path: path, detail: "\(error)")
    }
  }

  /// Decodes a state file, checking its schema version before anything else.
  ///
  /// The version check runs inside the same decode (see `Envelope`) rather than as a separate
  /// pass, so the file is parsed once; it still comes first, so a newer file whose other fields no
  /// longer fit this build's types is reported as newer, not as corrupt.
  static func decode(_ bytes: [UInt8], path: String) throws(StateStoreError) -> Document {
    if bytes.allSatisfy(isJSONWhitespace) {
      throw .corrupt(path: path, detail: "the file is empty")
    }
    do {
      return try JSONDecoder().decode(Envelope.self, from: Data(bytes)).document
    } catch let newer as NewerVersion {
      throw .newerVersion(path: path, found: newer.found, supported: Document.currentSchemaVersion)
    } catch let error as DecodingError {
      throw .corrupt(path: path, detail: describe(error, bytes: bytes))
    } catch {
      throw .corrupt(path: path, detail: "\(error)")
    }
  }

  /// Reads `schemaVersion` first and only then hands the same decoder to the document.
  private struct Envelope: Decodable {
    var document: Document

    private enum Key: String, CodingKey { case schemaVersion }

    init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: Key.self)
      let version = try container.decode(Int.self, forKey: .schemaVersion)
      if version > Document.currentSchemaVersion { throw NewerVersion(found: version) }
      document = try Document(from: decoder)
    }
  }

  private struct NewerVersion: Error { var found: Int }

  private static func isJSONWhitespace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
  }

  // MARK: - Error details

  private static func describe(_ error: DecodingError, bytes: [UInt8]) -> String {
    switch error {
    case .dataCorrupted(let context) where context.codingPath.isEmpty:
      return syntaxDetail(bytes)
    case .dataCorrupted(let context):
      return "invalid value at \(location(context.codingPath)): \(sentence(context.debugDescription))"
    case .keyNotFound(let key, let context):
      return "missing \(location(context.codingPath + [key]))"
    case .typeMismatch(_, let context) where context.codingPath.isEmpty:
      return "it is not a JSON object"
    case .typeMismatch(_, let context):
      return "wrong type at \(location(context.codingPath)): \(sentence(context.debugDescription))"
    case .valueNotFound(_, let context):
      return "null at \(location(context.codingPath)) where a value is required"
    @unknown default:
      return "\(error)"
    }
  }

  private static func describe(_ error: EncodingError) -> String {
    switch error {
    case .invalidValue(_, let context):
      return "invalid value at \(location(context.codingPath)): \(sentence(context.debugDescription))"
    @unknown default:
      return "\(error)"
    }
  }

  /// Why the bytes are not JSON. JSONDecoder only says "not valid JSON"; on this (rare) path we
  /// can afford a second look to say whether it is binary, truncated, or where it goes wrong.
  private static func syntaxDetail(_ bytes: [UInt8]) -> String {
    if String(validating: bytes, as: UTF8.self) == nil { return "it is not UTF-8 text" }
    do {
      _ = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
    } catch {
      let reason = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
      if let reason { return "it is not valid JSON: \(sentence(withLineAndColumn(reason, bytes)))" }
    }
    return "it is not valid JSON"
  }

  /// Foundation says "around character 41" (a byte offset); editors want a line and column.
  private static func withLineAndColumn(_ reason: String, _ bytes: [UInt8]) -> String {
    let marker = "around character "
    guard let range = reason.range(of: marker) else { return reason }
    let digits = reason[range.upperBound...].prefix { $0.isASCII && $0.isNumber }
    guard let offset = Int(digits), offset <= bytes.count else { return reason }
    var line = 1
    var lineStart = 0
    for (index, byte) in bytes[..<offset].enumerated() where byte == UInt8(ascii: "\n") {
      line += 1
      lineStart = index + 1
    }
    let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).count + 1
    let rest = reason[reason.index(range.upperBound, offsetBy: digits.count)...]
    return reason[..<range.lowerBound] + "at line \(line), column \(column)" + rest
  }

  /// A coding path as a user would write it: `switches[0].name`, or "the top level".
  private static func location(_ path: [any CodingKey]) -> String {
    var text = ""
    for key in path {
      if let index = key.intValue {
        text += "[\(index)]"
      } else {
        text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
      }
    }
    return text.isEmpty ? "the top level" : "'\(text)'"
  }

  /// Foundation's messages are full sentences; inside ours they read better without the capital
  /// and the final period.
  private static func sentence(_ text: String) -> String {
    var text = Substring(text)
    while text.last == "." { text = text.dropLast() }
    guard let first = text.first else { return "" }
    return first.lowercased() + text.dropFirst()
  }
}
