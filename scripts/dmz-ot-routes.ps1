<#
.SYNOPSIS
    Industrial DMZ deployment: EFLOW on the DMZ (eth0) and the OT network (eth1), with the
    internet-bound default route kept on the DMZ NIC across VM restarts.

.DESCRIPTION
    Follows the IIoT DMZ guide on Windows Server. The VM is deployed with a static address on an
    External switch bound to the DMZ adapter, then gets a second NIC on an External switch bound to
    the OT adapter. Both NICs have a default route, so traffic for the internet may leave through
    the OT network, which has no way out. Routes inside the VM are recreated at every start, so a
    fix made by hand is lost at the next Start-EflowVm; the guide's answer is a route script run by
    a systemd unit at each boot. This script shows all three states: the two default routes after
    deployment, the manual fix lost at a restart, and the unit keeping the fix.

.PARAMETER DmzAdapter
    Physical adapter on the DMZ (it reaches the internet through DmzGateway).
.PARAMETER OtAdapter
    Physical adapter on the OT network.
.PARAMETER DmzAddress
    Static address of eth0 on the DMZ.
.PARAMETER DmzGateway
    DMZ gateway, also its DNS server.
.PARAMETER OtAddress
    Static address of eth1 on the OT network.
.PARAMETER OtGateway
    Gateway configured on the OT NIC (EFLOW gives it a default route).

.EXAMPLE
    .\dmz-ot-routes.ps1 -DmzAdapter 'Ethernet' -OtAdapter 'Ethernet 2'
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory = $false)][ValidateNotNullOrEmpty()]
    [string]$DmzAdapter = 'Ethernet',
    [Parameter(Mandatory = $false)][ValidateNotNullOrEmpty()]
    [string]$OtAdapter = 'Ethernet 2',
    [Parameter(Mandatory = $false)][ValidateNotNullOrEmpty()]
    [string]$DmzAddress = '10.10.0.50',
    [Parameter(Mandatory = $false)][ValidateNotNullOrEmpty()]
    [string]$DmzGateway = '10.10.0.1',
    [Parameter(Mandatory = $false)][ValidateNotNullOrEmpty()]
    [string]$OtAddress = '192.168.100.50',
    [Parameter(Mandatory = $false)][ValidateNotNullOrEmpty()]
    [string]$OtGateway = '192.168.100.1'
)

$ErrorActionPreference = 'Stop'

function Show-DefaultRoutes {
    param([string]$Title)
    Write-Host "$Title"
    Invoke-EflowVmCommand 'ip route show default' | ForEach-Object { Write-Host "  $_" }
    $route = Invoke-EflowVmCommand 'ip route get 8.8.8.8' | Select-Object -First 1
    Write-Host "  internet-bound traffic: $route"
}

# 1. The two External switches (reused when they exist) and the deployment on the DMZ.
$switches = @(Get-VMSwitch)
if (-not ($switches | Where-Object Name -eq 'DMZ')) { $null = New-VMSwitch -Name 'DMZ' -NetAdapterName $DmzAdapter -AllowManagementOS $true }
if (-not ($switches | Where-Object Name -eq 'OT')) { $null = New-VMSwitch -Name 'OT' -NetAdapterName $OtAdapter -AllowManagementOS $true }
if (-not (Verify-EflowVm)) {
    $result = Deploy-Eflow -acceptEula Yes -acceptOptionalTelemetry No -headless -vswitchName 'DMZ' -vswitchType External `
        -ip4Address $DmzAddress -ip4PrefixLength 24 -ip4GatewayAddress $DmzGateway
    Write-Host "Deploy-Eflow: $result"
}

# 2. A static deployment has no DNS: names do not resolve, while the gateway answers.
$answer = Invoke-EflowVmCommand "ping -c 1 $DmzGateway | grep transmitted; ping -c 1 microsoft.com 2>&1" -ignoreError
$answer | ForEach-Object { Write-Host "  $_" }
Set-EflowVmDNSServers -dnsServers $DmzGateway
Write-Host "DNS of eth0: $(Invoke-EflowVmCommand 'resolvectl dns eth0')"

# 3. The OT NIC: a network and an endpoint with a static address and a gateway.
if (-not (Get-EflowNetwork | Where-Object Name -eq 'OT')) { $null = Add-EflowNetwork -vswitchName 'OT' -vswitchType External }
if (-not (Get-EflowVmEndpoint | Where-Object Name -like '*-OT-*')) {
    $null = Add-EflowVmEndpoint -vswitchName 'OT' -vendpointName 'OtEndpoint' -ip4Address $OtAddress -ip4PrefixLength 24 -ip4GatewayAddress $OtGateway
}
Invoke-EflowVmCommand 'ip -br -4 addr show' | ForEach-Object { Write-Host "  $_" }
Show-DefaultRoutes 'After adding the OT NIC, both NICs carry a default route:'
# Which one wins depends on the order the NICs come up at each start; through eth1 nothing gets out.
Write-Host "  through eth1: $(Invoke-EflowVmCommand 'ping -c 1 -I eth1 8.8.8.8 | grep transmitted')"

# 4. A fix by hand works until the next start.
$null = Invoke-EflowVmCommand "sudo ip route del default via $OtGateway dev eth1"
Show-DefaultRoutes 'OT default route deleted by hand:'
Stop-EflowVm
Start-EflowVm
Show-DefaultRoutes 'After Stop-EflowVm / Start-EflowVm, without a unit:'

# 5. The guide's fix: a route script run by a systemd unit at every boot.
$routeScript = @"
#!/bin/bash
# Wait for systemd-networkd to finish, then keep the default route on the DMZ NIC.
sleep 30
ip route del default via $OtGateway dev eth1
ip route del default via $DmzGateway dev eth0
route add -net default gw $DmzGateway netmask 0.0.0.0 dev eth0 metric 100
"@
$unit = @'
[Unit]
Description=Keep the EFLOW default route on the DMZ NIC
After=network.target

[Service]
Type=simple
ExecStart=/bin/bash /home/iotedge-user/route-setup.sh

[Install]
WantedBy=default.target
'@
$null = Invoke-EflowVmCommand "cat > ~/route-setup.sh <<'EOF'`n$routeScript`nEOF`nchmod +x ~/route-setup.sh"
$null = Invoke-EflowVmCommand "cat <<'EOF' | sudo tee /etc/systemd/system/route-setup.service > /dev/null`n$unit`nEOF"
Invoke-EflowVmCommand 'sudo systemctl daemon-reload && sudo systemctl enable route-setup.service 2>&1' | ForEach-Object { Write-Host "  $_" }
Invoke-EflowVmCommand 'ls -l ~/route-setup.sh /etc/systemd/system/route-setup.service' | ForEach-Object { Write-Host "  $_" }

Stop-EflowVm
Start-EflowVm
Show-DefaultRoutes 'After Stop-EflowVm / Start-EflowVm, with route-setup.service enabled:'
Invoke-EflowVmCommand 'systemctl status route-setup.service' -ignoreError | ForEach-Object { Write-Host "  $_" }
Invoke-EflowVmCommand 'ping -c 2 microsoft.com' | ForEach-Object { Write-Host "  $_" }
Get-SimVmRoute | Format-Table -AutoSize
