import Foundation
import PackagePlugin

/// Compiles the emulated modules' declarations (`cmdlets/*.psm1`) into EflowCmdlets at build
/// time, so an installed or copied `eflowsh` finds them from any directory and the repository
/// keeps one copy of each declaration.
@main
struct EmbedModulesPlugin: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    let dir = context.package.directoryURL.appending(path: "cmdlets")
    let modules = try FileManager.default.contentsOfDirectory(at: dir, includingPropertiesForKeys: nil)
      .filter { $0.pathExtension == "psm1" }
      .sorted { $0.lastPathComponent.lowercased() < $1.lastPathComponent.lowercased() }
    let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedModules.swift")
    return [
      .buildCommand(
        displayName: "Embedding \(modules.count) module declarations from cmdlets/",
        executable: try context.tool(named: "embed-modules").url,
        arguments: [output.path] + modules.map(\.path),
        inputFiles: modules,
        outputFiles: [output])
    ]
  }
}
