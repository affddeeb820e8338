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
