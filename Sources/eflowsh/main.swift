import PSLanguage
import Foundation
let args = CommandLine.arguments
if args.count > 1, args[1] == "--conf" {
  let text = try! String(contentsOfFile: "/work/shared/conformance/parse-errors.tsv", encoding: .utf8)
  var ok = 0, bad = 0, header = false
  for line in text.split(separator: "\n") {
    if line.hasPrefix("#") { continue }
    if !header { header = true; continue }
    let c = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
    let r = Parser.parse(c[0])
    let ids = r.errors.map(\.id.rawValue).joined(separator: ",")
    let pos = r.errors.map { c[3] == "column" ? String(r.source.position(of: $0.range.start).column) : String($0.range.start) }.joined(separator: ",")
    if ids == c[1] && pos == c[2] { ok += 1 } else { bad += 1; print("FAIL \(c[0])\n   want \(c[1]) \(c[2])\n   got  \(ids) \(pos)") }
  }
  print("\(ok) passed, \(bad) failed")
} else {
  let text = args.count > 1 ? args[1] : ""
  let r = Parser.parse(text)
  for e in r.errors { print(e.id.rawValue, e.range.start, e.isIncompleteInput ? "incomplete" : "", e.message) }
}
