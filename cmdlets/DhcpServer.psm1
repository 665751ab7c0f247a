# DhcpServer: declarations of the DHCP Server cmdlets EFLOW guides use to lease addresses on an
# internal switch (server SKU).
#
# Each function carries its comment-based help and its param() block; the behaviour is a Swift
# handler bound to the function by name (Sources/EflowCmdlets). Bodies stay empty. Parameters
# follow Microsoft's Windows Server 2025 reference.
#
# Positions: that reference numbers the positional parameters of these cmdlets from 1
# (StartRange 1 ... Name 4; OptionId 1, Value 2, ScopeId 3), whereas [Parameter(Position = N)]
# counts from 0 and the NetTCPIP pages of the same reference start at 0. Positions only order the
# parameters, so eflowsh declares them from 0 (StartRange 0 ... Name 3): the same binding, and
# Get-Help shows PowerShell's usual numbering.
#
# Left out on purpose: -ComputerName (alias Cn), -CimSession, -ThrottleLimit and -AsJob. eflowsh
# simulates one local DHCP server; scripts that pass -ComputerName fail with "A parameter cannot
# be found that matches parameter name 'ComputerName'." and must drop it.


function Add-DhcpServerv4Scope {
    <#
    .SYNOPSIS
    Adds an IPv4 scope to the DHCP server.

    .DESCRIPTION
    Adds a scope that leases the addresses from -StartRange to -EndRange. The scope id is the
    network address derived from -StartRange and -SubnetMask (for 192.168.0.100 and 255.255.255.0:
    192.168.0.0). An Active scope leases addresses to clients on the host interface whose subnet
    contains it, for example the EFLOW VM on an internal switch whose host NIC is 192.168.0.1/24.
    Writes nothing to the pipeline unless -PassThru is given.

    .PARAMETER StartRange
    First address of the range to lease.

    .PARAMETER EndRange
    Last address of the range to lease.

    .PARAMETER SubnetMask
    Subnet mask of the scope, for example 255.255.255.0.

    .PARAMETER Name
    Name of the scope.

    .PARAMETER State
    'Active' (the default) or 'InActive'. An inactive scope leases nothing.

    .PARAMETER Type
    Clients served: 'Dhcp' (the default), 'Bootp' or 'Both'.

    .PARAMETER LeaseDuration
    Lease duration as day.hrs:mins:secs. Default 8.00:00:00 (8 days).

    .PARAMETER Description
    Description of the scope.

    .PARAMETER SuperscopeName
    Name of the superscope to add the scope to.

    .PARAMETER MaxBootpClients
    Maximum number of BOOTP clients (with -Type Both).

    .PARAMETER ActivatePolicies
    Whether the scope's policies are active. Default $true.

    .PARAMETER Delay
    Milliseconds the server waits before answering a DHCPDISCOVER. Default 0.

    .PARAMETER NapEnable
    Enables Network Access Protection for the scope.

    .PARAMETER NapProfile
    NAP profile of the scope.

    .PARAMETER PassThru
    Writes the new scope to the pipeline.

    .EXAMPLE
    Add-DhcpServerV4Scope -Name "AzureIoTEdgeScope" -StartRange 192.168.0.100 -EndRange 192.168.0.200 -SubnetMask 255.255.255.0 -State Active

    This command should produce no output.

    .OUTPUTS
    None, or Microsoft.Management.Infrastructure.CimInstance#root/Microsoft/Windows/DHCP/DhcpServerv4Scope
    with -PassThru.

    .NOTES
    Positions are declared 0-3 where the reference says 1-4 (see the file header). NAP, BOOTP,
    superscopes, delay and policies are recorded but do not change the simulation. The DHCP role
    must be installed (Install-WindowsFeature -Name DHCP) and the service running.
    #>
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true, Position = 0)]
        [ipaddress]$StartRange,

        [Parameter(Mandatory = $true, Position = 1)]
        [ipaddress]$EndRange,

        [Parameter(Mandatory = $true, Position = 2)]
        [ipaddress]$SubnetMask,

        [Parameter(Mandatory = $true, Position = 3)]
        [string]$Name,

        [ValidateSet('Active', 'InActive')]
        [string]$State = 'Active',

        [ValidateSet('Dhcp', 'Bootp', 'Both')]
        [string]$Type = 'Dhcp',

        [timespan]$LeaseDuration = [timespan]'8.00:00:00',

        [string]$Description,

        [string]$SuperscopeName,

        [uint32]$MaxBootpClients,

        [bool]$ActivatePolicies = $true,

        [uint16]$Delay = 0,

        [switch]$NapEnable,

        [string]$NapProfile,

        [switch]$PassThru
    )
}


function Get-DhcpServerv4Scope {
    <#
    .SYNOPSIS
    Gets the IPv4 scopes of the DHCP server.

    .DESCRIPTION
    Returns all scopes, or those with the given scope ids (network addresses).

    .PARAMETER ScopeId
    Scope ids (network addresses, for example 192.168.0.0) of the scopes to get.

    .EXAMPLE
    Get-DhcpServerv4Scope

    .EXAMPLE
    Get-DhcpServerv4Scope -ScopeId 192.168.0.0

    .OUTPUTS
    Microsoft.Management.Infrastructure.CimInstance#root/Microsoft/Windows/DHCP/DhcpServerv4Scope

    .NOTES
    Not named in Microsoft's EFLOW material; declared so scripts can check a scope before adding it.
    Position 0 where the DhcpServer reference says 1 (see the file header).
    #>
    [CmdletBinding()]
    param(
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = $true)]
        [ipaddress[]]$ScopeId
    )
}


function Set-DhcpServerv4OptionValue {
    <#
    .SYNOPSIS
    Sets DHCP option values at server or scope level.

    .DESCRIPTION
    Sets options by id (-OptionId with -Value) or the common options by name (-Router = option 3,
    -DnsServer = 6, -DnsDomain = 15, -WinsServer = 44, -Wpad = 252). With -ScopeId the values apply
    to that scope; without it, to the whole server. EFLOW guides set only -Router, so clients of
    such a scope get no DNS servers unless -DnsServer is also set.

    .PARAMETER OptionId
    Numeric id of the option to set.

    .PARAMETER Value
    Values of the option.

    .PARAMETER VendorClass
    Vendor class of the option.

    .PARAMETER Router
    Default gateways to hand out (option 3).

    .PARAMETER DnsServer
    DNS servers to hand out (option 6).

    .PARAMETER DnsDomain
    DNS domain name to hand out (option 15).

    .PARAMETER WinsServer
    WINS servers to hand out (option 44).

    .PARAMETER Wpad
    Web proxy auto-discovery URL to hand out (option 252).

    .PARAMETER ScopeId
    Scope id (network address) of the scope to set options on. Omit for server-level options.

    .PARAMETER ReservedIP
    Reserved address to set options on.

    .PARAMETER PolicyName
    Policy to set options on.

    .PARAMETER UserClass
    User class of the option.

    .PARAMETER Force
    Skips the check that the -DnsServer addresses are DNS servers.

    .PARAMETER PassThru
    Writes the option values to the pipeline.

    .EXAMPLE
    Set-DhcpServerV4OptionValue -ScopeID 192.168.0.0 -Router 192.168.0.1

    .EXAMPLE
    Set-DhcpServerv4OptionValue -ScopeId 192.168.0.0 -Router 192.168.0.1 -DnsServer 192.168.0.1 -Force

    .OUTPUTS
    None, or Microsoft.Management.Infrastructure.CimInstance#root/Microsoft/Windows/DHCP/DhcpServerv4OptionValue
    with -PassThru.

    .NOTES
    Positions are declared 0, 1, 2 where the reference says 1, 2, 3 (see the file header).
    -ScopeId must name an existing scope by its network address. Microsoft's internal-switch guide
    passes the range's first address instead (-ScopeID {startIp}); eflowsh, like a real DHCP
    server, refuses a value that is not a scope id (informed choice). The DNS-server check that
    -Force skips always passes in the simulation.
    #>
    [CmdletBinding(DefaultParameterSetName = 'OptionIds', SupportsShouldProcess = $true)]
    param(
        [Parameter(ParameterSetName = 'OptionIds', Mandatory = $true, Position = 0)]
        [uint32]$OptionId,

        [Parameter(ParameterSetName = 'OptionIds', Mandatory = $true, Position = 1)]
        [string[]]$Value,

        [Parameter(ParameterSetName = 'OptionIds')]
        [string]$VendorClass,

        [Parameter(ParameterSetName = 'CommonOptions')]
        [ipaddress[]]$Router,

        [Parameter(ParameterSetName = 'CommonOptions')]
        [ipaddress[]]$DnsServer,

        [Parameter(ParameterSetName = 'CommonOptions')]
        [string]$DnsDomain,

        [Parameter(ParameterSetName = 'CommonOptions')]
        [ipaddress[]]$WinsServer,

        [Parameter(ParameterSetName = 'CommonOptions')]
        [string]$Wpad,

        [Parameter(Position = 2, ValueFromPipelineByPropertyName = $true)]
        [ipaddress]$ScopeId,

        [Alias('IPAddress')]
        [ipaddress]$ReservedIP,

        [string]$PolicyName,

        [string]$UserClass,

        [switch]$Force,

        [switch]$PassThru
    )
}


function Remove-DhcpServerv4Scope {
    <#
    .SYNOPSIS
    Deletes IPv4 scopes from the DHCP server.

    .DESCRIPTION
    Deletes the scopes with the given scope ids (network addresses). Addresses the scope already
    leased stay with their clients until renewal: the EFLOW VM keeps its address, but a new endpoint
    on that network gets none.

    .PARAMETER ScopeId
    Scope ids (network addresses, for example 192.168.0.0) of the scopes to delete.

    .PARAMETER Force
    Deletes the scope even when it has active leases.

    .PARAMETER PassThru
    Writes the deleted scopes to the pipeline.

    .EXAMPLE
    Remove-DhcpServerv4Scope -ScopeId 192.168.0.0 -Force

    .OUTPUTS
    None, or Microsoft.Management.Infrastructure.CimInstance#root/Microsoft/Windows/DHCP/DhcpServerv4Scope
    with -PassThru.

    .NOTES
    Position 0 where the DhcpServer reference says 1 (see the file header). A scope id that names
    no scope is a non-terminating error ("Failed to get scope ... The specified DHCP scope does not
    exist.").
    #>
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true, Position = 0, ValueFromPipelineByPropertyName = $true)]
        [ipaddress[]]$ScopeId,

        [switch]$Force,

        [switch]$PassThru
    )
}


function Get-DhcpServerv4OptionValue {
    <#
    .SYNOPSIS
    Gets DHCP option values set at server or scope level.

    .DESCRIPTION
    Returns the option values set on the scope given by -ScopeId, or the server-level values
    without it: Router (option 3), DNS Servers (6), DNS Domain Name (15). An -OptionId that is not
    set there is a non-terminating error.

    .PARAMETER ScopeId
    Scope id (network address) whose options to get. Omit for server-level options.

    .PARAMETER OptionId
    Ids of the options to get.

    .PARAMETER VendorClass
    Vendor class of the options.

    .PARAMETER UserClass
    User class of the options.

    .PARAMETER PolicyName
    Policy whose options to get.

    .PARAMETER All
    Gets the options of every vendor and user class.

    .PARAMETER Brief
    Returns only the option ids and values.

    .EXAMPLE
    Get-DhcpServerv4OptionValue -ScopeId 192.168.0.0

    .EXAMPLE
    (Get-DhcpServerv4OptionValue -ScopeId 192.168.0.0 -OptionId 3).Value

    .OUTPUTS
    Microsoft.Management.Infrastructure.CimInstance#root/Microsoft/Windows/DHCP/DhcpServerv4OptionValue

    .NOTES
    Positions are declared 0 and 1 where the reference says 1 and 2 (see the file header).
    eflowsh keeps options 3, 6 and 15 only; vendor and user classes and policies have none.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = $true)]
        [ipaddress]$ScopeId,

        [Parameter(Position = 1)]
        [uint32[]]$OptionId,

        [string]$VendorClass,

        [string]$UserClass,

        [string]$PolicyName,

        [switch]$All,

        [switch]$Brief
    )
}


Export-ModuleMember -Function 'Add-DhcpServerv4Scope', 'Get-DhcpServerv4Scope', 'Remove-DhcpServerv4Scope',
    'Set-DhcpServerv4OptionValue', 'Get-DhcpServerv4OptionValue'
