import RegPolicyModel

/// The typed crosswalks of `rules/crosswalks/`: links between AI Act clauses, NIST AI RMF
/// subcategories, ISO/IEC 42001 clauses and controls, NIST SP 800-53 controls and regpolicy's own
/// controls, each with an OLIR relationship and a rationale; and the list of ISO/IEC 42001
/// identifiers that endpoint is checked against (its text is not in the corpus).
public struct Crosswalk: Hashable, Sendable, Codable {
  /// One link as a crosswalk file states it: "FROM is RELATIONSHIP TO".
  public struct Link: Hashable, Sendable, Codable {
    public var from: CrosswalkEndpoint
    public var to: CrosswalkEndpoint
    public var relationship: CrosswalkRelationship
    /// One line, from reading both texts.
    public var rationale: String
    public var file: String
    public var line: Int

    /// Creates a link.
    public init(
      from: CrosswalkEndpoint, to: CrosswalkEndpoint, relationship: CrosswalkRelationship, rationale: String,
      file: String, line: Int
    ) {
      self.from = from
      self.to = to
      self.relationship = relationship
      self.rationale = rationale
      self.file = file
      self.line = line
    }
  }

  /// A link read from one of its ends: "NEAR is RELATIONSHIP FAR", the relationship inverted when
  /// the near end is the link's `to`.
  public struct Reading: Hashable, Sendable {
    public var near: CrosswalkEndpoint
    public var relationship: CrosswalkRelationship
    public var far: CrosswalkEndpoint
    /// The far end's short title, when the crosswalk knows one (ISO/IEC 42001's list).
    public var farTitle: String?
    public var link: Link
  }

  public var links: [Link]
  /// ISO/IEC 42001 identifiers and their short titles (`iso-42001.yaml`).
  public var iso42001: [String: String]

  /// Creates a crosswalk from links already read.
  public init(links: [Link], iso42001: [String: String]) {
    self.links = links
    self.iso42001 = iso42001
  }

  /// Whether a file of the rules folder is a crosswalk file: it lies in `crosswalks/`.
  public static func isCrosswalk(path: String) -> Bool {
    path.hasPrefix("crosswalks/") || path.contains("/crosswalks/")
  }

  /// Every link with `endpoint` at either end, read from that end, in a stable order (near end,
  /// then the far end's framework and identifier). For an AI Act clause the links of the provisions
  /// that enclose it (a link on Article 5(1) concerns its points) and of those under it count too;
  /// `near` says which provision the link is on.
  public func readings(for endpoint: CrosswalkEndpoint) -> [Reading] {
    var readings: [Reading] = []
    for link in links {
      if Self.concerns(link.from, endpoint) {
        readings.append(
          Reading(
            near: link.from, relationship: link.relationship, far: link.to, farTitle: title(of: link.to), link: link))
      }
      if Self.concerns(link.to, endpoint) {
        readings.append(
          Reading(
            near: link.to, relationship: link.relationship.inverse, far: link.from, farTitle: title(of: link.from),
            link: link))
      }
    }
    return readings.sorted { a, b in
      if a.near != b.near { return a.near < b.near }
      if a.far != b.far { return a.far < b.far }
      return a.relationship.rawValue < b.relationship.rawValue
    }
  }

  /// What a rule rests on, as crosswalk endpoints: the clauses its checks cite and those it (or an
  /// `also:` entry) matches by exact ID, each in its instrument's framework; a guardrail's control.
  public static func endpoints(of rule: MappingRule) -> [CrosswalkEndpoint] {
    guard let instrument = rule.instrument, let match = rule.match else {
      return [CrosswalkEndpoint(.regpolicy, rule.control)]
    }
    var ends: [CrosswalkEndpoint] = []
    for (instrument, ids) in [(instrument, rule.cited.map(\.rawValue) + match.clauses)]
      + rule.also.map({ ($0.instrument, $0.match.clauses) })
    {
      guard let framework = CrosswalkEndpoint.Framework.of(instrument: instrument) else { continue }
      for id in ids where !id.contains("*") {
        let end = CrosswalkEndpoint(framework, id)
        if !ends.contains(end) { ends.append(end) }
      }
    }
    return ends
  }

  /// The links of a regpolicy control, as `regpolicy crosswalk CONTROL` answers: those on the
  /// control itself and on every clause its rule rests on (`RuleSet.crosswalkClauses(of:)`),
  /// each read from that end once, sorted by near end, then far end.
  public func readings(forControl control: String, rules: RuleSet) -> [Reading] {
    readings(forControl: control, restingOn: rules.crosswalkClauses(of: control))
  }

  /// The links of a regpolicy control whose rule rests on these clauses.
  public func readings(forControl control: String, restingOn clauses: [CrosswalkEndpoint]) -> [Reading] {
    Self.merged(([CrosswalkEndpoint(.regpolicy, control)] + clauses).map(readings(for:)))
  }

  /// Readings of several ends as one list: each once, sorted by near end, then far end.
  static func merged(_ lists: [[Reading]]) -> [Reading] {
    var seen: Set<Reading> = []
    return lists.joined().filter { seen.insert($0).inserted }.sorted {
      $0.near != $1.near ? $0.near < $1.near : $0.far < $1.far
    }
  }

  /// Whether a link end speaks of what was asked: the same endpoint, or for AI Act clauses one
  /// enclosing the other.
  static func concerns(_ end: CrosswalkEndpoint, _ asked: CrosswalkEndpoint) -> Bool {
    if end == asked { return true }
    guard end.framework == .aiAct, asked.framework == .aiAct else { return false }
    return end.id.hasPrefix(asked.id + ".") || asked.id.hasPrefix(end.id + ".")
  }

  /// What a query names, in any form people write it: an AI Act clause ("art_12.par_1", "Article
  /// 12(1)"), an AI RMF subcategory ("MEASURE 2.4", "sbc_measure-2-4"), an ISO/IEC 42001 identifier
  /// of the list ("A.6.2.8", "6.1.2"), an SP 800-53 control ("AU-11", "ctl_au-11"), a regpolicy
  /// control of `controls` ("FINOPS-GPU") or any of them as `FRAMEWORK:ID`. Nil when none.
  public func endpoint(forQuery query: String, controls: Set<String>) -> CrosswalkEndpoint? {
    let query = query.trimmingSpaces
    if let colon = query.firstIndex(of: ":"),
      let framework = CrosswalkEndpoint.Framework(rawValue: String(query[..<colon]))
    {
      return CrosswalkEndpoint.canonical(framework, loose: String(query[query.index(after: colon)...]))
    }
    if let iso = CrosswalkEndpoint.canonical(.iso42001, loose: query) {
      if iso42001[iso.id] != nil { return iso }
      // Shaped like an Annex A control but not one; the citation parser would make "Article 6-2" of it.
      if iso.id.hasPrefix("A.") { return nil }
    }
    if let control = CrosswalkEndpoint.canonical(.regpolicy, loose: query), controls.contains(control.id) {
      return control
    }
    for framework in [CrosswalkEndpoint.Framework.aiRMF, .sp80053, .aiAct] {
      if let endpoint = CrosswalkEndpoint.canonical(framework, loose: query) { return endpoint }
    }
    return nil
  }

  /// A short title for an endpoint when the crosswalk knows one (ISO/IEC 42001's list).
  public func title(of endpoint: CrosswalkEndpoint) -> String? {
    endpoint.framework == .iso42001 ? iso42001[endpoint.id] : nil
  }
}

extension RuleSet {
  /// The clauses of its own instrument a control's rule rests on, as crosswalk endpoints: those its
  /// checks cite and those it matches by exact ID (a pattern would drag in links that are other
  /// rules'); not those of an `also:` entry, which the control implements beside them; none for a
  /// guardrail or for an instrument no framework holds (another act's `art_12` is no AI Act clause).
  public func crosswalkClauses(of control: String) -> [CrosswalkEndpoint] {
    guard let rule = rules.first(where: { $0.control == control }),
      let own = rule.instrument.flatMap(CrosswalkEndpoint.Framework.of(instrument:))
    else { return [] }
    return Crosswalk.endpoints(of: rule).filter { $0.framework == own }
  }

  /// The controls whose rules rest on an endpoint, sorted: for a clause, the rules that cite it (for
  /// an AI Act clause also a provision enclosing it or one under it) or match it, by their own
  /// instrument or an `also:` entry; for a regpolicy control, that control if a rule produces it.
  public func controls(concerning endpoint: CrosswalkEndpoint) -> [String] {
    let clause = PinpointID(rawValue: endpoint.id)
    return Set(
      rules.filter { rule in
        // A clause the rule rests on, or one its patterns (`art_5.par_1.pt_*`) match.
        let patterns =
          ([(rule.instrument, rule.match)] + rule.also.map { ($0.instrument, $0.match) }).filter {
            $0.0 != nil && $0.0 == endpoint.framework.instrument
          }.flatMap { $0.1?.clauses ?? [] }
        return Crosswalk.endpoints(of: rule).contains { Crosswalk.concerns($0, endpoint) }
          || patterns.contains { MappingRule.clause(clause, matches: $0) }
      }.map(\.control)
    ).sorted()
  }
}
