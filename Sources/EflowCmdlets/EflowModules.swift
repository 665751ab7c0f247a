import EflowEngine
import PSRuntime

/// One emulated module: its name, the commands it declares and its `.psm1` text.
struct EmbeddedModule {
  let name: String
  let commands: [String]
  let text: String
}

/// Installs the emulated modules (AzureEFLOW, Hyper-V, NetTCPIP, …) into a session: their
/// declarations become importable and auto-loadable, and their Swift handlers are bound. Nothing
/// is parsed and no state is read until a command of theirs is used.
public enum EflowModules {
  public static func install(into interpreter: Interpreter, settings: SimulationSettings) {
    let session = EflowSession(settings: settings)
    for m in EmbeddedModules.all {
      let text = m.text
      interpreter.addModuleSource(
        ModuleSource(
          name: m.name, path: Interpreter.builtinModuleRoot + "\(m.name)/\(m.name).psm1", version: version(of: m.name),
          commands: m.commands
        ) { text })
    }
    interpreter.aboutTopics["about_eflowsh"] = AboutEflowsh.text
    interpreter.argumentValues = argumentValues(session)
    // `"$env:COMPUTERNAME-EFLOW"` is how scripts name the VM: the host is the profile's computer.
    interpreter.computerName = { try? session.read().computerName }
    let handlers = Handlers(session: session)
    handlers.register(into: interpreter)
    EflowViews.register(into: interpreter)
  }

  /// The version `Get-Module` shows: the EFLOW release for AzureEFLOW, Windows' module
  /// versions for the host modules.
  static func version(of module: String) -> String {
    switch module.lowercased() {
    case "azureeflow": return "1.4.0"
    case "hyper-v": return "2.0.0.0"
    case "eflowsim": return "1.0"
    default: return "1.0.0.0"
    }
  }
}

/// The Swift behaviour of every emulated command, by module (see the `Handlers+*.swift` files).
final class Handlers {
  let session: EflowSession

  init(session: EflowSession) { self.session = session }

  func register(into i: Interpreter) {
    registerSimulation(into: i)
    registerHost(into: i)
    registerAzureEFLOW(into: i)
  }
}
