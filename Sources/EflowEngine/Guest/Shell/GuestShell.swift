import Foundation

/// bash, as far as EFLOW scripts use it, running inside the simulated VM as iotedge-user.
/// It holds the whole host state for the duration of one command line (one transaction):
/// commands read and change the guest file system, routes, DNS and units through it, and the
/// caller stores `host` back. Nothing ever runs on the Linux machine eflowsh runs on.
final class GuestShell {
  var host: HostState
  var variables: [String: String]
  var cwd: String
  var isRoot: Bool
  var lastStatus: Int32 = 0
  var exitRequested: Int32?
  var positional: [String] = []
  var scriptName = "bash"
  /// Nesting of scripts, `bash -c` and command substitutions (a guard against runaway recursion).
  var depth = 0

  init(host: HostState, root: Bool = false) {
    self.host = host
    isRoot = root
    cwd = root ? "/root" : GuestSystem.home
    variables = [
      "HOME": root ? "/root" : GuestSystem.home, "USER": root ? "root" : GuestSystem.user,
      "LOGNAME": root ? "root" : GuestSystem.user, "SHELL": "/bin/bash",
      "PATH": "/usr/local/bin:/usr/bin:/bin:/usr/local/sbin:/usr/sbin", "HOSTNAME": host.vm?.name ?? "",
    ]
    variables["PWD"] = cwd
  }

  var machine: EflowVM { host.vm! }

  var guest: GuestSystem {
    get { host.vm!.guest! }
    set { host.vm!.guest = newValue }
  }

  struct Output {
    var out = ""
    var err = ""
    var status: Int32 = 0

    /// Adds what another command printed and takes its status.
    mutating func append(_ other: Output) {
      out += other.out
      err += other.err
      status = other.status
    }
  }

  /// A pending `break N` / `continue N`, counted down as the loops it leaves unwind.
  enum LoopControl: Equatable {
    case breakLoops(Int)
    case continueLoops(Int)
  }
  var loopControl: LoopControl?
  /// How many loops enclose the running command (`break` outside one does nothing).
  var loopDepth = 0
  /// A command line stops with an error after this many loop rounds in all (nested loops and
  /// `bash -c` inside it count together): a simulated `while true` must not hang the host's
  /// script, since nothing in the simulation changes while it spins.
  static let loopIterationLimit = 10_000
  /// Loop rounds run so far by this command line.
  var loopRounds = 0

  /// Runs a command line (`bash -c TEXT`).
  func run(_ text: String, stdin: String = "") -> Output {
    let block: ShellBlock
    do {
      block = try ShellStructure.build(try ShellParser.parse(text))
    } catch {
      let first = text.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
      lastStatus = 2
      return Output(out: "", err: "bash: -c: line 1: \(error.message)\nbash: -c: line 1: `\(first)'\n", status: 2)
    }
    return execute(block, stdin: stdin)
  }

  /// Whether `exit`, `break` or `continue` is unwinding the running commands.
  private var unwinding: Bool { exitRequested != nil || loopControl != nil }

  func execute(_ block: ShellBlock, stdin: String) -> Output {
    var result = Output()
    for item in block.items {
      if unwinding { break }
      switch item.connector {
      case .always: break
      case .ifSuccess: if lastStatus != 0 { continue }
      case .ifFailure: if lastStatus == 0 { continue }
      }
      let r = run(item.node, stdin: stdin)
      result.out += r.out
      result.err += r.err
      lastStatus = r.status
    }
    if let code = exitRequested { lastStatus = code }
    result.status = lastStatus
    return result
  }

  private func run(_ node: ShellNode, stdin: String) -> Output {
    switch node {
    case .pipeline(let pipeline):
      return runPipeline(pipeline, stdin: stdin)
    case .ifClause(let branches, let otherwise):
      var result = Output()
      for branch in branches {
        let condition = execute(branch.condition, stdin: stdin)
        result.append(condition)
        if unwinding { return result }
        if condition.status == 0 {
          result.append(execute(branch.body, stdin: stdin))
          return result
        }
      }
      result.status = 0
      if let otherwise { result.append(execute(otherwise, stdin: stdin)) }
      return result
    case .whileLoop(let condition, let body, let until):
      return loop(stdin: stdin) { result in
        let test = self.execute(condition, stdin: stdin)
        result.append(test)
        return (test.status == 0) != until
      } body: { self.execute(body, stdin: stdin) }
    case .forLoop(let variable, let words, let body):
      var errors = ""
      var values: [String] = []
      if let words {
        for word in words { values += expandFields(word, errors: &errors) }
      } else {
        values = positional
      }
      var next = values.makeIterator()
      var result = loop(stdin: stdin) { _ in
        guard let value = next.next() else { return false }
        self.variables[variable] = value
        return true
      } body: { self.execute(body, stdin: stdin) }
      result.err = errors + result.err
      return result
    }
  }

  /// Runs `body` while `proceed` says so, honouring `break`/`continue` and the iteration limit.
  /// The status is the last body's, or 0 when the body never ran (as bash's).
  private func loop(stdin: String, proceed: (inout Output) -> Bool, body: () -> Output) -> Output {
    loopDepth += 1
    defer { loopDepth -= 1 }
    var result = Output()
    var status: Int32 = 0
    while true {
      let go = proceed(&result)
      if exitRequested != nil { break }
      if loopControl != nil {
        if finishLoopControl() { continue } else { break }
      }
      guard go else { break }
      loopRounds += 1
      if loopRounds > Self.loopIterationLimit {
        // Ends the whole command line, as `exit 1` would: enclosing loops must not go on.
        result.err += "bash: eflowsh stopped a loop after \(Self.loopIterationLimit) rounds (nothing in the simulated VM changes while it runs)\n"
        exitRequested = 1
        break
      }
      let r = body()
      result.out += r.out
      result.err += r.err
      status = r.status
      if exitRequested != nil { break }
      if loopControl != nil && !finishLoopControl() { break }
    }
    result.status = exitRequested ?? status
    return result
  }

  /// Counts down the pending `break`/`continue` for the loop that is ending a round. True when
  /// this loop continues (`continue` addressed to it), false when it ends.
  private func finishLoopControl() -> Bool {
    switch loopControl {
    case .breakLoops(let n):
      loopControl = n > 1 ? .breakLoops(n - 1) : nil
      return false
    case .continueLoops(let n):
      if n > 1 {
        loopControl = .continueLoops(n - 1)
        return false
      }
      loopControl = nil
      return true
    case nil:
      return true
    }
  }

  private func runPipeline(_ pipeline: ShellPipeline, stdin: String) -> Output {
    var input = stdin
    var err = ""
    var status: Int32 = 0
    for (index, command) in pipeline.commands.enumerated() {
      let r = runSimple(command, stdin: index == 0 ? input : input)
      err += r.err
      input = r.out
      status = r.status
      if exitRequested != nil && pipeline.commands.count > 1 { exitRequested = nil }
    }
    if pipeline.negated { status = status == 0 ? 1 : 0 }
    return Output(out: input, err: err, status: status)
  }

  enum Target: Equatable {
    case stdout, stderr
    case file(String)
  }

  private func runSimple(_ command: ShellCommand, stdin: String) -> Output {
    var expansionErrors = ""
    var args: [String] = []
    for word in command.words { args += expandFields(word, errors: &expansionErrors) }
    var input = stdin
    var targets: [Int: Target] = [1: .stdout, 2: .stderr]
    for r in command.redirects {
      switch r.op {
      case .hereDocument(let body, let expand):
        input = expand ? expandHereDocument(body, errors: &expansionErrors) : body
      case .input:
        let name = expandSingle(r.target, errors: &expansionErrors)
        do {
          input = try guest.read(GuestSystem.normalize(name, cwd: cwd), root: isRoot)
        } catch {
          return Output(err: expansionErrors + "bash: \(name): \(error.text)\n", status: 1)
        }
      case .output(let append):
        let name = expandSingle(r.target, errors: &expansionErrors)
        let path = GuestSystem.normalize(name, cwd: cwd)
        do {
          try guest.write(path, "", append: true, root: isRoot)
          if !append { try guest.write(path, "", root: isRoot) }
        } catch {
          return Output(err: expansionErrors + "bash: \(name): \(error.text)\n", status: 1)
        }
        if r.fd == -1 {
          targets[1] = .file(path)
          targets[2] = .file(path)
        } else {
          targets[r.fd] = .file(path)
        }
      case .duplicate(let other):
        targets[r.fd] = targets[other] ?? (other == 2 ? .stderr : .stdout)
      }
    }
    var result = Output()
    if args.isEmpty {
      for a in command.assignments { variables[a.name] = expandSingle(a.value, errors: &expansionErrors) }
      result.status = expansionErrors.isEmpty ? 0 : lastStatus
    } else {
      var saved: [String: String?] = [:]
      for a in command.assignments {
        saved[a.name] = variables[a.name]
        variables[a.name] = expandSingle(a.value, errors: &expansionErrors)
      }
      result = invoke(args, stdin: input, root: isRoot)
      for (name, value) in saved { variables[name] = value }
    }
    var out = ""
    var err = expansionErrors
    func deliver(_ text: String, _ target: Target) {
      guard !text.isEmpty else { return }
      switch target {
      case .stdout: out += text
      case .stderr: err += text
      case .file(let path): try? guest.write(path, text, append: true, root: true)
      }
    }
    deliver(result.out, targets[1] ?? .stdout)
    deliver(result.err, targets[2] ?? .stderr)
    return Output(out: out, err: err, status: result.status)
  }

  // MARK: - Running commands

  /// Directories a bare command name is found in (for `/usr/sbin/ip`-style paths and `which`).
  static let binDirectories = ["/usr/bin", "/bin", "/usr/sbin", "/sbin", "/usr/local/bin"]

  func invoke(_ args: [String], stdin: String, root: Bool) -> Output {
    var name = args[0]
    if name.contains("/") {
      let dir = GuestSystem.parent(of: name)
      let base = GuestSystem.baseName(name)
      if Self.binDirectories.contains(dir) && isCommand(base) {
        name = base
      } else {
        return runScriptFile(name, arguments: Array(args.dropFirst()), stdin: stdin, root: root, requireExecutable: true)
      }
    }
    var inv = GuestInvocation(name: name, args: Array(args.dropFirst()), stdin: stdin, root: root)
    guard let status = dispatch(&inv) else {
      return Output(err: "bash: \(name): command not found\n", status: 127)
    }
    return Output(out: inv.out, err: inv.err, status: status)
  }

  func isCommand(_ name: String) -> Bool {
    Self.builtins.contains(name) || Self.commandNames.contains(name)
  }

  static let builtins: Set<String> = [
    "cd", "pwd", "export", "unset", "exit", "true", "false", ":", "echo", "printf", "test", "[", "source", ".",
    "set", "type", "command", "read", "sudo", "bash", "sh", "sleep", "which", "break", "continue",
  ]

  /// Runs `path` as a bash script (`bash FILE`, `./FILE`, a unit's ExecStart).
  func runScriptFile(_ name: String, arguments: [String], stdin: String, root: Bool, requireExecutable: Bool) -> Output {
    let path = GuestSystem.normalize(name, cwd: cwd)
    guard let node = guest.node(path) else {
      return Output(err: "bash: \(name): No such file or directory\n", status: 127)
    }
    if node.isDirectory { return Output(err: "bash: \(name): Is a directory\n", status: 126) }
    if requireExecutable && !root && (node.mode & (node.owner == GuestSystem.user ? 0o100 : 0o001)) == 0 {
      return Output(err: "bash: \(name): Permission denied\n", status: 126)
    }
    let text: String
    do { text = try guest.read(path, root: root) } catch {
      return Output(err: "bash: \(name): \(error.text)\n", status: 126)
    }
    return subshell(root: root, scriptName: name, arguments: arguments) { $0.run(text, stdin: stdin) }
  }

  /// Runs `body` as a child shell: its own variables, directory, positional parameters and
  /// `exit`, the same machine.
  func subshell(root: Bool, scriptName: String? = nil, arguments: [String]? = nil, _ body: (GuestShell) -> Output) -> Output {
    guard depth < 32 else { return Output(err: "bash: maximum nesting level exceeded\n", status: 1) }
    let saved = (variables, cwd, isRoot, positional, self.scriptName, lastStatus, exitRequested, loopControl, loopDepth)
    if root && !isRoot {
      variables["HOME"] = "/root"
      variables["USER"] = "root"
      variables["LOGNAME"] = "root"
    }
    isRoot = root
    if let scriptName { self.scriptName = scriptName }
    if let arguments { positional = arguments }
    exitRequested = nil
    loopControl = nil
    loopDepth = 0
    depth += 1
    var r = body(self)
    depth -= 1
    if let code = exitRequested { r.status = code }
    (variables, cwd, isRoot, positional, self.scriptName, lastStatus, exitRequested, loopControl, loopDepth) = saved
    // A runaway loop in a child shell stops the whole command line, not just the child.
    if loopRounds > Self.loopIterationLimit { exitRequested = 1 }
    return r
  }

  // MARK: - Expansion

  /// One word to fields: parameter and command substitution, field splitting of unquoted
  /// results, `~`, and pathname expansion of unquoted wildcards that match.
  func expandFields(_ word: ShellWord, errors: inout String) -> [String] {
    var fields: [String] = []
    var current = ""
    var has = false
    var globbable = false
    for part in word.parts {
      switch part {
      case .literal(let text, let quoted):
        current += text
        has = true
        if !quoted && text.contains(where: { "*?[".contains($0) }) { globbable = true }
      case .tilde:
        current += variables["HOME"] ?? GuestSystem.home
        has = true
      case .variable(let name, let quoted), .command(let name, let quoted), .arithmetic(let name, let quoted):
        let value: String
        switch part {
        case .variable: value = parameter(name)
        case .arithmetic: value = arithmetic(name, errors: &errors)
        default: value = substitute(name, errors: &errors)
        }
        if quoted {
          current += value
          has = true
        } else {
          for c in value {
            if c == " " || c == "\t" || c == "\n" {
              if has { fields.append(current); current = ""; has = false }
            } else {
              current.append(c)
              has = true
            }
          }
        }
      }
    }
    if has { fields.append(current) }
    if globbable && fields.count == 1 {
      let matches = guest.glob(fields[0], cwd: cwd)
      if !matches.isEmpty { return matches }
    }
    return fields
  }

  /// One word to one string (assignments, redirection targets).
  func expandSingle(_ word: ShellWord, errors: inout String) -> String {
    var s = ""
    for part in word.parts {
      switch part {
      case .literal(let text, _): s += text
      case .tilde: s += variables["HOME"] ?? GuestSystem.home
      case .variable(let name, _): s += parameter(name)
      case .command(let text, _): s += substitute(text, errors: &errors)
      case .arithmetic(let text, _): s += arithmetic(text, errors: &errors)
      }
    }
    return s
  }

  /// `$(( … ))`: the value, or an error in bash's words (and an empty expansion).
  func arithmetic(_ text: String, errors: inout String) -> String {
    do {
      return String(try ShellArithmetic.evaluate(text) { self.parameter($0) })
    } catch {
      errors += "bash: \(error.message)\n"
      return ""
    }
  }

  /// `$NAME`, `${NAME}`, `${NAME:-default}`, `${#NAME}`, `$?`, `$#`, `$0`–`$9`, `$@`, `$*`, `$$`.
  func parameter(_ name: String) -> String {
    if name.hasPrefix("#") && name.count > 1 { return String(parameter(String(name.dropFirst())).count) }
    if let range = name.range(of: ":-") {
      let value = parameter(String(name[..<range.lowerBound]))
      return value.isEmpty ? String(name[range.upperBound...]) : value
    }
    if let range = name.range(of: ":=") {
      let key = String(name[..<range.lowerBound])
      if parameter(key).isEmpty { variables[key] = String(name[range.upperBound...]) }
      return parameter(key)
    }
    switch name {
    case "?": return String(lastStatus)
    case "#": return String(positional.count)
    case "0": return scriptName
    case "@", "*": return positional.joined(separator: " ")
    case "$": return "1234"
    case "!": return ""
    case "-": return "hB"
    case "PWD": return cwd
    default:
      if let n = Int(name) { return n >= 1 && n <= positional.count ? positional[n - 1] : "" }
      return variables[name] ?? ""
    }
  }

  /// `$(…)`: the output of a child shell, trailing newlines removed.
  func substitute(_ text: String, errors: inout String) -> String {
    let r = subshell(root: isRoot) { $0.run(text) }
    errors += r.err
    lastStatus = r.status
    var out = r.out
    while out.hasSuffix("\n") { out.removeLast() }
    return out
  }

  /// A here-document body: `$` expansions and `\$`, `` \` ``, `\\` escapes.
  func expandHereDocument(_ body: String, errors: inout String) -> String {
    var word = ShellWord()
    let chars = Array(body)
    var i = 0
    var literal = ""
    func flush() {
      if !literal.isEmpty { word.parts.append(.literal(literal, quoted: true)); literal = "" }
    }
    while i < chars.count {
      let c = chars[i]
      if c == "\\", i + 1 < chars.count, "$`\\".contains(chars[i + 1]) {
        literal.append(chars[i + 1])
        i += 2
      } else if c == "$", i + 1 < chars.count, chars[i + 1] == "{" || chars[i + 1] == "(" || chars[i + 1] == "_" || chars[i + 1].isLetter || chars[i + 1].isNumber || "?#".contains(chars[i + 1]) {
        flush()
        // Re-use the word reader on the `$…` text.
        var j = i + 1
        var text = ""
        if chars[j] == "{" {
          while j < chars.count, chars[j] != "}" { j += 1 }
          text = String(chars[(i + 2)..<min(j, chars.count)])
          word.parts.append(.variable(text, quoted: true))
          i = j + 1
        } else if chars[j] == "(" {
          var depthCount = 1
          j += 1
          while j < chars.count, depthCount > 0 {
            if chars[j] == "(" { depthCount += 1 }
            if chars[j] == ")" { depthCount -= 1 }
            j += 1
          }
          text = String(chars[(i + 2)..<max(i + 2, j - 1)])
          word.parts.append(.command(text, quoted: true))
          i = j
        } else if "?#".contains(chars[j]) || chars[j].isNumber {
          word.parts.append(.variable(String(chars[j]), quoted: true))
          i = j + 1
        } else {
          while j < chars.count, chars[j] == "_" || ((chars[j].isLetter || chars[j].isNumber) && chars[j].isASCII) { j += 1 }
          word.parts.append(.variable(String(chars[(i + 1)..<j]), quoted: true))
          i = j
        }
      } else {
        literal.append(c)
        i += 1
      }
    }
    flush()
    return expandSingle(word, errors: &errors)
  }
}
