import Foundation
import Testing

/// The labelled sentences of `corpus/devset/sentences/` follow `docs/labelling.md`'s format: a
/// malformed line would silently drop out of every score computed from them.
@Suite("Labelled sentences")
struct SentenceSetTests {
  static let folder = Fixtures.packageRoot + "/corpus/devset/sentences"
  static let regulatory: Set<String> = [
    "obligation", "prohibition", "permission", "right", "exemption", "recommendation",
  ]
  static let constitutive: Set<String> = [
    "definition", "scope", "entry-into-force", "empowerment", "amendment", "constitution",
  ]

  @Test("every file: nine columns, allowed values, class agreeing with modality, statements numbered")
  func format() throws {
    let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder).filter { $0.hasSuffix(".tsv") }
    #expect(files.count >= 11, "at least ten acts and the made-up sentences")
    var sentences = 0
    for file in files.sorted() {
      let text = try String(contentsOfFile: Self.folder + "/" + file, encoding: .utf8)
      var previous: (clause: String, sentence: String, n: Int)?
      for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
      where !line.isEmpty && !line.hasPrefix("#") {
        let place = "\(file):\(index + 1)"
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        #expect(fields.count == 9, "\(place): \(fields.count) columns")
        guard fields.count == 9 else { continue }
        let (clause, cls, modality, actor, how, counterparty, sentence) =
          (fields[0], fields[3], fields[4], fields[5], fields[6], fields[7], fields[8])
        let n = Int(fields[2]) ?? 0
        #expect(
          (cls == "regulatory" && Self.regulatory.contains(modality))
            || (cls == "constitutive" && Self.constitutive.contains(modality)),
          "\(place): \(cls) \(modality)")
        #expect(
          how == "-" || how == "stated" || how == "context" || (how.hasPrefix("inherited:") && how.count > 10),
          "\(place): actor_how \(how)")
        #expect((actor == "-") == (how == "-"), "\(place): an actor and how it was found go together")
        #expect(actor == "-" || actor == actor.lowercased(), "\(place): actors are lower-case")
        #expect(counterparty == "-" || modality == "right", "\(place): a counterparty only for a right")
        #expect(!sentence.isEmpty, "\(place): no sentence")
        if n == 1 {
          sentences += 1
        } else {
          #expect(
            previous?.clause == clause && previous?.sentence == sentence && previous?.n == n - 1,
            "\(place): statement \(n) follows statement \(n - 1) of the same sentence")
        }
        previous = (clause, sentence, n)
      }
    }
    #expect(sentences >= 1_200, "≥ 1,000 corpus sentences and ≥ 200 made-up ones")
  }
}
