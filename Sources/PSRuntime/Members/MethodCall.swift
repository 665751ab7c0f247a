/// One call of a .NET method as PowerShell binds it: the method's .NET name (error messages use
/// it), the arguments, PowerShell's argument conversions and its error wrappers.
struct MethodCall {
  /// The .NET name (`Substring`), whatever case the script used.
  let name: String
  let args: [Value]

  init(_ name: String, _ args: [Value]) {
    self.name = MethodCall.canonicalName(name)
    self.args = args
  }

  var count: Int { args.count }

  // MARK: - Errors

  /// `Cannot find an overload for "Substring" and the argument count: "3".`
  var noOverload: RuntimeError {
    RuntimeError(
      id: "MethodCountCouldNotFindBest",
      message: "Cannot find an overload for \"\(name)\" and the argument count: \"\(args.count)\".",
      exceptionType: "System.Management.Automation.MethodException")
  }

  /// Throws the overload error unless the argument count is in `allowed`.
  func arity(_ allowed: ClosedRange<Int>) throws(RuntimeError) {
    guard allowed.contains(args.count) else { throw noOverload }
  }

  func arity(_ n: Int) throws(RuntimeError) { try arity(n...n) }

  /// A .NET exception thrown by the method, in PowerShell's wrapper:
  /// `Exception calling "Substring" with "1" argument(s): "…"`. The error id is the .NET
  /// exception's short type name (`ArgumentOutOfRangeException`), as PowerShell's
  /// FullyQualifiedErrorId shows it; the exception is a MethodInvocationException.
  func exception(_ dotNetType: String, _ message: String) -> RuntimeError {
    RuntimeError(
      id: dotNetType,
      message: "Exception calling \"\(name)\" with \"\(args.count)\" argument(s): \"\(message)\"",
      exceptionType: "System.Management.Automation.MethodInvocationException")
  }

  /// `ArgumentOutOfRangeException` with .NET's `(Parameter 'x')` suffix.
  func outOfRange(_ message: String, _ parameter: String) -> RuntimeError {
    exception("ArgumentOutOfRangeException", "\(message) (Parameter '\(parameter)')")
  }

  /// `ArgumentNullException`: `Value cannot be null. (Parameter 'x')`.
  func nullArgument(_ parameter: String) -> RuntimeError {
    exception("ArgumentNullException", "Value cannot be null. (Parameter '\(parameter)')")
  }

  /// PowerShell's error when an argument does not convert to the parameter's type.
  func conversionFailed(_ index: Int, _ parameter: String, _ type: String, _ inner: RuntimeError) -> RuntimeError {
    let shown = Conversions.toString(args[index])
    return RuntimeError(
      id: "MethodArgumentConversionInvalidCastArgument",
      message:
        "Cannot convert argument \"\(parameter)\", with value: \"\(shown)\", for \"\(name)\" to type \"\(type)\": \"\(inner.message)\"",
      exceptionType: "System.Management.Automation.MethodException")
  }

  // MARK: - Arguments

  /// Argument `i` converted to a .NET `int`.
  func int(_ i: Int, _ parameter: String) throws(RuntimeError) -> Int {
    do {
      guard case .int32(let v) = try Conversions.convert(args[i], to: .int32) else { return 0 }
      return Int(v)
    } catch {
      throw conversionFailed(i, parameter, "System.Int32", error)
    }
  }

  /// Argument `i` converted to a .NET `double`.
  func double(_ i: Int, _ parameter: String) throws(RuntimeError) -> Double {
    do {
      guard case .double(let v) = try Conversions.convert(args[i], to: .double) else { return 0 }
      return v
    } catch {
      throw conversionFailed(i, parameter, "System.Double", error)
    }
  }

  /// Argument `i` as a .NET `string`: `$null` stays null.
  func string(_ i: Int) -> String? {
    if args[i].isNull { return nil }
    return Conversions.toString(args[i])
  }

  /// Argument `i` as a string that must not be null.
  func requiredString(_ i: Int, _ parameter: String) throws(RuntimeError) -> String {
    guard let s = string(i) else { throw nullArgument(parameter) }
    return s
  }

  /// Argument `i` as a .NET `char[]` (a string gives its characters; an array its elements).
  func chars(_ i: Int) -> [UInt16] {
    var out: [UInt16] = []
    for v in args[i].enumerated ?? [args[i]] {
      switch v {
      case .char(let c): out.append(c)
      case .null: break
      default: out.append(contentsOf: Conversions.toString(v).utf16)
      }
    }
    return out
  }

  /// Argument `i` as a .NET `byte[]`.
  func bytes(_ i: Int, _ parameter: String) throws(RuntimeError) -> [UInt8]? {
    if args[i].isNull { return nil }
    var out: [UInt8] = []
    for v in args[i].enumerated ?? [args[i]] {
      do {
        guard case .byte(let b) = try Conversions.convert(v, to: .byte) else { continue }
        out.append(b)
      } catch {
        throw conversionFailed(i, parameter, "System.Byte[]", error)
      }
    }
    return out
  }

  /// Argument `i` as a value of a .NET enum: its name (case-insensitive; flags enums accept
  /// `"A, B"`) or its number.
  func enumValue(_ i: Int, _ parameter: String, _ e: DotNetEnum) throws(RuntimeError) -> Int {
    do {
      return try e.value(of: args[i])
    } catch {
      throw conversionFailed(i, parameter, e.typeName, error)
    }
  }

  /// The `[ref]` argument `i` of a method with an `out` parameter (`TryParse`).
  func reference(_ i: Int) throws(RuntimeError) -> PSReference {
    guard case .reference(let r) = args[i] else {
      throw RuntimeError(
        id: "NonRefArgumentToRefParameterMsg",
        message: "Argument: '\(i + 1)' should be a System.Management.Automation.PSReference. Use [ref].",
        exceptionType: "System.Management.Automation.MethodException")
    }
    return r
  }

  // MARK: - Names

  /// The .NET spelling of a method name, for messages.
  static func canonicalName(_ name: String) -> String {
    canonicalNames[name.lowercased()] ?? name
  }

  static let canonicalNames: [String: String] = {
    let names = [
      "Abs", "Add", "Ceiling", "ChangeExtension", "Clear", "Clone", "Combine", "CompareTo", "Compare", "Concat",
      "Contains", "ContainsKey", "ContainsValue", "Equals", "Escape", "Exp", "ExpandEnvironmentVariables", "Floor",
      "Format", "FromBase64String", "GetAddressBytes", "GetByteCount", "GetBytes", "GetDirectoryName", "GetEncoding",
      "GetEnumerator", "GetEnvironmentVariable", "GetExtension", "GetFileName", "GetFileNameWithoutExtension",
      "GetLength", "GetLowerBound", "GetPathRoot", "GetPreamble", "GetString", "GetTempPath", "GetType",
      "GetUpperBound", "GetValue", "HasExtension", "IndexOf", "IndexOfAny", "Insert", "IsDigit", "IsLetter",
      "IsLetterOrDigit", "IsLower", "IsNullOrEmpty", "IsNullOrWhiteSpace", "IsPathRooted", "IsUpper", "IsWhiteSpace",
      "IsNaN", "IsInfinity", "IsLoopback", "Item", "Join", "LastIndexOf", "LastIndexOfAny", "Log", "Log10", "Max",
      "Min", "NewGuid", "Parse", "PadLeft", "PadRight", "Pow", "Remove", "RemoveAt", "Replace", "Reverse", "Round",
      "SetValue", "Sign", "Split", "Sqrt", "StartsWith", "EndsWith", "Substring", "ToBase64String", "ToBoolean",
      "ToByte", "ToChar", "ToCharArray", "ToDouble", "ToInt32", "ToInt64", "ToLower", "ToLowerInvariant", "ToString",
      "ToUpper", "ToUpperInvariant", "Trim", "TrimEnd", "TrimStart", "Truncate", "TryParse", "new",
      "AddRange", "InsertRange", "RemoveRange", "GetRange", "ToArray", "Sort", "TrimToSize", "TrimExcess", "Exists",
      "Find", "FindAll", "FindIndex", "FindLast", "FindLastIndex", "RemoveAll", "TrueForAll", "CopyTo",
    ]
    var d: [String: String] = [:]
    for n in names { d[n.lowercased()] = n }
    return d
  }()
}

/// A .NET enum that method arguments name (`'OrdinalIgnoreCase'`, `'RemoveEmptyEntries'`).
/// eflowsh has no enum values: enum results are strings of the member name.
struct DotNetEnum: Sendable {
  let typeName: String
  let members: [(name: String, value: Int)]
  let isFlags: Bool

  init(_ typeName: String, _ members: [(String, Int)], flags: Bool = false) {
    self.typeName = typeName
    self.members = members.map { (name: $0.0, value: $0.1) }
    self.isFlags = flags
  }

  /// A member's value from its name or number; PowerShell's conversion error otherwise.
  func value(of v: Value) throws(RuntimeError) -> Int {
    if Conversions.isNumeric(v), case .int32(let i) = try Conversions.convert(v, to: .int32) {
      if isFlags || members.contains(where: { $0.value == Int(i) }) { return Int(i) }
    }
    let text = Conversions.toString(v)
    let parts =
      isFlags ? text.split(separator: ",").map { String($0.trimmingSpaces) } : [text.trimmingCharacters(of: " ")]
    var result = 0
    for p in parts {
      guard let m = members.first(where: { $0.name.caseInsensitiveEquals(p) }) else {
        let list = members.map(\.name).joined(separator: ", ")
        throw RuntimeError(
          id: "InvalidCastFromStringToEnum",
          message:
            "Cannot convert value \"\(text)\" to type \"\(typeName)\". Error: \"Unable to match the identifier name \(text) to a valid enumerator name. Specify one of the following enumerator names and try again:\n\(list)\"",
          exceptionType: "System.Management.Automation.PSInvalidCastException")
      }
      result |= m.value
    }
    return result
  }

  /// The member's name (for enum-valued properties returned as strings).
  func name(_ value: Int) -> String? { members.first { $0.value == value }?.name }

  static let stringComparison = DotNetEnum(
    "System.StringComparison",
    [
      ("CurrentCulture", 0), ("CurrentCultureIgnoreCase", 1), ("InvariantCulture", 2),
      ("InvariantCultureIgnoreCase", 3), ("Ordinal", 4), ("OrdinalIgnoreCase", 5),
    ])
  static let stringSplitOptions = DotNetEnum(
    "System.StringSplitOptions", [("None", 0), ("RemoveEmptyEntries", 1), ("TrimEntries", 2)], flags: true)
  static let midpointRounding = DotNetEnum(
    "System.MidpointRounding",
    [("ToEven", 0), ("AwayFromZero", 1), ("ToZero", 2), ("ToNegativeInfinity", 3), ("ToPositiveInfinity", 4)])
  static let environmentVariableTarget = DotNetEnum(
    "System.EnvironmentVariableTarget", [("Process", 0), ("User", 1), ("Machine", 2)])
  static let addressFamily = DotNetEnum(
    "System.Net.Sockets.AddressFamily",
    [("Unknown", -1), ("Unspecified", 0), ("Unix", 1), ("InterNetwork", 2), ("InterNetworkV6", 23)])
  static let securityProtocolType = DotNetEnum(
    "System.Net.SecurityProtocolType",
    [("SystemDefault", 0), ("Ssl3", 48), ("Tls", 192), ("Tls11", 768), ("Tls12", 3072), ("Tls13", 12288)],
    flags: true)

  /// True when the comparison argument asks to ignore case.
  static func ignoresCase(_ comparison: Int) -> Bool { comparison % 2 == 1 }
}
