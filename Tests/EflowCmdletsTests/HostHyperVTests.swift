import Foundation
import Testing

/// Hyper-V: Get-VM, Get-/New-/Set-/Remove-VMSwitch and Get-VMNetworkAdapter.
struct HostHyperVTests {
  /// (profile, script, exact output): objects are read through their properties.
  @Test(arguments: [
    ("client", "$s = Get-VMSwitch; \"$($s.Name)|$($s.SwitchType)|$($s.AllowManagementOS)|$($s.Id)|$($s.NetAdapterInterfaceDescription)|\"",
      "Default Switch|Internal|True|c08cb7b8-9b3c-408e-8e30-5e16a3aeb444||\n"),
    ("client", "Get-VMSwitch | Get-TestTypeName; (Get-VMSwitch -Name 'default*').Name; @(Get-VMSwitch -SwitchType External).Count",
      "Microsoft.HyperV.PowerShell.VMSwitch\nDefault Switch\n0\n"),
    ("server", "@(Get-VMSwitch).Count; @(Get-VMSwitch -Name 'x*').Count", "0\n0\n"),
    ("server", "$s = New-VMSwitch -Name 'EFLOW-Int' -SwitchType Internal -Notes 'n1'; \"$($s.Name)|$($s.SwitchType)|$($s.AllowManagementOS)|$($s.Notes)\"; (Get-NetAdapter -Name 'vEthernet (EFLOW-Int)').InterfaceDescription",
      "EFLOW-Int|Internal|True|n1\nHyper-V Virtual Ethernet Adapter\n"),
    ("server", "$s = New-VMSwitch -Name 'Ext' -NetAdapterName 'Ethernet'; \"$($s.SwitchType)|$($s.NetAdapterInterfaceDescription)|$($s.AllowManagementOS)\"; (Get-NetIPAddress -InterfaceAlias 'vEthernet (Ext)').IPAddress",
      "External|Intel(R) Ethernet Controller X710 for 10GbE SFP+|True\n10.10.0.20\n"),
    ("server", "$s = New-VMSwitch -Name 'Ext' -NetAdapterInterfaceDescription 'Intel(R) Ethernet Controller X710 for 10GbE SFP+ #2' -AllowManagementOS $false; \"$($s.SwitchType)|$($s.AllowManagementOS)\"; @(Get-NetAdapter -Name 'vEthernet (Ext)' -ErrorAction SilentlyContinue).Count",
      "External|False\n0\n"),
    ("server", "$s = New-VMSwitch -Name 'P' -SwitchType Private; \"$($s.SwitchType)|$($s.AllowManagementOS)\"; @(Get-NetAdapter -Name 'vEthernet (P)' -ErrorAction SilentlyContinue).Count",
      "Private|False\n0\n"),
    ("server", "New-VMSwitch -Name 'I' -SwitchType Internal | Out-Null; Set-VMSwitch -Name 'I' -Notes 'hello'; (Get-VMSwitch I).Notes; (Set-VMSwitch -Name 'I' -SwitchType Private -Passthru).SwitchType",
      "hello\nPrivate\n"),
    ("server", "New-VMSwitch -Name 'I' -SwitchType Internal | Out-Null; Remove-VMSwitch -Name 'I' -Force; @(Get-VMSwitch).Count; @(Get-NetAdapter -Name 'vEthernet*').Count",
      "0\n0\n"),
    ("server", "New-VMSwitch -Name 'I' -SwitchType Internal | Out-Null; Get-VMSwitch -Name I | Remove-VMSwitch -Force; @(Get-VMSwitch).Count", "0\n"),
    ("server", "New-VMSwitch -Name 'I' -SwitchType Internal -WhatIf; @(Get-VMSwitch).Count",
      "What if: Performing the operation \"New-VMSwitch\" on target \"I\".\n0\n"),
    ("server", "New-VMSwitch -Name 'I' -SwitchType Internal | Out-Null; Remove-VMSwitch I -WhatIf; @(Get-VMSwitch).Count",
      "What if: Performing the operation \"Remove-VMSwitch\" on target \"I\".\n1\n"),
    ("server", "New-VMSwitch -Name 'I' -SwitchType Internal | Out-Null; $a = Get-VMNetworkAdapter -ManagementOS; \"$($a.Name)|$($a.SwitchName)|$($a.IsManagementOs)|$($a.MacAddress.Length)|$($a.MacAddress.StartsWith('00155D'))\"",
      "I|I|True|12|True\n"),
    ("client", "@(Get-VMNetworkAdapter -VMName '*').Count; @(Get-VMNetworkAdapter -ManagementOS -SwitchName 'Default Switch').Count", "0\n1\n"),
  ] as [(String, String, String)])
  func behaviour(profile: String, script: String, expected: String) {
    HostSandbox(profile: profile).run(script).expectClean(expected)
  }

  /// (profile, script, message, FullyQualifiedErrorId, category): the Hyper-V error shapes.
  @Test(arguments: [
    ("client", "Get-VMSwitch -Name 'Nope'", "Hyper-V was unable to find a virtual switch with name \"Nope\".",
      "InvalidParameter,Microsoft.HyperV.PowerShell.Commands.GetVMSwitch", "ObjectNotFound"),
    ("client", "Remove-VMSwitch -Name 'Nope' -Force", "Hyper-V was unable to find a virtual switch with name \"Nope\".",
      "InvalidParameter,Microsoft.HyperV.PowerShell.Commands.RemoveVMSwitch", "ObjectNotFound"),
    ("client", "Remove-VMSwitch -Name 'Default Switch' -Force",
      "Failed while removing virtual Ethernet switch. The Default Switch is managed by the system and cannot be removed.",
      "OperationFailed,Microsoft.HyperV.PowerShell.Commands.RemoveVMSwitch", "InvalidOperation"),
    ("client", "New-VMSwitch -Name X -NetAdapterName 'Wi-Fi'",
      "Failed while adding virtual Ethernet switch connections. The network adapter 'Wi-Fi' is not connected (Status: Disconnected).",
      "InvalidParameter,Microsoft.HyperV.PowerShell.Commands.NewVMSwitch", "InvalidArgument"),
    ("client", "New-VMSwitch -Name X -NetAdapterName 'Nope'",
      "No MSFT_NetAdapter objects found with property 'Name' equal to 'Nope'.  Verify the value of the property and retry.",
      "InvalidParameter,Microsoft.HyperV.PowerShell.Commands.NewVMSwitch", "ObjectNotFound"),
    ("client", "Get-VM -Name 'DESKTOP-EFLOW01-EFLOW'",
      "Hyper-V was unable to find a virtual machine with name \"DESKTOP-EFLOW01-EFLOW\".",
      "InvalidParameter,Microsoft.HyperV.PowerShell.Commands.GetVM", "ObjectNotFound"),
    ("server", "Get-VM 'Nope'", "Hyper-V was unable to find a virtual machine with name \"Nope\".",
      "InvalidParameter,Microsoft.HyperV.PowerShell.Commands.GetVM", "ObjectNotFound"),
    ("client", "Get-VMNetworkAdapter -VMName 'DESKTOP-EFLOW01-EFLOW'",
      "Hyper-V was unable to find a virtual machine with name \"DESKTOP-EFLOW01-EFLOW\".",
      "InvalidParameter,Microsoft.HyperV.PowerShell.Commands.GetVMNetworkAdapter", "ObjectNotFound"),
  ] as [(String, String, String, String, String)])
  func errors(profile: String, script: String, message: String, fqid: String, category: String) {
    let r = HostSandbox(profile: profile).run(script + "; 'next'")
    r.expectError(message, id: fqid, category: category)
    #expect(r.out == "next\n", "a non-terminating error: the script goes on")
    #expect(r.errors.first?.invocationName == script.split(separator: " ").first.map(String.init))
    // -ErrorAction SilentlyContinue hides it; -ErrorAction Stop makes it catchable.
    let quiet = HostSandbox(profile: profile).run(script + " -ErrorAction SilentlyContinue; 'next'")
    #expect(quiet.errors.isEmpty && quiet.out == "next\n")
    let stop = HostSandbox(profile: profile).run("try { \(script) -ErrorAction Stop; 'no' } catch { \"caught: $($_.Exception.Message)\" }")
    #expect(stop.out == "caught: \(message)\n")
  }

  static let deploy = """
    $null = New-VMSwitch -Name EFLOW-External -NetAdapterName Ethernet
    $null = Deploy-Eflow -acceptEula Yes -acceptOptionalTelemetry No -headless -vswitchName EFLOW-External -vswitchType External -ip4Address 10.10.0.50 -ip4PrefixLength 24 -ip4GatewayAddress 10.10.0.1
    """

  static let vmFields =
    "$vm = Get-VM; \"$($vm.Name)|$($vm.State)|$($vm.CPUUsage)|$($vm.MemoryAssigned)|$($vm.MemoryStartup)|$($vm.ProcessorCount)|$($vm.Uptime)|$($vm.Status)|$($vm.Version)|$($vm.Generation)|$($vm.VMName)|$($vm.ComputerName)|$($vm.Path)\""

  /// (setup after the deployment, script, exact output): Get-VM on a server SKU, where the EFLOW
  /// VM is a VMMS VM.
  @Test(arguments: [
    ("", vmFields,
      "SRV-EDGE01-EFLOW|Running|1|1073741824|1073741824|1|00:05:00|Operating normally|10.0|2|SRV-EDGE01-EFLOW|SRV-EDGE01|C:\\Program Files\\Azure IoT Edge\n"),
    ("$null = Stop-EflowVm", vmFields,
      "SRV-EDGE01-EFLOW|Off|0|0|1073741824|1|00:00:00|Operating normally|10.0|2|SRV-EDGE01-EFLOW|SRV-EDGE01|C:\\Program Files\\Azure IoT Edge\n"),
    ("$null = Stop-EflowVm; $null = Start-EflowVm", "(Get-VM).State", "Running\n"),
    ("", "Get-VM | Get-TestTypeName", "Microsoft.HyperV.PowerShell.VirtualMachine\n"),
    ("", "Set-StrictMode -Version Latest; (Get-VM).State; (Get-VM -Name 'SRV-EDGE01-EFLOW').State -eq 'Running'", "Running\nTrue\n"),
    ("", "(Get-VM -Name '*eflow').Name; @(Get-VM -Name 'x*').Count; @(Get-VM -Name 'x*', 'SRV-*').Count; @(Get-VM -VMName 'SRV?EDGE01-EFLOW').Count",
      "SRV-EDGE01-EFLOW\n0\n1\n1\n"),
    ("", "$vm = Get-VM; $vm.Id -eq $vm.VMId; $vm.Id.ToString().Replace('-', '') -eq (Get-EflowVm).VmConfiguration.id; (Get-VM -Id $vm.Id).Name",
      "True\nTrue\nSRV-EDGE01-EFLOW\n"),
    ("", "(Get-VMNetworkAdapter -VM (Get-VM)).VMName", "SRV-EDGE01-EFLOW\n"),
  ] as [(String, String, String)])
  func getVM(setup: String, script: String, expected: String) {
    let sandbox = HostSandbox(profile: "server")
    #expect(sandbox.run(Self.deploy + "\n" + setup).errors.isEmpty)
    let r = sandbox.run(script)
    #expect(r.messages == [])
    #expect(r.out == expected)
  }

  /// No Hyper-V VM (a client SKU, where EFLOW's VM is HCS-managed, or a host with none yet): no
  /// output and no error unless a name without wildcards was asked for.
  @Test(arguments: ["client", "server"])
  func getVMWithoutVM(profile: String) {
    let sandbox = HostSandbox(profile: profile)
    if profile == "client" {
      #expect(sandbox.run("$null = Deploy-Eflow -acceptEula Yes -acceptOptionalTelemetry No -headless").errors.isEmpty)
      #expect(sandbox.run("(Get-EflowVm).VmConfiguration.name").out == "DESKTOP-EFLOW01-EFLOW\n")
    }
    let r = sandbox.run("Get-VM; @(Get-VM).Count; @(Get-VM -Name '*').Count; 'end'")
    #expect(r.errors.isEmpty)
    #expect(r.out == "0\n0\nend\n")
  }

  /// The same seed gives the same VM id.
  @Test func getVMIdIsDeterministic() {
    let ids = (0..<2).map { _ in
      let sandbox = HostSandbox(profile: "server")
      sandbox.run(Self.deploy)
      return sandbox.run("\"$((Get-VM).Id)\"").out
    }
    #expect(ids[0] == ids[1] && ids[0].count == 37)
  }

  /// `"$env:COMPUTERNAME-EFLOW"` names the VM: the host is the profile's computer (unless the
  /// process environment sets COMPUTERNAME, which wins as on Windows).
  @Test func computerNameComesFromTheProfile() {
    let sandbox = HostSandbox(profile: "server")
    sandbox.run(Self.deploy)
    let expected = ProcessInfo.processInfo.environment["COMPUTERNAME"].flatMap { $0.isEmpty ? nil : $0 } ?? "SRV-EDGE01"
    let r = sandbox.run("$env:COMPUTERNAME; [Environment]::MachineName; (Get-VM -Name \"$env:COMPUTERNAME-EFLOW\" -ErrorAction SilentlyContinue).State")
    if expected == "SRV-EDGE01" {
      #expect(r.out == "SRV-EDGE01\nSRV-EDGE01\nRunning\n")
    } else {
      #expect(r.out.hasPrefix("\(expected)\n\(expected)\n"))
    }
    #expect(HostSandbox(profile: "client").run("$env:COMPUTERNAME").out == (expected == "SRV-EDGE01" ? "DESKTOP-EFLOW01\n" : "\(expected)\n"))
  }

  @Test func existenceCheckIdiom() {
    let r = HostSandbox(profile: "server").run("""
      if (-not (Get-VMSwitch -Name "EFLOW-Int" -ErrorAction SilentlyContinue)) { New-VMSwitch -Name "EFLOW-Int" -SwitchType Internal | Out-Null; 'created' }
      if (-not (Get-VMSwitch -Name "EFLOW-Int" -ErrorAction SilentlyContinue)) { 'again' } else { 'exists' }
      """)
    #expect(r.errors.isEmpty)
    #expect(r.out == "created\nexists\n")
  }
}
