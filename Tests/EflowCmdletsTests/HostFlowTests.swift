import Foundation
import Testing

/// The server-SKU sequence of reference §6.1 (internal switch + host IP + NAT + DHCP role and
/// scope), as Microsoft's guide and the EFLOW samples write it, and persistence of the host's
/// state between eflowsh processes.
struct HostFlowTests {
  static let setup = """
    $switchName = "EFLOW-Int"
    if (-not (Get-VMSwitch -Name $switchName -ErrorAction SilentlyContinue)) {
        New-VMSwitch -Name $switchName -SwitchType Internal | Out-Null
    }
    $ifIndex = (Get-NetAdapter -Name "vEthernet ($switchName)").ifIndex
    $tries = 0
    while (-not (Get-NetIPAddress -AddressFamily IPv4 -InterfaceIndex $ifIndex -ErrorAction SilentlyContinue) -and $tries -lt 60) { $tries++ }
    New-NetIPAddress -IPAddress 192.168.0.1 -PrefixLength 24 -InterfaceIndex $ifIndex | Out-Null
    New-NetNat -Name $switchName -InternalIPInterfaceAddressPrefix "192.168.0.0/24" | Out-Null
    if (-not (Get-WindowsFeature -Name 'DHCP').Installed) {
        Install-WindowsFeature -Name 'DHCP' -IncludeManagementTools | Out-Null
    }
    Restart-Service dhcpserver
    Add-DhcpServerV4Scope -Name "AzureIoTEdgeScope" -StartRange 192.168.0.100 -EndRange 192.168.0.200 -SubnetMask 255.255.255.0 -State Active
    Set-DhcpServerV4OptionValue -ScopeID 192.168.0.0 -Router 192.168.0.1
    Restart-service dhcpserver
    "ifIndex=$ifIndex"
    """

  static let inspect = """
    $sw = Get-VMSwitch -Name "EFLOW-Int"
    "switch: $($sw.Name) $($sw.SwitchType)"
    $ip = Get-NetIPAddress -InterfaceAlias "vEthernet (EFLOW-Int)" -AddressFamily IPv4
    "host ip: $($ip.IPAddress)/$($ip.PrefixLength) $($ip.PrefixOrigin)"
    "nat: $((Get-NetNat -Name 'EFLOW-Int').InternalIPInterfaceAddressPrefix)"
    "dhcp: $((Get-WindowsFeature DHCP).InstallState) $((Get-Service dhcpserver).Status)"
    $scope = Get-DhcpServerv4Scope
    "scope: $($scope.ScopeId) $($scope.StartRange)-$($scope.EndRange) $($scope.State)"
    "router: $((Get-DhcpServerv4OptionValue -ScopeId 192.168.0.0 -OptionId 3).Value)"
    """

  static let inspected = """
    switch: EFLOW-Int Internal
    host ip: 192.168.0.1/24 Manual
    nat: 192.168.0.0/24
    dhcp: Installed Running
    scope: 192.168.0.0 192.168.0.100-192.168.0.200 Active
    router: 192.168.0.1

    """

  @Test func serverInternalSwitchNatAndDhcpSequence() {
    let sandbox = HostSandbox(profile: "server")
    let r = sandbox.run(Self.setup + "\n" + Self.inspect)
    #expect(r.errors.map(\.message) == [])
    #expect(r.streams == Array(repeating: "WARNING: Waiting for service 'DHCP Server (dhcpserver)' to start...", count: 2))
    #expect(r.out == "ifIndex=20\n" + Self.inspected)
  }

  @Test func stateSurvivesIntoTheNextProcess() throws {
    let sandbox = HostSandbox(profile: "server")
    #expect(sandbox.run(Self.setup).errors.isEmpty)
    #expect(FileManager.default.fileExists(atPath: sandbox.statePath))
    let second = sandbox.run(Self.inspect)
    #expect(second.errors.map(\.message) == [])
    #expect(second.out == Self.inspected)
    // Running the idempotent parts again changes nothing; the non-idempotent ones say why.
    let again = sandbox.run(Self.setup)
    #expect(again.errors.map(\.message) == [
      "Instance MSFT_NetIPAddress already exists",
      "The parameter is incorrect.",
      "Failed to add scope 192.168.0.0 on DHCP server SRV-EDGE01. The specified scope already exists.",
    ])
    #expect(sandbox.run("@(Get-VMSwitch).Count; @(Get-NetNat).Count; @(Get-DhcpServerv4Scope).Count").out == "1\n1\n1\n")
  }

  @Test func teardownAsTheAutoDeploySampleDoesIt() {
    let sandbox = HostSandbox(profile: "server")
    sandbox.run(Self.setup)
    let r = sandbox.run("""
      Remove-VMSwitch -Name "EFLOW-Int" -Force
      if (Get-NetNat -Name "EFLOW-Int-NAT" -ErrorAction SilentlyContinue) { 'unexpected' }
      if (Get-NetNat -Name "EFLOW-Int" -ErrorAction SilentlyContinue) { Remove-NetNat -Name "EFLOW-Int" -Confirm:$false }
      @(Get-VMSwitch).Count; @(Get-NetNat).Count; @(Get-NetIPAddress -IPAddress 192.168.0.1 -ErrorAction SilentlyContinue).Count
      """)
    #expect(r.errors.isEmpty)
    #expect(r.out == "0\n0\n0\n")
  }

  @Test func whatIfChangesNothingOnDisk() throws {
    let sandbox = HostSandbox(profile: "server")
    sandbox.run("@(Get-VMSwitch).Count | Out-Null")
    let before = try? Data(contentsOf: URL(fileURLWithPath: sandbox.statePath))
    let r = sandbox.run("""
      New-VMSwitch -Name X -SwitchType Internal -WhatIf
      New-NetIPAddress -IPAddress 10.10.0.99 -PrefixLength 24 -InterfaceAlias Ethernet -WhatIf
      New-NetNat -Name X -InternalIPInterfaceAddressPrefix 10.99.0.0/24 -WhatIf
      Install-WindowsFeature DHCP -WhatIf
      Set-VMSwitch -Name X -Notes n -WhatIf -ErrorAction SilentlyContinue
      """)
    #expect(r.errors.isEmpty)
    #expect(r.out.split(separator: "\n").allSatisfy { $0.hasPrefix("What if: Performing the operation \"") })
    #expect(r.out.split(separator: "\n").count == 5)
    let after = try? Data(contentsOf: URL(fileURLWithPath: sandbox.statePath))
    #expect(before == after)
  }
}
