import Foundation
import RegPolicyIngest
import Testing

/// The official corpus is exactly the set of files `corpus/official/SHA256SUMS` names, byte for byte,
/// wherever `REGPOLICY_CORPUS` points (by default the repository's own copy).
@Suite("Corpus checksums")
struct ManifestTests {
  struct Entry: Sendable, CustomTestStringConvertible {
    var path: String
    var sha256: String
    var testDescription: String { path }
  }

  /// `sha256sum` lines: 64 hex digits, two spaces, the path relative to the corpus.
  static let entries: [Entry] = {
    let sums = (try? String(contentsOfFile: Corpus.packageRoot + "/corpus/official/SHA256SUMS", encoding: .utf8)) ?? ""
    return sums.split(separator: "\n").map { line in
      Entry(path: String(line.dropFirst(66)), sha256: String(line.prefix(64)))
    }
  }()

  @Test("the checksums list every file of the corpus, and nothing else")
  func complete() throws {
    #expect(Self.entries.count == 79)
    let onDisk = try FileManager.default.subpathsOfDirectory(atPath: Corpus.root).filter { path in
      var isDirectory: ObjCBool = false
      let exists = FileManager.default.fileExists(atPath: Corpus.root + "/" + path, isDirectory: &isDirectory)
      return exists && !isDirectory.boolValue && path != "SHA256SUMS"
    }
    let listed = Set(Self.entries.map(\.path))
    #expect(
      Set(onDisk).subtracting(listed).sorted() == [],
      "files in \(Corpus.root) without a checksum: copy new official files into corpus/official with their SOURCES.md entry and run `sha256sum` again"
    )
  }

  @Test("every corpus file has its recorded sha256", arguments: entries)
  func file(_ entry: Entry) throws {
    let data = try Data(contentsOf: URL(fileURLWithPath: Corpus.path(entry.path)))
    #expect(Ingester.sha256(Array(data)) == entry.sha256)
  }

  @Test("a single-file document records the sha256 of its source")
  func documentHash() throws {
    let (document, _) = try Corpus.ingest("eu-ai-act/html/32024R1689_EN_OJ.html")
    #expect(document.instrument.sha256 == "29900d862032ab25d5443b3fd7aed1f47a81d4d04905e17def464b2048376c0c")
  }
}
