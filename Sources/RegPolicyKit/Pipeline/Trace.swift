import Foundation
import RegPolicyGit
import RegPolicyIndex
import RegPolicyModel
import RegPolicyPolicies

/// What `trace` answers: from a control, rule, policy file, denial message, commit or clause back
/// to the exact words of the law — with the obligations extracted from them, every policy that
/// implements them, the commits that carry them, and whether they are still the law.
public struct Trace: Sendable {
  /// What the question named.
  public enum Asked: String, Sendable {
    case control, rule, file, denial, commit, clause
  }

  /// Whether a clause still reads as the policies resting on it were reviewed against.
  public enum State: String, Sendable {
    /// As reviewed.
    case current
    /// Its text differs from the one its rules were reviewed against.
    case changed = "changed-since-review"
    /// The source no longer has it.
    case gone
    /// No rule cites it, so nobody reviewed it against a policy.
    case uncited
  }

  /// One clause and all that hangs on it.
  public struct ClauseAnswer: Sendable {
    public var id: PinpointID
    public var citation: String
    /// Its words as the source (or, without one, the policy index) has them.
    public var text: String
    public var link: String
    public var state: State
    public var statements: [TraceIndex.StatementRecord]
    public var policies: [Policy]
    public var commits: [TraceIndex.CommitRecord]
  }

  public var query: String
  public var asked: Asked
  /// The instrument and version the clauses are quoted from.
  public var instrument: String
  public var version: String
  /// The controls the question named (for a control, rule, file, denial or commit).
  public var controls: [Policy]
  public var clauses: [ClauseAnswer]

  /// Answers `query` from the index; `repository` resolves a commit id.
  public static func answer(_ query: String, in index: TraceIndex, repository: String?) throws(Diagnostic) -> Trace {
    let (asked, controls, ids) = try resolve(query, in: index, repository: repository)
    var clauses: [ClauseAnswer] = []
    for id in ids where !clauses.contains(where: { $0.id == id }) {
      clauses.append(clause(id, in: index))
    }
    let first = controls.first
    return Trace(
      query: query, asked: asked, instrument: index.meta("instrument") ?? first?.instrument ?? "",
      version: index.meta("version") ?? first?.version ?? "", controls: controls, clauses: clauses)
  }

  /// What the query names: the controls and the clauses to show.
  static func resolve(_ query: String, in index: TraceIndex, repository: String?) throws(Diagnostic) -> (
    Asked, [Policy], [PinpointID]
  ) {
    let trimmed = query.trimmingCharacters(in: .whitespacesAndNewlines)
    func cited(_ policy: Policy) -> [PinpointID] { policy.clauses.map(\.id) }
    // A generated policy file: its control from the provenance it carries.
    if !trimmed.contains("\n"), trimmed.contains("/") || trimmed.hasSuffix(".rego") || trimmed.hasSuffix(".yaml"),
      let text = try? String(contentsOfFile: trimmed, encoding: .utf8)
    {
      if let control = control(inProvenance: text), let policy = index.policy(named: control) {
        return (.file, [policy], cited(policy))
      }
    }
    if let policy = index.policy(named: trimmed) {
      return (policy.control.lowercased() == trimmed.lowercased() ? .control : .rule, [policy], cited(policy))
    }
    // A denial pasted from check, OPA or Gatekeeper: the requirement whose head it carries.
    if trimmed.contains(" — ") {
      for policy in index.policies() {
        for requirement in policy.requirements {
          for basis in [requirement.basis] + requirement.valueBases.values.sorted(by: { $0.citation < $1.citation })
          where trimmed.contains(basis.head) {
            return (.denial, [policy], basis.clauses)
          }
        }
      }
    }
    // A commit regpolicy made: its Control and Clause trailers.
    if let repository, trimmed.count >= 7, trimmed.count <= 64, trimmed.allSatisfy(\.isHexDigit) {
      let git = Git(repository: repository)
      if let trailers = try? git.check(["show", "-s", "--format=%(trailers:only,unfold)", trimmed]) {
        let lines = trailers.split(separator: "\n")
        let control = lines.first { $0.hasPrefix("Control: ") }.map { String($0.dropFirst("Control: ".count)) }
        let clauses = lines.filter { $0.hasPrefix("Clause: ") }.map {
          PinpointID(rawValue: String($0.dropFirst("Clause: ".count)))
        }
        if let control, let policy = index.policy(named: control) { return (.commit, [policy], clauses) }
      }
    }
    // An ID as the index holds it, even one of no usual form ("pbl", "ftn_12").
    if index.provision(PinpointID(rawValue: trimmed)) != nil { return (.clause, [], [PinpointID(rawValue: trimmed)]) }
    if let id = PinpointID(citation: trimmed) {
      let found = index.provision(id) != nil ? id : existing(id, in: index) ?? id
      guard index.provision(found) != nil || !index.policies(implementing: found).isEmpty else {
        throw Diagnostic.error(
          .traceNotFound, file: "<query>", "\(found.citation) (\(found)) is neither in the source nor in the policies")
      }
      return (.clause, [], [found])
    }
    // A repository whose HEAD has no policies yet: the likely cause is a review branch not merged.
    let hint =
      repository != nil && index.policies().isEmpty
      ? "; the repository has no policy tree at HEAD (a review branch not merged yet? check it out, or pass --policies)"
      : ""
    throw Diagnostic.error(
      .traceNotFound, file: "<query>",
      "no control, rule, policy file, denial, commit or clause matches '\(trimmed.prefix(120))'\(hint)")
  }

  /// The clause as the act numbers it where the ID as typed is not in the index: an article whose
  /// only paragraph is unnumbered ("Article 16(1)" → `art_16`).
  private static func existing(_ id: PinpointID, in index: TraceIndex) -> PinpointID? {
    guard var steps = id.steps, steps.count >= 2, steps[1].prefix == .paragraph else { return nil }
    if steps[1].number == "1" { steps.remove(at: 1) } else { steps[1].prefix = .subparagraph }
    return PinpointID(steps: steps).flatMap { index.provision($0) != nil ? $0 : nil }
  }

  /// `control: "AIA-12"` in a Rego METADATA block, or `regpolicy.dev/control: "AIA-12"` in YAML.
  static func control(inProvenance text: String) -> String? {
    for line in text.split(separator: "\n") {
      for marker in ["regpolicy.dev/control:", "#   control:"]
      where line.hasPrefix(marker) || line.contains(" " + marker) {
        guard let start = line.range(of: marker)?.upperBound else { continue }
        return line[start...].trimmingCharacters(in: CharacterSet(charactersIn: " \""))
      }
    }
    return nil
  }

  /// Everything about one clause.
  static func clause(_ id: PinpointID, in index: TraceIndex) -> ClauseAnswer {
    let provision = index.provision(id)
    let policies = index.policies(implementing: id)
    // The hashes the policies citing this very clause were reviewed against.
    let reviewed = policies.compactMap { $0.clauses.first { $0.id == id }?.reviewedSHA256 }
    let state: State
    if provision == nil {
      state = .gone
    } else if reviewed.isEmpty {
      state = .uncited
    } else {
      state = reviewed.allSatisfy { $0 == provision?.sha256 } ? .current : .changed
    }
    let quoted = provision?.clauseText ?? policies.lazy.compactMap { $0.clauses.first { $0.id == id }?.text }.first
    return ClauseAnswer(
      id: id, citation: id.citation, text: quoted ?? "", link: provision?.link ?? "", state: state,
      statements: index.statements(under: id), policies: policies, commits: index.commits(clause: id))
  }

  /// The obligations and prohibitions addressed to these roles that no policy implements, by
  /// article (or annex), in document order.
  public static func uncovered(roles: [String], in index: TraceIndex) -> [(
    top: PinpointID, statements: [TraceIndex.StatementRecord]
  )] {
    var covered: [PinpointID: Bool] = [:]
    var groups: [(top: PinpointID, statements: [TraceIndex.StatementRecord])] = []
    for statement in index.statements()
    where (statement.modality == "obligation" || statement.modality == "prohibition")
      && statement.roles.contains(where: roles.contains)
    {
      let isCovered = covered[statement.clause] ?? !index.policies(implementing: statement.clause).isEmpty
      covered[statement.clause] = isCovered
      guard !isCovered else { continue }
      let top = statement.clause.topLevel
      if groups.last?.top == top {
        groups[groups.count - 1].statements.append(statement)
      } else {
        groups.append((top, [statement]))
      }
    }
    return groups
  }
}
