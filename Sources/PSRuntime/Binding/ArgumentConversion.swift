/// Turning an argument into a parameter's type, as PowerShell does for script parameters
/// (`ArgumentTypeConverterAttribute`) and for compiled cmdlets (`ParameterBinderBase.CoerceTypeAsNeeded`).
enum ArgumentConversion {
  // MARK: - Without conversion

  /// The argument when it already has the parameter's type (`ShouldContinueUncoercedBind`):
  /// positional and pipeline binding try this before converting. A scalar is wrapped for an
  /// array parameter whose element type it has. Nil when a conversion would be needed.
  static func exact(_ v: Value, _ type: PSType?) -> Value? {
    guard let type else { return v }
    if v.isNull { return isReferenceType(type) ? v : nil }
    if case .array(let element) = type {
      if case .array(let a) = v {
        guard a.isFixedSize else { return nil }
        if element == .object { return v }
        for x in a.items where !isInstance(x, element) { return nil }
        return .array(PSArray(a.items))
      }
      return isInstance(v, element) ? .array(PSArray([v])) : nil
    }
    return isInstance(v, type) ? v : nil
  }

  /// True when a value of this runtime type is already an instance of `type`.
  static func isInstance(_ v: Value, _ type: PSType) -> Bool {
    switch (type, v) {
    case (.object, _): return true
    case (.bool, .bool), (.int32, .int32), (.int64, .int64), (.double, .double), (.decimal, .decimal),
      (.byte, .byte), (.char, .char), (.string, .string), (.pscustomobject, .object), (.ipAddress, .ipAddress),
      (.version, .version), (.type, .type), (.scriptBlock, .scriptBlock), (.reference, .reference):
      return true
    case (.hashtable, .hashtable(let h)): return !h.isOrdered
    case (.ordered, .hashtable(let h)): return h.isOrdered
    case (.array(let element), .array(let a)):
      return a.isFixedSize && (element == .object || a.items.allSatisfy { isInstance($0, element) })
    case (.arrayList, .array(let a)): return a.kind == .arrayList
    case (.list(let element), .array(let a)): return a.kind == .list(element)
    default: return false
    }
  }

  /// Types `$null` is an instance of (classes, not value types or strings).
  static func isReferenceType(_ type: PSType) -> Bool {
    switch type {
    case .object, .array, .arrayList, .list, .hashtable, .ordered, .pscustomobject, .ipAddress, .version, .type, .scriptBlock,
      .reference, .staticClass:
      return true
    default:
      return false
    }
  }

  static func isBoolType(_ type: PSType) -> Bool { type == .bool || type == .switchParameter }

  // MARK: - Script parameters

  /// The `[type]` constraint of a function parameter applied to an argument. Failures are
  /// `ParameterArgumentTransformationError`. `advanced` (`[CmdletBinding()]`) refuses to turn
  /// an array into a string and checks each element of a `[bool[]]`.
  static func scriptConvert(
    _ value: Value, type: PSType?, parameter name: String, advanced: Bool
  ) throws(ParameterBindingError) -> Value {
    guard let type else { return value }
    var v = value
    if type == .reference {
      guard case .reference = v else { throw .transformation(name, "Reference type is expected in argument.") }
      return v
    }
    if case .reference(let r) = v { v = r.value }
    if advanced, type == .string, case .array = v {
      throw .transformation(name, "Cannot convert value to type System.String.")
    }
    if isBoolType(type) { try checkBool(v, type, name) }
    if advanced, case .array(let element) = type, isBoolType(element) {
      for x in v.enumerated ?? [v] { try checkBool(x, element, name) }
    }
    do {
      return try cast(v, to: type)
    } catch {
      throw .transformation(name, error.message)
    }
  }

  /// Boolean and switch parameters take only Booleans and numbers (`-Force:"false"` is an error).
  static func checkBool(_ v: Value, _ type: PSType, _ name: String) throws(ParameterBindingError) {
    let shown: String
    switch v {
    case .bool, .int32, .int64, .double, .decimal, .byte: return
    case .null:
      guard type == .bool else { return }
      shown = ""
    default:
      shown = v.typeName
    }
    throw .transformation(
      name,
      "Cannot convert value \"\(shown)\" to type \"\(type.description)\". Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0."
    )
  }

  /// A cast with the binder's rules on top of `Conversions.convert`: `$null` stays `$null` for an
  /// array parameter and is `$false` for a switch; a collection of other than one element is
  /// not a number, a char or a Boolean.
  static func cast(_ v: Value, to type: PSType) throws(RuntimeError) -> Value {
    switch type {
    case .object:
      return v
    case .array:
      if v.isNull { return .null }
      return try Conversions.convert(v, to: type)
    case .switchParameter:
      return .bool(Conversions.toBool(v))
    case .int32, .int64, .double, .decimal, .byte, .char:
      if case .array(let a) = v, a.items.count != 1 {
        throw RuntimeError(
          id: "ConvertToFinalInvalidCastException",
          message:
            "Cannot convert the \"System.Object[]\" value of type \"System.Object[]\" to type \"\(type.description)\".",
          exceptionType: "System.Management.Automation.PSInvalidCastException")
      }
      if case .array(let a) = v { return try Conversions.convert(a.items[0], to: type) }
      return try Conversions.convert(v, to: type)
    default:
      return try Conversions.convert(v, to: type)
    }
  }

  // MARK: - Compiled cmdlets

  /// The conversion a compiled cmdlet's binder applies (`CoerceTypeAsNeeded`): Booleans only
  /// from Booleans and numbers, no collection into a scalar parameter unless it is `[object]`,
  /// other failures as `Cannot bind parameter 'X'. …`.
  static func cmdletConvert(_ value: Value, type: PSType?, parameter name: String) throws(ParameterBindingError)
    -> Value
  {
    guard let type else { return value }
    if value.isNull {
      switch type {
      case .bool:
        throw ParameterBindingError(
          id: "ParameterArgumentValidationErrorNullNotAllowed",
          message: "Cannot bind argument to parameter '\(name)' because it is null.", parameterName: name)
      case .switchParameter:
        return .bool(true)  // SwitchParameter.Present
      case .array, .string:
        return .null
      default:
        break
      }
    }
    if isBoolType(type) {
      switch value {
      case .bool: return value
      case .int32, .int64, .double, .decimal, .byte: return .bool(Conversions.toBool(value))
      default:
        throw .cannotConvertArgument(name, argument: value.typeName, type: type.description, detail: "")
      }
    }
    if case .array(let element) = type {
      var out: [Value] = []
      for x in value.enumerated ?? [value] {
        do {
          out.append(try cast(x, to: element))
        } catch {
          throw .cannotConvertArgumentNoMessage(name, error.message)
        }
      }
      return .array(PSArray(out))
    }
    if case .array = value {
      throw .cannotConvertArgument(
        name, argument: value.typeName, type: type.description, detail: "Specified method is not supported.")
    }
    do {
      return try cast(value, to: type)
    } catch {
      throw .cannotConvertArgumentNoMessage(name, error.message)
    }
  }

  // MARK: - Common parameters

  /// A common parameter's argument (common parameters are always bound as a compiled cmdlet's).
  static func common(_ value: Value, _ c: CommonParameter) throws(ParameterBindingError) -> Value {
    if c.isSwitch { return try cmdletConvert(value, type: .switchParameter, parameter: c.name) }
    if c.isActionPreference { return try actionPreference(value, c.name) }
    return try cmdletConvert(value, type: c.type, parameter: c.name)
  }

  /// An ActionPreference by name (case-insensitive) or number, as its canonical name.
  static func actionPreference(_ value: Value, _ name: String) throws(ParameterBindingError) -> Value {
    let names = CommonParameter.actionPreferenceNames
    let type = CommonParameter.actionPreferenceTypeName
    switch value {
    case .null:
      throw ParameterBindingError(
        id: "ParameterArgumentValidationErrorNullNotAllowed",
        message: "Cannot bind argument to parameter '\(name)' because it is null.", parameterName: name)
    case .array:
      throw .cannotConvertArgument(
        name, argument: value.typeName, type: type, detail: "Specified method is not supported.")
    case .int32, .int64, .byte:
      if let i = Conversions.asInt64(value), i >= 0, i < Int64(names.count) { return .string(names[Int(i)]) }
    default:
      let text = Conversions.toString(value).trimmingCharacters(of: " ")
      if let n = names.first(where: { $0.caseInsensitiveEquals(text) }) { return .string(n) }
    }
    let text = Conversions.toString(value)
    throw .cannotConvertArgumentNoMessage(
      name,
      "Cannot convert value \"\(text)\" to type \"\(type)\". Error: \"Unable to match the identifier name \(text) to a valid enumerator name. Specify one of the following enumerator names and try again:\n\(names.joined(separator: ", "))\""
    )
  }

  // MARK: - Display

  /// A value as .NET's `ToString()` shows it in binding messages: arrays as `System.Object[]`,
  /// `$null` as `$null`.
  static func display(_ v: Value) -> String {
    switch v {
    case .null: return "$null"
    case .array, .hashtable: return v.typeName
    default: return Conversions.toString(v)
    }
  }
}
