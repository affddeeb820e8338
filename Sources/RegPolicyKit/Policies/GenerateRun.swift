import Foundation
import RegPolicyExtract
import RegPolicyIngest
import RegPolicyModel
import RegPolicyPolicies

/// `regpolicy generate`: ingest, extract, map and render every source into one policy tree plus
/// `index.json`. All or nothing: any error leaves `--out` as it was.
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

  /// The generated tree: relative path → contents, with the index.
  public struct Tree: Sendable {
    public var files: [String: String]
    public var policies: [Policy]
    /// The sources as read, with their statements (for `run`, which compares them next).
    public var sources: [(document: Document, statements: [Obligation])]
  }

  /// Runs and writes; diagnostics go to standard error.
  public func run() -> ExitStatus {
    switch build() {
    case .failure(let failure):
      report(failure.errors)
      return .inputError
    case .success(let tree):
      do {
        try TreeWriter.replace(outputDirectory, with: tree.files)
      } catch {
        report([error])
        return .outputError
      }
      let message = "wrote \(tree.policies.count) policies, \(tree.files.count) files to \(outputDirectory)\n"
      OutputFile.emit(Array(message.utf8), to: 2)
      return .success
    }
  }

  /// Builds the tree in memory without writing anything.
  public func build() -> Result<Tree, GenerateFailure> {
    var errors: [PolicyError] = []
    // Rules, templates and the profile are read on another core while the sources are ingested.
    let setup = Background {
      () -> Result<(Profile, Renderer, RuleSet), GenerateFailure> in
      do throws(PolicyError) {
        let profile = try PolicySources.profile(at: profilePath)
        let renderer = try PolicySources.renderer(from: templatesDirectory)
        let loaded = PolicySources.rules(from: rulesDirectory)
        guard let rules = loaded.rules else { return .failure(GenerateFailure(errors: loaded.errors)) }
        return .success((profile, renderer, rules))
      } catch {
        return .failure(GenerateFailure(errors: [error]))
      }
    }
    var documents: [(Document, [Obligation])] = []
    var instruments: [String: String] = [:]
    let extractor = Extractor()
    for source in sources {
      guard let document = IngestRun.ingestReporting(source, options: options).document else {
        errors.append(PolicyError("input.unreadable", file: source, "source could not be read as a regulation"))
        continue
      }
      let id = document.instrument.celex ?? document.instrument.id
      if let first = instruments[id] {
        errors.append(
          PolicyError("generate.duplicate-instrument", file: source, "instrument \(id) is also read from \(first)"))
        continue
      }
      instruments[id] = source
      documents.append((document, extractor.statements(in: document)))
    }
    let (profile, renderer, rules): (Profile, Renderer, RuleSet)
    switch setup.value() {
    case .failure(let failure): return .failure(GenerateFailure(errors: failure.errors + errors))
    case .success(let loaded): (profile, renderer, rules) = loaded
    }
    let mapper = Mapper(rules: rules, profile: profile) { Ingester.sha256(Array($0.utf8)) }
    let policies = documents.flatMap { mapper.policies(for: $0.0, statements: $0.1) } + mapper.guardrails()
    var files: [String: String] = [:]
    var entries: [Index.Entry] = []
    for (policy, rendered) in zip(
      policies, policies.concurrentMap { policy in Result { () throws(PolicyError) in try renderer.render(policy) } })
    {
      do {
        let rendered = try rendered.get()
        for file in rendered {
          if files[file.path] != nil {
            errors.append(
              PolicyError(
                "generate.duplicate-control", file: policy.ruleFile, "control \(policy.control) is produced twice"))
          }
          files[file.path] = file.text
        }
        entries.append(Index.Entry(files: rendered.map(\.path).sorted(), policy: policy))
      } catch {
        errors.append(error)
      }
    }
    if !errors.isEmpty { return .failure(GenerateFailure(errors: errors)) }
    let index = Index(generator: PolicySources.generator, organisation: profile.organisation, policies: entries)
    files[Index.fileName] = index.json()
    return .success(Tree(files: files, policies: policies, sources: documents))
  }

  private func report(_ errors: [PolicyError]) {
    OutputFile.emit(Array(errors.map { $0.description + "\n" }.joined().utf8), to: 2)
  }
}

/// Why `generate` wrote nothing.
public struct GenerateFailure: Error, Sendable {
  public var errors: [PolicyError]
}

/// `index.json`: every control with its clauses, files and the engine-neutral policy, which
/// `regpolicy check` evaluates. Keys sorted, so the bytes are stable.
public struct Index: Codable, Sendable {
  public static let fileName = "index.json"

  /// One control.
  public struct Entry: Codable, Sendable {
    public var files: [String]
    public var policy: Policy
  }

  public var generator: String
  public var organisation: String
  public var policies: [Entry]

  func json() -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    // Encoding plain strings, ints and arrays cannot fail.
    let data = try! encoder.encode(self)
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  /// Reads the index of a generated tree.
  public static func read(from directory: String) throws(PolicyError) -> Index {
    let path = directory + "/" + fileName
    let text = try PolicySources.read(path)
    do {
      return try JSONDecoder().decode(Index.self, from: Data(text.utf8))
    } catch {
      throw PolicyError("policies.malformed-index", file: path, "not a regpolicy index: \(error)")
    }
  }
}
