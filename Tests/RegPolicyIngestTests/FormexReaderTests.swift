import Foundation
import RegPolicyIngest
import RegPolicyModel
import RegPolicyTestSupport
import Testing

/// Formex files read on their own, and units printed without a number. Files named DERIVED are
/// made at test time from an official file by the one change the test names; none is official.
@Suite("Formex reader")
struct FormexReaderTests {
  static let annexIII = "eu-ai-act/formex/L_202401689EN.012701.fmx.xml"

  /// Ingests `text` written to a temporary file named `name`.
  static func ingest(_ text: String, name: String) throws -> IngestResult {
    let folder = TestPaths.temporaryFolder("formex")
    let path = folder + "/" + name
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return Ingester.ingest(path)
  }

  /// Every provision below `root` as "ID relative to root|kind|num|heading|text", in order.
  static func subtree(_ root: Provision) -> [String] {
    var lines: [String] = []
    root.forEach { provision in
      let id = provision.id.rawValue
      let relative = id == root.id.rawValue ? "" : String(id.dropFirst(root.id.rawValue.count))
      let num = provision.id == root.id ? "" : provision.num ?? ""
      lines.append("\(relative)|\(provision.kind.rawValue)|\(num)|\(provision.heading ?? "")|\(provision.text)")
    }
    return lines
  }

  /// Annex III as the official package reads it.
  static func packageAnnexIII() throws -> Provision {
    let (package, _) = try Corpus.ingest("eu-ai-act/formex")
    return try #require(package.provision(PinpointID(rawValue: "anx_III")))
  }

  @Test("an annex part read alone is a document holding that annex, as the package reads it")
  func loneAnnex() throws {
    let (alone, result) = try Corpus.ingest(Self.annexIII)
    #expect(alone.provisions.map(\.id.rawValue) == ["anx_III"])
    let annex = try #require(alone.provision(PinpointID(rawValue: "anx_III")))
    #expect(annex.heading == "High-risk AI systems referred to in Article 6(2)")
    #expect(Self.subtree(annex) == Self.subtree(try Self.packageAnnexIII()))
    #expect(annex.children.count == 8)
    #expect(!result.diagnostics.contains { $0.severity != .note })
  }

  @Test("a lone annex whose label has no numeral ('ANNEX', DERIVED from Annex III) is the single annex anx_I")
  func loneAnnexWithoutNumeral() throws {
    let text = try Corpus.derived(
      Self.annexIII, replacing: "<TI><P>ANNEX\u{A0}III</P></TI>", with: "<TI><P>ANNEX</P></TI>")
    let result = try Self.ingest(text, name: "annex-without-numeral.xml")
    let document = try #require(result.document, "\(result.diagnostics)")
    #expect(document.provisions.map(\.id.rawValue) == ["anx_I"])
    let annex = try #require(document.provisions.first)
    #expect(annex.num == "I" && annex.heading == "High-risk AI systems referred to in Article 6(2)")
    #expect(Self.subtree(annex) == Self.subtree(try Self.packageAnnexIII()))
  }

  @Test(
    "a lone annex without any label (DERIVED from Annex III: label line, or the whole title, removed) is read, and reported",
    arguments: [
      ("<TI><P>ANNEX\u{A0}III</P></TI>", "", "High-risk AI systems referred to in Article 6(2)"),
      (
        "<TITLE><TI><P>ANNEX\u{A0}III</P></TI><STI><P>High-risk AI systems referred to in Article\u{A0}6(2)</P></STI></TITLE>",
        "", nil
      ),
    ])
  func loneAnnexWithoutLabel(_ original: String, _ replacement: String, _ heading: String?) throws {
    let text = try Corpus.derived(Self.annexIII, replacing: original, with: replacement)
    let result = try Self.ingest(text, name: "annex-without-label.xml")
    let document = try #require(result.document, "\(result.diagnostics)")
    let annex = try #require(document.provisions.first)
    #expect(document.provisions.count == 1 && annex.id.rawValue == "anx_I" && annex.heading == heading)
    // All of the annex's content is there, under anx_I.
    #expect(Self.subtree(annex).dropFirst() == Self.subtree(try Self.packageAnnexIII()).dropFirst())
    let warning = try #require(result.diagnostics.first { $0.code == DiagnosticCode.ingestUnplacedText })
    #expect(warning.severity == .warning && warning.message.contains("'anx_I'"))
    #expect(warning.line == 1 && warning.column == 39)  // the <ANNEX> element
  }

  @Test("a lone annex labelled in a language the vocabulary lacks ('ALLEGATO III', DERIVED) keeps its number")
  func foreignLabel() throws {
    let text = try Corpus.derived(
      Self.annexIII, replacing: "<TI><P>ANNEX\u{A0}III</P></TI>", with: "<TI><P>ALLEGATO III</P></TI>")
    let result = try Self.ingest(text, name: "annex-foreign-label.xml")
    let document = try #require(result.document, "\(result.diagnostics)")
    let annex = try #require(document.provisions.first)
    #expect(annex.id.rawValue == "anx_III" && annex.heading == "High-risk AI systems referred to in Article 6(2)")
    #expect(Self.subtree(annex) == Self.subtree(try Self.packageAnnexIII()))
    #expect(result.diagnostics.contains { $0.message.contains("'ALLEGATO III'") })
  }

  // MARK: Divisions without a number

  static let regulation903 = "format-samples/reg-2024-903/L_202400903EN.000101.fmx.xml"
  static let aiAct = "eu-ai-act/formex/L_202401689EN.000101.fmx.xml"

  /// Every article as "ID|heading|text" with all it holds, in order: what must survive any reading
  /// of the divisions around it.
  static func articles(_ document: Document) -> [String] {
    document.all(.article).flatMap { article in
      var lines: [String] = []
      article.forEach { lines.append("\($0.id)|\($0.kind.rawValue)|\($0.num ?? "")|\($0.heading ?? "")|\($0.text)") }
      return lines
    }
  }

  @Test(
    "a division with a heading and no number (DERIVED from 2024/903: 'Chapter 6' is 'FINAL PROVISIONS') keeps its articles"
  )
  func unnumberedDivision() throws {
    let (original, _) = try Corpus.ingest(Self.regulation903)
    let text = try Corpus.derived(
      Self.regulation903,
      replacing:
        #"<TITLE><TI><P><HT TYPE="BOLD">Chapter 6</HT></P></TI><STI><P><HT TYPE="BOLD">Final provisions</HT></P></STI></TITLE>"#,
      with: "<TITLE><TI><P>FINAL PROVISIONS</P></TI></TITLE>")
    let result = try Self.ingest(text, name: "unnumbered-division.xml")
    let document = try #require(result.document, "\(result.diagnostics)")
    #expect(Self.articles(document) == Self.articles(original))
    #expect(document.all(.article).count == 23)
    // A chapter among chapters, unnumbered, holding Articles 21 to 23 as Chapter 6 did.
    let division = try #require(document.provision(PinpointID(rawValue: "cpt_nn1")))
    #expect(division.kind == .chapter && division.num == nil && division.heading == "FINAL PROVISIONS")
    #expect(division.children.map(\.id.rawValue) == ["art_21", "art_22", "art_23"])
    #expect(
      document.provisions.map(\.id.rawValue)
        == original.provisions.map { $0.id.rawValue == "cpt_6" ? "cpt_nn1" : $0.id.rawValue })
    let warning = try #require(result.diagnostics.first { $0.message.contains("'FINAL PROVISIONS'") })
    #expect(warning.code == DiagnosticCode.ingestUnplacedText && warning.severity == .warning)
    #expect(warning.message.contains("'cpt_nn1'") && warning.line > 0 && warning.column > 0)
    #expect(!result.diagnostics.contains { $0.severity == .error })
  }

  @Test("the AI Act with Chapter XIII and Section 4 of Chapter III as headings only (DERIVED): same articles, in place")
  func unnumberedDivisionsNested() throws {
    let (original, _) = try Corpus.ingest(Self.aiAct)
    var text = try Corpus.derived(
      Self.aiAct,
      replacing:
        "<TITLE><TI><P>CHAPTER\u{A0}XIII</P></TI><STI><P><HT TYPE=\"BOLD\">FINAL PROVISIONS</HT></P></STI></TITLE>",
      with: "<TITLE><TI><P>FINAL PROVISIONS</P></TI></TITLE>")
    let section =
      #"<TI><P><HT TYPE="ITALIC">SECTION\#u{A0}4</HT></P></TI><STI><P><HT TYPE="BOLD"><HT TYPE="ITALIC">Notifying authorities and notified bodies</HT></HT></P></STI>"#
    try #require(text.components(separatedBy: section).count == 2)
    text = text.replacingOccurrences(of: section, with: "<TI><P>Notifying authorities and notified bodies</P></TI>")
    let result = try Self.ingest(text, name: "unnumbered-divisions.xml")
    let document = try #require(result.document, "\(result.diagnostics)")
    #expect(Self.articles(document) == Self.articles(original))
    #expect(document.all(.article).count == 113)
    let chapter = try #require(document.provision(PinpointID(rawValue: "cpt_nn1")))
    #expect(chapter.kind == .chapter && chapter.heading == "FINAL PROVISIONS")
    #expect(chapter.children.map(\.id.rawValue) == (102...113).map { "art_\($0)" })
    // A section among sections: it stays inside Chapter III, between Sections 3 and 5.
    let sectionNode = try #require(document.provision(PinpointID(rawValue: "cpt_III.sct_nn1")))
    #expect(sectionNode.kind == .section && sectionNode.heading == "Notifying authorities and notified bodies")
    #expect(sectionNode.children.map(\.id.rawValue) == (28...39).map { "art_\($0)" })
    let sections = try #require(document.provision(PinpointID(rawValue: "cpt_III"))).children.map(\.id.rawValue)
    #expect(sections == ["cpt_III.sct_1", "cpt_III.sct_2", "cpt_III.sct_3", "cpt_III.sct_nn1", "cpt_III.sct_5"])
  }

  @Test(
    "a division without a title (DERIVED from 2024/903: Chapter 2's title removed) gives all its articles to its parent"
  )
  func untitledDivision() throws {
    let (original, _) = try Corpus.ingest(Self.regulation903)
    let text = try Corpus.derived(
      Self.regulation903,
      replacing:
        #"<TITLE><TI><P><HT TYPE="BOLD">Chapter 2</HT></P></TI><STI><P><HT TYPE="BOLD">European Interoperability enablers</HT></P></STI></TITLE>"#,
      with: "")
    let result = try Self.ingest(text, name: "untitled-division.xml")
    let document = try #require(result.document, "\(result.diagnostics)")
    #expect(Self.articles(document) == Self.articles(original))
    // Articles 5 to 8 stand where Chapter 2 stood, between Chapters 1 and 3.
    let top = document.provisions.map(\.id.rawValue)
    let start = try #require(top.firstIndex(of: "cpt_1"))
    #expect(Array(top[start...].prefix(6)) == ["cpt_1", "art_5", "art_6", "art_7", "art_8", "cpt_3"])
  }
}
