import EflowEngine
import Foundation
import PSRuntime

/// ServerManager (Get-/Install-WindowsFeature), Dism (Get-/Enable-WindowsOptionalFeature),
/// services (Get-/Restart-Service) and WMI/CIM (Get-CimInstance, Get-WmiObject).
extension Handlers {
  func registerHostSystem(into i: Interpreter) {
    i.registerHandler("Get-WindowsFeature") { [self] in CmdletBody(process: { ctx, _ in try self.getWindowsFeature(ctx) }) }
    i.registerHandler("Install-WindowsFeature") { [self] in
      CmdletBody(process: { ctx, _ in try self.installWindowsFeature(ctx) })
    }
    // ServerManager's alias (declared with [Alias()] in ServerManager.psm1, which the module
    // loader does not turn into an alias yet).
    i.defineAlias("Add-WindowsFeature", "Install-WindowsFeature")
    i.registerHandler("Get-WindowsOptionalFeature") { [self] in
      CmdletBody(process: { ctx, _ in try self.getWindowsOptionalFeature(ctx) })
    }
    i.registerHandler("Enable-WindowsOptionalFeature") { [self] in
      CmdletBody(process: { ctx, _ in try self.enableWindowsOptionalFeature(ctx) })
    }
    i.registerHandler("Get-Service") { [self] in CmdletBody(process: { ctx, _ in try self.getService(ctx) }) }
    i.registerHandler("Restart-Service") { [self] in CmdletBody(process: { ctx, _ in try self.restartService(ctx) }) }
    i.registerHandler("Get-CimInstance") { [self] in CmdletBody(process: { ctx, _ in try self.getInstances(ctx, wmi: false) }) }
    i.registerHandler("Get-WmiObject") { [self] in CmdletBody(process: { ctx, _ in try self.getInstances(ctx, wmi: true) }) }
  }

  // MARK: ServerManager

  /// A role or feature of the simulated server: what it is and which engine feature backs it.
  struct ServerFeature {
    var name: String
    var displayName: String
    var type: String
    var path: String
    var depth: Int
    var backing: WindowsFeature
    var restartNeeded: Bool
  }

  static let serverFeatures: [ServerFeature] = [
    ServerFeature(name: "DHCP", displayName: "DHCP Server", type: "Role", path: "DHCP Server", depth: 1, backing: .dhcpServer, restartNeeded: false),
    ServerFeature(name: "Hyper-V", displayName: "Hyper-V", type: "Role", path: "Hyper-V", depth: 1, backing: .hyperV, restartNeeded: true),
    ServerFeature(
      name: "RSAT-DHCP", displayName: "DHCP Server Tools", type: "Feature",
      path: "Remote Server Administration Tools\\Role Administration Tools\\DHCP Server Tools", depth: 3, backing: .dhcpServer,
      restartNeeded: false),
    ServerFeature(
      name: "Hyper-V-PowerShell", displayName: "Hyper-V Module for Windows PowerShell", type: "Feature",
      path: "Remote Server Administration Tools\\Role Administration Tools\\Hyper-V Management Tools\\Hyper-V Module for Windows PowerShell",
      depth: 4, backing: .hyperV, restartNeeded: false),
  ]

  /// ServerManager refuses to run against client Windows (RSAT's module on Windows 10/11).
  func requireServer(_ ctx: CmdletContext, _ state: HostState, commandClass: String) throws {
    guard state.sku == .client else { return }
    var r = ErrorRecord(
      exceptionType: "System.Exception",
      message: "The target of the specified cmdlet cannot be a Windows client-based operating system.",
      errorId: "UnSupportedTargetDevice", category: .deviceError, targetObject: .string("localhost"),
      commandName: "Microsoft.Windows.ServerManager.Commands.\(commandClass)")
    r.invocationName = ctx.name
    throw ctx.terminatingError(r)
  }

  static func featureObject(_ f: ServerFeature, installed: Bool) -> PSObject {
    hostObject(
      "Microsoft.Windows.ServerManager.Commands.Feature",
      [
        ("DisplayName", .string(f.displayName)), ("Name", .string(f.name)), ("Installed", .bool(installed)),
        ("InstallState", .string(installed ? "Installed" : "Available")), ("FeatureType", .string(f.type)),
        ("Path", .string(f.path)), ("Depth", .int32(Int32(f.depth))),
      ], string: f.displayName)
  }

  func getWindowsFeature(_ ctx: CmdletContext) throws {
    let state = try session.run(ctx) { try session.read() }
    try requireServer(ctx, state, commandClass: "GetWindowsFeatureCommand")
    let filter = NameFilter(ctx.strings("Name"))
    for f in Self.serverFeatures where filter.matches(f.name) {
      try ctx.emit(.object(Self.featureObject(f, installed: state.isInstalled(f.backing))))
    }
  }

  func installWindowsFeature(_ ctx: CmdletContext) throws {
    let state = try session.run(ctx) { try session.read() }
    try requireServer(ctx, state, commandClass: "AddWindowsFeatureCommand")
    let names: [String] = (ctx.value("Name").map { $0.enumerated ?? [$0] } ?? []).map { v in
      if case .object(let o) = v, let n = o["Name"] { return Conversions.toString(n) }
      return Conversions.toString(v)
    }
    var features: [ServerFeature] = []
    for name in names {
      guard let f = Self.serverFeatures.first(where: { $0.name.caseInsensitiveEquals(name) }) else {
        var r = ErrorRecord(
          exceptionType: "System.Exception",
          message: "ArgumentNotValid: The role, role service, or feature name is not valid: '\(name)'. The name was not found.",
          errorId: "NameDoesNotExist", category: .invalidArgument, targetObject: .string(name),
          commandName: "Microsoft.Windows.ServerManager.Commands.AddWindowsFeatureCommand")
        r.invocationName = ctx.name
        throw ctx.terminatingError(r)
      }
      features.append(f)
      if ctx.flag("IncludeManagementTools") {
        features += Self.serverFeatures.filter { $0.type == "Feature" && $0.backing == f.backing && $0.name != f.name }
      }
    }
    guard try ctx.shouldProcess(features.map { "[\($0.displayName)] \($0.displayName)" }.joined(separator: ", ")) else { return }
    let newly: [ServerFeature] = try session.run(ctx) {
      try session.change { (s) throws(EflowError) in
        var changed: [ServerFeature] = []
        for f in features where !s.isInstalled(f.backing) || changed.contains(where: { $0.backing == f.backing }) {
          s.install(f.backing)
          changed.append(f)
        }
        return changed
      }
    }
    let restart = newly.contains(where: \.restartNeeded)
    let results = newly.map { f in
      Value.object(
        hostObject(
          "Microsoft.Windows.ServerManager.Commands.FeatureResult",
          [
            ("DisplayName", .string(f.displayName)), ("Name", .string(f.name)), ("RestartNeeded", .bool(f.restartNeeded)),
            ("SkipReason", .string("NotSkipped")), ("Success", .bool(true)),
          ], string: f.displayName))
    }
    try ctx.emit(
      .object(
        hostObject(
          "Microsoft.Windows.ServerManager.Commands.FeatureOperationResult",
          [
            ("Success", .bool(true)), ("RestartNeeded", .string(restart ? "Yes" : "No")),
            ("FeatureResult", .array(PSArray(results))),
            ("ExitCode", .string(newly.isEmpty ? "NoChangeNeeded" : restart ? "SuccessRestartRequired" : "Success")),
          ])))
  }

  // MARK: Dism

  /// Optional features the simulated host knows, and the engine feature behind each.
  static func optionalFeatures(_ state: HostState) -> [(name: String, display: String, backing: WindowsFeature)] {
    var list: [(String, String, WindowsFeature)] = [
      ("Microsoft-Hyper-V-All", "Hyper-V", .hyperV),
      ("Microsoft-Hyper-V", "Hyper-V Platform", .hyperV),
      ("Microsoft-Hyper-V-Tools-All", "Hyper-V Management Tools", .hyperV),
      ("Microsoft-Hyper-V-Management-PowerShell", "Hyper-V Module for Windows PowerShell", .hyperV),
      ("Microsoft-Hyper-V-Hypervisor", "Hyper-V Hypervisor", .hyperV),
      ("Microsoft-Hyper-V-Services", "Hyper-V Services", .hyperV),
    ]
    if state.sku == .server { list.append(("DHCPServer", "DHCP Server", .dhcpServer)) }
    return list.map { (name: $0.0, display: $0.1, backing: $0.2) }
  }

  func unknownOptionalFeature(_ ctx: CmdletContext, _ name: String) throws {
    var r = ErrorRecord(
      exceptionType: "System.Runtime.InteropServices.COMException", message: "Feature name \(name) is unknown.",
      errorId: "Microsoft.Dism.Commands.\(ctx.name.replacingOccurrences(of: "-", with: ""))Command", category: .notSpecified,
      commandName: "")
    r.invocationName = ctx.name
    try ctx.writeError(r)
  }

  func getWindowsOptionalFeature(_ ctx: CmdletContext) throws {
    let state = try session.run(ctx) { try session.read() }
    let features = Self.optionalFeatures(state)
    if ctx.value("PackageName") != nil || ctx.value("PackagePath") != nil { return }
    guard let pattern = ctx.string("FeatureName") else {
      for f in features {
        try ctx.emit(
          .object(
            hostObject(
              "Microsoft.Dism.Commands.BasicFeatureObject",
              [("FeatureName", .string(f.name)), ("State", .string(state.isInstalled(f.backing) ? "Enabled" : "Disabled"))])))
      }
      return
    }
    let filter = NameFilter([pattern])
    let found = features.filter { filter.matches($0.name) }
    if found.isEmpty && !WildcardPattern.containsWildcards(pattern) { return try unknownOptionalFeature(ctx, pattern) }
    for f in found {
      try ctx.emit(
        .object(
          hostObject(
            "Microsoft.Dism.Commands.FeatureObject",
            [
              ("FeatureName", .string(f.name)), ("DisplayName", .string(f.display)),
              ("Description", .string(f.display)), ("RestartRequired", .string("Possible")),
              ("State", .string(state.isInstalled(f.backing) ? "Enabled" : "Disabled")),
              ("Online", .bool(true)), ("RestartNeeded", .bool(false)),
            ])))
    }
  }

  func enableWindowsOptionalFeature(_ ctx: CmdletContext) throws {
    let state = try session.run(ctx) { try session.read() }
    let known = Self.optionalFeatures(state)
    var backings: [WindowsFeature] = []
    for name in ctx.strings("FeatureName") ?? [] {
      guard let f = known.first(where: { $0.name.caseInsensitiveEquals(name) }) else {
        return try unknownOptionalFeature(ctx, name)
      }
      backings.append(f.backing)
    }
    guard try ctx.shouldProcess((ctx.strings("FeatureName") ?? []).joined(separator: ", ")) else { return }
    let changed: Bool = try session.run(ctx) {
      try session.change { (s) throws(EflowError) in
        var any = false
        for b in backings where s.install(b) { any = true }
        return any
      }
    }
    // The simulated host never restarts: an enabled feature is active at once, but Windows
    // still reports that Hyper-V needs a restart (and, without -NoRestart, would ask).
    let restart = changed && backings.contains(.hyperV)
    try ctx.emit(
      .object(
        hostObject(
          "Microsoft.Dism.Commands.ImageObject",
          [
            ("Path", .string("")), ("Online", .bool(true)), ("RestartNeeded", .bool(restart)),
            ("LogPath", .string("C:\\Windows\\Logs\\DISM\\dism.log")), ("ScratchDirectory", .string("")),
            ("LogLevel", .string("WarningsInfo")),
          ])))
  }

  // MARK: Services

  struct HostService {
    var name: String
    var displayName: String
    var running: Bool
    var startType: String
  }

  /// The services EFLOW deployment and troubleshooting touch, as they stand in `state`.
  static func services(_ state: HostState) -> [HostService] {
    var list: [HostService] = [
      HostService(name: "SharedAccess", displayName: "Internet Connection Sharing (ICS)", running: state.profile.defaultSwitch, startType: "Manual"),
      HostService(name: "wssdagent", displayName: "wssdagent", running: true, startType: "Automatic"),
    ]
    if state.hyperVEnabled {
      list += [
        HostService(name: "hvhost", displayName: "HV Host Service", running: true, startType: "Manual"),
        HostService(name: "vmcompute", displayName: "Hyper-V Host Compute Service", running: true, startType: "Manual"),
        HostService(name: "vmms", displayName: "Hyper-V Virtual Machine Management", running: true, startType: "Automatic"),
      ]
    }
    if state.dhcpServer.installed {
      list.append(HostService(name: "dhcpserver", displayName: "DHCP Server", running: state.dhcpServer.running, startType: "Automatic"))
    }
    return list.sorted { $0.name.lowercased() < $1.name.lowercased() }
  }

  static func serviceObject(_ s: HostService) -> PSObject {
    hostObject(
      "System.ServiceProcess.ServiceController",
      [
        ("Status", .string(s.running ? "Running" : "Stopped")), ("Name", .string(s.name)),
        ("DisplayName", .string(s.displayName)), ("ServiceName", .string(s.name)),
        ("StartType", .string(s.startType)), ("CanStop", .bool(s.running)),
        ("ServiceType", .string("Win32OwnProcess")), ("MachineName", .string(".")),
        ("DependentServices", .array(PSArray())), ("ServicesDependedOn", .array(PSArray())),
      ], string: "System.ServiceProcess.ServiceController")
  }

  func serviceNotFound(_ ctx: CmdletContext, _ value: String, byDisplayName: Bool) throws {
    let what = byDisplayName ? "display name" : "service name"
    var r = ErrorRecord(
      exceptionType: "Microsoft.PowerShell.Commands.ServiceCommandException",
      message: "Cannot find any service with \(what) '\(value)'.",
      errorId: byDisplayName ? "NoServiceFoundForGivenDisplayName" : "NoServiceFoundForGivenName", category: .objectNotFound,
      targetObject: .string(value),
      commandName: "Microsoft.PowerShell.Commands.\(ctx.name.replacingOccurrences(of: "-", with: ""))Command")
    r.invocationName = ctx.name
    try ctx.writeError(r)
  }

  /// The services selected by -Name / -DisplayName / -InputObject, -Include and -Exclude; the
  /// literal names that found nothing are reported as not found.
  func selectServices(_ ctx: CmdletContext, _ state: HostState) throws -> [HostService] {
    let all = Self.services(state)
    var found = all
    if let objects = ctx.value("InputObject") {
      let names = (objects.enumerated ?? [objects]).compactMap { v -> String? in
        if case .object(let o) = v, let n = o["Name"] { return Conversions.toString(n) }
        return nil
      }
      found = all.filter { s in names.contains { $0.caseInsensitiveEquals(s.name) } }
    } else if let displayNames = ctx.strings("DisplayName") {
      let filter = NameFilter(displayNames)
      found = all.filter { filter.matches($0.displayName) }
      for n in filter.unmatchedLiterals(found.map(\.displayName)) { try serviceNotFound(ctx, n, byDisplayName: true) }
    } else if let names = ctx.strings("Name") {
      let filter = NameFilter(names)
      found = all.filter { s in
        filter.matches(s.name) || filter.patterns.contains { p in !WildcardPattern.containsWildcards(p) && p.caseInsensitiveEquals(s.displayName) }
      }
      for n in filter.unmatchedLiterals(found.map(\.name) + found.map(\.displayName)) { try serviceNotFound(ctx, n, byDisplayName: false) }
    }
    if let include = ctx.strings("Include") { found = found.filter { NameFilter(include).matches($0.name) } }
    if let exclude = ctx.strings("Exclude") { found = found.filter { !NameFilter(exclude).matches($0.name) } }
    return found
  }

  func getService(_ ctx: CmdletContext) throws {
    let state = try session.run(ctx) { try session.read() }
    for s in try selectServices(ctx, state) { try ctx.emit(.object(Self.serviceObject(s))) }
  }

  /// Restart-Service. Restarting dhcpserver always shows the warning of reference §6.1 (the
  /// DHCP Server service takes a few seconds to start on Windows, so the transcripts show it);
  /// other services restart silently. The service comes back Running.
  func restartService(_ ctx: CmdletContext) throws {
    let state = try session.run(ctx) { try session.read() }
    for s in try selectServices(ctx, state) {
      guard try ctx.shouldProcess("\(s.displayName) (\(s.name))") else { continue }
      if s.name == "dhcpserver" {
        try ctx.writeWarning("Waiting for service '\(s.displayName) (\(s.name))' to start...")
        try session.run(ctx) { try session.change { (st) throws(EflowError) in try st.setDhcpService(running: true) } }
      }
      if ctx.flag("PassThru") {
        var restarted = s
        restarted.running = true
        try ctx.emit(.object(Self.serviceObject(restarted)))
      }
    }
  }

  // MARK: CIM / WMI

  /// The WMI classes the simulated host answers, as ordered property lists.
  static func cimClasses(_ state: HostState) -> [String: [(String, Value)]] {
    let p = state.profile
    let os = p.operatingSystem
    let config = state.hostConfiguration()
    let server = state.sku == .server
    return [
      "win32_operatingsystem": [
        ("Caption", .string(os.caption)), ("Version", .string(os.version)), ("BuildNumber", .string(String(os.buildNumber))),
        ("ProductType", .int64(Int64(os.productType))), ("CSName", .string(p.computerName)),
        ("OSArchitecture", .string("64-bit")), ("Manufacturer", .string("Microsoft Corporation")),
        ("OSType", .int32(18)), ("SystemDrive", .string("\(p.systemDrive.letter):")),
        ("WindowsDirectory", .string("\(p.systemDrive.letter):\\Windows")),
        ("SystemDirectory", .string("\(p.systemDrive.letter):\\Windows\\system32")),
        ("TotalVisibleMemorySize", .int64(Int64(p.totalMemoryMB) * 1024)),
        ("FreePhysicalMemory", .int64(Int64(config.freePhysicalMemoryInMB) * 1024)),
        ("NumberOfProcesses", .int64(server ? 96 : 212)), ("Status", .string("OK")), ("Organization", .string("")),
        ("RegisteredUser", .string("Windows User")), ("SerialNumber", .string(server ? "00430-00000-00000-AA001" : "00330-80000-00000-AA001")),
        ("Name", .string("\(os.caption)|\(p.systemDrive.letter):\\Windows|\\Device\\Harddisk0\\Partition3")),
      ],
      "win32_computersystem": [
        ("Name", .string(p.computerName)), ("Manufacturer", .string("eflowsh")),
        ("Model", .string("Simulated Windows host (\(p.name))")), ("TotalPhysicalMemory", .int64(Int64(p.totalMemoryMB) * 1_048_576)),
        ("NumberOfLogicalProcessors", .int64(Int64(p.logicalProcessors))), ("NumberOfProcessors", .int64(1)),
        ("PrimaryOwnerName", .string("Windows User")), ("Domain", .string("WORKGROUP")), ("Workgroup", .string("WORKGROUP")), ("PartOfDomain", .bool(false)),
        ("DomainRole", .int32(server ? 2 : 0)), ("HypervisorPresent", .bool(state.hyperVEnabled)),
        ("SystemType", .string("x64-based PC")), ("Status", .string("OK")),
      ],
      "win32_processor": [
        ("DeviceID", .string("CPU0")), ("Name", .string("Simulated x64 Processor")), ("Manufacturer", .string("GenuineIntel")),
        ("NumberOfCores", .int64(Int64(max(1, p.logicalProcessors / 2)))),
        ("NumberOfLogicalProcessors", .int64(Int64(p.logicalProcessors))), ("Architecture", .int32(9)),
        ("AddressWidth", .int32(64)), ("MaxClockSpeed", .int64(3000)),
        ("VirtualizationFirmwareEnabled", .bool(true)), ("SecondLevelAddressTranslationExtensions", .bool(true)),
        ("VMMonitorModeExtensions", .bool(true)), ("Status", .string("OK")),
      ],
    ]
  }

  static let cimClassNames = [
    "win32_operatingsystem": "Win32_OperatingSystem", "win32_computersystem": "Win32_ComputerSystem",
    "win32_processor": "Win32_Processor",
  ]

  func cimError(_ ctx: CmdletContext, wmi: Bool, message: String, hresult: String, target: String) throws {
    var r: ErrorRecord
    if wmi {
      r = ErrorRecord(
        exceptionType: "System.Management.ManagementException", message: message, errorId: "GetWMIManagementException",
        category: .invalidOperation, commandName: "Microsoft.PowerShell.Commands.GetWmiObjectCommand")
    } else {
      r = ErrorRecord(
        exceptionType: "Microsoft.Management.Infrastructure.CimException", message: message, errorId: "HRESULT \(hresult)",
        category: .metadataError, targetObject: .string(target),
        commandName: "Microsoft.Management.Infrastructure.CimCmdlets.GetCimInstanceCommand")
    }
    r.invocationName = ctx.name
    try ctx.writeError(r)
  }

  /// Get-CimInstance and Get-WmiObject: one instance per class, selected by class (with
  /// -Filter) or a WQL -Query; -Property leaves the other properties empty.
  func getInstances(_ ctx: CmdletContext, wmi: Bool) throws {
    var className = ctx.string(wmi ? "Class" : "ClassName") ?? ""
    var filter = ctx.string("Filter")
    var selected = ctx.strings("Property")
    if let query = ctx.string("Query") {
      guard let q = WQLQuery(query) else {
        return try cimError(ctx, wmi: wmi, message: wmi ? "Invalid query " : "Invalid query ", hresult: "0x80041017", target: query)
      }
      className = q.className
      filter = q.condition
      selected = q.properties
    }
    let namespace = (ctx.string("Namespace") ?? "root/cimv2").replacingOccurrences(of: "\\", with: "/").lowercased()
    guard namespace == "root/cimv2" else {
      return try cimError(ctx, wmi: wmi, message: "Invalid namespace ", hresult: "0x8004100e", target: ctx.string("Namespace") ?? "")
    }
    let state = try session.run(ctx) { try session.read() }
    guard var props = Self.cimClasses(state)[className.lowercased()], let canonical = Self.cimClassNames[className.lowercased()]
    else {
      let message = wmi ? "Invalid class \"\(className)\"" : "Invalid class "
      return try cimError(ctx, wmi: wmi, message: message, hresult: "0x80041010", target: "root\\cimv2:\(className)")
    }
    if let filter, !filter.isEmpty {
      guard let condition = WQLCondition(filter) else {
        return try cimError(ctx, wmi: wmi, message: "Invalid query ", hresult: "0x80041017", target: filter)
      }
      guard condition.matches(props) else { return }
    }
    if let selected, !selected.contains("*") {
      props = props.map { p in selected.contains { $0.caseInsensitiveEquals(p.0) } ? p : (p.0, .null) }
    }
    if wmi {
      props += [("__CLASS", .string(canonical)), ("__NAMESPACE", .string("root\\cimv2")), ("__SERVER", .string(state.computerName))]
    }
    let typeName = wmi ? "System.Management.ManagementObject#root\\cimv2\\\(canonical)" : cimType("root/cimv2/\(canonical)")
    try ctx.emit(.object(hostObject(typeName, props)))
  }
}

/// `SELECT <props> FROM <class> [WHERE <condition>]`.
struct WQLQuery {
  var properties: [String]
  var className: String
  var condition: String?

  init?(_ text: String) {
    let t = text.trimmingCharacters(in: .whitespaces)
    guard t.lowercased().hasPrefix("select "), let from = t.range(of: " from ", options: .caseInsensitive) else { return nil }
    properties = t[t.index(t.startIndex, offsetBy: 7)..<from.lowerBound].split(separator: ",").map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    let rest = t[from.upperBound...]
    if let w = rest.range(of: " where ", options: .caseInsensitive) {
      className = rest[..<w.lowerBound].trimmingCharacters(in: .whitespaces)
      condition = String(rest[w.upperBound...])
    } else {
      className = rest.trimmingCharacters(in: .whitespaces)
      condition = nil
    }
    if className.isEmpty || properties.isEmpty { return nil }
  }
}

/// A WQL WHERE clause: comparisons (`=`, `<>`, `!=`, `<`, `>`, `<=`, `>=`, `LIKE`) joined by
/// AND / OR (AND binds tighter), values quoted strings, numbers or TRUE/FALSE.
struct WQLCondition {
  struct Comparison {
    var property: String
    var op: String
    var value: String
  }

  /// OR of ANDs.
  var alternatives: [[Comparison]]

  init?(_ text: String) {
    var alternatives: [[Comparison]] = []
    for orPart in Self.split(text, on: "or") {
      var all: [Comparison] = []
      for andPart in Self.split(orPart, on: "and") {
        guard let c = Self.comparison(andPart) else { return nil }
        all.append(c)
      }
      alternatives.append(all)
    }
    self.alternatives = alternatives
  }

  /// Splits on a keyword outside quotes.
  static func split(_ text: String, on keyword: String) -> [String] {
    var parts: [String] = []
    var current = ""
    var quote: Character?
    let chars = Array(text)
    var i = 0
    while i < chars.count {
      let c = chars[i]
      if let q = quote {
        if c == q { quote = nil }
        current.append(c)
        i += 1
        continue
      }
      if c == "'" || c == "\"" { quote = c }
      let k = keyword.count
      if c == " ", i + k + 1 < chars.count, String(chars[(i + 1)...(i + k)]).lowercased() == keyword, chars[i + k + 1] == " " {
        parts.append(current)
        current = ""
        i += k + 2
        continue
      }
      current.append(c)
      i += 1
    }
    parts.append(current)
    return parts
  }

  static func comparison(_ text: String) -> Comparison? {
    let t = text.trimmingCharacters(in: .whitespaces)
    for op in ["<>", "!=", "<=", ">=", "=", "<", ">", " like "] {
      guard let r = t.range(of: op, options: .caseInsensitive) else { continue }
      let property = t[..<r.lowerBound].trimmingCharacters(in: .whitespaces)
      var value = t[r.upperBound...].trimmingCharacters(in: .whitespaces)
      if value.count >= 2, let f = value.first, f == "'" || f == "\"", value.last == f { value = String(value.dropFirst().dropLast()) }
      guard !property.isEmpty else { return nil }
      return Comparison(property: property, op: op.trimmingCharacters(in: .whitespaces).lowercased(), value: value)
    }
    return nil
  }

  func matches(_ props: [(String, Value)]) -> Bool {
    alternatives.contains { all in
      all.allSatisfy { c in
        guard let v = props.first(where: { $0.0.caseInsensitiveEquals(c.property) })?.1 else { return false }
        let text = Conversions.toString(v)
        if c.op == "like" {
          let pattern = c.value.replacingOccurrences(of: "*", with: "`*").replacingOccurrences(of: "?", with: "`?")
            .replacingOccurrences(of: "%", with: "*").replacingOccurrences(of: "_", with: "?")
          return WildcardPattern(pattern).matches(text)
        }
        let order: Int
        if let a = Double(text), let b = Double(c.value) {
          order = a < b ? -1 : a > b ? 1 : 0
        } else {
          let a = text.lowercased(), b = c.value.lowercased()
          order = a < b ? -1 : a > b ? 1 : 0
        }
        switch c.op {
        case "=": return order == 0
        case "<>", "!=": return order != 0
        case "<": return order < 0
        case ">": return order > 0
        case "<=": return order <= 0
        default: return order >= 0
        }
      }
    }
  }
}
