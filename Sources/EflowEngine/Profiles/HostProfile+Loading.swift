import Foundation

extension HostProfile {
  /// A built-in profile name, or else a path to a JSON profile. Errors name the file and say
  /// what is wrong with it, because a profile is hand-written and the user must fix it.
  public static func resolve(_ nameOrPath: String) throws(EflowError) -> HostProfile {
    if let builtIn = builtIn(named: nameOrPath) { return builtIn }
    return try load(path: nameOrPath)
  }

  public static func load(path: String) throws(EflowError) -> HostProfile {
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      let reason = FileManager.default.fileExists(atPath: path) ? "it cannot be read" : "no such file"
      throw loadError(path, "\(reason) (built-in profiles: \(builtInNames.joined(separator: ", ")))")
    }
    return try decode(data, source: path)
  }

  /// Decodes and validates a profile; `source` names it in errors.
  public static func decode(_ data: Data, source: String) throws(EflowError) -> HostProfile {
    let profile: HostProfile
    do {
      profile = try JSONDecoder().decode(HostProfile.self, from: data)
    } catch let error as DecodingError {
      throw loadError(source, describe(error))
    } catch {
      throw loadError(source, "it is not valid JSON")
    }
    if let problem = profile.validationProblem() { throw loadError(source, problem) }
    return profile
  }

  /// The JSON text of this profile (pretty, sorted keys), for `Get-SimHost`-style export and
  /// as a template for custom profiles.
  public func jsonText() -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    // Encoding plain value types with string-encoded addresses cannot fail.
    let data = (try? encoder.encode(self)) ?? Data()
    return String(decoding: data, as: UTF8.self)
  }

  /// The first inconsistency in the profile, described for the user; nil when it is usable.
  public func validationProblem() -> String? {
    if computerName.isEmpty { return "computerName is empty" }
    if computerName.count > 15 { return "computerName '\(computerName)' is longer than 15 characters" }
    if logicalProcessors < 1 { return "logicalProcessors must be at least 1" }
    if totalMemoryMB < 1 || freeMemoryMB < 0 || freeMemoryMB > totalMemoryMB {
      return "freeMemoryMB must be between 0 and totalMemoryMB"
    }
    if systemDrive.freeGB < 0 || systemDrive.freeGB > systemDrive.sizeGB {
      return "systemDrive.freeGB must be between 0 and systemDrive.sizeGB"
    }
    if ![1, 2, 3].contains(operatingSystem.productType) {
      return "operatingSystem.productType must be 1 (workstation), 2 (domain controller) or 3 (server)"
    }
    if defaultSwitch && sku == .server { return "a server SKU (productType 2 or 3) has no Default Switch" }
    var names = Set<String>()
    for adapter in adapters {
      let where_ = "adapter '\(adapter.name)'"
      if adapter.name.isEmpty { return "an adapter has an empty name" }
      if !names.insert(adapter.name.lowercased()).inserted { return "two adapters are named '\(adapter.name)'" }
      if let lan = adapter.lan {
        if let gateway = lan.gateway, !lan.subnet.isHost(gateway) {
          return "\(where_): gateway \(gateway) is not a host address of \(lan.subnet)"
        }
        if let pool = lan.dhcp {
          if !(lan.subnet.isHost(pool.start) && lan.subnet.isHost(pool.end) && pool.start <= pool.end) {
            return "\(where_): DHCP pool \(pool.start)-\(pool.end) is not a range inside \(lan.subnet)"
          }
        }
        if let outside = lan.addressesInUse.first(where: { !lan.subnet.contains($0) }) {
          return "\(where_): address in use \(outside) is outside \(lan.subnet)"
        }
        if let ip = adapter.ipv4, !lan.subnet.contains(ip.address.address) {
          return "\(where_): host address \(ip.address) is outside its LAN \(lan.subnet)"
        }
      }
    }
    for entry in switches {
      if entry.name.isEmpty { return "a switch has an empty name" }
      switch entry.type {
      case .external:
        guard let adapterName = entry.netAdapterName else {
          return "External switch '\(entry.name)' needs netAdapterName"
        }
        guard adapters.contains(where: { $0.name.lowercased() == adapterName.lowercased() }) else {
          return "External switch '\(entry.name)' names adapter '\(adapterName)', which the profile does not have"
        }
      case .internal, .private:
        if entry.netAdapterName != nil { return "\(entry.type.rawValue) switch '\(entry.name)' cannot have netAdapterName" }
      }
    }
    return nil
  }

  private static func loadError(_ source: String, _ problem: String) -> EflowError {
    EflowError(.invalidArgument, "Cannot load host profile '\(source)': \(problem).")
  }

  private static func describe(_ error: DecodingError) -> String {
    func path(_ keys: [any CodingKey]) -> String {
      let text = keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
      return text.hasPrefix(".") ? String(text.dropFirst()) : (text.isEmpty ? "(top level)" : text)
    }
    switch error {
    case .keyNotFound(let key, let context):
      return "missing key '\(path(context.codingPath + [key]))'"
    case .typeMismatch(_, let context), .valueNotFound(_, let context):
      return "wrong type at '\(path(context.codingPath))' (\(context.debugDescription))"
    case .dataCorrupted(let context):
      if context.codingPath.isEmpty { return "it is not valid JSON" }
      return "bad value at '\(path(context.codingPath))': \(context.debugDescription)"
    @unknown default:
      return "\(error)"
    }
  }
}
