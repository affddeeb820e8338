import Foundation
import RegPolicyKit
import RegPolicyPolicies
import RegPolicyTestSupport
import Testing

/// The generated Kyverno and Gatekeeper files against their engines: valid under the CRDs' schemas
/// (Kyverno 1.19, Gatekeeper 3.23, from the corpus), and the same verdicts as `regpolicy check`
/// and the Rego (rego-cpp) on every fixture, the Kyverno side read back from the generated YAML by
/// `Tests/Support/kyverno_eval.py` (no Kyverno engine installs here).
@Suite("Engine conformance", .serialized)
struct EngineConformanceTests {
  static let crds = [
    PolicyFixtures.corpus + "/k8s-crds/kyverno-v1.19.0/kyverno.io_clusterpolicies.yaml",
    PolicyFixtures.corpus + "/k8s-crds/gatekeeper-v3.23.0/constrainttemplate-customresourcedefinition.yaml",
  ]

  /// What `validate_crds.py` says.
  struct CRDReport: Decodable {
    struct Problem: Decodable, Hashable {
      var file, path, message: String
    }

    var checked: [String: Int]
    var errors: [Problem]
    var celRules: Int

    enum CodingKeys: String, CodingKey {
      case checked, errors
      case celRules = "cel_rules"
    }
  }

  /// What `kyverno_eval.py` says about each object under each policy: the rules that select it,
  /// with `pass`, `fail` or `skip`.
  struct KyvernoReport: Decodable {
    struct Verdict: Decodable {
      var file, subject, control: String
      var results: [String: String]
    }

    var policies: Int
    var verdicts: [Verdict]
  }

  static func validate(_ files: [String]) throws -> CRDReport {
    let run = try PolicyFixtures.python("validate_crds.py", crds + ["--"] + files)
    try #require(run.status == 0, "validate_crds.py failed (are pyyaml and jsonschema installed?): \(run.errors)")
    return try JSONDecoder().decode(CRDReport.self, from: run.output)
  }

  /// The generated ClusterPolicies, ConstraintTemplates and Constraints of the AI Act tree.
  static func engineFiles(_ directory: String) throws -> [String] {
    try FileManager.default.subpathsOfDirectory(atPath: directory).filter {
      $0.hasSuffix("/clusterpolicy.yaml") || $0.hasSuffix("/template.yaml") || $0.hasSuffix("/constraint.yaml")
    }.sorted().map { directory + "/" + $0 }
  }

  @Test("every generated ClusterPolicy, ConstraintTemplate and Constraint is valid under its CRD's schema")
  func crdSchemas() throws {
    let (directory, _) = try GenerateTests.tree.get()
    let report = try Self.validate(try Self.engineFiles(directory))
    let count = GenerateTests.policyCount
    #expect(report.checked == ["ClusterPolicy": count, "ConstraintTemplate": count, "Constraint": count])
    #expect(report.errors == [])
    // CEL rules cannot be evaluated here; the CRDs of the corpus have none, and a new one is noticed.
    #expect(report.celRules == 0)
  }

  @Test("a broken copy of each kind of file is refused, at the broken field")
  func crdSchemasCatchBreakage() throws {
    let (directory, _) = try GenerateTests.tree.get()
    let copy = PolicyFixtures.temporaryDirectory() + "/broken"
    try FileManager.default.createDirectory(atPath: copy, withIntermediateDirectories: true)
    func breaking(_ name: String, _ changes: [(String, String)]) throws -> String {
      var text = try String(contentsOfFile: directory + "/\(name)", encoding: .utf8)
      for (old, new) in changes {
        #expect(text.contains(old), "\(name) has no '\(old)' to break")
        text = text.replacingOccurrences(of: old, with: new)
      }
      let path = copy + "/" + (name as NSString).lastPathComponent
      try text.write(toFile: path, atomically: true, encoding: .utf8)
      return path
    }
    let files = [
      try breaking(
        "kyverno/32024R1689/aia-12/clusterpolicy.yaml",
        [("failureAction: Enforce", "failureAction: Block"), ("  background: true", "  background: \"yes\"")]),
      try breaking("gatekeeper/32024R1689/aia-12/template.yaml", [("      names:\n", "      name:\n")]),
      try breaking(
        "gatekeeper/32024R1689/aia-12/constraint.yaml",
        [("minimum: 183", "minimum: \"183\""), ("excludedNamespaces:", "excludedNamespace:")]),
    ]
    let report = try Self.validate(files)
    let found = Set(report.errors.map { "\(($0.file as NSString).lastPathComponent) \($0.path)" })
    for expected in [
      "clusterpolicy.yaml spec.background", "clusterpolicy.yaml spec.rules.0.validate.failureAction",
      "clusterpolicy.yaml spec.rules.1.validate.failureAction", "template.yaml spec.crd.spec",
      "constraint.yaml spec.parameters.requirements.1.minimum", "constraint.yaml spec.match",
    ] {
      #expect(found.contains(expected), "\(expected) not reported: \(report.errors)")
    }
  }

  @Test("each generated kyverno-test.yaml holds the results the project's Kyverno evaluator gives")
  func kyvernoTestFiles() throws {
    let (directory, _) = try GenerateTests.tree.get()
    let run = try PolicyFixtures.python("kyverno_eval.py", ["--tests", directory])
    try #require(run.status == 0, "kyverno_eval.py failed (is jmespath installed?): \(run.errors)")
    let report = try #require(try JSONSerialization.jsonObject(with: run.output) as? [String: Any])
    #expect(report["tests"] as? Int == GenerateTests.policyCount)
    #expect((report["results"] as? Int ?? 0) >= GenerateTests.policyCount * 3)
    #expect((report["mismatches"] as? [Any])?.isEmpty == true, "\(report["mismatches"] ?? [])")
  }

  @Test("the Kyverno evaluator refuses what it does not cover instead of guessing")
  func kyvernoEvaluatorRefuses() throws {
    let (directory, _) = try GenerateTests.tree.get()
    let copy = PolicyFixtures.temporaryDirectory()
    let folder = copy + "/kyverno/32024R1689/aia-12"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let text = try String(contentsOfFile: directory + "/kyverno/32024R1689/aia-12/clusterpolicy.yaml", encoding: .utf8)
    try text.replacingOccurrences(of: "operator: AnyNotIn", with: "operator: AnyNotInRange")
      .write(toFile: folder + "/clusterpolicy.yaml", atomically: true, encoding: .utf8)
    let run = try PolicyFixtures.python("kyverno_eval.py", [copy] + GenerateTests.manifests)
    #expect(run.status == 2)
    #expect(run.errors.contains("not covered: operator AnyNotInRange"), "\(run.errors)")
  }

  /// One requirement's verdict on one object: not selected (kind, excluded namespace), out of
  /// scope, met or unmet.
  enum Verdict: String {
    case notSelected = "-"
    case skip, pass, fail
  }

  /// White space other than ASCII, which rego-cpp 1.5.2's `trim_space` does not trim (OPA's does):
  /// compared between the native and the Kyverno verdicts only.
  static let unicodeManifests = PolicyFixtures.packageRoot + "/corpus/manifests/engines-unicode.yaml"

  @Test("native, Rego and Kyverno verdicts agree on every fixture, per check template")
  func conformanceTable() throws {
    let (directory, _) = try GenerateTests.tree.get()
    let rego = try GenerateTests.rego.get()
    let index = try PolicyIndex.read(from: directory).index
    let manifests = GenerateTests.manifests + [Self.unicodeManifests]
    let run = try PolicyFixtures.python("kyverno_eval.py", [directory] + manifests)
    try #require(run.status == 0, "kyverno_eval.py failed: \(run.errors)")
    let kyverno = try JSONDecoder().decode(KyvernoReport.self, from: run.output)
    #expect(kyverno.policies == index.policies.count)
    var kyvernoResults: [String: [String: String]] = [:]
    for verdict in kyverno.verdicts {
      kyvernoResults["\(verdict.file)|\(verdict.subject)|\(verdict.control)"] = verdict.results
    }
    var regoRequirements: [String: [[String]]] = [:]
    for verdict in rego.verdicts {
      regoRequirements["\(verdict.file)|\(verdict.subject)|\(verdict.control)"] = verdict.requirements
    }
    // template → fixture file → (agreeing verdicts by kind, disagreements)
    var table: [String: [String: [Verdict: Int]]] = [:]
    var disagreements: [String] = []
    for path in manifests {
      let withRego = path != Self.unicodeManifests
      let file = (path as NSString).lastPathComponent + (withRego ? "" : " (native and Kyverno)")
      let read = Manifest.read(try String(contentsOfFile: path, encoding: .utf8), file: path)
      for manifest in read.manifests {
        for entry in index.policies {
          let policy = entry.policy
          let key = "\(path)|\(manifest.subject)|\(policy.control)"
          var regoMessages: [[String]]?
          if withRego {
            let found: [[String]] = try #require(regoRequirements[key], "no Rego verdict for \(key)")
            regoMessages = found
          }
          let results = try #require(kyvernoResults[key], "no Kyverno verdict for \(key)")
          for (index, requirement) in policy.requirements.enumerated() {
            var single = policy
            single.requirements = [requirement]
            let messages = Evaluator.violations(of: single, in: manifest)
            let native: Verdict =
              !Evaluator.matches(policy.target, manifest)
              ? .notSelected
              : !Evaluator.applies(policy.target, to: manifest) ? .skip : messages.isEmpty ? .pass : .fail
            let rule = "\(policy.name)-\(index)-\(requirement.template)"
            let kyvernoVerdict = results[rule].flatMap(Verdict.init(rawValue:)) ?? .notSelected
            // The Rego must give the same messages, word for word; Kyverno the same verdict.
            let regoRequirement = regoMessages.map { index < $0.count ? $0[index] : ["(no requirement_\(index))"] }
            let agree = kyvernoVerdict == native && (regoRequirement == nil || regoRequirement == messages)
            if agree {
              table[requirement.template, default: [:]][file, default: [:]][native, default: 0] += 1
            } else {
              disagreements.append(
                "\(requirement.template) \(rule) \(file) \(manifest.subject): native \(native.rawValue) \(messages), "
                  + "Rego \(regoRequirement ?? []), Kyverno \(kyvernoVerdict.rawValue)")
            }
          }
        }
      }
    }
    var lines = [
      "| check template | fixture | unmet (fail) | met (pass) | out of scope (skip) | not selected | disagree |",
      "|---|---|---|---|---|---|---|",
    ]
    for (template, files) in table.sorted(by: { $0.key < $1.key }) {
      for (file, counts) in files.sorted(by: { $0.key < $1.key }) {
        let name = file.split(separator: " ").first.map(String.init) ?? file
        let disagree = disagreements.filter { $0.hasPrefix(template + " ") && $0.contains(" \(name) ") }.count
        lines.append(
          "| \(template) | \(file) | \(counts[.fail] ?? 0) | \(counts[.pass] ?? 0) | \(counts[.skip] ?? 0) | "
            + "\(counts[.notSelected] ?? 0) | \(disagree) |")
      }
    }
    print(lines.joined(separator: "\n"))
    #expect(disagreements == [], "\(disagreements.joined(separator: "\n"))")
    // Not a vacuous agreement: every template is met and unmet somewhere, in every engine.
    for template in Check.Template.allCases.map(\.rawValue) {
      let counts = table[template]?.values.reduce(into: [Verdict: Int]()) { total, counts in
        total.merge(counts, uniquingKeysWith: +)
      }
      #expect((counts?[.fail] ?? 0) > 0 && (counts?[.pass] ?? 0) > 0, "\(template): \(counts ?? [:])")
    }
  }

  @Test("the table can fail: a Kyverno policy reading GPUs from spec.template.spec only misses a CronJob's")
  func conformanceCatchesGap() throws {
    let (directory, _) = try GenerateTests.tree.get()
    let engines = PolicyFixtures.packageRoot + "/corpus/manifests/engines.yaml"
    func result(_ tree: String) throws -> String? {
      let run = try PolicyFixtures.python("kyverno_eval.py", [tree, engines])
      try #require(run.status == 0, "kyverno_eval.py failed: \(run.errors)")
      let report = try JSONDecoder().decode(KyvernoReport.self, from: run.output)
      return report.verdicts.first { $0.subject == "cronjob/research/nightly-small" && $0.control == "FINOPS-GPU" }?
        .results["finops-gpu-0-gpu-budget"]
    }
    #expect(try result(directory) == "fail")
    // The policy as it was before issue 16: the pod template of a Deployment, wherever the kind.
    let copy = PolicyFixtures.temporaryDirectory()
    let folder = copy + "/kyverno/profile/finops-gpu"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let text = try String(contentsOfFile: directory + "/kyverno/profile/finops-gpu/clusterpolicy.yaml", encoding: .utf8)
    let byKind =
      "request.object.kind == 'Pod' && request.object.spec"
      + " || request.object.kind == 'CronJob' && request.object.spec.jobTemplate.spec.template.spec || "
    #expect(text.contains(byKind))
    try text.replacingOccurrences(of: byKind, with: "").write(
      toFile: folder + "/clusterpolicy.yaml", atomically: true, encoding: .utf8)
    #expect(try result(copy) == "pass", "the gap the table exists to catch")
  }

  @Test("the engines fixture: the verdicts worked out by hand in its comments")
  func handChecked() throws {
    let (directory, _) = try GenerateTests.tree.get()
    let index = try PolicyIndex.read(from: directory).index
    let path = PolicyFixtures.packageRoot + "/corpus/manifests/engines.yaml"
    let read = Manifest.read(try String(contentsOfFile: path, encoding: .utf8), file: path)
    #expect(read.errors.isEmpty)
    var violated: [String: Set<String>] = [:]
    for manifest in read.manifests {
      for entry in index.policies where !Evaluator.violations(of: entry.policy, in: manifest).isEmpty {
        violated[manifest.subject, default: []].insert(entry.policy.control)
      }
    }
    let gpu = Set(violated.filter { $0.value.contains("FINOPS-GPU") }.keys)
    #expect(
      gpu == ["cronjob/research/nightly-small", "statefulset/ml/embedder", "daemonset/nodes/driver-check"])
    #expect(violated["pod/gatekeeper-system/audit"] == nil && violated["pod/kube-system/audit"] == nil)
    let retention = Set(violated.filter { $0.value.contains("AIA-12") }.keys)
    #expect(
      retention == [
        "deployment/ml/retention-exponent", "deployment/ml/retention-signed", "deployment/ml/retention-decimal",
        "deployment/ml/retention-padded",
      ])
    let blank = violated["deployment/ml/blank-values"] ?? []
    for control in ["AIA-05", "AIA-11", "AIA-13", "AIA-49", "AIA-73"] {
      #expect(blank.contains(control), "\(control): \(blank)")
    }
    #expect(!blank.contains("AIA-12") && !blank.contains("FINOPS-LABELS"))
    let area = violated["job/ml/blank-area"] ?? []
    #expect(!area.contains("AIA-27") && !area.contains("AIA-49"), "\(area)")
    let unicode = Self.unicodeManifests
    let wide = Manifest.read(try String(contentsOfFile: unicode, encoding: .utf8), file: unicode)
    #expect(wide.errors.isEmpty)
    for manifest in wide.manifests {
      for entry in index.policies where !Evaluator.violations(of: entry.policy, in: manifest).isEmpty {
        violated[manifest.subject, default: []].insert(entry.policy.control)
      }
    }
    let unicodeBlanks = violated["deployment/ml/unicode-blanks"] ?? []
    #expect(unicodeBlanks.isSuperset(of: ["AIA-05", "AIA-11", "AIA-13", "AIA-49"]), "\(unicodeBlanks)")
    let unicodeArea = violated["job/ml/unicode-area"] ?? []
    #expect(!unicodeArea.contains("AIA-27") && !unicodeArea.contains("AIA-49"), "\(unicodeArea)")
  }
}
