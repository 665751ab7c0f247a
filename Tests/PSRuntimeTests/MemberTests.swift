import FoundationEssentials
import Testing

@testable import PSRuntime

/// Member access: properties, methods, member enumeration and static .NET members, with
/// PowerShell's results and error texts.
struct MemberTests {
  /// `val` plus `byte:N` and `bytes:1 2 3` (a byte array).
  static func value(_ spec: String) -> Value {
    if spec.hasPrefix("byte:") { return .byte(UInt8(spec.dropFirst(5)) ?? 0) }
    if spec.hasPrefix("bytes:") {
      return .array(PSArray(spec.dropFirst(6).split(separator: " ").map { .byte(UInt8($0) ?? 0) }))
    }
    if spec.hasPrefix("decimal:") { return .decimal(Decimal(string: String(spec.dropFirst(8))) ?? 0) }
    return val(spec)
  }

  static func type(_ name: String) throws -> PSType { try PSType.resolve(name: name) }

  // MARK: - Properties

  @Test(arguments: [
    ("null", "Count", "int:0"), ("null", "Length", "int:0"), ("str:hello", "Length", "int:5"),
    ("str:hello", "count", "int:1"), ("int:42", "Count", "int:1"), ("int:42", "Length", "int:1"),
    ("arr[int:1,int:2,int:3]", "Count", "int:3"), ("arr[int:1,int:2,int:3]", "length", "int:3"),
    ("arr[]", "Count", "int:0"), ("str:abc", "NoSuchProperty", "null"), ("int:1", "Foo", "null"),
    ("str:héllo", "Length", "int:5"), ("str:😀", "Length", "int:2"),
    ("ip:192.168.1.10", "IPAddressToString", "str:192.168.1.10"),
    ("ip:192.168.1.10", "AddressFamily", "str:InterNetwork"),
    ("ip:fe80::1", "AddressFamily", "str:InterNetworkV6"), ("ip:255.255.255.0", "Address", "long:16777215"),
    ("ip:fe80::1", "IsIPv6LinkLocal", "bool:true"), ("ver:1.2.3", "Major", "int:1"), ("ver:1.2.3", "Minor", "int:2"),
    ("ver:1.2.3", "Build", "int:3"), ("ver:1.2.3", "Revision", "int:-1"), ("ver:1.2", "Build", "int:-1"),
    ("ver:10.0.22621.1702", "Revision", "int:1702"),
    ("arr[str:ab,str:cde]", "Length", "int:2"), ("arr[ver:1.2,ver:3.4]", "Major", "arr[int:1,int:3]"),
    ("arr[ver:1.2]", "Minor", "int:2"), ("arr[ver:1.2,int:5,ver:3.4]", "Minor", "arr[int:2,int:4]"),
    ("arr[int:1,int:2]", "Foo", "null"),
    ("date:2024-01-31T10:20:30", "Year", "int:2024"), ("date:2024-01-31T10:20:30", "Month", "int:1"),
    ("date:2024-01-31T10:20:30", "Day", "int:31"), ("date:2024-01-31T10:20:30", "Hour", "int:10"),
    ("date:2024-01-31T10:20:30", "Minute", "int:20"), ("date:2024-01-31T10:20:30", "Second", "int:30"),
    ("date:2024-01-31T10:20:30", "DayOfWeek", "str:Wednesday"),
    ("date:2024-01-31T10:20:30Z", "Date", "date:2024-01-31T00:00:00Z"),
    ("date:2024-01-31T00:00:00", "Ticks", "long:638422560000000000"),
    ("ts:1.02:03:04.5", "TotalSeconds", "double:93784.5"), ("ts:01:30:00", "TotalMinutes", "double:90"),
    ("ts:01:30:00", "TotalHours", "double:1.5"), ("ts:00:00:01.25", "TotalMilliseconds", "double:1250"),
    ("ts:1.02:03:04", "Days", "int:1"), ("ts:1.02:03:04", "Hours", "int:2"), ("ts:1.02:03:04", "Minutes", "int:3"),
    ("ts:1.02:03:04", "Seconds", "int:4"), ("ts:-01:30:00", "Minutes", "int:-30"),
    ("guid:0F8FAD5B-D9CB-469F-A165-70867728950E", "Guid", "str:0f8fad5b-d9cb-469f-a165-70867728950e"),
  ])
  func property(_ target: String, _ name: String, _ expected: String) throws {
    #expect(show(try Members.get(Self.value(target), name)) == expected)
  }

  @Test func typeProperties() throws {
    #expect(show(try Members.get(.type(.int32), "Name")) == "str:Int32")
    #expect(show(try Members.get(.type(.int32), "FullName")) == "str:System.Int32")
    #expect(show(try Members.get(.type(.array(of: .object)), "Name")) == "str:Object[]")
    #expect(show(try Members.get(.type(.ipAddress), "Namespace")) == "str:System.Net")
    let t = try Members.invoke(.string("x"), "GetType", [])
    #expect(show(try Members.get(t, "Name")) == "str:String")
  }

  @Test func hashtableKeysReadAsProperties() throws {
    let h = PSHashtable()
    h[.string("Name")] = .string("eth0")
    h[.string("Mtu")] = .int32(1500)
    let table = Value.hashtable(h)
    #expect(show(try Members.get(table, "name")) == "str:eth0")
    #expect(show(try Members.get(table, "Count")) == "int:2")
    #expect(show(try Members.get(table, "Keys")) == "arr[str:Name,str:Mtu]")
    #expect(show(try Members.get(table, "Values")) == "arr[str:eth0,int:1500]")
    #expect(show(try Members.get(table, "Missing")) == "null")
    try Members.set(table, "Mtu", .int32(9000))
    try Members.set(table, "Vlan", .int32(7))
    #expect(show(table) == "hash{str:Name=str:eth0,str:Mtu=int:9000,str:Vlan=int:7}")
    // A key named like a property wins, as in PowerShell.
    h[.string("Count")] = .string("mine")
    #expect(show(try Members.get(table, "Count")) == "str:mine")
  }

  @Test func customObjectProperties() throws {
    let o = Value.object(PSObject([("Name", .string("vSwitch")), ("Type", .string("Internal"))]))
    #expect(show(try Members.get(o, "NAME")) == "str:vSwitch")
    #expect(show(try Members.get(o, "Count")) == "int:1")
    #expect(show(try Members.get(o, "Nope")) == "null")
    try Members.set(o, "type", .string("External"))
    #expect(show(o) == "obj{Name=str:vSwitch,Type=str:External}")
    #expect(show(try Members.get(try Members.get(o, "PSObject"), "Properties")).contains("Name=str:Name"))
    #expect(show(try Members.invoke(o, "ToString", [])) == "str:")
    #expect(show(try Members.invoke(o, "GetType", [])) == "type:System.Management.Automation.PSCustomObject")
  }

  @Test func memberEnumerationOverObjects() throws {
    let a = Value.object(PSObject([("Name", .string("a")), ("Ips", arr(.string("1.1.1.1"), .string("2.2.2.2")))]))
    let b = Value.object(PSObject([("Name", .string("b"))]))
    let list = arr(a, b, .null, .int32(3))
    #expect(show(try Members.get(list, "Name")) == "arr[str:a,str:b]")
    #expect(show(try Members.get(list, "Ips")) == "arr[str:1.1.1.1,str:2.2.2.2]")
    #expect(show(try Members.invoke(arr(.string("ab"), .string("cd")), "ToUpper", [])) == "arr[str:AB,str:CD]")
    #expect(show(try Members.invoke(arr(.string("ab")), "Substring", [.int32(1)])) == "str:b")
  }

  @Test func referenceValue() throws {
    let r = PSReference(.int32(1))
    #expect(show(try Members.get(.reference(r), "Value")) == "int:1")
    try Members.set(.reference(r), "value", .string("x"))
    #expect(show(r.value) == "str:x")
  }

  // MARK: - Setting errors

  @Test(arguments: [
    (
      "obj", "Missing", "PropertyNotFound",
      "The property 'Missing' cannot be found on this object. Verify that the property exists and can be set."
    ),
    (
      "null", "x", "PropertyNotFound",
      "The property 'x' cannot be found on this object. Verify that the property exists and can be set."
    ),
    (
      "arr[int:1]", "x", "PropertyNotFound",
      "The property 'x' cannot be found on this object. Verify that the property exists and can be set."
    ),
    ("str:abc", "length", "PropertyAssignmentException", "'Length' is a ReadOnly property."),
  ])
  func setErrors(_ target: String, _ name: String, _ id: String, _ message: String) {
    let t = target == "obj" ? Value.object(PSObject([("A", .int32(1))])) : Self.value(target)
    do {
      try Members.set(t, name, .int32(1))
      Issue.record("expected an error")
    } catch {
      #expect(error.id == id)
      #expect(error.message == message)
    }
  }

  // MARK: - String methods

  @Test(arguments: [
    ("str:a,b,,c", "Split", ["str:,"], "arr[str:a,str:b,str:,str:c]"),
    ("str:a|b;c", "Split", ["arr[char:|,char:;]"], "arr[str:a,str:b,str:c]"),
    ("str:a--b--c", "Split", ["str:--"], "arr[str:a,str:b,str:c]"),
    ("str:a,b,c", "Split", ["str:,", "int:2"], "arr[str:a,str:b,c]"),
    ("str:a,,b,", "Split", ["str:,", "str:RemoveEmptyEntries"], "arr[str:a,str:b]"),
    ("str:a , b", "Split", ["str:,", "str:TrimEntries"], "arr[str:a,str:b]"),
    ("str:a b\tc", "Split", [], "arr[str:a,str:b,str:c]"),
    ("str:abc", "Split", ["str:"], "arr[str:abc]"),
    ("str:a,,b,c", "Split", ["str:,", "int:2", "str:RemoveEmptyEntries"], "arr[str:a,str:b,c]"),
    ("str:a  b", "Split", [], "arr[str:a,str:,str:b]"), ("str:a,b", "Split", ["str:,", "int:1"], "arr[str:a,b]"),
    ("str:  hi  ", "Trim", [], "str:hi"), ("str:xxhixx", "Trim", ["char:x"], "str:hi"),
    ("str:abhiba", "Trim", ["str:ab"], "str:hi"), ("str:  hi  ", "TrimStart", [], "str:hi  "),
    ("str:path\\\\", "TrimEnd", ["str:\\"], "str:path"),
    ("str:aXbXc", "Replace", ["str:X", "str:-"], "str:a-b-c"), ("str:aXbx", "Replace", ["str:x", "null"], "str:aXb"),
    ("str:aXbx", "Replace", ["str:x", "str:_", "str:OrdinalIgnoreCase"], "str:a_b_"),
    ("str:Hello", "StartsWith", ["str:He"], "bool:true"), ("str:Hello", "StartsWith", ["str:he"], "bool:false"),
    ("str:Hello", "StartsWith", ["str:he", "str:OrdinalIgnoreCase"], "bool:true"),
    ("str:Hello", "EndsWith", ["str:llo"], "bool:true"), ("str:Hello", "Contains", ["str:ell"], "bool:true"),
    ("str:Hello", "Contains", ["str:ELL"], "bool:false"),
    ("str:Hello", "contains", ["str:ELL", "str:CurrentCultureIgnoreCase"], "bool:true"),
    ("str:Hello", "ToUpper", [], "str:HELLO"), ("str:Hello", "ToLowerInvariant", [], "str:hello"),
    ("str:straße", "ToUpperInvariant", [], "str:STRAßE"),
    ("str:Hello", "Substring", ["int:1"], "str:ello"), ("str:Hello", "Substring", ["int:1", "int:3"], "str:ell"),
    ("str:Hello", "Substring", ["str:2"], "str:llo"), ("str:Hello", "Substring", ["int:5"], "str:"),
    ("str:Hello", "IndexOf", ["str:l"], "int:2"), ("str:Hello", "IndexOf", ["char:o"], "int:4"),
    ("str:Hello", "IndexOf", ["str:l", "int:3"], "int:3"), ("str:Hello", "IndexOf", ["str:z"], "int:-1"),
    ("str:Hello", "IndexOf", ["str:L", "str:OrdinalIgnoreCase"], "int:2"),
    ("str:Hello", "LastIndexOf", ["str:l"], "int:3"), ("str:a.b.c", "LastIndexOf", ["char:."], "int:3"),
    ("str:a.b.c", "LastIndexOf", ["str:.", "int:2"], "int:1"),
    ("str:Hello", "IndexOfAny", ["arr[char:l,char:o]"], "int:2"),
    ("str:7", "PadLeft", ["int:3", "char:0"], "str:007"), ("str:ab", "PadRight", ["int:4"], "str:ab  "),
    ("str:abc", "PadLeft", ["int:2"], "str:abc"),
    ("str:Hllo", "Insert", ["int:1", "str:e"], "str:Hello"), ("str:Hello", "Remove", ["int:2"], "str:He"),
    ("str:Hello", "Remove", ["int:1", "int:3"], "str:Ho"),
    ("str:abc", "Equals", ["str:abc"], "bool:true"), ("str:abc", "Equals", ["str:ABC"], "bool:false"),
    ("str:abc", "Equals", ["str:ABC", "str:OrdinalIgnoreCase"], "bool:true"),
    ("str:1", "Equals", ["int:1"], "bool:false"),
    ("str:a", "CompareTo", ["str:b"], "int:-1"), ("str:b", "CompareTo", ["str:A"], "int:1"),
    ("str:a", "CompareTo", ["str:A"], "int:-1"), ("str:a", "CompareTo", ["null"], "int:1"),
    ("str:abc", "ToString", [], "str:abc"), ("str:abc", "GetType", [], "type:System.String"),
    ("str:ab", "ToCharArray", [], "arr[char:a,char:b]"),
    // Other scalars.
    ("int:255", "ToString", [], "str:255"), ("int:255", "ToString", ["str:X2"], "str:FF"),
    ("double:1234.5", "ToString", ["str:N2"], "str:1,234.50"), ("int:5", "ToString", ["str:D3"], "str:005"),
    ("double:0.5", "ToString", [], "str:0.5"), ("int:3", "CompareTo", ["int:5"], "int:-1"),
    ("int:3", "Equals", ["int:3"], "bool:true"), ("int:3", "Equals", ["str:3"], "bool:false"),
    ("long:3", "GetType", [], "type:System.Int64"), ("bool:true", "ToString", [], "str:True"),
    ("char:a", "ToString", [], "str:a"),
    ("ip:10.0.0.1", "GetAddressBytes", [], "arr[byte:10,byte:0,byte:0,byte:1]"),
    ("ip:10.0.0.1", "ToString", [], "str:10.0.0.1"), ("ip:10.0.0.1", "Equals", ["ip:10.0.0.1"], "bool:true"),
    ("ver:1.2.3", "ToString", [], "str:1.2.3"), ("ver:1.2.3", "ToString", ["int:2"], "str:1.2"),
    ("ver:1.2.3", "CompareTo", ["ver:1.10"], "int:-1"), ("ver:1.2.3", "CompareTo", ["str:1.2.3"], "int:0"),
    // Arrays.
    ("arr[int:1,int:2]", "Contains", ["int:2"], "bool:true"), ("arr[str:a]", "Contains", ["str:A"], "bool:false"),
    ("arr[int:1,int:2]", "IndexOf", ["int:2"], "int:1"), ("arr[int:1,int:2]", "IndexOf", ["int:9"], "int:-1"),
    ("arr[int:1,int:2]", "Clone", [], "arr[int:1,int:2]"), ("arr[int:1]", "GetType", [], "type:System.Object[]"),
    ("arr[int:1]", "ToString", [], "str:System.Object[]"),
    // Dates, time spans and GUIDs.
    ("date:2024-01-31T13:05:09", "ToString", [], "str:1/31/2024 1:05:09 PM"),
    ("date:2024-01-31T13:05:09", "ToString", ["str:yyyy-MM-dd HH:mm:ss"], "str:2024-01-31 13:05:09"),
    ("date:2024-01-31T13:05:09Z", "ToString", ["str:o"], "str:2024-01-31T13:05:09.0000000Z"),
    ("date:2024-01-31T23:00:00", "AddHours", ["int:2"], "date:2024-02-01T01:00:00"),
    ("date:2024-02-28T00:00:00", "AddDays", ["double:1.5"], "date:2024-02-29T12:00:00"),
    ("date:2024-01-01T00:00:00", "AddMinutes", ["int:-1"], "date:2023-12-31T23:59:00"),
    ("date:2024-01-01T00:00:00", "AddSeconds", ["double:0.25"], "date:2024-01-01T00:00:00.25"),
    ("date:2024-03-01T00:00:00", "Subtract", ["date:2024-02-01T00:00:00"], "ts:29.00:00:00"),
    ("date:2024-03-01T00:00:00", "Subtract", ["ts:01:00:00"], "date:2024-02-29T23:00:00"),
    ("date:2024-01-31T08:00:00", "AddMonths", ["int:1"], "date:2024-02-29T08:00:00"),
    ("date:2024-02-29T00:00:00", "AddYears", ["int:-1"], "date:2023-02-28T00:00:00"),
    ("ts:1.02:03:04", "ToString", [], "str:1.02:03:04"), ("ts:-00:00:01.5", "ToString", [], "str:-00:00:01.5000000"),
    ("guid:0F8FAD5B-D9CB-469F-A165-70867728950E", "ToString", [], "str:0f8fad5b-d9cb-469f-a165-70867728950e"),
    ("guid:0F8FAD5B-D9CB-469F-A165-70867728950E", "ToString", ["str:N"], "str:0f8fad5bd9cb469fa16570867728950e"),
  ])
  func method(_ target: String, _ name: String, _ args: [String], _ expected: String) throws {
    #expect(show(try Members.invoke(Self.value(target), name, args.map(Self.value))) == expected)
  }

  @Test func cloneIsACopy() throws {
    let a = PSArray([.int32(1)])
    let copy = try Members.invoke(.array(a), "Clone", [])
    a.items.append(.int32(2))
    #expect(show(copy) == "arr[int:1]")
  }

  // MARK: - Method errors

  @Test(arguments: [
    (
      "str:abc", "Foo", [], "MethodNotFound",
      "Method invocation failed because [System.String] does not contain a method named 'Foo'."
    ),
    (
      "str:abc", "IsNullOrEmpty", [], "MethodNotFound",
      "Method invocation failed because [System.String] does not contain a method named 'IsNullOrEmpty'."
    ),
    ("null", "ToString", [], "InvokeMethodOnNull", "You cannot call a method on a null-valued expression."),
    (
      "str:abc", "Substring", ["int:1", "int:1", "int:1"], "MethodCountCouldNotFindBest",
      "Cannot find an overload for \"Substring\" and the argument count: \"3\"."
    ),
    (
      "str:abc", "substring", ["int:5"], "ArgumentOutOfRangeException",
      "Exception calling \"Substring\" with \"1\" argument(s): \"startIndex cannot be larger than length of string. (Parameter 'startIndex')\""
    ),
    (
      "str:abc", "Substring", ["int:1", "int:5"], "ArgumentOutOfRangeException",
      "Exception calling \"Substring\" with \"2\" argument(s): \"Index and length must refer to a location within the string. (Parameter 'length')\""
    ),
    (
      "str:abc", "Substring", ["int:-1"], "ArgumentOutOfRangeException",
      "Exception calling \"Substring\" with \"1\" argument(s): \"StartIndex cannot be less than zero. (Parameter 'startIndex')\""
    ),
    (
      "str:abc", "Substring", ["str:x"], "MethodArgumentConversionInvalidCastArgument",
      "Cannot convert argument \"startIndex\", with value: \"x\", for \"Substring\" to type \"System.Int32\": \"Cannot convert value \"x\" to type \"System.Int32\". Error: \"Input string was not in a correct format.\"\""
    ),
    (
      "str:abc", "Replace", ["str:", "str:x"], "ArgumentException",
      "Exception calling \"Replace\" with \"2\" argument(s): \"String cannot be of zero length. (Parameter 'oldValue')\""
    ),
    (
      "str:abc", "Contains", ["null"], "ArgumentNullException",
      "Exception calling \"Contains\" with \"1\" argument(s): \"Value cannot be null. (Parameter 'value')\""
    ),
    (
      "str:abc", "Remove", ["int:3"], "ArgumentOutOfRangeException",
      "Exception calling \"Remove\" with \"1\" argument(s): \"startIndex must be less than length of string. (Parameter 'startIndex')\""
    ),
    (
      "arr[int:1]", "Add", ["int:2"], "NotSupportedException",
      "Exception calling \"Add\" with \"1\" argument(s): \"Collection was of a fixed size.\""
    ),
    (
      "arr[int:1,int:2]", "Foo", [], "MethodNotFound",
      "Method invocation failed because [System.Int32] does not contain a method named 'Foo'."
    ),
    (
      "arr[]", "Foo", [], "MethodNotFound",
      "Method invocation failed because [System.Object[]] does not contain a method named 'Foo'."
    ),
    (
      "int:1", "ToString", ["str:Q"], "FormatException",
      "Exception calling \"ToString\" with \"1\" argument(s): \"Format specifier was invalid.\""
    ),
    (
      "str:a,b", "Split", ["str:,", "str:Sideways"], "MethodArgumentConversionInvalidCastArgument",
      "Cannot convert argument \"options\", with value: \"Sideways\", for \"Split\" to type \"System.StringSplitOptions\": \"Cannot convert value \"Sideways\" to type \"System.StringSplitOptions\". Error: \"Unable to match the identifier name Sideways to a valid enumerator name. Specify one of the following enumerator names and try again:\nNone, RemoveEmptyEntries, TrimEntries\"\""
    ),
  ])
  func methodErrors(_ target: String, _ name: String, _ args: [String], _ id: String, _ message: String) {
    do {
      let r = try Members.invoke(Self.value(target), name, args.map(Self.value))
      Issue.record("expected an error, got \(show(r))")
    } catch {
      #expect(error.id == id)
      #expect(error.message == message)
    }
  }

  // MARK: - Hashtable methods

  @Test func hashtableMethods() throws {
    let h = PSHashtable()
    let t = Value.hashtable(h)
    #expect(show(try Members.invoke(t, "Add", [.string("a"), .int32(1)])) == "null")
    _ = try Members.invoke(t, "add", [.string("b"), .int32(2)])
    #expect(show(try Members.invoke(t, "ContainsKey", [.string("A")])) == "bool:true")
    #expect(show(try Members.invoke(t, "Contains", [.string("z")])) == "bool:false")
    #expect(show(try Members.invoke(t, "ContainsValue", [.int32(2)])) == "bool:true")
    #expect(show(try Members.invoke(t, "ContainsValue", [.string("2")])) == "bool:false")
    #expect(
      show(try Members.invoke(t, "GetEnumerator", []))
        == "arr[obj{Name=str:a,Value=int:1,Key=str:a},obj{Name=str:b,Value=int:2,Key=str:b}]")
    let copy = try Members.invoke(t, "Clone", [])
    _ = try Members.invoke(t, "Remove", [.string("a")])
    #expect(show(t) == "hash{str:b=int:2}")
    #expect(show(copy) == "hash{str:a=int:1,str:b=int:2}")
    _ = try Members.invoke(t, "Clear", [])
    #expect(show(try Members.get(t, "Count")) == "int:0")
    #expect(show(try Members.invoke(t, "ToString", [])) == "str:System.Collections.Hashtable")
  }

  @Test func hashtableAddDuplicateIsAnError() throws {
    let h = PSHashtable()
    h[.string("Key")] = .int32(1)
    do {
      _ = try Members.invoke(.hashtable(h), "Add", [.string("key"), .int32(2)])
      Issue.record("expected an error")
    } catch {
      #expect(error.id == "ArgumentException")
      #expect(
        error.message
          == "Exception calling \"Add\" with \"2\" argument(s): \"Item has already been added. Key in dictionary: 'key'  Key being added: 'key'\""
      )
    }
  }

  // MARK: - Static members

  @Test(arguments: [
    ("int", "MaxValue", "int:2147483647"), ("int", "MinValue", "int:-2147483648"),
    ("long", "MaxValue", "long:9223372036854775807"), ("byte", "MaxValue", "byte:255"),
    ("double", "MaxValue", "double:1.79769313486232E+308"), ("string", "Empty", "str:"),
    ("IO.Path", "DirectorySeparatorChar", "char:\\"), ("Environment", "NewLine", "str:\r\n"),
    ("Environment", "OSVersion", "str:Microsoft Windows NT 10.0.22621.0"),
    ("Environment", "Is64BitOperatingSystem", "bool:true"), ("Math", "PI", "double:3.14159265358979"),
    ("Net.SecurityProtocolType", "tls12", "str:Tls12"), ("Net.ServicePointManager", "SecurityProtocol", "str:Tls12"),
    ("System.Net.IPAddress", "Loopback", "ip:127.0.0.1"), ("ipaddress", "Any", "ip:0.0.0.0"),
    ("StringComparison", "OrdinalIgnoreCase", "str:OrdinalIgnoreCase"), ("Math", "NoSuchThing", "null"),
    ("guid", "Empty", "guid:00000000-0000-0000-0000-000000000000"),
    ("timespan", "Zero", "ts:00:00:00"), ("datetime", "MinValue", "date:0001-01-01T00:00:00"),
  ])
  func staticProperty(_ typeName: String, _ name: String, _ expected: String) throws {
    #expect(show(try Members.getStatic(Self.type(typeName), name)) == expected)
  }

  @Test(arguments: [
    ("IO.Path", "Combine", ["str:C:\\Users", "str:eflow", "str:a.txt"], "str:C:\\Users\\eflow\\a.txt"),
    ("IO.Path", "Combine", ["str:C:\\a\\", "str:b"], "str:C:\\a\\b"),
    ("IO.Path", "Combine", ["str:C:\\a", "str:D:\\b"], "str:D:\\b"),
    ("IO.Path", "GetFileName", ["str:C:\\dir\\file.vhdx"], "str:file.vhdx"),
    ("IO.Path", "GetFileName", ["str:/tmp/x.ps1"], "str:x.ps1"),
    ("IO.Path", "GetDirectoryName", ["str:C:\\dir\\sub\\file.txt"], "str:C:\\dir\\sub"),
    ("IO.Path", "GetDirectoryName", ["str:C:/dir/file.txt"], "str:C:\\dir"),
    ("IO.Path", "GetDirectoryName", ["str:C:\\"], "null"), ("IO.Path", "GetDirectoryName", ["str:file.txt"], "str:"),
    ("IO.Path", "GetExtension", ["str:C:\\a.b\\file.tar.gz"], "str:.gz"),
    ("IO.Path", "GetExtension", ["str:C:\\a.b\\file"], "str:"),
    ("IO.Path", "GetFileNameWithoutExtension", ["str:C:\\x\\setup.msi"], "str:setup"),
    ("IO.Path", "IsPathRooted", ["str:C:\\x"], "bool:true"),
    ("IO.Path", "ChangeExtension", ["str:a.txt", "str:md"], "str:a.md"),
    ("Environment", "GetEnvironmentVariable", ["str:EFLOWSH_SURELY_UNSET_VARIABLE"], "null"),
    ("Math", "Min", ["int:3", "int:5"], "int:3"), ("Math", "Max", ["int:3", "double:5.5"], "double:5.5"),
    ("Math", "Max", ["long:3", "int:2"], "long:3"), ("Math", "Floor", ["double:2.7"], "double:2"),
    ("Math", "Ceiling", ["double:2.1"], "double:3"), ("Math", "Round", ["double:2.5"], "double:2"),
    ("Math", "Round", ["double:3.5"], "double:4"), ("Math", "Round", ["double:2.345", "int:2"], "double:2.35"),
    ("Math", "Round", ["double:2.5", "str:AwayFromZero"], "double:3"),
    ("Math", "Round", ["decimal:2.125", "int:2"], "decimal:2.12"),
    ("Math", "Pow", ["int:2", "int:10"], "double:1024"), ("Math", "Abs", ["int:-4"], "int:4"),
    ("Math", "Sqrt", ["int:16"], "double:4"), ("Math", "Truncate", ["double:-2.7"], "double:-2"),
    ("string", "IsNullOrEmpty", ["null"], "bool:true"), ("string", "IsNullOrEmpty", ["str:x"], "bool:false"),
    ("string", "IsNullOrWhiteSpace", ["str: \t"], "bool:true"),
    ("string", "Join", ["str:,", "arr[int:1,int:2]"], "str:1,2"),
    ("string", "Join", ["str:-", "str:a", "str:b", "str:c"], "str:a-b-c"),
    ("string", "Format", ["str:{0}-{1:D3}", "str:a", "int:7"], "str:a-007"),
    ("string", "Concat", ["str:a", "int:1"], "str:a1"), ("string", "new", ["char:-", "int:3"], "str:---"),
    ("int", "Parse", ["str: 42 "], "int:42"), ("long", "Parse", ["str:-5000000000"], "long:-5000000000"),
    ("double", "Parse", ["str:1.5e3"], "double:1500"), ("byte", "Parse", ["str:255"], "byte:255"),
    ("bool", "Parse", ["str:TRUE"], "bool:true"),
    ("System.Net.IPAddress", "Parse", ["str:192.168.0.1"], "ip:192.168.0.1"),
    ("version", "Parse", ["str:1.2.3.4"], "ver:1.2.3.4"), ("version", "new", ["int:1", "int:2"], "ver:1.2"),
    ("Convert", "ToBase64String", ["bytes:104 105"], "str:aGk="),
    ("Convert", "FromBase64String", ["str:aGk="], "arr[byte:104,byte:105]"),
    ("Convert", "ToInt32", ["str:ff", "int:16"], "int:255"), ("Convert", "ToString", ["int:10", "int:2"], "str:1010"),
    ("Convert", "ToInt32", ["double:2.5"], "int:2"),
    ("Convert", "ToInt32", ["str:FFFFFFFF", "int:16"], "int:-1"), ("Convert", "ToString", ["int:255", "int:16"], "str:ff"),
    ("char", "IsDigit", ["char:7"], "bool:true"), ("char", "IsLetter", ["str:x"], "bool:true"),
    ("Math", "Sign", ["double:-0.5"], "int:-1"), ("Math", "Round", ["decimal:2.135", "int:2"], "decimal:2.14"),
    ("IO.Path", "GetPathRoot", ["str:C:/x/y"], "str:C:\\"),
    ("Environment", "ExpandEnvironmentVariables", ["str:%EFLOWSH_SURELY_UNSET_VARIABLE%\\x"], "str:%EFLOWSH_SURELY_UNSET_VARIABLE%\\x"),
    ("array", "IndexOf", ["arr[str:a,str:b]", "str:b"], "int:1"), ("int[]", "new", ["int:2"], "arr[int:0,int:0]"),
    ("datetime", "Parse", ["str:2024-02-29 13:05:00"], "date:2024-02-29T13:05:00"),
    ("datetime", "Parse", ["str:1/31/2024 3:04 PM"], "date:2024-01-31T15:04:00"),
    ("timespan", "FromSeconds", ["double:90.5"], "ts:00:01:30.5000000"),
    ("timespan", "FromMinutes", ["int:90"], "ts:01:30:00"), ("timespan", "FromHours", ["int:-2"], "ts:-02:00:00"),
    ("timespan", "FromDays", ["double:1.5"], "ts:1.12:00:00"),
    ("guid", "Parse", ["str:{0F8FAD5B-D9CB-469F-A165-70867728950E}"], "guid:0f8fad5b-d9cb-469f-a165-70867728950e"),
  ])
  func staticMethod(_ typeName: String, _ name: String, _ args: [String], _ expected: String) throws {
    #expect(show(try Members.invokeStatic(Self.type(typeName), name, args.map(Self.value))) == expected)
  }

  @Test(arguments: [
    (
      "Math", "Foo", [], "MethodNotFound",
      "Method invocation failed because [System.Math] does not contain a method named 'Foo'."
    ),
    (
      "int", "Parse", ["str:abc"], "FormatException",
      "Exception calling \"Parse\" with \"1\" argument(s): \"Input string was not in a correct format.\""
    ),
    (
      "int", "Parse", ["str:3000000000"], "OverflowException",
      "Exception calling \"Parse\" with \"1\" argument(s): \"Value was either too large or too small for an Int32.\""
    ),
    (
      "System.Net.IPAddress", "Parse", ["str:300.1.1.1"], "FormatException",
      "Exception calling \"Parse\" with \"1\" argument(s): \"An invalid IP address was specified.\""
    ),
    (
      "int", "TryParse", ["str:1", "int:0"], "NonRefArgumentToRefParameterMsg",
      "Argument: '2' should be a System.Management.Automation.PSReference. Use [ref]."
    ),
    (
      "Math", "Round", ["double:1.5", "int:16"], "ArgumentOutOfRangeException",
      "Exception calling \"Round\" with \"2\" argument(s): \"Rounding digits must be between 0 and 15, inclusive. (Parameter 'digits')\""
    ),
    (
      "Math", "Abs", ["int:-2147483648"], "OverflowException",
      "Exception calling \"Abs\" with \"1\" argument(s): \"Negating the minimum value of a twos complement number is invalid.\""
    ),
    (
      "Convert", "FromBase64String", ["str:a!b="], "FormatException",
      "Exception calling \"FromBase64String\" with \"1\" argument(s): \"The input is not a valid Base-64 string as it contains a non-base 64 character, more than two padding characters, or an illegal character among the padding characters.\""
    ),
    (
      "string", "Format", ["str:{1}", "str:a"], "FormatException",
      "Exception calling \"Format\" with \"2\" argument(s): \"Index (zero based) must be greater than or equal to zero and less than the size of the argument list.\""
    ),
    (
      "datetime", "Parse", ["str:31.01.2024"], "FormatException",
      "Exception calling \"Parse\" with \"1\" argument(s): \"String '31.01.2024' was not recognized as a valid DateTime.\""
    ),
    (
      "Environment", "GetEnvironmentVariable", ["str:PATH", "str:Galaxy"],
      "MethodArgumentConversionInvalidCastArgument",
      "Cannot convert argument \"target\", with value: \"Galaxy\", for \"GetEnvironmentVariable\" to type \"System.EnvironmentVariableTarget\": \"Cannot convert value \"Galaxy\" to type \"System.EnvironmentVariableTarget\". Error: \"Unable to match the identifier name Galaxy to a valid enumerator name. Specify one of the following enumerator names and try again:\nProcess, User, Machine\"\""
    ),
  ])
  func staticErrors(_ typeName: String, _ name: String, _ args: [String], _ id: String, _ message: String) throws {
    let t = try Self.type(typeName)
    do {
      let r = try Members.invokeStatic(t, name, args.map(Self.value))
      Issue.record("expected an error, got \(show(r))")
    } catch {
      #expect(error.id == id)
      #expect(error.message == message)
    }
  }

  @Test func nowHonoursSourceDateEpoch() throws {
    let fixed = DateTimeValue(ticks: DateTimeValue.currentTicks(sourceDateEpoch: "1700000000"), kind: .utc)
    #expect(show(.dateTime(fixed)) == "date:2023-11-14T22:13:20Z")
    // Without it the real clock is read.
    let real = DateTimeValue.currentTicks(sourceDateEpoch: nil)
    #expect(real > fixed.ticks)
    #expect(DateTimeValue.currentTicks(sourceDateEpoch: "not a number") >= real)
    guard case .dateTime(let now) = try Members.getStatic(Self.type("System.DateTime"), "Now"),
      case .dateTime(let today) = try Members.getStatic(Self.type("datetime"), "Today")
    else {
      Issue.record("Now and Today must be dates")
      return
    }
    #expect(now.kind == .local && today.kind == .local)
    #expect(today.ticks % DateTimeValue.ticksPerDay == 0 && today.ticks <= now.ticks)
  }

  @Test func tryParseSetsTheReference() throws {
    let n = PSReference(.null)
    #expect(show(try Members.invokeStatic(.int32, "TryParse", [.string("17"), .reference(n)])) == "bool:true")
    #expect(show(n.value) == "int:17")
    #expect(show(try Members.invokeStatic(.int32, "TryParse", [.string("x"), .reference(n)])) == "bool:false")
    #expect(show(n.value) == "int:0")
    let ip = PSReference(.null)
    let ipType = try Self.type("System.Net.IPAddress")
    #expect(show(try Members.invokeStatic(ipType, "TryParse", [.string("10.1.2.3"), .reference(ip)])) == "bool:true")
    #expect(show(ip.value) == "ip:10.1.2.3")
    #expect(show(try Members.invokeStatic(ipType, "TryParse", [.string("nope"), .reference(ip)])) == "bool:false")
    #expect(show(ip.value) == "null")
  }

  @Test func environmentReadsTheProcessEnvironment() throws {
    let path = try Members.invokeStatic(
      Self.type("Environment"), "GetEnvironmentVariable", [.string("PATH"), .string("Machine")])
    #expect(show(path).hasPrefix("str:"))
    let name = try Members.getStatic(Self.type("Environment"), "MachineName")
    #expect(show(name) != "str:" && show(name).hasPrefix("str:"))
    let temp = try Members.invokeStatic(Self.type("IO.Path"), "GetTempPath", [])
    guard case .string(let t) = temp else {
      Issue.record("GetTempPath must give a string")
      return
    }
    #expect(t.hasPrefix("C:\\Users\\") && t.hasSuffix("\\AppData\\Local\\Temp\\"))
  }

  @Test func newGuidGivesALowercaseGuid() throws {
    let g = try Members.invokeStatic(Self.type("guid"), "NewGuid", [])
    guard case .guid = g, case .string(let s) = try Members.invoke(g, "ToString", []) else {
      Issue.record("NewGuid must give a Guid")
      return
    }
    #expect(s.count == 36 && s == s.lowercased())
    #expect(show(try Members.get(g, "Guid")) == "str:" + s)
    #expect(show(g) == "guid:" + s)
    #expect(show(try Members.invoke(g, "GetType", [])) == "type:System.Guid")
  }

  @Test func encodings() throws {
    let encodingType = try Self.type("Text.Encoding")
    let utf8 = try Members.getStatic(encodingType, "UTF8")
    #expect(show(try Members.get(utf8, "WebName")) == "str:utf-8")
    #expect(show(try Members.invoke(utf8, "GetBytes", [.string("hé")])) == "arr[byte:104,byte:195,byte:169]")
    let bytes = Value.array(PSArray([.byte(104), .byte(195), .byte(169)]))
    #expect(show(try Members.invoke(utf8, "GetString", [bytes])) == "str:hé")
    let unicode = try Members.getStatic(encodingType, "Unicode")
    #expect(show(try Members.invoke(unicode, "GetBytes", [.string("A")])) == "arr[byte:65,byte:0]")
    let ascii = try Members.getStatic(encodingType, "ASCII")
    #expect(show(try Members.invoke(ascii, "GetBytes", [.string("aé")])) == "arr[byte:97,byte:63]")
    #expect(show(try Members.invoke(utf8, "GetPreamble", [])) == "arr[byte:239,byte:187,byte:191]")
  }

  @Test func servicePointManagerAcceptsSettings() throws {
    let spm = try Self.type("Net.ServicePointManager")
    try Members.setStatic(spm, "SecurityProtocol", .string("Tls12"))
    try Members.setStatic(spm, "ServerCertificateValidationCallback", .null)
    #expect(show(try Members.getStatic(spm, "SecurityProtocol")) == "str:Tls12")
    #expect(throws: RuntimeError.self) { try Members.setStatic(spm, "SecurityProtocol", .string("Tls99")) }
    #expect(throws: RuntimeError.self) { try Members.setStatic(.int32, "MaxValue", .int32(1)) }
  }

  @Test func arrayReverseIsInPlace() throws {
    let a = PSArray([.int32(1), .int32(2), .int32(3)])
    _ = try Members.invokeStatic(.array(of: .object), "Reverse", [.array(a)])
    #expect(show(.array(a)) == "arr[int:3,int:2,int:1]")
  }
}
