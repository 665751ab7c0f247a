import EflowCmdlets
import EflowEngine
import Foundation
import Testing

/// Invoke-EflowVmCommand, Connect-EflowVm and Copy-EflowVmFile through the interpreter, each
/// run a fresh interpreter on the same state file (like separate eflowsh processes).
struct GuestCmdletTests {
  @Test func outputLinesAreStrings() {
    let h = EflowHarness()
    h.deploy()
    let r = h.run("""
      $lines = Invoke-EflowVmCommand 'echo one; echo two'
      "$($lines.Count) $($lines[0].GetType().Name) $($lines[1])"
      $one = Invoke-EflowVmCommand -command 'hostname'
      "$($one.GetType().Name) $one"
      """)
    #expect(r.errors.isEmpty, "\(r.errors.map(\.message))")
    #expect(r.out == "2 String two\nString DESKTOP-EFLOW01-EFLOW\n")
  }

  @Test func failureThrowsTheModulesSshErrorUnlessIgnored() {
    let h = EflowHarness()
    h.deploy()
    let r = h.run("Invoke-EflowVmCommand 'echo partial; nosuch'; 'not reached'")
    #expect(r.error == "ssh  failed to execute [bash: nosuch: command not found]")
    #expect(r.errorId == "ssh  failed to execute [bash: nosuch: command not found]")
    #expect(r.errors.first?.category == .operationStopped)
    #expect(r.out == "")
    let ignored = h.run("Invoke-EflowVmCommand 'echo partial; ls /missing' -ignoreError; 'next'")
    #expect(ignored.errors.isEmpty)
    #expect(ignored.out == "partial\nnext\n")
    let caught = h.run("try { Invoke-EflowVmCommand 'exit 3' } catch { \"caught: $($_.Exception.Message)\" }")
    #expect(caught.out == "caught: ssh  failed to execute []\n")
  }

  @Test func needsARunningVM() {
    let h = EflowHarness()
    #expect(h.run("Invoke-EflowVmCommand 'true'").error == "Virtual machine does not exist, deploy it first")
    h.deploy()
    h.run("Stop-EflowVm")
    #expect(h.run("Invoke-EflowVmCommand 'true'").error == "Can't process request, EFLOW VM is OFF!")
    #expect(h.run("Connect-EflowVm").error == "Can't process request, EFLOW VM is OFF!")
    #expect(h.run("Copy-EflowVmFile -fromFile /etc/hostname -toFile x").error == "Can't process request, EFLOW VM is OFF!")
  }

  @Test func stateChangesPersistBetweenProcesses() throws {
    let h = EflowHarness()
    h.deploy()
    h.run("Invoke-EflowVmCommand 'echo kept > note.txt; sudo ip route add 10.77.0.0/16 dev eth0'")
    let r = h.run("Invoke-EflowVmCommand 'cat note.txt'; (Get-SimVmRoute | Where-Object Destination -eq '10.77.0.0').Iface")
    #expect(r.out == "kept\neth0\n")
    // Changes made by a command that then fails are kept too, as on a real machine.
    h.run("Invoke-EflowVmCommand 'echo half > half.txt; false'")
    #expect(h.run("Invoke-EflowVmCommand 'cat half.txt'").out == "half\n")
  }

  @Test func connectNeedsATerminal() {
    let h = EflowHarness()
    h.deploy()
    let r = h.run("Connect-EflowVm")
    #expect(r.errorId == "EflowshNoTerminal,Connect-EflowVm")
    #expect(r.error.hasPrefix("Connect-EflowVm opens an interactive SSH session, which needs a terminal"))
  }

  @Test func copyBetweenHostAndVM() throws {
    let h = EflowHarness()
    h.deploy()
    let local = h.dir.appendingPathComponent("route-setup.sh")
    try "#!/bin/bash\necho pushed\n".write(to: local, atomically: true, encoding: .utf8)
    let r = h.run("""
      Copy-EflowVmFile -fromFile route-setup.sh -toFile /home/iotedge-user/route-setup.sh -pushFile
      Invoke-EflowVmCommand 'bash route-setup.sh'
      Copy-EflowVmFile -fromFile /etc/os-release -toFile os-release.txt
      (Get-Content os-release.txt)[0]
      Copy-EflowVmFile -fromFile route-setup.sh -toFile /etc/x.sh -pushFile
      """)
    #expect(r.out == "pushed\nNAME=\"Microsoft Azure Linux\"\n")
    #expect(r.error == "scp  failed to execute [scp: /etc/x.sh: Permission denied]")
    let missing = h.run("Copy-EflowVmFile -fromFile C:\\nothing\\here.sh -toFile /tmp/x -pushFile")
    #expect(missing.error == "Cannot find path 'C:\\nothing\\here.sh' because it does not exist.")
  }

  /// The route-priority workaround (reference §5.6) end to end through the cmdlets.
  @Test func enabledUnitsRunAtStartEflowVm() throws {
    let h = EflowHarness(profile: "server")
    let setup = h.run("""
      $null = New-VMSwitch -Name DMZ -NetAdapterName Ethernet
      $null = New-VMSwitch -Name OT -NetAdapterName 'Ethernet 2'
      $null = Deploy-Eflow -acceptEula Yes -acceptOptionalTelemetry No -headless -vswitchName DMZ -vswitchType External -ip4Address 10.10.0.50 -ip4PrefixLength 24 -ip4GatewayAddress 10.10.0.1
      $null = Add-EflowNetwork -vswitchName OT -vswitchType External
      $null = Add-EflowVmEndpoint -vswitchName OT -vendpointName ot -ip4Address 192.168.100.50 -ip4PrefixLength 24 -ip4GatewayAddress 192.168.100.1
      """)
    #expect(setup.errors.isEmpty, "\(setup.errors.map(\.message))")
    let defaults = "(Get-SimVmRoute | Where-Object Destination -eq '0.0.0.0' | ForEach-Object { \"$($_.Iface):$($_.Metric)\" } | Sort-Object) -join ','"
    #expect(h.run(defaults).out == "eth0:0,eth1:0\n")
    let install = h.run("""
      Invoke-EflowVmCommand "printf 'sleep 30\\nip route del default dev eth1\\n' > ~/route-setup.sh"
      Invoke-EflowVmCommand "printf '[Service]\\nExecStart=/bin/bash /home/iotedge-user/route-setup.sh\\n[Install]\\nWantedBy=default.target\\n' | sudo tee /etc/systemd/system/route-setup.service >/dev/null; sudo systemctl enable route-setup 2>/dev/null"
      Stop-EflowVm
      Start-EflowVm
      """)
    #expect(install.errors.isEmpty, "\(install.errors.map(\.message))")
    #expect(h.run(defaults).out == "eth0:0\n")
    #expect(h.run("Start-EflowVm; \(defaults)").out == "eth0:0\n", "starting a running VM does not boot it again")
  }
}
