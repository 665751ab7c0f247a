import Foundation

/// A row of Get-/Add-EflowNetwork. AllocationMethod and Cidr are empty as in the only public
/// sample (an External switch); the simulation keeps them empty for every type.
public struct NetworkInfo: Sendable, Equatable {
  public var name: String
  public var allocationMethod: String
  public var cidr: String
  /// `External`, `Internal`, or `ICS` for the Default Switch.
  public var type: String
}
