# Dism: declarations of Get-WindowsOptionalFeature and Enable-WindowsOptionalFeature, which EFLOW
# scripts use to check and enable Hyper-V on the running host.
#
# Each function carries its comment-based help and its param() block; the behaviour is a Swift
# handler bound to the function by name (Sources/EflowCmdlets). Bodies stay empty.
#
# Only the Online parameter set is declared: eflowsh has no offline Windows images, so the
# real cmdlets' -Path set (and -WindowsDirectory, -SystemDrive, -ScratchDirectory, -LogPath,
# -LogLevel) is left out. -Online is therefore mandatory, as it is in the real Online set.
# The Dism cmdlets take no positional parameters (PositionalBinding = $false).


function Get-WindowsOptionalFeature {
    <#
    .SYNOPSIS
    Gets the optional features of the running Windows host and their state.

    .DESCRIPTION
    Returns the optional features with FeatureName and State (Enabled or Disabled). EFLOW needs
    'Microsoft-Hyper-V' (client SKUs) and checks it before deploying.

    .PARAMETER FeatureName
    Name of the feature to get. Wildcards are allowed.

    .PARAMETER PackageName
    Name of the package whose features to get.

    .PARAMETER PackagePath
    Path of the package (.cab) whose features to get.

    .PARAMETER Online
    Acts on the running operating system.

    .EXAMPLE
    Get-WindowsOptionalFeature -Online -FeatureName Microsoft-Hyper-V

    FeatureName : Microsoft-Hyper-V
    State       : Enabled

    .EXAMPLE
    (Get-WindowsOptionalFeature -Online -FeatureName Microsoft-Hyper-V).State -eq 'Enabled'

    .OUTPUTS
    Microsoft.Dism.Commands.BasicFeatureObject (all features), Microsoft.Dism.Commands.FeatureObject
    (with -FeatureName).

    .NOTES
    The simulated host knows the features its host profile lists plus Microsoft-Hyper-V,
    Microsoft-Hyper-V-All, Microsoft-Hyper-V-Hypervisor and Microsoft-Hyper-V-Management-PowerShell.
    -PackageName and -PackagePath find nothing: the simulation has no packages.
    #>
    [CmdletBinding(PositionalBinding = $false)]
    param(
        [Parameter(ValueFromPipelineByPropertyName = $true)]
        [SupportsWildcards()]
        [string]$FeatureName,

        [Parameter(ValueFromPipelineByPropertyName = $true)]
        [string]$PackageName,

        [Parameter(ValueFromPipelineByPropertyName = $true)]
        [string]$PackagePath,

        [Parameter(Mandatory = $true)]
        [switch]$Online
    )
}


function Enable-WindowsOptionalFeature {
    <#
    .SYNOPSIS
    Enables optional features of the running Windows host.

    .DESCRIPTION
    Enables the named features. Enabling Microsoft-Hyper-V normally needs a restart; the result
    tells so in RestartNeeded, and without -NoRestart an interactive session is asked whether to
    restart now.

    .PARAMETER FeatureName
    Names of the features to enable.

    .PARAMETER PackageName
    Name of the package the features belong to.

    .PARAMETER All
    Also enables the features the named ones depend on.

    .PARAMETER LimitAccess
    Does not contact Windows Update for the feature's files.

    .PARAMETER Source
    Paths of the feature's files.

    .PARAMETER NoRestart
    Does not restart or ask to restart the host.

    .PARAMETER Online
    Acts on the running operating system.

    .EXAMPLE
    Enable-WindowsOptionalFeature -Online -FeatureName Microsoft-Hyper-V -All -NoRestart

    .OUTPUTS
    Microsoft.Dism.Commands.ImageObject (Path, Online, RestartNeeded).

    .NOTES
    The simulated host never really restarts: a feature enabled here counts as active at once,
    and RestartNeeded is still reported as True for Hyper-V, as on Windows (informed choice).
    #>
    [CmdletBinding(PositionalBinding = $false)]
    param(
        [Parameter(Mandatory = $true, ValueFromPipelineByPropertyName = $true)]
        [string[]]$FeatureName,

        [Parameter(ValueFromPipelineByPropertyName = $true)]
        [string]$PackageName,

        [switch]$All,

        [switch]$LimitAccess,

        [string[]]$Source,

        [switch]$NoRestart,

        [Parameter(Mandatory = $true)]
        [switch]$Online
    )
}


Export-ModuleMember -Function 'Get-WindowsOptionalFeature', 'Enable-WindowsOptionalFeature'
