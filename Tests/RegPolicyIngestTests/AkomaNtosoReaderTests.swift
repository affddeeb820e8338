import Foundation
import RegPolicyIngest
import RegPolicyModel
import RegPolicyTestSupport
import Testing

/// AKN4EU files read with the variations Akoma Ntoso 3.0 allows. Files named DERIVED are made at test
/// time from an official sample (`format-samples/akn4eu/`) by the one change the test names.
@Suite("Akoma Ntoso reader")
struct AkomaNtosoReaderTests {
  static let directive = "format-samples/akn4eu/COM_2025_162_DIR_akn4eu.xml"
  static let regulation = "format-samples/akn4eu/JOIN_2022_19_REG_akn4eu.xml"

  static func ingest(_ text: String, name: String) throws -> (Document, IngestResult) {
    let path = TestPaths.temporaryFolder("akn") + "/" + name
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    let result = Ingester.ingest(path)
    return (try #require(result.document, "\(result.diagnostics)"), result)
  }

  /// "ID|kind|num|heading|text" of every provision, in order.
  static func content(_ document: Document) -> [String] {
    document.allProvisions.map { "\($0.id)|\($0.kind.rawValue)|\($0.num ?? "")|\($0.heading ?? "")|\($0.text)" }
  }

  @Test("headings written as a second <num> (DERIVED from COM(2025) 162: every <heading> a <num>) read as headings")
  func headingInSecondNum() throws {
    let (original, _) = try Corpus.ingest(Self.directive)
    let official = try String(contentsOfFile: Corpus.path(Self.directive), encoding: .utf8)
    let headings = official.components(separatedBy: "<heading").count - 1
    try #require(headings == 24)
    let text = official.replacingOccurrences(of: "<heading", with: "<num").replacingOccurrences(
      of: "</heading>", with: "</num>")
    let (derived, _) = try Self.ingest(text, name: "second-num.xml")
    #expect(Self.content(derived) == Self.content(original))
    let headed = derived.all(.article).filter { $0.heading != nil }.count
    #expect(headed == 19 && headed == original.all(.article).filter { $0.heading != nil }.count)
    #expect(derived.provision(PinpointID(rawValue: "art_1"))?.heading == "Subject matter and scope")
    #expect(derived.all(.chapter).map(\.heading) == original.all(.chapter).map(\.heading))
  }

  @Test("a second <num> that is a number label is no heading (DERIVED: 'Article 1' twice)")
  func secondNumLabel() throws {
    let official = try String(contentsOfFile: Corpus.path(Self.regulation), encoding: .utf8)
    let first = #"<num xml:id="d1e238">Article 1</num>"#
    try #require(official.components(separatedBy: first).count == 2)
    let text = official.replacingOccurrences(of: first, with: first + "<num>Article 1</num>")
    let (derived, _) = try Self.ingest(text, name: "second-label.xml")
    let article = try #require(derived.provision(PinpointID(rawValue: "art_1")))
    #expect(article.heading == nil)
  }

  @Test("a proposal without identifiers stays a proposal named by its number (the official samples)")
  func proposalMetadata() throws {
    let (directive, _) = try Corpus.ingest(Self.directive)
    #expect(directive.instrument.id == "COM(2025) 162" && directive.instrument.celex == nil)
    #expect(directive.instrument.version == "proposal" && directive.instrument.eli == nil)
  }

  @Test("a CELEX alias in the metadata (DERIVED from JOIN(2022) 19) is the instrument's id; a proposal stays one")
  func celexAlias() throws {
    let official = try String(contentsOfFile: Corpus.path(Self.regulation), encoding: .utf8)
    let number = #"<FRBRnumber value="JOIN(2022) 19"/>"#
    try #require(official.components(separatedBy: number).count == 2)
    let text = official.replacingOccurrences(
      of: number, with: number + #"<FRBRalias name="CELEX" value="52022JC0019"/>"#)
    let (derived, _) = try Self.ingest(text, name: "celex-alias.xml")
    #expect(derived.instrument.celex == "52022JC0019" && derived.instrument.id == "52022JC0019")
    #expect(derived.instrument.version == "proposal")
  }

  @Test("an act's ELI as the work's FRBRthis (DERIVED metadata) gives its CELEX, its ELI and 'oj'")
  func eliIdentifier() throws {
    let official = try String(contentsOfFile: Corpus.path(Self.regulation), encoding: .utf8)
    let work = "<FRBRWork>\n               <FRBRthis value=\"\"/>"
    try #require(official.components(separatedBy: work).count == 2)
    let eli = "http://data.europa.eu/eli/reg/2022/2474/oj"
    let text = official.replacingOccurrences(
      of: work, with: "<FRBRWork>\n               <FRBRthis value=\"\(eli)\"/>")
    let (derived, _) = try Self.ingest(text, name: "eli.xml")
    #expect(derived.instrument.celex == "32022R2474" && derived.instrument.id == "32022R2474")
    #expect(derived.instrument.eli == eli && derived.instrument.version == "oj")
  }

  @Test(
    "a chapter without a number (DERIVED from COM(2025) 162: Chapter V's <num> removed, or its heading then as the only <num>)",
    arguments: [false, true])
  func unnumberedChapter(_ headingAsNum: Bool) throws {
    let (original, _) = try Corpus.ingest(Self.directive)
    var text = try String(contentsOfFile: Corpus.path(Self.directive), encoding: .utf8)
    let number = #"<num xml:id="ecUkY0sfJtWfZ0YTZ">Chapter V</num>"#
    let heading = "<heading xml:id=\"ecxkOarqjWmkDs92f\">Final provisions\u{A0}</heading>"
    try #require(text.components(separatedBy: number).count == 2 && text.components(separatedBy: heading).count == 2)
    text = text.replacingOccurrences(of: number, with: "")
    if headingAsNum {
      text = text.replacingOccurrences(
        of: heading, with: "<num xml:id=\"ecxkOarqjWmkDs92f\">Final provisions\u{A0}</num>")
    }
    let (derived, result) = try Self.ingest(text, name: "unnumbered-chapter.xml")
    let division = try #require(derived.provision(PinpointID(rawValue: "cpt_nn1")))
    #expect(division.kind == .chapter && division.num == nil && division.heading == "Final provisions")
    #expect(division.children.map(\.id.rawValue) == (15...20).map { "art_\($0)" })
    #expect(
      Self.content(derived).filter { !$0.hasPrefix("cpt_") } == Self.content(original).filter { !$0.hasPrefix("cpt_") })
    let warning = try #require(result.diagnostics.first { $0.message.contains("'cpt_nn1'") })
    #expect(warning.severity == .warning && warning.line == 829)
  }
}
