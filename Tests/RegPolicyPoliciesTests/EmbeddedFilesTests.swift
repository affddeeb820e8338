import Foundation
import Testing

@Suite("Embedded files")
struct EmbeddedFilesTests {
  static let generated = PolicyFixtures.packageRoot + "/Sources/RegPolicyKit/Embedded/EmbeddedFiles.swift"

  static func files(_ folder: String, _ suffixes: [String]) throws -> [(String, String)] {
    let root = PolicyFixtures.packageRoot + "/" + folder
    let paths = try #require(FileManager.default.subpathsOfDirectory(atPath: root) as [String]?)
    return try paths.filter { path in suffixes.contains { path.hasSuffix($0) } }.sorted().map {
      ($0, try String(contentsOfFile: root + "/" + $0, encoding: .utf8))
    }
  }

  static func literal(_ name: String, _ files: [(String, String)]) -> String {
    var out = "  public static let \(name): [(path: String, text: String)] = [\n"
    for (path, text) in files {
      out += "    (\n      \"\(path)\",\n      ###\"\"\"\n\(text)\n\"\"\"###\n    ),\n"
    }
    return out + "  ]\n"
  }

  /// The binary carries rules/, templates/ and the sample `run` uses; re-record with REGPOLICY_RECORD=1.
  @Test("the embedded copy is rules/, templates/ and the sample regulation")
  func embeddedCopy() throws {
    let expected =
      """
      // swift-format-ignore-file
      // Generated from rules/, templates/ and corpus/samples/synthetic-oj.html by
      // `REGPOLICY_RECORD=1 swift test --filter EmbeddedFiles`; do not edit.
      // A test fails when this copy and the folders differ.

      /// The shipped mapping rules, templates and the sample regulation `regpolicy run` reads without
      /// arguments, so `regpolicy` works from any folder.
      public enum EmbeddedFiles {

      """ + Self.literal("rules", try Self.files("rules", [".yaml"])) + "\n"
      + Self.literal("templates", try Self.files("templates", [".mustache", ".yaml"])) + "\n"
      + Self.literal("samples", try Self.files("corpus/samples", ["synthetic-oj.html"])) + "}\n"
    let actual = try String(contentsOfFile: Self.generated, encoding: .utf8)
    if actual != expected, ProcessInfo.processInfo.environment["REGPOLICY_RECORD"] == "1" {
      try expected.write(toFile: Self.generated, atomically: true, encoding: .utf8)
      Issue.record("re-recorded \(Self.generated); rebuild and run again")
      return
    }
    #expect(actual == expected, "run REGPOLICY_RECORD=1 swift test --filter EmbeddedFiles")
  }
}
