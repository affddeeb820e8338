/// How two crosswalk endpoints relate: NIST OLIR's relationship types (NISTIR 8278A). A link reads
/// "FROM is RELATIONSHIP TO" (`rules/crosswalks/` states the convention in each file's header).
public enum CrosswalkRelationship: String, CaseIterable, Hashable, Sendable, Codable {
  /// FROM and TO require the same thing.
  case equal
  /// Everything FROM requires TO requires too, and TO requires more.
  case subsetOf = "subset-of"
  /// FROM requires everything TO requires, and more.
  case supersetOf = "superset-of"
  /// They share some requirements and each has some the other lacks.
  case intersectsWith = "intersects-with"
  /// Same subject, requirements that cannot be compared (different purpose, level or nature).
  case relatedTo = "related-to"

  /// The relationship read from TO's side: "TO is INVERSE FROM".
  public var inverse: CrosswalkRelationship {
    switch self {
    case .subsetOf: .supersetOf
    case .supersetOf: .subsetOf
    case .equal, .intersectsWith, .relatedTo: self
    }
  }
}
