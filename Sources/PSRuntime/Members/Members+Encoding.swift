import FoundationEssentials

/// `[Text.Encoding]`, encoding objects' methods, and `[Convert]`.
extension Members {
  // MARK: - Encodings

  static func encodingStaticProperty(_ key: String) -> Value? {
    switch key {
    case "utf8", "default": return TextEncoding.utf8.object
    case "unicode": return TextEncoding.unicode.object
    case "bigendianunicode": return TextEncoding.bigEndianUnicode.object
    case "utf32": return TextEncoding.utf32.object
    case "ascii": return TextEncoding.ascii.object
    case "latin1": return TextEncoding.latin1.object
    default: return nil
    }
  }

  static func encodingStaticMethod(_ key: String, _ c: MethodCall) throws(RuntimeError) -> Value? {
    guard key == "getencoding" else { return nil }
    try c.arity(1)
    let name = try c.requiredString(0, "name")
    guard let e = TextEncoding(name: name) else {
      if Int(name) != nil {
        throw c.exception(
          "NotSupportedException",
          "No data is available for encoding \(name). For information on defining a custom encoding, see the documentation for the Encoding.RegisterProvider method. (Parameter 'codepage')"
        )
      }
      throw c.exception(
        "ArgumentException",
        "'\(name)' is not a supported encoding name. For information on defining a custom encoding, see the documentation for the Encoding.RegisterProvider method. (Parameter 'name')"
      )
    }
    return e.object
  }

  static func encodingMethod(_ e: TextEncoding, _ key: String, _ c: MethodCall) throws(RuntimeError) -> Value? {
    switch key {
    case "getbytes", "getbytecount":
      try c.arity(1)
      let s: String
      switch c.args[0] {
      case .null: throw c.nullArgument(key == "getbytes" ? "s" : "chars")
      case .array: s = text(c.chars(0))
      default: s = Conversions.toString(c.args[0])
      }
      let bytes = e.encode(s)
      return key == "getbytes" ? .array(PSArray(bytes.map { .byte($0) })) : .int32(Int32(bytes.count))
    case "getstring":
      try c.arity([1, 3].contains(c.count) ? c.count...c.count : 1...1)
      guard let bytes = try c.bytes(0, "bytes") else { throw c.nullArgument("bytes") }
      var range = 0..<bytes.count
      if c.count == 3 {
        let index = try c.int(1, "index")
        let n = try c.int(2, "count")
        if index < 0 { throw c.outOfRange("Non-negative number required.", "index") }
        if n < 0 { throw c.outOfRange("Non-negative number required.", "count") }
        if index > bytes.count - n {
          throw c.outOfRange("Index and count must refer to a location within the buffer.", "bytes")
        }
        range = index..<(index + n)
      }
      return .string(e.decode(bytes[range]))
    case "getpreamble":
      try c.arity(0)
      return .array(PSArray(e.preamble.map { .byte($0) }))
    case "tostring":
      try c.arity(0)
      let names: [TextEncoding: String] = [
        .utf8: "System.Text.UTF8Encoding+UTF8EncodingSealed", .unicode: "System.Text.UnicodeEncoding",
        .bigEndianUnicode: "System.Text.UnicodeEncoding", .utf32: "System.Text.UTF32Encoding",
        .ascii: "System.Text.ASCIIEncoding+ASCIIEncodingSealed",
        .latin1: "System.Text.Latin1Encoding+Latin1EncodingSealed",
      ]
      return .string(names[e] ?? "System.Text.Encoding")
    case "equals":
      try c.arity(1)
      guard case .object(let o) = c.args[0], let other = TextEncoding(object: o) else { return .bool(false) }
      return .bool(other == e)
    default:
      return nil
    }
  }

  // MARK: - [Convert]

  static func convertStaticMethod(_ key: String, _ c: MethodCall) throws(RuntimeError) -> Value? {
    switch key {
    case "tobase64string":
      try c.arity([1, 3].contains(c.count) ? c.count...c.count : 1...1)
      guard var bytes = try c.bytes(0, "inArray") else { throw c.nullArgument("inArray") }
      if c.count == 3 {
        let offset = try c.int(1, "offset")
        let n = try c.int(2, "length")
        if offset < 0 { throw c.outOfRange("Value must be positive.", "offset") }
        if n < 0 {
          throw c.outOfRange(
            "Index was out of range. Must be non-negative and less than the size of the collection.", "length")
        }
        if offset > bytes.count - n {
          throw c.outOfRange("Offset and length must refer to a position in the string.", "offset")
        }
        bytes = Array(bytes[offset..<(offset + n)])
      }
      return .string(Data(bytes).base64EncodedString())
    case "frombase64string":
      try c.arity(1)
      let s = try c.requiredString(0, "s").filter { !" \t\r\n".contains($0) }
      guard s.count % 4 == 0, let data = Data(base64Encoded: s) else {
        throw c.exception(
          "FormatException",
          "The input is not a valid Base-64 string as it contains a non-base 64 character, more than two padding characters, or an illegal character among the padding characters."
        )
      }
      return .array(PSArray(data.map { .byte($0) }))
    case "toint32", "toint64", "tobyte":
      try c.arity(1...2)
      let bits = key == "toint32" ? 32 : (key == "toint64" ? 64 : 8)
      let type: PSType = bits == 32 ? .int32 : (bits == 64 ? .int64 : .byte)
      if c.count == 2 { return try integer(fromBase: c, bits: bits) }
      switch c.args[0] {
      case .null: return try Conversions.convert(.int32(0), to: type)
      case .string(let s):
        return try parseInteger(s, type, c)
      case .char(let ch):
        return try narrow(Int64(ch), type, c)
      default:
        do {
          return try Conversions.convert(c.args[0], to: type)
        } catch {
          throw c.exception(
            "OverflowException", "Value was either too large or too small for \(Conversions.shortName(type)).")
        }
      }
    case "todouble":
      try c.arity(1...2)
      if case .string(let s) = c.args[0] { return try parseDouble(s, c) }
      return .double(try c.double(0, "value"))
    case "toboolean":
      try c.arity(1...2)
      if case .string(let s) = c.args[0] {
        guard let b = parseBool(s) else {
          throw c.exception("FormatException", "String '\(s)' was not recognized as a valid Boolean.")
        }
        return .bool(b)
      }
      return .bool(Conversions.toBool(c.args[0]))
    case "tochar":
      try c.arity(1...2)
      if case .string(let s) = c.args[0] {
        guard s.utf16.count == 1 else {
          throw c.exception("FormatException", "String must be exactly one character long.")
        }
        return .char(s.utf16.first ?? 0)
      }
      let n = try c.int(0, "value")
      guard n >= 0, n <= 0xFFFF else {
        throw c.exception("OverflowException", "Value was either too large or too small for a character.")
      }
      return .char(UInt16(n))
    case "tostring":
      try c.arity(1...2)
      if c.count == 2, Conversions.isNumeric(c.args[0]), Conversions.isNumeric(c.args[1]) {
        let base = try c.int(1, "toBase")
        guard [2, 8, 10, 16].contains(base) else { throw c.exception("ArgumentException", "Invalid Base.") }
        let wide: Bool
        let v: Int64
        switch c.args[0] {
        case .int64(let i): (v, wide) = (i, true)
        case .byte(let b): (v, wide) = (Int64(b), false)
        default: (v, wide) = (Int64(try c.int(0, "value")), false)
        }
        if base == 10 { return .string(String(v)) }
        let bits = wide ? UInt64(bitPattern: v) : UInt64(UInt32(bitPattern: Int32(truncatingIfNeeded: v)))
        return .string(String(bits, radix: base))
      }
      return .string(Conversions.toString(c.args[0]))
    default:
      return nil
    }
  }

  /// `[Convert]::ToInt32("ff", 16)`: bases 2, 8, 10 and 16; other bases than 10 read the digits
  /// as an unsigned bit pattern (`"FFFFFFFF"` is -1).
  static func integer(fromBase c: MethodCall, bits: Int) throws(RuntimeError) -> Value {
    let base = try c.int(1, "fromBase")
    guard [2, 8, 10, 16].contains(base) else { throw c.exception("ArgumentException", "Invalid Base.") }
    guard let text = c.string(0) else { return bits == 64 ? .int64(0) : (bits == 32 ? .int32(0) : .byte(0)) }
    var s = Substring(text)
    var negative = false
    if base == 10, s.first == "-" {
      negative = true
      s = s.dropFirst()
    }
    if base == 16, s.lowercased().hasPrefix("0x") { s = s.dropFirst(2) }
    if s.isEmpty {
      throw c.outOfRange(
        "Index was out of range. Must be non-negative and less than the size of the collection.", "startIndex")
    }
    guard let magnitude = UInt64(s, radix: base) else {
      if s.allSatisfy({ $0.hexDigitValue.map { $0 < base } ?? false }) {
        throw c.exception(
          "OverflowException", "Value was either too large or too small for \(bits == 64 ? "a UInt64" : "a UInt32").")
      }
      throw c.exception("FormatException", "Could not find any recognizable digits.")
    }
    let overflow = c.exception(
      "OverflowException",
      "Value was either too large or too small for \(bits == 64 ? "an Int64" : bits == 32 ? "an Int32" : "an unsigned byte")."
    )
    switch bits {
    case 64:
      if base == 10 {
        guard magnitude <= UInt64(Int64.max) + (negative ? 1 : 0) else { throw overflow }
        return .int64(negative ? Int64(bitPattern: 0 &- magnitude) : Int64(magnitude))
      }
      return .int64(Int64(bitPattern: magnitude))
    case 32:
      if base == 10 {
        guard magnitude <= UInt64(Int32.max) + (negative ? 1 : 0) else { throw overflow }
        let v = negative ? -Int64(magnitude) : Int64(magnitude)
        return .int32(Int32(v))
      }
      guard magnitude <= UInt64(UInt32.max) else { throw overflow }
      return .int32(Int32(bitPattern: UInt32(magnitude)))
    default:
      guard !negative, magnitude <= 255 else { throw overflow }
      return .byte(UInt8(magnitude))
    }
  }
}
