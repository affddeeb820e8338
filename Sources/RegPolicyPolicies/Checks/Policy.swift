import RegPolicyModel

/// A control made concrete for one organisation: the rule's checks with the profile's keys, the
/// clauses it implements with their hashes, and the words of its messages. Rendered to every
/// engine, written to the index, and evaluated natively by `check` (the index is its contract).
public struct Policy: Codable, Hashable, Sendable {
  /// A clause the policy implements.
  public struct Clause: Codable, Hashable, Sendable {
    public var id: PinpointID
    public var citation: String
    /// sha256 of the clause's normalised text (README "Provenance").
    public var sha256: String
    public var link: String
    public var text: String
  }

  /// `Scope` with the profile's keys.
  public struct Target: Codable, Hashable, Sendable {
    public var kinds: [String]
    /// The label that must be "true" (nil: every workload).
    public var systemKey: String?
    public var riskClassKey: String
    public var riskClasses: [String]
    public var roleKey: String
    public var roles: [String]
    public var defaultRole: String
    public var annexIIIKey: String
    public var annexIIIExcept: [String]?
  }

  /// `Check` with the profile's keys.
  public struct Requirement: Codable, Hashable, Sendable {
    public var template: String
    /// "labels" or "annotations": the metadata field read.
    public var field: String
    public var key: String
    public var values: [String]
    public var minimum: Int
    public var pattern: String
    public var example: String?
    public var gpuResource: String
    public var budgets: [String: Int]

    /// "label" or "annotation", for messages.
    public var noun: String { field == "labels" ? "label" : "annotation" }
  }

  /// The package-safe name: the control id in lower case with '-' and '.' as '_'… and as file name.
  public var name: String
  public var control: String
  /// The clause messages cite, as printed ("Article 12(1)"); empty for a guardrail.
  public var citation: String
  /// That clause's own words, quoted when explaining a violation.
  public var quote: String
  public var rule: String
  public var ruleFile: String
  public var title: String
  public var description: String
  public var requires: String
  public var instrument: String?
  public var instrumentName: String?
  public var version: String?
  public var clauses: [Clause]
  public var nistAIRMF: [String]
  public var iso42001: [String]
  public var enforcement: String
  /// "denied — Article 12(1) AI Act requires that …": every message after the subject.
  public var head: String
  public var target: Target
  public var requirements: [Requirement]
}
