import Foundation
import RegPolicyGit
import RegPolicyTestSupport
import Testing

/// The git plumbing the trace index reads a policy tree through.
@Suite("git plumbing")
struct GitTests {
  @Test("every file of a tree at a commit, read in one cat-file: a file that is not UTF-8 spoils no other")
  func texts() throws {
    let repo = try BranchCLITests.repository(named: "texts")
    try FileManager.default.createDirectory(atPath: repo + "/policies/b", withIntermediateDirectories: true)
    try "package a\n\nallow := true\n".write(toFile: repo + "/policies/a.rego", atomically: true, encoding: .utf8)
    try Data([0x61, 0xFF, 0xFE, 0x0A, 0x62]).write(to: URL(fileURLWithPath: repo + "/policies/b/binary"))
    try "kind: ClusterPolicy — é\n".write(toFile: repo + "/policies/b/c.yaml", atomically: true, encoding: .utf8)
    try "elsewhere\n".write(toFile: repo + "/other.txt", atomically: true, encoding: .utf8)
    try BranchCLITests.git(repo, ["add", "-A"])
    try BranchCLITests.git(repo, ["commit", "-q", "-m", "files"])

    let texts = try Git(repository: repo).texts(at: "HEAD", under: "policies")
    #expect(texts.keys.sorted() == ["a.rego", "b/binary", "b/c.yaml"])
    #expect(texts["a.rego"] == "package a\n\nallow := true\n")
    #expect(texts["b/binary"] == "a\u{FFFD}\u{FFFD}\nb")
    #expect(texts["b/c.yaml"] == "kind: ClusterPolicy — é\n")
  }
}
