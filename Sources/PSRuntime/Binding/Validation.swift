/// The validation attributes (`engine/Attributes.cs`) and the null/empty checks for mandatory
/// parameters (`ParameterBinderBase.ValidateNullOrEmptyArgument`). They run after conversion;
/// failures are `ParameterArgumentValidationError` (`Cannot validate argument on parameter 'X'. …`).
/// Texts are Windows PowerShell's (`Metadata.resx`).
enum Validation {
  static let notNull = "The argument is null. Provide a valid value for the argument, and then try the command again."
  static let notNullCollection = "The argument is null or an element of the argument collection contains a null value."
  static let notNullOrEmpty =
    "The argument is null or empty. Provide an argument that is not null or empty, and then try the command again."
  static let notNullOrEmptyCollection =
    "The argument is null, empty, or an element of the argument collection contains a null value. Supply a collection that does not contain any null values and then try the command again."

  /// Runs every validation attribute of `p` on the converted value.
  static func validate(_ v: Value, _ p: ParameterMetadata, hooks: BindingHooks) throws(ParameterBindingError) {
    let name = p.name
    func fail(_ inner: String) -> ParameterBindingError { .validation(name, inner) }

    if p.validateNotNull {
      if v.isNull { throw fail(notNull) }
      if case .array(let a) = v, a.items.contains(where: { $0.isNull }) { throw fail(notNullCollection) }
    }
    if p.validateNotNullOrEmpty {
      switch v {
      case .null: throw fail(notNullOrEmpty)
      case .string(let s) where s.isEmpty: throw fail(notNullOrEmpty)
      case .array(let a):
        if a.items.isEmpty { throw fail(notNullOrEmptyCollection) }
        for x in a.items {
          if x.isNull { throw fail(notNullOrEmptyCollection) }
          if case .string(let s) = x, s.isEmpty { throw fail(notNullOrEmptyCollection) }
        }
      case .hashtable(let h) where h.count == 0: throw fail(notNullOrEmptyCollection)
      default: break
      }
    }
    if let (min, max) = p.validateCount {
      if let message = countFailure(v, min: min, max: max) { throw fail(message) }
    }
    if let (min, max) = p.validateLength {
      for e in try elements(v, name) {
        if let message = lengthFailure(e, min: min, max: max) { throw fail(message) }
      }
    }
    if let pattern = p.validatePattern {
      for e in try elements(v, name) {
        if let message = patternFailure(e, pattern, custom: p.validatePatternErrorMessage) { throw fail(message) }
      }
    }
    if let (min, max) = p.validateRange {
      for e in try elements(v, name) {
        if let message = rangeFailure(e, min: min, max: max) { throw fail(message) }
      }
    }
    if let kind = p.validateRangeKind {
      for e in try elements(v, name) {
        if let message = rangeKindFailure(e, kind) { throw fail(message) }
      }
    }
    if let set = p.validateSet {
      for e in try elements(v, name) {
        if let message = setFailure(e, set, ignoreCase: p.validateSetIgnoreCase, custom: p.validateSetErrorMessage) {
          throw fail(message)
        }
      }
    }
    if let script = p.validateScript, let run = hooks.validateScript {
      for e in try elements(v, name) {
        if e.isNull { throw fail(notNull) }
        let ok: Bool
        do {
          ok = try run(script, e)
        } catch {
          throw fail(error.message)
        }
        if !ok {
          let format =
            p.validateScriptErrorMessage
            ?? "The \"{1}\" validation script for the argument with value \"{0}\" did not return a result of True. Determine why the validation script failed, and then try the command again."
          throw fail(substitute(format, Conversions.toString(e), script.text))
        }
      }
    }
  }

  /// The items an enumerated validator (`ValidateSet`, `ValidateRange`, …) checks one by one;
  /// `$null` itself fails.
  static func elements(_ v: Value, _ name: String) throws(ParameterBindingError) -> [Value] {
    if v.isNull { throw .validation(name, notNullOrEmptyCollection) }
    return v.enumerated ?? [v]
  }

  static func substitute(_ format: String, _ a: String, _ b: String) -> String {
    replace(replace(format, "{0}", a), "{1}", b)
  }

  /// Every occurrence of `target` replaced (no Foundation).
  static func replace(_ s: String, _ target: String, _ replacement: String) -> String {
    var out = ""
    var rest = Substring(s)
    while let r = rest.firstRange(of: target) {
      out += rest[..<r.lowerBound]
      out += replacement
      rest = rest[r.upperBound...]
    }
    return out + rest
  }

  // MARK: - One validator each

  static func setFailure(_ e: Value, _ set: [String], ignoreCase: Bool, custom: String?) -> String? {
    if e.isNull { return notNull }
    let text = Conversions.toString(e)
    let found = set.contains { ignoreCase ? $0.caseInsensitiveEquals(text) : $0 == text }
    if found { return nil }
    let list = set.joined(separator: ",")
    if let custom { return substitute(custom, text, list) }
    return
      "The argument \"\(text)\" does not belong to the set \"\(list)\" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again."
  }

  static func patternFailure(_ e: Value, _ pattern: String, custom: String?) -> String? {
    if e.isNull { return notNull }
    let text = Conversions.toString(e)
    let regex: Regex<AnyRegexOutput>
    do {
      regex = try Regex(pattern).ignoresCase()
    } catch {
      return "The regular expression pattern \(pattern) is not valid."
    }
    if (try? regex.firstMatch(in: text)) != nil { return nil }
    if let custom { return substitute(custom, text, pattern) }
    return
      "The argument \"\(text)\" does not match the \"\(pattern)\" pattern. Supply an argument that matches \"\(pattern)\" and try the command again."
  }

  static func lengthFailure(_ e: Value, min: Int, max: Int) -> String? {
    guard case .string(let s) = e else {
      return
        "The ValidateLength attribute cannot be applied to a parameter that is not a string or string[] parameter. Make the parameter a string or string[] parameter."
    }
    let n = s.utf16.count
    if n < min {
      return
        "The character length (\(n)) of the argument is too short. Specify an argument with a length that is greater than or equal to \"\(min)\", and then try the command again."
    }
    if n > max {
      return
        "The character length of the \(n) argument is too long. Shorten the character length of the argument so it is fewer than or equal to \"\(max)\" characters, and then try the command again."
    }
    return nil
  }

  static func countFailure(_ v: Value, min: Int, max: Int) -> String? {
    let n: Int
    switch v {
    case .null: n = 0
    case .array(let a): n = a.items.count
    case .hashtable(let h): n = h.count
    case .string(let s): n = s.utf16.count  // a string enumerates its characters
    default:
      return
        "The ValidateCount attribute cannot be applied to a non-array parameter. Either remove the attribute from the parameter or make the parameter an array parameter."
    }
    if min == max && n != max { return "The parameter requires exactly \(max) value(s) - \(n) value(s) were provided." }
    if n < min || n > max {
      return
        "The parameter requires at least \(min) value(s) and no more than \(max) value(s) - \(n) value(s) were provided."
    }
    return nil
  }

  // MARK: - ValidateRange

  /// .NET's type code order, for the common type of the limits (`GetCommonType`).
  static func typeRank(_ v: Value) -> Int? {
    switch v {
    case .byte: return 6
    case .int32: return 9
    case .int64: return 11
    case .double: return 14
    case .decimal: return 15
    default: return nil
    }
  }

  /// The type the limits and the argument are compared in.
  static func rangeType(_ min: Value, _ max: Value) -> PSType? {
    if case .string = min, case .string = max { return .string }
    guard let a = typeRank(min), let b = typeRank(max) else { return nil }
    switch Swift.max(a, b) {
    case ...9: return .int32
    case 11: return .int64
    case 15: return .decimal
    default: return .double
    }
  }

  static func shortTypeName(_ v: Value) -> String {
    let full = v.typeName
    return full.split(separator: ".").last.map(String.init) ?? full
  }

  /// -1, 0, 1 comparing two values of the range type.
  static func compare(_ a: Value, _ b: Value) -> Int {
    switch (a, b) {
    case (.string(let x), .string(let y)):
      let (l, r) = (x.lowercased(), y.lowercased())
      return l < r ? -1 : (l == r ? 0 : 1)
    case (.decimal(let x), .decimal(let y)):
      return x < y ? -1 : (x == y ? 0 : 1)
    default:
      if let x = Conversions.asInt64(a), let y = Conversions.asInt64(b) { return x < y ? -1 : (x == y ? 0 : 1) }
      let (x, y) = (Conversions.asDouble(a), Conversions.asDouble(b))
      return x < y ? -1 : (x == y ? 0 : 1)
    }
  }

  static func rangeFailure(_ e: Value, min: Value, max: Value) -> String? {
    if e.isNull { return notNull }
    guard let type = rangeType(min, max),
      let lo = try? Conversions.convert(min, to: type), let hi = try? Conversions.convert(max, to: type)
    else { return nil }
    guard let x = try? ArgumentConversion.cast(e, to: type) else {
      let limit = shortTypeName(lo)
      return
        "The argument cannot be validated because its type \"\(shortTypeName(e))\" is not the same type (\(limit)) as the maximum and minimum limits of the parameter. Make sure the argument is of type \(limit) and then try the command again."
    }
    let shown = Conversions.toString(x)
    if compare(lo, x) > 0 {
      return
        "The \(shown) argument is less than the minimum allowed range of \(Conversions.toString(lo)). Supply an argument that is greater than or equal to \(Conversions.toString(lo)) and then try the command again."
    }
    if compare(hi, x) < 0 {
      return
        "The \(shown) argument is greater than the maximum allowed range of \(Conversions.toString(hi)). Supply an argument that is less than or equal to \(Conversions.toString(hi)) and then try the command again."
    }
    return nil
  }

  static func rangeKindFailure(_ e: Value, _ kind: ValidateRangeKind) -> String? {
    if e.isNull { return notNull }
    guard let type = rangeType(.int32(0), e), let x = try? ArgumentConversion.cast(e, to: type) else {
      return
        "The argument cannot be validated because its type \"\(shortTypeName(e))\" is not the same type (Int32) as the maximum and minimum limits of the parameter. Make sure the argument is of type Int32 and then try the command again."
    }
    let zero = (try? Conversions.convert(.int32(0), to: type)) ?? .int32(0)
    let c = compare(x, zero)
    let shown = Conversions.toString(x)
    switch kind {
    case .positive where c <= 0:
      return "The argument \"\(shown)\" cannot be validated because its value is not greater than zero."
    case .nonNegative where c < 0:
      return "The argument \"\(shown)\" cannot be validated because its value is not greater than or equal to zero."
    case .negative where c >= 0:
      return "The argument \"\(shown)\" cannot be validated because its value is not less than zero."
    case .nonPositive where c > 0:
      return "The argument \"\(shown)\" cannot be validated because its value is not less than or equal to zero."
    default:
      return nil
    }
  }

  // MARK: - Mandatory parameters

  /// A mandatory parameter refuses `$null`, `''` (string parameters) and `@()` (array
  /// parameters) unless `[AllowNull()]`, `[AllowEmptyString()]`, `[AllowEmptyCollection()]`.
  static func checkMandatoryValue(_ v: Value, _ p: ParameterMetadata) throws(ParameterBindingError) {
    try checkNullOrEmpty(v, type: p.type, p, recurse: true)
  }

  static func checkNullOrEmpty(_ v: Value, type: PSType?, _ p: ParameterMetadata, recurse: Bool)
    throws(ParameterBindingError)
  {
    if v.isNull {
      if !p.allowNull { throw .nullNotAllowed(p.name) }
      return
    }
    if type == .string {
      if case .string(let s) = v, s.isEmpty, !p.allowEmptyString { throw .emptyStringNotAllowed(p.name) }
      return
    }
    guard recurse, case .array(let element)? = type, case .array(let a) = v else { return }
    if ArgumentConversion.isReferenceType(element) || element == .string {
      for x in a.items { try checkNullOrEmpty(x, type: element, p, recurse: false) }
    }
    if a.items.isEmpty && !p.allowEmptyCollection { throw .emptyArrayNotAllowed(p.name) }
  }
}
