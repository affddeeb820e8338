import RegPolicyModel

/// The divisions still open on a page whose titles and text are siblings (flat EUR-Lex pages,
/// pages before 2011, Commission proposals): a division runs to the next title of its rank or
/// above, nests in the one around it (`cpt_II.sct_1`), and every provision read meanwhile goes into
/// the innermost.
struct DivisionStack {
  /// Outermost first.
  private(set) var open: [Provision] = []

  var isEmpty: Bool { open.isEmpty }

  /// Adds a provision to the innermost open division, or to the document's `provisions`.
  mutating func add(_ provision: Provision, to provisions: inout [Provision]) {
    if open.isEmpty {
      provisions.append(provision)
    } else {
      open[open.count - 1].children.append(provision)
    }
  }

  /// Closes the open divisions of `rank` and below (`Vocabulary.rank`; 0 closes all), each into the
  /// one around it.
  mutating func close(rank: Int, into provisions: inout [Provision]) {
    while let last = open.last, Vocabulary.rank(last.kind) >= rank {
      open.removeLast()
      if open.isEmpty { lastOutermost = last.kind }
      add(last, to: &provisions)
    }
  }

  /// Opens a division at its title: the open ones of its rank and below close first. Outside any
  /// division its ID is under `base` (a compilation's part), if any.
  mutating func open(
    _ kind: ProvisionKind, _ prefix: PinpointID.Prefix, _ number: String, heading: String?, at source: Int,
    under base: PinpointID? = nil, assembler: inout Assembler, into provisions: inout [Provision]
  ) {
    close(rank: Vocabulary.rank(kind), into: &provisions)
    let outer = open.last?.id ?? base
    let id = assembler.claim(outer?.appending(prefix, number) ?? PinpointID(prefix, number), at: source)
    open.append(Provision(id: id, kind: kind, num: number, heading: heading, source: assembler.span(source)))
  }

  /// Opens a division printed with a heading and no number ("FINAL PROVISIONS"), `cpt_nn1` (see
  /// `UnnumberedDivisions`). Its kind is that of the outermost division open (or last closed) —
  /// the rank it closes — else a chapter. Returns its ID.
  @discardableResult
  mutating func openUnnumbered(
    heading: String, at source: Int, under base: PinpointID? = nil, assembler: inout Assembler,
    into provisions: inout [Provision]
  ) -> PinpointID {
    let kind = open.first?.kind ?? lastOutermost ?? .chapter
    close(rank: Vocabulary.rank(kind), into: &provisions)
    let prefix = Vocabulary.divisionRanks.first { $0.0 == kind }?.1 ?? .chapter
    let id = assembler.claim(unnumbered.next(under: open.last?.id ?? base, prefix), at: source)
    open.append(Provision(id: id, kind: kind, heading: heading, source: assembler.span(source)))
    return id
  }

  private var unnumbered = UnnumberedDivisions()
  /// The kind of the last outermost division closed.
  private var lastOutermost: ProvisionKind?

  /// Sets the heading of the innermost open division (one whose heading is a paragraph of its own).
  mutating func setHeading(_ heading: String) {
    if !open.isEmpty { open[open.count - 1].heading = heading }
  }
}

/// The IDs of divisions printed with a heading and no number ("FINAL PROVISIONS"), alike in every
/// reader: `nn` (Akoma Ntoso's "no number") and the division's place among its parent's unnumbered
/// divisions of that kind — `cpt_nn1`, `cpt_III.sct_nn1` — so no number is made up that a
/// citation could take for a printed one.
struct UnnumberedDivisions {
  /// How many unnumbered divisions of each prefix each parent holds so far ("cpt_II/sct" → 1).
  private var counts: [String: Int] = [:]

  mutating func next(under parent: PinpointID?, _ prefix: PinpointID.Prefix) -> PinpointID {
    let key = (parent?.rawValue ?? "") + "/" + prefix.rawValue
    let position = (counts[key] ?? 0) + 1
    counts[key] = position
    return parent?.appending(prefix, "nn\(position)") ?? PinpointID(prefix, "nn\(position)")
  }
}
