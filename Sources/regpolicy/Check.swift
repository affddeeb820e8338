import ArgumentParser
import RegPolicyKit

struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Check Kubernetes manifests against a generated policy tree, explaining each violation.",
    discussion: """
      Evaluates the policies of DIR/index.json natively on every object of every manifest \
      (multi-document YAML; a folder is every .yaml, .yml and .json file below it; - reads a \
      `kubectl get -o yaml` stream from standard input), with the same verdicts as the generated \
      Rego. Each violation names the object, the clause and what it requires. Exit 1 when a policy \
      in deny mode is violated; 3 when a manifest is not YAML or not a Kubernetes object (the \
      others are still checked).
      """
  )

  @Option(help: "The folder `regpolicy generate` wrote.")
  var policies: String

  @Argument(help: "Manifest files (YAML, one or more documents each), folders of them, or - for standard input.")
  var manifests: [String]

  @Option(
    help: """
      Output format: text (for people), json, sarif (SARIF 2.1.0 for code scanning), junit (JUnit XML, a \
      test case per control and object) or github (workflow commands that annotate the pull request).
      """)
  var format: CheckRun.Format = .text

  func run() throws {
    let status = CheckRun(policiesDirectory: policies, manifests: manifests, format: format).run()
    if status != .success { throw ExitCode(status.rawValue) }
  }
}

extension CheckRun.Format: ExpressibleByArgument {}
