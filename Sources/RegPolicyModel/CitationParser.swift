extension PinpointID {
  /// The provision a person names, in any usual form: the ID itself (`art_12.par_1`), "Art. 12(1)",
  /// "Article 12 para 1", "12(1)", "Art 5(1)(c)", "Article 5(1), point (c)", "Article 26(6) AI Act",
  /// "paragraph 1 of Article 12", "Article 26(5), second subparagraph", "Annex III, point 1(a)",
  /// "Recital 42", "art. 12 § 1", Dutch "artikel 12, lid 1" and "artikel 5, lid 1, onder c". Nil when
  /// the words name no provision. The ID is not checked against a document.
  public init?(citation: String) {
    let trimmed = citation.trimmingSpaces
    if trimmed.utf8.contains(UInt8(ascii: "_")), let steps = PinpointID(rawValue: trimmed).steps,
      let id = PinpointID(steps: steps)
    {
      self = id
      return
    }
    // "point (c) of paragraph 1 of Article 5": the part after the last "of" is the outermost.
    var groups: [[CitationParser.Token]] = [[]]
    for token in CitationParser.tokens(trimmed.lowercased()) {
      if case .word(let word) = token, CitationParser.joiners.contains(word) {
        groups.append([])
      } else {
        groups[groups.count - 1].append(token)
      }
    }
    var parser = CitationParser()
    for group in groups.reversed() where !CitationParser.namesAnAct(group) {
      for token in group { parser.read(token) }
    }
    guard let id = PinpointID(steps: parser.steps) else { return nil }
    self = id
  }
}

/// Reads the words of a citation into pinpoint steps, left to right.
struct CitationParser {
  enum Token: Equatable {
    case word(String)
    /// A number or designator: "12", "14a", "iii", "4.6".
    case number(String)
    /// A bracketed designator: "(1)", "(c)".
    case bracket(String)
  }

  var steps: [PinpointID.Step] = []
  /// A unit word waiting for its number ("paragraph", "lid", "§").
  private var pending: PinpointID.Prefix?
  /// An ordinal waiting for its unit ("second" subparagraph).
  private var ordinal: String?

  mutating func read(_ token: Token) {
    switch token {
    case .word(let word):
      if let number = Self.ordinals[word] {
        ordinal = number
      } else if let prefix = pending, Self.units[word] == nil, word.count <= 4 {
        add(prefix, word)  // "onder c", "point c"
        pending = nil
      } else if let prefix = Self.units[word] {
        if let number = ordinal, prefix == .subparagraph || prefix == .indent {
          add(prefix, number)
          ordinal = nil
        } else {
          pending = prefix
        }
      }
    case .number(let number):
      if let prefix = pending {
        add(prefix, number)
        pending = nil
      } else if steps.isEmpty {
        add(.article, number)  // "12(1)": a bare number is an article
      } else {
        add(deeper(for: number), number)
      }
    case .bracket(let inner):
      if Self.actMarks.contains(inner) { return }  // "Regulation (EU) 2024/1689"
      if let prefix = pending {
        add(prefix, inner)
        pending = nil
      } else {
        add(deeper(for: inner), inner)
      }
    }
  }

  /// The unit a designator after the last step names: an article's "(1)" is a paragraph and its
  /// "(c)" a point; below a paragraph or point, a point.
  private func deeper(for designator: String) -> PinpointID.Prefix {
    guard let last = steps.last?.prefix else { return .article }
    let numeric = designator.first.map { $0 >= "0" && $0 <= "9" } ?? false
    return last == .article && numeric ? .paragraph : .point
  }

  private mutating func add(_ prefix: PinpointID.Prefix, _ number: String) {
    // "Article 5(1)(c)(ii)": a paragraph follows an article only.
    let prefix = prefix == .paragraph && steps.last?.prefix != .article ? .point : prefix
    // Annexes, divisions and annex sections are numbered in capitals ("anx_III", "cpt_II", "sct_A").
    let capitals: Set<PinpointID.Prefix> = [.annex, .chapter, .title, .part, .section]
    steps.append((prefix, capitals.contains(prefix) ? number.uppercased() : number))
  }

  /// Words, numbers and bracketed designators; punctuation between them is dropped.
  static func tokens(_ text: String) -> [Token] {
    var tokens: [Token] = []
    var current = ""
    var inBracket = false
    func flush() {
      guard !current.isEmpty else { return }
      if inBracket {
        tokens.append(.bracket(current))
      } else if current.unicodeScalars.first.map({ $0.properties.numericType != nil }) == true {
        tokens.append(.number(current))
      } else if current.count <= 4, current.allSatisfy({ "ivxl".contains($0) }), tokens.last.map(isUnit) == true {
        tokens.append(.number(current))  // "Annex iii"
      } else {
        tokens.append(.word(current))
      }
      current = ""
    }
    for character in text {
      switch character {
      case "(":
        flush()
        inBracket = true
      case ")":
        flush()
        inBracket = false
      case "§":
        flush()
        tokens.append(.word("§"))
      case " ", ",", ";", ":", "\u{A0}":
        if !inBracket { flush() }
      case ".":
        // "Art." ends a word; "4.6" stays one number.
        if current.last?.isNumber == true { current.append(character) } else if !inBracket { flush() }
      default:
        current.append(character)
      }
    }
    flush()
    return tokens.filter { if case .number(let n) = $0 { return !n.contains("/") } else { return true } }
  }

  private static func isUnit(_ token: Token) -> Bool {
    if case .word(let word) = token { return units[word] != nil }
    return false
  }

  /// A group that names an act rather than a provision: "Regulation (EU) 2024/1689", "the AI Act".
  static func namesAnAct(_ group: [Token]) -> Bool {
    group.contains {
      if case .word(let word) = $0 { return actWords.contains(where: word.contains) }
      if case .number(let number) = $0 { return number.contains("/") }
      return false
    } && !group.contains { if case .word(let word) = $0 { return units[word] != nil } else { return false } }
  }

  static let joiners: Set<String> = ["of", "van", "der", "des", "du", "de"]

  /// Bracketed marks of an act's family, never a designator.
  static let actMarks: Set<String> = ["eu", "ec", "eg", "eeg", "eec", "euratom"]

  static let actWords: Set<String> = [
    "regulation", "directive", "decision", "act", "gdpr", "avg", "verordening", "richtlijn", "verordnung",
    "richtlinie", "règlement", "directive", "aia",
  ]

  static let units: [String: PinpointID.Prefix] = {
    var table: [String: PinpointID.Prefix] = [:]
    for (prefix, words): (PinpointID.Prefix, [String]) in [
      (.article, ["article", "art", "artikel", "arts", "articles", "artikelen"]),
      (.paragraph, ["paragraph", "para", "par", "paragraphs", "lid", "leden", "§", "absatz", "paragraphe", "abs"]),
      (.subparagraph, ["subparagraph", "alinea", "unterabsatz", "alinéa", "sub-paragraph"]),
      (.point, ["point", "points", "pt", "punt", "onder", "buchstabe", "letter", "nummer", "ziffer", "point"]),
      (.indent, ["indent", "streepje", "tiret", "gedachtestreepje"]),
      (.annex, ["annex", "anx", "bijlage", "anhang", "annexe"]),
      (.recital, ["recital", "rct", "overweging", "erwägungsgrund", "considérant", "considerant"]),
      (.chapter, ["chapter", "cpt", "hoofdstuk", "kapitel", "chapitre"]),
      (.section, ["section", "sct", "afdeling", "abschnitt"]),
      (.title, ["title", "titel", "titre"]),
      (.part, ["part", "deel", "teil", "partie"]),
    ] {
      for word in words { table[word] = prefix }
    }
    return table
  }()

  static let ordinals: [String: String] = [
    "first": "1", "second": "2", "third": "3", "fourth": "4", "fifth": "5", "sixth": "6", "seventh": "7",
    "eighth": "8", "ninth": "9", "tenth": "10", "eerste": "1", "tweede": "2", "derde": "3", "vierde": "4",
    "vijfde": "5", "erster": "1", "zweiter": "2", "premier": "1", "deuxième": "2",
  ]
}

extension String {
  /// Without white space or line breaks at either end.
  public var trimmingSpaces: String {
    var text = Substring(self)
    while text.first?.isWhitespace == true { text.removeFirst() }
    while text.last?.isWhitespace == true { text.removeLast() }
    return String(text)
  }
}
