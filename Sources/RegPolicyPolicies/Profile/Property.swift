/// A fact a workload declares about itself in a label or an annotation. Rules name properties
/// ("logging"); the organisation profile decides the concrete keys ("ai.example.com/logging").
public struct Property: Hashable, Sendable {
  /// Where on the object's metadata the property lives.
  public enum Location: String, Hashable, Sendable {
    case label, annotation
  }

  /// Which key prefix of the profile the default key uses.
  public enum Family: Hashable, Sendable {
    case ai, finops
  }

  public var name: String
  public var location: Location
  public var family: Family
  /// What the value says, for documentation and messages.
  public var summary: String

  /// Every property rules may name. A rule naming another is an error (`rule.unknown-field`).
  public static let all: [Property] = [
    Property(name: "system", location: .label, family: .ai, summary: "\"true\" marks the workload as an AI system"),
    Property(
      name: "risk-class", location: .label, family: .ai,
      summary: "high-risk, limited-risk, minimal-risk, gpai or gpai-systemic"),
    Property(
      name: "annex-iii-area", location: .label, family: .ai,
      summary: "the Annex III area (1–8) a high-risk system falls under"),
    Property(
      name: "role", location: .label, family: .ai,
      summary: "the organisation's role for this system: provider, deployer, importer or distributor"),
    Property(
      name: "intended-use", location: .annotation, family: .ai,
      summary: "comma-separated intended uses, screened against the prohibited practices"),
    Property(
      name: "risk-management-record", location: .annotation, family: .ai,
      summary: "reference to the risk-management record"),
    Property(
      name: "data-governance-record", location: .annotation, family: .ai,
      summary: "reference to the data-governance record"),
    Property(
      name: "dataset-lineage", location: .annotation, family: .ai,
      summary: "reference to the training, validation and testing datasets' lineage"),
    Property(
      name: "technical-documentation", location: .annotation, family: .ai,
      summary: "reference to the Annex IV technical documentation"),
    Property(name: "logging", location: .annotation, family: .ai, summary: "automatic event logging: enabled"),
    Property(
      name: "log-retention-days", location: .annotation, family: .ai,
      summary: "how many days automatically generated logs are kept"),
    Property(
      name: "instructions-for-use", location: .annotation, family: .ai,
      summary: "reference to the instructions for use"),
    Property(
      name: "oversight-owner", location: .annotation, family: .ai,
      summary: "the natural person or team assigned human oversight"),
    Property(
      name: "accuracy-metrics", location: .annotation, family: .ai,
      summary: "reference to the declared accuracy metrics"),
    Property(
      name: "robustness-metrics", location: .annotation, family: .ai,
      summary: "reference to the declared robustness and cybersecurity metrics"),
    Property(
      name: "quality-management-system", location: .annotation, family: .ai,
      summary: "reference to the quality-management system"),
    Property(
      name: "operation-monitoring", location: .annotation, family: .ai,
      summary: "reference to how the deployer monitors operation"),
    Property(
      name: "fundamental-rights-impact-assessment", location: .annotation, family: .ai,
      summary: "reference to the fundamental-rights impact assessment"),
    Property(
      name: "eu-database-id", location: .annotation, family: .ai,
      summary: "the registration id in the EU database"),
    Property(
      name: "ai-interaction-disclosure", location: .annotation, family: .ai,
      summary: "how people are told they interact with an AI system"),
    Property(
      name: "synthetic-content-marking", location: .annotation, family: .ai,
      summary: "how synthetic output is marked as artificially generated"),
    Property(
      name: "gpai-documentation", location: .annotation, family: .ai,
      summary: "reference to the general-purpose model's technical documentation"),
    Property(
      name: "copyright-policy", location: .annotation, family: .ai,
      summary: "reference to the policy to comply with Union copyright law"),
    Property(
      name: "post-market-monitoring-plan", location: .annotation, family: .ai,
      summary: "reference to the post-market monitoring plan"),
    Property(
      name: "incident-contact", location: .annotation, family: .ai,
      summary: "e-mail address for serious-incident reports"),
    Property(
      name: "inventory-id", location: .annotation, family: .ai,
      summary: "the system's entry in the organisation's AI system inventory"),
    Property(
      name: "risk-owner", location: .annotation, family: .ai,
      summary: "the person or team accountable for the system's AI risks"),
    Property(
      name: "impact-assessment", location: .annotation, family: .ai,
      summary: "reference to the assessment of the system's likely impacts, beneficial and harmful"),
    Property(
      name: "third-party-risk-record", location: .annotation, family: .ai,
      summary: "reference to the record of third-party data, models and software the system uses and their risks"),
    Property(
      name: "feedback-channel", location: .annotation, family: .ai,
      summary: "where users and affected people report problems and appeal outcomes (a URL or e-mail address)"),
    Property(
      name: "incident-response-plan", location: .annotation, family: .ai,
      summary: "reference to the plan for responding to and recovering from incidents and errors"),
    Property(
      name: "decommissioning-plan", location: .annotation, family: .ai,
      summary: "reference to the plan for superseding, deactivating and decommissioning the system"),
    Property(name: "cost-center", location: .label, family: .finops, summary: "the cost centre charged"),
    Property(name: "workload-id", location: .label, family: .finops, summary: "the workload's id"),
    Property(name: "owner", location: .label, family: .finops, summary: "the accountable owner"),
    Property(
      name: "gpu-budget-class", location: .label, family: .finops,
      summary: "the GPU budget class (see the profile's gpu budgets)"),
  ]

  /// The property of that name, if rules may use it.
  public static func named(_ name: String) -> Property? { all.first { $0.name == name } }
}
