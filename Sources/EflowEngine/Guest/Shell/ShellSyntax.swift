import Foundation

/// The guest shell's syntax tree: what bash makes of a command line before running it.
/// Supported: simple commands, `VAR=value` assignments, pipelines, `;`/newline, `&&`, `||`,
/// `&` (run in order, as if in the foreground), quotes, `\` escapes, `$VAR`, `${VAR}`, `$?`,
/// `$(…)` and backquotes, `$((…))`, `~`, comments, wildcards, redirections (`<`, `>`, `>>`, `2>`, `2>&1`,
/// `>&2`, `&>`) and here-documents (`<<EOF`, `<<'EOF'`, `<<-EOF`); `ShellStructure` then finds
/// `if`/`for`/`while`/`until` in the list. Not supported: `case`, functions, subshells, `{ …; }`,
/// `(( … ))` as a command.
struct ShellWord: Equatable {
  enum Part: Equatable {
    case literal(String, quoted: Bool)
    case variable(String, quoted: Bool)
    case command(String, quoted: Bool)
    /// `$(( expression ))`.
    case arithmetic(String, quoted: Bool)
    /// `~` at the start of a word.
    case tilde
  }

  var parts: [Part] = []

  var isEmpty: Bool { parts.isEmpty }

  /// The word's text when it is made of literals only (for here-document delimiters, fds).
  var literalText: String? {
    var s = ""
    for p in parts {
      guard case .literal(let t, _) = p else { return nil }
      s += t
    }
    return s
  }

  var hasQuotes: Bool {
    parts.contains {
      switch $0 {
      case .literal(_, let q), .variable(_, let q), .command(_, let q), .arithmetic(_, let q): q
      case .tilde: false
      }
    }
  }

  mutating func appendLiteral(_ c: Character, quoted: Bool) {
    if case .literal(let t, let q)? = parts.last, q == quoted {
      parts[parts.count - 1] = .literal(t + String(c), quoted: q)
    } else {
      parts.append(.literal(String(c), quoted: quoted))
    }
  }
}

struct ShellRedirect: Equatable {
  enum Op: Equatable {
    /// `<`
    case input
    /// `>` / `>>`
    case output(append: Bool)
    /// `N>&M`
    case duplicate(Int)
    /// `<<` here-document with its body (expanded unless the delimiter was quoted).
    case hereDocument(body: String, expand: Bool)
  }

  /// The file descriptor redirected; -1 = both stdout and stderr (`&>`).
  var fd: Int
  var op: Op
  var target: ShellWord
}

struct ShellCommand: Equatable {
  var assignments: [(name: String, value: ShellWord)] = []
  var words: [ShellWord] = []
  var redirects: [ShellRedirect] = []

  static func == (a: ShellCommand, b: ShellCommand) -> Bool {
    a.words == b.words && a.redirects == b.redirects && a.assignments.map(\.name) == b.assignments.map(\.name)
      && a.assignments.map(\.value) == b.assignments.map(\.value)
  }
}

struct ShellPipeline: Equatable {
  var commands: [ShellCommand]
  var negated = false
}

/// A list: pipelines and how each one depends on the previous one's status.
struct ShellList: Equatable {
  enum Connector: Equatable { case always, ifSuccess, ifFailure }
  var items: [(connector: Connector, pipeline: ShellPipeline)] = []

  static func == (a: ShellList, b: ShellList) -> Bool {
    a.items.map(\.connector) == b.items.map(\.connector) && a.items.map(\.pipeline) == b.items.map(\.pipeline)
  }
}

/// A syntax error, worded as bash words it (`bash: -c: line 1: syntax error near unexpected token `|'`).
struct ShellSyntaxError: Error, Equatable {
  var message: String
}
