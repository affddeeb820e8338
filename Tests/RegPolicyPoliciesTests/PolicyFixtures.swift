import Foundation
import RegPolicyExtract
import RegPolicyIngest
import RegPolicyKit
import RegPolicyModel
import RegPolicyPolicies
import RegPolicyTestSupport
import Testing

/// Shared inputs of the policy tests: the package's own rules, templates and example profile, and
/// the AI Act from the official corpus (REGPOLICY_CORPUS, default corpus/official; missing = failure).
enum PolicyFixtures {
  static let packageRoot = TestPaths.packageRoot

  static let corpus = TestPaths.corpus
  static let aiActHTML = corpus + "/eu-ai-act/html/32024R1689_EN_OJ.html"
  static let playbookJSON = corpus + "/nist/nist_ai_rmf_playbook_2024-06.json"
  static let profilePath = packageRoot + "/templates/profile.example.yaml"

  /// Runs a script of `Tests/Support` with its exit status, standard output and standard error.
  static func python(_ script: String, _ arguments: [String]) throws -> (status: Int32, output: Data, errors: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", PolicyFixtures.packageRoot + "/Tests/Support/" + script] + arguments
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    // Standard error is small; read it after the output so neither pipe fills up.
    let data = output.fileHandleForReading.readDataToEndOfFile()
    let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus, data, message)
  }

  static let profile: Profile = {
    // The shipped example must parse; a test below checks it with a diagnostic.
    try! Profile(yaml: try! String(contentsOfFile: profilePath, encoding: .utf8), file: profilePath)
  }()

  static let rules: RuleSet = {
    let loaded = PolicyConfiguration.rules(from: packageRoot + "/rules")
    // The shipped rules must load; RuleSetTests reports their errors one by one.
    return loaded.rules ?? RuleSet(rules: [], instrumentNames: [:])
  }()

  /// The AI Act and its statements, read once; a missing corpus fails the tests that use it.
  static let aiAct = Result { () throws -> (document: Document, statements: [Statement]) in
    let result = Ingester.ingest(aiActHTML)
    let document = try #require(result.document, "cannot ingest \(aiActHTML): \(result.diagnostics)")
    return (document, Extractor().statements(in: document))
  }

  /// The 2024 AI RMF Playbook and its statements, read once.
  static let playbook = Result { () throws -> (document: Document, statements: [Statement]) in
    let result = Ingester.ingest(playbookJSON)
    let document = try #require(result.document, "cannot ingest \(playbookJSON): \(result.diagnostics)")
    return (document, Extractor().statements(in: document))
  }

  /// The synthetic sample regulation (corpus/samples/synthetic-oj.html) and its statements.
  static func sample() throws -> (document: Document, statements: [Statement]) {
    let path = packageRoot + "/corpus/samples/synthetic-oj.html"
    let document = try #require(Ingester.ingest(path).document, "cannot ingest \(path)")
    return (document, Extractor().statements(in: document))
  }

  static func mapper(_ profile: Profile = PolicyFixtures.profile) -> Mapper {
    Mapper(rules: rules, profile: profile) { Ingester.sha256(Array($0.utf8)) }
  }

  /// A fresh temporary folder.
  static func temporaryDirectory() -> String { TestPaths.temporaryFolder("policies") }
}

/// Reference data the rules point at.
enum PolicySourcesTestSupport {
  /// The subcategory numbers ("GOVERN 1.1") of the 2024 AI RMF Playbook, as ingested.
  static func playbookSubcategories() throws -> Set<String> {
    let path = PolicyFixtures.corpus + "/nist/nist_ai_rmf_playbook_2024-06.json"
    let document = try #require(Ingester.ingest(path).document, "cannot ingest \(path)")
    return Set(document.allProvisions.filter { $0.kind == .subcategory }.compactMap(\.num))
  }
}
