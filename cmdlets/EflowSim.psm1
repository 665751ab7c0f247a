# EflowSim: cmdlets that exist only in eflowsh, to inspect and reset the simulated Windows host
# and EFLOW VM. Their noun prefix Sim marks them as not part of any Microsoft module; scripts
# that must also run on real Windows should not call them.
#
# Each function carries its comment-based help and its param() block; the behaviour is a Swift
# handler bound to the function by name (Sources/EflowCmdlets). Bodies stay empty.


function Get-SimHost {
    <#
    .SYNOPSIS
    Gets the whole simulated host: profile, switches, adapters, NATs, DHCP, VM and network.

    .DESCRIPTION
    Returns one object describing the simulation as the state file holds it: the host profile
    (computer name, SKU, CPUs, memory), physical adapters and the LAN behind each, virtual switches,
    host adapters and their addresses, NATs, DHCP scopes and options, installed roles and features,
    services, and the EFLOW VM (power state, endpoints, MACs, addresses, DNS servers, routes,
    leases), together with the state file's path, schema version and random seed.

    .EXAMPLE
    Get-SimHost | ConvertTo-Json -Depth 8

    .EXAMPLE
    (Get-SimHost).Vm.Endpoints

    .OUTPUTS
    System.Management.Automation.PSCustomObject

    .NOTES
    eflowsh only. The property names follow the state document; see the state file for the exact
    shape of its schema version.
    #>
    [CmdletBinding()]
    param()
}


function Reset-SimState {
    <#
    .SYNOPSIS
    Resets the simulated host to its host profile, removing the VM and every change.

    .DESCRIPTION
    Replaces the state file with a fresh state created from the host profile (-HostProfile or
    EFLOWSH_HOST_PROFILE, default 'client') and the seed (-Seed or EFLOWSH_SEED, else a new random
    one): no EFLOW VM, only the profile's switches, no NAT or DHCP changes. Without -Force it asks
    for confirmation in an interactive session and refuses in a non-interactive one.

    .PARAMETER Force
    Resets without asking for confirmation.

    .EXAMPLE
    Reset-SimState -Force

    .EXAMPLE
    eflowsh -HostProfile server -Command 'Reset-SimState -Force'

    Starts again from the built-in server profile.

    .OUTPUTS
    None.

    .NOTES
    eflowsh only. The reset is one transaction like every state change: another process sees the
    old or the new state, never a mix.
    #>
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [switch]$Force
    )
}


function Get-SimVmRoute {
    <#
    .SYNOPSIS
    Gets the routing table inside the simulated EFLOW VM.

    .DESCRIPTION
    Returns the VM's IPv4 routes, in the order they were inserted (which decides between routes
    of equal metric; "route" and "ip route" in the VM list the same routes sorted by destination), as objects with Destination, Gateway
    (0.0.0.0 when none), Genmask, PrefixLength, Flags (U up, G via a gateway, H host route),
    Metric and Iface: one default route per interface (metric 1024 for DHCP, 0 for static), the
    connected routes of each interface, and docker0's 172.17.0.0/16 once IoT Edge runs. The same table that
    Invoke-EflowVmCommand "sudo route" prints, including routes changed in the VM with ip route
    add/del/replace or route add/del. Routes are recreated at each VM start (then units enabled in
    the VM run, and may change them again).

    .PARAMETER GuestInterfaceName
    Only the routes of these guest interfaces (eth0, eth1, ..., docker0).

    .EXAMPLE
    Get-SimVmRoute

    .EXAMPLE
    Get-SimVmRoute -GuestInterfaceName eth1 | Where-Object Destination -eq '0.0.0.0'

    .OUTPUTS
    System.Management.Automation.PSCustomObject

    .NOTES
    eflowsh only. The real AzureEFLOW module has no route cmdlets (no Get-EflowVmRoute): on real
    Windows read routes with Invoke-EflowVmCommand "sudo route" or "ip route". Metrics follow
    systemd-networkd's defaults as seen in published route tables (the documents call them
    random).
    #>
    [CmdletBinding()]
    param(
        [Parameter(Position = 0)]
        [Alias('Iface')]
        [string[]]$GuestInterfaceName
    )
}


Export-ModuleMember -Function 'Get-SimHost', 'Reset-SimState', 'Get-SimVmRoute'
