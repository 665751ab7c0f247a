import Foundation
import PSLanguage

/// The next stage of a pipeline, filled in once it is prepared.
final class StageLink {
  var stage: PipelineStage?
}

extension Interpreter {
  // MARK: - Pipelines

  /// Runs a pipeline, streaming objects from stage to stage as they are written.
  func runPipeline(_ p: PipelineAst, into out: OutputPipe) throws {
    if p.isBackground {
      throw fail(RuntimeError(id: "NotSupported", message: "Background jobs (&) are not supported by eflowsh."), at: p.extent)
    }
    // A lone expression: no stages, just its value (with its redirections).
    if p.elements.count == 1, case .expression(let ce) = p.elements[0] {
      try runExpressionElement(ce, elementCount: 1, into: out)
      return
    }
    // A lone command (most calls): one stage, without the links and arrays that join stages.
    if p.elements.count == 1, case .command(let c) = p.elements[0] {
      try runLoneCommand(c, into: out)
      return
    }
    // Prepare the stages first to last (commands resolve and arguments evaluate in that order),
    // each writing to the next one's input; the last writes to `out`.
    var stages: [PipelineStage] = []
    var files: [RedirectFile] = []
    defer {
      for s in stages { s.dispose() }
    }
    var links: [StageLink] = []
    var leading: CommandExpressionAst?
    let commandCount = p.elements.reduce(0) { n, e in if case .command = e { return n + 1 } else { return n } }
    for element in p.elements {
      switch element {
      case .expression(let ce):
        // Only the first element may be an expression (the parser says so).
        leading = ce
      case .command(let c):
        let next = StageLink()
        let downstream = stages.count + 1 == commandCount ? out : OutputPipe { item in try next.stage!.process(item) }
        let (routes, output, stageFiles) = try redirectionRoutes(c.redirections, output: downstream)
        files += stageFiles
        let stage = try makeStage(
          c, output: output, routes: routes, expectsInput: !stages.isEmpty || leading != nil,
          position: stages.count + (leading != nil ? 2 : 1))
        if let previous = links.last { previous.stage = stage }
        links.append(next)
        stages.append(stage)
      }
    }
    let downstream = OutputPipe { item in try stages[0].process(item) }
    do {
      for s in stages { try s.begin() }
      if let leading {
        try runExpressionElement(leading, elementCount: p.elements.count, into: downstream)
      } else {
        try stages[0].process(nil)
      }
      for s in stages { try s.end() }
    } catch let stop as StopUpstream {
      // A stage asked for no more input: the stages after it still end.
      guard let from = stages.firstIndex(where: { ObjectIdentifier($0) == stop.stage }) else { throw stop }
      for s in stages[from...] { try s.end() }
    }
    try writeRedirectFiles(files)
  }

  /// A pipeline of one command: what the general runner does for one stage.
  func runLoneCommand(_ c: CommandAst, into out: OutputPipe) throws {
    let (routes, output, files) = try redirectionRoutes(c.redirections, output: out)
    let stage = try makeStage(c, output: output, routes: routes, expectsInput: false)
    defer { stage.dispose() }
    do {
      try stage.begin()
      try stage.process(nil)
      try stage.end()
    } catch let stop as StopUpstream where stop.stage == ObjectIdentifier(stage) {
      try stage.end()
    }
    try writeRedirectFiles(files)
  }

  /// The first element of a pipeline when it is an expression: its value, enumerated.
  func runExpressionElement(_ ce: CommandExpressionAst, elementCount: Int, into out: OutputPipe) throws {
    // Without redirections the stage environment would be the current one: skip saving and
    // restoring it (most statements in loops are such expressions).
    if ce.redirections.isEmpty {
      let v = try eval(ce.expression)
      if isSilentStatement(ce.expression, elementCount) { return }
      if let items = v.enumerated { try out.append(contentsOf: items) } else { try out.append(v) }
      return
    }
    let (routes, output, files) = try redirectionRoutes(ce.redirections, output: out)
    let env = StageEnvironment(
      scope: scope, source: source, routes: routes, errorCollectors: errorCollectors, warningCollectors: warningCollectors)
    try within(env) {
      let v = try eval(ce.expression)
      if isSilentStatement(ce.expression, elementCount) { return }
      if let items = v.enumerated { try output.append(contentsOf: items) } else { try output.append(v) }
    }
    try writeRedirectFiles(files)
  }

  /// `[void]…` and a lone `$i++` / `--$i` write nothing (PowerShell drops the value of an
  /// increment used as a statement).
  func isSilentStatement(_ e: ExpressionAst, _ elementCount: Int) -> Bool {
    switch e.kind {
    case .convert(let t, _): return t.name.caseInsensitiveEquals("void")
    case .unary(let op, _):
      guard elementCount == 1 else { return false }
      return op == .preIncrement || op == .preDecrement || op == .postIncrement || op == .postDecrement
    default: return false
    }
  }

  // MARK: - Redirections

  /// Applies an element's redirections, in order: `> file` / `>> file` / `> $null` send a stream
  /// elsewhere; `2>&1` merges a stream into wherever output goes at that point.
  func redirectionRoutes(_ redirections: [RedirectionAst], output: OutputPipe) throws -> (
    StreamRoutes, OutputPipe, [RedirectFile]
  ) {
    var r = routes
    if redirections.isEmpty { return (r, output, []) }
    var outputTarget: StreamTarget = .pipe(output)
    var files: [RedirectFile] = []
    for red in redirections {
      if red.mergeTo != nil {
        r.targets[red.from] = outputTarget
        continue
      }
      guard let targetExpr = red.target else { continue }
      let target: StreamTarget
      if case .variable(let v) = targetExpr.kind, v.userPath.caseInsensitiveEquals("null") {
        target = .discard
      } else {
        let name = Conversions.toString(try eval(targetExpr))
        let path = try guarded(targetExpr.extent) { () throws(RuntimeError) in try providerPath(name) }
        let file = RedirectFile(path: path, append: red.append)
        files.append(file)
        target = .file(file)
      }
      if red.from == .output || red.from == .all { outputTarget = target }
      if red.from != .output { r.targets[red.from] = target }
    }
    let pipe: OutputPipe
    switch outputTarget {
    case .pipe(let p): pipe = p
    case .discard: pipe = OutputPipe { _ in }
    case .file(let f): pipe = OutputPipe { v in f.entries.append(.value(v)) }
    }
    return (r, pipe, files)
  }

  /// Writes the text gathered for redirection files.
  func writeRedirectFiles(_ files: [RedirectFile]) throws {
    for f in files {
      var text = ""
      var pending: [Value] = []
      func flush() {
        if pending.isEmpty { return }
        text += formatter.format(pending)
        pending.removeAll()
      }
      for e in f.entries {
        switch e {
        case .value(let v): pending.append(v)
        case .text(let t):
          flush()
          text += t
        }
      }
      flush()
      f.entries.removeAll()
      do {
        try FileText.write(text, to: f.path, append: f.append)
      } catch {
        throw fail(
          RuntimeError(
            id: "FileOpenFailure", message: "Could not write to the file '\(displayPath(f.path))': \(error.localizedDescription)",
            exceptionType: "System.IO.IOException"), at: nil)
      }
      f.append = true  // a stage writes its file again only to add to it
    }
  }

  /// A path given to a redirection or a file cmdlet, made absolute against the current location
  /// by `providerPath`'s rules (`C:\…` is the simulated drive); a path those rules refuse (a
  /// registry drive, a UNC path) is taken as a relative Linux path.
  func resolveFileSystemPath(_ path: String) -> String {
    if let p = try? providerPath(path) { return p }
    return Interpreter.normalize(currentLocation + "/" + path.replacingOccurrences(of: "\\", with: "/"), floor: "/")
  }

  // MARK: - Stages

  /// Prepares the stage for one command: a function, a cmdlet, or a script block after `&`/`.`.
  func makeStage(
    _ c: CommandAst, output: OutputPipe, routes stageRoutes: StreamRoutes, expectsInput: Bool, position: Int = 1
  ) throws -> PipelineStage
  {
    guard case .argument(let nameExpr)? = c.elements.first else {
      throw fail(RuntimeError(id: "EmptyCommand", message: "The command has no name."), at: c.extent)
    }
    let args = try evaluateArguments(c.elements.dropFirst())
    let nameValue = try eval(nameExpr)
    let dotSource = c.invocationOperator == .dotSource
    if case .scriptBlock(let sb) = nameValue {
      let f = FunctionDefinition(name: "", body: sb.ast, parameters: [], source: sb.source, isFilter: false)
      return try FunctionStage(
        self, f, arguments: args, at: sb.ast.extent, dotSource: dotSource, elements: [], output: output,
        routes: stageRoutes, expectsInput: expectsInput)
    }
    let name = Conversions.toString(nameValue)
    // `Command -?` shows the command's help, as PowerShell does.
    if args.contains(where: { if case .named("?", _, _) = $0 { return true } else { return false } }),
      let help = cmdlets["get-help"]
    {
      return try CmdletStage(
        self, help, arguments: [.positional(.string(name))], at: c.extent, elements: [], output: output,
        routes: stageRoutes, expectsInput: false)
    }
    switch try resolveCommand(name, at: nameExpr.extent) {
    case .function(let f):
      return try FunctionStage(
        self, f, arguments: args, at: c.extent, dotSource: dotSource, elements: c.elements, output: output,
        routes: stageRoutes, expectsInput: expectsInput, position: position)
    case .cmdlet(let cmdlet):
      return try CmdletStage(
        self, cmdlet, arguments: args, at: c.extent, elements: c.elements, output: output, routes: stageRoutes,
        expectsInput: expectsInput, position: position)
    case .native(let path):
      return NativeStage(self, path: path, arguments: nativeArguments(args), output: output, at: c.extent)
    }
  }

  /// Calls a function or script block outside a pipeline (`.Invoke()`, script parameters…),
  /// collecting its output.
  func callFunction(
    _ f: FunctionDefinition, arguments: [CommandArgument], input: [Value]?, at extent: SourceRange, dotSource: Bool,
    elements: [CommandElementAst] = []
  ) throws -> [Value] {
    let out = OutputPipe()
    let stage = try FunctionStage(
      self, f, arguments: arguments, at: extent, dotSource: dotSource, elements: elements, output: out, routes: routes,
      expectsInput: input != nil)
    defer { stage.dispose() }
    try stage.begin()
    if let input {
      for item in input { try stage.process(item) }
    } else {
      try stage.process(nil)
    }
    try stage.end()
    return out.items
  }

  /// `& { … }` or `& $block args`: a call in a new scope (or the current one for `.`).
  func invokeScriptBlock(_ sb: ScriptBlockValue, arguments: [CommandArgument], input: [Value]?, dotSource: Bool) throws
    -> [Value]
  {
    let f = FunctionDefinition(name: "", body: sb.ast, parameters: [], source: sb.source, isFilter: false)
    return try callFunction(f, arguments: arguments, input: input, at: sb.ast.extent, dotSource: dotSource)
  }
}

extension Interpreter {
  /// A native program's arguments as strings: `-Name:value` stays one word, arrays spread.
  func nativeArguments(_ args: [CommandArgument]) -> [String] {
    var words: [String] = []
    for a in args {
      switch a {
      case .named(let name, let value, let hasColon):
        if let value, hasColon {
          words.append("-\(name):\(Conversions.toString(value))")
        } else {
          words.append("-" + name)
          if let value { words.append(Conversions.toString(value)) }
        }
      case .positional(let v):
        words += (v.enumerated ?? [v]).map(Conversions.toString)
      }
    }
    return words
  }
}
