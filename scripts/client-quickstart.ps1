#!/usr/bin/env eflowsh
<#
.SYNOPSIS
    EFLOW quickstart on a Windows client: deploy on the Default Switch, read the VM's address and
    endpoints, then stop and start the VM.

.DESCRIPTION
    Follows the client quickstart: Deploy-Eflow with the EULA accepted and optional telemetry
    declined (no switch parameters, so the VM goes on the Default Switch with DHCP), then
    Get-EflowVmAddr (MAC first, IPv4 second) and Get-EflowVmEndpoint. Stops the VM, shows that
    VM commands refuse while it is off, starts it again and checks that the MAC and the DHCP
    address were kept. If a VM already exists the deployment is skipped.

.PARAMETER CpuCount
    Number of virtual CPUs for the EFLOW VM.

.PARAMETER MemoryInMB
    Memory for the EFLOW VM, in MB (an even number, at least 1024).

.EXAMPLE
    .\client-quickstart.ps1

.EXAMPLE
    eflowsh -State ./lab.json -Seed 42 scripts/client-quickstart.ps1 -CpuCount 2 -MemoryInMB 2048
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory = $false)]
    [ValidateRange(1, 64)]
    [int]$CpuCount = 2,

    [Parameter(Mandatory = $false)]
    [ValidateRange(1024, 65536)]
    [int]$MemoryInMB = 2048
)

$ErrorActionPreference = 'Stop'

# 1. Deploy (once). Progress lines go to the host; the pipeline gets "OK".
if (Verify-EflowVm) {
    Write-Warning 'An EFLOW VM is already deployed on this host; skipping Deploy-Eflow.'
} else {
    $result = Deploy-Eflow -acceptEula Yes -acceptOptionalTelemetry No -cpuCount $CpuCount -memoryInMB $MemoryInMB
    if ($result -ine 'OK') { throw "Deploy-Eflow did not report success (returned '$result')." }
}

# 2. Address and endpoints.
$mac, $ip = Get-EflowVmAddr
$vmName = Get-EflowVmName
Write-Host "VM $vmName has MAC $mac and IPv4 $ip (also reachable as $vmName.mshome.net)"
foreach ($endpoint in @(Get-EflowVmEndpoint)) {
    $config = $endpoint.IpConfiguration
    Write-Host ("{0}: {1} on '{2}', {3} {4}/{5} via {6}" -f $endpoint.GuestInterfaceName, $endpoint.Name,
        $config.SubNet, $config.AllocationMethod, $config.Address, $config.PrefixLength, $config.Gateway)
}
$telemetry = Get-EflowVmTelemetryOption
Write-Host "Telemetry: $telemetry"

# 3. Stop: the VM is off and commands that talk to it refuse.
Stop-EflowVm
Write-Host "After Stop-EflowVm: $((Get-EflowVm).VmPowerState)"
try {
    $null = Get-EflowVmAddr
} catch {
    Write-Host "While off, Get-EflowVmAddr says: $($_.Exception.Message)"
}

# 4. Start again: the MAC and the DHCP lease are kept.
Start-EflowVm
$vm = Get-EflowVm
Write-Host "After Start-EflowVm: $($vm.VmPowerState), $($vm.SystemStatistics.CpuCount) vCPU, $($vm.SystemStatistics.TotalMemMb) MB usable, IoT Edge $($vm.EdgeRuntimeVersion.IotEdgeVersion)"
$mac2, $ip2 = Get-EflowVmAddr
if ($mac2 -eq $mac -and $ip2 -eq $ip) {
    Write-Host 'The MAC and IPv4 address survived the restart.'
} else {
    Write-Warning "The VM now reports $mac2 / $ip2 (was $mac / $ip)."
}

Get-EflowVmEndpoint
