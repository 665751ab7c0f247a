# Hyper-V: declarations of the Hyper-V cmdlets EFLOW guides and troubleshooting scripts use
# (virtual machines, virtual switches and network adapters).
#
# Each function carries its comment-based help and its param() block; the behaviour is a Swift
# handler bound to the function by name (Sources/EflowCmdlets). Bodies stay empty. Parameters
# follow Microsoft's Windows Server 2025 reference (MicrosoftDocs/windows-powershell-docs).
#
# Left out on purpose: the remoting parameters (-CimSession, -ComputerName, -Credential): eflowsh
# simulates one local host. Enum-typed parameters (VMSwitchType, VMSwitchBandwidthMode) are
# declared as strings with ValidateSet, since eflowsh has no such .NET types; objects of Hyper-V
# types (VMSwitch, VirtualMachine, VMSnapshot) are declared as [object] and recognised by the
# handler.


function Get-VM {
    <#
    .SYNOPSIS
    Gets the virtual machines of the Hyper-V host.

    .DESCRIPTION
    Returns the Hyper-V (VMMS) virtual machines, optionally filtered by name (wildcards allowed) or
    id. On a server SKU (EFLOW 1.1.2110.03111 and later) the EFLOW VM is a VMMS VM named
    "<HOST>-EFLOW" and is listed; on a client SKU EFLOW runs it under HCS, so Get-VM lists
    nothing. With no VM there is no output and no error. A name without wildcards that matches no
    VM is a non-terminating error:
    Hyper-V was unable to find a virtual machine with name "<name>".

    .PARAMETER Name
    Name of the virtual machine(s) to get. Wildcards are allowed.

    .PARAMETER Id
    Id (GUID) of the virtual machine to get.

    .EXAMPLE
    Get-VM

    Name             State   CPUUsage(%) MemoryAssigned(M) Uptime   Status             Version
    ----             -----   ----------- ----------------- ------   ------             -------
    SRV-EDGE01-EFLOW Running 1           1024              00:05:00 Operating normally 10.0

    .EXAMPLE
    if ((Get-VM -Name "$env:COMPUTERNAME-EFLOW").State -ne 'Running') { Start-EflowVm }

    .OUTPUTS
    Microsoft.HyperV.PowerShell.VirtualMachine

    .NOTES
    Informed choices, where eflowsh simulates no running figures:
    - Visibility: only the EFLOW VM on a server SKU host profile; a client SKU has no Hyper-V VM.
    - State is Running or Off, from Start-EflowVm/Stop-EflowVm. While Running, CPUUsage is 1 (an
      idle guest), MemoryAssigned is the VM's memory and Uptime is a fixed 00:05:00 (no clock runs
      between commands); while Off all three are 0.
    - Version is the host's default configuration version: 9.0 on Windows Server 2019, 10.0 on
      Windows Server 2022, 12.0 on Windows Server 2025.
    - Generation is 2 (EFLOW's VM boots UEFI and offers a virtual TPM for DPS TPM provisioning).
    - Id and VMId are the EFLOW VM id (Get-EflowVm's VmConfiguration.ID) written as a GUID.
    - Path is the EFLOW install directory, C:\Program Files\Azure IoT Edge.
    Left out: -ClusterObject (eflowsh simulates no failover cluster) and, as for every cmdlet here,
    the remoting parameters.
    #>
    [CmdletBinding(DefaultParameterSetName = 'Name')]
    param(
        [Parameter(ParameterSetName = 'Name', Position = 0, ValueFromPipeline = $true)]
        [Alias('VMName')]
        [SupportsWildcards()]
        [string[]]$Name,

        [Parameter(ParameterSetName = 'Id', Position = 0, ValueFromPipelineByPropertyName = $true)]
        [Alias('VMId')]
        [guid]$Id
    )
}


function Get-VMSwitch {
    <#
    .SYNOPSIS
    Gets the virtual switches of the Hyper-V host.

    .DESCRIPTION
    Returns the host's virtual switches, optionally filtered by name (wildcards allowed), id or type.
    On a client host the "Default Switch" is listed with SwitchType Internal. A name that matches no
    switch is a non-terminating error:
    Hyper-V was unable to find a virtual switch with name "<name>".

    .PARAMETER Name
    Name of the switch to get. Wildcards are allowed.

    .PARAMETER Id
    Id (GUID) of the switch to get.

    .PARAMETER ResourcePoolName
    Name of the network resource pool whose switches to get.

    .PARAMETER SwitchType
    Type of switches to get: 'Private', 'Internal' or 'External'.

    .EXAMPLE
    Get-VMSwitch

    Name           SwitchType NetAdapterInterfaceDescription
    ----           ---------- ------------------------------
    Default Switch Internal
    IntOff         Internal
    EFLOW-Ext      External

    .EXAMPLE
    if (-not (Get-VMSwitch -Name "EFLOW-Int" -ErrorAction SilentlyContinue)) { New-VMSwitch -Name "EFLOW-Int" -SwitchType Internal }

    .EXAMPLE
    Get-VMSwitch -Name OnlineUPCUA -SwitchType External

    .OUTPUTS
    Microsoft.HyperV.PowerShell.VMSwitch

    .NOTES
    -SwitchType is a string checked by ValidateSet instead of the VMSwitchType enum. eflowsh has no
    resource pools: -ResourcePoolName is accepted but only the primordial pool exists.
    #>
    [CmdletBinding(DefaultParameterSetName = 'Name')]
    param(
        [Parameter(ParameterSetName = 'Name', Position = 0)]
        [Alias('SwitchName')]
        [SupportsWildcards()]
        [string]$Name,

        [Parameter(ParameterSetName = 'Id', Position = 0, ValueFromPipeline = $true, ValueFromPipelineByPropertyName = $true)]
        [Alias('SwitchId')]
        [guid[]]$Id,

        [Parameter(Position = 1)]
        [string[]]$ResourcePoolName,

        [ValidateSet('Private', 'Internal', 'External')]
        [string[]]$SwitchType
    )
}


function New-VMSwitch {
    <#
    .SYNOPSIS
    Creates a virtual switch on the Hyper-V host.

    .DESCRIPTION
    Creates an External switch bound to a physical network adapter (-NetAdapterName or
    -NetAdapterInterfaceDescription), or an Internal or Private switch (-SwitchType). An Internal
    switch gets a host virtual NIC named "vEthernet (<switch name>)" with description
    "Hyper-V Virtual Ethernet Adapter" and, at first, only a link-local (169.254.x.x) address; give
    it an address with New-NetIPAddress. An External switch with -AllowManagementOS $true (the
    default) moves the physical adapter's host addresses to "vEthernet (<switch name>)".

    Hyper-V allows several switches with the same name; EFLOW then refuses the name
    ("Found multiple VMMS switches with name ...").

    .PARAMETER Name
    Name of the new switch.

    .PARAMETER NetAdapterName
    Name of the physical network adapter to bind an External switch to (see Get-NetAdapter -Physical).

    .PARAMETER NetAdapterInterfaceDescription
    Interface description of the physical network adapter to bind an External switch to.

    .PARAMETER SwitchType
    'Internal' or 'Private'. An External switch is created by giving a network adapter instead.

    .PARAMETER AllowManagementOS
    For an External switch: whether the host keeps using the physical adapter through the switch.
    Default $true.

    .PARAMETER Notes
    Free text stored with the switch.

    .PARAMETER MinimumBandwidthMode
    How minimum bandwidth is expressed: 'Default', 'Weight', 'Absolute' or 'None'.

    .PARAMETER EnableIov
    For an External switch: enables single-root I/O virtualization.

    .PARAMETER EnablePacketDirect
    Enables Packet Direct processing.

    .PARAMETER EnableEmbeddedTeaming
    For an External switch: enables Switch Embedded Teaming over the given adapters.

    .EXAMPLE
    New-VMSwitch -Name "EFLOW-Int" -SwitchType Internal

    Creates an internal switch and the host adapter "vEthernet (EFLOW-Int)".

    .EXAMPLE
    New-VMSwitch -Name "EFLOW-Ext" -NetAdapterName "Ethernet" -AllowManagementOS $true

    Creates an external switch on the physical adapter "Ethernet".

    .OUTPUTS
    Microsoft.HyperV.PowerShell.VMSwitch

    .NOTES
    -SwitchType accepts only 'Internal' and 'Private', as in Hyper-V: "-SwitchType External" is
    rejected by ValidateSet. SR-IOV, Packet Direct, teaming and bandwidth settings are recorded
    but have no effect on the simulation.
    #>
    [CmdletBinding(DefaultParameterSetName = 'NetAdapterName', SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true, Position = 0)]
        [Alias('SwitchName')]
        [string]$Name,

        [Parameter(ParameterSetName = 'NetAdapterName', Mandatory = $true, ValueFromPipelineByPropertyName = $true)]
        [Alias('InterfaceAlias')]
        [string[]]$NetAdapterName,

        [Parameter(ParameterSetName = 'NetAdapterInterfaceDescription', Mandatory = $true, ValueFromPipelineByPropertyName = $true)]
        [Alias('InterfaceDescription')]
        [string[]]$NetAdapterInterfaceDescription,

        [Parameter(ParameterSetName = 'SwitchType', Mandatory = $true)]
        [ValidateSet('Internal', 'Private')]
        [string]$SwitchType,

        [Parameter(ParameterSetName = 'NetAdapterName')]
        [Parameter(ParameterSetName = 'NetAdapterInterfaceDescription')]
        [bool]$AllowManagementOS,

        [string]$Notes,

        [ValidateSet('Default', 'Weight', 'Absolute', 'None')]
        [string]$MinimumBandwidthMode,

        [Parameter(ParameterSetName = 'NetAdapterName')]
        [Parameter(ParameterSetName = 'NetAdapterInterfaceDescription')]
        [bool]$EnableIov,

        [bool]$EnablePacketDirect,

        [Parameter(ParameterSetName = 'NetAdapterName')]
        [Parameter(ParameterSetName = 'NetAdapterInterfaceDescription')]
        [bool]$EnableEmbeddedTeaming
    )
}


function Remove-VMSwitch {
    <#
    .SYNOPSIS
    Deletes a virtual switch from the Hyper-V host.

    .DESCRIPTION
    Deletes the switch and its host virtual NIC (with the addresses on it). Hyper-V does not check
    whether the EFLOW VM uses the switch: EFLOW cmdlets then fail with errors such as
    "No adapters associated with the switch '<name>' are found.".

    .PARAMETER Name
    Name of the switch to delete.

    .PARAMETER VMSwitch
    The switch object (from Get-VMSwitch) to delete.

    .PARAMETER ResourcePoolName
    Name of the network resource pool the switch belongs to.

    .PARAMETER Force
    Deletes without asking for confirmation.

    .EXAMPLE
    Remove-VMSwitch -Name "EFLOW-Int" -Force

    .EXAMPLE
    Get-VMSwitch -Name "EFLOW-Int" | Remove-VMSwitch -Force

    .OUTPUTS
    None.

    .NOTES
    Without -Force, Hyper-V asks "Are you sure you want to remove ...?"; eflowsh asks only in an
    interactive session and deletes without asking otherwise (informed choice, so scripts written
    for a prompt-free automation host keep working). In Hyper-V -VMSwitch is Position 0 of its
    set; eflowsh makes it named (it binds from the pipeline) so that a positional argument always
    means -Name.
    #>
    [CmdletBinding(DefaultParameterSetName = 'Name', SupportsShouldProcess = $true)]
    param(
        [Parameter(ParameterSetName = 'Name', Mandatory = $true, Position = 0, ValueFromPipeline = $true)]
        [Alias('SwitchName')]
        [string[]]$Name,

        [Parameter(ParameterSetName = 'SwitchObject', Mandatory = $true, ValueFromPipeline = $true)]
        [PSTypeName('Microsoft.HyperV.PowerShell.VMSwitch')]
        [object[]]$VMSwitch,

        [Parameter(Position = 1)]
        [string[]]$ResourcePoolName,

        [switch]$Force
    )
}


function Set-VMSwitch {
    <#
    .SYNOPSIS
    Changes a virtual switch on the Hyper-V host.

    .DESCRIPTION
    Changes a switch's type, its physical adapter, whether the host shares that adapter
    (-AllowManagementOS) or its notes. Changing the type of a switch the EFLOW VM uses can break the
    VM's networking.

    .PARAMETER Name
    Name of the switch to change.

    .PARAMETER VMSwitch
    The switch object (from Get-VMSwitch) to change.

    .PARAMETER NetAdapterName
    Name of the physical adapter to bind the switch to (makes it External).

    .PARAMETER NetAdapterInterfaceDescription
    Interface description of the physical adapter to bind the switch to (makes it External).

    .PARAMETER SwitchType
    New type: 'Private', 'Internal' or 'External'.

    .PARAMETER AllowManagementOS
    For an External switch: whether the host keeps using the physical adapter through the switch.

    .PARAMETER Notes
    Free text stored with the switch.

    .PARAMETER Passthru
    Writes the changed switch to the pipeline.

    .EXAMPLE
    Set-VMSwitch -Name "EFLOW-Ext" -AllowManagementOS $false

    .EXAMPLE
    Set-VMSwitch -Name "IntOff" -SwitchType Private

    .OUTPUTS
    None, or Microsoft.HyperV.PowerShell.VMSwitch with -Passthru.

    .NOTES
    Only the parameters EFLOW scenarios need are declared (the bandwidth, SR-IOV and offload
    settings of the real cmdlet are not). -VMSwitch is named here (Position 0 in Hyper-V) so a
    positional argument always means -Name. Setting -SwitchType External requires an adapter
    (-NetAdapterName or -NetAdapterInterfaceDescription).
    #>
    [CmdletBinding(DefaultParameterSetName = 'SwitchName_NetAdapterName', SupportsShouldProcess = $true)]
    param(
        [Parameter(ParameterSetName = 'SwitchName_NetAdapterName', Mandatory = $true, Position = 0)]
        [Parameter(ParameterSetName = 'SwitchName_NetAdapterInterfaceDescription', Mandatory = $true, Position = 0)]
        [Parameter(ParameterSetName = 'SwitchName_SwitchType', Mandatory = $true, Position = 0)]
        [Alias('SwitchName')]
        [string[]]$Name,

        [Parameter(ParameterSetName = 'SwitchObject_NetAdapterName', Mandatory = $true, ValueFromPipeline = $true)]
        [Parameter(ParameterSetName = 'SwitchObject_NetAdapterInterfaceDescription', Mandatory = $true, ValueFromPipeline = $true)]
        [Parameter(ParameterSetName = 'SwitchObject_SwitchType', Mandatory = $true, ValueFromPipeline = $true)]
        [PSTypeName('Microsoft.HyperV.PowerShell.VMSwitch')]
        [object[]]$VMSwitch,

        [Parameter(ParameterSetName = 'SwitchName_NetAdapterName', Position = 1)]
        [Parameter(ParameterSetName = 'SwitchObject_NetAdapterName', Position = 1)]
        [Alias('InterfaceAlias')]
        [string]$NetAdapterName,

        [Parameter(ParameterSetName = 'SwitchName_NetAdapterInterfaceDescription', Mandatory = $true, Position = 1)]
        [Parameter(ParameterSetName = 'SwitchObject_NetAdapterInterfaceDescription', Mandatory = $true, Position = 1)]
        [Alias('InterfaceDescription')]
        [string]$NetAdapterInterfaceDescription,

        [Parameter(ParameterSetName = 'SwitchName_SwitchType', Mandatory = $true)]
        [Parameter(ParameterSetName = 'SwitchObject_SwitchType', Mandatory = $true)]
        [ValidateSet('Private', 'Internal', 'External')]
        [string]$SwitchType,

        [bool]$AllowManagementOS,

        [string]$Notes,

        [switch]$Passthru
    )
}


function Get-VMNetworkAdapter {
    <#
    .SYNOPSIS
    Gets the virtual network adapters of virtual machines or of the management OS.

    .DESCRIPTION
    Returns the network adapters of the named VMs, or with -ManagementOS the host's own virtual NICs
    ("vEthernet (<switch>)"), or with -All both. On a client SKU the EFLOW VM is managed by HCS and
    is not a Hyper-V (VMMS) VM, so "Get-VMNetworkAdapter -VMName <HOST>-EFLOW" finds nothing; on a
    server SKU it returns the EFLOW VM's adapters.

    .PARAMETER VMName
    Name of the virtual machine(s). Wildcards are allowed; '*' means every VM.

    .PARAMETER VM
    The virtual machine object(s).

    .PARAMETER Name
    Name of the network adapter to get.

    .PARAMETER ManagementOS
    Gets the management OS's (host's) virtual network adapters.

    .PARAMETER SwitchName
    With -ManagementOS: only the host adapters connected to this switch.

    .PARAMETER All
    Gets the adapters of all VMs and of the management OS.

    .PARAMETER IsLegacy
    $true for legacy (emulated) adapters only, $false for synthetic adapters only.

    .PARAMETER VMSnapshot
    The checkpoint whose adapters to get.

    .EXAMPLE
    Get-VMNetworkAdapter -ManagementOS -SwitchName "EFLOW-Int"

    .EXAMPLE
    Get-VMNetworkAdapter -VMName "$env:COMPUTERNAME-EFLOW"

    Server SKU: the EFLOW VM's adapters, one per endpoint.

    .OUTPUTS
    Microsoft.HyperV.PowerShell.VMNetworkAdapter, Microsoft.HyperV.PowerShell.VMInternalNetworkAdapter

    .NOTES
    eflowsh has no checkpoints: -VMSnapshot is declared for completeness and finds nothing. -VM and
    -VMSnapshot are named here (Position 0 of their sets in Hyper-V; both bind from the pipeline)
    so that a positional argument always means -VMName.
    #>
    [CmdletBinding(DefaultParameterSetName = 'VMName')]
    param(
        [Parameter(ParameterSetName = 'VMName', Mandatory = $true, Position = 0)]
        [SupportsWildcards()]
        [string[]]$VMName,

        [Parameter(ParameterSetName = 'VMObject', Mandatory = $true, ValueFromPipeline = $true)]
        [PSTypeName('Microsoft.HyperV.PowerShell.VirtualMachine')]
        [object[]]$VM,

        [Parameter(Position = 1)]
        [Alias('VMNetworkAdapterName')]
        [string]$Name,

        [Parameter(ParameterSetName = 'ManagementOS', Mandatory = $true)]
        [switch]$ManagementOS,

        [Parameter(ParameterSetName = 'ManagementOS')]
        [string]$SwitchName,

        [Parameter(ParameterSetName = 'All', Mandatory = $true)]
        [switch]$All,

        [Parameter(ParameterSetName = 'VMName')]
        [Parameter(ParameterSetName = 'VMObject')]
        [bool]$IsLegacy,

        [Parameter(ParameterSetName = 'VMSnapshot', Mandatory = $true, ValueFromPipeline = $true)]
        [Alias('VMCheckpoint')]
        [PSTypeName('Microsoft.HyperV.PowerShell.VMSnapshot')]
        [object]$VMSnapshot
    )
}


Export-ModuleMember -Function @(
    'Get-VM', 'Get-VMSwitch', 'New-VMSwitch', 'Remove-VMSwitch', 'Set-VMSwitch', 'Get-VMNetworkAdapter'
)
