// embed-modules OUTPUT.swift MODULE.psm1...
//
// Writes a Swift file holding each module's name, the functions it declares and its text, for
// EflowCmdlets (run by the EmbedModulesPlugin build tool).
import Foundation

let args = CommandLine.arguments.dropFirst()
guard let output = args.first else {
  FileHandle.standardError.write(Data("usage: embed-modules OUTPUT.swift MODULE.psm1...\n".utf8))
  exit(64)
}

/// `function Verb-Noun` at the start of a line (after indentation).
func functionNames(_ text: String) -> [String] {
  text.split(separator: "\n").compactMap { line in
    let t = line.drop { $0 == " " || $0 == "\t" }
    guard t.prefix(9).lowercased() == "function " else { return nil }
    let name = t.dropFirst(9).drop { $0 == " " }.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
    return name.isEmpty ? nil : String(name)
  }
}

var entries = ""
for path in args.dropFirst() {
  let text = try String(contentsOfFile: path, encoding: .utf8)
  guard !text.contains("\"\"\"#") else {
    FileHandle.standardError.write(Data("\(path): contains the raw-string delimiter \"\"\"#\n".utf8))
    exit(1)
  }
  let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
  let commands = functionNames(text).map { "\"\($0)\"" }.joined(separator: ", ")
  entries += "    EmbeddedModule(\n      name: \"\(name)\", commands: [\(commands)],\n      text: #\"\"\"\n\(text)\"\"\"#),\n"
}
let swift = """
  // Generated at build time by the embed-modules tool from cmdlets/*.psm1.

  /// The emulated modules' declarations, compiled into the binary.
  enum EmbeddedModules {
    static let all: [EmbeddedModule] = [
  \(entries)  ]
  }

  """
try swift.write(toFile: output, atomically: true, encoding: .utf8)
