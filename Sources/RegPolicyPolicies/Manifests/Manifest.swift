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
  /// Lines of the keys a finding can point at: "metadata", "labels", "annotations", and
  /// "labels/KEY", "annotations/KEY" for each label and annotation.
  public var keyLines: [String: Int] = [:]

  /// The line a finding about `key` in `field` ("labels", "annotations") points at: the key's own
  /// line, else (the key is missing) the line of the field, of metadata, or of the document.
  public func line(of field: String, key: String) -> Int {
    keyLines[field + "/" + key] ?? keyLines[field] ?? keyLines["metadata"] ?? line
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
          for key in manifest.keyLines.keys { manifest.keyLines[key]! += offset }
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
    labels = Manifest.values(metadata?["labels"])
    annotations = Manifest.values(metadata?["annotations"])
    if let mapping = node.mapping {
      for (key, value) in mapping where key.string == "metadata" {
        keyLines["metadata"] = key.mark?.line
        for (field, entries) in value.mapping ?? [:] where field.string == "labels" || field.string == "annotations" {
          guard let name = field.string else { continue }
          keyLines[name] = field.mark?.line
          for (entry, _) in entries.mapping ?? [:] {
            if let text = entry.string { keyLines[name + "/" + text] = entry.mark?.line }
          }
        }
      }
    }
    let podSpec: Node? =
      switch kind {
      case "Pod": node["spec"]
      case "CronJob": node["spec"]?["jobTemplate"]?["spec"]?["template"]?["spec"]
      default: node["spec"]?["template"]?["spec"]
      }
    containers = (podSpec?["containers"]?.sequence.map(Array.init) ?? []).map { container in
      let resources = container["resources"]
      return (Manifest.values(resources?["limits"]), Manifest.values(resources?["requests"]))
    }
  }

  private static func values(_ node: Node?) -> [String: Value] {
    guard let mapping = node?.mapping else { return [:] }
    var values: [String: Value] = [:]
    for (key, value) in mapping {
      guard let key = key.string else { continue }
      values[key] = Manifest.value(value)
    }
    return values
  }

  /// A scalar as the policies see it; mappings and sequences are `.other`.
  static func value(_ node: Node) -> Value {
    guard case .scalar(let scalar) = node else { return .other }
    return scalar.style == .plain ? PlainScalar.value(scalar.string) : .string(scalar.string)
  }
}
