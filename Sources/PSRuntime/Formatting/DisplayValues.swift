/// How the formatter reads objects: their properties and the text of a value in a table cell or
/// list entry (PowerShell's `PSObjectHelper.SmartToString`).
enum DisplayValues {
  /// `$FormatEnumerationLimit`'s default: a collection in a cell shows at most this many items.
  static let enumerationLimit = 4

  /// Values PowerShell always writes by their string form, never as a table or list
  /// (`DefaultScalarTypes`: strings, numbers, Booleans, characters).
  static func isScalar(_ v: Value) -> Bool {
    switch v {
    case .bool, .int32, .int64, .double, .decimal, .byte, .char, .string: return true
    default: return false
    }
  }

  /// The properties of a value, in order (what `Format-List *` and the default views show).
  static func properties(of v: Value) -> [(name: String, value: Value)] {
    switch v {
    case .object(let o): return o.propertyValues
    case .dateTime(let d):
      return dateTimeNames.map { ($0, Members.dateTimeProperty(d, $0.lowercased()) ?? .null) }
    case .timeSpan(let t):
      return timeSpanNames.map { ($0, Members.timeSpanProperty(t, $0.lowercased()) ?? .null) }
    case .version:
      return ["Major", "Minor", "Build", "Revision", "MajorRevision", "MinorRevision"].map {
        ($0, (try? Members.get(v, $0)) ?? .null)
      }
    case .guid: return [("Guid", .string(Conversions.toString(v)))]
    default: return []
    }
  }

  static let timeSpanNames = [
    "Days", "Hours", "Minutes", "Seconds", "Milliseconds", "Ticks", "TotalDays", "TotalHours", "TotalMinutes",
    "TotalSeconds", "TotalMilliseconds",
  ]
  static let dateTimeNames = [
    "Date", "Day", "DayOfWeek", "DayOfYear", "Hour", "Kind", "Millisecond", "Minute", "Month", "Second", "Ticks",
    "TimeOfDay", "Year",
  ]

  /// A property by name, or nil when the value has none of that name.
  static func property(_ v: Value, _ name: String) -> Value? {
    if case .object(let o) = v { return o.anyProperty(name) }
    if case .hashtable(let h) = v { return h.entries.first { Conversions.toString($0.key).caseInsensitiveEquals(name) }?.value }
    if let p = properties(of: v).first(where: { $0.name.caseInsensitiveEquals(name) }) { return p.value }
    return try? Members.get(v, name)
  }

  /// A value's `ToString()` as the formatter shows it: dates in the en-US culture's general
  /// form (`1/2/2024 3:04:05 PM`), everything else as PowerShell converts it to a string.
  static func toString(_ v: Value) -> String {
    if case .dateTime(let d) = v { return (try? DateFormat.format(d.parts, "G")) ?? Conversions.toString(v) }
    return Conversions.toString(v)
  }

  /// The text of a value in a table cell or list entry: `$null` is empty, a collection shows its
  /// first four items as `{1, 2, 3, 4...}`, a hashtable its keys, anything else its string form.
  static func cellText(_ v: Value) -> String {
    let items: [Value]
    switch v {
    case .null: return ""
    case .array(let a): items = a.items
    case .hashtable(let h): items = h.entries.map(\.key)
    default: return toString(v)
    }
    var s = "{"
    for (k, item) in items.enumerated() {
      if k == enumerationLimit {
        s += "..."
        break
      }
      if k > 0 { s += ", " }
      s += objectName(item)
    }
    return s + "}"
  }

  /// How an item of a collection is named in a cell: by its `Name`, `Id` or `Key` property
  /// when it has one (PowerShell's display-name heuristics), else its string form.
  static func objectName(_ v: Value) -> String {
    if case .object(let o) = v, o.stringValue == nil {
      for pattern in ["name", "id", "key", "*key", "*name", "*id"] {
        let wildcard = WildcardPattern(pattern)
        if let p = o.propertyValues.first(where: { wildcard.matches($0.name) }) { return toString(p.value) }
      }
    }
    return toString(v)
  }

  /// The default alignment of a column from its first value: numbers and Booleans right.
  static func defaultAlignment(_ v: Value?) -> FormatAlignment {
    guard let v else { return .left }
    switch v {
    case .bool, .int32, .int64, .double, .decimal, .byte, .char: return .right
    default: return .left
    }
  }
}
