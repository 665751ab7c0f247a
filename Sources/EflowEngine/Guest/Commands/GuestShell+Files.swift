import Foundation

/// coreutils on the guest file system: cat, tee, touch, mkdir, rm, rmdir, cp, mv, chmod, chown,
/// ls. Messages are GNU coreutils'.
extension GuestShell {
  func path(_ name: String) -> String { GuestSystem.normalize(name, cwd: cwd) }

  /// Splits `-abc` style flags from operands (`--` ends options); long options are kept whole.
  static func flags(_ args: [String], valued: Set<Character> = []) -> (flags: Set<String>, values: [Character: String], operands: [String]) {
    var flags: Set<String> = []
    var values: [Character: String] = [:]
    var operands: [String] = []
    var i = 0
    var done = false
    while i < args.count {
      let a = args[i]
      if done || a == "-" || !a.hasPrefix("-") {
        operands.append(a)
      } else if a == "--" {
        done = true
      } else if a.hasPrefix("--") {
        flags.insert(a)
      } else {
        let letters = Array(a.dropFirst())
        var k = 0
        while k < letters.count {
          let c = letters[k]
          if valued.contains(c) {
            let rest = String(letters[(k + 1)...])
            if !rest.isEmpty { values[c] = rest } else if i + 1 < args.count { i += 1; values[c] = args[i] }
            break
          }
          flags.insert(String(c))
          k += 1
        }
      }
      i += 1
    }
    return (flags, values, operands)
  }

  /// The text of each operand (`-` or none: standard input), reporting unreadable ones.
  func inputs(_ inv: inout GuestInvocation, _ operands: [String], tool: String) -> (texts: [(name: String, text: String)], failed: Bool) {
    if operands.isEmpty { return ([("-", inv.stdin)], false) }
    var texts: [(String, String)] = []
    var failed = false
    for name in operands {
      if name == "-" { texts.append((name, inv.stdin)); continue }
      do {
        texts.append((name, try guest.read(path(name), root: inv.root)))
      } catch {
        inv.fail("\(tool): \(name): \(error.text)")
        failed = true
      }
    }
    return (texts, failed)
  }

  func cat(_ inv: inout GuestInvocation) -> Int32 {
    let parsed = Self.flags(inv.args)
    let (texts, failed) = inputs(&inv, parsed.operands, tool: "cat")
    var text = texts.map(\.text).joined()
    if parsed.flags.contains("n") {
      text = GuestCommandResult.lines(text).enumerated().map { String(format: "%6d\t", $0.offset + 1) + $0.element + "\n" }.joined()
    }
    inv.out += text
    return failed ? 1 : 0
  }

  func tee(_ inv: inout GuestInvocation) -> Int32 {
    let parsed = Self.flags(inv.args)
    let append = parsed.flags.contains("a") || parsed.flags.contains("--append")
    var status: Int32 = 0
    for name in parsed.operands {
      do {
        try guest.write(path(name), inv.stdin, append: append, root: inv.root)
      } catch {
        inv.fail("tee: \(name): \(error.text)")
        status = 1
      }
    }
    inv.out += inv.stdin
    return status
  }

  func touch(_ inv: inout GuestInvocation) -> Int32 {
    let parsed = Self.flags(inv.args)
    guard !parsed.operands.isEmpty else { return inv.fail("touch: missing file operand\nTry 'touch --help' for more information.", status: 1) }
    var status: Int32 = 0
    for name in parsed.operands where guest.node(path(name)) == nil {
      do {
        try guest.write(path(name), "", append: true, root: inv.root)
      } catch {
        inv.fail("touch: cannot touch '\(name)': \(error.text)")
        status = 1
      }
    }
    return status
  }

  func mkdir(_ inv: inout GuestInvocation) -> Int32 {
    let parsed = Self.flags(inv.args, valued: ["m"])
    guard !parsed.operands.isEmpty else { return inv.fail("mkdir: missing operand\nTry 'mkdir --help' for more information.", status: 1) }
    var status: Int32 = 0
    for name in parsed.operands {
      do {
        try guest.makeDirectory(path(name), parents: parsed.flags.contains("p"), root: inv.root)
      } catch {
        inv.fail("mkdir: cannot create directory '\(name)': \(error.text)")
        status = 1
      }
    }
    return status
  }

  func rm(_ inv: inout GuestInvocation) -> Int32 {
    let parsed = Self.flags(inv.args)
    let force = parsed.flags.contains("f")
    let recursive = parsed.flags.contains("r") || parsed.flags.contains("R") || parsed.flags.contains("--recursive")
    if parsed.operands.isEmpty && !force { return inv.fail("rm: missing operand\nTry 'rm --help' for more information.", status: 1) }
    var status: Int32 = 0
    for name in parsed.operands {
      do {
        try guest.remove(path(name), recursive: recursive, root: inv.root)
      } catch {
        if force && error == .noSuchFile { continue }
        inv.fail("rm: cannot remove '\(name)': \(error.text)")
        status = 1
      }
    }
    return status
  }

  func rmdir(_ inv: inout GuestInvocation) -> Int32 {
    var status: Int32 = 0
    for name in Self.flags(inv.args).operands {
      let p = path(name)
      guard guest.isDirectory(p) else {
        inv.fail("rmdir: failed to remove '\(name)': \(guest.exists(p) ? "Not a directory" : "No such file or directory")")
        status = 1
        continue
      }
      if !guest.children(p).isEmpty { inv.fail("rmdir: failed to remove '\(name)': Directory not empty"); status = 1; continue }
      do { try guest.remove(p, recursive: true, root: inv.root) } catch {
        inv.fail("rmdir: failed to remove '\(name)': \(error.text)")
        status = 1
      }
    }
    return status
  }

  func cp(_ inv: inout GuestInvocation) -> Int32 {
    let parsed = Self.flags(inv.args)
    guard parsed.operands.count >= 2 else { return inv.fail("cp: missing destination file operand after '\(parsed.operands.first ?? "")'\nTry 'cp --help' for more information.", status: 1) }
    let destination = parsed.operands.last!
    var status: Int32 = 0
    for name in parsed.operands.dropLast() {
      let source = path(name)
      guard let node = guest.node(source) else { inv.fail("cp: cannot stat '\(name)': No such file or directory"); status = 1; continue }
      if node.isDirectory && !(parsed.flags.contains("r") || parsed.flags.contains("R") || parsed.flags.contains("a")) {
        inv.fail("cp: -r not specified; omitting directory '\(name)'")
        status = 1
        continue
      }
      var target = path(destination)
      if guest.isDirectory(target) { target = (target == "/" ? "" : target) + "/" + GuestSystem.baseName(source) }
      if node.isDirectory {
        do { try guest.makeDirectory(target, parents: false, root: inv.root) } catch {
          inv.fail("cp: cannot create directory '\(destination)': \(error.text)")
          status = 1
          continue
        }
        for (key, child) in guest.files where key.hasPrefix(source + "/") {
          guest.files[target + key.dropFirst(source.count)] = child
        }
        continue
      }
      let text: String
      do { text = try guest.read(source, root: inv.root) } catch {
        inv.fail("cp: cannot open '\(name)' for reading: \(error.text)")
        status = 1
        continue
      }
      do {
        try guest.write(target, text, root: inv.root)
        if parsed.flags.contains("p") { guest.files[target]?.mode = node.mode }
      } catch {
        inv.fail("cp: cannot create regular file '\(destination)': \(error.text)")
        status = 1
      }
    }
    return status
  }

  func mv(_ inv: inout GuestInvocation) -> Int32 {
    let parsed = Self.flags(inv.args)
    guard parsed.operands.count >= 2 else { return inv.fail("mv: missing destination file operand after '\(parsed.operands.first ?? "")'\nTry 'mv --help' for more information.", status: 1) }
    let destination = parsed.operands.last!
    var status: Int32 = 0
    for name in parsed.operands.dropLast() {
      let source = path(name)
      guard guest.node(source) != nil else { inv.fail("mv: cannot stat '\(name)': No such file or directory"); status = 1; continue }
      var target = path(destination)
      if guest.isDirectory(target) { target = (target == "/" ? "" : target) + "/" + GuestSystem.baseName(source) }
      do { try guest.move(source, to: target, root: inv.root) } catch {
        inv.fail("mv: cannot move '\(name)' to '\(destination)': \(error.text)")
        status = 1
      }
    }
    return status
  }

  /// `chmod MODE FILE…`: octal modes and symbolic `[ugoa][+-=][rwx]` (comma-separated).
  func chmod(_ inv: inout GuestInvocation) -> Int32 {
    let args = inv.args.filter { $0 != "-R" && $0 != "-v" && $0 != "-f" }
    guard args.count >= 2 else { return inv.fail("chmod: missing operand\nTry 'chmod --help' for more information.", status: 1) }
    let spec = args[0]
    var status: Int32 = 0
    for name in args.dropFirst() {
      let p = path(name)
      guard let node = guest.node(p) else { inv.fail("chmod: cannot access '\(name)': No such file or directory"); status = 1; continue }
      if !inv.root && node.owner != GuestSystem.user {
        inv.fail("chmod: changing permissions of '\(name)': Operation not permitted")
        status = 1
        continue
      }
      guard let mode = Self.applyMode(spec, to: node.mode) else { return inv.fail("chmod: invalid mode: '\(spec)'\nTry 'chmod --help' for more information.", status: 1) }
      guest.files[p]!.mode = mode
    }
    return status
  }

  static func applyMode(_ spec: String, to mode: Int) -> Int? {
    if spec.allSatisfy({ $0.isNumber }) { return Int(spec, radix: 8) }
    var result = mode
    for clause in spec.split(separator: ",") {
      var who = clause.prefix { "ugoa".contains($0) }
      let rest = clause.dropFirst(who.count)
      guard let op = rest.first, "+-=".contains(op) else { return nil }
      let perms = rest.dropFirst()
      guard perms.allSatisfy({ "rwxX".contains($0) }) else { return nil }
      if who.isEmpty || who.contains("a") { who = "ugo" }
      var bits = 0
      for p in perms {
        let value = p == "r" ? 4 : p == "w" ? 2 : 1
        for w in who { bits |= value << (w == "u" ? 6 : w == "g" ? 3 : 0) }
      }
      var whoMask = 0
      for w in who { whoMask |= 7 << (w == "u" ? 6 : w == "g" ? 3 : 0) }
      switch op {
      case "+": result |= bits
      case "-": result &= ~bits
      default: result = (result & ~whoMask) | bits
      }
    }
    return result
  }

  func chown(_ inv: inout GuestInvocation) -> Int32 {
    let args = inv.args.filter { !$0.hasPrefix("-") }
    guard args.count >= 2 else { return inv.fail("chown: missing operand\nTry 'chown --help' for more information.", status: 1) }
    let spec = args[0].split(separator: ":", omittingEmptySubsequences: false).map(String.init)
    var status: Int32 = 0
    for name in args.dropFirst() {
      let p = path(name)
      guard guest.node(p) != nil else { inv.fail("chown: cannot access '\(name)': No such file or directory"); status = 1; continue }
      guard inv.root else { inv.fail("chown: changing ownership of '\(name)': Operation not permitted"); status = 1; continue }
      if !spec[0].isEmpty { guest.files[p]!.owner = spec[0] }
      if spec.count > 1 { guest.files[p]!.group = spec[1].isEmpty ? spec[0] : spec[1] }
    }
    return status
  }

  /// `ls [-l] [-a] [-1] [-d] [PATH…]`, one name per line (output is not a terminal).
  func ls(_ inv: inout GuestInvocation) -> Int32 {
    let parsed = Self.flags(inv.args)
    let long = parsed.flags.contains("l")
    let all = parsed.flags.contains("a") || parsed.flags.contains("A")
    let operands = parsed.operands.isEmpty ? ["."] : parsed.operands
    var status: Int32 = 0
    func entry(_ name: String, _ node: GuestFile) -> String {
      guard long else { return name }
      let size = node.isDirectory ? 4096 : node.content.utf8.count
      let sizeText = String(repeating: " ", count: max(0, 5 - String(size).count)) + String(size)
      return "\(node.modeString) 1 \(node.owner) \(node.group) \(sizeText) Nov 14 22:13 \(name)"
    }
    var fileLines: [String] = []
    var dirBlocks: [(String, [String])] = []
    for name in operands {
      let p = path(name)
      guard let node = guest.node(p) else { inv.fail("ls: cannot access '\(name)': No such file or directory"); status = 2; continue }
      if node.isDirectory && !parsed.flags.contains("d") {
        if !inv.root && node.owner != GuestSystem.user && node.mode & 0o004 == 0 {
          inv.fail("ls: cannot open directory '\(name)': Permission denied")
          status = 2
          continue
        }
        var lines: [String] = []
        let names = guest.children(p).filter { all || !$0.hasPrefix(".") }
        if long { lines.append("total \(names.count * 4)") }
        for child in names { lines.append(entry(child, guest.node((p == "/" ? "" : p) + "/" + child)!)) }
        dirBlocks.append((name, lines))
      } else {
        fileLines.append(entry(name, node))
      }
    }
    var blocks: [String] = []
    if !fileLines.isEmpty { blocks.append(fileLines.map { $0 + "\n" }.joined()) }
    let labelled = operands.count > 1
    for (name, lines) in dirBlocks {
      blocks.append((labelled ? "\(name):\n" : "") + lines.map { $0 + "\n" }.joined())
    }
    inv.out += blocks.joined(separator: "\n")
    return status
  }
}
