import RegPolicyDiff
import RegPolicyExtract
import RegPolicyIngest
import RegPolicyModel
import RegPolicyPolicies

/// `regpolicy diff OLD NEW`: what changed in the law, carried through to the obligations and — with
/// a profile — to the generated policies.
public struct DiffRun: Sendable {
  /// How the report is written.
  public enum Format: String, CaseIterable, Sendable {
    case text, json, markdown
  }

  public var old: String
  public var new: String
  public var format: Format
  public var profilePath: String?
  public var options: IngestOptions

  /// Creates a run.
  public init(
    old: String, new: String, format: Format = .text, profilePath: String? = nil,
    options: IngestOptions = IngestOptions()
  ) {
    self.old = old
    self.new = new
    self.format = format
    self.profilePath = profilePath
    self.options = options
  }

  /// A change in what a clause obliges.
  public struct ObligationChange: Sendable {
    /// new, removed or changed.
    public var change: String
    public var oldClause: PinpointID?
    public var newClause: PinpointID?
    /// For `changed`: which of modality, addressee, deadline changed.
    public var fields: [String]
    public var summary: String
  }

  /// A control whose policy is new, removed or stale (its clauses or their hashes changed).
  public struct PolicyChange: Sendable {
    public var change: String
    public var control: String
    public var clauses: [String]
  }

  /// The whole comparison.
  public struct Report: Sendable {
    public var provisions: ProvisionDiff
    public var obligations: [ObligationChange]
    public var policies: [PolicyChange]
  }

  /// Runs, printing the report; exit 0 when the versions are the same, 1 when they differ.
  public func run() -> ExitStatus {
    guard let old = IngestRun.ingestReporting(old, options: options).document,
      let new = IngestRun.ingestReporting(new, options: options).document
    else { return .inputError }
    let report: Report
    do {
      report = try compare(old, new)
    } catch {
      OutputFile.emit(Array((error.description + "\n").utf8), to: 2)
      return .inputError
    }
    let bytes: [UInt8] =
      switch format {
      case .json: DiffRenderer.json(report)
      case .text: DiffRenderer.text(report, markdown: false)
      case .markdown: DiffRenderer.text(report, markdown: true)
      }
    OutputFile.emit(bytes, to: 1)
    return report.provisions.changes.isEmpty ? .success : .findings
  }

  /// Compares two ingested versions.
  /// `newStatements`: the new version's statements when the caller already has them.
  public func compare(
    _ old: Document, _ new: Document, newStatements: [Obligation]? = nil
  ) throws(PolicyError) -> Report {
    let extractor = Extractor()
    let provisions = ProvisionDiff(old: old, new: new)
    let before = extractor.statements(in: old)
    let after = newStatements ?? extractor.statements(in: new)
    let obligations = DiffRun.obligations(before, after, aligned: provisions.aligned)
    var policies: [PolicyChange] = []
    if let profilePath {
      let profile = try PolicySources.profile(at: profilePath)
      let loaded = PolicySources.rules(from: nil)
      guard let rules = loaded.rules else { throw loaded.errors[0] }
      let mapper = Mapper(rules: rules, profile: profile) { Ingester.sha256(Array($0.utf8)) }
      policies = DiffRun.policies(
        mapper.policies(for: old, statements: before), mapper.policies(for: new, statements: after))
    }
    return Report(provisions: provisions, obligations: obligations, policies: policies)
  }

  /// What each clause binds: its deontic statements' modality, addressee roles and deadlines.
  static func obligations(
    _ before: [Obligation], _ after: [Obligation], aligned: [PinpointID: PinpointID]
  ) -> [ObligationChange] {
    func signatures(_ statements: [Obligation]) -> [PinpointID: [[String]]] {
      var result: [PinpointID: [[String]]] = [:]
      for statement in statements where statement.modality.isDeontic || statement.modality == .exemption {
        let roles = statement.addressees.map { $0.role ?? $0.text }.sorted().joined(separator: "+")
        let deadlines = statement.deadlines.map(\.text).joined(separator: "; ")
        result[statement.clause, default: []].append([statement.modality.rawValue, roles, deadlines])
      }
      return result
    }
    let old = signatures(before)
    let new = signatures(after)
    var changes: [ObligationChange] = []
    var seen: Set<PinpointID> = []
    for (clause, statements) in old.sorted(by: { $0.key < $1.key }) {
      guard let target = aligned[clause], let current = new[target] else {
        changes.append(
          ObligationChange(
            change: "removed", oldClause: clause, newClause: aligned[clause], fields: [],
            summary: "\(clause.citation): \(statements.count) statement(s) no longer bind"))
        continue
      }
      seen.insert(target)
      guard statements != current else { continue }
      // Fewer or more statements, or the same number with another modality, addressee or deadline.
      var fields: [String] = []
      if statements.count != current.count {
        fields = ["statements"]
      } else {
        for (index, name) in ["modality", "addressee", "deadline"].enumerated()
        where statements.map({ $0[index] }).sorted() != current.map({ $0[index] }).sorted() {
          fields.append(name)
        }
      }
      let summary =
        statements.count != current.count
        ? "\(statements.count) → \(current.count) statement(s)" : "\(fields.joined(separator: ", ")) changed"
      changes.append(
        ObligationChange(
          change: "changed", oldClause: clause, newClause: target, fields: fields,
          summary: "\(target.citation): \(summary)"))
    }
    for (clause, statements) in new.sorted(by: { $0.key < $1.key }) where !seen.contains(clause) {
      changes.append(
        ObligationChange(
          change: "new", oldClause: nil, newClause: clause, fields: [],
          summary: "\(clause.citation): \(statements.count) new statement(s)"))
    }
    // Document order: statements come in it.
    var position: [PinpointID: Int] = [:]
    for (index, statement) in before.enumerated() where position[statement.clause] == nil {
      position[aligned[statement.clause] ?? statement.clause] = index
    }
    for (index, statement) in after.enumerated() { position[statement.clause] = index }
    return changes.sorted { a, b in
      let left = (a.newClause ?? a.oldClause).flatMap { position[$0] } ?? 0
      let right = (b.newClause ?? b.oldClause).flatMap { position[$0] } ?? 0
      return left < right
    }
  }

  /// Controls new, removed, or stale (their clauses or clause hashes changed).
  static func policies(_ before: [Policy], _ after: [Policy]) -> [PolicyChange] {
    let old = Dictionary(before.map { ($0.control, $0) }, uniquingKeysWith: { first, _ in first })
    let new = Dictionary(after.map { ($0.control, $0) }, uniquingKeysWith: { first, _ in first })
    var changes: [PolicyChange] = []
    for control in Set(old.keys).union(new.keys).sorted() {
      switch (old[control], new[control]) {
      case (nil, let policy?):
        changes.append(PolicyChange(change: "new", control: control, clauses: policy.clauses.map(\.id)))
      case (let policy?, nil):
        changes.append(PolicyChange(change: "removed", control: control, clauses: policy.clauses.map(\.id)))
      case (let a?, let b?) where a.clauses.map({ [$0.id, $0.sha256] }) != b.clauses.map({ [$0.id, $0.sha256] }):
        let changed = Set(b.clauses.map { "\($0.id)=\($0.sha256)" }).symmetricDifference(
          a.clauses.map { "\($0.id)=\($0.sha256)" })
        changes.append(
          PolicyChange(
            change: "stale", control: control,
            clauses: Set(changed.map { String($0.prefix { $0 != "=" }) }).sorted()))
      default: break
      }
    }
    return changes
  }
}
