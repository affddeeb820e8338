import Foundation
import RegPolicyExtract
import RegPolicyIngest
import RegPolicyModel
import Testing

@Suite("Segmentation")
struct SegmenterTests {
  func sentences(_ text: String) -> [String] {
    let bytes = Array(text.utf8)
    return Segmenter.sentences(text).map { String(decoding: bytes[$0.range], as: UTF8.self) }
  }

  @Test(
    "sentences end at full stops that end sentences",
    arguments: [
      (
        "Deployers shall monitor the system. They shall inform the provider.",
        ["Deployers shall monitor the system.", "They shall inform the provider."]
      ),
      (
        "The Commission shall, e.g. by means of implementing acts, adopt rules. It shall publish them.",
        ["The Commission shall, e.g. by means of implementing acts, adopt rules.", "It shall publish them."]
      ),
      (
        "See Art. 5 and the data in (OJ L 119, 4.5.2016, p. 1). The rest follows.",
        ["See Art. 5 and the data in (OJ L 119, 4.5.2016, p. 1).", "The rest follows."]
      ),
      (
        "Fines of 7.5 % apply, i.e. in all cases. Appeals are possible.",
        ["Fines of 7.5 % apply, i.e. in all cases.", "Appeals are possible."]
      ),
      ("data, documents, etc. shall be kept", ["data, documents, etc. shall be kept"]),
      (
        "as referred to in Article 5(1), first subparagraph, point (h). Member States shall notify.",
        ["as referred to in Article 5(1), first subparagraph, point (h).", "Member States shall notify."]
      ),
      ("Zie bijv. artikel 5. Dat geldt z.B. auch.", ["Zie bijv. artikel 5.", "Dat geldt z.B. auch."]),
      (
        "the following paragraph is added: ‘It shall apply.’. Member States shall act.",
        ["the following paragraph is added: ‘It shall apply.’.", "Member States shall act."]
      ),
      (
        "EUR 15 000 000, whichever is higher., when the Commission finds",
        [
          "EUR 15 000 000, whichever is higher., when the Commission finds"
        ]
      ),
    ])
  func split(_ text: String, _ expected: [String]) {
    #expect(sentences(text) == expected)
  }

  @Test("clauses split at semicolons")
  func clauses() {
    let text = "this prohibition shall not apply to X; the Commission may adopt Y; or Z"
    let sentence = try! #require(Segmenter.sentences(text).first)  // non-nil: the text has words
    let bytes = Array(text.utf8)
    #expect(
      sentence.clauses.map { String(decoding: bytes[$0], as: UTF8.self) } == [
        "this prohibition shall not apply to X;", "the Commission may adopt Y;", "or Z",
      ])
  }

  @Test("empty text has no sentence")
  func empty() {
    #expect(Segmenter.sentences("").isEmpty)
  }

  @Test("on the AI Act, sentences tile each text and never start in lower case")
  func corpusSentences() throws {
    let document = try Fixtures.aiAct.get()
    var total = 0
    for provision in document.allProvisions where !provision.text.isEmpty {
      let bytes = Array(provision.text.utf8)
      let sentences = Segmenter.sentences(provision.text)
      total += sentences.count
      #expect(sentences.first?.range.lowerBound == 0)
      #expect(sentences.last?.range.upperBound == bytes.count)
      for (previous, next) in zip(sentences, sentences.dropFirst()) {
        #expect(
          next.range.lowerBound == previous.range.upperBound + 1,
          "\(provision.id): \(String(decoding: bytes[max(0, previous.range.upperBound - 30)..<min(bytes.count, next.range.lowerBound + 20)], as: UTF8.self))"
        )
        #expect(!(0x61...0x7A).contains(bytes[next.range.lowerBound]), "\(provision.id): sentence starts in lower case")
      }
    }
    #expect(total > 2000)
  }

  @Test("a chapeau and its points are one rule with several limbs (AI Act)")
  func rules() throws {
    let document = try Fixtures.aiAct.get()
    let article16 = try #require(document.provision(PinpointID(rawValue: "art_16")))
    let rule = Rule(article16)
    #expect(rule.text == "Providers of high-risk AI systems shall:")
    #expect(rule.limbs.map(\.clause.rawValue) == "abcdefghijkl".map { "art_16.pt_\($0)" })
    #expect(rule.joiner == .and)

    let prohibitions = Rule(try #require(document.provision(PinpointID(rawValue: "art_5.par_1"))))
    #expect(prohibitions.limbs.count == 8)
    #expect(prohibitions.limbs[2].limbs.map(\.clause.rawValue) == ["art_5.par_1.pt_c.pt_i", "art_5.par_1.pt_c.pt_ii"])

    // Article 43(1): "(a) … ; or (b) …" — alternatives.
    let alternatives = Rule(try #require(document.provision(PinpointID(rawValue: "art_43.par_1"))))
    #expect(alternatives.joiner == .or)

    // Article 26(5) has two subparagraphs: two rules, neither with limbs.
    let paragraph = try #require(document.provision(PinpointID(rawValue: "art_26.par_5")))
    #expect(Rule.rules(in: paragraph).map(\.clause.rawValue) == ["art_26.par_5", "art_26.par_5.sub_2"])
  }
}
