import ArgumentParser
import RegPolicyKit

struct Report: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "The cost/compliance gap report: coverage, violations, spend at risk, exposure, trend.",
    discussion: """
      Coverage (with --source): every clause of the regulation with an obligation or prohibition, \
      restricted to the profile's roles and risk classes, as covered by an automated control, by an \
      attestation only, by a control needing review, or uncovered; obligations of other operators, \
      of authorities and with no addressee found are counted apart. Violations (with --manifests): \
      as `check` finds them, by control, owner, namespace and cost centre. Cost (with --costs): FOCUS \
      cost and usage rows joined to the workloads by the FinOps labels (profile `costs:`), spend at \
      risk per control, article, cost centre and owner, in exact decimals. Exposure: the ceilings of \
      the law's fines (rules/report/) for the violated tiers, from the profile's `exposure:`. Trend: \
      with --previous, what changed since that JSON report. Exit 1 when a policy in deny mode is \
      violated; 3 when an input cannot be read (for cost data, the policies, the profile, the \
      regulation or the previous report nothing is written: no report rather than a wrong total).
      """
  )

  @Option(help: "The folder `regpolicy generate` wrote.")
  var policies: String

  @Option(help: "The organisation profile (default: the built-in example).")
  var profile: String?

  @Option(help: "The rules folder, for its report tables (default: the built-in rules).")
  var rules: String?

  @Option(help: "The regulation the policies were generated from, for coverage.")
  var source: String?

  @Option(
    parsing: .upToNextOption,
    help: "Manifest files, folders of them, or - for a `kubectl get -o yaml` stream on standard input.")
  var manifests: [String] = []

  @Option(parsing: .upToNextOption, help: "FinOps FOCUS cost and usage CSV files.")
  var costs: [String] = []

  @Option(help: "The JSON report of the last run, for the trend.")
  var previous: String?

  @Option(help: "Output format: markdown (a pull-request comment), html, json (the public contract), sarif or junit.")
  var format: ReportRun.Format = .markdown

  @Option(help: "Write the report to this file (atomically) instead of standard output.")
  var out: String?

  @Option(help: "Refuse a cost file larger than this many bytes.")
  var maxBytes: Int = 512 << 20

  func run() throws {
    let status = ReportRun(
      policiesDirectory: policies, profile: profile, rules: rules, source: source, manifests: manifests,
      costs: costs, previous: previous, format: format, out: out, maxBytes: maxBytes
    ).run()
    if status != .success { throw ExitCode(status.rawValue) }
  }
}

extension ReportRun.Format: ExpressibleByArgument {}
