import Foundation

/// A line AzureEFLOW writes to the host during a long operation. The cmdlet layer prefixes step
/// lines with `[MM/dd/yyyy HH:mm:ss] `; detail lines are printed as they are (` - text`).
public struct ProgressLine: Sendable, Equatable, CustomStringConvertible {
  public enum Kind: Sendable, Equatable {
    case step
    case detail
  }

  public var kind: Kind
  /// The text without the ` - ` prefix of detail lines.
  public var text: String

  public static func step(_ text: String) -> ProgressLine { ProgressLine(kind: .step, text: text) }
  public static func detail(_ text: String) -> ProgressLine { ProgressLine(kind: .detail, text: text) }

  /// The line as printed, without the timestamp.
  public var rendered: String { kind == .detail ? " - \(text)" : text }
  public var description: String { rendered }

  /// W1, the deployment's DNS warning (printed when the primary endpoint has no DNS servers).
  public static let dnsWarning = ProgressLine.detail(
    "Please check your DNS configuration to ensure Internet connectivity. Refer https://aka.ms/AzEFLOW-DNS for more details.")
}
