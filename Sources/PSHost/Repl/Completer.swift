import PSRuntime

/// A command's parameter as completion sees it (the runtime's type, named here for users of
/// PSHost).
public typealias CompletionParameter = PSRuntime.CompletionParameter

/// What tab completion asks the session (the interpreter in eflowsh, a table in tests).
public protocol CompletionSource {
  /// Every command name: cmdlets, functions, aliases, commands of modules not yet imported.
  func commandNames() -> [String]
  /// The parameters of a command (nil when the command is unknown).
  func parameters(ofCommand name: String) -> [CompletionParameter]?
  /// Variable names, without `$`.
  func variableNames() -> [String]
  /// The directory relative paths start from (the session's current location).
  var currentDirectory: String { get }
  /// The entries of a directory, or nil when it cannot be read.
  func directoryEntries(_ path: String) -> [(name: String, isDirectory: Bool)]?
  /// Values for an argument beyond the parameter's `ValidateSet` — the hook for values from the
  /// simulation (switch names for `-VSwitchName`, …). Empty by default.
  func argumentValues(command: String, parameter: String) -> [String]
  /// The home directory for `~`.
  var homeDirectory: String? { get }
}

extension CompletionSource {
  public func argumentValues(command: String, parameter: String) -> [String] { [] }
  public var homeDirectory: String? { nil }
}

/// One completion: the text from `start` (a UTF-8 offset into the line) to the cursor is to be
/// replaced by one of `candidates`.
public struct Completion: Equatable, Sendable {
  public var start: Int
  public var candidates: [String]

  public init(start: Int, candidates: [String]) {
    self.start = start
    self.candidates = candidates
  }
}

/// Tab completion in pure Swift: given the line and the cursor, what may replace the word being
/// typed. Commands in command position (`Get-Ef` → every `Get-Ef…`, `Verb-` lists the verb's
/// commands), parameter names after `-` (in their declared casing), `ValidateSet` values after a
/// parameter, variables after `$`, and file paths elsewhere. Matching ignores case; values and
/// paths with spaces or PowerShell's special characters come back in single quotes.
public struct Completer {
  public var source: CompletionSource

  public init(source: CompletionSource) { self.source = source }

  /// Bytes that end a command (the next word is in command position again).
  static let commandSeparators: Set<UInt8> = Set(";|{}()=&\n".utf8)

  /// Completes the word before `cursor` (a UTF-8 offset; the line's end when nil).
  public func complete(line: String, cursor: Int? = nil) -> Completion {
    let bytes = Array(line.utf8)
    let end = min(cursor ?? bytes.count, bytes.count)
    // Split the text before the cursor into the words of the current command.
    var segment: [String] = []
    var word: [UInt8] = []
    var wordStart = 0
    var quote: UInt8?
    func finishWord() {
      if !word.isEmpty { segment.append(String(decoding: word, as: UTF8.self)) }
      word = []
    }
    var i = 0
    while i < end {
      let c = bytes[i]
      if let q = quote {
        word.append(c)
        if c == q { quote = nil }
      } else if c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") {
        finishWord()
      } else if Self.commandSeparators.contains(c) {
        finishWord()
        segment = []
      } else {
        if word.isEmpty { wordStart = i }
        if c == UInt8(ascii: "'") || c == UInt8(ascii: "\"") { quote = c }
        word.append(c)
      }
      i += 1
    }
    if word.isEmpty { wordStart = end }
    let current = String(decoding: word, as: UTF8.self)
    // `& cmd` and `. cmd` call a command: the word after them is in command position.
    if segment == ["&"] || segment == ["."] { segment = [] }

    if current.hasPrefix("$") {
      return Completion(start: wordStart, candidates: variables(current))
    }
    if segment.isEmpty {
      if current.contains("/") || current.hasPrefix(".") || current.hasPrefix("~") || current.hasPrefix("'")
        || current.hasPrefix("\"")
      {
        return Completion(start: wordStart, candidates: paths(current))
      }
      return Completion(start: wordStart, candidates: commands(current))
    }
    let command = segment[0]
    if current.hasPrefix("-"), !current.dropFirst().contains(":"), !(current.dropFirst().first?.isNumber ?? false) {
      return Completion(start: wordStart, candidates: parameterNames(command, String(current.dropFirst())))
    }
    if segment.count > 1, let last = segment.last, last.hasPrefix("-"), !last.contains(":"),
      let params = source.parameters(ofCommand: command), let p = Self.find(String(last.dropFirst()), in: params),
      !p.isSwitch
    {
      let values = p.validValues + source.argumentValues(command: command, parameter: p.name)
      if !values.isEmpty {
        return Completion(start: wordStart, candidates: argumentValues(values, current))
      }
    }
    return Completion(start: wordStart, candidates: paths(current))
  }

  // MARK: - Kinds of completion

  func commands(_ prefix: String) -> [String] {
    let p = prefix.lowercased()
    return source.commandNames().filter { $0.lowercased().hasPrefix(p) }.sorted(by: Self.caseInsensitiveLess)
  }

  func parameterNames(_ command: String, _ prefix: String) -> [String] {
    guard let params = source.parameters(ofCommand: command) else { return [] }
    let p = prefix.lowercased()
    return params.filter { $0.name.lowercased().hasPrefix(p) }.map { "-" + $0.name }
  }

  func variables(_ word: String) -> [String] {
    let p = word.dropFirst().lowercased()
    return source.variableNames().filter { $0.lowercased().hasPrefix(p) }.sorted(by: Self.caseInsensitiveLess).map {
      "$" + $0
    }
  }

  func argumentValues(_ values: [String], _ word: String) -> [String] {
    let p = Self.unquote(word).lowercased()
    var seen = Set<String>()
    return values.filter { $0.lowercased().hasPrefix(p) && seen.insert($0.lowercased()).inserted }.map(Self.quoteIfNeeded)
  }

  func paths(_ word: String) -> [String] {
    let typed = Self.unquote(word)
    let slash = typed.lastIndex { $0 == "/" || $0 == "\\" }
    let dirPart = slash.map { String(typed[...$0]) } ?? ""
    let namePrefix = slash.map { String(typed[typed.index(after: $0)...]) } ?? typed
    var dir = dirPart
    if dir.hasPrefix("~"), let home = source.homeDirectory { dir = home + dir.dropFirst() }
    if dir.isEmpty {
      dir = source.currentDirectory
    } else if !dir.hasPrefix("/") {
      dir = source.currentDirectory + "/" + dir
    }
    guard let entries = source.directoryEntries(dir) else { return [] }
    let p = namePrefix.lowercased()
    return
      entries
      .filter { $0.name.lowercased().hasPrefix(p) && (p.hasPrefix(".") || !$0.name.hasPrefix(".")) }
      .sorted { Self.caseInsensitiveLess($0.name, $1.name) }
      .map { Self.quoteIfNeeded(dirPart + $0.name + ($0.isDirectory ? "/" : "")) }
  }

  // MARK: - Helpers

  /// A parameter by full name, alias, or unique prefix (as the binder finds it).
  static func find(_ name: String, in params: [CompletionParameter]) -> CompletionParameter? {
    let n = name.lowercased()
    if let p = params.first(where: { $0.name.lowercased() == n || $0.aliases.contains { $0.lowercased() == n } }) {
      return p
    }
    let matches = params.filter { $0.name.lowercased().hasPrefix(n) }
    return matches.count == 1 ? matches[0] : nil
  }

  /// The characters that make a bare word mean something else to PowerShell.
  static let specialCharacters: Set<Character> = [" ", "\t", "'", "\"", "$", "`", "(", ")", "{", "}", ";", "&", "|", ",", "@", "#", "<", ">"]

  /// `My Dir/` → `'My Dir/'` (a quote inside is doubled); plain words stay as they are.
  static func quoteIfNeeded(_ s: String) -> String {
    guard s.contains(where: { specialCharacters.contains($0) }) else { return s }
    return "'" + s.replacingOccurrences(of: "'", with: "''") + "'"
  }

  /// The word without its opening (and closing) quote.
  static func unquote(_ word: String) -> String {
    guard let q = word.first, q == "'" || q == "\"" else { return word }
    var s = word.dropFirst()
    if s.last == q { s = s.dropLast() }
    return q == "'" ? String(s).replacingOccurrences(of: "''", with: "'") : String(s)
  }

  static func caseInsensitiveLess(_ a: String, _ b: String) -> Bool {
    let (la, lb) = (a.lowercased(), b.lowercased())
    return la != lb ? la < lb : a < b
  }
}

extension String {
  fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
    guard !target.isEmpty else { return self }
    var result = ""
    var rest = self[...]
    while let r = rest.range(of: target) {
      result += rest[..<r.lowerBound] + replacement
      rest = rest[r.upperBound...]
    }
    return result + rest
  }
}
