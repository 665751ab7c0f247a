#!/usr/bin/env eflowsh
<#
.SYNOPSIS
    Deploys EFLOW on the Hyper-V Default Switch of a Windows client and prints the VM's address.

.DESCRIPTION
    Deploys Azure IoT Edge for Linux on Windows on a client SKU (Windows 10/11 Pro, Enterprise,
    IoT Enterprise) using the Default Switch. The Default Switch hands out addresses by DHCP
    (Internet Connection Sharing), so no static IP parameters are passed: EFLOW refuses a static
    IP on the Default Switch. After deployment the script reads the VM's MAC and IPv4 address
    with Get-EflowVmAddr and prints them. If a VM already exists it only prints its address.

.PARAMETER CpuCount
    Number of virtual CPUs for the EFLOW VM.

.PARAMETER MemoryInMB
    Memory for the EFLOW VM, in MB. Must be an even number.

.PARAMETER VmDataSize
    Size of the VM's data partition, in GB.

.PARAMETER AcceptOptionalTelemetry
    'Yes' to send optional diagnostic data to Microsoft, 'No' to send only required data.

.EXAMPLE
    .\deploy-default-switch.ps1

.EXAMPLE
    .\deploy-default-switch.ps1 -CpuCount 4 -MemoryInMB 4096 -VmDataSize 20 -Verbose
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory = $false)]
    [ValidateRange(1, 64)]
    [int]$CpuCount = 2,

    [Parameter(Mandatory = $false)]
    [ValidateRange(1024, 65536)]
    [int]$MemoryInMB = 2048,

    [Parameter(Mandatory = $false)]
    [ValidateRange(2, 2000)]
    [int]$VmDataSize = 10,

    [Parameter(Mandatory = $false)]
    [ValidateSet('Yes', 'No')]
    [string]$AcceptOptionalTelemetry = 'No'
)

$ErrorActionPreference = 'Stop'

if ($MemoryInMB % 2 -ne 0) {
    throw "MemoryInMB must be an even number; got $MemoryInMB."
}

if (Verify-EflowVm) {
    Write-Warning 'An EFLOW VM is already deployed on this host; skipping deployment.'
} else {
    $defaultSwitch = Get-VMSwitch -Name 'Default Switch' -ErrorAction SilentlyContinue
    if ($null -eq $defaultSwitch) {
        throw "This host has no 'Default Switch' (Windows Server?). Use internal-switch-nat.ps1 or deploy-external-static.ps1 instead."
    }
    Write-Verbose "Using '$($defaultSwitch.Name)' (SwitchType $($defaultSwitch.SwitchType))."

    # No -vswitchName / -vswitchType: on a client SKU EFLOW attaches the VM to the Default Switch.
    $deployParams = @{
        acceptEula              = 'Yes'
        acceptOptionalTelemetry = $AcceptOptionalTelemetry
        cpuCount                = $CpuCount
        memoryInMB              = $MemoryInMB
        vmDataSize              = $VmDataSize
        headless                = $true
    }
    Write-Host "Deploying EFLOW: $CpuCount vCPU, $([Math]::Round($MemoryInMB / 1024, 1)) GB RAM, $VmDataSize GB data"
    $result = Deploy-Eflow @deployParams | Select-Object -Last 1
    if ($result -ine 'OK') {
        throw "Deploy-Eflow did not report success (returned '$result')."
    }
}

# Get-EflowVmAddr returns the MAC first, then the IPv4 address of eth0.
$mac, $ip = Get-EflowVmAddr
$vmName = Get-EflowVmName

Write-Host @"

EFLOW VM is ready
  Name     : $vmName
  MAC      : $mac
  IPv4     : $ip
  Hostname : $($vmName).mshome.net
"@
Write-Host 'The Default Switch subnet can change when the host restarts: prefer the mshome.net name to the IP.'
