import RegPolicyModel

/// `regpolicy branch`: puts a tree `regpolicy generate` wrote onto a review branch of the team's
/// policy repository (`ReviewBranch`).
public struct BranchRun: Sendable {
  public var policies: String
  public var branch: ReviewBranch

  /// Creates a run.
  public init(policies: String, branch: ReviewBranch) {
    self.policies = policies
    self.branch = branch
  }

  /// Runs and prints the PR body (or the diff of a dry run); exit 0 on success or no change.
  public func run() -> ExitStatus {
    do throws(Diagnostic) {
      let outcome = try branch.make(try PolicyTree.read(from: policies))
      OutputFile.emit(Array(outcome.report.utf8), to: 1)
      OutputFile.say(
        !outcome.changed
          ? "no change: \(outcome.branch) already holds this policy tree; no commit made"
          : branch.dryRun
            ? "dry run: \(outcome.branch) would get the diff above; nothing written"
            : "\(outcome.branch): \(outcome.commits.count) commits; PR body in \(outcome.bodyPath ?? "")")
      return .success
    } catch {
      OutputFile.report([error])
      return error.code.exitStatus
    }
  }
}
