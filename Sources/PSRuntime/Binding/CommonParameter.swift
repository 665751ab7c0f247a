/// The parameters every advanced function and cmdlet accepts (`engine/CommonCommandParameters.cs`),
/// plus `-WhatIf`/`-Confirm` for commands that declare `SupportsShouldProcess`.
public enum CommonParameter: String, CaseIterable, Sendable {
  case verbose = "Verbose"
  case debug = "Debug"
  case errorAction = "ErrorAction"
  case warningAction = "WarningAction"
  case informationAction = "InformationAction"
  case errorVariable = "ErrorVariable"
  case warningVariable = "WarningVariable"
  case informationVariable = "InformationVariable"
  case outVariable = "OutVariable"
  case outBuffer = "OutBuffer"
  case pipelineVariable = "PipelineVariable"
  case whatIf = "WhatIf"
  case confirm = "Confirm"

  /// The ActionPreference names, in enum order (`SilentlyContinue` = 0 … `Break` = 6).
  public static let actionPreferenceNames = [
    "SilentlyContinue", "Stop", "Continue", "Inquire", "Ignore", "Suspend", "Break",
  ]

  static let actionPreferenceTypeName = "System.Management.Automation.ActionPreference"

  public var name: String { rawValue }

  public var alias: String {
    switch self {
    case .verbose: return "vb"
    case .debug: return "db"
    case .errorAction: return "ea"
    case .warningAction: return "wa"
    case .informationAction: return "infa"
    case .errorVariable: return "ev"
    case .warningVariable: return "wv"
    case .informationVariable: return "iv"
    case .outVariable: return "ov"
    case .outBuffer: return "ob"
    case .pipelineVariable: return "pv"
    case .whatIf: return "wi"
    case .confirm: return "cf"
    }
  }

  var isShouldProcess: Bool { self == .whatIf || self == .confirm }

  public var isSwitch: Bool {
    switch self {
    case .verbose, .debug, .whatIf, .confirm: return true
    default: return false
    }
  }

  var isActionPreference: Bool {
    switch self {
    case .errorAction, .warningAction, .informationAction: return true
    default: return false
    }
  }

  /// The type as the binder converts to it (ActionPreference values are kept as their names).
  var type: PSType {
    switch self {
    case .verbose, .debug, .whatIf, .confirm: return .switchParameter
    case .outBuffer: return .int32
    default: return .string
    }
  }

  /// The .NET type name, as `MissingArgument` and conversion errors print it.
  var typeDisplayName: String {
    isActionPreference ? Self.actionPreferenceTypeName : type.description
  }
}
