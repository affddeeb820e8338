import ArgumentParser
import RegPolicyKit

@main
struct Regpolicy: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "regpolicy",
    abstract: "Turns official regulatory text into reviewed policy-as-code.",
    discussion: """
      Exit status: 0 success; 1 findings you asked to fail on (e.g. ingest --check below the \
      threshold); 2 usage error; 3 an input could not be read as a regulation; 4 an output could \
      not be written.
      """,
    subcommands: [Ingest.self, Bench.self]
  )
}
