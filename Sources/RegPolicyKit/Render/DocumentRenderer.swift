import RegPolicyModel

/// The output formats of `regpolicy ingest`.
public enum DocumentFormat: String, CaseIterable, Sendable {
  /// The public JSON contract: `{"footnotes", "instrument", "provisions"}`, keys sorted.
  case json
  /// An indented outline with pinpoint IDs, for people.
  case tree
  /// The normalised text, one provision per line after its ID.
  case text
}

/// Renders a document deterministically: same document, same bytes.
public enum DocumentRenderer {
  public static func render(_ document: Document, as format: DocumentFormat) -> [UInt8] {
    switch format {
    case .json: json(document)
    case .tree: outline(document, withText: false)
    case .text: outline(document, withText: true)
    }
  }

  /// JSON with sorted keys. Optional fields are `null` when absent; `markers` appears only when
  /// a provision has some; `source.file` only when it differs from the instrument's first file.
  /// Written field by field (keys in sorted order by construction): this runs for every provision
  /// of every document, so it avoids per-field closures and intermediate values.
  public static func json(_ document: Document) -> [UInt8] {
    var w = JSONWriter(capacity: 1 << 20)
    let i = document.instrument
    let mainFile = i.files.first ?? ""
    w.raw("{\"footnotes\":")
    w.array(document.footnotes) { provision(&$0, $1, mainFile: mainFile) }
    w.raw(",\"instrument\":{\"adopted\":")
    w.optionalString(i.adopted)
    w.raw(",\"celex\":")
    w.optionalString(i.celex)
    w.raw(",\"date\":")
    w.optionalString(i.date)
    w.raw(",\"eli\":")
    w.optionalString(i.eli)
    w.raw(",\"files\":")
    w.array(i.files) { $0.string($1) }
    w.raw(",\"format\":")
    w.string(i.format.rawValue)
    w.raw(",\"id\":")
    w.string(i.id)
    w.raw(",\"language\":")
    w.string(i.language)
    w.raw(",\"sha256\":")
    w.string(i.sha256)
    w.raw(",\"title\":")
    w.string(i.title)
    w.raw(",\"version\":")
    w.string(i.version)
    w.raw("},\"provisions\":")
    w.array(document.provisions) { provision(&$0, $1, mainFile: mainFile) }
    w.raw("}")
    w.newline()
    return w.bytes
  }

  private static func provision(_ w: inout JSONWriter, _ p: Provision, mainFile: String) {
    w.raw("{\"children\":")
    w.array(p.children) { provision(&$0, $1, mainFile: mainFile) }
    w.raw(",\"heading\":")
    w.optionalString(p.heading)
    w.raw(",\"id\":")
    w.string(p.id.rawValue)
    w.raw(",\"kind\":")
    w.string(p.kind.rawValue)
    if !p.markers.isEmpty {
      w.raw(",\"markers\":")
      w.array(p.markers) { $0.string($1) }
    }
    w.raw(",\"num\":")
    w.optionalString(p.num)
    w.raw(",\"source\":{\"column\":")
    w.int(p.source.column)
    w.raw(",\"end\":")
    w.int(p.source.endOffset)
    if p.source.file != mainFile {
      w.raw(",\"file\":")
      w.string(p.source.file)
    }
    w.raw(",\"line\":")
    w.int(p.source.line)
    w.raw(",\"offset\":")
    w.int(p.source.startOffset)
    w.raw("},\"text\":")
    w.string(p.text)
    w.raw("}")
  }

  /// `tree`: one line per provision, indented by depth: ID, kind and number, heading, markers in
  /// braces, and the start of the text after " — ". `text`: the same with the full text (after
  /// " | " when there is a heading).
  static func outline(_ document: Document, withText: Bool) -> [UInt8] {
    var out: [UInt8] = []
    let i = document.instrument
    out += Array("\(i.id) \(i.format.rawValue) \(i.language) \(i.date ?? "-") \(i.title)\n".utf8)
    func line(_ p: Provision, depth: Int) {
      out += Array(repeating: UInt8(ascii: " "), count: depth * 2)
      out += Array(p.id.rawValue.utf8)
      var label = p.kind.rawValue
      if let num = p.num { label += " " + num }
      out += Array(" [\(label)]".utf8)
      if let heading = p.heading { out += Array(" \(heading)".utf8) }
      if !p.markers.isEmpty { out += Array(" {\(p.markers.joined(separator: " "))}".utf8) }
      if !p.text.isEmpty {
        if withText {
          out += Array((p.heading == nil ? " " : " | ").utf8) + Array(p.text.utf8)
        } else {
          let excerpt = p.text.count > 72 ? String(p.text.prefix(72)) + "…" : p.text
          out += Array(" — \(excerpt)".utf8)
        }
      }
      out.append(0x0A)
      for child in p.children { line(child, depth: depth + 1) }
    }
    for provision in document.provisions { line(provision, depth: 0) }
    if !document.footnotes.isEmpty {
      out += Array("footnotes\n".utf8)
      for note in document.footnotes { line(note, depth: 1) }
    }
    return out
  }
}
