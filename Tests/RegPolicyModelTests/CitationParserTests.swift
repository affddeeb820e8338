import RegPolicyModel
import Testing

/// What a person types to name a clause resolves to its pinpoint ID.
@Suite("Citations typed by people")
struct CitationParserTests {
  @Test(
    "usual forms, in English and Dutch",
    arguments: [
      ("art_12.par_1", "art_12.par_1"), ("Art. 12(1)", "art_12.par_1"), ("Article 12(1)", "art_12.par_1"),
      ("Article 12 para 1", "art_12.par_1"), ("Article 12 paragraph 1", "art_12.par_1"), ("12(1)", "art_12.par_1"),
      ("art. 12 § 1", "art_12.par_1"), ("paragraph 1 of Article 12", "art_12.par_1"),
      ("Article 12(1) of Regulation (EU) 2024/1689", "art_12.par_1"), ("artikel 12, lid 1", "art_12.par_1"),
      ("Artikel 12, lid 1, van de AI-verordening", "art_12.par_1"), ("Article 26(6) AI Act", "art_26.par_6"),
      ("Article 50 (2)", "art_50.par_2"), ("Art 5(1)(c)", "art_5.par_1.pt_c"),
      ("Article 5(1), point (c)", "art_5.par_1.pt_c"), ("point (c) of Article 5(1)", "art_5.par_1.pt_c"),
      ("artikel 5, lid 1, onder c", "art_5.par_1.pt_c"), ("Article 5(1)(h)(iii)", "art_5.par_1.pt_h.pt_iii"),
      ("Art. 16(c)", "art_16.pt_c"), ("Article 26(5), second subparagraph", "art_26.par_5.sub_2"),
      ("Annex III, point 1(a)", "anx_III.pt_1.pt_a"), ("annex iii point 1", "anx_III.pt_1"),
      ("Section A of Annex I", "anx_I.sct_A"), ("Recital 42", "rct_42"), ("overweging 42", "rct_42"),
      ("Chapter III, Section 2", "cpt_III.sct_2"), ("AI Act Art. 73", "art_73"), ("Art. 14a", "art_14a"),
      ("  Article 73  ", "art_73"),
    ])
  func forms(_ text: String, _ expected: String) {
    #expect(PinpointID(citation: text)?.rawValue == expected, "\(text)")
  }

  @Test("words that name no provision", arguments: ["", "human oversight", "Regulation (EU) 2024/1689", "AI Act"])
  func none(_ text: String) {
    #expect(PinpointID(citation: text) == nil, "\(text)")
  }

  @Test("a citation rendered from an ID reads back as that ID")
  func roundTrip() {
    for id in ["art_12.par_1", "art_5.par_1.pt_c.pt_ii", "art_26.par_5.sub_2", "anx_III.pt_1.pt_a", "rct_42"] {
      let citation = PinpointID(rawValue: id).citation
      #expect(PinpointID(citation: citation)?.rawValue == id, "\(citation)")
    }
  }
}
