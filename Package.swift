// swift-tools-version:6.0
import PackageDescription

// Dependencies point down only:
//   eflowsh → PSHost → PSRuntime → PSLanguage
//   eflowsh → EflowCmdlets → PSRuntime, EflowEngine
// Build with `--explicit-target-dependency-import-check error` so the boundaries hold.
let package = Package(
  name: "eflowsh",
  products: [
    .executable(name: "eflowsh", targets: ["eflowsh"]),
  ],
  targets: [
    .target(name: "PSLanguage"),
    // Release builds skip the run-time exclusivity checks of class properties: the interpreter
    // reads and writes interpreter, scope and variable fields on every expression, and the checks
    // were a fifth of a loop's instructions. Debug builds (and so the tests) still make them.
    .target(
      name: "PSRuntime", dependencies: ["PSLanguage"],
      swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]),
    .target(name: "EflowEngine"),
    .target(name: "EflowCmdlets", dependencies: ["PSRuntime", "EflowEngine"], plugins: ["EmbedModulesPlugin"]),
    .executableTarget(name: "embed-modules", path: "Tools/EmbedModules"),
    .plugin(name: "EmbedModulesPlugin", capability: .buildTool(), dependencies: ["embed-modules"]),
    .target(name: "PSHost", dependencies: ["PSRuntime", "PSLanguage"]),
    .systemLibrary(
      name: "CReadline",
      providers: [.apt(["libreadline-dev"])]
    ),
    .executableTarget(
      name: "eflowsh",
      dependencies: ["PSHost", "PSRuntime", "EflowCmdlets", "CReadline"]
    ),
    .executableTarget(
      name: "BenchmarkSuite",
      dependencies: ["PSRuntime", "PSLanguage", "PSHost", "EflowCmdlets", "EflowEngine"],
      path: "Benchmarks/Suite"
    ),
    .testTarget(name: "PSLanguageTests", dependencies: ["PSLanguage"]),
    .testTarget(name: "PSRuntimeTests", dependencies: ["PSRuntime", "PSLanguage"]),
    .testTarget(name: "PSHostTests", dependencies: ["PSHost", "PSLanguage", "PSRuntime", "EflowCmdlets"]),
    .testTarget(name: "EflowEngineTests", dependencies: ["EflowEngine"]),
    .testTarget(name: "EflowCmdletsTests", dependencies: ["EflowCmdlets", "PSRuntime", "PSLanguage", "EflowEngine"]),
    .testTarget(
      name: "ScriptTests", dependencies: ["PSHost", "PSLanguage", "EflowCmdlets", "PSRuntime"], exclude: ["Programs", "Golden"]),
  ],
  swiftLanguageModes: [.v6]
)

// Release builds link the Swift runtime and Foundation statically: loading and relocating their
// shared libraries was over half of eflowsh's start-up (9–10 ms → 4.5–5.5 ms for `-Command exit`),
// and the binary then runs where Swift is not installed. `-static-stdlib` is needed when
// compiling too, so that imports resolve to the static modules. Debug builds (the tests) stay dynamic.
for target in package.targets where [.regular, .executable].contains(target.type) {
  let staticStdlib = BuildSettingCondition.when(configuration: .release)
  target.swiftSettings = (target.swiftSettings ?? []) + [.unsafeFlags(["-static-stdlib"], staticStdlib)]
  if target.type == .executable {
    target.linkerSettings = (target.linkerSettings ?? []) + [.unsafeFlags(["-static-stdlib"], staticStdlib)]
  }
}
