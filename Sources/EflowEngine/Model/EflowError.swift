import Foundation

/// Every refusal the engine makes. `message` is the exact user-facing text (EFLOW's, Hyper-V's
/// or Windows' wording, see reference §7); `kind` tells the PowerShell layer which
/// ErrorCategory to use, because the same engine rule surfaces as a terminating `throw` from
/// AzureEFLOW (OperationStopped) but as a CIM error from NetTCPIP (InvalidArgument).
public struct EflowError: Error, Sendable, Equatable, CustomStringConvertible {
  public enum Kind: String, Sendable, Equatable, Codable {
    /// A named object does not exist (switch, NAT, scope, adapter, endpoint, network).
    case objectNotFound
    /// An argument has a bad value (address, prefix, DNS server, feature name).
    case invalidArgument
    /// A PowerShell ValidateRange-style failure (CPU/memory/disk ranges).
    case invalidData
    /// The request is fine but the current state forbids it (VM off, primary endpoint, ...).
    case invalidOperation
    /// The object already exists (VM deployed, IP address, endpoint name).
    case resourceExists
    /// A failure the AzureEFLOW module reports with `throw "<text>"` during a long operation
    /// (deployment networking, DHCP lease acquisition, host resources).
    case operationStopped
    /// A limit was hit (8 network adapters).
    case limitsExceeded
    /// The command does not exist in the pinned EFLOW version (PowerShell: CommandNotFoundException).
    case commandNotFound
    /// The parameter does not exist in the pinned EFLOW version, or parameters that belong to
    /// different parameter sets were combined (PowerShell binder errors).
    case parameterBinding
  }

  public var kind: Kind
  public var message: String

  public init(_ kind: Kind, _ message: String) {
    self.kind = kind
    self.message = message
  }

  public var description: String { message }
}
