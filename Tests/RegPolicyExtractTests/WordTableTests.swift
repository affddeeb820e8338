import Testing

@testable import RegPolicyExtract

@Suite("Word table")
struct WordTableTests {
  /// Looks `word` up as it stands at the start, in the middle and at the very end of a buffer, so
  /// both ways of reading a word's first eight bytes (one load, byte by byte near the end) are used.
  func values(_ table: WordTable, _ word: String) -> [UInt16] {
    [(word, 0), ("x \(word) yyyyyyyyyyyy", 2), ("xxxxxxxxxxxx \(word)", 13)].map { text, start in
      Array(text.utf8).withUnsafeBufferPointer { table.value($0, start..<start + word.utf8.count) }
    }
  }

  @Test("listed words are found with their values, whatever their length and position")
  func found() {
    // Many words, so the table is large and slots are shared; words sharing their first eight
    // bytes; words of exactly eight bytes; non-ASCII letters.
    var entries: [(String, UInt16)] = [
      ("subparagraph", 1), ("subparagraphs", 2), ("subparag", 3), ("subpara", 4), ("Erwägungsgrund", 5),
      ("a", 6), ("to", 7), ("considérant", 8),
    ]
    for index in 0..<3000 { entries.append(("w\(index)x", UInt16(100 + index))) }
    let table = WordTable(entries)
    for (word, value) in entries { #expect(values(table, word) == [value, value, value], "\(word)") }
  }

  @Test("words not listed, a prefix or an extension of a listed word, give 0; the first of twins wins")
  func missing() {
    let table = WordTable([("subparagraph", 1), ("point", 2), ("point", 3), ("Article", 4)])
    for word in ["subparagraphs", "subparagrap", "subparag", "poin", "points", "article", "Articles", "b"] {
      #expect(values(table, word) == [0, 0, 0], "\(word)")
    }
    #expect(values(table, "point") == [2, 2, 2])
    let long = String(repeating: "a", count: WordTable.maximumLength)
    #expect(values(WordTable([(long, 1)]), long) == [0, 0, 0])
  }
}
