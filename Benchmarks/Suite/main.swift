// The benchmark suite (not tests): `swift run -c release BenchmarkSuite [section...]`.
//
// Prints one table of medians and spreads: start-up (against bash and python3), parsing,
// evaluation, EFLOW cmdlets, the interactive shell. Sections: startup, parse, eval, cmdlets, repl
// (default: all).
import Foundation

let wanted = Set(CommandLine.arguments.dropFirst().map { $0.lowercased() })
func on(_ s: String) -> Bool { wanted.isEmpty || wanted.contains(s) }

let here = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
let eflowsh = here.appendingPathComponent("eflowsh").path
var info = utsname()
uname(&info)
let machine = withUnsafeBytes(of: &info.machine) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
print("eflowsh benchmark suite — \(ProcessInfo.processInfo.activeProcessorCount) CPUs, \(machine), \(here.lastPathComponent) build")
if on("startup") { StartupBench.run(eflowsh: eflowsh) }
if on("parse") { ParseBench.run(scriptsDir: "scripts") }
if on("eval") { EvalBench.run() }
if on("cmdlets") { CmdletBench.run() }
if on("repl") { ReplBench.run(eflowsh: eflowsh) }
