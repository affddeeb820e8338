import ArgumentParser
import RegPolicyKit

struct Bench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench",
    abstract: "Time in-process ingest, tokenizing and extraction (release builds only give meaningful numbers).")

  @Argument(help: "Files or Formex package folders to ingest repeatedly.")
  var inputs: [String]

  @Option(name: .long, help: "How many timed runs per input.")
  var iterations: Int = 50

  @Option(name: .long, help: "Untimed runs before measuring.")
  var warmup: Int = 5

  @Flag(name: .customLong("ingest-only"), help: "Time the ingest alone, without rendering JSON.")
  var ingestOnly = false

  @Flag(name: .customLong("tokenizer-only"), help: "Time only the tokenizer on the provisions' text.")
  var tokenizerOnly = false

  @Flag(name: .customLong("extract-only"), help: "Time only the extraction of statements from ingested documents.")
  var extractOnly = false

  func validate() throws {
    guard iterations > 0, warmup >= 0 else {
      throw ValidationError("--iterations must be positive and --warmup not negative.")
    }
  }

  func run() throws {
    let status = IngestBenchmark(
      paths: inputs, iterations: iterations, warmup: warmup, renderJSON: !ingestOnly, tokenizerOnly: tokenizerOnly,
      extractOnly: extractOnly
    ).run()
    if status != .success { throw ExitCode(status.rawValue) }
  }
}
