import Foundation
import RegPolicyModel
import RegPolicyTestSupport
import Testing

/// Every command, given bad input, says what is wrong with a code from the catalogue and ends with
/// that code's exit status; and the rough edges a new user hit, each pinned.
@Suite("Exit statuses and rough edges", .serialized)
struct ExitStatusCLITests {
  let cli = CLITests()

  /// The codes of the errors on standard error (`…: error: … [code]`).
  static func codes(_ stderr: String) -> [DiagnosticCode] {
    stderr.split(separator: "\n").compactMap { line in
      guard line.contains(": error: "), line.hasSuffix("]"), let open = line.lastIndex(of: "[") else { return nil }
      return DiagnosticCode(rawValue: String(line[line.index(after: open)..<line.index(before: line.endIndex)]))
    }
  }

  /// Files every case below can name.
  static let folder: String = {
    let folder = TestPaths.temporaryFolder("exit")
    let files = [
      "fake.pdf": "%PDF-1.4\n%âãÏÓ\n1 0 obj <<>> endobj\n",
      "bad-profile.yaml":
        "organisation: O\nroles: [landlord]\nrisk-classes: [high-risk]\nenforcement: deny\nprefix: a.b\n",
      "foreign/index.json": #"{"name": "some other tool", "version": 3}"#,
      "not-generated/notes.txt": "mine\n",
      "manifests/a-good.yaml": "apiVersion: v1\nkind: Pod\nmetadata:\n  name: fine\n",
    ]
    for (path, text) in files {
      let url = URL(fileURLWithPath: folder + "/" + path)
      try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try? text.write(to: url, atomically: true, encoding: .utf8)
    }
    // A manifest that is not UTF-8 beside a good one: the good one is still checked.
    try? Data([0x6B, 0x69, 0x6E, 0x64, 0x3A, 0x20, 0xFF, 0xFE, 0x0A]).write(
      to: URL(fileURLWithPath: folder + "/manifests/b-latin1.yaml"))
    return folder
  }()

  @Test(
    "bad input to every command: a diagnostic from the catalogue, and that code's exit status",
    arguments: [
      (["ingest", "no/such/file.html"], DiagnosticCode.inputUnreadable),
      (["ingest", "{dir}/fake.pdf", "--out", "{dir}/fake.pdf"], .outputUnwritable),
      (["extract", "{dir}/fake.pdf"], .inputUnknownFormat),
      (["classify"], .inputEmpty),
      (
        ["generate", "corpus/samples/synthetic-oj.html", "--profile", "{dir}/bad-profile.yaml", "--out", "{dir}/o"],
        .profileUnknownRole
      ),
      (
        [
          "generate", "corpus/samples/synthetic-oj.html", "--profile", "templates/profile.example.yaml",
          "--out", "{dir}/not-generated",
        ], .outputNotGenerated
      ),
      (
        ["generate", "{dir}/fake.pdf", "--profile", "templates/profile.example.yaml", "--out", "{dir}/o"],
        .inputUnknownFormat
      ),
      (["check", "--policies", "{dir}/foreign", "corpus/manifests/compliant.yaml"], .policiesMalformedIndex),
      (["check", "--policies", "{dir}", "corpus/manifests/compliant.yaml"], .policiesNoIndex),
      (["diff", "corpus/samples/synthetic-oj.html", "{dir}/fake.pdf"], .inputUnknownFormat),
      (
        [
          "diff", "corpus/samples/synthetic-oj.html", "corpus/samples/synthetic.fmx.xml", "--profile",
          "{dir}/bad-profile.yaml",
        ], .profileUnknownRole
      ),
      (["branch", "--repo", "{dir}", "--policies", "{tree}"], .gitNotARepository),
      (["branch", "--repo", "{repo}", "--policies", "{tree}", "--branch", "bad..name"], .branchInvalidName),
      (["branch", "--repo", "{repo}", "--policies", "{tree}", "--base", "no-such-commit"], .gitUnknownBase),
      (["branch", "--repo", "{repo}", "--policies", "{dir}"], .policiesNoIndex),
      (["run", "{dir}/fake.pdf"], .inputUnknownFormat),
      (["run", "--profile", "{dir}/bad-profile.yaml"], .profileUnknownRole),
      (["run", "--repo", "{dir}"], .gitNotARepository),
      (["run", "--branch", "bad..name"], .branchInvalidName),
      (["bench", "{dir}/fake.pdf", "--iterations", "1"], .inputUnknownFormat),
      (
        ["bench", "{dir}/fake.pdf", "corpus/samples/synthetic-oj.html", "--stage", "extract", "--iterations", "1"],
        .inputUnknownFormat
      ),
      (["check", "--policies", "{tree}", "{dir}/manifests"], .inputInvalidUTF8),
    ] as [([String], DiagnosticCode)])
  func badInput(_ arguments: [String], _ code: DiagnosticCode) throws {
    let repo = try BranchCLITests.repository()
    let tree = try PolicyCLITests.tree.get()
    let resolved = arguments.map {
      $0.replacingOccurrences(of: "{dir}", with: Self.folder).replacingOccurrences(of: "{tree}", with: tree)
        .replacingOccurrences(of: "{repo}", with: repo)
    }
    let result = try cli.run(resolved, input: Data())
    #expect(Self.codes(result.stderr) == [code], "\(result.stderr)")
    #expect(result.status == code.exitStatus.rawValue, "\(result.stderr)")
  }

  @Test(
    "run with bad input: one diagnostic, nothing created",
    arguments: [
      (["run", "{dir}/fake.pdf"], DiagnosticCode.inputUnknownFormat),
      (["run", "--branch", "bad..name"], .branchInvalidName),
      (["run", "--profile", "{dir}/bad-profile.yaml"], .profileUnknownRole),
    ] as [([String], DiagnosticCode)])
  func runBadInput(_ arguments: [String], _ code: DiagnosticCode) throws {
    let temporary = TestPaths.temporaryFolder("run-tmp")
    let result = try cli.run(
      arguments.map { $0.replacingOccurrences(of: "{dir}", with: Self.folder) }, temporary: temporary)
    #expect(result.status == 3)
    #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
    #expect(Self.codes(result.stderr) == [code])
    #expect(result.stdout.isEmpty)
    #expect(try FileManager.default.contentsOfDirectory(atPath: temporary) == [], "the run created something")
  }

  @Test("a profile with three mistakes: all three in one run, each at its own line")
  func profileMistakes() throws {
    let profile = Self.folder + "/three.yaml"
    try """
    organisation: O
    roles: [deployer, landlord]
    default-role: provider
    risk-classes: [high-risk]
    enforcement: block
    prefix: ai.example.org

    """.write(toFile: profile, atomically: true, encoding: .utf8)
    let result = try cli.run([
      "generate", "corpus/samples/synthetic-oj.html", "--profile", profile, "--out", Self.folder + "/three-out",
    ])
    #expect(result.status == 3)
    let lines = result.stderr.split(separator: "\n").map(String.init)
    #expect(
      lines == [
        "\(profile):2:19: error: unknown role 'landlord'; expected provider, deployer, importer, distributor [profile.unknown-role]",
        "\(profile):3:15: error: default-role 'provider' is not one of the roles [profile.unknown-role]",
        "\(profile):5:14: error: enforcement must be deny or warn [profile.invalid-value]",
      ], "\(result.stderr)")
  }

  @Test("check: a foreign index.json is named in a sentence, not a decoder's dump")
  func foreignIndex() throws {
    let result = try cli.run(["check", "--policies", Self.folder + "/foreign", "corpus/manifests/compliant.yaml"])
    #expect(result.status == 3)
    #expect(
      result.stderr
        == "\(Self.folder)/foreign/index.json: error: not a regpolicy index: missing key 'generator' [policies.malformed-index]\n"
    )
  }

  @Test("check reads folders of manifests and a `kubectl get -o yaml` stream on standard input")
  func manifestSources() throws {
    let tree = try PolicyCLITests.tree.get()
    let files = try cli.run([
      "check", "--policies", tree, "corpus/manifests/compliant.yaml", "corpus/manifests/edge-cases.yaml",
      "corpus/manifests/engines-unicode.yaml", "corpus/manifests/engines.yaml", "corpus/manifests/noncompliant.yaml",
      "--format", "json",
    ])
    let folder = try cli.run(["check", "--policies", tree, "corpus/manifests", "--format", "json"])
    #expect(folder.status == files.status)
    #expect(folder.stdout == files.stdout)
    #expect(files.stdout.contains(#""objects":"#))

    let stream = try Data(
      contentsOf: URL(fileURLWithPath: CLITests.packageRoot + "/corpus/manifests/noncompliant.yaml"))
    let piped = try cli.run(["check", "--policies", tree, "-"], input: stream)
    let named = try cli.run(["check", "--policies", tree, "corpus/manifests/noncompliant.yaml"])
    #expect(piped.status == 1)
    #expect(piped.status == named.status)
    #expect(
      piped.stdout == named.stdout.replacingOccurrences(of: "corpus/manifests/noncompliant.yaml", with: "<stdin>"))
    #expect(piped.stdout.contains("<stdin>:"))

    // What `kubectl get -o yaml` prints for several objects: one List holding them as items.
    let documents = String(decoding: stream, as: UTF8.self).components(separatedBy: "\n---\n")
    let items = documents.map { document in
      document.split(separator: "\n").filter { !$0.hasPrefix("#") }.enumerated()
        .map { ($0.offset == 0 ? "- " : "  ") + $0.element }.joined(separator: "\n")
    }
    let list = "apiVersion: v1\nitems:\n" + items.joined(separator: "\n") + "\nkind: List\nmetadata: {}\n"
    let listed = try cli.run(["check", "--policies", tree, "-", "--format", "json"], input: Data(list.utf8))
    let direct = try cli.run(["check", "--policies", tree, "corpus/manifests/noncompliant.yaml", "--format", "json"])
    #expect(listed.status == 1, "\(listed.stderr)")
    #expect(listed.stderr.isEmpty)
    func verdicts(_ json: String) -> [String] {
      json.components(separatedBy: #""subject":""#).dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }
    #expect(!verdicts(direct.stdout).isEmpty)
    #expect(verdicts(listed.stdout) == verdicts(direct.stdout))
  }

  @Test("--help lists every exit status, 5 included")
  func help() throws {
    let result = try cli.run(["--help"])
    #expect(result.status == 0)
    for status in ExitStatus.allCases {
      #expect(result.stdout.contains("\(status.rawValue)  \(status.meaning.prefix(30))"), "\(status)")
    }
  }

  @Test("run with no arguments works from any folder and says how to look at what it made")
  func demoFromAnywhere() throws {
    let elsewhere = TestPaths.temporaryFolder("elsewhere")
    let result = try cli.run(["run"], in: elsewhere)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("3 changed policies (of 3); branch regpolicy/32030R0001-2030-02-01"))
    let repo = try #require(
      result.stderr.split(separator: "\n").first?.split(separator: " ").last.map(String.init), "\(result.stderr)")
    #expect(result.stdout.contains("git -C \(repo) log --stat --reverse regpolicy/32030R0001-2030-02-01"))
    // The hint works: the branch has a commit per control and the index.
    let log = try BranchCLITests.git(repo, ["log", "--format=%s", "regpolicy/32030R0001-2030-02-01"])
    #expect(log.split(separator: "\n").count == 4)
    #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere).isEmpty, "nothing written to the folder")
  }
}

extension ExitStatusCLITests {
  @Test("generate never replaces a regular file at --out")
  func outIsAFile() throws {
    let file = TestPaths.temporaryFolder("out-file") + "/notes.txt"
    try "mine\n".write(toFile: file, atomically: true, encoding: .utf8)
    let result = try cli.run([
      "generate", "corpus/samples/synthetic-oj.html", "--profile", "templates/profile.example.yaml", "--out", file,
    ])
    #expect(result.status == 4)
    #expect(Self.codes(result.stderr) == [.outputNotGenerated], "\(result.stderr)")
    #expect(try String(contentsOfFile: file, encoding: .utf8) == "mine\n")
  }

  @Test("branch refuses an index whose files lie outside the tree")
  func indexOutsideTree() throws {
    let tree = TestPaths.temporaryFolder("escape") + "/policies"
    try FileManager.default.copyItem(atPath: try PolicyCLITests.tree.get(), toPath: tree)
    let index = tree + "/index.json"
    let text = try String(contentsOfFile: index, encoding: .utf8)
    try text.replacingOccurrences(of: #""rego/32024R1689/aia-05/policy.rego""#, with: #""../../../etc/passwd""#)
      .write(toFile: index, atomically: true, encoding: .utf8)
    let result = try cli.run(["branch", "--repo", try BranchCLITests.repository(), "--policies", tree])
    #expect(result.status == 3)
    #expect(Self.codes(result.stderr) == [.policiesMalformedIndex], "\(result.stderr)")
    #expect(result.stderr.contains("'../../../etc/passwd' lies outside the tree"))
  }
}
