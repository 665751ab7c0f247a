/// An argument as written at the call site, after the interpreter evaluated it. Splatting is
/// already expanded: a hashtable splat gives `.named` with `hasColon` true for each key, an array
/// splat gives `.positional` items.
public enum CommandArgument {
  /// `-Name`, `-Name:value` or a splatted key. `name` is written without the dash (a leading
  /// dash is tolerated); `value` is nil for a bare `-Name`, which then takes the next argument
  /// unless the parameter is a switch.
  case named(name: String, value: Value?, hasColon: Bool)
  case positional(Value)
}
