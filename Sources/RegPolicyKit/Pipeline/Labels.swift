import RegPolicyPolicies

/// The FinOps labels of an object (and whether it is an AI system), by the profile's keys.
struct Labels {
  let workloadKey: String
  let costCenterKey: String
  let ownerKey: String
  let systemKey: String

  init(_ profile: Profile) {
    func key(_ name: String) -> String {
      profile.key(Property.named(name)!)  // `!`: every name below is one of Property.all
    }
    workloadKey = key("workload-id")
    costCenterKey = key("cost-center")
    ownerKey = key("owner")
    systemKey = key("system")
  }

  /// Whether the object is labelled an AI system.
  func isAISystem(_ manifest: Manifest) -> Bool { value(manifest, systemKey) == "true" }

  func workload(_ manifest: Manifest) -> String? { value(manifest, workloadKey) }
  func costCenter(_ manifest: Manifest) -> String? { value(manifest, costCenterKey) }
  func owner(_ manifest: Manifest) -> String? { value(manifest, ownerKey) }

  /// A label's text, nil when missing, not a string or blank.
  func value(_ manifest: Manifest, _ key: String) -> String? {
    guard case .string(let text)? = manifest.labels[key], !text.allSatisfy(\.isWhitespace) else { return nil }
    return text
  }
}
