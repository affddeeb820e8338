import Foundation
import RegPolicyIngest
import RegPolicyModel
import RegPolicyTestSupport
import Testing

/// Formex packages as Cellar delivers them: the descriptor still names the original files
/// (`L_202401689EN.000101.fmx.xml` …) but the files are `DOC_1.xml … DOC_n.xml`. Every package here
/// is DERIVED at test time from the official AI Act package (`eu-ai-act/formex/`): the same bytes
/// under other names, or with one element changed as each test says. None is an official file.
@Suite("Formex packages")
struct FormexPackageTests {
  static let package = "eu-ai-act/formex"
  static let descriptor = "L_202401689EN.doc.fmx.xml"
  static let table = "L_202401689EN.toc.fmx.xml"

  /// The official package's part files (act and annexes), in name order.
  static func parts() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: Corpus.path(package)).filter {
      $0.hasSuffix(".fmx.xml") && $0 != descriptor && $0 != table
    }.sorted()
  }

  /// A fixed shuffle: position i takes element (i × 5 + 3) mod n, a permutation whenever 5 and n are
  /// coprime (n = 16 here: 14 parts, the descriptor and the table of contents).
  static func shuffled<T>(_ items: [T]) -> [T] {
    precondition(items.count % 5 != 0, "5 and the count must be coprime")  // a test fixture's own rule
    return items.indices.map { items[($0 * 5 + 3) % items.count] }
  }

  /// Copies the official package into a new folder as `DOC_1.xml …` in the shuffled order (the
  /// descriptor and the table of contents renamed too, as Cellar does). Returns the folder and the
  /// new name of each original file.
  static func cellarCopy() throws -> (String, [String: String]) {
    let folder = TestPaths.temporaryFolder("cellar")
    let originals = shuffled(try parts() + [descriptor, table])
    var names: [String: String] = [:]
    for (index, original) in originals.enumerated() {
      let name = "DOC_\(index + 1).xml"
      try FileManager.default.copyItem(atPath: Corpus.path(package + "/" + original), toPath: folder + "/" + name)
      names[original] = name
    }
    return (folder, names)
  }

  /// Everything a reader of the document sees: IDs in document order, and kind, number, heading
  /// and text of each provision and footnote.
  static func content(_ document: Document) -> [String] {
    document.allProvisions.map { "\($0.id)|\($0.kind.rawValue)|\($0.num ?? "")|\($0.heading ?? "")|\($0.text)" }
      + document.footnotes.map { "\($0.id)|\($0.text)" }
  }

  /// The first place where two documents' content differs, or nil (a short failure message).
  static func difference(_ a: Document, _ b: Document) -> String? {
    let (left, right) = (content(a), content(b))
    guard left != right else { return nil }
    let index =
      zip(left, right).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(left.count, right.count)
    return
      "at \(index) of \(left.count)/\(right.count): \(left.dropFirst(index).first ?? "end") ≠ \(right.dropFirst(index).first ?? "end")"
  }

  @Test("a Cellar package (DERIVED: the AI Act's files renamed DOC_1.xml … in a shuffled order) reads as the original")
  func cellarPackage() throws {
    let (original, _) = try Corpus.ingest(Self.package)
    let (folder, names) = try Self.cellarCopy()
    let result = Ingester.ingest(folder)
    let renamed = try #require(result.document, "no document: \(result.diagnostics)")
    #expect(Self.difference(renamed, original) == nil)
    #expect(renamed.all(.article).count == 113 && renamed.all(.annex).count == 13)
    // The same bytes in the same order: the same source hash, and the same metadata.
    #expect(renamed.instrument.sha256 == original.instrument.sha256)
    #expect(renamed.instrument.celex == "32024R1689" && renamed.instrument.date == original.instrument.date)
    // The parts are read in the descriptor's order, from their new names.
    let descriptorOrder = [Self.descriptor] + (try Self.parts())
    #expect(renamed.instrument.files == descriptorOrder.map { folder + "/" + names[$0]! })  // every file was copied
    // One note per renamed part, naming both files.
    let notes = result.diagnostics.filter { $0.code == DiagnosticCode.formexRenamedPart }
    #expect(notes.count == 14 && notes.allSatisfy { $0.severity == .note })
    #expect(
      notes.contains {
        $0.message.contains("'L_202401689EN.012701.fmx.xml'")
          && $0.message.contains(names["L_202401689EN.012701.fmx.xml"]!)
          && $0.message.contains("NO.SEQ 0001.0003")
      })
  }

  @Test("a part missing under every name fails, naming it (DERIVED package: one annex removed)")
  func missingPart() throws {
    let (folder, names) = try Self.cellarCopy()
    try FileManager.default.removeItem(atPath: folder + "/" + names["L_202401689EN.013201.fmx.xml"]!)
    let result = Ingester.ingest(folder)
    #expect(result.document?.instrument.id == nil, "a document was read")
    let errors = result.diagnostics.filter { $0.severity == .error }
    #expect(errors.map(\.code) == [DiagnosticCode.formexMissingPart])
    #expect(errors.first?.message.contains("'L_202401689EN.013201.fmx.xml'") == true)
    #expect(errors.first?.message.contains("NO.SEQ 0001.0005") == true)
    #expect(errors.first?.file == folder + "/" + names[Self.descriptor]!)
  }

  @Test("two files that both say they are a part: neither is read, and the package fails (DERIVED package)")
  func ambiguousPart() throws {
    let (folder, names) = try Self.cellarCopy()
    let annexV = folder + "/" + names["L_202401689EN.013201.fmx.xml"]!
    try FileManager.default.copyItem(atPath: annexV, toPath: folder + "/DOC_17.xml")
    let result = Ingester.ingest(folder)
    #expect(result.document?.instrument.id == nil, "a document was read")
    #expect(
      result.diagnostics.contains {
        $0.code == DiagnosticCode.formexRenamedPart && $0.message.contains("all say they are it")
          && $0.message.contains(annexV) && $0.message.contains("DOC_17.xml")
      })
    let errors = result.diagnostics.filter { $0.severity == .error }
    #expect(errors.map(\.code) == [DiagnosticCode.formexMissingPart])
    #expect(errors.first?.message.contains("'L_202401689EN.013201.fmx.xml'") == true)
  }

  @Test(
    "a file too large to search is told, and the part it may be is missing (DERIVED package, --max-bytes below the act)"
  )
  func unreadableCandidate() throws {
    let (folder, names) = try Self.cellarCopy()
    let act = folder + "/" + names["L_202401689EN.000101.fmx.xml"]!
    let result = Ingester.ingest(folder + "/" + names[Self.descriptor]!, options: IngestOptions(maxBytes: 100_000))
    #expect(result.document?.instrument.id == nil, "a document was read")
    let warning = try #require(result.diagnostics.first { $0.file == act })
    #expect(warning.code == DiagnosticCode.inputTooLarge && warning.severity == .warning)
    #expect(warning.message.hasPrefix("not searched for the package's parts"))
    let errors = result.diagnostics.filter { $0.severity == .error }
    #expect(errors.map(\.code) == [DiagnosticCode.formexMissingPart])
    #expect(errors.first?.message.contains("'L_202401689EN.000101.fmx.xml'") == true)
  }

  @Test(
    "a part of another act with the right NO.SEQ is not taken (DERIVED package: Annex I replaced by 2024/903's annex)")
  func otherAct() throws {
    let (folder, names) = try Self.cellarCopy()
    let annexI = folder + "/" + names["L_202401689EN.012401.fmx.xml"]!
    try FileManager.default.removeItem(atPath: annexI)
    // The Interoperable Europe Act's annex is its NO.SEQ 0001.0001 too, but of act 2024/903.
    try FileManager.default.copyItem(
      atPath: Corpus.path("format-samples/reg-2024-903/L_202400903EN.002601.fmx.xml"), toPath: annexI)
    let result = Ingester.ingest(folder)
    #expect(result.document?.instrument.id == nil, "a document was read")
    let error = try #require(result.diagnostics.first { $0.severity == .error })
    #expect(error.code == DiagnosticCode.formexMissingPart)
    #expect(error.message.contains("'L_202401689EN.012401.fmx.xml'"))
  }

  @Test("files that give no NO.SEQ are paired in order within their kind (DERIVED package: NO.SEQ removed)")
  func withoutSequence() throws {
    let (original, _) = try Corpus.ingest(Self.package)
    // In the descriptor's order: paired by position, a shuffle would put the annexes out of order
    // (each keeps its own number, read from its title). 15 files: DOC_2 must come before DOC_10.
    let folder = TestPaths.temporaryFolder("cellar")
    for (index, name) in ([Self.descriptor] + (try Self.parts())).enumerated() {
      var text = try String(contentsOfFile: Corpus.path(Self.package + "/" + name), encoding: .utf8)
      if name != Self.descriptor {
        let range = try #require(text.range(of: #"<NO\.SEQ>[0-9.]+</NO\.SEQ>"#, options: .regularExpression))
        text.removeSubrange(range)
      }
      try text.write(toFile: folder + "/DOC_\(index + 1).xml", atomically: true, encoding: .utf8)
    }
    let result = Ingester.ingest(folder)
    let renamed = try #require(result.document, "no document: \(result.diagnostics)")
    #expect(Self.difference(renamed, original) == nil)
    #expect(result.diagnostics.filter { $0.code == DiagnosticCode.formexRenamedPart }.count == 14)
    #expect(
      result.diagnostics.allSatisfy { $0.code != DiagnosticCode.formexRenamedPart || $0.message.contains("same place") }
    )
  }

  @Test(
    "two annex parts without a label (DERIVED package) are both kept: the second anx_I is anx_I-dup2, as in one file")
  func unlabelledAnnexes() throws {
    let (original, _) = try Corpus.ingest(Self.package)
    let folder = TestPaths.temporaryFolder("package")
    let unlabelled = ["L_202401689EN.012701.fmx.xml": "III", "L_202401689EN.013201.fmx.xml": "V"]
    for name in try FileManager.default.contentsOfDirectory(atPath: Corpus.path(Self.package)) {
      var text = try String(contentsOfFile: Corpus.path(Self.package + "/" + name), encoding: .utf8)
      if let numeral = unlabelled[name] {
        let label = "<TI><P>ANNEX\u{A0}\(numeral)</P></TI>"
        try #require(text.contains(label))
        text = text.replacingOccurrences(of: label, with: "")
      }
      try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
    }
    let result = Ingester.ingest(folder)
    let document = try #require(result.document, "\(result.diagnostics)")
    let annexes = document.all(.annex).map(\.id.rawValue)
    #expect(annexes.count == 13 && annexes.filter { $0.hasPrefix("anx_I-dup") } == ["anx_I-dup2", "anx_I-dup3"])
    let ids = document.allProvisions.map(\.id)
    #expect(Set(ids).count == ids.count && ids.count == original.allProvisions.count)
    #expect(document.provision(PinpointID(rawValue: "anx_I-dup2.pt_1"))?.text.hasPrefix("Biometrics") == true)
    let duplicates = result.diagnostics.filter { $0.code == DiagnosticCode.ingestDuplicateID }
    #expect(duplicates.count == 2 && duplicates.allSatisfy { $0.severity == .warning && $0.line == 1 })
  }
}
