/// The `-Encoding` values of the content cmdlets (`FileSystemCmdletProviderEncoding` in 5.1, plus
/// 7's `utf8BOM`, `utf8NoBOM`, `ansi`, `latin1`).
///
/// - Without `-Encoding`, text is written as UTF-8 without a byte-order mark (PowerShell 7's
///   default). Windows PowerShell 5.1 writes UTF-16 for `Out-File`/`>` and the ANSI code page
///   for `Set-Content`; eflowsh does not, so that `>`, `Out-File` and `Set-Content` agree and the
///   files stay readable by the Linux tools next to them.
/// - An explicit `-Encoding` means what it means in 5.1: `UTF8` writes a byte-order mark
///   (`UTF8NoBOM` does not), `Unicode`/`String`/`Unknown` are UTF-16LE with a BOM,
///   `BigEndianUnicode` UTF-16BE, `UTF32` UTF-32LE, `BigEndianUTF32` UTF-32BE (all with BOMs),
///   `Ascii` 7-bit (others become `?`), `Default`/`Ansi`/`Latin1` ISO-8859-1 (which is code page
///   1252 but for 0x80–0x9F), `Byte` raw bytes (`Get-Content` emits `[byte]`s, `Set-Content`
///   writes each value as a byte). `UTF7` and `Oem` are refused as not supported.
/// - Reading: a byte-order mark decides; else the given encoding; else UTF-8, or ISO-8859-1 when
///   the bytes are not valid UTF-8 (a file written by a Windows ANSI tool).
enum FileEncoding: Equatable {
  case utf8(bom: Bool), utf16LE, utf16BE, utf32LE, utf32BE, ascii, latin1, byte

  static let names =
    "Unknown, String, Unicode, Byte, BigEndianUnicode, UTF8, UTF7, UTF32, Ascii, Default, Oem, BigEndianUTF32"

  /// The encoding a `-Encoding` argument names (nil: not given).
  static func parse(_ name: String?) throws(RuntimeError) -> FileEncoding? {
    guard let name else { return nil }
    switch name.lowercased() {
    case "utf8": return .utf8(bom: true)
    case "utf8bom": return .utf8(bom: true)
    case "utf8nobom": return .utf8(bom: false)
    case "unicode", "string", "unknown": return .utf16LE
    case "bigendianunicode": return .utf16BE
    case "utf32": return .utf32LE
    case "bigendianutf32": return .utf32BE
    case "ascii": return .ascii
    case "default", "ansi", "latin1": return .latin1
    case "byte": return .byte
    case "utf7", "oem":
      throw RuntimeError(
        id: "NotSupported", message: "The encoding '\(name)' is not supported by eflowsh.",
        exceptionType: "System.NotSupportedException")
    default:
      throw RuntimeError(
        id: "CannotConvertArgumentNoMessage",
        message:
          "Cannot bind parameter 'Encoding'. Cannot convert value \"\(name)\" to type \"Microsoft.PowerShell.Commands.FileSystemCmdletProviderEncoding\". Error: \"Unable to match the identifier name \(name) to a valid enumerator name. Specify one of the following enumerator names and try again:\n\(names)\"",
        exceptionType: "System.Management.Automation.ParameterBindingException")
    }
  }

  var preamble: [UInt8] {
    switch self {
    case .utf8(let bom): return bom ? [0xEF, 0xBB, 0xBF] : []
    case .utf16LE: return [0xFF, 0xFE]
    case .utf16BE: return [0xFE, 0xFF]
    case .utf32LE: return [0xFF, 0xFE, 0, 0]
    case .utf32BE: return [0, 0, 0xFE, 0xFF]
    case .ascii, .latin1, .byte: return []
    }
  }

  func encode(_ s: String) -> [UInt8] {
    switch self {
    case .utf8, .byte: return Array(s.utf8)
    case .utf16LE: return TextEncoding.unicode.encode(s)
    case .utf16BE: return TextEncoding.bigEndianUnicode.encode(s)
    case .utf32LE: return TextEncoding.utf32.encode(s)
    case .utf32BE:
      return s.unicodeScalars.flatMap { sc -> [UInt8] in
        let v = sc.value
        return [UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)]
      }
    case .ascii: return TextEncoding.ascii.encode(s)
    case .latin1: return TextEncoding.latin1.encode(s)
    }
  }

  /// Decodes a file's bytes (see the type's rules for which encoding applies).
  static func decode(_ bytes: [UInt8], as given: FileEncoding?) -> String {
    let b = bytes[...]
    if b.starts(with: [0xEF, 0xBB, 0xBF]) { return TextEncoding.utf8.decode(b.dropFirst(3)) }
    if b.starts(with: [0xFF, 0xFE, 0, 0]) { return TextEncoding.utf32.decode(b.dropFirst(4)) }
    if b.starts(with: [0xFF, 0xFE]) { return TextEncoding.unicode.decode(b.dropFirst(2)) }
    if b.starts(with: [0xFE, 0xFF]) { return TextEncoding.bigEndianUnicode.decode(b.dropFirst(2)) }
    if b.starts(with: [0, 0, 0xFE, 0xFF]) { return utf32BE(b.dropFirst(4)) }
    switch given {
    case .utf16LE?: return TextEncoding.unicode.decode(b)
    case .utf16BE?: return TextEncoding.bigEndianUnicode.decode(b)
    case .utf32LE?: return TextEncoding.utf32.decode(b)
    case .utf32BE?: return utf32BE(b)
    case .ascii?: return TextEncoding.ascii.decode(b)
    case .latin1?: return TextEncoding.latin1.decode(b)
    default:
      if let s = String(validating: b, as: UTF8.self) { return s }
      return TextEncoding.latin1.decode(b)
    }
  }

  static func utf32BE(_ b: ArraySlice<UInt8>) -> String {
    var swapped: [UInt8] = []
    var i = b.startIndex
    while i + 3 < b.endIndex {
      swapped += [b[i + 3], b[i + 2], b[i + 1], b[i]]
      i += 4
    }
    return TextEncoding.utf32.decode(swapped[...])
  }

  /// Text split into lines at `\r\n`, `\n` or `\r`; a final line break ends the last line
  /// rather than starting an empty one.
  static func lines(_ text: String) -> [String] {
    var out: [String] = []
    var current = String.UnicodeScalarView()
    var previousCR = false
    for sc in text.unicodeScalars {
      if sc == "\n" && previousCR {
        previousCR = false
        continue
      }
      previousCR = sc == "\r"
      if sc == "\n" || sc == "\r" {
        out.append(String(current))
        current = String.UnicodeScalarView()
      } else {
        current.append(sc)
      }
    }
    if !current.isEmpty { out.append(String(current)) }
    return out
  }
}
