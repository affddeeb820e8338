import RegPolicyIngest
import Testing

@Suite("Normalisation")
struct NormalizerTests {
  @Test(
    "stored text",
    arguments: [
      ("  a \n\t b  ", "a b"),
      ("no\u{A0}break", "no break"),  // no-break space made plain
      ("nar\u{202F}row", "nar row"),  // narrow no-break space
      ("hy\u{AD}phen", "hyphen"),  // soft hyphen removed
      ("zero\u{200B}width\u{2060}join\u{FEFF}", "zerowidthjoin"),
      ("e\u{301}", "é"),  // NFC composes
      ("Å", "Å"),  // U+212B ANGSTROM SIGN → U+00C5 under NFC
      ("ﬁnal", "ﬁnal"),  // compatibility ligature kept in stored text (NFC, not NFKC)
      ("Artikel 5 — één", "Artikel 5 — één"),
    ])
  func stored(_ input: String, _ expected: String) {
    let output = Normalizer.normalize(input)
    #expect(output == expected)
    #expect(Array(output.unicodeScalars) == Array(expected.unicodeScalars))
  }

  @Test(
    "match keys are NFKC_Casefold",
    arguments: [
      ("ARTICLE 12", "article 12"),
      ("ﬁnal", "final"),
      ("Straße", "strasse"),
      ("Å", "å"),
    ])
  func matchKey(_ input: String, _ expected: String) {
    #expect(Normalizer.matchKey(input) == expected)
  }

  @Test("invalid UTF-8 never crashes the normaliser")
  func invalidUTF8() {
    let output = Normalizer.normalize([0x61, 0xE9, 0x62])  // 'a', a lone Latin-1 byte, 'b'
    #expect(output.hasPrefix("a") && output.hasSuffix("b"))
  }
}
