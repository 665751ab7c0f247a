/// Comment-based help (`<# .SYNOPSIS … #>`), split into its sections.
public struct CommentHelp {
  public var synopsis = ""
  public var description = ""
  public var parameters: [(name: String, text: String)] = []
  public var examples: [String] = []
  public var inputs = ""
  public var outputs = ""
  public var notes = ""
  public var links: [String] = []

  public init() {}

  /// Parses the text of a help comment: a block comment or consecutive `#` lines.
  public init(parsing raw: String) {
    var text = raw
    if text.hasPrefix("<#") { text = String(text.dropFirst(2)) }
    if text.hasSuffix("#>") { text = String(text.dropLast(2)) }
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
      var l = String(line)
      if l.hasSuffix("\r") { l.removeLast() }
      let trimmed = l.drop { $0 == " " || $0 == "\t" }
      if raw.hasPrefix("#"), !raw.hasPrefix("<#"), trimmed.hasPrefix("#") { return String(trimmed.dropFirst()) }
      return l
    }
    var current: (keyword: String, argument: String)?
    var body: [String] = []
    func flush() {
      guard let c = current else { return }
      let content = CommentHelp.dedent(body)
      switch c.keyword {
      case "SYNOPSIS": synopsis = content
      case "DESCRIPTION": description = content
      case "PARAMETER": parameters.append((c.argument, content))
      case "EXAMPLE": examples.append(content)
      case "INPUTS": inputs = content
      case "OUTPUTS": outputs = content
      case "NOTES": notes = content
      case "LINK": links.append(content)
      default: break
      }
      body = []
    }
    while !lines.isEmpty {
      let line = lines.removeFirst()
      let t = line.trimmingCharacters(of: " ").trimmingCharacters(of: "\t")
      if t.hasPrefix("."), let keyword = t.dropFirst().split(separator: " ").first,
        Self.keywords.contains(keyword.uppercased())
      {
        flush()
        current = (keyword.uppercased(), String(t.dropFirst(keyword.count + 1)).trimmingCharacters(of: " "))
        continue
      }
      body.append(line)
    }
    flush()
  }

  static let keywords: Set<String> = [
    "SYNOPSIS", "DESCRIPTION", "PARAMETER", "EXAMPLE", "INPUTS", "OUTPUTS", "NOTES", "LINK", "COMPONENT", "ROLE",
    "FUNCTIONALITY", "FORWARDHELPTARGETNAME", "FORWARDHELPCATEGORY", "REMOTEHELPRUNSPACE", "EXTERNALHELP",
  ]

  /// Removes the indentation common to the lines and blank lines at both ends.
  static func dedent(_ lines: [String]) -> String {
    var ls = lines
    while let f = ls.first, f.allSatisfy({ $0 == " " || $0 == "\t" }) { ls.removeFirst() }
    while let l = ls.last, l.allSatisfy({ $0 == " " || $0 == "\t" }) { ls.removeLast() }
    let indent = ls.filter { !$0.allSatisfy { $0 == " " || $0 == "\t" } }
      .map { $0.prefix { $0 == " " || $0 == "\t" }.count }.min() ?? 0
    return ls.map { $0.count >= indent ? String($0.dropFirst(indent)) : "" }.joined(separator: "\n")
  }

  func parameterText(_ name: String) -> String? {
    parameters.first { $0.name.caseInsensitiveEquals(name) }?.text
  }
}

