import ArgumentParser
import RegPolicyKit

struct Branch: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "branch",
    abstract: "Put a generated policy tree onto a new branch of a policy repository, ready for review.",
    discussion: """
      One commit per control whose files changed (subject naming the clause, body quoting it, \
      trailers Regulation, Clause, Clause-SHA256, Control, Generated-By), built with git plumbing \
      and a temporary index: the working tree, the index and the checked-out branch are never \
      touched, and nothing is pushed. The pull-request body is printed and written to \
      .git/regpolicy/<branch>.md. The same tree again makes no commit. An existing branch with \
      other content is refused (exit 4) unless --force. --dry-run prints the unified diff and \
      writes nothing. Exit 3: not a git repository, no index in --policies, an unknown --base or \
      an invalid --branch.
      """
  )

  @Option(help: "The policy repository (a git work tree or bare repository).")
  var repo: String

  @Option(help: "The folder `regpolicy generate` wrote.")
  var policies: String

  @OptionGroup var target: BranchOptions

  @Flag(name: .customLong("dry-run"), help: "Print the unified diff of what would change; write nothing.")
  var dryRun = false

  @Flag(help: "Move an existing branch of that name to the new commits.")
  var force = false

  func run() throws {
    let status = BranchRun(
      policies: policies,
      branch: ReviewBranch(
        repository: repo, base: target.base, branch: target.branch, prefix: target.prefix, dryRun: dryRun, force: force)
    ).run()
    if status != .success { throw ExitCode(status.rawValue) }
  }
}
