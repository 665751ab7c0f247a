import Foundation

/// awk and sed, for the one-liners scripts use on command output: `awk '{print $2}'`,
/// `awk -F: '/eth0/ {print $1, $NF}'`, `awk 'NR==2'`, `sed -n '2p'`, `sed -i 's/a/b/g' FILE`,
/// `sed '/^#/d'`.
extension GuestShell {
  // MARK: - awk

  private struct AwkRule {
    enum Pattern {
      case always, begin, end
      case regex(NSRegularExpression, field: String?, negate: Bool)
      case compare(String, String, String)
    }
    var pattern: Pattern
    /// Statements; nil = `print $0`.
    var actions: [String]?
  }

  /// Splits at `separator` outside quotes, regexes and parentheses.
  static func splitTop(_ text: String, on separators: Set<Character>) -> [String] {
    var parts: [String] = []
    var current = ""
    var quote: Character?
    var depth = 0
    for c in text {
      if let q = quote {
        current.append(c)
        if c == q { quote = nil }
        continue
      }
      if c == "\"" { quote = c; current.append(c); continue }
      if c == "(" { depth += 1 }
      if c == ")" { depth -= 1 }
      if depth == 0 && separators.contains(c) {
        parts.append(current)
        current = ""
      } else {
        current.append(c)
      }
    }
    parts.append(current)
    return parts
  }

  private static func parseAwk(_ program: String) -> [AwkRule]? {
    var rules: [AwkRule] = []
    var rest = Substring(program)
    while true {
      rest = rest.drop { $0.isWhitespace || $0 == ";" }
      if rest.isEmpty { break }
      var patternText = ""
      while let c = rest.first, c != "{" {
        if c == "/" {
          // keep a regex whole (it may contain braces)
          patternText.append(c)
          rest = rest.dropFirst()
          while let d = rest.first, d != "/" {
            patternText.append(d)
            rest = rest.dropFirst()
            if d == "\\", let e = rest.first { patternText.append(e); rest = rest.dropFirst() }
          }
          if rest.first == "/" { patternText.append("/"); rest = rest.dropFirst() }
          continue
        }
        if c == "\n" || c == ";" { break }
        patternText.append(c)
        rest = rest.dropFirst()
      }
      var actions: [String]?
      if rest.first == "{" {
        rest = rest.dropFirst()
        var body = ""
        var quote = false
        while let c = rest.first, quote || c != "}" {
          if c == "\"" { quote.toggle() }
          body.append(c)
          rest = rest.dropFirst()
        }
        guard rest.first == "}" else { return nil }
        rest = rest.dropFirst()
        actions = splitTop(body, on: [";", "\n"]).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
      }
      guard let pattern = parseAwkPattern(patternText.trimmingCharacters(in: .whitespaces)) else { return nil }
      rules.append(AwkRule(pattern: pattern, actions: actions))
    }
    return rules
  }

  private static func parseAwkPattern(_ text: String) -> AwkRule.Pattern? {
    if text.isEmpty { return .always }
    if text == "BEGIN" { return .begin }
    if text == "END" { return .end }
    var t = text
    var negate = false
    if t.hasPrefix("!") { negate = true; t = String(t.dropFirst()).trimmingCharacters(in: .whitespaces) }
    if t.hasPrefix("/") && t.hasSuffix("/") && t.count >= 2 {
      guard let re = regex(String(t.dropFirst().dropLast()), extended: true, ignoreCase: false) else { return nil }
      return .regex(re, field: nil, negate: negate)
    }
    for op in ["!~", "~"] {
      if let r = t.range(of: op) {
        let lhs = t[..<r.lowerBound].trimmingCharacters(in: .whitespaces)
        var rhs = t[r.upperBound...].trimmingCharacters(in: .whitespaces)
        if rhs.hasPrefix("/") && rhs.hasSuffix("/") { rhs = String(rhs.dropFirst().dropLast()) }
        guard let re = regex(rhs, extended: true, ignoreCase: false) else { return nil }
        return .regex(re, field: lhs, negate: op == "!~")
      }
    }
    for op in ["==", "!=", ">=", "<=", ">", "<"] {
      if let r = t.range(of: op) {
        return .compare(t[..<r.lowerBound].trimmingCharacters(in: .whitespaces), op, t[r.upperBound...].trimmingCharacters(in: .whitespaces))
      }
    }
    return nil
  }

  private struct AwkRecord {
    var line: String
    var fields: [String]
    var nr: Int
    var vars: [String: String]

    func value(_ expr: String) -> String {
      let e = expr.trimmingCharacters(in: .whitespaces)
      if e.hasPrefix("\"") && e.hasSuffix("\"") && e.count >= 2 { return GuestShell.unescape(String(e.dropFirst().dropLast())) }
      if e == "NF" { return String(fields.count) }
      if e == "NR" || e == "FNR" { return String(nr) }
      if e.hasPrefix("$") {
        var inner = String(e.dropFirst())
        if inner.hasPrefix("(") && inner.hasSuffix(")") { inner = String(inner.dropFirst().dropLast()) }
        let n: Int
        if let k = Int(inner) {
          n = k
        } else if inner == "NF" {
          n = fields.count
        } else if inner.hasPrefix("NF-"), let k = Int(inner.dropFirst(3).trimmingCharacters(in: .whitespaces)) {
          n = fields.count - k
        } else {
          n = Int(vars[inner] ?? "") ?? 0
        }
        if n == 0 { return line }
        return n >= 1 && n <= fields.count ? fields[n - 1] : ""
      }
      if Double(e) != nil { return e }
      return vars[e] ?? ""
    }

    /// Juxtaposed terms concatenate: `$1 ":" $2`.
    func concatenation(_ expr: String) -> String {
      var terms: [String] = []
      var current = ""
      var quote = false
      var depth = 0
      for c in expr {
        if c == "\"" { quote.toggle() }
        if !quote && c == "(" { depth += 1 }
        if !quote && c == ")" { depth -= 1 }
        if !quote && depth == 0 && c == " " {
          if !current.isEmpty { terms.append(current); current = "" }
          continue
        }
        if !quote && depth == 0 && c == "\"" && !current.isEmpty && !current.hasPrefix("\"") {
          terms.append(current)
          current = ""
        }
        current.append(c)
        if !quote && depth == 0 && c == "\"" && current.count > 1 && current.hasPrefix("\"") {
          terms.append(current)
          current = ""
        }
      }
      if !current.isEmpty { terms.append(current) }
      return terms.map(value).joined()
    }
  }

  func awk(_ inv: inout GuestInvocation) -> Int32 {
    var args = inv.args
    var separator: String?
    var vars: [String: String] = [:]
    var program: String?
    var files: [String] = []
    while !args.isEmpty {
      let a = args.removeFirst()
      if program == nil && a.hasPrefix("-F") {
        separator = a.count > 2 ? String(a.dropFirst(2)) : (args.isEmpty ? nil : args.removeFirst())
      } else if program == nil && a == "-v", !args.isEmpty {
        let assignment = args.removeFirst()
        if let eq = assignment.firstIndex(of: "=") { vars[String(assignment[..<eq])] = String(assignment[assignment.index(after: eq)...]) }
      } else if program == nil {
        program = a
      } else {
        files.append(a)
      }
    }
    guard let program else { return inv.fail("usage: awk [-F fs][-v var=value][prog | -f progfile][file ...]", status: 2) }
    guard let rules = Self.parseAwk(program) else {
      return inv.fail("awk: cmd. line:1: \(program)\nawk: cmd. line:1: syntax error (eflowsh's awk understands pattern { print … } programs)", status: 2)
    }
    let (texts, failed) = inputs(&inv, files, tool: "awk")
    func split(_ line: String) -> [String] {
      if let separator, separator != " " {
        if separator.count == 1 { return line.components(separatedBy: separator) }
        guard let re = try? NSRegularExpression(pattern: separator) else { return [line] }
        var parts: [String] = []
        var last = line.startIndex
        for m in re.matches(in: line, range: NSRange(line.startIndex..., in: line)) {
          guard let r = Range(m.range, in: line) else { continue }
          parts.append(String(line[last..<r.lowerBound]))
          last = r.upperBound
        }
        parts.append(String(line[last...]))
        return parts
      }
      return line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    }
    func run(_ rule: AwkRule, _ record: AwkRecord, _ inv: inout GuestInvocation) {
      guard let actions = rule.actions else { inv.line(record.line); return }
      for action in actions {
        if action == "print" { inv.line(record.line); continue }
        if action.hasPrefix("print ") || action.hasPrefix("print(") {
          let list = String(action.dropFirst(5)).trimmingCharacters(in: CharacterSet(charactersIn: " ()"))
          inv.line(Self.splitTop(list, on: [","]).map { record.concatenation($0.trimmingCharacters(in: .whitespaces)) }.joined(separator: " "))
        } else if action.hasPrefix("printf") {
          let list = Self.splitTop(String(action.dropFirst(6)).trimmingCharacters(in: CharacterSet(charactersIn: " ()")), on: [","])
          var sub = GuestInvocation(name: "printf", args: list.map { record.concatenation($0.trimmingCharacters(in: .whitespaces)) }, stdin: "", root: false)
          _ = dispatch(&sub)
          inv.out += sub.out
        }
      }
    }
    let empty = AwkRecord(line: "", fields: [], nr: 0, vars: vars)
    for rule in rules { if case .begin = rule.pattern { run(rule, empty, &inv) } }
    var nr = 0
    var last = empty
    for (_, text) in texts {
      for line in GuestCommandResult.lines(text) {
        nr += 1
        let record = AwkRecord(line: line, fields: split(line), nr: nr, vars: vars)
        last = record
        for rule in rules {
          switch rule.pattern {
          case .begin, .end: continue
          case .always: run(rule, record, &inv)
          case .regex(let re, let field, let negate):
            let subject = field.map { record.value($0) } ?? line
            if Self.matches(re, subject) != negate { run(rule, record, &inv) }
          case .compare(let lhs, let op, let rhs):
            let a = record.value(lhs)
            let b = record.value(rhs)
            let result: Bool
            if let x = Double(a), let y = Double(b) {
              result = op == "==" ? x == y : op == "!=" ? x != y : op == ">" ? x > y : op == "<" ? x < y : op == ">=" ? x >= y : x <= y
            } else {
              result = op == "==" ? a == b : op == "!=" ? a != b : op == ">" ? a > b : op == "<" ? a < b : op == ">=" ? a >= b : a <= b
            }
            if result { run(rule, record, &inv) }
          }
        }
      }
    }
    last.nr = nr
    for rule in rules { if case .end = rule.pattern { run(rule, last, &inv) } }
    return failed ? 2 : 0
  }

  // MARK: - sed

  private struct SedCommand {
    enum Address {
      case line(Int), last
      case regex(NSRegularExpression)
    }
    var from: Address?
    var to: Address?
    var negate = false
    var name: Character
    var regex: NSRegularExpression?
    var replacement = ""
    var global = false
    var printAfter = false
    var text = ""
  }

  private static func parseSed(_ script: String, extended: Bool) -> [SedCommand]? {
    let c = Array(script)
    var i = 0
    var commands: [SedCommand] = []
    func readDelimited(_ delimiter: Character) -> String? {
      var s = ""
      while i < c.count, c[i] != delimiter {
        if c[i] == "\\" && i + 1 < c.count {
          if c[i + 1] == delimiter { s.append(delimiter) } else if c[i + 1] == "n" { s.append("\n") } else { s.append(c[i]); s.append(c[i + 1]) }
          i += 2
          continue
        }
        s.append(c[i])
        i += 1
      }
      guard i < c.count else { return nil }
      i += 1
      return s
    }
    func address() -> SedCommand.Address? {
      if i < c.count, c[i].isNumber {
        var n = 0
        while i < c.count, let d = c[i].wholeNumberValue { n = n * 10 + d; i += 1 }
        return .line(n)
      }
      if i < c.count, c[i] == "$" { i += 1; return .last }
      if i < c.count, c[i] == "/" {
        i += 1
        guard let re = readDelimited("/"), let r = regex(re, extended: extended, ignoreCase: false) else { return nil }
        return .regex(r)
      }
      return nil
    }
    while i < c.count {
      while i < c.count, c[i] == " " || c[i] == ";" || c[i] == "\n" { i += 1 }
      if i >= c.count { break }
      var command = SedCommand(name: " ")
      command.from = address()
      if command.from != nil, i < c.count, c[i] == "," {
        i += 1
        command.to = address()
        if command.to == nil { return nil }
      }
      while i < c.count, c[i] == " " { i += 1 }
      if i < c.count, c[i] == "!" { command.negate = true; i += 1 }
      guard i < c.count else { return nil }
      command.name = c[i]
      i += 1
      switch command.name {
      case "s":
        guard i < c.count else { return nil }
        let delimiter = c[i]
        i += 1
        guard let pattern = readDelimited(delimiter), let replacement = readDelimited(delimiter) else { return nil }
        var ignoreCase = false
        while i < c.count, "gpIi0123456789".contains(c[i]) {
          if c[i] == "g" { command.global = true }
          if c[i] == "p" { command.printAfter = true }
          if c[i] == "I" || c[i] == "i" { ignoreCase = true }
          i += 1
        }
        guard let re = regex(pattern, extended: extended, ignoreCase: ignoreCase) else { return nil }
        command.regex = re
        // & and \1…\9 to the template syntax; a literal $ escaped.
        var template = ""
        let r = Array(replacement)
        var k = 0
        while k < r.count {
          if r[k] == "\\" && k + 1 < r.count {
            if let d = r[k + 1].wholeNumberValue { template += "$\(d)" } else if r[k + 1] == "&" { template += "&" } else { template += "\\\(r[k + 1])" }
            k += 2
            continue
          }
          if r[k] == "&" { template += "$0" } else if r[k] == "$" { template += "\\$" } else { template.append(r[k]) }
          k += 1
        }
        command.replacement = template
      case "p", "d", "q", "=":
        break
      case "a", "i", "c":
        while i < c.count, c[i] == " " || c[i] == "\\" { i += 1 }
        var text = ""
        while i < c.count, c[i] != "\n" && c[i] != ";" { text.append(c[i]); i += 1 }
        command.text = text
      default:
        return nil
      }
      commands.append(command)
    }
    return commands
  }

  func sed(_ inv: inout GuestInvocation) -> Int32 {
    var args = inv.args
    var quiet = false
    var inPlace = false
    var extended = false
    var scripts: [String] = []
    var files: [String] = []
    while !args.isEmpty {
      let a = args.removeFirst()
      if a == "-e", !args.isEmpty { scripts.append(args.removeFirst()); continue }
      if a.hasPrefix("-") && a.count > 1 && !a.hasPrefix("--") {
        if a.hasPrefix("-i") { inPlace = true; continue }
        if a.contains("n") { quiet = true }
        if a.contains("E") || a.contains("r") { extended = true }
        if a.contains("i") { inPlace = true }
        continue
      }
      if a == "--quiet" || a == "--silent" { quiet = true; continue }
      if a.hasPrefix("--in-place") { inPlace = true; continue }
      if scripts.isEmpty { scripts.append(a) } else { files.append(a) }
    }
    guard !scripts.isEmpty else { return inv.fail("Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...", status: 1) }
    guard let commands = Self.parseSed(scripts.joined(separator: "\n"), extended: extended) else {
      return inv.fail("sed: -e expression #1, char 1: unknown command: `\(scripts[0].first.map(String.init) ?? "")'", status: 1)
    }
    if inPlace && files.isEmpty { return inv.fail("sed: no input files", status: 1) }
    func process(_ text: String) -> String {
      var out = ""
      let lines = GuestCommandResult.lines(text)
      var active = Array(repeating: false, count: commands.count)
      var quit = false
      for (index, original) in lines.enumerated() {
        var line = original
        var deleted = false
        var before = ""
        var after = ""
        func hit(_ a: SedCommand.Address) -> Bool {
          switch a {
          case .line(let n): return index + 1 == n
          case .last: return index == lines.count - 1
          case .regex(let re): return Self.matches(re, line)
          }
        }
        for (k, command) in commands.enumerated() where !deleted {
          var selected: Bool
          if let from = command.from {
            if let to = command.to {
              if active[k] {
                selected = true
                if hit(to) { active[k] = false }
                if case .line(let n) = to, index + 1 >= n { active[k] = false }
              } else if hit(from) {
                selected = true
                active[k] = true
                if case .line(let n) = to, index + 1 >= n { active[k] = false }
              } else {
                selected = false
              }
            } else {
              selected = hit(from)
            }
          } else {
            selected = true
          }
          if command.negate { selected.toggle() }
          guard selected else { continue }
          switch command.name {
          case "s":
            let re = command.regex!
            let range = NSRange(line.startIndex..., in: line)
            if command.global {
              let replaced = re.stringByReplacingMatches(in: line, range: range, withTemplate: command.replacement)
              if replaced != line || re.firstMatch(in: line, range: range) != nil {
                line = replaced
                if command.printAfter { out += line + "\n" }
              }
            } else if let m = re.firstMatch(in: line, range: range), let r = Range(m.range, in: line) {
              let replacement = re.replacementString(for: m, in: line, offset: 0, template: command.replacement)
              line.replaceSubrange(r, with: replacement)
              if command.printAfter { out += line + "\n" }
            }
          case "p": out += line + "\n"
          case "d": deleted = true
          case "q": quit = true
          case "=": out += "\(index + 1)\n"
          case "a": after += command.text + "\n"
          case "i": before += command.text + "\n"
          case "c": before += command.text + "\n"; deleted = true
          default: break
          }
        }
        out += before
        if !deleted && !quiet { out += line + "\n" }
        out += after
        if quit { break }
      }
      return out
    }
    if inPlace {
      var status: Int32 = 0
      for name in files {
        let p = path(name)
        do {
          let text = try guest.read(p, root: inv.root)
          let result = process(text)
          guard guest.canWrite(GuestSystem.parent(of: p), root: inv.root) else {
            inv.fail("sed: couldn't open temporary file \(GuestSystem.parent(of: p))/sedXXXXXX: Permission denied")
            status = 4
            continue
          }
          try guest.write(p, result, root: true)
        } catch {
          inv.fail("sed: can't read \(name): \(error.text)")
          status = 2
        }
      }
      return status
    }
    let (texts, failed) = inputs(&inv, files, tool: "sed")
    inv.out += process(texts.map(\.text).joined())
    return failed ? 2 : 0
  }
}
