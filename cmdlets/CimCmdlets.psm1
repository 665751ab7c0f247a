# CimCmdlets: declaration of Get-CimInstance, which EFLOW scripts use to read the host's OS,
# computer system and processor facts (for example Win32_OperatingSystem.ProductType to tell a
# server SKU from a client SKU).
#
# The function carries its comment-based help and its param() block; the behaviour is a Swift
# handler bound to it by name (Sources/EflowCmdlets). The body stays empty.
#
# Get-WmiObject, the Windows PowerShell 5.1 predecessor, is declared in
# Microsoft.PowerShell.Management.psm1, the module it belongs to on Windows.
#
# Left out on purpose: -CimSession, -ComputerName, -ResourceUri, -InputObject and the
# CimInstance-piping sets. eflowsh simulates one local host.


function Get-CimInstance {
    <#
    .SYNOPSIS
    Gets instances of a CIM class from the host.

    .DESCRIPTION
    Returns the instances of a class of the simulated host, selected by class name (with an
    optional WQL -Filter) or by a WQL -Query. eflowsh answers the classes that describe the
    simulated host and that EFLOW scripts read: Win32_OperatingSystem (Caption, Version,
    BuildNumber, ProductType: 1 workstation, 2 domain controller, 3 server), Win32_ComputerSystem
    and Win32_Processor. Other classes fail with "Invalid class".

    .PARAMETER ClassName
    Name of the CIM class, for example Win32_OperatingSystem.

    .PARAMETER Namespace
    CIM namespace of the class. Default root/cimv2.

    .PARAMETER Filter
    WQL WHERE clause (without WHERE), for example "Name = 'vmms'".

    .PARAMETER Property
    Properties to return; the others are left empty.

    .PARAMETER KeyOnly
    Returns only the key properties.

    .PARAMETER Query
    WQL query, for example "SELECT * FROM Win32_OperatingSystem".

    .PARAMETER QueryDialect
    Query language of -Query. Default WQL.

    .PARAMETER Shallow
    Returns instances of the class only, not of its subclasses.

    .PARAMETER OperationTimeoutSec
    How long to wait for the answer, in seconds.

    .EXAMPLE
    (Get-CimInstance -ClassName Win32_OperatingSystem).ProductType

    1

    A client SKU; 2 or 3 means a server SKU.

    .EXAMPLE
    Get-CimInstance -Query "SELECT * FROM Win32_ComputerSystem"

    .OUTPUTS
    Microsoft.Management.Infrastructure.CimInstance

    .NOTES
    Only simple WQL is understood: SELECT <properties> FROM <class> [WHERE <property> <op> <value>
    joined by AND/OR]. The set of classes and properties above is eflowsh's choice, driven by what
    EFLOW scripts read.
    #>
    [CmdletBinding(DefaultParameterSetName = 'ClassNameComputerSet')]
    param(
        [Parameter(ParameterSetName = 'ClassNameComputerSet', Mandatory = $true, Position = 0)]
        [string]$ClassName,

        [Parameter(ValueFromPipelineByPropertyName = $true)]
        [string]$Namespace,

        [Parameter(ParameterSetName = 'ClassNameComputerSet')]
        [string]$Filter,

        [Parameter(ParameterSetName = 'ClassNameComputerSet')]
        [Alias('SelectProperties')]
        [string[]]$Property,

        [Parameter(ParameterSetName = 'ClassNameComputerSet')]
        [switch]$KeyOnly,

        [Parameter(ParameterSetName = 'QuerySet', Mandatory = $true)]
        [string]$Query,

        [Parameter(ParameterSetName = 'QuerySet')]
        [string]$QueryDialect,

        [switch]$Shallow,

        [Alias('OT')]
        [uint32]$OperationTimeoutSec
    )
}


Export-ModuleMember -Function 'Get-CimInstance'
