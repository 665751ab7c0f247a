@testable import PSRuntime

/// A short, comparable rendering of a value for table-driven tests: `int:3`, `str:a`,
/// `arr[int:1,int:2]`, `null`.
func show(_ v: Value) -> String {
  switch v {
  case .null: return "null"
  case .bool(let b): return "bool:\(b)"
  case .int32(let i): return "int:\(i)"
  case .int64(let i): return "long:\(i)"
  case .double(let d): return "double:\(Conversions.formatDouble(d))"
  case .decimal(let d): return "decimal:\(d)"
  case .byte(let b): return "byte:\(b)"
  case .char(let c): return "char:\(String(decoding: [c], as: UTF16.self))"
  case .string(let s): return "str:\(s)"
  case .array(let a): return "arr[" + a.items.map(show).joined(separator: ",") + "]"
  case .hashtable(let h): return "hash{" + h.entries.map { "\(show($0.key))=\(show($0.value))" }.joined(separator: ",") + "}"
  case .object(let o): return "obj{" + o.properties.map { "\($0.name)=\(show($0.value))" }.joined(separator: ",") + "}"
  case .type(let t): return "type:\(t)"
  case .ipAddress(let a): return "ip:\(a)"
  case .version(let v): return "ver:\(v)"
  case .scriptBlock(let s): return "sb:{\(s.text)}"
  case .reference(let r): return "ref:" + show(r.value)
  case .dateTime(let d):
    let text = (try? DateFormat.format(d.parts, "yyyy-MM-ddTHH:mm:ss.FFFFFFF")) ?? "?"
    let kind = d.kind == .utc ? "Z" : (d.kind == .local ? "L" : "")
    return "date:" + text + kind
  case .timeSpan(let t): return "ts:" + ((try? DateFormat.formatTimeSpan(t, nil)) ?? "?")
  case .guid(let g): return "guid:" + g.uuidString.lowercased()
  }
}

func arr(_ items: Value...) -> Value { .array(PSArray(items)) }

/// The inverse of `show` for the scalar forms and arrays: `val("arr[int:1,str:a]")`. Table
/// rows are written as these strings because `Value` (holding shared references) is not
/// `Sendable`.
func val(_ spec: String) -> Value {
  if spec == "null" { return .null }
  if spec.hasPrefix("arr[") && spec.hasSuffix("]") {
    let inner = String(spec.dropFirst(4).dropLast())
    if inner.isEmpty { return .array(PSArray()) }
    var parts: [String] = []
    var depth = 0
    var cur = ""
    for c in inner {
      if c == "[" { depth += 1 }
      if c == "]" { depth -= 1 }
      if c == ",", depth == 0 {
        parts.append(cur)
        cur = ""
      } else {
        cur.append(c)
      }
    }
    parts.append(cur)
    return .array(PSArray(parts.map(val)))
  }
  guard let colon = spec.firstIndex(of: ":") else { return .string(spec) }
  let kind = spec[..<colon]
  let text = String(spec[spec.index(after: colon)...])
  switch kind {
  case "bool": return .bool(text == "true")
  case "int": return .int32(Int32(text) ?? 0)
  case "long": return .int64(Int64(text) ?? 0)
  case "double": return .double(Double(text) ?? .nan)
  case "char": return .char(text.utf16.first ?? 0)
  case "ip": return IPAddressValue(parsing: text).map { .ipAddress($0) } ?? .null
  case "ver": return VersionValue(parsing: text).map { .version($0) } ?? .null
  case "date":
    // `date:2024-01-31T10:20:30` (unspecified), with `Z` (UTC) or `L` (local) appended for the kind.
    var body = text
    var kind = DateTimeValue.Kind.unspecified
    if body.hasSuffix("Z") { kind = .utc } else if body.hasSuffix("L") { kind = .local }
    if kind != .unspecified { body.removeLast() }
    guard var d = DateTimeValue.parse(body) else { return .null }
    d.kind = kind
    return .dateTime(d)
  case "ts": return TimeSpanValue.parse(text).map { .timeSpan($0) } ?? .null
  case "guid": return Conversions.parseGuid(text).map { .guid($0) } ?? .null
  default: return .string(text)
  }
}
