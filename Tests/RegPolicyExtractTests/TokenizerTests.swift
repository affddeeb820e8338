import Foundation
import RegPolicyExtract
import RegPolicyIngest
import RegPolicyModel
import Testing

@Suite("Tokenizer")
struct TokenizerTests {
  /// The tokens of `text` as (kind, text) pairs.
  func tokens(_ text: String) -> [(Token.Kind, String)] {
    let bytes = Array(text.utf8)
    return Tokenizer.tokenize(text).map { ($0.kind, String(decoding: bytes[$0.range], as: UTF8.self)) }
  }

  func units(_ text: String) -> [String] {
    tokens(text).filter { $0.0 != .word && $0.0 != .punctuation && $0.0 != .number }.map { "\($0.0):\($0.1)" }
  }

  @Test(
    "legal units stay whole",
    arguments: [
      ("as referred to in Article 6(1) and Annex III", ["citation:Article 6(1)", "citation:Annex III"]),
      ("point (a) of Article 5(1) applies", ["citation:point (a) of Article 5(1)"]),
      ("points (a) to (c) of paragraph 1", ["citation:points (a) to (c) of paragraph 1"]),
      ("Articles 16 and 114 thereof", ["citation:Articles 16 and 114"]),
      ("Annex III, point 1 lists", ["citation:Annex III, point 1"]),
      ("Chapter III, Section 2 sets out", ["citation:Chapter III, Section 2"]),
      ("Regulation (EU) 2024/1689 of the", ["instrument:Regulation (EU) 2024/1689"]),
      ("Directive 2002/58/EC applies", ["instrument:Directive 2002/58/EC"]),
      (
        "Regulations (EC) No 300/2008, (EU) No 167/2013 and",
        ["instrument:Regulations (EC) No 300/2008", "instrument:(EU) No 167/2013"]
      ),
      ("Regulation (EU, Euratom) 2018/1046", ["instrument:Regulation (EU, Euratom) 2018/1046"]),
      ("(OJ L 119, 4.5.2016, p. 1).", ["journal:OJ L 119, 4.5.2016, p. 1"]),
      ("(OJ L, 2024/1689, 12.7.2024, ELI: x)", ["journal:OJ L, 2024/1689, 12.7.2024"]),
      ("It shall apply from 2 August 2026.", ["date:2 August 2026"]),
      ("fines of up to EUR 35 000 000 or 7 % of", ["amount:EUR 35 000 000", "percent:7 %"]),
      ("EUR 7,5 million", ["amount:EUR 7,5 million"]),
      ("the following: (a) first; (ii) second; (12) third", ["enumerator:(a)", "enumerator:(ii)", "enumerator:(12)"]),
      (
        "Verordening (EU) 2016/679 en artikel 5, lid 1",
        ["instrument:Verordening (EU) 2016/679", "citation:artikel 5, lid 1"]
      ),
      ("gemäß Artikel 6 Absatz 1 Buchstabe a", ["citation:Artikel 6 Absatz 1 Buchstabe a"]),
      ("in Article 5(1), first subparagraph, point (h), of", ["citation:Article 5(1), first subparagraph, point (h)"]),
      ("point (h), Article 5(2) to (6) and", ["citation:point (h)", "citation:Article 5(2) to (6)"]),
      ("bedoeld in artikel 5, lid 1, punt a), en", ["citation:artikel 5, lid 1, punt a)"]),
      (
        "Article 9(2), point (g) of Regulation (EU) 2016/679 and",
        ["citation:Article 9(2), point (g) of Regulation (EU) 2016/679"]
      ),
    ])
  func units(_ text: String, _ expected: [String]) {
    #expect(units(text) == expected)
  }

  @Test("words keep their hyphens, apostrophes and letters")
  func words() {
    let words = tokens("high-risk AI systems’ provider’s ‘deep fake’ Straße één co-operation 14a").map(\.1)
    #expect(
      words == [
        "high-risk", "AI", "systems", "’", "provider’s", "‘", "deep", "fake", "’", "Straße", "één", "co-operation",
        "14a",
      ])
  }

  @Test("non-units stay apart")
  func nonUnits() {
    #expect(units("the Annex and this Article") == [])
    #expect(units("(EU) and (a") == [])
    #expect(tokens("e.g. 2024").map(\.0) == [.word, .punctuation, .word, .punctuation, .number])
  }

  @Test("empty, white space and invalid UTF-8")
  func edges() {
    #expect(Tokenizer.tokenize("").isEmpty)
    #expect(Tokenizer.tokenize("   ").isEmpty)
    let bytes: [UInt8] = [0x61, 0xFF, 0xC3, 0x28, 0xE2]
    let result = bytes.withUnsafeBufferPointer { Tokenizer.tokenize($0) }
    #expect(result.last.map { Int($0.end) } == bytes.count)
  }

  /// Every non-space byte of every provision lies in exactly one token, tokens in order, on real
  /// texts in three languages; and the legal units the corpus is full of come out whole.
  @Test(
    "covers the text of real acts",
    arguments: [
      "eu-ai-act/html/32024R1689_EN_OJ.html", "eu-ai-act/html-nl/32024R1689_NL_OJ.html", "gdpr/32016R0679_EN_OJ.html",
    ])
  func corpus(_ file: String) throws {
    let document = try Fixtures.document(Fixtures.corpus + "/" + file)
    var units: [Token.Kind: Set<String>] = [:]
    for provision in document.allProvisions {
      let bytes = Array(provision.text.utf8)
      let tokens = Tokenizer.tokenize(provision.text)
      var covered = 0
      for token in tokens {
        #expect(Int(token.start) >= covered, "\(provision.id): overlapping tokens")
        for index in covered..<Int(token.start) where bytes[index] != 0x20 {
          Issue.record("\(provision.id): byte \(index) in no token")
        }
        covered = Int(token.end)
        units[token.kind, default: []].insert(String(decoding: bytes[token.range], as: UTF8.self))
      }
      #expect(bytes[covered...].allSatisfy { $0 == 0x20 })
    }
    if file.contains("EN_OJ") && file.contains("1689") {
      #expect(units[.citation]?.contains("Article 6(1)") == true)
      #expect(units[.citation]?.contains("Article 5(1), first subparagraph, point (h)") == true)
      #expect(units[.instrument]?.contains("Regulation (EU) 2016/679") == true)
      #expect(units[.date]?.contains("2 August 2026") == true)
      #expect(units[.amount]?.contains("EUR 35 000 000") == true)
      #expect(units[.percent]?.contains("7 %") == true)
    }
    if file.contains("2016") {
      #expect(units[.citation]?.contains("Article 6(1)") == true)
      #expect(units[.instrument]?.contains("Directive 95/46/EC") == true)
    }
    if file.contains("NL_OJ") {
      #expect(units[.instrument]?.contains("Verordening (EU) 2016/679") == true)
      #expect(units[.date]?.contains("2 augustus 2026") == true)
    }
    #expect((units[.citation]?.count ?? 0) > 100)
  }
}
