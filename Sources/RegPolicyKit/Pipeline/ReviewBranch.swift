import RegPolicyDiff
import RegPolicyGit
import RegPolicyModel
import RegPolicyPolicies

/// A policy tree put onto a branch of the team's policy repository for review: one commit per
/// control whose files changed (subject naming the clause, body quoting it or its word diff,
/// trailers `Regulation`, `Clause`, `Clause-SHA256`, `Control`, `Generated-By`), one per control
/// folder whose files are gone, one for the index; and the pull-request body.
///
/// Built with `CommitChain`: the working tree, the index and the checked-out branch are never
/// touched, nothing is pushed, and an existing branch is never rewritten unless `force`.
public struct ReviewBranch: Sendable {
  public var repository: String
  /// The commit to branch from (nil: HEAD; none in a repository without commits).
  public var base: String?
  /// The branch to create (nil: `regpolicy/<CELEX>-<version>`).
  public var branch: String?
  /// Where the tree goes inside the repository.
  public var prefix: String
  public var dryRun: Bool
  public var force: Bool
  /// Markdown put near the top of the pull-request body (what changed in the law), if any.
  public var preface: String = ""
  /// Word diffs of changed clauses (from a comparison), quoted in the commit bodies.
  public var lawChanges: [PinpointID: String] = [:]
  /// For clauses that need review: the word diff from the text the rule was reviewed against to the
  /// current one, where the reviewed text is at hand.
  public var reviewDiffs: [PinpointID: WordDiff] = [:]
  /// Files outside the policy tree committed with it, last (`regpolicy.lock` from `watch`).
  public var attachments: Attachments?

  /// Files outside the policy tree, by path from the repository's root, and their commit's message.
  public struct Attachments: Sendable {
    public var files: [String: String]
    public var subject: String
    public var body: String

    public init(files: [String: String], subject: String, body: String) {
      self.files = files
      self.subject = subject
      self.body = body
    }
  }

  /// Creates a branch request.
  public init(
    repository: String, base: String? = nil, branch: String? = nil, prefix: String = "policies", dryRun: Bool = false,
    force: Bool = false
  ) {
    self.repository = repository
    self.base = base
    self.branch = branch
    self.prefix = prefix
    self.dryRun = dryRun
    self.force = force
  }

  /// What making the branch did.
  public struct Outcome: Sendable {
    public var branch: String
    /// The commits made, oldest first (empty: no change, or a dry run).
    public var commits: [String]
    /// The pull-request body (Markdown), or the unified diff for a dry run.
    public var report: String
    /// Where the PR body was written (inside the git directory), nil for a dry run or no change.
    public var bodyPath: String?
    public var changed: Bool
    /// Controls added, updated or removed by the commits.
    public var changedControls: Int = 0
  }

  /// Commits `tree` onto the branch (or, for a dry run, computes the diff) and writes the PR body.
  public func make(_ tree: PolicyTree) throws(Diagnostic) -> Outcome {
    let git = Git(repository: repository)
    let gitDirectory = try git.gitDirectory()
    let name = branch ?? ReviewBranch.defaultName(tree.index)
    try ReviewBranch.validate(branch: name, in: repository)
    let baseCommit = try resolveBase(git)
    let existingCommit = try git.commit("refs/heads/\(name)")

    return try CommitChain.withScratch(git, gitDirectory: gitDirectory, dryRun: dryRun) {
      (git) throws(Diagnostic) -> Outcome in
      // The tree as it is at the base, and as it should be.
      let current = try git.blobs(at: baseCommit, under: prefix)
      let paths = tree.files.keys.sorted()
      let ids = try git.writeBlobs(paths.map { Array(tree.files[$0]!.utf8) })  // `paths` are `tree.files`' keys
      var wanted: [String: String] = [:]
      for (path, id) in zip(paths, ids) { wanted[prefix + "/" + path] = id }
      let attachedFiles = attachments?.files ?? [:]
      let attached = attachedFiles.keys.sorted()
      var wantedAttachments: [String: String] = [:]
      for (path, id) in zip(attached, try git.writeBlobs(attached.map { Array(attachedFiles[$0, default: ""].utf8) })) {
        wantedAttachments[path] = id
      }
      func blobs(at commit: String?) throws(Diagnostic) -> [String: String] {
        var result: [String: String] = [:]
        for path in attached { result[path] = try git.blobs(at: commit, under: path)[path] }
        return result
      }
      let unchanged = Outcome(branch: name, commits: [], report: "", bodyPath: nil, changed: false)
      if let existingCommit {
        if try git.blobs(at: existingCommit, under: prefix) == wanted,
          try blobs(at: existingCommit) == wantedAttachments
        {
          return unchanged
        }
        if !force {
          throw Diagnostic.error(
            .branchExists, file: repository,
            "branch '\(name)' exists with other content; not rewritten (use --force, or another --branch)")
        }
      }
      var groups = ReviewBranch.groups(
        tree.index, prefix: prefix, current: current, wanted: wanted, lawChanges: lawChanges)
      let attachedNow = try blobs(at: baseCommit)
      if let attachments, attachedNow != wantedAttachments {
        let updates = attached.filter { attachedNow[$0] != wantedAttachments[$0] }.map {
          Commit.Update(path: $0, blob: wantedAttachments[$0])
        }
        groups.append(
          Group(
            kind: .attachment,
            commit: Commit(
              subject: attachments.subject, body: attachments.body,
              trailers: [("Generated-By", PolicyConfiguration.generator)], updates: updates)))
      }
      if groups.isEmpty { return unchanged }
      let chain = try CommitChain.build(groups.map(\.commit), on: baseCommit, with: git)
      if dryRun {
        let diff = try chain.diff(with: git)
        return Outcome(branch: name, commits: [], report: diff.isEmpty ? "" : diff + "\n", bodyPath: nil, changed: true)
      }
      try chain.publish(name, expected: existingCommit, with: git)
      let body = ReviewBranch.pullRequestBody(
        tree.index, groups: groups, branch: name, base: base ?? "HEAD", preface: preface, reviewDiffs: reviewDiffs)
      let bodyPath = gitDirectory + "/regpolicy/" + name.replacingOccurrences(of: "/", with: "_") + ".md"
      do throws(Diagnostic) {
        try OutputFile.makeDirectory(gitDirectory + "/regpolicy")
        try OutputFile.write(Array(body.utf8), to: bodyPath)
      } catch {
        throw Diagnostic.error(.branchUnwritable, file: bodyPath, error.message)
      }
      return Outcome(
        branch: name, commits: chain.commits, report: body, bodyPath: bodyPath, changed: true,
        changedControls: groups.filter { $0.kind != .index && $0.kind != .attachment }.count)
    }
  }

  /// Whether `branch` may name a branch; `branch.invalid-name` when it may not. Needs no repository.
  public static func validate(branch: String, in repository: String) throws(Diagnostic) {
    guard try Git(repository: repository).isValidBranchName(branch) else {
      throw Diagnostic.error(.branchInvalidName, file: repository, "'\(branch)' is not a valid branch name")
    }
  }

  /// The base commit: `base`, else HEAD; nil for a repository with no commits yet.
  private func resolveBase(_ git: Git) throws(Diagnostic) -> String? {
    if let commit = try git.commit(base ?? "HEAD") { return commit }
    if base == nil { return nil }
    throw Diagnostic.error(.gitUnknownBase, file: repository, "base '\(base ?? "")' is not a commit")
  }

  /// The default branch name: the instruments and versions the tree was generated from.
  static func defaultName(_ index: PolicyIndex) -> String {
    var parts: [String] = []
    for entry in index.policies {
      guard let instrument = entry.policy.instrument else { continue }
      let part = instrument + (entry.policy.version.map { "-" + $0 } ?? "")
      if !parts.contains(part) { parts.append(part) }
    }
    return "regpolicy/" + (parts.isEmpty ? "policies" : parts.joined(separator: "+"))
  }

  /// One commit's worth, with what the pull-request body says of it.
  struct Group {
    /// What the commit does to a control (or to the index). Raw values are the PR body's words.
    enum Kind: String {
      case new, updated, removed, index
      /// Files outside the tree (`regpolicy.lock`).
      case attachment
    }

    var kind: Kind
    var commit: Commit
  }

  /// One group per control whose files differ from the base, in index order; one per control
  /// folder whose files are gone; the index last.
  static func groups(
    _ index: PolicyIndex, prefix: String, current: [String: String], wanted: [String: String],
    lawChanges: [PinpointID: String] = [:]
  ) -> [Group] {
    let generator = PolicyConfiguration.generator
    var groups: [Group] = []
    for entry in index.policies {
      let paths = entry.files.map { prefix + "/" + $0 }
      let updates = paths.filter { current[$0] != wanted[$0] }.map { Commit.Update(path: $0, blob: wanted[$0]) }
      guard !updates.isEmpty else { continue }
      let policy = entry.policy
      let where_ =
        policy.citation.isEmpty ? "FinOps" : "\(policy.instrumentName ?? policy.instrument ?? "") \(policy.citation)"
      // "Automatic event logging …" → "automatic event logging …"; acronyms ("EU", "GPU") stay.
      let second = policy.title.dropFirst().first
      let title =
        second?.isLowercase == true ? policy.title.prefix(1).lowercased() + policy.title.dropFirst() : policy.title
      // What changed in the law (a word diff) where it is known, else the clause as it reads now.
      var body = policy.clauses.map { clause in
        lawChanges[clause.id].map { "\(clause.citation), changed: \($0)" }
          ?? "\(clause.citation): “\(clause.text.replacingOccurrences(of: "\n", with: " "))”"
      }
      if body.isEmpty { body = [policy.description] }
      body.append("")
      let isNew = !paths.contains { current[$0] != nil }
      body.append((isNew ? "Adds " : "Updates ") + "control \(policy.control) (rule \(policy.rule)):")
      body += updates.map { "  " + $0.path }
      var trailers: [(key: String, value: String)] = []
      if let instrument = policy.instrument { trailers.append(("Regulation", instrument)) }
      trailers += policy.clauses.map { ("Clause", $0.id.rawValue) }
      // "<clause> <hash>": for a clause the checks cite, the hash it was reviewed against (or
      // "unreviewed"), never just the current one; the current hash beside it when they differ.
      // A clause the rule matches without citing was never reviewed: only its current hash.
      let cited = policy.citedClauses
      for clause in policy.clauses {
        let reviewed = cited.contains(clause.id) ? clause.reviewedSHA256 ?? "unreviewed" : nil
        if let reviewed { trailers.append(("Clause-SHA256", "\(clause.id) \(reviewed)")) }
        if reviewed != clause.sha256 { trailers.append(("Clause-SHA256-Now", "\(clause.id) \(clause.sha256)")) }
      }
      trailers.append(("Control", policy.control))
      if policy.review == .needsReview { trailers.append(("Review", Policy.Review.needsReview.rawValue)) }
      trailers.append(("Generated-By", generator))
      let mark = policy.review == .needsReview ? "[needs review] " : ""
      groups.append(
        Group(
          kind: isNew ? .new : .updated,
          commit: Commit(
            subject: "\(mark)\(where_): \(title)", body: body.joined(separator: "\n"), trailers: trailers,
            updates: updates)))
    }
    // Files the tree no longer has, by control folder (engine/instrument/control).
    let indexPath = prefix + "/" + PolicyIndex.fileName
    var gone: [String: [String]] = [:]
    for path in current.keys.sorted() where wanted[path] == nil && path != indexPath {
      let parts = path.dropFirst(prefix.count + 1).split(separator: "/")
      let key = parts.count >= 3 ? "\(parts[1])/\(parts[2])" : String(parts.first ?? "")
      gone[key, default: []].append(path)
    }
    for (key, paths) in gone.sorted(by: { $0.key < $1.key }) {
      groups.append(
        Group(
          kind: .removed,
          commit: Commit(
            subject: "Remove \(key): no obligation maps to it any more",
            body: "The regenerated tree has no policy for \(key):\n" + paths.map { "  " + $0 }.joined(separator: "\n"),
            trailers: [("Generated-By", generator)], updates: paths.map { Commit.Update(path: $0, blob: nil) })))
    }
    if current[indexPath] != wanted[indexPath] {
      groups.append(
        Group(
          kind: .index,
          commit: Commit(
            subject: "Update the regpolicy index", body: "Control → clauses → files, for `regpolicy check` and trace.",
            trailers: [("Generated-By", generator)], updates: [Commit.Update(path: indexPath, blob: wanted[indexPath])])
        ))
    }
    return groups
  }

  /// The PR body's first section: each policy that rests on a clause changed since its rule was
  /// reviewed, with the word diff of the clause (or its words, where the reviewed text is not at
  /// hand) and the values of the rule that rest on it.
  static func needsReview(_ policies: [Policy], diffs: [PinpointID: WordDiff]) -> [String] {
    var lines = [
      "## Needs review", "",
      "These policies rest on clauses whose text changed since their rules were reviewed (or was never reviewed).",
      "Read the new text, check the rule's values against it, and record the review with",
      "`regpolicy rules review RULE --source SOURCE` before merging.", "",
    ]
    for policy in policies {
      lines.append("### \(policy.control) — rule `\(policy.rule)` (`\(policy.ruleFile)`)")
      lines.append("")
      for id in policy.unreviewed {
        guard let clause = policy.clauses.first(where: { $0.id == id }) else { continue }
        let state =
          switch clause.reviewGap {
          case .gone: "is gone from this version"
          case .neverReviewed: "was never reviewed"
          case .changed, nil: "changed since review"
          }
        lines.append(
          "- **\(clause.citation)** \(state): "
            + (diffs[id].map { "`\($0.excerpt(context: 8).replacingOccurrences(of: "`", with: "'"))`" }
              ?? "“\(clause.text.replacingOccurrences(of: "\n", with: " "))”"))
        for requirement in policy.requirements
        where requirement.basis.clauses.contains(id)
          || requirement.valueBases.values.contains(where: { $0.clauses.contains(id) })
        {
          lines.append(
            "  - rests on it: \(requirement.template) \(requirement.noun) `\(requirement.key)`\(requirement.parameters)"
          )
        }
      }
      lines.append("")
    }
    return lines
  }

  /// The pull-request body: what changed, which controls, and what a reviewer must check.
  static func pullRequestBody(
    _ index: PolicyIndex, groups: [Group], branch: String, base: String, preface: String,
    reviewDiffs: [PinpointID: WordDiff]
  ) -> String {
    var lines = [
      "# \(branch)", "",
      "Generated by \(PolicyConfiguration.generator) for \(index.organisation), based on `\(base)`.", "",
    ]
    let unreviewed = index.policies.map(\.policy).filter { $0.review == .needsReview }
    if !unreviewed.isEmpty { lines += needsReview(unreviewed, diffs: reviewDiffs) }
    if !preface.isEmpty { lines.append(preface) }
    lines.append("## Policy changes")
    lines.append("")
    for group in groups where group.kind != .index {
      lines.append("- \(group.kind.rawValue): \(group.commit.subject) (\(group.commit.updates.count) files)")
    }
    lines += [
      "", "## Review checklist", "",
      "- [ ] Each commit's clause text matches the official version cited in its trailers",
      "- [ ] Every new control applies to the right roles and risk classes of the profile",
      "- [ ] The label and annotation keys match what the workloads declare",
      "- [ ] `regpolicy check` on the current manifests: denials expected and understood",
      "- [ ] Enforcement mode (deny or warn) is what this rollout needs",
      "",
    ]
    return lines.joined(separator: "\n")
  }
}
