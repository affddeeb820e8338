import RegPolicyExtract
import RegPolicyIngest
import RegPolicyModel

/// `regpolicy generate`: every source read and extracted, mapped and rendered into one policy
/// tree, written as a whole. All or nothing: any error leaves `--out` as it was.
public struct GenerateRun: Sendable {
  public var sources: [String]
  public var profilePath: String
  public var outputDirectory: String
  public var rulesDirectory: String?
  public var templatesDirectory: String?
  public var options: IngestOptions

  /// Creates a run.
  public init(
    sources: [String], profilePath: String, outputDirectory: String, rulesDirectory: String? = nil,
    templatesDirectory: String? = nil, options: IngestOptions = IngestOptions()
  ) {
    self.sources = sources
    self.profilePath = profilePath
    self.outputDirectory = outputDirectory
    self.rulesDirectory = rulesDirectory
    self.templatesDirectory = templatesDirectory
    self.options = options
  }

  /// Builds and writes; diagnostics go to standard error.
  public func run() -> ExitStatus {
    do throws(Diagnostics) {
      let tree = try build()
      OutputFile.report(tree.warnings + tree.policies.compactMap(\.reviewWarning))
      try wrap { () throws(Diagnostic) in try tree.write(to: outputDirectory) }
      OutputFile.say("wrote \(tree.policies.count) policies, \(tree.files.count) files to \(outputDirectory)")
      return .success
    } catch {
      OutputFile.report(error.all)
      return error.exitStatus
    }
  }

  /// The tree, built in memory without writing anything.
  public func build() throws(Diagnostics) -> PolicyTree {
    let extractor = Extractor()
    let inputs = try PolicyInputs.read(
      profile: profilePath, rules: rulesDirectory, templates: templatesDirectory,
      sources: sources.map { path in { Source.read(path, options: options, extractor: extractor) } })
    return try PolicyTree.generate(inputs.sources, with: inputs.configuration)
  }
}
