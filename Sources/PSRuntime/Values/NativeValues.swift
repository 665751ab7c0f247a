/// `[System.Net.IPAddress]`: IPv4 or IPv6 address bytes.
public struct IPAddressValue: Hashable, Sendable, CustomStringConvertible {
  public var bytes: [UInt8]

  public init(bytes: [UInt8]) { self.bytes = bytes }

  /// Parses dotted IPv4 (`192.168.1.1`) or IPv6 text, as `[ipaddress]::Parse` accepts it for
  /// EFLOW's purposes (the shortened IPv4 forms .NET also takes, like `10.1`, are refused).
  public init?(parsing text: String) {
    if text.contains(":") {
      guard let b = Self.parseIPv6(text) else { return nil }
      bytes = b
      return
    }
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 4 else { return nil }
    var b: [UInt8] = []
    for p in parts {
      guard !p.isEmpty, p.count <= 3, p.allSatisfy({ $0.isASCII && $0.isNumber }), let v = UInt8(p) else {
        return nil
      }
      b.append(v)
    }
    bytes = b
  }

  static func parseIPv6(_ s: String) -> [UInt8]? {
    let pieces = s.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
    var head: [UInt16] = []
    var tail: [UInt16] = []
    var seenGap = false
    var i = 0
    while i < pieces.count {
      let p = pieces[i]
      if p.isEmpty {
        // "::" (possibly at either end)
        if !seenGap {
          seenGap = true
          while i + 1 < pieces.count, pieces[i + 1].isEmpty { i += 1 }
          i += 1
          continue
        }
        if i == pieces.count - 1 { break }
        return nil
      }
      guard p.count <= 4, let v = UInt16(p, radix: 16) else { return nil }
      if seenGap { tail.append(v) } else { head.append(v) }
      i += 1
    }
    let total = head.count + tail.count
    if seenGap { guard total < 8 else { return nil } } else { guard total == 8 else { return nil } }
    let groups = head + Array(repeating: 0, count: 8 - total) + tail
    return groups.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
  }

  public var isIPv4: Bool { bytes.count == 4 }

  /// As .NET prints it: dotted quad, or RFC 5952 IPv6 text.
  public var description: String {
    if isIPv4 { return bytes.map(String.init).joined(separator: ".") }
    var groups: [UInt16] = []
    for i in stride(from: 0, to: 16, by: 2) { groups.append(UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1])) }
    var best = (start: -1, len: 0)
    var i = 0
    while i < 8 {
      if groups[i] == 0 {
        var j = i
        while j < 8, groups[j] == 0 { j += 1 }
        if j - i > best.len, j - i > 1 { best = (i, j - i) }
        i = j
      } else {
        i += 1
      }
    }
    let hex = groups.map { String($0, radix: 16) }
    if best.start < 0 { return hex.joined(separator: ":") }
    return hex[0..<best.start].joined(separator: ":") + "::" + hex[(best.start + best.len)...].joined(separator: ":")
  }
}

/// `[version]`: Major.Minor[.Build[.Revision]].
public struct VersionValue: Hashable, Sendable, Comparable, CustomStringConvertible {
  public var parts: [Int]

  public init?(parsing text: String) {
    let comps = text.split(separator: ".", omittingEmptySubsequences: false)
    guard (2...4).contains(comps.count) else { return nil }
    var p: [Int] = []
    for c in comps {
      guard let v = Int(c.trimmingSpaces), v >= 0 else { return nil }
      p.append(v)
    }
    parts = p
  }

  public static func < (a: VersionValue, b: VersionValue) -> Bool {
    for i in 0..<4 {
      let x = i < a.parts.count ? a.parts[i] : -1
      let y = i < b.parts.count ? b.parts[i] : -1
      if x != y { return x < y }
    }
    return false
  }

  public var description: String { parts.map(String.init).joined(separator: ".") }
}

extension Substring {
  var trimmingSpaces: Substring {
    var s = self
    while let f = s.first, f == " " { s.removeFirst() }
    while let l = s.last, l == " " { s.removeLast() }
    return s
  }
}
