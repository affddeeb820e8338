import RegPolicyModel

/// Resolves cross-references against a document: "Article 9(2)" → `art_9.par_2`, "points (a) to
/// (c) of paragraph 1" (inside Article 10) → `art_10.par_1.pt_a`, `…pt_b`, `…pt_c`, "the first
/// subparagraph" → the paragraph itself, "this Article" → the article, "Regulation (EU) 2016/679"
/// → instrument `32016R0679`. What cannot be resolved keeps its reason.
public struct ReferenceResolver: Sendable {
  typealias Step = PinpointID.Step

  /// Every pinpoint ID of the document.
  private let ids: Set<PinpointID>
  /// Children in document order, by parent ID (nil for the top level).
  private let children: [PinpointID?: [PinpointID]]
  /// The chapter (or section) each article stands in, for "Section 2" written inside an article.
  private let containers: [PinpointID: PinpointID]
  /// Articles, annexes and recitals in document order, by prefix, for ranges.
  private let topLevel: [PinpointID.Prefix: [PinpointID]]

  /// A resolver for `document`.
  public init(_ document: Document) {
    // Sized once for every provision: growing the tables rehashes every ID again.
    func count(_ provision: Provision) -> Int { provision.children.reduce(1) { $0 + count($1) } }
    let provisions = document.provisions.reduce(0) { $0 + count($1) }
    var ids: Set<PinpointID> = []
    ids.reserveCapacity(provisions)
    var children: [PinpointID?: [PinpointID]] = [:]
    children.reserveCapacity(provisions)
    var containers: [PinpointID: PinpointID] = [:]
    var topLevel: [PinpointID.Prefix: [PinpointID]] = [:]
    func walk(_ provision: Provision, parent: PinpointID?, container: PinpointID?) {
      let id = provision.id
      ids.insert(id)
      children[parent, default: []].append(id)
      if provision.kind == .article, let container { containers[id] = container }
      if provision.kind == .article || provision.kind == .annex || provision.kind == .recital,
        let prefix = id.steps?.first?.prefix
      {
        topLevel[prefix, default: []].append(id)
      }
      let inner = provision.kind == .chapter || provision.kind == .section ? id : container
      for child in provision.children { walk(child, parent: id, container: inner) }
    }
    for provision in document.provisions { walk(provision, parent: nil, container: nil) }
    self.ids = ids
    self.children = children
    self.containers = containers
    self.topLevel = topLevel
  }

  /// What the references before one in the same statement named: the last act (for "of that
  /// Regulation" and a bare "(EU) 2019/882" after "Directives (EU) 2016/2102 and") and the last
  /// provision of this document (for "point 2 thereof" after "Annex III").
  public struct Previous: Sendable {
    public var instrumentType: String?
    public var instrument: String?
    public var target: PinpointID?

    /// Nothing named before.
    public init() {}
  }

  /// A reference that names its target whatever clause it stands in ("Article 9(2)", "Annex III",
  /// "Article 5 of Regulation (EU) 2019/1020"), with what was named before it: the key under which
  /// its resolution holds for the whole document. Nil for one that depends on its place ("paragraph
  /// 2", "this Article", "point (a) thereof", "that Regulation").
  public struct Alone: Hashable, Sendable {
    let text: String
    let instrumentType: String?
    let instrument: String?
    let target: PinpointID?

    public init?(_ text: String, after previous: Previous) {
      guard text.utf8.withContiguousStorageIfAvailable(Self.standsAlone) == true else { return nil }
      self.text = text
      (instrumentType, instrument, target) = (previous.instrumentType, previous.instrument, previous.target)
    }

    /// Whether the words open with a unit or an act that needs no context and hold no word that
    /// points elsewhere; on the bytes, for it runs on every reference.
    private static func standsAlone(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
      var start = 0
      var first = true
      while start < bytes.count {
        var end = start
        while end < bytes.count && bytes[end] != UInt8(ascii: " ") { end += 1 }
        let word = UnsafeBufferPointer(rebasing: bytes[start..<end])
        let listed = { (words: [StaticString]) in
          words.contains { $0.utf8CodeUnitCount == word.count && $0.withUTF8Buffer { $0.elementsEqual(word) } }
        }
        if first ? !listed(openings) : listed(relative) { return false }
        first = false
        start = end + 1
      }
      return !first
    }

    private static let openings: [StaticString] = [
      "Article", "Articles", "Annex", "Annexes", "Regulation", "Directive", "Decision",
    ]
    private static let relative: [StaticString] = ["this", "This", "thereof", "that", "That"]
  }

  /// Resolves `reference` as written in the statement of `clause`.
  public func resolve(_ reference: Statement.Reference, in clause: PinpointID, after previous: Previous)
    -> Statement.Reference
  {
    let previousInstrument = previous.instrument.map { (type: previous.instrumentType ?? "R", celex: $0) }
    var result = reference
    let words = Self.words(reference.text)
    guard let first = words.first else { return result }
    // Another act alone: "Regulation (EU) 2016/679".
    if let act = Self.instrument(words, previousType: previousInstrument?.type), Self.unitPrefix(first) == nil {
      result.instrument = act.celex
      return result
    }
    // "this Article", "this paragraph".
    if Self.equalsFolded(first, "this"), words.count == 2 {
      if let target = context(of: clause, for: words[1]) {
        result.targets = [target]
      } else {
        result.unresolved = "'\(reference.text)' outside such a unit"
      }
      return result
    }
    // Split at "of": the part after the last "of" is the outermost unit.
    var groups: [[String]] = [[]]
    for word in words {
      if word == "of" || word == "thereof" {
        groups.append([])
        if word == "thereof" { groups[groups.count - 1] = ["thereof"] }
      } else {
        groups[groups.count - 1].append(word)
      }
    }
    // "paragraph 3 of this Article": this document, in the clause's context.
    if let last = groups.last, let head = last.first, Self.equalsFolded(head, "this"), groups.count > 1 {
      groups.removeLast()
    }
    var external: String?
    var base = clause
    if let last = groups.last, last == ["thereof"] || last.first == "that" {
      groups.removeLast()
      if let previous = previousInstrument {
        external = previous.celex
      } else if last == ["thereof"], let target = previous.target {
        base = target  // "point 2 thereof" after "Annex III"
      } else {
        result.unresolved = "'\(reference.text)' refers to something not named before it"
        return result
      }
    } else if let last = groups.last, let act = Self.instrument(last, previousType: previousInstrument?.type),
      Self.unitPrefix(last[0]) == nil
    {
      external = act.celex
      groups.removeLast()
    }
    // Outer to inner: groups in reverse, units inside a group (split at commas) in order.
    var units: [[String]] = []
    for group in groups.reversed() {
      var unit: [String] = []
      for word in group {
        if word == "," {
          if !unit.isEmpty { units.append(unit) }
          unit = []
        } else if Self.unitPrefix(word) != nil, let previous = unit.last, Self.ordinal(previous) == nil {
          // "Article 60(4) point (c)", "Chapter III Section 4": a unit word starts a unit.
          units.append(unit)
          unit = [word]
        } else {
          unit.append(word)
        }
      }
      if !unit.isEmpty { units.append(unit) }
    }
    // "paragraphs 1, 2 and 3", "Article 31(4), (5) and (10)": an element without a unit word
    // continues the list before it.
    var merged: [[String]] = []
    for unit in units {
      if let head = unit.first, Self.unitPrefix(head) == nil, Self.ordinal(head) == nil,
        !Self.equalsFolded(head, "the"), !merged.isEmpty
      {
        merged[merged.count - 1] += unit
      } else {
        merged.append(unit)
      }
    }
    units = merged
    var paths: [Piece] = [.one([])]
    for unit in units {
      guard let pieces = Self.pieces(unit) else {
        result.unresolved = "cannot read '\(unit.joined(separator: " "))'"
        return result
      }
      var combined: [Piece] = []
      for outer in paths {
        for inner in pieces {
          switch (outer, inner) {
          case (.one(let a), .one(let b)): combined.append(.one(a + b))
          case (.one(let a), .range(let from, let to)): combined.append(.range(a + from, a + to))
          case (.range(let from, let to), .one(let b)) where b.isEmpty: combined.append(.range(from, to))
          default:
            result.unresolved = "a range inside a range"
            return result
          }
        }
      }
      paths = combined
    }
    if let external {
      result.instrument = external
      for piece in paths {
        if case .one(let steps) = piece, let target = PinpointID(steps: steps) { result.targets.append(target) }
      }
      return result
    }
    var targets: [PinpointID] = []
    // The base's own steps, read once for every piece below.
    let context = (steps: base.steps ?? [], top: base.topLevel)
    for piece in paths {
      switch piece {
      case .one(let steps):
        guard let id = complete(steps, in: context) else {
          result.unresolved = "'\(reference.text)' needs a context that \(clause) does not give"
          return result
        }
        // Inside a point with points of its own, "point (f)" may name one of them.
        let inner = steps.first?.prefix == .point ? complete(steps, in: context, keepingPoints: true) : nil
        guard let found = existing(id) ?? inner.flatMap(existing) else {
          result.unresolved = "no provision \(id) in this document"
          return result
        }
        targets.append(found)
      case .range(let from, let to):
        guard let low = complete(from, in: context), let high = complete(to, in: context) else {
          result.unresolved = "'\(reference.text)' needs a context that \(clause) does not give"
          return result
        }
        // Articles 79 to 83 may stand in different sections: top-level units go by document order.
        let siblings =
          low.parent.map { children[$0] ?? [] } ?? low.steps?.first.flatMap { topLevel[$0.prefix] } ?? []
        guard let start = siblings.firstIndex(of: low), let end = siblings.firstIndex(of: high), start <= end else {
          result.unresolved = "range \(low) to \(high) not found in this document"
          return result
        }
        targets += siblings[start...end]
      }
    }
    result.targets = targets
    return result
  }

  /// `id` if the document has it; else the same place where the act calls an article's
  /// unnumbered subparagraphs "paragraphs" (Article 113(3) → `art_113.sub_3`).
  private func existing(_ id: PinpointID) -> PinpointID? {
    if ids.contains(id) { return id }
    guard var steps = id.steps, steps.count >= 2, steps[1].prefix == .paragraph else { return nil }
    if steps[1].number == "1" { steps.remove(at: 1) } else { steps[1].prefix = .subparagraph }
    return PinpointID(steps: steps).flatMap { ids.contains($0) ? $0 : nil }
  }

  /// A path of steps, or a range between two paths that differ in the last step.
  enum Piece {
    case one([Step])
    case range([Step], [Step])
  }

  /// Adds the context a relative path leaves out ("paragraph 1" inside Article 10 → Article 10)
  /// and drops the first subparagraph, which is the paragraph's own text.
  private func complete(
    _ steps: [Step], in clause: (steps: [Step], top: PinpointID), keepingPoints: Bool = false
  ) -> PinpointID? {
    let segments = clause.steps
    guard let first = steps.first else { return nil }
    var prefix: ArraySlice<Step> = []
    switch first.prefix {
    case .article, .annex, .chapter, .recital, .title, .part:
      break  // absolute: no context needed
    case .section:
      if segments.first?.prefix == .annex {
        prefix = segments[..<1]
      } else if let container = containers[clause.top]?.steps {
        prefix = ArraySlice(container.filter { $0.prefix == .chapter || $0.prefix == .title })
      } else {
        return nil
      }
    case .paragraph:
      guard segments.first?.prefix == .article else { return nil }
      prefix = segments[..<1]
    default:  // sub, pt, idt: inside the clause's paragraph (or article, or annex part)
      prefix = segments[...]
      // A point is looked for in the clause's subparagraph; a subparagraph in its paragraph.
      while !keepingPoints, let last = prefix.last?.prefix,
        last == .point || last == .indent || (first.prefix == .subparagraph && last == .subparagraph)
      {
        prefix.removeLast()
      }
      if prefix.isEmpty { return nil }
    }
    // The first subparagraph is the paragraph's own text.
    let dropped = steps.firstIndex { $0.prefix == .subparagraph && $0.number == "1" }
    var path = Array(prefix)
    path.reserveCapacity(prefix.count + steps.count)
    for index in steps.indices where index != dropped { path.append(steps[index]) }
    return PinpointID(steps: path)
  }

  /// "this Article" → the clause's article; "this paragraph" → its paragraph; "this Chapter" →
  /// the chapter the article stands in; …
  private func context(of clause: PinpointID, for unit: String) -> PinpointID? {
    guard let prefix = Self.unitPrefix(unit), var segments = clause.steps else { return nil }
    // Inside an article, a division is the one the article stands in; inside an annex, its own.
    if [.chapter, .section, .title, .part].contains(prefix), let container = containers[clause.topLevel]?.steps {
      segments = container
    }
    // The first subparagraph is the paragraph's own text.
    let wanted = prefix == .subparagraph && !segments.contains { $0.prefix == .subparagraph } ? .paragraph : prefix
    guard let index = segments.lastIndex(where: { $0.prefix == wanted }) else { return nil }
    return PinpointID(steps: segments[...index])
  }

  // MARK: Reading a unit

  /// `word` lower-cased; numbers, brackets and commas — most of a reference's words, none of them a
  /// word the tables list — as they are, without the cost of `lowercased()`.
  private static func folded(_ word: String) -> String {
    word.utf8.first.map { $0 >= UInt8(ascii: "A") } == true ? word.lowercased() : word
  }

  /// The prefix a unit word names ("Article", "points", "artikel" → `.article`, `.point`).
  static func unitPrefix(_ word: String) -> PinpointID.Prefix? {
    guard unitInitials.admits(word) else { return nil }
    return unitForms[folded(word)]
  }

  /// A word with a final "s" dropped when it is longer than four characters ("points" → "point",
  /// not "arts" → "art").
  private static func singular(_ lower: String) -> String {
    lower.hasSuffix("s") && lower.count > 4 ? String(lower.dropLast()) : lower
  }

  /// `unitPrefixes` of `singular(word)` for every word that has one: each unit word and the same
  /// with an "s", read with one lookup.
  private static let unitForms: [String: PinpointID.Prefix] = {
    var table: [String: PinpointID.Prefix] = [:]
    for word in unitPrefixes.keys {
      for form in [word, word + "s"] {
        if let prefix = unitPrefixes[singular(form)] { table[form] = prefix }
      }
    }
    return table
  }()

  private static let unitPrefixes: [String: PinpointID.Prefix] = {
    var table: [String: PinpointID.Prefix] = [:]
    for (prefix, words): (PinpointID.Prefix, [String]) in [
      (.article, ["article", "art", "artikel"]), (.paragraph, ["paragraph", "lid", "absatz", "paragraphe"]),
      (.subparagraph, ["subparagraph", "alinea", "unterabsatz", "alinéa"]),
      (.point, ["point", "punt", "buchstabe", "nummer", "ziffer"]), (.indent, ["indent", "streepje", "tiret"]),
      (.annex, ["annex", "bijlage", "anhang", "annexe"]), (.chapter, ["chapter", "hoofdstuk", "kapitel", "chapitre"]),
      (.section, ["section", "afdeling", "abschnitt"]), (.title, ["title", "titel", "titre"]),
      (.part, ["part", "deel", "teil", "partie"]),
      (.recital, ["recital", "overweging", "erwägungsgrund", "considérant"]),
    ] {
      for word in words { table[word] = prefix }
    }
    return table
  }()
  private static let unitInitials = Initials(unitPrefixes.keys)

  /// Whether `word` lower-cased is `lower`, compared as bytes with no string made. `lower` is ASCII
  /// lower case without "k": no other character lower-cases to those letters alone (U+212A KELVIN
  /// SIGN lower-cases to "k"), so a word with other bytes is never equal.
  private static func equalsFolded(_ word: String, _ lower: StaticString) -> Bool {
    guard word.utf8.count == lower.utf8CodeUnitCount else { return false }
    return lower.withUTF8Buffer { lower in
      word.utf8.elementsEqual(lower) { Tokenizer.isUpperASCII($0) ? $0 | 0x20 == $1 : $0 == $1 }
    }
  }

  /// Whether `word` counts subparagraphs ("first", "second", …).
  public static func isOrdinal(_ word: String) -> Bool { ordinal(word) != nil }

  /// The number an ordinal word stands for ("Second" → "2"); nil for any other word.
  private static func ordinal(_ word: String) -> String? {
    ordinalInitials.admits(word) ? ordinals[word.lowercased()] : nil
  }

  private static let ordinals = [
    "first": "1", "second": "2", "third": "3", "fourth": "4", "fifth": "5", "sixth": "6", "seventh": "7",
    "eighth": "8", "ninth": "9", "tenth": "10", "eerste": "1", "tweede": "2", "derde": "3", "vierde": "4",
  ]
  private static let ordinalInitials = Initials(ordinals.keys)

  /// One unit ("Article 5(2) to (6)", "points (a) and (b)", "first subparagraph") as pieces.
  static func pieces(_ unit: [String]) -> [Piece]? {
    var words = unit
    if let first = words.first, equalsFolded(first, "the") { words.removeFirst() }
    // "first subparagraph"
    if words.count == 2, let number = ordinal(words[0]), unitPrefix(words[1]) == .subparagraph {
      return [.one([(.subparagraph, number)])]
    }
    guard let head = words.first, let prefix = unitPrefix(head) else { return nil }
    var pieces: [Piece] = []
    var pendingRange: [Step]?
    var last: [Step] = []
    for word in words.dropFirst() {
      let lower = connectiveInitials.admits(word) ? folded(word) : nil
      if let lower, rangeWords.contains(lower) {
        guard !last.isEmpty, case .one = pieces.removeLast() else { return nil }
        pendingRange = last
      } else if !(lower.map(listWords.contains) ?? false) {
        // "(6)" after "Article 5(2) to", "(c)" after "points 5(b) and": a bracket alone replaces
        // the innermost step of the designator before it.
        let steps: [Step]
        if word.hasPrefix("("), last.count >= 2, let innermost = last.last,
          let inner = designator(word, prefix: innermost.prefix)
        {
          steps = last.dropLast() + inner
        } else if let own = designator(word, prefix: prefix) {
          steps = own
        } else {
          return nil
        }
        if let from = pendingRange {
          guard from.count == steps.count else { return nil }
          pieces.append(.range(from, steps))
          pendingRange = nil
        } else {
          pieces.append(.one(steps))
        }
        last = steps
      }
    }
    return pieces.isEmpty || pendingRange != nil ? nil : pieces
  }

  /// Words that make a range ("to") or join a list ("and") of designators.
  private static let rangeWords: Set<String> = ["to", "tot", "bis", "à"]
  private static let listWords: Set<String> = ["and", "or", "en", "of", "und", "oder", "et", "ou"]
  private static let connectiveInitials = Initials(rangeWords.union(listWords))

  /// "5(1)" for an article → [art 5, par 1]; "(a)" for a point → [pt a]; "(h)(iii)" → [pt h, pt iii].
  static func designator(_ word: String, prefix: PinpointID.Prefix) -> [Step]? {
    guard let (main, parts) = bracketed(word) else { return nil }
    let deeper: PinpointID.Prefix = prefix == .article ? .paragraph : .point
    var steps: [Step] = []
    if let main, main.contains("."), prefix == .point {
      // "point 4.6" of an annex: point 4, then its point 4.6 (`pt_4.pt_4-6`).
      let parts = main.split(separator: ".")
      for count in 1...parts.count { steps.append((.point, parts[..<count].joined(separator: "-"))) }
    } else if let main {
      steps.append((prefix, main))
      for (index, part) in parts.enumerated() { steps.append((index == 0 ? deeper : .point, part)) }
    } else if prefix == .paragraph {
      guard let head = parts.first, parts.count == 1 else { return nil }
      steps.append((.paragraph, head))
    } else {
      guard let head = parts.first else { return nil }
      steps.append((prefix, head))
      for part in parts.dropFirst() { steps.append((.point, part)) }
    }
    return steps.contains { $0.number.isEmpty } ? nil : steps
  }

  /// A designator's number and its bracketed parts: "5(1)(a)" → ("5", ["1", "a"]), "(a)" → (nil,
  /// ["a"]); nil for an empty bracket or text after a bracket.
  private static func bracketed(_ word: String) -> (main: String?, parts: [String])? {
    var parts: [String] = []
    var main: String?
    // ASCII with no CR (every byte is one Character, so the bytes are cut directly), as nearly
    // every designator is; else the same by Character.
    if word.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) {
      var word = word
      return word.withUTF8 { bytes -> (main: String?, parts: [String])? in
        var start = 0
        for (index, byte) in bytes.enumerated() {
          if byte == UInt8(ascii: "(") {
            if index > start { main = String(decoding: bytes[start..<index], as: UTF8.self) }
            start = index + 1
          } else if byte == UInt8(ascii: ")") {
            guard index > start else { return nil }
            parts.append(String(decoding: bytes[start..<index], as: UTF8.self))
            start = index + 1
          }
        }
        if start < bytes.count {
          guard main == nil && parts.isEmpty else { return nil }
          main = String(decoding: bytes[start...], as: UTF8.self)
        }
        return (main, parts)
      }
    }
    var current = ""
    for character in word {
      switch character {
      case "(":
        if !current.isEmpty { main = current }
        current = ""
      case ")":
        guard !current.isEmpty else { return nil }
        parts.append(current)
        current = ""
      default:
        current.append(character)
      }
    }
    if !current.isEmpty {
      guard main == nil && parts.isEmpty else { return nil }
      main = current
    }
    return (main, parts)
  }

  /// Words of a reference: "," kept as a word, brackets glued to their numbers ("5(1)", "(a)").
  static func words(_ text: String) -> [String] {
    var text = text
    return text.withUTF8 { words($0) }
  }

  /// `words(_:)` of UTF-8 `bytes`: cut at ASCII spaces and commas, so every word is whole scalars.
  private static func words(_ bytes: UnsafeBufferPointer<UInt8>) -> [String] {
    var words: [String] = []
    var start = 0
    while start < bytes.count {
      guard bytes[start] != UInt8(ascii: " ") else {
        start += 1
        continue
      }
      var stop = start
      while stop < bytes.count && bytes[stop] != UInt8(ascii: " ") { stop += 1 }
      var end = stop
      var comma = false
      while end > start, bytes[end - 1] == UInt8(ascii: ",") {
        end -= 1
        comma = true
      }
      let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
      start = stop
      // "point 1 (a)": a bracketed number right after a number belongs to it.
      if word.utf8.first == UInt8(ascii: "("), let last = words.last, endsWithNumber(last), unitPrefix(last) == nil {
        words[words.count - 1] += word
      } else if !word.isEmpty {
        words.append(word)
      }
      if comma { words.append(",") }
    }
    return words
  }

  /// Whether `word` ends with a digit or a closing bracket ("5", "5(1)").
  private static func endsWithNumber(_ word: String) -> Bool {
    guard let byte = word.utf8.last else { return false }
    if byte < 0x80 { return Tokenizer.isDigit(byte) || byte == UInt8(ascii: ")") }
    return word.last.map(\.isNumber) == true  // other scripts' digits
  }

  // MARK: Other acts

  /// The CELEX number of an act as cited: "Regulation (EU) 2016/679" → 32016R0679, "Directive
  /// 2002/58/EC" → 32002L0058, "(EC) No 765/2008" → 32008R0765.
  static func instrument(_ words: [String], previousType: String?) -> (type: String, celex: String)? {
    var type = previousType
    for word in words where instrumentInitials.admits(word) {
      if let named = instrumentTypes[folded(word)] {
        type = named
        break
      }
    }
    guard let type else { return nil }
    var numbered = false
    for word in words {
      if word == "No" || word == "Nr" || word == "nr" { numbered = true }
      guard word.utf8.contains(UInt8(ascii: "/")) else { continue }
      let parts = word.split(separator: "/")
      guard parts.count >= 2, let a = Int(parts[0]), let b = Int(parts[1]) else { continue }
      var (year, number) = numbered ? (b, a) : (a, b)
      if year < 100 { year += year < 50 ? 2000 : 1900 }
      guard (1950...2100).contains(year), number < 10000 else { return nil }
      let padded = String(repeating: "0", count: max(0, 4 - String(number).count)) + String(number)
      return (type, "3\(year)\(type)\(padded)")
    }
    return nil
  }

  /// The CELEX type letter of each word naming a kind of act.
  private static let instrumentTypes: [String: String] = {
    var table: [String: String] = [:]
    for word in ["regulation", "regulations", "verordening", "verordeningen", "verordnung", "règlement"] {
      table[word] = "R"
    }
    for word in ["directive", "directives", "richtlijn", "richtlijnen", "richtlinie"] { table[word] = "L" }
    for word in ["decision", "decisions", "besluit", "beschluss", "décision"] { table[word] = "D" }
    return table
  }()
  private static let instrumentInitials = Initials(instrumentTypes.keys)
}

/// The first bytes of a table's lower-case keys. A word whose first byte is ASCII and starts no key
/// is turned away before it is lower-cased and hashed: most words of a reference are numbers,
/// brackets and commas ("5(1)", "(a)", ","). A word starting with any other byte is admitted (its
/// lower case may start differently).
private struct Initials {
  private var bits: (low: UInt64, high: UInt64) = (0, 0)

  init(_ keys: some Sequence<String>) {
    for key in keys {
      guard let byte = key.utf8.first, byte < 0x80 else { continue }
      if byte < 64 { bits.low |= 1 << UInt64(byte) } else { bits.high |= 1 << UInt64(byte - 64) }
    }
  }

  /// Whether `word`, lower-cased, may be one of the keys.
  func admits(_ word: String) -> Bool {
    guard let first = word.utf8.first, first < 0x80 else { return true }
    let byte = Tokenizer.isUpperASCII(first) ? first | 0x20 : first
    return (byte < 64 ? bits.low >> UInt64(byte) : bits.high >> UInt64(byte - 64)) & 1 != 0
  }
}
