import Foundation

/// Which implementation runs a command name. Anything else is `command not found` (127).
extension GuestShell {
  static let commandNames: Set<String> = [
    "cat", "tee", "touch", "mkdir", "rm", "rmdir", "cp", "mv", "chmod", "chown", "ls", "grep", "egrep", "head", "tail",
    "wc", "cut", "awk", "sed", "sort", "uniq", "tr", "base64", "basename", "dirname", "whoami", "id", "uname",
    "hostname", "env", "seq", "ip", "route", "ifconfig", "netstat", "resolvectl", "systemd-resolve", "ping", "iptables",
    "iptables-save", "systemctl", "iotedge", "docker", "modprobe", "lsmod", "lsusb", "sync", "reboot", "journalctl", "date",
  ]

  func dispatch(_ inv: inout GuestInvocation) -> Int32? {
    switch inv.name {
    // shell builtins
    case "cd": return cd(&inv)
    case "pwd": inv.line(cwd); return 0
    case "export": return export(&inv)
    case "unset":
      for name in inv.args where !name.hasPrefix("-") { variables[name] = nil }
      return 0
    case "exit":
      let code = inv.args.first.flatMap { Int32($0) }.map { $0 & 0xFF } ?? lastStatus
      exitRequested = code
      return code
    case "break", "continue":
      let count = inv.args.first.map { Int($0) ?? 0 } ?? 1
      guard count >= 1 else {
        inv.err += "bash: \(inv.name): \(inv.args[0]): loop count out of range\n"
        return 1
      }
      guard loopDepth > 0 else { return 0 }  // bash ignores it outside a loop
      let levels = min(count, loopDepth)
      loopControl = inv.name == "break" ? .breakLoops(levels) : .continueLoops(levels)
      return 0
    case "true", ":": return 0
    case "false": return 1
    case "echo": return echo(&inv)
    case "printf": return printf(&inv)
    case "test": return test(&inv, bracket: false)
    case "[": return test(&inv, bracket: true)
    case "source", ".": return source(&inv)
    case "set", "read": return 0
    case "sleep": return sleep(&inv)
    case "type", "which", "command": return which(&inv)
    case "sudo": return sudo(&inv)
    case "bash", "sh": return bash(&inv)
    // files and text
    case "cat": return cat(&inv)
    case "tee": return tee(&inv)
    case "touch": return touch(&inv)
    case "mkdir": return mkdir(&inv)
    case "rm": return rm(&inv)
    case "rmdir": return rmdir(&inv)
    case "cp": return cp(&inv)
    case "mv": return mv(&inv)
    case "chmod": return chmod(&inv)
    case "chown": return chown(&inv)
    case "ls": return ls(&inv)
    case "grep": return grep(&inv, extended: false)
    case "egrep": return grep(&inv, extended: true)
    case "head": return headTail(&inv, head: true)
    case "tail": return headTail(&inv, head: false)
    case "wc": return wc(&inv)
    case "cut": return cut(&inv)
    case "awk": return awk(&inv)
    case "sed": return sed(&inv)
    case "sort": return sort(&inv)
    case "uniq": return uniq(&inv)
    case "tr": return tr(&inv)
    case "base64": return base64(&inv)
    case "seq": return seq(&inv)
    case "basename":
      guard let p = inv.args.first else { return inv.fail("basename: missing operand", status: 1) }
      inv.line(GuestSystem.baseName(p))
      return 0
    case "dirname":
      guard let p = inv.args.first else { return inv.fail("dirname: missing operand", status: 1) }
      inv.line(p.contains("/") ? GuestSystem.parent(of: p) : ".")
      return 0
    // system
    case "whoami": inv.line(inv.root ? "root" : GuestSystem.user); return 0
    case "id":
      inv.line(inv.root ? "uid=0(root) gid=0(root) groups=0(root)" : "uid=1000(iotedge-user) gid=1000(iotedge-user) groups=1000(iotedge-user),27(sudo)")
      return 0
    case "uname": return uname(&inv)
    case "hostname": return hostname(&inv)
    case "env":
      for (k, v) in variables.sorted(by: { $0.key < $1.key }) { inv.line("\(k)=\(v)") }
      return 0
    case "date": inv.line("Tue Nov 14 22:13:20 UTC 2023"); return 0
    case "sync": return 0
    case "reboot": return reboot(&inv)
    case "journalctl": inv.line("-- No entries --"); return 0
    // network
    case "ip": return ip(&inv)
    case "route": return route(&inv)
    case "ifconfig": return ifconfig(&inv)
    case "netstat": return netstat(&inv)
    case "resolvectl", "systemd-resolve": return resolvectl(&inv)
    case "ping": return ping(&inv)
    case "iptables": return iptables(&inv)
    case "iptables-save": return iptablesSave(&inv)
    // services and devices
    case "systemctl": return systemctl(&inv)
    case "iotedge": return iotedge(&inv)
    case "docker": return docker(&inv)
    case "modprobe": return modprobe(&inv)
    case "lsmod": return lsmod(&inv)
    case "lsusb": return lsusb(&inv)
    default: return nil
    }
  }

  // MARK: - Builtins

  private func cd(_ inv: inout GuestInvocation) -> Int32 {
    let target = inv.args.first ?? (variables["HOME"] ?? GuestSystem.home)
    let path = GuestSystem.normalize(target, cwd: cwd)
    guard let node = guest.node(path) else { return inv.fail("bash: cd: \(target): No such file or directory", status: 1) }
    guard node.isDirectory else { return inv.fail("bash: cd: \(target): Not a directory", status: 1) }
    if !inv.root && node.owner != GuestSystem.user && node.mode & 0o001 == 0 {
      return inv.fail("bash: cd: \(target): Permission denied", status: 1)
    }
    cwd = path
    return 0
  }

  private func export(_ inv: inout GuestInvocation) -> Int32 {
    for arg in inv.args where !arg.hasPrefix("-") {
      if let eq = arg.firstIndex(of: "=") {
        variables[String(arg[..<eq])] = String(arg[arg.index(after: eq)...])
      }
    }
    return 0
  }

  /// `echo [-n] [-e] ARGS`.
  private func echo(_ inv: inout GuestInvocation) -> Int32 {
    var args = inv.args[...]
    var newline = true
    var escapes = false
    while let first = args.first, first.count > 1, first.hasPrefix("-"), first.dropFirst().allSatisfy({ "neE".contains($0) }) {
      if first.contains("n") { newline = false }
      if first.contains("e") { escapes = true }
      if first.contains("E") { escapes = false }
      args = args.dropFirst()
    }
    var text = args.joined(separator: " ")
    if escapes { text = Self.unescape(text) }
    inv.out += text + (newline ? "\n" : "")
    return 0
  }

  /// `\n`, `\t`, `\\`, `\e`… as echo -e and printf read them.
  static func unescape(_ text: String) -> String {
    var out = ""
    var it = Array(text)
    var i = 0
    while i < it.count {
      if it[i] == "\\" && i + 1 < it.count {
        i += 1
        switch it[i] {
        case "n": out.append("\n")
        case "t": out.append("\t")
        case "r": out.append("\r")
        case "\\": out.append("\\")
        case "a": out.append("\u{07}")
        case "e": out.append("\u{1B}")
        case "0": out.append("\0")
        default: out.append("\\"); out.append(it[i])
        }
      } else {
        out.append(it[i])
      }
      i += 1
    }
    it.removeAll()
    return out
  }

  /// `printf FORMAT ARGS`: `%s`, `%d`, `%i`, `%x`, `%%`, `%b`, widths; the format is reused
  /// while arguments remain.
  private func printf(_ inv: inout GuestInvocation) -> Int32 {
    guard let format = inv.args.first else { return inv.fail("printf: usage: printf [-v var] format [arguments]", status: 2) }
    var args = Array(inv.args.dropFirst())
    let f = Array(Self.unescape(format))
    repeat {
      var i = 0
      var consumed = false
      while i < f.count {
        if f[i] == "%" && i + 1 < f.count {
          if f[i + 1] == "%" { inv.out.append("%"); i += 2; continue }
          var j = i + 1
          var spec = ""
          while j < f.count, "-0123456789.".contains(f[j]) { spec.append(f[j]); j += 1 }
          guard j < f.count else { inv.out.append(f[i]); i += 1; continue }
          let conversion = f[j]
          let arg = args.isEmpty ? "" : args.removeFirst()
          consumed = true
          var text: String
          switch conversion {
          case "d", "i": text = String(Int(arg) ?? 0)
          case "x": text = String(Int(arg) ?? 0, radix: 16)
          case "b": text = Self.unescape(arg)
          default: text = arg
          }
          let left = spec.hasPrefix("-")
          let width = Int(spec.drop { $0 == "-" }.prefix { $0 != "." }) ?? 0
          if text.count < width {
            let pad = String(repeating: spec.hasPrefix("0") && !left ? "0" : " ", count: width - text.count)
            text = left ? text + pad : pad + text
          }
          inv.out += text
          i = j + 1
        } else {
          inv.out.append(f[i])
          i += 1
        }
      }
      if !consumed { break }
    } while !args.isEmpty
    return 0
  }

  /// `test` / `[ … ]`: -f -d -e -x -r -w -s -z -n, = == !=, -eq -ne -lt -le -gt -ge, !.
  private func test(_ inv: inout GuestInvocation, bracket: Bool) -> Int32 {
    var args = inv.args
    if bracket {
      guard args.last == "]" else { return inv.fail("bash: [: missing `]'", status: 2) }
      args.removeLast()
    }
    var negate = false
    if args.first == "!" { negate = true; args.removeFirst() }
    func path(_ p: String) -> String { GuestSystem.normalize(p, cwd: cwd) }
    var result: Bool
    switch args.count {
    case 0: result = false
    case 1: result = !args[0].isEmpty
    case 2:
      let p = path(args[1])
      switch args[0] {
      case "-f": result = guest.node(p).map { !$0.isDirectory } ?? false
      case "-d": result = guest.isDirectory(p)
      case "-e", "-r", "-w": result = guest.exists(p)
      case "-x": result = guest.node(p).map { $0.mode & 0o111 != 0 } ?? false
      case "-s": result = guest.node(p).map { !$0.content.isEmpty || $0.isDirectory } ?? false
      case "-z": result = args[1].isEmpty
      case "-n": result = !args[1].isEmpty
      default: return inv.fail("bash: test: \(args[0]): unary operator expected", status: 2)
      }
    case 3:
      let (a, op, b) = (args[0], args[1], args[2])
      switch op {
      case "=", "==": result = a == b
      case "!=": result = a != b
      case "-eq", "-ne", "-lt", "-le", "-gt", "-ge":
        guard let x = Int(a), let y = Int(b) else { return inv.fail("bash: test: integer expression expected", status: 2) }
        result = op == "-eq" ? x == y : op == "-ne" ? x != y : op == "-lt" ? x < y : op == "-le" ? x <= y : op == "-gt" ? x > y : x >= y
      default: return inv.fail("bash: test: \(op): binary operator expected", status: 2)
      }
    default: return inv.fail("bash: test: too many arguments", status: 2)
    }
    if negate { result.toggle() }
    return result ? 0 : 1
  }

  private func source(_ inv: inout GuestInvocation) -> Int32 {
    guard let name = inv.args.first else { return inv.fail("bash: source: filename argument required", status: 2) }
    let path = GuestSystem.normalize(name, cwd: cwd)
    do {
      let text = try guest.read(path, root: inv.root)
      let r = run(text, stdin: inv.stdin)
      inv.out += r.out
      inv.err += r.err
      return r.status
    } catch {
      return inv.fail("bash: \(name): \(error.text)", status: 1)
    }
  }

  /// `sleep N`: accepted and instantaneous (a simulation does not wait).
  private func sleep(_ inv: inout GuestInvocation) -> Int32 {
    guard let arg = inv.args.first else { return inv.fail("sleep: missing operand\nTry 'sleep --help' for more information.", status: 1) }
    guard Double(arg.trimmingCharacters(in: CharacterSet(charactersIn: "smhd"))) != nil else {
      return inv.fail("sleep: invalid time interval '\(arg)'\nTry 'sleep --help' for more information.", status: 1)
    }
    return 0
  }

  private func which(_ inv: inout GuestInvocation) -> Int32 {
    var status: Int32 = 0
    for name in inv.args where !name.hasPrefix("-") {
      if inv.name != "which" && Self.builtins.contains(name) && !["bash", "sh", "sudo", "sleep", "which", "echo", "printf", "test", "true", "false", "["].contains(name) {
        inv.line(inv.name == "type" ? "\(name) is a shell builtin" : name)
      } else if isCommand(name) {
        let dir = ["ip", "route", "ifconfig", "iptables", "iptables-save", "modprobe", "reboot"].contains(name) ? "/usr/sbin" : "/usr/bin"
        inv.line(inv.name == "type" ? "\(name) is \(dir)/\(name)" : "\(dir)/\(name)")
      } else {
        if inv.name == "which" { inv.fail("which: no \(name) in (\(variables["PATH"] ?? ""))") }
        if inv.name == "type" { inv.fail("bash: type: \(name): not found") }
        status = 1
      }
    }
    return status
  }

  /// `sudo [-E] [-H] [-n] [-S] [-u root] COMMAND…`: runs COMMAND as root (iotedge-user may
  /// sudo without a password).
  private func sudo(_ inv: inout GuestInvocation) -> Int32 {
    var args = inv.args[...]
    while let first = args.first, first.hasPrefix("-") {
      args = args.dropFirst()
      if first == "-u" || first == "-g" { args = args.dropFirst() }
      if first == "--" { break }
    }
    guard let name = args.first else {
      return inv.fail("usage: sudo -h | -K | -k | -V\nusage: sudo [-AbEHknPS] [-C num] [-D directory] [-g group] [-h host] [-p prompt] [-R directory] [-T timeout] [-u user] [VAR=value] [-i | -s] [<command>]", status: 1)
    }
    if !name.contains("/") && !isCommand(name) || ["cd", "export", "source", ".", "exit", "set", "unset", "read"].contains(name) {
      return inv.fail("sudo: \(name): command not found", status: 1)
    }
    let r = invoke(Array(args), stdin: inv.stdin, root: true)
    inv.out += r.out
    inv.err += r.err
    return r.status
  }

  /// `bash -c TEXT [NAME ARGS…]`, `bash FILE ARGS…`, or a script on standard input.
  private func bash(_ inv: inout GuestInvocation) -> Int32 {
    var args = inv.args[...]
    while let first = args.first, first.hasPrefix("-"), first != "-c" {
      args = args.dropFirst()  // -e, -x, -l … accepted
    }
    let r: Output
    if args.first == "-c" {
      args = args.dropFirst()
      guard let text = args.first else { return inv.fail("bash: -c: option requires an argument", status: 2) }
      let rest = Array(args.dropFirst())
      r = subshell(root: inv.root, scriptName: rest.first ?? "bash", arguments: Array(rest.dropFirst())) { $0.run(text, stdin: inv.stdin) }
    } else if let file = args.first {
      r = runScriptFile(file, arguments: Array(args.dropFirst()), stdin: "", root: inv.root, requireExecutable: false)
    } else {
      r = subshell(root: inv.root) { $0.run(inv.stdin) }
    }
    inv.out += r.out
    inv.err += r.err
    return r.status
  }

  private func uname(_ inv: inout GuestInvocation) -> Int32 {
    let kernel = machine.version.kernelVersion
    if inv.args.contains("-a") {
      inv.line("Linux \(machine.name) \(kernel) #1 SMP PREEMPT_DYNAMIC x86_64 x86_64 x86_64 GNU/Linux")
    } else if inv.args.contains("-r") {
      inv.line(kernel)
    } else if inv.args.contains("-n") {
      inv.line(machine.name)
    } else if inv.args.contains("-m") {
      inv.line("x86_64")
    } else {
      inv.line("Linux")
    }
    return 0
  }

  private func hostname(_ inv: inout GuestInvocation) -> Int32 {
    let name = ((try? guest.read("/etc/hostname", root: true)) ?? machine.name).trimmingCharacters(in: .whitespacesAndNewlines)
    if inv.args.contains("-I") {
      let addresses = guestInterfaces().compactMap { $0.address?.address.description } + ["172.17.0.1"]
      inv.line(addresses.joined(separator: " ") + " ")
    } else if inv.args.contains("-i") {
      inv.line("127.0.1.1")
    } else if let new = inv.args.first(where: { !$0.hasPrefix("-") }) {
      guard inv.root else { return inv.fail("hostname: you must be root to change the host name", status: 1) }
      _ = new
      return inv.fail("hostname: the EFLOW VM's name is managed by EFLOW", status: 1)
    } else {
      inv.line(name)
    }
    return 0
  }

  /// `sudo reboot` stops the VM without restarting it (a known EFLOW issue, reference §4.3).
  private func reboot(_ inv: inout GuestInvocation) -> Int32 {
    guard inv.root else { return inv.fail("Failed to set wall message, ignoring: Interactive authentication required.\nCall to Reboot failed: Interactive authentication required.", status: 1) }
    host.vm!.powerState = .off
    host.vm!.routes = []
    host.vm!.runtimeDns = []
    exitRequested = 255
    return 255
  }

  /// `seq [FIRST [INCREMENT]] LAST`, integers only (retry loops: `for i in $(seq 1 5)`).
  func seq(_ inv: inout GuestInvocation) -> Int32 {
    let numbers = inv.args.map { Int($0) }
    guard (1...3).contains(numbers.count) else {
      return inv.fail(inv.args.isEmpty ? "seq: missing operand" : "seq: extra operand '\(inv.args[3])'", status: 1)
    }
    if let bad = zip(inv.args, numbers).first(where: { $0.1 == nil }) {
      return inv.fail("seq: invalid floating point argument: '\(bad.0)' (eflowsh's seq takes integers)", status: 1)
    }
    let values = numbers.compactMap { $0 }
    let first = values.count > 1 ? values[0] : 1
    let step = values.count == 3 ? values[1] : 1
    let last = values[values.count - 1]
    guard step != 0 else { return inv.fail("seq: invalid Zero increment value: '0'", status: 1) }
    // A million lines is far beyond what a script prints; it keeps a typo from exhausting memory.
    var count = 0
    var value = first
    while step > 0 ? value <= last : value >= last {
      count += 1
      if count > 1_000_000 { return inv.fail("seq: eflowsh stops after 1000000 numbers", status: 1) }
      inv.line(String(value))
      let (next, overflow) = value.addingReportingOverflow(step)
      if overflow { break }
      value = next
    }
    return 0
  }
}
