import EflowEngine
import Foundation
import Testing

@testable import EflowCmdlets

/// Get-EflowLogs writes a real (stored) zip holding eflowlogs-summary.txt.
struct AzureEFLOWLogsTests {
  /// The entries of a stored zip, read back through its central directory.
  static func entries(_ bytes: [UInt8]) -> [(name: String, data: [UInt8], crc: UInt32)] {
    func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
    func u32(_ at: Int) -> UInt32 { (0..<4).reduce(0) { $0 | UInt32(bytes[at + $1]) << (8 * UInt32($1)) } }
    guard bytes.count >= 22, let end = (0...(bytes.count - 22)).reversed().first(where: { u32($0) == 0x0605_4b50 }) else {
      return []
    }
    var at = Int(u32(end + 16))
    var out: [(String, [UInt8], UInt32)] = []
    for _ in 0..<u16(end + 10) {
      guard u32(at) == 0x0201_4b50 else { return [] }
      let crc = u32(at + 16), size = Int(u32(at + 20)), nameLength = u16(at + 28)
      let local = Int(u32(at + 42))
      let name = String(decoding: bytes[(at + 46)..<(at + 46 + nameLength)], as: UTF8.self)
      guard u32(local) == 0x0403_4b50, u16(local + 8) == 0 else { return [] }
      let dataStart = local + 30 + u16(local + 26) + u16(local + 28)
      out.append((name, Array(bytes[dataStart..<(dataStart + size)]), crc))
      at += 46 + nameLength + u16(at + 30) + u16(at + 32)
    }
    return out
  }

  @Test func crc32MatchesTheStandardCheckValue() {
    #expect(StoredZip.crc32(Array("123456789".utf8)) == 0xCBF4_3926)
    #expect(StoredZip.crc32([]) == 0)
  }

  @Test func zipWithTheSummary() throws {
    let h = EflowHarness()
    h.deploy()
    let r = h.run("Get-EflowLogs -zipName logs/eflow-logs.zip")
    #expect(r.errors.isEmpty, "\(r.errors.map(\.message))")
    let path = h.dir.appendingPathComponent("logs/eflow-logs.zip").path
    #expect(r.out == "\(EflowHarness.stamp) Collecting Azure IoT Edge for Linux on Windows logs\n - Logs saved to \(path)\n")
    let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
    let entries = Self.entries(bytes)
    #expect(entries.map(\.name) == ["eflowlogs-summary.txt"])
    let summary = try h.state().logsSummary().joined(separator: "\n") + "\n"
    #expect(entries.first.map { String(decoding: $0.data, as: UTF8.self) } == summary)
    #expect(entries.first.map { StoredZip.crc32($0.data) == $0.crc } == true)
    #expect(summary.contains("Virtual machine: DESKTOP-EFLOW01-EFLOW (Running)"))
  }

  @Test func defaultAndWindowsPaths() {
    let h = EflowHarness()
    let r = h.run("Get-EflowLogs; Get-EflowLogs -zipName 'C:\\Users\\me\\eflow.zip'")
    #expect(r.errors.isEmpty, "\(r.errors.map(\.message))")
    #expect(FileManager.default.fileExists(atPath: h.dir.appendingPathComponent("eflowlogs.zip").path))
    #expect(FileManager.default.fileExists(atPath: h.dir.appendingPathComponent("drives/C/Users/me/eflow.zip").path))
  }

  @Test func dosTimestampFollowsSourceDateEpoch() {
    let zip = StoredZip(modified: Date(timeIntervalSince1970: 1_700_000_000), utc: true)
    // 2023-11-14 22:13:20: date (43 << 9 | 11 << 5 | 14), time (22 << 11 | 13 << 5 | 10).
    #expect(zip.dosDate == UInt16(43 << 9 | 11 << 5 | 14))
    #expect(zip.dosTime == UInt16(22 << 11 | 13 << 5 | 10))
  }

  @Test func unwritablePathIsAClearError() throws {
    let h = EflowHarness()
    let blocker = h.dir.appendingPathComponent("file")
    try Data().write(to: blocker)
    let r = h.run("Get-EflowLogs -zipName file/sub/x.zip")
    #expect(r.errorId == "EflowLogsWriteFailed,Get-EflowLogs")
    #expect(r.error.hasPrefix("Could not write the logs archive '\(h.dir.path)/file/sub/x.zip'"))
  }
}
