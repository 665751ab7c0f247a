/// A `System.Text.Encoding` (`[Text.Encoding]::UTF8`, `::Unicode`, `::ASCII`, …).
///
/// There is no encoding case in `Value`: an encoding is a custom object carrying the .NET
/// encoding's public properties (BodyName, EncodingName, …, CodePage), so it displays like one;
/// `GetBytes`/`GetString`/`GetByteCount`/`GetPreamble` called on such an object (recognised by its
/// CodePage, WebName and EncodingName properties) act as that encoding.
enum TextEncoding: CaseIterable {
  case utf8, unicode, bigEndianUnicode, utf32, ascii, latin1

  var codePage: Int {
    switch self {
    case .utf8: return 65001
    case .unicode: return 1200
    case .bigEndianUnicode: return 1201
    case .utf32: return 12000
    case .ascii: return 20127
    case .latin1: return 28591
    }
  }

  var webName: String {
    switch self {
    case .utf8: return "utf-8"
    case .unicode: return "utf-16"
    case .bigEndianUnicode: return "utf-16BE"
    case .utf32: return "utf-32"
    case .ascii: return "us-ascii"
    case .latin1: return "iso-8859-1"
    }
  }

  var encodingName: String {
    switch self {
    case .utf8: return "Unicode (UTF-8)"
    case .unicode: return "Unicode"
    case .bigEndianUnicode: return "Unicode (Big-Endian)"
    case .utf32: return "Unicode (UTF-32)"
    case .ascii: return "US-ASCII"
    case .latin1: return "Western European (ISO)"
    }
  }

  /// The encoding an object made by `object` stands for.
  init?(object o: PSObject) {
    guard case .int32(let cp)? = o["CodePage"], o["WebName"] != nil, o["EncodingName"] != nil,
      let e = TextEncoding.allCases.first(where: { $0.codePage == Int(cp) })
    else { return nil }
    self = e
  }

  /// `[Text.Encoding]::GetEncoding(name)`: a web name, a common alias, or a code page number.
  init?(name: String) {
    let n = name.lowercased()
    let aliases: [String: TextEncoding] = [
      "utf-8": .utf8, "utf8": .utf8, "utf-16": .unicode, "unicode": .unicode, "utf-16le": .unicode,
      "utf-16be": .bigEndianUnicode, "unicodefffe": .bigEndianUnicode, "utf-32": .utf32, "utf-32le": .utf32,
      "us-ascii": .ascii, "ascii": .ascii, "iso-8859-1": .latin1, "latin1": .latin1,
    ]
    if let e = aliases[n] {
      self = e
    } else if let cp = Int(n), let e = TextEncoding.allCases.first(where: { $0.codePage == cp }) {
      self = e
    } else {
      return nil
    }
  }

  /// The encoding object, with the .NET encoding's properties.
  var object: Value {
    let single = self == .ascii || self == .latin1
    let browser = self == .utf8
    let mail = self == .utf8 || self == .ascii || self == .latin1
    return .object(
      PSObject([
        ("BodyName", .string(webName)), ("EncodingName", .string(encodingName)), ("HeaderName", .string(webName)),
        ("WebName", .string(webName)), ("WindowsCodePage", .int32(single ? 1252 : 1200)),
        ("IsBrowserDisplay", .bool(browser || self == .latin1)),
        ("IsBrowserSave", .bool(browser || self == .unicode || self == .latin1)),
        ("IsMailNewsDisplay", .bool(mail)), ("IsMailNewsSave", .bool(mail)), ("IsSingleByte", .bool(single)),
        ("IsReadOnly", .bool(true)), ("CodePage", .int32(Int32(codePage))),
      ]))
  }

  func encode(_ s: String) -> [UInt8] {
    switch self {
    case .utf8: return Array(s.utf8)
    case .unicode: return s.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    case .bigEndianUnicode: return s.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    case .utf32:
      return s.unicodeScalars.flatMap { sc -> [UInt8] in
        let v = sc.value
        return [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 24)]
      }
    case .ascii: return s.unicodeScalars.map { $0.value < 0x80 ? UInt8($0.value) : 0x3F }
    case .latin1: return s.unicodeScalars.map { $0.value < 0x100 ? UInt8($0.value) : 0x3F }
    }
  }

  func decode(_ b: ArraySlice<UInt8>) -> String {
    switch self {
    case .utf8:
      return String(decoding: b, as: UTF8.self)
    case .unicode, .bigEndianUnicode:
      var units: [UInt16] = []
      var i = b.startIndex
      while i + 1 < b.endIndex {
        let lo = UInt16(b[i])
        let hi = UInt16(b[i + 1])
        units.append(self == .unicode ? hi << 8 | lo : lo << 8 | hi)
        i += 2
      }
      var s = String(decoding: units, as: UTF16.self)
      if b.count % 2 == 1 { s.append("\u{FFFD}") }
      return s
    case .utf32:
      var out = String.UnicodeScalarView()
      var i = b.startIndex
      while i + 3 < b.endIndex {
        let v = UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24
        out.append(Unicode.Scalar(v) ?? "\u{FFFD}")
        i += 4
      }
      if b.count % 4 != 0 { out.append("\u{FFFD}") }
      return String(out)
    case .ascii:
      return String(String.UnicodeScalarView(b.map { Unicode.Scalar($0 < 0x80 ? $0 : 0x3F) }))
    case .latin1:
      return String(String.UnicodeScalarView(b.map { Unicode.Scalar($0) }))
    }
  }

  /// The byte order mark `GetPreamble()` returns.
  var preamble: [UInt8] {
    switch self {
    case .utf8: return [0xEF, 0xBB, 0xBF]
    case .unicode: return [0xFF, 0xFE]
    case .bigEndianUnicode: return [0xFE, 0xFF]
    case .utf32: return [0xFF, 0xFE, 0, 0]
    case .ascii, .latin1: return []
    }
  }
}
