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

  /// Creates a run.
  public init(paths: [String], options: IngestOptions = IngestOptions(), deonticOnly: Bool = false) {
    self.paths = paths
    self.options = options
    self.deonticOnly = deonticOnly
  }

  /// Runs, writing statements to standard output and diagnostics to standard error.
  public func run() -> ExitStatus {
    var status = ExitStatus.success
    let extractor = Extractor()
    for path in paths {
      let (source, diagnostics) = Source.read(path, options: options, extractor: extractor)
      OutputFile.report(diagnostics)
      status = status.combined(with: ExitStatus.of(diagnostics))
      guard var statements = source?.statements else { continue }
      if deonticOnly { statements.removeAll { !$0.modality.isDeontic && $0.modality != .exemption } }
      OutputFile.emit(StatementRenderer.jsonLines(statements), to: 1)
    }
    return status
  }
}
