/// A word-level diff: the longest common subsequence of two word lists, as runs of kept, deleted
/// and inserted words.
public struct WordDiff: Hashable, Sendable {
  /// One run of words.
  public struct Run: Hashable, Sendable {
    public enum Operation: String, Hashable, Sendable {
      case equal, delete, insert
    }

    public var operation: Operation
    public var words: [Substring]
  }

  public var runs: [Run]

  /// Above this many cells the middle is reported as one replacement instead of an exact LCS.
  static let maximumCells = 4_000_000

  /// The diff of `old` and `new` split on spaces (the texts are normalised: single spaces).
  public init(_ old: String, _ new: String) {
    self.init(words: old.split(separator: " "), new.split(separator: " "))
  }

  init(words a: [Substring], _ b: [Substring]) {
    // Common prefix and suffix first: most changes are small.
    var prefix = 0
    while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
    var suffix = 0
    while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] {
      suffix += 1
    }
    let middleA = Array(a[prefix..<(a.count - suffix)])
    let middleB = Array(b[prefix..<(b.count - suffix)])
    var runs: [Run] = []
    func append(_ operation: Run.Operation, _ word: Substring) {
      if runs.last?.operation == operation {
        runs[runs.count - 1].words.append(word)
      } else {
        runs.append(Run(operation: operation, words: [word]))
      }
    }
    for word in a[..<prefix] { append(.equal, word) }
    if middleA.count * middleB.count > Self.maximumCells {
      for word in middleA { append(.delete, word) }
      for word in middleB { append(.insert, word) }
    } else {
      // lengths[i][j]: LCS of middleA[i...] and middleB[j...], in one flat array.
      let width = middleB.count + 1
      var lengths = [Int32](repeating: 0, count: (middleA.count + 1) * width)
      for i in stride(from: middleA.count - 1, through: 0, by: -1) {
        for j in stride(from: middleB.count - 1, through: 0, by: -1) {
          lengths[i * width + j] =
            middleA[i] == middleB[j]
            ? lengths[(i + 1) * width + j + 1] + 1 : max(lengths[(i + 1) * width + j], lengths[i * width + j + 1])
        }
      }
      var i = 0
      var j = 0
      while i < middleA.count || j < middleB.count {
        if i < middleA.count, j < middleB.count, middleA[i] == middleB[j] {
          append(.equal, middleA[i])
          i += 1
          j += 1
        } else if i < middleA.count, j == middleB.count || lengths[(i + 1) * width + j] >= lengths[i * width + j + 1] {
          // Deletions before insertions, as git prints a replacement.
          append(.delete, middleA[i])
          i += 1
        } else {
          append(.insert, middleB[j])
          j += 1
        }
      }
    }
    for word in a[(a.count - suffix)...] { append(.equal, word) }
    self.runs = runs
  }

  /// git's word-diff notation: `kept [-deleted-]{+inserted+} kept`.
  public var marked: String {
    runs.map { run in
      let text = run.words.joined(separator: " ")
      switch run.operation {
      case .equal: return text
      case .delete: return "[-" + text + "-]"
      case .insert: return "{+" + text + "+}"
      }
    }.joined(separator: " ")
  }

  /// `marked` with long unchanged stretches cut to `context` words on each side of a change
  /// ("… for a period … of at least [-six-] {+twelve+} months, unless provided …"); line breaks
  /// become spaces.
  public func excerpt(context: Int) -> String {
    var parts: [String] = []
    for (index, run) in runs.enumerated() {
      var words = run.words.map { String($0.map { $0 == "\n" ? " " : $0 }) }
      switch run.operation {
      case .equal:
        let first = index == 0
        let last = index == runs.count - 1
        let keep = (first ? 0 : context) + (last ? 0 : context)
        if words.count > keep + 1 {
          let head = first ? [] : Array(words.prefix(context))
          let tail = last ? [] : Array(words.suffix(context))
          words = head + ["…"] + tail
        }
        parts.append(words.joined(separator: " "))
      case .delete: parts.append("[-" + words.joined(separator: " ") + "-]")
      case .insert: parts.append("{+" + words.joined(separator: " ") + "+}")
      }
    }
    return parts.joined(separator: " ")
  }

  /// The changed stretches: words deleted and inserted between two kept runs.
  var hunks: [(deleted: [Substring], inserted: [Substring])] {
    var hunks: [(deleted: [Substring], inserted: [Substring])] = []
    var current: (deleted: [Substring], inserted: [Substring]) = ([], [])
    for run in runs {
      switch run.operation {
      case .equal:
        if !current.deleted.isEmpty || !current.inserted.isEmpty { hunks.append(current) }
        current = ([], [])
      case .delete: current.deleted += run.words
      case .insert: current.inserted += run.words
      }
    }
    if !current.deleted.isEmpty || !current.inserted.isEmpty { hunks.append(current) }
    return hunks
  }
}
