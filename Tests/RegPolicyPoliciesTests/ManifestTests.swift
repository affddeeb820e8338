import RegPolicyModel
import RegPolicyPolicies
import Testing

@Suite("Manifests")
struct ManifestTests {
  static let pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: %@\n"

  @Test("documents keep their lines; a bad document is reported at its line and the others are read")
  func documents() {
    let text =
      "# leading comment\n" + Self.pod.replacingOccurrences(of: "%@", with: "a") + "---\n"
      + "kind: [broken\n" + "---\n" + "--- \n" + Self.pod.replacingOccurrences(of: "%@", with: "b")
      + "---\nlist: [1]\n"
    let read = Manifest.read(text, file: "m.yaml")
    #expect(read.manifests.map(\.name) == ["a", "b"])
    #expect(read.manifests.map(\.line) == [2, 10])
    #expect(read.errors.map(\.code) == [DiagnosticCode.manifestNotYAML, DiagnosticCode.manifestNotKubernetes])
    #expect(read.errors.map(\.line) == [8, 15])
  }

  /// `kubectl get deployments,pods -o yaml` prints one `kind: List` whose items are the objects.
  @Test("a list stands for its items, each at its own line; a bad item is reported and the others read")
  func list() {
    let text = """
      apiVersion: v1
      items:
      - apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: scorer
          namespace: ml
      - apiVersion: v1
        kind: Pod
        metadata: {}
      - apiVersion: v1
        kind: Pod
        metadata:
          name: runner
      kind: List
      metadata:
        resourceVersion: ""
      ---
      apiVersion: apps/v1
      kind: DeploymentList
      items: []

      """
    let read = Manifest.read(text, file: "kubectl.yaml")
    #expect(read.manifests.map(\.subject) == ["deployment/ml/scorer", "pod/default/runner"])
    #expect(read.manifests.map(\.line) == [3, 11])
    #expect(read.errors.map(\.code) == [DiagnosticCode.manifestNotKubernetes])
    #expect(read.errors.map(\.line) == [8])
  }

  @Test(
    "plain scalars resolve as YAML 1.1 (PyYAML) does; quoted ones are strings",
    arguments: [
      ("\"true\"", Manifest.Value.string("true")), ("true", .other), ("yes", .other), ("Off", .other), ("~", .other),
      ("null", .other), ("42", .number(42)), ("-7", .number(-7)), ("0x1F", .number(31)), ("012", .number(10)),
      ("0o17", .number(15)), ("1_000", .number(1000)), ("1.5", .number(1.5)), ("'1.5'", .string("1.5")),
      ("1e5", .string("1e5")), ("2024-08-02", .string("2024-08-02")), ("cc-1001", .string("cc-1001")),
      ("enabled", .string("enabled")), ("6 months", .string("6 months")),
    ])
  func scalars(_ yaml: String, _ expected: Manifest.Value) throws {
    let read = Manifest.read(
      "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels:\n    k: \(yaml)\n", file: "m.yaml")
    let manifest = try #require(read.manifests.first)
    #expect(manifest.labels["k"] == expected)
  }
}

@Suite("Hostile manifests")
struct HostileManifestTests {
  static let header = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n"

  @Test("absurd flow nesting is refused at its line, not a crash")
  func flowNesting() {
    let read = Manifest.read(
      Self.header + "spec: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000),
      file: "deep.yaml")
    #expect(read.manifests.isEmpty)
    #expect(read.errors.map(\.code) == [DiagnosticCode.manifestNotYAML])
    #expect(read.errors.first?.line == 5)
  }

  @Test("absurd block nesting is refused, not a crash")
  func blockNesting() {
    var text = Self.header + "spec:\n"
    for depth in 1...3000 { text += String(repeating: " ", count: depth) + "k:\n" }
    let read = Manifest.read(text, file: "deep.yaml")
    #expect(read.manifests.isEmpty)
    #expect(read.errors.map(\.code) == [DiagnosticCode.manifestNotYAML])
  }

  @Test("an alias bomb is read without expanding it")
  func aliasBomb() {
    var text = Self.header + "  labels: &a0 {k: v}\n"
    for level in 1..<30 {
      text += "x\(level): &a\(level) [*a\(level - 1), *a\(level - 1), *a\(level - 1), *a\(level - 1)]\n"
    }
    let clock = ContinuousClock()
    let elapsed = clock.measure {
      let read = Manifest.read(text, file: "bomb.yaml")
      #expect(read.manifests.first?.labels["k"] == .string("v"))
    }
    // 4^29 nodes if expanded; read as shared references it takes milliseconds.
    #expect(elapsed < .seconds(5))
  }
}
