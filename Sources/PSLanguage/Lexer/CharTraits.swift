/// Character classes the tokenizer needs, on raw scalar values for speed.
///
/// PowerShell accepts typographic quotes and dashes wherever the ASCII ones are allowed, because
/// scripts are often pasted from web pages and documents.
enum CharTraits {
  @inline(__always) static func isNewline(_ c: UInt32) -> Bool { c == 0x0A || c == 0x0D }

  @inline(__always) static func isWhitespace(_ c: UInt32) -> Bool {
    switch c {
    case 0x20, 0x09, 0x0B, 0x0C, 0xA0, 0x85, 0xFEFF, 0x2028, 0x2029, 0x3000, 0x1680, 0x202F, 0x205F:
      return true
    case 0x2000...0x200A:
      return true
    default:
      return false
    }
  }

  @inline(__always) static func isDash(_ c: UInt32) -> Bool {
    c == 0x2D || c == 0x2013 || c == 0x2014 || c == 0x2015
  }

  @inline(__always) static func isSingleQuote(_ c: UInt32) -> Bool {
    c == 0x27 || c == 0x2018 || c == 0x2019 || c == 0x201A || c == 0x201B
  }

  @inline(__always) static func isDoubleQuote(_ c: UInt32) -> Bool {
    c == 0x22 || c == 0x201C || c == 0x201D || c == 0x201E
  }

  @inline(__always) static func isQuote(_ c: UInt32) -> Bool { isSingleQuote(c) || isDoubleQuote(c) }

  @inline(__always) static func isDigit(_ c: UInt32) -> Bool { c >= 0x30 && c <= 0x39 }

  @inline(__always) static func isHexDigit(_ c: UInt32) -> Bool {
    isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66)
  }

  @inline(__always) static func hexValue(_ c: UInt32) -> UInt32 {
    if isDigit(c) { return c - 0x30 }
    if c >= 0x61 { return c - 0x61 + 10 }
    return c - 0x41 + 10
  }

  @inline(__always) static func isLetter(_ c: UInt32) -> Bool {
    if c < 0x80 { return (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) }
    return isNonASCIILetter(c)
  }

  /// Letters, digits and `_`: identifiers and member names.
  @inline(__always) static func isIdentifierChar(_ c: UInt32) -> Bool {
    if c < 0x80 {
      return (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39)
        || c == 0x5F
    }
    return isNonASCIIIdentifierChar(c)
  }

  // The Unicode property look-ups are kept out of line: inlined, their set-up (metadata
  // accesses) ran on every call of the scanning loops, even for ASCII text.
  @inline(never) static func isNonASCIILetter(_ c: UInt32) -> Bool {
    guard let s = Unicode.Scalar(c) else { return false }
    return s.properties.isAlphabetic
  }

  @inline(never) static func isNonASCIIIdentifierChar(_ c: UInt32) -> Bool {
    isNonASCIILetter(c) || (Unicode.Scalar(c)?.properties.numericType != nil)
  }

  /// Characters of an unbraced variable name: identifier characters and `?`.
  @inline(__always) static func isVariableChar(_ c: UInt32) -> Bool { isIdentifierChar(c) || c == 0x3F }

  /// Characters that always end a bare word (PowerShell's `ForceStartNewToken`). `<` and `>`
  /// are not among them: they start a redirection only at the start of a token, so `a>b` is
  /// one word, as in PowerShell.
  @inline(__always) static func endsGenericToken(_ c: UInt32) -> Bool {
    switch c {
    case 0x20, 0x09, 0x0A, 0x0D, 0x7B, 0x7D, 0x28, 0x29, 0x3B, 0x2C, 0x7C, 0x26, 0x0B, 0x0C:
      return true  // space tab \n \r { } ( ) ; , | &
    default:
      return c >= 0x80 && isWhitespace(c)
    }
  }

  /// Characters that end a parameter name (`-Name`).
  @inline(__always) static func endsParameterName(_ c: UInt32) -> Bool {
    switch c {
    case 0x2E, 0x5B, 0x3A:
      return true  // . [ :
    default:
      return endsGenericToken(c)
    }
  }
}
