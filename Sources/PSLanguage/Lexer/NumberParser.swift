/// Reads numeric literal text with PowerShell's rules: decimal, hex (`0x`), binary (`0b`), real
/// and exponent forms, type suffixes (`l d u ul s us y uy n`) and multipliers (`kb mb gb tb pb`).
///
/// Typing follows PowerShell (`TryGetNumberValue`, tokenizer.cs): an integer literal is `Int32`
/// if it fits, else `Int64`, else `Decimal`, else `Double`; a literal with a point or exponent
/// is `Double` (or `Decimal` with `d`). A hex literal of 8 or 16 digits carries a sign bit
/// (`0xFFFFFFFF` is -1, `0xFFFFFFFFFFFFFFFF` is -1 as Int64), and 16 hex digits make an Int64
/// even when the value is small; binary literals of 32 or 64 digits likewise. A suffix whose
/// type cannot hold the value (`128y`) gives nil: the tokenizer reports it in expression mode
/// and reads a bare word in command mode.
enum NumberParser {
  enum Suffix { case none, long, decimal, unsigned, unsignedLong, short, unsignedShort, sbyte, byte, bigInteger }

  /// `decimal.MaxValue`.
  static let decimalMax: Int128 = 79_228_162_514_264_337_593_543_950_335

  static func parse(_ text: String) -> NumberValue? {
    if let small = smallDecimal(text) { return small }
    var chars = Array(text.unicodeScalars.map { $0.value })
    var negative = false
    if let f = chars.first, CharTraits.isDash(f) || f == 0x2B {
      negative = CharTraits.isDash(f)
      chars.removeFirst()
    }
    guard !chars.isEmpty else { return nil }
    let lower = chars.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }

    // Multiplier.
    var multiplier: Int64 = 1
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
    let unsignedSuffix = suffix == .unsigned || suffix == .unsignedLong || suffix == .unsignedShort
      || suffix == .byte

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
      // The sign bit: hex digits counted in whole Int32/Int64 widths, binary in 32 or 64 digits.
      let n = digits.count
      var value = Int128(v)
      if !unsignedSuffix {
        if isHex ? n == 8 : n == 32 { value = Int128(Int32(truncatingIfNeeded: v)) }
        if isHex ? n == 16 : n == 64 { value = Int128(Int64(bitPattern: v)) }
      }
      // A literal spelled at Int64 width is an Int64 (and `u` at that width a UInt64).
      if isHex ? n == 16 : n == 64, suffix == .none { suffix = .long }
      if isHex, n == 15, suffix == .unsigned { suffix = .unsignedLong }
      if !isHex, n == 64, suffix == .unsigned { suffix = .unsignedLong }
      // |value| < 2^64 and multiplier <= 2^50: the product fits.
      value = value &* Int128(multiplier)
      if negative { value = 0 &- value }
      return typed(value, suffix, widenBeyondInt64: false)
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
      guard let parsed = Double(numeric) else { return nil }
      switch suffix {
      case .none:
        let v = parsed * Double(multiplier)
        return .double(negative ? -v : v)
      case .decimal:
        return .decimal((negative ? "-" : "") + numeric + (multiplier != 1 ? "*\(multiplier)" : ""))
      default:
        // An integer suffix on a real rounds it, halves to even, as PowerShell's
        // `AsBigInt` (Math.Round) does: `1.5l` is 2.
        let v = parsed * Double(multiplier)
        guard let r = roundedHalfEven(negative ? -v : v) else { return nil }
        return typed(r, suffix, widenBeyondInt64: false)
      }
    }

    // Integer text. Up to 38 significant digits fit an Int128 exactly; more only make sense
    // as a BigInteger or a Double.
    let significant = intDigits.drop(while: { $0 == 0x30 })
    if significant.count > 38 {
      switch suffix {
      case .none:
        guard let d = Double(numeric) else { return nil }
        return .double((negative ? -d : d) * Double(multiplier))
      case .bigInteger where multiplier == 1:
        let digits = String(String.UnicodeScalarView(significant.compactMap(Unicode.Scalar.init)))
        return .bigInteger((negative ? "-" : "") + digits)
      default:
        return nil
      }
    }
    var value: Int128 = 0
    for d in significant { value = value &* 10 &+ Int128(d - 0x30) }
    if negative { value = 0 &- value }
    // |value| < 10^38 and multiplier <= 2^50 could overflow; go through Double then.
    if multiplier != 1 {
      if value.magnitude > UInt128(Int128.max) >> 50 {
        guard suffix == .none, let d = Double(numeric) else { return nil }
        return .double((negative ? -d : d) * Double(multiplier))
      }
      value = value &* Int128(multiplier)
    }
    if suffix == .none, value.magnitude > decimalMax.magnitude {
      guard let d = Double(numeric) else { return nil }
      return .double((negative ? -d : d) * Double(multiplier))
    }
    return typed(value, suffix, widenBeyondInt64: true)
  }

  /// A plain decimal literal of 1 to 9 ASCII digits (`1`, `32`, `1024`: nearly every number in
  /// real scripts), read straight from its bytes. The general path gives the same answer — no
  /// sign, multiplier, suffix, point or exponent, and below 10^9 it always fits an Int32 — but
  /// builds several arrays and strings per literal (≈ 500 instructions, 10 % of parse time).
  @inline(__always)
  private static func smallDecimal(_ text: String) -> NumberValue? {
    let utf8 = text.utf8
    guard utf8.count >= 1, utf8.count <= 9 else { return nil }
    var v: Int32 = 0
    for b in utf8 {
      guard b >= 0x30, b <= 0x39 else { return nil }
      v = v &* 10 &+ Int32(b &- 0x30)
    }
    return .int32(v)
  }

  /// Types an integer value by its suffix; without one, the narrowest of Int32 and Int64, then
  /// (decimal literals only) Decimal and Double.
  private static func typed(_ v: Int128, _ suffix: Suffix, widenBeyondInt64: Bool) -> NumberValue? {
    switch suffix {
    case .none:
      if let i = Int32(exactly: v) { return .int32(i) }
      if let i = Int64(exactly: v) { return .int64(i) }
      // Hex and binary literals stop here; decimal ones become a Decimal (the caller has
      // already made anything larger a Double).
      guard widenBeyondInt64, v.magnitude <= decimalMax.magnitude else { return nil }
      return .decimal(String(v))
    case .long:
      return Int64(exactly: v).map { .int64($0) }
    case .unsigned:
      if let u = UInt32(exactly: v) { return .uint32(u) }
      return UInt64(exactly: v).map { .uint64($0) }
    case .unsignedLong:
      return UInt64(exactly: v).map { .uint64($0) }
    case .short:
      return Int16(exactly: v).map { .int16($0) }
    case .unsignedShort:
      return UInt16(exactly: v).map { .uint16($0) }
    case .sbyte:
      return Int8(exactly: v).map { .sbyte($0) }
    case .byte:
      return UInt8(exactly: v).map { .byte($0) }
    case .decimal:
      return v.magnitude <= decimalMax.magnitude ? .decimal(String(v)) : nil
    case .bigInteger:
      return .bigInteger(String(v))
    }
  }

  /// Rounds to the nearest integer, halves to even (.NET's `Math.Round`), without libm (which
  /// the package does not link). Nil for values no integer suffix can hold.
  private static func roundedHalfEven(_ d: Double) -> Int128? {
    guard d.isFinite else { return nil }
    // From 2^52 on every double is integral.
    if d >= 4_503_599_627_370_496 || d <= -4_503_599_627_370_496 {
      if d >= 0, d < 18_446_744_073_709_551_616 { return Int128(UInt64(d)) }
      if d < 0, d >= -9_223_372_036_854_775_808 { return Int128(Int64(d)) }
      return nil
    }
    let t = Int64(d)  // toward zero
    let frac = d - Double(t)
    var r = t
    if frac > 0.5 || (frac == 0.5 && t & 1 != 0) {
      r += 1
    } else if frac < -0.5 || (frac == -0.5 && t & 1 != 0) {
      r -= 1
    }
    return Int128(r)
  }
}

extension String {
  /// Typographic dashes read as `-` (for exponents such as `1e–3`).
  fileprivate func replacingDash() -> String {
    String(String.UnicodeScalarView(unicodeScalars.map { CharTraits.isDash($0.value) ? "-" : $0 }))
  }
}
