import Testing

/// NetAdapter, NetTCPIP and DnsClient on the built-in profiles.
struct HostNetworkTests {
  static let nsNotFound = "  Verify the value of the property and retry."

  @Test(arguments: [
    // Get-NetAdapter: the MSFT_NetAdapter property set; host MACs upper case with dashes.
    ("client", "$a = Get-NetAdapter -Name Ethernet; \"$($a.Name)|$($a.InterfaceDescription)|$($a.ifIndex)|$($a.Status)|$($a.MacAddress)|$($a.LinkSpeed)|$($a.InterfaceAlias)|$($a.InterfaceIndex)\"",
      "Ethernet|Intel(R) Ethernet Connection (17) I219-LM|4|Up|00-1A-2B-3C-4D-5E|1 Gbps|Ethernet|4\n"),
    ("client", "Get-NetAdapter -Name Ethernet | Get-TestTypeName", "Microsoft.Management.Infrastructure.CimInstance#ROOT/StandardCimv2/MSFT_NetAdapter\n"),
    ("client", "(Get-NetAdapter).Name -join ','; (Get-NetAdapter -Physical).Name -join ','; (Get-NetAdapter -Name 'w*').Status",
      "Ethernet,vEthernet (Default Switch),Wi-Fi\nEthernet,Wi-Fi\nDisconnected\n"),
    ("client", "$v = Get-NetAdapter -Name 'vEthernet (Default Switch)'; $v.MacAddress -match '^00-15-5D(-[0-9A-F]{2}){3}$'; $v.Virtual; (Get-NetAdapter -InterfaceIndex 4).Name; (Get-NetAdapter -InterfaceDescription 'Intel(R) Wi-Fi*').Name",
      "True\nTrue\nEthernet\nWi-Fi\n"),
    ("client", "@(Get-NetAdapter -Name 'nothing*').Count", "0\n"),
    // New-NetIPAddress: one object per policy store; APIPA replaced by the manual address.
    ("server", """
      New-VMSwitch -Name S -SwitchType Internal | Out-Null
      $i = (Get-NetAdapter -Name 'vEthernet (S)').ifIndex
      $pre = Get-NetIPAddress -AddressFamily IPv4 -InterfaceIndex $i
      "$($pre.IPAddress.StartsWith('169.254.'))|$($pre.PrefixLength)|$($pre.PrefixOrigin)|$($pre.SuffixOrigin)"
      $n = New-NetIPAddress -IPAddress 192.168.0.1 -PrefixLength 24 -InterfaceIndex $i
      $n.Count
      foreach ($o in $n) { "$($o.IPAddress)|$($o.InterfaceAlias)|$($o.AddressFamily)|$($o.Type)|$($o.PrefixLength)|$($o.PrefixOrigin)|$($o.SuffixOrigin)|$($o.AddressState)|$($o.ValidLifetime -eq [timespan]::MaxValue)|$($o.SkipAsSource)|$($o.PolicyStore)" }
      (Get-NetIPAddress -InterfaceIndex $i).IPAddress
      (Get-NetIPAddress -InterfaceIndex $i -PolicyStore PersistentStore).AddressState
      """,
      "True|16|WellKnown|Link\n2\n192.168.0.1|vEthernet (S)|IPv4|Unicast|24|Manual|Manual|Preferred|True|False|ActiveStore\n192.168.0.1|vEthernet (S)|IPv4|Unicast|24|Manual|Manual|Invalid|True|False|PersistentStore\n192.168.0.1\nInvalid\n"),
    ("server", "$o = New-NetIPAddress -IPAddress 10.50.0.1 -PrefixLength 24 -InterfaceAlias 'Ethernet 2' -PolicyStore ActiveStore; @($o).Count; $o.InterfaceIndex",
      "1\n7\n"),
    ("server", "New-NetIPAddress -IPAddress 10.50.0.1 -PrefixLength 24 -InterfaceAlias 'Ethernet 2' -WhatIf; @(Get-NetIPAddress -IPAddress 10.50.0.1 -ErrorAction SilentlyContinue).Count",
      "What if: Performing the operation \"New-NetIPAddress\" on target \"10.50.0.1/24 on Ethernet 2\".\n0\n"),
    // Get-NetIPAddress filters and pipeline binding from Get-NetAdapter.
    ("server", "(Get-NetIPAddress -AddressFamily IPv4).IPAddress -join ','; (Get-NetAdapter -Name 'Ethernet 2' | Get-NetIPAddress -AddressFamily IPv4).IPAddress; (Get-NetIPAddress -PrefixOrigin Manual -InterfaceAlias 'Eth*').Count; @(Get-NetIPAddress -AddressFamily IPv6).Count",
      "10.10.0.20,192.168.100.20\n192.168.100.20\n2\n0\n"),
    // Remove-NetIPAddress by filter, by piped object, with -PassThru.
    ("server", "Remove-NetIPAddress -IPAddress 192.168.100.20 -Confirm:$false; @(Get-NetIPAddress -InterfaceAlias 'Ethernet 2' -ErrorAction SilentlyContinue).Count; (Get-NetIPAddress -IPAddress 10.10.0.20 | Remove-NetIPAddress -PassThru).IPAddress; @(Get-NetIPAddress).Count",
      "0\n10.10.0.20\n0\n"),
    ("server", "Remove-NetIPAddress -IPAddress 10.10.0.20 -WhatIf; @(Get-NetIPAddress -IPAddress 10.10.0.20).Count",
      "What if: Performing the operation \"Delete\" on target \"MSFT_NetIPAddress (IPAddress = \"10.10.0.20\", InterfaceIndex = 4)\".\n1\n"),
    // Routes, IP configuration and DNS client servers (EAD reads these for internal-switch DNS).
    ("server", "$r = Get-NetRoute -DestinationPrefix 0.0.0.0/0; \"$($r.NextHop)|$($r.InterfaceAlias)|$($r.RouteMetric)|$($r.AddressFamily)\"; (Get-NetRoute -InterfaceAlias 'Ethernet 2').DestinationPrefix -join ','",
      "10.10.0.1|Ethernet|0|IPv4\n192.168.100.0/24,192.168.100.20/32,192.168.100.255/32\n"),
    ("client", "$c = @(Get-NetIPConfiguration).Where({ $_.IPv4DefaultGateway })[0]; \"$($c.InterfaceAlias)|$($c.IPv4DefaultGateway.NextHop)|$($c.IPv4Address.IPAddress)|$($c.DNSServer.ServerAddresses)\"; (Get-NetIPConfiguration).InterfaceAlias -join ','; (Get-NetIPConfiguration -All).Count",
      "Ethernet|192.168.1.1|192.168.1.50|192.168.1.1\nEthernet,vEthernet (Default Switch)\n3\n"),
    ("client", "$d = Get-DnsClientServerAddress -InterfaceAlias Ethernet; $d.Count; \"$($d[0].AddressFamily)|$($d[0].ServerAddresses)|$($d[1].AddressFamily)|$($d[1].ServerAddresses.Count)\"; @(Get-DnsClientServerAddress).Where({ $_.AddressFamily -eq 2 -and $_.ServerAddresses }).InterfaceAlias; @(Get-DnsClientServerAddress -Family IPv4).Count",
      "2\n2|192.168.1.1|23|0\nEthernet\n3\n"),
  ] as [(String, String, String)])
  func behaviour(profile: String, script: String, expected: String) {
    HostSandbox(profile: profile).run(script).expectClean(expected)
  }

  /// Not-found filters are non-terminating CmdletizationQuery errors, one per literal value;
  /// CIM method failures are InvalidArgument CimExceptions (Windows System Error 87).
  @Test(arguments: [
    ("Get-NetAdapter -Name 'Nope'", "No MSFT_NetAdapter objects found with property 'Name' equal to 'Nope'." + nsNotFound,
      "CmdletizationQuery_NotFound_Name,Get-NetAdapter", "ObjectNotFound", "Microsoft.PowerShell.Cmdletization.Cim.CimJobException"),
    ("Get-NetAdapter -InterfaceIndex 999", "No MSFT_NetAdapter objects found with property 'InterfaceIndex' equal to '999'." + nsNotFound,
      "CmdletizationQuery_NotFound_InterfaceIndex,Get-NetAdapter", "ObjectNotFound", "Microsoft.PowerShell.Cmdletization.Cim.CimJobException"),
    ("Get-NetIPAddress -InterfaceIndex 7 -AddressFamily IPv6", "No MSFT_NetIPAddress objects found with property 'InterfaceIndex' equal to '7'." + nsNotFound,
      "CmdletizationQuery_NotFound_InterfaceIndex,Get-NetIPAddress", "ObjectNotFound", "Microsoft.PowerShell.Cmdletization.Cim.CimJobException"),
    ("Get-NetIPAddress -IPAddress 1.2.3.4", "No MSFT_NetIPAddress objects found with property 'IPAddress' equal to '1.2.3.4'." + nsNotFound,
      "CmdletizationQuery_NotFound_IPAddress,Get-NetIPAddress", "ObjectNotFound", "Microsoft.PowerShell.Cmdletization.Cim.CimJobException"),
    ("Remove-NetIPAddress -IPAddress 1.2.3.4 -Confirm:$false", "No MSFT_NetIPAddress objects found with property 'IPAddress' equal to '1.2.3.4'." + nsNotFound,
      "CmdletizationQuery_NotFound_IPAddress,Remove-NetIPAddress", "ObjectNotFound", "Microsoft.PowerShell.Cmdletization.Cim.CimJobException"),
    ("New-NetIPAddress -IPAddress 10.10.0.20 -PrefixLength 24 -InterfaceAlias 'Ethernet 2'", "Instance MSFT_NetIPAddress already exists",
      "Windows System Error 87,New-NetIPAddress", "InvalidArgument", "Microsoft.Management.Infrastructure.CimException"),
    ("New-NetIPAddress -IPAddress 10.60.0.1 -PrefixLength 24 -InterfaceAlias 'Ethernet 2' -DefaultGateway 10.61.0.1", "The parameter is incorrect.",
      "Windows System Error 87,New-NetIPAddress", "InvalidArgument", "Microsoft.Management.Infrastructure.CimException"),
    ("New-NetIPAddress -IPAddress 10.60.0.1 -PrefixLength 24 -InterfaceIndex 999", "No MSFT_NetAdapter objects found with property 'InterfaceIndex' equal to '999'." + nsNotFound,
      "CmdletizationQuery_NotFound_InterfaceIndex,New-NetIPAddress", "ObjectNotFound", "Microsoft.PowerShell.Cmdletization.Cim.CimJobException"),
    ("Get-DnsClientServerAddress -InterfaceAlias 'Nope'", "No MSFT_DNSClientServerAddress objects found with property 'InterfaceAlias' equal to 'Nope'." + nsNotFound,
      "CmdletizationQuery_NotFound_InterfaceAlias,Get-DnsClientServerAddress", "ObjectNotFound", "Microsoft.PowerShell.Cmdletization.Cim.CimJobException"),
  ] as [(String, String, String, String, String)])
  func errors(script: String, message: String, fqid: String, category: String, exception: String) {
    let r = HostSandbox(profile: "server").run(script + "; 'next'")
    r.expectError(message, id: fqid, category: category)
    #expect(r.errors.map(\.exceptionType) == [exception])
    #expect(r.out.hasSuffix("next\n"))
    let quiet = HostSandbox(profile: "server").run(script + " -ErrorAction SilentlyContinue; 'next'")
    #expect(quiet.errors.isEmpty && quiet.out.hasSuffix("next\n"))
  }

  @Test func duplicateAddressTargetIsTheCimClass() throws {
    let r = HostSandbox(profile: "server").run("New-NetIPAddress -IPAddress 10.10.0.20 -PrefixLength 24 -InterfaceIndex 7")
    let e = try #require(r.errors.first)
    #expect(e.categoryInfoText.hasPrefix("InvalidArgument: (MSFT_NetIPAddress:ROOT/StandardCimv2/MSFT_NetIPAddress) "))
  }

  @Test func removeWithoutFilterNeedsConfirmFalse() {
    let refused = HostSandbox(profile: "server")
    // A statement-terminating error, as a cmdlet's ThrowTerminatingError: the script goes on.
    let r = refused.run("Remove-NetIPAddress; 'next'")
    #expect(r.errorIds == ["ConfirmationRequired,Remove-NetIPAddress"])
    #expect(r.out == "next\n")
    #expect(refused.run("@(Get-NetIPAddress).Count").out == "2\n")
    #expect(refused.run("Remove-NetIPAddress -Confirm:$false; @(Get-NetIPAddress -ErrorAction SilentlyContinue).Count").out == "0\n")
  }

  @Test func pollingIdiomFindsTheApipaAddressAtOnce() {
    let r = HostSandbox(profile: "server").run("""
      New-VMSwitch -Name "EFLOW-Int" -SwitchType Internal | Out-Null
      $idx = (Get-NetAdapter -Name "vEthernet (EFLOW-Int)").ifIndex
      $n = 0
      while (-not (Get-NetIPAddress -AddressFamily IPv4 -InterfaceIndex $idx -ErrorAction SilentlyContinue) -and $n -lt 60) { $n++ }
      "tries=$n"
      """)
    #expect(r.errors.isEmpty)
    #expect(r.out == "tries=0\n")
  }
}
