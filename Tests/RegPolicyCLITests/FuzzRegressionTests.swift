import Foundation
import RegPolicyTestSupport
import Testing

/// Inputs the fuzzers found a crash with (`Tests/Fuzz/regressions/<target>/`), and the fuzzers'
/// seeds, replayed through each target in a normal build: every one must be read to its end.
@Suite("fuzz regressions")
struct FuzzRegressionTests {
  /// The normal build of the fuzz targets, beside `regpolicy`.
  static let fuzz = CLITests.binary.deletingLastPathComponent().appendingPathComponent("regpolicy-fuzz")

  static let seeds: [String: [String]] = [
    "eurlex-html": ["corpus/samples/synthetic-oj.html"],
    "eurlex-consolidated-html": ["corpus/samples/synthetic-consolidated.html"],
    "formex": ["corpus/samples/synthetic.fmx.xml"],
    "akn4eu": ["corpus/samples/synthetic-akn4eu.xml"],
    "oscal": ["corpus/samples/synthetic-oscal.xml"],
    "playbook": ["corpus/samples/synthetic-playbook.json"],
    "sources": ["Tests/Fuzz/seeds/sources/example.yaml"],
    "lock": ["Tests/Fuzz/seeds/lock/regpolicy.lock"],
    "detect": ["corpus/samples/synthetic-oj.html", "corpus/samples/synthetic.fmx.xml"],
  ]

  @Test("every regression input and seed is read to its end by its target", arguments: seeds.keys.sorted())
  func replay(_ target: String) throws {
    let root = CLITests.packageRoot
    let folder = root + "/Tests/Fuzz/regressions/" + target
    let found = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted().map {
      folder + "/" + $0
    }
    let files = Self.seeds[target, default: []].map { root + "/" + $0 } + found
    let process = Process()
    process.executableURL = Self.fuzz
    process.arguments = [target] + files
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    #expect(lines == files.map { "ok \($0)" }, "each file replayed, none crashed")
  }
}
