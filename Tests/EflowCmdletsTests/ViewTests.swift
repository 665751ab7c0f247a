import Testing

/// The Windows modules' default views, as Windows PowerShell 5.1 prints their objects (at 120
/// columns), and the AzureEFLOW objects' tables and lists: a setup script (output not
/// compared), then a script and exactly the text it prints.
struct ViewTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var profile = "server"
    var setup = ""
    var script: String
    var expected: String
    var testDescription: String { script }
  }

  static let eflowSetup = """
    $null = New-VMSwitch -Name EFLOW-External -NetAdapterName Ethernet
    $null = New-VMSwitch -Name OnlineUPCUA -NetAdapterName 'Ethernet 2'
    $null = Deploy-Eflow -acceptEula Yes -acceptOptionalTelemetry No -headless -vswitchName EFLOW-External -vswitchType External -ip4Address 10.10.0.50 -ip4PrefixLength 24 -ip4GatewayAddress 10.10.0.1
    $null = Add-EflowNetwork -vswitchName OnlineUPCUA -vswitchType External
    """

  static let cases: [Case] = [
    // Get-VMSwitch: Name, SwitchType, NetAdapterInterfaceDescription, sized from the switches
    // (reference §6.3; an empty last cell still follows its column's padding and separator).
    Case(
      profile: "client", setup: "$null = New-VMSwitch -Name IntOff -SwitchType Internal", script: "Get-VMSwitch",
      expected: """

        Name           SwitchType NetAdapterInterfaceDescription
        ----           ---------- ------------------------------
        Default Switch Internal   \("")
        IntOff         Internal   \("")



        """),
    Case(
      setup: "$null = New-VMSwitch -Name EFLOW-Ext -NetAdapterName Ethernet", script: "Get-VMSwitch",
      expected: """

        Name      SwitchType NetAdapterInterfaceDescription
        ----      ---------- ------------------------------
        EFLOW-Ext External   Intel(R) Ethernet Controller X710 for 10GbE SFP+



        """),
    // Get-VM: Name, State, CPUUsage(%), MemoryAssigned(M) in MB, Uptime as hh:mm:ss, Status,
    // Version, sized from the VMs; Off shows zeros.
    Case(
      setup: eflowSetup, script: "Get-VM",
      expected: """

        Name             State   CPUUsage(%) MemoryAssigned(M) Uptime   Status             Version
        ----             -----   ----------- ----------------- ------   ------             -------
        SRV-EDGE01-EFLOW Running 1           1024              00:05:00 Operating normally 10.0



        """),
    Case(
      setup: eflowSetup + "\n$null = Stop-EflowVm", script: "Get-VM",
      expected: """

        Name             State CPUUsage(%) MemoryAssigned(M) Uptime   Status             Version
        ----             ----- ----------- ----------------- ------   ------             -------
        SRV-EDGE01-EFLOW Off   0           0                 00:00:00 Operating normally 10.0



        """),
    // Get-NetAdapter: Name 21, InterfaceDescription 34, ifIndex 7 (right), Status 12,
    // MacAddress 17, LinkSpeed 12 (right) (reference §6.7).
    Case(
      setup: "$null = New-VMSwitch -Name intSwitch -SwitchType Internal", script: "Get-NetAdapter -Name 'vEthernet (intSwitch)'",
      expected: """

        Name                  InterfaceDescription               ifIndex Status       MacAddress           LinkSpeed
        ----                  --------------------               ------- ------       ----------           ---------
        vEthernet (intSwitch) Hyper-V Virtual Ethernet Adapter        20 Up           00-15-5D-75-1D-07      10 Gbps



        """),
    Case(
      script: "Get-NetAdapter",
      expected: """

        Name                  InterfaceDescription               ifIndex Status       MacAddress           LinkSpeed
        ----                  --------------------               ------- ------       ----------           ---------
        Ethernet              Intel(R) Ethernet Controller X7...       4 Up           00-1B-21-0A-0B-01      10 Gbps
        Ethernet 2            Intel(R) Ethernet Controller X7...       7 Up           00-1B-21-0A-0B-02       1 Gbps



        """),
    // DhcpServerv4Scope: ScopeId 15, SubnetMask 15, Name 14, State 8, StartRange 15, EndRange 15, LeaseDuration.
    Case(
      setup: "$null = Install-WindowsFeature DHCP",
      script:
        "Add-DhcpServerv4Scope -Name 'EFLOW scope' -StartRange 172.20.0.10 -EndRange 172.20.0.100 -SubnetMask 255.255.255.0 -PassThru",
      expected: """

        ScopeId         SubnetMask      Name           State    StartRange      EndRange        LeaseDuration
        -------         ----------      ----           -----    ----------      --------        -------------
        172.20.0.0      255.255.255.0   EFLOW scope    Active   172.20.0.10     172.20.0.100    8.00:00:00



        """),
    // Get-Service: Status 8, Name 18, DisplayName 38.
    Case(
      profile: "client", script: "Get-Service wssdagent, vmms",
      expected: """

        Status   Name               DisplayName
        ------   ----               -----------
        Running  vmms               Hyper-V Virtual Machine Management
        Running  wssdagent          wssdagent



        """),
    // Get-WindowsFeature: the tree by indentation, [X] when installed; Display Name 55, Name 26,
    // Install State 13 (right).
    Case(
      script: "Get-WindowsFeature",
      expected: """

        Display Name                                            Name                       Install State
        ------------                                            ----                       -------------
        [ ] DHCP Server                                         DHCP                           Available
        [X] Hyper-V                                             Hyper-V                        Installed
                [ ] DHCP Server Tools                           RSAT-DHCP                      Available
                    [X] Hyper-V Module for Windows PowerShell   Hyper-V-PowerShell             Installed



        """),
    // Get-CimInstance: the CIM classes' tables; Get-WmiObject: their display property sets (a list).
    Case(
      script: "Get-CimInstance Win32_OperatingSystem",
      expected: """

        SystemDirectory     Organization BuildNumber RegisteredUser SerialNumber            Version
        ---------------     ------------ ----------- -------------- ------------            -------
        C:\\Windows\\system32              20348       Windows User   00430-00000-00000-AA001 10.0.20348



        """),
    Case(
      script: "Get-CimInstance Win32_ComputerSystem",
      expected: """

        Name       PrimaryOwnerName Domain    TotalPhysicalMemory Model                           Manufacturer
        ----       ---------------- ------    ------------------- -----                           ------------
        SRV-EDGE01 Windows User     WORKGROUP         34359738368 Simulated Windows host (server) eflowsh



        """),
    Case(
      script: "Get-WmiObject Win32_ComputerSystem",
      expected: """


        Domain              : WORKGROUP
        Manufacturer        : eflowsh
        Model               : Simulated Windows host (server)
        Name                : SRV-EDGE01
        PrimaryOwnerName    : Windows User
        TotalPhysicalMemory : 34359738368




        """),
    // AzureEFLOW: no views; four properties make a table (reference §4.9, §4.10: a nested
    // object's cell is `@{…}`, cut with `...`), five a list.
    Case(
      setup: eflowSetup, script: "Get-EflowNetwork",
      expected: """

        Name           AllocationMethod Cidr Type
        ----           ---------------- ---- ----
        EFLOW-External                       External
        OnlineUPCUA                          External



        """),
    Case(
      setup: eflowSetup,
      script:
        "Add-EflowVmEndpoint -vswitchName OnlineUPCUA -vendpointName OnlineEndpoint -ip4Address 192.168.0.103 -ip4PrefixLength 24 -ip4GatewayAddress 192.168.0.1",
      expected: """

        Name                                        MacAddress        HealthStatus                     IpConfiguration
        ----                                        ----------        ------------                     ---------------
        SRV-EDGE01-EFLOW-OnlineUPCUA-OnlineEndpoint 00:15:5d:ba:b0:ba currentState:OK previousState:OK @{Address=192.168.0.10...



        """),
    Case(
      setup: eflowSetup + "\n$null = Add-EflowVmEndpoint -vswitchName OnlineUPCUA -vendpointName OnlineEndpoint -ip4Address 192.168.0.103 -ip4PrefixLength 24 -ip4GatewayAddress 192.168.0.1",
      script: "Get-EflowVmEndpoint -vswitchName OnlineUPCUA",
      expected: """


        Name               : SRV-EDGE01-EFLOW-OnlineUPCUA-OnlineEndpoint
        MacAddress         : 00:15:5d:ba:b0:ba
        HealthStatus       : currentState:OK previousState:OK
        IpConfiguration    : @{Address=192.168.0.103; PrefixLength=24; Gateway=192.168.0.1; AllocationMethod=Static; \("")
                             SubNet=OnlineUPCUA}
        GuestInterfaceName : eth1




        """),
  ]

  @Test(arguments: cases)
  func printsAsWindowsPowerShell(_ c: Case) {
    let sandbox = HostSandbox(profile: c.profile)
    if !c.setup.isEmpty {
      let setup = sandbox.run(c.setup)
      #expect(setup.errors.isEmpty, "setup: \(setup.messages)")
    }
    let run = sandbox.run(c.script)
    #expect(run.errors.isEmpty, "\(run.messages)")
    #expect(run.out == c.expected)
  }
}
