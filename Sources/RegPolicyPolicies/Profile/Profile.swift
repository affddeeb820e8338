import RegPolicyModel

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

  /// Reads a profile. Every problem of the file is reported at once, each at its own line
  /// (`profile.*`), so one run shows all that needs fixing.
  public init(yaml text: String, file: String) throws(Diagnostics) {
    let root: YAMLValue
    do { root = try YAMLValue.parse(text, file: file, codes: .profile) } catch { throw Diagnostics([error]) }
    var problems: [Diagnostic] = []
    /// `body`'s value, or `fallback` with its problem noted.
    func read<T>(_ fallback: T, _ body: () throws(Diagnostic) -> T) -> T {
      do { return try body() } catch {
        problems.append(error)
        return fallback
      }
    }
    problems += read([]) { () throws(Diagnostic) in
      try root.unknownKeys(
        "the profile",
        allowed: [
          "organisation", "roles", "default-role", "risk-classes", "annex-iii-areas", "enforcement", "prefix",
          "finops-prefix", "keys", "gpu",
        ])
    }
    organisation = read("") { () throws(Diagnostic) in
      try root.required("organisation", in: "the profile").string("organisation")
    }
    roles = read([]) { () throws(Diagnostic) in
      try Profile.known(
        root.required("roles", in: "the profile"), "role", Profile.roles, .profileUnknownRole, &problems)
    }
    if let value = root["default-role"] {
      defaultRole = read("") { () throws(Diagnostic) in try value.string("default-role") }
      if !defaultRole.isEmpty, !roles.isEmpty, !roles.contains(defaultRole) {
        problems.append(value.failure(.profileUnknownRole, "default-role '\(defaultRole)' is not one of the roles"))
      }
    } else {
      defaultRole = roles.first ?? ""
    }
    riskClasses = read([]) { () throws(Diagnostic) in
      try Profile.known(
        root.required("risk-classes", in: "the profile"), "risk class", Profile.riskClasses, .profileUnknownRiskClass,
        &problems)
    }
    annexIIIAreas = read([]) { () throws(Diagnostic) in try root["annex-iii-areas"]?.strings("annex-iii-areas") ?? [] }
    enforcement = read(.deny) { () throws(Diagnostic) in
      let mode = try root.required("enforcement", in: "the profile")
      guard let enforcement = Enforcement(rawValue: try mode.string("enforcement")) else {
        throw mode.failure(.profileInvalidValue, "enforcement must be deny or warn")
      }
      return enforcement
    }
    let prefix = read("") { () throws(Diagnostic) in
      try Profile.key(root.required("prefix", in: "the profile"), "prefix")
    }
    self.prefix = prefix
    finopsPrefix = read(prefix) { () throws(Diagnostic) in
      guard let value = root["finops-prefix"] else { return prefix }
      return try Profile.key(value, "finops-prefix")
    }
    var keys: [String: String] = [:]
    let overrides: [(key: YAMLValue, value: YAMLValue)] = read([]) { () throws(Diagnostic) in
      guard let value = root["keys"] else { return [] }
      return try value.keyedEntries("keys")
    }
    for (key, value) in overrides {
      let name = (try? key.string("a key")) ?? ""
      guard Property.named(name) != nil else {
        problems.append(key.failure(.profileUnknownKey, "keys names unknown property '\(name)'"))
        continue
      }
      keys[name] = read(nil) { () throws(Diagnostic) in try Profile.key(value, "keys.\(name)") }
    }
    self.keys = keys
    var gpuResource = "nvidia.com/gpu"
    var gpuBudgets: [String: Int] = [:]
    if let gpu = root["gpu"] {
      problems += read([]) { () throws(Diagnostic) in try gpu.unknownKeys("gpu", allowed: ["resource", "budgets"]) }
      gpuResource = read(gpuResource) { () throws(Diagnostic) in
        try gpu["resource"]?.string("gpu.resource") ?? gpuResource
      }
      let budgets: [(key: String, value: YAMLValue)] = read([]) { () throws(Diagnostic) in
        guard let value = gpu["budgets"] else { return [] }
        return try value.entries("gpu.budgets")
      }
      for (name, value) in budgets {
        let limit = read(0) { () throws(Diagnostic) in try value.int("gpu.budgets.\(name)") }
        if limit < 0 { problems.append(value.failure(.profileInvalidValue, "a GPU budget cannot be negative")) }
        gpuBudgets[name] = limit
      }
    }
    self.gpuResource = gpuResource
    self.gpuBudgets = gpuBudgets
    if !problems.isEmpty {
      throw Diagnostics(problems.sorted { ($0.line, $0.column) < ($1.line, $1.column) })
    }
  }

  /// The values of a list that must each be one of `known`; an unknown one is noted at its own line.
  private static func known(
    _ list: YAMLValue, _ what: String, _ known: [String], _ code: DiagnosticCode, _ problems: inout [Diagnostic]
  ) throws(Diagnostic) -> [String] {
    let items = list.node.sequence == nil ? [list] : try list.items(what)
    var values: [String] = []
    for item in items {
      let value = try item.string(what)
      if known.contains(value) {
        values.append(value)
      } else {
        problems.append(item.failure(code, "unknown \(what) '\(value)'; expected \(known.joined(separator: ", "))"))
      }
    }
    if values.isEmpty && items.isEmpty { throw list.failure(.profileMissingKey, "\(what) list is empty") }
    return values
  }

  /// A label key or key prefix; anything else is an error at its line.
  private static func key(_ value: YAMLValue, _ what: String) throws(Diagnostic) -> String {
    let key = try value.string(what)
    guard isValidKey(key) else {
      throw value.failure(.profileInvalidValue, "\(what) '\(key)' is not a valid Kubernetes label key or prefix")
    }
    return key
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
