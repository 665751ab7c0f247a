import EflowEngine
import Foundation
import PSRuntime

/// Deploy-Eflow, Verify-EflowVm, Start-/Stop-EflowVm, Get-EflowVm, Set-EflowVM,
/// Get-EflowVmName, Get-EflowVmAddr and Get-EflowHostConfiguration.
extension Handlers {
  /// Deploy-Eflow's questions in the interactive shell. The real module's wording is not
  /// public; these are eflowsh's (documented in AzureEFLOW.psm1).
  static let eulaCaption = "End User License Agreement"
  static let eulaQuestion =
    "Azure IoT Edge for Linux on Windows is licensed under the Microsoft Software License Terms for Azure IoT Edge for Linux on Windows. Do you accept the license terms?"
  static let telemetryCaption = "Optional diagnostic data"
  static let telemetryQuestion =
    "Microsoft can collect optional diagnostic data from the EFLOW virtual machine to improve the product. Do you want to send optional diagnostic data?"
  static let yesNo = [
    Interpreter.PromptChoice("&Yes", "Yes"), Interpreter.PromptChoice("&No", "No"),
  ]

  func registerEflowVM(into i: Interpreter) {
    let session = self.session

    eflowCmdlet(i, "Deploy-Eflow") { ctx in
      let headless = ctx.flag("headless")
      var eula = EflowIO.string(ctx, "acceptEula")
      var telemetry = EflowIO.string(ctx, "acceptOptionalTelemetry")
      // The real module asks for what these parameters would answer: in the interactive shell
      // eflowsh asks too (the wording is eflowsh's, see AzureEFLOW.psm1 .NOTES); where nobody
      // can answer it says which parameter to pass.
      if eula == nil && !headless {
        guard let answer = try ctx.interpreter.promptForChoice(
          caption: Self.eulaCaption, message: Self.eulaQuestion, choices: Self.yesNo, defaultChoice: 1)
        else {
          throw EflowIO.cannotPrompt(
            ctx,
            "Deploy-Eflow would ask you to accept the End User License Agreement, but eflowsh cannot prompt. Pass -acceptEula Yes to accept it.")
        }
        eula = answer == 0 ? "Yes" : "No"
        // Declined: the deployment stops ("Action aborted by user") without the next question.
        if answer != 0, telemetry == nil { telemetry = "No" }
      }
      if telemetry == nil && !headless {
        guard let answer = try ctx.interpreter.promptForChoice(
          caption: Self.telemetryCaption, message: Self.telemetryQuestion, choices: Self.yesNo, defaultChoice: 1)
        else {
          throw EflowIO.cannotPrompt(
            ctx,
            "Deploy-Eflow would ask whether to send optional diagnostic data, but eflowsh cannot prompt. Pass -acceptOptionalTelemetry Yes or -acceptOptionalTelemetry No.")
        }
        telemetry = answer == 0 ? "Yes" : "No"
      }
      if EflowIO.string(ctx, "sharedFoldersJsonPath").map({ !$0.isEmpty }) == true {
        throw RuntimeError(
          id: "NotSupported",
          message:
            "Deploy-Eflow -sharedFoldersJsonPath is not supported by eflowsh yet: the simulation does not model shared folders.",
          exceptionType: "System.NotSupportedException")
      }
      let request = DeployRequest(
        acceptEula: eula?.caseInsensitiveEquals("Yes") ?? false,
        acceptOptionalTelemetry: telemetry?.caseInsensitiveEquals("Yes") ?? false,
        cpuCount: try EflowIO.int(ctx, "cpuCount"), memoryInMB: try EflowIO.int(ctx, "memoryInMB"),
        vmDiskSize: try EflowIO.int(ctx, "vmDiskSize"), vmDataSize: try EflowIO.int(ctx, "vmDataSize"),
        vmLogSize: EflowIO.string(ctx, "vmLogSize").flatMap { text in
          EflowVM.LogSize.allCases.first { $0.rawValue.caseInsensitiveEquals(text) }
        },
        vswitchName: EflowIO.string(ctx, "vswitchName"),
        vswitchType: EflowIO.string(ctx, "vswitchType").flatMap { VirtualSwitchType(caseInsensitive: $0) },
        ip4Address: EflowIO.string(ctx, "ip4Address"), ip4PrefixLength: try EflowIO.int(ctx, "ip4PrefixLength"),
        ip4GatewayAddress: EflowIO.string(ctx, "ip4GatewayAddress"))
      let gpu = try GpuRequest(ctx)
      let result = try session.eflow(ctx) {
        try session.change { (s) throws(EflowError) in
          let result = try s.deploy(request)
          try gpu.check()  // after the module's own checks; a refusal undoes the deployment
          return result
        }
      }
      EflowIO.writeProgress(ctx, session.settings, result.lines)
      try ctx.emit(.string(result.output))
    }

    eflowCmdlet(i, "Verify-EflowVm") { ctx in
      let state = try session.eflow(ctx) { try session.read() }
      try ctx.emit(.bool(state.isVMDeployed))
    }

    eflowCmdlet(i, "Start-EflowVm") { ctx in
      // The guest boots after systemd-networkd has set the routes: enabled units run then.
      try session.eflow(ctx) {
        try session.change { (s) throws(EflowError) in
          let wasRunning = s.vm?.isRunning ?? false
          try s.startVM()
          if !wasRunning { s.bootGuest() }
        }
      }
    }

    eflowCmdlet(i, "Stop-EflowVm") { ctx in
      try session.eflow(ctx) { try session.change { (s) throws(EflowError) in try s.stopVM() } }
    }

    eflowCmdlet(i, "Get-EflowVm") { ctx in
      let info = try session.eflow(ctx) { () throws -> VMInfo in try session.read().vmInfo() }
      try ctx.emit(Self.vmObject(info))
    }

    eflowCmdlet(i, "Set-EflowVM") { ctx in
      let cpu = try EflowIO.int(ctx, "cpuCount")
      let memory = try EflowIO.int(ctx, "memoryInMB")
      let gpu = try GpuRequest(ctx)
      try session.eflow(ctx) {
        try session.change { (s) throws(EflowError) in
          try s.setVM(cpuCount: cpu, memoryInMB: memory)
          try gpu.check()
        }
      }
    }

    eflowCmdlet(i, "Get-EflowVmName") { ctx in
      let name = try session.eflow(ctx) { () throws -> String in try session.read().vmNameQuery() }
      try ctx.emit(.string(name))
    }

    eflowCmdlet(i, "Get-EflowVmAddr") { ctx in
      let answer = try session.eflow(ctx) { try session.read().vmAddress() }
      EflowIO.writeProgress(ctx, session.settings, answer.lines)
      try ctx.emit(.string(answer.mac.linuxForm))
      if let ip = answer.ip { try ctx.emit(.string(ip.description)) }
    }

    eflowCmdlet(i, "Get-EflowHostConfiguration") { ctx in
      let config = try session.eflow(ctx) { try session.read().hostConfiguration() }
      try ctx.emit(Self.hostConfigurationObject(config))
    }
  }

  // MARK: - Objects

  /// Get-EflowVm's object (reference §4.4): the agent's VM record, the power state, and the
  /// runtime versions, status and statistics (`{}` while the VM is off).
  static func vmObject(_ info: VMInfo) -> Value {
    let o = EflowIO.object
    let interfaces = info.networkInterfaceReferences.map { o(nil, [("virtualNetworkInterfaceReference", .string($0))]) }
    let properties = o(
      nil,
      [
        (
          "hardwareProfile",
          o(
            nil,
            [
              (
                "customsize",
                o(
                  nil,
                  [
                    ("cpucount", .int32(Int32(info.cpuCount))), ("gpucount", .int32(0)),
                    ("memorymb", .int32(Int32(info.memoryMB))),
                  ])
              ),
              ("vmSize", .string("Custom")),
            ])
        ),
        ("networkProfile", o(nil, [("networkInterfaces", EflowIO.array(interfaces))])),
        (
          "osProfile",
          o(
            nil,
            [
              ("computerName", .string(info.name)),
              ("linuxConfiguration", o(nil, [("disablePasswordAuthentication", .bool(true))])),
              ("osbootstrapengine", .string("CloudInit")),
            ])
        ),
      ])
    let configuration = o(
      nil, [("ID", .string(info.id)), ("name", .string(info.name)), ("properties", properties), ("tags", .null)])
    let empty = Value.hashtable(PSHashtable())

    var version = empty
    if let r = info.runtime {
      version = o(
        nil,
        [
          ("IotEdgeVersion", .string(r.iotEdgeVersion)), ("MobyEngineVersion", .string(r.mobyEngineVersion)),
          ("MobyCliVersion", .string(r.mobyCliVersion)),
        ])
    }

    var status = empty
    if info.powerState == .running {
      let provisioned = info.provisioning != nil
      let services =
        info.eflowVersion.isLTS11
        ? ["iotedge"] : ["aziot-keyd", "aziot-certd", "aziot-tpmd", "aziot-identityd", "aziot-edged"]
      let lines = services.map { Value.string("\($0).service: \(provisioned ? "active" : "inactive")") }
      var modules: [Value] = []
      if provisioned {
        let tag = info.eflowVersion.isLTS11 ? "1.1" : "\(info.eflowVersion.major).\(info.eflowVersion.minor)"
        modules.append(
          o(
            nil,
            [
              ("Name", .string("edgeAgent")), ("Status", .string("running")), ("Description", .string("Up 2 minutes")),
              ("Config", .string("mcr.microsoft.com/azureiotedge-agent:\(tag)")),
            ]))
      }
      status = o(nil, [("SystemCtlStatus", EflowIO.array(lines)), ("ModuleList", EflowIO.array(modules))])
    }

    var statistics = empty
    if let s = info.statistics {
      statistics = o(
        nil,
        [
          ("TotalMemMb", .int32(Int32(s.totalMemMb))), ("UsedMemMb", .int32(Int32(s.usedMemMb))),
          ("AvailableMemMb", .int32(Int32(s.availableMemMb))), ("TotalStorageMb", .int32(Int32(s.totalStorageMb))),
          ("UsedStorageMb", .int32(Int32(s.usedStorageMb))),
          ("AvailableStorageMb", .int32(Int32(s.availableStorageMb))), ("CpuCount", .int32(Int32(s.cpuCount))),
          ("KernelVersion", .string(s.kernelVersion)),
        ])
    }

    return o(
      "EflowVm",
      [
        ("VmConfiguration", configuration), ("VmPowerState", .string(info.powerState.rawValue)),
        ("EdgeRuntimeVersion", version), ("EdgeRuntimeStatus", status), ("SystemStatistics", statistics),
      ])
  }

  /// Get-EflowHostConfiguration's object. DiskInfo is the system drive; GpuInfo reports no GPU
  /// (the simulation has none).
  static func hostConfigurationObject(_ c: HostConfiguration) -> Value {
    let o = EflowIO.object
    let disks = c.diskInfo.map {
      o(
        nil,
        [
          ("Drive", .string($0.drive)), ("FreeSizeInGB", .int32(Int32($0.freeSizeInGB))),
          ("TotalSizeInGB", .int32(Int32($0.totalSizeInGB))),
        ])
    }
    return o(
      "EflowHostConfiguration",
      [
        ("FreePhysicalMemoryInMB", .int32(Int32(c.freePhysicalMemoryInMB))),
        ("NumberOfLogicalProcessors", .int32(Int32(c.numberOfLogicalProcessors))),
        ("DiskInfo", disks.count == 1 ? disks[0] : EflowIO.array(disks)),
        ("GpuInfo", o(nil, [("Count", .int32(Int32(c.gpuInfo.count))), ("SupportedPassthroughTypes", EflowIO.array([]))])),
      ])
  }
}

/// Deploy-Eflow's and Set-EflowVM's GPU parameters. The simulated host has no GPU, so any
/// passthrough request is refused with the module's "Invalid GPU configuration requested"
/// (its continuation is eflowsh's wording); `-gpuPassthroughType None` is the default.
struct GpuRequest {
  var type: String?
  var name: String?
  var count: Int?

  init(_ ctx: CmdletContext) throws {
    type = EflowIO.string(ctx, "gpuPassthroughType")
    name = EflowIO.string(ctx, "gpuName")
    count = try EflowIO.int(ctx, "gpuCount")
  }

  func check() throws(EflowError) {
    if let type, !type.caseInsensitiveEquals("None") {
      throw EflowError(
        .operationStopped,
        "Invalid GPU configuration requested, no GPU on this host supports \(type) passthrough (the simulated host has no GPU)")
    }
    if (name.map { !$0.isEmpty } ?? false) || (count ?? 0) > 0 {
      throw EflowError(
        .operationStopped,
        "Invalid GPU configuration requested, -gpuName and -gpuCount need -gpuPassthroughType DirectDeviceAssignment or ParaVirtualization")
    }
  }
}
