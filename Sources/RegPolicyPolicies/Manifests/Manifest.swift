import Yams

/// One Kubernetes object read from a manifest file: what the checks look at, nothing more.
public struct Manifest: Hashable, Sendable {
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

  public static func == (lhs: Manifest, rhs: Manifest) -> Bool {
    lhs.file == rhs.file && lhs.line == rhs.line && lhs.kind == rhs.kind && lhs.name == rhs.name
      && lhs.namespace == rhs.namespace && lhs.labels == rhs.labels && lhs.annotations == rhs.annotations
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(file)
    hasher.combine(line)
    hasher.combine(name)
  }

  /// "deployment/ml/scorer": the object as messages name it.
  public var subject: String { "\(kind.lowercased())/\(namespace)/\(name)" }

  /// Reads every document of a multi-document YAML file. Empty documents are skipped; a document
  /// that is not a Kubernetes object (apiVersion, kind, metadata.name) is an error at its line, and
  /// a YAML syntax error stops the file there.
  public static func read(_ text: String, file: String) -> (manifests: [Manifest], errors: [PolicyError]) {
    var manifests: [Manifest] = []
    var errors: [PolicyError] = []
    let documents: YamlSequence<Node>
    do {
      documents = try Yams.compose_all(yaml: text)
    } catch {
      return ([], [YAMLValue.error(error, file: file, code: "manifest.not-yaml")])
    }
    var iterator = documents.makeIterator()
    while let node = iterator.next() {
      if case .scalar(let scalar) = node, scalar.string.isEmpty || node.tag.rawValue == Tag.Name.null.rawValue { continue }
      do {
        manifests.append(try Manifest(node: node, file: file))
      } catch {
        errors.append(error)
      }
    }
    if let error = iterator.error { errors.append(YAMLValue.error(error, file: file, code: "manifest.not-yaml")) }
    return (manifests, errors)
  }

  init(
    file: String, line: Int, apiVersion: String, kind: String, name: String, namespace: String,
    labels: [String: Value], annotations: [String: Value], containers: [(limits: [String: Value], requests: [String: Value])]
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

  init(node: Node, file: String) throws(PolicyError) {
    let line = node.mark?.line ?? 0
    func failure(_ message: String) -> PolicyError {
      PolicyError("manifest.not-kubernetes", file: file, line: line, column: node.mark?.column ?? 0, message)
    }
    guard node.mapping != nil else { throw failure("document is not a Kubernetes object (not a mapping)") }
    func text(_ value: Node?) -> String? {
      guard let value, case .scalar(let scalar) = value, value.tag.rawValue == Tag.Name.str.rawValue else { return nil }
      return scalar.string
    }
    guard let apiVersion = text(node["apiVersion"]), !apiVersion.isEmpty else {
      throw failure("document is not a Kubernetes object: no apiVersion")
    }
    guard let kind = text(node["kind"]), !kind.isEmpty else { throw failure("document is not a Kubernetes object: no kind") }
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

  private static func value(_ node: Node) -> Value {
    guard case .scalar(let scalar) = node else { return .other }
    switch Tag.Name(rawValue: node.tag.rawValue) {
    case .str: return .string(scalar.string)
    case .int: return Int(scalar.string).map { .number(Double($0)) } ?? .other
    case .float: return Double(scalar.string).map { .number($0) } ?? .other
    default: return .other
    }
  }
}
