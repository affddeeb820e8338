import Foundation
import RegPolicyDiff
import RegPolicyExtract
import RegPolicyGit
import RegPolicyModel
import RegPolicyPolicies

/// `regpolicy run`: the main job — the source read and extracted once, mapped and rendered into a
/// policy tree, compared with the previous version, and put onto a review branch, with a short
/// summary. Without a source it runs on the built-in sample into a new repository, so a newcomer
/// sees the whole flow from any folder.
public struct MainRun: Sendable {
  public var source: String?
  public var previous: String?
  public var repository: String?
  public var profilePath: String?
  public var rulesDirectory: String?
  public var templatesDirectory: String?
  public var base: String?
  public var branch: String?
  public var prefix: String
  /// Files outside the policy tree committed last on the branch (`watch`'s `regpolicy.lock`).
  public var attachments: ReviewBranch.Attachments?
  /// `source` already ingested, with what the ingest noticed (`watch` reads it to check it is the
  /// act named): not read again.
  public var ingested: (document: Document, diagnostics: [Diagnostic])?
  /// Rewrite the branch when it exists with other content (`watch`, for its own stale branches).
  public var force = false

  /// What a run did, for `watch` and the summary line.
  public struct Outcome: Sendable {
    public var status: ExitStatus
    public var branch: String
    public var repository: String
    /// Whether commits were made.
    public var changed: Bool
    public var changedClauses: Int
    public var changedObligations: Int
    public var changedPolicies: Int
    public var policies: Int
    public var needsReview: Int
    public var bodyPath: String?
  }

  /// The name the built-in sample is read under (it is `corpus/samples/synthetic-oj.html`).
  public static let sample = "corpus/samples/synthetic-oj.html"

  /// Creates a run.
  public init(
    source: String? = nil, previous: String? = nil, repository: String? = nil, profilePath: String? = nil,
    rulesDirectory: String? = nil, templatesDirectory: String? = nil, base: String? = nil, branch: String? = nil,
    prefix: String = "policies"
  ) {
    self.source = source
    self.previous = previous
    self.repository = repository
    self.profilePath = profilePath
    self.rulesDirectory = rulesDirectory
    self.templatesDirectory = templatesDirectory
    self.base = base
    self.branch = branch
    self.prefix = prefix
  }

  /// Runs: exit 0 when the branch got commits, 5 when nothing changed, 3 for bad input, 4 when a
  /// write was refused or failed (the catalogue's status of each problem).
  public func run() -> ExitStatus {
    do throws(Diagnostics) {
      return try execute(printing: true).status
    } catch {
      OutputFile.report(error.all)
      return error.exitStatus
    }
  }

  /// Runs without printing the summary; problems are thrown, warnings go to standard error.
  public func perform() throws(Diagnostics) -> Outcome { try execute(printing: false) }

  private func execute(printing: Bool) throws(Diagnostics) -> Outcome {
    // Every input first: a bad one stops the run before anything is created.
    let extractor = Extractor()
    let sample = EmbeddedFiles.samples.first { MainRun.sample.hasSuffix($0.path) }
    var readers: [Source.Reader] = [
      ingested.map { document, diagnostics in
        {
          (Source(path: source ?? "", document: document, statements: extractor.statements(in: document)), diagnostics)
        }
      }
        ?? source.map { path in { Source.read(path, extractor: extractor) } }
        ?? { Source.read(bytes: Array((sample?.text ?? "").utf8), path: MainRun.sample) }
    ]
    if let previous { readers.append { Source.read(previous, extractor: extractor) } }
    let inputs = try PolicyInputs.read(
      profile: profilePath, rules: rulesDirectory, templates: templatesDirectory, sources: readers)
    let new = inputs.sources[0]
    let tree = try PolicyTree.generate([new], with: inputs.configuration)
    let warnings = tree.policies.compactMap(\.reviewWarning)
    OutputFile.report(tree.warnings + warnings)

    // The branch name is checked before a demo repository is made: bad input creates nothing.
    if let branch {
      try wrap { () throws(Diagnostic) in try ReviewBranch.validate(branch: branch, in: self.repository ?? "/") }
    }
    let repository: String
    if let given = self.repository { repository = given } else { repository = try MainRun.demoRepository() }
    var review = ReviewBranch(repository: repository, base: base, branch: branch, prefix: prefix)
    review.attachments = attachments
    review.force = force
    let (clauses, obligations): (Int, Int)
    // The clauses as the previous version or the base's index has them: where one is the text a
    // rule was reviewed against, a clause that needs review is shown as a word diff from it.
    var previousClauses: [Policy.Clause] = []
    if inputs.sources.count > 1 {
      // What changed in the law, against the previous version.
      let old = inputs.sources[1]
      let oldPolicies = inputs.configuration.policies(for: [old])
      previousClauses = oldPolicies.flatMap(\.clauses)
      let comparison = Comparison(old: old, new: new, policies: (oldPolicies, tree.policies))
      review.preface = String(decoding: DiffRenderer.text(comparison, markdown: true), as: UTF8.self)
      review.lawChanges = comparison.wordDiffs
      (clauses, obligations) = (comparison.provisions.changes.count, comparison.obligations.count)
    } else {
      // Which cited clauses changed since the base was generated, from the index on the base.
      let indexPath = "\(base ?? "HEAD"):\(prefix)/\(PolicyIndex.fileName)"
      let shown = try wrap { () throws(Diagnostic) in
        try Git(repository: repository).file("\(prefix)/\(PolicyIndex.fileName)", at: base ?? "HEAD")
      }
      var old: PolicyIndex?
      do throws(Diagnostic) {
        old = try shown.map { text throws(Diagnostic) in try PolicyIndex.decode(text, file: indexPath) }
      } catch {
        // Not one regpolicy wrote: nothing to compare against, said once, and the run goes on.
        var warning = error
        warning.severity = .warning
        OutputFile.report([warning])
      }
      previousClauses = old?.policies.flatMap(\.policy.clauses) ?? []
      let stale = MainRun.changedClauses(old: old?.policies.map(\.policy) ?? [], new: tree.policies)
      review.preface =
        "## What changed in the law\n\n"
        + (old == nil
          ? "First generation for this repository: no previous version to compare.\n"
          : stale.isEmpty
            ? "No clause the policies cite changed since the base was generated.\n"
            : stale.map { "- \($0): text changed since the base was generated\n" }.joined())
      (clauses, obligations) = (stale.count, 0)
    }

    var reviewedTexts: [String: String] = [:]
    for clause in previousClauses { reviewedTexts[clause.sha256] = clause.text }
    for policy in tree.policies where policy.review == .needsReview {
      for clause in policy.clauses where policy.unreviewed.contains(clause.id) {
        if let reviewed = clause.reviewedSHA256, let text = reviewedTexts[reviewed] {
          review.reviewDiffs[clause.id] = WordDiff(text, clause.text)
        }
      }
    }

    let outcome = try wrap { () throws(Diagnostic) in try review.make(tree) }
    var summary =
      outcome.changed
      ? """
      regpolicy run: \(clauses) changed clauses, \(obligations) changed obligations, \(outcome.changedControls) \
      changed policies (of \(tree.policies.count)); branch \(outcome.branch) in \(repository) with \
      \(outcome.commits.count) commits; PR body: \(outcome.bodyPath ?? "")

      """
      : "regpolicy run: no change — \(outcome.branch) in \(repository) already holds these policies; no commit made\n"
    if self.repository == nil, outcome.changed {
      summary += """

        Look at it:
          git -C \(repository) log --stat --reverse \(outcome.branch)   # one commit per control
          git -C \(repository) show \(outcome.branch):\(prefix)/\(PolicyIndex.fileName)   # control → clauses → files
          cat \(outcome.bodyPath ?? "")   # the pull-request body

        """
    }
    if !warnings.isEmpty {
      summary += "\(warnings.count) policies need review: their clauses changed since their rules were reviewed\n"
    }
    if printing { OutputFile.emit(Array(summary.utf8), to: 1) }
    return Outcome(
      status: (outcome.changed ? ExitStatus.success : .noChange).combined(
        with: warnings.isEmpty ? .success : .needsReview),
      branch: outcome.branch, repository: repository, changed: outcome.changed, changedClauses: clauses,
      changedObligations: obligations, changedPolicies: outcome.changedControls, policies: tree.policies.count,
      needsReview: warnings.count, bodyPath: outcome.bodyPath)
  }

  /// A new repository in the temporary folder, for a run without `--repo`.
  private static func demoRepository() throws(Diagnostics) -> String {
    let path = NSTemporaryDirectory() + "regpolicy-demo-\(UUID().uuidString)"
    try wrap { () throws(Diagnostic) in _ = try Git(repository: "/").check(["init", "-q", path]) }
    OutputFile.say("no --repo: using a new repository at \(path)")
    return path
  }

  /// Clauses whose text hash differs between the previous generation and this one.
  static func changedClauses(old: [Policy], new: [Policy]) -> [PinpointID] {
    var before: [PinpointID: String] = [:]
    for policy in old { for clause in policy.clauses { before[clause.id] = clause.sha256 } }
    var changed: [PinpointID] = []
    for policy in new {
      for clause in policy.clauses where before[clause.id] != nil && before[clause.id] != clause.sha256 {
        if !changed.contains(clause.id) { changed.append(clause.id) }
      }
    }
    return changed
  }
}

/// `body`'s value; its diagnostic thrown as the run's one problem.
func wrap<T>(_ body: () throws(Diagnostic) -> T) throws(Diagnostics) -> T {
  do { return try body() } catch { throw Diagnostics([error]) }
}
