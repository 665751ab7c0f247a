import Foundation

/// The guest's file system as EFLOW images ship it, created the first time something looks
/// inside the VM, and the files the EFLOW agent keeps in step with the VM's configuration
/// (systemd-networkd's `.network` files, rewritten whenever they are read after an endpoint or
/// DNS change).
extension HostState {
  /// The guest system, created on first use.
  mutating func guestSystem() -> GuestSystem {
    if let g = vm?.guest { return g }
    let g = Self.initialGuest(for: vm!)
    vm!.guest = g
    return g
  }

  static func initialGuest(for machine: EflowVM) -> GuestSystem {
    var files: [String: GuestFile] = [:]
    for dir in [
      "/", "/bin", "/boot", "/dev", "/etc", "/etc/aziot", "/etc/systemd", "/etc/systemd/network", "/etc/systemd/system",
      "/etc/systemd/system/multi-user.target.wants", "/etc/systemd/scripts", "/home", "/mnt", "/opt", "/proc", "/run",
      "/sbin", "/srv", "/sys", "/usr", "/usr/bin", "/usr/lib", "/usr/lib/systemd", "/usr/lib/systemd/system", "/usr/sbin",
      "/var", "/var/lib", "/var/log",
    ] {
      files[dir] = .directory()
    }
    files["/root"] = .directory(mode: 0o700)
    files["/tmp"] = .directory(mode: 0o1777)
    files[GuestSystem.home] = .directory(mode: 0o700, owner: GuestSystem.user)
    files["/etc/os-release"] = .file(osRelease(machine.version))
    files["/etc/hostname"] = .file(machine.name + "\n")
    files["/etc/hosts"] = .file("127.0.0.1   localhost\n::1         localhost\n127.0.1.1   \(machine.name)\n")
    files["/etc/resolv.conf"] = .file(stubResolvConf)
    files["/etc/systemd/resolved.conf"] = .file(resolvedConf)
    files["/etc/shadow"] = GuestFile(kind: .file, content: "root:*:19000:0:99999:7:::\n", mode: 0o600, owner: "root")
    files["/etc/systemd/scripts/ip4save"] = .file(GuestIptables.eflowDefault.saveText)
    files[GuestSystem.home + "/.bashrc"] = .file("# ~/.bashrc\n", owner: GuestSystem.user)
    var g = GuestSystem(files: files)
    syncNetworkFiles(&g, machine)
    return g
  }

  /// Rewrites `/etc/systemd/network/10-ethN.network` for every endpoint (and drops those of
  /// removed endpoints), as the EFLOW agent does when it configures the VM's NICs.
  static func syncNetworkFiles(_ g: inout GuestSystem, _ machine: EflowVM) {
    let dir = "/etc/systemd/network"
    for name in g.children(dir) where name.hasPrefix("10-eth") && name.hasSuffix(".network") {
      g.files[dir + "/" + name] = nil
    }
    for e in machine.endpoints {
      var text = "[Match]\nName=\(e.guestInterface)\n\n[Network]\n"
      if e.allocation == .static, let address = e.address {
        text += "Address=\(address)\n"
        if let gateway = e.gateway { text += "Gateway=\(gateway)\n" }
        for dns in e.dnsServers { text += "DNS=\(dns)\n" }
      } else {
        text += "DHCP=ipv4\n"
      }
      g.files["\(dir)/10-\(e.guestInterface).network"] = .file(text)
    }
  }

  /// The guest, with the agent-managed files brought up to date (at the start of each guest
  /// command and at each boot).
  mutating func refreshedGuest() -> GuestSystem {
    var g = guestSystem()
    Self.syncNetworkFiles(&g, vm!)
    vm!.guest = g
    return g
  }

  static func osRelease(_ version: EflowVersion) -> String {
    if version.isLTS11 {
      return """
        NAME="Common Base Linux Mariner"
        VERSION="1.0.20220226"
        ID=mariner
        VERSION_ID=1.0
        PRETTY_NAME="CBL-Mariner/Linux"
        ANSI_COLOR="1;34"
        HOME_URL="https://aka.ms/cbl-mariner"
        BUG_REPORT_URL="https://aka.ms/cbl-mariner"
        SUPPORT_URL="https://aka.ms/cbl-mariner"

        """
    }
    if version.minor >= 5 {
      return """
        NAME="Microsoft Azure Linux"
        VERSION="3.0.20241101"
        ID=azurelinux
        VERSION_ID="3.0"
        PRETTY_NAME="Microsoft Azure Linux 3.0"
        ANSI_COLOR="1;34"
        HOME_URL="https://aka.ms/azurelinux"
        BUG_REPORT_URL="https://aka.ms/azurelinux"
        SUPPORT_URL="https://aka.ms/azurelinux"

        """
    }
    return """
      NAME="Common Base Linux Mariner"
      VERSION="2.0.20240123"
      ID=mariner
      VERSION_ID="2.0"
      PRETTY_NAME="CBL-Mariner/Linux"
      ANSI_COLOR="1;34"
      HOME_URL="https://aka.ms/cbl-mariner"
      BUG_REPORT_URL="https://aka.ms/cbl-mariner"
      SUPPORT_URL="https://aka.ms/cbl-mariner"

      """
  }

  /// systemd-resolved's stub file (reference §5.3: only 127.0.0.53).
  static let stubResolvConf = """
    # This is /run/systemd/resolve/stub-resolv.conf managed by man:systemd-resolved(8).
    # Do not edit.
    #
    # This file might be symlinked as /etc/resolv.conf. If you're looking at
    # /etc/resolv.conf and seeing this text, you have followed the symlink.
    #
    # This is a dynamic resolv.conf file for connecting local clients to the
    # internal DNS stub resolver of systemd-resolved. This file lists all
    # configured search domains.
    #
    # Run "resolvectl status" to see details about the uplink DNS servers
    # currently in use.
    #
    # Third party programs should typically not access this file directly, but only
    # through the symlink at /etc/resolv.conf. To manage man:resolv.conf(5) in a
    # different way, replace this symlink by a static file or a different symlink.
    #
    # See man:systemd-resolved.service(8) for details about the supported modes of
    # operation for /etc/resolv.conf.

    nameserver 127.0.0.53
    options edns0 trust-ad
    search .

    """

  static let resolvedConf = """
    #  This file is part of systemd.
    #
    # Entries in this file show the compile time defaults. Local configuration
    # should be created by either modifying this file, or by creating "drop-ins" in
    # the resolved.conf.d/ subdirectory. The latter is generally recommended.
    # Defaults can be restored by simply deleting this file and all drop-ins.
    #
    # See resolved.conf(5) for details.

    [Resolve]
    #DNS=
    #FallbackDNS=
    #Domains=
    #LLMNR=yes
    #MulticastDNS=no
    #DNSSEC=no
    #DNSOverTLS=no
    #Cache=yes
    #DNSStubListener=yes

    """
}
