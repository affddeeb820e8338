import RegPolicyDiff
import RegPolicyModel
import RegPolicyPolicies

/// Two versions of an act compared: what changed in the provisions, carried to the obligations
/// and, when the caller has them, to the policies.
public struct Comparison: Sendable {
  /// What happened to a clause's obligations or to a control's policy. Raw values are the public
  /// names in `diff --format json`.
  public enum Change: String, Sendable {
    case new, removed, changed
    /// A control whose clauses or clause hashes changed.
    case stale
  }

  /// A change in what a clause obliges.
  public struct ObligationChange: Sendable {
    /// new, removed or changed.
    public var change: Change
    public var oldClause: PinpointID?
    public var newClause: PinpointID?
    /// For `changed`: which of modality, addressee, deadline changed.
    public var fields: [String]
    public var summary: String
  }

  /// A control whose policy is new, removed or stale (its clauses or their hashes changed).
  public struct PolicyChange: Sendable {
    /// new, removed or stale.
    public var change: Change
    public var control: String
    public var clauses: [PinpointID]
  }

  public var provisions: ProvisionDiff
  public var obligations: [ObligationChange]
  public var policies: [PolicyChange]

  /// Compares two sources; `policies` are the organisation's policies for each version, when the
  /// caller maps them (the policy changes are empty otherwise).
  public init(old: Source, new: Source, policies: (old: [Policy], new: [Policy])? = nil) {
    provisions = ProvisionDiff(old: old.document, new: new.document)
    obligations = Comparison.obligations(old.statements, new.statements, aligned: provisions.aligned)
    self.policies = policies.map { Comparison.policies($0.old, $0.new) } ?? []
  }

  /// Word diffs of the changed provisions of the new version, by pinpoint ID.
  public var wordDiffs: [PinpointID: String] {
    var diffs: [PinpointID: String] = [:]
    for change in provisions.changes {
      if let id = change.newID, !change.diff.isEmpty { diffs[id] = change.diff }
    }
    return diffs
  }

  /// What each clause binds: its deontic statements' modality, addressee roles and deadlines.
  static func obligations(
    _ before: [Statement], _ after: [Statement], aligned: [PinpointID: PinpointID]
  ) -> [ObligationChange] {
    func signatures(_ statements: [Statement]) -> [PinpointID: [[String]]] {
      var result: [PinpointID: [[String]]] = [:]
      for statement in statements where statement.modality.isDeontic || statement.modality == .exemption {
        let roles = statement.stated.map { $0.role ?? $0.text }.sorted().joined(separator: "+")
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
            change: .removed, oldClause: clause, newClause: aligned[clause], fields: [],
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
          change: .changed, oldClause: clause, newClause: target, fields: fields,
          summary: "\(target.citation): \(summary)"))
    }
    for (clause, statements) in new.sorted(by: { $0.key < $1.key }) where !seen.contains(clause) {
      changes.append(
        ObligationChange(
          change: .new, oldClause: nil, newClause: clause, fields: [],
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
        changes.append(PolicyChange(change: .new, control: control, clauses: policy.clauses.map(\.id)))
      case (let policy?, nil):
        changes.append(PolicyChange(change: .removed, control: control, clauses: policy.clauses.map(\.id)))
      case (let a?, let b?):
        // A clause is stale when it is in one version only, or its text hash differs.
        let before = Dictionary(a.clauses.map { ($0.id, $0.sha256) }, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(b.clauses.map { ($0.id, $0.sha256) }, uniquingKeysWith: { first, _ in first })
        let stale = Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }
        if !stale.isEmpty { changes.append(PolicyChange(change: .stale, control: control, clauses: stale.sorted())) }
      default: break
      }
    }
    return changes
  }
}
