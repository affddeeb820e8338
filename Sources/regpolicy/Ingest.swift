import ArgumentParser
import RegPolicyIngest
import RegPolicyKit
import RegPolicyModel

extension DocumentFormat: ExpressibleByArgument {}
extension SourceFormat: ExpressibleByArgument {}

struct Ingest: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ingest",
    abstract: "Read official markup into a provision tree with pinpoint IDs.",
    discussion: """
      Inputs: EUR-Lex OJ or consolidated HTML, Formex 4 (an act file, a .doc descriptor or a \
      package folder), AKN4EU, NIST OSCAL catalog XML, NIST AI RMF Playbook JSON. The format is \
      detected from the content.
      """
  )

  @Argument(help: "Files or Formex package folders to read.")
  var inputs: [String]

  @Option(
    name: .long, help: "Output format: json (the public contract), tree (outline with IDs) or text."
  )
  var format: DocumentFormat = .json

  @Option(
    name: .customLong("input-format"), help: "Read inputs as this format instead of detecting it.")
  var inputFormat: SourceFormat?

  @Option(
    name: .long, help: "Write one file per input into this folder instead of standard output.")
  var out: String?

  @Flag(
    name: .long,
    help:
      "Report, per file, the share of the body's text placed in provisions, and any unplaced text.")
  var check = false

  @Option(
    name: .customLong("min-coverage"),
    help: "With --check, exit 1 when a file's coverage is below this percentage.")
  var minCoverage: Double = 99.9

  @Option(name: .customLong("max-bytes"), help: "Refuse input files larger than this many bytes.")
  var maxBytes: Int = 64 << 20

  func validate() throws {
    guard (0...100).contains(minCoverage) else {
      throw ValidationError("--min-coverage must be a percentage between 0 and 100.")
    }
    guard maxBytes > 0 else {
      throw ValidationError("--max-bytes must be a positive number of bytes.")
    }
    if check && out != nil {
      throw ValidationError("--check prints a report; it cannot be combined with --out.")
    }
  }

  func run() throws {
    let run = IngestRun(
      paths: inputs, options: IngestOptions(format: inputFormat, maxBytes: maxBytes),
      format: format,
      outDirectory: out, check: check, minimumCoverage: minCoverage / 100)
    let status = run.run()
    if status != .success { throw ExitCode(status.rawValue) }
  }
}
