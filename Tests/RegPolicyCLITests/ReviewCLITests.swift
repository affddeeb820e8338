import Foundation
import RegPolicyTestSupport
import Testing

/// Rules pinned to the text they were reviewed against: a new version of the AI Act that changes
/// the six-month log retention of Articles 19(1) and 26(6) cannot slip into a policy unnoticed.
@Suite("Review of rules against the law", .serialized)
struct ReviewCLITests {
  let cli = CLITests()

  /// The shipped rule's reviewed hash of a clause.
  static func reviewed(_ clause: String) throws -> String {
    let rule = try String(
      contentsOfFile: CLITests.packageRoot + "/rules/ai-act/art-12-event-logging.yaml", encoding: .utf8)
    let line = try #require(rule.split(separator: "\n").first { $0.hasPrefix("  \(clause): ") })
    return String(line.split(separator: " ").last ?? "")
  }

  @Test("the AI Act with twelve months: AIA-12 needs review everywhere, until the rule is reviewed again")
  func twelveMonths() throws {
    let folder = TestPaths.temporaryFolder("twelve")
    let old = CLITests.corpus + "/eu-ai-act/html/32024R1689_EN_OJ.html"
    let text = try String(contentsOfFile: old, encoding: .utf8)
    #expect(text.components(separatedBy: "of at least six months").count == 3, "Articles 19(1) and 26(6)")
    let new = folder + "/32024R1689_EN_twelve.html"
    try text.replacingOccurrences(of: "of at least six months", with: "of at least twelve months")
      .write(toFile: new, atomically: true, encoding: .utf8)

    // The policies of the Act as published, merged by the team.
    let repo = try BranchCLITests.repository()
    let first = try cli.run(["run", old, "--repo", repo, "--profile", PolicyCLITests.profile])
    #expect(first.status == 0, "\(first.stderr)")
    #expect(!first.stderr.contains("needs review"))
    try BranchCLITests.git(repo, ["merge", "-q", "--ff-only", "regpolicy/32024R1689-2024-07-12"])

    // The new text: AIA-12 is regenerated, but marked as not matched to the law by anyone.
    let second = try cli.run([
      "run", new, "--previous", old, "--repo", repo, "--profile", PolicyCLITests.profile, "--branch", "twelve",
    ])
    #expect(second.status == 6, "\(second.stderr)")
    #expect(
      second.stderr.contains("AIA-12 needs review: Article 19(1) (changed), Article 26(6) (changed)"),
      "\(second.stderr)")
    #expect(second.stderr.components(separatedBy: "[policy.needs-review]").count == 2, "AIA-12 alone")
    func show(_ path: String) throws -> String { try BranchCLITests.git(repo, ["show", "twelve:policies/" + path]) }
    let oldHash = try Self.reviewed("art_19.par_1")
    let rego = try show("rego/32024R1689/aia-12/policy.rego")
    #expect(rego.contains("#   review: \"needs-review\""))
    #expect(rego.contains("#       reviewed_sha256: \"\(oldHash)\""))
    #expect(try show("rego/32024R1689/aia-09/policy.rego").contains("#   review: \"current\""))
    #expect(try show("gatekeeper/32024R1689/aia-12/template.yaml").contains("regpolicy.dev/review: \"needs-review\""))
    #expect(try show("kyverno/32024R1689/aia-12/clusterpolicy.yaml").contains("regpolicy.dev/review: \"needs-review\""))
    let index = try JSONSerialization.jsonObject(with: Data(try show("index.json").utf8)) as? [String: Any]
    let entries = try #require(index?["policies"] as? [[String: Any]])
    let aia12 = try #require(
      entries.compactMap { $0["policy"] as? [String: Any] }.first { $0["control"] as? String == "AIA-12" })
    #expect(aia12["review"] as? String == "needs-review")

    // The commit: its subject says so, its trailers keep the reviewed hash beside the current one.
    let message = try BranchCLITests.git(repo, ["log", "-1", "--format=%B", "--grep=Control: AIA-12", "twelve"])
    #expect(message.hasPrefix("[needs review] AI Act Article 12(1): "), "\(message)")
    let trailers = try BranchCLITests.git(repo, ["interpret-trailers", "--parse"], input: message)
    #expect(
      trailers.contains("Clause-SHA256: art_19.par_1 \(oldHash)\nClause-SHA256-Now: art_19.par_1 "), "\(trailers)")
    // A clause the rule matches without citing it was never reviewed: its current hash only.
    #expect(!trailers.contains("Clause-SHA256: art_26.par_6.sub_2"), "\(trailers)")
    #expect(trailers.contains("Clause-SHA256-Now: art_26.par_6.sub_2 "), "\(trailers)")
    #expect(trailers.contains("Review: needs-review\n"))
    // The PR body opens with it: the word diff of the clause and the value that rests on it.
    let body = try String(contentsOfFile: repo + "/.git/regpolicy/twelve.md", encoding: .utf8)
    let sections = body.components(separatedBy: "\n## ").dropFirst().map { $0.prefix { $0 != "\n" } }
    #expect(sections.first == "Needs review", "\(sections)")
    #expect(body.contains("- **Article 19(1)** changed since review: `"))
    #expect(body.contains("of at least [-six-] {+twelve+} months"))
    #expect(body.contains("  - rests on it: at-least annotation `ai.example.com/log-retention-days` at least 183"))

    // Without --previous the same: the reviewed text comes from the index the base was generated with.
    let alone = try cli.run([
      "run", new, "--repo", repo, "--profile", PolicyCLITests.profile, "--branch", "twelve-alone",
    ])
    #expect(alone.status == 6, "\(alone.stderr)")
    let aloneBody = try String(contentsOfFile: repo + "/.git/regpolicy/twelve-alone.md", encoding: .utf8)
    #expect(aloneBody.contains("\n## Needs review\n"))
    #expect(aloneBody.contains("of at least [-six-] {+twelve+} months"), "\(aloneBody)")

    // check, on the tree generated from the new text, says so too.
    let tree = TestPaths.temporaryFolder("twelve-tree")
    _ = try cli.run(["generate", new, "--profile", PolicyCLITests.profile, "--out", tree])
    let check = try cli.run(["check", "--policies", tree, "corpus/manifests/compliant.yaml"])
    #expect(check.stderr.contains("AIA-12 needs review: Article 19(1) (changed), Article 26(6) (changed)"))
    #expect(check.stderr.contains("[policy.needs-review]"), "\(check.stderr)")

    // A person reads the new text, keeps (or changes) the rule, and records the review.
    let rules = try PolicyCLITests.copy("rules")
    let review = try cli.run(["rules", "review", rules + "/ai-act/art-12-event-logging.yaml", "--source", new])
    #expect(review.status == 0, "\(review.stderr)")
    #expect(review.stdout.contains("Article 19(1) (art_19.par_1): reviewed anew"))
    #expect(review.stdout.contains("Article 12(1) (art_12.par_1): as reviewed before"))
    #expect(review.stdout.contains("of at least twelve months"), "the clause is shown to the reviewer")
    let third = try cli.run([
      "run", new, "--repo", repo, "--profile", PolicyCLITests.profile, "--rules", rules, "--branch", "reviewed",
    ])
    #expect(third.status == 0, "\(third.stderr)")
    #expect(!third.stderr.contains("needs review"))
    let reviewedRego = try BranchCLITests.git(repo, ["show", "reviewed:policies/rego/32024R1689/aia-12/policy.rego"])
    #expect(reviewedRego.contains("#   review: \"current\""))
  }

  @Test("rules review refuses a source of another act, a guardrail, and a clause the source lacks")
  func refusals() throws {
    let aiAct = CLITests.corpus + "/eu-ai-act/html/32024R1689_EN_OJ.html"
    let gdpr = CLITests.corpus + "/gdpr/32016R0679_EN_OJ.html"
    let rules = try PolicyCLITests.copy("rules")
    let before = try String(contentsOfFile: rules + "/ai-act/art-12-event-logging.yaml", encoding: .utf8)
    let wrong = try cli.run(["rules", "review", rules + "/ai-act/art-12-event-logging.yaml", "--source", gdpr])
    #expect(wrong.status == 3)
    #expect(wrong.stderr.contains("[review.wrong-source]"), "\(wrong.stderr)")
    let guardrail = try cli.run(["rules", "review", rules + "/finops/gpu-budget.yaml", "--source", aiAct])
    #expect(guardrail.status == 3)
    #expect(guardrail.stderr.contains("[review.no-clauses]"))
    #expect(try String(contentsOfFile: rules + "/ai-act/art-12-event-logging.yaml", encoding: .utf8) == before)
  }

  @Test("a review in another language replaces the English one, unless --keep keeps both")
  func keep() throws {
    let english = CLITests.corpus + "/eu-ai-act/html/32024R1689_EN_OJ.html"
    let dutch = CLITests.corpus + "/eu-ai-act/html-nl/32024R1689_NL_OJ.html"
    func generate(_ rules: String) throws -> CLITests.Run {
      try cli.run([
        "generate", english, "--rules", rules, "--profile", PolicyCLITests.profile,
        "--out", TestPaths.temporaryFolder("keep-out"),
      ])
    }
    let file = "/ai-act/art-12-event-logging.yaml"
    let kept = try PolicyCLITests.copy("rules")
    let review = try cli.run(["rules", "review", kept + file, "--source", dutch, "--keep"])
    #expect(review.status == 0, "\(review.stderr)")
    let text = try String(contentsOfFile: kept + file, encoding: .utf8)
    let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("  art_19.par_1: [") })
    #expect(line.contains(try Self.reviewed("art_19.par_1") + ", "), "the English hash first, then the Dutch")
    #expect(!(try generate(kept)).stderr.contains("needs review"))

    let replaced = try PolicyCLITests.copy("rules")
    #expect(try cli.run(["rules", "review", replaced + file, "--source", dutch]).status == 0)
    #expect(try generate(replaced).stderr.contains("AIA-12 needs review: Article 12(1) (changed)"))
  }
}
