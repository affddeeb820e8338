import ArgumentParser
import RegPolicyKit

struct Bench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench",
    abstract: "Time the stages in-process, with result counts (release builds only give meaningful numbers).")

  @Argument(help: "Files or Formex package folders to ingest repeatedly.")
  var inputs: [String]

  @Option(name: .long, help: "How many timed runs per input.")
  var iterations: Int = 50

  @Option(name: .long, help: "Untimed runs before measuring.")
  var warmup: Int = 5

  @Option(
    help: """
      What to time: all (ingest with and without JSON, tokenizer, extraction), ingest (to the \
      provision tree alone), tokenizer, or extract.
      """)
  var stage: BenchRun.Stage = .all

  func validate() throws {
    guard iterations > 0, warmup >= 0 else {
      throw ValidationError("--iterations must be positive and --warmup not negative.")
    }
  }

  func run() throws {
    let status = BenchRun(paths: inputs, iterations: iterations, warmup: warmup, stage: stage).run()
    if status != .success { throw ExitCode(status.rawValue) }
  }
}

extension BenchRun.Stage: ExpressibleByArgument {}
