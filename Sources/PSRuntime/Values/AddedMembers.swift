/// A member Add-Member gives an object besides note properties. Their values are computed when
/// read, so they live apart from `PSObject.properties`: a plain object pays one nil check for
/// them, and only after its note properties missed.
public enum AddedMember {
  /// Another property under a second name; `conversion` is the type its value is converted to.
  case alias(target: String, conversion: PSType?)
  /// Script blocks run with `$this` as the object; the setter gets the new value as `$args[0]`.
  case scriptProperty(getter: ScriptBlockValue?, setter: ScriptBlockValue?)
  /// `$o.Name(args)`: the block runs with `$this` and `$args`.
  case scriptMethod(ScriptBlockValue)

  public var memberType: String {
    switch self {
    case .alias: return "AliasProperty"
    case .scriptProperty: return "ScriptProperty"
    case .scriptMethod: return "ScriptMethod"
    }
  }

  var isProperty: Bool {
    if case .scriptMethod = self { return false }
    return true
  }
}

/// Runs the script blocks of added members. The interpreter that added them provides it; the
/// member layer (`Members`) has no interpreter of its own.
public protocol ScriptMemberRunner: AnyObject {
  /// The block's output (one value alone, several as an array), with `$this` and `$args` set.
  /// Errors are returned as PowerShell wraps them for `member` (`Exception getting "c": …`).
  func runMember(_ block: ScriptBlockValue, this: Value, args: [Value], for use: ScriptMemberUse) throws(RuntimeError)
    -> Value
}

/// Why a member's block runs, for the error PowerShell wraps a failure in.
public enum ScriptMemberUse {
  case get(String)
  case set(String)
  case call(String)
}

/// An object's added members, with the order of all its properties (notes included) so that
/// listings show them in the order they were added, as PowerShell does.
public final class AddedMembers {
  var members: [(name: String, member: AddedMember)] = []
  /// Every property name (note, alias, script) in the order added.
  var order: [String]
  weak var runner: ScriptMemberRunner?

  init(notes: [String], runner: ScriptMemberRunner?) {
    order = notes
    self.runner = runner
  }

  func member(_ name: String) -> AddedMember? {
    members.first { $0.name.caseInsensitiveEquals(name) }?.member
  }
}

extension PSObject {
  /// Adds (or, after `removeMember`, replaces) a member that is not a note property.
  public func addMember(_ name: String, _ member: AddedMember, runner: ScriptMemberRunner) {
    let added = addedMembers ?? AddedMembers(notes: properties.map(\.name), runner: runner)
    added.runner = runner
    added.members.append((name, member))
    if member.isProperty { added.order.append(name) }
    addedMembers = added
  }

  /// The member of that name, note or added, if any (for `-Force` and the "already exists" check).
  public func hasMember(_ name: String) -> Bool {
    self[name] != nil || addedMembers?.member(name) != nil
  }

  /// Removes a member of any kind (Add-Member `-Force` replacing it).
  public func removeMember(_ name: String) {
    self[name] = nil
    guard let added = addedMembers else { return }
    added.members.removeAll { $0.name.caseInsensitiveEquals(name) }
    added.order.removeAll { $0.caseInsensitiveEquals(name) }
  }

  /// The added member of that name (alias, script property or method).
  public func addedMember(_ name: String) -> AddedMember? { addedMembers?.member(name) }

  /// The added members in the order added, for Get-Member.
  public var addedMemberList: [(name: String, member: AddedMember)] { addedMembers?.members ?? [] }

  /// An alias or script property's value; nil when there is no such property. Note properties
  /// are read with the subscript first: this is only for the names that missed there.
  public func addedPropertyValue(_ name: String) throws(RuntimeError) -> Value? {
    guard let added = addedMembers, let m = added.member(name) else { return nil }
    return try value(of: name, m, added, visiting: [])
  }

  private func value(of name: String, _ m: AddedMember, _ added: AddedMembers, visiting: Set<String>) throws(RuntimeError)
    -> Value
  {
    switch m {
    case .alias(let target, let conversion):
      let key = target.lowercased()
      var v: Value
      if let note = self[target] {
        v = note
      } else if let next = added.member(target), next.isProperty {
        // An alias of an alias: PowerShell refuses a cycle rather than looping.
        guard !visiting.contains(key) else {
          throw RuntimeError(
            id: "CycleInAliasLookup", message: "The alias \"\(name)\" cannot be resolved because it refers to itself.",
            exceptionType: "System.Management.Automation.ExtendedTypeSystemException")
        }
        v = try value(of: target, next, added, visiting: visiting.union([key]))
      } else {
        throw RuntimeError(
          id: "AliasLookupMemberNotPresent", message: "The member \"\(target)\" is not present.",
          exceptionType: "System.Management.Automation.ExtendedTypeSystemException")
      }
      if let conversion { v = try Conversions.convert(v, to: conversion) }
      return v
    case .scriptProperty(let getter, _):
      guard let getter else {
        throw RuntimeError(
          id: "GetWithoutGetterFromScriptPropertyValue", message: "Get accessor for property \"\(name)\" is unavailable.",
          exceptionType: "System.Management.Automation.GetValueException")
      }
      return try runner(added).runMember(getter, this: .object(self), args: [], for: .get(name))
    case .scriptMethod:
      return .null
    }
  }

  /// Sets an alias or script property; false when there is no such property.
  public func setAddedProperty(_ name: String, _ newValue: Value) throws(RuntimeError) -> Bool {
    guard let added = addedMembers, let m = added.member(name) else { return false }
    switch m {
    case .alias(let target, _):
      if self[target] != nil {
        self[target] = newValue
      } else if !(try setAddedProperty(target, newValue)) {
        throw RuntimeError(
          id: "AliasLookupMemberNotPresent", message: "The member \"\(target)\" is not present.",
          exceptionType: "System.Management.Automation.ExtendedTypeSystemException")
      }
    case .scriptProperty(_, let setter):
      guard let setter else {
        throw RuntimeError(
          id: "SetWithoutSetterFromScriptProperty", message: "Set accessor for property \"\(name)\" is unavailable.",
          exceptionType: "System.Management.Automation.SetValueException")
      }
      _ = try runner(added).runMember(setter, this: .object(self), args: [newValue], for: .set(name))
    case .scriptMethod:
      return false
    }
    return true
  }

  /// Runs a script method; nil when the object has none of that name.
  public func invokeScriptMethod(_ name: String, _ args: [Value]) throws(RuntimeError) -> Value? {
    guard let added = addedMembers, case .scriptMethod(let block)? = added.member(name) else { return nil }
    return try runner(added).runMember(block, this: .object(self), args: args, for: .call(name))
  }

  private func runner(_ added: AddedMembers) throws(RuntimeError) -> ScriptMemberRunner {
    guard let r = added.runner else {
      throw RuntimeError(
        id: "NoRunspace", message: "The script block of this member cannot run: its session has ended.",
        exceptionType: "System.Management.Automation.PSInvalidOperationException")
    }
    return r
  }

  /// All properties in order with their values, script and alias properties evaluated (one
  /// whose getter fails shows as `$null`, as in PowerShell's formatted output). Plain objects
  /// get `properties` as it is.
  public var propertyValues: [(name: String, value: Value)] {
    guard let added = addedMembers else { return properties }
    return added.order.compactMap { name in
      if let v = self[name] { return (name, v) }
      guard let m = added.member(name) else { return nil }
      return (name, (try? value(of: name, m, added, visiting: [])) ?? .null)
    }
  }

  /// The names of all properties in order, without running any getter.
  public var propertyNames: [String] { addedMembers?.order ?? properties.map(\.name) }

  /// A property of any kind, for readers that have no error to report (formatting, Select).
  public func anyProperty(_ name: String) -> Value? {
    if let v = self[name] { return v }
    return try? addedPropertyValue(name)
  }
}
