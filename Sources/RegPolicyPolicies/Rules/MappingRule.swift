import RegPolicyModel

/// A mapping rule (README "Mapping rules"): which obligations it matches, the control it produces,
/// the crosswalks, the scope and the checks, and the examples that are its tests.
public struct MappingRule: Hashable, Sendable {
  /// Which statements of an instrument the rule implements.
  public struct Match: Hashable, Sendable {
    /// Pinpoint-ID patterns: `art_12.par_1` matches that clause and everything under it; a segment
    /// ending in `*` matches any segment starting with its prefix (`pt_*`, `*`). The first pattern names the rule's primary clause, cited in messages.
    public var clauses: [String]
    public var modalities: [Modality]
    /// Lexicon roles; `none` for statements with no addressee. Empty: any.
    public var addressees: [String]
    /// Words or phrases of which the statement must contain at least one (case-insensitive). Empty: any.
    public var terms: [String]

    /// True when the statement is one these criteria select (its instrument aside).
    public func matches(_ statement: Statement) -> Bool {
      guard clauses.contains(where: { MappingRule.clause(statement.clause, matches: $0) }) else { return false }
      if !modalities.isEmpty, !modalities.contains(statement.modality) { return false }
      if !addressees.isEmpty {
        // The parties the clause's words name ("none": it names none), not those found around it.
        let roles = statement.stated.compactMap(\.role)
        let hit =
          addressees.contains { wanted in
            wanted == "none" ? statement.stated.isEmpty : roles.contains(wanted)
          }
        if !hit { return false }
      }
      if !terms.isEmpty {
        let text = statement.text.lowercased()
        if !terms.contains(where: { text.contains($0) }) { return false }
      }
      return true
    }
  }

  /// Another instrument the same control implements (`also:` in the rule file): when that
  /// instrument is read beside the rule's own, the policy cites the clauses of it that match too.
  public struct Also: Hashable, Sendable {
    public var instrument: String
    public var match: Match
    public var line: Int
  }

  /// A clause or a statement the rule must (triggering) or must not (non-triggering) match; or, for
  /// a guardrail, a manifest it must flag or pass.
  public struct Example: Hashable, Sendable {
    public var clause: PinpointID?
    public var text: String?
    public var manifest: String?
    public var line: Int
  }

  public var id: String
  public var file: String
  public var line: Int
  public var title: String
  public var description: String
  /// What the clause requires, completing "Article 12(1) AI Act requires that …".
  public var requires: String
  /// CELEX of the instrument the rule maps; nil for a guardrail that comes from the profile alone.
  public var instrument: String?
  public var match: Match?
  /// The other instruments the control implements; their clauses never carry a check.
  public var also: [Also] = []
  public var control: String
  public var nistAIRMF: [String]
  public var iso42001: [String]
  /// The organisation must hold one of these roles for the rule to apply (empty: any).
  public var roles: [String]
  /// The organisation must have a system of one of these risk classes (empty: any).
  public var riskClasses: [String]
  public var scope: Scope
  public var checks: [Check]
  public var triggering: [Example]
  public var nonTriggering: [Example]
  /// The sha256 of each clause's text as a person reviewed the rule against it (`reviewed:` in the
  /// rule file, written by `regpolicy rules review`, never by `generate`). A clause may list several
  /// accepted texts (e.g. two languages).
  public var reviewed: [PinpointID: [String]]

  /// The clauses the rule's checks rest on: what a review must cover.
  public var cited: [PinpointID] {
    var clauses: [PinpointID] = []
    for check in checks {
      for clause in check.cites + check.valueCites.values.sorted() where !clauses.contains(clause) {
        clauses.append(clause)
      }
    }
    return clauses
  }

  /// True when the statement is one this rule implements.
  public func matches(_ statement: Statement, instrument celex: String?) -> Bool {
    guard let match, let instrument, instrument == celex else { return false }
    return match.matches(statement)
  }

  /// `art_12.par_1` matches `art_12.par_1` and `art_12.par_1.pt_a`; a segment ending in `*` matches
  /// any segment that starts with what precedes it: `art_5.par_1.pt_*` matches every point of
  /// Article 5(1), `art_5.*.pt_c` point (c) of any paragraph.
  public static func clause(_ id: PinpointID, matches pattern: String) -> Bool {
    // Segment by segment on the UTF-8 views: called for every statement and rule, so no splitting.
    var idRest = id.rawValue.utf8[...]
    var patternRest = pattern.utf8[...]
    let dot = UInt8(ascii: ".")
    while !patternRest.isEmpty {
      guard !idRest.isEmpty else { return false }
      let patternEnd = patternRest.firstIndex(of: dot) ?? patternRest.endIndex
      let idEnd = idRest.firstIndex(of: dot) ?? idRest.endIndex
      let want = patternRest[..<patternEnd]
      let segment = idRest[..<idEnd]
      if want.last == UInt8(ascii: "*") {
        // "*" or "pt_*": any segment starting with what comes before the star.
        if !segment.starts(with: want.dropLast()) { return false }
      } else if !want.elementsEqual(segment) {
        return false
      }
      patternRest =
        patternEnd == patternRest.endIndex
        ? patternRest[patternEnd...] : patternRest[patternRest.index(after: patternEnd)...]
      idRest = idEnd == idRest.endIndex ? idRest[idEnd...] : idRest[idRest.index(after: idEnd)...]
    }
    return true
  }
}
