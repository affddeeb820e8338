import Foundation
import RegPolicyExtract
import Testing

@Suite("Lexicon")
struct LexiconTests {
  static let file = Fixtures.packageRoot + "/rules/lexicon/en.tsv"
  static let embedded = Fixtures.packageRoot + "/Sources/RegPolicyExtract/Lexicon/EmbeddedLexicon.swift"

  /// The embedded copy is generated from the data file; re-record with REGPOLICY_RECORD=1.
  @Test("the embedded lexicon is rules/lexicon/en.tsv")
  func embeddedCopy() throws {
    let data = try String(contentsOfFile: Self.file, encoding: .utf8)
    let expected = """
      // swift-format-ignore-file
      // Generated from rules/lexicon/en.tsv by `REGPOLICY_RECORD=1 swift test --filter Lexicon`; do not edit.
      // A test fails when this copy and the file differ.

      extension Lexicon {
        static let embeddedEnglish = #\"\"\"

      """ + data + "\"\"\"#\n}\n"
    let actual = try String(contentsOfFile: Self.embedded, encoding: .utf8)
    if actual != expected, ProcessInfo.processInfo.environment["REGPOLICY_RECORD"] == "1" {
      try expected.write(toFile: Self.embedded, atomically: true, encoding: .utf8)
      Issue.record("re-recorded \(Self.embedded); rebuild and run again")
      return
    }
    #expect(actual == expected, "run REGPOLICY_RECORD=1 swift test --filter Lexicon")
  }

  @Test("the data file parses, and every AI Act and GDPR role named by issue 3 is in it")
  func roles() throws {
    let lexicon = try Lexicon(parsing: try String(contentsOfFile: Self.file, encoding: .utf8))
    let roles = Set(lexicon.phrases.filter { $0.category == .role }.map(\.label))
    for role in [
      "provider", "deployer", "importer", "distributor", "authorised-representative", "operator",
      "product-manufacturer", "gpai-provider", "gpai-systemic-provider", "notified-body", "notifying-authority",
      "market-surveillance-authority", "national-competent-authority", "member-state", "commission", "ai-office",
      "board", "scientific-panel", "controller", "processor", "data-subject", "supervisory-authority",
    ] {
      #expect(roles.contains(role), "\(role)")
    }
  }

  @Test(
    "malformed lexicon lines are reported with their line",
    arguments: [
      ("role\tprovider", 1, "expected 3 tab-separated fields"),
      ("# comment\nrole\tprovider\tprovider\nwhatever\t-\tx", 3, "unknown category 'whatever'"),
      ("role\t\tprovider", 1, "empty label or phrase"),
    ])
  func malformed(_ text: String, _ line: Int, _ message: String) {
    #expect {
      _ = try Lexicon(parsing: text)
    } throws: { error in
      guard let failure = error as? Lexicon.Failure else { return false }
      return failure.line == line && failure.message.hasPrefix(message)
    }
  }
}
