/// Decides whether a change of wording is editorial — white space, punctuation, case, a typo, a
/// corrected reference — or substantive.
public enum Editorial {
  /// Why a modified provision is editorial (`whitespace`, `punctuation`, `case`, `typo`,
  /// `reference`), or nil when the change is substantive.
  public static func reason(old: String, new: String) -> String? {
    if squeeze(old) == squeeze(new) { return "whitespace" }
    let a = words(old, lowercase: false)
    let b = words(new, lowercase: false)
    if a == b { return "punctuation" }
    let lowerA = words(old, lowercase: true)
    let lowerB = words(new, lowercase: true)
    if lowerA == lowerB { return "case" }
    var reasons: Set<String> = []
    for hunk in WordDiff(words: lowerA, lowerB).hunks {
      if isReference(hunk.deleted + hunk.inserted), hunk.deleted.count + hunk.inserted.count <= 8,
        (hunk.deleted + hunk.inserted).contains(where: { isNumbered($0) || citationNouns.contains($0) })
      {
        reasons.insert("reference")
      } else if hunk.deleted.count == hunk.inserted.count, hunk.deleted.count <= 3,
        zip(hunk.deleted, hunk.inserted).allSatisfy({ isTypo($0, $1) })
      {
        reasons.insert("typo")
      } else {
        return nil
      }
    }
    return reasons.sorted().joined(separator: ", ")
  }

  /// Text with every run of white space removed.
  static func squeeze(_ text: String) -> String { String(text.unicodeScalars.filter { !$0.properties.isWhitespace }) }

  /// Words without punctuation at their ends or inside (letters, digits and marks kept).
  static func words(_ text: String, lowercase: Bool) -> [Substring] {
    let cleaned = String(
      String.UnicodeScalarView(
        text.unicodeScalars.map { scalar in
          scalar.properties.isAlphabetic || scalar.properties.numericType != nil ? scalar : " "
        }))
    return (lowercase ? cleaned.lowercased() : cleaned).split(separator: " ")
  }

  /// Words that only cite: numbers, enumerators, roman numerals and the words of a citation. A
  /// changed "and"/"or" on its own is not a citation: a hunk needs a number to count as one.
  static func isReference(_ words: [Substring]) -> Bool {
    return words.allSatisfy { word in
      citationNouns.contains(word) || citationWords.contains(word) || word.contains(where: \.isNumber)
        || word.count <= 2
        || word.allSatisfy { "ivxlc".contains($0) }
    }
  }

  static let citationNouns: Set<Substring> = [
    "article", "articles", "paragraph", "paragraphs", "point", "points", "subparagraph", "annex", "section", "chapter",
  ]
  /// The other words a citation is made of ("Article 9 of Regulation (EU) No …").
  static let citationWords: Set<Substring> = [
    "of", "and", "or", "to", "no", "regulation", "directive", "decision", "eu", "ec", "eec",
  ]

  /// A number, or a number with a letter (`41`, `1a`, `2016`), or a roman numeral.
  static func isNumbered(_ word: Substring) -> Bool {
    word.contains(where: \.isNumber) || (word.count > 1 && word.allSatisfy { "ivxlc".contains($0) })
  }

  /// Two words a character or two apart (a typo or its correction), for words of four letters up.
  static func isTypo(_ a: Substring, _ b: Substring) -> Bool {
    guard min(a.count, b.count) >= 4 else { return false }
    return distance(Array(a), Array(b), limit: 2) <= 2
  }

  /// Levenshtein distance, giving up above `limit`.
  static func distance(_ a: [Character], _ b: [Character], limit: Int) -> Int {
    if abs(a.count - b.count) > limit { return limit + 1 }
    // One row of the edit-distance table at a time; callers pass words of four letters or more.
    var previous = Array(0...b.count)
    for i in a.indices {
      var current = [i + 1] + Array(repeating: 0, count: b.count)
      for j in b.indices {
        current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (a[i] == b[j] ? 0 : 1))
      }
      previous = current
    }
    return previous[b.count]
  }

}
