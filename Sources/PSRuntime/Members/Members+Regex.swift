/// `[regex]`: a regular expression object (`[regex]'^\d+$'`) and `[regex]::Match/IsMatch/…`.
///
/// A regex value is a PSObject typed `System.Text.RegularExpressions.Regex` whose string is its
/// pattern; a match is a `Match` object with `Success`, `Value`, `Index`, `Length` and `Groups`.
/// .NET's `Regex` matches case-sensitively by default (unlike `-match`), and so do these.
extension Members {
  static let regexTypeName = "System.Text.RegularExpressions.Regex"

  /// `[regex]'pattern'`.
  public static func makeRegexObject(_ pattern: String) throws(RuntimeError) -> Value {
    _ = try compile(pattern, MethodCall(".ctor", [.string(pattern)]))
    let o = PSObject([("Options", .string("None"))])
    o.typeName = regexTypeName
    o.stringValue = pattern
    return .object(o)
  }

  static func compile(_ pattern: String, _ c: MethodCall) throws(RuntimeError) -> DotNetRegex {
    do {
      return try DotNetRegex.cached(pattern, caseSensitive: true)
    } catch {
      throw c.exception("ArgumentException", "Invalid pattern '\(pattern)': \(error.message)")
    }
  }

  /// Methods of a regex object.
  static func regexObjectMethod(_ pattern: String, _ key: String, _ c: MethodCall) throws(RuntimeError) -> Value? {
    try regexOperation(pattern, key, [.string(pattern)] + c.args, c, instance: true)
  }

  /// `[regex]::Method(input, pattern, …)`.
  static func regexStaticMethod(_ key: String, _ c: MethodCall) throws(RuntimeError) -> Value? {
    if key == "escape" {
      try c.arity(1)
      return .string(DotNetRegex.escape(Conversions.toString(c.args[0])))
    }
    guard c.count >= 2 else { throw c.noOverload }
    // Statics take (input, pattern, …); put the pattern first like the instance form.
    let args = [c.args[1], c.args[0]] + c.args.dropFirst(2)
    return try regexOperation(Conversions.toString(c.args[1]), key, args, c, instance: false)
  }

  /// The shared body: `args` is (pattern, input, extra…).
  static func regexOperation(_ pattern: String, _ key: String, _ args: [Value], _ c: MethodCall, instance: Bool) throws(
    RuntimeError
  ) -> Value? {
    let regex = try compile(pattern, c)
    guard args.count >= 2 else { throw c.noOverload }
    let input = Conversions.toString(args[1])
    switch key {
    case "ismatch":
      return .bool(regex.isMatch(input))
    case "match":
      return matchObject(regex.firstMatch(in: input), in: input)
    case "matches":
      return .array(PSArray(regex.matches(in: input).map { matchObject($0, in: input) }))
    case "replace":
      guard args.count == 3 else { throw c.noOverload }
      return .string(regex.replace(in: input, with: Conversions.toString(args[2])))
    case "split":
      return .array(PSArray(regex.split(input).map { .string($0) }))
    default:
      return nil
    }
  }

  /// A `System.Text.RegularExpressions.Match` object (or the failed match .NET returns).
  static func matchObject(_ m: RegexMatch?, in input: String) -> Value {
    func offset(_ r: Range<String.Index>?) -> (Int32, Int32) {
      guard let r else { return (0, 0) }
      let start = input.utf16.distance(from: input.startIndex, to: r.lowerBound)
      let length = input.utf16.distance(from: r.lowerBound, to: r.upperBound)
      return (Int32(start), Int32(length))
    }
    guard let m else {
      let failed = PSObject([
        ("Success", .bool(false)), ("Value", .string("")), ("Index", .int32(0)), ("Length", .int32(0)),
        ("Groups", .array(PSArray())),
      ])
      failed.typeName = "System.Text.RegularExpressions.Match"
      failed.stringValue = ""
      return .object(failed)
    }
    let groups: [Value] = m.groups.map { g in
      let (i, l) = offset(g.range)
      let o = PSObject([
        ("Name", .string(g.key)), ("Success", .bool(g.success)), ("Value", .string(g.value ?? "")),
        ("Index", .int32(i)), ("Length", .int32(l)),
      ])
      o.typeName = "System.Text.RegularExpressions.Group"
      o.stringValue = g.value ?? ""
      return .object(o)
    }
    let (i, l) = offset(m.range)
    let o = PSObject([
      ("Success", .bool(true)), ("Value", .string(m.value)), ("Index", .int32(i)), ("Length", .int32(l)),
      ("Groups", .array(PSArray(groups))),
    ])
    o.typeName = "System.Text.RegularExpressions.Match"
    o.stringValue = m.value
    return .object(o)
  }
}
