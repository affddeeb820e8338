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
  public static func json(_ document: Document) -> [UInt8] {
    var writer = JSONWriter(capacity: 1 << 20)
    let mainFile = document.instrument.files.first ?? ""
    func provision(_ w: inout JSONWriter, _ p: Provision) {
      var fields: [(key: StaticString, write: (inout JSONWriter) -> Void)] = [
        ("children", { w in w.array(p.children, provision) }),
        ("heading", { w in w.optionalString(p.heading) }),
        ("id", { w in w.string(p.id.rawValue) }),
        ("kind", { w in w.string(p.kind.rawValue) }),
      ]
      if !p.markers.isEmpty {
        fields.append(("markers", { w in w.array(p.markers) { $0.string($1) } }))
      }
      fields += [
        ("num", { w in w.optionalString(p.num) }),
        ("source", { w in source(&w, p.source, mainFile: mainFile) }),
        ("text", { w in w.string(p.text) }),
      ]
      w.object(fields)
    }
    let i = document.instrument
    writer.object([
      ("footnotes", { w in w.array(document.footnotes, provision) }),
      (
        "instrument",
        { w in
          w.object([
            ("adopted", { w in w.optionalString(i.adopted) }),
            ("celex", { w in w.optionalString(i.celex) }),
            ("date", { w in w.optionalString(i.date) }),
            ("eli", { w in w.optionalString(i.eli) }),
            ("files", { w in w.array(i.files) { $0.string($1) } }),
            ("format", { w in w.string(i.format.rawValue) }),
            ("id", { w in w.string(i.id) }),
            ("language", { w in w.string(i.language) }),
            ("sha256", { w in w.string(i.sha256) }),
            ("title", { w in w.string(i.title) }),
            ("version", { w in w.string(i.version) }),
          ])
        }
      ),
      ("provisions", { w in w.array(document.provisions, provision) }),
    ])
    writer.newline()
    return writer.bytes
  }

  private static func source(_ w: inout JSONWriter, _ span: SourceSpan, mainFile: String) {
    var fields: [(key: StaticString, write: (inout JSONWriter) -> Void)] = [
      ("column", { w in w.int(span.column) }),
      ("end", { w in w.int(span.endOffset) }),
    ]
    if span.file != mainFile { fields.append(("file", { w in w.string(span.file) })) }
    fields += [
      ("line", { w in w.int(span.line) }),
      ("offset", { w in w.int(span.startOffset) }),
    ]
    w.object(fields)
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
