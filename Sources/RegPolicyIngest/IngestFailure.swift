import RegPolicyModel

/// An input problem that stops one file from being ingested; `Ingester` turns it into an error
/// diagnostic at the file's path.
struct IngestFailure: Error, Sendable {
  var code: DiagnosticCode
  var message: String
  var line: Int
  var column: Int

  /// Creates a failure.
  init(code: DiagnosticCode, message: String, line: Int = 0, column: Int = 0) {
    self.code = code
    self.message = message
    self.line = line
    self.column = column
  }
}
