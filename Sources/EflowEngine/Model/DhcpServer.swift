import Foundation

/// The Windows DHCP Server role on the host: whether it is installed and its service running,
/// its scopes and its server-level options. An Internal switch only gets DHCP from this.
public struct DhcpServer: Codable, Sendable, Equatable {
  public var installed: Bool
  public var running: Bool
  public var scopes: [DhcpScope]
  public var serverOptions: DhcpOptions

  public init(installed: Bool, running: Bool, scopes: [DhcpScope] = [], serverOptions: DhcpOptions = DhcpOptions()) {
    self.installed = installed
    self.running = running
    self.scopes = scopes
    self.serverOptions = serverOptions
  }

  public var answers: Bool { installed && running }
}
