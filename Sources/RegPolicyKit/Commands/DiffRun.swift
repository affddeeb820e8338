import RegPolicyExtract
import RegPolicyIngest
import RegPolicyModel
import RegPolicyPolicies

/// `regpolicy diff OLD NEW`: what changed in the law, carried through to the obligations and — with
/// a profile — to the organisation's policies.
public struct DiffRun: Sendable {
  /// How the report is written.
  public enum Format: String, CaseIterable, Sendable {
    case text, json, markdown
  }

  public var old: String
  public var new: String
  public var format: Format
  public var profilePath: String?
  public var rulesDirectory: String?
  public var options: IngestOptions

  /// Creates a run.
  public init(
    old: String, new: String, format: Format = .text, profilePath: String? = nil, rulesDirectory: String? = nil,
    options: IngestOptions = IngestOptions()
  ) {
    self.old = old
    self.new = new
    self.format = format
    self.profilePath = profilePath
    self.rulesDirectory = rulesDirectory
    self.options = options
  }

  /// Runs, printing the report; exit 0 when the versions are the same, 1 when they differ.
  public func run() -> ExitStatus {
    let comparison: Comparison
    do throws(Diagnostics) {
      let extractor = Extractor()
      let readers: [Source.Reader] = [old, new].map { path in
        { Source.read(path, options: options, extractor: extractor) }
      }
      if let profilePath {
        let inputs = try PolicyInputs.read(
          profile: profilePath, rules: rulesDirectory, templates: nil, sources: readers)
        let (old, new) = (inputs.sources[0], inputs.sources[1])
        let configuration = inputs.configuration
        comparison = Comparison(
          old: old, new: new, policies: (configuration.policies(for: [old]), configuration.policies(for: [new])))
      } else {
        let sources = try Source.readAll(readers)
        comparison = Comparison(old: sources[0], new: sources[1])
      }
    } catch {
      OutputFile.report(error.all)
      return error.exitStatus
    }
    let bytes: [UInt8] =
      switch format {
      case .json: DiffRenderer.json(comparison)
      case .text: DiffRenderer.text(comparison, markdown: false)
      case .markdown: DiffRenderer.text(comparison, markdown: true)
      }
    OutputFile.emit(bytes, to: 1)
    return comparison.provisions.changes.isEmpty ? .success : .findings
  }
}
