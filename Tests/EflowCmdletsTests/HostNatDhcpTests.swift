import Testing

/// NetNat and DhcpServer.
struct HostNatDhcpTests {
  @Test(arguments: [
    // MSFT_NetNat: the list-view property set of reference §6.10, in order.
    ("server", """
      $n = New-NetNat -Name 'EFLOW Switch' -InternalIPInterfaceAddressPrefix '169.254.61.0/24'
      ($n.PSObject.Properties.Name -join ',')
      "$($n.Name)|$($n.ExternalIPInterfaceAddressPrefix)|$($n.InternalIPInterfaceAddressPrefix)|$($n.IcmpQueryTimeout)|$($n.TcpEstablishedConnectionTimeout)|$($n.TcpTransientConnectionTimeout)|$($n.TcpFilteringBehavior)|$($n.UdpFilteringBehavior)|$($n.UdpIdleSessionTimeout)|$($n.UdpInboundRefresh)|$($n.Store)|$($n.Active)"
      """,
      "Name,ExternalIPInterfaceAddressPrefix,InternalIPInterfaceAddressPrefix,IcmpQueryTimeout,TcpEstablishedConnectionTimeout,TcpTransientConnectionTimeout,TcpFilteringBehavior,UdpFilteringBehavior,UdpIdleSessionTimeout,UdpInboundRefresh,Store,Active\nEFLOW Switch||169.254.61.0/24|30|1800|120|AddressDependentFiltering|AddressDependentFiltering|120|False|Local|True\n"),
    ("server", "New-NetNat -Name A -InternalIPInterfaceAddressPrefix 10.1.0.0/24 | Get-TestTypeName; New-NetNat B -InternalIPInterfaceAddressPrefix 10.2.0.0/24 | Out-Null; (Get-NetNat).Name -join ','; (Get-NetNat -Name 'b').Name; @(Get-NetNat -Name 'z*').Count",
      "Microsoft.Management.Infrastructure.CimInstance#ROOT/StandardCimv2/MSFT_NetNat\nA,B\nB\n0\n"),
    ("server", "New-NetNat -Name A -InternalIPInterfaceAddressPrefix 10.1.0.0/24 | Out-Null; Remove-NetNat -Name A; @(Get-NetNat).Count", "0\n"),
    ("server", "New-NetNat -Name A -InternalIPInterfaceAddressPrefix 10.1.0.0/24 | Out-Null; (Get-NetNat A | Remove-NetNat -Confirm:$false -PassThru).Name; @(Get-NetNat).Count", "A\n0\n"),
    ("server", "New-NetNat -Name A -InternalIPInterfaceAddressPrefix 10.1.0.0/24 -WhatIf; @(Get-NetNat).Count",
      "What if: Performing the operation \"New-NetNat\" on target \"A\".\n0\n"),
    ("server", "New-NetNat -Name A -InternalIPInterfaceAddressPrefix 10.1.0.0/24 | Out-Null; New-NetNat -Name B -InternalIPInterfaceAddressPrefix 10.2.0.0/24 | Out-Null; Remove-NetNat -Confirm:$false; @(Get-NetNat).Count", "0\n"),
    ("server", "Remove-NetNat; 'nothing to remove'", "nothing to remove\n"),
    // DHCP: the role, scopes and options (server SKU).
    ("server", """
      Install-WindowsFeature -Name DHCP -IncludeManagementTools | Out-Null
      Add-DhcpServerv4Scope -Name 'AzureIoTEdgeScope' -StartRange 192.168.0.100 -EndRange 192.168.0.200 -SubnetMask 255.255.255.0 -State Active
      $s = Get-DhcpServerv4Scope
      "$($s.ScopeId)|$($s.SubnetMask)|$($s.Name)|$($s.State)|$($s.StartRange)|$($s.EndRange)|$($s.LeaseDuration)|$($s.Type)"
      $s | Get-TestTypeName
      (Get-DhcpServerv4Scope -ScopeId 192.168.0.0).Name
      """,
      "192.168.0.0|255.255.255.0|AzureIoTEdgeScope|Active|192.168.0.100|192.168.0.200|8.00:00:00|Dhcp\nMicrosoft.Management.Infrastructure.CimInstance#root/Microsoft/Windows/DHCP/DhcpServerv4Scope\nAzureIoTEdgeScope\n"),
    ("server", """
      Install-WindowsFeature DHCP | Out-Null
      $p = Add-DhcpServerv4Scope 10.5.0.10 10.5.0.20 255.255.255.0 'S' -State InActive -LeaseDuration 1.00:00:00 -Description 'd' -PassThru
      "$($p.ScopeId)|$($p.State)|$($p.LeaseDuration)|$($p.Description)"
      Set-DhcpServerv4OptionValue -ScopeId 10.5.0.0 -Router 10.5.0.1
      $o = Set-DhcpServerv4OptionValue -ScopeId 10.5.0.0 -DnsServer 10.5.0.1, 8.8.8.8 -DnsDomain 'lab.local' -PassThru
      ($o.Name -join ',')
      foreach ($v in Get-DhcpServerv4OptionValue -ScopeId 10.5.0.0) { "$($v.OptionId)|$($v.Name)|$($v.Type)|$($v.Value -join ';')" }
      Set-DhcpServerv4OptionValue 6 1.1.1.1
      (Get-DhcpServerv4OptionValue -OptionId 6).Value
      Remove-DhcpServerv4Scope -ScopeId 10.5.0.0
      @(Get-DhcpServerv4Scope).Count
      """,
      "10.5.0.0|InActive|1.00:00:00|d\nDNS Servers,DNS Domain Name\n3|Router|IPv4Address|10.5.0.1\n6|DNS Servers|IPv4Address|10.5.0.1;8.8.8.8\n15|DNS Domain Name|String|lab.local\n1.1.1.1\n0\n"),
  ] as [(String, String, String)])
  func behaviour(profile: String, script: String, expected: String) {
    HostSandbox(profile: profile).run(script).expectClean(expected)
  }

  @Test(arguments: [
    ("New-NetNat -Name B -InternalIPInterfaceAddressPrefix 10.1.0.128/25", "The parameter is incorrect.", "Windows System Error 87,New-NetNat", "InvalidArgument"),
    ("New-NetNat -Name a -InternalIPInterfaceAddressPrefix 10.9.0.0/24", "The parameter is incorrect.", "Windows System Error 87,New-NetNat", "InvalidArgument"),
    ("Get-NetNat -Name 'Nope'", "No MSFT_NetNat objects found with property 'Name' equal to 'Nope'.  Verify the value of the property and retry.",
      "CmdletizationQuery_NotFound_Name,Get-NetNat", "ObjectNotFound"),
    ("Remove-NetNat -Name 'Nope'", "No MSFT_NetNat objects found with property 'Name' equal to 'Nope'.  Verify the value of the property and retry.",
      "CmdletizationQuery_NotFound_Name,Remove-NetNat", "ObjectNotFound"),
    ("Get-DhcpServerv4Scope", "Failed to get version of the DHCP server SRV-EDGE01.", "WIN32 1722,Get-DhcpServerv4Scope", "InvalidOperation"),
  ] as [(String, String, String, String)])
  func errors(script: String, message: String, fqid: String, category: String) {
    let sandbox = HostSandbox(profile: "server")
    sandbox.run("New-NetNat -Name A -InternalIPInterfaceAddressPrefix 10.1.0.0/24 | Out-Null")
    let r = sandbox.run(script + "; 'next'")
    r.expectError(message, id: fqid, category: category)
    #expect(r.out == "next\n")
    #expect(sandbox.run(script + " -ErrorAction SilentlyContinue").errors.isEmpty)
  }

  @Test(arguments: [
    ("Add-DhcpServerv4Scope -Name X -StartRange 192.168.0.100 -EndRange 192.168.0.200 -SubnetMask 255.255.255.0",
      "Failed to add scope 192.168.0.0 on DHCP server SRV-EDGE01. The specified scope already exists.", "DHCP 20004,Add-DhcpServerv4Scope"),
    ("Add-DhcpServerv4Scope -Name X -StartRange 10.0.0.200 -EndRange 10.0.0.100 -SubnetMask 255.255.255.0",
      "Failed to add scope 10.0.0.0 on DHCP server SRV-EDGE01. The specified IP address range is invalid.", "DHCP 20023,Add-DhcpServerv4Scope"),
    // The guide's -ScopeID {startIp} is not a scope id.
    ("Set-DhcpServerv4OptionValue -ScopeId 192.168.0.100 -Router 192.168.0.1",
      "Failed to get scope 192.168.0.100 on DHCP server SRV-EDGE01. The specified DHCP scope does not exist.", "DHCP 20005,Set-DhcpServerv4OptionValue"),
    ("Get-DhcpServerv4Scope -ScopeId 10.9.9.0",
      "Failed to get scope 10.9.9.0 on DHCP server SRV-EDGE01. The specified DHCP scope does not exist.", "DHCP 20005,Get-DhcpServerv4Scope"),
    ("Remove-DhcpServerv4Scope -ScopeId 10.9.9.0",
      "Failed to get scope 10.9.9.0 on DHCP server SRV-EDGE01. The specified DHCP scope does not exist.", "DHCP 20005,Remove-DhcpServerv4Scope"),
    ("Get-DhcpServerv4OptionValue -ScopeId 192.168.0.0 -OptionId 6",
      "Failed to get option value 6 at scope 192.168.0.0 on DHCP server SRV-EDGE01. The specified option value does not exist.", "DHCP 20005,Get-DhcpServerv4OptionValue"),
  ] as [(String, String, String)])
  func dhcpErrors(script: String, message: String, fqid: String) {
    let sandbox = HostSandbox(profile: "server")
    sandbox.run("Install-WindowsFeature DHCP | Out-Null; Add-DhcpServerv4Scope -Name S -StartRange 192.168.0.100 -EndRange 192.168.0.200 -SubnetMask 255.255.255.0")
    let r = sandbox.run(script)
    #expect(r.messages == [message])
    #expect(r.errorIds == [fqid])
    #expect(sandbox.run(script + " -ErrorAction SilentlyContinue").errors.isEmpty)
  }

  @Test func removeAllNatsIsRefusedWithoutConfirmFalse() {
    let sandbox = HostSandbox(profile: "server")
    sandbox.run("New-NetNat -Name A -InternalIPInterfaceAddressPrefix 10.1.0.0/24 | Out-Null; New-NetNat -Name B -InternalIPInterfaceAddressPrefix 10.2.0.0/24 | Out-Null")
    let r = sandbox.run("Remove-NetNat")
    #expect(r.errorIds == ["ConfirmationRequired,Remove-NetNat"])
    #expect(r.messages == [
      "Remove-NetNat without -Name removes every NAT on the host (A, B). eflowsh cannot ask for confirmation: give -Name, or run it with -Confirm:$false to remove them all."
    ])
    #expect(sandbox.run("@(Get-NetNat).Count").out == "2\n")
    let whatIf = sandbox.run("Remove-NetNat -WhatIf; @(Get-NetNat).Count")
    #expect(whatIf.out == "What if: Performing the operation \"Delete\" on target \"MSFT_NetNat (Name = \"A\")\".\nWhat if: Performing the operation \"Delete\" on target \"MSFT_NetNat (Name = \"B\")\".\n2\n")
  }
}
