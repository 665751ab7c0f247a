import Foundation

/// WinNAT: New-/Get-/Remove-NetNat. Several NATs may coexist as long as their internal prefixes
/// do not overlap (current Windows; the old one-NAT limit is not modelled).
extension HostState {
  /// New-NetNat. A malformed prefix, an overlap with another NAT or a name already used is
  /// "The parameter is incorrect." (Windows System Error 87). Host bits in the prefix are
  /// cleared, as WinNAT stores the network.
  @discardableResult
  public mutating func newNat(name: String, internalPrefix text: String) throws(EflowError) -> NatNetwork {
    try transact { (s) throws(EflowError) in
      guard !name.isEmpty, let prefix = IPv4Network(text) else { throw .parameterIncorrect }
      if s.nats.contains(where: { $0.name.lowercased() == name.lowercased() || $0.internalPrefix.overlaps(prefix) }) {
        throw .parameterIncorrect
      }
      let nat = NatNetwork(name: name, internalPrefix: prefix)
      s.nats.append(nat)
      return nat
    }
  }

  /// Get-NetNat -Name.
  public func nat(named name: String) throws(EflowError) -> NatNetwork {
    guard let nat = nats.first(where: { $0.name.lowercased() == name.lowercased() }) else {
      throw .natNotFound(name)
    }
    return nat
  }

  /// Remove-NetNat: one by name, or all when `name` is nil.
  @discardableResult
  public mutating func removeNat(name: String?) throws(EflowError) -> [NatNetwork] {
    try transact { (s) throws(EflowError) in
      guard let name else {
        defer { s.nats.removeAll() }
        return s.nats
      }
      let nat = try s.nat(named: name)
      s.nats.removeAll { $0.name == nat.name }
      return [nat]
    }
  }

  /// The NAT that forwards for `subnet`, if any covers it.
  public func nat(covering subnet: IPv4Network) -> NatNetwork? {
    nats.first { $0.internalPrefix.contains(subnet.address) && $0.internalPrefix.prefixLength <= subnet.prefixLength }
  }
}
