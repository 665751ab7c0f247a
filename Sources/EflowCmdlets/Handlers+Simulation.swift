import EflowEngine
import PSRuntime

extension Handlers {
  /// `Get-SimHost` and `Reset-SimState`: the simulation's own commands (noun prefix `Sim`).
  func registerSimulation(into i: Interpreter) {
    i.registerHandler("Get-SimHost") { [session] in
      CmdletBody(process: { ctx, _ in
        let state = try session.run(ctx) { try session.read() }
        let o = PSObject([
          ("ComputerName", .string(state.computerName)),
          ("Sku", .string(state.sku.rawValue)),
          ("Profile", .string(state.profile.name)),
          ("OsName", .string(state.profile.operatingSystem.caption)),
          ("EflowVersion", .string(state.version.description)),
          ("VmDeployed", .bool(state.vm != nil)),
          ("StatePath", .string(session.location.url.path)),
          ("StateSource", .string(session.location.source.description)),
        ])
        o.typeName = "EflowSim.Host"
        try ctx.emit(.object(o))
      })
    }
    i.registerHandler("Reset-SimState") { [session] in
      CmdletBody(process: { ctx, _ in
        guard ctx.flag("Force") else {
          throw ctx.terminatingError(
            ErrorRecord(
              exceptionType: "System.InvalidOperationException",
              message:
                "Reset-SimState replaces the simulated host's state at '\(session.location.url.path)' with a fresh one. Run it with -Force to confirm (eflowsh does not prompt).",
              errorId: "ResetNeedsForce", category: .invalidOperation))
        }
        try session.run(ctx) { try session.reset() }
      })
    }
  }
}

extension EflowSession {
  /// Runs an engine or store call for a cmdlet, turning its failures into PowerShell errors:
  /// a state-file problem names the file, an engine refusal carries EFLOW's own text.
  func run<T>(_ ctx: CmdletContext, _ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let e as EflowError {
      throw ctx.thrownError(e.message)
    } catch let e as StateStoreError {
      throw ctx.terminatingError(
        ErrorRecord(
          exceptionType: "System.IO.InvalidDataException", message: e.message, errorId: "SimStateUnusable",
          category: .invalidData, targetObject: .string(location.url.path)))
    }
  }
}
