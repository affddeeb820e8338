import RegPolicyModel

/// The engine-neutral meaning of one policy statement (docs/ARCHITECTURE.md "Check"): on every
/// workload in scope, one property must satisfy one requirement. One check renders to every backend
/// through its template and is evaluated natively by `Evaluator`; the two must agree.
public struct Check: Hashable, Sendable {
  /// The kinds of requirement; each has a template fragment per engine, named by the raw value.
  public enum Template: String, CaseIterable, Hashable, Sendable {
    /// Present with a non-blank value.
    case present
    /// Present, with one of `values`.
    case oneOf = "one-of"
    /// Present, a whole number, at least `minimum`.
    case atLeast = "at-least"
    /// If present, none of its comma-separated items is in `values`.
    case noneOf = "none-of"
    /// Present, and the regular expression `pattern` matches somewhere in it.
    case matches
    /// GPUs requested by the containers within the budget of the class the property names.
    case gpuBudget = "gpu-budget"
  }

  public var template: Template
  public var property: Property
  public var values: [String]
  public var minimum: Int
  public var pattern: String
  /// A value that satisfies the check, for generated tests (required for `matches`).
  public var example: String?
  /// The clauses this check enforces (`art_19.par_1`), which its messages cite and quote; empty for
  /// a guardrail, which comes from the profile rather than a clause.
  public var cites: [PinpointID]
  /// What those clauses require, completing "Article 19(1) AI Act requires that …" (nil: the
  /// rule's `requires`).
  public var requires: String?
  /// For `none-of`: the clause of each value that has its own (Article 5(1)'s points, one per
  /// prohibited practice), cited instead of `cites` when that value is found.
  public var valueCites: [String: PinpointID]

  /// Creates a check.
  public init(
    template: Template, property: Property, values: [String] = [], minimum: Int = 0, pattern: String = "",
    example: String? = nil, cites: [PinpointID] = [], requires: String? = nil, valueCites: [String: PinpointID] = [:]
  ) {
    self.template = template
    self.property = property
    self.values = values
    self.minimum = minimum
    self.pattern = pattern
    self.example = example
    self.cites = cites
    self.requires = requires
    self.valueCites = valueCites
  }
}

/// Which workloads a control applies to.
public struct Scope: Hashable, Sendable {
  /// The workload kinds every policy looks at.
  public static let workloadKinds = ["CronJob", "DaemonSet", "Deployment", "Job", "Pod", "ReplicaSet", "StatefulSet"]

  /// Only workloads labelled as AI systems (false: every workload, for FinOps guardrails).
  public var aiSystem: Bool = true
  /// Only systems whose risk-class label is one of these (empty: any).
  public var riskClasses: [String] = []
  /// Only systems whose role label (or the profile's default role) is one of these (empty: any).
  public var roles: [String] = []
  /// When set: only systems that declare an Annex III area, other than these.
  public var annexIIIExcept: [String]?

  /// Creates a scope.
  public init(aiSystem: Bool = true, riskClasses: [String] = [], roles: [String] = [], annexIIIExcept: [String]? = nil)
  {
    self.aiSystem = aiSystem
    self.riskClasses = riskClasses
    self.roles = roles
    self.annexIIIExcept = annexIIIExcept
  }
}
