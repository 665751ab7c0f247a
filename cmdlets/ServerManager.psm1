# ServerManager: declarations of Get-WindowsFeature and Install-WindowsFeature, which EFLOW guides
# use to install the DHCP Server role on a server-SKU host.
#
# Each function carries its comment-based help and its param() block; the behaviour is a Swift
# handler bound to the function by name (Sources/EflowCmdlets). Bodies stay empty. Left out on
# purpose: -ComputerName, -Credential, -Vhd and -LogPath (eflowsh simulates one local host and
# has no offline images).
#
# Server Manager exists only on Windows Server. On a client-SKU host profile these cmdlets fail as
# ServerManager does on Windows 10/11 with RSAT installed: the terminating error "The target of the
# specified cmdlet cannot be a Windows client-based operating system." (DeviceError,
# UnSupportedTargetDevice,Microsoft.Windows.ServerManager.Commands.GetWindowsFeatureCommand /
# ...AddWindowsFeatureCommand). Without RSAT the commands would not be recognised at all; client
# scripts use Get-/Enable-WindowsOptionalFeature (Dism) instead.


function Get-WindowsFeature {
    <#
    .SYNOPSIS
    Gets the roles and features of the server host and whether they are installed.

    .DESCRIPTION
    Returns the roles, role services and features of the simulated Windows Server with Name,
    DisplayName and InstallState (Installed or Available). EFLOW guides check 'DHCP' before
    installing it.

    .PARAMETER Name
    Names of the features to get. Wildcards are allowed.

    .EXAMPLE
    Get-WindowsFeature -Name 'DHCP'

    Display Name                                            Name                       Install State
    ------------                                            ----                       -------------
    [ ] DHCP Server                                         DHCP                           Available

    .EXAMPLE
    if (-not (Get-WindowsFeature -Name 'DHCP').Installed) { Install-WindowsFeature -Name 'DHCP' -IncludeManagementTools }

    .OUTPUTS
    Microsoft.Windows.ServerManager.Commands.Feature

    .NOTES
    The simulated server knows the features its host profile lists plus the ones EFLOW needs
    (DHCP, Hyper-V, RSAT-DHCP).
    #>
    [CmdletBinding()]
    param(
        [Parameter(Position = 0, ValueFromPipeline = $true, ValueFromPipelineByPropertyName = $true)]
        [SupportsWildcards()]
        [string[]]$Name
    )
}


function Install-WindowsFeature {
    <#
    .SYNOPSIS
    Installs roles and features on the server host.

    .DESCRIPTION
    Installs the named roles and features. Installing 'DHCP' adds the DHCP Server role and its
    service (dhcpserver); with -IncludeManagementTools the DhcpServer cmdlets' management tools as
    well. Returns an object with Success, RestartNeeded, FeatureResult and ExitCode.

    .PARAMETER Name
    Names of the features to install, or feature objects from Get-WindowsFeature.

    .PARAMETER Restart
    Restarts the host when the installation needs it.

    .PARAMETER IncludeAllSubFeature
    Installs every sub-feature of the named features.

    .PARAMETER IncludeManagementTools
    Installs the management tools of the named features.

    .PARAMETER Source
    Paths of the feature files, when the host has none.

    .EXAMPLE
    Install-WindowsFeature -Name 'DHCP' -IncludeManagementTools

    Success Restart Needed Exit Code      Feature Result
    ------- -------------- ---------      --------------
    True    No             Success        {DHCP Server}

    .OUTPUTS
    Microsoft.Windows.ServerManager.Commands.FeatureOperationResult

    .NOTES
    -Name is declared as strings that also bind by property name, so both names and the feature
    objects of Get-WindowsFeature work (the real parameter is of type Feature[]). The real cmdlet
    has the alias Add-WindowsFeature, recorded here with [Alias()]. -Restart never restarts the
    simulated host, whose features need no restart.
    #>
    [CmdletBinding(SupportsShouldProcess = $true)]
    [Alias('Add-WindowsFeature')]
    param(
        [Parameter(Mandatory = $true, Position = 0, ValueFromPipeline = $true, ValueFromPipelineByPropertyName = $true)]
        [string[]]$Name,

        [switch]$Restart,

        [switch]$IncludeAllSubFeature,

        [switch]$IncludeManagementTools,

        [string[]]$Source
    )
}


Export-ModuleMember -Function 'Get-WindowsFeature', 'Install-WindowsFeature' -Alias 'Add-WindowsFeature'
