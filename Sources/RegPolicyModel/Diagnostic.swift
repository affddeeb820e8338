/// A problem found in the input, as data: a stable code, a severity, a location and a terse message.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
  public enum Severity: String, Comparable, Sendable {
    case note, warning, error

    private var rank: Int {
      switch self {
      case .note: 0
      case .warning: 1
      case .error: 2
      }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
  }

  /// Stable code from `DiagnosticCode`, e.g. "xml.malformed".
  public var code: String
  public var severity: Severity
  public var file: String
  /// 1-based; 0 when the problem has no position (e.g. an empty file).
  public var line: Int
  public var column: Int
  public var message: String

  /// Creates a diagnostic.
  public init(
    _ code: String, _ severity: Severity, file: String, line: Int = 0, column: Int = 0,
    _ message: String
  ) {
    self.code = code
    self.severity = severity
    self.file = file
    self.line = line
    self.column = column
    self.message = message
  }

  /// `file:line:column: severity: message [code]`, the form editors and CI annotate.
  public var description: String {
    let position = line > 0 ? "\(file):\(line):\(max(column, 1))" : file
    return "\(position): \(severity.rawValue): \(message) [\(code)]"
  }
}
