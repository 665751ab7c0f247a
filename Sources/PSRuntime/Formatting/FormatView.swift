/// A registered view: how `Out-Default` and `Format-Table` / `Format-List` show objects of one
/// type (PowerShell's `*.format.ps1xml` views), selected by the object's `PSObject.typeName`.
///
/// Emulated modules register views for their output types at start-up:
/// ```swift
/// interpreter.registerView(FormatView(typeName: "Microsoft.Eflow.VmEndpoint", kind: .table, columns: [
///   FormatColumn("Name", width: 20),
///   FormatColumn("IpAddress", label: "IP Address"),
///   FormatColumn(label: "Prefix", alignment: .right) { v in (try? Members.get(v, "PrefixLength")) ?? .null },
/// ]))
/// ```
public struct FormatView: Sendable {
  public enum Kind: Sendable { case table, list }

  /// The type names the view applies to (the first is its own).
  public var typeNames: [String]
  public var kind: Kind
  public var columns: [FormatColumn]
  /// For tables: hide the header row (the view's `HideTableHeaders`).
  public var hideTableHeaders: Bool
  /// The view's `GroupBy`: consecutive objects with the same key form a group under a header
  /// (`Format-Table -GroupBy` overrides it).
  public var groupBy: FormatGroupBy?

  public init(
    typeName: String, kind: Kind, columns: [FormatColumn], hideTableHeaders: Bool = false, groupBy: FormatGroupBy? = nil
  ) {
    self.typeNames = [typeName]
    self.kind = kind
    self.columns = columns
    self.hideTableHeaders = hideTableHeaders
    self.groupBy = groupBy
  }

  /// A view for several types at once.
  public init(
    typeNames: [String], kind: Kind, columns: [FormatColumn], hideTableHeaders: Bool = false,
    groupBy: FormatGroupBy? = nil
  ) {
    self.typeNames = typeNames
    self.kind = kind
    self.columns = columns
    self.hideTableHeaders = hideTableHeaders
    self.groupBy = groupBy
  }

  /// Same as `columns`, read naturally for list views.
  public var properties: [FormatColumn] { columns }

  func applies(to typeName: String?) -> Bool {
    guard let typeName else { return false }
    return typeNames.contains { $0.caseInsensitiveEquals(typeName) }
  }
}

/// A view's grouping: the key objects are grouped by, and the header shown above each group
/// (a format file's `GroupBy` with its `CustomControl`). The header is written between blank
/// lines, as `Format-Table -GroupBy`'s `   Name: value` is; a header ending with a line break
/// gets a second blank line after it (the custom control's `NewLine`), as the file system's
/// `    Directory: C:\path` has.
public struct FormatGroupBy: Sendable {
  public var key: @Sendable (Value) -> Value
  public var header: @Sendable (Value) -> String

  public init(key: @escaping @Sendable (Value) -> Value, header: @escaping @Sendable (Value) -> String) {
    self.key = key
    self.header = header
  }

  /// Groups by a property, the header made from the object.
  public init(property: String, header: @escaping @Sendable (Value) -> String) {
    self.key = { DisplayValues.property($0, property) ?? .null }
    self.header = header
  }
}

/// How a column (or a list entry) is aligned.
public enum FormatAlignment: Sendable, Equatable {
  /// Decided by the first value: numbers and Booleans right, the rest left (PowerShell's rule
  /// for columns without an alignment).
  case undefined
  case left, center, right
}

/// One column of a table view, or one entry of a list view: a property, or a value computed
/// from the object (a `ScriptBlock` column in a format file).
public struct FormatColumn: Sendable {
  /// The property shown, or nil when `value` computes it.
  public var propertyName: String?
  /// The header (defaults to the property name).
  public var label: String?
  /// A fixed width in characters; 0 lets the formatter size the column.
  public var width: Int
  public var alignment: FormatAlignment
  /// Computes the shown value from the object.
  public var value: (@Sendable (Value) -> Value)?

  public init(_ propertyName: String, label: String? = nil, width: Int = 0, alignment: FormatAlignment = .undefined) {
    self.propertyName = propertyName
    self.label = label
    self.width = width
    self.alignment = alignment
    self.value = nil
  }

  public init(
    label: String, width: Int = 0, alignment: FormatAlignment = .undefined, value: @escaping @Sendable (Value) -> Value
  ) {
    self.propertyName = nil
    self.label = label
    self.width = width
    self.alignment = alignment
    self.value = value
  }

  var header: String { label ?? propertyName ?? "" }
}

extension Interpreter {
  /// Registers the default view for objects whose `PSObject.typeName` is one of the view's type
  /// names (a later registration for the same type replaces the earlier one).
  public func registerView(_ view: FormatView) {
    formatter.views.removeAll { old in old.typeNames.contains { n in view.typeNames.contains { $0.caseInsensitiveEquals(n) } } }
    formatter.views.append(view)
  }

  /// Names the properties shown by default for objects of a type that has no registered view
  /// (PowerShell's `DefaultDisplayPropertySet`): they decide table or list (four or fewer make a
  /// table) and which columns show, while the object keeps all its properties for
  /// `Select-Object`, `Format-List *`, `ConvertTo-Json` and the like.
  public func setDefaultDisplayPropertySet(typeName: String, _ properties: [String]) {
    formatter.defaultDisplayProperties[typeName.lowercased()] = properties
  }
}
