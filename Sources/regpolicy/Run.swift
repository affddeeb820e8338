import ArgumentParser
import RegPolicyKit

struct Run: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "The main job: a regulation drop in, a review branch of policy-as-code out.",
    discussion: """
      Ingests SOURCE, extracts its obligations, maps them to policies for the profile, generates \
      the policy tree, compares with the previous version (--previous, else the clause hashes in \
      the index the base branch was generated with), and puts the tree on a review branch of \
      --repo (see `regpolicy branch`), printing a short summary. Without arguments it runs on the \
      built-in sample (corpus/samples/synthetic-oj.html) with the built-in example profile into a \
      new temporary repository, from any folder. Exit 0: commits made; 5: no change (no commit); \
      3: bad input (nothing is created); 4: a write refused or failed.
      """
  )

  @Argument(help: "The regulation (default: the built-in sample, corpus/samples/synthetic-oj.html).")
  var source: String?

  @Option(help: "The previous version of the regulation, to report what changed in the law.")
  var previous: String?

  @Option(help: "The policy repository (default: a new temporary repository).")
  var repo: String?

  @Option(help: "The organisation profile (default: the built-in templates/profile.example.yaml).")
  var profile: String?

  @Option(help: "Read mapping rules from this folder instead of the built-in rules/.")
  var rules: String?

  @Option(help: "Read templates from this folder instead of the built-in templates/.")
  var templates: String?

  @OptionGroup var target: BranchOptions

  func validate() throws {
    if repo == nil && target.base != nil {
      throw ValidationError("--base names a commit of the policy repository; it needs --repo.")
    }
  }

  func run() throws {
    let status = MainRun(
      source: source, previous: previous, repository: repo, profilePath: profile, rulesDirectory: rules,
      templatesDirectory: templates, base: target.base, branch: target.branch, prefix: target.prefix
    ).run()
    if status != .success { throw ExitCode(status.rawValue) }
  }
}
