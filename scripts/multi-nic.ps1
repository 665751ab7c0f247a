<#
.SYNOPSIS
    Adds a second NIC to the EFLOW VM and keeps eth0's default route preferred across restarts.

.DESCRIPTION
    Registers an existing Hyper-V switch with EFLOW, attaches a vNIC to it (static IP or DHCP), then
    fixes the VM's default-route metrics so the management NIC eth0 wins. EFLOW recreates routes at
    every VM start, so a route script and a systemd unit in the VM reapply the metrics at each boot.

.PARAMETER SwitchName
    Existing Hyper-V switch for the second NIC (External on any SKU, Internal on Windows Server).
.PARAMETER EndpointName
    Name of the new EFLOW endpoint.
.PARAMETER IP4Address
    Static address of the new NIC; pass an empty string to use DHCP on that network.
.PARAMETER IP4GatewayAddress
    Gateway of the new NIC's network (static only).
.PARAMETER IP4PrefixLength
    Prefix length of the new NIC's network (static only).
.PARAMETER PrimaryMetric
    Default-route metric for eth0; the second NIC gets 1000 more (at most 65535).

.EXAMPLE
    .\multi-nic.ps1 -SwitchName OT-Network -EndpointName OtEndpoint -IP4Address 192.168.10.50 -IP4GatewayAddress 192.168.10.1
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory = $false)][ValidateNotNullOrEmpty()]
    [string]$SwitchName = 'OT-Network',
    [Parameter(Mandatory = $false)][ValidatePattern('^[A-Za-z0-9\-]+$')]
    [string]$EndpointName = 'OtEndpoint',
    [Parameter(Mandatory = $false)]
    [string]$IP4Address = '192.168.10.50',
    [Parameter(Mandatory = $false)]
    [string]$IP4GatewayAddress = '192.168.10.1',
    [Parameter(Mandatory = $false)][ValidateRange(8, 30)]
    [int]$IP4PrefixLength = 24,
    [Parameter(Mandatory = $false)][ValidateRange(1, 65534)]
    [int]$PrimaryMetric = 100
)

$ErrorActionPreference = 'Stop'
$unitName = 'eflow-route-setup.service'

function Get-VmDefaultGateway {
    param([Parameter(Mandatory = $true)][string]$Interface)
    $line = Invoke-EflowVmCommand "ip route show default dev $Interface" -ignoreError | Select-Object -First 1
    if ($line -match 'via (\d+\.\d+\.\d+\.\d+)') { return $Matches[1] }
}

function Write-VmFile {
    param([Parameter(Mandatory = $true)][string]$Path, [Parameter(Mandatory = $true)][string]$Content, [string]$Mode = '644')
    # Base64 keeps quotes and newlines intact through SSH; strip CR from Windows line endings first.
    $encoded = [Convert]::ToBase64String([System.Text.Encoding]::UTF8.GetBytes(($Content -replace "`r", '')))
    $null = Invoke-EflowVmCommand "echo $encoded | base64 -d | sudo tee $Path > /dev/null; sudo chmod $Mode $Path"
}

if (-not (Verify-EflowVm)) { throw 'No EFLOW VM on this host: deploy one first (deploy-default-switch.ps1).' }
$vmSwitch = Get-VMSwitch -Name $SwitchName -ErrorAction SilentlyContinue | Select-Object -First 1
if ($null -eq $vmSwitch) { throw "Create the switch '$SwitchName' first (New-VMSwitch)." }

# 1. Network and endpoint; each step is skipped when already done.
if (-not (Get-EflowNetwork | Where-Object { $_.Name -eq $SwitchName })) {
    Add-EflowNetwork -vswitchName $SwitchName -vswitchType "$($vmSwitch.SwitchType)" | Format-Table -AutoSize
}
$endpoint = Get-EflowVmEndpoint | Where-Object { $_.Name -like "*-$SwitchName-$EndpointName" } | Select-Object -First 1
if ($null -eq $endpoint) {
    $endpointParams = @{ vswitchName = $SwitchName; vendpointName = $EndpointName }
    if (-not [string]::IsNullOrEmpty($IP4Address)) {
        $endpointParams += @{ ip4Address = $IP4Address; ip4GatewayAddress = $IP4GatewayAddress; ip4PrefixLength = $IP4PrefixLength }
    }
    $endpoint = Add-EflowVmEndpoint @endpointParams
}
$nic = (Get-EflowVmEndpoint | Where-Object { $_.Name -eq $endpoint.Name }).GuestInterfaceName
if ([string]::IsNullOrEmpty($nic)) { $nic = 'eth1' }
Write-Host "Endpoint $($endpoint.Name) is $nic in the VM (MAC $($endpoint.MacAddress))"

# 2. One default route per NIC and the lowest metric wins: keep eth0 (management) first.
$secondaryMetric = [Math]::Min($PrimaryMetric + 1000, 65535)
$routes = @(
    [pscustomobject]@{ Interface = 'eth0'; Gateway = (Get-VmDefaultGateway -Interface 'eth0'); Metric = $PrimaryMetric }
    [pscustomobject]@{ Interface = $nic; Gateway = (Get-VmDefaultGateway -Interface $nic); Metric = $secondaryMetric }
) | Where-Object { $_.Gateway }
$routeCommands = foreach ($route in $routes) {
    "ip route del default dev $($route.Interface)"
    "ip route add default via $($route.Gateway) dev $($route.Interface) metric $($route.Metric)"
}
$routeCommands | ForEach-Object { $null = Invoke-EflowVmCommand "sudo $_" -ignoreError }

# 3. Persist: the unit runs the route script at every boot, once systemd-networkd has set its routes.
$routeScript = @"
#!/bin/bash
# Written by multi-nic.ps1: default-route metrics for $(@($routes).Count) NICs.
sleep 30
$($routeCommands -join "`n")
"@
$unit = @'
[Unit]
Description=Restore EFLOW default-route metrics
After=network-online.target
Wants=network-online.target

[Service]
Type=oneshot
ExecStart=/bin/bash /home/iotedge-user/route-setup.sh

[Install]
WantedBy=multi-user.target
'@
try {
    Write-VmFile -Path '/home/iotedge-user/route-setup.sh' -Content $routeScript -Mode '755'
    Write-VmFile -Path "/etc/systemd/system/$unitName" -Content $unit
    $null = Invoke-EflowVmCommand "sudo systemctl daemon-reload; sudo systemctl enable $unitName"
    Write-Host "Installed ${unitName}: the metrics survive Stop-EflowVm / Start-EflowVm."
} catch {
    Write-Warning "Routes are fixed until the next VM start, but persisting them failed: $($_.Exception.Message)"
} finally {
    Write-Host 'Default routes in the VM now:'
    Invoke-EflowVmCommand 'ip route show default' | ForEach-Object { Write-Host "  $_" }
}
