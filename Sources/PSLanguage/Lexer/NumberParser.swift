/// Reads numeric literal text with PowerShell's rules: decimal, hex (`0x`), binary (`0b`), real
/// and exponent forms, type suffixes (`l d u ul s us y uy n`) and multipliers (`kb mb gb tb pb`).
///
/// Typing follows PowerShell: an integer literal is `Int32` if it fits, else `Int64`, else
/// `Decimal`, else `Double`; a literal with a point or exponent is `Double` (or `Decimal` with
/// `d`). Hex literals wrap into the signed type of their width (`0xFFFFFFFF` is -1).
enum NumberParser {
  enum Suffix { case none, long, decimal, unsigned, unsignedLong, short, unsignedShort, sbyte, byte, bigInteger }

  static func parse(_ text: String) -> NumberValue? {
    var chars = Array(text.unicodeScalars.map { $0.value })
    var negative = false
    if let f = chars.first, CharTraits.isDash(f) || f == 0x2B {
      negative = CharTraits.isDash(f)
      chars.removeFirst()
    }
    guard !chars.isEmpty else { return nil }
    let lower = chars.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }

    // Multiplier.
    var multiplier: UInt64 = 1
    var end = lower.count
    if end >= 2, lower[end - 1] == 0x62 {  // ...b
      switch lower[end - 2] {
      case 0x6B: multiplier = 1 << 10
      case 0x6D: multiplier = 1 << 20
      case 0x67: multiplier = 1 << 30
      case 0x74: multiplier = 1 << 40
      case 0x70: multiplier = 1 << 50
      default: break
      }
      if multiplier != 1 { end -= 2 }
    }
    let isHex = end > 2 && lower[0] == 0x30 && lower[1] == 0x78
    let isBinary = end > 2 && lower[0] == 0x30 && lower[1] == 0x62 && !isHex
      && lower[2...].allSatisfy({ $0 == 0x30 || $0 == 0x31 || (0x61...0x7A).contains($0) })

    // Type suffix (hex digits a-f are not suffixes; for hex only l, u, ul, s, us, y, uy, n).
    var suffix = Suffix.none
    func take(_ s: [UInt32], _ k: Suffix) -> Bool {
      guard end - s.count >= 1, Array(lower[(end - s.count)..<end]) == s else { return false }
      if isHex, end - s.count <= 2 { return false }
      end -= s.count
      suffix = k
      return true
    }
    if isHex {
      _ = take([0x75, 0x6C], .unsignedLong) || take([0x75, 0x73], .unsignedShort)
        || take([0x75, 0x79], .byte) || take([0x6C], .long) || take([0x75], .unsigned)
        || take([0x73], .short) || take([0x79], .sbyte) || take([0x6E], .bigInteger)
    } else {
      _ = take([0x75, 0x6C], .unsignedLong) || take([0x75, 0x73], .unsignedShort)
        || take([0x75, 0x79], .byte) || take([0x6C], .long) || take([0x64], .decimal)
        || take([0x75], .unsigned) || take([0x73], .short) || take([0x79], .sbyte)
        || take([0x6E], .bigInteger)
    }
    let body = Array(lower[0..<end])
    guard !body.isEmpty else { return nil }

    if isHex || isBinary {
      let digits = body[2...]
      guard !digits.isEmpty else { return nil }
      let radix: UInt64 = isHex ? 16 : 2
      var v: UInt64 = 0
      for d in digits {
        guard isHex ? CharTraits.isHexDigit(d) : (d == 0x30 || d == 0x31) else { return nil }
        let (m, o1) = v.multipliedReportingOverflow(by: radix)
        let (a, o2) = m.addingReportingOverflow(UInt64(CharTraits.hexValue(d)))
        if o1 || o2 { return nil }
        v = a
      }
      let bits = digits.count * (isHex ? 4 : 1)
      return integer(
        unsigned: v, fitsWidth32: bits <= 32, suffix: suffix, multiplier: multiplier,
        negative: negative, wrapping: true)
    }

    // Decimal: digits [. digits] [e [+-] digits]
    var i = 0
    var intDigits: [UInt32] = []
    while i < body.count, CharTraits.isDigit(body[i]) { intDigits.append(body[i]); i += 1 }
    var isReal = false
    if i < body.count, body[i] == 0x2E {
      isReal = true
      i += 1
      var frac = 0
      while i < body.count, CharTraits.isDigit(body[i]) { i += 1; frac += 1 }
      if frac == 0 && intDigits.isEmpty { return nil }
    }
    if i < body.count, body[i] == 0x65 {
      isReal = true
      i += 1
      if i < body.count, body[i] == 0x2B || CharTraits.isDash(body[i]) { i += 1 }
      var expDigits = 0
      while i < body.count, CharTraits.isDigit(body[i]) { i += 1; expDigits += 1 }
      if expDigits == 0 { return nil }
    }
    guard i == body.count, !intDigits.isEmpty || isReal else { return nil }
    let numeric = String(String.UnicodeScalarView(body.compactMap(Unicode.Scalar.init)))
      .replacingDash()

    if isReal {
      switch suffix {
      case .none:
        guard let d = Double(numeric) else { return nil }
        let v = d * Double(multiplier)
        return .double(negative ? -v : v)
      case .decimal:
        guard Double(numeric) != nil else { return nil }
        return .decimal((negative ? "-" : "") + numeric + (multiplier != 1 ? "*\(multiplier)" : ""))
      default:
        // PowerShell accepts an integral real with an integer suffix (`1.0l`); others are bad.
        // (Compared through Int64 rather than `rounded()`, which would need libm at link time.)
        guard let d = Double(numeric), abs(d) < 9.2e18, d == Double(Int64(d)) else { return nil }
        return integer(
          unsigned: UInt64(d), fitsWidth32: false, suffix: suffix, multiplier: multiplier,
          negative: negative, wrapping: false)
      }
    }
    // Integer text.
    var v: UInt64 = 0
    var overflow = false
    for d in intDigits {
      let (m, o1) = v.multipliedReportingOverflow(by: 10)
      let (a, o2) = m.addingReportingOverflow(UInt64(d - 0x30))
      if o1 || o2 { overflow = true; break }
      v = a
    }
    if overflow {
      switch suffix {
      case .none, .decimal:
        if intDigits.count <= 28, suffix == .decimal || multiplier == 1 {
          return .decimal((negative ? "-" : "") + numeric)
        }
        guard let d = Double(numeric) else { return nil }
        return .double((negative ? -d : d) * Double(multiplier))
      case .bigInteger:
        return .bigInteger((negative ? "-" : "") + numeric)
      default:
        return nil
      }
    }
    if suffix == .decimal { return .decimal((negative ? "-" : "") + String(v * multiplier)) }
    return integer(
      unsigned: v, fitsWidth32: false, suffix: suffix, multiplier: multiplier, negative: negative,
      wrapping: false)
  }

  /// Types an integer value by suffix, size and PowerShell's widening rules.
  private static func integer(
    unsigned raw: UInt64, fitsWidth32: Bool, suffix: Suffix, multiplier: UInt64, negative: Bool,
    wrapping: Bool
  ) -> NumberValue? {
    // Hex literals wrap into the signed type of their width: 0xFFFFFFFF is -1.
    var signed: Int64?
    var value = raw
    if wrapping, suffix == .none || suffix == .long {
      if fitsWidth32, suffix == .none {
        signed = Int64(Int32(truncatingIfNeeded: UInt32(truncatingIfNeeded: raw)))
      } else {
        signed = Int64(bitPattern: raw)
      }
    }
    let (mv, o) = value.multipliedReportingOverflow(by: multiplier)
    if o {
      return .double(Double(raw) * Double(multiplier) * (negative ? -1 : 1))
    }
    value = mv
    if let s = signed {
      let (m, o2) = s.multipliedReportingOverflow(by: Int64(multiplier))
      if o2 { return .double(Double(s) * Double(multiplier)) }
      let r = negative ? -m : m
      if suffix == .long { return .int64(r) }
      if let i = Int32(exactly: r) { return .int32(i) }
      return .int64(r)
    }
    switch suffix {
    case .none:
      if !negative, let i = Int32(exactly: value) { return .int32(i) }
      if negative, value <= UInt64(Int32.max) + 1 { return .int32(Int32(truncatingIfNeeded: -Int64(value))) }
      if !negative, let i = Int64(exactly: value) { return .int64(i) }
      if negative, value <= UInt64(Int64.max) + 1 { return .int64(Int64(truncatingIfNeeded: 0 &- value)) }
      return .decimal((negative ? "-" : "") + String(value))
    case .long:
      if !negative, let i = Int64(exactly: value) { return .int64(i) }
      if negative, value <= UInt64(Int64.max) + 1 { return .int64(Int64(truncatingIfNeeded: 0 &- value)) }
      return nil
    case .unsigned:
      guard !negative else { return nil }
      if let u = UInt32(exactly: value) { return .uint32(u) }
      return .uint64(value)
    case .unsignedLong:
      guard !negative else { return nil }
      return .uint64(value)
    case .short:
      let r = negative ? -Int64(value) : Int64(value)
      guard let x = Int16(exactly: r) else { return nil }
      return .int16(x)
    case .unsignedShort:
      guard !negative, let x = UInt16(exactly: value) else { return nil }
      return .uint16(x)
    case .sbyte:
      let r = negative ? -Int64(value) : Int64(value)
      guard let x = Int8(exactly: r) else { return nil }
      return .sbyte(x)
    case .byte:
      guard !negative, let x = UInt8(exactly: value) else { return nil }
      return .byte(x)
    case .bigInteger:
      return .bigInteger((negative ? "-" : "") + String(value))
    case .decimal:
      return .decimal((negative ? "-" : "") + String(value))
    }
  }
}

extension String {
  /// Typographic dashes read as `-` (for exponents such as `1e–3`).
  fileprivate func replacingDash() -> String {
    String(String.UnicodeScalarView(unicodeScalars.map { CharTraits.isDash($0.value) ? "-" : $0 }))
  }
}
