import RegPolicyIngest
import RegPolicyModel
import RegPolicyPolicies

/// The cost/compliance gap report as values: coverage of the law, violations on the workloads,
/// the spend of the violating workloads, the law's ceiling on fines, and what changed since the
/// last report. `ReportRenderer` writes it as Markdown, HTML, JSON, SARIF or JUnit.
public struct Report: Sendable {
  /// The workloads of the fleet as FinOps sees them: the objects carrying one workload id.
  public struct Workload: Sendable {
    /// The FinOps workload id; nil for an object without one (it stands alone).
    public var id: String?
    /// Its objects' subjects ("deployment/ml/scorer"), in manifest order.
    public var subjects: [String]
    /// Cost centre and owner from the labels of its first object.
    public var costCenter: String?
    public var owner: String?
    /// Some object is an AI system requesting GPUs.
    public var aiGPU: Bool
    /// The controls some object of it violates.
    public var violated: Set<String>
    /// The articles (or annexes) whose clauses those violations rest on.
    public var articles: Set<PinpointID>
  }

  /// Spend joined to the workloads, in one currency.
  public struct Spend: Sendable {
    public var data: CostData
    /// Cost per workload id of the fleet (zero when no row names it).
    public var allocated: [String: ExactDecimal]
    /// Rows naming no workload of the fleet: their sum, count, and sums by the rows' own cost
    /// centre and owner tags ("(untagged)" without one).
    public var unallocated: ExactDecimal
    public var unallocatedRows: Int
    public var unallocatedByCostCenter: [String: ExactDecimal]
    public var unallocatedByOwner: [String: ExactDecimal]
    /// Cost of the workloads that violate some control, each counted once; then by control, by
    /// article of the clauses broken, and by the workloads' cost centre and owner labels
    /// ("(unlabelled)" without one). A workload violating two controls counts under both.
    public var atRisk: ExactDecimal
    public var atRiskByControl: [String: ExactDecimal]
    public var atRiskByArticle: [PinpointID: ExactDecimal]
    public var atRiskByCostCenter: [String: ExactDecimal]
    public var atRiskByOwner: [String: ExactDecimal]
    /// Spend of AI systems that request GPUs.
    public var gpuAI: ExactDecimal
  }

  /// The law's ceiling for one tier of fines.
  public struct Fine: Sendable {
    public var tier: ReportTable.Tier
    /// The clause's citation ("Article 99(3)") and words.
    public var citation: String
    public var text: String
    public var link: String
    /// The controls that fall in the tier, and those of them violated.
    public var controls: [String]
    public var violated: [String]
    /// The ceiling for this organisation; nil when the turnover is unknown or not in the tier's
    /// currency (then only the fixed amount is shown).
    public var ceiling: ExactDecimal?
    /// The profile's turnover is in another currency than the law's amounts.
    public var currencyMismatch: Bool
    /// The tier's clause no longer reads as the table was reviewed against.
    public var needsReview: Bool
  }

  /// What changed since a previous report.
  public struct Trend: Sendable {
    /// Clauses uncovered now and not before, and the reverse (pinpoint IDs).
    public var newGaps: [String]
    public var closedGaps: [String]
    /// Violations as "CONTROL kind/namespace/name", new and fixed.
    public var newViolations: [String]
    public var fixedViolations: [String]
    /// Spend at risk then and now (nil when a report had no cost data), in `currency`.
    public var previousAtRisk: ExactDecimal?
    public var currentAtRisk: ExactDecimal?
    public var currency: String?
  }

  public var organisation: String
  /// "regpolicy 0.4.0", named in every report.
  public var generator: String
  public var profile: Profile
  /// The tree's policies, in index order.
  public var policies: [Policy]
  /// Each control's links to the other frameworks (NIST AI RMF, ISO/IEC 42001, SP 800-53), as
  /// `regpolicy crosswalk CONTROL` reads them; a control without links has none here.
  public var crosswalk: [String: [Crosswalk.Reading]]
  /// Nil without `--source`.
  public var coverage: Coverage?
  /// Whether manifests were given, the objects they held, and what broke.
  public var manifestsGiven: Bool
  public var manifests: [Manifest]
  public var violations: [CheckRun.Violation]
  public var workloads: [Workload]
  public var spend: Spend?
  public var fines: [Fine]
  /// Violated controls in no tier of the table (Member States' own penalties, Article 99(1)).
  public var violatedOutsideTiers: [String]
  public var trend: Trend?

  /// How many objects were checked.
  public var objects: Int { manifests.count }

  /// The violations of each control.
  public var violationsByControl: [String: [CheckRun.Violation]] {
    Dictionary(grouping: violations) { $0.policy.control }
  }

  /// The controls violated, in index order.
  public var violatedControls: [Policy] {
    let violated = Set(violations.map(\.policy.control))
    return policies.filter { violated.contains($0.control) }
  }

  /// Groups objects into workloads by the FinOps workload-id label.
  static func workloads(_ manifests: [Manifest], violations: [CheckRun.Violation], profile: Profile) -> [Workload] {
    let labels = Labels(profile)
    let byObject = Dictionary(grouping: violations, by: \.object)
    var workloads: [Workload] = []
    var index: [String: Int] = [:]
    for manifest in manifests where Scope.workloadKinds.contains(manifest.kind) {
      let id = labels.workload(manifest)
      let broken = byObject[CheckRun.ObjectKey(file: manifest.file, subject: manifest.subject)] ?? []
      let aiGPU = labels.isAISystem(manifest) && manifest.gpus(profile.gpuResource) > 0
      let articles = Set(broken.flatMap { $0.basis.clauses.map(\.topLevel) })
      if let id, let at = index[id] {
        workloads[at].subjects.append(manifest.subject)
        workloads[at].aiGPU = workloads[at].aiGPU || aiGPU
        workloads[at].violated.formUnion(broken.map(\.policy.control))
        workloads[at].articles.formUnion(articles)
        continue
      }
      if let id { index[id] = workloads.count }
      workloads.append(
        Workload(
          id: id, subjects: [manifest.subject], costCenter: labels.costCenter(manifest), owner: labels.owner(manifest),
          aiGPU: aiGPU,
          violated: Set(broken.map(\.policy.control)), articles: articles))
    }
    return workloads
  }

  /// Joins the cost rows to the workloads; nil only when a sum does not fit 38 digits.
  static func spend(_ data: CostData, workloads: [Workload]) -> Spend? {
    var allocated: [String: ExactDecimal] = [:]
    for workload in workloads { if let id = workload.id { allocated[id] = .zero } }
    var spend = Spend(
      data: data, allocated: [:], unallocated: .zero, unallocatedRows: 0, unallocatedByCostCenter: [:],
      unallocatedByOwner: [:], atRisk: .zero, atRiskByControl: [:], atRiskByArticle: [:], atRiskByCostCenter: [:],
      atRiskByOwner: [:], gpuAI: .zero)
    func add<Key: Hashable>(_ amount: ExactDecimal, to key: Key, in sums: inout [Key: ExactDecimal]) -> Bool {
      guard let sum = (sums[key] ?? .zero).adding(amount) else { return false }
      sums[key] = sum
      return true
    }
    for row in data.rows {
      if let id = row.workload, allocated[id] != nil {
        guard add(row.amount, to: id, in: &allocated) else { return nil }
      } else {
        guard let sum = spend.unallocated.adding(row.amount),
          add(row.amount, to: row.costCenter ?? "(untagged)", in: &spend.unallocatedByCostCenter),
          add(row.amount, to: row.owner ?? "(untagged)", in: &spend.unallocatedByOwner)
        else { return nil }
        spend.unallocated = sum
        spend.unallocatedRows += 1
      }
    }
    spend.allocated = allocated
    for workload in workloads {
      guard let id = workload.id, let amount = allocated[id] else { continue }
      if workload.aiGPU {
        guard let sum = spend.gpuAI.adding(amount) else { return nil }
        spend.gpuAI = sum
      }
      guard !workload.violated.isEmpty else { continue }
      guard let sum = spend.atRisk.adding(amount),
        add(amount, to: workload.costCenter ?? "(unlabelled)", in: &spend.atRiskByCostCenter),
        add(amount, to: workload.owner ?? "(unlabelled)", in: &spend.atRiskByOwner)
      else { return nil }
      spend.atRisk = sum
      for control in workload.violated {
        guard add(amount, to: control, in: &spend.atRiskByControl) else { return nil }
      }
      for article in workload.articles {
        guard add(amount, to: article, in: &spend.atRiskByArticle) else { return nil }
      }
    }
    return spend
  }

  /// The ceilings of the table's tiers for the organisation, and the violated controls in none.
  static func fines(
    _ table: ReportTable, policies: [Policy], violated: Set<String>, exposure: Profile.Exposure, source: Source?
  ) -> (fines: [Fine], outside: [String]) {
    var inTier: Set<String> = []
    var fines: [Fine] = []
    for tier in table.tiers {
      let controls = policies.filter { policy in
        policy.instrument == table.instrument && table.tier(citing: policy.citedClauses)?.id == tier.id
      }.map(\.control)
      inTier.formUnion(controls)
      let clause = tier.cites.first ?? PinpointID(rawValue: "")
      var text = ""
      var needsReview = false
      if let document = source?.document, document.instrument.celex == table.instrument {
        text = document.provision(clause).map { _ in Mapper.quote(clause, in: document) } ?? ""
        needsReview = tier.cites.contains { id in
          guard let provision = document.provision(id) else { return true }
          let hash = Ingester.sha256(Array(Mapper.clauseText(provision).utf8))
          return !(table.reviewed[id] ?? []).contains(hash)
        }
      }
      // A turnover in another currency is not compared with the law's amounts: no rate is assumed.
      let mismatch = exposure.turnover != nil && exposure.currency != tier.currency
      fines.append(
        Fine(
          tier: tier, citation: tier.cites.map(\.citation).joined(separator: ", "), text: text,
          link: clause.eurLexLink(celex: table.instrument, language: source?.document.instrument.language ?? "EN"),
          controls: controls, violated: controls.filter(violated.contains),
          ceiling: mismatch
            ? nil : exposure.turnover.flatMap { ReportTable.ceiling(tier, turnover: $0, sme: exposure.sme) },
          currencyMismatch: mismatch, needsReview: needsReview))
    }
    let outside = policies.filter { violated.contains($0.control) && $0.instrument == table.instrument }
      .map(\.control).filter { !inTier.contains($0) }
    return (fines, outside)
  }
}
