import FoundationEssentials

/// Members of `[DateTime]`, `[TimeSpan]` and `[Guid]` values and their types.
///
/// `DayOfWeek` reads as the day's name (enums are strings in eflowsh). Local time is UTC on the
/// simulated host (see DateTimeValue).
extension Members {
  // MARK: - DateTime

  static func dateTimeProperty(_ d: DateTimeValue, _ key: String) -> Value? {
    let p = d.parts
    switch key {
    case "year": return .int32(Int32(p.year))
    case "month": return .int32(Int32(p.month))
    case "day": return .int32(Int32(p.day))
    case "hour": return .int32(Int32(p.hour))
    case "minute": return .int32(Int32(p.minute))
    case "second": return .int32(Int32(p.second))
    case "millisecond": return .int32(Int32(p.ticks / 10_000))
    case "dayofweek": return .string(DateTimeValue.dayOfWeekNames[d.dayOfWeek])
    case "dayofyear":
      let start = DateTimeValue.dayNumber(year: p.year, month: 1, day: 1)
      return .int32(Int32(Int(d.ticks / DateTimeValue.ticksPerDay) - start + 1))
    case "date": return .dateTime(d.date)
    case "timeofday": return .timeSpan(d.ticks % DateTimeValue.ticksPerDay)
    case "ticks": return .int64(d.ticks)
    case "kind":
      switch d.kind {
      case .unspecified: return .string("Unspecified")
      case .utc: return .string("Utc")
      case .local: return .string("Local")
      }
    default: return nil
    }
  }

  static func dateTimeMethod(_ d: DateTimeValue, _ key: String, _ c: MethodCall) throws(RuntimeError) -> Value? {
    func add(_ unit: Int64) throws(RuntimeError) -> Value {
      try c.arity(1)
      let amount = try c.double(0, "value")
      guard let t = TimeSpanValue.ticks(amount, unit: unit), let r = d.adding(ticks: t) else {
        throw c.outOfRange(
          "The added or subtracted value results in an un-representable DateTime.", "value")
      }
      return .dateTime(r)
    }
    switch key {
    case "addseconds": return try add(DateTimeValue.ticksPerSecond)
    case "addminutes": return try add(DateTimeValue.ticksPerMinute)
    case "addhours": return try add(DateTimeValue.ticksPerHour)
    case "adddays": return try add(DateTimeValue.ticksPerDay)
    case "addmilliseconds": return try add(DateTimeValue.ticksPerMillisecond)
    case "addmonths", "addyears":
      try c.arity(1)
      let n = try c.int(0, key == "addmonths" ? "months" : "value")
      let p = d.parts
      let months = p.year * 12 + (p.month - 1) + (key == "addmonths" ? n : n * 12)
      let (year, month) = (months / 12, months % 12 + 1)
      guard months >= 12, year <= 9999,
        let shifted = DateTimeValue(
          year: year, month: month, day: min(p.day, DateTimeValue.daysInMonth(year: year, month: month)),
          kind: d.kind)
      else {
        throw c.outOfRange("The added or subtracted value results in an un-representable DateTime.", "months")
      }
      return .dateTime(DateTimeValue(ticks: shifted.ticks + d.ticks % DateTimeValue.ticksPerDay, kind: d.kind))
    case "addticks":
      try c.arity(1)
      guard case .int64(let t) = try Conversions.convert(c.args[0], to: .int64), let r = d.adding(ticks: t) else {
        throw c.outOfRange("The added or subtracted value results in an un-representable DateTime.", "value")
      }
      return .dateTime(r)
    case "add":
      try c.arity(1)
      guard case .timeSpan(let t) = try Conversions.convert(c.args[0], to: .timeSpan), let r = d.adding(ticks: t) else {
        throw c.outOfRange("The added or subtracted value results in an un-representable DateTime.", "value")
      }
      return .dateTime(r)
    case "subtract":
      try c.arity(1)
      switch c.args[0] {
      case .dateTime(let other): return .timeSpan(d.ticks - other.ticks)
      default:
        guard case .timeSpan(let t) = try Conversions.convert(c.args[0], to: .timeSpan), let r = d.adding(ticks: -t)
        else {
          throw c.outOfRange("The added or subtracted value results in an un-representable DateTime.", "value")
        }
        return .dateTime(r)
      }
    case "touniversaltime":
      try c.arity(0)
      return .dateTime(DateTimeValue(ticks: d.ticks, kind: .utc))
    case "tolocaltime":
      try c.arity(0)
      return .dateTime(DateTimeValue(ticks: d.ticks, kind: .local))
    case "tostring":
      try c.arity(0...2)
      let format = c.count > 0 ? c.string(0) : nil
      do {
        return .string(try DateFormat.format(d.parts, format))
      } catch {
        throw c.exception("FormatException", error.message)
      }
    case "compareto":
      try c.arity(1)
      guard case .dateTime(let o) = c.args[0] else {
        if c.args[0].isNull { return .int32(1) }
        throw c.exception("ArgumentException", "Object must be of type DateTime.")
      }
      return sign(d.ticks < o.ticks ? -1 : (d.ticks > o.ticks ? 1 : 0))
    default:
      return nil
    }
  }

  // MARK: - TimeSpan

  static func timeSpanProperty(_ t: Int64, _ key: String) -> Value? {
    let d = Double(t)
    switch key {
    case "ticks": return .int64(t)
    case "days": return .int32(Int32(t / DateTimeValue.ticksPerDay))
    case "hours": return .int32(Int32(t / DateTimeValue.ticksPerHour % 24))
    case "minutes": return .int32(Int32(t / DateTimeValue.ticksPerMinute % 60))
    case "seconds": return .int32(Int32(t / DateTimeValue.ticksPerSecond % 60))
    case "milliseconds": return .int32(Int32(t / DateTimeValue.ticksPerMillisecond % 1000))
    case "totaldays": return .double(d / Double(DateTimeValue.ticksPerDay))
    case "totalhours": return .double(d / Double(DateTimeValue.ticksPerHour))
    case "totalminutes": return .double(d / Double(DateTimeValue.ticksPerMinute))
    case "totalseconds": return .double(d / Double(DateTimeValue.ticksPerSecond))
    case "totalmilliseconds": return .double(d / Double(DateTimeValue.ticksPerMillisecond))
    default: return nil
    }
  }

  static func timeSpanMethod(_ t: Int64, _ key: String, _ c: MethodCall) throws(RuntimeError) -> Value? {
    func other() throws(RuntimeError) -> Int64 {
      try c.arity(1)
      guard case .timeSpan(let o) = try Conversions.convert(c.args[0], to: .timeSpan) else { return 0 }
      return o
    }
    switch key {
    case "tostring":
      try c.arity(0...2)
      let format = c.count > 0 ? c.string(0) : nil
      do {
        return .string(try DateFormat.formatTimeSpan(t, format))
      } catch {
        throw c.exception("FormatException", error.message)
      }
    case "add":
      let (r, o) = t.addingReportingOverflow(try other())
      if o { throw c.exception("OverflowException", "TimeSpan overflowed because the duration is too long.") }
      return .timeSpan(r)
    case "subtract":
      let (r, o) = t.subtractingReportingOverflow(try other())
      if o { throw c.exception("OverflowException", "TimeSpan overflowed because the duration is too long.") }
      return .timeSpan(r)
    case "negate":
      try c.arity(0)
      return .timeSpan(-t)
    case "duration":
      try c.arity(0)
      return .timeSpan(t < 0 ? -t : t)
    case "compareto":
      let o = try other()
      return sign(t < o ? -1 : (t > o ? 1 : 0))
    default:
      return nil
    }
  }

  // MARK: - Guid

  static func guidMethod(_ g: UUID, _ key: String, _ c: MethodCall) throws(RuntimeError) -> Value? {
    switch key {
    case "tostring":
      try c.arity(0...1)
      let s = g.uuidString.lowercased()
      switch c.count > 0 ? (c.string(0) ?? "") : "" {
      case "", "D", "d": return .string(s)
      case "N", "n": return .string(s.filter { $0 != "-" })
      case "B", "b": return .string("{" + s + "}")
      case "P", "p": return .string("(" + s + ")")
      default:
        throw c.exception(
          "FormatException", "Format string can be only \"D\", \"d\", \"N\", \"n\", \"P\", \"p\", \"B\", \"b\", \"X\" or \"x\".")
      }
    default:
      return nil
    }
  }

  // MARK: - Statics

  static func dateTimeStaticProperty(_ key: String) -> Value? {
    switch key {
    case "now": return .dateTime(.now)
    case "utcnow": return .dateTime(.utcNow)
    case "today": return .dateTime(.today)
    case "minvalue": return .dateTime(DateTimeValue(ticks: 0))
    case "maxvalue": return .dateTime(DateTimeValue(ticks: DateTimeValue.maxTicks))
    default: return nil
    }
  }

  static func dateTimeStaticMethod(_ key: String, _ c: MethodCall) throws(RuntimeError) -> Value? {
    switch key {
    case "parse":
      try c.arity(1...2)
      guard let s = c.string(0) else { throw c.nullArgument("s") }
      guard let d = DateTimeValue.parse(s) else {
        throw c.exception("FormatException", "String '\(s)' was not recognized as a valid DateTime.")
      }
      return .dateTime(d)
    case "tryparse":
      try c.arity(2)
      let ref = try c.reference(1)
      let d = c.string(0).flatMap(DateTimeValue.parse)
      ref.value = .dateTime(d ?? DateTimeValue(ticks: 0))
      return .bool(d != nil)
    case "new":
      try c.arity(3...6)
      var n: [Int] = []
      for i in 0..<c.count { n.append(try c.int(i, ["year", "month", "day", "hour", "minute", "second"][i])) }
      while n.count < 6 { n.append(0) }
      guard let d = DateTimeValue(year: n[0], month: n[1], day: n[2], hour: n[3], minute: n[4], second: n[5]) else {
        throw c.outOfRange("Year, Month, and Day parameters describe an un-representable DateTime.", "")
      }
      return .dateTime(d)
    case "daysinmonth":
      try c.arity(2)
      let y = try c.int(0, "year")
      let m = try c.int(1, "month")
      guard (1...12).contains(m) else { throw c.outOfRange("Month must be between one and twelve.", "month") }
      return .int32(Int32(DateTimeValue.daysInMonth(year: y, month: m)))
    case "isleapyear":
      try c.arity(1)
      let y = try c.int(0, "year")
      return .bool(DateTimeValue.daysInMonth(year: y, month: 2) == 29)
    default:
      return nil
    }
  }

  static func timeSpanStaticProperty(_ key: String) -> Value? {
    switch key {
    case "zero": return .timeSpan(0)
    case "maxvalue": return .timeSpan(Int64.max)
    case "minvalue": return .timeSpan(Int64.min)
    default: return nil
    }
  }

  static func timeSpanStaticMethod(_ key: String, _ c: MethodCall) throws(RuntimeError) -> Value? {
    let units: [String: Int64] = [
      "fromseconds": DateTimeValue.ticksPerSecond, "fromminutes": DateTimeValue.ticksPerMinute,
      "fromhours": DateTimeValue.ticksPerHour, "fromdays": DateTimeValue.ticksPerDay,
      "frommilliseconds": DateTimeValue.ticksPerMillisecond,
    ]
    if let unit = units[key] {
      try c.arity(1)
      let amount = try c.double(0, "value")
      if amount.isNaN { throw c.exception("ArgumentException", "TimeSpan does not accept floating point Not-a-Number values.") }
      guard let t = TimeSpanValue.ticks(amount, unit: unit) else {
        throw c.exception("OverflowException", "TimeSpan overflowed because the duration is too long.")
      }
      return .timeSpan(t)
    }
    switch key {
    case "fromticks":
      try c.arity(1)
      guard case .int64(let t) = try Conversions.convert(c.args[0], to: .int64) else { return nil }
      return .timeSpan(t)
    case "parse":
      try c.arity(1...2)
      guard let s = c.string(0) else { throw c.nullArgument("input") }
      guard let t = TimeSpanValue.parse(s) else {
        throw c.exception("FormatException", "String '\(s)' was not recognized as a valid TimeSpan.")
      }
      return .timeSpan(t)
    case "new":
      try c.arity(1...5)
      if c.count == 1 { return try timeSpanStaticMethod("fromticks", c) }
      var n: [Int64] = []
      for i in 0..<c.count { n.append(Int64(try c.int(i, "value"))) }
      let (d, h, m, s, ms): (Int64, Int64, Int64, Int64, Int64) =
        switch n.count {
        case 3: (0, n[0], n[1], n[2], 0)
        case 4: (n[0], n[1], n[2], n[3], 0)
        case 5: (n[0], n[1], n[2], n[3], n[4])
        default: throw c.noOverload
        }
      return .timeSpan(
        d * DateTimeValue.ticksPerDay + h * DateTimeValue.ticksPerHour + m * DateTimeValue.ticksPerMinute + s
          * DateTimeValue.ticksPerSecond + ms * DateTimeValue.ticksPerMillisecond)
    default:
      return nil
    }
  }
}
