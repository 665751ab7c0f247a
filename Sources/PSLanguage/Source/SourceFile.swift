/// The text of one script, held as Unicode scalars so that offsets count characters the way
/// PowerShell's do (one per BMP character), plus a line table to turn offsets into positions.
///
/// It is a final class so that the AST and every token can refer to one shared copy; it is
/// immutable after creation and therefore `Sendable`.
public final class SourceFile: Sendable {
  /// The path shown in messages (`<stdin>`, `<command>` or a file path).
  public let path: String
  /// The characters of the script.
  public let scalars: [Unicode.Scalar]
  /// Offsets at which each line starts; `lineStarts[0] == 0`.
  public let lineStarts: [Int]
  /// The UTF-8 bytes when the text is pure ASCII (then byte and character offsets agree and
  /// substrings are made straight from the bytes); nil otherwise.
  let asciiBytes: [UInt8]?

  public init(path: String, text: String) {
    self.path = path
    let utf8 = Array(text.utf8)
    // One tight pass over raw bytes (no per-element closures or bounds checks): this runs over
    // every byte of every script, and the closure-based `allSatisfy`/`map` versions cost
    // ≈ 30 instructions per byte of parse time.
    let isASCII = utf8.withUnsafeBufferPointer { b in
      var acc: UInt8 = 0
      for byte in b { acc |= byte }
      return acc < 0x80
    }
    let scalars: [Unicode.Scalar]
    if isASCII {
      scalars = [Unicode.Scalar](unsafeUninitializedCapacity: utf8.count) { out, initialized in
        utf8.withUnsafeBufferPointer { b in
          for i in 0..<b.count { (out.baseAddress! + i).initialize(to: Unicode.Scalar(b[i])) }
        }
        initialized = utf8.count
      }
    } else {
      scalars = Array(text.unicodeScalars)
    }
    self.asciiBytes = isASCII ? utf8 : nil
    self.scalars = scalars
    var starts = [0]
    starts.reserveCapacity(scalars.count / 32 + 1)
    scalars.withUnsafeBufferPointer { sc in
      var i = 0
      let n = sc.count
      while i < n {
        let c = sc[i].value
        if c == 0x0A {
          starts.append(i + 1)
        } else if c == 0x0D {
          if i + 1 < n, sc[i + 1].value == 0x0A { i += 1 }
          starts.append(i + 1)
        }
        i += 1
      }
    }
    self.lineStarts = starts
  }

  /// The number of characters.
  public var count: Int { scalars.count }

  /// The 1-based line and column of an offset (clamped to the text).
  public func position(of offset: Int) -> SourcePosition {
    let off = max(0, min(offset, scalars.count))
    var lo = 0
    var hi = lineStarts.count - 1
    while lo < hi {
      let mid = (lo + hi + 1) / 2
      if lineStarts[mid] <= off { lo = mid } else { hi = mid - 1 }
    }
    return SourcePosition(offset: off, line: lo + 1, column: off - lineStarts[lo] + 1)
  }

  /// The text of a 1-based line, without its line terminator.
  public func lineText(_ line: Int) -> String {
    guard line >= 1, line <= lineStarts.count else { return "" }
    var end = line < lineStarts.count ? lineStarts[line] : scalars.count
    let start = lineStarts[line - 1]
    while end > start, scalars[end - 1].value == 0x0A || scalars[end - 1].value == 0x0D {
      end -= 1
    }
    return text(start..<end)
  }

  /// The text of a range of offsets.
  public func text(_ range: Range<Int>) -> String {
    let lo = max(0, min(range.lowerBound, scalars.count))
    let hi = max(lo, min(range.upperBound, scalars.count))
    if let bytes = asciiBytes { return String(decoding: bytes[lo..<hi], as: UTF8.self) }
    var s = String.UnicodeScalarView()
    s.append(contentsOf: scalars[lo..<hi])
    return String(s)
  }

  /// The text an extent covers.
  public func text(_ extent: SourceRange) -> String { text(extent.start..<extent.end) }
}

/// A resolved position: 0-based character offset, 1-based line and column.
public struct SourcePosition: Sendable, Hashable, CustomStringConvertible {
  public var offset: Int
  public var line: Int
  public var column: Int

  public init(offset: Int, line: Int, column: Int) {
    self.offset = offset
    self.line = line
    self.column = column
  }

  public var description: String { "\(line):\(column)" }
}
