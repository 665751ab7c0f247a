// Parse throughput benchmark (not a test): `swift run -c release ParseBenchmark [scripts-dir]`.
//
// Parses a large generated script (realistic EFLOW-style code: param blocks, splatting,
// here-strings, pipelines, hashtables, string expansion) and each script in `scripts/`, several
// times, and prints the median and spread in MB/s. The source is converted to a `SourceFile`
// outside the timed region only for the per-phase line; "end to end" includes it.
import Foundation
import PSLanguage

func now() -> Double {
  var ts = timespec()
  clock_gettime(CLOCK_MONOTONIC, &ts)
  return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

/// A block of varied, valid PowerShell, numbered so that no two copies are identical.
func chunk(_ i: Int) -> String {
  """
  <#
  .SYNOPSIS
      Chunk \(i): deploys and checks an EFLOW VM.
  #>
  function Invoke-Step\(i) {
      [CmdletBinding()]
      param(
          [Parameter(Mandatory = $true, Position = 0)][ValidateNotNullOrEmpty()][string]$SwitchName,
          [ValidateSet('External', 'Internal')][string]$SwitchType = 'Internal',
          [ValidateRange(1, 32)][int]$Cpus = 2,
          [switch]$Force
      )
      $params = @{
          vswitchName = $SwitchName
          vswitchType = $SwitchType
          cpuCore     = $Cpus * \(i % 4 + 1)
          memoryInMB  = [Math]::Max(1024, 512 * $Cpus)
      }
      if ($Force -and $SwitchType -eq 'Internal') {
          Write-Verbose "Creating switch $($SwitchName) with $($params.Count) settings"
          New-VMSwitch -Name $SwitchName -SwitchType $SwitchType | Out-Null
      } elseif ($SwitchType -like 'Ext*') {
          $adapter = Get-NetAdapter -Physical | Where-Object { $_.Status -eq 'Up' } | Select-Object -First 1
      } else {
          throw "Unsupported switch type: $SwitchType"
      }
      try {
          Deploy-Eflow @params -acceptEula Yes -acceptOptionalTelemetry No
          $addr = [System.Net.IPAddress]::Parse("192.168.\(i % 250).10")
          foreach ($n in 1..\(i % 7 + 1)) { $total += $n * 2 - 1 }
          $report = [pscustomobject]@{ Step = \(i); Address = $addr.ToString(); Total = $total }
          $report | Format-Table -AutoSize
      } catch [System.Management.Automation.RuntimeException] {
          Write-Warning ("Step {0} failed: {1}" -f \(i), $_.Exception.Message)
      } finally {
          $unit = @"
  [Unit]
  Description=Route fix \(i)
  [Service]
  ExecStart=/usr/sbin/ip route replace default via 10.0.\(i % 250).1 metric $Cpus
  "@
          Invoke-EflowVmCommand "echo '$unit' | sudo tee /etc/systemd/system/route\(i).service > /dev/null"
      }
      switch -Wildcard ($SwitchName) {
          'ext*' { 'external' }
          default { 'other' }
      }
  }

  """
}

var big = ""
var i = 0
while big.utf8.count < 8_000_000 {
  big += chunk(i)
  i += 1
}

func measure(_ text: String, path: String, runs: Int) -> (median: Double, min: Double, max: Double, errors: Int) {
  var rates: [Double] = []
  var errors = 0
  let mb = Double(text.utf8.count) / 1_000_000
  for _ in 0..<runs {
    let t0 = now()
    let r = Parser.parse(SourceFile(path: path, text: text))
    let dt = now() - t0
    errors = r.errors.count
    rates.append(mb / dt)
  }
  rates.sort()
  return (rates[rates.count / 2], rates.first ?? 0, rates.last ?? 0, errors)
}

func row(_ name: String, _ bytes: Int, _ m: (median: Double, min: Double, max: Double, errors: Int)) {
  let size = String(format: "%9.1f KB", Double(bytes) / 1000)
  print(
    name.padding(toLength: 34, withPad: " ", startingAt: 0) + size
      + String(format: "   median %7.1f MB/s   (min %6.1f, max %6.1f)", m.median, m.min, m.max)
      + (m.errors > 0 ? "   \(m.errors) PARSE ERRORS" : ""))
}

print("eflowsh parse throughput (release build expected; end to end: text → tokens → AST)")
row("generated (\(i) chunks)", big.utf8.count, measure(big, path: "generated.ps1", runs: 7))

let dir = CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : "scripts"
let files = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".ps1") }.sorted()
for f in files {
  guard let text = try? String(contentsOfFile: dir + "/" + f, encoding: .utf8) else { continue }
  // Small files: repeat to get a measurable time per run.
  let copies = max(1, 2_000_000 / max(1, text.utf8.count))
  var rates: [Double] = []
  var errors = 0
  let mb = Double(text.utf8.count * copies) / 1_000_000
  for _ in 0..<5 {
    let t0 = now()
    for _ in 0..<copies { errors = Parser.parse(SourceFile(path: f, text: text)).errors.count }
    rates.append(mb / (now() - t0))
  }
  rates.sort()
  row("scripts/" + f, text.utf8.count, (rates[2], rates[0], rates[4], errors))
}
