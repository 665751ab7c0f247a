/// `System.String`'s instance methods. Strings are indexed in UTF-16 code units, as in .NET.
/// Searches are ordinal (case-sensitive unless a `StringComparison` argument says otherwise);
/// `Split` follows .NET (Core) `String.Split`, not the `-split` operator: a string separator is
/// matched whole (PowerShell 7; Windows PowerShell would split on each of its characters).
extension Members {
  static func stringMethod(_ s: String, _ key: String, _ c: MethodCall) throws(RuntimeError) -> Value? {
    let u = Array(s.utf16)
    switch key {
    case "split":
      return .array(PSArray(try split(u, c).map { .string($0) }))
    case "trim", "trimstart", "trimend":
      var set: [UInt16] = []
      for i in 0..<c.count { set += c.chars(i) }
      func test(_ unit: UInt16) -> Bool { set.isEmpty ? isWhiteSpace(unit) : set.contains(unit) }
      var lo = 0
      var hi = u.count
      if key != "trimend" { while lo < hi, test(u[lo]) { lo += 1 } }
      if key != "trimstart" { while hi > lo, test(u[hi - 1]) { hi -= 1 } }
      return .string(text(u[lo..<hi]))
    case "replace":
      return .string(try replace(u, c))
    case "startswith", "endswith", "contains":
      try c.arity(1...3)
      let value = Array(try c.requiredString(0, "value").utf16)
      let ignoreCase = try comparisonIgnoresCase(c, from: 1)
      let hay = ignoreCase ? u.map(foldCase) : u
      let needle = ignoreCase ? value.map(foldCase) : value
      switch key {
      case "startswith": return .bool(hay.starts(with: needle))
      case "endswith": return .bool(hay.reversed().starts(with: needle.reversed()))
      default: return .bool(find(needle, in: hay, from: 0, to: hay.count) != nil)
      }
    case "toupper", "toupperinvariant":
      try c.arity(key == "toupper" ? 0...1 : 0...0)
      return .string(mapCase(s, upper: true))
    case "tolower", "tolowerinvariant":
      try c.arity(key == "tolower" ? 0...1 : 0...0)
      return .string(mapCase(s, upper: false))
    case "substring":
      try c.arity(1...2)
      let start = try c.int(0, "startIndex")
      if start < 0 { throw c.outOfRange("StartIndex cannot be less than zero.", "startIndex") }
      if start > u.count { throw c.outOfRange("startIndex cannot be larger than length of string.", "startIndex") }
      var length = u.count - start
      if c.count == 2 {
        length = try c.int(1, "length")
        if length < 0 { throw c.outOfRange("Length cannot be less than zero.", "length") }
        if start > u.count - length {
          throw c.outOfRange("Index and length must refer to a location within the string.", "length")
        }
      }
      return .string(text(u[start..<(start + length)]))
    case "indexof", "lastindexof", "indexofany", "lastindexofany":
      return .int32(Int32(try indexOf(u, key, c)))
    case "padleft", "padright":
      try c.arity(1...2)
      let width = try c.int(0, "totalWidth")
      if width < 0 { throw c.outOfRange("Non-negative number required.", "totalWidth") }
      var pad: UInt16 = 0x20
      if c.count == 2 {
        do {
          if case .char(let ch) = try Conversions.convert(c.args[1], to: .char) { pad = ch }
        } catch {
          throw c.conversionFailed(1, "paddingChar", "System.Char", error)
        }
      }
      let fill = [UInt16](repeating: pad, count: max(0, width - u.count))
      return .string(text(key == "padleft" ? fill + u : u + fill))
    case "insert":
      try c.arity(2)
      let start = try c.int(0, "startIndex")
      let value = try c.requiredString(1, "value")
      guard start >= 0, start <= u.count else {
        throw c.outOfRange("Specified argument was out of the range of valid values.", "startIndex")
      }
      return .string(text(u[..<start] + Array(value.utf16) + u[start...]))
    case "remove":
      try c.arity(1...2)
      let start = try c.int(0, "startIndex")
      if start < 0 { throw c.outOfRange("StartIndex cannot be less than zero.", "startIndex") }
      if c.count == 1 {
        if start >= u.count { throw c.outOfRange("startIndex must be less than length of string.", "startIndex") }
        return .string(text(u[..<start]))
      }
      let n = try c.int(1, "count")
      if n < 0 { throw c.outOfRange("Count cannot be less than zero.", "count") }
      if start > u.count - n {
        throw c.outOfRange("Index and count must refer to a location within the string.", "count")
      }
      return .string(text(u[..<start] + u[(start + n)...]))
    case "equals":
      try c.arity(1...2)
      if c.count == 1 {
        guard case .string(let other) = c.args[0] else { return .bool(false) }
        return .bool(Array(other.utf16) == u)
      }
      guard let other = c.string(0) else { return .bool(false) }
      let ignoreCase = try comparisonIgnoresCase(c, from: 1)
      return .bool(ignoreCase ? u.map(foldCase) == other.utf16.map(foldCase) : u == Array(other.utf16))
    case "compareto":
      try c.arity(1)
      guard let other = c.string(0) else { return .int32(1) }
      return sign(cultureCompare(s, other, ignoreCase: false))
    case "tostring", "clone":
      try c.arity(key == "tostring" ? 0...1 : 0...0)
      return .string(s)
    case "tochararray":
      try c.arity([0, 2].contains(c.count) ? c.count...c.count : 0...0)
      var start = 0
      var length = u.count
      if c.count == 2 {
        start = try c.int(0, "startIndex")
        length = try c.int(1, "length")
        guard start >= 0, start <= u.count, length >= 0, start <= u.count - length else {
          throw c.outOfRange(
            "Index was out of range. Must be non-negative and less than the size of the collection.", "startIndex")
        }
      }
      return .array(PSArray(u[start..<(start + length)].map { .char($0) }))
    default:
      return nil
    }
  }

  // MARK: - Split

  /// `String.Split` with .NET's overloads: `()`, `(separator)`, `(separator, count)`,
  /// `(separator, options)`, `(separator, count, options)`; the separator is a char, a string,
  /// or an array of either.
  static func split(_ u: [UInt16], _ c: MethodCall) throws(RuntimeError) -> [String] {
    try c.arity(0...3)
    var separators: [[UInt16]] = []
    var noSplit = false
    if c.count > 0 {
      switch c.args[0] {
      case .null: break
      case .char(let ch): separators = [[ch]]
      case .array(let a):
        for item in a.items where !item.isNull {
          if case .char(let ch) = item {
            separators.append([ch])
          } else {
            let sep = Array(Conversions.toString(item).utf16)
            if !sep.isEmpty { separators.append(sep) }
          }
        }
      default:
        separators = [Array(Conversions.toString(c.args[0]).utf16)]
        noSplit = separators[0].isEmpty
      }
    }
    var count = Int.max
    var options = 0
    if c.count == 3 {
      count = try c.int(1, "count")
      options = try c.enumValue(2, "options", .stringSplitOptions)
    } else if c.count == 2 {
      if Conversions.isNumeric(c.args[1]) {
        count = try c.int(1, "count")
      } else {
        options = try c.enumValue(1, "options", .stringSplitOptions)
      }
    }
    if count < 0 { throw c.outOfRange("Count cannot be less than zero.", "count") }
    let removeEmpty = options & 1 != 0
    let trimEntries = options & 2 != 0

    func entry(_ slice: ArraySlice<UInt16>) -> [UInt16] {
      guard trimEntries else { return Array(slice) }
      var lo = slice.startIndex
      var hi = slice.endIndex
      while lo < hi, isWhiteSpace(slice[lo]) { lo += 1 }
      while hi > lo, isWhiteSpace(slice[hi - 1]) { hi -= 1 }
      return Array(slice[lo..<hi])
    }
    func sole() -> [String] {
      if count == 0 { return [] }
      let e = entry(u[...])
      return removeEmpty && e.isEmpty ? [] : [text(e[...])]
    }
    if count <= 1 || u.isEmpty || noSplit { return sole() }

    // Separator positions, left to right; at each position the first separator that matches wins.
    var found: [(at: Int, length: Int)] = []
    var i = 0
    while i < u.count {
      var matched = 0
      if separators.isEmpty {
        if isWhiteSpace(u[i]) { matched = 1 }
      } else {
        for sep in separators where i + sep.count <= u.count && u[i..<(i + sep.count)].elementsEqual(sep) {
          matched = sep.count
          break
        }
      }
      if matched > 0 {
        found.append((i, matched))
        i += matched
      } else {
        i += 1
      }
    }
    if found.isEmpty { return sole() }

    var out: [String] = []
    var current = 0
    var k = 0
    while k < found.count {
      let e = entry(u[current..<found[k].at])
      if !e.isEmpty || !removeEmpty { out.append(text(e[...])) }
      current = found[k].at + found[k].length
      if out.count == count - 1 {
        // The rest of the string is the last entry; with RemoveEmptyEntries, separators right
        // after the last split are skipped first.
        while removeEmpty, k < found.count - 1, current == found[k + 1].at {
          k += 1
          current += found[k].length
        }
        break
      }
      k += 1
    }
    if current < u.count {
      let e = entry(u[current...])
      if !e.isEmpty || !removeEmpty { out.append(text(e[...])) }
    } else if !removeEmpty {
      out.append("")
    }
    return out
  }

  // MARK: - Replace, IndexOf

  static func replace(_ u: [UInt16], _ c: MethodCall) throws(RuntimeError) -> String {
    try c.arity(2...4)
    guard let old = c.string(0) else { throw c.nullArgument("oldValue") }
    if old.isEmpty { throw c.exception("ArgumentException", "String cannot be of zero length. (Parameter 'oldValue')") }
    let new = Array((c.string(1) ?? "").utf16)
    var ignoreCase = false
    if c.count == 3 { ignoreCase = DotNetEnum.ignoresCase(try c.enumValue(2, "comparisonType", .stringComparison)) }
    if c.count == 4 { ignoreCase = Conversions.toBool(c.args[2]) }
    let needle = ignoreCase ? old.utf16.map(foldCase) : Array(old.utf16)
    let hay = ignoreCase ? u.map(foldCase) : u
    var out: [UInt16] = []
    var i = 0
    while let at = find(needle, in: hay, from: i, to: hay.count) {
      out += u[i..<at]
      out += new
      i = at + needle.count
    }
    out += u[i...]
    return text(out[...])
  }

  /// `IndexOf`/`LastIndexOf` (a string or char, optional start, count and comparison) and
  /// `IndexOfAny`/`LastIndexOfAny` (a char array, optional start and count).
  static func indexOf(_ u: [UInt16], _ key: String, _ c: MethodCall) throws(RuntimeError) -> Int {
    try c.arity(1...4)
    let any = key.hasSuffix("any")
    let last = key.hasPrefix("last")
    var needle: [UInt16]
    if any {
      if c.args[0].isNull { throw c.nullArgument("anyOf") }
      needle = c.chars(0)
    } else {
      needle = Array(try c.requiredString(0, "value").utf16)
    }
    // Trailing StringComparison (by name), then start and count.
    var rest = Array(c.args.dropFirst())
    var ignoreCase = false
    if !any, let lastArg = rest.last, case .string(let t) = lastArg, Conversions.parseNumber(t) == nil {
      ignoreCase = DotNetEnum.ignoresCase(try c.enumValue(c.count - 1, "comparisonType", .stringComparison))
      rest.removeLast()
    }
    guard rest.count <= 2 else { throw c.noOverload }
    let hay = ignoreCase ? u.map(foldCase) : u
    if ignoreCase { needle = needle.map(foldCase) }
    let badStart = c.outOfRange(
      "Index was out of range. Must be non-negative and less than the size of the collection.", "startIndex")
    let badCount = c.outOfRange(
      "Count must be positive and count must refer to a location within the string/array/collection.", "count")

    if !last {
      let start = rest.count > 0 ? try c.int(1, "startIndex") : 0
      if start < 0 || start > u.count { throw badStart }
      let n = rest.count > 1 ? try c.int(2, "count") : u.count - start
      if n < 0 || start > u.count - n { throw badCount }
      if any { return hay[start..<(start + n)].firstIndex(where: needle.contains) ?? -1 }
      return find(needle, in: hay, from: start, to: start + n) ?? -1
    }
    if u.isEmpty { return needle.isEmpty && !any ? 0 : -1 }
    var start = rest.count > 0 ? try c.int(1, "startIndex") : u.count - 1
    var n = rest.count > 1 ? try c.int(2, "count") : start + 1
    if start == u.count {
      start -= 1
      if n > 0 { n -= 1 }
    }
    if start < 0 || start >= u.count { throw badStart }
    if n < 0 || start - n + 1 < 0 { throw badCount }
    let lo = start - n + 1
    if any { return hay[lo..<(start + 1)].lastIndex(where: needle.contains) ?? -1 }
    if needle.isEmpty { return start }
    var p = start + 1 - needle.count
    while p >= lo {
      if hay[p..<(p + needle.count)].elementsEqual(needle) { return p }
      p -= 1
    }
    return -1
  }

  /// Whether the optional `StringComparison` (or `ignoreCase` Boolean, culture) arguments from
  /// `index` on ask to ignore case.
  static func comparisonIgnoresCase(_ c: MethodCall, from index: Int) throws(RuntimeError) -> Bool {
    guard c.count > index else { return false }
    if case .bool(let b) = c.args[index] { return b }
    if c.count > index + 1 { return Conversions.toBool(c.args[index]) }
    return DotNetEnum.ignoresCase(try c.enumValue(index, "comparisonType", .stringComparison))
  }

  // MARK: - UTF-16 helpers

  static func text(_ units: ArraySlice<UInt16>) -> String { String(decoding: units, as: UTF16.self) }
  static func text(_ units: [UInt16]) -> String { String(decoding: units, as: UTF16.self) }

  /// The first position of `needle` in `hay[from..<to]`, ordinal.
  static func find(_ needle: [UInt16], in hay: [UInt16], from: Int, to: Int) -> Int? {
    if needle.isEmpty { return from }
    guard to - from >= needle.count else { return nil }
    let first = needle[0]
    var i = from
    while i + needle.count <= to {
      if hay[i] == first, hay[i..<(i + needle.count)].elementsEqual(needle) { return i }
      i += 1
    }
    return nil
  }

  /// `char.IsWhiteSpace`.
  static func isWhiteSpace(_ u: UInt16) -> Bool {
    guard let scalar = Unicode.Scalar(u) else { return false }
    return scalar.properties.isWhitespace
  }

  /// A code unit's simple lowercase mapping (ordinal ignore-case compares these).
  static func foldCase(_ u: UInt16) -> UInt16 {
    if u < 0x80 { return (u >= 0x41 && u <= 0x5A) ? u + 32 : u }
    guard let scalar = Unicode.Scalar(u) else { return u }
    let mapped = scalar.properties.lowercaseMapping.utf16
    return mapped.count == 1 ? mapped.first ?? u : u
  }

  /// `ToUpperInvariant`/`ToLowerInvariant`: simple (one-to-one) case mapping, so `ß` stays `ß`.
  static func mapCase(_ s: String, upper: Bool) -> String {
    var out = String.UnicodeScalarView()
    for scalar in s.unicodeScalars {
      let m = upper ? scalar.properties.uppercaseMapping : scalar.properties.lowercaseMapping
      let scalars = m.unicodeScalars
      if scalars.count == 1, let only = scalars.first { out.append(only) } else { out.append(scalar) }
    }
    return String(out)
  }

  /// A culture-style comparison (what `CompareTo` and `[string]::Compare` give for ordinary text):
  /// letters compare without case first; among equal strings lowercase sorts before uppercase.
  static func cultureCompare(_ a: String, _ b: String, ignoreCase: Bool) -> Int {
    let x = Array(a.utf16)
    let y = Array(b.utf16)
    let fx = x.map(foldCase)
    let fy = y.map(foldCase)
    if fx != fy {
      for (p, q) in zip(fx, fy) where p != q { return p < q ? -1 : 1 }
      return fx.count < fy.count ? -1 : 1
    }
    if ignoreCase { return 0 }
    for (p, q) in zip(x, y) where p != q { return foldCase(p) == p ? -1 : 1 }
    return 0
  }
}
