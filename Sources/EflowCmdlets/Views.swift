import Foundation
import PSRuntime

/// The default views of the Windows modules' output types (their `*.format.ps1xml`), so
/// objects print as Windows PowerShell 5.1 prints them, and the `DefaultDisplayPropertySet`s of
/// the WMI classes (`types.ps1xml`). The AzureEFLOW objects have no view of their own: 5.1
/// shows their properties (four make a table, five a list), and so does the formatter.
enum EflowViews {
  static func register(into i: Interpreter) {
    for view in views { i.registerView(view) }
    for (type, names) in wmiDisplayProperties {
      i.setDefaultDisplayPropertySet(typeName: "System.Management.ManagementObject#root\\cimv2\\" + type, names)
    }
  }

  static let operatingSystemColumns = [
    "SystemDirectory", "Organization", "BuildNumber", "RegisteredUser", "SerialNumber", "Version",
  ]
  static let computerSystemColumns = ["Name", "PrimaryOwnerName", "Domain", "TotalPhysicalMemory", "Model", "Manufacturer"]

  static let wmiDisplayProperties: [(String, [String])] = [
    ("Win32_OperatingSystem", operatingSystemColumns),
    ("Win32_ComputerSystem", ["Domain", "Manufacturer", "Model", "Name", "PrimaryOwnerName", "TotalPhysicalMemory"]),
  ]

  static var views: [FormatView] {
    [
      // Hyper-V: Get-VM (memory in whole MB, uptime without days or fractions of a second).
      FormatView(
        typeName: "Microsoft.HyperV.PowerShell.VirtualMachine", kind: .table,
        columns: [
          FormatColumn("Name", alignment: .left), FormatColumn("State", alignment: .left),
          FormatColumn("CPUUsage", label: "CPUUsage(%)", alignment: .left),
          FormatColumn(label: "MemoryAssigned(M)", alignment: .left) { v in
            let bytes = Int64(Conversions.toString((try? Members.get(v, "MemoryAssigned")) ?? .null)) ?? 0
            return .int64(bytes / (1024 * 1024))
          },
          FormatColumn(label: "Uptime", alignment: .left) { v in
            guard case .timeSpan(let ticks) = (try? Members.get(v, "Uptime")) ?? .null else { return .null }
            let s = Int(ticks / 10_000_000)
            return .string(String(format: "%02d:%02d:%02d", s / 3600 % 24, s / 60 % 60, s % 60))
          },
          FormatColumn("Status", alignment: .left), FormatColumn("Version", alignment: .left),
        ]),
      // Hyper-V: Get-VMSwitch, New-VMSwitch -PassThru (columns sized from the switches).
      FormatView(
        typeName: "Microsoft.HyperV.PowerShell.VMSwitch", kind: .table,
        columns: [
          FormatColumn("Name", alignment: .left), FormatColumn("SwitchType", alignment: .left),
          FormatColumn("NetAdapterInterfaceDescription", alignment: .left),
        ]),
      // NetAdapter: Get-NetAdapter.
      FormatView(
        typeName: cimType("ROOT/StandardCimv2/MSFT_NetAdapter"), kind: .table,
        columns: [
          FormatColumn("Name", width: 21, alignment: .left),
          FormatColumn("InterfaceDescription", width: 34, alignment: .left),
          FormatColumn("ifIndex", width: 7, alignment: .right), FormatColumn("Status", width: 12, alignment: .left),
          FormatColumn("MacAddress", width: 17, alignment: .left), FormatColumn("LinkSpeed", width: 12, alignment: .right),
        ]),
      // DhcpServer: Get-DhcpServerv4Scope, Add-DhcpServerv4Scope -PassThru.
      FormatView(
        typeName: cimType("\(Handlers.dhcpNamespace)/DhcpServerv4Scope"), kind: .table,
        columns: [
          FormatColumn("ScopeId", width: 15, alignment: .left), FormatColumn("SubnetMask", width: 15, alignment: .left),
          FormatColumn("Name", width: 14, alignment: .left), FormatColumn("State", width: 8, alignment: .left),
          FormatColumn("StartRange", width: 15, alignment: .left), FormatColumn("EndRange", width: 15, alignment: .left),
          FormatColumn("LeaseDuration", alignment: .left),
        ]),
      // Get-Service.
      FormatView(
        typeName: "System.ServiceProcess.ServiceController", kind: .table,
        columns: [
          FormatColumn("Status", width: 8, alignment: .left), FormatColumn("Name", width: 18, alignment: .left),
          FormatColumn("DisplayName", width: 38, alignment: .left),
        ]),
      // ServerManager: Get-WindowsFeature, the tree shown by indenting.
      FormatView(
        typeName: "Microsoft.Windows.ServerManager.Commands.Feature", kind: .table,
        columns: [
          FormatColumn(label: "Display Name", width: 55, alignment: .left) { v in
            let depth = Int(Conversions.toString((try? Members.get(v, "Depth")) ?? .null)) ?? 1
            let installed = Conversions.toBool((try? Members.get(v, "Installed")) ?? .null)
            let name = Conversions.toString((try? Members.get(v, "DisplayName")) ?? .null)
            return .string(String(repeating: "    ", count: max(depth - 1, 0)) + (installed ? "[X] " : "[ ] ") + name)
          },
          FormatColumn("Name", width: 26, alignment: .left),
          FormatColumn("InstallState", label: "Install State", width: 13, alignment: .right),
        ]),
      // CIM: Get-CimInstance (Get-WmiObject's objects use the display property sets instead).
      FormatView(
        typeName: cimType("root/cimv2/Win32_OperatingSystem"), kind: .table,
        columns: operatingSystemColumns.map { FormatColumn($0) }),
      FormatView(
        typeName: cimType("root/cimv2/Win32_ComputerSystem"), kind: .table,
        columns: computerSystemColumns.map { FormatColumn($0) }),
    ]
  }
}
