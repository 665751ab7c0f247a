// Evaluation benchmark (not a test): `swift run -c release EvalBenchmark`.
//
// Times small PowerShell programs in the interpreter and prints the cost per iteration or call,
// median and spread over repeated runs, beside the figures reported for pwsh (about 0.6 µs per
// `foreach` iteration and 10–25 µs per function call).
import Foundation
import PSLanguage
import PSRuntime

final class NullHost: HostInterface {
  func write(_ text: String) {}
  func writeError(_ record: ErrorRecord, concise: Bool) { FileHandle.standardError.write(Data(record.message.utf8)) }
  func writeStream(_ line: String) {}
}

func now() -> Double {
  var ts = timespec()
  clock_gettime(CLOCK_MONOTONIC, &ts)
  return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

func measure(_ name: String, _ script: String, per count: Int, runs: Int = 5) {
  let parsed = Parser.parse(script)
  guard parsed.errors.isEmpty else {
    print("\(name): parse errors \(parsed.errors)")
    return
  }
  var costs: [Double] = []
  for _ in 0..<runs {
    let interpreter = Interpreter(host: NullHost())
    let t0 = now()
    _ = interpreter.runScript(parsed)
    costs.append((now() - t0) / Double(count) * 1e6)
  }
  costs.sort()
  print(
    name.padding(toLength: 46, withPad: " ", startingAt: 0)
      + String(format: "median %8.3f µs   (min %.3f, max %.3f)", costs[runs / 2], costs[0], costs[runs - 1]))
}

print("eflowsh evaluation cost (release build expected)")
measure("foreach iteration: $sum += $i, 1..1000000", "$sum = 0; foreach ($i in 1..1000000) { $sum += $i }", per: 1_000_000)
measure("for iteration: $i++ with $sum += $i, 200000", "$sum = 0; for ($i = 0; $i -lt 200000; $i++) { $sum += $i }", per: 200_000)
measure(
  "call of a two-parameter function, 100000",
  "function Add($a, $b) { $a + $b }; foreach ($i in 1..100000) { $null = Add $i 2 }", per: 100_000)
measure(
  "call of an advanced function, 50000",
  "function Add { [CmdletBinding()] param([int]$a, [int]$b) $a + $b }; foreach ($i in 1..50000) { $null = Add -a $i -b 2 }",
  per: 50_000)
measure("-f format, 100000", "foreach ($i in 1..100000) { $null = '{0:N2} {1}' -f $i, 'x' }", per: 100_000)
