import ArgumentParser
import RegPolicyIngest
import RegPolicyKit
import RegPolicyModel

struct Diff: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "diff",
    abstract: "Compare two versions of an act: provisions, obligations and (with --profile) policies.",
    discussion: """
      Aligns provisions by pinpoint ID, then by text similarity (a renumbered or moved provision is \
      one change), and classifies each change: added, removed, moved, modified — editorial \
      (white space, punctuation, case, typo, corrected reference) or substantive — with a word-level \
      diff. Works across formats (OJ HTML, consolidated HTML, Formex). Exit 0 when the versions are \
      the same, 1 when they differ, 3 when one cannot be read.
      """
  )

  @Argument(help: "The earlier version (any format `ingest` reads).")
  var old: String

  @Argument(help: "The later version.")
  var new: String

  @Option(help: "Output format: text, json (the public contract) or markdown.")
  var format: DiffRun.Format = .text

  @Option(help: "An organisation profile: also report controls whose policies are new, removed or stale.")
  var profile: String?

  @Option(help: "With --profile: read mapping rules from this folder instead of the built-in rules/.")
  var rules: String?

  @Option(
    name: .customLong("input-format"), help: "Read both versions as this format instead of detecting it.")
  var inputFormat: SourceFormat?

  func validate() throws {
    if rules != nil && profile == nil {
      throw ValidationError("--rules maps the versions' obligations to policies; it needs --profile.")
    }
  }

  func run() throws {
    let status = DiffRun(
      old: old, new: new, format: format, profilePath: profile, rulesDirectory: rules,
      options: IngestOptions(format: inputFormat)
    ).run()
    if status != .success { throw ExitCode(status.rawValue) }
  }
}

extension DiffRun.Format: ExpressibleByArgument {}
