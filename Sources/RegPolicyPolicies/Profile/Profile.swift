/// The organisation profile (README "Organisation profile"): which roles the organisation holds,
/// which risk classes its systems have, the label and annotation keys its workloads use, the GPU
/// budgets and the enforcement mode. Rules read it to decide which obligations apply.
public struct Profile: Hashable, Sendable {
  /// What a violated policy does.
  public enum Enforcement: String, Hashable, Sendable {
    /// Admission is refused.
    case deny
    /// Admission proceeds with a warning.
    case warn
  }

  public static let roles = ["provider", "deployer", "importer", "distributor"]
  public static let riskClasses = ["high-risk", "limited-risk", "minimal-risk", "gpai", "gpai-systemic"]

  public var organisation: String
  public var roles: [String]
  /// The role assumed for a workload whose role label is missing.
  public var defaultRole: String
  public var riskClasses: [String]
  public var annexIIIAreas: [String]
  public var enforcement: Enforcement
  /// Key prefix of AI-system labels and annotations ("ai.example.com").
  public var prefix: String
  /// Key prefix of FinOps labels ("finops.example.com").
  public var finopsPrefix: String
  /// Keys set one by one, overriding `prefix/name`.
  public var keys: [String: String]
  /// The extended resource counted as GPUs ("nvidia.com/gpu").
  public var gpuResource: String
  /// GPU budget classes and the most GPUs each allows.
  public var gpuBudgets: [String: Int]

  /// The label or annotation key of a property.
  public func key(_ property: Property) -> String {
    keys[property.name] ?? ((property.family == .ai ? prefix : finopsPrefix) + "/" + property.name)
  }

  /// Reads a profile; every problem is an error at its line (`profile.*`).
  public init(yaml text: String, file: String) throws(PolicyError) {
    let root = try YAMLValue.parse(text, file: file, code: "profile.malformed")
    try root.keys(
      "the profile",
      allowed: [
        "organisation", "roles", "default-role", "risk-classes", "annex-iii-areas", "enforcement", "prefix",
        "finops-prefix", "keys", "gpu",
      ], code: "profile.unknown-key")
    let code = "profile.missing-key"
    organisation = try root.required("organisation", in: "the profile", code: code).string("organisation")
    let rolesValue = try root.required("roles", in: "the profile", code: code)
    roles = try rolesValue.strings("roles")
    for role in roles where !Profile.roles.contains(role) {
      throw rolesValue.failure(
        "profile.unknown-role", "unknown role '\(role)'; expected \(Profile.roles.joined(separator: ", "))")
    }
    guard let firstRole = roles.first else { throw rolesValue.failure("profile.missing-key", "roles is empty") }
    defaultRole = try root["default-role"]?.string("default-role") ?? firstRole
    if !roles.contains(defaultRole) {
      throw root.failure("profile.unknown-role", "default-role '\(defaultRole)' is not one of the roles")
    }
    let classes = try root.required("risk-classes", in: "the profile", code: code)
    riskClasses = try classes.strings("risk-classes")
    for riskClass in riskClasses where !Profile.riskClasses.contains(riskClass) {
      throw classes.failure(
        "profile.unknown-risk-class",
        "unknown risk class '\(riskClass)'; expected \(Profile.riskClasses.joined(separator: ", "))")
    }
    annexIIIAreas = try root["annex-iii-areas"]?.strings("annex-iii-areas") ?? []
    let mode = try root.required("enforcement", in: "the profile", code: code)
    guard let enforcement = Enforcement(rawValue: try mode.string("enforcement")) else {
      throw mode.failure("profile.invalid-value", "enforcement must be deny or warn")
    }
    self.enforcement = enforcement
    prefix = try root.required("prefix", in: "the profile", code: code).string("prefix")
    finopsPrefix = try root["finops-prefix"]?.string("finops-prefix") ?? prefix
    keys = [:]
    if let overrides = root["keys"] {
      for (name, value) in try overrides.entries("keys") {
        guard Property.named(name) != nil else {
          throw value.failure("profile.unknown-key", "keys names unknown property '\(name)'")
        }
        keys[name] = try value.string("keys.\(name)")
      }
    }
    gpuResource = "nvidia.com/gpu"
    gpuBudgets = [:]
    if let gpu = root["gpu"] {
      try gpu.keys("gpu", allowed: ["resource", "budgets"], code: "profile.unknown-key")
      gpuResource = try gpu["resource"]?.string("gpu.resource") ?? gpuResource
      if let budgets = gpu["budgets"] {
        for (name, value) in try budgets.entries("gpu.budgets") {
          let limit = try value.int("gpu.budgets.\(name)")
          guard limit >= 0 else { throw value.failure("profile.invalid-value", "a GPU budget cannot be negative") }
          gpuBudgets[name] = limit
        }
      }
    }
    for key in [prefix, finopsPrefix] + keys.values where !Profile.isValidKey(key) {
      throw root.failure("profile.invalid-value", "'\(key)' is not a valid Kubernetes label key or prefix")
    }
  }

  /// Label keys and prefixes: letters, digits, '.', '-', '_' and at most one '/'.
  static func isValidKey(_ key: String) -> Bool {
    !key.isEmpty && key.utf8.count <= 253 && key.utf8.filter { $0 == UInt8(ascii: "/") }.count <= 1
      && key.utf8.allSatisfy { byte in
        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
          || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
          || byte == UInt8(ascii: "/")
      }
  }
}
