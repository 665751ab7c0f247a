/// The default views Windows PowerShell 5.1 ships (`DotNetTypes.format.ps1xml`,
/// `FileSystem.format.ps1xml`, `PowerShellCore.format.ps1xml`) for the types the runtime makes:
/// a static list, built once per process and shared by every session.
extension OutputFormatter {
  static let builtinViews: [FormatView] = [
    FormatView(
      typeName: "System.Collections.DictionaryEntry", kind: .table,
      columns: [FormatColumn("Name", width: 30, alignment: .left), FormatColumn("Value", alignment: .left)]),
    FormatView(typeName: "System.Guid", kind: .table, columns: [FormatColumn("Guid", alignment: .left)]),
    FormatView(typeName: "System.TimeSpan", kind: .list, columns: DisplayValues.timeSpanNames.map { FormatColumn($0) }),
    // Get-Module.
    FormatView(
      typeName: "System.Management.Automation.PSModuleInfo", kind: .table,
      columns: [
        FormatColumn("ModuleType", width: 10, alignment: .left), FormatColumn("Version", width: 10, alignment: .left),
        FormatColumn("Name", width: 35, alignment: .left), FormatColumn("ExportedCommands", alignment: .left),
      ]),
    // Get-Command, Get-Alias: an alias shows as `% -> ForEach-Object`.
    FormatView(
      typeNames: [
        "System.Management.Automation.CommandInfo", "System.Management.Automation.AliasInfo",
        "System.Management.Automation.ApplicationInfo", "System.Management.Automation.CmdletInfo",
        "System.Management.Automation.FunctionInfo", "System.Management.Automation.FilterInfo",
        "System.Management.Automation.ExternalScriptInfo",
      ], kind: .table,
      columns: [
        FormatColumn("CommandType", width: 15, alignment: .left),
        FormatColumn(label: "Name", width: 50, alignment: .left) { v in
          let type = DisplayValues.property(v, "CommandType").map(Conversions.toString) ?? ""
          if type.caseInsensitiveEquals("Alias"), let d = DisplayValues.property(v, "DisplayName"), !d.isNull { return d }
          return DisplayValues.property(v, "Name") ?? .null
        },
        FormatColumn("Version", width: 10, alignment: .left), FormatColumn("Source", alignment: .left),
      ]),
    // Get-ChildItem, Get-Item: grouped by directory.
    FormatView(
      typeNames: ["System.IO.DirectoryInfo", "System.IO.FileInfo"], kind: .table,
      columns: [
        FormatColumn("Mode", width: 7, alignment: .left),
        FormatColumn(label: "LastWriteTime", width: 25, alignment: .right) { v in
          guard case .dateTime(let d)? = DisplayValues.property(v, "LastWriteTime") else { return .null }
          let date = (try? DateFormat.format(d.parts, "d")) ?? ""
          let time = (try? DateFormat.format(d.parts, "t")) ?? ""
          return .string(padLeft(date, 10) + "  " + padLeft(time, 8))
        },
        FormatColumn("Length", width: 14, alignment: .right), FormatColumn("Name", alignment: .left),
      ],
      groupBy: FormatGroupBy(property: "PSParentPath") { v in
        var path = DisplayValues.property(v, "PSParentPath").map(Conversions.toString) ?? ""
        let qualifier = Interpreter.providerName + "::"
        if path.hasPrefix(qualifier) { path.removeFirst(qualifier.count) }
        return "    Directory: " + path + "\n"
      }),
    // Measure-Object.
    FormatView(
      typeName: "Microsoft.PowerShell.Commands.GenericMeasureInfo", kind: .list,
      columns: ["Count", "Average", "Sum", "Maximum", "Minimum", "Property"].map { FormatColumn($0) }),
    // Get-History.
    FormatView(
      typeName: "Microsoft.PowerShell.Commands.HistoryInfo", kind: .table,
      columns: [FormatColumn("Id", width: 4, alignment: .right), FormatColumn("CommandLine", alignment: .left)]),
    // Group-Object.
    FormatView(
      typeName: "Microsoft.PowerShell.Commands.GroupInfo", kind: .table,
      columns: [
        FormatColumn("Count", width: 5, alignment: .right), FormatColumn("Name", width: 25, alignment: .left),
        FormatColumn("Group", alignment: .left),
      ]),
    FormatView(
      typeName: "Microsoft.PowerShell.Commands.GroupInfoNoElement", kind: .table,
      columns: [FormatColumn("Count", width: 5, alignment: .right), FormatColumn("Name", alignment: .left)]),
  ]
}

/// `"{0,n}" -f s`: right-aligned in a field of `width`.
private func padLeft(_ s: String, _ width: Int) -> String {
  s.count >= width ? s : String(repeating: " ", count: width - s.count) + s
}
