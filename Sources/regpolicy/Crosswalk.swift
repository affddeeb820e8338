import ArgumentParser
import RegPolicyKit

struct Crosswalk: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "crosswalk",
    abstract:
      "Show how a clause or control maps to the other frameworks: AI Act, NIST AI RMF, ISO/IEC 42001, SP 800-53.",
    discussion: """
      QUERY is an AI Act clause ('art_12.par_1', 'Article 12(1)'), an AI RMF subcategory \
      ('MEASURE 2.4', 'sbc_measure-2-4'), an ISO/IEC 42001 clause or Annex A control ('A.6.2.8'), an \
      SP 800-53 control ('AU-11', 'ctl_au-11') or a regpolicy control ('AIA-12', 'FINOPS-GPU': the \
      links of the clauses its rule rests on). Every link with it at either end is read from its side (subset-of becomes superset-of when read backwards), \
      with the rationale and the controls that rest on either end. Exit 2 when QUERY names \
      nothing of these, 3 when no link has it.
      """
  )

  @Argument(help: "The clause, subcategory or control to look up.")
  var query: String

  @Option(help: "Output format: text or json.")
  var format: TraceRun.Format = .text

  @Option(help: "Folder of mapping rules with its crosswalks/ (default: the built-in rules).")
  var rules: String?

  func run() throws {
    let status = CrosswalkRun(query: query, format: format, rulesDirectory: rules).run()
    if status != .success { throw ExitCode(status.rawValue) }
  }
}
