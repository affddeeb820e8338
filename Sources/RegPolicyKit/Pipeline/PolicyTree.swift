import RegPolicyModel
import RegPolicyPolicies

/// The policies of an organisation for a set of sources, rendered for every engine: the value
/// `generate` writes, `branch` commits and `run` compares. Built in memory; nothing touches the
/// disk until a command writes it.
public struct PolicyTree: Sendable {
  public var index: PolicyIndex
  /// Path relative to the tree's root → contents, `index.json` included.
  public var files: [String: String]
  /// What `generate` noticed without failing: a source no rule maps.
  public var warnings: [Diagnostic] = []

  /// The policies, in index order.
  public var policies: [Policy] { index.policies.map(\.policy) }

  /// Maps every source's statements through the rules, adds the profile's guardrails, and renders
  /// each policy through the templates. All problems are reported together; any one means no tree.
  public static func generate(_ sources: [Source], with configuration: PolicyConfiguration) throws(Diagnostics)
    -> PolicyTree
  {
    var problems: [Diagnostic] = []
    var instruments: [String: String] = [:]
    for source in sources {
      if let first = instruments[source.instrument] {
        problems.append(
          Diagnostic.error(
            .generateDuplicateInstrument, file: source.path,
            "instrument \(source.instrument) is also read from \(first)"))
      } else {
        instruments[source.instrument] = source.path
      }
    }
    let policies = configuration.policies(for: sources)
    let renderer = configuration.renderer
    let rendered = policies.concurrentMap { policy in Result { () throws(Diagnostic) in try renderer.render(policy) } }
    var files: [String: String] = [:]
    var entries: [PolicyIndex.Entry] = []
    for (policy, result) in zip(policies, rendered) {
      switch result {
      case .failure(let error): problems.append(error)
      case .success(let rendered):
        if rendered.contains(where: { files[$0.path] != nil }) {
          problems.append(
            Diagnostic.error(
              .generateDuplicateControl, file: policy.ruleFile, "control \(policy.control) is produced twice"))
        }
        for file in rendered { files[file.path] = file.text }
        entries.append(PolicyIndex.Entry(files: rendered.map(\.path).sorted(), policy: policy))
      }
    }
    if !problems.isEmpty { throw Diagnostics(problems) }
    let index = PolicyIndex(
      generator: PolicyConfiguration.generator, organisation: configuration.profile.organisation, policies: entries)
    files[PolicyIndex.fileName] = index.json()
    // A source read for nothing is said, not passed over: no rule names its instrument, or none of
    // its statements matched.
    let cited = Set(
      policies.flatMap { policy in [policy.instrument].compactMap { $0 } + (policy.also ?? []).map(\.instrument) })
    let warnings = sources.filter { !cited.contains($0.instrument) }.map {
      Diagnostic(
        .generateUnmappedSource, .warning, file: $0.path,
        "no policy comes from \($0.instrument) (\($0.statements.count) statements read): no mapping rule "
          + "matches them; rules name it with `instrument: \($0.instrument)`")
    }
    return PolicyTree(index: index, files: files, warnings: warnings)
  }

  /// Writes the tree as the whole content of `directory`, atomically (`TreeWriter`); a folder
  /// already holding exactly these bytes is not touched.
  public func write(to directory: String) throws(Diagnostic) {
    try TreeWriter.replace(directory, with: files)
  }

  /// Reads a tree `generate` wrote: its index and every file the index lists, which must lie
  /// inside the tree. Stops at the first problem.
  public static func read(from directory: String) throws(Diagnostic) -> PolicyTree {
    do { return try readEvery(from: directory) } catch { throw error.all[0] }  // never thrown empty
  }

  /// Reads a tree like `read`, but reports every file that is missing, unreadable or outside the
  /// tree, not only the first.
  public static func readEvery(from directory: String) throws(Diagnostics) -> PolicyTree {
    let (index, text) = try wrap { () throws(Diagnostic) in try PolicyIndex.read(from: directory) }
    var files = [PolicyIndex.fileName: text]
    var problems: [Diagnostic] = []
    for path in index.policies.flatMap(\.files) {
      guard !path.isEmpty, !path.hasPrefix("/"), !path.split(separator: "/").contains("..") else {
        problems.append(
          Diagnostic.error(
            .policiesMalformedIndex, file: directory + "/" + PolicyIndex.fileName,
            "not a regpolicy index: file '\(path)' lies outside the tree"))
        continue
      }
      do { files[path] = try InputFiles.read(directory + "/" + path) } catch { problems.append(error) }
    }
    if !problems.isEmpty { throw Diagnostics(problems) }
    return PolicyTree(index: index, files: files)
  }
}

extension Policy {
  /// A warning, at the rule's file, when the policy rests on a clause whose text differs from the
  /// one its rule was reviewed against (or was never reviewed, or is gone), or when its tree records
  /// no review at all (written by a regpolicy from before reviews).
  var reviewWarning: Diagnostic? {
    guard let review else {
      return Diagnostic(
        .policyNeedsReview, .warning, file: ruleFile,
        "\(control) records no review of its clauses (a tree from an earlier regpolicy); regenerate it")
    }
    guard review == .needsReview else { return nil }
    let states = unreviewed.map { id in
      "\(id.citation) (\((clauses.first { $0.id == id }?.reviewGap ?? .gone).rawValue))"
    }
    return Diagnostic(
      .policyNeedsReview, .warning, file: ruleFile,
      "\(control) needs review: \(states.joined(separator: ", ")) since rule '\(rule)' was reviewed")
  }
}
