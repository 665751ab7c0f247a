# AzureEFLOW: declarations of the Azure IoT Edge for Linux on Windows (EFLOW) module.
#
# Each function below carries its comment-based help and its param() block; the behaviour is a
# Swift handler bound to the function by name (Sources/EflowCmdlets). Bodies stay empty.
#
# The real AzureEFLOW.psm1 is not published. Parameter names, accepted values and defaults follow
# Microsoft's reference pages (1.1 LTS and 1.4 LTS) and public transcripts; types, Mandatory flags
# and positions are stated only where a document or a transcript shows them, and each cmdlet's
# .NOTES says where eflowsh made an informed choice. eflowsh emulates the current LTS surface
# (1.4 and later): where parameters differ between releases the union is declared here.
#
# Positions: like any PowerShell function whose parameters carry no explicit Position, the
# parameters of these functions bind positionally in declaration order (switches excepted), which
# is what the real module's functions do. Only Provision-EflowVm, Invoke-EflowVmCommand and
# Set-EflowVmDNSServers declare positions explicitly.


function Deploy-Eflow {
    <#
    .SYNOPSIS
    Deploys the EFLOW virtual machine: creates it, attaches it to a virtual switch, configures its
    address and starts it.

    .DESCRIPTION
    Creates the Azure IoT Edge for Linux on Windows virtual machine (named <COMPUTERNAME>-EFLOW),
    attaches its primary endpoint (<VMNAME>Interface, eth0 inside the VM) to a Hyper-V virtual
    switch, configures its IPv4 address (DHCP, or static when -ip4Address, -ip4PrefixLength and
    -ip4GatewayAddress are given), provisions its files and starts it. Progress lines are written
    to the host in the form "[MM/dd/yyyy HH:mm:ss] <step>" / " - <detail>"; on success the string
    "OK" is written to the pipeline.

    None of the parameters is required. Without -vswitchName and -vswitchType on a client SKU the
    VM is attached to the "Default Switch" (ICS, DHCP). A Server SKU has no Default Switch: a switch
    must be created first (New-VMSwitch) and named here.

    Switch rules: External switches are supported on client and server SKUs; Internal switches on
    server SKUs only; the Default Switch on client SKUs only. A static address is not supported on
    the Default Switch. After a static-IP deployment the VM has no DNS servers until
    Set-EflowVmDNSServers is run. Only one VM can be deployed per host.

    .PARAMETER acceptEula
    'Yes' accepts the End User License Agreement without prompting; 'No' declines it.

    .PARAMETER acceptOptionalTelemetry
    'Yes' opts in to optional diagnostic data without prompting; 'No' opts out.

    .PARAMETER cpuCount
    Number of CPU cores for the VM: 1 up to the host's logical processors. Default 1.

    .PARAMETER memoryInMB
    Memory for the VM in MB: an even number from 1024 up to the host's free memory. Default 1024.

    .PARAMETER vmDiskSize
    Maximum size in GB of the VM's dynamically expanding virtual hard disk: 21-2000, default 29
    (1.4 LTS and later). Cannot be combined with -vmDataSize.

    .PARAMETER vmDataSize
    Maximum size in GB of the VM's data partition: 2-2000, default 10 (CR 1.2 and 1.4 LTS onward).
    Cannot be combined with -vmDiskSize.

    .PARAMETER vmLogSize
    Size of the VM's log partition: 'Small' (1 GB, the default) or 'Large' (6 GB).

    .PARAMETER vswitchName
    Name of the existing Hyper-V virtual switch to attach the VM to. Default: "Default Switch" on a
    client SKU; required in practice on a server SKU.

    .PARAMETER vswitchType
    Type of the switch named by -vswitchName: 'Internal' or 'External'.

    .PARAMETER ip4Address
    Static IPv4 address for the VM. Must be valid, unused on the switch's network and inside the
    prefix of -ip4GatewayAddress. Omit all three address parameters to use DHCP.

    .PARAMETER ip4PrefixLength
    Prefix length (0-32) of the static IPv4 address, for example 24. Only valid with -ip4Address.

    .PARAMETER ip4GatewayAddress
    Default gateway for the static IPv4 address. Only valid with -ip4Address.

    .PARAMETER gpuName
    Name of the host GPU to pass through to the VM.

    .PARAMETER gpuPassthroughType
    GPU passthrough type: 'DirectDeviceAssignment', 'ParaVirtualization', or 'None' (CPU only, the
    default when omitted).

    .PARAMETER gpuCount
    Number of GPU devices for the VM: 1 up to the host's GPUs (ParaVirtualization allows only 1).

    .PARAMETER customSsh
    Uses the OpenSSH client installed by the user instead of the one shipped with EFLOW.

    .PARAMETER sharedFoldersJsonPath
    Path to a JSON file describing folders shared between host and VM (the same format as
    Add-EflowVmSharedFolder).

    .PARAMETER headless
    Runs without any interactive prompt (EULA, telemetry, security confirmations).

    .EXAMPLE
    Deploy-Eflow -acceptEula Yes -acceptOptionalTelemetry No -headless

    Deploys the VM on the Default Switch of a client SKU with DHCP, without prompting. Writes the
    progress log to the host and "OK" to the pipeline.

    .EXAMPLE
    Deploy-Eflow -vswitchType Internal -vswitchName "EFLOW-Int" -ip4Address 192.168.0.2 -ip4GatewayAddress 192.168.0.1 -ip4PrefixLength 24

    Deploys on a server SKU's internal switch (created with New-VMSwitch, New-NetIPAddress and
    New-NetNat) with a static address. Follow with Set-EflowVmDNSServers to give the VM DNS.

    .EXAMPLE
    if ((Deploy-Eflow -acceptEula Yes -acceptOptionalTelemetry No -vswitchName ExtEFLOW -vswitchType External -headless) -ieq "OK") { "deployed" }

    The pattern the EFLOW team's auto-deploy sample uses to test for success.

    .OUTPUTS
    System.String. "OK" when the deployment succeeds; failures are terminating errors
    (for example "The virtual switch 'X' of type 'Internal' was not found").

    .NOTES
    Versions: -vswitchName, -vswitchType and the three -ip4* parameters exist since 1.1.2107;
    -vmDataSize and -vmLogSize since CR 1.2 (not in 1.1 LTS, where -vmDiskSize ranged 8-256 with
    default 10); -customSsh and -sharedFoldersJsonPath since 1.4 (shared folders since CR 1.3).
    eflowsh accepts the 1.4-and-later union.

    Informed choices (the real module's param() block is not public):
    - -acceptEula, -acceptOptionalTelemetry, -vswitchType, -gpuPassthroughType and -vmLogSize are
      strings checked by ValidateSet, so a wrong value gives PowerShell's standard
      "Cannot validate argument on parameter ..." error.
    - -gpuPassthroughType also accepts 'None', the documents' name for the default (no GPU).
    - -ip4Address and -ip4GatewayAddress are strings, not [ipaddress], so that the module's own
      validation messages are reported rather than a type-conversion error; -ip4PrefixLength is an
      [int] limited to 0-32 (documents pass both 24 and "24").
    - -vmDiskSize and -vmDataSize are range-checked by the cmdlet, not by ValidateRange, because
      the range depends on the EFLOW release (1.1 LTS: 8-256, default 10; later: 21-2000, default
      29); the message is PowerShell's ValidateRange text. The defaults shown apply only when the
      parameter is not given, and giving both is refused by the cmdlet.
    - -headless is not in Microsoft's parameter table but is used in published transcripts.
    - CPU and memory bounds depend on the simulated host and are checked by the cmdlet
      ("Not enough CPU cores available." / "Not enough memory available.").

    Prompts: without -acceptEula (or without -acceptOptionalTelemetry) and without -headless the
    real module asks. In the interactive shell at a terminal eflowsh asks too, with its own
    wording (the module's is not public), as a PromptForChoice whose default is No:

        End User License Agreement
        Azure IoT Edge for Linux on Windows is licensed under the Microsoft Software License
        Terms for Azure IoT Edge for Linux on Windows. Do you accept the license terms?
        [Y] Yes  [N] No  [?] Help (default is "N"):

        Optional diagnostic data
        Microsoft can collect optional diagnostic data from the EFLOW virtual machine to improve
        the product. Do you want to send optional diagnostic data?
        [Y] Yes  [N] No  [?] Help (default is "N"):

    (each question on one line). Declining the EULA ends the deployment with the module's
    "Action aborted by user", without the second question. Where nobody can answer (a script,
    -Command, -NonInteractive, input not a terminal) the questions become an error naming the
    parameter to pass. With -headless, a missing -acceptEula declines the EULA ("Action aborted by user") and
    a missing -acceptOptionalTelemetry means No. The simulated host has no GPU, so a GPU
    passthrough request fails ("Invalid GPU configuration requested, ..."), and
    -sharedFoldersJsonPath fails as not supported (shared folders are not simulated).
    #>
    [CmdletBinding()]
    param(
        [ValidateSet('Yes', 'No')]
        [string]$acceptEula,

        [ValidateSet('Yes', 'No')]
        [string]$acceptOptionalTelemetry,

        [int]$cpuCount = 1,

        [int]$memoryInMB = 1024,

        [int]$vmDiskSize = 29,

        [int]$vmDataSize = 10,

        [ValidateSet('Small', 'Large')]
        [string]$vmLogSize = 'Small',

        [string]$vswitchName,

        [ValidateSet('Internal', 'External')]
        [string]$vswitchType,

        [string]$ip4Address,

        [ValidateRange(0, 32)]
        [int]$ip4PrefixLength,

        [string]$ip4GatewayAddress,

        [string]$gpuName,

        [ValidateSet('DirectDeviceAssignment', 'ParaVirtualization', 'None')]
        [string]$gpuPassthroughType,

        [int]$gpuCount,

        [switch]$customSsh,

        [string]$sharedFoldersJsonPath,

        [switch]$headless
    )
}


function Verify-EflowVm {
    <#
    .SYNOPSIS
    Tells whether the EFLOW virtual machine has been created.

    .DESCRIPTION
    Returns $true when the EFLOW VM exists (deployed, whatever its power state) and $false
    otherwise. Scripts use it as a gate: if (Verify-EflowVm) { ... }.

    .EXAMPLE
    if (-not (Verify-EflowVm)) { Deploy-Eflow -acceptEula Yes -acceptOptionalTelemetry No -headless }

    Deploys only when no VM exists yet.

    .OUTPUTS
    System.Boolean.

    .NOTES
    Only the common parameters. Present in every release.
    #>
    [CmdletBinding()]
    param()
}


function Start-EflowVm {
    <#
    .SYNOPSIS
    Starts the EFLOW virtual machine.

    .DESCRIPTION
    Starts the EFLOW VM. Does nothing when it is already running. At every start the VM's network
    configuration is applied again: one default route per interface is recreated, so routes or
    metrics changed inside the VM are lost.

    .EXAMPLE
    Stop-EflowVm; Start-EflowVm

    Restarts the VM, for example after Set-EflowVmDNSServers.

    .OUTPUTS
    None.

    .NOTES
    No parameters are documented. Fails with "Virtual machine does not exist, deploy it first" when
    no VM is deployed (eflowsh's choice of message; the real text for this case is not published).
    #>
    [CmdletBinding()]
    param()
}


function Stop-EflowVm {
    <#
    .SYNOPSIS
    Stops the EFLOW virtual machine.

    .DESCRIPTION
    Stops the EFLOW VM. Does nothing when it is already off. While the VM is off, cmdlets that talk
    to it fail with "Can't process request, EFLOW VM is OFF!".

    .EXAMPLE
    Stop-EflowVm; (Get-EflowVm).VmPowerState

    Stops the VM; the power state then reads Off.

    .OUTPUTS
    None.

    .NOTES
    No parameters are documented. The message for a VM-interacting cmdlet on a stopped VM is
    published both as "Can't process request, EFLOW VM is OFF!" (troubleshooting page) and
    "Cannot process request, EFLOW VM is OFF!" (a user transcript); eflowsh uses the former.
    #>
    [CmdletBinding()]
    param()
}


function Get-EflowVm {
    <#
    .SYNOPSIS
    Gets the EFLOW virtual machine's configuration, power state, runtime versions and statistics.

    .DESCRIPTION
    Returns one object with the properties VmConfiguration (the agent's VM record: name, hardware
    profile, network interface references), VmPowerState (Running or Off), EdgeRuntimeVersion
    (IotEdgeVersion, MobyEngineVersion, MobyCliVersion; empty when the VM is off),
    EdgeRuntimeStatus (SystemCtlStatus, ModuleList) and SystemStatistics (TotalMemMb, UsedMemMb,
    AvailableMemMb, TotalStorageMb, UsedStorageMb, AvailableStorageMb, CpuCount, KernelVersion).

    .EXAMPLE
    (Get-EflowVm).VmPowerState

    Running

    .EXAMPLE
    Get-EflowVm | Select-Object -ExpandProperty SystemStatistics

    .OUTPUTS
    System.Management.Automation.PSCustomObject.

    .NOTES
    No parameters. Microsoft's page says "four properties" but lists five; eflowsh returns the five.
    #>
    [CmdletBinding()]
    param()
}


function Set-EflowVM {
    <#
    .SYNOPSIS
    Changes the EFLOW virtual machine's CPU, memory or GPU configuration.

    .DESCRIPTION
    Resizes the running EFLOW VM: number of cores, memory, and GPU passthrough. Parameters not given
    keep their current values. The VM must be running.

    .PARAMETER cpuCount
    Number of CPU cores: 1 up to the host's logical processors.

    .PARAMETER memoryInMB
    Memory in MB: from 1024 up to the host's free memory.

    .PARAMETER gpuName
    Name of the host GPU to pass through.

    .PARAMETER gpuPassthroughType
    'DirectDeviceAssignment', 'ParaVirtualization', or 'None' (no GPU).

    .PARAMETER gpuCount
    Number of GPU devices: 1 up to the host's GPUs (DirectDeviceAssignment only).

    .PARAMETER headless
    Skips the confirmation asked on a security warning.

    .EXAMPLE
    Set-EflowVM -cpuCount 2 -memoryInMB 4096

    Gives the VM two cores and 4 GB of memory.

    .OUTPUTS
    None.

    .NOTES
    Users report that the VM cannot be resized while it is off; eflowsh refuses with
    "Can't process request, EFLOW VM is OFF!". -gpuPassthroughType accepts 'None' as on Deploy-Eflow
    (informed choice). The cmdlet's name is spelled Set-EflowVM in Microsoft's reference; command
    names are case-insensitive.
    #>
    [CmdletBinding()]
    param(
        [int]$cpuCount,

        [int]$memoryInMB,

        [string]$gpuName,

        [ValidateSet('DirectDeviceAssignment', 'ParaVirtualization', 'None')]
        [string]$gpuPassthroughType,

        [int]$gpuCount,

        [switch]$headless
    )
}


function Get-EflowVmName {
    <#
    .SYNOPSIS
    Gets the EFLOW virtual machine's name.

    .DESCRIPTION
    Returns the VM's name, which is also its Linux hostname: <COMPUTERNAME>-EFLOW.

    .EXAMPLE
    $vmName = Get-EflowVmName

    Scripts use the name, for example, as the IoT Hub device id.

    .OUTPUTS
    System.String.

    .NOTES
    No parameters.
    #>
    [CmdletBinding()]
    param()
}


function Get-EflowVmAddr {
    <#
    .SYNOPSIS
    Gets the MAC and IPv4 address of the EFLOW virtual machine's primary interface.

    .DESCRIPTION
    Queries the primary endpoint (eth0) of the VM. Writes to the host:

        [03/31/2022 12:54:31] Querying IP and MAC addresses from virtual machine (DESKTOP-EFLOW)
         - Virtual machine MAC: 00:15:5d:4e:15:2c
         - Virtual machine IP : 172.27.120.111 retrieved directly from virtual machine

    and writes two strings to the pipeline: the MAC (lower case, colon-separated) first, the IPv4
    address second.

    .EXAMPLE
    $mac, $ip = Get-EflowVmAddr

    .EXAMPLE
    $vmIp = Get-EflowVmAddr; ping $vmIp[1]

    .OUTPUTS
    System.String. Two strings: MAC, then IPv4 address.

    .NOTES
    Only the common parameters. When the VM has no address the host lines end with
    " - Failed to acquire IP address for virtual machine".
    #>
    [CmdletBinding()]
    param()
}


function Get-EflowHostConfiguration {
    <#
    .SYNOPSIS
    Gets the host resources available to the EFLOW virtual machine.

    .DESCRIPTION
    Returns an object with FreePhysicalMemoryInMB, NumberOfLogicalProcessors, DiskInfo and GpuInfo
    for the (simulated) Windows host.

    .EXAMPLE
    (Get-EflowHostConfiguration).NumberOfLogicalProcessors

    .OUTPUTS
    System.Management.Automation.PSCustomObject.

    .NOTES
    No parameters.
    #>
    [CmdletBinding()]
    param()
}


function Get-EflowNetwork {
    <#
    .SYNOPSIS
    Gets the networks (virtual switches) assigned to the EFLOW virtual machine.

    .DESCRIPTION
    Returns the networks registered with the EFLOW agent: the deployment switch and every switch
    added with Add-EflowNetwork. Each has Name, AllocationMethod, Cidr and Type. With -vswitchName
    only that network is returned.

    .PARAMETER vswitchName
    Name of the virtual switch whose network to return. Omit to return all.

    .EXAMPLE
    Get-EflowNetwork -vswitchName OnlineUPCUA

    Name        AllocationMethod Cidr Type
    ----        ---------------- ---- ----
    OnlineUPCUA                       External

    .OUTPUTS
    System.Management.Automation.PSCustomObject (Name, AllocationMethod, Cidr, Type).

    .NOTES
    Only one real sample of the output is public (an External switch with empty AllocationMethod
    and Cidr); the values eflowsh shows for Default, Internal, DHCP and static networks are its own
    choice. An unknown name fails with "Network '<name>' does not exist".
    #>
    [CmdletBinding()]
    param(
        [string]$vswitchName
    )
}


function Add-EflowNetwork {
    <#
    .SYNOPSIS
    Adds a virtual switch to the EFLOW virtual machine as a network.

    .DESCRIPTION
    Registers an existing Hyper-V virtual switch with the EFLOW agent. Adding a network does not add
    a network interface to the VM: follow with Add-EflowVmEndpoint. Writes
    "[<time>] Creating vnet (name: <switch>)" to the host and returns the new network.

    .PARAMETER vswitchName
    Name of an existing Hyper-V virtual switch.

    .PARAMETER vswitchType
    Type of that switch: 'Internal' or 'External'. Internal switches are supported on server SKUs
    only.

    .EXAMPLE
    Add-EflowNetwork -vswitchName OnlineUPCUA -vswitchType External

    [10/21/2021 13:10:05] Creating vnet (name: OnlineUPCUA)

    Name        AllocationMethod Cidr Type
    ----        ---------------- ---- ----
    OnlineUPCUA                       External

    .OUTPUTS
    System.Management.Automation.PSCustomObject (Name, AllocationMethod, Cidr, Type).

    .NOTES
    -vswitchName is mandatory (PowerShell prompts for it, as observed). -vswitchType is not
    prompted for; the real module validates it with ValidateSet("External","Internal") in a helper,
    and eflowsh declares that set here. A missing switch or a type mismatch fails with
    "The virtual switch '<name>' of type '<type>' is not found".
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [string]$vswitchName,

        [ValidateSet('Internal', 'External')]
        [string]$vswitchType
    )
}


function Remove-EflowNetwork {
    <#
    .SYNOPSIS
    Removes a network (virtual switch) from the EFLOW virtual machine.

    .DESCRIPTION
    Unregisters a network added with Add-EflowNetwork. The deployment switch (eth0) is the VM's
    management network and cannot be removed.

    .PARAMETER vswitchName
    Name of the network's virtual switch.

    .EXAMPLE
    Remove-EflowNetwork -vswitchName OnlineUPCUA

    .OUTPUTS
    None.

    .NOTES
    Informed choices: removing a network that still has endpoints is refused (remove the endpoints
    first) and removing the deployment network is refused; the real module's messages for these
    cases are not published. An unknown name fails with "Network '<name>' does not exist".
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [string]$vswitchName
    )
}


function Get-EflowVmEndpoint {
    <#
    .SYNOPSIS
    Gets the EFLOW virtual machine's network endpoints (virtual NICs).

    .DESCRIPTION
    Returns the VM's endpoints, the primary one (<VMNAME>Interface, eth0) first. Each has Name,
    MacAddress, HealthStatus, IpConfiguration (Address, PrefixLength, Gateway, AllocationMethod
    Static or Dynamic, SubNet = the switch name) and GuestInterfaceName (eth0, eth1, ...).

    .PARAMETER vswitchName
    Returns only the endpoints on this network.

    .EXAMPLE
    Get-EflowVmEndpoint

    Name               : vmtest1-EFLOWInterface
    MacAddress         : 00:15:5d:00:0b:03
    HealthStatus       : currentState:OK previousState:OK
    IpConfiguration    : @{Address=172.20.0.2; PrefixLength=24; Gateway=172.20.0.1; AllocationMethod=Static; SubNet=InternalSw}
    GuestInterfaceName : eth0

    .OUTPUTS
    System.Management.Automation.PSCustomObject.

    .NOTES
    GuestInterfaceName appears in 1.4 output; eflowsh always includes it.
    #>
    [CmdletBinding()]
    param(
        [string]$vswitchName
    )
}


function Add-EflowVmEndpoint {
    <#
    .SYNOPSIS
    Adds a network endpoint (virtual NIC) to the EFLOW virtual machine.

    .DESCRIPTION
    Creates a virtual NIC on a network added with Add-EflowNetwork. Inside the VM it appears as the
    next ethN interface (eth1, eth2, ...). Without address parameters the endpoint uses DHCP; for a
    static address give -ip4Address, -ip4PrefixLength and -ip4GatewayAddress together.

    .PARAMETER vswitchName
    Name of the network (virtual switch) to attach the endpoint to.

    .PARAMETER vendpointName
    Name of the new endpoint. The endpoint is registered as <VMNAME>-<vswitchName>-<vendpointName>.

    .PARAMETER ip4Address
    Static IPv4 address for the endpoint (for an internal switch with DHCP, inside the DHCP scope's
    subnet).

    .PARAMETER ip4PrefixLength
    Prefix length (0-32) of the static address. Only valid with -ip4Address.

    .PARAMETER ip4GatewayAddress
    Gateway for the static address. Only valid with -ip4Address.

    .EXAMPLE
    Add-EflowVmEndpoint -vswitchName OnlineUPCUA -vendpointName OnlineEndpoint -ip4Address 192.168.0.103 -ip4PrefixLength 24 -ip4GatewayAddress 192.168.0.1

    Name                                             MacAddress        HealthStatus                     IpConfiguration
    ----                                             ----------        ------------                     ---------------
    DESKTOP-SFRE9NQ-EFLOW-OnlineUPCUA-OnlineEndpoint 00:15:5d:54:34:46 currentState:OK previousState:OK @{Address=192.168.0.103; ...

    .OUTPUTS
    System.Management.Automation.PSCustomObject (Name, MacAddress, HealthStatus, IpConfiguration).

    .NOTES
    Informed choices: -vswitchName and -vendpointName are mandatory; addresses are strings (the
    module's own messages, not type-conversion errors, report bad values); at most 8 endpoints per
    VM (Hyper-V's smallest per-VM NIC limit; EFLOW documents none). A 2021 transcript showed an
    empty address in the returned object even for static input; eflowsh returns the configured
    address. An incomplete static trio fails with "ip4Address & ip4PrefixLength are required for
    StaticIP!".
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [string]$vswitchName,

        [Parameter(Mandatory = $true)]
        [string]$vendpointName,

        [string]$ip4Address,

        [ValidateRange(0, 32)]
        [int]$ip4PrefixLength,

        [string]$ip4GatewayAddress
    )
}


function Remove-EflowVmEndpoint {
    <#
    .SYNOPSIS
    Removes a network endpoint (virtual NIC) from the EFLOW virtual machine.

    .DESCRIPTION
    Removes an endpoint added with Add-EflowVmEndpoint. The primary endpoint (eth0) cannot be
    removed.

    .PARAMETER vendpointName
    Name of the endpoint, as Get-EflowVmEndpoint shows it or as given to Add-EflowVmEndpoint.

    .EXAMPLE
    Remove-EflowVmEndpoint -vendpointName OnlineEndpoint

    .OUTPUTS
    None.

    .NOTES
    The real message for removing the primary endpoint is not published (a user could not remove
    it); eflowsh refuses with its own message. Accepting the short name as well as the full
    registered name is eflowsh's choice.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [string]$vendpointName
    )
}


function Set-EflowVmDNSServers {
    <#
    .SYNOPSIS
    Sets the DNS servers of an EFLOW virtual machine endpoint.

    .DESCRIPTION
    Replaces the DNS servers the VM's resolver (systemd-resolved) uses on one endpoint. Needed after
    a static-IP deployment, which leaves the VM without DNS. Restart the VM (Stop-EflowVm;
    Start-EflowVm) to be sure the change is applied.

    .PARAMETER vendpointName
    Name of the endpoint (see Get-EflowVmEndpoint), for example DESKTOP-CONTOSO-EflowInterface.
    Defaults to the primary endpoint.

    .PARAMETER dnsServers
    IPv4 addresses of the DNS servers, for example @("10.0.10.1").

    .EXAMPLE
    Set-EflowVmDNSServers -vendpointName "DESKTOP-CONTOSO-EflowInterface" -dnsServers @("10.0.10.1")

    .EXAMPLE
    Set-EflowVmDNSServers -dnsServers @("192.168.0.1", "8.8.8.8")

    Sets the primary endpoint's DNS servers, as the EFLOW auto-deploy sample does.

    .OUTPUTS
    None.

    .NOTES
    Available since 1.1.2202.21022. Informed choices: -vendpointName is optional and defaults to
    the primary endpoint (the team's sample omits it); -dnsServers is mandatory, a [string[]] and
    Position 0, so the servers can be given positionally; an invalid entry fails with
    "<value> is not a valid IP4 address". There is no Get- counterpart in the real module: read the
    servers with Invoke-EflowVmCommand "resolvectl status".
    #>
    [CmdletBinding()]
    param(
        [string]$vendpointName,

        [Parameter(Mandatory = $true, Position = 0)]
        [string[]]$dnsServers
    )
}


function Invoke-EflowVmCommand {
    <#
    .SYNOPSIS
    Runs a Linux command inside the EFLOW virtual machine.

    .DESCRIPTION
    Runs a finite, non-interactive command line in the VM as iotedge-user over SSH and writes its
    standard output lines to the pipeline as strings. Pipes, &&, and sudo are allowed. A failing
    command is a terminating error unless -ignoreError is given.

    .PARAMETER command
    The Linux command line to run.

    .PARAMETER ignoreError
    Returns the command's output even when it fails.

    .EXAMPLE
    Invoke-EflowVmCommand "ip -br -4 addr show eth0"

    .EXAMPLE
    Invoke-EflowVmCommand "echo DNS=8.8.8.8 | sudo tee /etc/systemd/resolved.conf -a && sudo systemctl restart systemd-resolved && sudo systemctl restart docker"

    .EXAMPLE
    Invoke-EflowVmCommand "sudo route" -ignoreError

    .OUTPUTS
    System.String. One per output line.

    .NOTES
    eflowsh runs the command in a simulated VM, never on the Linux machine: a bash subset (;, &&,
    ||, pipes, quotes, $VAR, ${VAR}, $(...), redirections >, >>, 2>&1, > /dev/null, here-documents,
    if/elif/else/fi, for/while/until loops with break and continue, test and [, $((...))
    integer arithmetic, sudo, sudo bash -c '...', bash SCRIPT; case, functions and subshells are
    refused with an error, and a command line stops with an error after 10000 loop rounds) and the commands EFLOW guides use: ip (addr, link,
    route show/get/add/del/replace, neigh), route, ifconfig, netstat -rn, resolvectl, ping,
    iptables, iptables-save, hostname, systemctl, iotedge, docker, modprobe, lsusb, and cat, echo,
    printf, tee, touch, mkdir, rm, cp, mv, chmod, chown, ls, grep, head, tail, wc, cut, awk, sed,
    sort, uniq, tr, base64, seq on the VM's own file system (kept in the state; writing under /etc
    needs sudo). Other commands fail with "bash: X: command not found" (exit code 127). Each call
    is one transaction: files, routes and DNS changes it makes are kept, also when it fails.
    Routes and runtime DNS are recreated at every Start-EflowVm, after which units enabled from
    /etc/systemd/system run their ExecStart; "sleep" takes no time. ping without -c sends 4.
    A non-zero exit code is a terminating error unless -ignoreError is given. Its text follows the
    module, which throws "$command $arguments failed to execute [$err]" for its SSH call (seen as
    "ssh  failed to execute []" in iotedge-eflow issue #307): eflowsh throws
    "ssh  failed to execute [<standard error>]", the standard error lines joined by spaces, and
    returns no output. With -ignoreError the standard output is returned and the standard error is
    dropped (redirect it with 2>&1 to see it).
    -command is Position 0, as transcripts show; eflowsh makes it mandatory (PowerShell prompts
    for it in an interactive session).
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true, Position = 0)]
        [string]$command,

        [switch]$ignoreError
    )
}


function Connect-EflowVm {
    <#
    .SYNOPSIS
    Opens an interactive shell in the EFLOW virtual machine.

    .DESCRIPTION
    Connects to the VM over SSH as iotedge-user and starts an interactive shell; the prompt looks
    like "iotedge-user@<VMNAME> [ ~ ]$". Type exit to return to PowerShell. Works only from a
    session on the host itself (not PowerShell ISE or a remote session).

    .EXAMPLE
    Connect-EflowVm

    .OUTPUTS
    None.

    .NOTES
    No parameters. eflowsh's VM shell is line by line and understands the same commands as
    Invoke-EflowVmCommand; the lines share one shell as in an ssh session (variables, cd and $?
    carry over, the prompt shows the directory, exit ends it). It is not a full terminal (no
    full-screen programs, no line editing).
    It needs a terminal: when eflowsh's input or output is not one (a script in CI, a pipe),
    Connect-EflowVm fails with a clear error instead of waiting; use Invoke-EflowVmCommand there.
    #>
    [CmdletBinding()]
    param()
}


function Copy-EflowVmFile {
    <#
    .SYNOPSIS
    Copies a file between the host and the EFLOW virtual machine.

    .DESCRIPTION
    Copies a file with SCP. With -pushFile the copy goes from the host to the VM; without it, from
    the VM to the host. iotedge-user needs permission on the VM path.

    .PARAMETER fromFile
    Source file path (a Windows path with -pushFile, a Linux path otherwise).

    .PARAMETER toFile
    Destination file path (a Linux path with -pushFile, a Windows path otherwise).

    .PARAMETER pushFile
    Copies from the host to the VM. Omit to copy from the VM to the host.

    .EXAMPLE
    Copy-EflowVmFile -fromFile "C:\config\route-setup.sh" -toFile "/home/iotedge-user/route-setup.sh" -pushFile

    .OUTPUTS
    None.

    .NOTES
    -fromFile and -toFile are mandatory (informed choice). eflowsh's simulated VM has a small
    file system: pushed files are kept and can be read back with Invoke-EflowVmCommand "cat ...".
    The host path is read like other eflowsh file cmdlets read paths: a Linux path as it is
    (relative to the current location), a C:\... path under eflowsh's drive directory. The VM
    path is relative to /home/iotedge-user; a directory receives the file under its own name.
    The copy runs as iotedge-user: writing under /etc fails with "Permission denied", as with SCP
    (the error is "scp  failed to execute [scp: <path>: Permission denied]").
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [string]$fromFile,

        [Parameter(Mandatory = $true)]
        [string]$toFile,

        [switch]$pushFile
    )
}


function Provision-EflowVm {
    <#
    .SYNOPSIS
    Provisions the EFLOW virtual machine with an Azure IoT Hub device identity.

    .DESCRIPTION
    Writes the IoT Edge configuration for one provisioning type and restarts IoT Edge in the VM.
    Each type needs its own parameters:
      ManualConnectionString  -devConnString
      ManualX509              -iotHubHostname -deviceId -identityCertPath -identityPrivKeyPath
      DpsTPM                  -scopeId (-registrationId optional)
      DpsX509                 -scopeId -identityCertPath -identityPrivKeyPath
      DpsSymmetricKey         -scopeId -registrationId -symmKey
    Writes "Provisioning successful" to the host and "OK" to the pipeline.

    .PARAMETER provisioningType
    'ManualConnectionString', 'ManualX509', 'DpsTPM', 'DpsX509' or 'DpsSymmetricKey'.

    .PARAMETER devConnString
    Device connection string (ManualConnectionString).

    .PARAMETER iotHubHostname
    IoT Hub host name (ManualX509).

    .PARAMETER deviceId
    Device id (ManualX509).

    .PARAMETER scopeId
    DPS ID scope (DpsTPM, DpsX509, DpsSymmetricKey).

    .PARAMETER symmKey
    Symmetric key (DpsSymmetricKey).

    .PARAMETER registrationId
    DPS registration id (DpsSymmetricKey; optional for DpsTPM).

    .PARAMETER identityCertPath
    Path on the host of the device identity certificate (ManualX509, DpsX509).

    .PARAMETER identityPrivKeyPath
    Path on the host of the device identity private key (ManualX509, DpsX509).

    .PARAMETER globalEndpoint
    DPS global endpoint URL (DPS types); defaults to the public DPS endpoint.

    .PARAMETER headless
    Runs without prompting (for example, before re-provisioning an already provisioned VM).

    .EXAMPLE
    Provision-EflowVm ManualConnectionString -devConnString "HostName=hub.azure-devices.net;DeviceId=dev1;SharedAccessKey=..."

    .EXAMPLE
    Provision-EflowVm -provisioningType DpsSymmetricKey -scopeId 0ne00000000 -registrationId dev1 -symmKey "..." -headless

    .OUTPUTS
    System.String. "OK" on success.

    .NOTES
    Re-provisioning an already provisioned VM is confirmed interactively, as in the real module
    (the question's wording is eflowsh's; the default is No, which fails with "Provisioning
    aborted by user"). Where nobody can answer (a script off a terminal, -NonInteractive) it fails
    with an error saying so; with -headless the module itself refuses to re-provision.

    -provisioningType is Position 0 (transcripts pass it positionally) and mandatory; the other
    parameters are named only (their real positions are unknown). Checking which parameters each
    type needs is the cmdlet's job, with the module's messages (for example "Error, device
    connection string not provided."). The public-preview types manual/TPM/X509/symmetric and
    -vmUser are not accepted.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true, Position = 0)]
        [ValidateSet('ManualConnectionString', 'ManualX509', 'DpsTPM', 'DpsX509', 'DpsSymmetricKey')]
        [string]$provisioningType,

        [string]$devConnString,

        [string]$iotHubHostname,

        [string]$deviceId,

        [string]$scopeId,

        [string]$symmKey,

        [string]$registrationId,

        [string]$identityCertPath,

        [string]$identityPrivKeyPath,

        [string]$globalEndpoint,

        [switch]$headless
    )
}


function Get-EflowVmFeature {
    <#
    .SYNOPSIS
    Gets whether an EFLOW virtual machine feature is enabled.

    .DESCRIPTION
    Returns the enablement status of a VM feature: DpsTpm (TPM passthrough for DPS provisioning) or
    Defender (Microsoft Defender for IoT, 1.4 and later).

    .PARAMETER feature
    'DpsTpm' or 'Defender'.

    .EXAMPLE
    Get-EflowVmFeature -feature DpsTpm

    .OUTPUTS
    System.Boolean.

    .NOTES
    -feature is mandatory and unchecked by ValidateSet: the module itself reports
    "Unknown feature '<name>' is provided." (informed choice, consistent with that message).
    Returning a Boolean is eflowsh's choice; the real output shape is not published.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [string]$feature
    )
}


function Set-EflowVmFeature {
    <#
    .SYNOPSIS
    Enables or disables an EFLOW virtual machine feature.

    .DESCRIPTION
    Enables the feature when -enable is given and disables it otherwise. Features: DpsTpm (needs a
    TPM 2.0 on the host) and Defender (1.4 and later).

    .PARAMETER feature
    'DpsTpm' or 'Defender'.

    .PARAMETER enable
    Enables the feature; omit to disable it.

    .EXAMPLE
    Set-EflowVmFeature -feature DpsTpm -enable

    .EXAMPLE
    Set-EflowVmFeature -feature DpsTpm

    Disables TPM passthrough.

    .OUTPUTS
    None.

    .NOTES
    1.1 LTS knows only DpsTpm. -feature is checked by the cmdlet ("Unknown feature '<name>' is
    provided."), not by ValidateSet.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [string]$feature,

        [switch]$enable
    )
}


function Get-EflowVmTelemetryOption {
    <#
    .SYNOPSIS
    Gets the EFLOW virtual machine's telemetry level.

    .DESCRIPTION
    Returns 'Optional' when optional diagnostic data is sent and 'Required' otherwise.

    .EXAMPLE
    Get-EflowVmTelemetryOption

    Required

    .OUTPUTS
    System.String.

    .NOTES
    No parameters.
    #>
    [CmdletBinding()]
    param()
}


function Set-EflowVmTelemetryOption {
    <#
    .SYNOPSIS
    Turns optional telemetry of the EFLOW virtual machine on or off.

    .DESCRIPTION
    Sets whether optional diagnostic data is sent in addition to required data.

    .PARAMETER optionalTelemetry
    True to send optional telemetry, False to send only required telemetry.

    .EXAMPLE
    Set-EflowVmTelemetryOption -optionalTelemetry False

    .OUTPUTS
    None.

    .NOTES
    Microsoft's reference says only "True or False". eflowsh declares a string limited to 'True'
    and 'False' (case-insensitive), so both -optionalTelemetry False and -optionalTelemetry $false
    work (informed choice).
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [ValidateSet('True', 'False')]
        [string]$optionalTelemetry
    )
}


function Get-EflowVmTpmProvisioningInfo {
    <#
    .SYNOPSIS
    Gets the TPM endorsement key and registration id of the EFLOW virtual machine.

    .DESCRIPTION
    Returns an object with 'Endorsement Key' and 'Registration Id' for DPS TPM enrolment. Needs the
    DpsTpm feature (Set-EflowVmFeature -feature DpsTpm -enable).

    .EXAMPLE
    Get-EflowVmTpmProvisioningInfo

    .OUTPUTS
    System.Management.Automation.PSCustomObject.

    .NOTES
    No parameters. Fails with "TPM provisioning was not enabled!" when DpsTpm is off. 1.1 spells
    the property 'Registration Id', 1.4 'Registration ID'; eflowsh uses 'Registration Id'
    (property names are case-insensitive in PowerShell).
    #>
    [CmdletBinding()]
    param()
}


function Get-EflowLogs {
    <#
    .SYNOPSIS
    Collects EFLOW logs into a zip file.

    .DESCRIPTION
    Collects a summary, the VM, network and passthrough configuration, Windows events, iotedge
    check output and support bundle, and the wssdagent logs into a zip file.

    .PARAMETER zipName
    Path of the zip file to write. Defaults to eflowlogs.zip in the EFLOW install directory
    (C:\Program Files\Azure IoT Edge).

    .EXAMPLE
    Get-EflowLogs -zipName (Join-Path $env:TEMP "eflow-logs.zip")

    .OUTPUTS
    None.

    .NOTES
    -zipName is known from third-party scripts, not from Microsoft's reference. eflowsh writes a
    real zip file holding eflowlogs-summary.txt, a summary of the simulated state (not a real
    support bundle). Without -zipName it is eflowlogs.zip next to the state file; a relative
    -zipName is taken from the current location, and a Windows path with a drive letter (C:\...)
    lands under drives\<letter>\ next to the state file.
    #>
    [CmdletBinding()]
    param(
        [string]$zipName
    )
}


function Add-EflowVmSharedFolder {
    <#
    .SYNOPSIS
    Shares host folders with the EFLOW virtual machine.

    .DESCRIPTION
    Reads a JSON array of {sharedFolderRoot, sharedFolders: [{hostFolderPath, readOnly,
    targetFolderOnGuest}]} and mounts each host folder in the VM.

    .PARAMETER sharedFoldersJsonPath
    Path to the JSON file.

    .EXAMPLE
    Add-EflowVmSharedFolder -sharedFoldersJsonPath "C:\eflow\sharedFolders.json"

    .OUTPUTS
    None.

    .NOTES
    CR 1.3 and 1.4 LTS onward. -sharedFoldersJsonPath is mandatory (informed choice). Not supported
    by eflowsh yet: the simulation does not model shared folders, and the command fails saying so.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [string]$sharedFoldersJsonPath
    )
}


function Get-EflowVmSharedFolder {
    <#
    .SYNOPSIS
    Gets the host folders shared with the EFLOW virtual machine.

    .DESCRIPTION
    Returns hostFolderPath, readOnly and targetFolderOnGuest for the shared folders under a root.

    .PARAMETER sharedfolderRoot
    Windows root folder the shared folders are relative to.

    .PARAMETER hostFolderPath
    Relative path or paths of the shared folders to return.

    .EXAMPLE
    Get-EflowVmSharedFolder -sharedfolderRoot "C:\Shared" -hostFolderPath "Data"

    .OUTPUTS
    System.Management.Automation.PSCustomObject.

    .NOTES
    CR 1.3 and 1.4 LTS onward. Both parameters are optional filters here (informed choice: without
    them every shared folder is returned). Not supported by eflowsh yet: the simulation does not
    model shared folders, and the command fails saying so.
    #>
    [CmdletBinding()]
    param(
        [string]$sharedfolderRoot,

        [string[]]$hostFolderPath
    )
}


function Remove-EflowVmSharedFolder {
    <#
    .SYNOPSIS
    Stops sharing host folders with the EFLOW virtual machine.

    .DESCRIPTION
    Unmounts and forgets the given shared folders.

    .PARAMETER sharedfolderRoot
    Windows root folder the shared folders are relative to.

    .PARAMETER hostFolderPath
    Relative path or paths of the shared folders to remove.

    .EXAMPLE
    Remove-EflowVmSharedFolder -sharedfolderRoot "C:\Shared" -hostFolderPath "Data"

    .OUTPUTS
    None.

    .NOTES
    CR 1.3 and 1.4 LTS onward. Both parameters are mandatory (informed choice). Not supported by
    eflowsh yet: the simulation does not model shared folders, and the command fails saying so.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [string]$sharedfolderRoot,

        [Parameter(Mandatory = $true)]
        [string[]]$hostFolderPath
    )
}


Export-ModuleMember -Function @(
    'Deploy-Eflow', 'Verify-EflowVm', 'Start-EflowVm', 'Stop-EflowVm', 'Get-EflowVm', 'Set-EflowVM',
    'Get-EflowVmName', 'Get-EflowVmAddr', 'Get-EflowHostConfiguration',
    'Get-EflowNetwork', 'Add-EflowNetwork', 'Remove-EflowNetwork',
    'Get-EflowVmEndpoint', 'Add-EflowVmEndpoint', 'Remove-EflowVmEndpoint',
    'Set-EflowVmDNSServers', 'Invoke-EflowVmCommand', 'Connect-EflowVm', 'Copy-EflowVmFile',
    'Provision-EflowVm', 'Get-EflowVmFeature', 'Set-EflowVmFeature',
    'Get-EflowVmTelemetryOption', 'Set-EflowVmTelemetryOption', 'Get-EflowVmTpmProvisioningInfo',
    'Get-EflowLogs', 'Add-EflowVmSharedFolder', 'Get-EflowVmSharedFolder', 'Remove-EflowVmSharedFolder'
)
