import ArgumentParser
import RegPolicyKit

struct Search: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "search",
    abstract: "Search the words of the law: accent- and case-insensitive, ranked, each hit with its pinpoint ID.",
    discussion: """
      Every word of QUERY must appear in the provision (its heading or text); a QUERY in double \
      quotes is a phrase. Reads the trace index (see `regpolicy trace`).
      """
  )

  @Argument(help: "The words to look for.")
  var query: String

  @OptionGroup var inputs: TraceOptions

  @Option(help: "How many hits at most.")
  var limit: Int = 20

  @Option(help: "Output format: text or json.")
  var format: TraceRun.Format = .text

  func validate() throws {
    guard limit > 0 else { throw ValidationError("--limit must be a positive number.") }
  }

  func run() throws {
    let status = SearchRun(query: query, store: inputs.store, limit: limit, format: format).run()
    if status != .success { throw ExitCode(status.rawValue) }
  }
}
