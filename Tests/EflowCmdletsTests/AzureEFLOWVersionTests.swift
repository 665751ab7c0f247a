import EflowEngine
import Foundation
import Testing

/// Cmdlets the real module did not have yet, and what this build does not emulate.
struct AzureEFLOWVersionTests {
  static func notRecognized(_ name: String) -> String {
    "The term '\(name)' is not recognized as the name of a cmdlet, function, script file, or operable program. Check the spelling of the name, or if a path was included, verify that the path is correct and try again."
  }

  @Test func lts11EarlyHasNoDnsCmdletNoDataDiskNoSharedFolders() throws {
    let h = try EflowHarness(clientVersion: "1.1.2110.03111")
    let data = h.run("Deploy-Eflow -acceptEula Yes -acceptOptionalTelemetry No -vmDataSize 10")
    #expect(data.error == "A parameter cannot be found that matches parameter name 'vmDataSize'.")
    #expect(data.errorId == "NamedParameterNotFound,Deploy-Eflow")
    #expect(data.errors.first?.exceptionType == "System.Management.Automation.ParameterBindingException")

    let deployed = h.run("Deploy-Eflow -acceptEula Yes -acceptOptionalTelemetry No -vmDiskSize 10")
    #expect(deployed.errors.isEmpty, "1.1 LTS accepts 8-256 GB: \(deployed.errors.map(\.message))")

    for name in ["Set-EflowVmDNSServers", "Get-EflowVmSharedFolder"] {
      let r = h.run("\(name) 8.8.8.8; 'next'")
      #expect(r.error == Self.notRecognized(name))
      #expect(r.errorId == "CommandNotFoundException")
      #expect(r.errors.first?.exceptionType == "System.Management.Automation.CommandNotFoundException")
      #expect(r.out == "next\n", "like PowerShell's own, the error ends the statement only")
    }
  }

  @Test(arguments: [
    "Add-EflowVmSharedFolder -sharedFoldersJsonPath C:\\s.json", "Get-EflowVmSharedFolder",
    "Remove-EflowVmSharedFolder -sharedfolderRoot C:\\S -hostFolderPath Data",
  ])
  func sharedFoldersAreNotModelled(_ script: String) {
    let h = EflowHarness()
    h.deploy()
    let name = String(script.split(separator: " ")[0])
    let r = h.run(script)
    #expect(r.error == "\(name) is not supported by eflowsh yet: the simulation does not model shared folders.")
    #expect(r.errorId == "NotSupported,\(name)")
  }
}
