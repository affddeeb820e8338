import Yams

/// A YAML node with the file it came from, read with errors that name the file and line: the one
/// place that knows Yams' node API. Profiles and rules are read through it.
struct YAMLValue {
  let node: Node
  let file: String

  var line: Int { node.mark?.line ?? 0 }
  var column: Int { node.mark?.column ?? 0 }

  /// Parses one YAML document; a syntax error becomes `code` with the parser's position.
  static func parse(_ text: String, file: String, code: String) throws(PolicyError) -> YAMLValue {
    do {
      guard let node = try Yams.compose(yaml: text, .default, .default, .utf8) else {
        throw PolicyError(code, file: file, line: 1, "empty document")
      }
      return YAMLValue(node: node, file: file)
    } catch let error as PolicyError {
      throw error
    } catch {
      throw YAMLValue.error(error, file: file, code: code)
    }
  }

  /// A Yams error as a `PolicyError` with its line and column.
  static func error(_ error: any Error, file: String, code: String) -> PolicyError {
    switch error as? YamlError {
    case .scanner(_, let problem, let mark, _)?, .parser(_, let problem, let mark, _)?,
      .composer(_, let problem, let mark, _)?:
      return PolicyError(code, file: file, line: mark.line, column: mark.column, "not YAML: \(problem)")
    case .reader(let problem, _, _, _)?:
      return PolicyError(code, file: file, line: 1, "not YAML: \(problem)")
    case .duplicatedKeysInMapping(let duplicates, let context)?:
      return PolicyError(
        code, file: file, line: context.mark.line, column: context.mark.column,
        "duplicate key '\(duplicates.sorted().joined(separator: "', '"))'")
    default:
      return PolicyError(code, file: file, line: 1, "not YAML: \(error)")
    }
  }

  func failure(_ code: String, _ message: String) -> PolicyError {
    PolicyError(code, file: file, line: line, column: column, message)
  }

  /// The mapping's entries in file order; an error unless this is a mapping.
  func entries(_ what: String) throws(PolicyError) -> [(key: String, value: YAMLValue)] {
    guard let mapping = node.mapping else { throw failure("yaml.type", "\(what) must be a mapping") }
    return mapping.map { (key: $0.key.string ?? "", value: YAMLValue(node: $0.value, file: file)) }
  }

  /// Checks that a mapping has only the given keys (typos are errors, not silently ignored).
  func keys(_ what: String, allowed: Set<String>, code: String) throws(PolicyError) {
    for (key, value) in try entries(what) where !allowed.contains(key) {
      throw PolicyError(
        code, file: file, line: value.line, column: value.column,
        "unknown key '\(key)' in \(what); expected one of \(allowed.sorted().joined(separator: ", "))")
    }
  }

  subscript(key: String) -> YAMLValue? {
    node.mapping?[Node(key)].map { YAMLValue(node: $0, file: file) }
  }

  func required(_ key: String, in what: String, code: String) throws(PolicyError) -> YAMLValue {
    guard let value = self[key] else { throw failure(code, "\(what) is missing required key '\(key)'") }
    return value
  }

  /// A scalar as text; an error for mappings and sequences.
  func string(_ what: String) throws(PolicyError) -> String {
    guard case .scalar(let scalar) = node else { throw failure("yaml.type", "\(what) must be a single value") }
    return scalar.string
  }

  func int(_ what: String) throws(PolicyError) -> Int {
    guard let value = Int(try string(what)) else { throw failure("yaml.type", "\(what) must be a whole number") }
    return value
  }

  func bool(_ what: String) throws(PolicyError) -> Bool {
    switch try string(what) {
    case "true": return true
    case "false": return false
    default: throw failure("yaml.type", "\(what) must be true or false")
    }
  }

  /// A sequence of scalars; a single scalar counts as a sequence of one.
  func strings(_ what: String) throws(PolicyError) -> [String] {
    if case .scalar = node { return [try string(what)] }
    guard let sequence = node.sequence else { throw failure("yaml.type", "\(what) must be a list") }
    var values: [String] = []
    for item in sequence { values.append(try YAMLValue(node: item, file: file).string(what)) }
    return values
  }

  func items(_ what: String) throws(PolicyError) -> [YAMLValue] {
    guard let sequence = node.sequence else { throw failure("yaml.type", "\(what) must be a list") }
    return sequence.map { YAMLValue(node: $0, file: file) }
  }
}
