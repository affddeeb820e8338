import RegPolicyModel

/// Parties an act names by their remit, learned from the subjects of its statements: "the
/// competent authority for data intermediation services shall …", "The Committee for Risk
/// Assessment shall …". A party noun outside the lexicon followed by "for" and plain words up to
/// the modal, met as the subject of two statements or more in the same words, is one of the act's
/// actors: the remit is part of its name, so its other mentions ("… or the competent authority
/// for the registration of data altruism organisations shall") name it too. A remit said once is
/// only a modifier; "of …" says whose a party is ("the Digital Services Coordinator of
/// establishment", "the management body of the gatekeeper"), not which, and lexicon roles keep
/// their role ("providers of high-risk AI systems").
public enum RemitParties {
  /// The parties the subjects of `statements` name by their remit, in order of first mention.
  public static func parties(in statements: [Statement]) -> [DefinedParties.Party] {
    var counts: [String: Int] = [:]
    var found: [DefinedParties.Party] = []
    for index in statements.indices where statements[index].modality.isRegulatory {
      for addressee in statements[index].addressees
      where addressee.role == nil && (addressee.source == .subject || addressee.source == .chapeau) {
        guard let modal = statements[index].evidence.first(where: { $0.rule.hasPrefix("modal:") })?.span,
          let party = party(addressee, before: modal.lowerBound, in: statements[index].text)
        else { continue }
        counts[party.role, default: 0] += 1
        if counts[party.role] == 1 { found.append(party) }
      }
    }
    return found.filter { counts[$0.role, default: 0] >= 2 }
  }

  /// The party `addressee` and the remit after it up to `end` name ("competent authority" +
  /// " for data intermediation services "), if the words between are "for" and plain words.
  static func party(_ addressee: Statement.Addressee, before end: Int, in text: String) -> DefinedParties.Party? {
    let bytes = Array(text.utf8)
    guard addressee.span.upperBound < end, end <= bytes.count else { return nil }
    var tail = bytes[addressee.span.upperBound..<end]
    while tail.last == UInt8(ascii: " ") { tail = tail.dropLast() }
    guard tail.starts(with: " for ".utf8), tail.count > 5,
      tail.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "-") || ($0 | 0x20) &- 0x61 < 26 }),
      tail.count(where: { $0 == UInt8(ascii: " ") }) <= 8
    else { return nil }
    let remit = String(decoding: tail, as: UTF8.self)
    var words = addressee.text.split(separator: " ").map(String.init)
    guard let head = words.popLast() else { return nil }
    let (singular, plural) = DefinedParties.forms(of: head)
    let lead = words.map { $0 + " " }.joined()
    return DefinedParties.Party(
      role: (lead + singular + remit).lowercased().replacing(" ", with: "-"),
      phrases: singular == plural ? [lead + singular + remit] : [lead + singular + remit, lead + plural + remit])
  }
}
