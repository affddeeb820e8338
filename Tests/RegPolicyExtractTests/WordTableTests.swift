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

  @Test("a table with words added finds the old and the new, grown or not; a word listed already keeps its value")
  func adding() {
    let small = WordTable([("subparagraph", 1), ("point", 2), ("Article", 3)])
    // Three words fill 48 of 64 slots' sparseness budget: two more make the table grow.
    for added in [[("steward", UInt16(4))], [("steward", 4), ("registry-keepers", 5), ("point", 9)]] {
      let table = small.adding(added)
      #expect(values(table, "subparagraph") == [1, 1, 1])
      #expect(values(table, "point") == [2, 2, 2])
      #expect(values(table, "Article") == [3, 3, 3])
      #expect(values(table, "steward") == [4, 4, 4])
      #expect(values(table, "stewards") == [0, 0, 0])
      #expect(values(small, "steward") == [0, 0, 0])
    }
    #expect(values(small.adding([("registry-keepers", 5)]), "registry-keepers") == [5, 5, 5])
  }
}
