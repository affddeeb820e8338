import RegPolicyModel

/// Aligns the provisions of two versions of an act — by pinpoint ID, then, for what is left, by text
/// similarity, so a renumbered or moved provision is one change, not a removal and an addition — and
/// classifies each difference.
public struct ProvisionDiff: Sendable {
  /// One difference between the versions.
  public struct Change: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
      case added, removed, moved, modified
    }

    public var kind: Kind
    public var oldID: PinpointID?
    public var newID: PinpointID?
    public var substantive: Bool
    /// For an editorial change: whitespace, punctuation, case, typo, reference (comma-separated).
    public var editorial: String?
    /// The word-level diff (heading and text), git word-diff notation.
    public var diff: String
  }

  public var changes: [Change]
  /// Old ID → new ID of every provision found in both versions (same ID, or moved).
  public var aligned: [PinpointID: PinpointID]
  /// True when the preamble, citations and recitals were left out because one version (a
  /// consolidated text) has none.
  public var omitsFraming: Bool

  /// Provisions whose text similarity (Dice over words) reaches this are the same provision moved.
  static let moveThreshold = 0.8
  /// Below this similarity, a provision that kept its number is treated as replaced or renumbered.
  static let sameNumberThreshold = 0.5

  /// Compares two documents.
  public init(old: Document, new: Document) {
    var before = ProvisionDiff.units(old)
    var after = ProvisionDiff.units(new)
    // Consolidated texts print neither the preamble, citations and recitals nor the signatures:
    // when one version has no recitals and citations, the preamble is not compared; the lines
    // under the final formula (place, date, signatories) never are.
    let framing = { (unit: Unit) in
      let top = unit.id.rawValue.prefix { $0 != "." }
      return top == "pbl" || top.hasPrefix("cit_") || top.hasPrefix("rct_")
    }
    let preambleMissing = { (units: [Unit]) in
      !units.contains { $0.id.rawValue.hasPrefix("cit_") || $0.id.rawValue.hasPrefix("rct_") }
    }
    let omits = preambleMissing(before) != preambleMissing(after)
    omitsFraming = omits
    let signatures = { (unit: Unit) in unit.id.rawValue.hasPrefix("fnl.") }
    before.removeAll { signatures($0) || (omits && framing($0)) }
    after.removeAll { signatures($0) || (omits && framing($0)) }
    let afterByID = Dictionary(after.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    let beforeIDs = Set(before.map(\.id))
    var changes: [Change] = []
    var aligned: [PinpointID: PinpointID] = [:]
    var removed: [Unit] = []
    var released: Set<PinpointID> = []
    for unit in before {
      guard let other = afterByID[unit.id] else {
        removed.append(unit)
        continue
      }
      // Same number, other text: a renumbering (the AI Act's two paragraphs 11 of Article 73
      // became 10 and 11). Both go to the move search below.
      if unit.text != other.text, ProvisionDiff.similarity(unit.words, other.words) < Self.sameNumberThreshold {
        removed.append(unit)
        released.insert(other.id)
        continue
      }
      aligned[unit.id] = other.id
      if let change = ProvisionDiff.compare(unit, other, kind: .modified) { changes.append(change) }
    }
    var added = after.filter { !beforeIDs.contains($0.id) || released.contains($0.id) }
    // Moves: the most similar pairs first, each provision used once.
    var candidates: [(score: Double, old: Int, new: Int)] = []
    for (i, unit) in removed.enumerated() where unit.words.count >= 4 {
      for (j, other) in added.enumerated() where other.kind == unit.kind && other.words.count >= 4 {
        let score = ProvisionDiff.similarity(unit.words, other.words)
        if score >= Self.moveThreshold { candidates.append((score, i, j)) }
      }
    }
    candidates.sort { ($0.score, $1.old, $1.new) > ($1.score, $0.old, $0.new) }
    var usedOld: Set<Int> = []
    var usedNew: Set<Int> = []
    for candidate in candidates where !usedOld.contains(candidate.old) && !usedNew.contains(candidate.new) {
      usedOld.insert(candidate.old)
      usedNew.insert(candidate.new)
      let unit = removed[candidate.old]
      let other = added[candidate.new]
      aligned[unit.id] = other.id
      changes.append(
        ProvisionDiff.compare(unit, other, kind: .moved)
          ?? Change(kind: .moved, oldID: unit.id, newID: other.id, substantive: false, editorial: nil, diff: ""))
    }
    // A renumbering candidate that found no better partner is its number's new text after all.
    for (i, unit) in removed.enumerated() where !usedOld.contains(i) && released.contains(unit.id) {
      guard let j = added.firstIndex(where: { $0.id == unit.id }), !usedNew.contains(j) else { continue }
      usedOld.insert(i)
      usedNew.insert(j)
      aligned[unit.id] = unit.id
      if let change = ProvisionDiff.compare(unit, added[j], kind: .modified) { changes.append(change) }
    }
    for (i, unit) in removed.enumerated() where !usedOld.contains(i) {
      changes.append(
        Change(kind: .removed, oldID: unit.id, newID: nil, substantive: true, editorial: nil, diff: "[-\(unit.text)-]"))
    }
    added = added.enumerated().filter { !usedNew.contains($0.offset) }.map(\.element)
    for unit in added {
      changes.append(
        Change(kind: .added, oldID: nil, newID: unit.id, substantive: true, editorial: nil, diff: "{+\(unit.text)+}"))
    }
    // Document order of the new version, removals at their old place.
    let order = Dictionary(
      after.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
    let oldOrder = Dictionary(
      before.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
    func position(_ change: Change) -> (Int, Int) {
      if let id = change.newID, let index = order[id] { return (index, 0) }
      // A removal sorts right after what preceded it in the old version and was kept.
      let oldIndex = change.oldID.flatMap { oldOrder[$0] } ?? 0
      let previous = before[..<oldIndex].reversed().lazy.compactMap { aligned[$0.id].flatMap { order[$0] } }.first ?? -1
      return (previous, 1 + oldIndex)
    }
    self.changes = changes.sorted { position($0) < position($1) }
    self.aligned = aligned
  }

  /// One provision as compared: its heading and own text.
  struct Unit {
    var id: PinpointID
    var kind: ProvisionKind
    var text: String
    var words: [Substring]
  }

  static func units(_ document: Document) -> [Unit] {
    document.allProvisions.compactMap { provision in
      let text = [provision.heading ?? "", provision.text].filter { !$0.isEmpty }.joined(separator: " ")
      guard !text.isEmpty else { return nil }
      return Unit(id: provision.id, kind: provision.kind, text: text, words: text.split(separator: " "))
    }
  }

  static func compare(_ old: Unit, _ new: Unit, kind: Change.Kind) -> Change? {
    if old.text == new.text {
      return kind == .moved
        ? Change(kind: .moved, oldID: old.id, newID: new.id, substantive: false, editorial: nil, diff: "") : nil
    }
    let editorial = Editorial.reason(old: old.text, new: new.text)
    return Change(
      kind: kind, oldID: old.id, newID: new.id, substantive: editorial == nil, editorial: editorial,
      diff: WordDiff(words: old.words, new.words).marked)
  }

  /// Dice coefficient of the two word multisets.
  static func similarity(_ a: [Substring], _ b: [Substring]) -> Double {
    var counts: [Substring: Int] = [:]
    for word in a { counts[word, default: 0] += 1 }
    var common = 0
    for word in b where (counts[word] ?? 0) > 0 {
      counts[word]! -= 1  // checked > 0 on the line above
      common += 1
    }
    return 2 * Double(common) / Double(a.count + b.count)
  }
}
