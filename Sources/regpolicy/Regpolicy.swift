import ArgumentParser
import Foundation
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

  /// Runs the command; usage errors exit 2 (the project's documented status) rather than
  /// ArgumentParser's 64.
  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch {
      if exitCode(for: error) == .validationFailure {
        FileHandleWriter.standardError(fullMessage(for: error) + "\n")
        Foundation.exit(ExitStatus.usage.rawValue)
      }
      exit(withError: error)
    }
  }
}

/// Writes text to standard error.
enum FileHandleWriter {
  static func standardError(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
  }
}
