import ArgumentParser
import RegPolicyIngest
import RegPolicyKit
import RegPolicyModel

struct Generate: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "generate",
    abstract: "Turn regulations into policy-as-code for an organisation.",
    discussion: """
      Ingests each source, extracts its obligations, maps them through the rules to checks, and \
      renders each check to OPA Rego v1 (with a *_test.rego), Gatekeeper and Kyverno, under \
      DIR/<engine>/<instrument>/<control>/, with DIR/index.json listing control → clauses → files. \
      DIR is replaced as a whole: re-running on the same input gives the same bytes, and a control \
      whose obligations are gone loses its files. Any error leaves DIR untouched (exit 3 or 4).
      """
  )

  @Argument(help: "Regulation files or Formex package folders (any format `ingest` reads).")
  var sources: [String]

  @Option(help: "The organisation profile (YAML; see templates/profile.example.yaml).")
  var profile: String

  @Option(help: "The folder to write the policy tree to (created, or replaced if regpolicy wrote it).")
  var out: String

  @Option(help: "Read mapping rules from this folder instead of the built-in rules/.")
  var rules: String?

  @Option(help: "Read templates from this folder instead of the built-in templates/.")
  var templates: String?

  @Option(
    name: .customLong("input-format"), help: "Read sources as this format instead of detecting it.")
  var inputFormat: SourceFormat?

  func run() throws {
    let run = GenerateRun(
      sources: sources, profilePath: profile, outputDirectory: out, rulesDirectory: rules,
      templatesDirectory: templates, options: IngestOptions(format: inputFormat))
    let status = run.run()
    if status != .success { throw ExitCode(status.rawValue) }
  }
}
