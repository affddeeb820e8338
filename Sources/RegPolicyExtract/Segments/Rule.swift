import RegPolicyModel

/// A provision read as one rule: a chapeau ("Providers of high-risk AI systems shall:") and the
/// limbs it introduces (its points, each possibly a rule again), joined by "and" or "or". A
/// provision without points is a rule with no limbs.
public struct Rule: Hashable, Sendable {
  /// How the limbs combine.
  public enum Joiner: String, Sendable {
    /// Every limb applies: "; and", ", and", or limbs ending in ";" alone (cumulative lists).
    case and
    /// One limb suffices: "; or", ", or".
    case or
    /// No limbs.
    case none
  }

  public var clause: PinpointID
  /// The provision's own text: the chapeau when there are limbs.
  public var text: String
  public var limbs: [Rule]
  public var joiner: Joiner

  /// Reads `provision` as a rule. Points and indents are limbs; subparagraphs are separate rules
  /// (see `rules(in:)`).
  public init(_ provision: Provision) {
    clause = provision.id
    text = provision.text
    limbs = provision.children.filter { $0.kind == .point || $0.kind == .indent }.map(Rule.init)
    joiner = limbs.isEmpty ? .none : Rule.joiner(limbs)
  }

  /// Every rule of a provision tree in document order: the provision itself and each
  /// subparagraph or paragraph below it (points are limbs, not rules of their own).
  public static func rules(in provision: Provision) -> [Rule] {
    var result: [Rule] = []
    collect(provision, into: &result)
    return result
  }

  /// `rules(in:)` into one array, the tree walked in place (no array per provision).
  private static func collect(_ provision: Provision, into result: inout [Rule]) {
    if !provision.text.isEmpty || provision.children.contains(where: { $0.kind == .point || $0.kind == .indent }) {
      result.append(Rule(provision))
    }
    for index in provision.children.indices
    where provision.children[index].kind != .point && provision.children[index].kind != .indent {
      collect(provision.children[index], into: &result)
    }
  }

  /// "or" when a limb before the last ends in "or" ("…; or", "…, or"), "and" otherwise.
  private static func joiner(_ limbs: [Rule]) -> Joiner {
    for limb in limbs.dropLast() {
      let text = limb.text
      if text == "or" || text == "of" || text.hasSuffix(" or") || text.hasSuffix(" of") || text.hasSuffix(" oder")
        || text.hasSuffix(" ou")
      {
        return .or
      }
    }
    return .and
  }
}
