import RegPolicyModel

struct ConsolidatedHTMLReader: MarkupReader {
  var context: ReadContext

  mutating func read() -> Document { Document(instrument: Instrument(id: "", format: .formex)) }
}
