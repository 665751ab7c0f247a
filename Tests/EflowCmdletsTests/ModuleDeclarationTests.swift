import EflowCmdlets
import Foundation
import Testing

@testable import PSRuntime

/// The emulated modules' declarations are bound on first use (a run imports a module and calls a
/// few of its cmdlets); this checks every one of them binds, so none can fail later.
struct ModuleDeclarationTests {
  @Test func everyEmulatedDeclarationBinds() throws {
    let interpreter = Interpreter(host: HostCapture())
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("eflowsh-decl-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    EflowModules.install(
      into: interpreter,
      settings: SimulationSettings(
        statePath: directory.appendingPathComponent("state.json").path, hostProfile: nil, seed: 1, environment: [:]))
    let sources = interpreter.moduleSources.values.filter { interpreter.isEmulated($0) }
    #expect(sources.count >= 10)
    var bound = 0
    for source in sources {
      let module = try interpreter.importModule(source, force: false)
      for (name, function) in module.scope.functions {
        #expect(throws: Never.self, "\(source.name)\\\(name)") { _ = try interpreter.metadata(for: function) }
        bound += 1
      }
    }
    #expect(bound >= 60)
  }
}
