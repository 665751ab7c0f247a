import PSLanguage

/// A command implemented in Swift (a built-in cmdlet or an emulated module's cmdlet). Its
/// parameters are declared by PowerShell `param()` text, so the one binder serves cmdlets and
/// functions alike; `make` returns a fresh body for each invocation, so a body may keep state
/// between its phases in captured variables.
public struct Cmdlet {
  /// The declared name (known without parsing the declaration).
  public let name: String
  private let declared: LazyDeclaration
  public var make: () -> CmdletBody
  /// The comment-based help of its declaration, and the declaration's text (for Get-Help).
  public var help: (comment: Comment, source: SourceFile)?

  public init(metadata: CommandMetadata, make: @escaping () -> CmdletBody) {
    name = metadata.name
    declared = LazyDeclaration(metadata)
    self.make = make
  }

  /// A cmdlet whose `param()` text is parsed the first time it is needed: start-up declares
  /// about a hundred built-ins, and most runs use a few of them.
  init(name: String, declaration: @escaping () -> CommandMetadata, make: @escaping () -> CmdletBody) {
    self.name = name
    declared = LazyDeclaration(declaration)
    self.make = make
  }

  public var metadata: CommandMetadata { declared.value }
}

/// A declaration parsed on first use and kept.
final class LazyDeclaration {
  private var cached: CommandMetadata?
  private let parse: (() -> CommandMetadata)?

  init(_ metadata: CommandMetadata) {
    cached = metadata
    parse = nil
  }

  init(_ parse: @escaping () -> CommandMetadata) { self.parse = parse }

  var value: CommandMetadata {
    if let c = cached { return c }
    let m = parse!()
    cached = m
    return m
  }
}

/// A cmdlet's three phases, as PowerShell's BeginProcessing, ProcessRecord and EndProcessing.
/// `process` runs once per pipeline object (the object is passed, and pipeline parameters are
/// bound in `context.bound`), or once with `nil` when the command is first in its pipeline.
public struct CmdletBody {
  public var begin: ((CmdletContext) throws -> Void)?
  public var process: ((CmdletContext, Value?) throws -> Void)?
  public var end: ((CmdletContext) throws -> Void)?

  public init(
    begin: ((CmdletContext) throws -> Void)? = nil, process: ((CmdletContext, Value?) throws -> Void)? = nil,
    end: ((CmdletContext) throws -> Void)? = nil
  ) {
    self.begin = begin
    self.process = process
    self.end = end
  }
}

/// What a cmdlet body sees while it runs: its bound parameters, the pipeline to write to, the
/// streams and the session.
public final class CmdletContext {
  public let interpreter: Interpreter
  public let metadata: CommandMetadata
  /// Parameters bound from the command line, plus (during `process`) those bound from the
  /// current pipeline object.
  public internal(set) var bound: BindingResult
  /// Where the command was called (for error positions).
  public let extent: SourceRange
  let output: OutputPipe
  /// The pipeline stage running the command (for `stopUpstream()`).
  var stageIdentity: ObjectIdentifier?
  /// A ShouldProcess confirmation answered Yes to All (true) or No to All (false).
  var confirmToAll: Bool?

  init(interpreter: Interpreter, metadata: CommandMetadata, bound: BindingResult, extent: SourceRange, output: OutputPipe) {
    self.interpreter = interpreter
    self.metadata = metadata
    self.bound = bound
    self.extent = extent
    self.output = output
  }

  public var name: String { metadata.name }

  /// The bound value of a parameter (by declared name).
  public func value(_ name: String) -> Value? { bound[name] }

  /// A string parameter's value, or nil when not bound.
  public func string(_ name: String) -> String? { bound[name].map(Conversions.toString) }

  /// A switch parameter: true when given (and not `-Switch:$false`).
  public func flag(_ name: String) -> Bool { bound[name].map(Conversions.toBool) ?? false }

  /// Writes one object to the pipeline (as is: an array stays one object).
  public func emit(_ value: Value) throws { try output.append(value) }

  /// Writes a value to the pipeline, enumerating a collection into its items (PowerShell's
  /// `WriteObject(value, enumerateCollection: true)`).
  public func emitEnumerated(_ value: Value) throws {
    if let items = value.enumerated { try output.append(contentsOf: items) } else { try output.append(value) }
  }

  /// Writes a non-terminating error, honouring `-ErrorAction` / `$ErrorActionPreference`
  /// (`Stop` turns it into a terminating error of this command).
  public func writeError(_ record: ErrorRecord) throws {
    var r = record
    if r.commandName == nil { r.commandName = metadata.name }
    if r.source == nil { r.source = interpreter.source }
    if r.extent == nil { r.extent = extent }
    if interpreter.errorActionPreference.caseInsensitiveEquals("stop") {
      throw ScriptError(r, scriptTerminating: false)
    }
    interpreter.writeError(r)
  }

  /// An error that ends this command (`ThrowTerminatingError`): throw the result.
  public func terminatingError(_ record: ErrorRecord) -> ScriptError {
    var r = record
    if r.commandName == nil { r.commandName = metadata.name }
    if r.source == nil { r.source = interpreter.source }
    if r.extent == nil { r.extent = extent }
    return ScriptError(r, scriptTerminating: false)
  }

  /// A terminating error from a message, as a module's `throw "message"` raises it
  /// (RuntimeException, category OperationStopped, the message as error id).
  public func thrownError(_ message: String) -> ScriptError {
    var r = ErrorRecord(
      exceptionType: "System.Management.Automation.RuntimeException", message: message, errorId: message,
      category: .operationStopped, targetObject: .string(message), source: interpreter.source, extent: extent)
    r.commandName = nil
    return ScriptError(r, scriptTerminating: true)
  }

  /// Text for the console (`Write-Host`), after any pending formatted output.
  public func writeHost(_ text: String, newline: Bool = true) {
    interpreter.writeHostText(newline ? text + "\n" : text)
  }

  public func writeWarning(_ message: String) throws { try interpreter.writeWarning(message, command: metadata.name) }
  public func writeVerbose(_ message: String) { interpreter.writeStreamMessage(.verbose, message) }
  public func writeDebug(_ message: String) { interpreter.writeStreamMessage(.debug, message) }
  public func writeInformation(_ message: String) { interpreter.writeStreamMessage(.information, message) }
}

extension Interpreter {
  /// Registers a command implemented in Swift, declared by its `param(...)` text; `adjust`
  /// adds what the text cannot say (a .NET enum parameter).
  public func defineCmdlet(
    _ name: String, _ paramText: String, adjust: ((inout CommandMetadata) -> Void)? = nil,
    make: @escaping () -> CmdletBody
  ) {
    cmdlets[name.lowercased()] = Cmdlet(
      name: name,
      declaration: { [unowned self] in
        var meta = self.declaration(name, paramText)
        adjust?(&meta)
        return meta
      }, make: make)
  }

  /// Registers a Swift command that needs all its input at once (`Sort-Object`,
  /// `ConvertTo-Json`…): `body` runs at the end with every pipeline object (nil when the
  /// command got no pipeline input) and returns its output.
  public func defineCollecting(
    _ name: String, _ paramText: String,
    _ body: @escaping (CmdletContext, [Value]?) throws -> [Value]
  ) {
    defineCmdlet(name, paramText) {
      var input: [Value]?
      return CmdletBody(
        process: { _, item in
          if let item { input = (input ?? []) + [item] }
        },
        end: { ctx in try ctx.output.append(contentsOf: try body(ctx, input)) })
    }
  }

  /// Parses a built-in's `param()` text into its metadata.
  func declaration(_ name: String, _ paramText: String) -> CommandMetadata {
    let parsed = Parser.parse(paramText, path: "<\(name)>")
    guard parsed.errors.isEmpty, let block = parsed.ast.paramBlock,
      let meta = try? CommandMetadata.from(
        name: name, paramBlock: block, functionParameters: [],
        evaluate: { e throws(RuntimeError) in try self.evaluateAttribute(e) })
    else {
      preconditionFailure("built-in declaration of \(name) does not parse")
    }
    return meta
  }

  /// Adds an alias (`?` → `Where-Object`).
  public func defineAlias(_ alias: String, _ target: String) {
    aliases[alias.lowercased()] = target
  }
}
