import Foundation
import RegPolicyModel
import RegPolicyPolicies

/// `regpolicy branch`: puts a generated policy tree onto a new branch of the team's policy
/// repository, one commit per control whose files changed, built with git plumbing and a temporary
/// index — the working tree, the index and the checked-out branch are never touched; nothing is
/// pushed; an existing branch is never rewritten unless `force`.
public struct BranchRun: Sendable {
  public var repository: String
  public var policies: String
  public var base: String?
  public var branch: String?
  /// Where the tree goes inside the repository.
  public var prefix: String
  public var dryRun: Bool
  public var force: Bool
  /// Markdown put at the top of the pull-request body (what changed in the law), if any.
  public var preface: String = ""
  /// Word diffs of changed clauses by pinpoint ID (from `diff`), quoted in the commit bodies.
  public var lawChanges: [String: String] = [:]

  /// Creates a run.
  public init(
    repository: String, policies: String, base: String? = nil, branch: String? = nil, prefix: String = "policies",
    dryRun: Bool = false, force: Bool = false
  ) {
    self.repository = repository
    self.policies = policies
    self.base = base
    self.branch = branch
    self.prefix = prefix
    self.dryRun = dryRun
    self.force = force
  }

  /// What a run did.
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

  /// Runs and prints; exit 0 on success or no change, 3 for bad input, 4 when refused or not written.
  public func run() -> ExitStatus {
    do {
      let outcome = try execute()
      OutputFile.emit(Array(outcome.report.utf8), to: 1)
      let summary =
        !outcome.changed
        ? "no change: \(outcome.branch) already holds this policy tree; no commit made\n"
        : dryRun
          ? "dry run: \(outcome.branch) would get the diff above; nothing written\n"
          : "\(outcome.branch): \(outcome.commits.count) commits; PR body in \(outcome.bodyPath ?? "")\n"
      OutputFile.emit(Array(summary.utf8), to: 2)
      return .success
    } catch {
      OutputFile.emit(Array((error.description + "\n").utf8), to: 2)
      return error.code.hasPrefix("branch.") || error.code == "git.failed" ? .outputError : .inputError
    }
  }

  /// One commit's worth: a control's files (or a removed control's paths).
  struct Group {
    /// new, updated, removed or index: for the pull-request body.
    var kind: String
    var subject: String
    var body: String
    var trailers: [(String, String)]
    var updates: [(path: String, blob: String?)]
  }

  /// Does the work and returns what happened; throws with a code and the repository as location.
  public func execute() throws(PolicyError) -> Outcome {
    var git = Git(repository: repository)
    guard (try git.run(["rev-parse", "--git-dir"])).status == 0 else {
      throw PolicyError("git.not-a-repository", file: repository, "not a git repository")
    }
    let gitDirectory = try git.check(["rev-parse", "--absolute-git-dir"])
    let index = try Index.read(from: policies)
    let name = branch ?? BranchRun.defaultName(index)
    guard (try git.run(["check-ref-format", "--branch", name])).status == 0 else {
      throw PolicyError("branch.invalid-name", file: repository, "'\(name)' is not a valid branch name")
    }
    let baseCommit = try resolveBase(git)
    let existing = try git.run(["rev-parse", "--verify", "--quiet", "refs/heads/\(name)^{commit}"])
    let existingCommit = existing.status == 0 ? existing.stdout.trimmingCharacters(in: .whitespacesAndNewlines) : nil

    // Objects go to a scratch directory: a dry run leaves the repository as it was, and a real run
    // copies them in only by `git` itself once the branch is made (see below).
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("regpolicy-branch-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(
      at: scratch.appendingPathComponent("objects"), withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    git.environment["GIT_INDEX_FILE"] = scratch.appendingPathComponent("index").path
    if dryRun {
      git.environment["GIT_OBJECT_DIRECTORY"] = scratch.appendingPathComponent("objects").path
      git.environment["GIT_ALTERNATE_OBJECT_DIRECTORIES"] = gitDirectory + "/objects"
    }
    let hasName = try git.run(["config", "user.name"]).status == 0
    let hasEmail = try git.run(["config", "user.email"]).status == 0
    if !hasName || !hasEmail {
      for role in ["AUTHOR", "COMMITTER"] {
        git.environment["GIT_\(role)_NAME"] = "regpolicy"
        git.environment["GIT_\(role)_EMAIL"] = "regpolicy@localhost"
      }
    }

    // The tree as it is at the base, and as it should be.
    let current = try blobs(git, at: baseCommit)
    var wanted: [String: String] = [:]
    let files = index.policies.flatMap(\.files) + [Index.fileName]
    let hashes = try git.check(
      ["hash-object", "-w", "--stdin-paths"], input: files.map { policiesPath($0) + "\n" }.joined()
    ).split(separator: "\n").map(String.init)
    guard hashes.count == files.count else {
      throw PolicyError(
        "git.failed", file: repository, "git hash-object returned \(hashes.count) hashes for \(files.count) files")
    }
    for (file, hash) in zip(files, hashes) { wanted[prefix + "/" + file] = hash }

    if let existingCommit {
      if try blobs(git, at: existingCommit) == wanted {
        return Outcome(branch: name, commits: [], report: "", bodyPath: nil, changed: false)
      }
      if !force {
        throw PolicyError(
          "branch.exists", file: repository,
          "branch '\(name)' exists with other content; not rewritten (use --force, or another --branch)")
      }
    }
    let groups = BranchRun.groups(index, prefix: prefix, current: current, wanted: wanted, lawChanges: lawChanges)
    if groups.isEmpty {
      return Outcome(branch: name, commits: [], report: "", bodyPath: nil, changed: false)
    }

    _ = try git.check(baseCommit.map { ["read-tree", $0] } ?? ["read-tree", "--empty"])
    let baseTree: String
    if let baseCommit {
      baseTree = try git.check(["rev-parse", "\(baseCommit)^{tree}"])
    } else {
      baseTree = try git.check(["hash-object", "-t", "tree", "-w", "--stdin"], input: "")
    }
    var parent = baseCommit
    var commits: [String] = []
    var tree = baseTree
    for group in groups {
      let lines = group.updates.map { update in
        update.blob.map { "100644 \($0)\t\(update.path)\n" }
          ?? "0 \(String(repeating: "0", count: 40))\t\(update.path)\n"
      }
      _ = try git.check(["update-index", "--index-info"], input: lines.joined())
      tree = try git.check(["write-tree"])
      let message =
        group.subject + "\n\n" + group.body + "\n\n"
        + group.trailers.map { "\($0.0): \($0.1)" }.joined(separator: "\n") + "\n"
      let commit = try git.check(
        ["commit-tree", tree] + (parent.map { ["-p", $0] } ?? []) + ["-F", "-"], input: message)
      commits.append(commit)
      parent = commit
    }
    if dryRun {
      let diff = try git.check(["diff", "--no-color", "--no-renames", baseTree, tree])
      return Outcome(branch: name, commits: [], report: diff.isEmpty ? "" : diff + "\n", bodyPath: nil, changed: true)
    }
    // Create, or with --force move, the branch: never over a ref that changed meanwhile.
    _ = try git.check(
      ["update-ref", "-m", "regpolicy branch", "refs/heads/\(name)", commits[commits.count - 1], existingCommit ?? ""])
    let body = BranchRun.pullRequestBody(index, groups: groups, branch: name, base: base ?? "HEAD", preface: preface)
    let bodyPath = gitDirectory + "/regpolicy/" + name.replacingOccurrences(of: "/", with: "_") + ".md"
    do {
      try OutputFile.makeDirectory(gitDirectory + "/regpolicy")
      try OutputFile.write(Array(body.utf8), to: bodyPath)
    } catch {
      throw PolicyError("branch.unwritable", file: bodyPath, error.message)
    }
    return Outcome(
      branch: name, commits: commits, report: body, bodyPath: bodyPath, changed: true,
      changedControls: groups.filter { $0.kind != "index" }.count)
  }

  private func policiesPath(_ file: String) -> String {
    URL(fileURLWithPath: policies).standardizedFileURL.appendingPathComponent(file).path
  }

  /// The base commit: `--base`, else HEAD; nil for a repository with no commits yet.
  private func resolveBase(_ git: Git) throws(PolicyError) -> String? {
    let reference = base ?? "HEAD"
    let resolved = try git.run(["rev-parse", "--verify", "--quiet", "\(reference)^{commit}"])
    if resolved.status == 0 { return resolved.stdout.trimmingCharacters(in: .whitespacesAndNewlines) }
    if base == nil { return nil }
    throw PolicyError("git.unknown-base", file: repository, "base '\(reference)' is not a commit")
  }

  /// path → blob of the files under the prefix at a commit (none without a commit).
  private func blobs(_ git: Git, at commit: String?) throws(PolicyError) -> [String: String] {
    guard let commit else { return [:] }
    let listing = try git.check(["ls-tree", "-r", "-z", "--full-tree", commit, "--", prefix])
    var result: [String: String] = [:]
    for entry in listing.split(separator: "\0") {
      // "<mode> <type> <object>\t<path>"
      guard let tab = entry.firstIndex(of: "\t") else { continue }
      let fields = entry[..<tab].split(separator: " ")
      if fields.count == 3 { result[String(entry[entry.index(after: tab)...])] = String(fields[2]) }
    }
    return result
  }

  /// The default branch name: the instruments and versions the tree was generated from.
  static func defaultName(_ index: Index) -> String {
    var parts: [String] = []
    for entry in index.policies {
      guard let instrument = entry.policy.instrument else { continue }
      let part = instrument + (entry.policy.version.map { "-" + $0 } ?? "")
      if !parts.contains(part) { parts.append(part) }
    }
    return "regpolicy/" + (parts.isEmpty ? "policies" : parts.joined(separator: "+"))
  }

  /// One group per control whose files differ from the base, in index order; one per control
  /// folder whose files are gone; the index last.
  static func groups(
    _ index: Index, prefix: String, current: [String: String], wanted: [String: String],
    lawChanges: [String: String] = [:]
  ) -> [Group] {
    var groups: [Group] = []
    for entry in index.policies {
      let paths = entry.files.map { prefix + "/" + $0 }
      let updates = paths.filter { current[$0] != wanted[$0] }.map { (path: $0, blob: wanted[$0]) }
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
      var trailers: [(String, String)] = []
      if let instrument = policy.instrument { trailers.append(("Regulation", instrument)) }
      trailers += policy.clauses.map { ("Clause", $0.id) }
      trailers += policy.clauses.map { ("Clause-SHA256", $0.sha256) }
      trailers.append(("Control", policy.control))
      trailers.append(("Generated-By", PolicySources.generator))
      groups.append(
        Group(
          kind: isNew ? "new" : "updated", subject: "\(where_): \(title)", body: body.joined(separator: "\n"),
          trailers: trailers, updates: updates))
    }
    // Files the tree no longer has, by control folder (engine/instrument/control).
    let indexPath = prefix + "/" + Index.fileName
    var gone: [String: [String]] = [:]
    for path in current.keys.sorted() where wanted[path] == nil && path != indexPath {
      let parts = path.dropFirst(prefix.count + 1).split(separator: "/")
      let key = parts.count >= 3 ? "\(parts[1])/\(parts[2])" : String(parts.first ?? "")
      gone[key, default: []].append(path)
    }
    for (key, paths) in gone.sorted(by: { $0.key < $1.key }) {
      groups.append(
        Group(
          kind: "removed", subject: "Remove \(key): no obligation maps to it any more",
          body: "The regenerated tree has no policy for \(key):\n" + paths.map { "  " + $0 }.joined(separator: "\n"),
          trailers: [("Generated-By", PolicySources.generator)], updates: paths.map { (path: $0, blob: nil) }))
    }
    if current[indexPath] != wanted[indexPath] {
      groups.append(
        Group(
          kind: "index", subject: "Update the regpolicy index",
          body: "Control → clauses → files, for `regpolicy check` and trace.",
          trailers: [("Generated-By", PolicySources.generator)], updates: [(path: indexPath, blob: wanted[indexPath])]))
    }
    return groups
  }

  /// The pull-request body: what changed, which controls, and what a reviewer must check.
  static func pullRequestBody(_ index: Index, groups: [Group], branch: String, base: String, preface: String) -> String
  {
    var lines = [
      "# \(branch)", "", "Generated by \(PolicySources.generator) for \(index.organisation), based on `\(base)`.", "",
    ]
    if !preface.isEmpty { lines.append(preface) }
    lines.append("## Policy changes")
    lines.append("")
    for group in groups where group.kind != "index" {
      lines.append("- \(group.kind): \(group.subject) (\(group.updates.count) files)")
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
