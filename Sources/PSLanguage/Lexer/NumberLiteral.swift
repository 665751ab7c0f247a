/// A numeric literal: the text as written (kept because PowerShell binds `007` to a `[string]`
/// parameter as `"007"`) and its value in the type PowerShell's rules give it.
public struct NumberLiteral: Sendable, Hashable {
  public var text: String
  public var value: NumberValue

  public init(text: String, value: NumberValue) {
    self.text = text
    self.value = value
  }
}

/// The value of a numeric literal, typed as PowerShell types it.
public enum NumberValue: Sendable, Hashable {
  case int32(Int32)
  case int64(Int64)
  case uint32(UInt32)
  case uint64(UInt64)
  case int16(Int16)
  case uint16(UInt16)
  case sbyte(Int8)
  case byte(UInt8)
  case double(Double)
  /// `[decimal]`: the digits as normalized text (`12.50`), converted by the runtime.
  case decimal(String)
  /// `n` suffix: the decimal digits of a BigInteger.
  case bigInteger(String)
}

extension NumberLiteral {
  /// Reads numeric text with the same rules as numbers in scripts (hex, suffixes, `kb`…`pb`,
  /// a leading sign), as PowerShell does when it converts strings to numbers. Nil when the text
  /// is not a number.
  public static func parse(_ text: String) -> NumberValue? {
    NumberParser.parse(text)
  }
}
