# NetNat: declarations of the WinNAT cmdlets that give an internal switch Internet access.
#
# Each function carries its comment-based help and its param() block; the behaviour is a Swift
# handler bound to the function by name (Sources/EflowCmdlets). Bodies stay empty. Parameters
# follow Microsoft's Windows Server 2025 reference. Left out on purpose: the CIM remoting
# parameters (-CimSession, -ThrottleLimit, -AsJob), since eflowsh simulates one local host.


function New-NetNat {
    <#
    .SYNOPSIS
    Creates a NAT that translates an internal prefix to the host's external addresses.

    .DESCRIPTION
    Creates a WinNAT object. EFLOW guides create one per internal switch, named after the switch,
    with the switch's subnet as internal prefix, so that the VM reaches the Internet through the
    host. NAT does not hand out addresses: the VM still needs DHCP or a static address. A prefix
    that overlaps an existing NAT is refused with "The parameter is incorrect."
    (Windows System Error 87).

    .PARAMETER Name
    Name of the NAT.

    .PARAMETER InternalIPInterfaceAddressPrefix
    Internal prefix in CIDR form, for example 192.168.0.0/24.

    .PARAMETER ExternalIPInterfaceAddressPrefix
    External prefix in CIDR form. Omit to use the host's external addresses.

    .PARAMETER InternalRoutingDomainId
    GUID of the internal routing domain.

    .EXAMPLE
    New-NetNat -Name "EFLOW-Int" -InternalIPInterfaceAddressPrefix "192.168.0.0/24"

    .OUTPUTS
    Microsoft.Management.Infrastructure.CimInstance#ROOT/StandardCimv2/MSFT_NetNat

    .NOTES
    Only the parameters of Microsoft's EFLOW-relevant table are declared; the real cmdlet also sets
    timeouts and filtering behaviour (shown with their defaults in the output). eflowsh allows
    several NATs whose internal prefixes do not overlap (current Windows behaviour); older Windows
    allowed only one NAT per host.
    #>
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true, Position = 0)]
        [string]$Name,

        [string]$InternalIPInterfaceAddressPrefix,

        [string]$ExternalIPInterfaceAddressPrefix,

        [string]$InternalRoutingDomainId
    )
}


function Get-NetNat {
    <#
    .SYNOPSIS
    Gets the host's NAT objects.

    .DESCRIPTION
    Returns the NAT objects, all or those with the given names. A name that matches nothing is a
    non-terminating error:
    No MSFT_NetNat objects found with property 'Name' equal to '<name>'.  Verify the value of the
    property and retry.

    .PARAMETER Name
    Names of the NATs to get. Wildcards are allowed.

    .EXAMPLE
    Get-NetNat

    Name                             : EFLOW Switch
    ExternalIPInterfaceAddressPrefix :
    InternalIPInterfaceAddressPrefix : 169.254.61.0/24
    IcmpQueryTimeout                 : 30
    TcpEstablishedConnectionTimeout  : 1800
    TcpTransientConnectionTimeout    : 120
    TcpFilteringBehavior             : AddressDependentFiltering
    UdpFilteringBehavior             : AddressDependentFiltering
    UdpIdleSessionTimeout            : 120
    UdpInboundRefresh                : False
    Store                            : Local
    Active                           : True

    .EXAMPLE
    Get-NetNat -Name "EFLOW-Int-NAT" -ErrorAction SilentlyContinue

    .OUTPUTS
    Microsoft.Management.Infrastructure.CimInstance#ROOT/StandardCimv2/MSFT_NetNat

    .NOTES
    Only -Name is declared as a filter (the real cmdlet filters by every NAT property).
    #>
    [CmdletBinding()]
    param(
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = $true)]
        [SupportsWildcards()]
        [string[]]$Name
    )
}


function Remove-NetNat {
    <#
    .SYNOPSIS
    Removes NAT objects from the host.

    .DESCRIPTION
    Removes the NATs with the given names, or the NAT objects piped in. Without -Name every NAT is
    removed. Asks for confirmation unless -Confirm:$false is given.

    .PARAMETER Name
    Names of the NATs to remove. Omit to remove all.

    .PARAMETER InputObject
    NAT objects (from Get-NetNat) to remove.

    .PARAMETER PassThru
    Writes the removed NAT objects to the pipeline.

    .EXAMPLE
    Remove-NetNat -Name "EFLOW-Int-NAT" -Confirm:$false

    .EXAMPLE
    Get-NetNat -Name "EFLOW-Int" | Remove-NetNat -Confirm:$false

    .OUTPUTS
    None, or Microsoft.Management.Infrastructure.CimInstance#ROOT/StandardCimv2/MSFT_NetNat with
    -PassThru.

    .NOTES
    ConfirmImpact is High, as for the real cmdlet, but eflowsh asks only with -Confirm (in the
    interactive shell; elsewhere -Confirm is 5.1's NonInteractive error): with -Name or piped NAT
    objects it removes them without asking. Without either, the interactive shell asks for each
    NAT; elsewhere it refuses (ConfirmationRequired) unless -Confirm:$false is given, rather than
    silently removing every NAT of the host.
    #>
    [CmdletBinding(DefaultParameterSetName = 'Query (cdxml)', SupportsShouldProcess = $true, ConfirmImpact = 'High')]
    param(
        [Parameter(ParameterSetName = 'Query (cdxml)', Position = 0, ValueFromPipelineByPropertyName = $true)]
        [SupportsWildcards()]
        [string[]]$Name,

        [Parameter(ParameterSetName = 'InputObject (cdxml)', Mandatory = $true, ValueFromPipeline = $true)]
        [PSTypeName('Microsoft.Management.Infrastructure.CimInstance#ROOT/StandardCimv2/MSFT_NetNat')]
        [object[]]$InputObject,

        [switch]$PassThru
    )
}


Export-ModuleMember -Function 'New-NetNat', 'Get-NetNat', 'Remove-NetNat'
