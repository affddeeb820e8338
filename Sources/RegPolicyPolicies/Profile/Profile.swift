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
  /// The namespaces whose objects no policy looks at (`excluded-namespaces:`), sorted, always with
  /// `kube-system`: the cluster's own components are not the organisation's AI systems.
  public var excludedNamespaces: [String]
  /// How FOCUS cost data joins the workloads (`costs:`).
  public var costs: Costs
  /// What the organisation's fines are computed from (`exposure:`).
  public var exposure: Exposure

  /// How FOCUS cost and usage rows join the workloads' FinOps labels.
  public struct Costs: Hashable, Sendable {
    /// The FinOps labels a cost row can carry as a tag.
    public static let labels = ["workload-id", "cost-center", "owner"]
    /// For each of `labels`, the FOCUS tag keys that carry it (providers differ: `CostCenter`,
    /// `cost-center`); the first found wins, `AllocatedTags` before `Tags`.
    public var tags: [String: [String]] = [
      "workload-id": ["workload-id", "workload"], "cost-center": ["cost-center", "CostCenter"],
      "owner": ["owner", "Owner"],
    ]
    /// The cost column summed: EffectiveCost (amortised, what a workload costs) or BilledCost.
    public var column = "EffectiveCost"
    /// The report's currency; nil: the one billing currency of the data.
    public var currency: String?
    /// Units of `currency` per unit of another billing currency ("EUR": 1.0825).
    public var exchangeRates: [String: ExactDecimal] = [:]
  }

  /// The figures the law's fines are a share of.
  public struct Exposure: Hashable, Sendable {
    /// Total worldwide annual turnover of the preceding financial year; nil: unknown, and only
    /// the fixed amounts are shown.
    public var turnover: ExactDecimal?
    public var currency = "EUR"
    /// A small or medium-sized enterprise (start-ups included): the lower of the two ceilings.
    public var sme = false
  }

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
          "finops-prefix", "keys", "gpu", "excluded-namespaces", "costs", "exposure",
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
    var excluded: Set<String> = [Profile.systemNamespace]
    let namespaces: [YAMLValue] = read([]) { () throws(Diagnostic) in
      guard let value = root["excluded-namespaces"] else { return [] }
      return try value.items("excluded-namespaces")
    }
    for item in namespaces {
      let name = read("") { () throws(Diagnostic) in try item.string("a namespace") }
      if Profile.isNamespace(name) {
        excluded.insert(name)
      } else if !name.isEmpty {
        problems.append(
          item.failure(
            .profileInvalidValue,
            "excluded-namespaces: '\(name)' is not a namespace name (lower-case letters, digits and '-', at most 63)"))
      }
    }
    excludedNamespaces = excluded.sorted()
    var found: [Diagnostic] = []
    costs = read(Costs()) { () throws(Diagnostic) in
      guard let value = root["costs"] else { return Costs() }
      return try Profile.costs(value, &found)
    }
    exposure = read(Exposure()) { () throws(Diagnostic) in
      guard let value = root["exposure"] else { return Exposure() }
      return try Profile.exposure(value, &found)
    }
    problems += found
    if !problems.isEmpty {
      throw Diagnostics(problems.sorted { ($0.line, $0.column) < ($1.line, $1.column) })
    }
  }

  private static func costs(_ value: YAMLValue, _ problems: inout [Diagnostic]) throws(Diagnostic) -> Costs {
    problems += try value.unknownKeys("costs", allowed: ["tags", "column", "currency", "exchange-rates"])
    var costs = Costs()
    if let tags = value["tags"] {
      for (key, keys) in try tags.keyedEntries("costs.tags") {
        let label = try key.string("a FinOps label")
        guard Costs.labels.contains(label) else {
          problems.append(
            key.failure(
              .profileUnknownKey, "costs.tags names '\(label)'; expected \(Costs.labels.joined(separator: ", "))"))
          continue
        }
        let names = try keys.strings(label)
        if names.isEmpty { problems.append(keys.failure(.profileInvalidValue, "costs.tags.\(label) is empty")) }
        costs.tags[label] = names
      }
    }
    if let column = value["column"] {
      costs.column = try column.string("costs.column")
      if costs.column != "EffectiveCost" && costs.column != "BilledCost" {
        problems.append(column.failure(.profileInvalidValue, "costs.column must be EffectiveCost or BilledCost"))
      }
    }
    costs.currency = try value["currency"].map { currency throws(Diagnostic) in try Profile.currency(currency) }
    for (key, rate) in try value["exchange-rates"]?.keyedEntries("costs.exchange-rates") ?? [] {
      let code = try Profile.currency(key)
      guard let number = ExactDecimal(try rate.string("exchange rate")), number > .zero else {
        problems.append(rate.failure(.profileInvalidValue, "exchange rate for \(code) is not a positive number"))
        continue
      }
      costs.exchangeRates[code] = number
    }
    if !costs.exchangeRates.isEmpty && costs.currency == nil {
      problems.append(
        value.failure(.profileMissingKey, "costs.exchange-rates needs costs.currency, the currency they convert to"))
    }
    return costs
  }

  private static func exposure(_ value: YAMLValue, _ problems: inout [Diagnostic]) throws(Diagnostic) -> Exposure {
    problems += try value.unknownKeys("exposure", allowed: ["turnover", "currency", "sme"])
    var exposure = Exposure()
    if let turnover = value["turnover"] {
      guard let amount = ExactDecimal(try turnover.string("exposure.turnover")), amount >= .zero else {
        throw turnover.failure(
          .profileInvalidValue, "exposure.turnover is not an amount (write it as digits: \"250000000\")")
      }
      exposure.turnover = amount
    }
    if let currency = value["currency"] { exposure.currency = try Profile.currency(currency) }
    if let sme = value["sme"] { exposure.sme = try sme.bool("exposure.sme") }
    return exposure
  }

  /// An ISO 4217 code: three capital letters.
  private static func currency(_ value: YAMLValue) throws(Diagnostic) -> String {
    let code = try value.string("a currency")
    guard code.utf8.count == 3, code.utf8.allSatisfy({ $0 >= 0x41 && $0 <= 0x5A }) else {
      throw value.failure(.profileInvalidValue, "'\(code)' is not an ISO 4217 currency code (three capital letters)")
    }
    return code
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

  /// The namespace every policy leaves alone, whatever the profile says.
  public static let systemNamespace = "kube-system"

  /// A namespace name: an RFC 1123 label (lower-case letters, digits and '-', starting and ending
  /// with a letter or digit, at most 63 bytes).
  static func isNamespace(_ name: String) -> Bool {
    let bytes = Array(name.utf8)
    let allowed = { (byte: UInt8) in (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) }
    guard let first = bytes.first, let last = bytes.last, bytes.count <= 63 else { return false }
    return allowed(first) && allowed(last) && bytes.allSatisfy { allowed($0) || $0 == UInt8(ascii: "-") }
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
