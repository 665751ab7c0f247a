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

  @Test func typeNamesResolveWithAcceleratorsAndFullNames() throws {
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
