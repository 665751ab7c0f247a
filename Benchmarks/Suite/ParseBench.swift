// Parses a large generated script (realistic EFLOW-style code: param blocks, splatting,
// here-strings, pipelines, hashtables, string expansion) and each script in `scripts/`, several
// times, and prints the median and spread in MB/s. The source is converted to a `SourceFile`
// outside the timed region only for the per-phase line; "end to end" includes it.
import Foundation
import PSLanguage

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

enum ParseBench {
  static func run(scriptsDir: String) {
    Measure.section("Parsing (MB/s, text → tokens → AST)")
    var big = ""
    var i = 0
    while big.utf8.count < 8_000_000 {
      big += chunk(i)
      i += 1
    }
    let mb = Double(big.utf8.count) / 1_000_000
    var rates: [Double] = []
    for _ in 0..<7 {
      let t0 = Measure.now()
      let r = Parser.parse(SourceFile(path: "generated.ps1", text: big))
      rates.append(mb / (Measure.now() - t0))
      if !r.errors.isEmpty { print("  generated script: \(r.errors.count) PARSE ERRORS") }
    }
    Measure.row("generated EFLOW-style script, \(big.utf8.count / 1000) KB", Measure.Stats(rates), unit: "MB/s")
    let files = ((try? FileManager.default.contentsOfDirectory(atPath: scriptsDir)) ?? []).filter { $0.hasSuffix(".ps1") }.sorted()
    for f in files {
      guard let text = try? String(contentsOfFile: scriptsDir + "/" + f, encoding: .utf8) else { continue }
      let copies = max(1, 2_000_000 / max(1, text.utf8.count))
      let size = Double(text.utf8.count * copies) / 1_000_000
      var r: [Double] = []
      for _ in 0..<5 {
        let t0 = Measure.now()
        for _ in 0..<copies { _ = Parser.parse(SourceFile(path: f, text: text)) }
        r.append(size / (Measure.now() - t0))
      }
      Measure.row("scripts/\(f) (\(text.utf8.count / 1000) KB)", Measure.Stats(r), unit: "MB/s")
    }
  }
}
