import RegPolicyModel

enum PlaybookReader {
  static func read(_ file: SourceFile) throws(IngestFailure) -> Document {
    Document(instrument: Instrument(id: "", format: .playbook))
  }
}
