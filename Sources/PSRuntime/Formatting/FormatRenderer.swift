/// Turns format records into lines of text, as PowerShell's `OutCommandInner` (the engine of
/// `Out-Default`, `Out-String`, `Out-File`) does for a screen `width` characters wide.
///
/// Layout, as Windows PowerShell 5.1 writes it:
/// - a format sequence starts with a blank line and ends with one; a group ends with one, so a
///   table or list ends with two blank lines; a list's group also starts with a blank line, and
///   each list entry ends with one;
/// - table columns are one space apart; a header row then a row of dashes as long as each
///   header (or the column, if narrower); cells padded to the column width except the last
///   column when left-aligned; a cell too long for its column is cut and ends with `...`, or,
///   right-aligned, starts with `...` (with `-Wrap`, it continues on further lines instead);
/// - a table whose columns have no fixed widths is sized from the objects seen before its rows
///   must be written (PowerShell waits up to 300 ms for them; here: until other text must reach
///   the host, or the table ends), then fitted to the width by narrowing, then hiding, columns
///   from the right;
/// - list labels are padded to the longest label and followed by ` : `; a value too long for
///   the line wraps at word boundaries (the en-US culture's rule) onto lines indented under the
///   value column; embedded newlines are kept, likewise indented.
final class FormatRenderer {
  let width: Int
  /// Lines written and not yet taken.
  private(set) var lines: [String] = []

  private var start: FormatStart?
  /// Records held back to size a table's columns from its rows.
  private var cache: [FormatRecord]?
  /// Column widths measured from the cached rows, for the next group's layout.
  private var hint: [Int]?
  private var wideHint: Int?
  private var table: TableLayout?
  private var wideBuffer: [String] = []
  private var wideLayout: TableLayout?
  private var wideItemsPerRow = 2

  init(width: Int) { self.width = max(width, 10) }

  /// Takes the lines written so far.
  func take() -> [String] {
    defer { lines.removeAll() }
    return lines
  }

  var isFormatting: Bool { start != nil }

  func process(_ r: FormatRecord) {
    if cache != nil {
      switch r {
      case .groupEnd, .formatEnd, .formatStart:
        drain()
      default:
        cache!.append(r)
        return
      }
    }
    switch r {
    case .formatStart(let fs):
      if start != nil { closeOpenDocument() }
      start = fs
      lines.append("")
      if fs.shape == .table, let first = fs.columns.first, fs.autoSize || first.width == 0 {
        cache = []
      } else if fs.shape == .wide, fs.wideColumns == 0 {
        cache = []
      }
    case .groupStart(let label):
      groupStart(label)
    case .entry(let e, let outOfBand):
      if outOfBand || start == nil {
        outOfBandEntry(e)
      } else {
        payload(e)
      }
    case .groupEnd:
      groupEnd()
    case .formatEnd:
      if start != nil { lines.append("") }
      start = nil
      table = nil
      hint = nil
      wideHint = nil
    }
  }

  /// Writes what a table was waiting for (its widths are decided from what came so far).
  func drain() {
    guard let held = cache else { return }
    cache = nil
    if let fs = start {
      if fs.shape == .table {
        var w = fs.columns.map { $0.label.count }
        for case .entry(.row(let cells, _), false) in held {
          for (k, c) in cells.enumerated() where k < w.count { w[k] = max(w[k], c.count) }
        }
        hint = w
      } else if fs.shape == .wide {
        var m = 0
        for case .entry(.wide(let s), false) in held { m = max(m, s.count) }
        wideHint = m
      }
    }
    for r in held { process(r) }
  }

  /// Closes whatever is open (the end of the output, or a new format sequence arriving).
  func finish() {
    drain()
    if table != nil || wideLayout != nil || groupOpen { groupEnd() }
    if start != nil { process(.formatEnd) }
  }

  private var groupOpen = false

  private func closeOpenDocument() {
    if groupOpen { groupEnd() }
    lines.append("")
    start = nil
    table = nil
    hint = nil
  }

  // MARK: - Groups

  private func groupStart(_ label: String?) {
    guard let fs = start else { return }
    groupOpen = true
    if let label {
      lines.append("")
      lines += label.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      lines.append("")
    }
    switch fs.shape {
    case .table:
      var widths = fs.columns.map(\.width)
      if let h = hint, h.count == widths.count { widths = h }
      hint = nil
      let layout = TableLayout(
        screenWidth: width, widths: widths, alignments: fs.columns.map(\.alignment), wrap: fs.wrap)
      table = layout
      if !fs.hideHeader { lines += layout.header(fs.columns.map(\.label)) }
    case .list:
      lines.append("")
    case .wide:
      lines.append("")
      var perRow = fs.wideColumns > 0 ? fs.wideColumns : 2
      if let m = wideHint, m > 0 { perRow = TableLayout.wideItemsPerRow(itemWidth: m, screenWidth: width) }
      wideHint = nil
      wideItemsPerRow = perRow
      wideLayout = TableLayout(
        screenWidth: width, widths: Array(repeating: 0, count: perRow), alignments: Array(repeating: .left, count: perRow),
        wrap: false)
    case .complex:
      break
    }
  }

  private func groupEnd() {
    flushWide()
    table = nil
    wideLayout = nil
    groupOpen = false
    lines.append("")
  }

  // MARK: - Entries

  private func payload(_ e: FormatEntry) {
    switch e {
    case .row(let cells, let alignments):
      if table == nil { groupStart(nil) }
      lines += table!.row(cells, alignments)
    case .list(let pairs):
      if !groupOpen { groupStart(nil) }
      lines += ListLayout.lines(pairs, width: width)
      lines.append("")
    case .wide(let s):
      if wideLayout == nil { groupStart(nil) }
      wideBuffer.append(s)
      if wideBuffer.count == wideItemsPerRow { flushWide() }
    case .text(let s):
      lines.append(s)
    case .complex(let ls):
      if !groupOpen { groupOpen = true }
      lines += ls
    }
  }

  private func flushWide() {
    guard let layout = wideLayout, !wideBuffer.isEmpty else { return }
    var cells = wideBuffer
    while cells.count < wideItemsPerRow { cells.append("") }
    lines += layout.row(cells, [])
    wideBuffer.removeAll()
  }

  private func outOfBandEntry(_ e: FormatEntry) {
    switch e {
    case .text(let s): lines.append(s)
    case .complex(let ls): lines += ls
    case .list(let pairs):
      lines.append("")
      lines += ListLayout.lines(pairs, width: width)
      lines.append("")
    case .row(let cells, _): lines.append(cells.joined(separator: " "))
    case .wide(let s): lines.append(s)
    }
  }
}

/// A table's columns fitted to the screen (PowerShell's `ColumnWidthManager` and `TableWriter`).
struct TableLayout {
  /// Final widths; a column of width 0 or less is hidden.
  var widths: [Int]
  var alignments: [FormatAlignment]
  var wrap: Bool

  init(screenWidth: Int, widths requested: [Int], alignments: [FormatAlignment], wrap: Bool) {
    self.widths = TableLayout.fit(requested, into: screenWidth)
    self.alignments = alignments
    self.wrap = wrap
  }

  /// Gives unsized columns (width 0) an equal share of the free width, then, if the table is
  /// too wide, narrows the last visible column or hides it, until it fits.
  static func fit(_ requested: [Int], into tableWidth: Int) -> [Int] {
    var w = requested
    func total() -> Int {
      let visible = w.filter { $0 > 0 }
      return visible.reduce(0, +) + max(0, visible.count - 1)
    }
    if w.contains(where: { $0 <= 0 }) {
      let fixed = w.map { $0 > 0 }
      for k in w.indices where w[k] <= 0 { w[k] = 1 }
      var available = tableWidth - total()
      if available >= 0 {
        while available > 0 {
          for k in w.indices where !fixed[k] {
            w[k] += 1
            available -= 1
            if available == 0 { break }
          }
        }
        return w
      }
    } else if total() <= tableWidth {
      return w
    }
    while total() > tableWidth {
      guard let last = w.firstIndex(where: { $0 < 0 }).map({ $0 - 1 }) ?? (w.isEmpty ? nil : w.count - 1), last >= 0
      else { break }
      let narrowed = w[last] - (total() - tableWidth)
      if narrowed < 1 { w[last] = -1 } else { w[last] = narrowed }
    }
    return w
  }

  static func wideItemsPerRow(itemWidth: Int, screenWidth: Int) -> Int {
    if itemWidth <= 0 || screenWidth < 1 || itemWidth >= screenWidth { return 1 }
    var n = 1
    while itemWidth * (n + 1) + n < screenWidth { n += 1 }
    return n
  }

  func header(_ labels: [String]) -> [String] {
    let dashes = labels.enumerated().map { k, label -> String in
      guard k < widths.count, widths[k] > 0 else { return "" }
      return String(repeating: "-", count: label.isEmpty ? widths[k] : min(label.count, widths[k]))
    }
    return [line(labels, []), line(dashes, [])]
  }

  func row(_ cells: [String], _ cellAlignments: [FormatAlignment]) -> [String] {
    var values = cells
    while values.count < widths.count { values.append("") }
    if wrap { return wrappedRow(values, cellAlignments) }
    return [line(values, cellAlignments)]
  }

  private func alignment(_ k: Int, _ cellAlignments: [FormatAlignment]) -> FormatAlignment {
    if k < cellAlignments.count, cellAlignments[k] != .undefined { return cellAlignments[k] }
    return k < alignments.count && alignments[k] != .undefined ? alignments[k] : .left
  }

  private func line(_ values: [String], _ cellAlignments: [FormatAlignment]) -> String {
    var s = ""
    for k in widths.indices {
      let pad = k != widths.count - 1
      guard widths[k] > 0 else { continue }
      if k > 0 { s += " " }
      s += TableLayout.field(values[k], width: widths[k], alignment(k, cellAlignments), pad: pad)
    }
    return s
  }

  /// One cell: cut at its first line break (marked `...`), padded or cut to the width.
  static func field(_ value: String, width: Int, _ alignment: FormatAlignment, pad: Bool) -> String {
    var s = value
    if let nl = s.firstIndex(where: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) { s = String(s[..<nl]) + "..." }
    let n = s.count
    if n < width {
      let padCount = width - n
      switch alignment {
      case .right: return String(repeating: " ", count: padCount) + s
      case .center:
        let left = padCount / 2
        return String(repeating: " ", count: left) + s + (pad ? String(repeating: " ", count: padCount - left) : "")
      default: return pad ? s + String(repeating: " ", count: padCount) : s
      }
    }
    if n > width {
      let keep = width - 3
      if keep > 0 {
        return alignment == .right ? "..." + String(s.suffix(keep)) : String(s.prefix(keep)) + "..."
      }
      return alignment == .right ? String(s.suffix(width)) : String(s.prefix(width))
    }
    return s
  }

  /// A row whose cells wrap onto as many lines as the longest needs (`Format-Table -Wrap`).
  private func wrappedRow(_ values: [String], _ cellAlignments: [FormatAlignment]) -> [String] {
    let visible = widths.indices.filter { widths[$0] > 0 }
    guard !visible.isEmpty else { return [] }
    var columns: [[String]] = []
    for (i, k) in visible.enumerated() {
      let last = i == visible.count - 1
      let a = alignment(k, cellAlignments)
      var parts = WordWrap.lines(values[k], firstWidth: widths[k], followingWidth: widths[k])
      if !last || a == .right || a == .center {
        parts = parts.map { $0.count < widths[k] ? TableLayout.field($0, width: widths[k], a, pad: !last) : $0 }
      }
      columns.append(parts)
    }
    let rows = columns.map(\.count).max() ?? 0
    var lastWithContent = Array(repeating: 0, count: rows)
    for r in 0..<rows {
      for (c, col) in columns.enumerated() where col.count > r { lastWithContent[r] = c }
    }
    var out: [String] = []
    for r in 0..<rows {
      var s = ""
      for (c, col) in columns.enumerated() {
        var cell: String
        if r < col.count {
          cell = col[r]
        } else if c > lastWithContent[r] {
          cell = ""
        } else {
          cell = c < columns.count - 1 ? String(repeating: " ", count: widths[visible[c]]) : ""
        }
        if c == lastWithContent[r] && rows > 1 { cell = cell.trailingSpacesTrimmed }
        if c > 0 && !(c > lastWithContent[r]) { s += " " }
        s += cell
      }
      out.append(s)
    }
    return out
  }
}

/// List entries (PowerShell's `ListWriter`).
enum ListLayout {
  static func lines(_ pairs: [(String, String)], width: Int) -> [String] {
    guard !pairs.isEmpty, width - 3 - 1 - 1 >= 0 else { return [] }
    let maxLabel = width - 3 - 1
    let labelWidth = min(pairs.map(\.0.count).max() ?? 0, maxLabel)
    let indent = String(repeating: " ", count: labelWidth + 3)
    let field = width - labelWidth - 3
    var out: [String] = []
    for (label, value) in pairs {
      let shown = label.count > labelWidth ? String(label.prefix(labelWidth)) : label.padding(to: labelWidth)
      let valueLines = WordWrap.withoutCarriageReturns(value).split(separator: "\n", omittingEmptySubsequences: false)
      for (i, vl) in valueLines.enumerated() {
        let prefix = i == 0 ? shown + " : " : indent
        for (j, part) in WordWrap.lines(String(vl), firstWidth: field, followingWidth: field).enumerated() {
          out.append((j == 0 ? prefix : indent) + part)
        }
      }
    }
    return out
  }
}

/// Splits a line to fit a width, breaking after spaces and tabs (PowerShell's word wrap for the
/// en-US culture); a word longer than a line is cut.
enum WordWrap {
  static func withoutCarriageReturns(_ s: String) -> String {
    String(String.UnicodeScalarView(s.unicodeScalars.filter { $0 != "\r" }))
  }

  static func lines(_ text: String, firstWidth: Int, followingWidth: Int) -> [String] {
    var out: [String] = []
    for line in withoutCarriageReturns(text).split(separator: "\n", omittingEmptySubsequences: false) {
      let line = String(line)
      if line.count <= firstWidth {
        out.append(line)
        continue
      }
      var lineWidth = firstWidth
      var spacesLeft = firstWidth
      var first = true
      var current = ""
      func newLine() {
        out.append(current)
        current = ""
        if first {
          first = false
          lineWidth = followingWidth
        }
        spacesLeft = lineWidth
      }
      // Words with their delimiter attached.
      var words: [String] = []
      var w = ""
      for ch in line {
        w.append(ch)
        if ch == " " || ch == "\t" {
          words.append(w)
          w = ""
        }
      }
      words.append(w)
      for word in words {
        if lineWidth <= 0 { break }
        if word.count > lineWidth {
          for ch in word {
            if spacesLeft < 1 { newLine() }
            current.append(ch)
            spacesLeft -= 1
          }
        } else if word.count > spacesLeft {
          newLine()
          current = word
          spacesLeft = lineWidth - word.count
        } else {
          current += word
          spacesLeft -= word.count
        }
      }
      out.append(current)
    }
    return out
  }
}
