import Foundation
import PSRuntime

/// Completion answered by a live session: its commands, parameters and variables, its current
/// location, and the file system. `valueProvider` is the hook for argument values from the
/// simulation (e.g. switch names); nil gives none beyond `ValidateSet`.
public struct InterpreterCompletionSource: CompletionSource {
  public let interpreter: Interpreter
  public var valueProvider: ((_ command: String, _ parameter: String) -> [String])?

  public init(interpreter: Interpreter, valueProvider: ((String, String) -> [String])? = nil) {
    self.interpreter = interpreter
    self.valueProvider = valueProvider
  }

  public func commandNames() -> [String] { interpreter.commandNamesForCompletion() }
  public func parameters(ofCommand name: String) -> [CompletionParameter]? { interpreter.parametersForCompletion(command: name) }
  public func variableNames() -> [String] { interpreter.variableNamesForCompletion() }
  public var currentDirectory: String { interpreter.currentLocation }
  public var homeDirectory: String? { ProcessInfo.processInfo.environment["HOME"] }

  public func directoryEntries(_ path: String) -> [(name: String, isDirectory: Bool)]? {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return nil }
    return names.map { name in
      var isDir: ObjCBool = false
      let full = path.hasSuffix("/") ? path + name : path + "/" + name
      _ = FileManager.default.fileExists(atPath: full, isDirectory: &isDir)
      return (name, isDir.boolValue)
    }
  }

  public func argumentValues(command: String, parameter: String) -> [String] {
    (valueProvider ?? interpreter.argumentValues)?(command, parameter) ?? []
  }
}
