import PSLanguage

extension Interpreter {
  /// `Measure-Object`: counts, and with `-Sum -Average -Maximum -Minimum` the statistics of the
  /// objects or of each `-Property`, as a `GenericMeasureInfo` (Count, Average, Sum, Maximum,
  /// Minimum, Property; statistics not asked for are `$null`); `-Line -Word -Character` measure
  /// text as a `TextMeasureInfo`. Sum and Average are doubles as in 5.1; Maximum and Minimum are
  /// doubles when every value is a number, else the greatest or least value itself.
  func registerMeasureObject() {
    defineCollecting(
      "Measure-Object",
      """
      [CmdletBinding(DefaultParameterSetName='GenericMeasure')]
      param([Parameter(ValueFromPipeline)][psobject]$InputObject,
        [Parameter(Position=0)][ValidateNotNullOrEmpty()][string[]]$Property,
        [Parameter(ParameterSetName='GenericMeasure')][switch]$Sum,
        [Parameter(ParameterSetName='GenericMeasure')][switch]$Average,
        [Parameter(ParameterSetName='GenericMeasure')][switch]$Maximum,
        [Parameter(ParameterSetName='GenericMeasure')][switch]$Minimum,
        [Parameter(ParameterSetName='TextMeasure')][switch]$Line,
        [Parameter(ParameterSetName='TextMeasure')][switch]$Word,
        [Parameter(ParameterSetName='TextMeasure')][switch]$Character,
        [Parameter(ParameterSetName='TextMeasure')][switch]$IgnoreWhiteSpace)
      """
    ) { ctx, input in
      let interp = ctx.interpreter
      let items = input ?? []
      let names: [String?] = ctx.value("Property").map { p in (p.enumerated ?? [p]).map { Conversions.toString($0) } } ?? [nil]
      let text = ctx.flag("Line") || ctx.flag("Word") || ctx.flag("Character")
      var results: [Value] = []
      for name in names {
        // The values measured: the objects, or the property of each object that has it.
        var values: [Value] = []
        var found = false
        for item in items {
          if let name {
            guard let v = try interp.cmdletProperty(item, name) else { continue }
            found = true
            values.append(v)
          } else {
            values.append(item)
          }
        }
        if let name, !found, !items.isEmpty {
          try ctx.writeError(
            ErrorRecord(
              exceptionType: "System.Management.Automation.PSArgumentException",
              message: "The property \"\(name)\" cannot be found in the input for any objects.",
              errorId: "GenericMeasurePropertyNotFound", category: .invalidArgument, targetObject: .string(name)))
          continue
        }
        if text {
          results.append(try interp.measureText(values, name, ctx))
        } else {
          results.append(try interp.measureGeneric(values, name, ctx))
        }
      }
      return results
    }
    defineAlias("measure", "Measure-Object")
  }

  func measureGeneric(_ values: [Value], _ name: String?, _ ctx: CmdletContext) throws -> Value {
    let wantSum = ctx.flag("Sum")
    let wantAverage = ctx.flag("Average")
    let wantMax = ctx.flag("Maximum")
    let wantMin = ctx.flag("Minimum")
    var count = 0
    var sum = 0.0
    var maximum: Value?
    var minimum: Value?
    var allNumeric = true
    for v in values {
      // $null objects are not counted when a statistic is measured (5.1 skips them).
      if v.isNull, wantSum || wantAverage || wantMax || wantMin { continue }
      count += 1
      if wantSum || wantAverage {
        guard let n = try? Conversions.convertNumericLoose(v) else {
          try ctx.writeError(
            ErrorRecord(
              exceptionType: "System.Management.Automation.PSInvalidOperationException",
              message: "Input object \"\(Conversions.toString(v))\" is not numeric.", errorId: "NonNumericInputObject",
              category: .invalidType, targetObject: v))
          count -= 1
          continue
        }
        sum += Conversions.asDouble(n)
      }
      if wantMax || wantMin {
        let n = try? Conversions.convertNumericLoose(v)
        if n == nil { allNumeric = false }
        let candidate = n ?? v
        if wantMax, maximum.map({ Interpreter.objectCompare(candidate, $0, caseSensitive: false) > 0 }) ?? true {
          maximum = candidate
        }
        if wantMin, minimum.map({ Interpreter.objectCompare(candidate, $0, caseSensitive: false) < 0 }) ?? true {
          minimum = candidate
        }
      }
    }
    func extreme(_ v: Value?) -> Value {
      guard let v else { return .null }
      return allNumeric ? .double(Conversions.asDouble(v)) : v
    }
    let info = PSObject([
      ("Count", .int32(Int32(count))),
      ("Average", wantAverage && count > 0 ? .double(sum / Double(count)) : .null),
      ("Sum", wantSum ? .double(sum) : .null),
      ("Maximum", wantMax ? extreme(maximum) : .null),
      ("Minimum", wantMin ? extreme(minimum) : .null),
      ("Property", name.map { .string($0) } ?? .null),
    ])
    info.typeName = "Microsoft.PowerShell.Commands.GenericMeasureInfo"
    return .object(info)
  }

  func measureText(_ values: [Value], _ name: String?, _ ctx: CmdletContext) throws -> Value {
    var lines = 0
    var words = 0
    var characters = 0
    let ignoreSpace = ctx.flag("IgnoreWhiteSpace")
    for v in values where !v.isNull {
      let s = Conversions.toString(v)
      // Lines: each object is at least one line; embedded newlines add more.
      lines += s.split(separator: "\n", omittingEmptySubsequences: false).count
      words += s.split(whereSeparator: { $0.isWhitespace }).count
      characters += ignoreSpace ? s.filter { !$0.isWhitespace }.count : s.count
    }
    let info = PSObject([
      ("Lines", ctx.flag("Line") ? .int32(Int32(lines)) : .null),
      ("Words", ctx.flag("Word") ? .int32(Int32(words)) : .null),
      ("Characters", ctx.flag("Character") ? .int32(Int32(characters)) : .null),
      ("Property", name.map { .string($0) } ?? .null),
    ])
    info.typeName = "Microsoft.PowerShell.Commands.TextMeasureInfo"
    return .object(info)
  }
}
