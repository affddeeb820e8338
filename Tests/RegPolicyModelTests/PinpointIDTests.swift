import Foundation
import RegPolicyModel
import Testing

@Suite("Pinpoint IDs")
struct PinpointIDTests {
  @Test("segments compose as docs/ARCHITECTURE.md shows")
  func compose() {
    #expect(PinpointID(.article, "16").appending(.point, "a").rawValue == "art_16.pt_a")
    #expect(
      PinpointID(.article, "26").appending(.paragraph, "5").appending(.subparagraph, "2").rawValue
        == "art_26.par_5.sub_2")
    #expect(PinpointID(.annex, "III").appending(.point, "1").appending(.point, "a").rawValue == "anx_III.pt_1.pt_a")
    #expect(PinpointID(.chapter, "III").appending(.section, "2").rawValue == "cpt_III.sct_2")
    #expect(PinpointID(.recital, "42").rawValue == "rct_42")
  }

  @Test("dots and spaces in a printed number cannot break the scheme")
  func cleaning() {
    #expect(PinpointID(.annex, "VII").appending(.point, "3.1").rawValue == "anx_VII.pt_3-1")
    #expect(PinpointID(.control, "ac 2").rawValue == "ctl_ac-2")
    #expect(PinpointID(.annex, "VII").appending(.point, "3.1").segments.count == 2)
  }

  @Test("IDs order and compare by their text")
  func ordering() {
    #expect(PinpointID(rawValue: "art_1") < PinpointID(rawValue: "art_2"))
    #expect(PinpointID(.article, "5") == PinpointID(rawValue: "art_5"))
  }

  @Test("a document finds provisions at any depth")
  func lookup() {
    let point = Provision(id: PinpointID(rawValue: "art_1.pt_a"), kind: .point, num: "a", text: "x")
    let article = Provision(id: PinpointID(rawValue: "art_1"), kind: .article, num: "1", children: [point])
    let chapter = Provision(id: PinpointID(rawValue: "cpt_I"), kind: .chapter, num: "I", children: [article])
    let document = Document(instrument: Instrument(id: "x", format: .formex), provisions: [chapter])
    #expect(document.provision(PinpointID(rawValue: "art_1.pt_a"))?.text == "x")
    #expect(document.provision(PinpointID(rawValue: "art_2")) == nil)
    #expect(document.allProvisions.map(\.id.rawValue) == ["cpt_I", "art_1", "art_1.pt_a"])
  }

  @Test("diagnostics print as file:line:column: severity: message [code]")
  func diagnosticText() {
    let located = Diagnostic(
      DiagnosticCode.xmlMalformed, .error, file: "a.xml", line: 3, column: 7, "premature end of data")
    #expect(located.description == "a.xml:3:7: error: premature end of data [xml.malformed]")
    let unlocated = Diagnostic(DiagnosticCode.inputEmpty, .error, file: "b.xml", "file is empty")
    #expect(unlocated.description == "b.xml: error: file is empty [input.empty]")
  }
}

@Suite("Citations")
struct CitationTests {
  @Test(
    "a pinpoint ID is cited as the Official Journal writes it",
    arguments: [
      ("art_12", "Article 12"), ("art_12.par_1", "Article 12(1)"), ("art_16.pt_c", "Article 16, point (c)"),
      ("art_5.par_1.pt_c.pt_ii", "Article 5(1), point (c)(ii)"),
      ("art_26.par_5.sub_2", "Article 26(5), second subparagraph"),
      ("art_2.sub_2.pt_c", "Article 2, second subparagraph, point (c)"),
      ("art_4.par_1a.idt_3", "Article 4(1a), third indent"), ("anx_III.pt_1.pt_a", "Annex III, point 1(a)"),
      ("rct_42", "Recital 42"), ("cpt_III.sct_2", "Chapter III, Section 2"),
      // NIST's identifiers as NIST writes them (AI RMF 1.0, SP 800-53 rev. 5).
      ("fn_measure", "MEASURE"), ("cat_govern-1", "GOVERN 1"), ("sbc_measure-2-4", "MEASURE 2.4"),
      ("sbc_govern-1-7.smt_actions", "GOVERN 1.7, Suggested Actions"), ("grp_ac", "AC"), ("ctl_au-11", "AU-11"),
      ("ctl_ac-2-1", "AC-2(1)"), ("ctl_ac-1.smt_a", "AC-1, a"),
    ])
  func citation(_ id: String, _ expected: String) {
    #expect(PinpointID(rawValue: id).citation == expected)
  }

  @Test(
    "the EUR-Lex link anchors the paragraph where the Official Journal page has an anchor, else the article or annex",
    arguments: [
      ("art_12.par_1", "012.001"), ("art_26.par_6.sub_2", "026.006"), ("art_5.par_1.pt_c", "005.001"),
      ("art_16.pt_c", "art_16"), ("art_14a.par_2", "art_14a"), ("anx_III.pt_1.pt_a", "anx_III"), ("rct_42", "rct_42"),
    ])
  func link(_ id: String, _ anchor: String) {
    #expect(
      PinpointID(rawValue: id).eurLexLink(celex: "32024R1689")
        == "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32024R1689#\(anchor)")
  }

  @Test("steps: an ID read into its typed parts and built back; its parent")
  func steps() throws {
    let id = PinpointID(rawValue: "art_5.par_1.pt_c.pt_ii")
    let steps = try #require(id.steps)
    #expect(steps.map(\.prefix) == [.article, .paragraph, .point, .point])
    #expect(steps.map(\.number) == ["5", "1", "c", "ii"])
    #expect(PinpointID(steps: steps) == id)
    #expect(PinpointID(steps: steps.prefix(2)) == PinpointID(rawValue: "art_5.par_1"))
    #expect(PinpointID(steps: [] as [PinpointID.Step]) == nil)
    #expect(
      PinpointID(rawValue: "cpt_III").appending([(.section, "2"), (.subsection, "1")]).rawValue
        == "cpt_III.sct_2.sub-sct_1")
    #expect(PinpointID(rawValue: "cpt_III.sct_2.sub-sct_1").steps?.last?.prefix == .subsection)
    #expect(PinpointID.preamble.steps == nil, "pbl has no number")
    #expect(id.parent == PinpointID(rawValue: "art_5.par_1.pt_c"))
    #expect(PinpointID(rawValue: "art_5").parent == nil)
  }

  @Test("an ID is written to JSON as its text and read back typed")
  func codable() throws {
    let ids = [PinpointID(rawValue: "art_12.par_1"), PinpointID(rawValue: "anx_III.pt_1.pt_a")]
    let data = try JSONEncoder().encode(ids)
    #expect(String(decoding: data, as: UTF8.self) == #"["art_12.par_1","anx_III.pt_1.pt_a"]"#)
    #expect(try JSONDecoder().decode([PinpointID].self, from: data) == ids)
  }
}
