/// The process exit statuses, decided once at the end of a run. Documented in README.md.
public enum ExitStatus: Int32, Sendable {
  /// Everything read and written.
  case success = 0
  /// Findings the user asked to fail on (e.g. `ingest --check` below the coverage threshold).
  case findings = 1
  /// Bad command line (ArgumentParser's validation errors also exit 2... via its own path).
  case usage = 2
  /// At least one input could not be read as a regulation; the others were still processed.
  case inputError = 3
  /// An output could not be written.
  case outputError = 4
  /// `run`: nothing changed, no commit was made.
  case noChange = 5
}
