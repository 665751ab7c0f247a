import Foundation

/// A command line with its compound commands recognised: what the guest shell runs.
///
/// The parser reads a flat list of pipelines; bash's reserved words (`if`, `then`, `elif`,
/// `else`, `fi`, `for`, `while`, `until`, `do`, `done`) are words at the start of a command, so
/// this second pass finds them there and nests the pipelines between them. Compound commands
/// inside a pipeline or with their own redirections (`done | sort`, `fi > log`), `case`,
/// functions and subshells are refused with a clear error rather than run differently.
struct ShellBlock {
  struct Item {
    var connector: ShellList.Connector
    var node: ShellNode
  }
  var items: [Item] = []
}

struct ShellBranch {
  var condition: ShellBlock
  var body: ShellBlock
}

indirect enum ShellNode {
  case pipeline(ShellPipeline)
  case ifClause(branches: [ShellBranch], otherwise: ShellBlock?)
  /// `for NAME in WORDS; do …; done`; `words` is nil for `for NAME; do`, which walks `"$@"`.
  case forLoop(variable: String, words: [ShellWord]?, body: ShellBlock)
  case whileLoop(condition: ShellBlock, body: ShellBlock, until: Bool)
}

struct ShellStructure {
  private var items: [(connector: ShellList.Connector, pipeline: ShellPipeline)]
  private var index = 0

  static let reservedWords: Set<String> = ["if", "then", "elif", "else", "fi", "for", "while", "until", "do", "done"]
  /// Reserved words and keywords eflowsh's guest shell does not run.
  static let unsupportedWords: Set<String> = ["case", "esac", "function", "select", "{", "}", "[[", "]]"]

  static func build(_ list: ShellList) throws(ShellSyntaxError) -> ShellBlock {
    var structure = ShellStructure(items: list.items)
    let (block, end) = try structure.block(until: [])
    if let end { throw near(end) }
    return block
  }

  private static func near(_ token: String) -> ShellSyntaxError {
    ShellSyntaxError(message: "syntax error near unexpected token `\(token)'")
  }

  private static let endOfFile = ShellSyntaxError(message: "syntax error: unexpected end of file")

  /// The reserved word that starts the current item, if any.
  private func reservedWord() throws(ShellSyntaxError) -> String? {
    guard index < items.count else { return nil }
    let pipeline = items[index].pipeline
    guard let command = pipeline.commands.first, command.assignments.isEmpty,
      let word = command.words.first?.literalText, !(command.words.first?.hasQuotes ?? true)
    else { return nil }
    if Self.unsupportedWords.contains(word) {
      throw ShellSyntaxError(message: "`\(word)' is not supported by eflowsh's guest shell")
    }
    guard Self.reservedWords.contains(word) else { return nil }
    if pipeline.negated { throw Self.near(word) }
    return word
  }

  /// Removes the reserved word at the start of the current item; what follows it on the same
  /// command (`then echo yes`) stays as the next item, which the following block starts with.
  private mutating func consumeReservedWord() {
    var pipeline = items[index].pipeline
    pipeline.commands[0].words.removeFirst()
    // `if ! grep -q …`: the parser only sees `!` at the start of a pipeline.
    if let word = pipeline.commands[0].words.first, word.literalText == "!", !word.hasQuotes, pipeline.commands[0].words.count > 1 {
      pipeline.commands[0].words.removeFirst()
      pipeline.negated.toggle()
    }
    // The parser only takes `NAME=value` as an assignment at the start of a command; after
    // `then`/`do` it is at the start now (`then n=3`).
    while let word = pipeline.commands[0].words.first, let assignment = ShellParser.assignment(word) {
      pipeline.commands[0].assignments.append(assignment)
      pipeline.commands[0].words.removeFirst()
    }
    let first = pipeline.commands[0]
    if first.words.isEmpty && first.assignments.isEmpty && first.redirects.isEmpty && pipeline.commands.count == 1 {
      index += 1
    } else {
      items[index] = (.always, pipeline)
    }
  }

  /// Nodes up to one of `terminators` (returned, not consumed) or the end of the list (nil).
  private mutating func block(until terminators: Set<String>) throws(ShellSyntaxError) -> (ShellBlock, String?) {
    var block = ShellBlock()
    while index < items.count {
      let connector = items[index].connector
      guard let word = try reservedWord() else {
        block.items.append(.init(connector: connector, node: .pipeline(items[index].pipeline)))
        index += 1
        continue
      }
      if terminators.contains(word) {
        if connector != .always { throw Self.near(word) }
        return (block, word)
      }
      switch word {
      case "if": block.items.append(.init(connector: connector, node: try ifClause()))
      case "while", "until": block.items.append(.init(connector: connector, node: try whileLoop(until: word == "until")))
      case "for": block.items.append(.init(connector: connector, node: try forLoop()))
      default: throw Self.near(word)
      }
    }
    if !terminators.isEmpty { throw Self.endOfFile }
    return (block, nil)
  }

  /// A block that must end at one of `terminators` and must not be empty (bash refuses
  /// `if true; then fi`).
  private mutating func requiredBlock(until terminators: Set<String>) throws(ShellSyntaxError) -> (ShellBlock, String) {
    let (block, end) = try block(until: terminators)
    guard let end else { throw Self.endOfFile }
    if block.items.isEmpty { throw Self.near(end) }
    return (block, end)
  }

  /// `fi` or `done`: nothing may follow it on the same command but a separator.
  private mutating func closeCompound(_ word: String) throws(ShellSyntaxError) {
    let pipeline = items[index].pipeline
    consumeReservedWord()
    let first = pipeline.commands[0]
    if first.words.count > 1 { throw Self.near(first.words[1].literalText ?? word) }
    if !first.redirects.isEmpty || pipeline.commands.count > 1 {
      throw ShellSyntaxError(
        message: "a redirection or pipe after `\(word)' is not supported by eflowsh's guest shell")
    }
  }

  private mutating func ifClause() throws(ShellSyntaxError) -> ShellNode {
    consumeReservedWord()  // if
    var branches: [ShellBranch] = []
    var otherwise: ShellBlock?
    while true {
      let (condition, _) = try requiredBlock(until: ["then"])
      consumeReservedWord()  // then
      let (body, end) = try requiredBlock(until: ["elif", "else", "fi"])
      branches.append(ShellBranch(condition: condition, body: body))
      if end == "elif" {
        consumeReservedWord()
        continue
      }
      if end == "else" {
        consumeReservedWord()
        (otherwise, _) = try requiredBlock(until: ["fi"])
      }
      try closeCompound("fi")
      return .ifClause(branches: branches, otherwise: otherwise)
    }
  }

  private mutating func whileLoop(until: Bool) throws(ShellSyntaxError) -> ShellNode {
    consumeReservedWord()  // while / until
    let (condition, _) = try requiredBlock(until: ["do"])
    consumeReservedWord()  // do
    let (body, _) = try requiredBlock(until: ["done"])
    try closeCompound("done")
    return .whileLoop(condition: condition, body: body, until: until)
  }

  /// `for NAME [in WORDS…]` is a command of its own; `do` starts the next one.
  private mutating func forLoop() throws(ShellSyntaxError) -> ShellNode {
    let header = items[index].pipeline
    let command = header.commands[0]
    guard header.commands.count == 1, command.redirects.isEmpty else {
      throw ShellSyntaxError(message: "a redirection or pipe in a `for' header is not supported by eflowsh's guest shell")
    }
    guard command.words.count >= 2, let name = command.words[1].literalText, Self.isName(name) else {
      throw Self.near(command.words.count >= 2 ? (command.words[1].literalText ?? "for") : "newline")
    }
    var words: [ShellWord]?
    if command.words.count > 2 {
      guard command.words[2].literalText == "in" else { throw Self.near(command.words[2].literalText ?? "in") }
      words = Array(command.words.dropFirst(3))
    }
    index += 1
    guard try reservedWord() == "do" else { throw index < items.count ? Self.near(firstWord()) : Self.endOfFile }
    consumeReservedWord()  // do
    let (body, _) = try requiredBlock(until: ["done"])
    try closeCompound("done")
    return .forLoop(variable: name, words: words, body: body)
  }

  private func firstWord() -> String {
    items[index].pipeline.commands.first?.words.first?.literalText ?? "newline"
  }

  private static func isName(_ text: String) -> Bool {
    guard let first = text.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic) else {
      return false
    }
    return text.unicodeScalars.allSatisfy { $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) }
  }
}
