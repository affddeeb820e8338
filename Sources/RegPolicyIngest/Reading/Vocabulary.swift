import RegPolicyModel

/// The words that name structural units in the official languages the corpus covers. A heading
/// such as "CHAPTER III", "HOOFDSTUK III" or "Article 16" is split into its kind and number here.
enum Vocabulary {
  /// Division words (upper-cased) → kind and ID prefix.
  static let divisions: [String: (ProvisionKind, PinpointID.Prefix)] = [
    "PART": (.part, .part), "DEEL": (.part, .part), "TEIL": (.part, .part),
    "PARTIE": (.part, .part),
    "TITLE": (.title, .title), "TITEL": (.title, .title), "TITRE": (.title, .title),
    "CHAPTER": (.chapter, .chapter), "HOOFDSTUK": (.chapter, .chapter),
    "KAPITEL": (.chapter, .chapter),
    "CHAPITRE": (.chapter, .chapter),
    "SECTION": (.section, .section), "AFDELING": (.section, .section),
    "ABSCHNITT": (.section, .section),
    "SUBSECTION": (.subsection, .subsection), "ONDERAFDELING": (.subsection, .subsection),
  ]

  static let articleWords: Set<String> = ["ARTICLE", "ARTIKEL", "ARTICOLO", "ARTÍCULO", "ART."]
  static let annexWords: Set<String> = ["ANNEX", "BIJLAGE", "ANHANG", "ANNEXE", "APPENDIX"]

  /// "CHAPTER III" → (chapter, cpt, "III"); nil when the text does not start with a division word.
  static func division(_ heading: String) -> (
    kind: ProvisionKind, prefix: PinpointID.Prefix, number: String
  )? {
    let words = heading.split(separator: " ", maxSplits: 2)
    guard words.count >= 2, let (kind, prefix) = divisions[words[0].uppercased()] else {
      return nil
    }
    return (kind, prefix, String(words[1]))
  }

  /// A paragraph that reads as an article's heading where the markup does not say so (pages
  /// before 2011, proposals' plain paragraphs): short, no number or list label first, no closing
  /// punctuation; nil for anything else.
  static func headingLine(_ text: String) -> String? {
    guard !text.isEmpty, text.count <= 150, let last = text.last, !".:;,".contains(last),
      text.first?.isNumber == false, text.first != "(", text.first != "-"
    else { return nil }
    return text
  }

  /// The division kinds from the outermost in, with their ID prefixes.
  static let divisionRanks: [(ProvisionKind, PinpointID.Prefix)] = [
    (.part, .part), (.title, .title), (.chapter, .chapter), (.section, .section), (.subsection, .subsection),
  ]

  /// Rank of a division kind, outermost 0: a division closes the open ones of its rank and below.
  static func rank(_ kind: ProvisionKind) -> Int {
    switch kind {
    case .part: 0
    case .title: 1
    case .chapter: 2
    case .section: 3
    default: 4
    }
  }

  /// "Article 16" → "16", "Artikel 4 bis" → "4bis", "Article premier" (French for the first) → "1";
  /// nil when the text is not an article heading.
  static func articleNumber(_ heading: String) -> String? {
    guard let number = number(heading, after: articleWords) else { return nil }
    return ordinalOne.contains(number.lowercased()) ? "1" : number
  }

  /// "Article 12", "Article premier", "Article 7 bis" alone in a paragraph or title → its number;
  /// nil for anything else.
  static func articleLabel(_ text: String) -> String? {
    // Asked of every paragraph: a short one opening with "A" (every article word is "Art…"), or none.
    guard text.utf8.count <= 24, let first = text.utf8.first, first | 0x20 == UInt8(ascii: "a") else { return nil }
    let words = text.split(separator: " ")
    guard words.count == 2 || (words.count == 3 && latinSuffixes.contains(words[2].lowercased())),
      words[1].first?.isNumber == true || ordinalOne.contains(words[1].lowercased())
    else { return nil }
    return articleNumber(text)
  }
  /// How French and Italian write the first article ("Article premier", "Articolo primo").
  static let ordinalOne: Set<String> = ["premier", "première", "primo"]

  /// "ANNEX III" → "III"; "ANNEX" alone (a single annex) → "I".
  static func annexNumber(_ heading: String) -> String? {
    let words = heading.split(separator: " ")
    guard let first = words.first, annexWords.contains(first.uppercased()) else { return nil }
    return words.count >= 2 ? String(words[1]) : "I"
  }

  /// The number after a keyword, with a Latin suffix joined ("4 bis" → "4bis"); any other words
  /// after it are a heading run into the label (a `<br>` between them), not part of the number.
  private static func number(_ heading: String, after keywords: Set<String>) -> String? {
    let words = heading.split(separator: " ")
    guard words.count >= 2, keywords.contains(words[0].uppercased()) else { return nil }
    var number = String(words[1])
    for word in words.dropFirst(2) {
      guard latinSuffixes.contains(word.lowercased()) else { break }
      number += word
    }
    return number
  }

  /// "PROTOCOL (No 2)", "PROTOCOLE (no 2)", "PROTOKOLL (Nr. 2)" → "2"; nil for anything else.
  static func protocolNumber(_ text: String) -> String? {
    let words = text.split(separator: " ")
    guard words.count == 3, ["PROTOCOL", "PROTOCOLE", "PROTOKOLL", "PROTOCOLO", "PROTOCOLLO"].contains(words[0]),
      words[1].hasPrefix("("), words[2].hasSuffix(")"), words[2].dropLast().allSatisfy(\.isNumber), words[2].count > 1
    else { return nil }
    return String(words[2].dropLast())
  }

  /// "7. Declaration on Article 16(4) …", "7. Déclaration …", "7. Erklärung …" → "7".
  static func declarationNumber(_ text: String) -> String? {
    let words = text.split(separator: " ", maxSplits: 2)
    guard words.count >= 2, words[0].hasSuffix("."), words[0].dropLast().allSatisfy(\.isNumber), words[0].count > 1,
      ["declaration", "déclaration", "erklärung", "declaración", "dichiarazione"].contains(words[1].lowercased())
    else { return nil }
    return String(words[0].dropLast())
  }

  /// "bis", "ter", …: the suffixes of an article inserted between two others.
  static let latinSuffixes: Set<String> = [
    "bis", "ter", "quater", "quinquies", "sexies", "septies", "octies", "novies", "nonies", "decies",
  ]

  /// "13 June 2024" / "13 juni 2024" → "2024-06-13".
  static func isoDate(fromWords text: String) -> String? {
    let months = [
      "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
      "august": 8,
      "september": 9, "october": 10, "november": 11, "december": 12,
      "januari": 1, "februari": 2, "maart": 3, "mei": 5, "juni": 6, "juli": 7, "augustus": 8,
      "oktober": 10,
    ]
    let words = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "." })
    for index in words.indices.dropLast(2) {
      guard let day = Int(words[index]), let month = months[words[index + 1].lowercased()],
        let year = Int(words[index + 2]), (1900...2200).contains(year), (1...31).contains(day)
      else { continue }
      return iso(year, month, day)
    }
    return nil
  }

  /// "12.7.2024" → "2024-07-12".
  static func isoDate(fromDotted text: String) -> String? {
    let parts = text.split(whereSeparator: { $0 == "." || $0 == " " }).compactMap { Int($0) }
    guard parts.count >= 3, (1...31).contains(parts[0]), (1...12).contains(parts[1]),
      parts[2] > 1900
    else { return nil }
    return iso(parts[2], parts[1], parts[0])
  }

  /// "20240613" → "2024-06-13".
  static func isoDate(fromCompact text: String) -> String? {
    let digits = Array(text.utf8)
    guard digits.count == 8, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
    let s = String(decoding: digits, as: UTF8.self)
    return "\(s.prefix(4))-\(s.dropFirst(4).prefix(2))-\(s.suffix(2))"
  }

  private static func iso(_ year: Int, _ month: Int, _ day: Int) -> String {
    func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    return "\(year)-\(two(month))-\(two(day))"
  }

  /// Whether `text` is a CELEX number: a sector (a digit, or C/E), a four-digit year, a one- or
  /// two-letter document type and a number ("32024R1689", "52025PC0162", "02016R0679-20160504").
  static func isCELEX(_ text: String) -> Bool {
    let bytes = Array(text.utf8)
    func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    func isLetter(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }
    guard bytes.count >= 7, isDigit(bytes[0]) || bytes[0] == UInt8(ascii: "C") || bytes[0] == UInt8(ascii: "E"),
      bytes[1...4].allSatisfy(isDigit)
    else { return false }
    var index = 5
    while index < bytes.count && index < 7 && isLetter(bytes[index]) { index += 1 }
    guard index > 5, index < bytes.count, isDigit(bytes[index]) else { return false }
    return bytes[index...].allSatisfy {
      isDigit($0) || isLetter($0) || $0 == UInt8(ascii: "(") || $0 == UInt8(ascii: ")") || $0 == UInt8(ascii: "-")
    }
  }

  /// The CELEX number an identifier names: "CELEX:32024R1689", a Cellar URI ending
  /// ".../celex/32024R1689", or an act's ELI ("http://data.europa.eu/eli/reg/2024/1689/oj" →
  /// "32024R1689"; `dir` → L, `dec` → D, with `_impl`/`_del` the same); nil for anything else.
  static func celex(fromIdentifier identifier: String) -> String? {
    let bytes = Array(identifier.utf8)
    let lower = bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
    func after(_ marker: String) -> ArraySlice<UInt8>? {
      let pattern = Array(marker.utf8)
      guard lower.count >= pattern.count else { return nil }
      for start in 0...(lower.count - pattern.count) where lower[start..<start + pattern.count].elementsEqual(pattern) {
        return bytes[(start + pattern.count)...]
      }
      return nil
    }
    for marker in ["celex:", "/celex/"] {
      guard let rest = after(marker) else { continue }
      let token = rest.prefix { !"/?#& \n\t\"".utf8.contains($0) }
      let value = String(decoding: token, as: UTF8.self).replacing("%28", with: "(").replacing("%29", with: ")")
      return isCELEX(value) ? value : nil
    }
    guard let rest = after("/eli/") else { return nil }
    let parts = rest.split(separator: UInt8(ascii: "/")).map { String(decoding: $0, as: UTF8.self) }
    guard parts.count >= 3, let year = Int(parts[1]), (1950...2200).contains(year), let number = Int(parts[2]),
      number > 0
    else { return nil }
    let type = parts[0].split(separator: "_").first.map(String.init) ?? ""
    let letters = ["reg": "R", "dir": "L", "dec": "D"]
    guard let letter = letters[type] else { return nil }
    let digits = String(number)
    return "3\(year)\(letter)" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }

  /// The CELEX number of an act from its title: "REGULATION (EU) 2024/1689 OF …" → "32024R1689",
  /// "Directive 2002/58/EC" → "32002L0058", "Regulation (EC) No 1907/2006" → "32006R1907".
  static func celex(fromTitle title: String) -> String? {
    let upper = title.uppercased()
    let types: [(String, String)] = [
      ("REGULATION", "R"), ("DIRECTIVE", "L"), ("DECISION", "D"), ("VERORDENING", "R"),
      ("RICHTLIJN", "L"),
      ("BESLUIT", "D"),
    ]
    guard
      let (_, letter) = types.first(where: { upper.hasPrefix($0.0) || upper.contains(" \($0.0) ") })
    else {
      return nil
    }
    // The first "a/b" number token after the type word.
    let tokens = upper.split(whereSeparator: { $0 == " " || $0 == "," })
    for (index, token) in tokens.enumerated() {
      let parts = token.split(separator: "/")
      guard parts.count >= 2, let first = Int(parts[0]), let second = Int(parts[1]) else {
        continue
      }
      let noPrefix = index > 0 && tokens[index - 1] == "NO"
      // Since 2015: (EU) YYYY/N. Before: Regulation No N/YYYY, Directive YYYY/N/EC.
      let (year, number) =
        noPrefix || (second >= 1950 && first < 1950) ? (second, first) : (first, second)
      guard (1950...2200).contains(year) else { continue }
      let padded = String(repeating: "0", count: max(0, 4 - String(number).count)) + String(number)
      return "3\(year)\(letter)\(padded)"
    }
    return nil
  }
}
