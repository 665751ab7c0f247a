/// The messages the formatting commands pass to the output commands, as PowerShell's
/// `FormatStartData`, `GroupStartData`, `FormatEntryData`, `GroupEndData` and `FormatEndData`:
/// `Format-Table` turns objects into these, and `Out-Default`, `Out-String` and redirection to
/// a file turn them into text. Between commands they travel as objects of those internal type
/// names (so `Format-Table | Select-Object` sees format objects, as in PowerShell), their
/// content carried in properties; `FormatRecord(value)` reads one back.
enum FormatShape: String {
  case table = "Table", list = "List", wide = "Wide", complex = "Complex"
}

struct TableColumnInfo: Equatable {
  var label: String
  var width: Int
  var alignment: FormatAlignment
}

struct FormatStart: Equatable {
  var shape: FormatShape
  /// Table columns (empty for other shapes).
  var columns: [TableColumnInfo] = []
  var hideHeader = false
  /// `-AutoSize`: size the columns from all the objects.
  var autoSize = false
  /// `-Wrap`: table cells wrap onto more lines instead of being cut with `...`.
  var wrap = false
  /// Format-Wide: the number of columns (0 = as many as fit).
  var wideColumns = 0
}

enum FormatEntry: Equatable {
  /// A table row: the cells' text and per-cell alignment (undefined = the column's).
  case row([String], [FormatAlignment])
  /// A list entry: labels and values.
  case list([(String, String)])
  /// One item of a wide view.
  case wide(String)
  /// Text written as is (scalars; out-of-band).
  case text(String)
  /// Lines of a complex view (a date's long form).
  case complex([String])

  static func == (a: FormatEntry, b: FormatEntry) -> Bool {
    switch (a, b) {
    case (.row(let x, let y), .row(let u, let v)): return x == u && y == v
    case (.list(let x), .list(let y)): return x.map(\.0) == y.map(\.0) && x.map(\.1) == y.map(\.1)
    case (.wide(let x), .wide(let y)), (.text(let x), .text(let y)): return x == y
    case (.complex(let x), .complex(let y)): return x == y
    default: return false
    }
  }
}

enum FormatRecord: Equatable {
  case formatStart(FormatStart)
  /// A group starts; `label` is the `-GroupBy` header line, if any.
  case groupStart(label: String?)
  /// `outOfBand`: shown outside the current table or list (a string amid objects, an object
  /// no view applies to).
  case entry(FormatEntry, outOfBand: Bool)
  case groupEnd
  case formatEnd
}

extension FormatRecord {
  static let namespace = "Microsoft.PowerShell.Commands.Internal.Format."
  /// The property PowerShell's format objects carry to tell their class.
  static let classIdProperty = "ClassId2e4f51ef21dd47e99d3c952918aff9cd"

  var className: String {
    switch self {
    case .formatStart: return "FormatStartData"
    case .groupStart: return "GroupStartData"
    case .entry: return "FormatEntryData"
    case .groupEnd: return "GroupEndData"
    case .formatEnd: return "FormatEndData"
    }
  }

  /// The record as a pipeline object.
  var asValue: Value {
    let o = PSObject()
    o.typeName = FormatRecord.namespace + className
    o.stringValue = FormatRecord.namespace + className
    o[FormatRecord.classIdProperty] = .string(className)
    func strings(_ s: [String]) -> Value { .array(PSArray(s.map(Value.string))) }
    func alignments(_ a: [FormatAlignment]) -> Value { strings(a.map(FormatRecord.alignmentName)) }
    switch self {
    case .formatStart(let fs):
      o["shape"] = .string(fs.shape.rawValue)
      o["labels"] = strings(fs.columns.map(\.label))
      o["widths"] = .array(PSArray(fs.columns.map { .int32(Int32($0.width)) }))
      o["alignments"] = alignments(fs.columns.map(\.alignment))
      o["hideHeader"] = .bool(fs.hideHeader)
      o["autosize"] = .bool(fs.autoSize)
      o["wrap"] = .bool(fs.wrap)
      o["wideColumns"] = .int32(Int32(fs.wideColumns))
    case .groupStart(let label):
      o["label"] = label.map(Value.string) ?? .null
    case .entry(let e, let outOfBand):
      o["outOfBand"] = .bool(outOfBand)
      switch e {
      case .row(let cells, let a):
        o["kind"] = .string("row")
        o["values"] = strings(cells)
        o["alignments"] = alignments(a)
      case .list(let pairs):
        o["kind"] = .string("list")
        o["labels"] = strings(pairs.map(\.0))
        o["values"] = strings(pairs.map(\.1))
      case .wide(let s):
        o["kind"] = .string("wide")
        o["values"] = strings([s])
      case .text(let s):
        o["kind"] = .string("text")
        o["values"] = strings([s])
      case .complex(let lines):
        o["kind"] = .string("complex")
        o["values"] = strings(lines)
      }
    case .groupEnd, .formatEnd:
      break
    }
    return .object(o)
  }

  /// Reads a format object back; nil for any other value.
  init?(_ value: Value) {
    guard case .object(let o) = value, let t = o.typeName, t.hasPrefix(FormatRecord.namespace),
      case .string(let cls)? = o[FormatRecord.classIdProperty]
    else { return nil }
    func strings(_ name: String) -> [String] { (o[name]?.enumerated ?? []).map(Conversions.toString) }
    func flag(_ name: String) -> Bool { o[name].map(Conversions.toBool) ?? false }
    func alignments(_ name: String) -> [FormatAlignment] { strings(name).map(FormatRecord.alignment(named:)) }
    switch cls {
    case "FormatStartData":
      var fs = FormatStart(shape: FormatShape(rawValue: Conversions.toString(o["shape"] ?? .null)) ?? .table)
      let labels = strings("labels")
      let widths = (o["widths"]?.enumerated ?? []).map { Int(Conversions.asInt64($0) ?? 0) }
      let aligns = alignments("alignments")
      fs.columns = labels.indices.map { k in
        TableColumnInfo(
          label: labels[k], width: k < widths.count ? widths[k] : 0, alignment: k < aligns.count ? aligns[k] : .undefined)
      }
      fs.hideHeader = flag("hideHeader")
      fs.autoSize = flag("autosize")
      fs.wrap = flag("wrap")
      fs.wideColumns = Int(Conversions.asInt64(o["wideColumns"] ?? .null) ?? 0)
      self = .formatStart(fs)
    case "GroupStartData":
      let label = o["label"]
      self = .groupStart(label: label == nil || label!.isNull ? nil : Conversions.toString(label!))
    case "FormatEntryData":
      let values = strings("values")
      let entry: FormatEntry
      switch Conversions.toString(o["kind"] ?? .null) {
      case "row": entry = .row(values, alignments("alignments"))
      case "list": entry = .list(Array(zip(strings("labels"), values)))
      case "wide": entry = .wide(values.first ?? "")
      case "complex": entry = .complex(values)
      default: entry = .text(values.first ?? "")
      }
      self = .entry(entry, outOfBand: flag("outOfBand"))
    case "GroupEndData": self = .groupEnd
    case "FormatEndData": self = .formatEnd
    default: return nil
    }
  }

  static func alignmentName(_ a: FormatAlignment) -> String {
    switch a {
    case .undefined: return "Undefined"
    case .left: return "Left"
    case .center: return "Center"
    case .right: return "Right"
    }
  }

  static func alignment(named s: String) -> FormatAlignment {
    switch s.lowercased() {
    case "left": return .left
    case "center": return .center
    case "right": return .right
    default: return .undefined
    }
  }
}
