import Foundation
import RegPolicyDiff
import RegPolicyIngest
import RegPolicyKit
import RegPolicyModel
import RegPolicyTestSupport
import Testing

/// Version diffs on the official files (REGPOLICY_CORPUS, default corpus/official; missing = failure).
@Suite("Version diff")
struct DiffTests {
  static let corpus = TestPaths.corpus
  var corpus: String { Self.corpus }

  static func document(_ path: String) throws -> Document {
    let result = Ingester.ingest(corpus + "/" + path)
    return try #require(result.document, "cannot ingest \(path): \(result.diagnostics)")
  }

  /// "m:art_1.par_1", "a:art_14a", "r:…", "v:old→new"; a trailing * marks an editorial change.
  static func summary(_ diff: ProvisionDiff) -> [String] {
    diff.changes.map { change in
      let id =
        change.kind == .moved
        ? "\(change.oldID?.rawValue ?? "")→\(change.newID?.rawValue ?? "")"
        : (change.newID ?? change.oldID)?.rawValue ?? ""
      let letter = change.kind == .moved ? "v" : String(change.kind.rawValue.prefix(1))
      return "\(letter):\(id)\(change.substantive ? "" : "*")"
    }
  }

  /// Pinned from the two consolidated versions and checked against Directive 2009/136/EC, Article 2:
  /// it rewrote Articles 1(1), 2(c), 3, 4, 5(3), 6(3), 13(1)–(4), added 2(i), 4(1a) and (3)–(5),
  /// 13(6), 14a, 15(1b) and 15a, and changed 2(h) by a punctuation mark only.
  @Test("ePrivacy 2006 → 2009: Articles 14a and 15a added, the rewritten articles substantive, the rest untouched")
  func ePrivacy() throws {
    let diff = ProvisionDiff(
      old: try Self.document("eprivacy/02002L0058-20060503_EN_consolidated.fmx.xml"),
      new: try Self.document("eprivacy/02002L0058-20091219_EN_consolidated.fmx.xml"))
    #expect(
      Self.summary(diff) == [
        "m:art_1.par_1", "m:art_2.sub_2.pt_c", "m:art_2.sub_2.pt_h*", "a:art_2.sub_2.pt_i", "m:art_3",
        "r:art_3.par_1", "r:art_3.par_2", "r:art_3.par_3", "m:art_4", "a:art_4.par_1a", "a:art_4.par_1a.idt_1",
        "a:art_4.par_1a.idt_2", "a:art_4.par_1a.idt_3", "a:art_4.par_1a.sub_2", "a:art_4.par_3",
        "a:art_4.par_3.sub_2", "a:art_4.par_3.sub_3", "a:art_4.par_3.sub_4", "a:art_4.par_3.sub_5", "a:art_4.par_4",
        "a:art_4.par_4.sub_2", "a:art_4.par_5", "a:art_4.par_5.sub_2", "m:art_5.par_3", "m:art_6.par_3",
        "m:art_13.par_1", "m:art_13.par_2", "m:art_13.par_3", "m:art_13.par_4", "a:art_13.par_6", "a:art_14a",
        "a:art_14a.par_1", "a:art_14a.par_2", "a:art_14a.par_3", "a:art_15.par_1b", "a:art_15a", "a:art_15a.par_1",
        "a:art_15a.par_2", "a:art_15a.par_3", "a:art_15a.par_4", "a:art_15a.par_4.sub_2",
      ])
    let addedArticles = diff.changes.filter { $0.kind == .added && $0.newID?.segments.count == 1 }.compactMap(\.newID)
    #expect(addedArticles.map(\.rawValue) == ["art_14a", "art_15a"])
    let touched = Set(diff.changes.compactMap { ($0.newID ?? $0.oldID)?.topLevel.rawValue })
    for article in [7, 8, 9, 10, 11, 12, 14, 16, 17, 18, 19, 20, 21] { #expect(!touched.contains("art_\(article)")) }
    #expect(diff.changes.first { $0.newID?.rawValue == "art_2.sub_2.pt_h" }?.editorial == "punctuation")
  }

  @Test(
    "GDPR OJ → consolidated 2016-05-04: the corrigendum's changes, the same from HTML and Formex, none only formatting")
  func gdpr() throws {
    let old = try Self.document("gdpr/32016R0679_EN_OJ.html")
    let html = ProvisionDiff(old: old, new: try Self.document("gdpr/02016R0679-20160504_EN_consolidated.html"))
    let formex = ProvisionDiff(old: old, new: try Self.document("gdpr/02016R0679-20160504_EN_consolidated.fmx.xml"))
    // The corrigendum (OJ L 127, 23.5.2018): "criteria" → "requirements" for accreditation in
    // Articles 41–43, 57, 64 and 70, Article 37(1)(c) "and" → "or", 43(6) loses its last sentence,
    // 69(2) a corrected reference.
    let expected = [
      "m:art_37.par_1.pt_c", "m:art_41.par_3", "m:art_41.par_5", "m:art_42.par_7", "m:art_43.par_3", "m:art_43.par_6",
      "m:art_57.par_1.pt_p", "m:art_64.par_1.pt_c", "m:art_64.par_6", "m:art_64.par_7", "m:art_64.par_8",
      "m:art_65.par_1.pt_a", "m:art_69.par_2*", "m:art_70.par_1.pt_l", "m:art_70.par_1.pt_o", "m:art_70.par_1.pt_p",
    ]
    #expect(Self.summary(html) == expected)
    #expect(Self.summary(formex) == expected)
    #expect(html.omitsFraming && formex.omitsFraming)
    // Independently of the classifier: every substantive change changes the letters and digits.
    let new = try Self.document("gdpr/02016R0679-20160504_EN_consolidated.html")
    func letters(_ document: Document, _ id: PinpointID?) -> String {
      let provision = id.flatMap { document.provision($0) }
      return String(
        ((provision?.heading ?? "") + (provision?.text ?? "")).lowercased().filter { $0.isLetter || $0.isNumber })
    }
    for change in html.changes where change.substantive {
      #expect(letters(old, change.oldID) != letters(new, change.newID), "\(change.newID?.rawValue ?? "")")
    }
  }

  @Test("AI Act NL OJ → consolidated 2024-07-12: the ►C2 corrigendum of Article 73 found as a renumbering")
  func aiActCorrigendum() throws {
    let consolidated = try Self.document("eu-ai-act/html-nl/02024R1689-20240712_NL_consolidated.html")
    let diff = ProvisionDiff(old: try Self.document("eu-ai-act/html-nl/32024R1689_NL_OJ.html"), new: consolidated)
    let summary = Self.summary(diff)
    // The OJ numbered two paragraphs of Article 73 "11"; the corrigendum made them 10 and 11.
    #expect(summary.prefix(2) == ["v:art_73.par_11→art_73.par_10*", "v:art_73.par_11-dup2→art_73.par_11*"])
    let corrected = consolidated.allProvisions.filter { $0.markers.contains { $0.contains("C2") } }.map(\.id)
    #expect(corrected == [PinpointID(rawValue: "art_73.par_10")])
    for id in corrected { #expect(diff.changes.contains { $0.newID == id }) }
    // Nothing else changed in substance (the rest are Annex VII points nested differently by the
    // consolidated page's markup, same text).
    #expect(diff.changes.filter(\.substantive).isEmpty)
    #expect(diff.changes.allSatisfy { $0.kind == .moved && $0.diff.isEmpty })
  }

  @Test(
    "the same act in two formats has no changes",
    arguments: [
      ("eu-ai-act/html/32024R1689_EN_OJ.html", "eu-ai-act/formex"),
      ("format-samples/reg-2024-903/32024R0903_EN_OJ.html", "format-samples/reg-2024-903/L_202400903EN.doc.fmx.xml"),
    ])
  func twoFormats(_ html: String, _ formex: String) throws {
    let diff = ProvisionDiff(old: try Self.document(html), new: try Self.document(formex))
    #expect(diff.changes.isEmpty, "\(Self.summary(diff))")
  }

  /// Pinned from the two Playbook files, compared field by field in their JSON: the 2024 edition
  /// completes MANAGE 1.1's outcome ("A determination is made as to whether …", 2023 lacked "made")
  /// and drops a repeated question from GOVERN 1.6's documentation prompts; every other change is
  /// to the Topic tags of six subcategories, which are no text of the Playbook's provisions.
  @Test("AI RMF Playbook 2023 → 2024: what NIST changed")
  func playbook() throws {
    let diff = ProvisionDiff(
      old: try Self.document("nist/nist_ai_rmf_playbook_2023-04.json"),
      new: try Self.document("nist/nist_ai_rmf_playbook_2024-06.json"))
    #expect(Self.summary(diff) == ["m:sbc_govern-1-6.smt_doc", "m:sbc_manage-1-1"])
    let outcome = try #require(diff.changes.first { $0.newID?.rawValue == "sbc_manage-1-1" })
    #expect(outcome.diff.contains("A determination is {+made+} as to whether"))
  }

  @Test("obligations follow the law: ePrivacy 2009 adds the breach-notification duties of Article 4(3)")
  func obligations() throws {
    func source(_ path: String) throws -> Source {
      try #require(Source.read(corpus + "/" + path).source, "cannot read \(path)")
    }
    let report = Comparison(
      old: try source("eprivacy/02002L0058-20060503_EN_consolidated.fmx.xml"),
      new: try source("eprivacy/02002L0058-20091219_EN_consolidated.fmx.xml"))
    let new = Set(report.obligations.filter { $0.change == .new }.compactMap { $0.newClause?.rawValue })
    for clause in ["art_4.par_3", "art_4.par_4", "art_15a.par_1"] {
      #expect(new.contains(clause), "\(clause)")
    }
    // 14a(1) "The Commission shall be assisted by the Communications Committee" sets up a
    // procedure: constitution, no duty (docs/labelling.md; issue 15).
    #expect(!new.contains("art_14a.par_1"))
    #expect(report.obligations.contains { $0.change == .removed && $0.oldClause?.rawValue == "art_3.par_3" })
    #expect(report.policies.isEmpty)
  }
}

@Suite("Word diff and editorial changes")
struct WordDiffTests {
  @Test("the word diff keeps the common words and marks the rest")
  func wordDiff() {
    #expect(
      WordDiff("the draft criteria for accreditation", "the draft requirements for accreditation").marked
        == "the draft [-criteria-] {+requirements+} for accreditation")
    #expect(WordDiff("a b c", "a b c").marked == "a b c")
    #expect(WordDiff("", "new words").marked == "{+new words+}")
  }

  @Test("an excerpt keeps a few words around each change and cuts the rest")
  func excerpt() {
    let old = "one two three four five six seven eight nine ten"
    let diff = WordDiff(old, old.replacingOccurrences(of: "five", with: "5"))
    #expect(diff.excerpt(context: 2) == "… three four [-five-] {+5+} six seven …")
    #expect(diff.excerpt(context: 10) == diff.marked)
    #expect(WordDiff("a\nb c", "a\nb d").excerpt(context: 5) == "a b [-c-] {+d+}")
  }

  @Test(
    "editorial or substantive",
    arguments: [
      ("Member States shall ensure;", "Member States shall ensure,", "punctuation"),
      ("Member States shall ensure", "member states shall ensure", "case"),
      ("the provider shall notfy the authority", "the provider shall notify the authority", "typo"),
      ("referred to in Article 9(2)", "referred to in Article 9(3)", "reference"),
      ("pursuant to Article 9 and Article 10", "pursuant to Article 9 or Article 10", nil),
      ("the draft criteria for accreditation", "the draft requirements for accreditation", nil),
      ("shall notify the authority", "shall not notify the authority", nil),
    ] as [(String, String, String?)])
  func editorial(_ old: String, _ new: String, _ reason: String?) {
    #expect(Editorial.reason(old: old, new: new) == reason)
  }
}
