import RegPolicyModel

/// A problem with a profile, a rule, a template or a manifest: a stable code, the file and line,
/// and a terse message. Turned into a `Diagnostic` by whoever reports it.
public struct PolicyError: Error, Hashable, Sendable, CustomStringConvertible {
  public var code: String
  public var file: String
  public var line: Int
  public var column: Int
  public var message: String

  /// Creates an error.
  public init(_ code: String, file: String, line: Int = 0, column: Int = 0, _ message: String) {
    self.code = code
    self.file = file
    self.line = line
    self.column = column
    self.message = message
  }

  /// The error as a diagnostic (always severity error).
  public var diagnostic: Diagnostic {
    Diagnostic(code, .error, file: file, line: line, column: column, message)
  }

  public var description: String { diagnostic.description }
}
