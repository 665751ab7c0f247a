<#
.SYNOPSIS
    Creates an External switch on a physical adapter and deploys EFLOW on it with a static IPv4 address.

.DESCRIPTION
    Checks the static address, gateway and DNS servers, creates (or reuses) an External Hyper-V
    switch bound to a physical adapter, deploys EFLOW on it with a static IP, then sets the VM's
    DNS servers, since a static deployment gets no DNS from DHCP. Works on client and server SKUs.

.PARAMETER SwitchName
    Name of the External virtual switch to create or reuse.
.PARAMETER NetAdapterName
    Physical adapter the switch is bound to (see Get-NetAdapter -Physical). It must be up.
.PARAMETER IP4Address
    Static IPv4 address of the EFLOW VM.
.PARAMETER IP4GatewayAddress
    Default gateway of the LAN, in the same subnet as IP4Address.
.PARAMETER IP4PrefixLength
    Prefix length of the LAN subnet (24 for 255.255.255.0).
.PARAMETER DnsServers
    One or more DNS servers for the VM.

.EXAMPLE
    .\deploy-external-static.ps1 -NetAdapterName 'Ethernet 2' -IP4Address 10.0.0.50 -IP4GatewayAddress 10.0.0.1 -DnsServers 10.0.0.2,10.0.0.3
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory = $false)][ValidatePattern('^[\w\-\. ]+$')]
    [string]$SwitchName = 'EFLOW-External',

    [Parameter(Mandatory = $false)][ValidateNotNullOrEmpty()]
    [string]$NetAdapterName = 'Ethernet',

    [Parameter(Mandatory = $false)][ValidateNotNullOrEmpty()]
    [string]$IP4Address = '192.168.1.200',

    [Parameter(Mandatory = $false)][ValidateNotNullOrEmpty()]
    [string]$IP4GatewayAddress = '192.168.1.1',

    [Parameter(Mandatory = $false)][ValidateRange(1, 30)]
    [int]$IP4PrefixLength = 24,

    [Parameter(Mandatory = $false)][ValidateNotNullOrEmpty()]
    [string[]]$DnsServers = @('192.168.1.1')
)

$ErrorActionPreference = 'Stop'

function Test-IPv4Address {
    param([Parameter(Mandatory = $true)][string]$Address)
    # TryParse alone accepts shorthand such as '10.1', so insist on four dotted parts too.
    $parsed = $null
    if (-not [ipaddress]::TryParse($Address, [ref]$parsed)) { return $false }
    return ($Address -match '^\d{1,3}(\.\d{1,3}){3}$') -and ($parsed.AddressFamily -eq 'InterNetwork')
}

function Test-SameSubnet {
    param([string]$First, [string]$Second, [int]$PrefixLength)
    $a = [System.Net.IPAddress]::Parse($First).GetAddressBytes()
    $b = [System.Net.IPAddress]::Parse($Second).GetAddressBytes()
    foreach ($i in 0..3) {
        $bits = [Math]::Max(0, [Math]::Min(8, $PrefixLength - 8 * $i))
        $mask = (0xFF -shl (8 - $bits)) -band 0xFF
        if (($a[$i] -band $mask) -ne ($b[$i] -band $mask)) { return $false }
    }
    return $true
}

# 1. Validate the addressing before touching the host.
foreach ($address in @($IP4Address, $IP4GatewayAddress) + $DnsServers) {
    if (-not (Test-IPv4Address -Address $address)) { throw "'$address' is not a valid IPv4 address." }
}
if ($IP4Address -eq $IP4GatewayAddress) { throw "IP4Address and IP4GatewayAddress must differ (both are $IP4Address)." }
if (-not (Test-SameSubnet -First $IP4Address -Second $IP4GatewayAddress -PrefixLength $IP4PrefixLength)) {
    throw "Gateway $IP4GatewayAddress is not in the subnet of $IP4Address/$IP4PrefixLength."
}

# 2. Find the physical adapter and bind an External switch to it.
$adapter = Get-NetAdapter -Physical |
    Where-Object { $_.Name -eq $NetAdapterName -and $_.Status -eq 'Up' } |
    Select-Object -First 1
if ($null -eq $adapter) {
    $up = (Get-NetAdapter -Physical | Where-Object Status -eq 'Up' | ForEach-Object { $_.Name }) -join ', '
    throw "Physical adapter '$NetAdapterName' was not found or is not up. Adapters that are up: $up"
}
if (-not (Get-VMSwitch -Name $SwitchName -SwitchType External -ErrorAction SilentlyContinue)) {
    Write-Host "Creating External switch '$SwitchName' on '$($adapter.Name)' ($($adapter.InterfaceDescription))"
    $null = New-VMSwitch -Name $SwitchName `
        -NetAdapterName $adapter.Name -AllowManagementOS $true
}

# 3. Deploy with the static trio: address, gateway and prefix length always go together.
$deployParams = @{
    acceptEula = 'Yes'; acceptOptionalTelemetry = 'No'
    vswitchName             = $SwitchName
    vswitchType             = 'External'
    ip4Address              = $IP4Address
    ip4GatewayAddress       = $IP4GatewayAddress
    ip4PrefixLength         = $IP4PrefixLength
    headless                = $true
}
try {
    $result = Deploy-Eflow @deployParams | Select-Object -Last 1
    if ($result -ine 'OK') { throw "Deploy-Eflow returned '$result'." }
} catch {
    Write-Warning "Deployment failed: $($_.Exception.Message) (is $IP4Address free, is $IP4GatewayAddress its gateway?)"
    throw
} finally {
    Write-Verbose "Deploy-Eflow step finished for switch '$SwitchName'."
}

# 4. A static deployment has no DNS until it is set; restart the VM so it takes effect.
$primary = Get-EflowVmEndpoint | Where-Object { $_.GuestInterfaceName -eq 'eth0' } | Select-Object -First 1
Set-EflowVmDNSServers -vendpointName $primary.Name -dnsServers $DnsServers
Stop-EflowVm
Start-EflowVm

$mac, $ip = Get-EflowVmAddr
if ($ip -ne $IP4Address) { Write-Warning "The VM reports $ip, expected $IP4Address." }
Write-Host "EFLOW VM $(Get-EflowVmName) is on '$SwitchName' at $ip/$IP4PrefixLength via $IP4GatewayAddress, DNS $($DnsServers -join ', ') (MAC $mac)."
