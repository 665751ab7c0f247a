import FoundationEssentials

/// `ConvertFrom-Json` as Windows PowerShell 5.1 reads JSON (through .NET's
/// `JavaScriptSerializer`): objects become custom objects with note properties in document
/// order, arrays `object[]`, integers `Int32` when they fit, else `Int64`, numbers with a
/// fraction `Decimal` (with an exponent, `Double`), `"\/Date(ms)\/"` a `DateTime` (UTC).
/// Like JavaScriptSerializer it also takes single-quoted strings and unquoted member names.
/// Errors carry JavaScriptSerializer's messages (`Invalid JSON primitive: x.`, and
/// `… (position): text` for structural ones).
struct JsonReader {
  struct Failure: Error {
    let message: String
  }

  private let text: [Character]
  private let original: String
  private var i = 0

  init(_ s: String) {
    original = s
    text = Array(s)
  }

  /// The value of the whole text; nil for text that is only whitespace.
  static func parse(_ s: String) throws(Failure) -> Value? {
    var r = JsonReader(s)
    r.skipSpace()
    if r.i >= r.text.count { return nil }
    let v = try r.value(depth: 0)
    r.skipSpace()
    if r.i < r.text.count { throw Failure(message: "Invalid JSON primitive: \(r.token()).") }
    return v
  }

  /// `parse` as a result.
  static func result(_ s: String) -> Result<Value?, Failure> {
    do {
      return .success(try parse(s))
    } catch {
      return .failure(error)
    }
  }

  private func failure(_ message: String) -> Failure {
    Failure(message: "\(message) (\(i)): \(original)")
  }

  private mutating func skipSpace() {
    while i < text.count {
      let c = text[i]
      if c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\r\n" {
        i += 1
      } else if c == "/", i + 1 < text.count, text[i + 1] == "*" {
        i += 2
        while i + 1 < text.count, !(text[i] == "*" && text[i + 1] == "/") { i += 1 }
        i = min(i + 2, text.count)
      } else if c == "/", i + 1 < text.count, text[i + 1] == "/" {
        while i < text.count, text[i] != "\n" { i += 1 }
      } else {
        return
      }
    }
  }

  static let delimiters: Set<Character> = [",", "]", "}", " ", "\t", "\r", "\n", "\r\n", ":"]

  /// A bare token (a primitive), up to a delimiter.
  private mutating func token() -> String {
    var s = ""
    while i < text.count, !JsonReader.delimiters.contains(text[i]) {
      s.append(text[i])
      i += 1
    }
    return s
  }

  private mutating func value(depth: Int) throws(Failure) -> Value {
    if depth > 100 { throw failure("RecursionLimit exceeded.") }
    skipSpace()
    guard i < text.count else { throw Failure(message: "Invalid JSON primitive: .") }
    switch text[i] {
    case "{": return try object(depth)
    case "[": return try array(depth)
    case "\"", "'":
      let raw = try string()
      if raw.hasPrefix("\\/Date("), raw.hasSuffix(")\\/") {
        let inner = raw.dropFirst(7).dropLast(3)
        let digits = inner.prefix { $0 == "-" || $0.isNumber }
        if let ms = Int64(digits) {
          return .dateTime(
            DateTimeValue(ticks: ms * DateTimeValue.ticksPerMillisecond + DateTimeValue.unixEpochTicks, kind: .utc))
        }
      }
      return .string(try JsonReader.unescape(raw, self))
    default:
      let t = token()
      switch t {
      case "true": return .bool(true)
      case "false": return .bool(false)
      case "null": return .null
      default: break
      }
      if let n = JsonReader.number(t) { return n }
      throw Failure(message: "Invalid JSON primitive: \(t).")
    }
  }

  static func number(_ t: String) -> Value? {
    guard let first = t.first, first == "-" || first == "+" || first == "." || first.isNumber else { return nil }
    if let n = Int32(t) { return .int32(n) }
    if let n = Int64(t) { return .int64(n) }
    let body = t.hasPrefix("-") || t.hasPrefix("+") ? t.dropFirst() : Substring(t)
    if !body.isEmpty, body.allSatisfy({ $0.isNumber || $0 == "." }), body.filter({ $0 == "." }).count <= 1,
      let d = Decimal(string: t.hasPrefix("+") ? String(t.dropFirst()) : t)
    {
      return .decimal(d)
    }
    if t.lowercased().contains("e"), let d = Double(t) { return .double(d) }
    return nil
  }

  /// A quoted string's raw content (escapes still in).
  private mutating func string() throws(Failure) -> String {
    let quote = text[i]
    i += 1
    var s = ""
    while i < text.count {
      let c = text[i]
      if c == "\\" {
        guard i + 1 < text.count else { break }
        s.append(c)
        s.append(text[i + 1])
        i += 2
        continue
      }
      if c == quote {
        i += 1
        return s
      }
      s.append(c)
      i += 1
    }
    throw failure("Unterminated string passed in.")
  }

  static func unescape(_ raw: String, _ r: JsonReader) throws(Failure) -> String {
    guard raw.contains("\\") else { return raw }
    var out = ""
    var chars = raw.makeIterator()
    while let c = chars.next() {
      guard c == "\\", let e = chars.next() else {
        out.append(c)
        continue
      }
      switch e {
      case "n": out.append("\n")
      case "r": out.append("\r")
      case "t": out.append("\t")
      case "b": out.append("\u{08}")
      case "f": out.append("\u{0C}")
      case "u":
        var hex = ""
        for _ in 0..<4 { if let h = chars.next() { hex.append(h) } }
        guard let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code) else {
          throw r.failure("Unrecognized escape sequence.")
        }
        out.unicodeScalars.append(scalar)
      default: out.append(e)
      }
    }
    return out
  }

  private mutating func object(_ depth: Int) throws(Failure) -> Value {
    i += 1
    let o = PSObject()
    skipSpace()
    if i < text.count, text[i] == "}" {
      i += 1
      return .object(o)
    }
    while true {
      skipSpace()
      guard i < text.count else { throw failure("Invalid object passed in, member name expected.") }
      let name: String
      if text[i] == "\"" || text[i] == "'" {
        name = try JsonReader.unescape(try string(), self)
      } else {
        let t = token()
        if t.isEmpty { throw failure("Invalid object passed in, member name expected.") }
        name = t
      }
      skipSpace()
      guard i < text.count, text[i] == ":" else { throw failure("Invalid object passed in, ':' or '}' expected.") }
      i += 1
      let v = try value(depth: depth + 1)
      o[name] = v
      skipSpace()
      guard i < text.count else { throw failure("Invalid object passed in, ':' or '}' expected.") }
      if text[i] == "," {
        i += 1
        continue
      }
      if text[i] == "}" {
        i += 1
        return .object(o)
      }
      throw failure("Invalid object passed in, ':' or '}' expected.")
    }
  }

  private mutating func array(_ depth: Int) throws(Failure) -> Value {
    i += 1
    var items: [Value] = []
    skipSpace()
    if i < text.count, text[i] == "]" {
      i += 1
      return .array(PSArray(items))
    }
    while true {
      items.append(try value(depth: depth + 1))
      skipSpace()
      guard i < text.count else { throw failure("Invalid array passed in, ']' expected.") }
      if text[i] == "," {
        i += 1
        continue
      }
      if text[i] == "]" {
        i += 1
        return .array(PSArray(items))
      }
      throw failure("Invalid array passed in, ',' expected.")
    }
  }
}
