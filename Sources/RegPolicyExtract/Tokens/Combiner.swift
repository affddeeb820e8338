/// Joins lexer atoms into legal units. Each step is one left-to-right pass that looks a few atoms
/// ahead; steps run in order so later ones see the units earlier ones made (citations see
/// enumerators, amounts see number groups).
struct Combiner {
  let bytes: UnsafeBufferPointer<UInt8>
  var atoms: [Token]
  /// The vocabulary role of each atom (words only), looked up once and kept in step with `atoms`.
  private var roles: [Vocabulary.Role?]
  /// For each lexer atom, how many '(' are open before it (for the enumerator pass only).
  private var openBrackets: [Int32] = []

  init(bytes: UnsafeBufferPointer<UInt8>, atoms: [Token]) {
    self.bytes = bytes
    self.atoms = atoms
    roles = atoms.map { $0.kind == .word ? Vocabulary.role(bytes, $0.range) : nil }
  }

  mutating func combine() -> [Token] {
    var open: Int32 = 0
    openBrackets.reserveCapacity(atoms.count)
    for index in atoms.indices {
      openBrackets.append(open)
      if isPunctuation(index, "(") { open += 1 } else if isPunctuation(index, ")") { open = max(0, open - 1) }
    }
    pass(.enumerators)
    pass(.numberGroups)
    pass(.quantities)
    pass(.references)
    pass(.citations)
    return atoms
  }

  /// The passes, in order; a later pass sees the units the earlier ones made.
  private enum Pass {
    case enumerators, numberGroups, quantities, references, citations
  }

  /// One left-to-right pass. Matches are written back in place (the write position never passes
  /// the read position, and steps only look ahead or at the end of the token before), so a pass
  /// allocates nothing.
  private mutating func pass(_ pass: Pass) {
    var write = 0
    var read = 0
    while read < atoms.count {
      let match: (Token, Int)?
      switch pass {
      case .enumerators: match = enumerator(read)
      case .numberGroups: match = numberGroup(read)
      case .quantities: match = date(read) ?? amount(read) ?? percent(read)
      case .references: match = journal(read) ?? instrument(read)
      case .citations: match = citation(read)
      }
      if let (token, count) = match {
        atoms[write] = token
        roles[write] = nil
        read += count
      } else {
        atoms[write] = atoms[read]
        roles[write] = roles[read]
        read += 1
      }
      write += 1
    }
    atoms.removeSubrange(write...)
    roles.removeSubrange(write...)
  }

  // MARK: Atom tests

  private func text(_ index: Int) -> Slice<UnsafeBufferPointer<UInt8>> { bytes[atoms[index].range] }

  private func isPunctuation(_ index: Int, _ ascii: Unicode.Scalar) -> Bool {
    index < atoms.count && atoms[index].kind == .punctuation && atoms[index].end - atoms[index].start == 1
      && bytes[Int(atoms[index].start)] == UInt8(ascii: ascii)
  }

  private func isWord(_ index: Int, _ word: String) -> Bool {
    index < atoms.count && atoms[index].kind == .word && text(index).elementsEqual(word.utf8)
  }

  private func role(_ index: Int) -> Vocabulary.Role? { index < roles.count ? roles[index] : nil }

  /// No space between the two atoms ("6(1)").
  private func glued(_ left: Int, _ right: Int) -> Bool {
    right < atoms.count && atoms[left].end == atoms[right].start
  }

  private func digits(_ index: Int) -> Int? {
    guard index < atoms.count, atoms[index].kind == .number else { return nil }
    var value = 0
    for byte in text(index) {
      guard Tokenizer.isDigit(byte), value < 1_000_000 else { return nil }
      value = value * 10 + Int(byte - 0x30)
    }
    return value
  }

  private func isRoman(_ index: Int) -> Bool {
    guard index < atoms.count, atoms[index].kind == .word, atoms[index].end - atoms[index].start <= 7 else {
      return false
    }
    return text(index).allSatisfy { "IVXLC".utf8.contains($0) }
  }

  /// What may follow a unit word: a number ("16", "14a"), a Roman numeral ("III"), an enumerator
  /// ("(a)") or a single capital ("Section A").
  private func isDesignator(_ index: Int) -> Bool {
    guard index < atoms.count else { return false }
    switch atoms[index].kind {
    case .number: return !text(index).contains(UInt8(ascii: "/"))
    case .enumerator: return true
    case .word:
      return isRoman(index)
        || (atoms[index].end - atoms[index].start == 1 && Tokenizer.isUpperASCII(text(index).first!))  // non-empty word
    default: return false
    }
  }

  // MARK: Steps

  /// "(a)", "(iv)", "(12)": a bracketed lower-case letter run or number, no spaces inside.
  private func enumerator(_ i: Int) -> (Token, Int)? {
    // "a)", "1)", "iv)": the Dutch and German style, not glued to what comes before and not the
    // end of a bracket ("(OJ …, p. 1)").
    if i + 1 < atoms.count, isPunctuation(i + 1, ")"), glued(i, i + 1), i == 0 || !glued(i - 1, i),
      openBrackets[i] == 0, isEnumeratorLabel(i)
    {
      return (Token(.enumerator, Int(atoms[i].start), Int(atoms[i + 1].end)), 2)
    }
    guard isPunctuation(i, "("), glued(i, i + 1), glued(i + 1, i + 2), isPunctuation(i + 2, ")"),
      isEnumeratorLabel(i + 1)
    else { return nil }
    return (Token(.enumerator, Int(atoms[i].start), Int(atoms[i + 2].end)), 3)
  }

  /// A lower-case letter run of up to four ("a", "iv", "aa") or a number of up to three digits.
  private func isEnumeratorLabel(_ index: Int) -> Bool {
    let inner = atoms[index]
    let length = Int(inner.end - inner.start)
    switch inner.kind {
    case .word: return length <= 4 && text(index).allSatisfy(Tokenizer.isLowerASCII)
    case .number: return length <= 3 && digits(index) != nil
    default: return false
    }
  }

  /// "35 000 000", "10 000": digit groups of three after a first group of one to three digits.
  private func numberGroup(_ i: Int) -> (Token, Int)? {
    guard let first = digits(i), first < 1000, atoms[i].end - atoms[i].start <= 3 else { return nil }
    var j = i + 1
    while j < atoms.count, digits(j) != nil, atoms[j].end - atoms[j].start == 3,
      atoms[j].start == atoms[j - 1].end + 1, bytes[Int(atoms[j - 1].end)] == 0x20
    {
      j += 1
    }
    guard j > i + 1 else { return nil }
    return (Token(.number, Int(atoms[i].start), Int(atoms[j - 1].end)), j - i)
  }

  /// "2 August 2026", "12 juni 2024"; and numbers written "4.5.2016".
  private func date(_ i: Int) -> (Token, Int)? {
    if let day = digits(i), (1...31).contains(day), case .month? = role(i + 1),
      let year = digits(i + 2), (1000...2999).contains(year)
    {
      return (Token(.date, Int(atoms[i].start), Int(atoms[i + 2].end)), 3)
    }
    guard i < atoms.count, atoms[i].kind == .number else { return nil }
    let parts = text(i).split(separator: UInt8(ascii: "."))
    guard parts.count == 3, parts[0].count <= 2, parts[1].count <= 2, parts[2].count == 4,
      parts.allSatisfy({ $0.allSatisfy(Tokenizer.isDigit) })
    else { return nil }
    return (Token(.date, Int(atoms[i].start), Int(atoms[i].end)), 1)
  }

  /// "EUR 35 000 000", "EUR 7,5 million", "35 000 000 EUR", "€ 100".
  private func amount(_ i: Int) -> (Token, Int)? {
    if isCurrency(i), i + 1 < atoms.count, atoms[i + 1].kind == .number {
      let end = role(i + 2) == .scale ? i + 2 : i + 1
      return (Token(.amount, Int(atoms[i].start), Int(atoms[end].end)), end - i + 1)
    }
    if i < atoms.count, atoms[i].kind == .number {
      let unit = role(i + 1) == .scale ? i + 2 : i + 1
      if isCurrency(unit) { return (Token(.amount, Int(atoms[i].start), Int(atoms[unit].end)), unit - i + 1) }
    }
    return nil
  }

  private func isCurrency(_ index: Int) -> Bool {
    guard index < atoms.count else { return false }
    if role(index) == .currency { return true }
    return atoms[index].kind == .punctuation && text(index).elementsEqual([0xE2, 0x82, 0xAC])  // €
  }

  /// "7 %", "3%".
  private func percent(_ i: Int) -> (Token, Int)? {
    guard i < atoms.count, atoms[i].kind == .number, isPunctuation(i + 1, "%") else { return nil }
    return (Token(.percent, Int(atoms[i].start), Int(atoms[i + 1].end)), 2)
  }

  /// "OJ L 119, 4.5.2016, p. 1", "OJ L, 2024/1689, 12.7.2024", "PB L 119 van 4.5.2016, blz. 1".
  private func journal(_ i: Int) -> (Token, Int)? {
    guard role(i) == .journal else { return nil }
    var j = i + 1
    if isPunctuation(j, ".") { j += 1 }  // "ABl."
    guard isWord(j, "L") || isWord(j, "C") else { return nil }
    var last = j
    j += 1
    let joiners = ["I", "p", "blz", "S", "van", "vom", "du"]
    while j < atoms.count, j - i < 16 {
      let atom = atoms[j]
      if atom.kind == .number || atom.kind == .date {
        last = j
      } else if !(isPunctuation(j, ",") || isPunctuation(j, ".")
        || (atom.kind == .word && joiners.contains { isWord(j, $0) }))
      {
        break
      }
      j += 1
    }
    guard last > i + 1 else { return nil }
    return (Token(.journal, Int(atoms[i].start), Int(atoms[last].end)), last - i + 1)
  }

  /// "Regulation (EU) 2024/1689", "Directive 2002/58/EC", "Decision No 768/2008/EC", and in lists
  /// without the word: "(EU) No 167/2013".
  private func instrument(_ i: Int) -> (Token, Int)? {
    var j = i
    let hasWord = role(i) == .instrument
    if hasWord { j += 1 }
    // "(EU)", "(EC)", "(EU, Euratom)"
    var bracket = false
    if isPunctuation(j, "("), j + 2 < atoms.count, atoms[j + 1].kind == .word,
      Tokenizer.isUpperASCII(text(j + 1).first!)  // non-empty word
    {
      var k = j + 2
      if isPunctuation(k, ","), k + 1 < atoms.count, atoms[k + 1].kind == .word { k += 2 }
      if isPunctuation(k, ")") {
        bracket = true
        j = k + 1
      }
    }
    guard hasWord || bracket else { return nil }
    if role(j) == .number {
      j += 1
      if isPunctuation(j, ".") { j += 1 }  // "Nr."
    }
    guard j < atoms.count, atoms[j].kind == .number, text(j).contains(UInt8(ascii: "/")) else { return nil }
    // A suffix glued on: "/EC", "/EU", "/JHA".
    if isPunctuation(j + 1, "/"), glued(j, j + 1), glued(j + 1, j + 2), j + 2 < atoms.count,
      atoms[j + 2].kind == .word
    {
      j += 2
    }
    return (Token(.instrument, Int(atoms[i].start), Int(atoms[j].end)), j - i + 1)
  }

  /// "Article 6(1)", "Articles 16 and 114", "points (a) to (c) of paragraph 1",
  /// "point (a) of Article 5(1)", "Annex III", "Section A", "Annex III, point 1".
  private func citation(_ i: Int) -> (Token, Int)? {
    guard let end = unit(from: i) else { return nil }
    return (Token(.citation, Int(atoms[i].start), Int(atoms[end].end)), end - i + 1)
  }

  /// The last atom of the citation starting at `i`, or nil when none starts there.
  private func unit(from i: Int) -> Int? {
    guard let opening = role(i), opening == .majorUnit || opening == .minorUnit else { return nil }
    var j = i + 1
    if isPunctuation(j, "."), glued(i, j) { j += 1 }  // "Art."
    let letter =
      opening == .minorUnit && j < atoms.count && atoms[j].kind == .word && atoms[j].end - atoms[j].start == 1
      && Tokenizer.isLowerASCII(bytes[Int(atoms[j].start)])  // "Buchstabe a", "punt a"
    guard isDesignator(j) || letter else { return nil }
    var last = designatorEnd(from: j)
    while true {
      let next = last + 1
      // "(a) to (c)", "16 and 114", "1, 2 and 3"
      if next + 1 < atoms.count, role(next) == .join || isPunctuation(next, ","), isDesignator(next + 1),
        !(role(next + 1) == .majorUnit || role(next + 1) == .minorUnit)
      {
        last = designatorEnd(from: next + 1)
        continue
      }
      // "… of Article 5(1)", "… of paragraph 1", "… of Regulation (EU) 2016/679"
      if next < atoms.count, atoms[next].kind == .word, Vocabulary.isOf(bytes, atoms[next].range) {
        if let end = unit(from: next + 1) {
          last = end
          continue
        }
        if next + 1 < atoms.count, atoms[next + 1].kind == .instrument {
          last = next + 1
          continue
        }
      }
      // "Artikel 6 Absatz 1 Buchstabe a": the next lower unit written straight after.
      if opening == .majorUnit || opening == .minorUnit, role(next) == .minorUnit, let end = unit(from: next) {
        last = end
        continue
      }
      // "Article 5(1), first subparagraph, point (h)"
      if isPunctuation(next, ","), role(next + 1) == .ordinal, role(next + 2) == .minorUnit {
        last = next + 2
        continue
      }
      // "Annex III, point 1", "Chapter III, Section 2" — a lower unit; ", Article 7" starts anew.
      if isPunctuation(next, ","), role(next + 1) == .minorUnit || isSection(next + 1), let end = unit(from: next + 1) {
        last = end
        continue
      }
      return last
    }
  }

  private func isSection(_ index: Int) -> Bool {
    ["Section", "Afdeling", "Abschnitt", "section"].contains { isWord(index, $0) }
  }

  /// A designator and the enumerators glued to it: "6(1)(a)".
  private func designatorEnd(from j: Int) -> Int {
    var last = j
    while last + 1 < atoms.count, atoms[last + 1].kind == .enumerator, glued(last, last + 1) { last += 1 }
    return last
  }
}
