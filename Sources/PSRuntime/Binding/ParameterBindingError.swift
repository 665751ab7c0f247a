/// A parameter binding failure (`ParameterBindingException` and its validation / transformation
/// subclasses), with PowerShell's error id and message (`ParameterBinderStrings.resx`).
/// FullyQualifiedErrorId is `id + "," + command name`.
public struct ParameterBindingError: Error, Equatable, CustomStringConvertible {
  public var id: String
  public var message: String
  /// The parameter the error is about (as PowerShell reports it), if any.
  public var parameterName: String?
  /// `InvalidArgument` for most errors, `InvalidData` for validation and transformation.
  public var category: String
  /// The .NET exception type PowerShell raises.
  public var exceptionType: String

  public static let bindingException = "System.Management.Automation.ParameterBindingException"
  public static let validationException = "System.Management.Automation.ParameterBindingValidationException"
  public static let transformationException =
    "System.Management.Automation.ParameterBindingArgumentTransformationException"

  public init(
    id: String, message: String, parameterName: String? = nil, category: String = "InvalidArgument",
    exceptionType: String = ParameterBindingError.bindingException
  ) {
    self.id = id
    self.message = message
    self.parameterName = parameterName
    self.category = category
    self.exceptionType = exceptionType
  }

  public var description: String { message }

  /// Errors the positional and pipeline passes skip over (a plain `ParameterBindingException`),
  /// as opposed to validation and transformation failures, which always surface.
  var isSoft: Bool { exceptionType == Self.bindingException }

  // MARK: - The messages

  static func namedParameterNotFound(_ name: String) -> Self {
    Self(
      id: "NamedParameterNotFound", message: "A parameter cannot be found that matches parameter name '\(name)'.",
      parameterName: name)
  }

  static func positionalParameterNotFound(_ argument: String) -> Self {
    Self(
      id: "PositionalParameterNotFound",
      message: "A positional parameter cannot be found that accepts argument '\(argument)'.", parameterName: argument)
  }

  static func missingArgument(_ name: String, type: String) -> Self {
    Self(
      id: "MissingArgument",
      message: "Missing an argument for parameter '\(name)'. Specify a parameter of type '\(type)' and try again.",
      parameterName: name)
  }

  static func ambiguousParameter(_ name: String, matches: [String]) -> Self {
    let list = matches.map { " -" + $0 }.joined()
    return Self(
      id: "AmbiguousParameter",
      message:
        "Parameter cannot be processed because the parameter name '\(name)' is ambiguous. Possible matches include:\(list).",
      parameterName: name)
  }

  static func parameterAlreadyBound(_ name: String) -> Self {
    Self(
      id: "ParameterAlreadyBound",
      message:
        "Cannot bind parameter because parameter '\(name)' is specified more than once. To provide multiple values to parameters that can accept multiple values, use the array syntax. For example, \"-parameter value1,value2,value3\".",
      parameterName: name)
  }

  static func ambiguousParameterSet(_ parameter: String? = nil) -> Self {
    Self(
      id: "AmbiguousParameterSet",
      message:
        "Parameter set cannot be resolved using the specified named parameters. One or more parameters issued cannot be used together or an insufficient number of parameters were provided.",
      parameterName: parameter)
  }

  static func ambiguousPositionalParameterNoName() -> Self {
    Self(
      id: "AmbiguousPositionalParameterNoName",
      message: "Cannot bind positional parameters because no names were given.")
  }

  static func missingMandatory(_ names: [String]) -> Self {
    let list = names.map { " " + $0 }.joined()
    return Self(
      id: "MissingMandatoryParameter",
      message: "Cannot process command because of one or more missing mandatory parameters:\(list).",
      parameterName: names.joined(separator: " "))
  }

  /// `Cannot process argument transformation on parameter 'X'. <inner>` (script parameters).
  static func transformation(_ parameter: String, _ inner: String) -> Self {
    Self(
      id: "ParameterArgumentTransformationError",
      message: "Cannot process argument transformation on parameter '\(parameter)'. \(inner)", parameterName: parameter,
      category: "InvalidData", exceptionType: transformationException)
  }

  /// `Cannot validate argument on parameter 'X'. <inner>`.
  static func validation(_ parameter: String, _ inner: String) -> Self {
    Self(
      id: "ParameterArgumentValidationError",
      message: "Cannot validate argument on parameter '\(parameter)'. \(inner)", parameterName: parameter,
      category: "InvalidData", exceptionType: validationException)
  }

  static func nullNotAllowed(_ parameter: String) -> Self {
    Self(
      id: "ParameterArgumentValidationErrorNullNotAllowed",
      message: "Cannot bind argument to parameter '\(parameter)' because it is null.", parameterName: parameter,
      category: "InvalidData", exceptionType: validationException)
  }

  static func emptyStringNotAllowed(_ parameter: String) -> Self {
    Self(
      id: "ParameterArgumentValidationErrorEmptyStringNotAllowed",
      message: "Cannot bind argument to parameter '\(parameter)' because it is an empty string.",
      parameterName: parameter, category: "InvalidData", exceptionType: validationException)
  }

  static func emptyArrayNotAllowed(_ parameter: String) -> Self {
    Self(
      id: "ParameterArgumentValidationErrorEmptyArrayNotAllowed",
      message: "Cannot bind argument to parameter '\(parameter)' because it is an empty array.",
      parameterName: parameter, category: "InvalidData", exceptionType: validationException)
  }

  /// A compiled cmdlet refusing a value outright: `Cannot convert 'System.Object[]' to the type
  /// 'System.String' required by parameter 'X'. Specified method is not supported.`
  static func cannotConvertArgument(_ parameter: String, argument: String, type: String, detail: String) -> Self {
    Self(
      id: "CannotConvertArgument",
      message: "Cannot convert '\(argument)' to the type '\(type)' required by parameter '\(parameter)'. \(detail)",
      parameterName: parameter)
  }

  /// A compiled cmdlet's failed conversion: `Cannot bind parameter 'X'. <inner>`.
  static func cannotConvertArgumentNoMessage(_ parameter: String, _ inner: String) -> Self {
    Self(
      id: "CannotConvertArgumentNoMessage", message: "Cannot bind parameter '\(parameter)'. \(inner)",
      parameterName: parameter)
  }

  static func inputObjectNotBound() -> Self {
    Self(
      id: "InputObjectNotBound",
      message:
        "The input object cannot be bound to any parameters for the command either because the command does not take pipeline input or the input and its properties do not match any of the parameters that take pipeline input."
    )
  }

  static func inputObjectMissingMandatory(_ names: [String]) -> Self {
    // BuildMissingParamsString puts a space before each name, after the template's own space.
    let list = names.map { " " + $0 }.joined()
    return Self(
      id: "InputObjectMissingMandatory",
      message:
        "The input object cannot be bound because it did not contain the information required to bind all mandatory parameters: \(list)",
      parameterName: names.joined(separator: " "))
  }
}
