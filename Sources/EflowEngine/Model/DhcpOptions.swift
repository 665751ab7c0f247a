import Foundation

/// The DHCP options EFLOW networking cares about. `nil` means "not set", which differs from an
/// empty list: a scope without a DnsServer option falls back to the server-level option.
public struct DhcpOptions: Codable, Sendable, Equatable {
  /// Option 3.
  public var router: [IPv4Address]?
  /// Option 6.
  public var dnsServer: [IPv4Address]?
  /// Option 15.
  public var dnsDomain: String?

  public init(router: [IPv4Address]? = nil, dnsServer: [IPv4Address]? = nil, dnsDomain: String? = nil) {
    self.router = router
    self.dnsServer = dnsServer
    self.dnsDomain = dnsDomain
  }

  /// Options set here win; unset ones come from `fallback` (scope over server level).
  public func merged(over fallback: DhcpOptions) -> DhcpOptions {
    DhcpOptions(
      router: router ?? fallback.router, dnsServer: dnsServer ?? fallback.dnsServer,
      dnsDomain: dnsDomain ?? fallback.dnsDomain)
  }

  /// One row per set option, as Get-DhcpServerv4OptionValue lists them.
  public var values: [DhcpOptionValue] {
    var rows: [DhcpOptionValue] = []
    if let router { rows.append(DhcpOptionValue(optionId: 3, name: "Router", type: "IPv4Address", value: router.map(\.description))) }
    if let dnsServer { rows.append(DhcpOptionValue(optionId: 6, name: "DNS Servers", type: "IPv4Address", value: dnsServer.map(\.description))) }
    if let dnsDomain { rows.append(DhcpOptionValue(optionId: 15, name: "DNS Domain Name", type: "String", value: [dnsDomain])) }
    return rows
  }
}

/// A row of Get-DhcpServerv4OptionValue.
public struct DhcpOptionValue: Sendable, Equatable {
  public var optionId: Int
  public var name: String
  public var type: String
  public var value: [String]
}
