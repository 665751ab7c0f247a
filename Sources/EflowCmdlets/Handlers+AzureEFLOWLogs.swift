import EflowEngine
import Foundation
import PSRuntime

/// Get-EflowLogs: writes a real zip file holding `eflowlogs-summary.txt` (the engine's summary
/// of host, switches and VM networking).
///
/// Where: `-zipName` when given (relative paths from the current location; a Windows path with
/// a drive letter, such as `$env:TEMP\eflow-logs.zip`, lands under `drives/<letter>/…` next to
/// the state file, since this is not a Windows file system); otherwise `eflowlogs.zip` next to
/// the state file (the real default is the EFLOW install directory).
extension Handlers {
  func registerEflowLogs(into i: Interpreter) {
    let session = self.session
    eflowCmdlet(i, "Get-EflowLogs") { ctx in
      let summary = try session.eflow(ctx) { try session.read().logsSummary() }
      let stateDir = session.location.url.deletingLastPathComponent().path
      let path = Self.logsPath(ctx.interpreter, zipName: EflowIO.string(ctx, "zipName"), stateDirectory: stateDir)
      let text = summary.joined(separator: "\n") + "\n"
      let zip = StoredZip(modified: session.settings.now(), utc: session.settings.environment["SOURCE_DATE_EPOCH"] != nil)
        .archive([("eflowlogs-summary.txt", Array(text.utf8))])
      do {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(zip).write(to: url)
      } catch {
        throw ctx.terminatingError(
          ErrorRecord(
            exceptionType: "System.IO.IOException",
            message: "Could not write the logs archive '\(path)': \(error.localizedDescription)",
            errorId: "EflowLogsWriteFailed", category: .writeError, targetObject: .string(path)))
      }
      EflowIO.writeProgress(
        ctx, session.settings,
        [.step("Collecting Azure IoT Edge for Linux on Windows logs"), .detail("Logs saved to \(path)")])
    }
  }

  /// The file Get-EflowLogs writes (see the extension's comment).
  static func logsPath(_ interpreter: Interpreter, zipName: String?, stateDirectory: String) -> String {
    guard let zipName, !zipName.isEmpty else { return (stateDirectory as NSString).appendingPathComponent("eflowlogs.zip") }
    var p = zipName.replacingOccurrences(of: "\\", with: "/")
    let chars = Array(p)
    if chars.count >= 2, chars[1] == ":", chars[0].isASCII, chars[0].isLetter {
      let rest = String(chars.dropFirst(2)).drop { $0 == "/" }
      return (stateDirectory as NSString).appendingPathComponent("drives/\(chars[0].uppercased())/\(rest)")
    }
    if p.hasPrefix("~") { p = (ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()) + p.dropFirst() }
    if p.hasPrefix("/") { return p }
    return (interpreter.currentLocation as NSString).appendingPathComponent(p)
  }
}

/// A minimal zip writer: every entry stored (method 0, no compression), with CRC-32, one local
/// header per entry, the central directory and the end record (PKWARE APPNOTE 4.3). Enough for
/// `unzip`, Python's zipfile and Windows' Expand-Archive.
struct StoredZip {
  /// MS-DOS time and date of every entry.
  var dosTime: UInt16
  var dosDate: UInt16

  init(modified: Date, utc: Bool) {
    var calendar = Calendar(identifier: .gregorian)
    if utc { calendar.timeZone = TimeZone(identifier: "UTC")! }
    let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: modified)
    let year = min(max((c.year ?? 1980) - 1980, 0), 127)
    dosDate = UInt16(year << 9 | (c.month ?? 1) << 5 | (c.day ?? 1))
    dosTime = UInt16((c.hour ?? 0) << 11 | (c.minute ?? 0) << 5 | (c.second ?? 0) / 2)
  }

  func archive(_ entries: [(name: String, data: [UInt8])]) -> [UInt8] {
    var out: [UInt8] = []
    var central: [UInt8] = []
    for entry in entries {
      let name = Array(entry.name.utf8)
      let crc = Self.crc32(entry.data)
      let offset = UInt32(out.count)
      // Local file header.
      out.le32(0x0403_4b50)
      out.le16(20)  // version needed: 2.0
      out.le16(0x0800)  // flags: names are UTF-8
      out.le16(0)  // method: stored
      out.le16(dosTime)
      out.le16(dosDate)
      out.le32(crc)
      out.le32(UInt32(entry.data.count))
      out.le32(UInt32(entry.data.count))
      out.le16(UInt16(name.count))
      out.le16(0)  // extra field length
      out += name
      out += entry.data
      // Its central directory record.
      central.le32(0x0201_4b50)
      central.le16(0x0314)  // made by: Unix, 2.0
      central.le16(20)
      central.le16(0x0800)
      central.le16(0)
      central.le16(dosTime)
      central.le16(dosDate)
      central.le32(crc)
      central.le32(UInt32(entry.data.count))
      central.le32(UInt32(entry.data.count))
      central.le16(UInt16(name.count))
      central.le16(0)  // extra
      central.le16(0)  // comment
      central.le16(0)  // disk number start
      central.le16(0)  // internal attributes
      central.le32(0o100644 << 16)  // external attributes: a regular file, rw-r--r--
      central.le32(offset)
      central += name
    }
    let centralOffset = UInt32(out.count)
    out += central
    // End of central directory record.
    out.le32(0x0605_4b50)
    out.le16(0)
    out.le16(0)
    out.le16(UInt16(entries.count))
    out.le16(UInt16(entries.count))
    out.le32(UInt32(central.count))
    out.le32(centralOffset)
    out.le16(0)  // comment length
    return out
  }

  /// CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320), as zip requires.
  static func crc32(_ bytes: [UInt8]) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in bytes {
      crc ^= UInt32(byte)
      for _ in 0..<8 { crc = (crc >> 1) ^ (0xEDB8_8320 & (0 &- (crc & 1))) }
    }
    return ~crc
  }
}

extension [UInt8] {
  fileprivate mutating func le16(_ v: UInt16) { append(contentsOf: [UInt8(v & 0xFF), UInt8(v >> 8)]) }
  fileprivate mutating func le32(_ v: UInt32) {
    append(contentsOf: [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 24)])
  }
}
