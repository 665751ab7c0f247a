import EflowEngine
import Foundation
import Testing

/// Deploy-Eflow: its progress log and "OK", every parameter, and every refusal with its exact
/// text and error id.
struct AzureEFLOWDeployTests {
  static let s = EflowHarness.stamp

  @Test func defaultSwitchDeploymentPrintsTheLogAndReturnsOK() {
    let h = EflowHarness()
    let r = h.run("$r = Deploy-Eflow -acceptEula Yes -acceptOptionalTelemetry No; \"result=$r\"")
    #expect(r.errors.isEmpty)
    let s = Self.s
    #expect(
      r.out == """
        \(s) Deploying Azure IoT Edge for Linux on Windows
         - Configuration does not exist. Creating a default configuration...
        \(s) Creating configuration
         - Configuration created successfully
        \(s) Step 1: Preparing host for Azure IoT Edge for Linux on Windows
        \(s) Checking host for required features
         - Checking the status of 'Microsoft-Hyper-V'
        \(s) Step 2: Creating Azure IoT Edge for Linux on Windows virtual machine
        \(s) Creating vnet (name: Default Switch)
        \(s) Successfully created virtual machine
        \(s) Querying IP and MAC addresses from virtual machine (DESKTOP-EFLOW01-EFLOW)
         - Virtual machine MAC: 00:15:5d:f2:06:5d
         - Virtual machine IP : 172.27.220.206 retrieved directly from virtual machine
        \(s) ...successfully connected to the Linux VM
        \(s) Deployment successful
        result=OK

        """)
  }

  /// Parameters the cmdlet passes on, read back from the engine's state.
  @Test(arguments: [
    ("", 1, 1024, 29, 10, EflowVM.LogSize.small, EflowVM.TelemetryOption.required),
    ("-cpuCount 2 -memoryInMB 2048", 2, 2048, 29, 10, .small, .required),
    ("-vmDiskSize 40", 1, 1024, 40, 10, .small, .required),
    ("-vmDataSize 20 -vmLogSize Large", 1, 1024, 29, 20, .large, .required),
    ("-headless", 1, 1024, 29, 10, .small, .required),
    ("-acceptOptionalTelemetry Yes", 1, 1024, 29, 10, .small, .optional),
    ("-gpuPassthroughType None -customSsh", 1, 1024, 29, 10, .small, .required),
  ])
  func parametersReachTheVM(
    _ extra: String, _ cpu: Int, _ memory: Int, _ disk: Int, _ data: Int, _ log: EflowVM.LogSize,
    _ telemetry: EflowVM.TelemetryOption
  ) throws {
    let h = EflowHarness()
    let telemetryArg = extra.contains("acceptOptionalTelemetry") || extra.contains("headless") ? "" : "-acceptOptionalTelemetry No"
    let r = h.run("Deploy-Eflow -acceptEula Yes \(telemetryArg) \(extra)")
    #expect(r.errors.isEmpty, "\(r.errors.map(\.message))")
    let vm = try #require(try h.state().vm)
    #expect(vm.cpuCount == cpu)
    #expect(vm.memoryMB == memory)
    #expect(vm.diskSizeGB == disk)
    #expect(vm.dataSizeGB == data)
    #expect(vm.logSize == log)
    #expect(vm.telemetry == telemetry)
  }

  /// Refusals: the script, the message, the FullyQualifiedErrorId.
  @Test(arguments: [
    (
      "Deploy-Eflow",
      "Deploy-Eflow would ask you to accept the End User License Agreement, but eflowsh cannot prompt. Pass -acceptEula Yes to accept it.",
      "EflowshCannotPrompt,Deploy-Eflow"
    ),
    (
      "Deploy-Eflow -acceptEula Yes",
      "Deploy-Eflow would ask whether to send optional diagnostic data, but eflowsh cannot prompt. Pass -acceptOptionalTelemetry Yes or -acceptOptionalTelemetry No.",
      "EflowshCannotPrompt,Deploy-Eflow"
    ),
    ("Deploy-Eflow -acceptEula No -acceptOptionalTelemetry No", "Action aborted by user", "Action aborted by user"),
    ("Deploy-Eflow -headless", "Action aborted by user", "Action aborted by user"),
    (
      "Deploy-Eflow -acceptEula Yes -headless -ip4Address 172.20.0.2 -ip4PrefixLength 24 -ip4GatewayAddress 172.20.0.1",
      "Cannot set Static IP on ICS type virtual switch (Default Switch)",
      "Cannot set Static IP on ICS type virtual switch (Default Switch)"
    ),
    (
      "Deploy-Eflow -acceptEula Yes -headless -ip4Address 172.20.0.2",
      "ip4Address & ip4PrefixLength are required for StaticIP!", "ip4Address & ip4PrefixLength are required for StaticIP!"
    ),
    (
      "Deploy-Eflow -acceptEula Yes -headless -vswitchName Lab -vswitchType Internal",
      "The virtual switch 'Lab' of type 'Internal' is not supported on current host OS",
      "The virtual switch 'Lab' of type 'Internal' is not supported on current host OS"
    ),
    (
      "Deploy-Eflow -acceptEula Yes -headless -vswitchName Lab -vswitchType External",
      "The virtual switch 'Lab' of type 'External' was not found",
      "The virtual switch 'Lab' of type 'External' was not found"
    ),
    ("Deploy-Eflow -acceptEula Yes -headless -cpuCount 64", "Not enough CPU cores available.", "Not enough CPU cores available."),
    ("Deploy-Eflow -acceptEula Yes -headless -memoryInMB 65536", "Not enough memory available.", "Not enough memory available."),
    (
      "Deploy-Eflow -acceptEula Yes -headless -memoryInMB 2049", "Error: memoryInMB must be an even number",
      "Error: memoryInMB must be an even number"
    ),
    (
      "Deploy-Eflow -acceptEula Yes -headless -cpuCount 0",
      "Cannot validate argument on parameter 'cpuCount'. The 0 argument is less than the minimum allowed range of 1. Supply an argument that is greater than or equal to 1 and then try the command again.",
      "ParameterArgumentValidationError,Deploy-Eflow"
    ),
    (
      "Deploy-Eflow -acceptEula Yes -headless -vmDiskSize 10",
      "Cannot validate argument on parameter 'vmDiskSize'. The 10 argument is less than the minimum allowed range of 21. Supply an argument that is greater than or equal to 21 and then try the command again.",
      "ParameterArgumentValidationError,Deploy-Eflow"
    ),
    (
      "Deploy-Eflow -acceptEula Yes -headless -vmDiskSize 30 -vmDataSize 10",
      "Parameter set cannot be resolved using the specified named parameters. One or more parameters issued cannot be used together or an insufficient number of parameters were provided.",
      "AmbiguousParameterSet,Deploy-Eflow"
    ),
    (
      "Deploy-Eflow -acceptEula Yes -headless -vswitchType Private",
      "Cannot validate argument on parameter 'vswitchType'. The argument \"Private\" does not belong to the set \"Internal,External\" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again.",
      "ParameterArgumentValidationError,Deploy-Eflow"
    ),
    (
      "Deploy-Eflow -acceptEula Yes -headless -gpuPassthroughType DirectDeviceAssignment -gpuName 'NVIDIA T4' -gpuCount 1",
      "Invalid GPU configuration requested, no GPU on this host supports DirectDeviceAssignment passthrough (the simulated host has no GPU)",
      "Invalid GPU configuration requested, no GPU on this host supports DirectDeviceAssignment passthrough (the simulated host has no GPU)"
    ),
    (
      "Deploy-Eflow -acceptEula Yes -headless -gpuName 'NVIDIA T4'",
      "Invalid GPU configuration requested, -gpuName and -gpuCount need -gpuPassthroughType DirectDeviceAssignment or ParaVirtualization",
      "Invalid GPU configuration requested, -gpuName and -gpuCount need -gpuPassthroughType DirectDeviceAssignment or ParaVirtualization"
    ),
    (
      "Deploy-Eflow -acceptEula Yes -headless -sharedFoldersJsonPath C:\\shared.json",
      "Deploy-Eflow -sharedFoldersJsonPath is not supported by eflowsh yet: the simulation does not model shared folders.",
      "NotSupported,Deploy-Eflow"
    ),
  ])
  func refusals(_ script: String, _ message: String, _ errorId: String) throws {
    let h = EflowHarness()
    let r = h.run(script)
    #expect(r.error == message)
    #expect(r.errorId == errorId)
    #expect(!r.out.contains("OK"))
    #expect(try h.state().vm == nil, "a refused deployment leaves no VM")
  }

  @Test func moduleErrorsAreRuntimeExceptionsThatEndTheScript() {
    let h = EflowHarness()
    let r = h.run("Deploy-Eflow -acceptEula No -acceptOptionalTelemetry No; 'after'")
    #expect(r.errors.first?.exceptionType == "System.Management.Automation.RuntimeException")
    #expect(r.errors.first?.category == .operationStopped)
    #expect(!r.out.contains("after"))
    #expect(r.code == 1)
  }

  @Test func moduleErrorsCanBeCaught() {
    let h = EflowHarness()
    let r = h.run("try { Deploy-Eflow -acceptEula No -acceptOptionalTelemetry No } catch { \"caught: $($_.Exception.Message)\" }")
    #expect(r.out == "caught: Action aborted by user\n")
  }

  @Test func aSecondDeploymentIsRefused() {
    let h = EflowHarness()
    h.deploy()
    let r = h.run("Deploy-Eflow -acceptEula Yes -acceptOptionalTelemetry No")
    #expect(
      r.error
        == "An existing virtual machine was detected. To redeploy the virtual machine, please uninstall and re-install Azure IoT Edge LTS.")
  }

  @Test func externalSwitchWithStaticAddress() throws {
    let h = EflowHarness()
    try h.setup { (s) throws(EflowError) in try s.newSwitch(name: "ExtSw", type: .external, netAdapterName: "Ethernet") }
    let r = h.run(
      "Deploy-Eflow -acceptEula Yes -acceptOptionalTelemetry No -vswitchName ExtSw -vswitchType External -ip4Address 192.168.1.210 -ip4PrefixLength 24 -ip4GatewayAddress 192.168.1.1"
    )
    #expect(r.errors.isEmpty, "\(r.errors.map(\.message))")
    #expect(r.out.contains(" - Virtual machine IP : 192.168.1.210 retrieved directly from virtual machine\n"))
    // Static: no DNS from DHCP, so the module's DNS warning comes before success.
    #expect(
      r.out.hasSuffix(
        " - Please check your DNS configuration to ensure Internet connectivity. Refer https://aka.ms/AzEFLOW-DNS for more details.\n\(Self.s) Deployment successful\nOK\n"
      ))
    let primary = try #require(try h.state().vm?.primaryEndpoint)
    #expect(primary.allocation == .static)
    #expect(primary.switchName == "ExtSw")
  }

  @Test func serverWithoutASwitchNeedsNetworkConfiguration() {
    let h = EflowHarness(profile: "server")
    let r = h.run("Deploy-Eflow -acceptEula Yes -acceptOptionalTelemetry No")
    #expect(r.error == "Error: Server SKU, requires Network configuration, see https://aka.ms/AzEFLOW-vSwitch")
  }
}
