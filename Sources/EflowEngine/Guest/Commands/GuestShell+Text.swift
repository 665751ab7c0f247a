import Foundation

/// Text filters: grep, head, tail, wc, cut, awk (`{print $N}` programs), sed (`s///`, `p`, `d`
/// with line, `$` and `/re/` addresses; `-n`, `-i`, `-e`), sort, uniq, tr, base64.
extension GuestShell {
  /// A POSIX basic (or, with `extended`, extended) regular expression as an ICU pattern.
  static func regex(_ pattern: String, extended: Bool, ignoreCase: Bool, fixed: Bool = false, word: Bool = false) -> NSRegularExpression? {
    var icu = ""
    if fixed {
      icu = NSRegularExpression.escapedPattern(for: pattern)
    } else if extended {
      icu = pattern
    } else {
      let chars = Array(pattern)
      var i = 0
      while i < chars.count {
        let c = chars[i]
        if c == "\\" && i + 1 < chars.count {
          let n = chars[i + 1]
          if "(){}|+?".contains(n) { icu.append(n) } else { icu.append(c); icu.append(n) }
          i += 2
          continue
        }
        if "(){}|+?".contains(c) { icu.append("\\") }
        icu.append(c)
        i += 1
      }
    }
    if word { icu = "\\b(?:" + icu + ")\\b" }
    return try? NSRegularExpression(pattern: icu, options: ignoreCase ? [.caseInsensitive] : [])
  }

  static func matches(_ re: NSRegularExpression, _ line: String) -> Bool {
    re.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil
  }

  func grep(_ inv: inout GuestInvocation, extended: Bool) -> Int32 {
    let parsed = Self.flags(inv.args, valued: ["e", "A", "B", "C", "m", "f"])
    var operands = parsed.operands
    var patterns: [String] = []
    if let e = parsed.values["e"] { patterns.append(e) } else if !operands.isEmpty { patterns.append(operands.removeFirst()) }
    guard !patterns.isEmpty else { return inv.fail("Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.", status: 2) }
    let f = parsed.flags
    let ignoreCase = f.contains("i")
    let invert = f.contains("v")
    let isExtended = extended || f.contains("E")
    let regexes = patterns.flatMap { $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }.compactMap {
      Self.regex($0, extended: isExtended, ignoreCase: ignoreCase, fixed: f.contains("F"), word: f.contains("w"))
    }
    guard !regexes.isEmpty else { return inv.fail("grep: Unmatched ( or \\(", status: 2) }
    let after = Int(parsed.values["A"] ?? parsed.values["C"] ?? "0") ?? 0
    let before = Int(parsed.values["B"] ?? parsed.values["C"] ?? "0") ?? 0
    let limit = parsed.values["m"].flatMap { Int($0) }
    let (texts, failed) = inputs(&inv, operands, tool: "grep")
    let showNames = texts.count > 1 && !f.contains("h")
    var any = false
    for (name, text) in texts {
      func prefix(_ index: Int, _ sep: String) -> String {
        (showNames ? name + sep : "") + (f.contains("n") ? "\(index + 1)\(sep)" : "")
      }
      func emit(_ index: Int, _ line: String, separator: String) {
        inv.line(prefix(index, separator) + line)
      }
      let lines = GuestCommandResult.lines(text)
      var count = 0
      var lastPrinted = -1
      var pendingAfter = 0
      var printedAny = false
      for (index, line) in lines.enumerated() {
        let hit = regexes.contains { Self.matches($0, line) } != invert
        if hit && (limit == nil || count < limit!) {
          count += 1
          any = true
          if f.contains("q") { return 0 }
          if f.contains("c") || f.contains("l") { continue }
          if (after > 0 || before > 0) && printedAny && index - before > lastPrinted + 1 { inv.line("--") }
          for k in max(lastPrinted + 1, index - before)..<index { emit(k, lines[k], separator: "-") }
          if f.contains("o"), !invert, let re = regexes.first {
            for m in re.matches(in: line, range: NSRange(line.startIndex..., in: line)) {
              if let r = Range(m.range, in: line) { inv.line(prefix(index, ":") + String(line[r])) }
            }
          } else {
            emit(index, line, separator: ":")
          }
          lastPrinted = index
          pendingAfter = after
          printedAny = true
        } else if pendingAfter > 0 {
          emit(index, line, separator: "-")
          lastPrinted = index
          pendingAfter -= 1
        }
      }
      if f.contains("c") { inv.line((showNames ? name + ":" : "") + String(count)) }
      if f.contains("l") && count > 0 { inv.line(name) }
    }
    if failed { return 2 }
    return any ? 0 : 1
  }

  func headTail(_ inv: inout GuestInvocation, head: Bool) -> Int32 {
    var args = inv.args
    var count = 10
    var fromStart = false
    if let first = args.first, first.count > 1, first.hasPrefix("-"), let n = Int(first.dropFirst()) {
      count = n
      args.removeFirst()
    }
    let parsed = Self.flags(args, valued: ["n", "c"])
    if var n = parsed.values["n"] {
      if n.hasPrefix("+") { fromStart = true; n.removeFirst() }
      count = Int(n) ?? 10
    }
    let (texts, failed) = inputs(&inv, parsed.operands, tool: head ? "head" : "tail")
    for (_, text) in texts {
      let lines = GuestCommandResult.lines(text)
      let chosen: ArraySlice<String>
      if head {
        chosen = count >= 0 ? lines.prefix(count) : lines.dropLast(-count)
      } else {
        chosen = fromStart ? lines.dropFirst(max(0, count - 1)) : lines.suffix(count)
      }
      for line in chosen { inv.line(line) }
    }
    return failed ? 1 : 0
  }

  func wc(_ inv: inout GuestInvocation) -> Int32 {
    let parsed = Self.flags(inv.args)
    var which = parsed.flags.intersection(["l", "w", "c", "m"])
    if which.isEmpty { which = ["l", "w", "c"] }
    let (texts, failed) = inputs(&inv, parsed.operands, tool: "wc")
    for (name, text) in texts {
      var values: [Int] = []
      if which.contains("l") { values.append(text.filter { $0 == "\n" }.count) }
      if which.contains("w") { values.append(text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).count) }
      if which.contains("c") || which.contains("m") { values.append(text.utf8.count) }
      let width = values.count == 1 && name == "-" ? 0 : max(1, values.map { String($0).count }.max() ?? 1)
      var line = values.map { String(repeating: " ", count: max(0, width - String($0).count)) + String($0) }.joined(separator: " ")
      if name != "-" { line += " " + name }
      inv.line(line)
    }
    return failed ? 1 : 0
  }

  /// Field lists as cut reads them: `2`, `1,3`, `2-`, `-3`, `1-2`.
  static func fieldList(_ spec: String) -> ((Int) -> Bool)? {
    var ranges: [ClosedRange<Int>] = []
    for part in spec.split(separator: ",") {
      if let dash = part.firstIndex(of: "-") {
        let lo = Int(part[..<dash]) ?? 1
        let hi = Int(part[part.index(after: dash)...]) ?? Int.max
        guard lo >= 1, lo <= hi else { return nil }
        ranges.append(lo...hi)
      } else {
        guard let n = Int(part), n >= 1 else { return nil }
        ranges.append(n...n)
      }
    }
    return ranges.isEmpty ? nil : { n in ranges.contains { $0.contains(n) } }
  }

  func cut(_ inv: inout GuestInvocation) -> Int32 {
    let parsed = Self.flags(inv.args, valued: ["d", "f", "c"])
    let delimiter = parsed.values["d"].map { $0.isEmpty ? "\t" : String($0.first!) } ?? "\t"
    guard let spec = parsed.values["f"] ?? parsed.values["c"], let wanted = Self.fieldList(spec) else {
      return inv.fail("cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.", status: 1)
    }
    let (texts, failed) = inputs(&inv, parsed.operands, tool: "cut")
    for (_, text) in texts {
      for line in GuestCommandResult.lines(text) {
        if parsed.values["c"] != nil {
          inv.line(String(line.enumerated().filter { wanted($0.offset + 1) }.map(\.element)))
          continue
        }
        let fields = line.components(separatedBy: delimiter)
        if fields.count == 1 {
          if !parsed.flags.contains("s") { inv.line(line) }
          continue
        }
        inv.line(fields.enumerated().filter { wanted($0.offset + 1) }.map(\.element).joined(separator: delimiter))
      }
    }
    return failed ? 1 : 0
  }

  func sort(_ inv: inout GuestInvocation) -> Int32 {
    let parsed = Self.flags(inv.args, valued: ["k", "t"])
    let (texts, failed) = inputs(&inv, parsed.operands, tool: "sort")
    var lines = texts.flatMap { GuestCommandResult.lines($0.text) }
    if parsed.flags.contains("n") {
      lines.sort { (Double($0.split(separator: " ").first ?? "") ?? 0) < (Double($1.split(separator: " ").first ?? "") ?? 0) }
    } else {
      lines.sort()
    }
    if parsed.flags.contains("r") { lines.reverse() }
    if parsed.flags.contains("u") {
      var seen: Set<String> = []
      lines = lines.filter { seen.insert($0).inserted }
    }
    for line in lines { inv.line(line) }
    return failed ? 2 : 0
  }

  func uniq(_ inv: inout GuestInvocation) -> Int32 {
    let parsed = Self.flags(inv.args)
    let (texts, failed) = inputs(&inv, parsed.operands, tool: "uniq")
    var groups: [(String, Int)] = []
    for line in GuestCommandResult.lines(texts.map(\.text).joined()) {
      if groups.last?.0 == line { groups[groups.count - 1].1 += 1 } else { groups.append((line, 1)) }
    }
    for (line, n) in groups {
      inv.line(parsed.flags.contains("c") ? String(repeating: " ", count: max(0, 7 - String(n).count)) + "\(n) \(line)" : line)
    }
    return failed ? 1 : 0
  }

  func tr(_ inv: inout GuestInvocation) -> Int32 {
    let parsed = Self.flags(inv.args)
    func expand(_ set: String) -> [Character] {
      let s = Array(GuestShell.unescape(set))
      var out: [Character] = []
      var i = 0
      while i < s.count {
        if i + 2 < s.count, s[i + 1] == "-", let a = s[i].asciiValue, let b = s[i + 2].asciiValue, a <= b {
          out += (a...b).map { Character(UnicodeScalar($0)) }
          i += 3
        } else {
          out.append(s[i])
          i += 1
        }
      }
      return out
    }
    guard let first = parsed.operands.first else { return inv.fail("tr: missing operand\nTry 'tr --help' for more information.", status: 1) }
    let from = expand(first)
    if parsed.flags.contains("d") {
      inv.out += String(inv.stdin.filter { !from.contains($0) })
      return 0
    }
    guard parsed.operands.count > 1 else { return inv.fail("tr: missing operand after '\(first)'\nTry 'tr --help' for more information.", status: 1) }
    let to = expand(parsed.operands[1])
    var out = ""
    for c in inv.stdin {
      if let i = from.firstIndex(of: c), !to.isEmpty { out.append(to[min(i, to.count - 1)]) } else { out.append(c) }
    }
    if parsed.flags.contains("s") {
      var squeezed = ""
      for c in out where !(squeezed.last == c && to.contains(c)) { squeezed.append(c) }
      out = squeezed
    }
    inv.out += out
    return 0
  }

  func base64(_ inv: inout GuestInvocation) -> Int32 {
    let parsed = Self.flags(inv.args)
    let (texts, failed) = inputs(&inv, parsed.operands, tool: "base64")
    if failed { return 1 }
    let text = texts.map(\.text).joined()
    if parsed.flags.contains("d") || parsed.flags.contains("--decode") {
      let compact = text.filter { !$0.isWhitespace }
      guard let data = Data(base64Encoded: compact), let decoded = String(data: data, encoding: .utf8) else {
        return inv.fail("base64: invalid input", status: 1)
      }
      inv.out += decoded
      return 0
    }
    let encoded = Data(text.utf8).base64EncodedString()
    var i = encoded.startIndex
    while i < encoded.endIndex {
      let j = encoded.index(i, offsetBy: 76, limitedBy: encoded.endIndex) ?? encoded.endIndex
      inv.line(String(encoded[i..<j]))
      i = j
    }
    return 0
  }
}
