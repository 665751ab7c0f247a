import Foundation
import PSLanguage
import PSRuntime

/// Evaluation: µs per loop iteration, function call, `Where-Object` item and `-f` format, in
/// one interpreter per run (beside pwsh's figures: about 0.6 µs per `foreach` iteration and
/// 10–25 µs per function call).
enum EvalBench {
  static func measure(_ name: String, _ script: String, per count: Int, runs: Int = 5) {
    let parsed = Parser.parse(script)
    guard parsed.errors.isEmpty else {
      print("  \(name): parse errors \(parsed.errors)")
      return
    }
    var costs: [Double] = []
    for _ in 0..<runs {
      let interpreter = Interpreter(host: NullHost())
      let t0 = Measure.now()
      _ = interpreter.runScript(parsed)
      costs.append((Measure.now() - t0) / Double(count) * 1e6)
    }
    Measure.row(name, Measure.Stats(costs), unit: "µs")
  }

  static func run() {
    Measure.section("Evaluation (µs per item)")
    measure("foreach iteration: $sum += $i, 1..1000000", "$sum = 0; foreach ($i in 1..1000000) { $sum += $i }", per: 1_000_000)
    measure("for iteration: $i++ with $sum += $i, 200000", "$sum = 0; for ($i = 0; $i -lt 200000; $i++) { $sum += $i }", per: 200_000)
    measure(
      "call of a two-parameter function, 100000",
      "function Add($a, $b) { $a + $b }; foreach ($i in 1..100000) { $null = Add $i 2 }", per: 100_000)
    measure(
      "call of an advanced function, 50000",
      "function Add { [CmdletBinding()] param([int]$a, [int]$b) $a + $b }; foreach ($i in 1..50000) { $null = Add -a $i -b 2 }",
      per: 50_000)
    measure("Where-Object { $_ % 3 -eq 0 } item, 100000", "$null = 1..100000 | Where-Object { $_ % 3 -eq 0 }", per: 100_000)
    measure("Where-Object Length -gt 2 (simplified) item, 100000", "$a = foreach ($i in 1..100000) { 'abcd' }; $null = $a | Where-Object Length -gt 2", per: 100_000)
    measure("-f format '{0:N2} {1}', 100000", "foreach ($i in 1..100000) { $null = '{0:N2} {1}' -f $i, 'x' }", per: 100_000)
  }
}
