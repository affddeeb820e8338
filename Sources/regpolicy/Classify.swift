import ArgumentParser
import RegPolicyKit

struct Classify: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "classify",
    abstract: "Classify sentences read from standard input, one per line.",
    discussion: """
      Writes one JSON object per input line: modality (null when the sentence states none), \
      addressees, regulatory (true for an obligation, prohibition, permission, exemption or \
      recommendation, whether or not it names who; docs/labelling.md), evidence (lexicon entries and patterns that fired, with byte spans), sentences.
      """
  )

  @Flag(name: .long, help: "Print each sentence with its triggers marked, for people, instead of JSON.")
  var explain = false

  func run() throws {
    let status = ClassifyRun(explain: explain).run()
    if status != .success { throw ExitCode(status.rawValue) }
  }
}
