/// `Get-Help about_eflowsh`: what the simulation is and how to drive it.
enum AboutEflowsh {
  static let text = """

    TOPIC
        about_eflowsh

    SHORT DESCRIPTION
        How eflowsh simulates a Windows host and its Azure IoT Edge for Linux on Windows VM.

    LONG DESCRIPTION
        eflowsh runs PowerShell scripts written for EFLOW on Linux. The AzureEFLOW cmdlets and the
        Windows host cmdlets EFLOW guides use (Hyper-V, NetAdapter, NetTCPIP, NetNat, DhcpServer,
        DnsClient, ServerManager, Dism, CimCmdlets) act on a simulated host and VM that follow
        EFLOW's networking rules and report EFLOW's own error texts. Nothing touches the Linux
        machine's network.

    THE STATE
        One JSON file holds the simulated host: -State PATH, else $env:EFLOWSH_STATE, else
        $XDG_STATE_HOME/eflowsh/state.json (~/.local/state/eflowsh/state.json). It is created
        from the host profile the first time a command changes something. Each state-changing
        cmdlet is one transaction (lock, read, apply, write, fsync, rename), so parallel
        processes lose no update and a crash never leaves half a change. A damaged file, or one
        written by a newer eflowsh, is refused and left untouched.

    HOST PROFILES
        -HostProfile client (the default: DESKTOP-EFLOW01, Windows 11 Pro, the Default Switch, a
        LAN 192.168.1.0/24 with a DHCP server) or server (SRV-EDGE01, Windows Server 2022, a LAN
        10.10.0.0/24 without DHCP and an offline OT LAN 192.168.100.0/24), or a JSON file of the
        same shape (see the README).

    DETERMINISM
        MAC addresses, the Default Switch subnet, DHCP leases and route order come from one
        seeded random source: -Seed N (or $env:EFLOWSH_SEED) when the state is created. The
        progress lines' time comes from SOURCE_DATE_EPOCH when it is set.

    THE VM
        Invoke-EflowVmCommand runs commands in a simulated guest shell (ip, route, resolvectl,
        ping, systemctl, files under /etc and /home/iotedge-user, ...). Routes are recreated
        at every Start-EflowVm, and enabled systemd units run then, as on a real VM.

    SIMULATION COMMANDS
        Get-SimHost       the profile, the EFLOW version and where the state is
        Reset-SimState    starts over from the profile (-Force)
        Get-SimVmRoute    the VM's routing table as objects

    OTHER OPTIONS
        -SimulatedTime    Start-Sleep advances a clock instead of waiting
        -AllowNativeCommands
                          unknown commands may run Linux programs from PATH

    SEE ALSO
        Get-Help Deploy-Eflow -Full
        Get-Command -Module AzureEFLOW

    """
}
