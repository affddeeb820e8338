/// The words that open legal units, in English, Dutch, German and French. Looked up by first byte
/// and length, so a word costs a few byte comparisons at most.
enum Vocabulary {
  /// The roles up to `currency` may open a unit of their own (`Atom.mayOpen`).
  enum Role: UInt8, Equatable {
    /// A unit with its own number: Article, Annex, Chapter, Section, Title, Part, Recital.
    case majorUnit
    /// A unit numbered inside another: point, paragraph, subparagraph, indent.
    case minorUnit
    /// An act: Regulation, Directive, Decision.
    case instrument
    /// Opens an Official Journal reference: OJ, PB, ABl.
    case journal
    /// A month.
    case month
    /// A currency: EUR, euro.
    case currency
    /// A scale word after an amount: million, billion.
    case scale
    /// "No", "Nr" before an act's number.
    case number
    /// Joins a range or list inside a citation: to, and, or.
    case join
    /// Joins a citation to the unit it belongs to: of.
    case of
    /// Counts subparagraphs and indents: first, second, … last.
    case ordinal
  }

  private static let entries: [(String, Role)] = {
    var list: [(String, Role)] = []
    for word in [
      "Article", "Articles", "Art", "Annex", "Annexes", "Chapter", "Chapters", "Section", "Sections", "Title", "Titles",
      "Part", "Parts", "Recital", "Recitals", "recital", "recitals",
      "Artikel", "artikel", "artikelen", "Bijlage", "bijlage", "bijlagen", "Hoofdstuk", "hoofdstuk", "Afdeling",
      "afdeling", "Titel", "titel", "Deel", "deel", "overweging", "overwegingen",
      "Artikels", "Anhang", "Kapitel", "Abschnitt", "Teil", "Erwägungsgrund",
      "article", "articles", "annexe", "Annexe", "chapitre", "Chapitre", "section", "titre", "Titre", "considérant",
    ] { list.append((word, .majorUnit)) }
    for word in [
      "point", "points", "paragraph", "paragraphs", "subparagraph", "subparagraphs", "indent", "indents",
      "Point", "Points", "Paragraph", "Paragraphs", "Subparagraph", "Subparagraphs",
      "punt", "punten", "lid", "leden", "alinea", "alinea's", "streepje",
      "Absatz", "Absätze", "Buchstabe", "Buchstaben", "Unterabsatz", "Nummer", "Ziffer",
      "paragraphe", "paragraphes", "alinéa", "alinéas", "tiret",
    ] { list.append((word, .minorUnit)) }
    for word in [
      "Regulation", "Regulations", "Directive", "Directives", "Decision", "Decisions",
      "Verordening", "Verordeningen", "Richtlijn", "Richtlijnen", "Besluit", "Kaderbesluit",
      "Verordnung", "Verordnungen", "Richtlinie", "Richtlinien", "Beschluss", "Rahmenbeschluss",
      "Règlement", "Règlements", "Décision", "Décisions",
    ] { list.append((word, .instrument)) }
    for word in ["OJ", "PB", "ABl", "JO"] { list.append((word, .journal)) }
    let months: [[String]] = [
      ["January", "januari", "Januar", "janvier"], ["February", "februari", "Februar", "février"],
      ["March", "maart", "März", "mars"], ["April", "april", "avril"], ["May", "mei", "Mai", "mai"],
      ["June", "juni", "Juni", "juin"], ["July", "juli", "Juli", "juillet"], ["August", "augustus", "août"],
      ["September", "september", "septembre"], ["October", "oktober", "Oktober", "octobre"],
      ["November", "november", "novembre"], ["December", "december", "Dezember", "décembre"],
    ]
    for name in months.joined() { list.append((name, .month)) }
    for word in ["EUR", "euro", "euros", "Euro"] { list.append((word, .currency)) }
    for word in ["million", "billion", "miljoen", "miljard", "Millionen", "Million", "Milliarden", "milliards"] {
      list.append((word, .scale))
    }
    for word in ["No", "Nr", "nr", "n°"] { list.append((word, .number)) }
    for word in ["to", "and", "or", "tot", "en", "of", "bis", "und", "oder", "à", "et", "ou"] {
      list.append((word, .join))
    }
    for word in [
      "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "last",
      "eerste", "tweede", "derde", "vierde", "vijfde", "zesde", "laatste",
      "premier", "première", "deuxième", "troisième", "dernier", "dernière",
    ] { list.append((word, .ordinal)) }
    return list
  }()

  /// Each word's role, stored as its raw value plus one (0 is "not listed"). "of" is asked
  /// separately (`isOf`): in Dutch it means "or".
  static let table = WordTable(entries.map { ($0.0, UInt16($0.1.rawValue) + 1) })

  /// Whether the word is "of" (English) or one of its equivalents that attach a unit to another.
  static func isOf(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
    let word = bytes[range]
    return word.elementsEqual("of".utf8) || word.elementsEqual("van".utf8) || word.elementsEqual("des".utf8)
      || word.elementsEqual("der".utf8) || word.elementsEqual("du".utf8) || word.elementsEqual("de".utf8)
  }
}
