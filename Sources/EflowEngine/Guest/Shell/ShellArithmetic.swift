import Foundation

/// bash's `$(( … ))` on 64-bit integers, as retry loops use it (`n=$((n+1))`,
/// `[ $((n % 5)) -eq 0 ]`): numbers, variables (`n`, `$n`, `${n}`; unset or non-numeric is 0),
/// `+ - * / %`, comparisons, `&& || !`, unary minus and parentheses. Assignment operators
/// (`+=`, `++`), shifts, bit operators and the ternary are refused as syntax errors. Numbers
/// may be decimal, octal (`017`) or hexadecimal (`0x1F`); overflow wraps, as in bash.
struct ShellArithmetic {
  struct Failure: Error {
    var message: String
  }

  private let text: String
  private let chars: [Character]
  private var i = 0
  private let variable: (String) -> String

  static func evaluate(_ text: String, variable: @escaping (String) -> String) throws(Failure) -> Int {
    var parser = ShellArithmetic(text: text, chars: Array(text), variable: variable)
    parser.skipSpaces()
    if parser.i == parser.chars.count { return 0 }  // `$(( ))` is 0
    let value = try parser.logicalOr()
    parser.skipSpaces()
    guard parser.i == parser.chars.count else { throw parser.syntaxError() }
    return value
  }

  private init(text: String, chars: [Character], variable: @escaping (String) -> String) {
    self.text = text
    self.chars = chars
    self.variable = variable
  }

  private func syntaxError() -> Failure {
    let rest = String(chars[min(i, chars.count)...]).trimmingCharacters(in: .whitespaces)
    return Failure(message: "\(text.trimmingCharacters(in: .whitespaces)): syntax error: operand expected (error token is \"\(rest)\")")
  }

  private mutating func skipSpaces() {
    while i < chars.count, chars[i] == " " || chars[i] == "\t" || chars[i] == "\n" { i += 1 }
  }

  /// Consumes `op` when it comes next (and is not the start of a longer operator in `unless`).
  private mutating func take(_ op: String, unless longer: [String] = []) -> Bool {
    skipSpaces()
    let rest = chars[i...]
    guard rest.starts(with: op) else { return false }
    if longer.contains(where: { rest.starts(with: $0) }) { return false }
    i += op.count
    return true
  }

  private mutating func logicalOr() throws(Failure) -> Int {
    var value = try logicalAnd()
    while take("||") {
      let right = try logicalAnd()
      value = (value != 0 || right != 0) ? 1 : 0
    }
    return value
  }

  private mutating func logicalAnd() throws(Failure) -> Int {
    var value = try equality()
    while take("&&") {
      let right = try equality()
      value = (value != 0 && right != 0) ? 1 : 0
    }
    return value
  }

  private mutating func equality() throws(Failure) -> Int {
    var value = try relational()
    while true {
      if take("==") {
        value = value == (try relational()) ? 1 : 0
      } else if take("!=") {
        value = value != (try relational()) ? 1 : 0
      } else {
        return value
      }
    }
  }

  private mutating func relational() throws(Failure) -> Int {
    var value = try additive()
    while true {
      if take("<=") {
        value = value <= (try additive()) ? 1 : 0
      } else if take(">=") {
        value = value >= (try additive()) ? 1 : 0
      } else if take("<", unless: ["<<"]) {
        value = value < (try additive()) ? 1 : 0
      } else if take(">", unless: [">>"]) {
        value = value > (try additive()) ? 1 : 0
      } else {
        return value
      }
    }
  }

  private mutating func additive() throws(Failure) -> Int {
    var value = try multiplicative()
    while true {
      if take("+", unless: ["++", "+="]) {
        value = value &+ (try multiplicative())
      } else if take("-", unless: ["--", "-="]) {
        value = value &- (try multiplicative())
      } else {
        return value
      }
    }
  }

  private mutating func multiplicative() throws(Failure) -> Int {
    var value = try unary()
    while true {
      if take("*", unless: ["*=", "**"]) {
        value = value &* (try unary())
      } else if take("/", unless: ["/="]) || take("%", unless: ["%="]) {
        let isDivision = chars[i - 1] == "/"
        let start = i
        let right = try unary()
        guard right != 0 else {
          let token = String(chars[start..<i]).trimmingCharacters(in: .whitespaces)
          throw Failure(message: "\(text.trimmingCharacters(in: .whitespaces)): division by 0 (error token is \"\(token)\")")
        }
        // Int.min / -1 overflows; bash gives Int.min (and 0 for the remainder).
        if right == -1 {
          value = isDivision ? 0 &- value : 0
        } else {
          value = isDivision ? value / right : value % right
        }
      } else {
        return value
      }
    }
  }

  private mutating func unary() throws(Failure) -> Int {
    if take("-", unless: ["--", "-="]) { return 0 &- (try unary()) }
    if take("+", unless: ["++", "+="]) { return try unary() }
    if take("!", unless: ["!="]) { return (try unary()) == 0 ? 1 : 0 }
    return try primary()
  }

  private mutating func primary() throws(Failure) -> Int {
    skipSpaces()
    guard i < chars.count else { throw syntaxError() }
    let c = chars[i]
    if c == "(" {
      i += 1
      let value = try logicalOr()
      guard take(")") else { throw syntaxError() }
      return value
    }
    if c.isASCII && c.isNumber {
      var digits = ""
      while i < chars.count, chars[i].isASCII, chars[i].isNumber || chars[i].isLetter { digits.append(chars[i]); i += 1 }
      // 0x1F is hexadecimal and 017 octal, as in bash.
      let lower = digits.lowercased()
      let parsed =
        lower.hasPrefix("0x") ? Int(lower.dropFirst(2), radix: 16)
        : lower.count > 1 && lower.hasPrefix("0") ? Int(lower.dropFirst(), radix: 8) : Int(lower)
      guard let value = parsed else {
        throw Failure(message: "\(digits): value too great for base (error token is \"\(digits)\")")
      }
      return value
    }
    // `n`, `$n` or `${n}`; `$(…)` inside is not emulated (a syntax error).
    var braced = false
    if c == "$" {
      i += 1
      if i < chars.count, chars[i] == "{" {
        braced = true
        i += 1
      }
    }
    var name = ""
    while i < chars.count, chars[i] == "_" || (chars[i].isASCII && (chars[i].isLetter || chars[i].isNumber)) {
      name.append(chars[i])
      i += 1
    }
    guard let first = name.first, first == "_" || first.isLetter else { throw syntaxError() }
    if braced {
      guard i < chars.count, chars[i] == "}" else { throw syntaxError() }
      i += 1
    }
    skipSpaces()
    if i < chars.count, chars[i] == "=" && !(i + 1 < chars.count && chars[i + 1] == "=") {
      throw syntaxError()  // assignment inside $(( )) is not emulated
    }
    return Int(variable(name).trimmingCharacters(in: .whitespaces)) ?? 0
  }
}
