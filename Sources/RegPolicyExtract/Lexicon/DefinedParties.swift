import RegPolicyModel

/// The parties an act defines for itself in its definitions article: "‘data holder’ means a
/// natural or legal person that …", "‘public sector body’ means national, regional or local
/// authorities …", "‘legal representative’ means a natural or legal person established …" (EUR-Lex
/// quotes, Formex's "term: means" alike).
///
/// A defined term names a party when the noun phrase its definition opens with is headed by a
/// party noun or a role of the lexicon (a person, a body, an authority, an undertaking, a
/// provider), read up to the first modifier ("that …", "of …", "established …"), across "or",
/// "and" and commas. A term defined as a thing ("‘data’ means any digital representation …") is
/// none. Only compound terms count: one word is already read as a party noun or an agent's noun
/// where it is one, and a term with a modifier of its own ("supplier of an article", "Digital
/// Services Coordinator of establishment") names its head's party under a condition, so its head
/// stays the party. A term the lexicon already has as a role keeps the lexicon's role.
public enum DefinedParties {
  /// A party an act defines: its role id (the term in lower case and singular, words joined by
  /// "-") and the singular and plural phrases that name it.
  public struct Party: Hashable, Sendable {
    public var role: String
    public var phrases: [String]
  }

  /// The parties the definitions articles of `document` define, in order, each once.
  public static func parties(in document: Document, lexicon: Lexicon) -> [Party] {
    var result: [Party] = []
    func visit(_ provision: Provision) {
      switch provision.kind {
      case .article:
        guard let heading = provision.heading, heading.lowercased().hasPrefix("definition") else { return }
        provision.forEach { definition in
          if let party = party(defined: definition.text, lexicon: lexicon), !result.contains(party) {
            result.append(party)
          }
        }
      case .recital, .annex, .citation, .footnote, .final:
        return
      default:
        provision.children.forEach(visit)
      }
    }
    document.provisions.forEach(visit)
    return result
  }

  /// The party `text` defines, if it is a definition ("‘TERM’ means …", "TERM: means …") of a
  /// compound term whose genus is a party.
  static func party(defined text: String, lexicon: Lexicon) -> Party? {
    var copy = text
    return copy.withUTF8 { whole -> Party? in
      // The term and the words that open its definition are at the start: the rest is not read,
      // nor is a definition of one word (no space before the first closing quote or colon).
      guard
        let close = whole.prefix(120).dropFirst().firstIndex(where: {
          $0 == 0x99 || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "'") || $0 == UInt8(ascii: "\"")
        }),
        whole[..<close].contains(UInt8(ascii: " "))
      else { return nil }
      let bytes = UnsafeBufferPointer(rebasing: whole[..<min(whole.count, close + 200)])
      let tokens = Tokenizer.tokenize(bytes)
      func word(_ i: Int) -> Slice<UnsafeBufferPointer<UInt8>> { bytes[tokens[i].range] }
      func isWord(_ i: Int, _ text: StaticString) -> Bool {
        tokens[i].kind == .word && text.withUTF8Buffer { word(i).elementsEqual($0) }
      }
      guard let means = tokens.indices.prefix(24).first(where: { isWord($0, "means") }) else { return nil }
      // The term: the words inside the quotes before "means" (the opening quote may be missing),
      // else the words before a colon.
      let quotes = (0..<means).filter { tokens[$0].kind == .punctuation && isQuote(word($0)) }
      let colon = (0..<means).first { tokens[$0].kind == .punctuation && word($0).elementsEqual(":".utf8) }
      let term: Range<Int>
      switch quotes.count {
      case 0:
        guard let colon else { return nil }
        term = 0..<colon
      case 1:
        term = 0..<quotes[0]
      default:
        term = quotes[0] + 1..<quotes[1]
      }
      guard term.count >= 2, term.count <= 6, term.allSatisfy({ tokens[$0].kind == .word }) else { return nil }
      let ids = lexicon.wordIDs(bytes, tokens)
      let matches = lexicon.matches(ids, in: 0..<tokens.count, skippable: [Bool](repeating: false, count: tokens.count))
      // A modifier inside the term, or a term the lexicon has as a role already.
      if term.contains(where: { matches.starts(.preposition, at: $0) || matches.starts(.relative, at: $0) }) {
        return nil
      }
      if matches[.role].contains(where: { $0.range == term }) { return nil }
      guard genusIsParty(after: means, tokens: tokens, bytes: bytes, matches: matches) else { return nil }
      let words = term.map { String(decoding: word($0), as: UTF8.self) }
      let (singular, plural) = forms(of: words[words.count - 1])
      let lead = words.dropLast().joined(separator: " ") + " "
      return Party(
        role: (lead + singular).lowercased().replacing(" ", with: "-"),
        phrases: singular == plural ? [lead + singular] : [lead + singular, lead + plural])
    }
  }

  /// Whether the noun phrase after "means" at `means` is headed by a party noun or a role: each
  /// word before a ",", "and", "or" and the last one before the first modifier is a head.
  private static func genusIsParty(
    after means: Int, tokens: [Token], bytes: UnsafeBufferPointer<UInt8>, matches: Matches
  ) -> Bool {
    var heads: [Int] = []
    var last: Int?
    var i = means + 1
    while i < min(tokens.count, means + 16) {
      defer { i += 1 }
      let token = tokens[i]
      if token.kind == .punctuation, bytes[token.range].elementsEqual(",".utf8) || isQuote(bytes[token.range]) {
        if let head = last { heads.append(head) }
        last = nil
        continue
      }
      guard token.kind == .word else { break }
      if matches.starts(.coordinator, at: i) {
        if let head = last { heads.append(head) }
        last = nil
        continue
      }
      let isParty = matches.starts(.party, at: i) || matches[.role].contains { $0.range.contains(i) }
      // "that" is a determiner too, but after a noun it opens a relative clause.
      if !isParty,
        matches.starts(.preposition, at: i) || matches.starts(.subordinator, at: i)
          || (matches.starts(.relative, at: i) && last != nil) || isVerbForm(bytes[token.range])
      {
        break
      }
      if matches.starts(.determiner, at: i) { continue }
      last = i
    }
    if let head = last { heads.append(head) }
    return heads.contains { head in
      matches.starts(.party, at: head) || matches[.role].contains { $0.range.contains(head) }
    }
  }

  /// "-ing" and "-ed" words end a noun phrase ("a natural or legal person established in …").
  private static func isVerbForm(_ word: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
    word.count > 4 && (word.suffix(3).elementsEqual("ing".utf8) || word.suffix(2).elementsEqual("ed".utf8))
  }

  /// ‘ ’ “ ” ' and ".
  private static func isQuote(_ word: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
    if word.count == 1 { return word.first == UInt8(ascii: "'") || word.first == UInt8(ascii: "\"") }
    guard word.count == 3, word.first == 0xE2, word[word.startIndex + 1] == 0x80 else { return false }
    let last = word[word.startIndex + 2]
    return last == 0x98 || last == 0x99 || last == 0x9C || last == 0x9D
  }

  /// The singular and plural of a head noun, whichever the definition wrote ("bodies" → "body",
  /// "holder" → "holders").
  static func forms(of noun: String) -> (singular: String, plural: String) {
    let bytes = Array(noun.utf8)
    func vowel(_ byte: UInt8) -> Bool { "aeiou".utf8.contains(byte) }
    if noun.hasSuffix("ies"), bytes.count > 4 {
      return (String(noun.dropLast(3)) + "y", noun)
    }
    if noun.hasSuffix("s"), !noun.hasSuffix("ss"), !noun.hasSuffix("us"), !noun.hasSuffix("is"), bytes.count > 3 {
      return (String(noun.dropLast()), noun)
    }
    if noun.hasSuffix("y"), bytes.count > 2, !vowel(bytes[bytes.count - 2]) {
      return (noun, String(noun.dropLast()) + "ies")
    }
    if noun.hasSuffix("s") || noun.hasSuffix("x") || noun.hasSuffix("ch") || noun.hasSuffix("sh") {
      return (noun, noun + "es")
    }
    return (noun, noun + "s")
  }
}
