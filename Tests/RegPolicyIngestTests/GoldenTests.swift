import Foundation
import RegPolicyIngest
import RegPolicyKit
import RegPolicyModel
import Testing

/// Readable outlines of the synthetic samples, checked by hand and pinned in `corpus/expected/`.
/// `REGPOLICY_RECORD=1 swift test` rewrites them and then fails, so a re-record is never silent.
@Suite("Golden outlines")
struct GoldenTests {
  static let samples = [
    "synthetic-oj.html", "synthetic.fmx.xml", "synthetic-consolidated.html", "synthetic-akn4eu.xml",
    "synthetic-oscal.xml", "synthetic-playbook.json",
  ]

  @Test("outline with IDs, markers and text", arguments: samples)
  func outline(_ sample: String) throws {
    let path = Corpus.packageRoot + "/corpus/samples/" + sample
    let result = Ingester.ingest(path)
    var document = try #require(result.document, "\(result.diagnostics)")
    document.instrument.files = []
    let rendered = String(decoding: DocumentRenderer.render(document, as: .text), as: UTF8.self)
    let golden = Corpus.packageRoot + "/corpus/expected/" + sample + ".txt"
    if ProcessInfo.processInfo.environment["REGPOLICY_RECORD"] == "1" {
      try rendered.write(toFile: golden, atomically: true, encoding: .utf8)
      Issue.record("re-recorded \(golden); read it, then run the tests again without REGPOLICY_RECORD")
      return
    }
    let expected = try String(contentsOfFile: golden, encoding: .utf8)
    #expect(rendered == expected)
  }

  @Test("the two synthetic markups of one act ingest identically")
  func syntheticParity() throws {
    let html = try #require(Ingester.ingest(Corpus.packageRoot + "/corpus/samples/synthetic-oj.html").document)
    let formex = try #require(Ingester.ingest(Corpus.packageRoot + "/corpus/samples/synthetic.fmx.xml").document)
    #expect(html.contentByID == formex.contentByID)
    #expect(html.footnotes.map(\.text) == formex.footnotes.map(\.text))
  }

  @Test("JSON output is deterministic and keeps the public field names")
  func deterministicJSON() throws {
    let path = Corpus.path("eu-ai-act/html/32024R1689_EN_OJ.html")
    let first = DocumentRenderer.json(try #require(Ingester.ingest(path).document))
    let second = DocumentRenderer.json(try #require(Ingester.ingest(path).document))
    #expect(first == second)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(first)) as? [String: Any])
    #expect(Set(object.keys) == ["footnotes", "instrument", "provisions"])
    let provision = try #require((object["provisions"] as? [[String: Any]])?.first)
    #expect(Set(["id", "kind", "num", "heading", "text", "children", "source"]).isSubset(of: provision.keys))
    let source = try #require(provision["source"] as? [String: Any])
    #expect(source["line"] is Int && source["column"] is Int)
    // Keys are sorted at every level: re-serialising with sorted keys gives the same bytes.
    let resorted = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
    #expect(String(decoding: resorted, as: UTF8.self) + "\n" == String(decoding: first, as: UTF8.self))
  }
}
