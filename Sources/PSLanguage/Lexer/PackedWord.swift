/// A word of up to 16 ASCII letters, case-folded and packed into two integers: a cheap key for
/// looking up keywords and operators without making a lowercased `String` (which cost several
/// hundred instructions a word, and the enum's `init(rawValue:)` compares strings one by one).
struct PackedWord: Equatable, Sendable {
  var low: UInt64 = 0
  var high: UInt64 = 0
  var count = 0

  /// The letters of `bytes` from `start`; nil when there are more than 16 or any is not an
  /// ASCII letter.
  init?(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) {
    let n = bytes.count - start
    guard n >= 0, n <= 16 else { return nil }
    for i in 0..<n {
      let b = bytes[start + i] | 0x20
      guard b >= 0x61, b <= 0x7A else { return nil }
      if i < 8 { low |= UInt64(b) << (8 * UInt64(i)) } else { high |= UInt64(b) << (8 * UInt64(i - 8)) }
    }
    count = n
  }

  /// The packed form of `word`, or nil (see `init(_:from:)`).
  init?(_ word: String, from start: Int = 0) {
    var w = word
    guard let p = w.withUTF8({ PackedWord($0, from: start) }) else { return nil }
    self = p
  }
}

/// A fixed list of words to find packed words in. A linear scan of a few dozen pairs of
/// integers is several times cheaper than hashing the word for a dictionary.
struct PackedWordTable<Value: Sendable>: Sendable {
  private let words: [(PackedWord, Value)]

  init(_ words: [(String, Value)]) {
    self.words = words.map { (PackedWord($0.0)!, $0.1) }
  }

  subscript(_ w: PackedWord) -> Value? {
    for (k, v) in words where k == w { return v }
    return nil
  }
}
