# NetAdapter: declaration of Get-NetAdapter, as EFLOW networking guides use it.
#
# The function carries its comment-based help and its param() block; the behaviour is a Swift
# handler bound to it by name (Sources/EflowCmdlets). The body stays empty. Parameters follow
# Microsoft's Windows Server 2025 reference; the CIM remoting parameters (-CimSession,
# -ThrottleLimit, -AsJob) are left out: eflowsh simulates one local host.


function Get-NetAdapter {
    <#
    .SYNOPSIS
    Gets the network adapters of the host.

    .DESCRIPTION
    Returns the host's network adapters: the physical adapters of the host profile and the virtual
    NICs Hyper-V creates for switches ("vEthernet (<switch name>)", description
    "Hyper-V Virtual Ethernet Adapter"). Host-side MAC addresses are shown upper case and
    dash-separated (00-15-5D-00-6A-01). A name that matches nothing is a non-terminating error:
    No MSFT_NetAdapter objects found with property 'Name' equal to '<name>'.  Verify the value of
    the property and retry.

    .PARAMETER Name
    Name (interface alias) of the adapter. Wildcards are allowed.

    .PARAMETER InterfaceDescription
    Interface description of the adapter, for example "Hyper-V Virtual Ethernet Adapter".
    Wildcards are allowed.

    .PARAMETER InterfaceIndex
    Interface index (ifIndex) of the adapter.

    .PARAMETER IncludeHidden
    Includes hidden adapters.

    .PARAMETER Physical
    Returns physical adapters only (no Hyper-V virtual NICs).

    .EXAMPLE
    (Get-NetAdapter -Name "vEthernet (EFLOW-Int)").ifIndex

    24

    Scripts read the interface index of a switch's host NIC to give it an address.

    .EXAMPLE
    Get-NetAdapter -Physical | Where-Object Status -eq Up

    The physical adapters that can back an External switch.

    .EXAMPLE
    Get-NetAdapter -Name "vEthernet (intSwitch)"

    Name                  InterfaceDescription               ifIndex Status       MacAddress           LinkSpeed
    ----                  --------------------               ------- ------       ----------           ---------
    vEthernet (intSwitch) Hyper-V Virtual Ethernet Adapter        24 Up           00-15-5D-00-6A-01      10 Gbps

    .OUTPUTS
    Microsoft.Management.Infrastructure.CimInstance#ROOT/StandardCimv2/MSFT_NetAdapter

    .NOTES
    Interface indexes are chosen by the simulation and kept in its state. The simulated host has
    no hidden adapters, so -IncludeHidden changes nothing.
    #>
    [CmdletBinding(DefaultParameterSetName = 'ByName')]
    param(
        [Parameter(ParameterSetName = 'ByName', Position = 0)]
        [Alias('ifAlias', 'InterfaceAlias')]
        [SupportsWildcards()]
        [string[]]$Name,

        [Parameter(ParameterSetName = 'ByInstanceID', Mandatory = $true)]
        [Alias('ifDesc')]
        [SupportsWildcards()]
        [string[]]$InterfaceDescription,

        [Parameter(ParameterSetName = 'ByIfIndex', Mandatory = $true)]
        [Alias('ifIndex')]
        [uint32[]]$InterfaceIndex,

        [switch]$IncludeHidden,

        [switch]$Physical
    )
}


Export-ModuleMember -Function 'Get-NetAdapter'
