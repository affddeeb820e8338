import RegPolicyModel

/// A control made concrete for one organisation: the rule's checks with the profile's keys, the
/// clauses it implements with their hashes, and the words of its messages. Rendered to every
/// engine, written to the index, and evaluated natively by `check` (the index is its contract).
public struct Policy: Codable, Hashable, Sendable {
  /// Whether a person has matched the policy to the words of the clauses it rests on.
  public enum Review: String, Codable, Hashable, Sendable {
    /// Every clause the checks cite reads as it did when the rule was reviewed.
    case current
    /// A cited clause changed since the rule was reviewed, was never reviewed, or is gone.
    case needsReview = "needs-review"
  }

  /// A clause the policy implements.
  public struct Clause: Codable, Hashable, Sendable {
    public var id: PinpointID
    public var citation: String
    /// sha256 of the clause's normalised text (README "Provenance").
    public var sha256: String
    /// For a clause the checks cite: the sha256 of the text the rule was reviewed against (the
    /// current one when it is among the reviewed), nil when the rule records no review of it.
    public var reviewedSHA256: String?
    public var link: String
    public var text: String

    /// Why a cited clause does not read as reviewed.
    public enum ReviewGap: String, Sendable {
      /// The source no longer has it.
      case gone
      /// The rule records no review of it.
      case neverReviewed = "never reviewed"
      /// Its text differs from every reviewed one.
      case changed
    }

    /// Nil when the clause reads as reviewed.
    public var reviewGap: ReviewGap? {
      reviewedSHA256 == sha256 ? nil : text.isEmpty ? .gone : reviewedSHA256 == nil ? .neverReviewed : .changed
    }
  }

  /// What a requirement (or one value of it) rests on, and what its messages say: the clauses it
  /// enforces, their citation, the words quoted when it is broken, the EUR-Lex link, and the head of
  /// every message ("denied — Article 19(1) and Article 26(6) AI Act require that …"). A guardrail's
  /// cites no clause.
  public struct LegalBasis: Codable, Hashable, Sendable {
    public var clauses: [PinpointID]
    /// "Article 19(1) and Article 26(6)"; "FinOps guardrail '…'" for a guardrail.
    public var citation: String
    /// The first clause's words, with the chapeau of a point ("The following AI practices shall be
    /// prohibited: … (c) …").
    public var quote: String
    public var link: String
    /// Every message of the requirement after the object: "denied — … requires that …".
    public var head: String

    /// Creates a basis.
    public init(clauses: [PinpointID], citation: String, quote: String, link: String, head: String) {
      self.clauses = clauses
      self.citation = citation
      self.quote = quote
      self.link = link
      self.head = head
    }
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
    /// Namespaces no policy looks at (the profile's `excluded-namespaces`, always `kube-system`);
    /// nil in an index an earlier regpolicy wrote.
    public var excludedNamespaces: [String]?

    /// The namespaces left alone: `excludedNamespaces`, or `kube-system` for an older index.
    public var namespacesExcluded: [String] { excludedNamespaces ?? [Profile.systemNamespace] }
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
    /// What the cited clauses require, completing "… requires that …".
    public var requires: String
    /// What the requirement cites and says.
    public var basis: LegalBasis
    /// For `none-of`: the basis of each value that has its own clause.
    public var valueBases: [String: LegalBasis]

    /// The basis of a message about `value` (its own where it has one).
    public func basis(for value: String) -> LegalBasis { valueBases[value] ?? basis }

    /// "label" or "annotation", for messages.
    public var noun: String { field == "labels" ? "label" : "annotation" }

    /// The values a reviewer checks against the clause: " one of enabled", " at least 183", ….
    public var parameters: String {
      switch Check.Template(rawValue: template) {
      case .oneOf?: " one of " + values.joined(separator: ", ")
      case .noneOf?: " none of " + values.joined(separator: ", ")
      case .atLeast?: " at least \(minimum)"
      case .matches?: " matching `\(pattern)`"
      case .gpuBudget?:
        " within " + budgets.sorted { $0.key < $1.key }.map { "\($0.key) ≤ \($0.value)" }.joined(separator: ", ")
      case .present?, nil: " present"
      }
    }
  }

  /// The clauses of another instrument the control implements too (a rule's `also:`), read from
  /// that instrument beside the policy's own. No check cites them.
  public struct Also: Codable, Hashable, Sendable {
    public var instrument: String
    public var instrumentName: String?
    public var version: String?
    public var clauses: [Clause]
  }

  /// The package-safe name: the control id in lower case with '-' and '.' as '_'… and as file name.
  public var name: String
  public var control: String
  /// The rule's primary clause, as printed ("Article 12(1)"), named in commit subjects; empty for a
  /// guardrail.
  public var citation: String
  public var rule: String
  public var ruleFile: String
  public var title: String
  public var description: String
  public var requires: String
  public var instrument: String?
  public var instrumentName: String?
  public var version: String?
  public var clauses: [Clause]
  /// Every other instrument read whose clauses the control implements; nil when there is none.
  public var also: [Also]?
  public var nistAIRMF: [String]
  public var iso42001: [String]
  public var enforcement: String
  /// Whether the cited clauses still read as reviewed; nil in an index an earlier regpolicy wrote.
  public var review: Review?
  /// The cited clauses whose text differs from the reviewed one (or was never reviewed, or is gone).
  public var unreviewed: [PinpointID] {
    let cited = citedClauses
    return clauses.filter { $0.reviewGap != nil && cited.contains($0.id) }.map(\.id)
  }
  /// The clauses of one instrument the control rests on or also implements; all of them when
  /// `instrument` is nil.
  public func clauses(of instrument: String?) -> [Clause] {
    let own = instrument == nil || self.instrument == instrument ? clauses : []
    return own + (also ?? []).filter { instrument == nil || $0.instrument == instrument }.flatMap(\.clauses)
  }
  /// Every clause a requirement cites.
  public var citedClauses: Set<PinpointID> {
    Set(requirements.flatMap { $0.basis.clauses + $0.valueBases.values.flatMap(\.clauses) })
  }
  public var target: Target
  public var requirements: [Requirement]
}
