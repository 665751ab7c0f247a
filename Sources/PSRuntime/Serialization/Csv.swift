/// CSV as Windows PowerShell 5.1's `ConvertTo-Csv` / `Export-Csv` write it and `ConvertFrom-Csv`
/// / `Import-Csv` read it: a `#TYPE name` line unless `-NoTypeInformation`, a header of the
/// first object's property names, every field quoted (`""` for a quote inside), a property the
/// object lacks or whose value is `$null` left empty and unquoted.
enum Csv {
  /// The property names and values CSV writes for an object: a custom object's properties; a
  /// string's `Length`; a hashtable's own .NET properties (as 5.1 does, not its keys).
  static func properties(of v: Value) -> [(name: String, value: Value)] {
    switch v {
    case .string(let s): return [("Length", .int32(Int32(s.utf16.count)))]
    case .hashtable(let h):
      let type = h.isOrdered ? "System.Collections.Specialized.OrderedDictionary" : "System.Collections.Hashtable"
      return [
        ("IsReadOnly", .bool(false)), ("IsFixedSize", .bool(false)), ("IsSynchronized", .bool(false)),
        ("Keys", .string(h.isOrdered ? type + "+OrderedDictionaryKeyValueCollection" : type + "+KeyCollection")),
        ("Values", .string(h.isOrdered ? type + "+OrderedDictionaryKeyValueCollection" : type + "+ValueCollection")),
        ("SyncRoot", .string("System.Object")), ("Count", .int32(Int32(h.count))),
      ]
    default: return DisplayValues.properties(of: v)
    }
  }

  static func typeLine(_ v: Value) -> String {
    if case .object(let o) = v { return "#TYPE " + (o.typeName ?? "System.Management.Automation.PSCustomObject") }
    return "#TYPE " + v.typeName
  }

  static func header(_ names: [String], _ delimiter: Character) -> String {
    names.map(quoted).joined(separator: String(delimiter))
  }

  static func row(_ v: Value, _ names: [String], _ delimiter: Character) -> String {
    let props = properties(of: v)
    return names.map { name -> String in
      guard let p = props.first(where: { $0.name.caseInsensitiveEquals(name) }), !p.value.isNull else { return "" }
      return quoted(text(p.value))
    }.joined(separator: String(delimiter))
  }

  /// A value's `ToString()`: collections show their type name.
  static func text(_ v: Value) -> String {
    switch v {
    case .array: return "System.Object[]"
    default: return DisplayValues.toString(v)
    }
  }

  static func quoted(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

  /// Splits CSV text into records of fields (quoted fields may hold delimiters, quotes and line
  /// breaks). Empty lines are skipped.
  static func records(_ text: String, _ delimiter: Character) -> [[String]] {
    var out: [[String]] = []
    var fields: [String] = []
    var field = ""
    var inQuotes = false
    var quotedField = false
    var chars = Array(text)
    if chars.last != "\n" { chars.append("\n") }
    var i = 0
    while i < chars.count {
      let c = chars[i]
      if inQuotes {
        if c == "\"" {
          if i + 1 < chars.count, chars[i + 1] == "\"" {
            field.append("\"")
            i += 1
          } else {
            inQuotes = false
          }
        } else {
          field.append(c)
        }
      } else if c == "\"" && (field.isEmpty || quotedField) {
        inQuotes = true
        quotedField = true
      } else if c == delimiter {
        fields.append(field)
        field = ""
        quotedField = false
      } else if c == "\n" || c == "\r" || c == "\r\n" {
        if !(fields.isEmpty && field.isEmpty && !quotedField) {
          fields.append(field)
          out.append(fields)
        }
        fields = []
        field = ""
        quotedField = false
      } else {
        field.append(c)
      }
      i += 1
    }
    return out
  }
}
