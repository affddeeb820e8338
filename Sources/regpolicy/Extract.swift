import ArgumentParser
import RegPolicyIngest
import RegPolicyKit
import RegPolicyModel

struct Extract: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "extract",
    abstract: "Find every obligation, prohibition, permission and exemption in regulations.",
    discussion: """
      Writes one JSON object per statement (JSON Lines), in document order: clause, modality, \
      addressees, action, object, conditions, exceptions, deadlines, references, confidence, \
      evidence, text. Definitions, scope, entry-into-force, empowerment and amendment statements \
      are written too, with their modality, unless --deontic-only is given.
      """
  )

  @Argument(help: "Files or Formex package folders to read (any format `ingest` reads).")
  var inputs: [String]

  @Option(
    name: .customLong("input-format"), help: "Read inputs as this format instead of detecting it.")
  var inputFormat: SourceFormat?

  @Flag(
    name: .customLong("deontic-only"),
    help: "Write only obligations, prohibitions, permissions and exemptions.")
  var deonticOnly = false

  @Option(
    help: """
      Write only the obligations and prohibitions of this role (a lexicon role id: provider, \
      deployer, importer, distributor, authorised-representative, notified-body, …), whether the \
      words name it or it was inherited or found in context (see each addressee's source and via).
      """)
  var role: String?

  @Flag(help: "Read the recitals too (their recommendations: \"should\"); they bind no one and are skipped by default.")
  var recitals = false

  @Option(name: .customLong("max-bytes"), help: "Refuse input files larger than this many bytes.")
  var maxBytes: Int = 64 << 20

  func validate() throws {
    guard maxBytes > 0 else { throw ValidationError("--max-bytes must be a positive number of bytes.") }
    if let role, !ExtractRun.roles.contains(role) {
      throw ValidationError("unknown role '\(role)'; known roles: \(ExtractRun.roles.joined(separator: ", ")).")
    }
  }

  func run() throws {
    let run = ExtractRun(
      paths: inputs, options: IngestOptions(format: inputFormat, maxBytes: maxBytes), deonticOnly: deonticOnly,
      role: role, recitals: recitals)
    let status = run.run()
    if status != .success { throw ExitCode(status.rawValue) }
  }
}
