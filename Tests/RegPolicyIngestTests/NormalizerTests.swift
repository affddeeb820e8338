import Foundation
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
    // A three-byte lead cut short never swallows the letter after it.
    #expect(Normalizer.normalize([0x61, 0xE2, 0x80, 0x41, 0x62]).hasSuffix("Ab"))
  }

  /// The NFC check skips ICU for U+0080–U+02FF and U+2002–U+203F; every scalar around those
  /// ranges, alone and before a combining mark, must still come out as Foundation's NFC says.
  @Test("the NFC shortcut agrees with full NFC")
  func nfcShortcut() {
    let collapsed: Set<UInt32> = [0xA0, 0xAD, 0x202F, 0x205F, 0x2060]
    for value in Array(0x80...0x36F) + Array(0x1FF0...0x20FF) {
      guard let scalar = Unicode.Scalar(UInt32(value)), !collapsed.contains(scalar.value),
        !(0x2000...0x200D).contains(scalar.value)
      else { continue }
      for text in ["a\(scalar)b", "a\(scalar)\u{301}b", "\u{212B}\(scalar)"] {
        let expected = text.precomposedStringWithCanonicalMapping
        #expect(
          Array(Normalizer.normalize(text).unicodeScalars) == Array(expected.unicodeScalars),
          "U+\(String(value, radix: 16, uppercase: true)) in \(text.debugDescription)")
      }
    }
  }
}
