import Foundation

/// Where the state file lives, and which rule chose it (shown by the commands that report the
/// simulation's location, so a user can tell why eflowsh is using that file).
public struct StateLocation: Sendable, Equatable {
  /// The rule that chose the path, from most to least specific.
  public enum Source: Sendable, Equatable, CustomStringConvertible {
    case option
    case environment
    case xdgStateHome
    case home

    public var description: String {
      switch self {
      case .option: return "-State"
      case .environment: return "$EFLOWSH_STATE"
      case .xdgStateHome: return "$XDG_STATE_HOME"
      case .home: return "the default under the home directory"
      }
    }
  }

  public var url: URL
  public var source: Source

  public init(url: URL, source: Source) {
    self.url = url
    self.source = source
  }

  /// `-State PATH`, else `$EFLOWSH_STATE`, else `$XDG_STATE_HOME/eflowsh/state.json`, else
  /// `~/.local/state/eflowsh/state.json`.
  ///
  /// Empty values count as unset (a CI template that expands to nothing should not turn into
  /// "a file named ''"). A relative `$XDG_STATE_HOME` is ignored, as the XDG spec requires. A
  /// leading `~` is expanded with `$HOME`; other relative paths are taken from the current
  /// directory. Nothing is created here: the store creates the directory on its first write.
  public static func resolve(option: String?, environment: [String: String]) -> StateLocation {
    let home = nonEmpty(environment["HOME"]) ?? NSHomeDirectory()
    func url(_ path: String) -> URL {
      var path = path
      if path == "~" {
        path = home
      } else if path.hasPrefix("~/") {
        path = home + path.dropFirst()
      }
      return URL(fileURLWithPath: path).standardizedFileURL
    }
    if let option = nonEmpty(option) {
      return StateLocation(url: url(option), source: .option)
    }
    if let variable = nonEmpty(environment["EFLOWSH_STATE"]) {
      return StateLocation(url: url(variable), source: .environment)
    }
    if let xdg = nonEmpty(environment["XDG_STATE_HOME"]), xdg.hasPrefix("/") {
      return StateLocation(url: url(xdg + "/eflowsh/state.json"), source: .xdgStateHome)
    }
    return StateLocation(url: url(home + "/.local/state/eflowsh/state.json"), source: .home)
  }

  private static func nonEmpty(_ value: String?) -> String? {
    guard let value, !value.isEmpty else { return nil }
    return value
  }
}
