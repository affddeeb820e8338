import RegPolicyModel

/// What the gap report knows of an instrument (`rules/report/`): which provisions concern systems
/// of one risk class, and its fines as a declarative table: each tier the ceiling the law
/// sets — a fixed amount or a share of the worldwide annual turnover, whichever is higher (for
/// SMEs, lower) — citing and pinned to the clause that sets it, like any rule. The gap report
/// computes the ceiling of each tier a violated control falls in; it is never a prediction.
public struct ReportTable: Hashable, Sendable {
  /// One tier of fines.
  public struct Tier: Hashable, Sendable {
    public var id: String
    public var title: String
    /// The clause that sets the tier ("art_99.par_3").
    public var cites: [PinpointID]
    public var amount: ExactDecimal
    public var currency: String
    /// Percent of the worldwide annual turnover of the preceding financial year.
    public var percent: ExactDecimal
    /// Whether the SME rule (`sme.cites`) applies to the tier: Article 99(6) speaks of "each fine
    /// referred to in this Article", so not of Article 101's.
    public var smeRule: Bool
    /// The provisions the tier fines the breach of: a violated control falls in it when a clause it
    /// cites is one of these or lies under one.
    public var provisions: [PinpointID]
  }

  public var file: String
  public var instrument: String
  public var tiers: [Tier]
  /// Provisions that concern only systems of one risk class (`cpt_III` → high-risk).
  public var riskClasses: [PinpointID: String]
  /// Provisions whose duties bind a role their words do not name (`cpt_III.sct_2` → provider:
  /// Article 16(a) makes providers ensure Section 2's requirements).
  public var addressees: [PinpointID: String]
  /// The clause that makes SMEs' ceiling the lower of amount and share ("art_99.par_6").
  public var smeCites: [PinpointID]
  /// The sha256 of each cited clause's text as a person reviewed the table against it.
  public var reviewed: [PinpointID: [String]]

  /// The risk class a provision concerns: that of the deepest listed provision among its
  /// ancestors (`path` from the outermost, e.g. chapter, section, article); nil: every class.
  public func riskClass(along path: [PinpointID]) -> String? {
    path.reversed().lazy.compactMap { riskClasses[$0] }.first
  }

  /// The role bound by the duties of a provision that names none, and the provision that says so:
  /// the deepest listed provision along `path`.
  public func addressee(along path: [PinpointID]) -> (role: String, from: PinpointID)? {
    path.reversed().lazy.compactMap { id in self.addressees[id].map { ($0, id) } }.first
  }

  /// Whether a file of the rules folder is a report table: it lies in `report/`.
  public static func isTable(path: String) -> Bool { path.hasPrefix("report/") || path.contains("/report/") }

  /// Every clause the table cites, in order.
  public var cited: [PinpointID] {
    var seen: Set<PinpointID> = []
    return (tiers.flatMap(\.cites) + smeCites).filter { seen.insert($0).inserted }
  }

  /// The tier a control citing these clauses falls in, if any (the first listed wins).
  public func tier(citing clauses: some Collection<PinpointID>) -> Tier? {
    tiers.first { tier in
      clauses.contains { clause in
        tier.provisions.contains { $0 == clause || clause.rawValue.hasPrefix($0.rawValue + ".") }
      }
    }
  }

  /// The ceiling of a tier for an organisation: the higher of amount and share of turnover (the
  /// lower for an SME). Nil only if the product does not fit.
  public static func ceiling(_ tier: Tier, turnover: ExactDecimal, sme: Bool) -> ExactDecimal? {
    let sme = sme && tier.smeRule
    guard let share = turnover.multiplied(by: tier.percent)?.multiplied(by: ExactDecimal(significand: 1, scale: 2))
    else { return nil }
    return sme ? min(share, tier.amount) : max(share, tier.amount)
  }
}

extension ReportTable {
  /// Reads a report table file on its own (`rules review`).
  public static func read(_ text: String, file: String) throws(Diagnostic) -> ReportTable {
    try RuleReader(file: file, roles: []).readReportTable(text)
  }
}

extension RuleReader {
  /// Reads a report table, naming the line of every problem.
  func readReportTable(_ text: String) throws(Diagnostic) -> ReportTable {
    let root = try YAMLValue.parse(text, file: file, codes: .rule)
    try root.keys(
      "a report table", allowed: ["instrument", "risk-classes", "addressees", "tiers", "sme", "reviewed"])
    var addressees: [PinpointID: String] = [:]
    for (key, value) in try root["addressees"]?.keyedEntries("addressees") ?? [] {
      let role = try value.string("a role")
      guard roles.isEmpty || roles.contains(role) else {
        throw value.failure(.ruleUnknownRole, "unknown role '\(role)'")
      }
      addressees[PinpointID(rawValue: try key.string("a provision"))] = role
    }
    var riskClasses: [PinpointID: String] = [:]
    for (key, value) in try root["risk-classes"]?.keyedEntries("risk-classes") ?? [] {
      let riskClass = try value.string("a risk class")
      guard Profile.riskClasses.contains(riskClass) else {
        throw value.failure(.ruleUnknownRiskClass, "unknown risk class '\(riskClass)'")
      }
      riskClasses[PinpointID(rawValue: try key.string("a provision"))] = riskClass
    }
    var tiers: [ReportTable.Tier] = []
    for item in try root.required("tiers", in: "the report table").items("tiers") {
      try item.keys(
        "a tier", allowed: ["id", "title", "cites", "amount", "currency", "percent", "sme-rule", "provisions"])
      func number(_ key: String) throws(Diagnostic) -> ExactDecimal {
        let value = try item.required(key, in: "the tier")
        guard let number = ExactDecimal(try value.string(key)), number >= .zero else {
          throw value.failure(.ruleInvalidValue, "\(key) must be a non-negative number")
        }
        return number
      }
      tiers.append(
        ReportTable.Tier(
          id: try item.required("id", in: "the tier").string("id"),
          title: try item.required("title", in: "the tier").string("title"),
          cites: try item.required("cites", in: "the tier").items("cites").map { value throws(Diagnostic) in
            try readClause(value)
          },
          amount: try number("amount"), currency: try item.required("currency", in: "the tier").string("currency"),
          percent: try number("percent"), smeRule: try item["sme-rule"]?.bool("sme-rule") ?? false,
          provisions: try (item["provisions"]?.items("provisions") ?? []).map { value throws(Diagnostic) in
            try readClause(value)
          }))
    }
    var smeCites: [PinpointID] = []
    if let sme = root["sme"] {
      try sme.keys("sme", allowed: ["cites"])
      smeCites = try sme.required("cites", in: "sme").items("cites").map { value throws(Diagnostic) in
        try readClause(value)
      }
    }
    return ReportTable(
      file: file, instrument: try root.required("instrument", in: "the report table").string("instrument"),
      tiers: tiers, riskClasses: riskClasses, addressees: addressees, smeCites: smeCites,
      reviewed: try root["reviewed"].map { value throws(Diagnostic) in try readReviewed(value) } ?? [:])
  }
}
