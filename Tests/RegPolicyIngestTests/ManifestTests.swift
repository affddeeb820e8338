import Foundation
import RegPolicyIngest
import Testing

/// The shared corpus is exactly the set of files `corpus/MANIFEST.tsv` names, byte for byte.
@Suite("Corpus manifest")
struct ManifestTests {
  struct Entry: Sendable, CustomTestStringConvertible {
    var path: String
    var bytes: Int
    var sha256: String
    var testDescription: String { path }
  }

  static let entries: [Entry] = {
    let manifest = (try? String(contentsOfFile: Corpus.packageRoot + "/corpus/MANIFEST.tsv", encoding: .utf8)) ?? ""
    return manifest.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      return Entry(path: fields[0], bytes: Int(fields[1]) ?? -1, sha256: fields[2])
    }
  }()

  @Test("the manifest lists the corpus")
  func manifestIsComplete() {
    #expect(Self.entries.count == 48)
  }

  @Test("every corpus file has its recorded size and sha256", arguments: entries)
  func file(_ entry: Entry) throws {
    let data = try Data(contentsOf: URL(fileURLWithPath: Corpus.path(entry.path)))
    #expect(data.count == entry.bytes)
    #expect(Ingester.sha256(Array(data)) == entry.sha256)
  }

  @Test("a single-file document records the sha256 of its source")
  func documentHash() throws {
    let (document, _) = try Corpus.ingest("eu-ai-act/html/32024R1689_EN_OJ.html")
    #expect(document.instrument.sha256 == "29900d862032ab25d5443b3fd7aed1f47a81d4d04905e17def464b2048376c0c")
  }
}
