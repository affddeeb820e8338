import Foundation
import RegPolicyTestSupport
import Testing

/// `regpolicy trace` and `search` on the real AI Act and the policy repository generated from it.
@Suite("regpolicy trace and search", .serialized)
struct TraceCLITests {
  let cli = CLITests()
  static let aiAct = CLITests.corpus + "/eu-ai-act/html/32024R1689_EN_OJ.html"

  /// A policy repository holding the AI Act's policies at HEAD (the review branch merged), and
  /// the commit of AIA-12.
  static let repository = Result { () throws -> (path: String, aia12: String) in
    let repo = try BranchCLITests.repository(named: "trace-repo")
    let run = try CLITests().run(["run", aiAct, "--repo", repo, "--profile", PolicyCLITests.profile])
    try #require(run.status == 0, "\(run.stderr)")
    try BranchCLITests.git(repo, ["merge", "-q", "--ff-only", "regpolicy/32024R1689-2024-07-12"])
    let commit = try BranchCLITests.git(repo, ["log", "-1", "--format=%H", "--grep=Control: AIA-12"])
    return (repo, commit.trimmingCharacters(in: .whitespacesAndNewlines))
  }

  /// `trace QUERY --format json` against the repository and the AI Act.
  func trace(_ query: String, source: String = aiAct) throws -> [String: Any] {
    let (repo, _) = try Self.repository.get()
    let result = try cli.run(["trace", query, "--repo", repo, "--source", source, "--format", "json"])
    try #require(result.status == 0, "\(query): \(result.stderr)")
    return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
  }

  static func clauses(_ answer: [String: Any]) -> [String] {
    (answer["clauses"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
  }

  static func controls(_ answer: [String: Any]) -> [String] {
    (answer["controls"] as? [[String: Any]] ?? []).compactMap { $0["control"] as? String }
  }

  @Test(
    "trace answers from every kind of input",
    arguments: [
      ("AIA-12", "control", ["AIA-12"], ["art_12.par_1", "art_19.par_1", "art_26.par_6"]),
      ("aia-12", "control", ["AIA-12"], ["art_12.par_1", "art_19.par_1", "art_26.par_6"]),
      ("ai-act.art-50.transparency", "rule", ["AIA-50"], ["art_50.par_1", "art_50.par_2"]),
      ("{repo}/policies/rego/32024R1689/aia-12/policy.rego", "file", ["AIA-12"], ["art_12.par_1"]),
      ("{repo}/policies/gatekeeper/32024R1689/aia-50/template.yaml", "file", ["AIA-50"], ["art_50.par_1"]),
      ("{repo}/policies/kyverno/32024R1689/aia-09/clusterpolicy.yaml", "file", ["AIA-09"], ["art_9.par_1"]),
      (
        "deployment/ml/scorer: denied — Article 19(1) and Article 26(6) AI Act require that the logs are kept for a period of at least six months; annotation ai.example.com/log-retention-days is '90', below the minimum of 183",
        "denial", ["AIA-12"], ["art_19.par_1", "art_26.par_6"]
      ),
      (
        "pod/default/x: denied — Article 5(1), point (c) AI Act requires that this AI practice is not placed on the market, put into service or used; annotation ai.example.com/intended-use declares 'social-scoring', a prohibited practice",
        "denial", ["AIA-05"], ["art_5.par_1.pt_c"]
      ),
      ("{commit}", "commit", ["AIA-12"], ["art_12.par_1", "art_19.par_1", "art_26.par_6"]),
      ("art_26.par_6", "clause", [], ["art_26.par_6"]),
      ("Art. 12(1)", "clause", [], ["art_12.par_1"]),
    ] as [(String, String, [String], [String])])
  func inputs(_ query: String, _ asked: String, _ controls: [String], _ clauses: [String]) throws {
    let (repo, commit) = try Self.repository.get()
    let answer = try trace(
      query.replacingOccurrences(of: "{repo}", with: repo).replacingOccurrences(of: "{commit}", with: commit))
    #expect(answer["asked"] as? String == asked)
    #expect(Self.controls(answer) == controls)
    #expect(Array(Self.clauses(answer).prefix(clauses.count)) == clauses)
  }

  @Test(
    "citations in the forms people write them resolve to the clause",
    arguments: [
      ("Art. 12(1)", "art_12.par_1"), ("Article 12(1)", "art_12.par_1"), ("Article 12 para 1", "art_12.par_1"),
      ("12(1)", "art_12.par_1"), ("art. 12 § 1", "art_12.par_1"), ("paragraph 1 of Article 12", "art_12.par_1"),
      ("artikel 12, lid 1", "art_12.par_1"), ("Article 26(6) AI Act", "art_26.par_6"),
      ("Art 5(1)(c)", "art_5.par_1.pt_c"),
      ("Article 5(1), point (c)", "art_5.par_1.pt_c"), ("artikel 5, lid 1, onder c", "art_5.par_1.pt_c"),
      ("Article 26(5), second subparagraph", "art_26.par_5.sub_2"), ("Annex III, point 1(a)", "anx_III.pt_1.pt_a"),
      ("Recital 42", "rct_42"), ("Art. 16(c)", "art_16.pt_c"),
      ("Article 12(1) of Regulation (EU) 2024/1689", "art_12.par_1"),
      ("Chapter III, Section 2", "cpt_III.sct_2"), ("Article 113(3)", "art_113.sub_3"),
    ])
  func citations(_ query: String, _ id: String) throws {
    let answer = try trace(query)
    #expect(Self.clauses(answer) == [id], "\(query)")
  }

  @Test("a clause's words, its obligations with evidence, what implements it and the commits that carry it")
  func clause() throws {
    let (repo, commit) = try Self.repository.get()
    let result = try cli.run(["trace", "Article 19(1)", "--repo", repo, "--source", Self.aiAct])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.hasPrefix("Article 19(1) (art_19.par_1) — 32024R1689 of 2024-07-12 — current\n"))
    #expect(result.stdout.contains("https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32024R1689#019.001"))
    #expect(
      result.stdout.contains("“Providers of high-risk AI systems shall keep the logs referred to in Article 12(1)"))
    #expect(result.stdout.contains("deadline:relative “of at least six months”"))
    #expect(result.stdout.contains("implemented by: AIA-12 (review current)"))
    #expect(result.stdout.contains("commit \(commit.prefix(12)) "))
    // Against a version where the clause changed, it is changed since review.
    let changed = TestPaths.temporaryFolder("trace") + "/twelve.html"
    try String(contentsOfFile: Self.aiAct, encoding: .utf8)
      .replacingOccurrences(of: "of at least six months", with: "of at least twelve months")
      .write(toFile: changed, atomically: true, encoding: .utf8)
    let answer = try trace("Article 19(1)", source: changed)
    let nineteen = (answer["clauses"] as? [[String: Any]])?.first
    #expect(nineteen?["state"] as? String == "changed-since-review")
    // The policy resting on it is judged against that text too, not as it was generated.
    #expect((nineteen?["policies"] as? [[String: Any]])?.first?["review"] as? String == "needs-review")
    #expect(
      try trace("Article 12(1)", source: changed)["clauses"].map {
        ($0 as? [[String: Any]])?.first?["state"] as? String
      } == "current")
  }

  @Test("a clause a policy cites that the source no longer has is gone, and not found by search")
  func gone() throws {
    let (repo, _) = try Self.repository.get()
    var html = try String(contentsOfFile: Self.aiAct, encoding: .utf8)
    let start = try #require(html.range(of: "<div id=\"026.006\">"))
    let end = try #require(html.range(of: "<div id=\"026.007\">"))
    html.removeSubrange(start.lowerBound..<end.lowerBound)
    let without = TestPaths.temporaryFolder("trace-gone") + "/without-26-6.html"
    try html.write(toFile: without, atomically: true, encoding: .utf8)

    let answer = try trace("Art. 26(6)", source: without)
    let clause = try #require((answer["clauses"] as? [[String: Any]])?.first)
    #expect(clause["state"] as? String == "gone")
    #expect((clause["text"] as? String)?.hasPrefix("Deployers of high-risk AI systems shall keep the logs") == true)
    #expect((clause["policies"] as? [[String: Any]])?.first?["review"] as? String == "needs-review")
    let query = "\"deployers of high-risk AI systems shall keep the logs\""
    let before = try cli.run(["search", query, "--repo", repo, "--source", Self.aiAct, "--limit", "5"])
    #expect(before.stdout.hasPrefix("art_26.par_6\t"), "\(before.stdout)")
    let after = try cli.run(["search", query, "--repo", repo, "--source", without, "--limit", "5"])
    #expect(after.status == 0, "\(after.stderr)")
    #expect(!after.stdout.contains("art_26.par_6\t"), "\(after.stdout)")
  }

  @Test(
    "a provision the index lacks, or an article of another act, is not found",
    arguments: [
      "Art. 5(1)(z)", "Article 26(6)(a)", "art_19.par_1.sub_9", "Article 6 GDPR",
      "Article 12(1) of Directive (EU) 2016/680", "Article 10 of Regulation (EU) No 1025/2012",
    ])
  func notFound(_ query: String) throws {
    let (repo, _) = try Self.repository.get()
    let result = try cli.run(["trace", query, "--repo", repo, "--source", Self.aiAct])
    #expect(result.status == 3, "\(query): \(result.stdout)")
    #expect(result.stderr.contains("[trace.not-found]"), "\(result.stderr)")
  }

  /// A `crosswalk` array of a trace's clause or control as "NEAR RELATIONSHIP FRAMEWORK:ID".
  static func links(_ object: [String: Any]?) -> [String] {
    (object?["crosswalk"] as? [[String: Any]] ?? []).map { link in
      ["near", "relationship", "framework"].map { link[$0] as? String ?? "" }.joined(separator: " ") + ":"
        + (link["id"] as? String ?? "")
    }
  }

  // MARK: Crosswalks

  @Test("a clause's crosswalk links, read from its side, in JSON and text; a control's as `crosswalk` gives them")
  func crosswalk() throws {
    let (repo, _) = try Self.repository.get()
    // rules/crosswalks/ai-act--*.yaml, read by hand: ai-act:art_12.par_1 is related-to MEASURE 2.4 and
    // MANAGE 4.1, and intersects-with A.6.2.8 and AU-12.
    let twelve = (try trace("Art. 12(1)")["clauses"] as? [[String: Any]])?.first
    #expect(
      Self.links(twelve) == [
        "ai-act:art_12.par_1 related-to nist-ai-rmf:sbc_manage-4-1",
        "ai-act:art_12.par_1 related-to nist-ai-rmf:sbc_measure-2-4",
        "ai-act:art_12.par_1 intersects-with iso-42001:A.6.2.8",
        "ai-act:art_12.par_1 intersects-with sp800-53:ctl_au-12",
      ])
    let measure = (twelve?["crosswalk"] as? [[String: Any]])?.first { $0["id"] as? String == "sbc_measure-2-4" }
    #expect(measure?["label"] as? String == "MEASURE 2.4")
    #expect(
      measure?["rationale"] as? String
        == "Article 12(2)(b)-(c) give logging the purpose of monitoring in production, which MEASURE 2.4 requires; "
        + "MEASURE 2.4 does not require the system to record events.")
    let iso = (twelve?["crosswalk"] as? [[String: Any]])?.first { $0["framework"] as? String == "iso-42001" }
    #expect(iso?["title"] as? String == "AI system recording of event logs")
    let text = try cli.run(["trace", "Art. 12(1)", "--repo", repo, "--source", Self.aiAct])
    #expect(
      text.stdout.contains(
        "  other frameworks:\n    ai-act:art_12.par_1 related-to nist-ai-rmf:sbc_manage-4-1 (NIST AI RMF MANAGE 4.1)\n"
          + "      why: Logs feed the post-deployment monitoring plans of MANAGE 4.1"), "\(text.stdout)")
    // Article 12 as a whole: its paragraph's links, each saying which provision it is on.
    #expect(Self.links((try trace("Article 12")["clauses"] as? [[String: Any]])?.first).count == 4)
    // AIA-12 rests on Articles 12(1), 19(1) and 26(6): 4 + 2 (A.6.2.8 related-to, AU-11
    // intersects-with) + 2 (the same) links, on the control; the clauses repeat them in JSON only.
    let control = try trace("AIA-12")
    let links = Self.links((control["controls"] as? [[String: Any]])?.first)
    #expect(links.count == 8)
    #expect(links.contains("ai-act:art_19.par_1 related-to iso-42001:A.6.2.8"))
    #expect(links.contains("ai-act:art_26.par_6 intersects-with sp800-53:ctl_au-11"))
    #expect(Self.links((control["clauses"] as? [[String: Any]])?.first).count == 4)
    let controlText = try cli.run(["trace", "AIA-12", "--repo", repo, "--source", Self.aiAct])
    #expect(controlText.stdout.components(separatedBy: "\n      why: ").count - 1 == 8, "\(controlText.stdout)")
    // Another act's clauses are no AI Act clause: GDPR's Article 12(1) has no links.
    let gdpr = try trace("Article 12(1)", source: CLITests.corpus + "/gdpr/32016R0679_EN_OJ.html")
    #expect(((gdpr["clauses"] as? [[String: Any]])?.first?["crosswalk"] as? [Any])?.isEmpty == true)
  }

  @Test("read from the other side: the Playbook's MEASURE 2.4 lists the AI Act's clauses, subset-of turned superset-of")
  func crosswalkOtherSide() throws {
    let (repo, _) = try Self.repository.get()
    let playbook = CLITests.corpus + "/nist/nist_ai_rmf_playbook_2024-06.json"
    // As shipped: ai-act:art_12.par_1 related-to and ai-act:art_26.par_5 intersects-with MEASURE 2.4.
    let measure = (try trace("sbc_measure-2-4", source: playbook)["clauses"] as? [[String: Any]])?.first
    #expect(
      Self.links(measure) == [
        "nist-ai-rmf:sbc_measure-2-4 related-to ai-act:art_12.par_1",
        "nist-ai-rmf:sbc_measure-2-4 intersects-with ai-act:art_26.par_5",
      ])
    // The shipped links are all symmetric; a folder where Article 12(1) is a superset of MEASURE 2.4
    // shows superset-of from the AI Act's side and subset-of from the Playbook's.
    let rules = TestPaths.temporaryFolder("trace-crosswalk") + "/rules"
    try FileManager.default.copyItem(atPath: CLITests.packageRoot + "/rules", toPath: rules)
    let file = rules + "/crosswalks/ai-act--nist-ai-rmf.yaml"
    let text = try String(contentsOfFile: file, encoding: .utf8)
    let stated = "    to: nist-ai-rmf:sbc_measure-2-4\n    relationship: related-to\n"
    #expect(text.components(separatedBy: stated).count == 2, "the link is stated once")
    try text.replacingOccurrences(
      of: stated, with: "    to: nist-ai-rmf:sbc_measure-2-4\n    relationship: superset-of\n"
    )
    .write(toFile: file, atomically: true, encoding: .utf8)
    func first(_ query: String, _ source: String) throws -> [String] {
      let run = try cli.run([
        "trace", query, "--repo", repo, "--source", source, "--rules", rules, "--format", "json",
      ])
      #expect(run.status == 0, "\(run.stderr)")
      let answer = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
      return Self.links((answer?["clauses"] as? [[String: Any]])?.first)
    }
    #expect(try first("Art. 12(1)", Self.aiAct).contains("ai-act:art_12.par_1 superset-of nist-ai-rmf:sbc_measure-2-4"))
    #expect(try first("sbc_measure-2-4", playbook).first == "nist-ai-rmf:sbc_measure-2-4 subset-of ai-act:art_12.par_1")
    // The index keeps the links and follows the folder: the link edited again is read again.
    try String(contentsOfFile: file, encoding: .utf8).replacingOccurrences(
      of: "sbc_measure-2-4\n    relationship: superset-of\n", with: "sbc_measure-2-4\n    relationship: equal\n"
    ).write(toFile: file, atomically: true, encoding: .utf8)
    #expect(try first("Art. 12(1)", Self.aiAct).contains("ai-act:art_12.par_1 equal nist-ai-rmf:sbc_measure-2-4"))
  }

  @Test("a rule without a review: its clauses are unreviewed, its policy needs review")
  func unreviewed() throws {
    let folder = TestPaths.temporaryFolder("trace-unreviewed")
    let rules = folder + "/rules"
    try FileManager.default.copyItem(atPath: CLITests.packageRoot + "/rules", toPath: rules)
    let file = rules + "/ai-act/art-12-event-logging.yaml"
    let text = try String(contentsOfFile: file, encoding: .utf8)
    let start = try #require(text.range(of: "\nreviewed:"))
    try String(text[..<start.lowerBound]).appending("\n").write(toFile: file, atomically: true, encoding: .utf8)
    let generated = try cli.run([
      "generate", Self.aiAct, "--rules", rules, "--profile", PolicyCLITests.profile, "--out", folder + "/policies",
    ])
    #expect(generated.stderr.contains("AIA-12 needs review: Article 12(1) (never reviewed)"), "\(generated.stderr)")
    let result = try cli.run([
      "trace", "Art. 12(1)", "--policies", folder + "/policies", "--source", Self.aiAct, "--format", "json",
    ])
    let answer = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let clause = try #require((answer["clauses"] as? [[String: Any]])?.first)
    #expect(clause["state"] as? String == "unreviewed")
    #expect((clause["policies"] as? [[String: Any]])?.first?["review"] as? String == "needs-review")
  }

  @Test("the index follows its inputs: an edited policy file or another prefix rebuilds it, nothing else does")
  func cacheKey() throws {
    let folder = TestPaths.temporaryFolder("trace-key")
    let policies = folder + "/policies"
    let generated = try cli.run([
      "generate", Self.aiAct, "--profile", PolicyCLITests.profile, "--out", policies,
    ])
    try #require(generated.status == 0, "\(generated.stderr)")
    let index = folder + "/trace.sqlite"
    func inode() throws -> Int {
      try #require(try FileManager.default.attributesOfItem(atPath: index)[.systemFileNumber] as? Int)
    }
    let arguments = ["trace", "AIA-12", "--policies", policies, "--index", index]
    #expect(try cli.run(arguments).status == 0)
    let first = try inode()
    #expect(try cli.run(arguments).status == 0)
    #expect(try inode() == first, "an unchanged tree reuses the index")
    let rego = policies + "/rego/32024R1689/aia-12/policy.rego"
    try (String(contentsOfFile: rego, encoding: .utf8) + "# edited by a reviewer\n").write(
      toFile: rego, atomically: true, encoding: .utf8)
    #expect(try cli.run(arguments).status == 0)
    #expect(try inode() != first, "an edited policy file rebuilds it")

    // A repository read under another prefix holds no policies there.
    let (repo, _) = try Self.repository.get()
    #expect(try cli.run(["trace", "AIA-12", "--repo", repo]).status == 0)
    let elsewhere = try cli.run(["trace", "AIA-12", "--repo", repo, "--prefix", "elsewhere"])
    #expect(elsewhere.status == 3, "\(elsewhere.stdout)")
  }

  @Test("two processes building one index at once both answer, and leave one index")
  func concurrentBuilds() throws {
    let folder = TestPaths.temporaryFolder("trace-concurrent")
    let index = folder + "/trace.sqlite"
    let processes = (0..<4).map { _ in
      let process = Process()
      process.executableURL = CLITests.binary
      process.arguments = ["trace", "Art. 12(1)", "--source", Self.aiAct, "--index", index]
      process.standardOutput = Pipe()
      process.standardError = FileHandle.nullDevice
      return process
    }
    for process in processes { try process.run() }
    var outputs: [String] = []
    for process in processes {
      let data = (process.standardOutput as? Pipe)?.fileHandleForReading.readDataToEndOfFile() ?? Data()
      process.waitUntilExit()
      #expect(process.terminationStatus == 0)
      outputs.append(String(decoding: data, as: UTF8.self))
    }
    #expect(Set(outputs).count == 1)
    #expect(
      outputs[0].hasPrefix("Article 12(1) (art_12.par_1) — 32024R1689 of 2024-07-12 — uncited\n"), "\(outputs[0])")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["trace.sqlite"])
  }

  @Test("a repository whose .git cannot hold the index: the user's cache does")
  func unwritableGitDirectory() throws {
    let repo = try BranchCLITests.repository(named: "trace-readonly-git")
    // A file where the index's folder would go: as unwritable as it gets, even for root.
    try Data().write(to: URL(fileURLWithPath: repo + "/.git/regpolicy"))
    let cache = TestPaths.temporaryFolder("trace-cache")
    let result = try cli.run(
      ["search", "logs", "--repo", repo, "--source", Self.aiAct, "--limit", "1"],
      environment: ["XDG_CACHE_HOME": cache])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(!result.stdout.isEmpty)
    let files = try FileManager.default.contentsOfDirectory(atPath: cache + "/regpolicy")
    #expect(files.count == 1 && files[0].hasPrefix("trace-") && files[0].hasSuffix(".sqlite"), "\(files)")
  }

  @Test("search marks whole words, at byte offsets a program can use")
  func searchMatches() throws {
    let (repo, _) = try Self.repository.get()
    let result = try cli.run([
      "search", "serious incident", "--repo", repo, "--source", Self.aiAct, "--limit", "1", "--format", "json",
    ])
    let values = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let hit = try #require((values["hits"] as? [[String: Any]])?.first)
    #expect(hit["id"] as? String == "art_73")
    #expect(hit["snippet"] as? String == "Reporting of serious incidents")
    #expect(hit["matches"] as? [[Int]] == [[13, 20], [21, 30]])
  }

  @Test("what no control implements, for the profile's roles, by article")
  func uncovered() throws {
    let (repo, _) = try Self.repository.get()
    let result = try cli.run([
      "trace", "--uncovered", "--profile", PolicyCLITests.profile, "--repo", repo, "--source", Self.aiAct, "--format",
      "json",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
    let groups = try #require(object?["uncovered"] as? [[String: Any]])
    let provisions = groups.compactMap { $0["provision"] as? String }
    #expect(provisions.contains("art_4"), "AI literacy (providers and deployers) has no control")
    let clauses = groups.flatMap {
      ($0["obligations"] as? [[String: Any]] ?? []).compactMap { $0["clause"] as? String }
    }
    #expect(!provisions.contains("art_12"), "logging is covered")
    #expect(!clauses.contains("art_19.par_1") && clauses.contains("art_19.par_2"), "19(1) is covered, 19(2) is not")
    #expect(!provisions.contains("art_70"), "Member States' duties are not the organisation's")
  }

  /// A tree generated from two instruments, traced against each: a clause shows the controls of
  /// either instrument that implement it; a control shows its clauses of the instrument traced.
  @Test("a tree of the AI Act and the AI RMF Playbook, traced against each")
  func twoInstruments() throws {
    let (tree, _) = try OSCALCLITests.export.get()
    let playbook = CLITests.corpus + "/nist/nist_ai_rmf_playbook_2024-06.json"
    func trace(_ query: String, _ source: String) throws -> [String: Any] {
      let result = try cli.run(["trace", query, "--policies", tree, "--source", source, "--format", "json"])
      try #require(result.status == 0, "\(query): \(result.stderr)")
      return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }
    // MANAGE 4.3: the AI RMF's own control and the AI Act's AIA-73, which implements it too.
    let manage = try trace("sbc_manage-4-3", playbook)
    let clause = try #require((manage["clauses"] as? [[String: Any]])?.first)
    #expect(manage["instrument"] as? String == "NIST.AI.100-1.Playbook")
    #expect(clause["citation"] as? String == "MANAGE 4.3" && clause["state"] as? String == "current")
    #expect(clause["link"] as? String == "https://www.nist.gov/itl/ai-risk-management-framework/nist-ai-rmf-playbook")
    #expect(
      (clause["policies"] as? [[String: Any]])?.compactMap { $0["control"] as? String } == ["AIA-73", "RMF-MG-2.3"])
    // AIA-73 against the Playbook: the subcategory it also implements; against the Act, its articles.
    #expect(Self.clauses(try trace("AIA-73", playbook)) == ["sbc_manage-4-3", "sbc_manage-4-3.smt_actions"])
    #expect(Self.clauses(try trace("AIA-73", Self.aiAct)).first == "art_73.par_1")
    // An AI RMF control against the Act: none of its clauses is the Act's, so none is "gone".
    let rmf = try trace("RMF-MG-2.3", Self.aiAct)
    #expect(Self.controls(rmf) == ["RMF-MG-2.3"] && Self.clauses(rmf).isEmpty)
    let article = try trace("Art. 73(1)", Self.aiAct)
    let policies = (article["clauses"] as? [[String: Any]])?.first?["policies"] as? [[String: Any]]
    #expect(policies?.compactMap { $0["control"] as? String } == ["AIA-73"])
  }

  @Test("unknown queries and missing inputs are errors from the catalogue")
  func errors() throws {
    let (repo, _) = try Self.repository.get()
    let unknown = try cli.run(["trace", "the meaning of life", "--repo", repo, "--source", Self.aiAct])
    #expect(unknown.status == 3)
    #expect(unknown.stderr.contains("[trace.not-found]"))
    let absent = try cli.run(["trace", "Article 114", "--repo", repo, "--source", Self.aiAct])
    #expect(absent.status == 3)
    #expect(absent.stderr.contains("Article 114 (art_114) is neither in the source nor in the policies"))
    let none = try cli.run(["trace", "AIA-12"])
    #expect(none.status == 2)
    #expect(none.stderr.contains("[trace.no-inputs]"))
    // Without the regulation "no obligation is uncovered" would be a claim nobody checked.
    let blind = try cli.run(["trace", "--uncovered", "--repo", repo])
    #expect(blind.status == 2)
    #expect(blind.stdout.isEmpty)
    #expect(blind.stderr.contains("--uncovered needs --source"), "\(blind.stderr)")
  }

  @Test(
    "search finds known passages, best first, whatever the case",
    arguments: [
      ("human oversight", "art_14"), ("\"post-market monitoring plan\"", "art_72"),
      ("automatic recording of events", "art_12.par_1"), ("serious incident", "art_73"), ("AI literacy", "art_4"),
      ("risk management system", "art_9"), ("fundamental rights impact assessment", "art_27"),
      ("REGULATORY SANDBOXES", "art_57"), ("penalties", "art_99"), ("transparency obligations", "art_50"),
    ])
  func search(_ query: String, _ top: String) throws {
    let (repo, _) = try Self.repository.get()
    let result = try cli.run(["search", query, "--repo", repo, "--source", Self.aiAct, "--limit", "3"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stdout.split(separator: "\n").first?.split(separator: "\t").first.map(String.init) == top,
      "\(result.stdout)")
  }

  @Test("a repository without policies at HEAD: not found, with the likely cause")
  func unmergedBranch() throws {
    let repo = try BranchCLITests.repository(named: "trace-unmerged")
    let result = try cli.run(["trace", "AIA-12", "--repo", repo])
    #expect(result.status == 3, "\(result.stderr)")
    #expect(result.stderr.contains("[trace.not-found]"), "\(result.stderr)")
    #expect(result.stderr.contains("no policy tree at HEAD (a review branch not merged yet?"), "\(result.stderr)")
  }

  @Test("--index may name a file in the working folder; an index that cannot be written is a clean error")
  func indexPaths() throws {
    let folder = TestPaths.temporaryFolder("index-path")
    let source = CLITests.packageRoot + "/corpus/samples/synthetic-oj.html"
    let relative = try cli.run(["search", "synthetic", "--source", source, "--index", "trace.sqlite"], in: folder)
    #expect(relative.status == 0, "\(relative.stderr)")
    #expect(FileManager.default.fileExists(atPath: folder + "/trace.sqlite"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["trace.sqlite"])

    try Data().write(to: URL(fileURLWithPath: folder + "/file"))
    let blocked = try cli.run(["search", "synthetic", "--source", source, "--index", "file/trace.sqlite"], in: folder)
    #expect(blocked.status == 4, "\(blocked.stderr)")
    #expect(blocked.stderr.hasPrefix("file/trace.sqlite: error: cannot write the trace index: "), "\(blocked.stderr)")
    #expect(blocked.stderr.hasSuffix("[output.unwritable]\n"), "\(blocked.stderr)")
  }

  @Test("search is accent-insensitive: 'categorieen' finds 'categorieën' in the Dutch AI Act")
  func accents() throws {
    let index = TestPaths.temporaryFolder("search") + "/nl.sqlite"
    let dutch = CLITests.corpus + "/eu-ai-act/html-nl/32024R1689_NL_OJ.html"
    let plain = try cli.run(["search", "bijzondere categorieen persoonsgegevens", "--source", dutch, "--index", index])
    let accented = try cli.run([
      "search", "bijzondere categorieën persoonsgegevens", "--source", dutch, "--index", index,
    ])
    #expect(plain.status == 0, "\(plain.stderr)")
    #expect(plain.stdout.split(separator: "\n").first?.contains("[categorieën]") == true, "\(plain.stdout)")
    #expect(plain.stdout == accented.stdout)
    #expect(plain.stdout.contains("[categorieën]"))
  }
}
