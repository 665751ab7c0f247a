import EflowCmdlets
import Foundation
import PSRuntime
import Testing

/// Tab completion's values from the simulated host (the REPL asks `Interpreter.argumentValues`).
struct ArgumentValuesTests {
  @Test func switchEndpointAdapterAndNatNamesComeFromTheState() throws {
    let h = EflowHarness()
    h.deploy()
    h.run("$null = New-VMSwitch -Name 'Ext LAN' -NetAdapterName Ethernet; $null = New-NetNat -Name lab -InternalIPInterfaceAddressPrefix 10.1.0.0/24")
    let i = Interpreter(host: HostCapture())
    EflowModules.install(into: i, settings: h.settings)
    let values = try #require(i.argumentValues)
    #expect(values("Deploy-Eflow", "vswitchName") == ["Default Switch", "Ext LAN"])
    #expect(values("Get-VMSwitch", "Name") == ["Default Switch", "Ext LAN"])
    #expect(values("Remove-EflowVmEndpoint", "vendpointName") == ["DESKTOP-EFLOW01-EFLOWInterface"])
    #expect(values("Add-EflowVmEndpoint", "vendpointName") == [])
    #expect(values("New-VMSwitch", "NetAdapterName").contains("Ethernet"))
    #expect(values("Get-NetAdapter", "Name").contains("vEthernet (Ext LAN)"))
    #expect(values("Remove-NetNat", "Name") == ["lab"])
    #expect(values("Get-EflowVm", "Whatever") == [])
  }
}
