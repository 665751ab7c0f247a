import PSLanguage

/// A property to select or sort by: a name (wildcards allowed where the cmdlet allows them), a
/// script block, or a calculated property from a hashtable (`@{Name='n'; Expression={…}}`).
struct PropertySpec {
  enum Source {
    case name(String)
    case script(ScriptBlockValue)
  }
  var source: Source
  /// The name the result gets (calculated properties, script blocks).
  var label: String?
  /// Sort-Object's per-key direction (`@{Expression='x'; Descending=$true}`).
  var descending: Bool?
  var ascending: Bool?

  /// The hashtable keys each cmdlet accepts (any unambiguous prefix, as PowerShell allows).
  enum Keys {
    case select  // Name/Label, Expression
    case sort  // Expression, Ascending, Descending
    case group  // Expression
    case measure  // Expression
  }

  /// Parses one `-Property` element; throws PowerShell's errors for bad hashtable keys.
  static func parse(_ v: Value, keys: Keys) throws(RuntimeError) -> PropertySpec {
    switch v {
    case .scriptBlock(let sb):
      return PropertySpec(source: .script(sb), label: sb.text.trimmingCharacters(of: " "))
    case .hashtable(let h):
      var spec = PropertySpec(source: .name(""))
      var expressionLabel: String?
      var haveExpression = false
      for (k, value) in h.entries {
        let key = Conversions.toString(k).lowercased()
        func isPrefix(of word: String) -> Bool { !key.isEmpty && word.hasPrefix(key) }
        if isPrefix(of: "expression") {
          if case .scriptBlock(let sb) = value {
            spec.source = .script(sb)
            expressionLabel = sb.text.trimmingCharacters(of: " ")
          } else {
            let name = Conversions.toString(value)
            spec.source = .name(name)
            expressionLabel = name
          }
          haveExpression = true
          continue
        }
        switch keys {
        case .select:
          if isPrefix(of: "name") || isPrefix(of: "label") {
            if spec.label != nil {
              throw keyError("There are duplicate keys: Name, Label.", id: "DictionaryKeyDuplicate")
            }
            spec.label = Conversions.toString(value)
            continue
          }
        case .sort:
          if isPrefix(of: "ascending") {
            spec.ascending = Conversions.toBool(value)
            continue
          }
          if isPrefix(of: "descending") {
            spec.descending = Conversions.toBool(value)
            continue
          }
        case .group, .measure:
          break
        }
        throw keyError("The \"\(Conversions.toString(k))\" key is not valid.", id: "DictionaryKeyIllegal")
      }
      if !haveExpression {
        throw keyError("The \"Expression\" key is missing.", id: "DictionaryKeyMandatoryEntry")
      }
      if spec.label == nil { spec.label = expressionLabel }
      return spec
    default:
      let name = Conversions.toString(v)
      return PropertySpec(source: .name(name), label: name)
    }
  }

  static func keyError(_ message: String, id: String) -> RuntimeError {
    RuntimeError(id: id, message: message, exceptionType: "System.NotSupportedException")
  }
}

extension Interpreter {
  /// A spec's value for one item: the named property (nil when missing) or the script's output.
  func specValue(_ spec: PropertySpec, _ item: Value) throws -> Value? {
    switch spec.source {
    case .name(let n): return try cmdletProperty(item, n)
    case .script(let sb): return try scriptBlockValue(sb, item: item)
    }
  }

  // MARK: - Select-Object

  /// `Select-Object`: picks properties into new objects typed `Selected.<type>`, expands one
  /// property, or picks objects by position (`-First` stops the commands before it once it has
  /// enough, unless `-Wait`). `-ExcludeProperty` alone selects every other property, as in
  /// PowerShell 7 (5.1 silently ignores it without `-Property`; eflowsh does not ignore
  /// parameters). `-Unique` compares as 5.1 does: case-sensitively, objects by their values.
  func registerSelectObject() {
    defineCmdlet(
      "Select-Object",
      """
      [CmdletBinding(DefaultParameterSetName='DefaultParameter')]
      param([Parameter(ValueFromPipeline)][psobject]$InputObject,
        [Parameter(ParameterSetName='DefaultParameter', Position=0)][Parameter(ParameterSetName='SkipLastParameter', Position=0)][object[]]$Property,
        [Parameter(ParameterSetName='DefaultParameter')][Parameter(ParameterSetName='SkipLastParameter')][string[]]$ExcludeProperty,
        [Parameter(ParameterSetName='DefaultParameter')][Parameter(ParameterSetName='SkipLastParameter')][string]$ExpandProperty,
        [switch]$Unique,
        [Parameter(ParameterSetName='DefaultParameter')][ValidateRange(0, 2147483647)][int]$Last,
        [Parameter(ParameterSetName='DefaultParameter')][ValidateRange(0, 2147483647)][int]$First,
        [Parameter(ParameterSetName='DefaultParameter')][ValidateRange(0, 2147483647)][int]$Skip,
        [Parameter(ParameterSetName='SkipLastParameter')][ValidateRange(0, 2147483647)][int]$SkipLast,
        [Parameter(ParameterSetName='IndexParameter')][Parameter(ParameterSetName='DefaultParameter')][switch]$Wait,
        [Parameter(ParameterSetName='IndexParameter')][ValidateRange(0, 2147483647)][int[]]$Index)
      """
    ) {
      var specs: [PropertySpec]?
      var exclude: [WildcardPattern] = []
      var seen: [Value] = []
      var position = 0
      var skipped = 0
      var taken = 0
      var tail: [Value] = []
      var done = false
      func int(_ ctx: CmdletContext, _ name: String) -> Int? {
        ctx.value(name).flatMap { Conversions.asInt64($0) }.map { Int($0) }
      }
      return CmdletBody(
        begin: { ctx in
          exclude = (ctx.value("ExcludeProperty").map { $0.enumerated ?? [$0] } ?? []).map {
            WildcardPattern(Conversions.toString($0), caseSensitive: false)
          }
          if let p = ctx.value("Property") {
            var list: [PropertySpec] = []
            for v in p.enumerated ?? [p] { list.append(try PropertySpec.parse(v, keys: .select)) }
            specs = list
          } else if !exclude.isEmpty {
            specs = [PropertySpec(source: .name("*"), label: "*")]
          }
        },
        process: { ctx, item in
          guard let item, !done else { return }
          let interp = ctx.interpreter
          let wait = ctx.flag("Wait")
          if let indexes = ctx.value("Index") {
            let wanted = (indexes.enumerated ?? [indexes]).compactMap { Conversions.asInt64($0) }.map { Int($0) }
            defer { position += 1 }
            if wanted.contains(position) { try ctx.emit(item) }
            if !wait, let last = wanted.max(), position >= last {
              done = true
              throw ctx.stopUpstream()
            }
            return
          }
          var outputs: [Value] = []
          if let expand = ctx.string("ExpandProperty") {
            outputs = try interp.expandProperty(item, expand, specs: specs, exclude: exclude, ctx: ctx)
          } else if let specs {
            outputs = [try interp.selectProperties(item, specs, exclude: exclude, ctx: ctx)]
          } else {
            outputs = [item]
          }
          for out in outputs {
            if ctx.flag("Unique") {
              if seen.contains(where: { Interpreter.selectUniqueEquals($0, out) }) { continue }
              seen.append(out)
            }
            let first = int(ctx, "First")
            let last = int(ctx, "Last")
            let skip = int(ctx, "Skip") ?? 0
            if let skipLast = int(ctx, "SkipLast") {
              tail.append(out)
              if tail.count > skipLast { try ctx.emit(tail.removeFirst()) }
              continue
            }
            if let last {
              if let first, taken < first {
                taken += 1
                try ctx.emit(out)
                continue
              }
              tail.append(out)
              if tail.count > last + skip { tail.removeFirst() }
              continue
            }
            if skipped < skip {
              skipped += 1
              continue
            }
            if let first {
              if taken >= first {
                if wait { continue }
                done = true
                throw ctx.stopUpstream()
              }
              taken += 1
              try ctx.emit(out)
              if taken >= first, !wait {
                done = true
                throw ctx.stopUpstream()
              }
              continue
            }
            try ctx.emit(out)
          }
        },
        end: { ctx in
          if let last = int(ctx, "Last") {
            let skip = int(ctx, "Skip") ?? 0
            let kept = Array(tail.dropLast(skip).suffix(last))
            tail = []
            try ctx.output.append(contentsOf: kept)
          }
          tail = []
        })
    }
    defineAlias("select", "Select-Object")
  }

  /// `Select-Object -Unique`: values compare case-sensitively; selected objects by their
  /// property values.
  static func selectUniqueEquals(_ a: Value, _ b: Value) -> Bool {
    if case .object(let x) = a, case .object(let y) = b {
      if x === y { return true }
      let (xs, ys) = (x.propertyValues, y.propertyValues)
      guard xs.count == ys.count else { return false }
      for (p, q) in zip(xs, ys) {
        guard p.name.caseInsensitiveEquals(q.name), Comparison.equals(p.value, q.value, caseSensitive: true) else {
          return false
        }
      }
      return true
    }
    return Comparison.equals(a, b, caseSensitive: true)
  }

  /// The new object `Select-Object -Property` makes from one input object.
  func selectProperties(_ item: Value, _ specs: [PropertySpec], exclude: [WildcardPattern], ctx: CmdletContext) throws
    -> Value
  {
    let result = PSObject()
    result.typeName = "Selected." + psTypeName(item)
    func add(_ name: String, _ value: Value) throws {
      if result[name] != nil {
        try ctx.writeError(
          ErrorRecord(
            exceptionType: "System.Management.Automation.PSArgumentException",
            message: "The property cannot be processed because the property \"\(name)\" already exists.",
            errorId: "AlreadyExistingUserSpecifiedPropertyNoExpand", category: .invalidOperation, targetObject: item))
        return
      }
      result[name] = value
    }
    for spec in specs {
      switch spec.source {
      case .name(let n) where spec.label == n && WildcardPattern.containsWildcards(n):
        let pattern = WildcardPattern(n, caseSensitive: false)
        for name in propertyNames(item) where pattern.matches(name) {
          if exclude.contains(where: { $0.matches(name) }) { continue }
          try add(name, try cmdletProperty(item, name) ?? .null)
        }
      case .name(let n):
        if exclude.contains(where: { $0.matches(spec.label ?? n) }) { continue }
        let canonical = propertyNames(item).first { $0.caseInsensitiveEquals(n) } ?? n
        try add(spec.label == n ? canonical : (spec.label ?? n), try cmdletProperty(item, n) ?? .null)
      case .script(let sb):
        let label = spec.label ?? sb.text
        if exclude.contains(where: { $0.matches(label) }) { continue }
        try add(label, try scriptBlockValue(sb, item: item))
      }
    }
    return .object(result)
  }

  /// `Select-Object -ExpandProperty`: the property's value, enumerated; with `-Property`, the
  /// selected properties are added to each expanded object as PowerShell adds them.
  func expandProperty(_ item: Value, _ name: String, specs: [PropertySpec]?, exclude: [WildcardPattern], ctx: CmdletContext)
    throws -> [Value]
  {
    let pattern = WildcardPattern(name, caseSensitive: false)
    let matches = WildcardPattern.containsWildcards(name) ? propertyNames(item).filter { pattern.matches($0) } : [name]
    if matches.count > 1 {
      try ctx.writeError(
        ErrorRecord(
          exceptionType: "System.Management.Automation.PSArgumentException", message: "Multiple properties cannot be expanded.",
          errorId: "MutlipleExpandProperties", category: .invalidArgument, targetObject: item))
      return []
    }
    guard let key = matches.first, let value = try cmdletProperty(item, key) else {
      try ctx.writeError(
        ErrorRecord(
          exceptionType: "System.Management.Automation.PSArgumentException", message: "Property \"\(name)\" cannot be found.",
          errorId: "ExpandPropertyNotFound", category: .invalidArgument, targetObject: item))
      return []
    }
    let values = value.enumerated ?? [value]
    guard let specs else { return values }
    guard case .object(let extra) = try selectProperties(item, specs, exclude: exclude, ctx: ctx) else { return values }
    for v in values {
      guard case .object(let o) = v else {
        throw RuntimeError(
          id: "NotSupported",
          message:
            "Select-Object -Property with -ExpandProperty adds properties to expanded values only when they are objects; eflowsh cannot add properties to a \(v.typeName).")
      }
      for p in extra.properties {
        if o[p.name] != nil {
          try ctx.writeError(
            ErrorRecord(
              exceptionType: "System.Management.Automation.PSArgumentException",
              message: "The property cannot be processed because the property \"\(p.name)\" already exists.",
              errorId: "AlreadyExistingUserSpecifiedPropertyExpand", category: .invalidOperation, targetObject: v))
          continue
        }
        o[p.name] = p.value
      }
    }
    return values
  }
}
