import Foundation

/// The simulation's one source of randomness: SplitMix64 (Steele, Lea & Flood 2014), chosen for
/// its single 64-bit word of state. That word is stored in the state document, so a script run
/// across several processes continues the same sequence, and the same profile + seed always
/// gives the same MACs, subnets, leases and route order.
public struct SeededRandom: RandomNumberGenerator, Sendable, Equatable, Codable {
  /// The seed the sequence started from (kept for display; it is never re-read).
  public let seed: UInt64
  /// The evolving state word.
  public private(set) var state: UInt64

  public init(seed: UInt64) {
    self.seed = seed
    state = seed
  }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A value in `range` without modulo bias (delegates to the standard library's algorithm,
  /// which only uses `next()` and is stable across platforms).
  public mutating func int(in range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }

  public mutating func bytes(_ count: Int) -> [UInt8] {
    (0..<count).map { _ in UInt8(truncatingIfNeeded: next()) }
  }

  /// Hex strings rather than JSON numbers: 64-bit values above 2^53 do not survive every JSON
  /// reader (jq, JavaScript), and the state file is meant to be inspected.
  private enum CodingKeys: String, CodingKey { case seed, state }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    func read(_ key: CodingKeys) throws -> UInt64 {
      let text = try container.decode(String.self, forKey: key)
      guard let value = UInt64(text, radix: 16) else {
        throw DecodingError.dataCorruptedError(
          forKey: key, in: container, debugDescription: "'\(text)' is not a hexadecimal UInt64")
      }
      return value
    }
    seed = try read(.seed)
    state = try read(.state)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(String(seed, radix: 16), forKey: .seed)
    try container.encode(String(state, radix: 16), forKey: .state)
  }
}
