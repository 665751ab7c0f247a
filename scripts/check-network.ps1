<#
.SYNOPSIS
    Read-only check of the EFLOW VM's networking: endpoints, addresses, default routes and DNS.

.DESCRIPTION
    Collects what EFLOW and the VM report, without changing anything: the VM's power state
    (Get-EflowVm), its endpoints (Get-EflowVmEndpoint), the primary address (Get-EflowVmAddr),
    the IPv4 addresses inside the VM (ip -br -4 addr), the default routes (ip route) and the DNS
    servers of each link (resolvectl status). Prints one row per NIC, then warns about common
    problems: a NIC without an address or DNS, or the default route on an unexpected NIC.
    Exits with 0 when nothing is wrong and 1 otherwise, so it can gate a CI job.

.PARAMETER ExpectedDefaultInterface
    Guest interface that should carry the lowest-metric default route.

.PARAMETER SkipDns
    Do not read or check DNS servers.

.EXAMPLE
    .\check-network.ps1

.EXAMPLE
    .\check-network.ps1 -ExpectedDefaultInterface eth1 -SkipDns -Verbose
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory = $false)]
    [ValidatePattern('^eth\d+$')]
    [string]$ExpectedDefaultInterface = 'eth0',

    [Parameter(Mandatory = $false)]
    [switch]$SkipDns
)

function ConvertFrom-ResolvectlStatus {
    param([string[]]$Lines = @())
    # "Link 2 (eth0)" starts a section; its "DNS Servers:" line lists the servers of that link.
    $servers = @{}
    $link = $null
    foreach ($line in $Lines) {
        if ($line -match '^Link \d+ \((?<name>[^)]+)\)') {
            $link = $Matches['name']
        } elseif ($line -match '^Global') {
            $link = $null
        } elseif ($link -and $line -match '^\s*DNS Servers:\s*(?<list>.+)$') {
            $servers[$link] = @($Matches['list'].Trim() -split '\s+')
        }
    }
    return $servers
}

if (-not (Verify-EflowVm)) { Write-Warning 'No EFLOW VM is deployed on this host.'; exit 1 }
$vm = Get-EflowVm
switch ($vm.VmPowerState) {
    'Running' { Write-Verbose 'The EFLOW VM is running.' }
    'Off'     { Write-Warning 'The EFLOW VM is off: run Start-EflowVm, then check again.'; exit 1 }
    default   { Write-Warning "Unexpected VM power state '$($vm.VmPowerState)'."; exit 1 }
}

$mac, $primaryIp = Get-EflowVmAddr
$endpoints = @(Get-EflowVmEndpoint)
Write-Verbose "Endpoints: $(($endpoints | Select-Object -ExpandProperty Name) -join ', ')"

# "eth0    UP    172.27.120.111/20": interface, state, address.
$addresses = @{}
Invoke-EflowVmCommand 'ip -br -4 addr' | Where-Object { $_ -match '^eth\d+\s' } | ForEach-Object {
    $fields = $_ -split '\s+'
    $addresses[$fields[0]] = $fields[2]
}
$defaultRoutes = @(Invoke-EflowVmCommand 'ip route show default' | ForEach-Object {
    $route = [pscustomobject]@{ Interface = $null; Gateway = $null; Metric = 0 }
    if ($_ -match 'dev (\S+)') { $route.Interface = $Matches[1] }
    if ($_ -match 'via (\S+)') { $route.Gateway = $Matches[1] }
    if ($_ -match 'metric (\d+)') { $route.Metric = [int]$Matches[1] }
    $route
})
$dns = @{}
if (-not $SkipDns) { $dns = ConvertFrom-ResolvectlStatus -Lines (Invoke-EflowVmCommand 'resolvectl status' -ignoreError) }

$report = foreach ($endpoint in $endpoints) {
    $nic = $endpoint.GuestInterfaceName
    $route = $defaultRoutes | Where-Object { $_.Interface -eq $nic } | Sort-Object Metric | Select-Object -First 1
    [pscustomobject]@{
        Interface  = $nic
        Endpoint   = $endpoint.Name
        MacAddress = $endpoint.MacAddress
        Allocation = $endpoint.IpConfiguration.AllocationMethod
        Address    = $addresses[$nic]
        Gateway    = $route.Gateway
        Metric     = $route.Metric
        DnsServers = @($dns[$nic]) -join ', '
    }
}

Write-Host "EFLOW VM $(Get-EflowVmName): $($vm.VmPowerState), primary address $primaryIp ($mac)"
$report | Sort-Object Interface | Format-Table -AutoSize

$issues = @()
foreach ($row in $report) {
    if ([string]::IsNullOrEmpty($row.Address)) {
        $issues += "$($row.Interface) has no IPv4 address."
    } elseif (-not $SkipDns -and [string]::IsNullOrEmpty($row.DnsServers)) {
        $issues += "$($row.Interface) has no DNS server; a static IP needs Set-EflowVmDNSServers."
    } else {
        Write-Verbose "$($row.Interface) looks fine."
    }
}
$best = $defaultRoutes | Sort-Object Metric | Select-Object -First 1
if ($null -eq $best) {
    $issues += 'The VM has no default route.'
} elseif ($best.Interface -ne $ExpectedDefaultInterface) {
    $issues += "The preferred default route uses $($best.Interface) (metric $($best.Metric)), not $ExpectedDefaultInterface."
}

if ($issues.Count -eq 0) { Write-Host 'No networking problems found.'; exit 0 }
$issues | ForEach-Object { Write-Warning $_ }
exit 1
