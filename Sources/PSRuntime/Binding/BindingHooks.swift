/// Callbacks into the interpreter for the parts of binding that run PowerShell code or read
/// object members.
public struct BindingHooks {
  /// Runs a `[ValidateScript()]` block with `$_` set to the argument; returns its truth.
  public var validateScript: ((ScriptBlockValue, Value) throws(RuntimeError) -> Bool)?
  /// A property of a pipeline object, for `ValueFromPipelineByPropertyName` (nil: none).
  /// Without it only `[pscustomobject]` properties are read.
  public var property: ((Value, String) -> Value?)?

  public init(
    validateScript: ((ScriptBlockValue, Value) throws(RuntimeError) -> Bool)? = nil,
    property: ((Value, String) -> Value?)? = nil
  ) {
    self.validateScript = validateScript
    self.property = property
  }
}
