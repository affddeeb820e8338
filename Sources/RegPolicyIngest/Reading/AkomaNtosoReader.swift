import RegPolicyModel

struct AkomaNtosoReader: MarkupReader {
  var context: ReadContext

  mutating func read() -> Document { Document(instrument: Instrument(id: "", format: .formex)) }
}
