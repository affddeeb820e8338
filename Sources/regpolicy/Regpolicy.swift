import ArgumentParser
import RegPolicyKit
import RegPolicyModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// Every command names itself (`commandName`): otherwise ArgumentParser derives the name with
// `String(describing:)`, whose dynamic casts scan every protocol conformance in the statically
// linked binary — about 12 M instructions, 3 ms, on every start.
@main
struct Regpolicy: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "regpolicy",
    abstract: "Turns official regulatory text into reviewed policy-as-code.",
    discussion: "Exit status:\n" + ExitStatus.allCases.map { "  \($0.rawValue)  \($0.meaning)\n" }.joined(),
    version: RegPolicyVersion.current,
    subcommands: [
      Ingest.self, Extract.self, Classify.self, Generate.self, Check.self, Report.self, Diff.self, Branch.self,
      Run.self, Watch.self, Rules.self,
      Trace.self, Search.self, Crosswalk.self, Serve.self, OSCAL.self,
      Bench.self,
    ]
  )

  /// Runs the command; usage errors exit 2 (the project's documented status) rather than
  /// ArgumentParser's 64.
  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch {
      if exitCode(for: error) == .validationFailure {
        var message = Array((fullMessage(for: error) + "\n").utf8)
        _ = message.withUnsafeMutableBytes { write(2, $0.baseAddress, $0.count) }
        Glibc.exit(ExitStatus.usage.rawValue)
      }
      exit(withError: error)
    }
  }
}
