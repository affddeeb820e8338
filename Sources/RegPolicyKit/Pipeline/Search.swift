import Foundation
import RegPolicyIndex
import RegPolicyIngest
import RegPolicyModel

/// Full-text search of the law: accent- and case-insensitive (the text and the query folded by
/// ICU's NFKC_Casefold, then by FTS5's diacritic folding), ranked by BM25.
public enum Search {
  /// One hit: the provision, and a stretch of its words around the first match.
  public struct Hit: Sendable, Equatable {
    public var id: PinpointID
    public var snippet: String
    /// The words of `snippet` that match the query, as UTF-8 byte ranges.
    public var matches: [Range<Int>]

    /// The snippet with each match wrapped (`[`…`]` for a terminal, `<mark>` for a page), and the
    /// text between matches passed through `escape`.
    public func marked(_ open: String, _ close: String, escape: (String) -> String = { $0 }) -> String {
      let bytes = Array(snippet.utf8)
      var out = ""
      var cursor = 0
      for match in matches {
        out += escape(String(decoding: bytes[cursor..<match.lowerBound], as: UTF8.self))
        out += open + escape(String(decoding: bytes[match], as: UTF8.self)) + close
        cursor = match.upperBound
      }
      return out + escape(String(decoding: bytes[cursor...], as: UTF8.self))
    }

    /// The hit as JSON values: ID, citation, snippet and the matches' byte ranges.
    public var values: [String: Any] {
      [
        "id": id.rawValue, "citation": id.citation, "snippet": snippet,
        "matches": matches.map { [$0.lowerBound, $0.upperBound] },
      ]
    }
  }

  /// The provisions whose heading and words hold every word of `query` (a quoted query: the
  /// phrase), best first.
  public static func hits(_ query: String, in index: TraceIndex, limit: Int = 20) -> [Hit] {
    let words = Array(query.split { !$0.isLetter && !$0.isNumber }.map(String.init).prefix(TraceIndex.maximumWords))
    return index.search(Normalizer.matchKey(query), limit: limit).map { id in
      let provision = index.provision(id)
      let text = [provision?.heading ?? "", provision?.text ?? ""].filter { !$0.isEmpty }.joined(separator: " — ")
      let (snippet, matches) = snippet(text, words: words)
      return Hit(id: id, snippet: snippet, matches: matches)
    }
  }

  /// About twenty words of `text` around its first word that begins with one of `words` (case and
  /// accents aside, so "incident" finds "incidents"), and where each such word lies in it.
  static func snippet(_ text: String, words: [String]) -> (String, [Range<Int>]) {
    // The window around the first word that begins a word of the text; only its words are read.
    let folded: String.CompareOptions = [.caseInsensitive, .diacriticInsensitive]
    var first = text.endIndex
    for word in words where !word.isEmpty {
      var rest = text.startIndex..<text.endIndex
      while let range = text.range(of: word, options: folded, range: rest), range.lowerBound < first {
        let before = range.lowerBound > text.startIndex ? text[text.index(before: range.lowerBound)] : " "
        if !before.isLetter && !before.isNumber {
          first = range.lowerBound
          break
        }
        rest = range.upperBound..<text.endIndex
      }
    }
    if first == text.endIndex { first = text.startIndex }
    var start = text.index(first, offsetBy: -80, limitedBy: text.startIndex) ?? text.startIndex
    var end = text.index(first, offsetBy: 80, limitedBy: text.endIndex) ?? text.endIndex
    while start > text.startIndex, !text[text.index(before: start)].isWhitespace { start = text.index(before: start) }
    while end < text.endIndex, !text[end].isWhitespace { end = text.index(after: end) }
    let options = folded.union(.anchored)
    var found: [Range<String.Index>] = []
    var position = start
    while position < end {
      guard text[position].isLetter || text[position].isNumber else {
        position = text.index(after: position)
        continue
      }
      var after = position
      while after < end, text[after].isLetter || text[after].isNumber { after = text.index(after: after) }
      let word = text[position..<after]
      if words.contains(where: { word.range(of: $0, options: options) != nil }) { found.append(position..<after) }
      position = after
    }
    let lead = start > text.startIndex ? "…" : ""
    let base = lead.utf8.count - text.utf8.distance(from: text.startIndex, to: start)
    let matches = found.map { range in
      let lower = text.utf8.distance(from: text.startIndex, to: range.lowerBound) + base
      return lower..<(lower + text.utf8.distance(from: range.lowerBound, to: range.upperBound))
    }
    return (lead + text[start..<end] + (end < text.endIndex ? "…" : ""), matches)
  }
}
