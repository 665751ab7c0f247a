import PSLanguage

extension Interpreter {
  /// 5.1's error for a topic or command Get-Help does not know.
  static func helpNotFound(_ name: String) -> ErrorRecord {
    ErrorRecord(
      exceptionType: "Microsoft.PowerShell.Commands.HelpNotFoundException",
      message:
        "Get-Help could not find \(name) in a help file in this session. To download updated help topics type: \"Update-Help\". To get help online, search for the help topic in the TechNet library at https:/go.microsoft.com/fwlink/?LinkID=107116.",
      errorId: "HelpNotFound", category: .resourceUnavailable, targetObject: .string(name),
      commandName: "Microsoft.PowerShell.Commands.GetHelpCommand")
  }

  /// `Get-Help` (alias `help`): help from the comment-based help of functions and of the
  /// emulated modules' declarations; syntax generated from the declaration.
  func registerHelpCmdlets() {
    defineCmdlet(
      "Get-Help",
      "[CmdletBinding(DefaultParameterSetName='AllUsersView')] param([Parameter(Position=0, ValueFromPipelineByPropertyName)][string]$Name, [Parameter(ParameterSetName='Full')][switch]$Full, [Parameter(ParameterSetName='Detailed')][switch]$Detailed, [Parameter(ParameterSetName='Examples')][switch]$Examples, [Parameter(ParameterSetName='Parameter', Mandatory)][string[]]$Parameter)"
    ) {
      CmdletBody(process: { ctx, _ in
        let i = ctx.interpreter
        guard let name = ctx.string("Name"), !name.isEmpty else {
          try ctx.emit(.string(Interpreter.aboutHelp))
          return
        }
        if name.lowercased().hasPrefix("about_") {
          guard let topic = i.aboutTopics[name.lowercased()] else {
            throw ctx.terminatingError(Interpreter.helpNotFound(name))
          }
          try ctx.emit(.string(topic))
          return
        }
        let resolved: ResolvedCommand
        do {
          resolved = try i.resolveCommand(name, at: ctx.extent)
        } catch {
          throw ctx.terminatingError(Interpreter.helpNotFound(name))
        }
        let text: HelpText
        switch resolved {
        case .function(let f):
          let meta = try i.metadata(for: f)
          text = HelpText(
            name: f.name, metadata: meta, help: f.body.helpComment.map { CommentHelp(parsing: f.source.text($0.range)) },
            aliases: i.aliasesOf(f.name), source: f.source)
        case .cmdlet(let c):
          text = HelpText(
            name: c.metadata.name, metadata: c.metadata,
            help: c.help.map { CommentHelp(parsing: $0.source.text($0.comment.range)) }, aliases: i.aliasesOf(c.metadata.name),
            source: c.help?.source)
        case .native(let path):
          try ctx.emit(.string("\(name) is the program \(path); eflowsh has no help for it."))
          return
        }
        if let wanted = ctx.value("Parameter") {
          for pv in wanted.enumerated ?? [wanted] {
            let pn = Conversions.toString(pv)
            let matches = text.metadata.parameters.filter { WildcardPattern(pn).matches($0.name) }
            if matches.isEmpty {
              throw ctx.terminatingError(
                ErrorRecord(
                  exceptionType: "System.ArgumentException",
                  message: "No parameter matches criteria \(pn).", errorId: "NoParmsFound",
                  category: .invalidArgument, targetObject: .string(pn),
                  commandName: "Microsoft.PowerShell.Commands.GetHelpCommand"))
            }
            try ctx.emit(.string(matches.map { text.parameter($0, full: true) }.joined()))
          }
          return
        }
        let detail: HelpText.Detail =
          ctx.flag("Full") ? .full : ctx.flag("Detailed") ? .detailed : ctx.flag("Examples") ? .examples : .normal
        try ctx.emit(.string(text.render(detail)))
      })
    }
    defineAlias("help", "Get-Help")
    defineAlias("man", "Get-Help")
  }

  func aliasesOf(_ command: String) -> [String] {
    aliases.filter { $0.value.caseInsensitiveEquals(command) }.map(\.key).sorted()
  }

  static let aboutHelp = """

    TOPIC
        eflowsh help

    SHORT DESCRIPTION
        Shows help for the commands of this session.

    LONG DESCRIPTION
        Get-Help NAME shows the help of a function or of a cmdlet of the emulated EFLOW and
        Windows modules (read from their comment-based help); -Detailed and -Full add the
        parameters, -Examples the examples, -Parameter NAME one parameter.
        Get-Command lists the commands; Get-Module -ListAvailable the modules.

    """
}
