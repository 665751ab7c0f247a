import Foundation

/// Reads a command line into a `ShellList` in one pass over its characters.
struct ShellParser {
  private let chars: [Character]
  private var i = 0
  /// Here-documents waiting for their bodies (read after the next newline).
  private var pendingHereDocs: [HereDoc] = []
  private struct HereDoc {
    var delimiter: String
    var stripTabs: Bool
    var expand: Bool
    var item: Int
    var command: Int
    var redirect: Int
  }
  private var list = ShellList()
  private var pipeline: [ShellCommand] = []
  private var command = ShellCommand()
  private var connector: ShellList.Connector = .always
  private var negated = false

  init(_ text: String) { chars = Array(text) }

  static func parse(_ text: String) throws(ShellSyntaxError) -> ShellList {
    var p = ShellParser(text)
    return try p.run()
  }

  private static func near(_ token: String) -> ShellSyntaxError {
    ShellSyntaxError(message: "syntax error near unexpected token `\(token)'")
  }

  private var peek: Character? { i < chars.count ? chars[i] : nil }
  private func peek(_ offset: Int) -> Character? { i + offset < chars.count ? chars[i + offset] : nil }

  private mutating func run() throws(ShellSyntaxError) -> ShellList {
    while let c = peek {
      switch c {
      case " ", "\t":
        i += 1
      case "\n":
        i += 1
        try endPipeline(.always, token: "newline", allowEmpty: true)
        try readHereDocBodies()
      case "#":
        while let d = peek, d != "\n" { i += 1 }
      case ";":
        if peek(1) == ";" { throw Self.near(";;") }
        i += 1
        try endPipeline(.always, token: ";", allowEmpty: false)
      case "&":
        if peek(1) == "&" {
          i += 2
          try endPipeline(.ifSuccess, token: "&&", allowEmpty: false)
        } else if peek(1) == ">" {
          i += 2
          var append = false
          if peek == ">" { append = true; i += 1 }
          try addRedirect(fd: -1, op: .output(append: append))
        } else {
          i += 1
          try endPipeline(.always, token: "&", allowEmpty: false)
        }
      case "|":
        if peek(1) == "|" {
          i += 2
          try endPipeline(.ifFailure, token: "||", allowEmpty: false)
        } else {
          i += 1
          if command.words.isEmpty && command.assignments.isEmpty && command.redirects.isEmpty { throw Self.near("|") }
          pipeline.append(command)
          command = ShellCommand()
        }
      case "<", ">":
        try readRedirect(fd: nil)
      case "(", ")":
        throw Self.near(String(c))
      default:
        if c == "!" && command.words.isEmpty && command.assignments.isEmpty && pipeline.isEmpty,
          peek(1) == " " || peek(1) == "\t"
        {
          negated.toggle()
          i += 1
          continue
        }
        try readWordOrFd()
      }
    }
    try endPipeline(.always, token: "newline", allowEmpty: true)
    if let doc = pendingHereDocs.first {
      _ = doc  // bash warns and uses what it has: an empty body
      pendingHereDocs.removeAll()
    }
    return list
  }

  /// Ends the current pipeline; `next` is how the following one depends on it.
  private mutating func endPipeline(_ next: ShellList.Connector, token: String, allowEmpty: Bool) throws(ShellSyntaxError) {
    let commandEmpty = command.words.isEmpty && command.assignments.isEmpty && command.redirects.isEmpty
    if commandEmpty {
      if !pipeline.isEmpty { throw Self.near(token == "newline" ? "newline" : token) }
      if !allowEmpty { throw Self.near(token) }
      if connector != .always && token != "newline" { throw Self.near(token) }
      if next != .always { connector = next }
      return
    }
    pipeline.append(command)
    list.items.append((connector, ShellPipeline(commands: pipeline, negated: negated)))
    pipeline = []
    command = ShellCommand()
    negated = false
    connector = next
  }

  private mutating func readRedirect(fd: Int?) throws(ShellSyntaxError) {
    let c = chars[i]
    i += 1
    if c == "<" {
      if peek == "<" {
        i += 1
        var strip = false
        if peek == "-" { strip = true; i += 1 }
        skipBlanks()
        let word = try readWord()
        guard !word.isEmpty, let delimiter = word.literalText else { throw Self.near("newline") }
        command.redirects.append(ShellRedirect(fd: fd ?? 0, op: .hereDocument(body: "", expand: !word.hasQuotes), target: word))
        pendingHereDocs.append(HereDoc(delimiter: delimiter, stripTabs: strip, expand: !word.hasQuotes, item: list.items.count, command: pipeline.count, redirect: command.redirects.count - 1))
        return
      }
      try addRedirect(fd: fd ?? 0, op: .input)
      return
    }
    var append = false
    if peek == ">" { append = true; i += 1 }
    if peek == "&" && !append {
      i += 1
      skipBlanks()
      let word = try readWord()
      guard let text = word.literalText, let target = Int(text) else {
        // `>&file` is `&>file`
        command.redirects.append(ShellRedirect(fd: -1, op: .output(append: false), target: word))
        return
      }
      command.redirects.append(ShellRedirect(fd: fd ?? 1, op: .duplicate(target), target: word))
      return
    }
    if peek == "|" { i += 1 }
    try addRedirect(fd: fd ?? 1, op: .output(append: append))
  }

  private mutating func addRedirect(fd: Int, op: ShellRedirect.Op) throws(ShellSyntaxError) {
    skipBlanks()
    let word = try readWord()
    if word.isEmpty {
      let next = peek.map { $0 == "\n" ? "newline" : String($0) } ?? "newline"
      throw Self.near(next)
    }
    command.redirects.append(ShellRedirect(fd: fd, op: op, target: word))
  }

  private mutating func skipBlanks() {
    while let c = peek, c == " " || c == "\t" { i += 1 }
  }

  /// A word; a word of digits right before `<`/`>` is a file descriptor number instead.
  private mutating func readWordOrFd() throws(ShellSyntaxError) {
    let start = i
    let word = try readWord()
    if let c = peek, c == "<" || c == ">", let text = word.literalText, !word.hasQuotes, let fd = Int(text), i > start {
      try readRedirect(fd: fd)
      return
    }
    if word.isEmpty { return }
    if command.words.isEmpty, let assignment = Self.assignment(word) {
      command.assignments.append(assignment)
      return
    }
    command.words.append(word)
  }

  /// `NAME=value` (an unquoted name before the first `=`).
  static func assignment(_ word: ShellWord) -> (name: String, value: ShellWord)? {
    guard case .literal(let first, quoted: false)? = word.parts.first, let eq = first.firstIndex(of: "=") else { return nil }
    let name = String(first[..<eq])
    guard let head = name.first, head == "_" || head.isLetter, name.allSatisfy({ $0 == "_" || $0.isLetter || $0.isNumber }),
      name.allSatisfy(\.isASCII)
    else { return nil }
    var value = ShellWord()
    let rest = String(first[first.index(after: eq)...])
    if !rest.isEmpty { value.parts.append(.literal(rest, quoted: false)) }
    value.parts += word.parts.dropFirst()
    return (name, value)
  }

  private static let wordEnd: Set<Character> = [" ", "\t", "\n", ";", "&", "|", "<", ">", "(", ")"]

  private mutating func readWord() throws(ShellSyntaxError) -> ShellWord {
    var word = ShellWord()
    var first = true
    while let c = peek, !Self.wordEnd.contains(c) {
      defer { first = false }
      switch c {
      case "\\":
        i += 1
        if let n = peek {
          i += 1
          if n != "\n" { word.appendLiteral(n, quoted: true) }
        }
      case "'":
        i += 1
        var text = ""
        while let d = peek, d != "'" { text.append(d); i += 1 }
        guard peek == "'" else { throw ShellSyntaxError(message: "unexpected EOF while looking for matching `''") }
        i += 1
        word.parts.append(.literal(text, quoted: true))
        if text.isEmpty { word.parts.append(.literal("", quoted: true)) }
      case "\"":
        i += 1
        var any = false
        while let d = peek, d != "\"" {
          any = true
          if d == "\\", let n = peek(1), "$`\"\\\n".contains(n) {
            i += 2
            if n != "\n" { word.appendLiteral(n, quoted: true) }
          } else if d == "$" {
            try readDollar(into: &word, quoted: true)
          } else if d == "`" {
            word.parts.append(.command(try readBackquote(), quoted: true))
          } else {
            word.appendLiteral(d, quoted: true)
            i += 1
          }
        }
        guard peek == "\"" else { throw ShellSyntaxError(message: "unexpected EOF while looking for matching `\"'") }
        i += 1
        if !any { word.parts.append(.literal("", quoted: true)) }
      case "$":
        try readDollar(into: &word, quoted: false)
      case "`":
        word.parts.append(.command(try readBackquote(), quoted: false))
      case "~" where first:
        i += 1
        word.parts.append(.tilde)
      case "#" where first:
        return word
      default:
        word.appendLiteral(c, quoted: false)
        i += 1
      }
    }
    return word
  }

  private mutating func readBackquote() throws(ShellSyntaxError) -> String {
    i += 1
    var text = ""
    while let d = peek, d != "`" {
      if d == "\\", let n = peek(1) { text.append(n); i += 2; continue }
      text.append(d)
      i += 1
    }
    guard peek == "`" else { throw ShellSyntaxError(message: "unexpected EOF while looking for matching ``'") }
    i += 1
    return text
  }

  private mutating func readDollar(into word: inout ShellWord, quoted: Bool) throws(ShellSyntaxError) {
    i += 1
    guard let c = peek else { word.appendLiteral("$", quoted: quoted); return }
    if c == "{" {
      i += 1
      var name = ""
      while let d = peek, d != "}" { name.append(d); i += 1 }
      guard peek == "}" else { throw ShellSyntaxError(message: "unexpected EOF while looking for matching `}'") }
      i += 1
      word.parts.append(.variable(name, quoted: quoted))
    } else if c == "(" && peek(1) == "(" {
      // `$(( … ))`: up to the `))` that closes it, nested parentheses allowed.
      i += 2
      var depth = 0
      var text = ""
      while let d = peek {
        if d == "(" { depth += 1 }
        if d == ")" {
          if depth == 0 {
            guard peek(1) == ")" else { throw ShellSyntaxError(message: "unexpected EOF while looking for matching `))'") }
            break
          }
          depth -= 1
        }
        text.append(d)
        i += 1
      }
      guard peek == ")" else { throw ShellSyntaxError(message: "unexpected EOF while looking for matching `))'") }
      i += 2
      word.parts.append(.arithmetic(text, quoted: quoted))
    } else if c == "(" {
      i += 1
      var depth = 1
      var text = ""
      var inSingle = false
      var inDouble = false
      while let d = peek {
        if d == "'" && !inDouble { inSingle.toggle() }
        if d == "\"" && !inSingle { inDouble.toggle() }
        if !inSingle && !inDouble {
          if d == "(" { depth += 1 }
          if d == ")" { depth -= 1; if depth == 0 { break } }
        }
        text.append(d)
        i += 1
      }
      guard peek == ")" else { throw ShellSyntaxError(message: "unexpected EOF while looking for matching `)'") }
      i += 1
      word.parts.append(.command(text, quoted: quoted))
    } else if "?#$!@*-".contains(c) || c.isNumber {
      i += 1
      word.parts.append(.variable(String(c), quoted: quoted))
    } else if c == "_" || (c.isLetter && c.isASCII) {
      var name = ""
      while let d = peek, d == "_" || ((d.isLetter || d.isNumber) && d.isASCII) { name.append(d); i += 1 }
      word.parts.append(.variable(name, quoted: quoted))
    } else {
      word.appendLiteral("$", quoted: quoted)
    }
  }

  /// After a newline: the bodies of the here-documents opened on the line just ended.
  private mutating func readHereDocBodies() throws(ShellSyntaxError) {
    guard !pendingHereDocs.isEmpty else { return }
    let docs = pendingHereDocs
    pendingHereDocs = []
    for doc in docs {
      var body = ""
      var found = false
      while i < chars.count {
        var line = ""
        while let c = peek, c != "\n" { line.append(c); i += 1 }
        if peek == "\n" { i += 1 }
        if doc.stripTabs { line = String(line.drop { $0 == "\t" }) }
        if line == doc.delimiter { found = true; break }
        body += line + "\n"
      }
      _ = found
      setHereDocBody(doc, body)
    }
  }

  private mutating func setHereDocBody(_ doc: HereDoc, _ body: String) {
    guard doc.item < list.items.count else { return }
    var commands = list.items[doc.item].pipeline.commands
    if doc.command < commands.count, doc.redirect < commands[doc.command].redirects.count {
      let r = commands[doc.command].redirects[doc.redirect]
      commands[doc.command].redirects[doc.redirect] = ShellRedirect(fd: r.fd, op: .hereDocument(body: body, expand: doc.expand), target: r.target)
    }
    list.items[doc.item].pipeline.commands = commands
  }
}
