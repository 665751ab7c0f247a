/// `ConvertTo-Json` as Windows PowerShell 5.1 writes it: the object graph reduced to
/// dictionaries, lists and primitives down to `depth` (deeper objects become their string
/// form, without a warning), serialized as .NET's `JavaScriptSerializer` does, then laid out by
/// 5.1's own pretty printer.
///
/// 5.1's layout (kept here, not pwsh 7's): members indented by four spaces, two spaces after
/// the colon (`"name":  value`), and a list or object that is a member's value indented under
/// the column after that member's `"name":  `; an empty list or object spans two lines with a
/// blank line between. Lines end with `\n` (5.1 on Windows writes `\r\n`).
///
/// Strings escape `"`, `\`, control characters, and `'`, `<`, `>`, `&` as `\u0027`, `\u003c`,
/// `\u003e`, `\u0026` (JavaScriptSerializer's HTML-safe escaping); dates are
/// `"\/Date(milliseconds since 1970)\/"`; a hashtable with a key that is not a string is an error.
struct JsonWriter {
  let depth: Int

  /// The JSON tree: what JavaScriptSerializer would see.
  indirect enum Node {
    case raw(String)
    case string(String)
    /// A date: milliseconds since 1970-01-01 UTC.
    case date(Int64)
    case list([Node])
    case dict([(String, Node)])
  }

  struct NonStringKey: Error {
    let typeName: String
  }

  func node(_ v: Value, _ level: Int) throws -> Node {
    switch v {
    case .null: return .raw("null")
    case .bool(let b): return .raw(b ? "true" : "false")
    case .int32(let i): return .raw(String(i))
    case .int64(let i): return .raw(String(i))
    case .byte(let b): return .raw(String(b))
    case .double(let d): return .raw(JsonWriter.number(d))
    case .decimal(let d): return .raw(d.description)
    case .char, .string: return .string(Conversions.toString(v))
    case .guid: return .string(Conversions.toString(v))
    case .dateTime(let d):
      let ms = (d.ticks - DateTimeValue.unixEpochTicks) / DateTimeValue.ticksPerMillisecond
      return .date(ms)
    default: break
    }
    if level > depth {
      return .string(Conversions.toString(v))
    }
    switch v {
    case .array(let a):
      return .list(try a.items.map { try node($0, level + 1) })
    case .hashtable(let h):
      var members: [(String, Node)] = []
      for (k, value) in h.entries {
        guard case .string(let name) = k else { throw NonStringKey(typeName: v.typeName) }
        members.append((name, try node(value, level + 1)))
      }
      return .dict(members)
    case .object(let o) where o.stringValue == nil || !o.properties.isEmpty:
      return .dict(try o.propertyValues.map { ($0.name, try node($0.value, level + 1)) })
    case .timeSpan, .version:
      return .dict(try DisplayValues.properties(of: v).map { ($0.name, try node($0.value, level + 1)) })
    default:
      // Types whose .NET properties the runtime does not model (IP addresses, script blocks,
      // types) are written as their string form.
      return .string(Conversions.toString(v))
    }
  }

  /// A double as .NET's round-trip ("R") format writes it.
  static func number(_ d: Double) -> String {
    if d.isNaN { return "NaN" }
    if d.isInfinite { return d < 0 ? "-Infinity" : "Infinity" }
    if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
    var s = "\(d)"
    if let e = s.firstIndex(of: "e") {
      var mantissa = String(s[..<e])
      if mantissa.hasSuffix(".0") { mantissa.removeLast(2) }
      var exp = String(s[s.index(after: e)...])
      var sign = "+"
      if exp.hasPrefix("-") || exp.hasPrefix("+") {
        if exp.hasPrefix("-") { sign = "-" }
        exp.removeFirst()
      }
      while exp.count < 2 { exp = "0" + exp }
      s = mantissa + "E" + sign + exp
    }
    return s
  }

  static func quote(_ s: String) -> String {
    var out = "\""
    for u in s.unicodeScalars {
      switch u {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "\u{08}": out += "\\b"
      case "\u{0C}": out += "\\f"
      case "'", "<", ">", "&":
        out += "\\u00" + String(u.value, radix: 16)
      default:
        if u.value < 0x20 {
          let hex = String(u.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(u)
        }
      }
    }
    return out + "\""
  }

  static func compact(_ n: Node) -> String {
    switch n {
    case .raw(let s): return s
    case .string(let s): return quote(s)
    case .date(let ms): return "\"\\/Date(\(ms))\\/\""
    case .list(let items): return "[" + items.map(compact).joined(separator: ",") + "]"
    case .dict(let members): return "{" + members.map { quote($0.0) + ":" + compact($0.1) }.joined(separator: ",") + "}"
    }
  }

  /// 5.1's pretty layout.
  static func pretty(_ n: Node) -> String {
    var out = ""
    switch n {
    case .dict, .list: container(n, pad: "", spaces: 0, into: &out)
    default: out = compact(n)
    }
    return out
  }

  private static func container(_ n: Node, pad: String, spaces: Int, into out: inout String) {
    let newPad = pad + String(repeating: " ", count: spaces + 4)
    let closing = pad + String(repeating: " ", count: spaces)
    switch n {
    case .dict(let members):
      out += "{\n"
      for (k, (name, value)) in members.enumerated() {
        let key = quote(name)
        out += newPad + key + ":  "
        switch value {
        case .dict, .list: container(value, pad: newPad, spaces: key.count + 3, into: &out)
        default: out += compact(value)
        }
        if k < members.count - 1 { out += ",\n" }
      }
      out += "\n" + closing + "}"
    case .list(let items):
      out += "[\n"
      for (k, item) in items.enumerated() {
        out += newPad
        switch item {
        case .dict, .list: container(item, pad: newPad, spaces: 0, into: &out)
        default: out += compact(item)
        }
        if k < items.count - 1 { out += ",\n" }
      }
      out += "\n" + closing + "]"
    default:
      out += compact(n)
    }
  }
}
