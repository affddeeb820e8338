import Foundation
import RegPolicyTestSupport
import Testing

/// `regpolicy generate` and `regpolicy check` as a user runs them, bad input included: every bad
/// input is a diagnostic with its file and line, a documented exit status, and an untouched `--out`.
@Suite("regpolicy generate and check", .serialized)
struct PolicyCLITests {
  let cli = CLITests()
  static let aiAct = CLITests.corpus + "/eu-ai-act/html/32024R1689_EN_OJ.html"
  static let profile = "templates/profile.example.yaml"

  static func temporary() -> String { TestPaths.temporaryFolder("cli") }

  /// A policy tree generated once by the CLI.
  static let tree = Result { () throws -> String in
    let out = temporary() + "/policies"
    let result = try CLITests().run(["generate", aiAct, "--profile", profile, "--out", out])
    try #require(result.status == 0, "\(result.stderr)")
    return out
  }

  /// Every file under a folder with its bytes, to show a failed run changed nothing.
  static func snapshot(_ folder: String) -> [String: Data] {
    var files: [String: Data] = [:]
    for path in (try? FileManager.default.subpathsOfDirectory(atPath: folder)) ?? [] {
      if let data = FileManager.default.contents(atPath: folder + "/" + path) { files[path] = data }
    }
    return files
  }

  @Test("check explains a violation in legal terms, quoting the clause")
  func explains() throws {
    let manifests = Self.temporary() + "/scorer.yaml"
    try """
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: scorer
      namespace: ml
      labels: {ai.example.com/system: "true", ai.example.com/risk-class: high-risk}
      annotations: {ai.example.com/log-retention-days: "200"}
    """.write(toFile: manifests, atomically: true, encoding: .utf8)
    let result = try cli.run(["check", "--policies", try Self.tree.get(), manifests])
    #expect(result.status == 1, "\(result.stderr)")
    // A missing annotation is reported at the line of `annotations:`, where it belongs.
    #expect(
      result.stdout.contains(
        "\(manifests):7: deployment/ml/scorer: denied — Article 12(1) AI Act requires that high-risk AI systems technically allow for the automatic recording of events (logs); missing annotation ai.example.com/logging\n"
      ), "\(result.stdout)")
    #expect(
      result.stdout.contains(
        "    Article 12(1): “High-risk AI systems shall technically allow for the automatic recording of events (logs) over the lifetime of the system.”"
      ))
    #expect(result.stdout.hasSuffix("1 objects checked, 17 denials, 0 warnings\n"), "\(result.stdout)")
    let json = try cli.run(["check", "--policies", try Self.tree.get(), "--format", "json", manifests])
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let violations = try #require(object["violations"] as? [[String: Any]])
    #expect(violations.count == 17)
    let logging = try #require(
      violations.first { ($0["message"] as? String)?.hasSuffix("missing annotation ai.example.com/logging") == true })
    #expect(logging["control"] as? String == "AIA-12" && logging["citation"] as? String == "Article 12(1)")
    #expect(
      Set(logging.keys) == [
        "citation", "clauses", "control", "enforcement", "file", "line", "link", "message", "quote", "rule", "subject",
      ])
  }

  @Test("check passes the compliant samples (exit 0) and fails the others (exit 1)")
  func samples() throws {
    let tree = try Self.tree.get()
    let good = try cli.run(["check", "--policies", tree, "corpus/manifests/compliant.yaml"])
    #expect(good.status == 0, "\(good.stdout)")
    #expect(good.stdout == "3 objects checked, 0 denials, 0 warnings\n")
    let bad = try cli.run(["check", "--policies", tree, "corpus/manifests/noncompliant.yaml"])
    #expect(bad.status == 1)
  }

  @Test(
    "check: a manifest that is not YAML or not Kubernetes is an input error at its line; the other files are still checked",
    arguments: [
      ("kind: [Deployment\n", "manifest.not-yaml", ":2:"),
      (
        "apiVersion: v1\nkind: Pod\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: ok}\n", "manifest.not-kubernetes",
        ":1:"
      ),
      ("- just\n- a list\n", "manifest.not-kubernetes", ":1:"),
      ("\u{0}\u{1}binary", "manifest.not-yaml", ":1:"),
    ])
  func badManifest(_ text: String, _ code: String, _ position: String) throws {
    let file = Self.temporary() + "/bad.yaml"
    try text.write(toFile: file, atomically: true, encoding: .utf8)
    let result = try cli.run(["check", "--policies", try Self.tree.get(), file, "corpus/manifests/noncompliant.yaml"])
    #expect(result.status == 3)
    #expect(result.stderr.contains("\(file)\(position)") && result.stderr.contains("[\(code)]"), "\(result.stderr)")
    #expect(result.stdout.contains("noncompliant.yaml"), "the good file is still checked")
  }

  @Test("check: a folder without an index is an input error")
  func noIndex() throws {
    let result = try cli.run(["check", "--policies", Self.temporary(), "corpus/manifests/compliant.yaml"])
    #expect(result.status == 3)
    #expect(
      result.stderr.contains("no index.json") && result.stderr.contains("[policies.no-index]"), "\(result.stderr)")
  }

  /// Copies `rules/` or `templates/` into a temporary folder with one file changed.
  /// A copy of a folder of the package in a temporary folder, with one file's text changed.
  static func copy(_ folder: String, changing file: String? = nil, to text: String = "") throws -> String {
    let target = temporary() + "/" + folder
    try FileManager.default.copyItem(atPath: CLITests.packageRoot + "/" + folder, toPath: target)
    if let file { try text.write(toFile: target + "/" + file, atomically: true, encoding: .utf8) }
    return target
  }

  @Test("generate: a source no rule maps is a warning naming it, never silence; the tree is the other sources'")
  func unmappedSource() throws {
    // SP 800-53's control statements are the organisation's duties, but no shipped rule maps them.
    let catalog = CLITests.corpus + "/nist/NIST_SP-800-53_rev5_catalog.xml"
    let both = Self.temporary() + "/both"
    let result = try cli.run(["generate", Self.aiAct, catalog, "--profile", Self.profile, "--out", both])
    #expect(result.status == 0, "\(result.stderr)")
    let warnings = result.stderr.split(separator: "\n").filter { $0.contains("[generate.unmapped-source]") }
    #expect(warnings.count == 1)
    #expect(warnings.first?.hasPrefix(catalog + ": warning: no policy comes from NIST.SP.800-53r5") == true)
    let alone = try Self.tree.get()
    #expect(Self.snapshot(both) == Self.snapshot(alone))
  }

  @Test("generate: bad rules, templates, profiles and sources leave --out untouched")
  func badGenerateInput() throws {
    let out = Self.temporary() + "/policies"
    let first = try cli.run(["generate", Self.aiAct, "--profile", Self.profile, "--out", out])
    #expect(first.status == 0)
    let before = Self.snapshot(out)
    #expect(before.keys.filter { !$0.contains("/cases/") }.count == 18 * 8 + 1)
    let rule = try String(
      contentsOfFile: CLITests.packageRoot + "/rules/ai-act/art-12-event-logging.yaml", encoding: .utf8)
    let rules = try Self.copy(
      "rules", changing: "ai-act/art-12-event-logging.yaml",
      to: rule.replacingOccurrences(of: "template: at-least", with: "template: at-lest"))
    let template = try Self.copy("templates", changing: "rego/checks/present.rego.mustache", to: "{{#requirements}}\n")
    let withoutFragment = try Self.copy("templates", changing: "kyverno/checks/matches.yaml.mustache", to: "")
    try FileManager.default.removeItem(atPath: withoutFragment + "/kyverno/checks/matches.yaml.mustache")
    let profile = Self.temporary() + "/profile.yaml"
    try "organisation: X\nroles: [provider]\nenforcement: deny\nprefix: ai.x.com\n".write(
      toFile: profile, atomically: true, encoding: .utf8)
    let cases: [([String], String)] = [
      (["--rules", rules], "art-12-event-logging.yaml:26:15: error: unknown template 'at-lest'"),
      (["--templates", template], "\(template)/rego/checks/present.rego.mustache: error: template does not parse"),
      (
        ["--templates", withoutFragment],
        "\(withoutFragment)/kyverno/checks/matches.yaml.mustache: error: template is missing [template.missing]"
      ),
      (
        ["--profile", profile],
        "profile.yaml:1:1: error: the profile is missing required key 'risk-classes' [profile.missing-key]"
      ),
      (["corpus/samples/does-not-exist.html"], "[input.unreadable]"),
    ]
    for (arguments, diagnostic) in cases {
      var command = ["generate", Self.aiAct, "--profile", Self.profile, "--out", out]
      if arguments[0] == "--profile" { command.removeSubrange(2...3) }
      let result = try cli.run(command + arguments)
      #expect(result.status == 3, "\(arguments)")
      #expect(result.stderr.contains(diagnostic), "\(result.stderr)")
      #expect(Self.snapshot(out) == before, "\(arguments) changed --out")
    }
    #expect(
      FileManager.default.subpaths(atPath: (out as NSString).deletingLastPathComponent)?.contains {
        $0.contains(".regpolicy-")
      } == false)
  }

  @Test("generate refuses to replace a folder it did not write (exit 4)")
  func foreignFolder() throws {
    let out = Self.temporary()
    try "keep me".write(toFile: out + "/notes.txt", atomically: true, encoding: .utf8)
    let result = try cli.run(["generate", Self.aiAct, "--profile", Self.profile, "--out", out])
    #expect(result.status == 4)
    #expect(result.stderr.contains("[output.not-generated]"))
    #expect(Self.snapshot(out).keys.sorted() == ["notes.txt"])
  }
}

@Suite("regpolicy diff")
struct DiffCLITests {
  let cli = CLITests()

  @Test("diff writes the public JSON contract, keys sorted; exit 1 when the versions differ, 0 when not")
  func json() throws {
    let old = CLITests.corpus + "/eprivacy/02002L0058-20060503_EN_consolidated.fmx.xml"
    let new = CLITests.corpus + "/eprivacy/02002L0058-20091219_EN_consolidated.fmx.xml"
    let result = try cli.run(["diff", "--format", "json", old, new])
    #expect(result.status == 1, "\(result.stderr)")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    #expect(Set(object.keys) == ["changes", "framing_compared", "obligations", "policies"])
    let changes = try #require(object["changes"] as? [[String: Any]])
    #expect(changes.count == 41)
    #expect(Set(changes[0].keys) == ["change", "diff", "editorial", "new_id", "old_id", "substantive"])
    #expect(result.stdout.contains("\"change\":\"modified\",\"diff\":\"This Directive [-harmonises-] {+provides for+}"))
    #expect(try cli.run(["diff", "--format", "json", old, new]).stdout == result.stdout)
    let same = try cli.run(["diff", old, old])
    #expect(same.status == 0)
    #expect(same.stdout.hasPrefix("0 changes, 0 substantive, 0 editorial\n"))
  }

  @Test("diff with a profile reports the controls whose policies go stale; markdown for people")
  func policies() throws {
    let old = CLITests.corpus + "/gdpr/32016R0679_EN_OJ.html"
    let new = CLITests.corpus + "/gdpr/02016R0679-20160504_EN_consolidated.html"
    let result = try cli.run(["diff", "--format", "markdown", "--profile", "templates/profile.example.yaml", old, new])
    #expect(result.status == 1)
    #expect(result.stdout.hasPrefix("## What changed in the law\n\n16 changes, 15 substantive, 1 editorial\n"))
    #expect(result.stdout.contains("- **Article 69(2)** — modified (editorial: reference)"))
    #expect(result.stdout.contains("## What changed in the obligations"))
  }

  @Test("diff: an unreadable version is an input error")
  func unreadable() throws {
    let result = try cli.run(["diff", "corpus/samples/synthetic-oj.html", "missing.html"])
    #expect(result.status == 3)
    #expect(result.stderr.contains("[input.unreadable]"))
  }
}
