import ArgumentParser
import RegPolicyIngest
import RegPolicyKit
import RegPolicyModel

struct RulesReview: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "review",
    abstract: "Record that you have matched rules to the clause texts of a source.",
    discussion: """
      Writes into each rule file a `reviewed:` block with the sha256 of every clause its checks \
      cite, as SOURCE words it, and prints each clause that is new to the review or changed since \
      the last one. `generate` and `run` mark a policy needs-review while a cited clause differs \
      from its reviewed text; this command is the only way to clear that, and it should follow a \
      reading of the clauses it prints.
      """
  )

  @Argument(help: "Rule files (YAML) to mark as reviewed.")
  var rules: [String]

  @Option(help: "The regulation the rules were reviewed against (any format `ingest` reads).")
  var source: String

  @Flag(
    help: """
      Keep the texts reviewed before: either counts as reviewed (the same version in another \
      language). Without it, the review replaces them.
      """)
  var keep = false

  @Option(
    name: .customLong("input-format"), help: "Read the source as this format instead of detecting it.")
  var inputFormat: SourceFormat?

  func run() throws {
    let status = ReviewRulesRun(
      rules: rules, source: source, keep: keep, options: IngestOptions(format: inputFormat)
    ).run()
    if status != .success { throw ExitCode(status.rawValue) }
  }
}
