<#
.SYNOPSIS
    Windows Server: creates an Internal switch with NAT (and optionally DHCP) and deploys EFLOW on it.

.DESCRIPTION
    Windows Server has no Default Switch. This script creates an Internal Hyper-V switch, gives the
    host vNIC "vEthernet (<SwitchName>)" the gateway address, adds a NAT for Internet access, then
    adds a DHCP scope (DHCP Server role required) or uses a static IP, and deploys EFLOW on it.

.PARAMETER SwitchName
    Name of the Internal switch; also used as the NAT name.
.PARAMETER GatewayAddress
    Host-side address of the switch; the VM's default gateway.
.PARAMETER PrefixLength
    Prefix length of the internal subnet.
.PARAMETER AddressMode
    'Dhcp' adds a DHCP scope on the host; 'Static' deploys with -ip4Address VmAddress.
.PARAMETER VmAddress
    The VM's address when AddressMode is Static.
.PARAMETER DhcpRange
    First and last address of the DHCP scope, as 'start-end'.
.PARAMETER DnsServers
    DNS servers for the VM (DHCP option 6, or Set-EflowVmDNSServers when static).

.EXAMPLE
    .\internal-switch-nat.ps1 -AddressMode Static -VmAddress 172.20.0.10 -DnsServers 10.0.0.53
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory = $false)][ValidateNotNullOrEmpty()]
    [string]$SwitchName = 'EFLOW-Internal',

    [Parameter(Mandatory = $false)][ValidatePattern('^\d{1,3}(\.\d{1,3}){3}$')]
    [string]$GatewayAddress = '172.20.0.1',

    [Parameter(Mandatory = $false)][ValidateRange(16, 29)]
    [int]$PrefixLength = 24,

    [Parameter(Mandatory = $false)][ValidateSet('Dhcp', 'Static')]
    [string]$AddressMode = 'Dhcp',

    [Parameter(Mandatory = $false)][ValidatePattern('^\d{1,3}(\.\d{1,3}){3}$')]
    [string]$VmAddress = '172.20.0.10',

    [Parameter(Mandatory = $false)][ValidatePattern('^[\d\.]+-[\d\.]+$')]
    [string]$DhcpRange = '172.20.0.100-172.20.0.200',

    [Parameter(Mandatory = $false)][ValidateNotNullOrEmpty()]
    [string[]]$DnsServers = @('8.8.8.8', '8.8.4.4')
)

$ErrorActionPreference = 'Stop'

function Get-Ipv4Subnet {
    param([Parameter(Mandatory = $true)][string]$Address, [ValidateRange(0, 32)][int]$PrefixLength = 24)
    $bytes = [System.Net.IPAddress]::Parse($Address).GetAddressBytes()
    $mask = foreach ($i in 0..3) {
        (0xFF -shl (8 - [Math]::Max(0, [Math]::Min(8, $PrefixLength - 8 * $i)))) -band 0xFF
    }
    $network = foreach ($i in 0..3) { $bytes[$i] -band $mask[$i] }
    [pscustomobject]@{ Network = $network -join '.'; Mask = $mask -join '.'; Cidr = "$($network -join '.')/$PrefixLength" }
}

$subnet = Get-Ipv4Subnet -Address $GatewayAddress -PrefixLength $PrefixLength
$hostAlias = "vEthernet ($SwitchName)"
if (Get-VMSwitch -Name 'Default Switch' -ErrorAction SilentlyContinue) {
    Write-Warning 'This host has a Default Switch, so it is probably a client SKU: EFLOW allows Internal switches only on Windows Server.'
}

# 1. Internal switch, gateway address on the host vNIC (by its vEthernet alias), NAT for the subnet.
if (-not (Get-VMSwitch -Name $SwitchName -SwitchType Internal -ErrorAction SilentlyContinue)) {
    Write-Host "Creating Internal switch '$SwitchName'"
    $null = New-VMSwitch -Name $SwitchName -SwitchType Internal
}
$ifIndex = (Get-NetAdapter -Name $hostAlias).ifIndex
$hasGateway = Get-NetIPAddress -InterfaceIndex $ifIndex -AddressFamily IPv4 -ErrorAction SilentlyContinue |
    Where-Object { $_.IPAddress -eq $GatewayAddress }
if (-not $hasGateway) {
    $null = New-NetIPAddress -IPAddress $GatewayAddress `
        -PrefixLength $PrefixLength -InterfaceIndex $ifIndex
}
if (-not (Get-NetNat -Name $SwitchName -ErrorAction SilentlyContinue)) {
    Write-Host "Creating NAT '$SwitchName' for $($subnet.Cidr)"
    $null = New-NetNat -Name $SwitchName -InternalIPInterfaceAddressPrefix $subnet.Cidr
}

# 2. Addressing for the VM.
$deployParams = @{ acceptEula = 'Yes'; acceptOptionalTelemetry = 'No'; vswitchName = $SwitchName; vswitchType = 'Internal'; headless = $true }
switch ($AddressMode) {
    'Dhcp' {
        # The DHCP Server role, as the Microsoft guide installs it (Windows Server only).
        if (-not (Get-WindowsFeature -Name 'DHCP').Installed) {
            Write-Host 'Installing the DHCP Server role'
            $null = Install-WindowsFeature -Name 'DHCP' -IncludeManagementTools
            Restart-Service dhcpserver
        }
        $start, $end = $DhcpRange -split '-'
        Write-Host "Adding DHCP scope $($subnet.Network) ($start - $end), router $GatewayAddress"
        Add-DhcpServerv4Scope -Name 'AzureIoTEdgeScope' -StartRange $start -EndRange $end `
            -SubnetMask $subnet.Mask -State Active
        Set-DhcpServerv4OptionValue -ScopeId $subnet.Network -Router $GatewayAddress -DnsServer $DnsServers -Force
    }
    'Static' {
        if ($VmAddress -eq $GatewayAddress -or (Get-Ipv4Subnet -Address $VmAddress -PrefixLength $PrefixLength).Network -ne $subnet.Network) {
            throw "VmAddress $VmAddress must be in $($subnet.Cidr) and differ from the gateway $GatewayAddress."
        }
        $deployParams += @{ ip4Address = $VmAddress; ip4GatewayAddress = $GatewayAddress; ip4PrefixLength = $PrefixLength }
    }
}

# 3. Deploy. A static deployment gets no DNS from DHCP, so set it explicitly.
try {
    $result = Deploy-Eflow @deployParams | Select-Object -Last 1
    if ($result -ine 'OK') { throw "Deploy-Eflow returned '$result'." }
    if ($AddressMode -eq 'Static') { Set-EflowVmDNSServers -dnsServers $DnsServers }
    $mac, $ip = Get-EflowVmAddr
    Write-Host "EFLOW VM $(Get-EflowVmName) is at $ip (MAC $mac), behind NAT '$SwitchName'."
} catch {
    Write-Warning "Deploying EFLOW on '$SwitchName' failed: $($_.Exception.Message)"
    throw
} finally {
    Write-Host "Host side: $hostAlias = $GatewayAddress/$PrefixLength, NAT $($subnet.Cidr)"
}
