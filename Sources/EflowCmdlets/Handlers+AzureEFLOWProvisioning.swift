import EflowEngine
import Foundation
import PSRuntime

/// Provision-EflowVm, Get-/Set-EflowVmFeature, Get-/Set-EflowVmTelemetryOption and
/// Get-EflowVmTpmProvisioningInfo.
extension Handlers {
  func registerEflowProvisioning(into i: Interpreter) {
    let session = self.session

    eflowCmdlet(i, "Provision-EflowVm") { ctx in
      let typeText = EflowIO.string(ctx, "provisioningType") ?? ""
      guard let type = ProvisioningType(caseInsensitive: typeText) else {
        throw ctx.thrownError("Unknown provisioning type '\(typeText)'")
      }
      let headless = ctx.flag("headless")
      let request = ProvisionRequest(
        type: type, devConnString: EflowIO.string(ctx, "devConnString"),
        iotHubHostname: EflowIO.string(ctx, "iotHubHostname"), deviceId: EflowIO.string(ctx, "deviceId"),
        scopeId: EflowIO.string(ctx, "scopeId"), symmKey: EflowIO.string(ctx, "symmKey"),
        registrationId: EflowIO.string(ctx, "registrationId"), identityCertPath: EflowIO.string(ctx, "identityCertPath"),
        identityPrivKeyPath: EflowIO.string(ctx, "identityPrivKeyPath"),
        globalEndpoint: EflowIO.string(ctx, "globalEndpoint"), headless: headless)
      // Re-provisioning asks for confirmation unless -headless (which then refuses it). The
      // question's wording is eflowsh's (see AzureEFLOW.psm1 .NOTES); No is the module's
      // "Provisioning aborted by user".
      let current = try session.eflow(ctx) { try session.read().vm }
      if let vm = current, vm.isRunning, let provisioned = vm.provisioning, !headless {
        guard
          let answer = try ctx.interpreter.promptForChoice(
            caption: "Re-provision the virtual machine",
            message:
              "The virtual machine is already provisioned (\(provisioned.type.rawValue)). Do you want to replace its provisioning with \(type.rawValue)?",
            choices: Self.yesNo, defaultChoice: 1)
        else {
          throw EflowIO.cannotPrompt(
            ctx,
            "Provision-EflowVm would ask whether to re-provision the virtual machine, which is already provisioned (\(provisioned.type.rawValue)), but eflowsh cannot prompt (and with -headless the module refuses to re-provision).")
        }
        if answer != 0 { _ = try session.eflow(ctx) { () throws -> Bool in throw EflowError.provisioningAborted } }
      }
      let answer = try session.eflow(ctx) {
        try session.change { (s) throws(EflowError) in try s.provision(request) }
      }
      EflowIO.writeProgress(ctx, session.settings, answer.lines)
      try ctx.emit(.string(answer.output))
    }

    eflowCmdlet(i, "Get-EflowVmFeature") { ctx in
      let feature = EflowIO.string(ctx, "feature") ?? ""
      let enabled = try session.eflow(ctx) { () throws -> Bool in try session.read().vmFeature(feature) }
      try ctx.emit(.bool(enabled))
    }

    eflowCmdlet(i, "Set-EflowVmFeature") { ctx in
      let feature = EflowIO.string(ctx, "feature") ?? ""
      let enable = ctx.flag("enable")
      try session.eflow(ctx) {
        try session.change { (s) throws(EflowError) in try s.setVMFeature(feature, enable: enable) }
      }
    }

    eflowCmdlet(i, "Get-EflowVmTelemetryOption") { ctx in
      let option = try session.eflow(ctx) { try session.read().telemetryOption() }
      try ctx.emit(.string(option.rawValue))
    }

    eflowCmdlet(i, "Set-EflowVmTelemetryOption") { ctx in
      let optional = (EflowIO.string(ctx, "optionalTelemetry") ?? "").caseInsensitiveEquals("True")
      try session.eflow(ctx) {
        try session.change { (s) throws(EflowError) in try s.setTelemetryOption(optional: optional) }
      }
    }

    eflowCmdlet(i, "Get-EflowVmTpmProvisioningInfo") { ctx in
      let info = try session.eflow(ctx) { try session.read().tpmProvisioningInfo() }
      try ctx.emit(
        EflowIO.object(
          "EflowVmTpmProvisioningInfo",
          [("Endorsement Key", .string(info.endorsementKey)), ("Registration Id", .string(info.registrationId))]))
    }
  }
}
