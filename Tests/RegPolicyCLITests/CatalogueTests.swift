import Foundation
import RegPolicyModel
import RegPolicyTestSupport
import Testing

/// The README's tables of exit statuses and diagnostic codes are the catalogue's, and every code
/// of the catalogue is one the code base reports.
@Suite("Diagnostic catalogue")
struct CatalogueTests {
  static let readme = TestPaths.packageRoot + "/README.md"

  /// `| status | meaning |` from `ExitStatus`.
  static var statusTable: String {
    "| status | meaning |\n|---|---|\n"
      + ExitStatus.allCases.map { "| \($0.rawValue) | \($0.meaning) |\n" }.joined()
  }

  /// `| code | exit status | meaning |` from `DiagnosticCode`, sorted by code.
  static var codeTable: String {
    "| code | exit status | meaning |\n|---|---|---|\n"
      + DiagnosticCode.allCases.sorted().map {
        "| `\($0.rawValue)` | \($0.exitStatus.rawValue) | \($0.entry.meaning) |\n"
      }
      .joined()
  }

  /// The README with each generated section replaced by what the catalogue says.
  static func regenerated(_ text: String) -> String {
    var text = text
    for (name, table) in [("exit statuses", statusTable), ("diagnostic codes", codeTable)] {
      let open = "<!-- generated: \(name) -->\n"
      guard let start = text.range(of: open),
        let end = text.range(of: "<!-- end -->", range: start.upperBound..<text.endIndex)
      else { continue }
      text.replaceSubrange(start.upperBound..<end.lowerBound, with: table)
    }
    return text
  }

  @Test("the README's tables are the catalogue's (REGPOLICY_RECORD=1 swift test --filter Catalogue rewrites them)")
  func readmeTables() throws {
    let actual = try String(contentsOfFile: Self.readme, encoding: .utf8)
    #expect(
      actual.contains("<!-- generated: exit statuses -->") && actual.contains("<!-- generated: diagnostic codes -->"))
    let expected = Self.regenerated(actual)
    if actual != expected, ProcessInfo.processInfo.environment["REGPOLICY_RECORD"] == "1" {
      try expected.write(toFile: Self.readme, atomically: true, encoding: .utf8)
      Issue.record("re-recorded the tables in \(Self.readme); run again")
      return
    }
    #expect(actual == expected, "run REGPOLICY_RECORD=1 swift test --filter Catalogue")
  }

  @Test("every code in the catalogue is reported somewhere in Sources")
  func everyCodeUsed() throws {
    let sources = TestPaths.packageRoot + "/Sources"
    var text = ""
    for path in try FileManager.default.subpathsOfDirectory(atPath: sources)
    where path.hasSuffix(".swift") && !path.hasSuffix("DiagnosticCode.swift") {
      text += try String(contentsOfFile: sources + "/" + path, encoding: .utf8)
    }
    for code in DiagnosticCode.allCases {
      let name = "\(code)"
      #expect(text.contains(".\(name)"), "\(code.rawValue) (.\(name)) is in the catalogue but nothing reports it")
    }
  }

  @Test("codes are stage.problem in lower case, and the catalogue is sorted")
  func shape() {
    for code in DiagnosticCode.allCases {
      #expect(
        code.rawValue.range(of: #"^[a-z0-9]+\.[a-z0-9-]+$"#, options: .regularExpression) != nil, "\(code.rawValue)")
    }
    #expect(DiagnosticCode.allCases.map(\.rawValue) == DiagnosticCode.allCases.map(\.rawValue).sorted())
  }
}
