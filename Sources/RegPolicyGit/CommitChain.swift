import Foundation
import RegPolicyModel

/// One commit of a chain: its message and the paths it changes.
public struct Commit: Sendable {
  /// A path set to a blob, or removed (`blob` nil).
  public struct Update: Sendable, Equatable {
    public var path: String
    public var blob: String?

    /// Creates an update.
    public init(path: String, blob: String?) {
      self.path = path
      self.blob = blob
    }
  }

  public var subject: String
  public var body: String
  /// `Key: value` lines at the end of the message (git's trailers).
  public var trailers: [(key: String, value: String)]
  public var updates: [Update]

  /// Creates a commit.
  public init(subject: String, body: String, trailers: [(key: String, value: String)], updates: [Update]) {
    self.subject = subject
    self.body = body
    self.trailers = trailers
    self.updates = updates
  }

  /// The full message: subject, body, trailers.
  public var message: String {
    subject + "\n\n" + body + "\n\n" + trailers.map { "\($0.key): \($0.value)" }.joined(separator: "\n") + "\n"
  }
}

/// A series of commits built on a base with git plumbing and a temporary index (`read-tree`,
/// `update-index --index-info`, `write-tree`, `commit-tree`): the user's working tree, index and
/// checked-out branch are never touched, and no ref moves until `publish`.
///
/// A dry run writes every object to a scratch object directory that borrows the repository's
/// objects, so the repository is left exactly as it was.
public struct CommitChain: Sendable {
  /// The commits made, oldest first.
  public var commits: [String] = []
  /// The base's tree (the empty tree without a base) and the last commit's tree.
  public var baseTree = ""
  public var tree = ""

  /// Runs `body` with a git whose index (and, for a dry run, object directory) are temporary, and
  /// removes them afterwards. Commits get a `regpolicy` author where the repository names none.
  /// `gitDirectory` is the repository's (`Git.gitDirectory()`).
  public static func withScratch<T>(
    _ git: Git, gitDirectory: String, dryRun: Bool, _ body: (Git) throws(Diagnostic) -> T
  ) throws(Diagnostic) -> T {
    let scratch = NSTemporaryDirectory() + "regpolicy-git-\(UUID().uuidString)"
    do {
      try FileManager.default.createDirectory(atPath: scratch + "/objects", withIntermediateDirectories: true)
    } catch {
      throw Diagnostic.error(.outputUnwritable, file: scratch, "cannot create a scratch folder: \(error)")
    }
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    var scratchGit = git
    scratchGit.environment["GIT_INDEX_FILE"] = scratch + "/index"
    if dryRun {
      scratchGit.environment["GIT_OBJECT_DIRECTORY"] = scratch + "/objects"
      scratchGit.environment["GIT_ALTERNATE_OBJECT_DIRECTORIES"] = gitDirectory + "/objects"
    }
    let hasName = try git.run(["config", "user.name"]).status == 0
    let hasEmail = try git.run(["config", "user.email"]).status == 0
    if !hasName || !hasEmail {
      for role in ["AUTHOR", "COMMITTER"] {
        scratchGit.environment["GIT_\(role)_NAME"] = "regpolicy"
        scratchGit.environment["GIT_\(role)_EMAIL"] = "regpolicy@localhost"
      }
    }
    return try body(scratchGit)
  }

  /// Builds `commits` one on top of the other, starting from `base` (nil: a root commit). `git`
  /// must come from `withScratch`.
  public static func build(_ commits: [Commit], on base: String?, with git: Git) throws(Diagnostic) -> CommitChain {
    var chain = CommitChain()
    _ = try git.check(base.map { ["read-tree", $0] } ?? ["read-tree", "--empty"])
    if let base {
      chain.baseTree = try git.check(["rev-parse", "\(base)^{tree}"])
    } else {
      chain.baseTree = try git.check(["hash-object", "-t", "tree", "-w", "--stdin"])
    }
    chain.tree = chain.baseTree
    var parent = base
    for commit in commits {
      let lines = commit.updates.map { update in
        update.blob.map { "100644 \($0)\t\(update.path)\n" }
          ?? "0 \(String(repeating: "0", count: 40))\t\(update.path)\n"
      }
      _ = try git.check(["update-index", "--index-info"], input: lines.joined())
      chain.tree = try git.check(["write-tree"])
      let id = try git.check(
        ["commit-tree", chain.tree] + (parent.map { ["-p", $0] } ?? []) + ["-F", "-"], input: commit.message)
      chain.commits.append(id)
      parent = id
    }
    return chain
  }

  /// Points `branch` at the chain's last commit — only if it still points where the caller saw it
  /// (`expected`; nil: the branch must not exist), so a ref that moved meanwhile is never overwritten.
  public func publish(_ branch: String, expected: String?, with git: Git) throws(Diagnostic) {
    guard let last = commits.last else { return }
    _ = try git.check(["update-ref", "-m", "regpolicy branch", "refs/heads/\(branch)", last, expected ?? ""])
  }

  /// The unified diff from the base to the chain's last tree.
  public func diff(with git: Git) throws(Diagnostic) -> String {
    try git.check(["diff", "--no-color", "--no-renames", baseTree, tree])
  }
}
