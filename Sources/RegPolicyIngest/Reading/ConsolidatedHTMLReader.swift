import RegPolicyModel

/// EUR-Lex consolidated HTML: read by `EurLexHTMLReader`, whose class vocabulary covers both
/// flavours; this type only selects the flavour for format detection and metadata.
struct ConsolidatedHTMLReader: MarkupReader {
  private var reader: EurLexHTMLReader

  var context: ReadContext { reader.context }

  init(context: ReadContext) { reader = EurLexHTMLReader(context: context, consolidated: true) }

  mutating func read() -> Document { reader.read() }
}
