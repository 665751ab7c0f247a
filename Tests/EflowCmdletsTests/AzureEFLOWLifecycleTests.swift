import EflowEngine
import Foundation
import Testing

/// Verify/Start/Stop/Get/Set-EflowVm, Get-EflowVmName, Get-EflowVmAddr,
/// Get-EflowHostConfiguration.
struct AzureEFLOWLifecycleTests {
  static let notDeployed = "Virtual machine does not exist, deploy it first"
  static let off = "Can't process request, EFLOW VM is OFF!"

  @Test(arguments: [
    "Start-EflowVm", "Stop-EflowVm", "Get-EflowVm", "Set-EflowVM -cpuCount 2", "Get-EflowVmName", "Get-EflowVmAddr",
    "Get-EflowNetwork", "Get-EflowVmEndpoint", "Provision-EflowVm DpsTPM -scopeId 0ne1", "Get-EflowVmFeature DpsTpm",
    "Get-EflowVmTelemetryOption", "Get-EflowVmTpmProvisioningInfo", "Set-EflowVmDNSServers 8.8.8.8", "Get-SimVmRoute",
  ])
  func beforeDeploymentEveryVMCmdletSaysDeployFirst(_ script: String) {
    let h = EflowHarness()
    let r = h.run(script)
    #expect(r.error == Self.notDeployed)
    #expect(r.errorId == Self.notDeployed)
    #expect(r.errors.first?.exceptionType == "System.Management.Automation.RuntimeException")
  }

  @Test func verifyTellsWhetherTheVMExists() {
    let h = EflowHarness()
    #expect(h.run("Verify-EflowVm; (Verify-EflowVm).GetType().Name").out == "False\nBoolean\n")
    h.deploy()
    #expect(h.run("if (Verify-EflowVm) { 'deployed' }").out == "deployed\n")
    h.run("Stop-EflowVm")
    #expect(h.run("Verify-EflowVm").out == "True\n")
  }

  @Test func stopAndStartChangeThePowerStateAndAreIdempotent() {
    let h = EflowHarness()
    h.deploy()
    let r = h.run(
      "(Get-EflowVm).VmPowerState; Stop-EflowVm; Stop-EflowVm; (Get-EflowVm).VmPowerState; Start-EflowVm; Start-EflowVm; (Get-EflowVm).VmPowerState"
    )
    #expect(r.errors.isEmpty)
    #expect(r.out == "Running\nOff\nRunning\n")
  }

  @Test(arguments: [
    "Get-EflowVmAddr", "Set-EflowVM -cpuCount 2", "Get-EflowVmEndpoint | Out-Null; Add-EflowVmEndpoint -vswitchName 'Default Switch' -vendpointName e",
    "Set-EflowVmDNSServers 8.8.8.8", "Provision-EflowVm DpsTPM -scopeId 0ne1", "Get-EflowVmFeature DpsTpm",
    "Set-EflowVmFeature DpsTpm -enable", "Get-EflowVmTelemetryOption", "Set-EflowVmTelemetryOption False",
    "Get-EflowVmTpmProvisioningInfo", "Get-SimVmRoute",
  ])
  func whileOffVMCmdletsRefuse(_ script: String) {
    let h = EflowHarness()
    h.deploy()
    h.run("Stop-EflowVm")
    let r = h.run(script)
    #expect(r.error == Self.off)
  }

  @Test func whileOffTheNameAndConfigurationAreStillKnown() {
    let h = EflowHarness()
    h.deploy()
    let r = h.run(
      "Stop-EflowVm; Get-EflowVmName; $vm = Get-EflowVm; $vm.VmPowerState; $vm.VmConfiguration.name; $vm.SystemStatistics.Count; $vm.EdgeRuntimeVersion.Count"
    )
    #expect(r.errors.isEmpty)
    #expect(r.out == "DESKTOP-EFLOW01-EFLOW\nOff\nDESKTOP-EFLOW01-EFLOW\n0\n0\n")
  }

  @Test func getEflowVmHasTheDocumentedShape() {
    let h = EflowHarness()
    h.deploy("-cpuCount 2 -memoryInMB 2048")
    let r = h.run(
      """
      $vm = Get-EflowVm
      $vm.PSObject.Properties.Name -join ','
      $vm.SystemStatistics.PSObject.Properties.Name -join ','
      $vm.EdgeRuntimeVersion.PSObject.Properties.Name -join ','
      $vm.EdgeRuntimeStatus.PSObject.Properties.Name -join ','
      $vm.VmConfiguration.PSObject.Properties.Name -join ','
      $vm.VmConfiguration.properties.hardwareProfile.customsize.cpucount
      $vm.VmConfiguration.properties.hardwareProfile.customsize.memorymb
      $vm.VmConfiguration.properties.hardwareProfile.vmSize
      $vm.VmConfiguration.properties.networkProfile.networkInterfaces[0].virtualNetworkInterfaceReference
      $vm.VmConfiguration.properties.osProfile.osbootstrapengine
      $vm.SystemStatistics.CpuCount
      $vm.SystemStatistics.TotalMemMb
      $vm.EdgeRuntimeVersion.IotEdgeVersion
      $vm.EdgeRuntimeStatus.SystemCtlStatus[-1]
      @($vm.EdgeRuntimeStatus.ModuleList).Count
      """)
    #expect(r.errors.isEmpty, "\(r.errors.map(\.message))")
    #expect(
      r.out == """
        VmConfiguration,VmPowerState,EdgeRuntimeVersion,EdgeRuntimeStatus,SystemStatistics
        TotalMemMb,UsedMemMb,AvailableMemMb,TotalStorageMb,UsedStorageMb,AvailableStorageMb,CpuCount,KernelVersion
        IotEdgeVersion,MobyEngineVersion,MobyCliVersion
        SystemCtlStatus,ModuleList
        ID,name,properties,tags
        2
        2048
        Custom
        DESKTOP-EFLOW01-EFLOWInterface
        CloudInit
        2
        1984
        1.5.9
        aziot-edged.service: inactive
        0

        """)
  }

  @Test func setEflowVmResizesTheRunningVM() throws {
    let h = EflowHarness()
    h.deploy()
    let r = h.run("Set-EflowVM -cpuCount 4 -memoryInMB 4096; (Get-EflowVm).SystemStatistics.CpuCount")
    #expect(r.errors.isEmpty)
    #expect(r.out == "4\n")
    #expect(try h.state().vm?.memoryMB == 4096)
  }

  @Test(arguments: [
    ("Set-EflowVM -cpuCount 99", "Not enough CPU cores available."),
    ("Set-EflowVM -memoryInMB 1023", "Cannot validate argument on parameter 'memoryInMB'. The 1023 argument is less than the minimum allowed range of 1024. Supply an argument that is greater than or equal to 1024 and then try the command again."),
    ("Set-EflowVM -gpuPassthroughType ParaVirtualization -gpuCount 1", "Invalid GPU configuration requested, no GPU on this host supports ParaVirtualization passthrough (the simulated host has no GPU)"),
    ("Set-EflowVM -cpuCount 2 -gpuCount 1", "Invalid GPU configuration requested, -gpuName and -gpuCount need -gpuPassthroughType DirectDeviceAssignment or ParaVirtualization"),
  ])
  func setEflowVmRefusals(_ script: String, _ message: String) throws {
    let h = EflowHarness()
    h.deploy()
    let r = h.run(script)
    #expect(r.error == message)
    #expect(try h.state().vm?.cpuCount == 1, "a refused resize changes nothing")
  }

  @Test func getEflowVmAddrPrintsThreeLinesThenMacAndIp() {
    let h = EflowHarness()
    h.deploy()
    let r = h.run("$mac, $ip = Get-EflowVmAddr; \"mac=$mac\"; \"ip=$ip\"; (Get-EflowVmAddr)[1]")
    #expect(r.errors.isEmpty)
    let addr = """
      \(EflowHarness.stamp) Querying IP and MAC addresses from virtual machine (DESKTOP-EFLOW01-EFLOW)
       - Virtual machine MAC: 00:15:5d:f2:06:5d
       - Virtual machine IP : 172.27.220.206 retrieved directly from virtual machine

      """
    #expect(r.out == addr + "mac=00:15:5d:f2:06:5d\nip=172.27.220.206\n" + addr + "172.27.220.206\n")
  }

  @Test func getEflowVmNameIsTheComputerNamePlusEFLOW() {
    let h = EflowHarness()
    h.deploy()
    #expect(h.run("$n = Get-EflowVmName; $n; $n.GetType().Name").out == "DESKTOP-EFLOW01-EFLOW\nString\n")
  }

  @Test func hostConfigurationWorksWithoutAVM() {
    let h = EflowHarness()
    let r = h.run(
      "$c = Get-EflowHostConfiguration; $c.FreePhysicalMemoryInMB; $c.NumberOfLogicalProcessors; $c.DiskInfo.Drive; $c.DiskInfo.FreeSizeInGB; $c.GpuInfo.Count; $c.PSObject.Properties.Name -join ','"
    )
    #expect(r.errors.isEmpty)
    #expect(r.out == "12288\n8\nC:\n200\n0\nFreePhysicalMemoryInMB,NumberOfLogicalProcessors,DiskInfo,GpuInfo\n")
    h.deploy("-memoryInMB 2048")
    #expect(h.run("(Get-EflowHostConfiguration).FreePhysicalMemoryInMB").out == "10240\n")
  }
}
