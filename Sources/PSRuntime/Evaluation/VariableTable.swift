/// A scope's variables by key. A call's scope holds few (its parameters and some locals): those
/// are kept in an array searched by hash, which costs much less to make, search and free than a
/// dictionary (whose creation alone looked up generic metadata on every call). Past
/// `smallLimit` variables, or when sized for more, the table becomes a dictionary.
struct VariableTable {
  private struct Entry {
    let key: VariableKey
    var variable: Variable
  }

  private var small: [Entry] = []
  private var large: [VariableKey: Variable]?
  static let smallLimit = 8

  var count: Int { large?.count ?? small.count }

  subscript(k: VariableKey) -> Variable? {
    if large != nil { return large![k] }
    for i in small.indices where small[i].key == k {
      return small[i].variable
    }
    return nil
  }

  /// Adds `v` under `k`, replacing the variable there.
  mutating func set(_ k: VariableKey, _ v: Variable) {
    if large != nil {
      large![k] = v
      return
    }
    for i in small.indices where small[i].key == k {
      small[i].variable = v
      return
    }
    if small.count == Self.smallLimit {
      grow(to: small.count + 1)
      large![k] = v
      return
    }
    small.append(Entry(key: k, variable: v))
  }

  mutating func remove(_ k: VariableKey) {
    if large != nil {
      large!.removeValue(forKey: k)
      return
    }
    small.removeAll { $0.key == k }
  }

  /// Room for `extra` more variables without regrowing.
  mutating func reserve(_ extra: Int) {
    let needed = count + extra
    if large != nil {
      large!.reserveCapacity(needed)
    } else if needed > Self.smallLimit {
      grow(to: needed)
    } else {
      small.reserveCapacity(needed)
    }
  }

  private mutating func grow(to capacity: Int) {
    var d = [VariableKey: Variable](minimumCapacity: capacity)
    for e in small { d[e.key] = e.variable }
    large = d
    small = []
  }

  /// Every variable, by key (for listing: not a path any call takes).
  var all: [VariableKey: Variable] {
    if let large { return large }
    var d = [VariableKey: Variable](minimumCapacity: small.count)
    for e in small { d[e.key] = e.variable }
    return d
  }
}
