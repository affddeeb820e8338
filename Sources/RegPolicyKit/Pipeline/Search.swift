import Foundation
import RegPolicyIndex
import RegPolicyIngest
import RegPolicyModel

/// Full-text search of the law: accent- and case-insensitive (the text and the query folded by
/// ICU's NFKC_Casefold, then by FTS5's diacritic folding), ranked by BM25.
public enum Search {
  /// One hit: the provision, and a stretch of its words around the first match, matches in [ ].
  public struct Hit: Sendable, Equatable {
    public var id: PinpointID
    public var snippet: String
  }

  /// The provisions whose heading and words hold every word of `query` (a quoted query: the
  /// phrase), best first.
  public static func hits(_ query: String, in index: TraceIndex, limit: Int = 20) -> [Hit] {
    let words = query.split { !$0.isLetter && !$0.isNumber }.map(String.init)
    return index.search(Normalizer.matchKey(query), limit: limit).map { hit in
      let provision = index.provision(hit.id)
      let text = [provision?.heading ?? "", provision?.text ?? ""].filter { !$0.isEmpty }.joined(separator: " — ")
      return Hit(id: hit.id, snippet: snippet(text, words: words))
    }
  }

  /// About twenty words of `text` around the first of `words` it holds, each occurrence in [ ].
  static func snippet(_ text: String, words: [String]) -> String {
    let options: String.CompareOptions = [.caseInsensitive, .diacriticInsensitive]
    let first = words.compactMap { text.range(of: $0, options: options)?.lowerBound }.min() ?? text.startIndex
    var start = text.index(first, offsetBy: -80, limitedBy: text.startIndex) ?? text.startIndex
    var end = text.index(first, offsetBy: 80, limitedBy: text.endIndex) ?? text.endIndex
    while start > text.startIndex, !text[text.index(before: start)].isWhitespace { start = text.index(before: start) }
    while end < text.endIndex, !text[end].isWhitespace { end = text.index(after: end) }
    var excerpt = String(text[start..<end])
    for word in Set(words) where !word.isEmpty {
      var marked = ""
      var rest = Substring(excerpt)
      while let range = rest.range(of: word, options: options) {
        marked += rest[..<range.lowerBound] + "[" + rest[range] + "]"
        rest = rest[range.upperBound...]
      }
      excerpt = marked + rest
    }
    return (start > text.startIndex ? "…" : "") + excerpt + (end < text.endIndex ? "…" : "")
  }
}
