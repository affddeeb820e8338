/// The inputs of a policy's generated `*_test.rego`: a compliant workload, one workload per
/// requirement that breaks only that requirement, and one out of scope; with the messages the
/// native evaluator gives for each, which the Rego must reproduce exactly.
struct TestCase {
  var name: String
  var manifest: Manifest
  var expected: [String]

  var values: [String: Any] {
    ["name": name, "inputJSON": json(manifest), "expectedRego": expected.isEmpty ? "set()" : set(expected)]
  }

  static func make(_ policy: Policy) -> [TestCase] {
    let target = policy.target
    var compliant = Manifest(
      file: "", line: 0, apiVersion: "apps/v1", kind: "Deployment", name: "compliant", namespace: "regpolicy-test",
      labels: [:], annotations: [:], containers: [([:], [:])])
    if let key = target.systemKey { compliant.labels[key] = .string("true") }
    if let riskClass = target.riskClasses.first { compliant.labels[target.riskClassKey] = .string(riskClass) }
    if let role = target.roles.first { compliant.labels[target.roleKey] = .string(role) }
    if let except = target.annexIIIExcept {
      let area = (1...8).map(String.init).first { !except.contains($0) } ?? "1"
      compliant.labels[target.annexIIIKey] = .string(area)
    }
    var breaking: [(String, (inout Manifest) -> Void)] = []
    for (index, requirement) in policy.requirements.enumerated() {
      let key = requirement.key
      func set(_ manifest: inout Manifest, _ value: String?) {
        if requirement.field == "labels" {
          manifest.labels[key] = value.map { .string($0) }
        } else {
          manifest.annotations[key] = value.map { .string($0) }
        }
      }
      switch Check.Template(rawValue: requirement.template) {
      case .present?:
        set(&compliant, "https://evidence.example.com/\(policy.name)")
        breaking.append(("missing_\(index)", { set(&$0, nil) }))
        breaking.append(("empty_\(index)", { set(&$0, " ") }))
      case .oneOf?:
        set(&compliant, requirement.values[0])
        breaking.append(("unexpected_\(index)", { set(&$0, "unexpected") }))
      case .atLeast?:
        set(&compliant, String(requirement.minimum))
        breaking.append(("below_\(index)", { set(&$0, String(requirement.minimum - 1)) }))
        breaking.append(("not_number_\(index)", { set(&$0, "six months") }))
      case .noneOf?:
        set(&compliant, "customer-support")
        breaking.append(("prohibited_\(index)", { set(&$0, "customer-support, \(requirement.values[0])") }))
      case .matches?:
        set(&compliant, requirement.example)
        breaking.append(("missing_\(index)", { set(&$0, nil) }))
      case .gpuBudget?:
        let budgets = requirement.budgets.sorted { ($0.value, $0.key) < ($1.value, $1.key) }
        let gpu = { (manifest: inout Manifest, count: Int) in
          manifest.containers = [([requirement.gpuResource: .number(Double(count))], [:])]
        }
        if let small = budgets.first(where: { $0.value >= 1 }) {
          set(&compliant, small.key)
          gpu(&compliant, 1)
          breaking.append(
            (
              "over_budget_\(index)",
              {
                set(&$0, small.key); gpu(&$0, small.value + 1)
              }
            ))
        }
        breaking.append(
          (
            "no_budget_class_\(index)",
            {
              set(&$0, nil); gpu(&$0, 1)
            }
          ))
      case nil: break
      }
    }
    var cases = [TestCase(name: "compliant", manifest: compliant, expected: [])]
    for (name, change) in breaking {
      var manifest = compliant
      manifest.name = String(name.map { $0 == "_" ? "-" : $0 })
      change(&manifest)
      cases.append(TestCase(name: name, manifest: manifest, expected: Evaluator.violations(of: policy, in: manifest)))
    }
    // A workload that breaks a requirement in a namespace every policy leaves alone.
    var excluded = cases.count > 1 ? cases[1].manifest : compliant
    excluded.name = "excluded-namespace"
    excluded.namespace = target.namespacesExcluded.last ?? Profile.systemNamespace
    cases.append(TestCase(name: "excluded_namespace", manifest: excluded, expected: []))
    var unrelated = cases.count > 1 ? cases[1].manifest : compliant
    unrelated.name = "out-of-scope"
    if let key = target.systemKey { unrelated.labels[key] = nil } else { unrelated.kind = "Service" }
    cases.append(TestCase(name: "out_of_scope", manifest: unrelated, expected: []))
    return cases
  }
}

extension TestCase {
  /// The results `kyverno test` must give on the cases, per rule (one rule per requirement, named
  /// `<policy>-<index>-<template>`) and result, as regpolicy's own evaluator gives them: nothing
  /// for an object the rule does not select (kind, excluded namespace), `skip` when out of scope
  /// (the preconditions), `fail` when the requirement is unmet, else `pass`.
  static func kyvernoResults(_ policy: Policy, _ cases: [TestCase]) -> [[String: Any]] {
    var results: [[String: Any]] = []
    for (index, requirement) in policy.requirements.enumerated() {
      var single = policy
      single.requirements = [requirement]
      var byResult: [String: [String: [String]]] = [:]
      for testCase in cases where Evaluator.matches(policy.target, testCase.manifest) {
        let manifest = testCase.manifest
        let result =
          !Evaluator.applies(policy.target, to: manifest)
          ? "skip" : Evaluator.violations(of: single, in: manifest).isEmpty ? "pass" : "fail"
        byResult[result, default: [:]][manifest.kind, default: []].append(manifest.name)
      }
      for result in ["fail", "pass", "skip"] {
        for (kind, names) in (byResult[result] ?? [:]).sorted(by: { $0.key < $1.key }) {
          results.append([
            "rule": "\(policy.name)-\(index)-\(requirement.template)", "kind": kind, "result": result,
            "resources": names.sorted().joined(separator: ", "),
          ])
        }
      }
    }
    return results
  }
}

/// A manifest as the JSON object a Kubernetes API server would hold (a Rego object literal too).
func json(_ manifest: Manifest) -> String {
  func object(_ values: [String: Manifest.Value]) -> String {
    "{"
      + values.sorted { $0.key < $1.key }.map { key, value in
        switch value {
        case .string(let text): "\(quote(key)): \(quote(text))"
        case .number(let number): "\(quote(key)): \(Int(number))"
        case .other: "\(quote(key)): null"
        }
      }.joined(separator: ", ") + "}"
  }
  let containers = manifest.containers.map { container in
    "{\"image\": \"registry.example.com/model:1\", \"name\": \"model\", \"resources\": {\"limits\": \(object(container.limits))}}"
  }
  let pod = "{\"containers\": [\(containers.joined(separator: ", "))]}"
  let spec = manifest.kind == "Pod" ? pod : "{\"template\": {\"spec\": \(pod)}}"
  return """
    {"apiVersion": \(quote(manifest.apiVersion)), "kind": \(quote(manifest.kind)), \
    "metadata": {"annotations": \(object(manifest.annotations)), "labels": \(object(manifest.labels)), \
    "name": \(quote(manifest.name)), "namespace": \(quote(manifest.namespace))}, "spec": \(spec)}
    """
}
