import Foundation
import RegPolicyExtract
import RegPolicyIngest
import RegPolicyKit
import RegPolicyModel
import RegPolicyPolicies
import Testing
import Yams

@Suite("Generated policies", .serialized)
struct GenerateTests {
  /// The AI Act and the AI RMF Playbook into one tree, as an organisation that follows both would.
  static let run = GenerateRun(
    sources: [PolicyFixtures.aiActHTML, PolicyFixtures.playbookJSON], profilePath: PolicyFixtures.profilePath,
    outputDirectory: "", rulesDirectory: PolicyFixtures.packageRoot + "/rules",
    templatesDirectory: PolicyFixtures.packageRoot + "/templates")

  /// The tree, generated once and written to a temporary folder.
  static let tree = Result { () throws -> (directory: String, tree: PolicyTree) in
    let tree = try run.build()
    let directory = PolicyFixtures.temporaryDirectory() + "/policies"
    var write = run
    write.outputDirectory = directory
    #expect(write.run() == .success)
    return (directory, tree)
  }

  static let manifests = ["compliant.yaml", "noncompliant.yaml", "edge-cases.yaml", "engines.yaml"].map {
    PolicyFixtures.packageRoot + "/corpus/manifests/" + $0
  }

  /// What rego-cpp (regopy) says about the tree: the generated tests, the Gatekeeper templates,
  /// and the verdicts on the sample manifests.
  struct RegoReport: Decodable, Sendable {
    struct Verdict: Decodable, Sendable {
      var file, subject, control: String
      var opa, gatekeeper: [String]
      /// The messages of each `requirement_N` of the OPA policy.
      var requirements: [[String]]
    }

    var tests: Int
    var failures: [String]
    var gatekeeperCompiled: Int
    var verdicts: [Verdict]
    /// The gator suites' cases, and those whose asserted violations the template's Rego does not give.
    var suiteCases: Int
    var suiteFailures: [String]

    enum CodingKeys: String, CodingKey {
      case tests, failures, verdicts
      case gatekeeperCompiled = "gatekeeper_compiled"
      case suiteCases = "suite_cases"
      case suiteFailures = "suite_failures"
    }
  }

  static let rego = Result { () throws -> RegoReport in
    let (directory, _) = try tree.get()
    let run = try PolicyFixtures.python("regopy_eval.py", [directory] + manifests)
    try #require(run.status == 0, "regopy_eval.py failed (is regopy installed?): \(run.errors)")
    return try JSONDecoder().decode(RegoReport.self, from: run.output)
  }

  /// Policies in the tree: 16 from the AI Act, 8 from the AI RMF Playbook, 2 FinOps guardrails.
  static let policyCount = 26

  @Test("every policy covers the controls of the profile, in every engine")
  func layout() throws {
    let (_, tree) = try Self.tree.get()
    // The example profile: provider and deployer, high-risk, limited-risk and GPAI systems; the AI
    // RMF's controls apply to every AI system.
    #expect(
      tree.policies.map(\.control).sorted() == [
        "AIA-05", "AIA-09", "AIA-10", "AIA-11", "AIA-12", "AIA-13", "AIA-14", "AIA-15", "AIA-17", "AIA-26", "AIA-27",
        "AIA-49", "AIA-50", "AIA-53", "AIA-72", "AIA-73", "FINOPS-GPU", "FINOPS-LABELS", "RMF-GV-1.6", "RMF-GV-1.7",
        "RMF-GV-2.1", "RMF-GV-5.1", "RMF-GV-6.1", "RMF-MG-2.3", "RMF-MP-1.1", "RMF-MP-5.1",
      ])
    #expect(tree.warnings.isEmpty, "\(tree.warnings)")
    let aia12 = try #require(tree.policies.first { $0.control == "AIA-12" })
    #expect(aia12.clauses.map(\.id.rawValue).prefix(3) == ["art_12.par_1", "art_19.par_1", "art_26.par_6"])
    for name in [
      "rego/32024R1689/aia-12/policy.rego", "rego/32024R1689/aia-12/policy_test.rego",
      "gatekeeper/32024R1689/aia-12/template.yaml", "gatekeeper/32024R1689/aia-12/constraint.yaml",
      "kyverno/32024R1689/aia-12/clusterpolicy.yaml", "rego/profile/finops-gpu/policy.rego", "index.json",
      "rego/NIST.AI.100-1.Playbook/rmf-gv-1-7/policy.rego",
      "kyverno/NIST.AI.100-1.Playbook/rmf-gv-1-7/clusterpolicy.yaml",
    ] {
      #expect(tree.files[name] != nil, "\(name)")
    }
    // Per policy: Rego and its test, template, constraint, gator suite and its cases (one object a
    // file), ClusterPolicy, Kyverno test and its resources; and the index.
    let cases = tree.files.keys.filter { $0.contains("/cases/") }.count
    #expect(cases >= Self.policyCount * 4)
    #expect(tree.files.count - cases == Self.policyCount * 8 + 1)
  }

  @Test("every generated Rego test passes and every Gatekeeper template compiles in rego-cpp")
  func regoTests() throws {
    let report = try Self.rego.get()
    // Each policy has a compliant case, one per broken requirement and one out of scope.
    #expect(report.tests >= Self.policyCount * 3)
    #expect(report.failures == [])
    #expect(report.gatekeeperCompiled == Self.policyCount)
    #expect(report.suiteCases >= Self.policyCount * 4)
    #expect(report.suiteFailures == [])
  }

  @Test("native check verdicts equal the Rego verdicts (OPA and Gatekeeper) on every manifest")
  func agreement() throws {
    let report = try Self.rego.get()
    let (directory, _) = try Self.tree.get()
    let index = try PolicyIndex.read(from: directory).index
    var native: [String: [String]] = [:]
    var objects = 0
    for path in Self.manifests {
      let read = Manifest.read(try String(contentsOfFile: path, encoding: .utf8), file: path)
      #expect(read.errors.isEmpty, "\(read.errors)")
      objects += read.manifests.count
      for manifest in read.manifests {
        for entry in index.policies {
          native["\(path)|\(manifest.subject)|\(entry.policy.control)"] = Evaluator.violations(
            of: entry.policy, in: manifest)
        }
      }
    }
    let verdicts = report.verdicts
    #expect(verdicts.count == native.count)
    #expect(verdicts.count == objects * index.policies.count)
    var violated = 0
    for verdict in verdicts {
      let key = "\(verdict.file)|\(verdict.subject)|\(verdict.control)"
      let opa = verdict.opa
      #expect(native[key] == opa, "\(key)")
      #expect(verdict.gatekeeper == opa, "\(key)")
      if !opa.isEmpty { violated += 1 }
    }
    // Not a vacuous agreement: the manifests break many controls, and many comply.
    #expect(violated >= 20)
    #expect(verdicts.count - violated >= 200)
  }

  @Test("two runs produce identical trees, byte for byte, on disk")
  func determinism() throws {
    let (directory, tree) = try Self.tree.get()
    let again = try Self.run.build()
    #expect(again.files == tree.files)
    var write = Self.run
    write.outputDirectory = directory
    #expect(write.run() == .success)
    let onDisk = try FileManager.default.subpathsOfDirectory(atPath: directory).filter {
      !$0.hasSuffix("/")
        && (try? FileManager.default.attributesOfItem(atPath: directory + "/" + $0)[.type]
          as? FileAttributeType) == .typeRegular
    }
    #expect(Set(onDisk) == Set(tree.files.keys))
    for (path, text) in tree.files {
      #expect(try String(contentsOfFile: directory + "/" + path, encoding: .utf8) == text, "\(path)")
    }
  }

  @Test("provenance: every file's pinpoint IDs exist and its clause hashes are the clauses' text hashes")
  func provenance() throws {
    let (_, tree) = try Self.tree.get()
    let documents = [
      "32024R1689": try PolicyFixtures.aiAct.get().document,
      "NIST.AI.100-1.Playbook": try PolicyFixtures.playbook.get().document,
    ]
    // Recomputed here from the document, independently of the mapper: the clause's own text and
    // every descendant's, one per line.
    func expectedHash(_ id: String, in instrument: String) throws -> String {
      let document = try #require(documents[instrument], "no instrument \(instrument)")
      let provision = try #require(document.provision(PinpointID(rawValue: id)), "no clause \(id) in \(instrument)")
      var lines: [String] = []
      provision.forEach { if !$0.text.isEmpty { lines.append($0.text) } }
      return Ingester.sha256(Array(lines.joined(separator: "\n").utf8))
    }
    let links = [
      "32024R1689": "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32024R1689#",
      "NIST.AI.100-1.Playbook": "https://www.nist.gov/itl/ai-risk-management-framework/nist-ai-rmf-playbook",
    ]
    var checked: [String: Int] = [:]
    for (path, text) in tree.files where path.hasSuffix("/policy.rego") && !path.hasPrefix("rego/profile/") {
      let metadata = text.split(separator: "\n").prefix { $0.hasPrefix("#") }.dropFirst().map { $0.dropFirst(2) }
        .joined(separator: "\n")
      let yaml = try #require(try Yams.load(yaml: metadata) as? [String: Any], "\(path)")
      let custom = try #require(yaml["custom"] as? [String: Any], "\(path)")
      let instrument = try #require(custom["instrument"] as? String)
      #expect(path.hasPrefix("rego/\(instrument)/"))
      #expect(custom["generator"] as? String == "regpolicy \(RegPolicyVersion.current)")
      #expect(custom["rule"] as? String != nil && custom["template"] as? String == "rego/policy.rego")
      // The policy's own clauses, then those of every other instrument it also implements.
      var cited = [(instrument, try #require(custom["clauses"] as? [[String: String]], "\(path)"))]
      for other in custom["also"] as? [[String: Any]] ?? [] {
        cited.append(
          (try #require(other["instrument"] as? String), try #require(other["clauses"] as? [[String: String]])))
      }
      for (instrument, clauses) in cited {
        #expect(!clauses.isEmpty)
        for clause in clauses {
          #expect(clause["sha256"] == (try expectedHash(clause["id"] ?? "", in: instrument)), "\(path) \(clause)")
          checked[instrument, default: 0] += 1
        }
      }
      let resources = try #require(yaml["related_resources"] as? [[String: String]], "\(path)")
      #expect(resources.count == cited.map(\.1.count).reduce(0, +))
      #expect(resources.allSatisfy { ref in links.values.contains { ref["ref"]?.hasPrefix($0) == true } }, "\(path)")
    }
    // Every policy file; a Kyverno CLI test and its workloads (kyverno-test.yaml, resources.yaml)
    // are tests, which EngineConformanceTests runs.
    for (path, text) in tree.files where Self.isPolicyYAML(path) && !path.contains("/profile/") {
      let instrument = String(path.split(separator: "/")[1])
      let object = try #require(try Yams.load(yaml: text) as? [String: Any], "\(path)")
      let annotations = try #require(
        (object["metadata"] as? [String: Any])?["annotations"] as? [String: String], "\(path)")
      var cited = [(instrument, try #require(annotations["regpolicy.dev/clause-sha256"], "\(path)"))]
      // "INSTRUMENT VERSION: id=sha256,…; …"
      for other in annotations["regpolicy.dev/also"]?.split(separator: "; ") ?? [] {
        let parts = other.split(separator: ": ", maxSplits: 1)
        try #require(parts.count == 2, "\(path) \(other)")
        cited.append((String(parts[0].split(separator: " ")[0]), String(parts[1])))
      }
      for (instrument, hashes) in cited {
        let pairs = hashes.split(separator: ",")
        #expect(!pairs.isEmpty)
        for pair in pairs {
          let parts = pair.split(separator: "=").map(String.init)
          try #require(parts.count == 2, "\(path) \(pair)")
          #expect(parts[1] == (try expectedHash(parts[0], in: instrument)), "\(path) \(pair)")
          checked[instrument, default: 0] += 1
        }
      }
    }
    #expect(checked["32024R1689", default: 0] > 100)
    #expect(checked["NIST.AI.100-1.Playbook", default: 0] > 100)
  }

  @Test("a control that implements the AI Act and the AI RMF cites both, each clause with its hash")
  func bothInstruments() throws {
    let (_, tree) = try Self.tree.get()
    let policy = try #require(tree.policies.first { $0.control == "AIA-73" })
    // Its checks rest on the Act: Article 73(1) is what a denial cites.
    #expect(policy.instrument == "32024R1689")
    #expect(policy.requirements.map(\.basis.citation) == ["Article 73(1)"])
    let also = try #require(policy.also)
    #expect(also.map(\.instrument) == ["NIST.AI.100-1.Playbook"])
    #expect(also[0].instrumentName == "AI RMF Playbook" && also[0].version == "playbook-2024")
    #expect(also[0].clauses.map(\.id.rawValue) == ["sbc_manage-4-3", "sbc_manage-4-3.smt_actions"])
    #expect(also[0].clauses.map(\.citation) == ["MANAGE 4.3", "MANAGE 4.3, Suggested Actions"])
    // In every engine's file.
    let rego = try #require(tree.files["rego/32024R1689/aia-73/policy.rego"])
    #expect(rego.contains("#   also:\n#     - instrument: \"NIST.AI.100-1.Playbook\""))
    #expect(rego.contains("#         - id: \"sbc_manage-4-3\"\n#           sha256: \"\(also[0].clauses[0].sha256)\""))
    for path in ["kyverno/32024R1689/aia-73/clusterpolicy.yaml", "gatekeeper/32024R1689/aia-73/template.yaml"] {
      let text = try #require(tree.files[path])
      #expect(text.contains("regpolicy.dev/also: \"NIST.AI.100-1.Playbook playbook-2024: sbc_manage-4-3="), "\(path)")
    }
    // The controls that implement both are those whose rule names the Playbook under `also:`.
    #expect(
      tree.policies.filter { $0.also != nil }.map(\.control) == [
        "AIA-11", "AIA-14", "AIA-15", "AIA-26", "AIA-72", "AIA-73",
      ])
    // An AI RMF control cites its subcategories: recommended, not required.
    let decommission = try #require(tree.policies.first { $0.control == "RMF-GV-1.7" })
    #expect(decommission.citation == "GOVERN 1.7" && decommission.review == .current)
    #expect(
      decommission.requirements[0].basis.head
        == "denied — GOVERN 1.7 and MANAGE 2.4 AI RMF Playbook recommend that a process is in place to supersede, "
        + "deactivate and decommission the AI system safely")
  }

  /// A ClusterPolicy, ConstraintTemplate or Constraint (not a Kyverno CLI test or its workloads).
  static func isPolicyYAML(_ path: String) -> Bool {
    ["/clusterpolicy.yaml", "/template.yaml", "/constraint.yaml"].contains { path.hasSuffix($0) }
  }

  @Test("Gatekeeper and Kyverno files parse as YAML with the fields their CRDs require")
  func crdFields() throws {
    let (_, tree) = try Self.tree.get()
    for (path, text) in tree.files where Self.isPolicyYAML(path) {
      let object = try #require(try Yams.load(yaml: text) as? [String: Any], "\(path)")
      let metadata = try #require(object["metadata"] as? [String: Any], "\(path)")
      let name = try #require(metadata["name"] as? String, "\(path)")
      #expect(name.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" || $0 == "." }, "\(path): \(name)")
      let spec = try #require(object["spec"] as? [String: Any], "\(path)")
      switch (object["apiVersion"] as? String, object["kind"] as? String) {
      case ("templates.gatekeeper.sh/v1", "ConstraintTemplate"):
        let kind = try #require(
          ((spec["crd"] as? [String: Any])?["spec"] as? [String: Any]).flatMap {
            ($0["names"] as? [String: Any])?["kind"] as? String
          },
          "\(path)")
        #expect(name == kind.lowercased(), "\(path): metadata.name must be the lower-cased kind")
        let targets = try #require(spec["targets"] as? [[String: Any]], "\(path)")
        #expect(targets.first?["target"] as? String == "admission.k8s.gatekeeper.sh")
        let code = try #require((targets.first?["code"] as? [[String: Any]])?.first, "\(path)")
        #expect(code["engine"] as? String == "Rego")
        let source = try #require(code["source"] as? [String: Any], "\(path)")
        #expect(source["version"] as? String == "v1")
        #expect((source["rego"] as? String)?.contains("violation contains") == true)
        #expect((source["rego"] as? String)?.contains("import rego.v1") == false)
      case ("constraints.gatekeeper.sh/v1beta1", let kind?):
        #expect(kind.hasPrefix("Regpolicy"))
        #expect(["deny", "warn"].contains(spec["enforcementAction"] as? String))
        let kinds = try #require((spec["match"] as? [String: Any])?["kinds"] as? [[String: Any]], "\(path)")
        #expect(Set(kinds.flatMap { $0["kinds"] as? [String] ?? [] }) == Set(Scope.workloadKinds))
      case ("kyverno.io/v1", "ClusterPolicy"):
        let rules = try #require(spec["rules"] as? [[String: Any]], "\(path)")
        #expect(!rules.isEmpty)
        for rule in rules {
          #expect(rule["name"] as? String != nil && rule["match"] as? [String: Any] != nil, "\(path)")
          let validate = try #require(rule["validate"] as? [String: Any], "\(path)")
          #expect(["Enforce", "Audit"].contains(validate["failureAction"] as? String))
          #expect(
            ((validate["deny"] as? [String: Any])?["conditions"] as? [String: Any])?["any"] as? [Any] != nil, "\(path)")
          if let preconditions = rule["preconditions"] as? [String: Any] {
            #expect((preconditions["all"] as? [Any])?.isEmpty == false, "\(path)")
          }
        }
      default:
        Issue.record("\(path): unexpected apiVersion/kind")
      }
    }
  }

  @Test("removing an obligation removes its files")
  func removal() throws {
    let act = try PolicyFixtures.aiAct.get()
    let directory = PolicyFixtures.temporaryDirectory() + "/out"
    var write = Self.run
    write.outputDirectory = directory
    #expect(write.run() == .success)
    #expect(FileManager.default.fileExists(atPath: directory + "/rego/32024R1689/aia-73/policy.rego"))
    // The same act with Article 73's statements gone: its control and files go with them.
    let mapper = PolicyFixtures.mapper()
    let policies = mapper.policies(
      for: act.document, statements: act.statements.filter { !$0.clause.rawValue.hasPrefix("art_73") })
    #expect(!policies.contains { $0.control == "AIA-73" })
    #expect(policies.count == mapper.policies(for: act.document, statements: act.statements).count - 1)
    // The tree of those statements, written over the first: the folder loses the files.
    let configuration = try PolicyConfiguration.load(
      profile: PolicyFixtures.profilePath, rules: PolicyFixtures.packageRoot + "/rules",
      templates: PolicyFixtures.packageRoot + "/templates")
    let source = Source(
      path: PolicyFixtures.aiActHTML, document: act.document,
      statements: act.statements.filter { !$0.clause.rawValue.hasPrefix("art_73") })
    try PolicyTree.generate([source], with: configuration).write(to: directory)
    #expect(!FileManager.default.fileExists(atPath: directory + "/rego/32024R1689/aia-73"))
    #expect(!FileManager.default.fileExists(atPath: directory + "/kyverno/32024R1689/aia-73/clusterpolicy.yaml"))
    #expect(FileManager.default.fileExists(atPath: directory + "/rego/32024R1689/aia-12/policy.rego"))
  }
}
