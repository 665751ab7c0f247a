import Testing

@testable import PSRuntime

/// Arithmetic and comparison with PowerShell's rules (left operand decides, widening,
/// collection filtering).
struct OperatorTests {
  struct Row: Sendable, CustomTestStringConvertible {
    var op: Arithmetic.Op
    var l: String
    var r: String
    var expected: String
    var testDescription: String { "\(l) \(op) \(r)" }
  }

  static let arithmetic: [Row] = [
    Row(op: .add, l: "int:1", r: "int:2", expected: "int:3"),
    Row(op: .add, l: "int:2147483647", r: "int:1", expected: "double:2147483648"),
    Row(op: .add, l: "long:9223372036854775807", r: "int:1", expected: "double:9.22337203685478E+18"),
    Row(op: .add, l: "int:1", r: "str:10", expected: "int:11"),
    Row(op: .add, l: "str:10", r: "int:1", expected: "str:101"),
    Row(op: .add, l: "int:1", r: "double:0.5", expected: "double:1.5"),
    Row(op: .add, l: "null", r: "int:5", expected: "int:5"),
    Row(op: .add, l: "arr[int:1,int:2]", r: "int:3", expected: "arr[int:1,int:2,int:3]"),
    Row(op: .add, l: "arr[int:1]", r: "arr[int:2,int:3]", expected: "arr[int:1,int:2,int:3]"),
    Row(op: .subtract, l: "str:10", r: "int:4", expected: "int:6"),
    Row(op: .subtract, l: "int:-2147483648", r: "int:1", expected: "double:-2147483649"),
    Row(op: .multiply, l: "str:ab", r: "int:3", expected: "str:ababab"),
    Row(op: .multiply, l: "arr[int:1,int:2]", r: "int:2", expected: "arr[int:1,int:2,int:1,int:2]"),
    Row(op: .multiply, l: "int:65536", r: "int:65536", expected: "double:4294967296"),
    Row(op: .divide, l: "int:10", r: "int:4", expected: "double:2.5"),
    Row(op: .divide, l: "int:10", r: "int:5", expected: "int:2"),
    Row(op: .remainder, l: "int:10", r: "int:3", expected: "int:1"),
    Row(op: .add, l: "long:1", r: "int:1", expected: "long:2"),
    Row(op: .add, l: "bool:true", r: "int:1", expected: "int:2"),
    Row(op: .subtract, l: "date:2024-03-01T00:00:00", r: "date:2024-02-28T12:00:00", expected: "ts:1.12:00:00"),
    Row(op: .subtract, l: "date:2024-01-01T00:00:00", r: "date:2024-01-01T00:00:30", expected: "ts:-00:00:30"),
    Row(op: .add, l: "date:2024-12-31T23:00:00", r: "ts:02:00:00", expected: "date:2025-01-01T01:00:00"),
    Row(op: .subtract, l: "date:2024-03-01T00:00:00Z", r: "ts:1.00:00:00", expected: "date:2024-02-29T00:00:00Z"),
    Row(op: .add, l: "ts:01:30:00", r: "ts:00:45:00", expected: "ts:02:15:00"),
    Row(op: .subtract, l: "ts:01:00:00", r: "str:01:30:00", expected: "ts:-00:30:00"),
  ]

  @Test(arguments: arithmetic)
  func arithmeticRule(_ row: Row) throws {
    #expect(show(try Arithmetic.apply(row.op, val(row.l), val(row.r))) == row.expected)
  }

  @Test func hashtablesMergeAndRefuseDuplicates() throws {
    let a = PSHashtable()
    a[.string("a")] = .int32(1)
    let b = PSHashtable()
    b[.string("B")] = .int32(2)
    #expect(show(try Arithmetic.add(.hashtable(a), .hashtable(b))) == "hash{str:a=int:1,str:B=int:2}")
    let dup = PSHashtable()
    dup[.string("A")] = .int32(3)
    do {
      _ = try Arithmetic.add(.hashtable(a), .hashtable(dup))
      Issue.record("duplicate key must fail")
    } catch {
      #expect(error.message == "Item has already been added. Key in dictionary: 'A'  Key being added: 'A'")
    }
  }

  @Test func divisionByZeroIsAnError() {
    do {
      _ = try Arithmetic.apply(.divide, .int32(1), .int32(0))
      Issue.record("must fail")
    } catch {
      #expect(error.message == "Attempted to divide by zero.")
    }
  }

  @Test func badNumericOperandIsAConversionError() {
    do {
      _ = try Arithmetic.apply(.add, .int32(1), .string("abc"))
      Issue.record("must fail")
    } catch {
      #expect(error.message == "Cannot convert value \"abc\" to type \"System.Int32\". Error: \"Input string was not in a correct format.\"")
    }
  }

  @Test(arguments: [
    ("str:10", "int:10", true), ("int:10", "str:10", true), ("str:abc", "str:ABC", true), ("int:10", "str:abc", false),
    ("null", "null", true), ("int:0", "null", false), ("null", "int:0", false), ("bool:true", "str:false", true),
    ("double:1", "int:1", true), ("str:1.0", "int:1", false), ("ip:10.0.0.1", "str:10.0.0.1", true),
    ("ver:1.2", "str:1.2", true), ("long:5", "double:5", true),
    ("date:2024-01-31T00:00:00", "str:2024-01-31", true), ("date:2024-01-31T00:00:00Z", "date:2024-01-31T00:00:00", true),
    ("date:2024-01-31T00:00:00", "date:2024-01-31T00:00:01", false), ("ts:01:30:00", "str:01:30:00", true),
    ("guid:0F8FAD5B-D9CB-469F-A165-70867728950E", "str:0f8fad5b-d9cb-469f-a165-70867728950e", true),
  ])
  func equality(_ l: String, _ r: String, _ expected: Bool) throws {
    #expect(show(try Comparison.compare(.eq, val(l), val(r), caseSensitive: false)) == "bool:\(expected)")
  }

  @Test func caseSensitiveVariants() throws {
    #expect(show(try Comparison.compare(.eq, .string("abc"), .string("ABC"), caseSensitive: true)) == "bool:false")
    #expect(show(try Comparison.compare(.lt, .string("a"), .string("B"), caseSensitive: false)) == "bool:true")
  }

  @Test func collectionsOnTheLeftFilter() throws {
    let list = arr(.int32(1), .int32(2), .int32(3))
    #expect(show(try Comparison.compare(.gt, list, .int32(1), caseSensitive: false)) == "arr[int:2,int:3]")
    #expect(show(try Comparison.compare(.eq, list, .int32(5), caseSensitive: false)) == "arr[]")
    #expect(show(try Comparison.compare(.ne, arr(.null, .int32(1)), .null, caseSensitive: false)) == "arr[int:1]")
  }

  @Test func orderingRules() throws {
    #expect(show(try Comparison.compare(.lt, .null, .int32(0), caseSensitive: false)) == "bool:true")
    #expect(show(try Comparison.compare(.gt, .string("10"), .int32(9), caseSensitive: false)) == "bool:false")  // string compare "10" < "9"
    #expect(show(try Comparison.compare(.gt, .int32(10), .string("9"), caseSensitive: false)) == "bool:true")
    #expect(show(try Comparison.compare(.ge, .version(VersionValue(parsing: "1.4.2")!), .string("1.4.10"), caseSensitive: false)) == "bool:false")
    #expect(show(try Comparison.compare(.lt, val("date:2024-01-31T00:00:00"), val("date:2024-02-01T00:00:00"), caseSensitive: false)) == "bool:true")
    #expect(show(try Comparison.compare(.gt, val("date:2024-01-31T00:00:00"), .string("2023-12-31"), caseSensitive: false)) == "bool:true")
    #expect(show(try Comparison.compare(.ge, val("ts:00:01:00"), val("ts:00:00:59"), caseSensitive: false)) == "bool:true")
    do {
      _ = try Comparison.compare(.gt, val("date:2024-01-31T00:00:00"), .string("soon"), caseSensitive: false)
      Issue.record("must fail")
    } catch {
      #expect(error.message.hasPrefix("Could not compare \"01/31/2024 00:00:00\" to \"soon\"."))
    }
    do {
      _ = try Arithmetic.apply(.multiply, val("date:2024-01-31T00:00:00"), .int32(2))
      Issue.record("must fail")
    } catch {
      #expect(error.message == "Method invocation failed because [System.DateTime] does not contain a method named 'op_Multiply'.")
    }
    do {
      _ = try Comparison.compare(.gt, .int32(5), .string("abc"), caseSensitive: false)
      Issue.record("must fail")
    } catch {
      #expect(error.message.hasPrefix("Could not compare \"5\" to \"abc\"."))
    }
  }

  @Test func containment() {
    let list = arr(.string("a"), .string("b"))
    #expect(Comparison.contains(list, .string("B"), caseSensitive: false))
    #expect(!Comparison.contains(list, .string("B"), caseSensitive: true))
    #expect(Comparison.contains(arr(.int32(1), .int32(2)), .string("2"), caseSensitive: false))
    #expect(Comparison.contains(.string("x"), .string("X"), caseSensitive: false))
  }

  @Test func typeTests() throws {
    #expect(Comparison.isType(.int32(1), try Comparison.typeOperand(.string("int"))))
    #expect(!Comparison.isType(.int32(1), .string))
    #expect(Comparison.isType(.string("a"), .object))
    #expect(!Comparison.isType(.null, .object))
    #expect(Comparison.isType(arr(), .array(of: .object)))
  }

  @Test func bitwiseAndRange() throws {
    #expect(show(try Comparison.bitwise(.band, .int32(0xF0), .int32(0x3C))) == "int:48")
    #expect(show(try Comparison.bitwise(.shl, .int32(1), .int32(4))) == "int:16")
    #expect(show(try Comparison.bitwiseNot(.int32(0))) == "int:-1")
    #expect(show(try Comparison.range(.int32(3), .int32(1))) == "arr[int:3,int:2,int:1]")
    #expect(show(Comparison.join(arr(.int32(1), .string("a")), .string(","))) == "str:1,a")
  }
}
