/// Turns output objects into the text PowerShell's `Out-Default` prints, for the shapes the
/// runtime has today: scalars one per line; hashtables as a Name/Value table; custom objects as
/// a table (up to four properties) or a list (five or more), with PowerShell's blank-line
/// framing. (Registered views, `Format-*` and column auto-sizing rules beyond this come with the
/// formatting work.)
struct OutputFormatter {
  func format(_ values: [Value]) -> String {
    var lines: [String] = []
    var i = 0
    while i < values.count {
      let v = values[i]
      switch v {
      case .null:
        i += 1
      case .hashtable(let h):
        lines += table(
          ["Name", "Value"], h.entries.map { [Conversions.toString($0.key), Conversions.toString($0.value)] },
          minimumFirstWidth: 30)
        i += 1
      case .object(let o) where o.stringValue == nil:
        // Consecutive objects with the same properties share one table or list.
        let names = o.properties.map(\.name)
        var group: [PSObject] = [o]
        var j = i + 1
        while j < values.count, case .object(let next) = values[j], next.stringValue == nil,
          next.properties.map(\.name) == names
        {
          group.append(next)
          j += 1
        }
        if names.count <= 4 {
          let numeric = o.properties.map { Conversions.isNumeric($0.value) }
          lines += table(
            names, group.map { obj in obj.properties.map { Conversions.toString($0.value) } }, rightAligned: numeric)
        } else {
          lines += list(group)
        }
        i = j
      case .dateTime:
        // PowerShell shows a date by its `DateTime` property (long date and long time),
        // consecutive dates framed by one pair of blank lines.
        lines.append("")
        while i < values.count, case .dateTime(let d) = values[i] {
          lines.append((try? DateFormat.format(d.parts, "F")) ?? Conversions.toString(values[i]))
          i += 1
        }
        lines.append("")
      case .guid:
        var rows: [[String]] = []
        while i < values.count, case .guid = values[i] {
          rows.append([Conversions.toString(values[i])])
          i += 1
        }
        lines += table(["Guid"], rows)
      case .timeSpan(let t):
        let names = [
          "Days", "Hours", "Minutes", "Seconds", "Milliseconds", "Ticks", "TotalDays", "TotalHours", "TotalMinutes",
          "TotalSeconds", "TotalMilliseconds",
        ]
        let o = PSObject(names.map { ($0, Members.timeSpanProperty(t, $0.lowercased()) ?? .null) })
        lines += list([o])
        i += 1
      default:
        lines.append(Conversions.toString(v))
        i += 1
      }
    }
    return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
  }

  /// A table as PowerShell draws it: headers underlined by dashes as long as each header,
  /// numbers right-aligned, the last column not padded. `minimumFirstWidth` gives hashtables
  /// their wide Name column.
  func table(_ headers: [String], _ rows: [[String]], rightAligned: [Bool] = [], minimumFirstWidth: Int = 0) -> [String] {
    var widths = headers.map(\.count)
    if !widths.isEmpty { widths[0] = max(widths[0], minimumFirstWidth) }
    for r in rows {
      for (k, cell) in r.enumerated() where k < widths.count { widths[k] = max(widths[k], cell.count) }
    }
    func line(_ cells: [String]) -> String {
      var parts: [String] = []
      for (k, c) in cells.enumerated() {
        let right = k < rightAligned.count && rightAligned[k]
        let last = k == cells.count - 1
        if right {
          parts.append(String(repeating: " ", count: max(0, widths[k] - c.count)) + c)
        } else {
          parts.append(last ? c : c.padding(to: widths[k]))
        }
      }
      return parts.joined(separator: " ").trailingSpacesTrimmed
    }
    let dashes = headers.enumerated().map { k, h -> String in
      let d = String(repeating: "-", count: h.count)
      let right = k < rightAligned.count && rightAligned[k]
      return right ? String(repeating: " ", count: max(0, widths[k] - h.count)) + d : d
    }
    var out = ["", line(headers), line(dashes)]
    for r in rows { out.append(line(r)) }
    out.append("")
    return out
  }

  func list(_ objects: [PSObject]) -> [String] {
    var out: [String] = [""]
    for o in objects {
      let width = o.properties.map(\.name.count).max() ?? 0
      for p in o.properties {
        out.append(p.name.padding(to: width) + " : " + Conversions.toString(p.value))
      }
      out.append("")
    }
    return out
  }
}

extension String {
  func padding(to width: Int) -> String {
    count >= width ? self : self + String(repeating: " ", count: width - count)
  }

  var trailingSpacesTrimmed: String {
    var s = Substring(self)
    while s.last == " " { s.removeLast() }
    return String(s)
  }
}
