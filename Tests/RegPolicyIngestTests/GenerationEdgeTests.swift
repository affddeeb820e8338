import RegPolicyIngest
import RegPolicyModel
import Testing

/// Small pages in the shapes of the older generations, written for the cases a second reading of
/// the readers found (each failed before its fix): lost final parts and preambles, a long paragraph
/// taken for a heading, an act with an annexed agreement taken for a compilation.
@Suite("EUR-Lex generations: edge cases")
struct GenerationEdgeTests {
  /// A page before 2011 around `body` (HTML 4, so the `<br>` keeps it from being XML).
  static func legacy(_ body: String) -> String {
    #"<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN"><html lang="EN"><head><title>t</title></head>"#
      + "<body><div id=\"TexteOnly\"><p><TXT_TE><br>\n" + body + "\n</TXT_TE></p></div></body></html>\n"
  }

  static func read(_ text: String, name: String = "edge.html") throws -> Document {
    let result = Ingester.ingest(bytes: Array(text.utf8), path: name)
    return try #require(result.document, "\(result.diagnostics)")
  }

  static let flatPage = """
    <html xmlns="http://www.w3.org/1999/xhtml"><head><title>t</title></head><body>
    <table width="100%"><tr><td><p class="hd-date">22.11.2011</p></td><td><p class="hd-lg">EN</p></td></tr></table>
    <hr class="separator"/>
    <p class="doc-ti">REGULATION (EU) No 1169/2011 OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL</p>
    <p class="doc-ti">of 25 October 2011</p>
    <p class="normal">THE EUROPEAN PARLIAMENT AND THE COUNCIL OF THE EUROPEAN UNION,</p>
    <p class="normal">Having regard to the Treaty on the Functioning of the European Union,</p>
    <div class="x"><p class="normal">Whereas:</p></div>
    <table><tr><td><p class="normal">(1)</p></td><td><p class="normal">Recital one.</p></td></tr></table>
    <p class="normal">HAVE ADOPTED THIS REGULATION:</p>
    <p class="ti-section-1">CHAPTER I</p>
    <p class="ti-section-2">GENERAL PROVISIONS</p>
    <p class="ti-art">Article 1</p>
    <p class="normal">Text one.</p>
    <p class="normal">Done at Strasbourg, 25 October 2011.</p>
    <p class="signatory">For the Parliament</p>
    <hr class="doc-sep"/>
    <p class="doc-ti">ANNEX I</p>
    <p class="normal">1.   ‘Meat’ means x.</p>
    </body></html>
    """

  @Test("a 2011–2014 page with chapters: the title's lines, the preamble around a <div>, 'Done at' inside a chapter")
  func flatPage() throws {
    let document = try Self.read(Self.flatPage)
    #expect(document.instrument.title.hasSuffix("OF THE COUNCIL of 25 October 2011"))
    let preamble = try #require(document.provision(.preamble))
    #expect(preamble.text == "THE EUROPEAN PARLIAMENT AND THE COUNCIL OF THE EUROPEAN UNION,")
    #expect(
      document.provision(PinpointID(rawValue: "cit_1")) != nil
        && document.provision(PinpointID(rawValue: "rct_1")) != nil)
    #expect(document.provision(PinpointID(rawValue: "cpt_I"))?.children.map(\.id.rawValue) == ["art_1"])
    #expect(document.provision(.finalPart)?.text == "Done at Strasbourg, 25 October 2011.")
    #expect(document.provision(PinpointID(rawValue: "anx_I")) != nil)
  }

  @Test("the opening of a long paragraph is never an article's heading (Greek, 80 characters in 160 bytes)")
  func longParagraph() throws {
    let long =
      "Τα κράτη μέλη εξασφαλίζουν, σύμφωνα με τις διατάξεις της παρούσας οδηγίας, την προστασία των θεμελιωδών "
      + "δικαιωμάτων και ελευθεριών των φυσικών προσώπων, και ιδίως της ιδιωτικής ζωής, έναντι της επεξεργασίας."
    let document = try Self.read(
      Self.legacy(
        "<p>ΟΔΗΓΙΑ 95/46/ΕΚ</p><p></p><p>ΤΟ ΣΥΜΒΟΥΛΙΟ,</p><p>Article 1</p><p>\(long)</p><p>Article 2</p><p>Text.</p>"))
    let article = try #require(document.provision(PinpointID(rawValue: "art_1")))
    #expect(article.heading == nil && article.text == long)
  }

  @Test("an act with an annexed agreement is one act, never a compilation: its IDs stay art_N, the loss is loud")
  func annexedAgreement() throws {
    let body =
      "<p>COUNCIL DECISION of 1 June 2000</p><p></p><p>THE COUNCIL,</p><p>HAS DECIDED AS FOLLOWS:</p>"
      + "<p>Article 1</p><p>The Agreement is approved.</p><p>Article 2</p><p>This Decision shall be published.</p>"
      + "<p>Done at Luxembourg, 1 June 2000.</p><p>--------------------------------------------------</p>"
      + "<p>AGREEMENT between the European Community and X</p><p>Article 1</p><p>Objective</p>"
      + "<p>Article 2</p><p>Entry into force.</p><p>--------------------------------------------------</p>"
      + "<p>ANNEX II</p><p>LIST</p><p>(a) x;</p>"
    let result = Ingester.ingest(bytes: Array(Self.legacy(body).utf8), path: "agreement.html")
    #expect(result.document == nil)  // the agreement's articles are not read yet: said, not lost
    #expect(result.diagnostics.contains { $0.code == .ingestNoArticles && $0.message.contains("4 article headings") })
  }

  @Test("pages before 2011: an annex right after the last article; a title block with no blank line after it")
  func legacyShapes() throws {
    let annex = try Self.read(
      Self.legacy(
        "<p>DIRECTIVE 1/2/EC</p><p></p><p>THE COUNCIL,</p><p>Article 1</p><p>Text.</p><p>Article 2</p>"
          + "<p>This Directive is addressed to the Member States.</p><p>ANNEX</p><p>LIST OF THINGS</p><p>(a) one;</p><p>(b) two.</p>"
      ))
    #expect(annex.provision(PinpointID(rawValue: "art_2"))?.children.isEmpty == true)
    #expect(
      annex.provision(PinpointID(rawValue: "anx_I"))?.children.map(\.id.rawValue) == ["anx_I.pt_a", "anx_I.pt_b"])
    let noBlank = try Self.read(
      Self.legacy(
        "<p>COUNCIL DIRECTIVE of 10 September 1984</p><p>THE COUNCIL,</p><p>Having regard to the Treaty,</p>"
          + "<p>Whereas the laws differ;</p><p>HAS ADOPTED THIS DIRECTIVE:</p><p>Article 1</p><p>Text.</p>"))
    #expect(noBlank.provision(PinpointID(rawValue: "cit_1"))?.text == "Having regard to the Treaty,")
    #expect(noBlank.provision(PinpointID(rawValue: "rct_1"))?.text == "Whereas the laws differ;")
    let exceptions = try Self.read(
      Self.legacy(
        "<p>DIRECTIVE 1/2/EC</p><p></p><p>THE COUNCIL,</p><p>Article 1</p>"
          + "<p>(exceptions to Article 2 apply only where a Member State so provides)</p><p>Text.</p>"))
    #expect(exceptions.provision(PinpointID(rawValue: "art_1"))?.heading == nil)  // no "(ex Article …)" note
  }

  @Test("a Formex act (not a consolidation) whose article is a list of amendments keeps them as points")
  func formexAmendments() throws {
    let act = """
      <?xml version="1.0" encoding="UTF-8"?>
      <ACT><BIB.INSTANCE><NO.SEQ>0001</NO.SEQ><LG.DOC>EN</LG.DOC></BIB.INSTANCE>
      <TITLE><TI><P>Regulation amending Regulation X</P></TI></TITLE>
      <ENACTING.TERMS><ARTICLE IDENTIFIER="001"><TI.ART>Article 1</TI.ART><ALINEA><LIST TYPE="ARAB">
      <ITEM><NP><NO.P>1.</NO.P><TXT>Article 2 is amended:</TXT><P><LIST TYPE="alpha"><ITEM><NP><NO.P>(a)</NO.P><TXT>a;</TXT></NP></ITEM></LIST></P></NP></ITEM>
      <ITEM><NP><NO.P>2.</NO.P><TXT>Article 3 is deleted;</TXT></NP></ITEM>
      </LIST></ALINEA></ARTICLE></ENACTING.TERMS></ACT>
      """
    let document = try Self.read(act, name: "act.xml")
    #expect(
      document.provision(PinpointID(rawValue: "art_1"))?.children.map(\.id.rawValue) == ["art_1.pt_1", "art_1.pt_2"])
  }
}
