import ArgumentParser
import RegPolicyKit

struct Trace: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "trace",
    abstract: "From a policy, denial or commit to the exact clause — or from a clause to what implements it.",
    discussion: """
      QUERY is a control id (AIA-12), a rule id, a generated policy file, a denial message pasted \
      from check, OPA or Gatekeeper, a commit, a pinpoint ID or a citation in any usual form \
      ("Art. 12(1)", "Article 26(6) AI Act", "artikel 12, lid 1"). Prints each clause verbatim with \
      instrument, version and link; whether it is current, changed since review, or gone; the \
      obligations extracted from it with their evidence; the policies that implement it; and the \
      commits that carry it; and the links of each clause and control to the NIST AI RMF, \
      ISO/IEC 42001 and SP 800-53 (as 'regpolicy crosswalk' reads them). --uncovered --profile FILE lists the obligations addressed to the \
      organisation's roles that no control implements. The answers come from a trace index \
      (SQLite), rebuilt when its inputs change.
      """
  )

  @Argument(help: "What to trace (see above); not with --uncovered.")
  var query: String?

  @OptionGroup var inputs: TraceOptions

  @Flag(help: "List the obligations addressed to the profile's roles that no control implements.")
  var uncovered = false

  @Option(help: "With --uncovered: the organisation profile (default: the built-in example).")
  var profile: String?

  @Option(help: "Output format: text or json.")
  var format: TraceRun.Format = .text

  func validate() throws {
    if uncovered == (query != nil) {
      throw ValidationError("Give either a QUERY or --uncovered.")
    }
    if profile != nil && !uncovered { throw ValidationError("--profile goes with --uncovered.") }
  }

  func run() throws {
    let status = TraceRun(
      query: query, store: inputs.store, uncovered: uncovered, profilePath: profile, format: format
    ).run()
    if status != .success { throw ExitCode(status.rawValue) }
  }
}

extension TraceRun.Format: ExpressibleByArgument {}
