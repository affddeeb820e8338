/// A problem found in the input, as data: a stable code, a severity, a location and a terse message.
///
/// A diagnostic of severity error is also what a stage throws when it cannot go on.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
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

  public var code: DiagnosticCode
  public var severity: Severity
  public var file: String
  /// 1-based; 0 when the problem has no position (e.g. an empty file).
  public var line: Int
  public var column: Int
  public var message: String

  /// Creates a diagnostic.
  public init(
    _ code: DiagnosticCode, _ severity: Severity, file: String, line: Int = 0, column: Int = 0, _ message: String
  ) {
    self.code = code
    self.severity = severity
    self.file = file
    self.line = line
    self.column = column
    self.message = message
  }

  /// An error: what a stage throws when it cannot go on.
  public static func error(
    _ code: DiagnosticCode, file: String, line: Int = 0, column: Int = 0, _ message: String
  ) -> Diagnostic {
    Diagnostic(code, .error, file: file, line: line, column: column, message)
  }

  /// `file:line:column: severity: message [code]`, the form editors and CI annotate.
  public var description: String {
    let position = line > 0 ? "\(file):\(line):\(max(column, 1))" : file
    return "\(position): \(severity.rawValue): \(message) [\(code.rawValue)]"
  }
}

/// Several diagnostics thrown at once: every problem of a file (or of a run) is reported together,
/// never one per attempt.
public struct Diagnostics: Error, Sendable, CustomStringConvertible {
  public var all: [Diagnostic]

  /// Wraps diagnostics.
  public init(_ all: [Diagnostic]) { self.all = all }

  /// One diagnostic per line.
  public var description: String { all.map { $0.description + "\n" }.joined() }

  /// The status a run that reported these ends with: the worst of its errors' (warnings and notes
  /// change nothing).
  public var exitStatus: ExitStatus { ExitStatus.of(all) }
}
