import FoundationEssentials
import Testing

@testable import PSRuntime

/// One `format -f args` case and its expected .NET/PowerShell output.
struct FormatRow: Sendable, CustomTestStringConvertible {
  var format: String
  var args: [FormatArgument]
  var expected: String

  init(_ format: String, _ args: [FormatArgument], _ expected: String) {
    self.format = format
    self.args = args
    self.expected = expected
  }

  init(_ format: String, _ arg: FormatArgument, _ expected: String) {
    self.init(format, [arg], expected)
  }

  var testDescription: String { "\(format.debugDescription) → \(expected.debugDescription)" }
}

private func dec(_ s: String) -> FormatArgument { .decimal(Decimal(string: s)!) }

/// 2009-06-15T13:45:30 (a Monday), the date used throughout the .NET date/time format docs.
private let june15 = DateTimeParts(year: 2009, month: 6, day: 15, hour: 13, minute: 45, second: 30)

private func ts(days: Int64 = 0, hours: Int64 = 0, minutes: Int64 = 0, seconds: Int64 = 0, ms: Int64 = 0)
  -> FormatArgument
{
  .timeSpan(ticks: ((((days * 24 + hours) * 60 + minutes) * 60 + seconds) * 1000 + ms) * 10_000)
}

// MARK: - Composite format syntax (about_Operators, String.Format docs)

private let compositeRows: [FormatRow] = [
  FormatRow("{0} {1,-10} {2:N}", [.int(1), .string("hello"), .double(Double.pi)], "1 hello      3.14"),
  FormatRow("{0:00} {1:000} {2:000000}", [.int(7), .int(24), .int(365)], "07 024 000365"),
  FormatRow("{0} vs. {{0}}", .string("foo"), "foo vs. {0}"),
  FormatRow("{{{0}}}", .int(5), "{5}"),
  FormatRow("[{0,10}]", .string("right"), "[     right]"),
  FormatRow("[{0,-10}]", .string("left"), "[left      ]"),
  FormatRow("[{0,8:F1}]", .double(3.14159), "[     3.1]"),
  FormatRow("[{0,-8:F1}]", .double(-3.14159), "[-3.1    ]"),
  FormatRow("[{0,2}]", .string("toolong"), "[toolong]"),
  FormatRow("{0 , 5 }|", .int(42), "   42|"),
  FormatRow("{1}{0}{1}", [.string("a"), .string("b")], "bab"),
  FormatRow("{0}", .null, ""),
  FormatRow("[{0,3}]", .null, "[   ]"),
  FormatRow("{0} {1}", [.bool(true), .bool(false)], "True False"),
  FormatRow("{0:N2}", .string("1234.5"), "1234.5"),  // strings ignore the format string
  FormatRow("{0:}", .int(12), "12"),
  FormatRow("no items", [], "no items"),
]

// MARK: - PowerShell Cookbook / Pocket Reference `-f` examples

private let powerShellRows: [FormatRow] = [
  FormatRow("{0,6}", .double(4.99), "  4.99"),
  FormatRow("{0,6:##.00}", .double(15.9), " 15.90"),
  FormatRow("{0:C}", .double(1.23), "$1.23"),
  FormatRow("{0:D4}", .int(2), "0002"),
  FormatRow("{0:E3}", .double(Double.pi), "3.142E+000"),
  FormatRow("{0:N2}", .int(348), "348.00"),
  FormatRow("{0:D8}", .int(348), "00000348"),
  FormatRow("{0:X0}", .int(348), "15C"),
  FormatRow("{0:P0}", .int(348), "34,800 %"),
  FormatRow("{1:N0}", [.int(19_385_790_464), .int(6_786_868_768)], "6,786,868,768"),
  FormatRow("{0:E}", .int(250000), "2.500000E+005"),
  FormatRow("{0:F0}", .int(25), "25"),
  FormatRow("{0:X}", .int(0xffff), "FFFF"),
  FormatRow("{0:#.##}", .double(56789 / 100.0), "567.89"),
  FormatRow("{0:#.##}", .int(567), "567"),
]

// MARK: - Default ToString

private let defaultRows: [FormatRow] = [
  FormatRow("{0}", .int(-42), "-42"),
  FormatRow("{0}", .uint(18_446_744_073_709_551_615), "18446744073709551615"),
  FormatRow("{0}", .double(1.5), "1.5"),
  FormatRow("{0}", .double(0.1), "0.1"),
  FormatRow("{0}", .double(100), "100"),
  FormatRow("{0}", .double(1e20), "1E+20"),
  FormatRow("{0}", .double(0.00001), "1E-05"),
  FormatRow("{0}", .double(0.0001), "0.0001"),
  FormatRow("{0}", .double(0.1 + 0.2), "0.30000000000000004"),
  FormatRow("{0}", .double(-0.0), "-0"),
  FormatRow("{0}", .double(.nan), "NaN"),
  FormatRow("{0}", .double(-1.23456789e-25), "-1.23456789E-25"),  // "G" docs
  FormatRow("{0}", .double(123456789.12345678), "123456789.12345678"),
  FormatRow("{0}", .double(-4567.89101), "-4567.89101"),
  FormatRow("{0}", .double(Double.greatestFiniteMagnitude), "1.7976931348623157E+308"),
  FormatRow("{0}", .double(Double.leastNonzeroMagnitude), "5E-324"),
  FormatRow("{0}", .double(1e15), "1000000000000000"),
  FormatRow("{0}", .double(1e17), "1E+17"),
  FormatRow("{0}", dec("1.5"), "1.5"),
  FormatRow("{0}", .scaledDecimal(Decimal(string: "1.5")!, scale: 2), "1.50"),
  FormatRow("{0}", .scaledDecimal(0, scale: 2), "0.00"),
  FormatRow("{0}", dec("-123.456"), "-123.456"),
]

// MARK: - Standard numeric format strings (.NET docs examples)

private let standardNumericRows: [FormatRow] = [
  // Currency
  FormatRow("{0:C}", .double(123.456), "$123.46"),
  FormatRow("{0:C3}", .double(123.456), "$123.456"),
  // Decimal
  FormatRow("{0:D}", .int(12345), "12345"),
  FormatRow("{0:D8}", .int(12345), "00012345"),
  FormatRow("{0:D}", .int(-12345), "-12345"),
  FormatRow("{0:D8}", .int(-12345), "-00012345"),
  FormatRow("{0:D6}", .int(-1234), "-001234"),
  // Exponential
  FormatRow("{0:E}", .double(12345.6789), "1.234568E+004"),
  FormatRow("{0:E10}", .double(12345.6789), "1.2345678900E+004"),
  FormatRow("{0:e4}", .double(12345.6789), "1.2346e+004"),
  FormatRow("{0:E}", .double(1052.0329112756), "1.052033E+003"),
  FormatRow("{0:e2}", .double(-1052.0329112756), "-1.05e+003"),
  FormatRow("{0:E2}", .int(0), "0.00E+000"),
  FormatRow("{0:E0}", .double(0.000123), "1E-004"),
  // Fixed-point
  FormatRow("{0:F}", .int(17843), "17843.00"),
  FormatRow("{0:F3}", .int(-29541), "-29541.000"),
  FormatRow("{0:F}", .double(18934.1879), "18934.19"),
  FormatRow("{0:F0}", .double(18934.1879), "18934"),
  FormatRow("{0:F1}", .double(-1898300.1987), "-1898300.2"),
  FormatRow("{0:F}", .double(1234.567), "1234.57"),
  FormatRow("{0:F1}", .int(1234), "1234.0"),
  FormatRow("{0:F4}", .double(-1234.56), "-1234.5600"),
  FormatRow("{0:F2}", .double(1.005), "1.00"),  // exact binary value is 1.00499999…
  FormatRow("{0:F20}", .double(0.1), "0.10000000000000000555"),
  FormatRow("{0:F100}", .double(32.5), "32.5" + String(repeating: "0", count: 99)),
  FormatRow("{0:E100}", .double(32.5), "3.25" + String(repeating: "0", count: 98) + "E+001"),
  FormatRow("{0:F2}", dec("2.345"), "2.35"),  // decimals round half away from zero
  FormatRow("{0:F0}", dec("-2.5"), "-3"),
  // General
  FormatRow("{0:G}", .double(12345.6789), "12345.6789"),
  FormatRow("{0:G7}", .double(12345.6789), "12345.68"),
  FormatRow("{0:G}", .double(0.0000023), "2.3E-06"),
  FormatRow("{0:G}", .double(0.0023), "0.0023"),
  FormatRow("{0:G2}", .int(1234), "1.2E+03"),
  FormatRow("{0:G5}", .double(Double.pi), "3.1416"),
  FormatRow("{0:G4}", .double(123.4546), "123.5"),
  FormatRow("{0:G}", .double(-123.456), "-123.456"),
  FormatRow("{0:G7}", .int(123456789), "1.234568E+08"),
  // Number
  FormatRow("{0:N}", .double(-12445.6789), "-12,445.68"),
  FormatRow("{0:N1}", .double(-12445.6789), "-12,445.7"),
  FormatRow("{0:N1}", .int(123456789), "123,456,789.0"),
  FormatRow("{0:N}", .double(1234.567), "1,234.57"),
  FormatRow("{0:N3}", .double(-1234.56), "-1,234.560"),
  FormatRow("{0:N4}", .int(123456789), "123,456,789.0000"),
  FormatRow("{0:N0}", .int(1_000_000), "1,000,000"),
  FormatRow("{0:N}", .double(-5566.789), "-5,566.79"),
  FormatRow("{0:N3}", .int(87987766), "87,987,766.000"),
  FormatRow("{0:N}", dec("999.5"), "999.50"),
  FormatRow("{0:N2}", .double(0.004), "0.00"),
  // Percent
  FormatRow("{0:P}", .double(0.2468013), "24.68 %"),
  FormatRow("{0:P1}", .double(0.2468013), "24.7 %"),
  FormatRow("{0:P}", .int(1), "100.00 %"),
  FormatRow("{0:P1}", .double(-0.39678), "-39.7 %"),
  FormatRow("{0:P}", .double(0.125), "12.50 %"),
  // Round-trip
  FormatRow("{0:R}", .double(Double.pi), "3.141592653589793"),
  FormatRow("{0:R}", .double(1.623e-21), "1.623E-21"),
  FormatRow("{0:R}", .double(123456789.12345678), "123456789.12345678"),
  // Hexadecimal
  FormatRow("{0:x}", .int(0x2045e), "2045e"),
  FormatRow("{0:X}", .int(0x2045e), "2045E"),
  FormatRow("{0:X8}", .int(0x2045e), "0002045E"),
  FormatRow("{0:X}", .int(123456789), "75BCD15"),
  FormatRow("{0:X2}", .int(123456789), "75BCD15"),
  FormatRow("{0:X}", .int(255), "FF"),
  FormatRow("{0:x4}", .int(255), "00ff"),
  FormatRow("{0:X}", .int(-1), "FFFFFFFF"),
  FormatRow("{0:x}", .int(-1 - Int64(UInt32.max)), "ffffffff00000000"),
  FormatRow("{0:X}", .uint(UInt64.max), "FFFFFFFFFFFFFFFF"),
  FormatRow("{0:X0}", .int(0), "0"),
]

// MARK: - Custom numeric format strings (.NET docs examples)

private let customNumericRows: [FormatRow] = [
  FormatRow("{0:00000}", .int(123), "00123"),
  FormatRow("{0:0.00}", .double(1.2), "1.20"),
  FormatRow("{0:00.00}", .double(1.2), "01.20"),
  FormatRow("{0:0,0}", .int(1234567890), "1,234,567,890"),
  FormatRow("{0:0.0}", .double(0.56), "0.6"),
  FormatRow("{0:0,0.00}", .int(1234567890), "1,234,567,890.00"),
  FormatRow("{0:#.##}", .double(1.2), "1.2"),
  FormatRow("{0:#####}", .int(123), "123"),
  FormatRow("{0:[##-##-##]}", .int(123456), "[12-34-56]"),
  FormatRow("{0:#}", .int(1234567890), "1234567890"),
  FormatRow("{0:(###) ###-####}", .int(1234567890), "(123) 456-7890"),
  FormatRow("{0:#.##}", .int(0), ""),
  FormatRow("{0:#,#}", .int(1234567890), "1,234,567,890"),
  FormatRow("{0:#,##0,,}", .int(1234567890), "1,235"),
  FormatRow("{0:#,,}", .int(1234567890), "1235"),
  FormatRow("{0:#,,,}", .int(1234567890), "1"),
  FormatRow("{0:#0.##%}", .double(0.086), "8.6%"),
  FormatRow("{0:#0.## \u{2030}}", .double(0.00354), "3.54 \u{2030}"),
  FormatRow("{0:0.###E+0}", .int(86000), "8.6E+4"),
  FormatRow("{0:0.###E+000}", .int(86000), "8.6E+004"),
  FormatRow("{0:0.###E-000}", .int(86000), "8.6E004"),
  FormatRow("{0:0.0e+00}", .double(0.000123), "1.2e-04"),
  FormatRow(
    "{0:\\#\\#\\# ##0 dollars and \\0\\0 cents \\#\\#\\#}", .int(123), "### 123 dollars and 00 cents ###"),
  FormatRow("{0:##;(##)}", .int(1234), "1234"),
  FormatRow("{0:##;(##)}", .int(-1234), "(1234)"),
  FormatRow("{0:##;(##);**Zero**}", .int(0), "**Zero**"),
  FormatRow("{0:#,##0.00;(#,##0.00);Zero}", .double(-1234.5), "(1,234.50)"),
  FormatRow("{0:0.0;-0.0;zero}", .double(0.04), "zero"),  // rounds to zero → zero section
  FormatRow("{0:0.0;;zero}", .double(-1.25), "-1.3"),
  FormatRow("{0:+0.00;-0.00}", .double(1.5), "+1.50"),
  FormatRow("{0:+0.00;-0.00}", .double(-1.5), "-1.50"),
  FormatRow("{0:+0.00;-0.00;zero}", .double(-0.001), "zero"),  // empty negative section → first, with sign
  FormatRow("{0:# 'degrees'}", .int(68), "68 degrees"),
  FormatRow("{0:#' degrees'}", .int(68), "68 degrees"),
  FormatRow("{0:0.00}", .double(-0.5), "-0.50"),
  FormatRow("{0:0}", .double(2.5), "3"),  // custom formats round half away from zero
  FormatRow("{0:0.00}", dec("1.005"), "1.01"),
  FormatRow("{0:0.##############}", .double(0.1 + 0.2), "0.3"),  // 15 significant digits
]

// MARK: - Date and time (Standard/Custom date and time format strings docs, en-US)

private let dateRows: [FormatRow] = [
  FormatRow("{0}", .dateTime(june15), "6/15/2009 1:45:30 PM"),
  FormatRow("{0:d}", .dateTime(june15), "6/15/2009"),
  FormatRow("{0:D}", .dateTime(june15), "Monday, June 15, 2009"),
  FormatRow("{0:f}", .dateTime(june15), "Monday, June 15, 2009 1:45 PM"),
  FormatRow("{0:F}", .dateTime(june15), "Monday, June 15, 2009 1:45:30 PM"),
  FormatRow("{0:g}", .dateTime(june15), "6/15/2009 1:45 PM"),
  FormatRow("{0:G}", .dateTime(june15), "6/15/2009 1:45:30 PM"),
  FormatRow("{0:M}", .dateTime(june15), "June 15"),
  FormatRow("{0:o}", .dateTime(june15), "2009-06-15T13:45:30.0000000"),
  FormatRow(
    "{0:O}",
    .dateTime(
      DateTimeParts(
        year: 2009, month: 6, day: 15, hour: 13, minute: 45, second: 30, kind: .local(offsetMinutes: -420))),
    "2009-06-15T13:45:30.0000000-07:00"),
  FormatRow(
    "{0:o}", .dateTime(DateTimeParts(year: 2009, month: 6, day: 15, hour: 20, minute: 45, second: 30, kind: .utc)),
    "2009-06-15T20:45:30.0000000Z"),
  FormatRow(
    "{0:R}", .dateTime(DateTimeParts(year: 2009, month: 6, day: 15, hour: 20, minute: 45, second: 30, kind: .utc)),
    "Mon, 15 Jun 2009 20:45:30 GMT"),
  FormatRow("{0:s}", .dateTime(june15), "2009-06-15T13:45:30"),
  FormatRow("{0:t}", .dateTime(june15), "1:45 PM"),
  FormatRow("{0:T}", .dateTime(june15), "1:45:30 PM"),
  FormatRow("{0:u}", .dateTime(june15), "2009-06-15 13:45:30Z"),
  FormatRow(
    "{0:U}",
    .dateTime(
      DateTimeParts(
        year: 2009, month: 6, day: 15, hour: 13, minute: 45, second: 30, kind: .local(offsetMinutes: -420))),
    "Monday, June 15, 2009 8:45:30 PM"),
  FormatRow("{0:Y}", .dateTime(june15), "June 2009"),
  FormatRow("{0:yyyy-MM-dd}", .dateTime(june15), "2009-06-15"),
  FormatRow("{0:dddd, MMMM dd yyyy}", .dateTime(june15), "Monday, June 15 2009"),
  FormatRow("{0:ddd d MMM}", .dateTime(june15), "Mon 15 Jun"),
  FormatRow("{0:%d}", .dateTime(DateTimeParts(year: 2008, month: 8, day: 29)), "29"),
  FormatRow("{0:dd}", .dateTime(DateTimeParts(year: 2009, month: 1, day: 2)), "02"),
  FormatRow("{0:%M}", .dateTime(june15), "6"),
  FormatRow("{0:MM/dd/yyyy HH:mm}", .dateTime(june15), "06/15/2009 13:45"),
  FormatRow("{0:hh:mm:ss tt}", .dateTime(june15), "01:45:30 PM"),
  FormatRow("{0:h:mm:ss.ff t}", .dateTime(DateTimeParts(year: 2008, month: 8, day: 29, hour: 19, minute: 27, second: 15, ticks: 1_800_000)), "7:27:15.18 P"),
  FormatRow("{0:%H}", .dateTime(DateTimeParts(year: 2009, month: 6, day: 15, hour: 1)), "1"),
  FormatRow("{0:HH}", .dateTime(DateTimeParts(year: 2009, month: 6, day: 15, hour: 1)), "01"),
  FormatRow("{0:hh}", .dateTime(DateTimeParts(year: 2009, month: 6, day: 15)), "12"),
  FormatRow("{0:fff}", .dateTime(DateTimeParts(year: 2009, month: 6, day: 15, ticks: 6_175_425)), "617"),
  FormatRow("{0:fffffff}", .dateTime(DateTimeParts(year: 2009, month: 6, day: 15, ticks: 6_175_425)), "6175425"),
  FormatRow("{0:FFFF}", .dateTime(DateTimeParts(year: 2009, month: 6, day: 15, ticks: 500_000)), "05"),
  FormatRow("{0:HH:mm:ss.FFF}", .dateTime(june15), "13:45:30"),
  FormatRow("{0:%y}", .dateTime(DateTimeParts(year: 1, month: 1, day: 1)), "1"),
  FormatRow("{0:yy}", .dateTime(june15), "09"),
  FormatRow("{0:yyy}", .dateTime(june15), "2009"),
  FormatRow("{0:yyyyy}", .dateTime(june15), "02009"),
  FormatRow("{0:%g}", .dateTime(june15), "A.D."),
  FormatRow("{0:zzz}", .dateTime(DateTimeParts(year: 2009, month: 6, day: 15, kind: .local(offsetMinutes: -420))), "-07:00"),
  FormatRow("{0:%z}", .dateTime(DateTimeParts(year: 2009, month: 6, day: 15, kind: .local(offsetMinutes: -420))), "-7"),
  FormatRow("{0:'Date:' yyyy\\/MM}", .dateTime(june15), "Date: 2009/06"),
  FormatRow("{0:\"on\" dddd}", .dateTime(june15), "on Monday"),
]

// MARK: - TimeSpan (Standard/Custom TimeSpan format strings docs)

private let timeSpanRows: [FormatRow] = [
  FormatRow("{0}", ts(), "00:00:00"),
  FormatRow("{0}", ts(hours: 1, minutes: 2, seconds: 3), "01:02:03"),
  FormatRow("{0}", ts(days: 1, hours: 2, minutes: 3, seconds: 4), "1.02:03:04"),
  FormatRow("{0}", ts(seconds: 1, ms: 500), "00:00:01.5000000"),
  FormatRow("{0:c}", ts(minutes: 30), "00:30:00"),
  FormatRow("{0:c}", ts(days: 3, hours: 17, minutes: 25, seconds: 30, ms: 500), "3.17:25:30.5000000"),
  FormatRow("{0}", ts(hours: -1, minutes: -30), "-01:30:00"),
  FormatRow("{0:g}", ts(days: 1, hours: 3, minutes: 16, seconds: 50, ms: 500), "1:3:16:50.5"),
  FormatRow("{0:g}", ts(days: -1, hours: -3, minutes: -16, seconds: -50, ms: -500), "-1:3:16:50.5"),
  FormatRow("{0:g}", ts(days: 1, hours: 3, minutes: 16, seconds: 50, ms: 599), "1:3:16:50.599"),
  FormatRow("{0:G}", ts(hours: 18, minutes: 30), "0:18:30:00.0000000"),
  FormatRow("{0:G}", ts(days: 1, hours: 3, minutes: 16, seconds: 50, ms: 500), "1:03:16:50.5000000"),
  FormatRow("{0:hh\\:mm\\:ss}", ts(hours: 3, minutes: 4, seconds: 3), "03:04:03"),
  FormatRow("{0:%d}", ts(days: 6, hours: 14, minutes: 32, seconds: 17, ms: 685), "6"),
  FormatRow("{0:dd\\.hh\\:mm}", ts(days: 6, hours: 14, minutes: 32, seconds: 17), "06.14:32"),
  FormatRow("{0:%h}", ts(hours: 14, minutes: 32), "14"),
  FormatRow("{0:ss\\.fff}", ts(seconds: 17, ms: 685), "17.685"),
  FormatRow("{0:ss\\.FF}", ts(seconds: 17, ms: 600), "17.6"),
  FormatRow("{0:d' days 'h' hours'}", ts(days: 2, hours: 5), "2 days 5 hours"),
]

// MARK: - Tests

@Suite struct CompositeFormatTests {
  @Test(arguments: compositeRows + powerShellRows + defaultRows)
  func compositeSyntaxAndDefaults(_ row: FormatRow) throws {
    #expect(try CompositeFormat.format(row.format, row.args) == row.expected)
  }

  @Test(arguments: standardNumericRows)
  func standardNumeric(_ row: FormatRow) throws {
    #expect(try CompositeFormat.format(row.format, row.args) == row.expected)
  }

  @Test(arguments: customNumericRows)
  func customNumeric(_ row: FormatRow) throws {
    #expect(try CompositeFormat.format(row.format, row.args) == row.expected)
  }

  @Test(arguments: dateRows)
  func dateTime(_ row: FormatRow) throws {
    #expect(try CompositeFormat.format(row.format, row.args) == row.expected)
  }

  @Test(arguments: timeSpanRows)
  func timeSpan(_ row: FormatRow) throws {
    #expect(try CompositeFormat.format(row.format, row.args) == row.expected)
  }

  static let badInput = "Error formatting a string: Input string was not in a correct format.."
  static let badIndex =
    "Error formatting a string: Index (zero based) must be greater than or equal to zero and less than the size of the argument list.."
  static let badSpecifier = "Error formatting a string: Format specifier was invalid.."

  @Test(arguments: [
    FormatRow("{1}", .int(1), badIndex),
    FormatRow("{0} {1}", .int(1), badIndex),
    FormatRow("{0}", [], badIndex),
    FormatRow("{0", .int(1), badInput),
    FormatRow("{", .int(1), badInput),
    FormatRow("}", .int(1), badInput),
    FormatRow("a } b", .int(1), badInput),
    FormatRow("{a}", .int(1), badInput),
    FormatRow("{ 0}", .int(1), badInput),
    FormatRow("{0,}", .int(1), badInput),
    FormatRow("{0:N{1}}", .int(1), badInput),
    FormatRow("{0:D}", .double(1.5), badSpecifier),
    FormatRow("{0:X}", .double(255), badSpecifier),
    FormatRow("{0:D}", dec("1.5"), badSpecifier),
    FormatRow("{0:R}", .int(5), badSpecifier),
    FormatRow("{0:Z}", .int(5), badSpecifier),
    FormatRow("{0:K}", .dateTime(june15), badInput),
    FormatRow("{0:ffffffff}", .dateTime(june15), badInput),
    FormatRow("{0:hh:mm}", ts(hours: 1), badInput),
    FormatRow("{0:x}", ts(hours: 1), badInput),
  ])
  func errors(_ row: FormatRow) {
    #expect(throws: FormatError(message: row.expected)) {
      try CompositeFormat.format(row.format, row.args)
    }
  }

  @Test func formatValueUsesBareMessagesAndDefaults() throws {
    #expect(try CompositeFormat.formatValue(.double(1234.5678), "N2") == "1,234.57")
    #expect(try CompositeFormat.formatValue(.int(42), nil) == "42")
    #expect(try CompositeFormat.formatValue(.double(2.5), "") == "2.5")
    #expect(throws: FormatError(message: "Format specifier was invalid.")) {
      try CompositeFormat.formatValue(.double(1.5), "D")
    }
  }

  /// .NET Core 3.0+ rounds doubles in standard formats from the exact binary value, ties to even.
  @Test(arguments: [
    (2.5, "F0", "2"), (3.5, "F0", "4"), (0.125, "F2", "0.12"), (0.375, "F2", "0.38"), (-0.4, "F0", "-0"),
    (0.5, "F0", "0"), (1.5, "E0", "2E+000"), (999.9999, "F2", "1000.00"), (9.5, "N0", "10"),
  ] as [(Double, String, String)])
  func doubleRounding(value: Double, spec: String, expected: String) throws {
    #expect(try CompositeFormat.formatValue(.double(value), spec) == expected)
  }
}
