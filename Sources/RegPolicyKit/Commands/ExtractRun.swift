import RegPolicyExtract
import RegPolicyIngest
import RegPolicyModel

/// `regpolicy extract`: ingests each input and writes its statements as JSON Lines; keeps going
/// past bad inputs and decides the exit status at the end.
public struct ExtractRun: Sendable {
  public var paths: [String]
  public var options: IngestOptions
  /// Write only obligations, prohibitions, permissions and exemptions (not definitions, scope, …).
  public var deonticOnly: Bool
  /// Write only the duties (obligations and prohibitions) of this lexicon role, however its
  /// party was found (stated, inherited or from context).
  public var role: String?
  /// Read the recitals too.
  public var recitals: Bool

  /// Creates a run.
  public init(
    paths: [String], options: IngestOptions = IngestOptions(), deonticOnly: Bool = false, role: String? = nil,
    recitals: Bool = false
  ) {
    self.paths = paths
    self.options = options
    self.deonticOnly = deonticOnly
    self.role = role
    self.recitals = recitals
  }

  /// The role ids `--role` takes: the lexicon's, and the organisation NIST texts speak to.
  public static var roles: [String] {
    let lexicon = Lexicon.english
    return Set(lexicon.phrases.filter { $0.category == .role }.map(\.label) + ["organization"]).sorted()
  }

  /// Runs, writing statements to standard output and diagnostics to standard error.
  public func run() -> ExitStatus {
    var status = ExitStatus.success
    let extractor = Extractor(recitals: recitals)
    for path in paths {
      let (source, diagnostics) = Source.read(path, options: options, extractor: extractor)
      OutputFile.report(diagnostics)
      status = status.combined(with: ExitStatus.of(diagnostics))
      guard var statements = source?.statements else { continue }
      if deonticOnly { statements.removeAll { !$0.modality.isDeontic && $0.modality != .exemption } }
      if let role {
        statements.removeAll {
          ($0.modality != .obligation && $0.modality != .prohibition) || !$0.addressees.contains { $0.role == role }
        }
      }
      OutputFile.emit(StatementRenderer.jsonLines(statements), to: 1)
    }
    return status
  }
}
