/// Joins lexer atoms into legal units in one left-to-right pass. At each atom a small recogniser,
/// chosen by what the atom is (an opening bracket, a number, a vocabulary word), looks a few atoms
/// ahead; recognisers call each other for the parts they contain (a citation's enumerators, an
/// amount's digit groups), so no unit needs a pass of its own.
struct Combiner {
  let bytes: UnsafeBufferPointer<UInt8>
  let atoms: UnsafeBufferPointer<Atom>

  init(bytes: UnsafeBufferPointer<UInt8>, atoms: UnsafeBufferPointer<Atom>) {
    self.bytes = bytes
    self.atoms = atoms
  }

  func combine() -> [Token] {
    // Reserved and appended: `Array(unsafeUninitializedCapacity:)` allocates through an unspecialised
    // path that looks the storage's type metadata up at run time, every call.
    var output: [Token] = []
    output.reserveCapacity(atoms.count)
    var i = 0
    while i < atoms.count {
      let atom = atoms[i]
      if atom.flags & Atom.mayOpen != 0, let (kind, end) = unit(at: i) {
        output.append(Token(kind, Int(atom.start), Int(atoms[end - 1].end)))
        i = end
      } else {
        output.append(Token(atom.kind, Int(atom.start), Int(atom.end)))
        i &+= 1
      }
    }
    return output
  }

  /// The unit starting at atom `i`: its kind and the index after its last atom.
  private func unit(at i: Int) -> (Token.Kind, Int)? {
    let atom = atoms[i]
    switch atom.kind {
    case .punctuation:
      let byte = bytes[Int(atom.start)]
      if byte == UInt8(ascii: "(") {
        if let end = instrumentEnd(i) { return (.instrument, end) }
        if let end = enumeratorEnd(i) { return (.enumerator, end) }
      } else if byte == 0xE2, isEuro(i), let end = amountEnd(i) {
        return (.amount, end)
      }
      return nil
    case .number:
      if let end = dateEnd(i) { return (.date, end) }
      if let end = amountEnd(i) { return (.amount, end) }
      let end = numberEnd(i)
      if isByte(end, "%") { return (.percent, end + 1) }  // "7 %", "3%"
      if let end = enumeratorEnd(i) { return (.enumerator, end) }
      return end > i + 1 ? (.number, end) : nil
    case .word:
      switch atom.role {
      case .currency?: return amountEnd(i).map { (.amount, $0) }
      case .journal?: return journalEnd(i).map { (.journal, $0) }
      case .instrument?: return instrumentEnd(i).map { (.instrument, $0) }
      case .majorUnit?, .minorUnit?: return citationEnd(i).map { (.citation, $0) }
      default: return isByte(i + 1, ")") ? enumeratorEnd(i).map { (.enumerator, $0) } : nil
      }
    default:
      return nil
    }
  }

  // MARK: Atom tests

  @inline(__always) private func isByte(_ index: Int, _ ascii: Unicode.Scalar) -> Bool {
    index < atoms.count && atoms[index].kind == .punctuation && atoms[index].end - atoms[index].start == 1
      && bytes[Int(atoms[index].start)] == UInt8(ascii: ascii)
  }

  private func isWord(_ index: Int, _ word: StaticString) -> Bool {
    guard index < atoms.count, atoms[index].kind == .word, length(index) == word.utf8CodeUnitCount else {
      return false
    }
    return word.withUTF8Buffer { bytes[atoms[index].range].elementsEqual($0) }
  }

  @inline(__always) private func role(_ index: Int) -> Vocabulary.Role? {
    index < atoms.count ? atoms[index].role : nil
  }

  /// No space between the two atoms ("6(1)").
  @inline(__always) private func glued(_ left: Int, _ right: Int) -> Bool {
    left >= 0 && right < atoms.count && atoms[left].end == atoms[right].start
  }

  private func length(_ index: Int) -> Int { Int(atoms[index].end - atoms[index].start) }

  /// The value of an all-digit number atom.
  private func digits(_ index: Int) -> Int? {
    guard index < atoms.count, atoms[index].kind == .number, length(index) <= 9 else { return nil }
    var value = 0
    for byte in bytes[atoms[index].range] {
      guard Tokenizer.isDigit(byte) else { return nil }
      value = value * 10 + Int(byte - 0x30)
    }
    return value
  }

  private func isEuro(_ index: Int) -> Bool {
    index < atoms.count && atoms[index].kind == .punctuation
      && bytes[atoms[index].range].elementsEqual([0xE2, 0x82, 0xAC])
  }

  private func isCurrency(_ index: Int) -> Bool { role(index) == .currency || isEuro(index) }

  private func isRoman(_ index: Int) -> Bool {
    guard index < atoms.count, atoms[index].kind == .word, length(index) <= 7 else { return false }
    return bytes[atoms[index].range].allSatisfy {
      $0 == UInt8(ascii: "I") || $0 == UInt8(ascii: "V") || $0 == UInt8(ascii: "X") || $0 == UInt8(ascii: "L")
        || $0 == UInt8(ascii: "C")
    }
  }

  // MARK: Recognisers (each returns the index after the unit's last atom)

  /// "(a)", "(iv)", "(12)"; and "a)", "1)" — the Dutch and German style — when not glued to what
  /// comes before and not closing a bracket ("(OJ …, p. 1)").
  private func enumeratorEnd(_ i: Int) -> Int? {
    if isByte(i, "(") {
      guard glued(i, i + 1), glued(i + 1, i + 2), isByte(i + 2, ")"), isLabel(i + 1) else { return nil }
      return i + 3
    }
    guard isByte(i + 1, ")"), glued(i, i + 1), !glued(i - 1, i), atoms[i].flags & Atom.bracketed == 0, isLabel(i) else {
      return nil
    }
    return i + 2
  }

  /// A lower-case letter run of up to four ("a", "iv", "aa") or a number of up to three digits.
  private func isLabel(_ index: Int) -> Bool {
    guard index < atoms.count else { return false }
    switch atoms[index].kind {
    case .word: return length(index) <= 4 && bytes[atoms[index].range].allSatisfy(Tokenizer.isLowerASCII)
    case .number: return length(index) <= 3 && digits(index) != nil
    default: return false
    }
  }

  /// A number and the three-digit groups that follow it after one space: "35 000 000".
  private func numberEnd(_ i: Int) -> Int {
    guard length(i) <= 3, digits(i) != nil else { return i + 1 }
    var j = i + 1
    while j < atoms.count, length(j) == 3, digits(j) != nil, atoms[j].start == atoms[j - 1].end + 1,
      bytes[Int(atoms[j - 1].end)] == 0x20
    {
      j += 1
    }
    return j
  }

  /// "2 August 2026", "12 juni 2024"; a number written "4.5.2016".
  private func dateEnd(_ i: Int) -> Int? {
    if i + 2 < atoms.count, atoms[i + 1].role == .month, let day = digits(i), (1...31).contains(day),
      let year = digits(i + 2), (1000...2999).contains(year)
    {
      return i + 3
    }
    // Digit runs of at most 2, 2 and exactly 4, separated by single dots.
    var runs = (0, 0, 0)
    var part = 0
    for byte in bytes[atoms[i].range] {
      if Tokenizer.isDigit(byte) {
        switch part {
        case 0: runs.0 += 1
        case 1: runs.1 += 1
        default: runs.2 += 1
        }
      } else if byte == UInt8(ascii: ".") && part < 2 {
        part += 1
      } else {
        return nil
      }
    }
    guard part == 2, (1...2).contains(runs.0), (1...2).contains(runs.1), runs.2 == 4 else { return nil }
    return i + 1
  }

  /// "EUR 35 000 000", "EUR 7,5 million", "35 000 000 EUR", "€ 100".
  private func amountEnd(_ i: Int) -> Int? {
    if isCurrency(i) {
      guard i + 1 < atoms.count, atoms[i + 1].kind == .number else { return nil }
      let end = numberEnd(i + 1)
      return role(end) == .scale ? end + 1 : end
    }
    guard atoms[i].kind == .number else { return nil }
    var end = numberEnd(i)
    if role(end) == .scale { end += 1 }
    return isCurrency(end) ? end + 1 : nil
  }

  /// "OJ L 119, 4.5.2016, p. 1", "OJ L, 2024/1689, 12.7.2024", "PB L 119 van 4.5.2016, blz. 1".
  private func journalEnd(_ i: Int) -> Int? {
    var j = i + 1
    if isByte(j, ".") { j += 1 }  // "ABl."
    guard isWord(j, "L") || isWord(j, "C") else { return nil }
    var last = j
    j += 1
    while j < atoms.count, j - i < 16 {
      if atoms[j].kind == .number {
        last = j
      } else if !(isByte(j, ",") || isByte(j, ".") || isWord(j, "I") || isWord(j, "p") || isWord(j, "blz")
        || isWord(j, "S") || isWord(j, "van") || isWord(j, "vom") || isWord(j, "du"))
      {
        break
      }
      j += 1
    }
    return last > i + 1 ? last + 1 : nil
  }

  /// "Regulation (EU) 2024/1689", "Directive 2002/58/EC", "Decision No 768/2008/EC", and in lists
  /// without the word: "(EU) No 167/2013".
  private func instrumentEnd(_ i: Int) -> Int? {
    var j = i
    let hasWord = role(i) == .instrument
    if hasWord { j += 1 }
    // "(EU)", "(EC)", "(EU, Euratom)"
    var bracket = false
    if isByte(j, "("), j + 2 < atoms.count, atoms[j + 1].kind == .word,
      Tokenizer.isUpperASCII(bytes[Int(atoms[j + 1].start)])
    {
      var k = j + 2
      if isByte(k, ","), k + 1 < atoms.count, atoms[k + 1].kind == .word { k += 2 }
      if isByte(k, ")") {
        bracket = true
        j = k + 1
      }
    }
    guard hasWord || bracket else { return nil }
    if role(j) == .number {
      j += 1
      if isByte(j, ".") { j += 1 }  // "Nr."
    }
    guard j < atoms.count, atoms[j].kind == .number, bytes[atoms[j].range].contains(UInt8(ascii: "/")) else {
      return nil
    }
    // A suffix glued on: "/EC", "/EU", "/JHA".
    if isByte(j + 1, "/"), glued(j, j + 1), glued(j + 1, j + 2), atoms[j + 2].kind == .word { j += 2 }
    return j + 1
  }

  /// "Article 6(1)", "Articles 16 and 114", "points (a) to (c) of paragraph 1",
  /// "Article 5(1), first subparagraph, point (h)", "Annex III, point 1", "Artikel 6 Absatz 1".
  private func citationEnd(_ i: Int) -> Int? {
    guard let opening = role(i), opening == .majorUnit || opening == .minorUnit else { return nil }
    var j = i + 1
    if isByte(j, "."), glued(i, j) { j += 1 }  // "Art."
    let letter =
      opening == .minorUnit && j < atoms.count && atoms[j].kind == .word && length(j) == 1
      && Tokenizer.isLowerASCII(bytes[Int(atoms[j].start)])  // "Buchstabe a", "punt a"
    guard let first = designatorEnd(j) ?? (letter ? enumeratorEnd(j) ?? j + 1 : nil) else { return nil }
    var end = first
    while end < atoms.count {
      // "(a) to (c)", "16 and 114", "1, 2 and 3"
      if role(end) == .join || isByte(end, ","), role(end + 1) != .majorUnit, role(end + 1) != .minorUnit,
        let next = designatorEnd(end + 1)
      {
        end = next
        continue
      }
      // "… of Article 5(1)", "… of paragraph 1", "… of Regulation (EU) 2016/679"
      if atoms[end].kind == .word, Vocabulary.isOf(bytes, atoms[end].range) {
        if let next = citationEnd(end + 1) ?? (end + 1 < atoms.count ? instrumentEnd(end + 1) : nil) {
          end = next
          continue
        }
      }
      // "Artikel 6 Absatz 1 Buchstabe a": the next lower unit written straight after.
      if role(end) == .minorUnit, let next = citationEnd(end) {
        end = next
        continue
      }
      // "…, first subparagraph", "Annex III, point 1", "Chapter III, Section 2" — a lower unit;
      // ", Article 7" starts anew.
      if isByte(end, ",") {
        if role(end + 1) == .ordinal, role(end + 2) == .minorUnit {
          end += 3
          continue
        }
        if role(end + 1) == .minorUnit || isSection(end + 1), let next = citationEnd(end + 1) {
          end = next
          continue
        }
      }
      break
    }
    return end
  }

  private func isSection(_ index: Int) -> Bool {
    isWord(index, "Section") || isWord(index, "Afdeling") || isWord(index, "Abschnitt") || isWord(index, "section")
  }

  /// A designator — a number ("16", "14a"), a Roman numeral ("III"), an enumerator ("(a)") or a
  /// single capital ("Section A") — and the enumerators glued to it ("6(1)(a)").
  private func designatorEnd(_ j: Int) -> Int? {
    guard j < atoms.count else { return nil }
    var end: Int
    switch atoms[j].kind {
    case .number where !bytes[atoms[j].range].contains(UInt8(ascii: "/")):
      end = j + 1
    case .word where isRoman(j) || (length(j) == 1 && Tokenizer.isUpperASCII(bytes[Int(atoms[j].start)])):
      end = j + 1
    case .punctuation:
      guard isByte(j, "("), let enumerator = enumeratorEnd(j) else { return nil }
      end = enumerator
    default:
      return nil
    }
    while isByte(end, "("), glued(end - 1, end), let enumerator = enumeratorEnd(end) { end = enumerator }
    return end
  }
}
