import Foundation
import RegPolicyExtract
import RegPolicyIngest
import RegPolicyModel
import RegPolicyTestSupport
import Testing

/// The shared corpus (`REGPOLICY_CORPUS`, default `corpus/official`) and the documents these
/// tests read from it, ingested and extracted once per test process. A missing file fails.
enum Fixtures {
  static let packageRoot = TestPaths.packageRoot

  static let corpus = TestPaths.corpus

  static let aiActPath = corpus + "/eu-ai-act/html/32024R1689_EN_OJ.html"
  static let gdprPath = corpus + "/gdpr/32016R0679_EN_OJ.html"

  static func document(_ path: String) throws -> Document {
    let result = Ingester.ingest(path)
    return try #require(result.document, "cannot ingest \(path): \(result.diagnostics)")
  }

  static let aiAct = Result { try document(aiActPath) }
  static let gdpr = Result { try document(gdprPath) }
  static let aiActStatements = aiAct.map { Extractor().statements(in: $0) }
  static let gdprStatements = gdpr.map { Extractor().statements(in: $0) }
}
