import RegPolicyIngest
import RegPolicyModel
import RegPolicyPolicies

/// How much of the law that applies to the organisation its controls cover: every clause in which
/// the extractor finds an obligation or a prohibition, sorted by whom it addresses and, for the
/// organisation's own, by what covers it. The unit is the clause (the pinpoint ID of a statement),
/// as in `trace --uncovered`.
public struct Coverage: Sendable {
  /// Whom a clause's obligations address.
  public enum Addressee: String, CaseIterable, Sendable {
    /// One of the profile's roles, in a provision concerning one of its risk classes.
    case organisation
    /// Operators in a role the organisation does not hold, or concerning a risk class it has no
    /// system of: not applicable.
    case otherOperators = "other-operators"
    /// Member States, the Commission, notified bodies and other authorities: never a gap.
    case others
    /// The extractor found no addressee (a passive duty with no agent): shown, not counted as a gap.
    case undetermined
  }

  /// What covers a clause that applies to the organisation.
  public enum Status: String, CaseIterable, Sendable {
    /// A control checks the workloads' configuration (a value, a number, a pattern, a budget).
    case automated
    /// A control only checks that an annotation points to a document: the attestation is checked,
    /// not what it attests.
    case attestation
    /// A control covers it, but a clause the control rests on changed since it was reviewed.
    case needsReview = "needs-review"
    case uncovered
  }

  /// One clause with an obligation or prohibition.
  public struct Clause: Sendable {
    public var id: PinpointID
    /// The enclosing article or annex, and the chapter (nil outside one).
    public var article: PinpointID
    public var chapter: PinpointID?
    public var addressee: Addressee
    /// For the organisation's clauses; nil for the others.
    public var status: Status?
    /// The roles its obligations bind ("provider", "member-state").
    public var roles: [String]
    /// Where the roles came from when the words name none: the provision the report table
    /// attributes the duties of (`cpt_III.sct_2`); nil when they are stated.
    public var inheritedFrom: PinpointID?
    /// The controls covering it.
    public var controls: [String]
    /// An uncovered clause's words (for a point: with its chapeau), as the report quotes them;
    /// empty for the others.
    public var text: String
    public var link: String
  }

  /// A heading under which clauses are counted: an article, annex or chapter.
  public struct Group: Sendable {
    public var id: PinpointID
    public var heading: String
    /// Clauses of the organisation by status.
    public var statuses: [Status: Int]
    /// Clauses by addressee.
    public var addressees: [Addressee: Int]

    /// The names of `columns`, in order; the JSON keys.
    public static let columnNames =
      ["applicable"] + Status.allCases.map(\.rawValue)
      + [Addressee.otherOperators, .others, .undetermined].map(\.rawValue)

    /// The counts as every report shows them: the organisation's clauses, by status, then the
    /// clauses counted apart.
    public var columns: [Int] {
      [addressees[.organisation] ?? 0] + Status.allCases.map { statuses[$0] ?? 0 }
        + [Addressee.otherOperators, .others, .undetermined].map { addressees[$0] ?? 0 }
    }
  }

  public var instrument: String
  public var clauses: [Clause]
  /// Articles and annexes in document order, and chapters.
  public var articles: [Group]
  public var chapters: [Group]

  /// Operator roles the lexicon knows besides the profile's four; all others are authorities.
  static let operatorRoles: Set<String> = [
    "provider", "deployer", "importer", "distributor", "authorised-representative", "representative", "operator",
    "product-manufacturer", "gpai-provider", "gpai-systemic-provider", "downstream-provider",
  ]

  /// The coverage of a source's obligations by an organisation's policies.
  public static func of(
    _ source: Source, policies: [Policy], profile: Profile, table: ReportTable?
  ) -> Coverage {
    let document = source.document
    let celex = document.instrument.celex ?? document.instrument.id
    // The chapter and the path of enclosing divisions of every article and annex.
    var enclosing: [PinpointID: [PinpointID]] = [:]
    var headings: [PinpointID: String] = [:]
    func walk(_ provision: Provision, _ path: [PinpointID]) {
      headings[provision.id] = provision.heading ?? ""
      switch provision.kind {
      case .article, .annex:
        enclosing[provision.id] = path + [provision.id]
      case .chapter, .section, .subsection, .part, .title:
        for child in provision.children { walk(child, path + [provision.id]) }
      default:
        for child in provision.children { walk(child, path) }
      }
    }
    for provision in document.provisions { walk(provision, []) }

    var provisions: [PinpointID: Provision] = [:]
    for provision in document.allProvisions where provisions[provision.id] == nil {
      provisions[provision.id] = provision
    }
    let ours = ourRoles(profile)
    let coverers = Coverers(policies: policies, instrument: document.instrument.celex, provisions: provisions)
    var order: [PinpointID] = []
    var byClause: [PinpointID: (roles: Set<String>, undetermined: Bool)] = [:]
    // The enacting terms and annexes bind; recitals explain them.
    for statement in source.statements
    where (statement.modality == .obligation || statement.modality == .prohibition)
      && provisions[statement.clause.topLevel]?.kind != .recital
    {
      if byClause[statement.clause] == nil { order.append(statement.clause) }
      var entry = byClause[statement.clause] ?? ([], false)
      // The roles the words name; the report table supplies the ones a division inherits.
      let roles = statement.stated.compactMap(\.role)
      if roles.isEmpty { entry.undetermined = true }
      entry.roles.formUnion(roles)
      byClause[statement.clause] = entry
    }
    var clauses: [Clause] = []
    for id in order {
      guard var entry = byClause[id] else { continue }
      let article = id.topLevel
      // Chapter, section, article, then the clause's own ancestors down to itself.
      var below: [PinpointID] = []
      var step: PinpointID? = id
      while let current = step, current != article {
        below.insert(current, at: 0)
        step = current.parent
      }
      let path = (enclosing[article] ?? [article]) + below
      let riskClass = table?.riskClass(along: path)
      let applies = riskClass.map { profile.riskClasses.contains($0) } ?? true
      var inheritedFrom: PinpointID?
      if entry.roles.isEmpty, let inherited = table?.addressee(along: path) {
        entry.roles = [inherited.role]
        inheritedFrom = inherited.from
      }
      let covering = coverers.covering(id)
      let addressee: Addressee
      if applies && !entry.roles.isDisjoint(with: ours) {
        addressee = .organisation
      } else if !entry.roles.isDisjoint(with: operatorRoles) {
        addressee = .otherOperators
      } else if entry.roles.isEmpty {
        addressee = .undetermined
      } else {
        addressee = .others
      }
      var status: Status?
      if addressee == .organisation {
        status =
          covering.isEmpty
          ? .uncovered
          : covering.contains { $0.needsReview }
            ? .needsReview
            : covering.contains { !$0.attestation } ? .automated : .attestation
      }
      let provision = provisions[id]
      clauses.append(
        Clause(
          id: id, article: article, chapter: path.first { $0.rawValue.hasPrefix("cpt_") }, addressee: addressee,
          status: status, roles: entry.roles.sorted(), inheritedFrom: inheritedFrom,
          controls: Array(Set(covering.map(\.control))).sorted(),
          text: status == .uncovered && provision != nil ? Mapper.quote(id, in: document) : "",
          link: id.eurLexLink(celex: celex, language: document.instrument.language)))
    }
    func groups(_ key: (Clause) -> PinpointID?) -> [Group] {
      var groups: [Group] = []
      var index: [PinpointID: Int] = [:]
      for clause in clauses {
        guard let id = key(clause) else { continue }
        let at = index[id] ?? groups.count
        if at == groups.count {
          index[id] = at
          groups.append(Group(id: id, heading: headings[id] ?? "", statuses: [:], addressees: [:]))
        }
        groups[at].addressees[clause.addressee, default: 0] += 1
        if let status = clause.status { groups[at].statuses[status, default: 0] += 1 }
      }
      return groups
    }
    return Coverage(
      instrument: celex, clauses: clauses, articles: groups { $0.article }, chapters: groups { $0.chapter })
  }

  /// The lexicon roles that address the organisation: its profile roles, any operator, and the
  /// general-purpose model providers when it provides such models.
  static func ourRoles(_ profile: Profile) -> Set<String> {
    var roles = Set(profile.roles)
    roles.insert("operator")
    if profile.roles.contains("provider") {
      if profile.riskClasses.contains("gpai") || profile.riskClasses.contains("gpai-systemic") {
        roles.insert("gpai-provider")
      }
      if profile.riskClasses.contains("gpai-systemic") { roles.insert("gpai-systemic-provider") }
    }
    return roles
  }

  /// Totals over all clauses.
  public var total: Group {
    var total = Group(id: PinpointID(rawValue: ""), heading: "", statuses: [:], addressees: [:])
    for clause in clauses {
      total.addressees[clause.addressee, default: 0] += 1
      if let status = clause.status { total.statuses[status, default: 0] += 1 }
    }
    return total
  }
}

/// The policies' requirements by the clauses they rest on, to tell what covers a clause.
private struct Coverers {
  /// One requirement of a control, and the clauses it rests on or its rule matched.
  struct Coverer {
    var control: String
    var clauses: Set<PinpointID>
    /// It only checks that a document is referenced.
    var attestation: Bool
    var needsReview: Bool
  }

  var coverers: [Coverer] = []

  init(policies: [Policy], instrument: String?, provisions: [PinpointID: Provision]) {
    for policy in policies where policy.instrument == instrument {
      // A clause the control rests on whose text in this source differs from the one it was made from.
      let changed = policy.clauses.contains { clause in
        guard let provision = provisions[clause.id] else { return true }
        return Ingester.sha256(Array(Mapper.clauseText(provision).utf8)) != clause.sha256
      }
      // An index written before reviews were recorded says nothing: not known to be current.
      let needsReview = policy.review != .current || changed
      func attestation(_ requirement: Policy.Requirement) -> Bool {
        requirement.template == Check.Template.present.rawValue && requirement.field == "annotations"
      }
      for requirement in policy.requirements {
        coverers.append(
          Coverer(
            control: policy.control,
            clauses: Set(requirement.basis.clauses + requirement.valueBases.values.flatMap(\.clauses)),
            attestation: attestation(requirement), needsReview: needsReview))
      }
      // The clauses the rule matched that no requirement cites one by one: covered by the whole control.
      let cited = policy.citedClauses
      coverers.append(
        Coverer(
          control: policy.control, clauses: Set(policy.clauses.map(\.id).filter { !cited.contains($0) }),
          attestation: policy.requirements.allSatisfy(attestation), needsReview: needsReview))
    }
  }

  /// The requirements covering a clause: resting on it, on a clause enclosing it, or on one under it.
  func covering(_ id: PinpointID) -> [Coverer] {
    coverers.filter { coverer in
      Trace.isImplemented(id, cited: coverer.clauses)
    }
  }
}
