import Testing

/// ServerManager, Dism, services and CIM/WMI.
struct HostSystemTests {
  @Test(arguments: [
    // ServerManager on a server: DHCP role available, Install returns the result object only.
    ("server", "$f = Get-WindowsFeature -Name 'DHCP'; \"$($f.Name)|$($f.DisplayName)|$($f.Installed)|$($f.InstallState)|$($f.FeatureType)\"",
      "DHCP|DHCP Server|False|Available|Role\n"),
    ("server", "$r = Install-WindowsFeature -Name 'DHCP' -IncludeManagementTools; \"$($r.Success)|$($r.RestartNeeded)|$($r.ExitCode)|$($r.FeatureResult -join ',')\"; $r | Get-TestTypeName; (Get-WindowsFeature DHCP).Installed; (Get-WindowsFeature RSAT-DHCP).InstallState; (Install-WindowsFeature DHCP).ExitCode",
      "True|No|Success|DHCP Server,DHCP Server Tools\nMicrosoft.Windows.ServerManager.Commands.FeatureOperationResult\nTrue\nInstalled\nNoChangeNeeded\n"),
    ("server", "if (-not (Get-WindowsFeature -Name 'DHCP').Installed) { Add-WindowsFeature -Name 'DHCP' | Out-Null }; (Get-Service dhcpserver).Status", "Running\n"),
    ("server", "Install-WindowsFeature DHCP -WhatIf; (Get-WindowsFeature DHCP).Installed",
      "What if: Performing the operation \"Install-WindowsFeature\" on target \"[DHCP Server] DHCP Server\".\nFalse\n"),
    // Dism.
    ("client", "$f = Get-WindowsOptionalFeature -Online -FeatureName Microsoft-Hyper-V; \"$($f.FeatureName)|$($f.State)|$($f.DisplayName)\"; (Get-WindowsOptionalFeature -Online).Count; (Get-WindowsOptionalFeature -Online -FeatureName 'Microsoft-Hyper-V*').Count",
      "Microsoft-Hyper-V|Enabled|Hyper-V Platform\n6\n6\n"),
    ("client", "$r = Enable-WindowsOptionalFeature -Online -FeatureName Microsoft-Hyper-V -All -NoRestart; \"$($r.Online)|$($r.RestartNeeded)\"", "True|False\n"),
    // Services.
    ("client", "(Get-Service).Name -join ','; $s = Get-Service -Name wssdagent; \"$($s.Status)|$($s.Name)|$($s.DisplayName)|$($s.StartType)\"; $s | Get-TestTypeName; (Get-Service 'vm*').Name -join ','; (Get-Service -DisplayName 'Hyper-V*').Count",
      "hvhost,SharedAccess,vmcompute,vmms,wssdagent\nRunning|wssdagent|wssdagent|Automatic\nSystem.ServiceProcess.ServiceController\nvmcompute,vmms\n2\n"),
    ("server", "(Get-Service SharedAccess).Status; @(Get-Service dhcpserver -ErrorAction SilentlyContinue).Count", "Stopped\n0\n"),
    ("server", "Install-WindowsFeature DHCP | Out-Null; (Restart-Service dhcpserver -PassThru).Status; Restart-Service vmms; Restart-Service dhcpserver -WhatIf",
      "Running\nWhat if: Performing the operation \"Restart-Service\" on target \"DHCP Server (dhcpserver)\".\n"),
    // CIM / WMI.
    ("client", "$o = Get-CimInstance -ClassName Win32_OperatingSystem; \"$($o.Caption)|$($o.Version)|$($o.BuildNumber)|$($o.ProductType)|$($o.CSName)|$($o.TotalVisibleMemorySize)|$($o.FreePhysicalMemory)\"; $o | Get-TestTypeName",
      "Microsoft Windows 11 Pro|10.0.22631|22631|1|DESKTOP-EFLOW01|16777216|12582912\nMicrosoft.Management.Infrastructure.CimInstance#root/cimv2/Win32_OperatingSystem\n"),
    ("server", "$c = Get-CimInstance Win32_ComputerSystem; \"$($c.Name)|$($c.TotalPhysicalMemory)|$($c.NumberOfLogicalProcessors)|$($c.Domain)|$($c.DomainRole)|$($c.Manufacturer)|$($c.Model)\"; (Get-CimInstance Win32_Processor).NumberOfLogicalProcessors",
      "SRV-EDGE01|34359738368|16|WORKGROUP|2|eflowsh|Simulated Windows host (server)\n16\n"),
    ("server", "(Get-WmiObject -Class Win32_OperatingSystem).ProductType; $w = Get-WmiObject Win32_OperatingSystem; \"$($w.__CLASS)|$($w.__NAMESPACE)\"; $w | Get-TestTypeName",
      "3\nWin32_OperatingSystem|root\\cimv2\nSystem.Management.ManagementObject#root\\cimv2\\Win32_OperatingSystem\n"),
    ("server", "(Get-CimInstance -Query 'SELECT Caption, ProductType FROM Win32_OperatingSystem WHERE ProductType = 2 OR ProductType = 3').Caption; @(Get-CimInstance Win32_OperatingSystem -Filter 'ProductType = 1').Count; (Get-CimInstance Win32_OperatingSystem -Filter \"Caption LIKE '%Server%'\").ProductType; $p = Get-CimInstance Win32_OperatingSystem -Property Caption; \"$($p.Caption)|$($p.Version)|\"",
      "Microsoft Windows Server 2022 Datacenter\n0\n3\nMicrosoft Windows Server 2022 Datacenter||\n"),
  ] as [(String, String, String)])
  func behaviour(profile: String, script: String, expected: String) {
    HostSandbox(profile: profile).run(script).expectClean(expected)
  }

  @Test(arguments: [
    ("client", "Get-WindowsFeature -Name DHCP", "The target of the specified cmdlet cannot be a Windows client-based operating system.",
      "UnSupportedTargetDevice,Microsoft.Windows.ServerManager.Commands.GetWindowsFeatureCommand", "DeviceError"),
    ("client", "Install-WindowsFeature -Name DHCP", "The target of the specified cmdlet cannot be a Windows client-based operating system.",
      "UnSupportedTargetDevice,Microsoft.Windows.ServerManager.Commands.AddWindowsFeatureCommand", "DeviceError"),
    ("server", "Install-WindowsFeature -Name Nope", "ArgumentNotValid: The role, role service, or feature name is not valid: 'Nope'. The name was not found.",
      "NameDoesNotExist,Microsoft.Windows.ServerManager.Commands.AddWindowsFeatureCommand", "InvalidArgument"),
  ] as [(String, String, String, String, String)])
  func terminatingErrors(profile: String, script: String, message: String, fqid: String, category: String) {
    let r = HostSandbox(profile: profile).run("try { \(script) -ErrorAction SilentlyContinue; 'no' } catch { \"caught: $($_.Exception.Message)\" }")
    #expect(r.out == "caught: \(message)\n", "terminating: -ErrorAction SilentlyContinue does not hide it")
    let plain = HostSandbox(profile: profile).run(script)
    #expect(plain.errorIds == [fqid])
    #expect(plain.categories == [category])
  }

  @Test(arguments: [
    ("client", "Get-Service -Name nope", "Cannot find any service with service name 'nope'.",
      "NoServiceFoundForGivenName,Microsoft.PowerShell.Commands.GetServiceCommand", "ObjectNotFound"),
    ("client", "Get-Service -DisplayName 'No Such'", "Cannot find any service with display name 'No Such'.",
      "NoServiceFoundForGivenDisplayName,Microsoft.PowerShell.Commands.GetServiceCommand", "ObjectNotFound"),
    ("client", "Restart-Service dhcpserver", "Cannot find any service with service name 'dhcpserver'.",
      "NoServiceFoundForGivenName,Microsoft.PowerShell.Commands.RestartServiceCommand", "ObjectNotFound"),
    ("client", "Get-CimInstance -ClassName Win32_Foo", "Invalid class ",
      "HRESULT 0x80041010,Microsoft.Management.Infrastructure.CimCmdlets.GetCimInstanceCommand", "MetadataError"),
    ("client", "Get-CimInstance -ClassName Win32_OperatingSystem -Namespace root/nope", "Invalid namespace ",
      "HRESULT 0x8004100e,Microsoft.Management.Infrastructure.CimCmdlets.GetCimInstanceCommand", "MetadataError"),
    ("client", "Get-WmiObject -Class Win32_Foo", "Invalid class \"Win32_Foo\"",
      "GetWMIManagementException,Microsoft.PowerShell.Commands.GetWmiObjectCommand", "InvalidOperation"),
    ("client", "Get-WindowsOptionalFeature -Online -FeatureName Nope", "Feature name Nope is unknown.",
      "Microsoft.Dism.Commands.GetWindowsOptionalFeatureCommand", "NotSpecified"),
  ] as [(String, String, String, String, String)])
  func nonTerminatingErrors(profile: String, script: String, message: String, fqid: String, category: String) {
    let r = HostSandbox(profile: profile).run(script + "; 'next'")
    r.expectError(message, id: fqid, category: category)
    #expect(r.out == "next\n")
    #expect(HostSandbox(profile: profile).run(script + " -ErrorAction SilentlyContinue").errors.isEmpty)
  }

  @Test func restartingDhcpServerWarnsEveryTime() {
    let r = HostSandbox(profile: "server").run("Install-WindowsFeature DHCP | Out-Null; Restart-Service dhcpserver; Restart-Service -Name dhcpserver; Restart-Service wssdagent")
    #expect(r.errors.isEmpty)
    #expect(r.streams == Array(repeating: "WARNING: Waiting for service 'DHCP Server (dhcpserver)' to start...", count: 2))
    #expect(r.out == "")
  }
}
