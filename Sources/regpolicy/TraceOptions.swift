import ArgumentParser
import RegPolicyIngest
import RegPolicyKit
import RegPolicyModel

/// Where `trace`, `search` and `serve` read from: the options they share.
struct TraceOptions: ParsableArguments {
  @Option(help: "The regulation (any format `ingest` reads): its words, obligations and current text.")
  var source: String?

  @Option(help: "A policy tree `regpolicy generate` wrote.")
  var policies: String?

  @Option(help: "A policy repository: its tree at HEAD (unless --policies) and the commits that carry it.")
  var repo: String?

  @Option(help: "The folder of the policy tree inside the repository.")
  var prefix: String = "policies"

  @Option(
    help:
      "The trace index file (default: one per set of inputs in .git/regpolicy/ of --repo, else ~/.cache/regpolicy/).")
  var index: String?

  @Option(
    name: .customLong("input-format"), help: "Read the source as this format instead of detecting it.")
  var inputFormat: SourceFormat?

  @Option(help: "Folder of mapping rules whose crosswalks/ trace and serve show (default: the built-in rules).")
  var rules: String?

  var store: TraceStore {
    TraceStore(
      source: source, policies: policies, repository: repo, prefix: prefix, indexPath: index,
      options: IngestOptions(format: inputFormat), rules: rules)
  }
}
