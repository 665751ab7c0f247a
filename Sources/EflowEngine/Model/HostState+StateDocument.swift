import Foundation

/// The state store keeps a `HostState` as its document.
extension HostState: StateDocument {}
