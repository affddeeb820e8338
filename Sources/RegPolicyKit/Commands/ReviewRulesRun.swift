import RegPolicyExtract
import RegPolicyIngest
import RegPolicyModel
import RegPolicyPolicies

/// `regpolicy rules review RULE… --source FILE`: records in each rule file the sha256 of every
/// clause its checks cite, as the source words it. Running it is a person's statement that they
/// have read those words and matched the rule to them; `generate` never writes a review, so a
/// policy whose clause changed since stays marked needs-review until someone does.
public struct ReviewRulesRun: Sendable {
  public var rules: [String]
  public var source: String
  /// Keep the texts reviewed before beside the new ones (the same version in another language),
  /// instead of replacing them.
  public var keep: Bool
  public var options: IngestOptions

  /// Creates a run.
  public init(rules: [String], source: String, keep: Bool = false, options: IngestOptions = IngestOptions()) {
    self.rules = rules
    self.source = source
    self.keep = keep
    self.options = options
  }

  /// Reviews every rule file against the source; a rule that cannot be reviewed is reported and
  /// left as it was, and the others are still reviewed.
  public func run() -> ExitStatus {
    let ingested = Ingester.ingest(source, options: options)
    OutputFile.report(ingested.diagnostics)
    guard let document = ingested.document else { return ExitStatus.of(ingested.diagnostics) }
    let roles = Set(Lexicon.english.phrases.filter { $0.category == .role }.map(\.label))
    var problems: [Diagnostic] = []
    var summary = ""
    for path in rules {
      do throws(Diagnostic) {
        let text = try InputFiles.read(path)
        let reviewed: Reviewed
        if ReportTable.isTable(path: path) {
          let table = try ReportTable.read(text, file: path)
          reviewed = Reviewed(
            name: "report table", instrument: table.instrument, cited: table.cited, reviewed: table.reviewed)
        } else {
          let rule = try MappingRule.read(text, file: path, roles: roles)
          reviewed = Reviewed(
            name: rule.control, instrument: rule.instrument, cited: rule.cited, reviewed: rule.reviewed)
        }
        summary += try review(reviewed, text: text, path: path, in: document)
      } catch {
        problems.append(error)
      }
    }
    OutputFile.emit(Array(summary.utf8), to: 1)
    OutputFile.report(problems)
    return ExitStatus.of(problems)
  }

  /// What a review records: a rule's or an exposure table's cited clauses.
  private struct Reviewed {
    var name: String
    var instrument: String?
    var cited: [PinpointID]
    var reviewed: [PinpointID: [String]]
  }

  /// Writes the file's new `reviewed:` block and says, clause by clause, what the review covers.
  private func review(_ rule: Reviewed, text: String, path: String, in document: Document) throws(Diagnostic)
    -> String
  {
    let instrument = document.instrument
    guard !rule.cited.isEmpty else {
      throw Diagnostic.error(.reviewNoClauses, file: path, "\(rule.name) cites no clause; there is nothing to review")
    }
    guard let celex = rule.instrument, celex == instrument.key else {
      throw Diagnostic.error(
        .reviewWrongSource, file: path,
        "\(rule.name) maps \(rule.instrument ?? "no instrument"); \(source) is \(instrument.key)")
    }
    var hashes: [(clause: PinpointID, sha256: [String])] = []
    var lines = ["\(path): \(rule.name) reviewed against \(celex) of \(instrument.date ?? instrument.version)"]
    for id in rule.cited {
      guard let provision = document.provision(id) else {
        throw Diagnostic.error(.reviewMissingClause, file: path, "\(id) (\(id.citation)) is not in \(source)")
      }
      let hash = Ingester.sha256(Array(Mapper.clauseText(provision).utf8))
      let before = rule.reviewed[id] ?? []
      hashes.append((id, keep && !before.contains(hash) ? before + [hash] : keep ? before : [hash]))
      let state = before.contains(hash) ? "as reviewed before" : before.isEmpty ? "first review" : "reviewed anew"
      lines.append("  \(id.citation) (\(id)): \(state)")
      if !before.contains(hash) { lines.append("    “\(Mapper.quote(id, in: document))”") }
    }
    try OutputFile.write(Array(MappingRule.recordingReview(text, hashes: hashes).utf8), to: path)
    return lines.map { $0 + "\n" }.joined()
  }
}
