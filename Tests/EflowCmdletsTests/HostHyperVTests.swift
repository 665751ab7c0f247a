import Testing

/// Hyper-V: Get-/New-/Set-/Remove-VMSwitch and Get-VMNetworkAdapter.
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
    let r = HostSandbox(profile: profile).run(script)
    #expect(r.messages == [])
    #expect(r.out == expected)
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
    ("client", "Get-VMNetworkAdapter -VMName 'DESKTOP-EFLOW01-EFLOW'",
      "Hyper-V was unable to find a virtual machine with name \"DESKTOP-EFLOW01-EFLOW\".",
      "InvalidParameter,Microsoft.HyperV.PowerShell.Commands.GetVMNetworkAdapter", "ObjectNotFound"),
  ] as [(String, String, String, String, String)])
  func errors(profile: String, script: String, message: String, fqid: String, category: String) {
    let r = HostSandbox(profile: profile).run(script + "; 'next'")
    #expect(r.messages == [message])
    #expect(r.errorIds == [fqid])
    #expect(r.categories == [category])
    #expect(r.out == "next\n", "a non-terminating error: the script goes on")
    #expect(r.errors.first?.invocationName == script.split(separator: " ").first.map(String.init))
    // -ErrorAction SilentlyContinue hides it; -ErrorAction Stop makes it catchable.
    let quiet = HostSandbox(profile: profile).run(script + " -ErrorAction SilentlyContinue; 'next'")
    #expect(quiet.errors.isEmpty && quiet.out == "next\n")
    let stop = HostSandbox(profile: profile).run("try { \(script) -ErrorAction Stop; 'no' } catch { \"caught: $($_.Exception.Message)\" }")
    #expect(stop.out == "caught: \(message)\n")
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
