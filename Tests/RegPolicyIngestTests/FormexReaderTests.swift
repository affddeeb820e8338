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

  /// The official file's text with `original` replaced once by `replacement`; fails when the file
  /// does not hold `original` exactly once.
  static func derived(_ file: String, replacing original: String, with replacement: String) throws -> String {
    let text = try String(contentsOfFile: Corpus.path(file), encoding: .utf8)
    try #require(text.components(separatedBy: original).count == 2, "'\(original)' not once in \(file)")
    return text.replacingOccurrences(of: original, with: replacement)
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
    let text = try Self.derived(
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
    let text = try Self.derived(Self.annexIII, replacing: original, with: replacement)
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
    let text = try Self.derived(
      Self.annexIII, replacing: "<TI><P>ANNEX\u{A0}III</P></TI>", with: "<TI><P>ALLEGATO III</P></TI>")
    let result = try Self.ingest(text, name: "annex-foreign-label.xml")
    let document = try #require(result.document, "\(result.diagnostics)")
    let annex = try #require(document.provisions.first)
    #expect(annex.id.rawValue == "anx_III" && annex.heading == "High-risk AI systems referred to in Article 6(2)")
    #expect(Self.subtree(annex) == Self.subtree(try Self.packageAnnexIII()))
    #expect(result.diagnostics.contains { $0.message.contains("'ALLEGATO III'") })
  }
}
