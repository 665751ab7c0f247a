# Microsoft.PowerShell.Management: declarations of the host-management cmdlets EFLOW scripts use
# against the simulated Windows host: services (dhcpserver, wssdagent, vmms, ...) and WMI.
#
# Each function carries its comment-based help and its param() block; the behaviour is a Swift
# handler bound to the function by name (Sources/EflowCmdlets). Bodies stay empty. Only what
# EFLOW scripts need is declared here; the module's file-system and item cmdlets are eflowsh
# built-ins and not emulated from this file.
#
# Get-WmiObject lives here, as on Windows PowerShell 5.1 (it was removed from PowerShell 7);
# Get-CimInstance is in CimCmdlets.psm1.
#
# Left out on purpose: -ComputerName, -Credential, -Impersonation, -Authentication, -AsJob and
# the other remoting parameters. eflowsh simulates one local host.


function Get-Service {
    <#
    .SYNOPSIS
    Gets the services of the host.

    .DESCRIPTION
    Returns the simulated host's services with Status, Name and DisplayName. EFLOW-related ones:
    wssdagent (the EFLOW agent), vmms, vmcompute and hvhost (Hyper-V), SharedAccess (Internet
    Connection Sharing, behind the Default Switch) and, once the role is installed, dhcpserver
    (DHCP Server). A name that matches nothing is a non-terminating error:
    Cannot find any service with service name '<name>'.

    .PARAMETER Name
    Service names to get. Wildcards are allowed.

    .PARAMETER DisplayName
    Display names of the services to get. Wildcards are allowed.

    .PARAMETER Include
    Only the services whose names match these patterns.

    .PARAMETER Exclude
    Leaves out the services whose names match these patterns.

    .PARAMETER InputObject
    Service objects to get again (refreshed).

    .PARAMETER DependentServices
    Gets the services that depend on the given ones instead.

    .PARAMETER RequiredServices
    Gets the services the given ones depend on instead.

    .EXAMPLE
    Get-Service dhcpserver

    Status   Name               DisplayName
    ------   ----               -----------
    Running  dhcpserver         DHCP Server

    .EXAMPLE
    (Get-Service -Name wssdagent).Status

    .OUTPUTS
    System.ServiceProcess.ServiceController

    .NOTES
    The set of services is eflowsh's choice: those EFLOW deployment and troubleshooting touch.
    -InputObject is named and binds from the pipeline, as on Windows.
    #>
    [CmdletBinding(DefaultParameterSetName = 'Default')]
    param(
        [Parameter(ParameterSetName = 'Default', Position = 0, ValueFromPipeline = $true, ValueFromPipelineByPropertyName = $true)]
        [Alias('ServiceName')]
        [SupportsWildcards()]
        [string[]]$Name,

        [Parameter(ParameterSetName = 'DisplayName', Mandatory = $true)]
        [SupportsWildcards()]
        [string[]]$DisplayName,

        [SupportsWildcards()]
        [string[]]$Include,

        [SupportsWildcards()]
        [string[]]$Exclude,

        [Parameter(ParameterSetName = 'InputObject', ValueFromPipeline = $true)]
        [PSTypeName('System.ServiceProcess.ServiceController')]
        [object[]]$InputObject,

        [Alias('DS')]
        [switch]$DependentServices,

        [Alias('SDO', 'ServicesDependedOn')]
        [switch]$RequiredServices
    )
}


function Restart-Service {
    <#
    .SYNOPSIS
    Stops and starts services of the host.

    .DESCRIPTION
    Restarts the given services. While a service starts, a warning is written:
    WARNING: Waiting for service 'DHCP Server (dhcpserver)' to start...
    EFLOW guides restart dhcpserver after installing the role and after setting scope options;
    restarting wssdagent re-reads the EFLOW agent's configuration.

    .PARAMETER Name
    Service names to restart. Wildcards are allowed.

    .PARAMETER DisplayName
    Display names of the services to restart. Wildcards are allowed.

    .PARAMETER InputObject
    Service objects (from Get-Service) to restart.

    .PARAMETER Include
    Only the services whose names match these patterns.

    .PARAMETER Exclude
    Leaves out the services whose names match these patterns.

    .PARAMETER Force
    Also restarts services that other services depend on (and those dependents).

    .PARAMETER PassThru
    Writes the restarted services to the pipeline.

    .EXAMPLE
    Restart-Service dhcpserver

    WARNING: Waiting for service 'DHCP Server (dhcpserver)' to start...

    .EXAMPLE
    Get-Service wssdagent | Restart-Service -PassThru

    .OUTPUTS
    None, or System.ServiceProcess.ServiceController with -PassThru.

    .NOTES
    The warning is written on every restart of dhcpserver (as in Microsoft's transcripts: the DHCP
    Server service takes seconds to start); other services restart without it. The set of
    services and wssdagent's display name are eflowsh's choice.
    On Windows the default parameter set is InputObject, with -InputObject at Position 0 of type
    ServiceController[]; a positional service name reaches -Name only because a string does not
    convert to ServiceController. eflowsh has no ServiceController type, so it makes 'Default'
    (-Name) the default set and -InputObject named (it still binds from the pipeline): the same
    commands bind the same way.
    #>
    [CmdletBinding(DefaultParameterSetName = 'Default', SupportsShouldProcess = $true)]
    param(
        [Parameter(ParameterSetName = 'Default', Mandatory = $true, Position = 0, ValueFromPipeline = $true, ValueFromPipelineByPropertyName = $true)]
        [Alias('ServiceName')]
        [SupportsWildcards()]
        [string[]]$Name,

        [Parameter(ParameterSetName = 'DisplayName', Mandatory = $true)]
        [SupportsWildcards()]
        [string[]]$DisplayName,

        [Parameter(ParameterSetName = 'InputObject', Mandatory = $true, ValueFromPipeline = $true)]
        [PSTypeName('System.ServiceProcess.ServiceController')]
        [object[]]$InputObject,

        [SupportsWildcards()]
        [string[]]$Include,

        [SupportsWildcards()]
        [string[]]$Exclude,

        [switch]$Force,

        [switch]$PassThru
    )
}


function Get-WmiObject {
    <#
    .SYNOPSIS
    Gets instances of a WMI class from the host (Windows PowerShell 5.1).

    .DESCRIPTION
    The Windows PowerShell 5.1 way to read WMI classes; it answers the same classes as
    Get-CimInstance (Win32_OperatingSystem, Win32_ComputerSystem, Win32_Processor), selected by
    class name with an optional -Filter, or by a WQL -Query.

    .PARAMETER Class
    Name of the WMI class, for example Win32_OperatingSystem.

    .PARAMETER Property
    Properties to return.

    .PARAMETER Filter
    WQL WHERE clause (without WHERE).

    .PARAMETER Namespace
    WMI namespace of the class. Default root\cimv2.

    .PARAMETER Query
    WQL query, for example "SELECT * FROM Win32_OperatingSystem".

    .EXAMPLE
    (Get-WmiObject -Class Win32_OperatingSystem).ProductType

    .EXAMPLE
    Get-WmiObject Win32_ComputerSystem

    .OUTPUTS
    System.Management.ManagementObject

    .NOTES
    Get-WmiObject does not exist in PowerShell 7; eflowsh keeps it because EFLOW scripts target
    Windows PowerShell 5.1. Only the query and WQL sets are declared (no -List, -Path or
    remoting). The objects are the same as Get-CimInstance's, with the __CLASS property added.
    #>
    [CmdletBinding(DefaultParameterSetName = 'query')]
    param(
        [Parameter(ParameterSetName = 'query', Mandatory = $true, Position = 0)]
        [Alias('ClassName')]
        [string]$Class,

        [Parameter(ParameterSetName = 'query', Position = 1)]
        [string[]]$Property,

        [Parameter(ParameterSetName = 'query')]
        [string]$Filter,

        [Alias('NS')]
        [string]$Namespace,

        [Parameter(ParameterSetName = 'WQLQuery', Mandatory = $true)]
        [string]$Query
    )
}


Export-ModuleMember -Function 'Get-Service', 'Restart-Service', 'Get-WmiObject'
