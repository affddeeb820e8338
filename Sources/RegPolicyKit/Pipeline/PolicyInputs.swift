import RegPolicyModel

/// What a policy run starts from, read together: the configuration on another core while the
/// sources are read here (extraction itself uses every core).
public struct PolicyInputs: Sendable {
  public var configuration: PolicyConfiguration
  public var sources: [Source]

  /// Loads the configuration and reads every source. The notes and warnings of a source that was
  /// read go to standard error at once; every problem that stops the run — the configuration's
  /// first, then each unreadable source's — is thrown together.
  static func read(
    profile: String?, rules: String?, templates: String?, sources readers: [Source.Reader]
  ) throws(Diagnostics) -> PolicyInputs {
    let configuration = Background { () -> Result<PolicyConfiguration, Diagnostics> in
      Result { () throws(Diagnostics) in
        try PolicyConfiguration.load(profile: profile, rules: rules, templates: templates)
      }
    }
    let sources: [Source]
    do throws(Diagnostics) {
      sources = try Source.readAll(readers)
    } catch {
      if case .failure(let failure) = configuration.value() { throw Diagnostics(failure.all + error.all) }
      throw error
    }
    switch configuration.value() {
    case .failure(let failure): throw failure
    case .success(let loaded): return PolicyInputs(configuration: loaded, sources: sources)
    }
  }
}
