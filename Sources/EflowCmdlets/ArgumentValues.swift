import EflowEngine
import PSRuntime

extension EflowModules {
  /// Tab completion's values from the simulated host: switch names after `-vswitchName` and
  /// the VMSwitch cmdlets' `-Name`, endpoint names after `-vendpointName` (not for the new one
  /// of Add-EflowVmEndpoint), adapter names after `-NetAdapterName` / `-InterfaceAlias` and
  /// Get-NetAdapter's `-Name`, NAT names for the NetNat cmdlets. Reading the state must not fail
  /// a completion: any error gives no values.
  static func argumentValues(_ session: EflowSession) -> (String, String) -> [String] {
    { command, parameter in
      guard let state = try? session.read() else { return [] }
      let c = command.lowercased()
      switch parameter.lowercased() {
      case "vswitchname", "switchname":
        return state.switches.map(\.name)
      case "name" where c.hasSuffix("-vmswitch"):
        return state.switches.map(\.name)
      case "vendpointname" where c != "add-eflowvmendpoint":
        return state.vm?.endpoints.map(\.name) ?? []
      case "netadaptername", "interfacealias":
        return state.adapters.map(\.name)
      case "name" where c.hasSuffix("-netadapter"):
        return state.adapters.map(\.name)
      case "name" where c.hasSuffix("-netnat"):
        return state.nats.map(\.name)
      default:
        return []
      }
    }
  }
}
