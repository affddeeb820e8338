import Foundation
import RegPolicyIngest
import RegPolicyModel
import Testing

/// Structure counts on the official files, as the issue and the corpus's SOURCES.md state them.
@Suite("Corpus counts")
struct CorpusCountTests {
  struct Expected: CustomTestStringConvertible, Sendable {
    var file: String
    var articles: Int
    var recitals: Int = 0
    var annexes: Int? = nil
    var testDescription: String { file }
  }

  static let acts: [Expected] = [
    Expected(file: "eu-ai-act/html/32024R1689_EN_OJ.html", articles: 113, recitals: 180, annexes: 13),
    Expected(file: "eu-ai-act/formex", articles: 113, recitals: 180, annexes: 13),
    Expected(file: "eu-ai-act/formex/L_202401689EN.doc.fmx.xml", articles: 113, recitals: 180, annexes: 13),
    Expected(file: "eu-ai-act/html-nl/32024R1689_NL_OJ.html", articles: 113, recitals: 180, annexes: 13),
    Expected(
      file: "eu-ai-act/html-nl/02024R1689-20240712_NL_consolidated.html", articles: 113, recitals: 0, annexes: 13),
    Expected(file: "gdpr/32016R0679_EN_OJ.html", articles: 99, recitals: 173),
    Expected(file: "gdpr/L_2016119EN.01000101.fmx.xml", articles: 99, recitals: 173),
    Expected(file: "gdpr/02016R0679-20160504_EN_consolidated.html", articles: 99),
    Expected(file: "gdpr/02016R0679-20160504_EN_consolidated.fmx.xml", articles: 99),
    Expected(file: "eprivacy/02002L0058-20060503_EN_consolidated.fmx.xml", articles: 21, recitals: 49),
    Expected(file: "eprivacy/02002L0058-20091219_EN_consolidated.fmx.xml", articles: 23, recitals: 49),
    Expected(file: "eprivacy/02002L0058-20091219_EN_consolidated.html", articles: 23),
    Expected(file: "other-eu/32022R2065_DSA_EN_OJ.html", articles: 93, recitals: 156),
    Expected(file: "other-eu/formex-dsa/L_2022277EN.01000101.xml", articles: 93, recitals: 156),
    Expected(file: "other-eu/32022R1925_DMA_EN_OJ.html", articles: 54, recitals: 109),
    // SOURCES.md counts 120 `rct_` containers; the first holds "Whereas:" (an EUR-Lex markup slip).
    // The act prints 119 recitals, (1) to (119).
    Expected(file: "other-eu/32023R2854_DataAct_EN_OJ.html", articles: 50, recitals: 119),
    Expected(file: "other-eu/32022R0868_DGA_EN_OJ.html", articles: 38, recitals: 63),
    Expected(file: "other-eu/formex-dsm-2019-790/L_2019130EN.01009201.xml", articles: 32, recitals: 86),
    Expected(file: "other-eu/formex-reach-consolidated/CL2006R1907EN0670010.0001.xml", articles: 141),
    Expected(file: "format-samples/reg-2024-903/32024R0903_EN_OJ.html", articles: 23, recitals: 57),
    Expected(file: "format-samples/com-proposal/COM_2025_1_final_EN.html", articles: 2, recitals: 5),
    Expected(file: "format-samples/reg-2024-903/L_202400903EN.doc.fmx.xml", articles: 23, recitals: 57),
  ]

  @Test("articles, recitals and annexes", arguments: acts)
  func counts(_ expected: Expected) throws {
    let (document, _) = try Corpus.ingest(expected.file)
    #expect(document.all(.article).count == expected.articles)
    #expect(document.all(.recital).count == expected.recitals)
    if let annexes = expected.annexes { #expect(document.all(.annex).count == annexes) }
    // Every ID is unique within a document.
    let ids = document.allProvisions.map(\.id)
    #expect(Set(ids).count == ids.count)
  }

  @Test(
    "AI Act: 509 numbered paragraphs and 468 points inside the articles, in both formats",
    arguments: ["eu-ai-act/html/32024R1689_EN_OJ.html", "eu-ai-act/formex"])
  func aiActDepth(_ file: String) throws {
    let (document, _) = try Corpus.ingest(file)
    #expect(document.inArticles([.paragraph]).count == 509)
    #expect(document.inArticles([.point, .indent]).count == 468)
    // Spot checks on the structure docs/ARCHITECTURE.md names.
    let art16 = try #require(document.provision(PinpointID(rawValue: "art_16")))
    #expect(art16.children.map(\.id.rawValue) == "abcdefghijkl".map { "art_16.pt_\($0)" })
    #expect(art16.text == "Providers of high-risk AI systems shall:")
    #expect(document.provision(PinpointID(rawValue: "art_5.par_1.pt_c.pt_ii")) != nil)
    #expect(document.provision(PinpointID(rawValue: "art_26.par_5.sub_2")) != nil)
    #expect(document.provision(PinpointID(rawValue: "anx_III.pt_1.pt_a")) != nil)
    #expect(
      document.provision(PinpointID(rawValue: "cpt_III.sct_2"))?.heading == "Requirements for high-risk AI systems")
    #expect(document.instrument.celex == "32024R1689")
    #expect(document.instrument.date == "2024-07-12")
    #expect(document.instrument.adopted == "2024-06-13")
    #expect(document.instrument.eli == "http://data.europa.eu/eli/reg/2024/1689/oj")
    #expect(document.instrument.language == "en")
  }

  @Test("ePrivacy 2009 has Articles 14a and 15a, 2006 has neither")
  func ePrivacyArticles() throws {
    let (old, _) = try Corpus.ingest("eprivacy/02002L0058-20060503_EN_consolidated.fmx.xml")
    let (new, _) = try Corpus.ingest("eprivacy/02002L0058-20091219_EN_consolidated.fmx.xml")
    #expect(new.provision(PinpointID(rawValue: "art_14a")) != nil)
    #expect(new.provision(PinpointID(rawValue: "art_15a")) != nil)
    #expect(old.provision(PinpointID(rawValue: "art_14a")) == nil)
    #expect(new.instrument.id == "02002L0058-20091219")
    #expect(new.instrument.version == "consolidated")
  }

  @Test(
    "SP 800-53: every control and enhancement in the file, counted independently",
    arguments: [
      "nist/NIST_SP-800-53_rev5_catalog.xml", "nist/NIST_SP-800-53_rev5_HIGH-baseline-resolved-profile_catalog.xml",
    ])
  func oscalControls(_ file: String) throws {
    let raw = try String(contentsOfFile: Corpus.path(file), encoding: .utf8)
    // Independent count: the opening tags in the raw text.
    let expected = raw.components(separatedBy: "<control ").count - 1
    let (document, _) = try Corpus.ingest(file)
    let found = document.all(.control).count + document.all(.controlEnhancement).count
    #expect(found == expected)
    #expect(expected > 300)
    let ac2 = try #require(document.provision(PinpointID(rawValue: "ctl_ac-2")))
    #expect(ac2.heading == "Account Management")
    #expect(ac2.children.contains { $0.kind == .controlEnhancement })
  }

  @Test(
    "AI RMF Playbook: 72 subcategories in both versions",
    arguments: ["nist/nist_ai_rmf_playbook_2023-04.json", "nist/nist_ai_rmf_playbook_2024-06.json"])
  func playbook(_ file: String) throws {
    let (document, _) = try Corpus.ingest(file)
    #expect(document.all(.subcategory).count == 72)
    #expect(Set(document.all(.function).compactMap(\.num)) == ["GOVERN", "MAP", "MEASURE", "MANAGE"])
    let govern = try #require(document.provision(PinpointID(rawValue: "sbc_govern-1-1")))
    #expect(govern.text.hasPrefix("Legal and regulatory requirements involving AI"))
  }

  @Test(
    "AKN4EU samples have their articles and recitals",
    arguments: [
      ("format-samples/akn4eu/JOIN_2022_19_REG_akn4eu.xml", 15, 8),
      ("format-samples/akn4eu/COM_2025_162_DIR_akn4eu.xml", 20, 24),
    ])
  func akomaNtoso(_ file: String, articles: Int, recitals: Int) throws {
    let (document, _) = try Corpus.ingest(file)
    #expect(document.all(.article).count == articles)
    #expect(document.all(.recital).count == recitals)
  }
}
