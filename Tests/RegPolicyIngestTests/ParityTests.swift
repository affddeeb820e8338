import Foundation
import RegPolicyIngest
import RegPolicyModel
import Testing

/// The same act in two official formats must give the same pinpoint IDs and the same normalised
/// text, heading and number for every provision.
@Suite("Format parity")
struct ParityTests {
  @Test(
    "same act, HTML and Formex: identical IDs and content",
    arguments: [
      ("eu-ai-act/html/32024R1689_EN_OJ.html", "eu-ai-act/formex"),
      ("format-samples/reg-2024-903/32024R0903_EN_OJ.html", "format-samples/reg-2024-903/L_202400903EN.doc.fmx.xml"),
      ("gdpr/32016R0679_EN_OJ.html", "gdpr/L_2016119EN.01000101.fmx.xml"),
      ("other-eu/32022R2065_DSA_EN_OJ.html", "other-eu/formex-dsa/L_2022277EN.01000101.xml"),
    ])
  func parity(_ html: String, _ formex: String) throws {
    let (a, _) = try Corpus.ingest(html)
    let (b, _) = try Corpus.ingest(formex)
    let left = a.contentByID
    let right = b.contentByID
    #expect(left.count > 100)
    #expect(Set(left.keys).subtracting(right.keys).sorted() == [])
    #expect(Set(right.keys).subtracting(left.keys).sorted() == [])
    let differing = left.keys.filter { right[$0] != nil && left[$0] != right[$0] }.sorted()
    #expect(
      differing == [], "first difference: \(differing.first.map { "\($0)\n  \(left[$0]!)\n  \(right[$0]!)" } ?? "")")
    #expect(a.instrument.celex == b.instrument.celex)
  }

  @Test("AI Act NL: OJ and consolidated 2024-07-12")
  func dutchVersions() throws {
    let (oj, _) = try Corpus.ingest("eu-ai-act/html-nl/32024R1689_NL_OJ.html")
    let (consolidated, _) = try Corpus.ingest("eu-ai-act/html-nl/02024R1689-20240712_NL_consolidated.html")
    #expect(oj.instrument.language == "nl")
    #expect(consolidated.instrument.id == "02024R1689-20240712")
    #expect(consolidated.instrument.date == "2024-07-12")
    #expect(consolidated.instrument.format == .eurlexConsolidatedHTML)
    // Markers are metadata: recorded on provisions, absent from every text.
    let marked = consolidated.allProvisions.filter { !$0.markers.isEmpty }
    #expect(marked.contains { $0.markers.contains("▼C2") })
    for provision in consolidated.allProvisions {
      #expect(
        !provision.text.contains("►") && !provision.text.contains("◄") && !provision.text.contains("▼"),
        "\(provision.id) keeps a marker in its text")
    }
    // The OJ printed two paragraphs 11 in Article 73; corrigendum C2 renumbered the first to 10.
    #expect(oj.provision(PinpointID(rawValue: "art_73.par_11-dup2")) != nil)
    #expect(consolidated.provision(PinpointID(rawValue: "art_73.par_10")) != nil)
    #expect(oj.provision(PinpointID(rawValue: "art_73.par_10")) == nil)
    // Apart from the renumbering and the parts a consolidated text never carries (citations,
    // recitals, final formula), the articles agree.
    let ojArticles = oj.contentByID.filter { $0.key.hasPrefix("art_") && !$0.key.hasPrefix("art_73.") }
    let consolidatedArticles = consolidated.contentByID.filter {
      $0.key.hasPrefix("art_") && !$0.key.hasPrefix("art_73.")
    }
    #expect(ojArticles == consolidatedArticles)
  }

  @Test("GDPR consolidated HTML and Formex agree on the articles")
  func gdprConsolidated() throws {
    let (html, _) = try Corpus.ingest("gdpr/02016R0679-20160504_EN_consolidated.html")
    let (formex, _) = try Corpus.ingest("gdpr/02016R0679-20160504_EN_consolidated.fmx.xml")
    let articleIDs = { (document: Document) in Set(document.all(.article).map(\.id)) }
    #expect(articleIDs(html) == articleIDs(formex))
    #expect(html.instrument.id == "02016R0679-20160504")
  }
}
