/// A property given to `Format-Table -Property` / `Format-List -Property` / `-GroupBy`: a name
/// (wildcards allowed), a script block, or a calculated property
/// `@{Name|Label|N|L = …; Expression|E = name or {…}; Width = n; Alignment = 'Left'|'Center'|'Right'; FormatString = '…'}`.
struct FormatPropertySpec {
  enum Expression {
    case name(String)
    case script(ScriptBlockValue)
  }
  var expression: Expression
  var label: String?
  var width: Int?
  var alignment: FormatAlignment?
  var formatString: String?

  /// Reads `-Property` arguments; `allowWidth` is false for `Format-List` (no Width/Alignment).
  static func parse(_ v: Value, command: String, allowWidth: Bool) throws(RuntimeError) -> [FormatPropertySpec] {
    var out: [FormatPropertySpec] = []
    for item in v.enumerated ?? [v] {
      switch item {
      case .scriptBlock(let sb):
        out.append(FormatPropertySpec(expression: .script(sb)))
      case .hashtable(let h):
        var spec = FormatPropertySpec(expression: .name(""))
        var hasExpression = false
        for (key, value) in h.entries {
          let k = Conversions.toString(key).lowercased()
          func matches(_ full: String) -> Bool { !k.isEmpty && full.hasPrefix(k) }
          if matches("name") || matches("label") {
            if spec.label != nil {
              throw RuntimeError(
                id: "DictionaryKeyDuplicate", message: "The \"\(Conversions.toString(key))\" key has already been specified.",
                exceptionType: "System.NotSupportedException")
            }
            spec.label = Conversions.toString(value)
          } else if matches("expression") {
            hasExpression = true
            if case .scriptBlock(let sb) = value {
              spec.expression = .script(sb)
            } else {
              spec.expression = .name(Conversions.toString(value))
            }
          } else if matches("width") && allowWidth {
            guard let n = Conversions.asInt64(value), n > 0 else {
              throw RuntimeError(
                id: "DictionaryKeyIllegalValue",
                message: "The \"\(Conversions.toString(key))\" key has a value that is not valid: the width must be a positive integer.",
                exceptionType: "System.NotSupportedException")
            }
            spec.width = Int(n)
          } else if matches("alignment") && allowWidth {
            let a = FormatRecord.alignment(named: Conversions.toString(value))
            guard a != .undefined else {
              throw RuntimeError(
                id: "DictionaryKeyIllegalValue",
                message: "The \"\(Conversions.toString(key))\" key has a value that is not valid: use Left, Center or Right.",
                exceptionType: "System.NotSupportedException")
            }
            spec.alignment = a
          } else if matches("formatstring") {
            spec.formatString = Conversions.toString(value)
          } else {
            throw RuntimeError(
              id: "DictionaryKeyIllegal", message: "The \"\(Conversions.toString(key))\" key is not valid.",
              exceptionType: "System.NotSupportedException")
          }
        }
        if !hasExpression {
          throw RuntimeError(
            id: "DictionaryKeyMandatoryEntry", message: "The \"Expression\" key is missing.",
            exceptionType: "System.NotSupportedException")
        }
        out.append(spec)
      default:
        out.append(FormatPropertySpec(expression: .name(Conversions.toString(item))))
      }
    }
    return out
  }
}

/// What `Format-Table` / `Format-List` / `Format-Wide` were asked for.
struct FormatRequest {
  /// nil: `Out-Default`'s choice (a view, else table or list by the number of properties).
  var shape: FormatShape?
  var properties: [FormatPropertySpec]?
  var groupBy: FormatPropertySpec?
  var autoSize = false
  var hideTableHeaders = false
  var wrap = false
  var wideColumns = 0
}

/// Turns objects into format records, as PowerShell's `format-default` and `Format-*` do: the
/// first object decides the view (its type's registered view, else its properties: four or
/// fewer make a table, more a list) and that view serves the whole sequence. A later object
/// the view does not apply to (a registered view for another type) is shown on its own as a
/// list; under a view made from the first object's properties every object is squeezed into
/// those columns (a property it lacks stays empty), as Windows PowerShell 5.1 does. Strings and
/// numbers are always written as they are.
final class FormatShaper {
  typealias Evaluate = (ScriptBlockValue, Value) throws -> Value

  let formatter: OutputFormatter
  let request: FormatRequest
  let evaluate: Evaluate

  private var active: ActiveView?
  private var groupOpen = false
  private var groupKey: Value?

  init(formatter: OutputFormatter, request: FormatRequest = FormatRequest(), evaluate: @escaping Evaluate) {
    self.formatter = formatter
    self.request = request
    self.evaluate = evaluate
  }

  var isFormatting: Bool { active != nil }

  /// A column or list entry ready to read objects.
  struct Column {
    var label: String
    var width: Int
    var alignment: FormatAlignment
    var read: (Value) throws -> Value
    var formatString: String?
  }

  struct ActiveView {
    var shape: FormatShape
    /// The view's type names; nil when the view was made from properties (applies to all).
    var typeNames: [String]?
    var columns: [Column]
    /// A complex view (a date's long form).
    var complex: ((Value) -> [String])?
    /// `-GroupBy`, else the registered view's grouping: the key and the header of a group.
    var groupBy: (key: (Value) throws -> Value, header: (Value, Value) throws -> String)?
  }

  /// The records for one pipeline object; collections are shown item by item.
  func process(_ v: Value) throws -> [FormatRecord] {
    if let r = FormatRecord(v) { return [r] }
    var out: [FormatRecord] = []
    switch v {
    case .array(let a):
      for item in a.items { try processObject(item, &out) }
    case .hashtable(let h):
      for e in h.entries { try processObject(OutputFormatter.dictionaryEntry(e.key, e.value), &out) }
    default:
      try processObject(v, &out)
    }
    return out
  }

  /// Ends the sequence.
  func end() -> [FormatRecord] {
    guard active != nil else { return [] }
    var out: [FormatRecord] = []
    if groupOpen { out.append(.groupEnd) }
    out.append(.formatEnd)
    active = nil
    groupOpen = false
    groupKey = nil
    return out
  }

  private func processObject(_ v: Value, _ out: inout [FormatRecord]) throws {
    if case .null = v { return }
    if let r = FormatRecord(v) {
      out.append(r)
      return
    }
    if isOutOfBandText(v) {
      out.append(.entry(.text(DisplayValues.toString(v)), outOfBand: true))
      return
    }
    if active == nil {
      var view = try selectView(v)
      if let g = request.groupBy {
        let label = groupLabel(g)
        view.groupBy = (key: { [unowned self] in try self.read(g, $0) }, header: { _, key in "   " + label + ": " + DisplayValues.cellText(key) })
      }
      active = view
      out.append(.formatStart(startData(view, firstObject: v)))
    }
    let view = active!
    if let names = view.typeNames, !names.contains(where: { $0.caseInsensitiveEquals(formatter.typeName(v)) }) {
      let pairs = try outOfBandList(v)
      if !pairs.isEmpty { out.append(.entry(.list(pairs), outOfBand: true)) }
      return
    }
    if let g = view.groupBy {
      let key = try g.key(v)
      let label = try g.header(v, key)
      if !groupOpen {
        out.append(.groupStart(label: label))
        groupOpen = true
      } else if !Comparison.equals(key, groupKey ?? .null, caseSensitive: false) {
        out.append(.groupEnd)
        out.append(.groupStart(label: label))
      }
      groupKey = key
    } else if !groupOpen {
      out.append(.groupStart(label: nil))
      groupOpen = true
    }
    out.append(.entry(try payload(view, v), outOfBand: false))
  }

  /// Scalars, and objects with nothing to show but their string (an error record, a type).
  private func isOutOfBandText(_ v: Value) -> Bool {
    if DisplayValues.isScalar(v) { return true }
    switch v {
    case .object(let o): return o.stringValue != nil && formatter.view(for: o.typeName, kind: nil) == nil || o.propertyValues.isEmpty
    case .dateTime, .timeSpan, .guid, .version: return false
    default: return true
    }
  }

  private func groupLabel(_ g: FormatPropertySpec) -> String {
    if let l = g.label { return l }
    switch g.expression {
    case .name(let n): return n
    case .script(let sb): return sb.text
    }
  }

  private func read(_ spec: FormatPropertySpec, _ v: Value) throws -> Value {
    switch spec.expression {
    case .name(let n): return DisplayValues.property(v, n) ?? .null
    case .script(let sb): return try evaluate(sb, v)
    }
  }

  // MARK: - Views

  private func selectView(_ v: Value) throws -> ActiveView {
    let shape = request.shape
    if let specs = request.properties {
      return ActiveView(shape: shape ?? .table, typeNames: nil, columns: try expand(specs, v))
    }
    let typeName = formatter.typeName(v)
    let wantedKind: FormatView.Kind? =
      switch shape {
      case .table: .table
      case .list: .list
      default: nil
      }
    if shape != .wide, let view = formatter.view(for: typeName, kind: wantedKind) {
      let columns = view.columns.map { c -> Column in
        let read: (Value) throws -> Value
        if let f = c.value {
          read = { f($0) }
        } else {
          let name = c.propertyName ?? ""
          read = { DisplayValues.property($0, name) ?? .null }
        }
        return Column(label: c.header, width: c.width, alignment: c.alignment, read: read)
      }
      var active = ActiveView(shape: view.kind == .table ? .table : .list, typeNames: view.typeNames, columns: columns)
      if let g = view.groupBy { active.groupBy = (key: { g.key($0) }, header: { v, _ in g.header(v) }) }
      return active
    }
    if shape == nil, case .dateTime = v {
      return ActiveView(
        shape: .complex, typeNames: ["System.DateTime"], columns: [],
        complex: { v in
          guard case .dateTime(let d) = v else { return [] }
          return [(try? DateFormat.format(d.parts, "F")) ?? Conversions.toString(v)]
        })
    }
    var names = formatter.defaultDisplayProperties[typeName.lowercased()] ?? []
    let fromSet = !names.isEmpty
    if names.isEmpty { names = DisplayValues.properties(of: v).map(\.name) }
    if shape == .wide {
      let name = names.first { $0.caseInsensitiveEquals("Name") } ?? names.first ?? ""
      return ActiveView(shape: .wide, typeNames: nil, columns: [propertyColumn(name, v)])
    }
    let resolved = shape ?? (names.count <= 4 ? .table : .list)
    if resolved == .table, !fromSet, names.count > 10 { names = Array(names.prefix(10)) }
    return ActiveView(shape: resolved, typeNames: nil, columns: names.map { propertyColumn($0, v) })
  }

  private func propertyColumn(_ name: String, _ first: Value) -> Column {
    Column(
      label: name, width: 0, alignment: DisplayValues.defaultAlignment(DisplayValues.property(first, name)),
      read: { DisplayValues.property($0, name) ?? .null })
  }

  /// `-Property` entries against the first object: wildcards become its matching properties.
  private func expand(_ specs: [FormatPropertySpec], _ first: Value) throws -> [Column] {
    var columns: [Column] = []
    let all = DisplayValues.properties(of: first).map(\.name)
    for spec in specs {
      switch spec.expression {
      case .name(let n) where WildcardPattern.containsWildcards(n):
        let pattern = WildcardPattern(n)
        for name in all where pattern.matches(name) {
          if columns.contains(where: { $0.label.caseInsensitiveEquals(name) }) { continue }
          var c = propertyColumn(name, first)
          if let w = spec.width { c.width = w }
          if let a = spec.alignment { c.alignment = a }
          c.formatString = spec.formatString
          columns.append(c)
        }
      case .name(let n):
        var c = propertyColumn(n, first)
        if let l = spec.label { c.label = l }
        if let w = spec.width { c.width = w }
        if let a = spec.alignment { c.alignment = a }
        c.formatString = spec.formatString
        columns.append(c)
      case .script(let sb):
        let evaluate = self.evaluate
        let firstValue = try? evaluate(sb, first)
        columns.append(
          Column(
            label: spec.label ?? sb.text, width: spec.width ?? 0,
            alignment: spec.alignment ?? DisplayValues.defaultAlignment(firstValue),
            read: { try evaluate(sb, $0) }, formatString: spec.formatString))
      }
    }
    return columns
  }

  private func startData(_ view: ActiveView, firstObject: Value) -> FormatStart {
    var fs = FormatStart(shape: view.shape)
    if view.shape == .table {
      fs.columns = view.columns.map { c in
        var a = c.alignment
        if a == .undefined { a = DisplayValues.defaultAlignment(try? c.read(firstObject)) }
        return TableColumnInfo(label: c.label, width: c.width, alignment: a)
      }
      if let registered = formatter.views.first(where: { v in view.typeNames.map { v.typeNames == $0 } ?? false }) {
        fs.hideHeader = registered.hideTableHeaders
      }
      if request.hideTableHeaders { fs.hideHeader = true }
      fs.autoSize = request.autoSize
      fs.wrap = request.wrap
    } else if view.shape == .wide {
      fs.wideColumns = request.wideColumns
      fs.autoSize = request.autoSize
    }
    return fs
  }

  private func text(_ c: Column, _ v: Value) throws -> String {
    let value = try c.read(v)
    if let f = c.formatString, !value.isNull {
      if let s = try? CompositeFormat.formatValue(Members.formatArgument(value), f) { return s }
    }
    return DisplayValues.cellText(value)
  }

  private func payload(_ view: ActiveView, _ v: Value) throws -> FormatEntry {
    switch view.shape {
    case .table: return .row(try view.columns.map { try text($0, v) }, [])
    case .list: return .list(try view.columns.map { ($0.label, try text($0, v)) })
    case .wide: return .wide(try view.columns.first.map { try text($0, v) } ?? DisplayValues.toString(v))
    case .complex: return .complex(view.complex?(v) ?? [DisplayValues.toString(v)])
    }
  }

  /// An object no view of the sequence applies to: a list of its default properties.
  private func outOfBandList(_ v: Value) throws -> [(String, String)] {
    if let view = formatter.view(for: formatter.typeName(v), kind: .list) {
      return view.columns.map { c in
        let value = c.value.map { $0(v) } ?? DisplayValues.property(v, c.propertyName ?? "") ?? .null
        return (c.header, DisplayValues.cellText(value))
      }
    }
    let names =
      formatter.defaultDisplayProperties[formatter.typeName(v).lowercased()]
      ?? DisplayValues.properties(of: v).map(\.name)
    return names.map { ($0, DisplayValues.cellText(DisplayValues.property(v, $0) ?? .null)) }
  }
}
