import PSLanguage

extension Interpreter {
  // MARK: - Comparing as the object cmdlets do

  /// PowerShell's `ObjectCommandComparer`: `$null` first; numbers numerically; otherwise the
  /// left value's comparison (strings without regard to case unless `caseSensitive`), and when
  /// the values cannot be compared that way, their string forms.
  static func objectCompare(_ a: Value, _ b: Value, caseSensitive: Bool) -> Int {
    if a.isNull { return b.isNull ? 0 : -1 }
    if b.isNull { return 1 }
    if Conversions.isNumeric(a), Conversions.isNumeric(b) { return Comparison.numericCompare(a, b) }
    if case .string(let x) = a { return stringCompare(x, Conversions.toString(b), caseSensitive) }
    if let c = try? Comparison.order(a, b, caseSensitive: caseSensitive) { return c }
    return stringCompare(Conversions.toString(a), Conversions.toString(b), caseSensitive)
  }

  /// Strings as the culture-aware comparer orders them: letters without regard to case first;
  /// case-sensitively, lowercase before uppercase only where that is the sole difference.
  static func stringCompare(_ a: String, _ b: String, _ caseSensitive: Bool) -> Int {
    let c = Comparison.stringOrder(a, b, false)
    if c != 0 || !caseSensitive || a == b { return c }
    for (x, y) in zip(a, b) where x != y { return x.isLowercase ? -1 : 1 }
    return 0
  }

  /// Keys compared in order; the first difference decides.
  static func compareKeys(_ a: [Value], _ b: [Value], caseSensitive: Bool, descending: [Bool]? = nil) -> Int {
    for i in 0..<min(a.count, b.count) {
      var c = objectCompare(a[i], b[i], caseSensitive: caseSensitive)
      if let d = descending, d[i] { c = -c }
      if c != 0 { return c }
    }
    return 0
  }

  /// The `-Property` elements of Sort/Group/Measure/Compare, parsed.
  func propertySpecs(_ v: Value?, keys: PropertySpec.Keys) throws -> [PropertySpec]? {
    guard let v else { return nil }
    var list: [PropertySpec] = []
    for e in v.enumerated ?? [v] { list.append(try PropertySpec.parse(e, keys: keys)) }
    return list
  }

  /// An item's keys for the given properties (the item itself when there are none). Names may
  /// be wildcards: each matching property is a key.
  func keys(_ item: Value, _ specs: [PropertySpec]?) throws -> [Value] {
    guard let specs else { return [item] }
    var out: [Value] = []
    for spec in specs {
      if case .name(let n) = spec.source, WildcardPattern.containsWildcards(n) {
        let pattern = WildcardPattern(n, caseSensitive: false)
        for name in propertyNames(item) where pattern.matches(name) { out.append(try cmdletProperty(item, name) ?? .null) }
        continue
      }
      out.append(try specValue(spec, item) ?? .null)
    }
    return out
  }

  // MARK: - Sort-Object

  /// `Sort-Object`: stable; ascending unless `-Descending` (a hashtable key may say
  /// `Descending`/`Ascending` for itself); `-Unique` keeps the first of equal keys.
  func registerSortObject() {
    defineCollecting(
      "Sort-Object",
      "param([switch]$Descending, [switch]$Unique, [Parameter(ValueFromPipeline)][psobject]$InputObject, [Parameter(Position=0)][object[]]$Property, [string]$Culture, [switch]$CaseSensitive)"
    ) { ctx, input in
      guard let items = input else { return [] }
      let interp = ctx.interpreter
      let specs = try interp.propertySpecs(ctx.value("Property"), keys: .sort)
      let cs = ctx.flag("CaseSensitive")
      let allDescending = ctx.flag("Descending")
      var keyed: [(keys: [Value], index: Int, item: Value)] = []
      for (i, item) in items.enumerated() { keyed.append((try interp.keys(item, specs), i, item)) }
      let width = keyed.first?.keys.count ?? 0
      var directions = Array(repeating: allDescending, count: width)
      if let specs, specs.count == width {
        for (i, s) in specs.enumerated() {
          if let d = s.descending { directions[i] = d }
          if let a = s.ascending { directions[i] = !a }
        }
      }
      keyed.sort { x, y in
        let c = Interpreter.compareKeys(
          x.keys, y.keys, caseSensitive: cs, descending: directions.count == x.keys.count ? directions : nil)
        return c != 0 ? c < 0 : x.index < y.index
      }
      if ctx.flag("Unique") {
        var out: [(keys: [Value], index: Int, item: Value)] = []
        for k in keyed where out.last.map({ Interpreter.compareKeys($0.keys, k.keys, caseSensitive: cs) != 0 }) ?? true {
          out.append(k)
        }
        keyed = out
      }
      return keyed.map(\.item)
    }
    defineAlias("sort", "Sort-Object")
  }

  // MARK: - Group-Object

  /// `Group-Object`: groups in order of first appearance (as 5.1 gives them), each a
  /// `GroupInfo` with Count, Name and Group; `-AsHashTable` gives a table of key → items.
  func registerGroupObject() {
    defineCollecting(
      "Group-Object",
      "param([Parameter(Position=0)][object[]]$Property, [switch]$NoElement, [Parameter(ParameterSetName='HashTable')][Alias('AHT')][switch]$AsHashTable, [Parameter(ParameterSetName='HashTable')][switch]$AsString, [Parameter(ValueFromPipeline)][psobject]$InputObject, [string]$Culture, [switch]$CaseSensitive)"
    ) { ctx, input in
      let interp = ctx.interpreter
      let specs = try interp.propertySpecs(ctx.value("Property"), keys: .group)
      let cs = ctx.flag("CaseSensitive")
      var groups: [(keys: [Value], items: [Value])] = []
      for item in input ?? [] {
        let k = try interp.keys(item, specs)
        if let i = groups.firstIndex(where: { Interpreter.compareKeys($0.keys, k, caseSensitive: cs) == 0 && $0.keys.count == k.count }) {
          groups[i].items.append(item)
        } else {
          groups.append((k, [item]))
        }
      }
      func name(_ keys: [Value]) -> String { keys.map(Conversions.toString).joined(separator: ", ") }
      if ctx.flag("AsHashTable") {
        if groups.isEmpty { return [.null] }
        let table = PSHashtable()
        for g in groups {
          let key: Value = ctx.flag("AsString") || g.keys.count != 1 ? .string(name(g.keys)) : g.keys[0]
          table[key] = .array(PSArray(g.items))
        }
        return [.hashtable(table)]
      }
      return groups.map { g in
        var props: [(name: String, value: Value)] = [("Count", .int32(Int32(g.items.count))), ("Name", .string(name(g.keys)))]
        if !ctx.flag("NoElement") { props.append(("Group", .array(PSArray(g.items)))) }
        let o = PSObject(props)
        o.typeName = ctx.flag("NoElement") ? "Microsoft.PowerShell.Commands.GroupInfoNoElement" : "Microsoft.PowerShell.Commands.GroupInfo"
        return .object(o)
      }
    }
    defineAlias("group", "Group-Object")
  }

  // MARK: - Tee-Object

  /// `Tee-Object`: passes objects on and also keeps them in a variable (set when the command
  /// ends, as a collection) or a file (formatted as on screen). Windows PowerShell 5.1 writes
  /// the file as UTF-16; eflowsh writes UTF-8 without a byte-order mark, as its redirections do.
  func registerTeeObject() {
    defineCmdlet(
      "Tee-Object",
      """
      [CmdletBinding(DefaultParameterSetName='File')]
      param([Parameter(ValueFromPipeline)][psobject]$InputObject,
        [Parameter(ParameterSetName='File', Mandatory, Position=0)][string]$FilePath,
        [Parameter(ParameterSetName='LiteralFile', Mandatory)][Alias('PSPath')][string]$LiteralPath,
        [Parameter(ParameterSetName='File')][switch]$Append,
        [Parameter(ParameterSetName='Variable', Mandatory)][string]$Variable)
      """
    ) {
      var kept: [Value] = []
      return CmdletBody(
        process: { ctx, item in
          guard let item else { return }
          kept.append(item)
          try ctx.emit(item)
        },
        end: { ctx in
          let interp = ctx.interpreter
          if let name = ctx.string("Variable") {
            try interp.setVariable(VariablePath(userPath: name), .array(PSArray(kept)), at: ctx.extent)
            return
          }
          guard let file = ctx.string("FilePath") ?? ctx.string("LiteralPath") else { return }
          let path = interp.resolveFileSystemPath(file)
          do {
            try FileText.write(interp.formatter.format(kept), to: path, append: ctx.flag("Append"))
          } catch {
            throw RuntimeError(
              id: "FileOpenFailure", message: "Could not write to the file '\(path)': \(error.localizedDescription)",
              exceptionType: "System.IO.IOException")
          }
        })
    }
    defineAlias("tee", "Tee-Object")
  }

  // MARK: - Compare-Object

  /// `Compare-Object`: objects only in the difference set (`=>`) as they are found, then those
  /// only in the reference set (`<=`); `-IncludeEqual` adds matches (`==`). As in 5.1,
  /// `-ExcludeDifferent` without `-IncludeEqual` shows nothing. With `-PassThru` the objects
  /// themselves are written, a custom object with a `SideIndicator` property added (eflowsh
  /// cannot attach that note to a string or number, which are written as they are).
  func registerCompareObject() {
    defineCmdlet(
      "Compare-Object",
      """
      param([Parameter(Mandatory, Position=0)][AllowEmptyCollection()][psobject[]]$ReferenceObject,
        [Parameter(Mandatory, Position=1, ValueFromPipeline)][AllowEmptyCollection()][psobject[]]$DifferenceObject,
        [ValidateRange(0, 2147483647)][int]$SyncWindow = 2147483647,
        [object[]]$Property, [switch]$ExcludeDifferent, [switch]$IncludeEqual, [switch]$PassThru,
        [string]$Culture, [switch]$CaseSensitive)
      """
    ) {
      var reference: [(keys: [Value], item: Value)]?
      var specs: [PropertySpec]?
      func output(_ ctx: CmdletContext, _ item: Value, _ keys: [Value], _ side: String) throws {
        if ctx.flag("PassThru") {
          if case .object(let o) = item { o["SideIndicator"] = .string(side) }
          try ctx.emit(item)
          return
        }
        let o = PSObject()
        if let specs {
          for (spec, k) in zip(specs, keys) {
            let label: String
            switch spec.source {
            case .name(let n): label = spec.label ?? n
            case .script(let sb): label = spec.label ?? sb.text
            }
            o[label] = k
          }
        } else {
          o["InputObject"] = item
        }
        o["SideIndicator"] = .string(side)
        try ctx.emit(.object(o))
      }
      return CmdletBody(
        begin: { ctx in
          specs = try ctx.interpreter.propertySpecs(ctx.value("Property"), keys: .group)
          if ctx.value("SyncWindow").flatMap({ Conversions.asInt64($0) }).map({ $0 != 2_147_483_647 }) ?? false {
            throw RuntimeError(
              id: "NotSupported",
              message: "Compare-Object -SyncWindow is not supported by eflowsh: it always compares the whole collections.")
          }
        },
        process: { ctx, _ in
          let interp = ctx.interpreter
          if reference == nil {
            let refs = ctx.value("ReferenceObject").map { $0.enumerated ?? [$0] } ?? []
            reference = try refs.map { (try interp.keys($0, specs), $0) }
          }
          let cs = ctx.flag("CaseSensitive")
          let diffs = ctx.value("DifferenceObject").map { $0.enumerated ?? [$0] } ?? []
          for d in diffs {
            let k = try interp.keys(d, specs)
            if let i = reference!.firstIndex(where: { Interpreter.compareKeys($0.keys, k, caseSensitive: cs) == 0 }) {
              let matched = reference!.remove(at: i)
              if ctx.flag("IncludeEqual") { try output(ctx, matched.item, matched.keys, "==") }
            } else if !ctx.flag("ExcludeDifferent") {
              try output(ctx, d, k, "=>")
            }
          }
        },
        end: { ctx in
          guard !ctx.flag("ExcludeDifferent") else { return }
          for r in reference ?? [] { try output(ctx, r.item, r.keys, "<=") }
        })
    }
    defineAlias("compare", "Compare-Object")
    defineAlias("diff", "Compare-Object")
  }
}
