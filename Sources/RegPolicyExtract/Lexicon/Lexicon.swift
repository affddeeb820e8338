/// The obligation lexicon: addressee roles, modal and trap patterns, condition, exception and
/// deadline markers, and the grammar words the classifier leans on. Loaded from the tab-separated
/// files in `rules/lexicon/` (the English one is embedded, see `EmbeddedLexicon.swift`).
///
/// Phrases are sequences of tokenizer words. A phrase written with a lower-case first letter also
/// matches with that letter capitalised (sentence starts); one written capitalised ("Commission",
/// "Member States") matches only as written, so "the commission of an offence" is no role.
public struct Lexicon: Sendable {
  /// What an entry is for; raw values are the first column of the data files.
  public enum Category: String, CaseIterable, Sendable {
    case role, party, modal, condition, exception, deadline, unit, count
    case selfUnit = "self"
    case pronoun, determiner, relative, participle, intro, subordinator, preposition, coordinator, adverb
    case thing, adjective
  }

  /// One entry: its category, label (second column) and words.
  public struct Phrase: Sendable {
    public var category: Category
    public var label: String
    public var text: String
    var words: [UInt16]
  }

  /// A problem in a lexicon file, with its 1-based line.
  public struct Failure: Error, Sendable, CustomStringConvertible {
    public var line: Int
    public var message: String
    public var description: String { "line \(line): \(message)" }
  }

  public let phrases: [Phrase]
  /// How many words the word table lists (ids 1 to this).
  private let wordCount: Int
  let words: WordTable
  /// Per word id, whether it is a one-word adverb ("also", "only"), which may stand inside a modal
  /// phrase; "not" never does (it makes a different phrase).
  let isAdverb: [Bool]
  /// Per word id, the phrases that start with it, longest first: `startingList[startingOffsets[id]
  /// ..< startingOffsets[id + 1]]`. Flat arrays, with the phrases' words, lengths and category
  /// ordinals beside them, so matching reads plain integers (no reference counting per phrase).
  let startingOffsets: [Int32]
  let startingList: [Int32]
  /// Beside `startingList`: each phrase's second word id (0 for one-word phrases), which turns
  /// most candidates away before their words are compared.
  let startingSeconds: [UInt16]
  let phraseWords: [UInt16]
  let phraseOffsets: [Int32]
  let phraseCategories: [UInt8]

  /// Parses a lexicon file: `CATEGORY<TAB>LABEL<TAB>PHRASE` per line, `#` comments, blank lines.
  public init(parsing text: String) throws(Failure) {
    var wordIDs: [String: UInt16] = [:]
    func id(_ word: String) -> UInt16 {
      if let known = wordIDs[word] { return known }
      let next = UInt16(wordIDs.count + 1)
      wordIDs[word] = next
      return next
    }
    var phrases: [Phrase] = []
    for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      if line.isEmpty || line.first == "#" { continue }
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
      guard fields.count == 3 else {
        throw Failure(line: number + 1, message: "expected 3 tab-separated fields, found \(fields.count)")
      }
      guard let category = Category(rawValue: String(fields[0])) else {
        throw Failure(line: number + 1, message: "unknown category '\(fields[0])'")
      }
      let words = fields[2].split(separator: " ").map(String.init)
      guard !words.isEmpty, !fields[1].isEmpty else {
        throw Failure(line: number + 1, message: "empty label or phrase")
      }
      if let long = words.first(where: { $0.utf8.count >= WordTable.maximumLength }) {
        throw Failure(line: number + 1, message: "word '\(long)' is too long")
      }
      phrases.append(
        Phrase(category: category, label: String(fields[1]), text: String(fields[2]), words: words.map(id)))
    }
    self = Self.built(phrases: phrases, wordIDs: wordIDs)
  }

  /// This lexicon with `entries` (category, label, phrase) added, as if they were lines of its
  /// file: the parties an act defines for itself, say. Entries with an empty phrase or a word too
  /// long for the word table are left out. The tables are extended, not built again: an act's
  /// lexicon costs a copy of them.
  public func adding(_ entries: [(category: Category, label: String, text: String)]) -> Lexicon {
    var added: [(String, UInt16)] = []
    var count = wordCount
    func id(_ word: String) -> UInt16 {
      var copy = word
      let known = copy.withUTF8 { words.value($0, 0..<$0.count) }
      if known != 0 { return known }
      if let new = added.first(where: { $0.0 == word }) { return new.1 }
      count += 1
      added.append((word, UInt16(count)))
      return UInt16(count)
    }
    var phrases = self.phrases
    var phraseWords = self.phraseWords
    var phraseOffsets = self.phraseOffsets
    var phraseCategories = self.phraseCategories
    // Phrase index with the id its first word is registered under.
    var firsts: [(word: UInt16, phrase: Int32)] = []
    for entry in entries {
      let words = entry.text.split(separator: " ").map(String.init)
      guard !words.isEmpty, !entry.label.isEmpty, words.allSatisfy({ $0.utf8.count < WordTable.maximumLength })
      else { continue }
      let ids = words.map(id)
      let index = Int32(phrases.count)
      phrases.append(Phrase(category: entry.category, label: entry.label, text: entry.text, words: ids))
      phraseWords += ids
      phraseOffsets.append(Int32(phraseWords.count))
      phraseCategories.append(UInt8(entry.category.ordinal))
      firsts.append((ids[0], index))
      if let first = words[0].utf8.first, Tokenizer.isLowerASCII(first) {
        firsts.append((id(words[0].prefix(1).uppercased() + words[0].dropFirst()), index))
      }
    }
    firsts.sort { ($0.word, $0.phrase) < ($1.word, $1.phrase) }
    func length(_ phrase: Int32) -> Int32 { phraseOffsets[Int(phrase) + 1] - phraseOffsets[Int(phrase)] }
    var offsets: [Int32] = [0]
    var list: [Int32] = []
    offsets.reserveCapacity(count + 2)
    list.reserveCapacity(startingList.count + firsts.count)
    var next = 0
    for word in 0...count {
      let start = list.count
      if word + 1 < startingOffsets.count {
        list += startingList[Int(startingOffsets[word])..<Int(startingOffsets[word + 1])]
      }
      let before = next
      while next < firsts.count && Int(firsts[next].word) == word {
        list.append(firsts[next].phrase)
        next += 1
      }
      if next > before { list[start...].sort { (length($0), $1) > (length($1), $0) } }
      offsets.append(Int32(list.count))
    }
    return Lexicon(
      phrases: phrases, wordCount: count, words: words.adding(added),
      isAdverb: isAdverb + [Bool](repeating: false, count: count - wordCount), startingOffsets: offsets,
      startingList: list,
      startingSeconds: list.map { length($0) > 1 ? phraseWords[Int(phraseOffsets[Int($0)]) + 1] : 0 },
      phraseWords: phraseWords, phraseOffsets: phraseOffsets, phraseCategories: phraseCategories)
  }

  private init(
    phrases: [Phrase], wordCount: Int, words: WordTable, isAdverb: [Bool], startingOffsets: [Int32],
    startingList: [Int32], startingSeconds: [UInt16], phraseWords: [UInt16], phraseOffsets: [Int32],
    phraseCategories: [UInt8]
  ) {
    self.phrases = phrases
    self.wordCount = wordCount
    self.words = words
    self.isAdverb = isAdverb
    self.startingOffsets = startingOffsets
    self.startingList = startingList
    self.startingSeconds = startingSeconds
    self.phraseWords = phraseWords
    self.phraseOffsets = phraseOffsets
    self.phraseCategories = phraseCategories
  }

  /// The lexicon of `phrases`, whose words are ids of `wordIDs` (a word's capitalised form is
  /// registered here, for phrases written in lower case).
  private static func built(phrases: [Phrase], wordIDs: [String: UInt16]) -> Lexicon {
    var wordIDs = wordIDs
    func id(_ word: String) -> UInt16 {
      if let known = wordIDs[word] { return known }
      let next = UInt16(wordIDs.count + 1)
      wordIDs[word] = next
      return next
    }
    // Phrase index with the id its first word is registered under.
    var firsts: [(UInt16, Int32)] = []
    for (index, phrase) in phrases.enumerated() {
      firsts.append((phrase.words[0], Int32(index)))
      if let first = phrase.text.utf8.first, Tokenizer.isLowerASCII(first) {
        let word = phrase.text.prefix { $0 != " " }
        firsts.append((id(word.prefix(1).uppercased() + word.dropFirst()), Int32(index)))
      }
    }
    var starting = [[Int32]](repeating: [], count: wordIDs.count + 1)
    for (word, index) in firsts { starting[Int(word)].append(index) }
    for word in starting.indices where starting[word].count > 1 {
      starting[word].sort { (phrases[Int($0)].words.count, $1) > (phrases[Int($1)].words.count, $0) }
    }
    let list = starting.flatMap { $0 }
    var isAdverb = [Bool](repeating: false, count: wordIDs.count + 1)
    for phrase in phrases where phrase.category == .adverb && phrase.words.count == 1 && phrase.text != "not" {
      isAdverb[Int(phrase.words[0])] = true
    }
    return Lexicon(
      phrases: phrases, wordCount: wordIDs.count,
      words: WordTable(wordIDs.sorted { $0.value < $1.value }.map { ($0.key, $0.value) }), isAdverb: isAdverb,
      startingOffsets: starting.reduce(into: [Int32(0)]) { $0.append($0[$0.count - 1] + Int32($1.count)) },
      startingList: list,
      startingSeconds: list.map { phrases[Int($0)].words.count > 1 ? phrases[Int($0)].words[1] : 0 },
      phraseWords: phrases.flatMap(\.words),
      phraseOffsets: phrases.reduce(into: [Int32(0)]) { $0.append($0[$0.count - 1] + Int32($1.words.count)) },
      phraseCategories: phrases.map { UInt8($0.category.ordinal) })
  }

  /// The English lexicon from `rules/lexicon/en.tsv`.
  public static let english: Lexicon = {
    do { return try Lexicon(parsing: embeddedEnglish) } catch {
      // The embedded copy is the checked-in file, which a test parses; failing here is a build defect.
      preconditionFailure("rules/lexicon/en.tsv: \(error)")
    }
  }()

  /// Word ids of `tokens` (0 for tokens that are not lexicon words).
  func wordIDs(_ bytes: UnsafeBufferPointer<UInt8>, _ tokens: [Token]) -> [UInt16] {
    tokens.map { $0.kind == .word ? words.value(bytes, $0.range) : 0 }
  }

  /// Every match in `ids[range]`, per category in order of position: at each token the longest
  /// phrase of each category, and none that starts inside an earlier match of its category.
  /// Modal phrases may have adverbs inside them (`skippable` tokens): "shall always be considered",
  /// "shall not adversely affect".
  func matches(_ ids: [UInt16], in range: Range<Int>, skippable: [Bool]) -> Matches {
    let categoryCount = Category.caseCount
    let modal = UInt8(Category.modal.ordinal)
    var found: [Match] = []
    var foundCategories: [UInt8] = []
    found.reserveCapacity(range.count)
    foundCategories.reserveCapacity(range.count)
    // Per category: the token after its last match (a match never starts inside another of its
    // category), then how many matches it has.
    withUnsafeTemporaryAllocation(of: Int.self, capacity: categoryCount) { reach in
      reach.initialize(repeating: 0)
      ids.withUnsafeBufferPointer { ids in
        skippable.withUnsafeBufferPointer { skippable in
          startingOffsets.withUnsafeBufferPointer { offsets in
            startingList.withUnsafeBufferPointer { list in
              startingSeconds.withUnsafeBufferPointer { seconds in
                phraseWords.withUnsafeBufferPointer { words in
                  phraseOffsets.withUnsafeBufferPointer { phraseStart in
                    phraseCategories.withUnsafeBufferPointer { categories in
                      for start in range where ids[start] != 0 {
                        var seen: UInt32 = 0
                        let id = Int(ids[start])
                        let next = start + 1 < range.upperBound ? ids[start + 1] : 0
                        let nextSkippable = start + 1 < range.upperBound && skippable[start + 1]
                        for slot in Int(offsets[id])..<Int(offsets[id + 1]) {
                          let second = seconds[slot]
                          // Most candidates ("shall" starts 92 phrases) differ in their second
                          // word: turned away before their phrase is read. An adverb next may
                          // stand inside a modal phrase, so that case goes on to the full test.
                          if second != 0 && second != next && !nextSkippable { continue }
                          let index = Int(list[slot])
                          let category = Int(categories[index])
                          if seen & (1 << category) != 0 || start < reach[category] { continue }
                          if second != 0 {
                            guard start + 1 < range.upperBound else { continue }
                            if second != next && !(categories[index] == modal && nextSkippable) { continue }
                          }
                          let first = Int(phraseStart[index])
                          let count = Int(phraseStart[index + 1]) - first
                          var k = 1
                          var end = start + 1
                          while k < count && end < range.upperBound {
                            if ids[end] == words[first + k] {
                              k += 1
                            } else if !(categories[index] == modal && skippable[end]) {
                              break
                            }
                            end += 1
                          }
                          guard k == count else { continue }
                          seen |= 1 << category
                          reach[category] = end
                          found.append(Match(phrase: Int32(index), start: Int32(start), end: Int32(end)))
                          foundCategories.append(UInt8(category))
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
    return Matches(found, categories: foundCategories, range: range)
  }
}

extension Lexicon.Phrase {
  /// Whether the phrase's text holds `part`. Compared as bytes where both are ASCII without CR
  /// (each byte one Character), as nearly every phrase is: the generic `String.contains` costs
  /// thousands of instructions a call, and the classifier asks for every modal of some kinds.
  func contains(_ part: String) -> Bool {
    func isPlain(_ byte: UInt8) -> Bool { byte < 0x80 && byte != 0x0D }
    guard text.utf8.allSatisfy(isPlain), part.utf8.allSatisfy(isPlain) else { return text.contains(part) }
    return Extractor.contains(text.utf8, part.utf8)
  }
}

/// A phrase found at tokens `start..<end`.
struct Match: Hashable {
  var phrase: Int32
  var start: Int32
  var end: Int32
  var range: Range<Int> { Int(start)..<Int(end) }
}

/// The matches of one text, by category: one array grouped by category, each group in order of
/// position.
struct Matches {
  private var storage: [Match] = []
  /// Where each category's group starts in `storage`, and where the last ends.
  private var starts = Matches.noStarts

  /// Per token of `range` (from `base`), a bit per category with a match starting there: the
  /// classifier asks "is there a match at token i?" far more often than it reads one.
  private var flags: [UInt32] = []
  private var base = 0

  /// No group yet, shared until written. (The arrays here are copied or grown, never made with
  /// `init(repeating:count:)` or `init(unsafeUninitializedCapacity:)`: those allocate through an
  /// unspecialised path that looks the storage's type metadata up at run time, per sentence.)
  private static let noStarts = [Int](repeating: 0, count: Lexicon.Category.caseCount + 1)

  init() {}

  /// Groups `matches` (in order of position) by their `categories` (ordinals), keeping the order.
  init(_ matches: [Match], categories: [UInt8], range: Range<Int>) {
    base = range.lowerBound
    flags.append(contentsOf: repeatElement(0, count: range.count))
    for (match, category) in zip(matches, categories) { flags[Int(match.start) - base] |= 1 << UInt32(category) }
    for category in categories { starts[Int(category) + 1] += 1 }
    for index in 1..<starts.count { starts[index] += starts[index - 1] }
    // The same elements, put in category order.
    storage = matches
    withUnsafeTemporaryAllocation(of: Int.self, capacity: starts.count) { next in
      _ = next.initialize(from: starts)
      storage.withUnsafeMutableBufferPointer { buffer in
        for (match, category) in zip(matches, categories) {
          buffer[next[Int(category)]] = match
          next[Int(category)] += 1
        }
      }
    }
  }

  subscript(_ category: Lexicon.Category) -> ArraySlice<Match> {
    storage[starts[category.ordinal]..<starts[category.ordinal + 1]]
  }

  /// Whether a match of `category` starts at `token`.
  func starts(_ category: Lexicon.Category, at token: Int) -> Bool {
    let offset = token - base
    return offset >= 0 && offset < flags.count && flags[offset] & (1 << UInt32(category.ordinal)) != 0
  }
}

extension Lexicon.Category {
  /// How many categories there are (`allCases` builds an array on every call; this is read for
  /// every sentence).
  static let caseCount = allCases.count

  /// Position in `allCases`, for flat per-category arrays.
  var ordinal: Int {
    switch self {
    case .role: 0
    case .party: 1
    case .modal: 2
    case .condition: 3
    case .exception: 4
    case .deadline: 5
    case .unit: 6
    case .count: 7
    case .selfUnit: 8
    case .pronoun: 9
    case .determiner: 10
    case .relative: 11
    case .participle: 12
    case .intro: 13
    case .subordinator: 14
    case .preposition: 15
    case .coordinator: 16
    case .adverb: 17
    case .thing: 18
    case .adjective: 19
    }
  }
}
