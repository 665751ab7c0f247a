import Testing
@testable import PSRuntime

// Rows are taken from PowerShell's documentation (about_Comparison_Operators, about_Split,
// about_Regular_Expressions, .NET "Substitutions in regular expressions") and PowerShell's
// own tests (test/powershell/Language/Operators/SplitOperator.Tests.ps1,
// ReplaceOperator.Tests.ps1), plus edge cases from engine/regex.cs (WildcardPattern).

// MARK: - Row types

struct LikeRow: Sendable, CustomTestStringConvertible {
  var text: String
  var pattern: String
  var caseSensitive = false
  var expected: Bool
  var testDescription: String { "\(text.debugDescription) -\(caseSensitive ? "c" : "")like \(pattern.debugDescription)" }
}

struct MatchRow: Sendable, CustomTestStringConvertible {
  var text: String
  var pattern: String
  var caseSensitive = false
  var options: DotNetRegex.Options = []
  /// Successful groups as `$Matches` would hold them (key = number or name); nil = no match.
  var expected: [String: String]?
  var testDescription: String { "\(text.debugDescription) -match \(pattern.debugDescription)" }
}

struct ReplaceRow: Sendable, CustomTestStringConvertible {
  var text: String
  var pattern: String
  var replacement: String
  var caseSensitive = false
  var expected: String
  var testDescription: String { "\(text.debugDescription) -replace \(pattern.debugDescription), \(replacement.debugDescription)" }
}

struct SplitRow: Sendable, CustomTestStringConvertible {
  var text: String
  var pattern: String
  var max = 0
  var options = ""
  var caseSensitive = false
  var expected: [String]
  var testDescription: String { "\(text.debugDescription) -split \(pattern.debugDescription), \(max), '\(options)'" }
}

struct ErrorRow: Sendable, CustomTestStringConvertible {
  var pattern: String
  var message: String
  var testDescription: String { pattern.debugDescription }
}

// MARK: - Tables

let likeRows: [LikeRow] = [
  // about_Comparison_Operators
  LikeRow(text: "PowerShell", pattern: "*shell", expected: true),
  LikeRow(text: "PowerShell", pattern: "*shell", caseSensitive: true, expected: false),
  LikeRow(text: "PowerShell", pattern: "Power?hell", expected: true),
  LikeRow(text: "PowerShell", pattern: "Power[p-w]hell", expected: true),
  LikeRow(text: "Server", pattern: "*shell", expected: false),
  // basics
  LikeRow(text: "file.txt", pattern: "*.TXT", expected: true),
  LikeRow(text: "file.txt", pattern: "*.TXT", caseSensitive: true, expected: false),
  LikeRow(text: "abc", pattern: "*b*", expected: true),
  LikeRow(text: "abc", pattern: "*d*", expected: false),
  LikeRow(text: "ab", pattern: "a?", expected: true),
  LikeRow(text: "a", pattern: "a?", expected: false),
  LikeRow(text: "", pattern: "*", expected: true),
  LikeRow(text: "", pattern: "", expected: true),
  LikeRow(text: "a", pattern: "", expected: false),
  LikeRow(text: "", pattern: "?", expected: false),
  LikeRow(text: "a.b", pattern: "a.b", expected: true),
  LikeRow(text: "axb", pattern: "a.b", expected: false),
  LikeRow(text: "a+b(c)", pattern: "a+b(c)", expected: true),
  // brackets
  LikeRow(text: "ABC", pattern: "[a-c]bc", expected: true),
  LikeRow(text: "ABC", pattern: "[a-c]bc", caseSensitive: true, expected: false),
  LikeRow(text: "abc", pattern: "[A-C]BC", expected: true),
  LikeRow(text: "]", pattern: "[]]", expected: true),
  LikeRow(text: "-", pattern: "[a-]", expected: true),
  LikeRow(text: "-", pattern: "[-a]", expected: true),
  LikeRow(text: "b", pattern: "[a-]", expected: false),
  LikeRow(text: "^", pattern: "[^a]", expected: true),   // no negation in wildcards
  LikeRow(text: "b", pattern: "[^a]", expected: false),
  LikeRow(text: "x", pattern: "[abc]", expected: false),
  LikeRow(text: "x", pattern: "[z-a]", expected: false),   // invalid pattern
  LikeRow(text: "[abc", pattern: "[abc", expected: false),  // invalid pattern
  // backtick escapes
  LikeRow(text: "a*b", pattern: "a`*b", expected: true),
  LikeRow(text: "axb", pattern: "a`*b", expected: false),
  LikeRow(text: "a?c", pattern: "a`?c", expected: true),
  LikeRow(text: "abc", pattern: "a`?c", expected: false),
  LikeRow(text: "[", pattern: "`[", expected: true),
  LikeRow(text: "]", pattern: "[`]]", expected: true),
  LikeRow(text: "-", pattern: "[a`-c]", expected: true),
  LikeRow(text: "b", pattern: "[a`-c]", expected: false),
  LikeRow(text: "a`b", pattern: "a``b", expected: true),
  LikeRow(text: "a`", pattern: "a`", expected: true),      // trailing backtick is literal
  LikeRow(text: "`", pattern: "`", expected: false),       // "`" alone is the empty pattern
  LikeRow(text: "", pattern: "`", expected: true),
  // Unicode
  LikeRow(text: "café", pattern: "caf?", expected: true),
  LikeRow(text: "ÄBC", pattern: "äbc", expected: true),
  LikeRow(text: "ÄBC", pattern: "äbc", caseSensitive: true, expected: false),
  LikeRow(text: "Ω", pattern: "[α-ω]", expected: true),
  // backtracking stays cheap
  LikeRow(text: String(repeating: "a", count: 2000), pattern: String(repeating: "*a", count: 40) + "*c", expected: false),
  LikeRow(text: "mississippi", pattern: "*sip*", expected: true),
  LikeRow(text: "mississippi", pattern: "m*iss*ppi", expected: true),
  LikeRow(text: "mississippi", pattern: "m*iss*ppx", expected: false),
]

let matchRows: [MatchRow] = [
  // about_Comparison_Operators / about_Regular_Expressions
  MatchRow(text: "PowerShell", pattern: "shell", expected: ["0": "Shell"]),
  MatchRow(text: "PowerShell", pattern: "shell", caseSensitive: true, expected: nil),
  MatchRow(text: "book", pattern: "oo", expected: ["0": "oo"]),
  MatchRow(text: "big", pattern: "b[iou]g", expected: ["0": "big"]),
  MatchRow(text: "42", pattern: "[0-9][0-9]", expected: ["0": "42"]),
  MatchRow(text: "Ziggy stardust", pattern: "\\w+", expected: ["0": "Ziggy"]),
  MatchRow(text: "Try", pattern: "T.y", expected: ["0": "Try"]),
  MatchRow(text: "The last logged on user was CONTOSO\\jsmith", pattern: "was (?<domain>.+)\\\\(?<user>.+)",
           expected: ["0": "was CONTOSO\\jsmith", "domain": "CONTOSO", "user": "jsmith"]),
  // .NET numbering: unnamed groups first, then named ones
  MatchRow(text: "abc", pattern: "(.)(?<two>.)(.)", expected: ["0": "abc", "1": "a", "2": "c", "two": "b"]),
  MatchRow(text: "abc", pattern: "(?'x'a)(b)", expected: ["0": "ab", "1": "b", "x": "a"]),
  MatchRow(text: "b", pattern: "(a)|(b)", expected: ["0": "b", "2": "b"]),
  // anchors
  MatchRow(text: "line\n", pattern: "line$", expected: ["0": "line"]),
  MatchRow(text: "line\n\n", pattern: "line$", expected: nil),
  MatchRow(text: "a\n", pattern: "a\\z", expected: nil),
  MatchRow(text: "a\n", pattern: "a\\Z", expected: ["0": "a"]),
  MatchRow(text: "xa", pattern: "\\Aa", expected: nil),
  MatchRow(text: "a\nb", pattern: "^b", expected: nil),
  MatchRow(text: "a\nb", pattern: "^b", options: .multiline, expected: ["0": "b"]),
  MatchRow(text: "a\nb", pattern: "(?m)^b", expected: ["0": "b"]),
  MatchRow(text: "a\nb\n", pattern: "(?m)a$", expected: ["0": "a"]),
  MatchRow(text: "concat", pattern: "\\bcat\\b", expected: nil),
  MatchRow(text: "a cat.", pattern: "\\bcat\\b", expected: ["0": "cat"]),
  // dot and newlines
  MatchRow(text: "a\nb", pattern: "a.b", expected: nil),
  MatchRow(text: "a\rb", pattern: "a.b", expected: ["0": "a\rb"]),
  MatchRow(text: "a\nb", pattern: "(?s)a.b", expected: ["0": "a\nb"]),
  MatchRow(text: "a\nb", pattern: "a.b", options: .singleline, expected: ["0": "a\nb"]),
  // options
  MatchRow(text: "ABC", pattern: "(?i)abc", caseSensitive: true, expected: ["0": "ABC"]),
  MatchRow(text: "ab AB Ab", pattern: "A(?i)b", caseSensitive: true, expected: ["0": "AB"]),
  MatchRow(text: "abC", pattern: "(?-i)[A-Z]", expected: ["0": "C"]),
  MatchRow(text: "ab", pattern: "(?x) a  b  # comment", expected: ["0": "ab"]),
  MatchRow(text: "a b", pattern: "a b", options: .ignorePatternWhitespace, expected: nil),
  MatchRow(text: "ab", pattern: "(a)(?<n>b)", options: .explicitCapture, expected: ["0": "ab", "n": "b"]),
  MatchRow(text: "ab", pattern: "(?n:(a))(b)", expected: ["0": "ab", "1": "b"]),
  // escapes, classes, quantifiers
  MatchRow(text: "\u{0663}", pattern: "^\\d$", expected: ["0": "\u{0663}"]),
  MatchRow(text: "hello", pattern: "[a-z-[aeiou]]+", expected: ["0": "h"]),
  MatchRow(text: "a-b.c", pattern: "[\\w-.]+", expected: ["0": "a-b.c"]),
  MatchRow(text: "]a]", pattern: "[]a]+", expected: ["0": "]a]"]),
  MatchRow(text: "x[y", pattern: "[[]", expected: ["0": "["]),
  MatchRow(text: "a&b", pattern: "[&]", expected: ["0": "&"]),
  MatchRow(text: "a{,2}", pattern: "a{,2}", expected: ["0": "a{,2}"]),
  MatchRow(text: "aaaa", pattern: "a{2,3}", expected: ["0": "aaa"]),
  MatchRow(text: "<a><b>", pattern: "<.+?>", expected: ["0": "<a>"]),
  MatchRow(text: "ABC", pattern: "\\x41\\u0042\\103", caseSensitive: true, expected: ["0": "ABC"]),
  MatchRow(text: "a\tb", pattern: "a\\tb", expected: ["0": "a\tb"]),
  MatchRow(text: "abcDEF", pattern: "\\p{Lu}+", caseSensitive: true, expected: ["0": "DEF"]),
  MatchRow(text: "price: $5", pattern: "\\$\\d", expected: ["0": "$5"]),
  // back-references
  MatchRow(text: "hello", pattern: "(l)\\1", expected: ["0": "ll", "1": "l"]),
  MatchRow(text: "abab", pattern: "(?<x>ab)\\k<x>", expected: ["0": "abab", "x": "ab"]),
  MatchRow(text: "x 12 12 y", pattern: "\\b(\\d+)\\s\\1\\b", expected: ["0": "12 12", "1": "12"]),
  MatchRow(text: "ID 0000123", pattern: "\\b0+", expected: ["0": "0000"]),
  MatchRow(text: "3.14", pattern: "\\b14", expected: ["0": "14"]),
  MatchRow(text: "www.example.com", pattern: "\\bexample\\b", expected: ["0": "example"]),
  MatchRow(text: "a1", pattern: "a\\b", expected: nil),
]

let replaceRows: [ReplaceRow] = [
  // ReplaceOperator.Tests.ps1
  ReplaceRow(text: "Get-Process", pattern: "Get", replacement: "Stop", expected: "Stop-Process"),
  ReplaceRow(text: "image.gif", pattern: "\\.gif$", replacement: ".jpg", expected: "image.jpg"),
  ReplaceRow(text: "book", pattern: "B", replacement: "C", expected: "Cook"),
  ReplaceRow(text: "book", pattern: "B", replacement: "C", caseSensitive: true, expected: "book"),
  ReplaceRow(text: "PowerPoint", pattern: "Point", replacement: "Shell", expected: "PowerShell"),
  ReplaceRow(text: "PowerPoint", pattern: "Point", replacement: "", expected: "Power"),
  ReplaceRow(text: "domain.example", pattern: ".*\\.(\\w+)$", replacement: "Tld of '$0' is - '$1'",
             expected: "Tld of 'domain.example' is - 'example'"),
  ReplaceRow(text: "domain.example", pattern: ".*\\.(?<tld>\\w+)$", replacement: "${tld}", expected: "example"),
  ReplaceRow(text: "1.2", pattern: ",", replacement: "", expected: "1.2"),
  // about_Comparison_Operators
  ReplaceRow(text: "Contoso.local\\John.Doe", pattern: "^(?<DomainName>[\\w-.]+)\\\\(?<Username>[\\w-.]+)$",
             replacement: "${Username}@${DomainName}", expected: "John.Doe@Contoso.local"),
  ReplaceRow(text: "Hello World", pattern: "(\\w+) (\\w+)", replacement: "$2 $1", expected: "World Hello"),
  // .NET substitutions
  ReplaceRow(text: "103 USD", pattern: "\\b(\\d+)\\s?USD\\b", replacement: "$$$1", expected: "$103"),
  ReplaceRow(text: "aa bb", pattern: "\\w+", replacement: "[$&]", expected: "[aa] [bb]"),
  ReplaceRow(text: "aa1bb2cc3dd4ee5", pattern: "\\d+", replacement: "$`",
             expected: "aaaabbaa1bbccaa1bb2ccddaa1bb2cc3ddeeaa1bb2cc3dd4ee"),
  ReplaceRow(text: "aa1bb2cc3dd4ee5", pattern: "\\d+", replacement: "$'",
             expected: "aabb2cc3dd4ee5bbcc3dd4ee5ccdd4ee5ddee5ee"),
  ReplaceRow(text: "the the dog jumped over the fence fence.", pattern: "\\b(\\w+)\\s\\1\\b", replacement: "$+",
             expected: "the dog jumped over the fence."),
  ReplaceRow(text: "ABC123DEF456", pattern: "\\d+", replacement: "$_", expected: "ABCABC123DEF456DEFABC123DEF456"),
  ReplaceRow(text: "ab", pattern: "(a)", replacement: "$10", expected: "$10b"),
  ReplaceRow(text: "ab", pattern: "(a)", replacement: "${1}0", expected: "a0b"),
  ReplaceRow(text: "ab", pattern: "(a)", replacement: "${nope}", expected: "${nope}b"),
  ReplaceRow(text: "ab", pattern: "(a)", replacement: "$x", expected: "$xb"),
  ReplaceRow(text: "abc", pattern: "b", replacement: "$", expected: "a$c"),
  ReplaceRow(text: "ab", pattern: "(a)", replacement: "$2", expected: "$2b"),
  // empty matches, multiline
  ReplaceRow(text: "abc", pattern: "x*", replacement: "-", expected: "-a-b-c-"),
  ReplaceRow(text: "abc", pattern: "b*", replacement: "-", expected: "-a--c-"),
  ReplaceRow(text: "a\nb", pattern: "(?m)^", replacement: "> ", expected: "> a\n> b"),
  ReplaceRow(text: "a  b\t c", pattern: "\\s+", replacement: " ", expected: "a b c"),
  ReplaceRow(text: "Hello", pattern: "L", replacement: "x", expected: "Hexxo"),
  ReplaceRow(text: "line1\r\nline2", pattern: "\\r?\\n", replacement: "|", expected: "line1|line2"),
  ReplaceRow(text: "e\u{301}", pattern: "e", replacement: "x", expected: "x\u{301}"),
  ReplaceRow(text: "2024-05-06", pattern: "(?<y>\\d{4})-(?<m>\\d\\d)-(?<d>\\d\\d)", replacement: "${d}/${m}/${y}",
             expected: "06/05/2024"),
]

let mercury = "Mercury,Venus,Earth,Mars,Jupiter,Saturn,Uranus,Neptune"

let splitRows: [SplitRow] = [
  // SplitOperator.Tests.ps1
  SplitRow(text: "a b c d", pattern: " ", expected: ["a", "b", "c", "d"]),
  SplitRow(text: "a b c d", pattern: " ", max: 2, expected: ["a", "b c d"]),
  SplitRow(text: "a b c d", pattern: " ", max: 0, expected: ["a", "b", "c", "d"]),
  SplitRow(text: "a b c d", pattern: " ", max: -3, expected: ["a b", "c", "d"]),
  SplitRow(text: "a b c d", pattern: " ", max: -1, expected: ["a b c d"]),
  SplitRow(text: "a::b::c::d", pattern: "::", expected: ["a", "b", "c", "d"]),
  SplitRow(text: "a1:b1:c1:d", pattern: "(1:)", expected: ["a", "1:", "b", "1:", "c", "1:", "d"]),
  SplitRow(text: "a1:b1:c1:d", pattern: "1(:)", expected: ["a", ":", "b", ":", "c", ":", "d"]),
  SplitRow(text: "abcBd", pattern: "B", expected: ["a", "c", "d"]),
  SplitRow(text: "abcBd", pattern: "B", caseSensitive: true, expected: ["abc", "d"]),
  SplitRow(text: "abcBd", pattern: "B", options: "IgnoreCase", caseSensitive: true, expected: ["a", "c", "d"]),
  SplitRow(text: "a12a\nb34b\nc56c\nd78d", pattern: "^b", expected: ["a12a\nb34b\nc56c\nd78d"]),
  SplitRow(text: "a12a\nb34b\nc56c\nd78d", pattern: "b.+c", expected: ["a12a\nb34b\nc56c\nd78d"]),
  SplitRow(text: "a12a\nb34b\nc56c\nd78d", pattern: "b.+c", options: "Singleline", expected: ["a12a\n", "\nd78d"]),
  SplitRow(text: "a12a\n%b34b\nc56c\nd78d", pattern: "b.+c", options: "Singleline", expected: ["a12a\n%", "\nd78d"]),
  SplitRow(text: "a12a\r\nb34b\r\nc56c\r\nd78d", pattern: "b.+c", options: "Singleline", expected: ["a12a\r\n", "\r\nd78d"]),
  SplitRow(text: "a12a\nb34b\nc56c\nd78d", pattern: "^b", options: "Multiline", expected: ["a12a\n", "34b\nc56c\nd78d"]),
  SplitRow(text: "a12a\r\nb34b\r\nc56c\r\nd78d", pattern: "^b", options: "Multiline", expected: ["a12a\r\n", "34b\r\nc56c\r\nd78d"]),
  SplitRow(text: "a12a\nb34b\nc56c\nd78d", pattern: "^b.+c", options: "Singleline,Multiline", expected: ["a12a\n", "\nd78d"]),
  SplitRow(text: "a12a\n%b34b\nc56c\nd78d", pattern: "^b.+c", options: "Singleline,Multiline", expected: ["a12a\n%b34b\nc56c\nd78d"]),
  SplitRow(text: "a: b:c", pattern: ": ", expected: ["a", "b:c"]),
  SplitRow(text: "a: b:c", pattern: ": ", options: "IgnorePatternWhitespace", expected: ["a", " b", "c"]),
  SplitRow(text: "a:b", pattern: "(:)", expected: ["a", ":", "b"]),
  SplitRow(text: "a:b", pattern: "(:)", options: "ExplicitCapture", expected: ["a", "b"]),
  SplitRow(text: "abc", pattern: "B", options: "SimpleMatch,IgnoreCase", expected: ["a", "c"]),
  SplitRow(text: "abc", pattern: "B", options: "RegexMatch,Singleline", expected: ["a", "c"]),
  // about_Split
  SplitRow(text: "Lastname:FirstName:Address", pattern: ":", expected: ["Lastname", "FirstName", "Address"]),
  SplitRow(text: "Lastname:FirstName:Address", pattern: "(:)", expected: ["Lastname", ":", "FirstName", ":", "Address"]),
  SplitRow(text: "Lastname/:/FirstName/:/Address", pattern: "/(:)/", expected: ["Lastname", ":", "FirstName", ":", "Address"]),
  SplitRow(text: mercury, pattern: ",", max: 5, expected: ["Mercury", "Venus", "Earth", "Mars", "Jupiter,Saturn,Uranus,Neptune"]),
  SplitRow(text: mercury, pattern: ",", max: -5, expected: ["Mercury,Venus,Earth,Mars", "Jupiter", "Saturn", "Uranus", "Neptune"]),
  SplitRow(text: "Chocolate-Vanilla-Strawberry-Blueberry", pattern: "(-)", max: 3,
           expected: ["Chocolate", "-", "Vanilla", "-", "Strawberry-Blueberry"]),
  SplitRow(text: mercury, pattern: "er", expected: ["M", "cury,Venus,Earth,Mars,Jupit", ",Saturn,Uranus,Neptune"]),
  SplitRow(text: mercury, pattern: "N", caseSensitive: true, expected: ["Mercury,Venus,Earth,Mars,Jupiter,Saturn,Uranus,", "eptune"]),
  SplitRow(text: mercury, pattern: "[et]",
           expected: ["M", "rcury,V", "nus,", "ar", "h,Mars,Jupi", "", "r,Sa", "urn,Uranus,N", "p", "un", ""]),
  SplitRow(text: mercury, pattern: "[er]", max: 6,
           expected: ["M", "", "cu", "y,V", "nus,", "arth,Mars,Jupiter,Saturn,Uranus,Neptune"]),
  SplitRow(text: "a,b,c,d,e,f,g,h", pattern: ",", max: 3, expected: ["a", "b", "c,d,e,f,g,h"]),
  SplitRow(text: "a,b,c,d,e,f,g,h", pattern: ",", max: -3, expected: ["a,b,c,d,e,f", "g", "h"]),
  SplitRow(text: "1The first line.\n2The second line.\n3The third of three lines.", pattern: "^\\d", options: "multiline",
           expected: ["", "The first line.\n", "The second line.\n", "The third of three lines."]),
  SplitRow(text: "This.is.a.test", pattern: "\\.", expected: ["This", "is", "a", "test"]),
  SplitRow(text: "This.is.a.test", pattern: ".", options: "simplematch", expected: ["This", "is", "a", "test"]),
  SplitRow(text: "LastName, FirstName; Address, City, State, Zip", pattern: ";",
           expected: ["LastName, FirstName", " Address, City, State, Zip"]),
  // edge cases
  SplitRow(text: "abc", pattern: "", expected: ["", "a", "b", "c", ""]),
  SplitRow(text: "abc", pattern: "x", expected: ["abc"]),
  SplitRow(text: "", pattern: ",", expected: [""]),
  SplitRow(text: ",a,", pattern: ",", expected: ["", "a", ""]),
  SplitRow(text: "a.b*c", pattern: "*", options: "SimpleMatch", expected: ["a.b", "c"]),
  SplitRow(text: "a1b2c", pattern: "(?<d>\\d)", expected: ["a", "1", "b", "2", "c"]),
  SplitRow(text: "a-b_c", pattern: "(-)|(_)", expected: ["a", "-", "b", "_", "c"]),
  SplitRow(text: "one\r\ntwo\r\n", pattern: "\n", expected: ["one\r", "two\r", ""]),
  SplitRow(text: "one\r\ntwo", pattern: "\r?\n", expected: ["one", "two"]),
  SplitRow(text: "k1=v1;k2=v2", pattern: "[;=]", max: 3, expected: ["k1", "v1", "k2=v2"]),
]

let unarySplitRows: [(String, [String])] = [
  ("a b c d", ["a", "b", "c", "d"]),
  ("red yellow blue green", ["red", "yellow", "blue", "green"]),
  ("Windows PowerShell 2.0\nWindows PowerShell with remoting",
   ["Windows", "PowerShell", "2.0", "Windows", "PowerShell", "with", "remoting"]),
  ("  a \t b\r\n c  ", ["a", "b", "c"]),
  ("single", ["single"]),
  ("", [""]),
  ("   ", [""]),
]

let regexErrorRows: [ErrorRow] = [
  ErrorRow(pattern: "(", message: "Invalid pattern '(' at offset 1. Not enough )'s."),
  ErrorRow(pattern: "a)", message: "Invalid pattern 'a)' at offset 2. Too many )'s."),
  ErrorRow(pattern: "[abc", message: "Invalid pattern '[abc' at offset 4. Unterminated [] set."),
  ErrorRow(pattern: "*a", message: "Invalid pattern '*a' at offset 1. Quantifier '*' following nothing."),
  ErrorRow(pattern: "a**", message: "Invalid pattern 'a**' at offset 3. Nested quantifier '*'."),
  ErrorRow(pattern: "ab\\", message: "Invalid pattern 'ab\\' at offset 3. Illegal \\ at end of pattern."),
  ErrorRow(pattern: "a{3,1}", message: "Invalid pattern 'a{3,1}' at offset 6. Illegal {x,y} with x > y."),
  ErrorRow(pattern: "[z-a]", message: "Invalid pattern '[z-a]' at offset 4. [x-y] range in reverse order."),
  ErrorRow(pattern: "\\q", message: "Invalid pattern '\\q' at offset 2. Unrecognized escape sequence \\q."),
  ErrorRow(pattern: "(a)\\2", message: "Invalid pattern '(a)\\2' at offset 5. Reference to undefined group number 2."),
  ErrorRow(pattern: "\\k<x>", message: "Invalid pattern '\\k<x>' at offset 5. Reference to undefined group name 'x'."),
  ErrorRow(pattern: "(?<=a)b", message: "Lookbehind"),
]

// MARK: - Tests

@Suite struct PatternTests {
  // -like

  @Test(arguments: likeRows)
  func like(_ row: LikeRow) {
    #expect(WildcardPattern(row.pattern, caseSensitive: row.caseSensitive).matches(row.text) == row.expected)
  }

  @Test(arguments: [
    ("abc", false), ("a*", true), ("a?", true), ("[ab]", true), ("a]", true),
    ("a`*", false), ("`[abc`]", false), ("", false),
  ])
  func containsWildcards(_ pattern: String, _ expected: Bool) {
    #expect(WildcardPattern.containsWildcards(pattern) == expected)
  }

  @Test(arguments: [
    ("[abc", "The specified wildcard character pattern is not valid: [abc"),
    ("[z-a]", "The specified wildcard character pattern is not valid: [z-a]"),
    ("a[]", "The specified wildcard character pattern is not valid: a[]"),
  ])
  func invalidWildcard(_ pattern: String, _ message: String) {
    #expect(WildcardPattern.validate(pattern) == message)
    #expect(WildcardPattern(pattern).errorMessage == message)
    #expect(!WildcardPattern(pattern).matches(pattern))
  }

  @Test(arguments: ["abc]", "[a-z]", "`[abc", "*", "[]]", "a`"])
  func validWildcard(_ pattern: String) {
    #expect(WildcardPattern.validate(pattern) == nil)
    #expect(WildcardPattern(pattern).isValid)
  }

  @Test func wildcardEscapeRoundTrip() {
    #expect(WildcardPattern.escape("a*b[c]?`") == "a`*b`[c`]`?``")
    #expect(WildcardPattern.unescape("a`*b`[c`]`?``") == "a*b[c]?`")
    #expect(WildcardPattern.unescape("a`nb") == "a`nb")
    let text = "x*[y]?"
    #expect(WildcardPattern(WildcardPattern.escape(text)).matches(text))
    #expect(!WildcardPattern(WildcardPattern.escape(text)).matches("xa[y]b"))
  }

  // -match

  @Test(arguments: matchRows)
  func match(_ row: MatchRow) throws {
    let regex = try DotNetRegex(row.pattern, caseSensitive: row.caseSensitive, options: row.options)
    let found = regex.firstMatch(in: row.text)
    guard let expected = row.expected else {
      #expect(found == nil)
      return
    }
    let m = try #require(found)
    var table: [String: String] = [:]
    for g in m.groups where g.success { table[g.key] = g.value }
    #expect(table == expected)
    #expect(m.value == expected["0"])
    #expect(String(row.text[m.range]) == m.value)
  }

  @Test func groupMetadata() throws {
    let regex = try DotNetRegex("(?<year>\\d{4})-(\\d\\d)(?:-(\\d\\d))?")
    #expect(regex.groupNumbers == [0, 1, 2, 3])
    #expect(regex.groupNames == ["year"])
    let m = try #require(regex.firstMatch(in: "on 2024-05!"))
    #expect(m.groups.map(\.number) == [0, 1, 2, 3])
    #expect(m.groups.map(\.name) == [nil, nil, nil, "year"])
    #expect(m.groups.map(\.success) == [true, true, false, true])
    #expect(m.groups.map(\.value) == ["2024-05", "05", nil, "2024"])
    #expect(m.group(named: "year")?.value == "2024")
  }

  @Test func allMatches() throws {
    let regex = try DotNetRegex("\\d+")
    #expect(regex.matches(in: "a1b22c333").map(\.value) == ["1", "22", "333"])
    #expect(regex.matches(in: "none").isEmpty)
    #expect(try DotNetRegex("x*").matches(in: "ab").count == 3)
  }

  @Test(arguments: regexErrorRows)
  func regexErrors(_ row: ErrorRow) {
    #expect {
      _ = try DotNetRegex(row.pattern)
    } throws: { error in
      guard let e = error as? RegexError else { return false }
      return e.message == row.message || (row.message == "Lookbehind" && e.message.contains("Lookbehind"))
    }
  }

  // -replace

  @Test(arguments: replaceRows)
  func replace(_ row: ReplaceRow) throws {
    let regex = try DotNetRegex(row.pattern, caseSensitive: row.caseSensitive)
    #expect(regex.replace(in: row.text, with: row.replacement) == row.expected)
  }

  @Test func replaceWithEvaluator() throws {
    // ReplaceOperator.Tests.ps1: script block / MatchEvaluator replacements
    let r1 = try DotNetRegex("\\b[A-C]+")
    #expect(r1.replace(in: "ID ABC123") { String(repeating: "X", count: $0.value.count) } == "ID XXX123")
    let r2 = try DotNetRegex("\\b0+")
    #expect(r2.replace(in: "ID 0000123") { String(repeating: "X", count: $0.value.count) } == "ID XXXX123")
    let r3 = try DotNetRegex("(?<n>\\d)")
    #expect(r3.replace(in: "a1b2") { "<\($0.group(named: "n")?.value ?? "")>" } == "a<1>b<2>")
  }

  @Test func escapedPunctuationIsLiteral() throws {
    for v in UInt32(0x20)...0x7E {
      let c = Character(Unicode.Scalar(v)!)
      guard !c.isLetter && !c.isNumber else { continue }
      let regex = try DotNetRegex(DotNetRegex.escape(String(c)), caseSensitive: true)
      #expect(regex.firstMatch(in: "ab\(c)cd")?.value == String(c), "character \(c)")
      // `\_` is an unrecognized escape in .NET (`_` is a word character).
      if c != "_" { #expect(try DotNetRegex("[\\\(c)]").isMatch(String(c)), "class with \(c)") }
    }
  }

  @Test func cachedRegexIsReused() throws {
    let a = try DotNetRegex.cached("a(b)c", caseSensitive: false)
    let b = try DotNetRegex.cached("a(b)c", caseSensitive: false)
    #expect(a.translatedPattern == b.translatedPattern)
    #expect(b.firstMatch(in: "xABCx")?.groups.last?.value == "B")
    #expect(throws: RegexError.self) { _ = try DotNetRegex.cached("a(b") }
  }

  @Test func regexEscape() throws {
    #expect(DotNetRegex.escape("a.b*c (d) [e] {f} ^$|\\#") == "a\\.b\\*c\\ \\(d\\)\\ \\[e]\\ \\{f}\\ \\^\\$\\|\\\\\\#")
    #expect(DotNetRegex.escape("tab\there\n") == "tab\\there\\n")
    let literal = "1+1=2? (yes)"
    #expect(try DotNetRegex(DotNetRegex.escape(literal)).firstMatch(in: "say \(literal)!")?.value == literal)
  }

  // -split

  @Test(arguments: splitRows)
  func split(_ row: SplitRow) throws {
    let options = try PSSplit.parseOptions(row.options)
    let result = try PSSplit.split(row.text, pattern: row.pattern, maxSubstrings: row.max,
                                   options: options, caseSensitive: row.caseSensitive)
    #expect(result == row.expected)
  }

  @Test(arguments: unarySplitRows)
  func unarySplit(_ text: String, _ expected: [String]) {
    #expect(PSSplit.splitWhitespace(text) == expected)
  }

  @Test func invalidSplitOptionCombination() {
    for options in ["RegexMatch,SimpleMatch", "SimpleMatch,Multiline", "SimpleMatch,ExplicitCapture"] {
      #expect(throws: RegexError(message: "The combination of options with the -split operator is not valid.")) {
        _ = try PSSplit.split("abc", pattern: "B", options: PSSplit.parseOptions(options))
      }
    }
  }

  @Test func splitOptionsParsing() throws {
    #expect(try PSSplit.parseOptions("SimpleMatch,IgnoreCase") == [.simpleMatch, .ignoreCase])
    #expect(try PSSplit.parseOptions(" multiline , SINGLELINE ") == [.multiline, .singleline])
    #expect(try PSSplit.parseOptions("") == [])
    #expect(try PSSplit.parseOptions("ExplicitCapture,CultureInvariant,IgnorePatternWhitespace,RegexMatch")
            == [.explicitCapture, .cultureInvariant, .ignorePatternWhitespace, .regexMatch])
    #expect(throws: RegexError(message:
      "Cannot convert value \"SimpleMatch,Bogus\" to type \"System.Management.Automation.SplitOptions\". "
      + "Error: \"Unable to match the identifier name Bogus to a valid enumerator name. Specify one of the "
      + "following enumerator names and try again:\nSimpleMatch, RegexMatch, CultureInvariant, "
      + "IgnorePatternWhitespace, Multiline, Singleline, IgnoreCase, ExplicitCapture\"")) {
      _ = try PSSplit.parseOptions("SimpleMatch,Bogus")
    }
  }

  @Test(arguments: [
    // SplitOperator.Tests.ps1: -split {$_ -eq "b" -or $_ -eq "C"} (-eq is case-insensitive)
    ("a::b::c::d", 0, ["a::", "::", "::d"]),
    ("a::b::c::d", 2, ["a::", "::c::d"]),
    ("a::b::c::d", -2, ["a::b::", "::d"]),
    ("e::f::g::h", 1, ["e::f::g::h"]),
  ])
  func predicateSplit(_ text: String, _ max: Int, _ expected: [String]) {
    let result = PSSplit.split(text, maxSubstrings: max) { c, _ in
      let s = c.lowercased()
      return s == "b" || s == "c"
    }
    #expect(result == expected)
  }

  @Test func predicateSplitAboutSplitExample() {
    // about_Split: $c -split {$_ -eq "e" -or $_ -eq "p"}
    let result = PSSplit.split(mercury) { c, _ in
      let s = c.lowercased()
      return s == "e" || s == "p"
    }
    #expect(result == ["M", "rcury,V", "nus,", "arth,Mars,Ju", "it", "r,Saturn,Uranus,N", "", "tun", ""])
  }

  @Test func regexSplitCountsAndGroups() throws {
    let regex = try DotNetRegex("(,)")
    #expect(regex.split("a,b,c", count: 2) == ["a", ",", "b,c"])
    #expect(regex.split("a,b,c", count: -2) == ["a,b", ",", "c"])
    #expect(regex.split("a,b,c", count: 1) == ["a,b,c"])
    #expect(regex.split("a,b,c", count: 10) == ["a", ",", "b", ",", "c"])
  }
}
