import Foundation
import PSLanguage

#if canImport(Glibc)
  import Glibc
#endif

extension Interpreter {
  // MARK: - Reading

  /// Runs a runtime operation, turning its error into a statement-terminating one at `extent`.
  func guarded<T>(_ extent: SourceRange?, _ body: () throws(RuntimeError) -> T) throws -> T {
    do {
      return try body()
    } catch {
      throw fail(error, at: extent)
    }
  }

  /// `$name`, `$script:name`, `$env:NAME`, …; an unset variable is `$null`, or an error under
  /// `Set-StrictMode` (from version 2 on also inside expandable strings, `inString`).
  func variableValue(_ path: VariablePath, at extent: SourceRange, inString: Bool = false) throws -> Value {
    let v = try variableValueOrNil(path, at: extent)
    if let v { return v }
    let strict = scope.strictMode
    if strict >= 1, !(inString && strict < 2), path.qualifier?.lowercased() != "env" {
      let e = RuntimeError(
        id: "VariableIsUndefined", message: "The variable '$\(path.userPath)' cannot be retrieved because it has not been set.")
      throw ScriptError(record(e, at: extent, target: .string(path.userPath)), scriptTerminating: false)
    }
    return .null
  }

  /// The variable `[ref]$path` binds to, when it exists (env: and variable: paths, and unset
  /// variables, make a reference to the value instead).
  func referencedVariable(_ path: VariablePath) -> Variable? {
    switch path.qualifier?.lowercased() {
    case nil: return scope.lookup(path.name)
    case "global"?: return globalScope.local(path.name)
    case "script"?: return scriptScope.lookup(path.name)
    case "local"?, "private"?: return scope.local(path.name)
    default: return nil
    }
  }

  /// A variable's value, nil when it is not set.
  func variableValueOrNil(_ path: VariablePath, at extent: SourceRange) throws -> Value? {
    let name = path.name
    switch path.qualifier?.lowercased() {
    case "env"?:
      return environmentVariable(name).map { .string($0) } ?? .null
    case "global"?:
      return globalScope.local(name)?.value
    case "script"?:
      return scriptScope.lookup(name)?.value
    case "local"?, "private"?:
      return scope.local(name)?.value
    case "variable"?:
      return scope.lookup(name)?.value
    case "using"?:
      throw RuntimeError(
        id: "UsingWithoutInvokeCommand",
        message: "A Using variable cannot be retrieved. A Using variable can be used only with Invoke-Command, Start-Job, or InlineScript in the script workflow. When it is used with Invoke-Command, the Using variable is valid only if the script block is invoked on a remote computer.")
    case nil:
      // Lengths first: comparing unequal Strings is costly, and this runs on every read.
      let key = path.key
      if key.utf8.count == 1, key == "?" { return .bool(lastSucceeded) }
      if key.utf8.count == 6, key == "psitem" { return scope.lookup(key: "_")?.value }
      return scope.lookup(key: VariableKey(path))?.value
    default:
      // A drive-qualified name PowerShell would look up on a provider drive.
      throw RuntimeError(
        id: "DriveNotFound",
        message: "Cannot find drive. A drive with the name '\(path.qualifier ?? "")' does not exist.")
    }
  }

  // MARK: - Writing

  /// Assigns to `$name` in the scope its qualifier names (the current scope by default),
  /// converting to the variable's type constraint when it has one.
  func setVariable(_ path: VariablePath, _ value: Value, at extent: SourceRange?) throws {
    let name = path.name
    let target: Scope
    switch path.qualifier?.lowercased() {
    case "env"?:
      setEnvironmentVariable(name, value.isNull ? nil : Conversions.toString(value))
      return
    case "global"?: target = globalScope
    case "script"?: target = scriptScope
    case "local"?, "private"?, "variable"?, nil: target = scope
    default:
      throw fail(
        RuntimeError(id: "DriveNotFound", message: "Cannot find drive. A drive with the name '\(path.qualifier ?? "")' does not exist."),
        at: extent)
    }
    if path.key.utf8.count == 4, path.key == "null" { return }
    var v = value
    let existing = target.local(key: VariableKey(path))
    if let existing, !existing.isReadOnly, existing.typeConstraint == nil {
      // The common case: an existing, unconstrained variable.
      existing.value = value
      return
    }
    if let existing, let constraint = existing.typeConstraint {
      v = try guarded(extent) { () throws(RuntimeError) in try Conversions.convert(value, to: constraint) }
    }
    let isPrivate = path.qualifier?.lowercased() == "private"
    let final = v
    try guarded(extent) { () throws(RuntimeError) in try target.set(name, final, isPrivate: isPrivate) }
  }

  func globalOrCurrentSet(_ name: String, _ value: Value) throws {
    try scope.set(name, value)
  }

  /// The variable an unqualified `$name` both reads and writes directly: one in the current
  /// scope that a plain assignment may overwrite (not read-only, no type constraint), and not
  /// one of the names reads or writes treat specially (`$?`, `$PSItem`, `$null`). Lets
  /// `$x += …` and `$x++` find the variable once instead of once to read and once to write.
  func plainLocalVariable(_ target: ExpressionAst) -> Variable? {
    guard case .variable(let path) = target.kind, path.qualifier == nil else { return nil }
    let key = path.key
    switch key.utf8.count {  // lengths first: comparing unequal Strings is costly
    case 1: if key == "?" { return nil }
    case 4: if key == "null" { return nil }
    case 6: if key == "psitem" { return nil }
    default: break
    }
    guard let v = scope.local(key: VariableKey(path)), !v.isReadOnly, v.typeConstraint == nil else { return nil }
    return v
  }

  /// `left op= right`.
  func assign(_ a: AssignmentAst) throws {
    var value = try assignedValue(a.right)
    if a.op != .assign, a.op != .coalesce, let variable = plainLocalVariable(a.left) {
      let current = variable.value
      let rhs = value
      let op = Self.arithmeticOp(a.op)
      variable.value = try guarded(a.extent) { () throws(RuntimeError) in try Arithmetic.apply(op, current, rhs) }
      return
    }
    if a.op != .assign {
      let current = try eval(a.left)
      if a.op == .coalesce {
        if !current.isNull { return }
      } else {
        let rhs = value
        let op = Self.arithmeticOp(a.op)
        value = try guarded(a.extent) { () throws(RuntimeError) in try Arithmetic.apply(op, current, rhs) }
      }
    }
    try store(a.left, value)
  }

  /// The arithmetic of a compound assignment operator (`-=` subtracts, `+=` and others add).
  static func arithmeticOp(_ op: AssignmentAst.Operator) -> Arithmetic.Op {
    switch op {
    case .minus: return .subtract
    case .multiply: return .multiply
    case .divide: return .divide
    case .remainder: return .remainder
    default: return .add
    }
  }

  /// The value a right-hand side gives: an expression's own value (so `$x = @()` is an empty
  /// array and `$x = ,1` a one-element one), or a pipeline's output collapsed.
  func assignedValue(_ s: StatementAst) throws -> Value {
    if case .pipeline(let p) = s.kind, p.elements.count == 1, case .expression(let ce) = p.elements[0],
      ce.redirections.isEmpty
    {
      return try eval(ce.expression)
    }
    return try statementValue(s)
  }

  /// Stores a value into an assignment target.
  func store(_ target: ExpressionAst, _ value: Value) throws {
    switch target.kind {
    case .variable(let path):
      try setVariable(path, value, at: target.extent)
    case .convert(let t, let inner):
      let type: PSType
      type = try guarded(t.extent) { () throws(RuntimeError) in try PSType.resolve(t) }
      let converted: Value
      converted = try guarded(target.extent) { () throws(RuntimeError) in try Conversions.convert(value, to: type) }
      try store(inner, converted)
      if case .variable(let path) = inner.kind, path.qualifier == nil {
        scope.local(path.name)?.typeConstraint = type
      }
    case .attributed(_, let inner):
      try store(inner, value)
    case .member(let m):
      let obj = try eval(m.target)
      let name = try memberName(m.member)
      try guarded(target.extent) { () throws(RuntimeError) in
        if m.isStatic, case .type(let t) = obj {
          try Members.setStatic(t, name, value)
        } else {
          try Members.set(obj, name, value)
        }
      }
    case .index(let t, let i, _):
      let container = try eval(t)
      let key = try eval(i)
      switch container {
      case .hashtable(let h):
        h[key] = value
      case .array(let a):
        guard case .int32(let n)? = try? Conversions.convert(key, to: .int32) else { return }
        let k = n < 0 && a.isFixedSize ? a.items.count + Int(n) : Int(n)
        guard k >= 0, k < a.items.count else {
          if !a.isFixedSize {
            throw fail(
              RuntimeError(
                id: "ArgumentOutOfRangeException",
                message:
                  "Index was out of range. Must be non-negative and less than the size of the collection. (Parameter 'index')",
                exceptionType: "System.ArgumentOutOfRangeException"), at: target.extent)
          }
          throw fail(
            RuntimeError(id: "IndexOutOfRange", message: "Index was outside the bounds of the array."), at: target.extent)
        }
        if case .list(let element) = a.kind {
          a.items[k] = try guarded(target.extent) { () throws(RuntimeError) in
            try Conversions.convertListItem(value, to: element)
          }
        } else {
          a.items[k] = value
        }
      case .object(let o):
        o[Conversions.toString(key)] = value
      default:
        throw fail(
          RuntimeError(id: "CannotIndex", message: "Unable to index into an object of type \(container.typeName)."),
          at: target.extent)
      }
    case .arrayLiteral(let targets):
      let values = value.enumerated ?? [value]
      for (n, t) in targets.enumerated() {
        if n == targets.count - 1 {
          let rest = Array(values.dropFirst(n))
          try store(t, rest.count == 1 ? rest[0] : (rest.isEmpty ? .null : .array(PSArray(rest))))
        } else {
          try store(t, n < values.count ? values[n] : .null)
        }
      }
    default:
      throw fail(
        RuntimeError(
          id: "InvalidLeftHandSide",
          message: "The assignment expression is not valid. The input to an assignment operator must be an object that is able to accept assignments, such as a variable or a property."),
        at: target.extent)
    }
  }

  // MARK: - $_

  /// Runs `body` with `$_` (and `$PSItem`) set to `item` in the current scope.
  func withCurrentItem<T>(_ item: Value, _ body: () throws -> T) throws -> T {
    let saved = scope.local("_")?.value
    try scope.set("_", item)
    defer {
      if let s = saved { try? scope.set("_", s) } else { scope.remove("_") }
    }
    return try body()
  }

  // MARK: - Automatic variables

  /// `$true`, `$false`, `$null`, preference variables, `$PSVersionTable`, `$HOME`, `$PID`, …
  func installAutomaticVariables(environment: [String: String]) {
    let g = globalScope
    for (name, value) in [("true", Value.bool(true)), ("false", .bool(false)), ("null", .null)] {
      let v = Variable(name: name, value: value, isReadOnly: true)
      v.isConstant = true
      g.add(v, key: Scope.key(name))
    }
    let prefs: [(String, String)] = [
      ("ErrorActionPreference", "Continue"), ("WarningPreference", "Continue"), ("VerbosePreference", "SilentlyContinue"),
      ("DebugPreference", "SilentlyContinue"), ("InformationPreference", "SilentlyContinue"),
      ("ProgressPreference", "Continue"), ("ConfirmPreference", "High"), ("ErrorView", "NormalView"),
    ]
    for (n, v) in prefs { try? g.set(n, .string(v)) }
    try? g.set("WhatIfPreference", .bool(false))
    try? g.set("Error", .array(PSArray()))
    try? g.set("LASTEXITCODE", .int32(0))
    try? g.set("PID", .int32(Int32(getpid())))
    try? g.set("HOME", .string(environment["HOME"] ?? "/root"))
    try? g.set("PWD", .string(environment["PWD"] ?? "/"))
    try? g.set("OFS", .string(" "))
    try? g.set("IsLinux", .bool(false))
    try? g.set("IsWindows", .bool(true))
    try? g.set("IsMacOS", .bool(false))
    let table = PSHashtable()
    table[.string("PSVersion")] = .version(VersionValue(parsing: "5.1.22621.2506") ?? VersionValue(parsing: "5.1")!)
    table[.string("PSEdition")] = .string("Desktop")
    table[.string("BuildVersion")] = .version(VersionValue(parsing: "10.0.22621.2506")!)
    table[.string("CLRVersion")] = .version(VersionValue(parsing: "4.0.30319.42000")!)
    table[.string("WSManStackVersion")] = .version(VersionValue(parsing: "3.0")!)
    table[.string("PSRemotingProtocolVersion")] = .version(VersionValue(parsing: "2.3")!)
    table[.string("SerializationVersion")] = .version(VersionValue(parsing: "1.1.0.1")!)
    try? g.set("PSVersionTable", .hashtable(table))
  }

  /// `$PSScriptRoot`, `$PSCommandPath` and `$MyInvocation` for a script file.
  func setScriptVariables(path given: String) {
    let isFile = !given.hasPrefix("<")
    let path = isFile ? resolveFileSystemPath(given) : given
    let dir = isFile ? (path as NSString).deletingLastPathComponent : ""
    try? scope.set("PSScriptRoot", .string(dir))
    try? scope.set("PSCommandPath", .string(isFile ? path : ""))
    let invocation = PSObject([("MyCommand", .string(isFile ? path : "")), ("ScriptName", .string(isFile ? path : ""))])
    try? scope.set("MyInvocation", .object(invocation))
  }

  // MARK: - Environment

  /// `$env:NAME`: the process environment, then the simulated Windows host's variables
  /// (`$env:ProgramFiles`, `$env:TEMP`, …). Names are case-sensitive on Linux, but Windows
  /// scripts spell them freely (`$env:ComputerName`), so a case-insensitive match is tried too.
  /// The simulated host's name: `COMPUTERNAME` from the process environment, else the one the
  /// embedding application gives (`computerName`), else `EFLOWHOST`.
  var machineName: String { SimulatedHost.machineName(computerName?()) }

  func environmentVariable(_ name: String) -> String? {
    if let v = getenv(name) { return String(cString: v) }
    if let v = SimulatedHost.windowsVariable(name, machineName: { self.machineName }) { return v }
    var p = environ
    while let entry = p.pointee {
      let s = String(cString: entry)
      if let eq = s.firstIndex(of: "="), s[..<eq].caseInsensitiveCompare(name) {
        return String(s[s.index(after: eq)...])
      }
      p += 1
    }
    return nil
  }

  func setEnvironmentVariable(_ name: String, _ value: String?) {
    if let value { setenv(name, value, 1) } else { unsetenv(name) }
  }
}

extension Substring {
  func caseInsensitiveCompare(_ other: String) -> Bool { String(self).caseInsensitiveEquals(other) }
}
