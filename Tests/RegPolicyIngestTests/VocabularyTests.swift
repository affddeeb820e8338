import Testing

@testable import RegPolicyIngest

/// Identifiers and labels read from metadata and titles.
@Suite("Vocabulary")
struct VocabularyTests {
  @Test(
    "the CELEX number an identifier names",
    arguments: [
      ("CELEX:32024R1689", "32024R1689"),
      ("celex:52022JC0019", "52022JC0019"),
      ("http://publications.europa.eu/resource/celex/32016R0679", "32016R0679"),
      ("http://publications.europa.eu/resource/celex/32016R0679R%2802%29", "32016R0679R(02)"),
      ("http://data.europa.eu/eli/reg/2024/1689/oj", "32024R1689"),
      ("http://data.europa.eu/eli/dir/2019/790/oj/eng", "32019L0790"),
      ("http://data.europa.eu/eli/dec_impl/2023/45/oj", "32023D0045"),
      ("http://data.europa.eu/eli/reg_del/2021/7/oj", "32021R0007"),
    ])
  func celex(_ identifier: String, _ expected: String) {
    #expect(Vocabulary.celex(fromIdentifier: identifier) == expected)
  }

  @Test(
    "identifiers that name no CELEX number",
    arguments: [
      "", "COM(2025) 162", "CELEX:", "CELEX:not-a-number", "http://data.europa.eu/eli/treaty/teu_2012/oj",
      "/akn/eu/act/2024-06-13/1689", "2999-01-01",
    ])
  func noCelex(_ identifier: String) {
    #expect(Vocabulary.celex(fromIdentifier: identifier) == nil)
  }

  @Test("CELEX numbers", arguments: ["32024R1689", "52025PC0162", "02016R0679-20160504"])
  func isCELEX(_ text: String) {
    #expect(Vocabulary.isCELEX(text))
  }

  @Test("not CELEX numbers", arguments: ["", "3202R1689", "32024-1689", "2024/1689", "32024R", "32024r1689"])
  func notCELEX(_ text: String) {
    #expect(!Vocabulary.isCELEX(text))
  }

  @Test("Formex part files in natural order: DOC_2.xml before DOC_10.xml")
  func naturalOrder() {
    let names = ["DOC_10.xml", "DOC_2.xml", "DOC_1.xml", "a.xml", "DOC_9.xml"]
    #expect(
      names.sorted(by: FormexPart.naturalOrder) == ["DOC_1.xml", "DOC_2.xml", "DOC_9.xml", "DOC_10.xml", "a.xml"])
  }

  @Test(
    "annex labels in a language the vocabulary lacks",
    arguments: [("ALLEGATO III", "III"), ("I. MELLÉKLET", "I"), ("PRILOHA 2", "2")])
  func annexLabel(_ label: String, _ number: String) {
    #expect(FormexReader.labelNumber(label) == number)
  }

  @Test(
    "no annex label",
    arguments: ["List of Union harmonisation legislation", "LIST OF ANNEXES", "Annex III", "ALLEGATO"])
  func noAnnexLabel(_ text: String) {
    #expect(FormexReader.labelNumber(text) == nil)
  }
}
