// .NET numeric formatting (standard and custom numeric format strings) for the `-f` operator.
//
// The algorithms follow the structure of .NET's `Number.Formatting` (NumberBuffer → NumberToString /
// NumberToStringFormat) so that edge cases (rounding, sections, grouping, scaling, sign of zero) agree.
// Culture: en-US-like — "." decimal separator, "," group separator (groups of 3), "-" negative sign,
// "$" currency symbol, "%" / "‰" symbols, "∞" / "-∞" / "NaN" for non-finite doubles.
//
// Rounding (matches .NET Core 3.0+):
// - Doubles with standard formats (E, F, G<n>, N, P, C) are rounded from the *exact* binary value to the
//   requested digits, ties to even (a true tie only occurs when the double is exactly representable, e.g.
//   2.5 → "F0" gives "2", 0.125 → "F2" gives "0.12"; 1.005 is really 1.00499… and gives "1.00").
// - Doubles with custom formats are first reduced to 15 significant digits (exactly, ties to even), then
//   rounded half away from zero on those digits (.NET's "DoublePrecisionCustomFormat" behaviour).
// - Integers and decimals always round half away from zero.
// - Default / "G" / "R" for doubles use the shortest round-trip digits; scientific notation is used when the
//   decimal exponent is >= 17 (or the number of digits when larger) or < -4: 1E+20, 1E-05.

import FoundationEssentials

// MARK: - Number buffer

/// Decimal digits of a number: value = 0.d1d2d3… × 10^scale.
struct NumberBuffer {
  enum Kind { case integer, decimal, floatingPoint }

  var kind: Kind
  /// ASCII digits ("0"…"9"). Reading past the end yields 0 (the .NET terminator).
  var digits: [UInt8]
  var scale: Int
  var isNegative: Bool

  @inline(__always)
  func digit(_ i: Int) -> UInt8 { i < digits.count ? digits[i] : 0 }

  /// .NET `RoundNumber`: keep `pos` digits, rounding half up on the digit at `pos` unless the digits are
  /// already correctly rounded (floating point standard formats); strips trailing zeros.
  mutating func round(_ pos: Int, correctlyRounded: Bool) {
    var i = 0
    while i < pos && i < digits.count { i += 1 }
    let roundUp = i == pos && !correctlyRounded && digit(i) != 0 && digit(i) >= Ascii.five
    if roundUp {
      while i > 0 && digits[i - 1] == Ascii.nine { i -= 1 }
      if i > 0 {
        digits[i - 1] += 1
      } else {
        scale += 1
        digits[0] = Ascii.one
        i = 1
      }
    } else {
      while i > 0 && digits[i - 1] == Ascii.zero { i -= 1 }
    }
    if i == 0 {
      if kind != .floatingPoint { isNegative = false }
      scale = 0
    }
    digits.removeSubrange(i...)
  }
}

enum Ascii {
  static let zero = UInt8(ascii: "0")
  static let one = UInt8(ascii: "1")
  static let five = UInt8(ascii: "5")
  static let nine = UInt8(ascii: "9")
}

/// Invariant-ish en-US number format info.
enum NumberInfo {
  static let decimalSeparator = "."
  static let groupSeparator = ","
  static let groupSize = 3
  static let negativeSign = "-"
  static let positiveSign = "+"
  static let currencySymbol = "$"
  static let percentSymbol = "%"
  static let perMilleSymbol = "‰"
  static let nanSymbol = "NaN"
  static let positiveInfinitySymbol = "∞"
  static let negativeInfinitySymbol = "-∞"
  static let defaultDecimalDigits = 2
  /// Positive / negative percent patterns ("# %" and "-# %", .NET pattern 0 as in en-US NLS data).
  static let percentPositivePattern = "# %"
  static let percentNegativePattern = "-# %"
  /// Positive / negative currency patterns ("$#" and "-$#", en-US ICU data).
  static let currencyPositivePattern = "$#"
  static let currencyNegativePattern = "-$#"
}

enum FormatMessages {
  static let badFormatSpecifier = "Format specifier was invalid."
  static let invalidString = "Input string was not in a correct format."
  static let indexOutOfRange =
    "Index (zero based) must be greater than or equal to zero and less than the size of the argument list."
}

// MARK: - Format specifier parsing

/// A parsed numeric format: a standard specifier letter with optional precision, or a custom pattern.
enum NumericSpecifier {
  case standard(Unicode.Scalar, precision: Int)  // precision -1 = not given
  case custom
}

/// .NET `ParseFormatSpecifier`. Empty → "G"; letter followed only by digits → standard; else custom.
func parseNumericSpecifier(_ format: String?) throws(FormatError) -> NumericSpecifier {
  guard let format, !format.isEmpty else { return .standard("G", precision: -1) }
  let scalars = Array(format.unicodeScalars)
  let c = scalars[0]
  if (c >= "A" && c <= "Z") || (c >= "a" && c <= "z") {
    var n = 0
    var i = 1
    while i < scalars.count, let d = asciiDigit(scalars[i]) {
      n = n * 10 + d
      if n > 999_999_999 { throw FormatError(message: FormatMessages.badFormatSpecifier) }
      i += 1
    }
    if i == scalars.count {
      return .standard(c, precision: scalars.count == 1 ? -1 : n)
    }
  }
  return .custom
}

@inline(__always)
func asciiDigit(_ s: Unicode.Scalar) -> Int? {
  s.value >= 0x30 && s.value <= 0x39 ? Int(s.value - 0x30) : nil
}

// MARK: - Entry points per value kind

enum NumericFormat {
  // MARK: Integers

  /// Formats a signed integer. `X` uses the two's complement of 32 bits when the value fits Int32, else 64.
  static func formatInt(_ value: Int64, _ format: String?) throws(FormatError) -> String {
    let hexBits = (Int64(Int32.min)...Int64(Int32.max)).contains(value) ? 32 : 64
    return try formatInteger(
      negative: value < 0, magnitude: value.magnitude, hexPattern: UInt64(bitPattern: value),
      hexBits: hexBits, format)
  }

  static func formatUInt(_ value: UInt64, _ format: String?) throws(FormatError) -> String {
    try formatInteger(negative: false, magnitude: value, hexPattern: value, hexBits: 64, format)
  }

  private static func formatInteger(
    negative: Bool, magnitude: UInt64, hexPattern: UInt64, hexBits: Int, _ format: String?
  ) throws(FormatError) -> String {
    guard let format, !format.isEmpty else {
      return negative ? NumberInfo.negativeSign + String(magnitude) : String(magnitude)
    }
    let spec = try parseNumericSpecifier(format)
    if case .standard(let fmt, let precision) = spec {
      let upper = fmt.properties.uppercaseMapping
      if (upper == "G" && precision < 1) || upper == "D" {
        let body = zeroPad(String(magnitude), precision)
        return negative ? NumberInfo.negativeSign + body : body
      }
      if upper == "X" {
        let masked = hexBits == 32 ? hexPattern & 0xFFFF_FFFF : hexPattern
        return zeroPad(String(masked, radix: 16, uppercase: fmt == "X"), precision)
      }
    }
    var number = NumberBuffer(
      kind: .integer, digits: Array(String(magnitude).utf8), scale: 0, isNegative: negative)
    if magnitude == 0 { number.digits = [] } else { number.scale = number.digits.count }
    switch spec {
    case .standard(let fmt, let precision):
      return try numberToString(&number, fmt, precision)
    case .custom:
      return numberToStringFormat(&number, format)
    }
  }

  // MARK: Decimal

  /// Formats a decimal. `minimumScale` emulates .NET's decimal scale (trailing fractional zeros).
  static func formatDecimal(_ value: Decimal, minimumScale: Int = 0, _ format: String?) throws(FormatError)
    -> String
  {
    if value.isNaN { return NumberInfo.nanSymbol }
    var number = decimalToNumber(value, minimumScale: minimumScale)
    switch try parseNumericSpecifier(format) {
    case .standard(let fmt, let precision):
      return try numberToString(&number, fmt, precision)
    case .custom:
      return numberToStringFormat(&number, format ?? "")
    }
  }

  static func decimalToNumber(_ value: Decimal, minimumScale: Int) -> NumberBuffer {
    let minScale = max(0, minimumScale)
    let negative = value.sign == .minus
    if value.isZero {
      return NumberBuffer(kind: .decimal, digits: [], scale: -minScale, isNegative: negative)
    }
    var significand = value.significand
    if significand.sign == .minus { significand = -significand }
    var digits = Array(significand.description.utf8).filter { $0 >= Ascii.zero && $0 <= Ascii.nine }
    var exponent = value.exponent
    if exponent > 0 && minScale > 0 {
      digits.append(contentsOf: repeatElement(Ascii.zero, count: exponent))
      exponent = 0
    }
    if -exponent < minScale {
      digits.append(contentsOf: repeatElement(Ascii.zero, count: minScale + exponent))
      exponent = -minScale
    }
    // Leading zeros cannot occur for a non-zero integer significand, but be defensive.
    while digits.first == Ascii.zero { digits.removeFirst() }
    return NumberBuffer(
      kind: .decimal, digits: digits, scale: digits.count + exponent, isNegative: negative)
  }

  // MARK: Double

  static func formatDouble(_ value: Double, _ format: String?) throws(FormatError) -> String {
    if value.isNaN { return NumberInfo.nanSymbol }
    if value.isInfinite {
      return value < 0 ? NumberInfo.negativeInfinitySymbol : NumberInfo.positiveInfinitySymbol
    }
    let spec = try parseNumericSpecifier(format)

    var number = NumberBuffer(
      kind: .floatingPoint, digits: [], scale: 0, isNegative: value.sign == .minus)
    let magnitude = value.magnitude

    switch spec {
    case .custom:
      if magnitude != 0 {
        (number.digits, number.scale) = exactDigits(magnitude)
        roundExact(&number.digits, &number.scale, keep: 15)
      }
      return numberToStringFormat(&number, format ?? "")

    case .standard(let fmt, var precision):
      let maxDigits = precision
      let isSignificantDigits: Bool
      switch fmt {
      case "C", "c", "F", "f", "N", "n":
        if precision == -1 { precision = NumberInfo.defaultDecimalDigits }
        isSignificantDigits = false
      case "E", "e":
        if precision == -1 { precision = 6 }
        precision += 1
        isSignificantDigits = true
      case "G", "g":
        if precision == 0 { precision = -1 }
        isSignificantDigits = true
      case "P", "p":
        if precision == -1 { precision = NumberInfo.defaultDecimalDigits }
        precision += 2
        isSignificantDigits = false
      case "R", "r":
        precision = -1
        isSignificantDigits = true
      default:
        throw FormatError(message: FormatMessages.badFormatSpecifier)
      }

      if magnitude != 0 {
        if precision == -1 {
          (number.digits, number.scale) = shortestDigits(magnitude)
        } else {
          (number.digits, number.scale) = exactDigits(magnitude)
          let keep = isSignificantDigits ? precision : number.scale + precision
          roundExact(&number.digits, &number.scale, keep: keep)
        }
      }
      var nMaxDigits = maxDigits
      if precision == -1 { nMaxDigits = max(number.digits.count, 17) }
      return try numberToString(&number, fmt, nMaxDigits)
    }
  }

  /// Shortest round-trip digits (Swift's `description` is shortest-and-closest, like .NET Core 3.0+).
  static func shortestDigits(_ magnitude: Double) -> ([UInt8], Int) {
    let text = Array(magnitude.description.utf8)
    var mantissa = text[...]
    var exponent = 0
    if let e = text.firstIndex(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
      mantissa = text[..<e]
      exponent = Int(String(decoding: text[(e + 1)...], as: UTF8.self)) ?? 0
    }
    var digits: [UInt8] = []
    var pointPosition: Int?
    for c in mantissa {
      if c == UInt8(ascii: ".") {
        pointPosition = digits.count
      } else if c >= Ascii.zero && c <= Ascii.nine {
        digits.append(c)
      }
    }
    var point = pointPosition ?? digits.count
    var leading = 0
    while leading < digits.count && digits[leading] == Ascii.zero { leading += 1 }
    digits.removeFirst(leading)
    point -= leading
    while digits.last == Ascii.zero { digits.removeLast() }
    return (digits, point + exponent)
  }

  /// The exact decimal expansion of a positive finite double (every double is a finite decimal).
  static func exactDigits(_ magnitude: Double) -> ([UInt8], Int) {
    let bits = magnitude.bitPattern
    var mantissa = bits & ((1 << 52) - 1)
    var exponent = Int((bits >> 52) & 0x7FF)
    if exponent == 0 {
      exponent = -1074
    } else {
      mantissa |= 1 << 52
      exponent -= 1075
    }
    // Drop trailing zero bits to keep the big integer small.
    if mantissa != 0 {
      let tz = mantissa.trailingZeroBitCount
      mantissa >>= UInt64(tz)
      exponent += tz
    }
    var big = BigUInt(mantissa)
    var decimalExponent = 0
    if exponent >= 0 {
      big.shiftLeft(exponent)
    } else {
      // m × 2^-k = m × 5^k / 10^k
      var k = -exponent
      decimalExponent = -k
      while k >= 13 {
        big.multiply(1_220_703_125)  // 5^13
        k -= 13
      }
      var rest: UInt32 = 1
      for _ in 0..<k { rest *= 5 }
      if rest != 1 { big.multiply(rest) }
    }
    var digits = big.decimalDigits()
    let scale = digits.count + decimalExponent
    while digits.last == Ascii.zero { digits.removeLast() }
    return (digits, scale)
  }

  /// Rounds exact digits to `keep` digits, to nearest with ties to even; strips trailing zeros.
  static func roundExact(_ digits: inout [UInt8], _ scale: inout Int, keep: Int) {
    guard keep < digits.count else { return }
    if keep < 0 {
      digits = []
      return
    }
    let d = digits[keep]
    var up: Bool
    if d > Ascii.five {
      up = true
    } else if d < Ascii.five {
      up = false
    } else if digits[(keep + 1)...].contains(where: { $0 != Ascii.zero }) {
      up = true
    } else {
      let previous = keep > 0 ? digits[keep - 1] : Ascii.zero
      up = (previous - Ascii.zero) % 2 == 1
    }
    digits.removeSubrange(keep...)
    if up {
      var i = keep - 1
      while i >= 0 && digits[i] == Ascii.nine {
        digits[i] = Ascii.zero
        i -= 1
      }
      if i >= 0 {
        digits[i] += 1
      } else {
        digits.insert(Ascii.one, at: 0)
        scale += 1
      }
    }
    while digits.last == Ascii.zero { digits.removeLast() }
  }

  static func zeroPad(_ s: String, _ minDigits: Int) -> String {
    let n = s.utf8.count
    return minDigits > n ? String(repeating: "0", count: minDigits - n) + s : s
  }

  // MARK: - Standard formats (.NET NumberToString)

  static func numberToString(_ number: inout NumberBuffer, _ fmt: Unicode.Scalar, _ maxDigits: Int)
    throws(FormatError) -> String
  {
    var nMaxDigits = maxDigits
    let correctlyRounded = number.kind == .floatingPoint
    var out = ""
    switch fmt {
    case "C", "c":
      if nMaxDigits < 0 { nMaxDigits = NumberInfo.defaultDecimalDigits }
      number.round(number.scale + nMaxDigits, correctlyRounded: correctlyRounded)
      let pattern = number.isNegative ? NumberInfo.currencyNegativePattern : NumberInfo.currencyPositivePattern
      for ch in pattern {
        switch ch {
        case "#": formatFixed(&out, number, nMaxDigits, grouping: true)
        case "-": out += NumberInfo.negativeSign
        case "$": out += NumberInfo.currencySymbol
        default: out.append(ch)
        }
      }

    case "F", "f":
      if nMaxDigits < 0 { nMaxDigits = NumberInfo.defaultDecimalDigits }
      number.round(number.scale + nMaxDigits, correctlyRounded: correctlyRounded)
      if number.isNegative { out += NumberInfo.negativeSign }
      formatFixed(&out, number, nMaxDigits, grouping: false)

    case "N", "n":
      if nMaxDigits < 0 { nMaxDigits = NumberInfo.defaultDecimalDigits }
      number.round(number.scale + nMaxDigits, correctlyRounded: correctlyRounded)
      if number.isNegative { out += NumberInfo.negativeSign }
      formatFixed(&out, number, nMaxDigits, grouping: true)

    case "E", "e":
      if nMaxDigits < 0 { nMaxDigits = 6 }
      nMaxDigits += 1
      number.round(nMaxDigits, correctlyRounded: correctlyRounded)
      if number.isNegative { out += NumberInfo.negativeSign }
      formatScientific(&out, number, nMaxDigits, expChar: fmt == "E" ? "E" : "e")

    case "G", "g", "R", "r":
      if (fmt == "R" || fmt == "r") && number.kind != .floatingPoint {
        throw FormatError(message: FormatMessages.badFormatSpecifier)
      }
      let expChar: Character = (fmt == "G" || fmt == "R") ? "E" : "e"
      if nMaxDigits < 1 {
        if number.kind == .decimal && nMaxDigits == -1 {
          // Decimal "G" keeps trailing zeros (its scale) and never switches to scientific notation.
          if number.digit(0) != 0 && number.isNegative { out += NumberInfo.negativeSign }
          formatGeneral(&out, number, nMaxDigits, expChar: expChar, suppressScientific: true)
          break
        }
        nMaxDigits = number.digits.count
      }
      number.round(nMaxDigits, correctlyRounded: correctlyRounded)
      if number.isNegative { out += NumberInfo.negativeSign }
      formatGeneral(&out, number, nMaxDigits, expChar: expChar, suppressScientific: false)

    case "P", "p":
      if nMaxDigits < 0 { nMaxDigits = NumberInfo.defaultDecimalDigits }
      number.scale += 2
      number.round(number.scale + nMaxDigits, correctlyRounded: correctlyRounded)
      let pattern = number.isNegative ? NumberInfo.percentNegativePattern : NumberInfo.percentPositivePattern
      for ch in pattern {
        switch ch {
        case "#": formatFixed(&out, number, nMaxDigits, grouping: true)
        case "-": out += NumberInfo.negativeSign
        case "%": out += NumberInfo.percentSymbol
        default: out.append(ch)
        }
      }

    default:
      throw FormatError(message: FormatMessages.badFormatSpecifier)
    }
    return out
  }

  private static func formatFixed(_ out: inout String, _ number: NumberBuffer, _ maxDigits: Int, grouping: Bool) {
    var nMaxDigits = maxDigits
    var digPos = number.scale
    var index = 0
    if digPos > 0 {
      if grouping {
        var integerPart: [UInt8] = []
        integerPart.reserveCapacity(digPos + digPos / 3)
        let available = min(digPos, number.digits.count)
        for i in 0..<digPos {
          integerPart.append(i < available ? number.digits[i] : Ascii.zero)
        }
        var grouped: [UInt8] = []
        for (i, d) in integerPart.enumerated() {
          if i > 0 && (digPos - i) % NumberInfo.groupSize == 0 {
            grouped.append(contentsOf: NumberInfo.groupSeparator.utf8)
          }
          grouped.append(d)
        }
        out += String(decoding: grouped, as: UTF8.self)
        index = available
      } else {
        var chunk: [UInt8] = []
        repeat {
          if number.digit(index) != 0 {
            chunk.append(number.digits[index])
            index += 1
          } else {
            chunk.append(Ascii.zero)
          }
          digPos -= 1
        } while digPos > 0
        out += String(decoding: chunk, as: UTF8.self)
      }
    } else {
      out += "0"
    }

    if nMaxDigits > 0 {
      out += NumberInfo.decimalSeparator
      var chunk: [UInt8] = []
      if digPos < 0 {
        let zeroes = min(-digPos, nMaxDigits)
        chunk.append(contentsOf: repeatElement(Ascii.zero, count: zeroes))
        nMaxDigits -= zeroes
      }
      appendDigits(&chunk, number, &index, count: nMaxDigits)
      out += String(decoding: chunk, as: UTF8.self)
    }
  }

  /// Appends `count` digits of `number` from `index` on, padding with zeros past its last
  /// significant digit.
  private static func appendDigits(_ chunk: inout [UInt8], _ number: NumberBuffer, _ index: inout Int, count: Int) {
    for _ in 0..<max(0, count) {
      if number.digit(index) != 0 {
        chunk.append(number.digits[index])
        index += 1
      } else {
        chunk.append(Ascii.zero)
      }
    }
  }

  private static func formatScientific(
    _ out: inout String, _ number: NumberBuffer, _ maxDigits: Int, expChar: Character
  ) {
    var nMaxDigits = maxDigits
    var index = 0
    var chunk: [UInt8] = []
    if number.digit(0) != 0 {
      chunk.append(number.digits[0])
      index = 1
    } else {
      chunk.append(Ascii.zero)
    }
    if nMaxDigits != 1 { chunk.append(contentsOf: NumberInfo.decimalSeparator.utf8) }
    nMaxDigits -= 1
    appendDigits(&chunk, number, &index, count: nMaxDigits)
    out += String(decoding: chunk, as: UTF8.self)
    let e = number.digit(0) == 0 ? 0 : number.scale - 1
    formatExponent(&out, e, expChar: expChar, minDigits: 3, positiveSign: true)
  }

  static func formatExponent(
    _ out: inout String, _ value: Int, expChar: Character, minDigits: Int, positiveSign: Bool
  ) {
    out.append(expChar)
    if value < 0 {
      out += NumberInfo.negativeSign
    } else if positiveSign {
      out += NumberInfo.positiveSign
    }
    out += zeroPad(String(value.magnitude), minDigits)
  }

  private static func formatGeneral(
    _ out: inout String, _ number: NumberBuffer, _ nMaxDigits: Int, expChar: Character,
    suppressScientific: Bool
  ) {
    var digPos = number.scale
    var scientific = false
    if !suppressScientific && (digPos > nMaxDigits || digPos < -3) {
      digPos = 1
      scientific = true
    }
    var index = 0
    var chunk: [UInt8] = []
    if digPos > 0 {
      repeat {
        if number.digit(index) != 0 {
          chunk.append(number.digits[index])
          index += 1
        } else {
          chunk.append(Ascii.zero)
        }
        digPos -= 1
      } while digPos > 0
    } else {
      chunk.append(Ascii.zero)
    }
    if number.digit(index) != 0 || digPos < 0 {
      chunk.append(contentsOf: NumberInfo.decimalSeparator.utf8)
      while digPos < 0 {
        chunk.append(Ascii.zero)
        digPos += 1
      }
      while number.digit(index) != 0 {
        chunk.append(number.digits[index])
        index += 1
      }
    }
    out += String(decoding: chunk, as: UTF8.self)
    if scientific {
      formatExponent(&out, number.scale - 1, expChar: expChar, minDigits: 2, positiveSign: true)
    }
  }

  // MARK: - Custom formats (.NET NumberToStringFormat)

  /// Start index of `section` (0 positive, 1 negative, 2 zero) in a `;`-separated custom format, or 0 when
  /// that section is missing or empty.
  private static func findSection(_ format: [Unicode.Scalar], _ section: Int) -> Int {
    if section == 0 { return 0 }
    var remaining = section
    var src = 0
    while true {
      if src >= format.count { return 0 }
      let ch = format[src]
      src += 1
      switch ch {
      case "'", "\"":
        while src < format.count {
          let c = format[src]
          src += 1
          if c == ch { break }
        }
      case "\\":
        if src < format.count { src += 1 }
      case ";":
        remaining -= 1
        if remaining != 0 { continue }
        if src < format.count && format[src] != ";" { return src }
        return 0
      default:
        break
      }
    }
  }

  static func numberToStringFormat(_ number: inout NumberBuffer, _ formatString: String) -> String {
    let format = Array(formatString.unicodeScalars)
    var digitCount = 0
    var decimalPos = -1
    var firstDigit = Int.max
    var lastDigit = 0
    var scientific = false
    var thousandPos = -1
    var thousandCount = 0
    var thousandSeps = false
    var scaleAdjust = 0
    var src = 0

    var section = findSection(format, number.digit(0) == 0 ? 2 : (number.isNegative ? 1 : 0))

    while true {
      digitCount = 0
      decimalPos = -1
      firstDigit = Int.max
      lastDigit = 0
      scientific = false
      thousandPos = -1
      thousandSeps = false
      scaleAdjust = 0
      src = section

      while src < format.count {
        let ch = format[src]
        src += 1
        if ch == ";" { break }
        switch ch {
        case "#":
          digitCount += 1
        case "0":
          if firstDigit == Int.max { firstDigit = digitCount }
          digitCount += 1
          lastDigit = digitCount
        case ".":
          if decimalPos < 0 { decimalPos = digitCount }
        case ",":
          if digitCount > 0 && decimalPos < 0 {
            if thousandPos >= 0 {
              if thousandPos == digitCount {
                thousandCount += 1
                break
              }
              thousandSeps = true
            }
            thousandPos = digitCount
            thousandCount = 1
          }
        case "%":
          scaleAdjust += 2
        case "\u{2030}":
          scaleAdjust += 3
        case "'", "\"":
          while src < format.count {
            let c = format[src]
            src += 1
            if c == ch { break }
          }
        case "\\":
          if src < format.count { src += 1 }
        case "E", "e":
          if (src < format.count && format[src] == "0")
            || (src + 1 < format.count && (format[src] == "+" || format[src] == "-") && format[src + 1] == "0")
          {
            src += 1
            while src < format.count && format[src] == "0" { src += 1 }
            scientific = true
          }
        default:
          break
        }
      }

      if decimalPos < 0 { decimalPos = digitCount }

      if thousandPos >= 0 {
        if thousandPos == decimalPos {
          scaleAdjust -= thousandCount * 3
        } else {
          thousandSeps = true
        }
      }

      if number.digit(0) != 0 {
        number.scale += scaleAdjust
        let pos = scientific ? digitCount : number.scale + digitCount - decimalPos
        number.round(pos, correctlyRounded: false)
        if number.digit(0) == 0 {
          let zeroSection = findSection(format, 2)
          if zeroSection != section {
            section = zeroSection
            continue
          }
        }
      } else {
        if number.kind != .floatingPoint {
          number.isNegative = false
        }
        number.scale = 0
      }
      break
    }

    firstDigit = firstDigit < decimalPos ? decimalPos - firstDigit : 0
    lastDigit = lastDigit > decimalPos ? decimalPos - lastDigit : 0
    var digPos: Int
    var adjust: Int
    if scientific {
      digPos = decimalPos
      adjust = 0
    } else {
      digPos = number.scale > decimalPos ? number.scale : decimalPos
      adjust = number.scale - decimalPos
    }
    src = section

    var thousandsSepPos: [Int] = []
    if thousandSeps {
      var groupTotal = NumberInfo.groupSize
      let totalDigits = digPos + (adjust < 0 ? adjust : 0)
      let numDigits = firstDigit > totalDigits ? firstDigit : totalDigits
      while numDigits > groupTotal {
        thousandsSepPos.append(groupTotal)
        groupTotal += NumberInfo.groupSize
      }
    }
    var thousandsSepCtr = thousandsSepPos.count - 1

    var out = ""
    if number.isNegative && section == 0 && number.scale != 0 {
      out += NumberInfo.negativeSign
    }

    var decimalWritten = false
    var cur = 0

    func appendDigitAndMaybeSeparator(_ c: Character) {
      out.append(c)
      if thousandSeps && digPos > 1 && thousandsSepCtr >= 0 {
        if digPos == thousandsSepPos[thousandsSepCtr] + 1 {
          out += NumberInfo.groupSeparator
          thousandsSepCtr -= 1
        }
      }
    }

    func nextDigitOrZero() -> Character {
      if number.digit(cur) != 0 {
        let c = Character(Unicode.Scalar(number.digits[cur]))
        cur += 1
        return c
      }
      return "0"
    }

    while src < format.count {
      let ch = format[src]
      src += 1
      if ch == ";" { break }

      if adjust > 0 && (ch == "#" || ch == "0" || ch == ".") {
        while adjust > 0 {
          appendDigitAndMaybeSeparator(nextDigitOrZero())
          digPos -= 1
          adjust -= 1
        }
      }

      switch ch {
      case "#", "0":
        var c: Character?
        if adjust < 0 {
          adjust += 1
          c = digPos <= firstDigit ? "0" : nil
        } else if number.digit(cur) != 0 {
          c = nextDigitOrZero()
        } else {
          c = digPos > lastDigit ? "0" : nil
        }
        if let c { appendDigitAndMaybeSeparator(c) }
        digPos -= 1
      case ".":
        if digPos != 0 || decimalWritten { break }
        if lastDigit < 0 || (decimalPos < digitCount && number.digit(cur) != 0) {
          out += NumberInfo.decimalSeparator
          decimalWritten = true
        }
      case "\u{2030}":
        out += NumberInfo.perMilleSymbol
      case "%":
        out += NumberInfo.percentSymbol
      case ",":
        break
      case "'", "\"":
        while src < format.count && format[src] != ch {
          out.unicodeScalars.append(format[src])
          src += 1
        }
        if src < format.count { src += 1 }
      case "\\":
        if src < format.count {
          out.unicodeScalars.append(format[src])
          src += 1
        }
      case "E", "e":
        var positiveSign = false
        var i = 0
        if scientific {
          if src < format.count && format[src] == "0" {
            i += 1
          } else if src + 1 < format.count && format[src] == "+" && format[src + 1] == "0" {
            positiveSign = true
          } else if src + 1 < format.count && format[src] == "-" && format[src + 1] == "0" {
            // "E-0": sign only for negative exponents.
          } else {
            out.unicodeScalars.append(ch)
            break
          }
          src += 1
          while src < format.count && format[src] == "0" {
            src += 1
            i += 1
          }
          if i > 10 { i = 10 }
          let exp = number.digit(0) == 0 ? 0 : number.scale - decimalPos
          formatExponent(
            &out, exp, expChar: Character(ch), minDigits: i, positiveSign: positiveSign)
          scientific = false
        } else {
          out.unicodeScalars.append(ch)
          if src < format.count {
            if format[src] == "+" || format[src] == "-" {
              out.unicodeScalars.append(format[src])
              src += 1
            }
            while src < format.count && format[src] == "0" {
              out.unicodeScalars.append(format[src])
              src += 1
            }
          }
        }
      default:
        out.unicodeScalars.append(ch)
      }
    }

    if number.isNegative && section == 0 && number.scale == 0 && !out.isEmpty {
      out = NumberInfo.negativeSign + out
    }
    return out
  }
}

// MARK: - Minimal arbitrary-precision unsigned integer

/// Little-endian base-2^32 unsigned integer, just enough for exact double → decimal conversion.
struct BigUInt {
  var limbs: [UInt32]

  init(_ value: UInt64) {
    limbs = [UInt32(truncatingIfNeeded: value), UInt32(truncatingIfNeeded: value >> 32)]
    trim()
  }

  private mutating func trim() {
    while let last = limbs.last, last == 0 { limbs.removeLast() }
  }

  var isZero: Bool { limbs.isEmpty }

  mutating func multiply(_ m: UInt32) {
    var carry: UInt64 = 0
    for i in limbs.indices {
      let product = UInt64(limbs[i]) * UInt64(m) + carry
      limbs[i] = UInt32(truncatingIfNeeded: product)
      carry = product >> 32
    }
    if carry != 0 { limbs.append(UInt32(carry)) }
  }

  mutating func shiftLeft(_ bits: Int) {
    guard bits > 0, !isZero else { return }
    let words = bits / 32
    let rest = UInt32(bits % 32)
    if rest != 0 {
      var carry: UInt32 = 0
      for i in limbs.indices {
        let v = limbs[i]
        limbs[i] = (v << rest) | carry
        carry = v >> (32 - rest)
      }
      if carry != 0 { limbs.append(carry) }
    }
    if words > 0 { limbs.insert(contentsOf: repeatElement(0, count: words), at: 0) }
  }

  /// Divides in place, returning the remainder.
  mutating func divide(_ d: UInt32) -> UInt32 {
    var remainder: UInt64 = 0
    var i = limbs.count - 1
    while i >= 0 {
      let current = (remainder << 32) | UInt64(limbs[i])
      limbs[i] = UInt32(current / UInt64(d))
      remainder = current % UInt64(d)
      i -= 1
    }
    trim()
    return UInt32(remainder)
  }

  /// ASCII decimal digits without leading zeros ("" for zero).
  func decimalDigits() -> [UInt8] {
    var copy = self
    var chunks: [UInt32] = []
    while !copy.isZero { chunks.append(copy.divide(1_000_000_000)) }
    guard let top = chunks.popLast() else { return [] }
    var result = Array(String(top).utf8)
    for chunk in chunks.reversed() {
      let s = Array(String(chunk).utf8)
      result.append(contentsOf: repeatElement(Ascii.zero, count: 9 - s.count))
      result.append(contentsOf: s)
    }
    return result
  }
}
