import Foundation
import RegPolicyIngest
import RegPolicyModel
import RegPolicyTestSupport
import Testing

/// The corpus of official files. One setting: `REGPOLICY_CORPUS`, default `corpus/official`
/// relative to the package root. A missing corpus fails the test that needs it (never a skip).
enum Corpus {
  static let packageRoot = TestPaths.packageRoot

  static let root = TestPaths.corpus

  /// The absolute path of a corpus file; records a test failure when it is missing.
  static func path(_ relative: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
    let path = root + "/" + relative
    #expect(
      FileManager.default.fileExists(atPath: path),
      "corpus file missing: \(path) (REGPOLICY_CORPUS names the corpus; default corpus/official)",
      sourceLocation: sourceLocation)
    return path
  }

  /// The text of a corpus file with one passage, which must occur exactly once, replaced: a derived
  /// file, changed only there (tests name it so, never official).
  static func derived(_ file: String, replacing original: String, with replacement: String) throws -> String {
    let text = try String(contentsOfFile: path(file), encoding: .utf8)
    try #require(text.components(separatedBy: original).count == 2, "'\(original)' not once in \(file)")
    return text.replacingOccurrences(of: original, with: replacement)
  }

  /// Ingests a corpus file, failing the test when it does not produce a document.
  static func ingest(_ relative: String, fidelity: Bool = false, sourceLocation: SourceLocation = #_sourceLocation)
    throws -> (Document, IngestResult)
  {
    let result = Ingester.ingest(
      path(relative, sourceLocation: sourceLocation), options: IngestOptions(fidelity: fidelity))
    let document = try #require(result.document, "no document: \(result.diagnostics)", sourceLocation: sourceLocation)
    return (document, result)
  }
}

extension Document {
  /// Provisions of a kind, anywhere in the tree.
  func all(_ kind: ProvisionKind) -> [Provision] { allProvisions.filter { $0.kind == kind } }

  /// Provisions of a kind inside articles (paragraphs, points of the enacting terms).
  func inArticles(_ kinds: Set<ProvisionKind>) -> [Provision] {
    var found: [Provision] = []
    for article in all(.article) {
      for child in article.children { child.forEach { if kinds.contains($0.kind) { found.append($0) } } }
    }
    return found
  }

  /// id → (kind, num, heading, text) for every provision.
  var contentByID: [String: String] {
    var map: [String: String] = [:]
    for p in allProvisions { map[p.id.rawValue] = "\(p.kind.rawValue)|\(p.num ?? "")|\(p.heading ?? "")|\(p.text)" }
    return map
  }
}
