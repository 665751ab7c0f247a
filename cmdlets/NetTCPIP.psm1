# NetTCPIP: declarations of the TCP/IP cmdlets EFLOW networking guides and scripts use on the host
# (addresses of a switch's host NIC, routes, IP configuration).
#
# Each function carries its comment-based help and its param() block; the behaviour is a Swift
# handler bound to the function by name (Sources/EflowCmdlets). Bodies stay empty. Parameters
# follow Microsoft's Windows Server 2025 reference. Left out on purpose: the CIM remoting
# parameters (-CimSession, -ThrottleLimit, -AsJob), since eflowsh simulates one local host.
# Enum-typed parameters (AddressFamily, PrefixOrigin, ...) are strings with ValidateSet, since
# eflowsh has no such .NET types; CimInstance inputs are [object] and recognised by the handler.


function New-NetIPAddress {
    <#
    .SYNOPSIS
    Adds an IP address to a host network interface.

    .DESCRIPTION
    Adds a static IP address (and optionally a default gateway) to a host interface, chosen by alias
    or index. EFLOW guides use it to give an internal switch's host NIC the gateway address of the
    VM's subnet. The output lists the address once for the active store and once for the
    persistent store. An address that already exists is an error:
    Instance MSFT_NetIPAddress already exists

    .PARAMETER IPAddress
    The IPv4 or IPv6 address to add.

    .PARAMETER InterfaceAlias
    Alias (name) of the interface, for example "vEthernet (EFLOW-Int)".

    .PARAMETER InterfaceIndex
    Index (ifIndex) of the interface.

    .PARAMETER PrefixLength
    Prefix length of the subnet, for example 24.

    .PARAMETER DefaultGateway
    Default gateway for the interface; must be in the address's subnet.

    .PARAMETER AddressFamily
    'IPv4' or 'IPv6'. Inferred from -IPAddress when omitted.

    .PARAMETER Type
    'Unicast' (the default) or 'Anycast'.

    .PARAMETER ValidLifetime
    How long the address stays valid. Infinite when omitted.

    .PARAMETER PreferredLifetime
    How long the address stays preferred. Infinite when omitted.

    .PARAMETER SkipAsSource
    $true to keep the address from being chosen as a source address.

    .PARAMETER PolicyStore
    'ActiveStore' (until reboot) or 'PersistentStore' (from next boot). Both when omitted.

    .EXAMPLE
    New-NetIPAddress -IPAddress 192.168.0.1 -PrefixLength 24 -InterfaceIndex 24

    .EXAMPLE
    New-NetIPAddress -IPAddress 172.20.0.1 -PrefixLength 24 -InterfaceAlias "vEthernet (EFLOW-Int)"

    .OUTPUTS
    Microsoft.Management.Infrastructure.CimInstance#ROOT/StandardCimv2/MSFT_NetIPAddress

    .NOTES
    -AddressFamily and -Type are strings checked by ValidateSet rather than enums. -PolicyStore is
    a free string as in Windows; eflowsh knows only ActiveStore and PersistentStore and keeps a
    single store (both views show the same addresses). Without -PrefixLength the address gets /32
    (informed choice).
    #>
    [CmdletBinding(DefaultParameterSetName = 'ByInterfaceAlias', SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true, Position = 0)]
        [Alias('LocalAddress')]
        [string]$IPAddress,

        [Parameter(ParameterSetName = 'ByInterfaceAlias', Mandatory = $true, ValueFromPipelineByPropertyName = $true)]
        [Alias('ifAlias')]
        [string]$InterfaceAlias,

        [Parameter(ParameterSetName = 'ByInterfaceIndex', Mandatory = $true, ValueFromPipelineByPropertyName = $true)]
        [Alias('ifIndex')]
        [uint32]$InterfaceIndex,

        [byte]$PrefixLength,

        [string]$DefaultGateway,

        [ValidateSet('IPv4', 'IPv6')]
        [string]$AddressFamily,

        [ValidateSet('Unicast', 'Anycast')]
        [string]$Type,

        [timespan]$ValidLifetime,

        [timespan]$PreferredLifetime,

        [bool]$SkipAsSource,

        [string]$PolicyStore
    )
}


function Get-NetIPAddress {
    <#
    .SYNOPSIS
    Gets the IP addresses of the host's interfaces.

    .DESCRIPTION
    Returns the host's IP address configuration, filtered by any combination of the parameters.
    A switch's host NIC first has only a link-local address; scripts poll
    Get-NetIPAddress -AddressFamily IPv4 -InterfaceIndex <n> until it answers. A filter that
    matches nothing is a non-terminating error (No MSFT_NetIPAddress objects found ...).

    .PARAMETER IPAddress
    Addresses to get.

    .PARAMETER InterfaceIndex
    Interface indexes (ifIndex) whose addresses to get.

    .PARAMETER InterfaceAlias
    Interface aliases whose addresses to get. Wildcards are allowed.

    .PARAMETER AddressFamily
    'IPv4' or 'IPv6'.

    .PARAMETER Type
    'Unicast' or 'Anycast'.

    .PARAMETER PrefixLength
    Prefix lengths to match.

    .PARAMETER PrefixOrigin
    'Other', 'Manual', 'WellKnown', 'Dhcp' or 'RouterAdvertisement'.

    .PARAMETER SuffixOrigin
    'Other', 'Manual', 'WellKnown', 'Dhcp', 'Link' or 'Random'.

    .PARAMETER AddressState
    'Invalid', 'Tentative', 'Duplicate', 'Deprecated' or 'Preferred'.

    .PARAMETER ValidLifetime
    Valid lifetimes to match.

    .PARAMETER PreferredLifetime
    Preferred lifetimes to match.

    .PARAMETER SkipAsSource
    SkipAsSource values to match.

    .PARAMETER PolicyStore
    'ActiveStore' or 'PersistentStore'.

    .PARAMETER IncludeAllCompartments
    Includes addresses of all network compartments.

    .EXAMPLE
    Get-NetIPAddress -AddressFamily IPv4 -InterfaceIndex 24

    .EXAMPLE
    Get-NetAdapter -Name "vEthernet (EFLOW-Int)" | Get-NetIPAddress -AddressFamily IPv4

    .OUTPUTS
    Microsoft.Management.Infrastructure.CimInstance#ROOT/StandardCimv2/MSFT_NetIPAddress

    .NOTES
    Enum-typed filters are strings checked by ValidateSet. The simulated host has one compartment.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = $true)]
        [Alias('LocalAddress')]
        [string[]]$IPAddress,

        [Parameter(ValueFromPipelineByPropertyName = $true)]
        [Alias('ifIndex')]
        [uint32[]]$InterfaceIndex,

        [Parameter(ValueFromPipelineByPropertyName = $true)]
        [Alias('ifAlias')]
        [SupportsWildcards()]
        [string[]]$InterfaceAlias,

        [ValidateSet('IPv4', 'IPv6')]
        [string[]]$AddressFamily,

        [ValidateSet('Unicast', 'Anycast')]
        [string[]]$Type,

        [byte[]]$PrefixLength,

        [ValidateSet('Other', 'Manual', 'WellKnown', 'Dhcp', 'RouterAdvertisement')]
        [string[]]$PrefixOrigin,

        [ValidateSet('Other', 'Manual', 'WellKnown', 'Dhcp', 'Link', 'Random')]
        [string[]]$SuffixOrigin,

        [ValidateSet('Invalid', 'Tentative', 'Duplicate', 'Deprecated', 'Preferred')]
        [string[]]$AddressState,

        [timespan[]]$ValidLifetime,

        [timespan[]]$PreferredLifetime,

        [bool[]]$SkipAsSource,

        [string]$PolicyStore,

        [switch]$IncludeAllCompartments
    )
}


function Remove-NetIPAddress {
    <#
    .SYNOPSIS
    Removes IP addresses from the host's interfaces.

    .DESCRIPTION
    Removes the addresses that match the filters, or the address objects piped in. Asks for
    confirmation unless -Confirm:$false is given. NAT setup guides use it to clear a stale gateway
    address before New-NetIPAddress.

    .PARAMETER IPAddress
    Addresses to remove.

    .PARAMETER InterfaceIndex
    Interface indexes (ifIndex) whose addresses to remove.

    .PARAMETER InterfaceAlias
    Interface aliases whose addresses to remove. Wildcards are allowed.

    .PARAMETER AddressFamily
    'IPv4' or 'IPv6'.

    .PARAMETER Type
    'Unicast' or 'Anycast'.

    .PARAMETER PrefixLength
    Prefix lengths to match.

    .PARAMETER PrefixOrigin
    'Other', 'Manual', 'WellKnown', 'Dhcp' or 'RouterAdvertisement'.

    .PARAMETER SuffixOrigin
    'Other', 'Manual', 'WellKnown', 'Dhcp', 'Link' or 'Random'.

    .PARAMETER AddressState
    'Invalid', 'Tentative', 'Duplicate', 'Deprecated' or 'Preferred'.

    .PARAMETER ValidLifetime
    Valid lifetimes to match.

    .PARAMETER PreferredLifetime
    Preferred lifetimes to match.

    .PARAMETER SkipAsSource
    SkipAsSource values to match.

    .PARAMETER PolicyStore
    'ActiveStore' or 'PersistentStore'.

    .PARAMETER DefaultGateway
    Also removes this default gateway from the interface.

    .PARAMETER IncludeAllCompartments
    Includes addresses of all network compartments.

    .PARAMETER InputObject
    Address objects (from Get-NetIPAddress) to remove.

    .PARAMETER PassThru
    Writes the removed address objects to the pipeline.

    .EXAMPLE
    Remove-NetIPAddress -IPAddress 192.168.0.1 -Confirm:$false

    .EXAMPLE
    Get-NetIPAddress -InterfaceAlias "vEthernet (EFLOW-Int)" -AddressFamily IPv4 | Remove-NetIPAddress -Confirm:$false

    .OUTPUTS
    None, or Microsoft.Management.Infrastructure.CimInstance#ROOT/StandardCimv2/MSFT_NetIPAddress
    with -PassThru.

    .NOTES
    ConfirmImpact is High, as for the real cmdlet, but eflowsh asks only with -Confirm (in the
    interactive shell; elsewhere -Confirm is 5.1's NonInteractive error): the addresses the filters
    select are removed without asking. A call with no filter at all (which would remove every
    address of the host) asks for each address in the interactive shell and is refused elsewhere
    (ConfirmationRequired) unless -Confirm:$false is given.
    #>
    [CmdletBinding(DefaultParameterSetName = 'Query (cdxml)', SupportsShouldProcess = $true, ConfirmImpact = 'High')]
    param(
        [Parameter(ParameterSetName = 'Query (cdxml)', Position = 0, ValueFromPipelineByPropertyName = $true)]
        [Alias('LocalAddress')]
        [string[]]$IPAddress,

        [Parameter(ParameterSetName = 'Query (cdxml)', ValueFromPipelineByPropertyName = $true)]
        [Alias('ifIndex')]
        [uint32[]]$InterfaceIndex,

        [Parameter(ParameterSetName = 'Query (cdxml)', ValueFromPipelineByPropertyName = $true)]
        [Alias('ifAlias')]
        [SupportsWildcards()]
        [string[]]$InterfaceAlias,

        [Parameter(ParameterSetName = 'Query (cdxml)')]
        [ValidateSet('IPv4', 'IPv6')]
        [string[]]$AddressFamily,

        [Parameter(ParameterSetName = 'Query (cdxml)')]
        [ValidateSet('Unicast', 'Anycast')]
        [string[]]$Type,

        [Parameter(ParameterSetName = 'Query (cdxml)')]
        [byte[]]$PrefixLength,

        [Parameter(ParameterSetName = 'Query (cdxml)')]
        [ValidateSet('Other', 'Manual', 'WellKnown', 'Dhcp', 'RouterAdvertisement')]
        [string[]]$PrefixOrigin,

        [Parameter(ParameterSetName = 'Query (cdxml)')]
        [ValidateSet('Other', 'Manual', 'WellKnown', 'Dhcp', 'Link', 'Random')]
        [string[]]$SuffixOrigin,

        [Parameter(ParameterSetName = 'Query (cdxml)')]
        [ValidateSet('Invalid', 'Tentative', 'Duplicate', 'Deprecated', 'Preferred')]
        [string[]]$AddressState,

        [Parameter(ParameterSetName = 'Query (cdxml)')]
        [timespan[]]$ValidLifetime,

        [Parameter(ParameterSetName = 'Query (cdxml)')]
        [timespan[]]$PreferredLifetime,

        [Parameter(ParameterSetName = 'Query (cdxml)')]
        [bool[]]$SkipAsSource,

        [Parameter(ParameterSetName = 'Query (cdxml)')]
        [string]$PolicyStore,

        [string]$DefaultGateway,

        [Parameter(ParameterSetName = 'Query (cdxml)')]
        [switch]$IncludeAllCompartments,

        [Parameter(ParameterSetName = 'InputObject (cdxml)', Mandatory = $true, ValueFromPipeline = $true)]
        [PSTypeName('Microsoft.Management.Infrastructure.CimInstance#ROOT/StandardCimv2/MSFT_NetIPAddress')]
        [object[]]$InputObject,

        [switch]$PassThru
    )
}


function Get-NetRoute {
    <#
    .SYNOPSIS
    Gets the host's IP routing table.

    .DESCRIPTION
    Returns the host's routes: the connected routes of every address (including a switch's host
    NIC) and the default routes of the physical adapters, filtered by the parameters.

    .PARAMETER DestinationPrefix
    Destination prefixes to get, for example 0.0.0.0/0.

    .PARAMETER InterfaceIndex
    Interface indexes (ifIndex) whose routes to get.

    .PARAMETER InterfaceAlias
    Interface aliases whose routes to get. Wildcards are allowed.

    .PARAMETER NextHop
    Next hops to match.

    .PARAMETER RouteMetric
    Route metrics to match.

    .PARAMETER AddressFamily
    'IPv4' or 'IPv6'.

    .PARAMETER Protocol
    Origin of the route: 'Other', 'Local', 'NetMgmt', 'Icmp', 'Egp', 'Ggp', 'Hello', 'Rip', 'IsIs',
    'EsIs', 'Igrp', 'Bbn', 'Ospf', 'Bgp', 'Idpr', 'Eigrp', 'Dvmrp', 'Rpl' or 'Dhcp'.

    .PARAMETER PolicyStore
    'ActiveStore' or 'PersistentStore'.

    .PARAMETER IncludeAllCompartments
    Includes routes of all network compartments.

    .EXAMPLE
    Get-NetRoute -DestinationPrefix 0.0.0.0/0

    .EXAMPLE
    Get-NetRoute -InterfaceAlias "vEthernet (EFLOW-Int)" -AddressFamily IPv4

    .OUTPUTS
    Microsoft.Management.Infrastructure.CimInstance#ROOT/StandardCimv2/MSFT_NetRoute

    .NOTES
    Only the filters EFLOW troubleshooting needs are declared (the real cmdlet also filters by
    lifetimes, TypeOfRoute and Publish). Routes inside the EFLOW VM are a different table: see
    Invoke-EflowVmCommand "sudo route" or Get-SimVmRoute.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = $true)]
        [string[]]$DestinationPrefix,

        [Parameter(ValueFromPipelineByPropertyName = $true)]
        [Alias('ifIndex')]
        [uint32[]]$InterfaceIndex,

        [Parameter(ValueFromPipelineByPropertyName = $true)]
        [Alias('ifAlias')]
        [SupportsWildcards()]
        [string[]]$InterfaceAlias,

        [string[]]$NextHop,

        [uint16[]]$RouteMetric,

        [ValidateSet('IPv4', 'IPv6')]
        [string[]]$AddressFamily,

        [ValidateSet('Other', 'Local', 'NetMgmt', 'Icmp', 'Egp', 'Ggp', 'Hello', 'Rip', 'IsIs', 'EsIs',
            'Igrp', 'Bbn', 'Ospf', 'Bgp', 'Idpr', 'Eigrp', 'Dvmrp', 'Rpl', 'Dhcp')]
        [string[]]$Protocol,

        [string]$PolicyStore,

        [switch]$IncludeAllCompartments
    )
}


function Get-NetIPConfiguration {
    <#
    .SYNOPSIS
    Gets the IP configuration of the host's interfaces: addresses, default gateways, DNS servers.

    .DESCRIPTION
    Returns, per connected interface, its alias and index, IPv4Address, IPv6Address,
    IPv4DefaultGateway (with NextHop) and DNSServer. The EFLOW auto-deploy sample reads
    IPv4DefaultGateway.NextHop to choose DNS servers for the VM on an internal switch.

    .PARAMETER InterfaceAlias
    Alias (name) of the interface.

    .PARAMETER InterfaceIndex
    Index (ifIndex) of the interface.

    .PARAMETER All
    Includes disconnected interfaces.

    .PARAMETER AllCompartments
    Includes interfaces of all network compartments.

    .PARAMETER Detailed
    Adds the interface's MTU, status, MAC address and DHCP setting.

    .EXAMPLE
    (Get-NetIPConfiguration | Where-Object { $_.IPv4DefaultGateway }).IPv4DefaultGateway.NextHop

    .OUTPUTS
    NetIPConfiguration

    .NOTES
    Microsoft's EFLOW reference names this cmdlet without its parameters; they are declared here
    from the NetTCPIP module's own script function (sets Alias, Index and All).
    #>
    [CmdletBinding(DefaultParameterSetName = 'Alias')]
    param(
        [Parameter(ParameterSetName = 'Alias', Position = 0, ValueFromPipelineByPropertyName = $true)]
        [Alias('ifAlias')]
        [string]$InterfaceAlias,

        [Parameter(ParameterSetName = 'Index', Mandatory = $true, ValueFromPipelineByPropertyName = $true)]
        [Alias('ifIndex')]
        [int]$InterfaceIndex,

        [Parameter(ParameterSetName = 'All', Mandatory = $true)]
        [switch]$All,

        [switch]$AllCompartments,

        [switch]$Detailed
    )
}


Export-ModuleMember -Function @(
    'New-NetIPAddress', 'Get-NetIPAddress', 'Remove-NetIPAddress', 'Get-NetRoute', 'Get-NetIPConfiguration'
)
