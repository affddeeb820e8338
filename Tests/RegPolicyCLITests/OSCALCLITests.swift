import Foundation
import RegPolicyTestSupport
import Testing

/// `regpolicy oscal` on the tree of the AI Act and the AI RMF Playbook: NIST's OSCAL JSON schema, compliance-trestle's own
/// workspace validation and models, and the tree's `index.json` read here on its own as the truth.
@Suite("regpolicy oscal", .serialized)
struct OSCALCLITests {
  let cli = CLITests()
  static let files = ["catalog.json", "component-definition.json", "profile.json"]

  /// The tree of the AI Act and the AI RMF Playbook for the example profile, and its OSCAL export,
  /// made once.
  static let export = Result { () throws -> (tree: String, oscal: String) in
    let folder = TestPaths.temporaryFolder("oscal")
    let tree = folder + "/policies"
    let playbook = CLITests.corpus + "/nist/nist_ai_rmf_playbook_2024-06.json"
    let generated = try CLITests().run(
      ["generate", PolicyCLITests.aiAct, playbook, "--profile", PolicyCLITests.profile, "--out", tree])
    try #require(generated.status == 0, "\(generated.stderr)")
    let out = folder + "/oscal"
    let result = try CLITests().run(["oscal", "--policies", tree, "--out", out])
    try #require(result.status == 0, "\(result.stderr)")
    return (tree, out)
  }

  /// Runs a program (found on PATH) in `directory`, with standard output and error together.
  static func program(_ arguments: [String], in directory: String) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }

  /// The tree's index, as plain JSON.
  static func index(_ tree: String) throws -> [[String: Any]] {
    let data = try Data(contentsOf: URL(fileURLWithPath: tree + "/index.json"))
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    return try #require(object["policies"] as? [[String: Any]])
  }

  @Test("the three documents are valid against NIST's OSCAL JSON schema")
  func schema() throws {
    let (_, oscal) = try Self.export.get()
    let result = try ReportCLITests.python(
      ["Tests/Support/oscal_check.py", "schema"] + Self.files.map { oscal + "/" + $0 })
    #expect(result.status == 0, "\(result.output)")
    #expect(result.output.components(separatedBy: "VALID ").count - 1 == 3, "\(result.output)")
    #expect(!result.output.contains("INVALID"))
  }

  @Test("the schema check fails on a document that breaks it (a control id that is not a token)")
  func schemaCatchesErrors() throws {
    let (_, oscal) = try Self.export.get()
    let broken = TestPaths.temporaryFolder("oscal-broken") + "/catalog.json"
    let text = try String(contentsOfFile: oscal + "/catalog.json", encoding: .utf8)
    try text.replacingOccurrences(of: "\"id\": \"AIA-12\"", with: "\"id\": \"12 AIA\"")
      .write(toFile: broken, atomically: true, encoding: .utf8)
    let result = try ReportCLITests.python(["Tests/Support/oscal_check.py", "schema", broken])
    #expect(result.status == 1, "\(result.output)")
    #expect(result.output.contains("INVALID"))
  }

  @Test("trestle init, import and validate in a trestle workspace")
  func trestleValidate() throws {
    let (_, oscal) = try Self.export.get()
    let workspace = TestPaths.temporaryFolder("trestle")
    let initialised = try Self.program(["trestle", "init"], in: workspace)
    try #require(initialised.status == 0, "\(initialised.output)")
    for (file, name) in [
      ("catalog.json", "regpolicy"), ("profile.json", "regpolicy"), ("component-definition.json", "regpolicy"),
    ] {
      let imported = try Self.program(["trestle", "import", "-f", oscal + "/" + file, "-o", name], in: workspace)
      #expect(imported.status == 0, "\(file): \(imported.output)")
    }
    for (folder, file) in [
      ("catalogs", "catalog"), ("profiles", "profile"), ("component-definitions", "component-definition"),
    ] {
      #expect(FileManager.default.fileExists(atPath: "\(workspace)/\(folder)/regpolicy/\(file).json"))
    }
    let validated = try Self.program(["trestle", "validate", "-a"], in: workspace)
    #expect(validated.status == 0, "\(validated.output)")
    #expect(validated.output.contains("VALID"), "\(validated.output)")
    #expect(!validated.output.contains("INVALID"), "\(validated.output)")
  }

  @Test("round trip: trestle's models load the same controls, clauses and artefacts as index.json")
  func roundTrip() throws {
    let (tree, oscal) = try Self.export.get()
    let loaded = try ReportCLITests.python(["Tests/Support/oscal_check.py", "load", oscal])
    try #require(loaded.status == 0, "\(loaded.output)")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(loaded.output.utf8)) as? [String: Any])
    let catalog = try #require(object["catalog"] as? [String: Any])
    let controls = try #require(catalog["controls"] as? [String: [String: Any]])
    let policies = try Self.index(tree)
    let ids = policies.compactMap { ($0["policy"] as? [String: Any])?["control"] as? String }
    #expect(ids.count == 26)
    #expect(Set(controls.keys) == Set(ids))
    var clauseCount = 0
    for entry in policies {
      let policy = try #require(entry["policy"] as? [String: Any])
      let id = try #require(policy["control"] as? String)
      // Its own clauses, then those of each instrument it also implements.
      let cited = [policy] + (policy["also"] as? [[String: Any]] ?? [])
      let expected = cited.flatMap { source in
        (source["clauses"] as? [[String: Any]] ?? []).map { clause in
          [
            clause["id"] as? String ?? "", source["instrument"] as? String ?? "", source["version"] as? String ?? "",
            clause["sha256"] as? String ?? "",
          ]
        }
      }
      let actual = (controls[id]?["clauses"] as? [[String: Any]] ?? []).map { clause in
        ["id", "instrument", "version", "sha256"].map { clause[$0] as? String ?? "" }
      }
      #expect(actual == expected, "\(id)")
      // Each legal-basis part's words hash (Python's hashlib) to the sha256 the tree records.
      let texts = (controls[id]?["clauses"] as? [[String: Any]] ?? []).map { $0["text-sha256"] as? String ?? "" }
      #expect(texts == expected.map { $0[3] }, "\(id)")
      clauseCount += expected.count
    }
    #expect(clauseCount > 30)
    // AIA-12 implements Article 12(1), 19(1) and 26(6) of the AI Act as published on 12 July 2024.
    let aia12 = (controls["AIA-12"]?["clauses"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    #expect(Set(aia12).isSuperset(of: ["art_12.par_1", "art_19.par_1", "art_26.par_6"]))
    #expect(controls["AIA-12"]?["group"] as? String == "celex-32024R1689")
    #expect(controls["FINOPS-GPU"]?["group"] as? String == "guardrails")
    #expect(controls["RMF-GV-1.7"]?["group"] as? String == "NIST.AI.100-1.Playbook")
    // AIA-73 rests on Article 73(1) and implements MANAGE 4.3 of the Playbook too.
    let aia73 = (controls["AIA-73"]?["clauses"] as? [[String: Any]] ?? []).map {
      ($0["id"] as? String ?? "") + "@" + ($0["instrument"] as? String ?? "")
    }
    #expect(aia73.contains("art_73.par_1@32024R1689") && aia73.contains("sbc_manage-4-3@NIST.AI.100-1.Playbook"))
    #expect((controls["FINOPS-GPU"]?["clauses"] as? [Any])?.isEmpty == true)
    let profile = try #require(object["profile"] as? [String: Any])
    #expect(profile["selected"] as? [String] == ids)
    // trestle's resolver lists the controls group by group, in an order of its own.
    #expect(Set(profile["resolved"] as? [String] ?? []) == Set(ids))
    // Every artefact: the index's files of the control, with the sha256 sha256sum gives.
    let definition = try #require(object["component-definition"] as? [String: Any])
    let implemented = try #require(definition["implemented"] as? [String: [[String: String]]])
    #expect(Set(implemented.keys) == Set(ids))
    let sums = try Self.program(["sha256sum"] + policies.flatMap { $0["files"] as? [String] ?? [] }, in: tree)
    try #require(sums.status == 0, "\(sums.output)")
    var expectedSums: [String: String] = [:]
    for line in sums.output.split(separator: "\n") {
      let fields = line.split(separator: " ", maxSplits: 1)
      expectedSums[String(fields[1].drop { $0 == " " || $0 == "*" })] = String(fields[0])
    }
    for entry in policies {
      let id = try #require((entry["policy"] as? [String: Any])?["control"] as? String)
      let files = try #require(entry["files"] as? [String])
      let artefacts = implemented[id] ?? []
      #expect(artefacts.map { $0["path"] ?? "" } == files, "\(id)")
      for artefact in artefacts {
        #expect(artefact["sha256"] == expectedSums[artefact["path"] ?? ""], "\(artefact)")
      }
    }
  }

  @Test("deterministic: two runs give the same bytes; a re-run touches nothing; dates come from the sources")
  func deterministic() throws {
    let (tree, oscal) = try Self.export.get()
    let second = TestPaths.temporaryFolder("oscal-again") + "/oscal"
    let run = try cli.run(["oscal", "--policies", tree, "--out", second])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(PolicyCLITests.snapshot(second) == PolicyCLITests.snapshot(oscal))
    #expect(Set(PolicyCLITests.snapshot(second).keys) == Set(Self.files))
    let before = try FileManager.default.attributesOfItem(atPath: second + "/catalog.json")[.modificationDate] as? Date
    Thread.sleep(forTimeInterval: 1.1)
    #expect(try cli.run(["oscal", "--policies", tree, "--out", second]).status == 0)
    let after = try FileManager.default.attributesOfItem(atPath: second + "/catalog.json")[.modificationDate] as? Date
    #expect(before == after)
    // last-modified is the latest source date of the index (the AI Act's OJ date), not the clock;
    // the Playbook's version ("playbook-2024") is no date.
    let versions = try Self.index(tree).compactMap { ($0["policy"] as? [String: Any])?["version"] as? String }
    #expect(Set(versions) == ["2024-07-12", "playbook-2024"])
    let catalog = try String(contentsOfFile: oscal + "/catalog.json", encoding: .utf8)
    #expect(catalog.contains("\"last-modified\": \"2024-07-12T00:00:00Z\""))
    #expect(catalog.contains("\"oscal-version\": \"1.1.3\""))
    #expect(
      catalog.contains(
        "\"Article 19(1) and Article 26(6) require that the logs are kept for a period of at least six months"))
  }

  @Test("UUIDs are version 5 of stable names in regpolicy's namespace (checked with Python's uuid)")
  func uuids() throws {
    let (_, oscal) = try Self.export.get()
    let script = """
      import json, uuid, sys
      ns = uuid.uuid5(uuid.NAMESPACE_URL, "https://regpolicy.dev/oscal")
      doc = json.load(open(sys.argv[1]))["component-definition"]
      component = doc["components"][0]
      requirement = next(r for r in component["control-implementations"][0]["implemented-requirements"]
                         if r["control-id"] == "AIA-12")
      print(requirement["uuid"] == str(uuid.uuid5(ns, "implemented-requirement/AIA-12")))
      print(component["uuid"] == str(uuid.uuid5(ns, "component/" + component["title"].removeprefix("Admission policies of "))))
      """
    let path = TestPaths.temporaryFolder("uuid") + "/check.py"
    try script.write(toFile: path, atomically: true, encoding: .utf8)
    let result = try ReportCLITests.python([path, oscal + "/component-definition.json"])
    #expect(result.output == "True\nTrue\n", "\(result.output)")
  }

  @Test("bad input: a diagnostic with its location and exit status, and --out left as it was")
  func badInput() throws {
    let (tree, _) = try Self.export.get()
    let folder = TestPaths.temporaryFolder("oscal-bad")
    let out = folder + "/out"
    // Not a policy tree.
    try FileManager.default.createDirectory(atPath: folder + "/empty", withIntermediateDirectories: true)
    var run = try cli.run(["oscal", "--policies", folder + "/empty", "--out", out])
    #expect(run.status == 3)
    #expect(run.stderr.contains("\(folder)/empty: error: no index.json"), "\(run.stderr)")
    #expect(run.stderr.contains("[policies.no-index]"))
    #expect(!FileManager.default.fileExists(atPath: out))
    // A good export first, which every failure below must leave as it is.
    #expect(try cli.run(["oscal", "--policies", tree, "--out", out]).status == 0)
    let good = PolicyCLITests.snapshot(out)
    // index.json cut short.
    let copy = folder + "/tree"
    try FileManager.default.copyItem(atPath: tree, toPath: copy)
    let index = try String(contentsOfFile: copy + "/index.json", encoding: .utf8)
    try String(index.prefix(500)).write(toFile: copy + "/index.json", atomically: true, encoding: .utf8)
    run = try cli.run(["oscal", "--policies", copy, "--out", out])
    #expect(run.status == 3)
    #expect(run.stderr.contains("\(copy)/index.json: error: not a regpolicy index"), "\(run.stderr)")
    #expect(run.stderr.contains("[policies.malformed-index]"))
    // Two files the index lists are missing: both are reported.
    try index.write(toFile: copy + "/index.json", atomically: true, encoding: .utf8)
    try FileManager.default.removeItem(atPath: copy + "/rego/32024R1689/aia-12/policy.rego")
    try FileManager.default.removeItem(atPath: copy + "/kyverno/32024R1689/aia-14/clusterpolicy.yaml")
    run = try cli.run(["oscal", "--policies", copy, "--out", out])
    #expect(run.status == 3)
    #expect(
      run.stderr.contains("\(copy)/rego/32024R1689/aia-12/policy.rego: error: cannot read file [input.unreadable]"))
    #expect(run.stderr.contains("\(copy)/kyverno/32024R1689/aia-14/clusterpolicy.yaml: error:"), "\(run.stderr)")
    // A control id OSCAL cannot take.
    try FileManager.default.removeItem(atPath: copy)
    try FileManager.default.copyItem(atPath: tree, toPath: copy)
    try index.replacingOccurrences(of: "\"AIA-12\"", with: "\"12 AIA\"")
      .write(toFile: copy + "/index.json", atomically: true, encoding: .utf8)
    run = try cli.run(["oscal", "--policies", copy, "--out", out])
    #expect(run.status == 3)
    #expect(
      run.stderr.contains("\(copy)/index.json: error: control id '12 AIA' is not an OSCAL token"), "\(run.stderr)")
    #expect(run.stderr.contains("[oscal.invalid-id]"))
    #expect(PolicyCLITests.snapshot(out) == good)
    // --out holding a file regpolicy did not write, or the policy tree itself, is not replaced.
    try Data("mine".utf8).write(to: URL(fileURLWithPath: out + "/notes.txt"))
    run = try cli.run(["oscal", "--policies", tree, "--out", out])
    #expect(run.status == 4)
    #expect(run.stderr.contains("[output.not-generated]"), "\(run.stderr)")
    let treeBefore = PolicyCLITests.snapshot(tree)
    run = try cli.run(["oscal", "--policies", tree, "--out", tree])
    #expect(run.status == 4)
    #expect(PolicyCLITests.snapshot(tree) == treeBefore)
  }

  @Test("--help documents the command")
  func help() throws {
    let run = try cli.run(["oscal", "--help"])
    #expect(run.status == 0)
    #expect(run.stdout.contains("--policies"))
    #expect(run.stdout.contains("component-definition.json"))
  }
}
