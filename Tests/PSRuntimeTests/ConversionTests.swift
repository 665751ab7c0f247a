import Testing

@testable import PSRuntime

/// PowerShell's conversion rules (`LanguagePrimitives`).
struct ConversionTests {
  @Test(arguments: [
    ("null", false), ("bool:true", true), ("int:0", false), ("int:-1", true), ("double:0", false),
    ("str:", false), ("str:False", true), ("str:0", true), ("arr[]", false), ("arr[int:0]", false),
    ("arr[int:1]", true), ("arr[int:0,int:0]", true), ("arr[str:]", false),
  ])
  func truthiness(_ v: String, _ expected: Bool) {
    #expect(Conversions.toBool(val(v)) == expected)
  }

  @Test(arguments: [
    ("null", ""), ("bool:true", "True"), ("int:42", "42"), ("double:1.5", "1.5"), ("double:1e20", "1E+20"),
    ("double:2", "2"), ("double:nan", "NaN"), ("arr[int:1,str:a,bool:false]", "1 a False"), ("char:A", "A"),
    ("ip:10.0.0.1", "10.0.0.1"), ("ver:1.4.2", "1.4.2"),
    // Casts and interpolation use the invariant culture; `.ToString()` the en-US one (MemberTests).
    ("date:2024-01-31T13:05:09", "01/31/2024 13:05:09"), ("ts:01:30:00", "01:30:00"),
    ("ts:1.02:03:04.5", "1.02:03:04.5000000"), ("ts:-00:05:00", "-00:05:00"),
    ("guid:0F8FAD5B-D9CB-469F-A165-70867728950E", "0f8fad5b-d9cb-469f-a165-70867728950e"),
  ])
  func toStringRules(_ v: String, _ expected: String) {
    #expect(Conversions.toString(val(v)) == expected)
  }

  @Test func doublesPrintWithFifteenDigits() {
    #expect(Conversions.toString(.double(0.1 + 0.2)) == "0.3")
    #expect(Conversions.toString(.double(1.0 / 3)) == "0.333333333333333")
    #expect(Conversions.toString(.double(-2.5e-7)) == "-2.5E-07")
  }

  @Test(arguments: [
    ("42", PSType.int32, "int:42"), ("0x1F", .int32, "int:31"), (" 7 ", .int32, "int:7"), ("2.5", .int32, "int:2"),
    ("3.5", .int32, "int:4"), ("1kb", .int32, "int:1024"), ("", .int32, "int:0"), ("1e3", .double, "double:1000"),
    ("5000000000", .int64, "long:5000000000"), ("12.50", .decimal, "decimal:12.5"), ("True", .bool, "bool:true"),
    ("x", .char, "char:x"), ("192.168.1.10", .ipAddress, "ip:192.168.1.10"), ("1.4.2", .version, "ver:1.4.2"),
    ("fe80::215:5dff:fe00:1", .ipAddress, "ip:fe80::215:5dff:fe00:1"), ("int", .type, "type:System.Int32"),
    ("2024-01-31", .dateTime, "date:2024-01-31T00:00:00"),
    ("2024-01-31T10:20:30Z", .dateTime, "date:2024-01-31T10:20:30L"),
    ("2024-01-31T10:20:30+02:00", .dateTime, "date:2024-01-31T08:20:30L"),
    ("2024-01-31T10:20:30.125", .dateTime, "date:2024-01-31T10:20:30.125"),
    ("01/02/2024 23:59:59", .dateTime, "date:2024-01-02T23:59:59"),
    ("01:30:00", .timeSpan, "ts:01:30:00"), ("2.00:00:01", .timeSpan, "ts:2.00:00:01"),
    ("-00:00:00.5", .timeSpan, "ts:-00:00:00.5000000"),
    ("0f8fad5bd9cb469fa16570867728950e", .guid, "guid:0f8fad5b-d9cb-469f-a165-70867728950e"),
  ])
  func castFromString(_ text: String, _ type: PSType, _ expected: String) throws {
    #expect(show(try Conversions.convert(.string(text), to: type)) == expected)
  }

  @Test func arrayCastsConvertEachElement() throws {
    let v = try Conversions.convert(arr(.string("1"), .string("2")), to: .array(of: .int32))
    #expect(show(v) == "arr[int:1,int:2]")
    #expect(show(try Conversions.convert(.int32(5), to: .array(of: .string))) == "arr[str:5]")
  }

  @Test func failedConversionsUsePowerShellsMessages() {
    #expect(throws: RuntimeError.cannotConvert(.string("abc"), to: "System.Int32", detail: "Input string was not in a correct format.")) {
      _ = try Conversions.convert(.string("abc"), to: .int32)
    }
    do {
      _ = try Conversions.convert(.string("abc"), to: .int32)
    } catch {
      #expect(error.message == "Cannot convert value \"abc\" to type \"System.Int32\". Error: \"Input string was not in a correct format.\"")
    }
    do {
      _ = try Conversions.convert(.string("300"), to: .byte)
      Issue.record("300 must not fit a byte")
    } catch {
      #expect(error.message.contains("Value was either too large or too small for an unsigned byte."))
    }
    do {
      _ = try Conversions.convert(.string("10.0.0.256"), to: .ipAddress)
      Issue.record("10.0.0.256 is no address")
    } catch {
      #expect(error.message.contains("An invalid IP address was specified."))
    }
  }

  @Test(arguments: [
    ("x", PSType.dateTime, "String was not recognized as a valid DateTime."),
    ("2024-02-30", .dateTime, "String was not recognized as a valid DateTime."),
    ("25:00:00", .timeSpan, "String '25:00:00' was not recognized as a valid TimeSpan."),
    ("0f8fad5b-d9cb", .guid, "Unrecognized Guid format."),
  ])
  func failedDateTimeAndGuidCasts(_ text: String, _ type: PSType, _ detail: String) {
    do {
      let v = try Conversions.convert(.string(text), to: type)
      Issue.record("expected an error, got \(show(v))")
    } catch {
      #expect(error.message == "Cannot convert value \"\(text)\" to type \"\(type)\". Error: \"\(detail)\"")
    }
  }

  @Test func typeNamesResolveWithAcceleratorsAndFullNames() throws {
    #expect(try PSType.resolve(name: "datetime") == .dateTime)
    #expect(try PSType.resolve(name: "System.TimeSpan") == .timeSpan)
    #expect(try PSType.resolve(name: "Guid") == .guid)
    #expect(Value.dateTime(DateTimeValue(ticks: 0)).typeName == "System.DateTime")
    #expect(Value.timeSpan(0).typeName == "System.TimeSpan")
    #expect(try PSType.resolve(name: "System.Net.IPAddress") == .ipAddress)
    #expect(try PSType.resolve(name: "IPAddress") == .ipAddress)
    #expect(try PSType.resolve(name: "[string[]]") == .array(of: .string))
    do {
      _ = try PSType.resolve(name: "NoSuchType")
      Issue.record("unknown type must fail")
    } catch {
      #expect(error.message == "Unable to find type [NoSuchType].")
    }
  }

  @Test func ipAddressFormatting() {
    #expect(IPAddressValue(parsing: "2001:0db8:0000:0000:0000:0000:0000:0001")?.description == "2001:db8::1")
    #expect(IPAddressValue(parsing: "::1")?.description == "::1")
    #expect(IPAddressValue(parsing: "1.2.3") == nil)
    #expect(IPAddressValue(parsing: "1.2.3.4.5") == nil)
  }
}
