/// A hashtable: keys compare as PowerShell compares them (strings without regard to case,
/// numbers by value). Insertion order is kept for all tables; `[ordered]` only changes the
/// type name, since PowerShell's unordered order is unspecified anyway.
public final class PSHashtable {
  public var isOrdered: Bool
  public private(set) var entries: [(key: Value, value: Value)] = []
  private var index: [HashKey: Int] = [:]

  public init(ordered: Bool = false) { isOrdered = ordered }

  /// A table with room for `capacity` entries, so filling it (`$PSBoundParameters` at every
  /// call) does not regrow it.
  init(capacity: Int) {
    isOrdered = false
    entries.reserveCapacity(capacity)
    index.reserveCapacity(capacity)
  }

  public var count: Int { entries.count }

  /// `self[key] = value` for a string key whose lowercased form is already known (a
  /// parameter's `key`), sparing the lowercasing.
  func set(_ key: Value, lowercasedString lowered: String, _ value: Value) {
    let k = HashKey(lowercasedString: lowered)
    if let i = index[k] {
      entries[i].value = value
    } else {
      index[k] = entries.count
      entries.append((key, value))
    }
  }

  public subscript(key: Value) -> Value? {
    get { index[HashKey(key)].map { entries[$0].value } }
    set {
      let k = HashKey(key)
      if let v = newValue {
        if let i = index[k] {
          entries[i].value = v
        } else {
          index[k] = entries.count
          entries.append((key, v))
        }
      } else if let i = index.removeValue(forKey: k) {
        entries.remove(at: i)
        for (kk, j) in index where j > i { index[kk] = j - 1 }
      }
    }
  }

  public func containsKey(_ key: Value) -> Bool { index[HashKey(key)] != nil }

  /// Adds a key that must not exist yet (`Add`, `+` of two tables).
  public func add(_ key: Value, _ value: Value) throws(RuntimeError) {
    if containsKey(key) {
      let k = Conversions.toString(key)
      throw RuntimeError(
        id: "System.ArgumentException",
        message: "Item has already been added. Key in dictionary: '\(k)'  Key being added: '\(k)'")
    }
    self[key] = value
  }

  /// A copy (for `+`, which makes a new table).
  public func copy() -> PSHashtable {
    let h = PSHashtable(ordered: isOrdered)
    for e in entries { h[e.key] = e.value }
    return h
  }
}

/// How hashtable keys compare.
struct HashKey: Hashable {
  let repr: String
  /// The key of `.string(s)` when `lowered` is `s.lowercased()`.
  init(lowercasedString lowered: String) { repr = "s:" + lowered }
  init(_ v: Value) {
    switch v {
    case .string(let s): repr = "s:" + s.lowercased()
    case .char(let c): repr = "s:" + String(decoding: [c], as: UTF16.self).lowercased()
    case .int32(let i): repr = "n:\(i)"
    case .int64(let i): repr = "n:\(i)"
    case .byte(let i): repr = "n:\(i)"
    case .double(let d): repr = d == d.rounded() && abs(d) < 9e18 ? "n:\(Int64(d))" : "d:\(d)"
    case .decimal(let d): repr = "m:\(d)"
    case .bool(let b): repr = "b:\(b)"
    case .null: repr = "null"
    case .array(let a): repr = "a:\(ObjectIdentifier(a).hashValue)"
    case .hashtable(let h): repr = "h:\(ObjectIdentifier(h).hashValue)"
    case .object(let o): repr = "o:\(ObjectIdentifier(o).hashValue)"
    default: repr = "v:" + Conversions.toString(v)
    }
  }
}
