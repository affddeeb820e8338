import Foundation
import Testing

/// `regpolicy branch` against real git repositories in temporary folders: the user's working tree,
/// index and HEAD are exactly as before; commits carry parseable trailers; re-runs are no-ops.
@Suite("regpolicy branch", .serialized)
struct BranchCLITests {
  let cli = CLITests()

  /// A policy tree generated once from the AI Act.
  static let tree = Result { () throws -> String in
    let out = PolicyCLITests.temporary() + "/policies"
    let result = try CLITests().run([
      "generate", PolicyCLITests.aiAct, "--profile", PolicyCLITests.profile, "--out", out,
    ])
    try #require(result.status == 0, "\(result.stderr)")
    return out
  }

  /// Runs git in a folder; fails the test on a non-zero exit.
  @discardableResult
  static func git(_ repository: String, _ arguments: [String], input: String? = nil) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments =
      ["git", "-C", repository, "-c", "user.name=Tester", "-c", "user.email=t@example.com"] + arguments
    let output = Pipe()
    let input_ = Pipe()
    process.standardOutput = output
    process.standardInput = input_
    process.standardError = FileHandle.nullDevice
    try process.run()
    if let input { input_.fileHandleForWriting.write(Data(input.utf8)) }
    try input_.fileHandleForWriting.close()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    try #require(process.terminationStatus == 0, "git \(arguments) failed")
    return String(decoding: data, as: UTF8.self)
  }

  /// A repository with one commit, a modified tracked file and a staged new file.
  static func repository(named name: String = "repo", commit: Bool = true) throws -> String {
    let path = PolicyCLITests.temporary() + "/" + name
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    try git(path, ["init", "-q", "-b", "main"])
    if commit {
      try "policy repo\n".write(toFile: path + "/README.md", atomically: true, encoding: .utf8)
      try git(path, ["add", "README.md"])
      try git(path, ["commit", "-q", "-m", "init"])
    }
    return path
  }

  /// Everything a user could notice: status, HEAD, the index, and the bytes of every file.
  static func state(_ repository: String) throws -> [String] {
    var state = [
      try git(repository, ["status", "--porcelain=v2", "--branch", "--untracked-files=all"]),
      try git(repository, ["ls-files", "--stage"]),
    ]
    let files = try FileManager.default.subpathsOfDirectory(atPath: repository).filter { !$0.hasPrefix(".git") }
      .sorted()
    for file in files {
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: repository + "/" + file, isDirectory: &isDirectory),
        !isDirectory.boolValue
      {
        state.append(
          file + ":" + (FileManager.default.contents(atPath: repository + "/" + file)?.base64EncodedString() ?? ""))
      }
    }
    return state
  }

  @Test("a branch of one commit per control, parseable trailers; the working tree, index and HEAD untouched")
  func branch() throws {
    let repo = try Self.repository()
    try "edited\n".write(toFile: repo + "/README.md", atomically: true, encoding: .utf8)
    try "staged\n".write(toFile: repo + "/new.txt", atomically: true, encoding: .utf8)
    try Self.git(repo, ["add", "new.txt"])
    let before = try Self.state(repo)
    let refsBefore = try Self.git(repo, ["for-each-ref"])
    let objectsBefore = try Self.git(repo, ["count-objects", "-v"])

    let dry = try cli.run(["branch", "--repo", repo, "--policies", try Self.tree.get(), "--dry-run"])
    #expect(dry.status == 0, "\(dry.stderr)")
    // git's order: the first control's gator cases come before its constraint.
    #expect(dry.stdout.hasPrefix("diff --git a/policies/gatekeeper/32024R1689/aia-05/cases/compliant.yaml"))
    #expect(dry.stdout.contains("diff --git a/policies/gatekeeper/32024R1689/aia-05/constraint.yaml"))
    #expect(try Self.git(repo, ["for-each-ref"]) == refsBefore)
    #expect(try Self.git(repo, ["count-objects", "-v"]) == objectsBefore, "a dry run writes no object")

    let result = try cli.run(["branch", "--repo", repo, "--policies", try Self.tree.get()])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(try Self.state(repo) == before)
    let branch = "regpolicy/32024R1689-2024-07-12"
    #expect(result.stdout.hasPrefix("# \(branch)\n"))
    #expect(result.stdout.contains("## Review checklist"))
    let subjects = try Self.git(repo, ["log", "--format=%s", "main..\(branch)"]).split(separator: "\n").reversed()
    #expect(subjects.count == 18 + 1)
    #expect(subjects.contains("AI Act Article 12(1): automatic event logging enabled, logs kept at least six months"))
    #expect(subjects.contains("AI Act Article 49(1): EU database registration id declared"))
    // Trailers, as git itself parses them.
    let message = try Self.git(repo, ["log", "-1", "--format=%B", "--grep=Article 12(1)", branch])
    let trailers = try Self.git(repo, ["interpret-trailers", "--parse"], input: message)
    #expect(trailers.contains("Regulation: 32024R1689\n"))
    #expect(trailers.contains("Clause: art_12.par_1\n"))
    #expect(trailers.range(of: "Clause-SHA256: art_12.par_1 [0-9a-f]{64}\n", options: .regularExpression) != nil)
    #expect(trailers.contains("Generated-By: regpolicy "))
    // The branch's diff is the dry run's.
    #expect(try Self.git(repo, ["diff", "--no-color", "--no-renames", "main", branch]) == dry.stdout)
    #expect(FileManager.default.fileExists(atPath: repo + "/.git/regpolicy/regpolicy_32024R1689-2024-07-12.md"))

    // Idempotent: the same tree again makes no commit.
    let tip = try Self.git(repo, ["rev-parse", branch])
    let again = try cli.run(["branch", "--repo", repo, "--policies", try Self.tree.get()])
    #expect(again.status == 0)
    #expect(again.stderr.contains("no change"))
    #expect(try Self.git(repo, ["rev-parse", branch]) == tip)
    #expect(try Self.state(repo) == before)
  }

  @Test("an existing branch with other content is refused (exit 4) unless --force")
  func existingBranch() throws {
    let repo = try Self.repository()
    try Self.git(repo, ["branch", "regpolicy/review"])
    let tip = try Self.git(repo, ["rev-parse", "regpolicy/review"])
    let refused = try cli.run([
      "branch", "--repo", repo, "--policies", try Self.tree.get(), "--branch", "regpolicy/review",
    ])
    #expect(refused.status == 4)
    #expect(refused.stderr.contains("[branch.exists]"))
    #expect(try Self.git(repo, ["rev-parse", "regpolicy/review"]) == tip)
    let forced = try cli.run([
      "branch", "--repo", repo, "--policies", try Self.tree.get(), "--branch", "regpolicy/review", "--force",
    ])
    #expect(forced.status == 0, "\(forced.stderr)")
    #expect(try Self.git(repo, ["rev-parse", "regpolicy/review"]) != tip)
  }

  @Test("a repository with no commits, and one on a detached HEAD")
  func unusualHeads() throws {
    let empty = try Self.repository(named: "empty", commit: false)
    let first = try cli.run(["branch", "--repo", empty, "--policies", try Self.tree.get()])
    #expect(first.status == 0, "\(first.stderr)")
    #expect(try Self.git(empty, ["rev-list", "--count", "regpolicy/32024R1689-2024-07-12"]) == "19\n")
    #expect(try Self.git(empty, ["symbolic-ref", "HEAD"]) == "refs/heads/main\n")

    let detached = try Self.repository(named: "detached")
    let head = try Self.git(detached, ["rev-parse", "HEAD"]).trimmingCharacters(in: .newlines)
    try Self.git(detached, ["checkout", "-q", "--detach", head])
    let before = try Self.state(detached)
    let result = try cli.run(["branch", "--repo", detached, "--policies", try Self.tree.get()])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(try Self.state(detached) == before)
    #expect(try Self.git(detached, ["rev-parse", "HEAD"]).trimmingCharacters(in: .newlines) == head)
  }

  @Test("a repository path with spaces and non-ASCII letters")
  func oddPath() throws {
    let repo = try Self.repository(named: "politiques de conformité ÄÖ")
    let result = try cli.run(["branch", "--repo", repo, "--policies", try Self.tree.get()])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(try Self.git(repo, ["rev-list", "--count", "main..regpolicy/32024R1689-2024-07-12"]) == "19\n")
  }

  @Test("clause and rule text with shell metacharacters and quotes reaches git verbatim")
  func metacharacters() throws {
    let rules = try PolicyCLITests.copy(
      "rules", changing: "ai-act/art-73-serious-incidents.yaml",
      to: try String(
        contentsOfFile: CLITests.packageRoot + "/rules/ai-act/art-73-serious-incidents.yaml", encoding: .utf8
      )
      .replacingOccurrences(
        of: "title: Serious-incident contact declared",
        with: #"title: "Contact $(touch /tmp/pwned) `id` \"q\" 'x'; false || exit 1 | cat & echo *""#))
    let out = PolicyCLITests.temporary() + "/policies"
    let generated = try cli.run([
      "generate", PolicyCLITests.aiAct, "--profile", PolicyCLITests.profile, "--out", out, "--rules", rules,
    ])
    #expect(generated.status == 0, "\(generated.stderr)")
    let repo = try Self.repository()
    let result = try cli.run(["branch", "--repo", repo, "--policies", out])
    #expect(result.status == 0, "\(result.stderr)")
    let subjects = try Self.git(repo, ["log", "--format=%s", "regpolicy/32024R1689-2024-07-12"])
    #expect(
      subjects.contains(
        #"AI Act Article 73(1): contact $(touch /tmp/pwned) `id` "q" 'x'; false || exit 1 | cat & echo *"#))
    #expect(!FileManager.default.fileExists(atPath: "/tmp/pwned"))
  }

  @Test("a folder that is not a git repository is an input error")
  func notARepository() throws {
    let folder = PolicyCLITests.temporary()
    let result = try cli.run(["branch", "--repo", folder, "--policies", try Self.tree.get()])
    #expect(result.status == 3)
    #expect(result.stderr.contains("[git.not-a-repository]"))
  }
}

/// `regpolicy run`, the main job, end to end with real git.
@Suite("regpolicy run", .serialized)
struct RunCLITests {
  let cli = CLITests()

  @Test("without arguments: the shipped sample into a new temporary repository")
  func sample() throws {
    let result = try cli.run(["run"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.hasPrefix("no --repo: using a new repository at "))
    #expect(result.stdout.contains("3 changed policies (of 3); branch regpolicy/32030R0001-2030-02-01 in "))
    #expect(result.stdout.contains("with 4 commits; PR body: "))
  }

  @Test("the AI Act into a repository, then the same again: no commit, exit 5")
  func idempotent() throws {
    let repo = try BranchCLITests.repository()
    let first = try cli.run(["run", PolicyCLITests.aiAct, "--repo", repo, "--profile", PolicyCLITests.profile])
    #expect(first.status == 0, "\(first.stderr)")
    #expect(first.stdout.contains("18 changed policies (of 18); branch regpolicy/32024R1689-2024-07-12"))
    let branch = "regpolicy/32024R1689-2024-07-12"
    let tip = try BranchCLITests.git(repo, ["rev-parse", branch])
    let second = try cli.run(["run", PolicyCLITests.aiAct, "--repo", repo, "--profile", PolicyCLITests.profile])
    #expect(second.status == 5)
    #expect(second.stdout.contains("no change"))
    #expect(try BranchCLITests.git(repo, ["rev-parse", branch]) == tip)
  }

  @Test("with --previous, the PR body says what changed in the law")
  func previous() throws {
    let repo = try BranchCLITests.repository()
    let result = try cli.run([
      "run", CLITests.corpus + "/gdpr/02016R0679-20160504_EN_consolidated.html", "--previous",
      CLITests.corpus + "/gdpr/32016R0679_EN_OJ.html", "--repo", repo, "--profile", PolicyCLITests.profile,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("16 changed clauses"))
    let body = try String(
      contentsOfFile: repo + "/.git/regpolicy/regpolicy_policies.md", encoding: .utf8)
    #expect(body.contains("## What changed in the law\n\n16 changes, 15 substantive, 1 editorial"))
    #expect(body.contains("- **Article 69(2)** — modified (editorial: reference)"))
  }

  @Test("without --previous, a changed clause is found from the hashes the base was generated with")
  func recovered() throws {
    let repo = try BranchCLITests.repository()
    let first = try cli.run(["run", MainRunSample.path, "--repo", repo])
    #expect(first.status == 0, "\(first.stderr)")
    // The team merges the review branch; the next version of the regulation changes Article 1(b).
    try BranchCLITests.git(repo, ["merge", "-q", "--ff-only", "regpolicy/32030R0001-2030-02-01"])
    let changed = PolicyCLITests.temporary() + "/synthetic-oj-v2.html"
    let text = try String(contentsOfFile: CLITests.packageRoot + "/" + MainRunSample.path, encoding: .utf8)
    #expect(text.contains("keep the logs for at least six months"))
    try text.replacingOccurrences(
      of: "keep the logs for at least six months", with: "keep the logs for at least twelve months"
    )
    .write(toFile: changed, atomically: true, encoding: .utf8)
    let second = try cli.run(["run", changed, "--repo", repo, "--branch", "regpolicy/v2"])
    // Article 1(b), which the rule's retention check cites, no longer reads as reviewed: the run
    // says so with its own status, and the base's index gives the reviewed text for a word diff.
    #expect(second.status == 6, "\(second.stderr)")
    #expect(second.stderr.contains("SAMPLE-01 needs review: Article 1, point (b) (changed)"), "\(second.stderr)")
    #expect(second.stdout.contains("1 changed clauses"))
    let body = try String(contentsOfFile: repo + "/.git/regpolicy/regpolicy_v2.md", encoding: .utf8)
    #expect(body.contains("- art_1.pt_b: text changed since the base was generated"))
    #expect(
      body.contains(
        "- **Article 1, point (b)** changed since review: `keep the logs for at least [-six-] {+twelve+} months"),
      "\(body)")
    let subjects = try BranchCLITests.git(repo, ["log", "--format=%s", "main..regpolicy/v2"])
    #expect(
      subjects.contains(
        "[needs review] Sample Regulation 2030/1 Article 1, point (a): events recorded and logs kept six months"))
  }
}

extension RunCLITests {
  @Test("with --previous, a commit's body quotes what changed in its clause")
  func lawChangeInCommit() throws {
    let repo = try BranchCLITests.repository()
    let changed = PolicyCLITests.temporary() + "/synthetic-oj-v2.html"
    let text = try String(contentsOfFile: CLITests.packageRoot + "/" + MainRunSample.path, encoding: .utf8)
    try text.replacingOccurrences(
      of: "keep the logs for at least six months", with: "keep the logs for at least twelve months"
    )
    .write(toFile: changed, atomically: true, encoding: .utf8)
    let result = try cli.run(["run", changed, "--previous", MainRunSample.path, "--repo", repo])
    #expect(result.status == 6, "\(result.stderr)")
    let body = try BranchCLITests.git(
      repo, ["log", "-1", "--format=%B", "--grep=SAMPLE-01", "regpolicy/32030R0001-2030-02-01"])
    #expect(body.contains("Article 1, point (b), changed: keep the logs for at least [-six-] {+twelve+} months"))
    #expect(body.contains("Article 1, point (a): “record events automatically;”"))
    let pr = try String(contentsOfFile: repo + "/.git/regpolicy/regpolicy_32030R0001-2030-02-01.md", encoding: .utf8)
    #expect(pr.contains("- new: [needs review] Sample Regulation 2030/1 Article 1, point (a): events recorded"))
  }
}

enum MainRunSample {
  static let path = "corpus/samples/synthetic-oj.html"
}

extension RunCLITests {
  /// `--rules` reaches every stage that maps: the policies `run` commits and the policy changes
  /// `diff --profile` reports come from the rules named, not the built-in copy.
  @Test("--rules is honoured by run and by diff --profile")
  func rulesHonoured() throws {
    let rule = try String(contentsOfFile: CLITests.packageRoot + "/rules/sample/art-01-logging.yaml", encoding: .utf8)
    #expect(rule.contains("\ntitle: "))
    let retitled = try PolicyCLITests.copy(
      "rules", changing: "sample/art-01-logging.yaml",
      to: rule.replacingOccurrences(of: "\ntitle: ", with: "\ntitle: Retitled "))
    let repo = try BranchCLITests.repository()
    let run = try cli.run(["run", MainRunSample.path, "--repo", repo, "--rules", retitled])
    #expect(run.status == 0, "\(run.stderr)")
    let subjects = try BranchCLITests.git(repo, ["log", "--format=%s", "regpolicy/32030R0001-2030-02-01"])
    #expect(subjects.contains("Sample Regulation 2030/1 Article 1, point (a): retitled "), "\(subjects)")

    // Two versions of the sample: with the built-in rules its control is stale; with rules that
    // have no sample rule, no policy changes at all.
    let changed = PolicyCLITests.temporary() + "/synthetic-oj-v2.html"
    let text = try String(contentsOfFile: CLITests.packageRoot + "/" + MainRunSample.path, encoding: .utf8)
    try text.replacingOccurrences(of: "at least six months", with: "at least twelve months")
      .write(toFile: changed, atomically: true, encoding: .utf8)
    let withSample = try cli.run([
      "diff", MainRunSample.path, changed, "--profile", PolicyCLITests.profile, "--format", "json",
    ])
    #expect(withSample.stdout.contains(#""change":"stale","clauses":["art_1.pt_b"],"control":"SAMPLE-01""#))
    let noSample = PolicyCLITests.temporary() + "/rules"
    try FileManager.default.copyItem(atPath: CLITests.packageRoot + "/rules", toPath: noSample)
    try FileManager.default.removeItem(atPath: noSample + "/sample")
    let without = try cli.run([
      "diff", MainRunSample.path, changed, "--profile", PolicyCLITests.profile, "--rules", noSample, "--format", "json",
    ])
    #expect(without.status == 1, "\(without.stderr)")
    #expect(without.stdout.contains(#""policies":[]"#), "\(without.stdout)")
  }
}
