/// The operators spelled with a leading dash, as PowerShell's tokenizer knows them.
///
/// Comparison operators come in three spellings: plain (`-eq`, case-insensitive), `i`
/// (explicitly case-insensitive) and `c` (case-sensitive); `caseSensitive` tells them apart and
/// `base` strips the prefix.
public struct DashOperator: Sendable, Hashable, CustomStringConvertible {
  /// The operator without its case prefix (`eq`, `like`, `replace`, `and`, `f`, …), lowercase.
  public var base: Base
  /// `c` prefix given.
  public var caseSensitive: Bool
  /// `i` prefix given (same behaviour as none; kept to print the operator as written).
  public var explicitInsensitive: Bool

  public enum Base: String, Sendable, CaseIterable {
    case and, `as`, band, bnot, bor, bxor, contains, eq, f, ge, gt, `in`, `is`, isnot, join, le, like,
      lt, match, ne, not, notcontains, notin, notlike, notmatch, or, replace, shl, shr, split, xor
  }

  /// Looks up `-word` (word without the dash, any case).
  public init?(word: String) {
    // Operators are ASCII letters: anything else (or longer) names none.
    guard let packed = PackedWord(word) else { return nil }
    if let b = Base.byPackedName[packed] {
      self.init(base: b)
      return
    }
    let first = packed.low & 0xFF
    guard packed.count > 1, first == 0x69 || first == 0x63,  // i, c
      let rest = PackedWord(word, from: 1), let b = Base.byPackedName[rest], b.hasCaseVariants
    else { return nil }
    self.init(base: b, caseSensitive: first == 0x63, explicitInsensitive: first == 0x69)
  }

  public init(base: Base, caseSensitive: Bool = false, explicitInsensitive: Bool = false) {
    self.base = base
    self.caseSensitive = caseSensitive
    self.explicitInsensitive = explicitInsensitive
  }

  /// The operator as written, with its dash: `-ceq`.
  public var description: String {
    "-" + (caseSensitive ? "c" : explicitInsensitive ? "i" : "") + base.rawValue
  }

  /// Binding strength of the binary form; higher binds tighter (PowerShell's token flags).
  public var binaryPrecedence: Int? {
    switch base {
    case .and, .or, .xor: return 1
    case .band, .bor, .bxor: return 2
    case .f: return 12
    case .not, .bnot: return nil
    default: return 5  // comparison family, -replace, -split, -join, -is, -as, -shl, -shr, ...
    }
  }

  /// Operators that may stand before their operand.
  public var isUnary: Bool {
    switch base {
    case .not, .bnot, .split, .join: return true
    default: return false
    }
  }
}

extension DashOperator.Base {
  /// The operators by name, for `DashOperator(word:)`.
  static let byPackedName = PackedWordTable(allCases.map { ($0.rawValue, $0) })

  /// Whether `i`/`c` prefixed spellings exist.
  var hasCaseVariants: Bool {
    switch self {
    case .eq, .ne, .gt, .ge, .lt, .le, .like, .notlike, .match, .notmatch, .replace, .contains,
      .notcontains, .in, .notin, .split:
      return true
    default:
      return false
    }
  }
}
