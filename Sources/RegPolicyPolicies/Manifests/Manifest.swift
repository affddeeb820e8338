import RegPolicyModel
import Yams

/// One Kubernetes object read from a manifest file: what the checks look at, nothing more.
public struct Manifest: Sendable {
  /// A YAML value as the policies see it: strings are compared, numbers counted, anything else
  /// (booleans, maps, nulls) is neither — exactly as a Rego `is_string`/`is_number` test sees it.
  public enum Value: Hashable, Sendable {
    case string(String)
    case number(Double)
    case other

    var string: String? { if case .string(let value) = self { value } else { nil } }
  }

  public var file: String
  /// Line of the document's first key.
  public var line: Int
  public var apiVersion: String
  public var kind: String
  public var name: String
  public var namespace: String
  public var labels: [String: Value]
  public var annotations: [String: Value]
  /// For each container of the pod template: its `resources.limits` and `resources.requests`.
  public var containers: [(limits: [String: Value], requests: [String: Value])]
  /// The same for each init container that runs before them, one at a time.
  public var initContainers: [(limits: [String: Value], requests: [String: Value])] = []
  /// The same for each sidecar: an init container with `restartPolicy: Always`, which keeps running
  /// beside the containers.
  public var sidecars: [(limits: [String: Value], requests: [String: Value])] = []
  /// Lines, within the document, of the keys a finding can point at: each label's and
  /// annotation's, and those of `metadata:`, `labels:` and `annotations:`.
  var labelLines: [String: Int] = [:]
  var annotationLines: [String: Int] = [:]
  var fieldLines: (metadata: Int?, labels: Int?, annotations: Int?) = (nil, nil, nil)
  /// Lines of the stream before the document.
  var documentOffset = 0

  /// The line a finding about `key` in `field` ("labels", "annotations") points at: the key's own
  /// line, else (the key is missing) the line of the field, of metadata, or of the document.
  public func line(of field: String, key: String) -> Int {
    let labels = field == "labels"
    let own = labels ? labelLines[key] : annotationLines[key]
    guard let found = own ?? (labels ? fieldLines.labels : fieldLines.annotations) ?? fieldLines.metadata else {
      return line
    }
    return found + documentOffset
  }

  /// The GPUs the pod asks for, as the scheduler reserves them: its sidecars' and the larger of its
  /// containers' sum and its largest init container (init containers run one at a time, before
  /// the containers). This counts a sidecar started after an init container beside that init
  /// container too: an upper bound, never below what Kubernetes reserves. A container's GPUs are
  /// its limit of `resource`, else its request; a number, or a string of digits (as Rego reads
  /// them), anything else counting nothing. Every engine's rendering computes the same.
  public func gpus(_ resource: String) -> Double {
    func amount(_ container: (limits: [String: Value], requests: [String: Value])) -> Double {
      switch container.limits[resource] ?? container.requests[resource] {
      case .number(let value)?: value
      case .string(let text)? where !text.isEmpty && text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }):
        Double(text) ?? 0
      default: 0
      }
    }
    let running = containers.reduce(0) { $0 + amount($1) }
    let initial = initContainers.map(amount).max() ?? 0
    return sidecars.reduce(0) { $0 + amount($1) } + max(running, initial)
  }

  /// "deployment/ml/scorer": the object as messages name it.
  public var subject: String { "\(kind.lowercased())/\(namespace)/\(name)" }

  /// Reads every document of a multi-document YAML file. Empty documents are skipped; a list
  /// (`kind: List`, or `DeploymentList` and the like, as `kubectl get -o yaml` prints several
  /// objects) stands for its items; a document or item that is not YAML, or not a Kubernetes object
  /// (apiVersion, kind, metadata.name), is an error at its line and the others are still read.
  ///
  /// A line starting with `---` always begins a document (YAML forbids it inside content), so the
  /// file is cut there and the documents are parsed on every core; results keep file order.
  public static func read(_ text: String, file: String) -> (manifests: [Manifest], errors: [Diagnostic]) {
    let results = Manifest.documents(text).concurrentMap { offset, source -> [Result<Manifest, Diagnostic>] in
      let node: Node
      do {
        // The encoding is given: its default reads the whole environment on every call.
        guard let composed = try Yams.compose(yaml: source, .basic, .default, .utf8) else { return [] }
        node = composed
      } catch {
        var failure = YAMLValue.error(error, file: file, code: .manifestNotYAML)
        failure.line += offset
        return [.failure(failure)]
      }
      if case .scalar = node, case .other = Manifest.value(node) { return [] }
      let kind = node["kind"].flatMap { Manifest.value($0).string } ?? ""
      let objects = kind.hasSuffix("List") ? node["items"]?.sequence.map(Array.init) ?? [node] : [node]
      return objects.map { object in
        do throws(Diagnostic) {
          var manifest = try Manifest(node: object, file: file)
          manifest.line += offset
          manifest.documentOffset = offset
          return .success(manifest)
        } catch {
          var error = error
          error.line += offset
          return .failure(error)
        }
      }
    }
    var manifests: [Manifest] = []
    var errors: [Diagnostic] = []
    for result in results.joined() {
      switch result {
      case .success(let manifest): manifests.append(manifest)
      case .failure(let error): errors.append(error)
      }
    }
    return (manifests, errors)
  }

  /// The documents of a stream: (lines before the document, its text), cut before every line that
  /// starts with `---` followed by nothing, a space or a tab.
  static func documents(_ text: String) -> [(Int, String)] {
    var documents: [(Int, String)] = []
    var start = text.utf8.startIndex
    var startLine = 0
    var line = 0
    var index = text.utf8.startIndex
    let utf8 = text.utf8
    while index < utf8.endIndex {
      if utf8[index...].starts(with: "---".utf8) {
        let after = utf8.index(index, offsetBy: 3)
        let next = after < utf8.endIndex ? utf8[after] : UInt8(ascii: "\n")
        if next == UInt8(ascii: "\n") || next == UInt8(ascii: " ") || next == UInt8(ascii: "\t")
          || next == UInt8(ascii: "\r"), index > start
        {
          documents.append((startLine, String(text[start..<index])))
          start = index
          startLine = line
        }
      }
      guard let newline = utf8[index...].firstIndex(of: UInt8(ascii: "\n")) else { break }
      index = utf8.index(after: newline)
      line += 1
    }
    if start < utf8.endIndex { documents.append((startLine, String(text[start...]))) }
    return documents
  }

  init(
    file: String, line: Int, apiVersion: String, kind: String, name: String, namespace: String,
    labels: [String: Value], annotations: [String: Value],
    containers: [(limits: [String: Value], requests: [String: Value])]
  ) {
    self.file = file
    self.line = line
    self.apiVersion = apiVersion
    self.kind = kind
    self.name = name
    self.namespace = namespace
    self.labels = labels
    self.annotations = annotations
    self.containers = containers
  }

  init(node: Node, file: String) throws(Diagnostic) {
    let line = node.mark?.line ?? 0
    func failure(_ message: String) -> Diagnostic {
      Diagnostic.error(.manifestNotKubernetes, file: file, line: line, column: node.mark?.column ?? 0, message)
    }
    guard node.mapping != nil else { throw failure("document is not a Kubernetes object (not a mapping)") }
    func text(_ value: Node?) -> String? { value.flatMap { Manifest.value($0).string } }
    guard let apiVersion = text(node["apiVersion"]), !apiVersion.isEmpty else {
      throw failure("document is not a Kubernetes object: no apiVersion")
    }
    guard let kind = text(node["kind"]), !kind.isEmpty else {
      throw failure("document is not a Kubernetes object: no kind")
    }
    let metadata = node["metadata"]
    guard let name = text(metadata?["name"]), !name.isEmpty else {
      throw failure("document is not a Kubernetes object: no metadata.name")
    }
    self.file = file
    self.line = line
    self.apiVersion = apiVersion
    self.kind = kind
    self.name = name
    namespace = text(metadata?["namespace"]) ?? "default"
    (labels, labelLines) = Manifest.values(metadata?["labels"])
    (annotations, annotationLines) = Manifest.values(metadata?["annotations"])
    // The lines of the keys themselves (the values' nodes carry their own).
    for (key, value) in node.mapping ?? [:] where key.string == "metadata" {
      fieldLines.metadata = key.mark?.line
      for (field, _) in value.mapping ?? [:] {
        if field.string == "labels" { fieldLines.labels = field.mark?.line }
        if field.string == "annotations" { fieldLines.annotations = field.mark?.line }
      }
    }
    let podSpec: Node? =
      switch kind {
      case "Pod": node["spec"]
      case "CronJob": node["spec"]?["jobTemplate"]?["spec"]?["template"]?["spec"]
      default: node["spec"]?["template"]?["spec"]
      }
    func resources(_ container: Node) -> (limits: [String: Value], requests: [String: Value]) {
      let resources = container["resources"]
      return (Manifest.values(resources?["limits"]).values, Manifest.values(resources?["requests"]).values)
    }
    containers = (podSpec?["containers"]?.sequence.map(Array.init) ?? []).map(resources)
    for container in podSpec?["initContainers"]?.sequence.map(Array.init) ?? [] {
      let sidecar = container["restartPolicy"].map { Manifest.value($0) } == .string("Always")
      if sidecar { sidecars.append(resources(container)) } else { initContainers.append(resources(container)) }
    }
  }

  /// A mapping's scalar values by key, and the line of each key.
  private static func values(_ node: Node?) -> (values: [String: Value], lines: [String: Int]) {
    guard let mapping = node?.mapping else { return ([:], [:]) }
    var values: [String: Value] = [:]
    var lines: [String: Int] = [:]
    values.reserveCapacity(mapping.count)
    lines.reserveCapacity(mapping.count)
    for (key, value) in mapping {
      guard let name = key.string else { continue }
      values[name] = Manifest.value(value)
      lines[name] = key.mark?.line
    }
    return (values, lines)
  }

  /// A scalar as the policies see it; mappings and sequences are `.other`.
  static func value(_ node: Node) -> Value {
    guard case .scalar(let scalar) = node else { return .other }
    return scalar.style == .plain ? PlainScalar.value(scalar.string) : .string(scalar.string)
  }
}
