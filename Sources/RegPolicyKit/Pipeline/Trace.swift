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
    /// A policy rests on it, but its rule records no review of it.
    case unreviewed
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
    /// Its crosswalk links (and those of the provisions enclosing it or under it), read from its
    /// side; empty when the instrument is none a crosswalk names.
    public var crosswalk: [Crosswalk.Reading]
  }

  /// What a trace shows of the other frameworks: the typed crosswalks, and the AI Act clauses each
  /// control's rule rests on. Read from the rules once, when the trace index is built, and kept in
  /// it (`TraceStore`), so an answer does not parse the rules.
  public struct Links: Sendable, Codable {
    public var crosswalk: Crosswalk
    /// By control, as `RuleSet.crosswalkClauses(of:)` gives them.
    public var clauses: [String: [CrosswalkEndpoint]]

    /// The links of these rules and crosswalks.
    public init(crosswalk: Crosswalk, rules: RuleSet) {
      self.crosswalk = crosswalk
      var clauses: [String: [CrosswalkEndpoint]] = [:]
      for rule in rules.rules { clauses[rule.control] = rules.crosswalkClauses(of: rule.control) }
      self.clauses = clauses
    }

    /// Reads the rules and their crosswalks from a folder (nil: the built-in copy of `rules/`).
    public static func load(rules directory: String?) throws(Diagnostics) -> Links {
      let loaded = PolicyConfiguration.rulesAndCrosswalk(from: directory)
      guard let rules = loaded.rules, let crosswalk = loaded.crosswalk else { throw Diagnostics(loaded.errors) }
      return Links(crosswalk: crosswalk, rules: rules)
    }

    /// As the trace index keeps them.
    var json: String {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys]
      // Strings, numbers and arrays of them: encoding cannot fail.
      return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
    }

    /// The links the trace index keeps; nil in an index without them.
    public static func stored(in index: TraceIndex) -> Links? {
      index.meta("crosswalk").flatMap { try? JSONDecoder().decode(Links.self, from: Data($0.utf8)) }
    }

    /// A control's links, as `regpolicy crosswalk CONTROL` reads them.
    public func readings(forControl control: String) -> [Crosswalk.Reading] {
      crosswalk.readings(forControl: control, restingOn: clauses[control] ?? [])
    }
  }

  public var query: String
  public var asked: Asked
  /// The instrument and version the clauses are quoted from.
  public var instrument: String
  public var version: String
  /// The controls the question named (for a control, rule, file, denial or commit).
  public var controls: [Policy]
  /// Each of those controls' crosswalk links, as `regpolicy crosswalk CONTROL` reads them.
  public var crosswalk: [String: [Crosswalk.Reading]]
  public var clauses: [ClauseAnswer]

  /// Answers `query` from the index; `repository` resolves a commit id; `links` adds the
  /// crosswalk links of each control and clause.
  public static func answer(
    _ query: String, in index: TraceIndex, repository: String?, links: Links?
  ) throws(Diagnostic) -> Trace {
    let (asked, controls, ids) = try resolve(query, in: index, repository: repository)
    return answer(query, asked: asked, controls: controls, ids: ids, in: index, links: links)
  }

  /// The answer for one clause the index knows (from the source, or cited by a policy); nil for
  /// any other ID.
  public static func of(clause id: PinpointID, in index: TraceIndex, links: Links?) -> Trace? {
    guard index.provision(id) != nil || index.isCited(atOrBelow: id) else { return nil }
    return answer(id.rawValue, asked: .clause, controls: [], ids: [id], in: index, links: links)
  }

  private static func answer(
    _ query: String, asked: Asked, controls: [Policy], ids: [PinpointID], in index: TraceIndex, links: Links?
  ) -> Trace {
    var clauses: [ClauseAnswer] = []
    for id in ids where !clauses.contains(where: { $0.id == id }) {
      clauses.append(clause(id, in: index))
    }
    let first = controls.first ?? clauses.lazy.flatMap(\.policies).first ?? index.policies().first
    let instrument = index.meta("instrument") ?? first?.instrument ?? ""
    // The clauses' IDs are a crosswalk framework's only in an instrument the crosswalks name.
    if let links, let framework = CrosswalkEndpoint.Framework(instrument: instrument) {
      for at in clauses.indices {
        clauses[at].crosswalk = links.crosswalk.readings(for: CrosswalkEndpoint(framework, clauses[at].id.rawValue))
      }
    }
    var crosswalk: [String: [Crosswalk.Reading]] = [:]
    for policy in controls {
      crosswalk[policy.control] = links?.readings(forControl: policy.control)
    }
    return Trace(
      query: query, asked: asked, instrument: instrument,
      version: index.meta("version") ?? first?.version ?? "", controls: controls.map { judged($0, in: index) },
      crosswalk: crosswalk, clauses: clauses)
  }

  /// The policy with its review state judged against the words the index holds now, not only as
  /// it was generated: needs review when it was generated so, when it records no review (written
  /// by an earlier regpolicy), or when a clause it cites reads otherwise or is gone.
  public static func judged(_ policy: Policy, in index: TraceIndex) -> Policy {
    var policy = policy
    // A policy of another instrument than the index holds keeps the state it was generated with.
    if let held = held(by: index), let instrument = policy.instrument, instrument != held { return policy }
    let current = policy.citedClauses.allSatisfy { id in
      guard let provision = index.provision(id), provision.kind != "gone" else { return false }
      return policy.clauses.first { $0.id == id }?.reviewedSHA256 == provision.sha256
    }
    policy.review = policy.review == .current && current ? .current : .needsReview
    return policy
  }

  /// The instrument whose words the index holds, as rules name it; nil without a source.
  static func held(by index: TraceIndex) -> String? {
    index.meta("celex").flatMap { $0.isEmpty ? nil : $0 } ?? index.meta("instrument")
  }

  /// What the query names: the controls and the clauses to show.
  static func resolve(_ query: String, in index: TraceIndex, repository: String?) throws(Diagnostic) -> (
    Asked, [Policy], [PinpointID]
  ) {
    let trimmed = query.trimmingCharacters(in: .whitespacesAndNewlines)
    // The clauses of the instrument the index holds (a control of another shows none of its own).
    let held = held(by: index)
    func cited(_ policy: Policy) -> [PinpointID] { policy.clauses(of: held).map(\.id) }
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
      let title = index.meta("title")
      let celex = index.meta("celex") ?? index.policies().first?.instrument
      if let act = otherAct(in: trimmed, celex: celex, title: title) {
        throw Diagnostic.error(
          .traceNotFound, file: "<query>",
          "'\(trimmed.prefix(120))' names \(act), not the act the index holds (\(celex ?? title ?? "unknown"))")
      }
      let found = index.provision(id) != nil ? id : existing(id, in: index) ?? id
      guard index.provision(found) != nil || index.isCited(atOrBelow: found) else {
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

  /// The act a citation names when it is not the index's: an act number ("2016/679") other than the
  /// CELEX number's, or an acronym in capitals ("GDPR") that the title's initials do not spell (the
  /// AI Act's "artificial intelligence" spells "AI"). Nil when it names none, or this one.
  static func otherAct(in query: String, celex: String?, title: String?) -> String? {
    if let celex, celex.count >= 7 {
      // "32024R1689": sector, year, type, number; a consolidation adds "-date".
      let year = String(celex.dropFirst().prefix(4))
      let number = String(celex.dropFirst(6).prefix { $0.isNumber }.drop { $0 == "0" })
      func isYear(_ part: String) -> Bool { part == year || (part.count == 2 && year.hasSuffix(part)) }
      for pair in query.split(whereSeparator: { !$0.isNumber && $0 != "/" }) where pair.contains("/") {
        let parts = pair.split(separator: "/").map { String($0.drop { $0 == "0" }) }
        guard parts.count == 2, (isYear(parts[0]) && parts[1] == number) || (isYear(parts[1]) && parts[0] == number)
        else { return String(pair) }
      }
    }
    guard let title, !title.isEmpty else { return nil }
    let initials = String(title.split { !$0.isLetter }.compactMap { $0.first?.lowercased() }.joined())
    let families: Set<String> = ["eu", "ec", "eg", "eeg", "eec", "ce", "ue", "eea", "eer", "ewr"]
    for word in query.split(whereSeparator: { !$0.isLetter }) where (2...6).contains(word.count) {
      guard word.allSatisfy(\.isUppercase) else { continue }
      let lower = word.lowercased()
      if families.contains(lower) || lower.allSatisfy("ivxlcdm".contains) { continue }
      if initials.contains(lower) || (lower.hasSuffix("a") && initials.contains(lower.dropLast())) { continue }
      return String(word)
    }
    return nil
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
    let policies = index.policies(implementing: id).map { judged($0, in: index) }
    // The hashes the policies citing this very clause were reviewed against (nil: never).
    let reviewed = policies.filter { $0.citedClauses.contains(id) }.map {
      $0.clauses.first { $0.id == id }?.reviewedSHA256
    }
    let state: State
    if provision == nil || provision?.kind == "gone" {
      state = .gone
    } else if reviewed.isEmpty {
      state = .uncited
    } else if reviewed.contains(nil) {
      state = .unreviewed
    } else {
      state = reviewed.allSatisfy { $0 == provision?.sha256 } ? .current : .changed
    }
    let quoted = provision?.clauseText ?? policies.lazy.compactMap { $0.clauses.first { $0.id == id }?.text }.first
    return ClauseAnswer(
      id: id, citation: id.citation, text: quoted ?? "", link: provision?.link ?? "", state: state,
      statements: index.statements(under: id), policies: policies, commits: index.commits(clause: id), crosswalk: [])
  }

  /// Whether a policy implements a clause, given every clause the policies cite or match: one of
  /// them is the clause, encloses it, or lies under it (what `TraceIndex.policies(implementing:)`
  /// selects, without reading a policy).
  public static func isImplemented(_ id: PinpointID, cited: Set<PinpointID>) -> Bool {
    var current: PinpointID? = id
    while let step = current {
      if cited.contains(step) { return true }
      current = step.parent
    }
    let below = id.rawValue + "."
    return cited.contains { $0.rawValue.hasPrefix(below) }
  }

  /// The obligations and prohibitions addressed to these roles that no policy implements, by
  /// article (or annex), in document order.
  public static func uncovered(roles: [String], in index: TraceIndex) -> [(
    top: PinpointID, statements: [TraceIndex.StatementRecord]
  )] {
    let cited = index.policyClauses()
    var groups: [(top: PinpointID, statements: [TraceIndex.StatementRecord])] = []
    for statement in index.statements()
    where (statement.modality == "obligation" || statement.modality == "prohibition")
      && statement.roles.contains(where: roles.contains)
    {
      guard !isImplemented(statement.clause, cited: cited) else { continue }
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
