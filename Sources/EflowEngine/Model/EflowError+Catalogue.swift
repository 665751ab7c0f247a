import Foundation

/// The exact texts, in one place, so tests and the cmdlet help can point at them. Where the
/// reference (§7) gives a text it is used verbatim; texts marked "chosen" are this simulation's
/// wording for cases the real module leaves undocumented.
extension EflowError {
  // MARK: EFLOW (reference §7)

  /// E1 (deploy).
  static func switchNotFound(_ name: String, _ type: String) -> EflowError {
    EflowError(.objectNotFound, "The virtual switch '\(name)' of type '\(type)' was not found")
  }
  /// E2 (Add-EflowNetwork, observed wording).
  static func networkSwitchNotFound(_ name: String, _ type: String) -> EflowError {
    EflowError(.objectNotFound, "The virtual switch '\(name)' of type '\(type)' is not found")
  }
  /// E3.
  static func switchNotSupported(_ name: String, _ type: String) -> EflowError {
    EflowError(.invalidArgument, "The virtual switch '\(name)' of type '\(type)' is not supported on current host OS")
  }
  /// Server SKU with no switch given (EAD's wording).
  static let serverNeedsNetwork = EflowError(
    .invalidArgument, "Error: Server SKU, requires Network configuration, see https://aka.ms/AzEFLOW-vSwitch")
  /// E4.
  static let staticOnDefaultSwitch = EflowError(
    .invalidArgument, "Cannot set Static IP on ICS type virtual switch (Default Switch)")
  /// 1.1.2107.x only allowed static IP on the Default Switch (chosen wording).
  static func staticOnlyOnDefaultSwitch(_ version: EflowVersion) -> EflowError {
    EflowError(.invalidArgument, "Static IP is only supported on ICS type virtual switch (Default Switch) in version \(version)")
  }
  /// E5.
  static let staticIncomplete = EflowError(.invalidArgument, "ip4Address & ip4PrefixLength are required for StaticIP!")
  /// E6.
  static func duplicateSwitch(_ name: String, _ type: String) -> EflowError {
    EflowError(.invalidOperation, "Found multiple VMMS switches with name '\(name)' of type '\(type)'")
  }
  /// E7.
  static func invalidDnsServer(_ text: String) -> EflowError {
    EflowError(.invalidArgument, "\(text) is not a valid IP4 address")
  }
  /// E8 family.
  static let ipAcquisitionFailed = EflowError(.operationStopped, "Failed to acquire IP address for virtual machine")
  static func hostRoutingFailed(_ vmName: String) -> EflowError {
    EflowError(.operationStopped, "Unable to obtain host routing. Connectivity test to \(vmName) failed.")
  }
  /// EAD pre-check wordings used for static-address validation.
  static func invalidIP4Address(_ text: String) -> EflowError {
    EflowError(.invalidArgument, "Error: Invalid IP4Address \(text)")
  }
  static func invalidIP4Gateway(_ text: String) -> EflowError {
    EflowError(.invalidArgument, "Error: Invalid IP4GatewayAddress \(text)")
  }
  static func invalidPrefixLength(_ value: Int) -> EflowError {
    EflowError(.invalidArgument, "Error: Invalid IP4PrefixLength \(value). Should be an integer between 0 and 32")
  }
  static let gatewayNotInSubnet = EflowError(
    .invalidArgument, "Error: ip4GatewayAddress and ip4Address are not in the same subnet")
  static func addressInUse(_ address: IPv4Address) -> EflowError {
    EflowError(.resourceExists, "Error: ip4Address \(address) in use")
  }
  /// E9.
  static func networkDoesNotExist(_ name: String) -> EflowError {
    EflowError(.objectNotFound, "Network '\(name)' does not exist")
  }
  static func noAdaptersForSwitch(_ name: String) -> EflowError {
    EflowError(.operationStopped, "No adapters associated with the switch '\(name)' are found.")
  }
  /// E10.
  static let vmOff = EflowError(.invalidOperation, "Can't process request, EFLOW VM is OFF!")
  /// E12.
  static let vmNotDeployed = EflowError(.objectNotFound, "Virtual machine does not exist, deploy it first")
  /// E13 (first wording; the product name depends on the release line).
  static func vmExists(_ version: EflowVersion) -> EflowError {
    let product = (version.minor == 2 || version.minor == 3) ? "Azure IoT Edge" : "Azure IoT Edge LTS"
    return EflowError(
      .resourceExists,
      "An existing virtual machine was detected. To redeploy the virtual machine, please uninstall and re-install \(product).")
  }
  /// E14.
  static let notEnoughMemory = EflowError(.operationStopped, "Not enough memory available.")
  static let notEnoughCpu = EflowError(.operationStopped, "Not enough CPU cores available.")
  static func notEnoughDisk(_ drive: String) -> EflowError {
    EflowError(.operationStopped, "Not enough disk space is available on drive '\(drive):'.")
  }
  /// Chosen: the 1.4 docs say memory must be even but give no text.
  static let memoryNotEven = EflowError(.invalidArgument, "Error: memoryInMB must be an even number")
  /// E18.
  static let tpmNotEnabled = EflowError(.invalidOperation, "TPM provisioning was not enabled!")
  static let tpmRequired = EflowError(.invalidOperation, "TPM 2.0 is required to enable DpsTpm")
  /// E19.
  static func unknownFeature(_ name: String) -> EflowError {
    EflowError(.invalidArgument, "Unknown feature '\(name)' is provided.")
  }
  /// E20.
  static let actionAborted = EflowError(.operationStopped, "Action aborted by user")
  public static let provisioningAborted = EflowError(.operationStopped, "Provisioning aborted by user")
  /// E22.
  static let hyperVMissing = EflowError(
    .operationStopped,
    "Hyper-V properties indicate the Hyper-V component is not functional (property HyperVisorPresent is false)")

  // Chosen wordings for undocumented EFLOW cases (reference §10).
  static func networkExists(_ name: String) -> EflowError {
    EflowError(.resourceExists, "Network '\(name)' already exists")
  }
  static func deploymentNetworkRemoval(_ name: String) -> EflowError {
    EflowError(.invalidOperation, "Network '\(name)' is the virtual machine management network and cannot be removed")
  }
  static func networkHasEndpoints(_ name: String, _ endpoint: String) -> EflowError {
    EflowError(.invalidOperation, "Network '\(name)' still has endpoint '\(endpoint)'; remove the endpoint first")
  }
  static func endpointNotFound(_ name: String) -> EflowError {
    EflowError(.objectNotFound, "Endpoint '\(name)' does not exist")
  }
  static func endpointExists(_ name: String) -> EflowError {
    EflowError(.resourceExists, "Endpoint '\(name)' already exists")
  }
  static func primaryEndpointRemoval(_ name: String) -> EflowError {
    EflowError(.invalidOperation, "Endpoint '\(name)' is the virtual machine management endpoint and cannot be removed")
  }
  static func adapterLimit(_ vmName: String, _ limit: Int) -> EflowError {
    EflowError(.limitsExceeded, "Virtual machine '\(vmName)' already has the maximum of \(limit) network adapters")
  }

  // MARK: PowerShell binder / validation texts (the real module's parameter attributes)

  static func validateRangeLow(_ parameter: String, _ value: Int, _ minimum: Int) -> EflowError {
    EflowError(
      .invalidData,
      "Cannot validate argument on parameter '\(parameter)'. The \(value) argument is less than the minimum allowed range of \(minimum). Supply an argument that is greater than or equal to \(minimum) and then try the command again.")
  }
  static func validateRangeHigh(_ parameter: String, _ value: Int, _ maximum: Int) -> EflowError {
    EflowError(
      .invalidData,
      "Cannot validate argument on parameter '\(parameter)'. The \(value) argument is greater than the maximum allowed range of \(maximum). Supply an argument that is less than or equal to \(maximum) and then try the command again.")
  }
  static func parameterNotFound(_ name: String) -> EflowError {
    EflowError(.parameterBinding, "A parameter cannot be found that matches parameter name '\(name)'.")
  }
  static let ambiguousParameterSet = EflowError(
    .parameterBinding, "Parameter set cannot be resolved using the specified named parameters.")
  static func commandNotFound(_ name: String) -> EflowError {
    EflowError(
      .commandNotFound,
      "The term '\(name)' is not recognized as the name of a cmdlet, function, script file, or operable program. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.")
  }

  // MARK: Windows host cmdlets (reference §6, §7)

  static func vmSwitchNotFound(_ name: String) -> EflowError {
    EflowError(.objectNotFound, "Hyper-V was unable to find a virtual switch with name \"\(name)\".")
  }
  static func netAdapterNotFound(_ property: String, _ value: String) -> EflowError {
    EflowError(.objectNotFound, "No MSFT_NetAdapter objects found with property '\(property)' equal to '\(value)'.  Verify the value of the property and retry.")
  }
  static let ipAddressExists = EflowError(.resourceExists, "Instance MSFT_NetIPAddress already exists")
  static func ipAddressNotFound(_ value: String) -> EflowError {
    EflowError(.objectNotFound, "No MSFT_NetIPAddress objects found with property 'IPAddress' equal to '\(value)'.  Verify the value of the property and retry.")
  }
  static let parameterIncorrect = EflowError(.invalidArgument, "The parameter is incorrect.")
  static func natNotFound(_ name: String) -> EflowError {
    EflowError(.objectNotFound, "No MSFT_NetNat objects found with property 'Name' equal to '\(name)'.  Verify the value of the property and retry.")
  }
  /// Chosen: Hyper-V's switch-binding failures, condensed.
  static func adapterAlreadyBound(_ adapter: String) -> EflowError {
    EflowError(.invalidArgument, "Failed while adding virtual Ethernet switch connections. External Ethernet adapter '\(adapter)' is already bound to the Microsoft Virtual Switch protocol.")
  }
  static func adapterNotPhysical(_ adapter: String) -> EflowError {
    EflowError(.invalidArgument, "Failed while adding virtual Ethernet switch connections. '\(adapter)' is not a physical network adapter.")
  }
  static func adapterNotUp(_ adapter: String, _ status: AdapterStatus) -> EflowError {
    EflowError(.invalidArgument, "Failed while adding virtual Ethernet switch connections. The network adapter '\(adapter)' is not connected (Status: \(status.rawValue)).")
  }
  static let defaultSwitchRemoval = EflowError(
    .invalidOperation, "Failed while removing virtual Ethernet switch. The Default Switch is managed by the system and cannot be removed.")
  static func dhcpServerUnavailable(_ computer: String) -> EflowError {
    EflowError(.invalidOperation, "Failed to get version of the DHCP server \(computer).")
  }
  static let dhcpServiceNotFound = EflowError(.objectNotFound, "Cannot find any service with service name 'dhcpserver'.")
  static func scopeInvalidRange(_ scope: String, _ computer: String) -> EflowError {
    EflowError(.invalidArgument, "Failed to add scope \(scope) on DHCP server \(computer). The specified IP address range is invalid.")
  }
  static func scopeExists(_ scope: String, _ computer: String) -> EflowError {
    EflowError(.resourceExists, "Failed to add scope \(scope) on DHCP server \(computer). The specified scope already exists.")
  }
  static func scopeNotFound(_ scope: String, _ computer: String) -> EflowError {
    EflowError(.objectNotFound, "Failed to get scope \(scope) on DHCP server \(computer). The specified DHCP scope does not exist.")
  }
}
