import Foundation
import PSRuntime

/// Timing helpers shared by the sections: monotonic time, medians with spread, one table row.
enum Measure {
  static func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
  }

  /// Median, minimum and maximum of samples.
  struct Stats {
    var median: Double
    var min: Double
    var max: Double

    init(_ samples: [Double]) {
      let s = samples.sorted()
      median = s.isEmpty ? .nan : s[s.count / 2]
      min = s.first ?? .nan
      max = s.last ?? .nan
    }
  }

  static func row(_ name: String, _ s: Stats, unit: String, note: String = "") {
    let fmt = unit == "MB/s" || unit == "ms" ? "%9.2f" : "%9.3f"
    print(
      "  " + name.padding(toLength: 58, withPad: " ", startingAt: 0) + String(format: fmt, s.median) + " " + unit
        + String(format: "   (min " + fmt.trimmingCharacters(in: .whitespaces) + ", max " + fmt.trimmingCharacters(in: .whitespaces) + ")", s.min, s.max)
        + (note.isEmpty ? "" : "   " + note))
  }

  static func section(_ title: String) { print("\n" + title) }
}

/// A host that discards output (errors are shown: a benchmark that fails must say so).
final class NullHost: HostInterface {
  func write(_ text: String) {}
  func writeError(_ record: ErrorRecord, concise: Bool) {
    FileHandle.standardError.write(Data(("benchmark error: " + record.message + "\n").utf8))
  }
  func writeStream(_ line: String) {}
}
