import Synchronization

/// Evaluates policies natively on manifests, with exactly the semantics of the generated Rego
/// (templates/rego): the same scope, the same requirements, the same messages. Tests hold the two
/// to 100 % agreement.
public enum Evaluator {
  /// One broken requirement of one object: the message, and the clauses it rests on.
  public struct Finding: Hashable, Sendable {
    /// "deployment/ml/scorer: denied — Article 19(1) … require that …; annotation … below the minimum".
    public var message: String
    public var basis: Policy.LegalBasis
    /// The metadata field ("labels", "annotations") and key of the broken requirement.
    public var field: String
    public var key: String
  }

  /// What a policy finds wrong with a manifest, one finding per distinct message, sorted by message;
  /// empty when it complies or is out of scope.
  public static func findings(of policy: Policy, in manifest: Manifest) -> [Finding] {
    guard applies(policy.target, to: manifest) else { return [] }
    var findings: [String: Finding] = [:]
    for requirement in policy.requirements {
      for (reason, basis) in reasons(requirement, manifest) {
        let message = manifest.subject + ": " + basis.head + "; " + reason
        findings[message] = Finding(message: message, basis: basis, field: requirement.field, key: requirement.key)
      }
    }
    return findings.sorted { $0.key < $1.key }.map(\.value)
  }

  /// The messages a policy produces for a manifest, sorted: what the generated Rego must produce.
  public static func violations(of policy: Policy, in manifest: Manifest) -> [String] {
    findings(of: policy, in: manifest).map(\.message)
  }

  /// Whether a policy looks at an object at all (kind, namespace, AI-system label, risk class, role,
  /// area).
  public static func applies(_ target: Policy.Target, to manifest: Manifest) -> Bool {
    guard matches(target, manifest) else { return false }
    if let key = target.systemKey, manifest.labels[key]?.string != "true" { return false }
    if !target.riskClasses.isEmpty {
      guard let value = manifest.labels[target.riskClassKey]?.string, target.riskClasses.contains(value) else {
        return false
      }
    }
    if !target.roles.isEmpty {
      let role = manifest.labels[target.roleKey].map { $0.string } ?? target.defaultRole
      guard let role, target.roles.contains(role) else { return false }
    }
    if let except = target.annexIIIExcept {
      guard let area = manifest.labels[target.annexIIIKey]?.string, !trim(area).isEmpty, !except.contains(area) else {
        return false
      }
    }
    return true
  }

  /// Whether an object is of a kind the policy looks at, outside the excluded namespaces: what a
  /// Kyverno `match`/`exclude` or a Gatekeeper constraint's `match` selects, before any condition.
  public static func matches(_ target: Policy.Target, _ manifest: Manifest) -> Bool {
    target.kinds.contains(manifest.kind) && !target.namespacesExcluded.contains(manifest.namespace)
  }

  /// Why a requirement is unmet, each reason with the basis its message cites.
  private static func reasons(
    _ requirement: Policy.Requirement, _ manifest: Manifest
  ) -> [(String, Policy.LegalBasis)] {
    if requirement.template == Check.Template.noneOf.rawValue {
      let values = requirement.field == "labels" ? manifest.labels : manifest.annotations
      guard let value = values[requirement.key]?.string else { return [] }
      return value.split(separator: ",", omittingEmptySubsequences: false).map { trim(String($0)) }
        .filter { requirement.values.contains($0) }
        .map {
          ("\(requirement.noun) \(requirement.key) declares '\($0)', a prohibited practice", requirement.basis(for: $0))
        }
    }
    return unmet(requirement, manifest).map { ($0, requirement.basis) }
  }

  private static func unmet(_ requirement: Policy.Requirement, _ manifest: Manifest) -> [String] {
    let values = requirement.field == "labels" ? manifest.labels : manifest.annotations
    let named = "\(requirement.noun) \(requirement.key)"
    let template = Check.Template(rawValue: requirement.template)
    if template == .gpuBudget { return gpuReasons(requirement, manifest) }
    guard let value = values[requirement.key]?.string else { return ["missing \(named)"] }
    switch template {
    case .present?:
      return trim(value).isEmpty ? ["empty \(named)"] : []
    case .oneOf?:
      return requirement.values.contains(value)
        ? [] : ["\(named) is '\(value)', expected one of \(requirement.values.joined(separator: ", "))"]
    case .atLeast?:
      guard !value.isEmpty, value.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
        return ["\(named) is '\(value)', not a whole number"]
      }
      // Digits only: a number too long for Int is certainly above any minimum.
      return (Int(value) ?? Int.max) < requirement.minimum
        ? ["\(named) is '\(value)', below the minimum of \(requirement.minimum)"] : []
    case .matches?:
      return find(requirement.pattern, in: value) ? [] : ["\(named) is '\(value)', not matching \(requirement.pattern)"]
    case .gpuBudget?, .noneOf?, nil:
      return []  // handled above
    }
  }

  private static func gpuReasons(_ requirement: Policy.Requirement, _ manifest: Manifest) -> [String] {
    let total = manifest.gpus(requirement.gpuResource)
    guard total > 0 else { return [] }
    let count = total == total.rounded() && total < 1e15 ? String(Int(total)) : String(total)
    let label = "label \(requirement.key)"
    guard let budgetClass = manifest.labels[requirement.key]?.string else {
      return ["requests \(count) GPUs but has no \(label)"]
    }
    guard let limit = requirement.budgets[budgetClass] else {
      return ["\(label) is '\(budgetClass)', not a GPU budget class"]
    }
    return total > Double(limit) ? ["requests \(count) GPUs, above the \(budgetClass) budget of \(limit)"] : []
  }

  /// Unicode white space trimmed from both ends, as Rego's `trim_space`.
  static func trim(_ text: String) -> String {
    let scalars = text.unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
      let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
    else { return "" }
    return String(scalars[first...last])
  }

  /// True when the regular expression matches somewhere in the text, as Rego's `regex.match`.
  static func find(_ pattern: String, in text: String) -> Bool {
    // Compiling a Regex costs more than matching it: each pattern is compiled once per process.
    let regex = compiled.withLock { cache in
      if let regex = cache[pattern] { return regex }
      let regex = try? Regex(pattern)
      cache[pattern] = regex
      return regex
    }
    guard let regex else { return false }
    return (try? regex.firstMatch(in: text)) != nil
  }

  private static let compiled = Mutex<[String: Regex<AnyRegexOutput>?]>([:])
}
