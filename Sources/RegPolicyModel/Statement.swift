/// What a statement of a legal text does: the deontic modalities, and the non-obligations that
/// contain "shall" but bind nobody. Raw values are the public names used in JSON.
public enum Modality: String, CaseIterable, Hashable, Sendable {
  case obligation, prohibition, permission, exemption
  /// "should", "is encouraged to": what recitals, frameworks and guidance advise.
  case recommendation
  /// "shall have the right to obtain from the deployer …": what a party may claim from another.
  case right
  case definition, scope
  case entryIntoForce = "entry-into-force"
  case empowerment, amendment
  /// Any other statement that makes something be or says what is: a body set up, a calculation
  /// rule, a fact, a description (docs/labelling.md).
  case constitution

  /// Obligation, prohibition or permission: a statement that binds or entitles someone.
  public var isDeontic: Bool { self == .obligation || self == .prohibition || self == .permission }

  /// Regulatory in the Institutional Grammar's sense (docs/labelling.md): it says what an actor
  /// must, must not, may, need not or should do — whether or not the text names the actor.
  /// Definitions, scope, entry into force, empowerments, amendments and constitution are constitutive.
  public var isRegulatory: Bool { isDeontic || self == .exemption || self == .recommendation || self == .right }
}

/// One statement of a legal text, classified: a sentence, or a chapeau with one of its points.
///
/// Every byte span is a range of `text` (UTF-8 bytes).
public struct Statement: Hashable, Sendable {
  /// The party a statement addresses.
  public struct Addressee: Hashable, Sendable {
    /// How the addressee was found.
    public enum Source: String, Hashable, Sendable {
      /// The subject of the sentence.
      case subject
      /// The subject of the chapeau that introduces the point.
      case chapeau
      /// The agent of a passive verb ("… shall be notified by the provider").
      case agent
      /// A pronoun ("they shall") referring back to a party named before.
      case antecedent
      /// Another provision makes the duty this party's (AI Act Article 16(a) for Articles 8–15):
      /// `via` names it.
      case inherited
      /// The provision around the statement names the party: the article's heading, the statement
      /// before, or the one a catalogue or framework speaks to throughout (NIST's organisation).
      case context
      /// The party a right is claimed from ("the right to obtain from the deployer").
      case counterparty
      /// The party a rule is disapplied to ("Paragraph 1 shall not apply to micro enterprises").
      case exempted
    }

    /// The lexicon role ("provider"), or nil for a party outside the lexicon.
    public var role: String?
    /// The words as written ("Providers of high-risk AI systems", "financial institutions").
    public var text: String
    public var source: Source
    /// Where the words are in the statement's text; empty for an inherited or context addressee.
    public var span: Range<Int>
    /// The provision the party was found in, for an inherited or context addressee.
    public var via: PinpointID?

    /// Creates an addressee.
    public init(role: String?, text: String, source: Source, span: Range<Int>, via: PinpointID? = nil) {
      self.role = role
      self.text = text
      self.source = source
      self.span = span
      self.via = via
    }

    /// Named in the statement's own words (subject, chapeau, agent or pronoun), not found around it.
    public var isStated: Bool { source != .inherited && source != .context }
  }

  /// A condition, exception or deadline: its kind, its marker and its words.
  public struct Qualifier: Hashable, Sendable {
    /// For deadlines: relative, absolute or periodic; otherwise the marker ("where", "unless").
    public var kind: String
    public var text: String
    public var span: Range<Int>

    /// Creates a qualifier.
    public init(kind: String, text: String, span: Range<Int>) {
      self.kind = kind
      self.text = text
      self.span = span
    }
  }

  /// A cross-reference and what it resolves to.
  public struct Reference: Hashable, Sendable {
    /// The words as written ("points (a) to (c) of paragraph 1").
    public var text: String
    public var span: Range<Int>
    /// The CELEX number of another act ("32016R0679"); nil for this document.
    public var instrument: String?
    /// Pinpoint IDs the reference names (expanded ranges), inside `instrument` or this document.
    public var targets: [PinpointID]
    /// Why the reference could not be resolved; nil when it was.
    public var unresolved: String?

    /// Creates a reference.
    public init(
      text: String, span: Range<Int>, instrument: String? = nil, targets: [PinpointID] = [],
      unresolved: String? = nil
    ) {
      self.text = text
      self.span = span
      self.instrument = instrument
      self.targets = targets
      self.unresolved = unresolved
    }
  }

  /// A lexicon entry or pattern that fired, and where.
  public struct Evidence: Hashable, Sendable {
    /// What fired: "modal:prohibition", "role:provider", "pattern:passive", …
    public var rule: String
    /// The trigger words.
    public var span: Range<Int>

    /// Creates evidence.
    public init(rule: String, span: Range<Int>) {
      self.rule = rule
      self.span = span
    }
  }

  /// The pinpoint ID of the clause (for a chapeau with points: the point).
  public var clause: PinpointID
  /// The statement's sentence within the clause, counted from 1.
  public var sentence: Int
  public var modality: Modality
  public var addressees: [Addressee]
  /// For a right: the party it is claimed from, when the words name it ("to obtain from the
  /// deployer"). The sentence then also holds that party's obligation, a statement of its own.
  public var counterparty: Addressee?
  /// The main verb after the modal ("ensure", "keep", "notified").
  public var action: String?
  /// What the action applies to: the rest of the main clause (for a passive verb: its subject).
  public var object: String?
  public var conditions: [Qualifier]
  public var exceptions: [Qualifier]
  public var deadlines: [Qualifier]
  public var references: [Reference]
  /// 0–1: how sure the classifier is of the modality and addressee.
  public var confidence: Double
  public var evidence: [Evidence]
  /// The text classified: the sentence, or the chapeau followed by the point.
  public var text: String

  /// Creates a statement.
  public init(
    clause: PinpointID, sentence: Int = 1, modality: Modality, addressees: [Addressee] = [],
    counterparty: Addressee? = nil, action: String? = nil, object: String? = nil, conditions: [Qualifier] = [],
    exceptions: [Qualifier] = [],
    deadlines: [Qualifier] = [], references: [Reference] = [], confidence: Double = 1, evidence: [Evidence] = [],
    text: String
  ) {
    self.clause = clause
    self.sentence = sentence
    self.modality = modality
    self.addressees = addressees
    self.counterparty = counterparty
    self.action = action
    self.object = object
    self.conditions = conditions
    self.exceptions = exceptions
    self.deadlines = deadlines
    self.references = references
    self.confidence = confidence
    self.evidence = evidence
    self.text = text
  }

  /// A deontic statement with no addressee in its words (passive without agent, "it shall be
  /// ensured"): reported as such, never given an invented one.
  public var isUnaddressed: Bool { modality.isDeontic && stated.isEmpty }

  /// The addressees the statement's own words name.
  public var stated: [Addressee] { addressees.filter(\.isStated) }
}
