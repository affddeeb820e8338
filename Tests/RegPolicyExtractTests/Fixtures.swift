import Foundation
import RegPolicyExtract
import RegPolicyIngest
import RegPolicyModel
import Testing

/// The shared corpus (`REGPOLICY_CORPUS`, default `../shared/corpus`) and the documents these
/// tests read from it, ingested and extracted once per test process. A missing file fails.
enum Fixtures {
  static let packageRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
  }()

  static let corpus: String =
    ProcessInfo.processInfo.environment["REGPOLICY_CORPUS"].flatMap { $0.isEmpty ? nil : $0 }
    ?? URL(fileURLWithPath: packageRoot + "/../shared/corpus").standardized.path

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
