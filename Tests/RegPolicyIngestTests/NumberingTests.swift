import Testing

@testable import RegPolicyIngest

@Suite("Printed numbers")
struct NumberingTests {
  @Test(
    "list-item numbers",
    arguments: ["(a)", "(iv)", "1.", "(1)", "1.1.", "(aa)", "3a.", "1)", "a)", "—", "–", "-", " (b) "])
  func itemNumbers(_ text: String) {
    #expect(Numbering.isItemNumber(Array(text.utf8)))
  }

  @Test("not list-item numbers", arguments: ["Article", "text", "(a", "", "(abcdefghijklm)", "Whereas:", "1. The"])
  func notItemNumbers(_ text: String) {
    #expect(!Numbering.isItemNumber(Array(text.utf8)))
  }

  @Test("cleaned numbers", arguments: [("(a)", "a"), ("1.", "1"), ("1.1.", "1.1"), ("(iv)", "iv"), ("1)", "1")])
  func clean(_ printed: String, _ expected: String) {
    #expect(Numbering.clean(printed) == expected)
  }

  @Test("a paragraph number is split off its text, also inside a quotation")
  func paragraphNumbers() throws {
    let split = try #require(Numbering.splitParagraphNumber(Array("1.\u{A0}\u{A0} The following".utf8)))
    #expect(split.number == "1")
    let quoted = try #require(Numbering.splitParagraphNumber(Array("‘3.   Without prejudice".utf8)))
    #expect(quoted.number == "3")
    let lettered = try #require(Numbering.splitParagraphNumber(Array("2a. Text".utf8)))
    #expect(lettered.number == "2a")
    #expect(Numbering.splitParagraphNumber(Array("1.5 million".utf8)) == nil)
    #expect(Numbering.splitParagraphNumber(Array("Article 1".utf8)) == nil)
  }
}

@Suite("Lists nested by their labels")
struct LabelNestingTests {
  /// The labels of a nested list of items, "9[a b]" for an item with children.
  static func shape(_ blocks: [Block]) -> String {
    blocks.compactMap { block -> String? in
      guard case .item(let number, _, let body) = block else { return nil }
      let inner = shape(body)
      return Numbering.clean(number) + (inner.isEmpty ? "" : "[\(inner)]")
    }.joined(separator: " ")
  }

  static func items(_ labels: String) -> [Block] {
    labels.split(separator: " ").map {
      .item(number: "(\($0))", source: 0, body: [.text(TextBlock(bytes: Array("text".utf8), source: 0))])
    }
  }

  @Test(
    "a run of another style belongs to the item before it; 'i' after 'h' is a letter",
    arguments: [
      ("8 9 a b 10", "8 9[a b] 10"),
      ("a b c i ii d", "a b c[i ii] d"),
      ("g h i j", "g h i j"),
      ("a b i ii iii", "a b[i ii iii]"),
      ("1 a i ii b 2", "1[a[i ii] b] 2"),
      ("u v w", "u v w"),
    ])
  func nesting(_ labels: String, _ expected: String) {
    #expect(Self.shape(Assembler.nestByLabelStyle(Self.items(labels))) == expected)
  }

  @Test("inside a paragraph, and a text block between items is kept where it is")
  func paragraphs() {
    let blocks: [Block] = [
      .paragraph(number: "1", source: 0, body: Self.items("a b i ii")),
      .text(TextBlock(bytes: Array("wrap-up".utf8), source: 0)),
    ]
    let nested = Assembler.nestByLabelStyle(blocks)
    guard case .paragraph(_, _, let body) = nested[0] else {
      Issue.record("no paragraph")
      return
    }
    #expect(Self.shape(body) == "a b[i ii]")
    #expect(nested.count == 2)
  }
}

@Suite("Labels of pages read from their words")
struct LegacyLabelTests {
  @Test(
    "annex titles alone in their paragraph, nothing else (an empty paragraph crashed the reader once)",
    arguments: [
      ("ANNEX", "I"), ("ANNEX II", "II"), ("ANNEXE", "I"), ("ANHANG III", "III"), ("", nil), ("Annex I", nil),
      ("ANNEX I TO", nil), ("Annex I to this Regulation is amended as follows", nil), ("ANNEXES", nil),
    ] as [(String, String?)])
  func annexes(_ text: String, _ expected: String?) {
    #expect(EurLexHTMLReader.legacyAnnexNumber(text) == expected)
  }

  @Test(
    "article labels", arguments: [("Article 1", "1"), ("Article premier", "1"), ("Article 7 bis", "7bis"), ("", nil)])
  func articles(_ text: String, _ expected: String?) {
    #expect(Vocabulary.articleLabel(text) == expected)
  }
}

@Suite("Article labels read from bytes")
struct ArticleLabelBytesTests {
  @Test(
    "the byte reading agrees with the normalised one",
    arguments: [
      "Article 1", "Article  12", "Article\u{00A0}5", " Article 7 bis ", "Article premier", "Artikel 3", "ARTICLE 5",
      "Artículo 100 quater", "Art. 4", "Article", "Article 5 of", "Articles 5 and 6", "Article ter", "Article 12a",
      "Articolo primo", "Article\u{2009}5", "Article 1 2 3", "", "Article 123456789012345678",
    ])
  func agrees(_ text: String) {
    let bytes = Array(text.utf8)
    #expect(Fidelity.isArticleLabel(bytes) == (Vocabulary.articleLabel(Normalizer.normalize(bytes)) != nil), "\(text)")
  }
}
