import RegPolicyExtract
import RegPolicyIngest
import RegPolicyModel
import RegPolicyPolicies

/// What turns statements into an organisation's policies, loaded once per run: the profile, the
/// mapping rules and the templates. Each comes from a path the user names or from the copy built
/// into the binary (`EmbeddedFiles`), so `regpolicy` works from any folder.
public struct PolicyConfiguration: Sendable {
  public var profile: Profile
  public var rules: RuleSet
  public var renderer: Renderer
  /// The typed crosswalks of the rules folder, when asked for (`load(…, crosswalk: true)`).
  public var crosswalk: Crosswalk?

  /// The generator named in every provenance record.
  public static let generator = "regpolicy \(RegPolicyVersion.current)"

  /// Creates a configuration from values already read.
  public init(profile: Profile, rules: RuleSet, renderer: Renderer, crosswalk: Crosswalk? = nil) {
    self.profile = profile
    self.rules = rules
    self.renderer = renderer
    self.crosswalk = crosswalk
  }

  /// Loads the profile (nil: the built-in example), the rules and the templates (nil: the
  /// built-in copies), and with `crosswalk` the rules' crosswalks. Every problem of every file is
  /// reported, each at its line.
  public static func load(
    profile profilePath: String?, rules rulesDirectory: String? = nil, templates templatesDirectory: String? = nil,
    crosswalk readCrosswalk: Bool = false
  ) throws(Diagnostics) -> PolicyConfiguration {
    var problems: [Diagnostic] = []
    var profile: Profile?
    do throws(Diagnostics) {
      if let profilePath {
        let text: String
        do { text = try InputFiles.read(profilePath) } catch { throw Diagnostics([error]) }
        profile = try Profile(yaml: text, file: profilePath)
      } else {
        profile = try Profile(yaml: example.text, file: "templates/" + example.path)
      }
    } catch {
      problems += error.all
    }
    let loaded = rulesAndCrosswalk(from: rulesDirectory, crosswalk: readCrosswalk)
    problems += loaded.errors
    var renderer: Renderer?
    do {
      let templates = try templatesDirectory.map { directory throws(Diagnostic) in
        try InputFiles.files(in: directory, suffixes: [".mustache"], problems: &problems)
      }
      renderer = try Renderer(
        templates: templates ?? EmbeddedFiles.templates, folder: templatesDirectory ?? "templates",
        generator: generator)
    } catch {
      problems.append(error)
    }
    guard let profile, let rules = loaded.rules, let renderer, problems.isEmpty else { throw Diagnostics(problems) }
    return PolicyConfiguration(profile: profile, rules: rules, renderer: renderer, crosswalk: loaded.crosswalk)
  }

  /// The built-in example profile (`templates/profile.example.yaml`).
  static var example: (path: String, text: String) {
    // The generated copy of templates/ holds it; EmbeddedFilesTests keeps the copy current.
    EmbeddedFiles.templates.first { $0.path == "profile.example.yaml" } ?? ("profile.example.yaml", "")
  }

  /// Maps statements to this organisation's policies; clause hashes are sha256 of the clause text.
  public var mapper: Mapper {
    Mapper(rules: rules, profile: profile) { Ingester.sha256(Array($0.utf8)) }
  }

  /// The organisation's policies for these sources: each source's mapped through the rules, in
  /// source order, then the profile's guardrails.
  public func policies(for sources: [Source]) -> [Policy] {
    let mapper = mapper
    return mapper.policies(for: sources.map { ($0.document, $0.statements) }) + mapper.guardrails()
  }

  /// The rule set: from a folder, or the embedded copy of `rules/`.
  public static func rules(from directory: String?) -> (rules: RuleSet?, errors: [Diagnostic]) {
    let loaded = rulesAndCrosswalk(from: directory, crosswalk: false)
    return (loaded.rules, loaded.errors)
  }

  /// The rule set and the typed crosswalks of its `crosswalks/` folder, the files read once: from
  /// a folder, or the embedded copy of `rules/`. With `crosswalk: false` the crosswalk files are
  /// left unread.
  public static func rulesAndCrosswalk(
    from directory: String?, crosswalk readCrosswalk: Bool = true
  ) -> (rules: RuleSet?, crosswalk: Crosswalk?, errors: [Diagnostic]) {
    var problems: [Diagnostic] = []
    let files: [(path: String, text: String)]
    do {
      files =
        try directory.map { dir throws(Diagnostic) in
          try InputFiles.files(in: dir, suffixes: [".yaml"], problems: &problems)
        } ?? EmbeddedFiles.rules
    } catch {
      return (nil, nil, [error])
    }
    let roles = Set(Lexicon.english.phrases.filter { $0.category == .role }.map(\.label))
    let prefix = directory.map { $0 + "/" } ?? "rules/"
    // Decided on the path inside the folder, so a folder that is itself called crosswalks is no trap.
    let crosswalkFiles = files.filter { Crosswalk.isCrosswalk(path: $0.path) }.map { (prefix + $0.path, $0.text) }
    let ruleFiles = files.filter { !Crosswalk.isCrosswalk(path: $0.path) }.map { (prefix + $0.path, $0.text) }
    let loaded = RuleSet.load(files: ruleFiles, roles: roles)
    var crosswalk: Crosswalk?
    var errors = problems + loaded.errors
    if readCrosswalk {
      let read = Crosswalk.load(files: crosswalkFiles, controls: loaded.rules.map { Set($0.rules.map(\.control)) })
      crosswalk = read.crosswalk
      errors += read.errors
    }
    return errors.isEmpty ? (loaded.rules, crosswalk, []) : (nil, nil, errors)
  }
}
