# DnsClient: declaration of Get-DnsClientServerAddress, which EFLOW scripts read to choose DNS
# servers for the VM.
#
# The function carries its comment-based help and its param() block; the behaviour is a Swift
# handler bound to it by name (Sources/EflowCmdlets). The body stays empty. Parameters follow
# Microsoft's Windows Server 2025 reference; the CIM remoting parameters (-CimSession,
# -ThrottleLimit, -AsJob) are left out: eflowsh simulates one local host.


function Get-DnsClientServerAddress {
    <#
    .SYNOPSIS
    Gets the DNS server addresses configured on the host's interfaces.

    .DESCRIPTION
    Returns one object per interface and address family with InterfaceAlias, InterfaceIndex,
    AddressFamily and ServerAddresses. AddressFamily is the numeric family: 2 for IPv4, 23 for
    IPv6 (the EFLOW auto-deploy sample filters on AddressFamily -eq 2).

    .PARAMETER InterfaceIndex
    Interface indexes whose DNS servers to get.

    .PARAMETER InterfaceAlias
    Interface aliases whose DNS servers to get. Wildcards are allowed.

    .PARAMETER AddressFamily
    'IPv4' or 'IPv6'.

    .EXAMPLE
    Get-DnsClientServerAddress -AddressFamily IPv4 | Select-Object -ExpandProperty ServerAddresses

    .EXAMPLE
    (Get-DnsClientServerAddress | Where-Object { $_.AddressFamily -eq 2 }).ServerAddresses

    .OUTPUTS
    Microsoft.Management.Infrastructure.CimInstance#ROOT/StandardCimv2/MSFT_DNSClientServerAddress

    .NOTES
    -AddressFamily is a string checked by ValidateSet rather than an enum. The host's DNS servers
    come from the host profile (the LAN behind each physical adapter); a switch's host NIC has
    none unless configured.
    #>
    [CmdletBinding()]
    param(
        [Parameter(ValueFromPipelineByPropertyName = $true)]
        [uint32[]]$InterfaceIndex,

        [Parameter(Position = 0, ValueFromPipelineByPropertyName = $true)]
        [SupportsWildcards()]
        [string[]]$InterfaceAlias,

        [Alias('Family')]
        [ValidateSet('IPv4', 'IPv6')]
        [string[]]$AddressFamily
    )
}


Export-ModuleMember -Function 'Get-DnsClientServerAddress'
