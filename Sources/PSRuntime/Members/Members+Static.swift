import FoundationEssentials

/// Static members: `[Type]::Name` and `[Type]::Method(args)`.
///
/// Values eflowsh has no case for are represented by what scripts mostly do with them:
/// - Enum members (`[Net.SecurityProtocolType]::Tls12`, `[StringComparison]::Ordinal`) are
///   strings of the member name; methods taking enums accept those names.
/// - `[Net.ServicePointManager]::SecurityProtocol` reads `Tls12`; setting it (or the other
///   ServicePointManager properties) is accepted and has no effect.
/// - `[DateTime]`, `[TimeSpan]` and `[Guid]` statics are in Members+DateTime.swift.
extension Members {
  /// `[Type]::Name`. `machineName` is the simulated host's name when the caller knows it (the
  /// interpreter does: `Interpreter.machineName`); without it, the process environment's or
  /// `EFLOWHOST`. It is asked only for `[Environment]::MachineName`, since finding it may read state.
  public static func getStatic(
    _ type: PSType, _ name: String, machineName: @autoclosure () -> String? = nil
  ) throws(RuntimeError) -> Value {
    let key = name.lowercased()
    switch type {
    case .int32, .int64, .byte, .double, .decimal, .char, .bool:
      return numericStaticProperty(type, key) ?? .null
    case .string:
      return key == "empty" ? .string("") : .null
    case .ipAddress:
      return ipAddressStaticProperty(key).map { .ipAddress($0) } ?? .null
    case .staticClass(let className):
      return try staticClassProperty(className, key, machineName: machineName) ?? .null
    case .dateTime:
      return dateTimeStaticProperty(key) ?? .null
    case .timeSpan:
      return timeSpanStaticProperty(key) ?? .null
    case .guid:
      return key == "empty" ? .guid(UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))) : .null
    default:
      return .null
    }
  }

  public static func setStatic(_ type: PSType, _ name: String, _ newValue: Value) throws(RuntimeError) {
    if case .staticClass("System.Net.ServicePointManager") = type {
      let key = name.lowercased()
      if key == "securityprotocol" {
        do {
          _ = try DotNetEnum.securityProtocolType.value(of: newValue)
        } catch {
          throw RuntimeError(
            id: "ExceptionWhenSetting",
            message: "Exception setting \"SecurityProtocol\": \"\(error.message)\"",
            exceptionType: "System.Management.Automation.SetValueInvocationException")
        }
        return
      }
      if servicePointManagerProperty(key) != nil { return }
    }
    if try !getStatic(type, name).isNull {
      throw RuntimeError(
        id: "PropertyAssignmentException", message: "'\(name)' is a ReadOnly property.",
        exceptionType: "System.Management.Automation.SetValueInvocationException")
    }
    throw propertyNotFound(name)
  }

  public static func invokeStatic(_ type: PSType, _ name: String, _ args: [Value]) throws(RuntimeError) -> Value {
    let c = MethodCall(name, args)
    let key = name.lowercased()
    let result: Value?
    switch type {
    case .int32, .int64, .byte, .double, .decimal, .bool:
      result = try numericStaticMethod(type, key, c)
    case .string:
      result = try stringStaticMethod(key, c)
    case .char:
      result = try charStaticMethod(key, c)
    case .ipAddress:
      result = try ipAddressStaticMethod(key, c)
    case .version:
      result = try versionStaticMethod(key, c)
    case .hashtable, .ordered:
      if key == "new" {
        try c.arity(0...1)
        result = .hashtable(PSHashtable(ordered: type == .ordered))
      } else {
        result = nil
      }
    case .pscustomobject:
      if key == "new" {
        try c.arity(0)
        result = .object(PSObject())
      } else {
        result = nil
      }
    case .array(let element):
      result = try arrayStaticMethod(element, key, c)
    case .arrayList, .list:
      result = key == "new" ? try listConstructor(type, c) : nil
    case .staticClass(let className):
      result = try staticClassMethod(className, key, c)
    case .dateTime:
      result = try dateTimeStaticMethod(key, c)
    case .timeSpan:
      result = try timeSpanStaticMethod(key, c)
    case .guid:
      result = try guidStaticMethod(key, c)
    default:
      result = nil
    }
    if let r = result { return r }
    throw methodNotFound(typeName: type.description, name)
  }

  // MARK: - Static classes

  static func staticClassProperty(
    _ className: String, _ key: String, machineName: () -> String?
  ) throws(RuntimeError) -> Value? {
    switch className {
    case "System.Math": return mathStaticProperty(key)
    case "System.IO.Path": return pathStaticProperty(key)
    case "System.Environment": return environmentStaticProperty(key) { SimulatedHost.machineName(machineName()) }
    case "System.Text.Encoding": return encodingStaticProperty(key)
    case "System.Net.ServicePointManager": return servicePointManagerProperty(key)
    default:
      if let e = enumTypes[className] {
        return e.members.first { $0.name.lowercased() == key }.map { .string($0.name) }
      }
      return nil
    }
  }

  static func staticClassMethod(_ className: String, _ key: String, _ c: MethodCall) throws(RuntimeError) -> Value? {
    switch className {
    case "System.Math": return try mathStaticMethod(key, c)
    case "System.IO.Path": return try pathStaticMethod(key, c)
    case "System.Environment": return try environmentStaticMethod(key, c)
    case "System.Text.Encoding": return try encodingStaticMethod(key, c)
    case "System.Convert": return try convertStaticMethod(key, c)
    case regexTypeName: return try regexStaticMethod(key, c)
    default: return nil
    }
  }

  /// The enums whose members read as strings.
  static let enumTypes: [String: DotNetEnum] = [
    "System.Net.SecurityProtocolType": .securityProtocolType,
    "System.StringComparison": .stringComparison,
    "System.StringSplitOptions": .stringSplitOptions,
    "System.MidpointRounding": .midpointRounding,
    "System.EnvironmentVariableTarget": .environmentVariableTarget,
    "System.Net.Sockets.AddressFamily": .addressFamily,
  ]


  static func servicePointManagerProperty(_ key: String) -> Value? {
    switch key {
    case "securityprotocol": return .string("Tls12")
    case "servercertificatevalidationcallback": return .null
    case "expect100continue", "usenaglealgorithm": return .bool(true)
    case "checkcertificaterevocationlist", "enablednsroundrobin": return .bool(false)
    case "defaultconnectionlimit": return .int32(2)
    case "maxservicepointidletime": return .int32(100_000)
    case "dnsrefreshtimeout": return .int32(120_000)
    default: return nil
    }
  }

  // MARK: - [Environment]

  static func environmentStaticProperty(_ key: String, machineName: () -> String) -> Value? {
    switch key {
    case "newline": return .string(SimulatedHost.newLine)
    case "machinename", "userdomainname": return .string(machineName())
    case "username": return .string(SimulatedHost.userName)
    case "osversion": return .string(SimulatedHost.osVersion)
    case "is64bitoperatingsystem", "is64bitprocess": return .bool(true)
    case "systemdirectory": return .string("C:\\WINDOWS\\system32")
    default: return nil
    }
  }

  static func environmentStaticMethod(_ key: String, _ c: MethodCall) throws(RuntimeError) -> Value? {
    switch key {
    case "getenvironmentvariable":
      // Every target (Process, User, Machine) reads this process's environment.
      try c.arity(1...2)
      let name = try c.requiredString(0, "variable")
      if c.count == 2 { _ = try c.enumValue(1, "target", .environmentVariableTarget) }
      return SimulatedHost.environmentVariable(name).map(Value.string) ?? .null
    case "expandenvironmentvariables":
      try c.arity(1)
      let s = try c.requiredString(0, "name")
      var out = ""
      var rest = Substring(s)
      while let open = rest.firstIndex(of: "%") {
        out += rest[..<open]
        let after = rest[rest.index(after: open)...]
        guard let close = after.firstIndex(of: "%") else {
          rest = rest[open...]
          break
        }
        let name = String(after[..<close])
        if let v = SimulatedHost.environmentVariable(name) {
          out += v
          rest = after[after.index(after: close)...]
        } else {
          out += "%" + name
          rest = after[close...]
        }
      }
      return .string(out + rest)
    default:
      return nil
    }
  }

  // MARK: - [string], [char]

  static func stringStaticMethod(_ key: String, _ c: MethodCall) throws(RuntimeError) -> Value? {
    /// `params object[]` arguments: a single array argument is the list itself.
    func spread(from i: Int) -> [Value] {
      let rest = Array(c.args.dropFirst(i))
      if rest.count == 1, let items = rest[0].enumerated { return items }
      return rest
    }
    switch key {
    case "isnullorempty":
      try c.arity(1)
      return .bool((c.string(0) ?? "").isEmpty)
    case "isnullorwhitespace":
      try c.arity(1)
      return .bool((c.string(0) ?? "").utf16.allSatisfy(isWhiteSpace))
    case "join":
      guard c.count >= 2 else { throw c.noOverload }
      let sep = c.string(0) ?? ""
      return .string(spread(from: 1).map(Conversions.toString).joined(separator: sep))
    case "concat":
      return .string(spread(from: 0).map(Conversions.toString).joined())
    case "format":
      guard c.count >= 1 else { throw c.noOverload }
      guard let format = c.string(0) else { throw c.nullArgument("format") }
      do {
        return .string(try CompositeFormat.formatUnwrapped(format, spread(from: 1).map(formatArgument)))
      } catch {
        throw c.exception("FormatException", error.message)
      }
    case "compare":
      try c.arity(2...3)
      guard let a = c.string(0) else { return .int32(c.args[1].isNull ? 0 : -1) }
      guard let b = c.string(1) else { return .int32(1) }
      let ignoreCase = try comparisonIgnoresCase(c, from: 2)
      if c.count == 3, case .string = c.args[2],
        try c.enumValue(2, "comparisonType", .stringComparison) >= 4
      {
        let x = ignoreCase ? a.utf16.map(foldCase) : Array(a.utf16)
        let y = ignoreCase ? b.utf16.map(foldCase) : Array(b.utf16)
        return sign(x.lexicographicallyPrecedes(y) ? -1 : (x == y ? 0 : 1))
      }
      return sign(cultureCompare(a, b, ignoreCase: ignoreCase))
    case "equals":
      try c.arity(2...3)
      guard let a = c.string(0), let b = c.string(1) else { return .bool(c.args[0].isNull && c.args[1].isNull) }
      let ignoreCase = try comparisonIgnoresCase(c, from: 2)
      return .bool(ignoreCase ? a.utf16.map(foldCase) == b.utf16.map(foldCase) : Array(a.utf16) == Array(b.utf16))
    case "new":
      try c.arity(1...2)
      if c.count == 2 {
        guard case .char(let ch) = try? Conversions.convert(c.args[0], to: .char) else {
          throw c.conversionFailed(
            0, "c", "System.Char", RuntimeError(id: "", message: "String must be exactly one character long."))
        }
        let n = try c.int(1, "count")
        if n < 0 { throw c.outOfRange("Non-negative number required.", "count") }
        return .string(text([UInt16](repeating: ch, count: n)))
      }
      return .string(text(c.chars(0)))
    default:
      return nil
    }
  }

  static func charStaticMethod(_ key: String, _ c: MethodCall) throws(RuntimeError) -> Value? {
    let tests: [String: (Unicode.Scalar.Properties) -> Bool] = [
      "isdigit": { $0.numericType == .decimal },
      "isletter": { $0.isAlphabetic && $0.generalCategory != .letterNumber && $0.generalCategory != .otherNumber },
      "isletterordigit": { $0.isAlphabetic || $0.numericType == .decimal },
      "iswhitespace": { $0.isWhitespace },
      "isupper": { $0.generalCategory == .uppercaseLetter },
      "islower": { $0.generalCategory == .lowercaseLetter },
      "ispunctuation": {
        [
          .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
          .finalPunctuation, .otherPunctuation,
        ].contains($0.generalCategory)
      },
    ]
    func unit() throws(RuntimeError) -> UInt16 {
      if c.count == 2 {
        let s = Array(try c.requiredString(0, "s").utf16)
        let i = try c.int(1, "index")
        guard i >= 0, i < s.count else {
          throw c.outOfRange(
            "Index was out of range. Must be non-negative and less than the size of the collection.", "index")
        }
        return s[i]
      }
      do {
        guard case .char(let ch) = try Conversions.convert(c.args[0], to: .char) else { return 0 }
        return ch
      } catch {
        throw c.conversionFailed(0, "c", "System.Char", error)
      }
    }
    if let test = tests[key] {
      try c.arity(1...2)
      let u = try unit()
      return .bool(Unicode.Scalar(u).map { test($0.properties) } ?? false)
    }
    switch key {
    case "toupper", "toupperinvariant", "tolower", "tolowerinvariant":
      try c.arity(1...2)
      let u = try unit()
      let mapped = Array(mapCase(text([u]), upper: key.hasPrefix("toupper")).utf16)
      return .char(mapped.count == 1 ? mapped[0] : u)
    default:
      return nil
    }
  }

  // MARK: - [ipaddress], [version], [guid], arrays

  static func ipAddressStaticProperty(_ key: String) -> IPAddressValue? {
    switch key {
    case "any": return IPAddressValue(bytes: [0, 0, 0, 0])
    case "broadcast", "none": return IPAddressValue(bytes: [255, 255, 255, 255])
    case "loopback": return IPAddressValue(bytes: [127, 0, 0, 1])
    case "ipv6any", "ipv6none": return IPAddressValue(bytes: Array(repeating: 0, count: 16))
    case "ipv6loopback": return IPAddressValue(bytes: Array(repeating: 0, count: 15) + [1])
    default: return nil
    }
  }

  static func ipAddressStaticMethod(_ key: String, _ c: MethodCall) throws(RuntimeError) -> Value? {
    switch key {
    case "parse":
      try c.arity(1)
      let s = try c.requiredString(0, "ipString")
      guard let a = IPAddressValue(parsing: s) else {
        throw c.exception("FormatException", "An invalid IP address was specified.")
      }
      return .ipAddress(a)
    case "tryparse":
      try c.arity(2)
      let ref = try c.reference(1)
      guard let s = c.string(0), let a = IPAddressValue(parsing: s) else {
        ref.value = .null
        return .bool(false)
      }
      ref.value = .ipAddress(a)
      return .bool(true)
    case "isloopback":
      try c.arity(1)
      guard case .ipAddress(let a) = c.args[0] else {
        if c.args[0].isNull { throw c.nullArgument("address") }
        throw c.conversionFailed(
          0, "address", "System.Net.IPAddress", RuntimeError(id: "", message: "An invalid IP address was specified."))
      }
      return .bool(a.isIPv4 ? a.bytes[0] == 127 : a.bytes == Array(repeating: 0, count: 15) + [1])
    case "new":
      try c.arity(1...2)
      switch c.args[0] {
      case .int32, .int64, .byte:
        guard case .int64(let n) = try Conversions.convert(c.args[0], to: .int64) else { return nil }
        guard n >= 0, n <= 0xFFFF_FFFF else {
          throw c.outOfRange("Specified argument was out of the range of valid values.", "newAddress")
        }
        return .ipAddress(
          IPAddressValue(bytes: [UInt8(n & 0xFF), UInt8(n >> 8 & 0xFF), UInt8(n >> 16 & 0xFF), UInt8(n >> 24)]))
      default:
        guard let bytes = try c.bytes(0, "address") else { throw c.nullArgument("address") }
        guard bytes.count == 4 || bytes.count == 16 else {
          throw c.exception("ArgumentException", "An invalid IP address was specified. (Parameter 'address')")
        }
        return .ipAddress(IPAddressValue(bytes: bytes))
      }
    default:
      return nil
    }
  }

  static func versionStaticMethod(_ key: String, _ c: MethodCall) throws(RuntimeError) -> Value? {
    switch key {
    case "parse":
      try c.arity(1)
      let s = try c.requiredString(0, "input")
      guard let v = VersionValue(parsing: s) else {
        let n = s.split(separator: ".", omittingEmptySubsequences: false).count
        if n < 2 || n > 4 {
          throw c.exception(
            "ArgumentException", "Version string portion was too short or too long. (Parameter 'input')")
        }
        throw c.exception("FormatException", FormatMessages.invalidString)
      }
      return .version(v)
    case "tryparse":
      try c.arity(2)
      let ref = try c.reference(1)
      guard let s = c.string(0), let v = VersionValue(parsing: s) else {
        ref.value = .null
        return .bool(false)
      }
      ref.value = .version(v)
      return .bool(true)
    case "new":
      if c.count == 0 { return .version(VersionValue(parsing: "0.0")!) }
      if c.count == 1 {
        let s = try c.requiredString(0, "version")
        guard let v = VersionValue(parsing: s) else {
          throw c.exception(
            "ArgumentException", "Version string portion was too short or too long. (Parameter 'input')")
        }
        return .version(v)
      }
      try c.arity(2...4)
      var parts: [Int] = []
      let names = ["major", "minor", "build", "revision"]
      for i in 0..<c.count {
        let n = try c.int(i, names[i])
        if n < 0 { throw c.outOfRange("Version's parameters must be greater than or equal to zero.", names[i]) }
        parts.append(n)
      }
      return .version(VersionValue(parsing: parts.map(String.init).joined(separator: "."))!)
    default:
      return nil
    }
  }

  static func guidStaticMethod(_ key: String, _ c: MethodCall) throws(RuntimeError) -> Value? {
    switch key {
    case "newguid":
      try c.arity(0)
      return .guid(UUID())
    case "parse", "tryparse":
      try c.arity(key == "parse" ? 1...1 : 2...2)
      let uuid = Conversions.parseGuid(c.string(0) ?? "")
      if key == "tryparse" {
        let ref = try c.reference(1)
        ref.value = .guid(uuid ?? UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)))
        return .bool(uuid != nil)
      }
      guard let u = uuid else { throw c.exception("FormatException", "Unrecognized Guid format.") }
      return .guid(u)
    default:
      return nil
    }
  }

  /// `[array]`/`[T[]]` statics: `new(n)`, `IndexOf`, `LastIndexOf`, `Reverse` (in place).
  static func arrayStaticMethod(_ element: PSType, _ key: String, _ c: MethodCall) throws(RuntimeError) -> Value? {
    func array(_ i: Int) throws(RuntimeError) -> PSArray {
      guard case .array(let a) = c.args[i] else {
        if c.args[i].isNull { throw c.nullArgument("array") }
        throw c.conversionFailed(
          i, "array", "System.Array", RuntimeError(id: "", message: "Specified cast is not valid."))
      }
      return a
    }
    switch key {
    case "new":
      try c.arity(1)
      let n = try c.int(0, "length")
      if n < 0 { throw c.exception("OverflowException", "Arithmetic operation resulted in an overflow.") }
      let fill: Value
      switch element {
      case .int32: fill = .int32(0)
      case .int64: fill = .int64(0)
      case .byte: fill = .byte(0)
      case .double: fill = .double(0)
      case .decimal: fill = .decimal(0)
      case .bool: fill = .bool(false)
      case .char: fill = .char(0)
      default: fill = .null
      }
      return .array(PSArray(Array(repeating: fill, count: n)))
    case "indexof", "lastindexof":
      try c.arity(2)
      let items = try array(0).items
      let found =
        key == "indexof"
        ? items.firstIndex { strictEquals($0, c.args[1]) } : items.lastIndex { strictEquals($0, c.args[1]) }
      return .int32(Int32(found ?? -1))
    case "reverse":
      try c.arity(1)
      let a = try array(0)
      a.items.reverse()
      return .null
    default:
      return nil
    }
  }
}
