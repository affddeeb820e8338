import Foundation
import RegPolicyIngest
import RegPolicyModel
import RegPolicyPolicies

/// `regpolicy run`: the main job — ingest, extract, map, generate, diff against the previous
/// version, branch, and a short summary. With no source it runs on the shipped sample into a
/// temporary repository, so a newcomer sees the whole flow.
public struct MainRun: Sendable {
  public var source: String?
  public var previous: String?
  public var repository: String?
  public var profilePath: String?
  public var base: String?
  public var branch: String?
  public var prefix: String

  /// The sample a run without arguments uses (relative to the current folder: the package root).
  public static let sample = "corpus/samples/synthetic-oj.html"

  /// Creates a run.
  public init(
    source: String? = nil, previous: String? = nil, repository: String? = nil, profilePath: String? = nil,
    base: String? = nil, branch: String? = nil, prefix: String = "policies"
  ) {
    self.source = source
    self.previous = previous
    self.repository = repository
    self.profilePath = profilePath
    self.base = base
    self.branch = branch
    self.prefix = prefix
  }

  /// Runs: exit 0 when the branch got commits, 5 when nothing changed, 3 for bad input, 4 when a
  /// write was refused or failed.
  public func run() -> ExitStatus {
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("regpolicy-run-\(UUID().uuidString)")
      .path
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    do {
      try OutputFile.makeDirectory(scratch)
    } catch {
      OutputFile.emit(Array("\(error.message)\n".utf8), to: 2)
      return .outputError
    }
    do {
      return try execute(scratch: scratch)
    } catch {
      OutputFile.emit(Array((error.description + "\n").utf8), to: 2)
      return error.code.hasPrefix("branch.") || error.code.hasPrefix("output.") || error.code == "git.failed"
        ? .outputError : .inputError
    }
  }

  private func execute(scratch: String) throws(PolicyError) -> ExitStatus {
    let source = source ?? Self.sample
    var profile = profilePath
    var repository = repository
    if profile == nil {
      // The example profile, from the binary's copy of templates/.
      guard let example = EmbeddedFiles.templates.first(where: { $0.path == "profile.example.yaml" }) else {
        throw PolicyError("profile.missing-key", file: "templates/profile.example.yaml", "no example profile built in")
      }
      profile = scratch + "/profile.example.yaml"
      do { try OutputFile.write(Array(example.text.utf8), to: profile!) } catch {  // set on the line above
        throw PolicyError("output.unwritable", file: scratch, error.message)
      }
    }
    if repository == nil {
      let path = FileManager.default.temporaryDirectory.appendingPathComponent("regpolicy-demo-\(UUID().uuidString)")
        .path
      _ = try Git(repository: "/").check(["init", "-q", path])
      repository = path
      OutputFile.emit(Array("no --repo: using a new repository at \(path)\n".utf8), to: 2)
    }
    guard let profile, let repository else { return .usage }  // both set above

    // Generate into a scratch folder.
    let generate = GenerateRun(sources: [source], profilePath: profile, outputDirectory: scratch + "/policies")
    let tree: GenerateRun.Tree
    switch generate.build() {
    case .failure(let failure):
      for error in failure.errors.dropLast() { OutputFile.emit(Array((error.description + "\n").utf8), to: 2) }
      throw failure.errors.last ?? PolicyError("input.unreadable", file: source, "nothing generated")
    case .success(let built): tree = built
    }
    try TreeWriter.replace(scratch + "/policies", with: tree.files)

    // What changed in the law: against --previous, else against what the base was generated from.
    var preface = ""
    var lawChanges: [String: String] = [:]
    var clauses = 0
    var obligations = 0
    if let previous {
      let run = DiffRun(old: previous, new: source, profilePath: profile)
      guard let old = IngestRun.ingestReporting(previous, options: IngestOptions()).document,
        let new = tree.sources.first
      else { throw PolicyError("input.unreadable", file: previous, "cannot read the previous version") }
      // The new version was read and extracted by generate; only the previous one is read here.
      let report = try run.compare(old, new.document, newStatements: new.statements)
      preface = String(decoding: DiffRenderer.text(report, markdown: true), as: UTF8.self)
      clauses = report.provisions.changes.count
      obligations = report.obligations.count
      for change in report.provisions.changes {
        if let id = change.newID, !change.diff.isEmpty { lawChanges[id.rawValue] = change.diff }
      }
    } else {
      let git = Git(repository: repository)
      let shown = try git.run(["show", "\(base ?? "HEAD"):\(prefix)/\(Index.fileName)"])
      let old =
        shown.status == 0 ? try? JSONDecoder().decode(Index.self, from: Data(shown.stdout.utf8)) : nil
      let stale = MainRun.changedClauses(old: old?.policies.map(\.policy) ?? [], new: tree.policies)
      clauses = stale.count
      preface =
        "## What changed in the law\n\n"
        + (old == nil
          ? "First generation for this repository: no previous version to compare.\n"
          : stale.isEmpty
            ? "No clause the policies cite changed since the base was generated.\n"
            : stale.map { "- \($0): text changed since the base was generated\n" }.joined())
    }

    var branchRun = BranchRun(
      repository: repository, policies: scratch + "/policies", base: base, branch: branch, prefix: prefix)
    branchRun.preface = preface
    branchRun.lawChanges = lawChanges
    let outcome = try branchRun.execute()
    let summary =
      outcome.changed
      ? """
      regpolicy run: \(clauses) changed clauses, \(obligations) changed obligations, \(outcome.changedControls) \
      changed policies (of \(tree.policies.count)); branch \(outcome.branch) in \(repository) with \
      \(outcome.commits.count) commits; PR body: \(outcome.bodyPath ?? "")

      """
      : "regpolicy run: no change — \(outcome.branch) in \(repository) already holds these policies; no commit made\n"
    OutputFile.emit(Array(summary.utf8), to: 1)
    return outcome.changed ? .success : .noChange
  }

  /// Clauses whose text hash differs between the previous generation and this one.
  static func changedClauses(old: [Policy], new: [Policy]) -> [String] {
    var before: [String: String] = [:]
    for policy in old { for clause in policy.clauses { before[clause.id] = clause.sha256 } }
    var changed: [String] = []
    for policy in new {
      for clause in policy.clauses where before[clause.id] != nil && before[clause.id] != clause.sha256 {
        if !changed.contains(clause.id) { changed.append(clause.id) }
      }
    }
    return changed
  }
}
